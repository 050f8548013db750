/*
 * inputs: directories, globs and manifests to a sorted list of files (see
 * inputs.h).
 */
#include "inputs.h"

#include "buf.h"
#include "diag.h"

#include <errno.h>
#include <stdbool.h>
#include <ftw.h>
#include <glob.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static void push(struct inputs *in, const char *path)
{
	if (in->n == in->cap) {
		in->cap = in->cap ? in->cap * 2 : 256;
		in->paths = xrealloc(in->paths, in->cap * sizeof(char *));
	}
	in->paths[in->n++] = xstrdup(path);
}

static bool is_article_name(const char *path)
{
	const char *base = strrchr(path, '/');
	base = base ? base + 1 : path;
	size_t n = strlen(base);
	return base[0] != '.' && n > 4 && !strcmp(base + n - 4, ".txt");
}

/* nftw has no context argument: the walk in progress. */
static struct inputs *walking;

static int on_entry(const char *path, const struct stat *st, int type, struct FTW *ftw)
{
	(void)st;
	const char *base = path + ftw->base;
	if (ftw->level > 0 && base[0] == '.' && (type == FTW_D || type == FTW_DNR))
		return FTW_SKIP_SUBTREE;   /* hidden folders: .cache, .git */
	if (type == FTW_DNR)
		warning("cannot read directory '%s'; skipped", path);
	if (!is_article_name(path))
		return FTW_CONTINUE;
	if (type == FTW_F) {
		push(walking, path);
	} else if (type == FTW_SL) {
		/* a broken link is an article that cannot be read: reported */
		struct stat target;
		if (stat(path, &target) < 0 || S_ISREG(target.st_mode))
			push(walking, path);
	}
	return FTW_CONTINUE;
}

static bool has_glob(const char *s)
{
	return strpbrk(s, "*?[") != NULL;
}

int inputs_add(struct inputs *in, const char *path)
{
	struct stat st;
	if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
		walking = in;
		int rc = nftw(path, on_entry, 32, FTW_PHYS | FTW_ACTIONRETVAL);
		walking = NULL;
		if (rc < 0)
			return error("cannot read directory '%s': %s", path, strerror(errno));
		return 0;
	}
	if (stat(path, &st) == 0 || lstat(path, &st) == 0 || !has_glob(path)) {
		push(in, path);    /* a file; if it cannot be read, narrating says so */
		return 0;
	}
	glob_t g;
	int rc = glob(path, 0, NULL, &g);
	if (rc == GLOB_NOMATCH)
		return error("'%s' matches no file", path);
	if (rc != 0)
		return error("cannot expand '%s'", path);
	for (size_t i = 0; i < g.gl_pathc; i++) {
		if (stat(g.gl_pathv[i], &st) == 0 && S_ISDIR(st.st_mode))
			inputs_add(in, g.gl_pathv[i]);
		else
			push(in, g.gl_pathv[i]);
	}
	globfree(&g);
	return 0;
}

int inputs_add_manifest(struct inputs *in, const char *manifest)
{
	FILE *f = strcmp(manifest, "-") ? fopen(manifest, "r") : stdin;
	if (!f)
		return error("cannot open manifest '%s': %s", manifest, strerror(errno));
	char *line = NULL;
	size_t cap = 0;
	ssize_t n;
	while ((n = getline(&line, &cap, f)) >= 0) {
		while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
			line[--n] = '\0';
		if (n == 0 || line[0] == '#')
			continue;
		push(in, line);
	}
	free(line);
	int rc = ferror(f) ? error("cannot read manifest '%s'", manifest) : 0;
	if (f != stdin)
		fclose(f);
	return rc;
}

static int by_bytes(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

void inputs_finish(struct inputs *in)
{
	if (!in->n)
		return;
	qsort(in->paths, in->n, sizeof(char *), by_bytes);
	size_t w = 1;
	for (size_t i = 1; i < in->n; i++) {
		if (!strcmp(in->paths[i], in->paths[w - 1]))
			free(in->paths[i]);
		else
			in->paths[w++] = in->paths[i];
	}
	in->n = w;
}

void inputs_release(struct inputs *in)
{
	for (size_t i = 0; i < in->n; i++)
		free(in->paths[i]);
	free(in->paths);
	memset(in, 0, sizeof(*in));
}
