/*
 * publish: temporary name, fsync, rename (see publish.h).
 */
#include "publish.h"

#include "buf.h"
#include "diag.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char *dir_of(const char *path)
{
	const char *slash = strrchr(path, '/');
	if (!slash)
		return xstrdup(".");
	if (slash == path)
		return xstrdup("/");
	return xstrndup(path, (size_t)(slash - path));
}

int make_dirs(const char *path)
{
	struct buf p = BUF_INIT;
	buf_adds(&p, path);
	int rc = 0;
	for (size_t i = 1; i <= p.len; i++) {
		if (i < p.len && p.data[i] != '/')
			continue;
		char c = p.data[i];
		p.data[i] = '\0';
		if (mkdir(p.data, 0777) < 0 && errno != EEXIST) {
			rc = error("cannot create directory '%s': %s", p.data, strerror(errno));
			break;
		}
		p.data[i] = c;
	}
	struct stat st;
	if (rc == 0 && (stat(path, &st) < 0 || !S_ISDIR(st.st_mode)))
		rc = error("'%s' is not a directory", path);
	buf_release(&p);
	return rc;
}

int outfile_open(struct outfile *f, const char *final)
{
	struct buf tmp = BUF_INIT;
	const char *slash = strrchr(final, '/');
	if (slash)
		buf_add(&tmp, final, (size_t)(slash - final) + 1);
	buf_addf(&tmp, ".%s.partial", slash ? slash + 1 : final);
	f->final = xstrdup(final);
	f->err = 0;
	f->fd = open(tmp.data, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
	f->tmp = buf_detach(&tmp, NULL);
	if (f->fd < 0) {
		int e = errno;
		free(f->final);
		free(f->tmp);
		f->final = f->tmp = NULL;
		return error("cannot write '%s': %s", final, strerror(e));
	}
	return 0;
}

int outfile_write(struct outfile *f, const void *p, size_t n)
{
	const char *c = p;
	if (f->err)
		return -1;
	while (n) {
		ssize_t w = write(f->fd, c, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0) {
			f->err = w < 0 ? errno : ENOSPC;
			return -1;
		}
		c += w;
		n -= (size_t)w;
	}
	return 0;
}

static void release(struct outfile *f)
{
	free(f->final);
	free(f->tmp);
	f->final = f->tmp = NULL;
	f->fd = -1;
}

void outfile_abort(struct outfile *f)
{
	if (!f->tmp)
		return;
	if (f->fd >= 0)
		close(f->fd);
	unlink(f->tmp);
	release(f);
}

int outfile_commit(struct outfile *f)
{
	return outfile_commit_hook(f, NULL, NULL);
}

int outfile_commit_hook(struct outfile *f, int (*hook)(const char *tmp, void *ctx), void *ctx)
{
	if (!f->err && fsync(f->fd) < 0)
		f->err = errno;
	if (close(f->fd) < 0 && !f->err)
		f->err = errno;
	f->fd = -1;
	if (!f->err && hook && hook(f->tmp, ctx) < 0) {
		unlink(f->tmp);
		release(f);
		return -1;
	}
	if (!f->err && rename(f->tmp, f->final) < 0)
		f->err = errno;
	if (f->err) {
		int rc = error("cannot write '%s': %s", f->final, strerror(f->err));
		unlink(f->tmp);
		release(f);
		return rc;
	}
	char *dir = dir_of(f->final);
	int dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (dfd >= 0) {
		fsync(dfd);
		close(dfd);
	}
	free(dir);
	release(f);
	return 0;
}

int publish_buffer(const char *path, const void *data, size_t len)
{
	struct outfile f;
	if (outfile_open(&f, path) < 0)
		return -1;
	outfile_write(&f, data, len);
	return outfile_commit(&f);
}
