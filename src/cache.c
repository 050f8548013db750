/*
 * cache: sentence audio by digest of what was said (see cache.h).
 */
#include "cache.h"

#include "diag.h"
#include "fdio.h"
#include "publish.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#define SEG_MAGIC 0x3153524eu   /* "NRS1" */
#define SEG_EXT ".seg"

struct seg_head {
	uint32_t magic;
	uint32_t pad;
	uint64_t samples;
	uint64_t check;         /* digest64 of the samples */
};

static unsigned long long stored_since_trim;

void cache_key(const char *settings, const char *text, char key[DIGEST_HEX])
{
	struct digest d;
	digest_begin(&d);
	digest_adds(&d, "sentence-pcm-1");
	digest_adds(&d, settings);
	digest_adds(&d, text);
	digest_hex(&d, key);
	digest_end(&d);
}

static void entry_path(const char *dir, const char *key, struct buf *out)
{
	buf_reset(out);
	buf_addf(out, "%s/%.2s/%s" SEG_EXT, dir, key, key);
}

bool cache_has(const char *dir, const char *key)
{
	struct buf p = BUF_INIT;
	entry_path(dir, key, &p);
	bool ok = access(p.data, R_OK) == 0;
	buf_release(&p);
	return ok;
}

/* Reads an open entry; 0 when whole and intact. */
static int read_entry(int fd, struct buf *pcm)
{
	struct seg_head h;
	struct stat st;
	if (fstat(fd, &st) < 0 || fd_read_all(fd, &h, sizeof(h)) < 0 || h.magic != SEG_MAGIC ||
	    (unsigned long long)st.st_size != sizeof(h) + h.samples * sizeof(int16_t))
		return -1;
	size_t bytes = (size_t)h.samples * sizeof(int16_t);
	buf_reset(pcm);
	buf_grow(pcm, bytes);
	if (fd_read_all(fd, pcm->data, bytes) < 0 || digest64(pcm->data, bytes) != h.check)
		return -1;
	pcm->len = bytes;
	return 0;
}

int cache_get(const char *dir, const char *key, struct buf *pcm)
{
	struct buf p = BUF_INIT;
	entry_path(dir, key, &p);
	int fd = open(p.data, O_RDONLY | O_CLOEXEC);
	int rc = -1;
	if (fd >= 0) {
		rc = read_entry(fd, pcm);
		if (rc == 0)
			futimens(fd, NULL);     /* recently used */
		else
			unlink(p.data);         /* torn or damaged: synthesize again */
		close(fd);
	}
	buf_release(&p);
	return rc;
}

/* DIR/KK, the folder of the keys that start with KK. */
static int make_bucket(const char *dir, const char *key)
{
	struct buf p = BUF_INIT;
	buf_addf(&p, "%s/%.2s", dir, key);
	int rc = mkdir(p.data, 0755) == 0 || errno == EEXIST ? 0 : -1;
	buf_release(&p);
	return rc;
}

void cache_put(const char *dir, const char *key, const int16_t *pcm, size_t n,
	       unsigned long long cap_bytes)
{
	size_t bytes = n * sizeof(*pcm);
	if (bytes + sizeof(struct seg_head) > cap_bytes)
		return;
	struct buf tmp = BUF_INIT, final = BUF_INIT;
	buf_addf(&tmp, "%s/.%s.%ld.partial", dir, key, (long)getpid());
	entry_path(dir, key, &final);
	struct seg_head h = { SEG_MAGIC, 0, n, digest64(pcm, bytes) };
	int fd = open(tmp.data, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
	if (fd < 0 && errno == ENOENT) {
		bool q = diag_quiet;
		diag_quiet = true;
		make_dirs(dir);
		diag_quiet = q;
		fd = open(tmp.data, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
	}
	if (fd < 0)
		goto out;
	bool ok = fd_write_all(fd, &h, sizeof(h)) == 0 && fd_write_all(fd, pcm, bytes) == 0;
	ok = close(fd) == 0 && ok;
	if (ok && rename(tmp.data, final.data) < 0) {
		ok = errno == ENOENT && make_bucket(dir, key) == 0 &&
		     rename(tmp.data, final.data) == 0;
	}
	if (!ok) {
		unlink(tmp.data);
		goto out;
	}
	stored_since_trim += bytes + sizeof(h);
	if (stored_since_trim > cap_bytes / 16)
		cache_trim(dir, cap_bytes);
out:
	buf_release(&tmp);
	buf_release(&final);
}

struct entry_age {
	char *path;
	struct timespec used;
	unsigned long long size;
};

static int oldest_first(const void *a, const void *b)
{
	const struct entry_age *x = a, *y = b;
	if (x->used.tv_sec != y->used.tv_sec)
		return (x->used.tv_sec > y->used.tv_sec) - (x->used.tv_sec < y->used.tv_sec);
	return (x->used.tv_nsec > y->used.tv_nsec) - (x->used.tv_nsec < y->used.tv_nsec);
}

struct census {
	struct entry_age *v;
	size_t n, cap;
	unsigned long long total;
};

static bool has_suffix(const char *name, const char *suffix)
{
	size_t n = strlen(name), k = strlen(suffix);
	return n > k && !strcmp(name + n - k, suffix);
}

/* Counts the entries in one KK folder. */
static void count_bucket(const char *bucket, struct census *c)
{
	DIR *d = opendir(bucket);
	if (!d)
		return;
	struct dirent *de;
	while ((de = readdir(d))) {
		if (!has_suffix(de->d_name, SEG_EXT))
			continue;
		struct stat st;
		if (fstatat(dirfd(d), de->d_name, &st, AT_SYMLINK_NOFOLLOW) < 0 ||
		    !S_ISREG(st.st_mode))
			continue;
		if (c->n == c->cap)
			c->v = xrealloc(c->v, (c->cap = c->cap ? c->cap * 2 : 256) * sizeof(*c->v));
		struct buf p = BUF_INIT;
		buf_addf(&p, "%s/%s", bucket, de->d_name);
		c->v[c->n++] = (struct entry_age){ buf_detach(&p, NULL), st.st_mtim,
						   (unsigned long long)st.st_size };
		c->total += (unsigned long long)st.st_size;
	}
	closedir(d);
}

void cache_trim(const char *dir, unsigned long long cap_bytes)
{
	stored_since_trim = 0;
	DIR *d = opendir(dir);
	if (!d)
		return;
	struct census c = { 0 };
	struct buf p = BUF_INIT;
	struct dirent *de;
	while ((de = readdir(d))) {
		const char *s = de->d_name;
		if (has_suffix(s, ".pcm") || has_suffix(s, ".idx")) {
			unlinkat(dirfd(d), s, 0);       /* whole articles: an older cache */
			continue;
		}
		if (strlen(s) != 2 || !isxdigit((unsigned char)s[0]) ||
		    !isxdigit((unsigned char)s[1]))
			continue;
		buf_reset(&p);
		buf_addf(&p, "%s/%s", dir, s);
		count_bucket(p.data, &c);
	}
	closedir(d);
	qsort(c.v, c.n, sizeof(*c.v), oldest_first);
	for (size_t i = 0; i < c.n; i++) {
		if (c.total > cap_bytes && unlink(c.v[i].path) == 0)
			c.total -= c.v[i].size;
		free(c.v[i].path);
	}
	free(c.v);
	buf_release(&p);
}
