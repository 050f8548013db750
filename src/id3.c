/*
 * id3: the ID3v2.3 tag in front of each MP3 episode (see id3.h).
 *
 * Layout (ID3v2.3.0 and the ID3v2 Chapter Frame Addendum):
 *   "ID3" 03 00 flags  size(4, syncsafe, excludes these 10 bytes)
 *   frames: id(4) size(4, plain big-endian in v2.3) flags(2) body
 * CHAP and CTOC carry sub-frames in the same format inside their bodies.
 */
#include "id3.h"

#include "diag.h"
#include "unicode.h"

#include <assert.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

enum { ENC_LATIN1 = 0, ENC_UTF16 = 1 };
enum { APIC_FRONT_COVER = 3 };
enum { CTOC_TOP_LEVEL = 1, CTOC_ORDERED = 2 };

static void put_be32(struct buf *out, uint32_t v)
{
	unsigned char b[4] = { (unsigned char)(v >> 24), (unsigned char)(v >> 16),
			       (unsigned char)(v >> 8), (unsigned char)v };
	buf_add(out, b, 4);
}

static void patch_be32(struct buf *out, size_t at, uint32_t v)
{
	unsigned char *p = (unsigned char *)out->data + at;
	p[0] = (unsigned char)(v >> 24);
	p[1] = (unsigned char)(v >> 16);
	p[2] = (unsigned char)(v >> 8);
	p[3] = (unsigned char)v;
}

/* Starts a frame; returns the offset of its header, for frame_end(). */
static size_t frame_begin(struct buf *out, const char *id)
{
	size_t at = out->len;
	buf_add(out, id, 4);
	put_be32(out, 0);
	buf_add(out, "\0\0", 2);
	return at;
}

static void frame_end(struct buf *out, size_t at)
{
	size_t body = out->len - at - 10;
	assert(body <= UINT32_MAX);
	patch_be32(out, at + 4, (uint32_t)body);
}

/* The text as code points: valid UTF-8, at most ID3_MAX_CHARS of them.
 * Returns the count; *latin1 says whether all fit in ISO-8859-1. */
static size_t decode(const char *s, int32_t *cps, bool *latin1)
{
	struct buf fixed = BUF_INIT;
	unicode_repair(s, strlen(s), &fixed);
	size_t n = 0, i = 0;
	*latin1 = true;
	while (i < fixed.len && n < ID3_MAX_CHARS) {
		int32_t cp;
		i += unicode_next(fixed.data + i, fixed.len - i, &cp);
		if (cp == 0)
			continue;   /* a NUL would end the string early */
		if (cp > 0xFF)
			*latin1 = false;
		cps[n++] = cp;
	}
	buf_release(&fixed);
	return n;
}

static void put_utf16le(struct buf *out, uint32_t unit)
{
	unsigned char b[2] = { (unsigned char)unit, (unsigned char)(unit >> 8) };
	buf_add(out, b, 2);
}

/* Appends s in encoding enc, with its terminator. */
static void put_text(struct buf *out, int enc, const int32_t *cps, size_t n)
{
	if (enc == ENC_LATIN1) {
		for (size_t i = 0; i < n; i++)
			buf_addc(out, (char)(unsigned char)cps[i]);
		buf_add(out, "\0", 1);
		return;
	}
	buf_add(out, "\xff\xfe", 2);
	for (size_t i = 0; i < n; i++) {
		uint32_t cp = (uint32_t)cps[i];
		if (cp >= 0x10000) {
			cp -= 0x10000;
			put_utf16le(out, 0xD800 | (cp >> 10));
			put_utf16le(out, 0xDC00 | (cp & 0x3FF));
		} else {
			put_utf16le(out, cp);
		}
	}
	buf_add(out, "\0\0", 2);
}

/* A text frame (T***): encoding byte, then the text. */
static void text_frame(struct buf *out, const char *id, const char *s)
{
	if (!s)
		return;
	int32_t *cps = xcalloc(ID3_MAX_CHARS, sizeof(*cps));
	bool latin1;
	size_t n = decode(s, cps, &latin1);
	int enc = latin1 ? ENC_LATIN1 : ENC_UTF16;
	size_t at = frame_begin(out, id);
	buf_addc(out, (char)enc);
	put_text(out, enc, cps, n);
	frame_end(out, at);
	free(cps);
}

