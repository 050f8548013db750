/*
 * meta_wavcue: "cue " and LIST/adtl/labl chunks for WAV (see meta_wavcue.h).
 *
 *   "cue " size  count  { id  position  "data"  chunk_start(0)  block_start(0)  sample_offset } x count
 *   "LIST" size  "adtl" { "labl" size  id  text NUL [pad] } ...
 * All numbers are 32-bit little-endian; chunks are padded to even lengths.
 */
#include "meta_wavcue.h"

#include "diag.h"

#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static void put_le32(struct buf *out, uint32_t v)
{
	unsigned char b[4] = { (unsigned char)v, (unsigned char)(v >> 8),
			       (unsigned char)(v >> 16), (unsigned char)(v >> 24) };
	buf_add(out, b, 4);
}

static uint32_t get_le32(const unsigned char *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static uint32_t frames_at(double s, unsigned rate)
{
	if (!(s > 0))
		return 0;
	double f = floor(s * rate + 0.5);
	return f >= 4294967295.0 ? UINT32_MAX : (uint32_t)f;
}

static void build_labels(const struct chapter_mark *c, size_t n, struct buf *out)
{
	size_t at = out->len;
	buf_adds(out, "LIST");
	put_le32(out, 0);
	buf_adds(out, "adtl");
	for (size_t i = 0; i < n; i++) {
		if (!c[i].title)
			continue;
		size_t len = strlen(c[i].title) + 1;
		buf_adds(out, "labl");
		put_le32(out, (uint32_t)(4 + len));
		put_le32(out, (uint32_t)(i + 1));
		buf_add(out, c[i].title, len);
		if (len % 2)
			buf_addc(out, '\0');
	}
	uint32_t size = (uint32_t)(out->len - at - 8);
	unsigned char *p = (unsigned char *)out->data + at + 4;
	for (int k = 0; k < 4; k++)
		p[k] = (unsigned char)(size >> (8 * k));
}

void wavcue_build(const struct chapter_mark *c, size_t n, unsigned rate, struct buf *out)
{
	if (!n)
		return;
	buf_adds(out, "cue ");
	put_le32(out, (uint32_t)(4 + 24 * n));
	put_le32(out, (uint32_t)n);
	for (size_t i = 0; i < n; i++) {
		uint32_t pos = frames_at(c[i].start, rate);
		put_le32(out, (uint32_t)(i + 1));
		put_le32(out, pos);
		buf_adds(out, "data");
		put_le32(out, 0);
		put_le32(out, 0);
		put_le32(out, pos);
	}
	build_labels(c, n, out);
}

/* Reads the 12-byte RIFF header; returns the file length or -1. */
static long long check_riff(FILE *f, const char *path)
{
	unsigned char h[12];
	struct stat st;
	if (fread(h, 1, 12, f) != 12 || memcmp(h, "RIFF", 4) || memcmp(h + 8, "WAVE", 4))
		return error("'%s': not a RIFF WAVE file", path);
	if (fstat(fileno(f), &st) < 0)
		return error("'%s': %s", path, strerror(errno));
	if ((long long)get_le32(h + 4) + 8 != (long long)st.st_size)
		return error("'%s': RIFF size does not match the file", path);
	return (long long)st.st_size;
}

int wavcue_append(const char *path, const struct chapter_mark *c, size_t n, unsigned rate)
{
	if (!n)
		return 0;
	FILE *f = fopen(path, "r+b");
	if (!f)
		return error("'%s': %s", path, strerror(errno));
	struct buf chunks = BUF_INIT;
	int rc = -1;
	long long len = check_riff(f, path);
	if (len < 0)
		goto out;
	if (len % 2)
		buf_addc(&chunks, '\0');   /* the last chunk's pad byte */
	wavcue_build(c, n, rate, &chunks);
	if (len + (long long)chunks.len - 8 > (long long)UINT32_MAX) {
		error("'%s': chapter marks would take the file past 4 GB", path);
		goto out;
	}
	struct buf size = BUF_INIT;
	put_le32(&size, (uint32_t)(len + (long long)chunks.len - 8));
	if (fseek(f, 0, SEEK_END) || fwrite(chunks.data, 1, chunks.len, f) != chunks.len ||
	    fseek(f, 4, SEEK_SET) || fwrite(size.data, 1, 4, f) != 4 || fflush(f)) {
		error("'%s': cannot add chapter marks: %s", path, strerror(errno));
		if (ftruncate(fileno(f), (off_t)len) == 0 && fseek(f, 4, SEEK_SET) == 0) {
			buf_reset(&size);
			put_le32(&size, (uint32_t)(len - 8));
			fwrite(size.data, 1, 4, f);
		}
		buf_release(&size);
		goto out;
	}
	buf_release(&size);
	rc = 0;
out:
	buf_release(&chunks);
	if (fclose(f) != 0 && rc == 0)
		rc = error("'%s': %s", path, strerror(errno));
	return rc;
}
