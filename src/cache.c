/*
 * cache: article audio by spoken-script digest (see cache.h).
 */
#include "cache.h"

#include "buf.h"
#include "diag.h"
#include "fdio.h"
#include "publish.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#define IDX_MAGIC 0x3143524eu   /* "NRC1" */

struct idx_head {
	uint32_t magic;
	uint32_t pad;
	uint64_t samples, speech, n_segs, failed;
};

static void path_of(const char *dir, const char *key, const char *ext, struct buf *out)
{
	buf_reset(out);
	buf_addf(out, "%s/%s.%s", dir, key, ext);
}

void cache_entry_release(struct cache_entry *e)
{
	if (e->fd >= 0)
		close(e->fd);
	free(e->seg_start);
	free(e->seg_end);
	free(e->seg_onset);
	memset(e, 0, sizeof(*e));
	e->fd = -1;
}

int cache_get(const char *dir, const char *key, size_t n_segs, struct cache_entry *e)
{
	struct buf p = BUF_INIT;
	memset(e, 0, sizeof(*e));
	e->fd = -1;
	path_of(dir, key, "idx", &p);
	int ifd = open(p.data, O_RDONLY | O_CLOEXEC);
	int rc = -1;
	struct idx_head h;
	if (ifd < 0 || fd_read_all(ifd, &h, sizeof(h)) < 0 || h.magic != IDX_MAGIC ||
	    h.n_segs != n_segs)
		goto out;
	e->n_segs = n_segs;
	e->samples = h.samples;
	e->speech = h.speech;
	e->failed = h.failed;
	e->seg_start = xcalloc(n_segs ? n_segs : 1, sizeof(uint64_t));
	e->seg_end = xcalloc(n_segs ? n_segs : 1, sizeof(uint64_t));
	e->seg_onset = xcalloc(n_segs ? n_segs : 1, sizeof(uint64_t));
	size_t bytes = n_segs * sizeof(uint64_t);
	if (fd_read_all(ifd, e->seg_start, bytes) < 0 || fd_read_all(ifd, e->seg_end, bytes) < 0 ||
	    fd_read_all(ifd, e->seg_onset, bytes) < 0)
		goto out;
	path_of(dir, key, "pcm", &p);
	e->fd = open(p.data, O_RDONLY | O_CLOEXEC);
	struct stat st;
	if (e->fd < 0 || fstat(e->fd, &st) < 0 ||
	    (unsigned long long)st.st_size != e->samples * sizeof(int16_t))
		goto out;
	/* touch both, so trimming removes the least recently used first */
	futimens(e->fd, NULL);
	futimens(ifd, NULL);
	rc = 0;
out:
	if (ifd >= 0)
		close(ifd);
	if (rc < 0)
		cache_entry_release(e);
	buf_release(&p);
	return rc;
}

struct file_age {
	char *name;
	time_t mtime;
	unsigned long long size;
};

static int oldest_first(const void *a, const void *b)
{
	const struct file_age *x = a, *y = b;
	return (x->mtime > y->mtime) - (x->mtime < y->mtime);
}

/* Removes the least recently used entries until dir fits in cap. */
static void trim(const char *dir, unsigned long long cap)
{
	DIR *d = opendir(dir);
	if (!d)
		return;
	struct file_age *v = NULL;
	size_t n = 0, capn = 0;
	unsigned long long total = 0;
	struct dirent *de;
	struct buf p = BUF_INIT;
	while ((de = readdir(d))) {
		size_t len = strlen(de->d_name);
		if (len < 5 || strcmp(de->d_name + len - 4, ".pcm"))
			continue;
		struct stat st;
		buf_reset(&p);
		buf_addf(&p, "%s/%s", dir, de->d_name);
		if (stat(p.data, &st) < 0)
			continue;
		if (n == capn)
			v = xrealloc(v, (capn = capn ? capn * 2 : 64) * sizeof(*v));
		v[n++] = (struct file_age){ xstrndup(de->d_name, len - 4), st.st_mtime,
					    (unsigned long long)st.st_size };
		total += (unsigned long long)st.st_size;
	}
	closedir(d);
	qsort(v, n, sizeof(*v), oldest_first);
	for (size_t i = 0; i < n; i++) {
		if (total > cap) {
			path_of(dir, v[i].name, "pcm", &p);
			unlink(p.data);
			path_of(dir, v[i].name, "idx", &p);
			unlink(p.data);
			total -= v[i].size;
		}
		free(v[i].name);
	}
	free(v);
	buf_release(&p);
}

void cache_put(const char *dir, const char *key, int fd, const struct cache_entry *e,
	       unsigned long long cap_bytes)
{
	struct buf p = BUF_INIT, idx = BUF_INIT;
	bool q = diag_quiet;
	struct outfile f;
	if (e->samples * sizeof(int16_t) > cap_bytes || make_dirs(dir) < 0)
		goto out;
	path_of(dir, key, "pcm", &p);
	if (lseek(fd, 0, SEEK_SET) < 0 || outfile_open(&f, p.data) < 0)
		goto out;
	char chunk[1 << 16];
	ssize_t got;
	while ((got = read(fd, chunk, sizeof(chunk))) > 0)
		if (outfile_write(&f, chunk, (size_t)got) < 0)
			break;
	if (got < 0 || outfile_commit(&f) < 0)
		goto out;
	struct idx_head h = { IDX_MAGIC, 0, e->samples, e->speech, e->n_segs, e->failed };
	buf_add(&idx, &h, sizeof(h));
	buf_add(&idx, e->seg_start, e->n_segs * sizeof(uint64_t));
	buf_add(&idx, e->seg_end, e->n_segs * sizeof(uint64_t));
	buf_add(&idx, e->seg_onset, e->n_segs * sizeof(uint64_t));
	path_of(dir, key, "idx", &p);
	publish_buffer(p.data, idx.data, idx.len);
	trim(dir, cap_bytes);
out:
	diag_quiet = q;
	buf_release(&p);
	buf_release(&idx);
}
