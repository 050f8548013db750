/*
 * id3read: reads the ID3v2 tag at the start of an MP3 (see id3read.h).
 * Used by `narrate check`; the writer lives with the MP3 encoder.
 *
 * Layout: 10-byte tag header ("ID3", version, revision, flags, syncsafe
 * size), then frames of a 10-byte header (ID, size: plain in 2.3, syncsafe
 * in 2.4, flags) and a body.  CHAP and CTOC bodies end in sub-frames of the
 * same form.
 */
#include "id3read.h"

#include "buf.h"
#include "diag.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_TAG (64u << 20) /* larger tags are taken as malformed */

static uint32_t be32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static uint32_t syncsafe(const unsigned char *p)
{
	return (uint32_t)(p[0] & 0x7f) << 21 | (uint32_t)(p[1] & 0x7f) << 14 |
	       (uint32_t)(p[2] & 0x7f) << 7 | (p[3] & 0x7f);
}

size_t id3read_tag_size(const unsigned char hdr[10])
{
	if (memcmp(hdr, "ID3", 3) || (hdr[3] != 3 && hdr[3] != 4) ||
	    (hdr[6] | hdr[7] | hdr[8] | hdr[9]) & 0x80)
		return 0;
	return 10 + (size_t)syncsafe(hdr + 6) + (hdr[5] & 0x10 ? 10 : 0);
}

static void add_utf8(struct buf *b, uint32_t cp)
{
	if (cp < 0x80) {
		buf_addc(b, (char)cp);
	} else if (cp < 0x800) {
		buf_addc(b, (char)(0xc0 | cp >> 6));
		buf_addc(b, (char)(0x80 | (cp & 0x3f)));
	} else if (cp < 0x10000) {
		buf_addc(b, (char)(0xe0 | cp >> 12));
		buf_addc(b, (char)(0x80 | (cp >> 6 & 0x3f)));
		buf_addc(b, (char)(0x80 | (cp & 0x3f)));
	} else {
		buf_addc(b, (char)(0xf0 | cp >> 18));
		buf_addc(b, (char)(0x80 | (cp >> 12 & 0x3f)));
		buf_addc(b, (char)(0x80 | (cp >> 6 & 0x3f)));
		buf_addc(b, (char)(0x80 | (cp & 0x3f)));
	}
}

/* UTF-16 (big-endian unless a BOM says otherwise) up to a 0000 unit. */
static void utf16_to_utf8(const unsigned char *p, size_t n, bool be, struct buf *out)
{
	if (n >= 2 && ((p[0] == 0xff && p[1] == 0xfe) || (p[0] == 0xfe && p[1] == 0xff))) {
		be = p[0] == 0xfe;
		p += 2;
		n -= 2;
	}
	for (size_t i = 0; i + 1 < n; i += 2) {
		uint32_t u = be ? (uint32_t)p[i] << 8 | p[i + 1] : (uint32_t)p[i + 1] << 8 | p[i];
		if (!u)
			break;
		if (u >= 0xd800 && u < 0xdc00 && i + 3 < n) {
			uint32_t v = be ? (uint32_t)p[i + 2] << 8 | p[i + 3]
					: (uint32_t)p[i + 3] << 8 | p[i + 2];
			if (v >= 0xdc00 && v < 0xe000) {
				u = 0x10000 + ((u - 0xd800) << 10) + (v - 0xdc00);
				i += 2;
			}
		}
		add_utf8(out, u >= 0xd800 && u < 0xe000 ? 0xfffd : u);
	}
}

/* A text frame body (encoding byte + text) as a new UTF-8 string. */
static char *text_frame(const unsigned char *p, size_t n)
{
	struct buf b = BUF_INIT;
	buf_adds(&b, "");
	if (n >= 1) {
		if (p[0] == 1 || p[0] == 2) {
			utf16_to_utf8(p + 1, n - 1, true, &b);
		} else if (p[0] == 3) {
			buf_add(&b, p + 1, strnlen((const char *)p + 1, n - 1));
		} else {
			for (size_t i = 1; i < n && p[i]; i++)
				add_utf8(&b, p[i]);
		}
	}
	return buf_detach(&b, NULL);
}

struct frame {
	char id[5];
	const unsigned char *body;
	size_t len;
	bool skip;            /* compressed, encrypted or unsynchronised */
};

/* The frame at data[*pos..len); returns 1 and advances, 0 at the end or at
 * padding, -1 when the frame overruns. */
