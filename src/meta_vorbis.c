/*
 * meta_vorbis: chapter comments in FLAC (see meta_vorbis.h).
 *
 * A FLAC file is "fLaC", metadata blocks, then audio frames.  A block is a
 * header byte (bit 7: last block; bits 0-6: type; 4 = VORBIS_COMMENT), a
 * 24-bit big-endian length and the body.  A Vorbis comment body is
 * little-endian: vendor length, vendor, count, then length + "KEY=value"
 * for each comment.
 */
#include "meta_vorbis.h"

#include "diag.h"

#include <errno.h>
#include <math.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

enum { FLAC_STREAMINFO = 0, FLAC_VORBIS_COMMENT = 4 };
#define FLAC_MAX_META (64u << 20)

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

size_t vorbis_chapter_comments(const struct chapter_mark *c, size_t n, struct buf *out)
{
	if (n > VORBIS_MAX_CHAPTERS) {
		warning("%zu chapters; Vorbis comments number at most %d", n, VORBIS_MAX_CHAPTERS);
		n = VORBIS_MAX_CHAPTERS;
	}
	size_t count = 0;
	for (size_t i = 0; i < n; i++) {
		long long ms = c[i].start > 0 ? llround(c[i].start * 1000.0) : 0;
		buf_addf(out, "CHAPTER%03zu=%02lld:%02lld:%02lld.%03lld", i, ms / 3600000,
			 ms / 60000 % 60, ms / 1000 % 60, ms % 1000);
		buf_add(out, "\0", 1);
		count++;
		if (c[i].title) {
			buf_addf(out, "CHAPTER%03zuNAME=%s", i, c[i].title);
			buf_add(out, "\0", 1);
			count++;
		}
	}
	return count;
}

/* Appends the comment strings of an old comment body, except any CHAPTER*
 * ones, NUL-separated, to keep; sets *used; returns their count or -1. */
static long keep_comments(const unsigned char *b, size_t len, struct buf *vendor,
			  struct buf *keep, size_t *used)
{
	if (len < 8)
		return -1;
	uint32_t vlen = get_le32(b);
	if (vlen > len - 8)
		return -1;
	buf_add(vendor, b + 4, vlen);
	size_t i = 4 + vlen;
	uint32_t count = get_le32(b + i);
	long kept = 0;
	i += 4;
	for (uint32_t k = 0; k < count; k++) {
		if (len - i < 4 || get_le32(b + i) > len - i - 4)
			return -1;
		uint32_t clen = get_le32(b + i);
		const char *s = (const char *)b + i + 4;
		if ((clen < 7 || strncasecmp(s, "CHAPTER", 7)) && !memchr(s, '\0', clen)) {
			buf_add(keep, s, clen);
			buf_add(keep, "\0", 1);
			kept++;
		}
		i += 4 + clen;
	}
	*used = i;
	return kept;
}

int vorbis_comment_rebuild(const unsigned char *old, size_t len, const struct chapter_mark *c,
			   size_t n, struct buf *out, size_t *used)
{
	struct buf vendor = BUF_INIT, keep = BUF_INIT, chap = BUF_INIT;
	long kept = 0;
	*used = 0;
	if (old && (kept = keep_comments(old, len, &vendor, &keep, used)) < 0) {
		buf_release(&vendor);
		buf_release(&keep);
		return -1;
	}
	if (!vendor.len)
		buf_adds(&vendor, "narrate");
	size_t count = (size_t)kept + vorbis_chapter_comments(c, n, &chap);
	put_le32(out, (uint32_t)vendor.len);
	buf_add(out, vendor.data, vendor.len);
	put_le32(out, (uint32_t)count);
	const struct buf *lists[2] = { &keep, &chap };
	for (int l = 0; l < 2; l++)
		for (size_t i = 0; i < lists[l]->len;) {
			size_t k = strlen(lists[l]->data + i);
			put_le32(out, (uint32_t)k);
			buf_add(out, lists[l]->data + i, k);
			i += k + 1;
		}
	buf_release(&vendor);
	buf_release(&keep);
	buf_release(&chap);
	return 0;
}

static void add_block(struct buf *out, int type, const void *body, size_t len)
{
	unsigned char h[4] = { (unsigned char)type, (unsigned char)(len >> 16),
			       (unsigned char)(len >> 8), (unsigned char)len };
	buf_add(out, h, 4);
	buf_add(out, body, len);
}

/* The blocks after STREAMINFO, except VORBIS_COMMENT, into rest; the old
 * comment body (or NULL) into *vc.  Returns the metadata length or 0. */
static size_t split_blocks(const unsigned char *head, size_t len, struct buf *rest,
			   const unsigned char **vc, size_t *vc_len)
{
	size_t i = 4;
	bool last = false;
	*vc = NULL;
	while (!last) {
		if (len - i < 4)
			return 0;
		size_t blen = (size_t)head[i + 1] << 16 | (size_t)head[i + 2] << 8 | head[i + 3];
		if (blen > len - i - 4)
			return 0;
		int type = head[i] & 0x7F;
		last = head[i] & 0x80;
		if (type == FLAC_VORBIS_COMMENT) {
			*vc = head + i + 4;
			*vc_len = blen;
		} else if (i > 4) {
			add_block(rest, type, head + i + 4, blen);
		}
		i += 4 + blen;
	}
	return i;
}

