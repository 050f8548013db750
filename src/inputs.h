/*
 * inputs: the article files a batch narrates.
 *
 * A PATH is a directory (searched recursively for *.txt files, symbolic
 * links to files followed, links to directories not, so a link loop cannot
 * trap it), a file, or a glob pattern ("archive/2004-*.txt", expanded here
 * when the shell did not); a manifest holds one path per line ("-" reads
 * standard input).  The list comes out sorted by bytes and without repeats,
 * so every run and every shard sees the same order.
 */
#ifndef NARRATE_INPUTS_H
#define NARRATE_INPUTS_H

#include <stddef.h>

struct inputs {
	char **paths;
	size_t n, cap;
};

/* Adds what path names.  Returns 0, or -1 after reporting a path that does
 * not exist or cannot be read (the rest is still added). */
int inputs_add(struct inputs *in, const char *path);
/* Adds every line of a manifest file ("-" for stdin).  Returns 0 or -1. */
int inputs_add_manifest(struct inputs *in, const char *manifest);
/* Sorts and removes repeats. */
void inputs_finish(struct inputs *in);
void inputs_release(struct inputs *in);

#endif
