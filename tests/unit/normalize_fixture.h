/*
 * normalize_fixture: the normalizer loaded once per test group (data from
 * $NARRATE_DATADIR, else the working directory: the repository root under
 * `make unit`), and say(), which fails with written, got and wanted.
 * Included by the normalizer's unit tests; each is its own program.
 */
#ifndef NARRATE_NORMALIZE_FIXTURE_H
#define NARRATE_NORMALIZE_FIXTURE_H

#include "buf.h"
#include "normalize.h"

#include <stdlib.h>
#include <string.h>

static struct normalizer *nz;

static int setup(void **state)
{
	(void)state;
	const char *dir = getenv("NARRATE_DATADIR");
	nz = normalizer_new(dir && *dir ? dir : ".", "en");
	return nz ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	normalizer_free(nz);
	return 0;
}

static void say(const char *in, const char *want)
{
	struct buf b = BUF_INIT;
	normalizer_run(nz, in, strlen(in), &b, NULL);
	if (strcmp(b.data ? b.data : "", want))
		fail_msg("'%s'\n  got  '%s'\n  want '%s'", in, b.data ? b.data : "", want);
	buf_release(&b);
}

#endif