static int next_frame(const unsigned char *data, size_t len, size_t *pos,
		      int version, struct frame *f)
{
	const unsigned char *p = data + *pos;
	if (len - *pos < 10 || !p[0])
		return 0;
	uint32_t size = version == 4 ? syncsafe(p + 4) : be32(p + 4);
	if (size > len - *pos - 10)
		return -1;
	memcpy(f->id, p, 4);
	f->id[4] = 0;
	f->body = p + 10;
	f->len = size;
	f->skip = version == 4 ? (p[9] & 0x0e) != 0 : (p[9] & 0xc0) != 0;
	*pos += 10 + size;
	return 1;
}

static int parse_chap(const unsigned char *p, size_t n, int version, struct id3read_tag *t)
{
	size_t idlen = strnlen((const char *)p, n);
	if (idlen + 1 + 16 > n)
		return -1;
	struct id3read_chapter c = { xstrndup((const char *)p, idlen), be32(p + idlen + 1),
				 be32(p + idlen + 5), NULL };
	size_t pos = idlen + 1 + 16;
	struct frame f;
	int r;
	while ((r = next_frame(p, n, &pos, version, &f)) > 0)
		if (!strcmp(f.id, "TIT2") && !f.skip && !c.title)
			c.title = text_frame(f.body, f.len);
	t->chap = xrealloc(t->chap, (t->n_chap + 1) * sizeof(*t->chap));
	t->chap[t->n_chap++] = c;
	return r < 0 ? -1 : 0;
}

static int parse_ctoc(const unsigned char *p, size_t n, struct id3read_tag *t)
{
	size_t idlen = strnlen((const char *)p, n);
	if (idlen + 3 > n)
		return -1;
	unsigned flags = p[idlen + 1], count = p[idlen + 2];
	t->n_toc++;
	if (flags & 2) {
		t->n_top++;
		t->top_ordered = flags & 1;
		t->top_entries = count;
	}
	return 0;
}

int id3read_parse(const unsigned char *data, size_t len, struct id3read_tag *t)
{
	memset(t, 0, sizeof(*t));
	if (len < 10 || !(t->size = id3read_tag_size(data)) || t->size > len)
		return -1;
	t->version = data[3];
	if (data[5] & 0x80) /* whole-tag unsynchronisation: frames unreadable */
		return 0;
	size_t pos = 10, end = t->size - (data[5] & 0x10 ? 10 : 0);
	if ((data[5] & 0x40) && end < 14)
		return -1;
	if (data[5] & 0x40) /* extended header: skip it */
		pos += t->version == 4 ? syncsafe(data + 10) : 4 + be32(data + 10);
	struct frame f;
	int r = 0;
	while (pos < end && (r = next_frame(data, end, &pos, t->version, &f)) > 0) {
		if (f.skip)
			continue;
		if (!strcmp(f.id, "TIT2") && !t->title)
			t->title = text_frame(f.body, f.len);
		else if (!strcmp(f.id, "TPE1") && !t->artist)
			t->artist = text_frame(f.body, f.len);
		else if (!strcmp(f.id, "CHAP") && parse_chap(f.body, f.len, t->version, t) < 0)
			return -1;
		else if (!strcmp(f.id, "CTOC") && parse_ctoc(f.body, f.len, t) < 0)
			return -1;
	}
	return pos > end || r < 0 ? -1 : 0;
}

int id3read_file(const char *path, struct id3read_tag *t)
{
	unsigned char hdr[10];
	unsigned char *data = NULL;
	int ret = -1;
	memset(t, 0, sizeof(*t));
	FILE *f = fopen(path, "rb");
	if (!f)
		return error("cannot open '%s': %s", path, strerror(errno));
	size_t size = fread(hdr, 1, 10, f) == 10 ? id3read_tag_size(hdr) : 0;
	if (!size) {
		ret = 0; /* no ID3v2 tag */
		goto out;
	}
	if (size > MAX_TAG) {
		error("'%s': ID3 tag of %zu bytes is too large", path, size);
		goto out;
	}
	data = xmalloc(size);
	memcpy(data, hdr, 10);
	if (fread(data + 10, 1, size - 10, f) != size - 10 || id3read_parse(data, size, t) < 0) {
		error("'%s': malformed ID3v2 tag", path);
		id3read_release(t);
		goto out;
	}
	ret = 0;
out:
	free(data);
	fclose(f);
	return ret;
}

void id3read_release(struct id3read_tag *t)
{
	for (size_t i = 0; i < t->n_chap; i++) {
		free(t->chap[i].id);
		free(t->chap[i].title);
	}
	free(t->chap);
	free(t->title);
	free(t->artist);
	memset(t, 0, sizeof(*t));
}
