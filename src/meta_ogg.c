/*
 * meta_ogg: chapter comments in Ogg Opus and Ogg Vorbis (see meta_ogg.h).
 *
 * An Ogg page: "OggS", version 0, flags (1 = continues a packet), granule
 * position (64-bit), serial, sequence number, CRC (32-bit, all
 * little-endian), segment count, lacing values, data.  A packet is the
 * concatenation of segments up to and including the first one shorter than
 * 255 bytes.  The CRC is the Ogg polynomial 0x04C11DB7, unreflected, seed 0,
 * over the page with its CRC field zeroed.
 *
 * Opus has two header packets (OpusHead, OpusTags), Vorbis three
 * (identification, comment, setup); in both the last header packet ends a
 * page, so audio pages can be copied unchanged apart from their number.
 */
#include "meta_ogg.h"

#include "buf.h"
#include "diag.h"
#include "meta_vorbis.h"

#include <errno.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

enum { OGG_CONTINUED = 1, OGG_FIRST = 2, OGG_HEADER = 27, OGG_MAX_PACKETS = 3 };

struct codec {
	const char *id_magic;     /* start of the first packet */
	size_t id_len;
	const char *tags_magic;   /* start of the comment packet */
	size_t tags_len;
	int headers;              /* header packets */
	bool framing;             /* comment packet ends with a framing byte */
};

static const struct codec codecs[] = {
	{ "OpusHead", 8, "OpusTags", 8, 2, false },
	{ "\x01vorbis", 7, "\x03vorbis", 7, 3, true },
};

static uint32_t crc_table[256];

static void crc_init(void)
{
	for (uint32_t i = 0; i < 256; i++) {
		uint32_t r = i << 24;
		for (int k = 0; k < 8; k++)
			r = r & 0x80000000u ? (r << 1) ^ 0x04C11DB7u : r << 1;
		crc_table[i] = r;
	}
}

