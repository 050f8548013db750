/*
 * publish: files appear under their final name complete, or not at all.
 *
 * A file is written as ".NAME.partial" in its target directory, then synced,
 * closed and renamed, and the directory is synced.  A crash, a kill or a
 * full disk leaves at most a .partial file, which the next run replaces.
 */
#ifndef NARRATE_PUBLISH_H
#define NARRATE_PUBLISH_H

#include <stddef.h>

struct outfile {
	char *final;    /* the name it gets when complete */
	char *tmp;      /* where it is written meanwhile */
	int fd;
	int err;        /* the first errno seen while writing, 0 if none */
};

/* Creates the temporary file for final.  Returns 0, or -1 after reporting. */
int outfile_open(struct outfile *f, const char *final);
/* Writes all of p; the first failure is kept in f->err and reported at
 * commit.  Returns 0 or -1. */
int outfile_write(struct outfile *f, const void *p, size_t n);
/* Syncs, closes and renames into place.  On any error (including one kept
 * from an earlier write) removes the temporary file, reports naming final,
 * and returns -1.  Either way f is released. */
int outfile_commit(struct outfile *f);
/* The same, calling hook(tmp, ctx) after the data is synced and closed and
 * before the rename; a hook may rewrite the temporary file (renaming a new
 * one over it).  Its -1 (reported by it) fails the commit. */
int outfile_commit_hook(struct outfile *f, int (*hook)(const char *tmp, void *ctx), void *ctx);
/* Removes the temporary file and releases f. */
void outfile_abort(struct outfile *f);

/* Writes a whole buffer to path the same way.  Returns 0 or -1. */
int publish_buffer(const char *path, const void *data, size_t len);
/* mkdir -p; returns 0, or -1 after reporting. */
int make_dirs(const char *path);

#endif