/* Sets the last-block flag on the final block of out, whose blocks start at from. */
static void mark_last(struct buf *out, size_t from)
{
	size_t at = from;
	for (size_t j = from; j < out->len;) {
		const unsigned char *h = (const unsigned char *)out->data + j;
		at = j;
		j += 4 + ((size_t)h[1] << 16 | (size_t)h[2] << 8 | h[3]);
	}
	out->data[at] = (char)(out->data[at] | 0x80);
}

int flac_rewrite_meta(const char *name, const unsigned char *head, size_t len,
		      const struct chapter_mark *c, size_t n, struct buf *out, size_t *meta_len)
{
	struct buf rest = BUF_INIT, body = BUF_INIT;
	const unsigned char *vc;
	size_t vc_len = 0, used;
	int rc = -1;
	if (len < 8 || memcmp(head, "fLaC", 4) || (head[4] & 0x7F) != FLAC_STREAMINFO) {
		error("'%s': not a FLAC file", name);
		goto out;
	}
	if (!(*meta_len = split_blocks(head, len, &rest, &vc, &vc_len))) {
		error("'%s': FLAC metadata is cut short", name);
		goto out;
	}
	if (vorbis_comment_rebuild(vc, vc_len, c, n, &body, &used) < 0) {
		error("'%s': a damaged Vorbis comment block", name);
		goto out;
	}
	if (body.len >= (1u << 24)) {
		error("'%s': too many chapter comments for one FLAC block", name);
		goto out;
	}
	buf_adds(out, "fLaC");
	add_block(out, FLAC_STREAMINFO, head + 8, (size_t)head[5] << 16 | (size_t)head[6] << 8 | head[7]);
	size_t vc_at = out->len;
	add_block(out, FLAC_VORBIS_COMMENT, body.data, body.len);
	buf_add(out, rest.data ? rest.data : "", rest.len);
	mark_last(out, vc_at);
	rc = 0;
out:
	buf_release(&rest);
	buf_release(&body);
	return rc;
}

/* Reads "fLaC" and every metadata block into head. */
static int read_meta(FILE *f, const char *path, struct buf *head)
{
	unsigned char h[4];
	if (fread(h, 1, 4, f) != 4 || memcmp(h, "fLaC", 4))
		return error("'%s': not a FLAC file", path);
	buf_add(head, h, 4);
	bool last = false;
	while (!last) {
		if (fread(h, 1, 4, f) != 4)
			return error("'%s': FLAC metadata is cut short", path);
		size_t blen = (size_t)h[1] << 16 | (size_t)h[2] << 8 | h[3];
		last = h[0] & 0x80;
		if (head->len + 4 + blen > FLAC_MAX_META)
			return error("'%s': FLAC metadata is larger than %u MB", path,
				     FLAC_MAX_META >> 20);
		buf_add(head, h, 4);
		buf_grow(head, blen);
		if (fread(head->data + head->len, 1, blen, f) != blen)
			return error("'%s': FLAC metadata is cut short", path);
		head->len += blen;
		head->data[head->len] = '\0';
	}
	return 0;
}

/* Writes meta, then the rest of in, to a new file at tmp. */
static int write_copy(FILE *in, const char *tmp, const struct buf *meta)
{
	FILE *out = fopen(tmp, "wb");
	if (!out)
		return -1;
	char chunk[65536];
	size_t got;
	bool ok = fwrite(meta->data, 1, meta->len, out) == meta->len;
	while (ok && (got = fread(chunk, 1, sizeof(chunk), in)) > 0)
		ok = fwrite(chunk, 1, got, out) == got;
	ok = ok && !ferror(in) && fflush(out) == 0 && fsync(fileno(out)) == 0;
	if (fclose(out) != 0)
		ok = false;
	return ok ? 0 : -1;
}

int flac_set_chapters(const char *path, const struct chapter_mark *c, size_t n)
{
	FILE *in = fopen(path, "rb");
	if (!in)
		return error("'%s': %s", path, strerror(errno));
	struct buf head = BUF_INIT, meta = BUF_INIT, tmp = BUF_INIT;
	size_t meta_len;
	int rc = -1;
	if (read_meta(in, path, &head) < 0 ||
	    flac_rewrite_meta(path, (unsigned char *)head.data, head.len, c, n, &meta, &meta_len) < 0)
		goto out;
	buf_addf(&tmp, "%s.chapters-tmp", path);
	if (write_copy(in, tmp.data, &meta) < 0 || rename(tmp.data, path) < 0) {
		error("'%s': cannot add chapters: %s", path, strerror(errno));
		unlink(tmp.data);
		goto out;
	}
	rc = 0;
out:
	fclose(in);
	buf_release(&head);
	buf_release(&meta);
	buf_release(&tmp);
	return rc;
}