static uint32_t get_le32(const unsigned char *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static void set_le32(unsigned char *p, uint32_t v)
{
	for (int k = 0; k < 4; k++)
		p[k] = (unsigned char)(v >> (8 * k));
}

/* Sets the page's CRC field from its bytes. */
static void page_crc(unsigned char *page, size_t len)
{
	uint32_t crc = 0;
	set_le32(page + 22, 0);
	for (size_t i = 0; i < len; i++)
		crc = (crc << 8) ^ crc_table[((crc >> 24) ^ page[i]) & 0xFF];
	set_le32(page + 22, crc);
}

/* Reads one page into page.  Returns 1, 0 at a clean end of file, -1. */
static int read_page(FILE *f, const char *path, struct buf *page)
{
	unsigned char h[OGG_HEADER];
	buf_reset(page);
	size_t got = fread(h, 1, OGG_HEADER, f);
	if (got == 0 && feof(f))
		return 0;
	if (got != OGG_HEADER || memcmp(h, "OggS", 4) || h[4] != 0)
		return error("'%s': not an Ogg file, or a damaged page", path);
	buf_add(page, h, OGG_HEADER);
	size_t nseg = h[26], body = 0;
	buf_grow(page, nseg + 255 * nseg);
	if (fread(page->data + OGG_HEADER, 1, nseg, f) != nseg)
		return error("'%s': a page is cut short", path);
	for (size_t i = 0; i < nseg; i++)
		body += (unsigned char)page->data[OGG_HEADER + i];
	if (fread(page->data + OGG_HEADER + nseg, 1, body, f) != body)
		return error("'%s': a page is cut short", path);
	page->len = OGG_HEADER + nseg + body;
	page->data[page->len] = '\0';
	return 1;
}

/* Adds the page's segments to the packet being gathered in cur; each
 * packet completed moves to pk[*npk].  Returns -1 when a header page holds
 * more than max packets (audio sharing a page with the headers). */
static int take_packets(const struct buf *page, struct buf *cur, struct buf *pk, int *npk,
			int max)
{
	const unsigned char *p = (const unsigned char *)page->data;
	size_t nseg = p[26], off = OGG_HEADER + nseg;
	for (size_t i = 0; i < nseg; i++) {
		if (*npk >= max)
			return -1;
		buf_add(cur, p + off, p[OGG_HEADER + i]);
		off += p[OGG_HEADER + i];
		if (p[OGG_HEADER + i] < 255) {
			pk[(*npk)++] = *cur;
			buf_init(cur);
		}
	}
	return 0;
}

/* Appends pkt as fresh pages (serial, from *seq on) to out; granule 0 on
 * the page where it ends, -1 on pages it only passes through. */
static void put_packet(struct buf *out, const struct buf *pkt, uint32_t serial, uint32_t *seq,
		       int first_flags)
{
	size_t nseg_total = pkt->len / 255 + 1, seg = 0, off = 0;
	while (seg < nseg_total) {
		size_t nseg = nseg_total - seg > 255 ? 255 : nseg_total - seg;
		bool ends = seg + nseg == nseg_total;
		size_t at = out->len;
		unsigned char h[OGG_HEADER] = { 'O', 'g', 'g', 'S', 0,
						(unsigned char)(seg ? OGG_CONTINUED : first_flags) };
		memset(h + 6, ends ? 0 : 0xFF, 8);
		set_le32(h + 14, serial);
		set_le32(h + 18, (*seq)++);
		h[26] = (unsigned char)nseg;
		buf_add(out, h, OGG_HEADER);
		size_t body = 0;
		for (size_t i = 0; i < nseg; i++, seg++) {
			size_t s = seg + 1 < nseg_total ? 255 : pkt->len % 255;
			buf_addc(out, (char)s);
			body += s;
		}
		buf_add(out, pkt->data + off, body);
		off += body;
		page_crc((unsigned char *)out->data + at, out->len - at);
	}
}

static const struct codec *which_codec(const struct buf *first)
{
	for (size_t i = 0; i < sizeof(codecs) / sizeof(codecs[0]); i++)
		if (first->len >= codecs[i].id_len && !memcmp(first->data, codecs[i].id_magic, codecs[i].id_len))
			return &codecs[i];
	return NULL;
}

/* The header state read from the start of the file. */
struct heads {
	struct buf pk[OGG_MAX_PACKETS];
	int npk;
	int pages;                 /* pages they took */
	uint32_t serial;
	const struct codec *codec;
};

static void heads_release(struct heads *h)
{
	for (int i = 0; i < OGG_MAX_PACKETS; i++)
		buf_release(&h->pk[i]);
}

static int read_heads(FILE *f, const char *path, struct heads *h)
{
	struct buf page = BUF_INIT, cur = BUF_INIT;
	int rc = -1;
	while (!h->codec || h->npk < h->codec->headers) {
		int r = read_page(f, path, &page);
		if (r == 0)
			error("'%s': the Ogg headers are cut short", path);
		if (r <= 0)
			goto out;
		const unsigned char *p = (const unsigned char *)page.data;
		if (h->pages++ == 0)
			h->serial = get_le32(p + 14);
		else if (get_le32(p + 14) != h->serial) {
			error("'%s': more than one Ogg stream; not what libsndfile writes", path);
			goto out;
		}
		int max = h->codec ? h->codec->headers : OGG_MAX_PACKETS;
		if (take_packets(&page, &cur, h->pk, &h->npk, max) < 0 || (h->npk && !h->codec &&
		    !(h->codec = which_codec(&h->pk[0])))) {
			error("'%s': not an Ogg Opus or Ogg Vorbis file we can tag", path);
			goto out;
		}
	}
	if (cur.len) {
		error("'%s': audio shares a page with the Ogg headers", path);
		goto out;
	}
	rc = 0;
out:
	buf_release(&page);
	buf_release(&cur);
	return rc;
}

/* The comment packet with the chapter comments, in place of h->pk[1]. */
static int retag(const char *path, struct heads *h, const struct chapter_mark *c, size_t n)
{
	const struct codec *k = h->codec;
	struct buf *old = &h->pk[1], new = BUF_INIT;
	size_t used;
	if (old->len < k->tags_len || memcmp(old->data, k->tags_magic, k->tags_len))
		return error("'%s': the second Ogg packet is not a comment header", path);
	buf_add(&new, k->tags_magic, k->tags_len);
	if (vorbis_comment_rebuild((unsigned char *)old->data + k->tags_len, old->len - k->tags_len,
				   c, n, &new, &used) < 0) {
		buf_release(&new);
		return error("'%s': a damaged comment header", path);
	}
	if (k->framing)
		buf_addc(&new, 1);
	buf_release(old);
	*old = new;
	return 0;
}

/* Writes the new header pages, then every later page renumbered. */
static int write_ogg(FILE *in, const char *path, FILE *out, const struct heads *h)
{
	struct buf head = BUF_INIT, page = BUF_INIT;
	uint32_t seq = 0;
	for (int i = 0; i < h->npk; i++)
		put_packet(&head, &h->pk[i], h->serial, &seq, i ? 0 : OGG_FIRST);
	int64_t delta = (int64_t)seq - h->pages, r = 0;
	int rc = fwrite(head.data, 1, head.len, out) == head.len ? 0 : -1;
	while (rc == 0 && (r = read_page(in, path, &page)) > 0) {
		unsigned char *p = (unsigned char *)page.data;
		if (get_le32(p + 14) != h->serial) {
			error("'%s': more than one Ogg stream; not what libsndfile writes", path);
			rc = -2;
			break;
		}
		if (delta) {
			set_le32(p + 18, (uint32_t)((int64_t)get_le32(p + 18) + delta));
			page_crc(p, page.len);
		}
		if (fwrite(page.data, 1, page.len, out) != page.len)
			rc = -1;
	}
	if (rc == 0 && r < 0)
		rc = -2;   /* already reported */
	buf_release(&head);
	buf_release(&page);
	return rc;
}

int ogg_set_chapters(const char *path, const struct chapter_mark *c, size_t n)
{
	crc_init();
	FILE *in = fopen(path, "rb"), *out = NULL;
	if (!in)
		return error("'%s': %s", path, strerror(errno));
	struct heads h;
	memset(&h, 0, sizeof(h));
	struct buf tmp = BUF_INIT;
	int rc = -1;
	if (read_heads(in, path, &h) < 0 || retag(path, &h, c, n) < 0)
		goto out;
	buf_addf(&tmp, "%s.chapters-tmp", path);
	if (!(out = fopen(tmp.data, "wb"))) {
		error("'%s': %s", tmp.data, strerror(errno));
		goto out;
	}
	int w = write_ogg(in, path, out, &h);
	bool ok = w == 0 && fflush(out) == 0 && fsync(fileno(out)) == 0;
	if (fclose(out) != 0)
		ok = false;
	if (!ok || rename(tmp.data, path) < 0) {
		if (w != -2)
			error("'%s': cannot add chapters: %s", path, strerror(errno));
		unlink(tmp.data);
		goto out;
	}
	rc = 0;
out:
	fclose(in);
	heads_release(&h);
	buf_release(&tmp);
	return rc;
}
