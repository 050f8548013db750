/*
 * units_capture: helpers shared by the unit tests (not a module of narrate).
 *
 * Captures what the code under test prints on stderr, so a test can check
 * that an error message names the file, line and column; and makes scratch
 * directories under $TMPDIR that the test removes again.
 */
#ifndef NARRATE_UNITS_CAPTURE_H
#define NARRATE_UNITS_CAPTURE_H

#include "buf.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct capture {
	int saved;
	FILE *tmp;
};

/* Starts sending stderr to a temporary file. */
static inline void capture_begin(struct capture *c)
{
	fflush(stderr);
	c->tmp = tmpfile();
	c->saved = dup(2);
	if (!c->tmp || c->saved < 0)
		abort();
	dup2(fileno(c->tmp), 2);
}

/* Restores stderr and appends what was written meanwhile to out. */
static inline void capture_end(struct capture *c, struct buf *out)
{
	fflush(stderr);
	dup2(c->saved, 2);
	close(c->saved);
	rewind(c->tmp);
	char chunk[4096];
	size_t n;
	while ((n = fread(chunk, 1, sizeof(chunk), c->tmp)) > 0)
		buf_add(out, chunk, n);
	if (!out->data)
		buf_adds(out, "");
	fclose(c->tmp);
}

/* A fresh directory under $TMPDIR (or /tmp); the caller frees the name. */
static inline char *scratch_dir(void)
{
	const char *t = getenv("TMPDIR");
	struct buf p = BUF_INIT;
	buf_addf(&p, "%s/narrate-unit-XXXXXX", t && *t ? t : "/tmp");
	if (!mkdtemp(p.data))
		abort();
	return buf_detach(&p, NULL);
}

/* Writes len bytes of data to dir/name; returns the path (caller frees). */
static inline char *scratch_file(const char *dir, const char *name, const void *data,
				 size_t len)
{
	struct buf p = BUF_INIT;
	buf_addf(&p, "%s/%s", dir, name);
	FILE *f = fopen(p.data, "wb");
	if (!f || fwrite(data, 1, len, f) != len || fclose(f) != 0)
		abort();
	return buf_detach(&p, NULL);
}

/* rm -rf dir (only ever a scratch_dir()). */
static inline void scratch_remove(char *dir)
{
	struct buf cmd = BUF_INIT;
	if (strstr(dir, "narrate-unit-")) {
		buf_addf(&cmd, "rm -rf '%s'", dir);
		if (system(cmd.data) != 0)
			fprintf(stderr, "could not remove %s\n", dir);
	}
	buf_release(&cmd);
	free(dir);
}

#endif