/* COMM: encoding, language, empty short description, text. */
static void comment_frame(struct buf *out, const char *s)
{
	if (!s)
		return;
	int32_t *cps = xcalloc(ID3_MAX_CHARS, sizeof(*cps));
	bool latin1;
	size_t n = decode(s, cps, &latin1);
	int enc = latin1 ? ENC_LATIN1 : ENC_UTF16;
	size_t at = frame_begin(out, "COMM");
	buf_addc(out, (char)enc);
	buf_add(out, "eng", 3);
	put_text(out, enc, cps, 0);
	put_text(out, enc, cps, n);
	frame_end(out, at);
	free(cps);
}

/* TYER and TDAT take exactly four digits; anything else is left out. */
static void digits_frame(struct buf *out, const char *id, const char *s)
{
	if (!s)
		return;
	if (strlen(s) != 4 || strspn(s, "0123456789") != 4) {
		warning("id3: '%s' is not four digits; %s left out", s, id);
		return;
	}
	text_frame(out, id, s);
}

static void apic_frame(struct buf *out, const struct id3_meta *m)
{
	if (!m->cover || !m->cover_len)
		return;
	size_t at = frame_begin(out, "APIC");
	buf_addc(out, ENC_LATIN1);
	buf_adds(out, m->cover_mime ? m->cover_mime : "image/jpeg");
	buf_add(out, "\0", 1);
	buf_addc(out, APIC_FRONT_COVER);
	buf_add(out, "\0", 1);   /* empty description */
	buf_add(out, m->cover, m->cover_len);
	frame_end(out, at);
}

static void chapter_id(struct buf *out, size_t i)
{
	buf_addf(out, "ch%zu", i);
	buf_add(out, "\0", 1);
}

static void ctoc_frame(struct buf *out, size_t n)
{
	size_t at = frame_begin(out, "CTOC");
	buf_add(out, "toc", 4);   /* with its NUL */
	buf_addc(out, CTOC_TOP_LEVEL | CTOC_ORDERED);
	buf_addc(out, (char)(unsigned char)n);
	for (size_t i = 0; i < n; i++)
		chapter_id(out, i);
	frame_end(out, at);
}

static void chap_frame(struct buf *out, size_t i, const struct id3_chapter *c)
{
	size_t at = frame_begin(out, "CHAP");
	chapter_id(out, i);
	put_be32(out, c->start_ms);
	put_be32(out, c->end_ms < c->start_ms ? c->start_ms : c->end_ms);
	put_be32(out, 0xFFFFFFFFu);   /* byte offsets unknown: players use times */
	put_be32(out, 0xFFFFFFFFu);
	text_frame(out, "TIT2", c->title);
	frame_end(out, at);
}

static void chapter_frames(struct buf *out, const struct id3_meta *m)
{
	size_t n = m->n_chapters;
	if (!n || !m->chapters)
		return;
	if (n > ID3_MAX_CHAPTERS) {
		warning("id3: %zu chapters; only the first %d fit in one table of contents",
			n, ID3_MAX_CHAPTERS);
		n = ID3_MAX_CHAPTERS;
	}
	ctoc_frame(out, n);
	for (size_t i = 0; i < n; i++)
		chap_frame(out, i, &m->chapters[i]);
}

void id3_build(const struct id3_meta *m, struct buf *out)
{
	size_t at = out->len;
	buf_add(out, "ID3\x03\x00\x00", 6);
	put_be32(out, 0);
	text_frame(out, "TIT2", m->title);
	text_frame(out, "TPE1", m->artist);
	text_frame(out, "TALB", m->album);
	digits_frame(out, "TYER", m->year);
	digits_frame(out, "TDAT", m->ddmm);
	text_frame(out, "TCON", m->genre);
	comment_frame(out, m->comment);
	chapter_frames(out, m);
	apic_frame(out, m);
	size_t size = out->len - at - 10;
	assert(size < (1u << 28));   /* covers are capped at 10 MB */
	unsigned char *p = (unsigned char *)out->data + at + 6;
	for (int i = 3; i >= 0; i--, size >>= 7)
		p[i] = (unsigned char)(size & 0x7F);
}
