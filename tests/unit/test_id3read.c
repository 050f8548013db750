/*
 * Unit tests for id3read: tags built byte by byte here (v2.3 and v2.4, UTF-16
 * and UTF-8 text, CTOC + CHAP with embedded TIT2) read back right; every
 * truncation and a size that overruns are refused without reading past the
 * end (run under ASan).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "buf.h"
#include "diag.h"
#include "id3read.h"

static void be32(struct buf *b, uint32_t v, bool safe)
{
	if (safe)
		v = (v & 0x7f) | (v & 0x3f80) << 1 | (v & 0x1fc000) << 2 | (v & 0xfe00000) << 3;
	for (int i = 3; i >= 0; i--)
		buf_addc(b, (char)(v >> (8 * i)));
}

/* frame ID + size + flags + body */
static void frame(struct buf *b, const char *id, const struct buf *body, bool v4)
{
	buf_add(b, id, 4);
	be32(b, (uint32_t)body->len, v4);
	buf_add(b, "\0\0", 2);
	buf_add(b, body->data, body->len);
}

/* TIT2 in UTF-16 with a little-endian BOM (ASCII text) or UTF-8 (enc 3). */
static void tit2(struct buf *b, const char *text, bool v4)
{
	struct buf body = BUF_INIT;
	if (v4) {
		buf_addc(&body, 3);
		buf_add(&body, text, strlen(text) + 1);
	} else {
		buf_add(&body, "\x01\xff\xfe", 3);
		for (const char *p = text; *p; p++)
			buf_add(&body, (char[]){ *p, 0 }, 2);
		buf_add(&body, "\0\0", 2);
	}
	frame(b, "TIT2", &body, v4);
	buf_release(&body);
}

static void chap(struct buf *b, const char *id, uint32_t s, uint32_t e,
		 const char *title, bool v4)
{
	struct buf body = BUF_INIT;
	buf_add(&body, id, strlen(id) + 1);
	be32(&body, s, false);
	be32(&body, e, false);
	be32(&body, 0xffffffff, false);
	be32(&body, 0xffffffff, false);
	tit2(&body, title, v4);
	frame(b, "CHAP", &body, v4);
	buf_release(&body);
}

static void build(struct buf *tag, bool v4)
{
	struct buf fr = BUF_INIT, toc = BUF_INIT;
	tit2(&fr, "Episode", v4);
	buf_add(&toc, "toc\0\x03\x02" "c0\0c1\0", 12);
	frame(&fr, "CTOC", &toc, v4);
	chap(&fr, "c0", 0, 1500, "Start", v4);
	chap(&fr, "c1", 1500, 4000, "End", v4);
	buf_add(&fr, "\0\0\0\0\0\0\0\0", 8); /* padding */
	buf_add(tag, v4 ? "ID3\x04\0\0" : "ID3\x03\0\0", 6);
	be32(tag, (uint32_t)fr.len, true);
	buf_add(tag, fr.data, fr.len);
	buf_release(&fr);
	buf_release(&toc);
}

static void test_read_back(void **state)
{
	(void)state;
	for (int v4 = 0; v4 < 2; v4++) {
		struct buf tag = BUF_INIT;
		struct id3read_tag t;
		build(&tag, v4);
		assert_int_equal(id3read_tag_size((const unsigned char *)tag.data), tag.len);
		assert_int_equal(id3read_parse((const unsigned char *)tag.data, tag.len, &t), 0);
		assert_int_equal(t.version, v4 ? 4 : 3);
		assert_string_equal(t.title, "Episode");
		assert_null(t.artist);
		assert_int_equal(t.n_toc, 1);
		assert_int_equal(t.n_top, 1);
		assert_true(t.top_ordered);
		assert_int_equal(t.top_entries, 2);
		assert_int_equal(t.n_chap, 2);
		assert_string_equal(t.chap[1].id, "c1");
		assert_int_equal(t.chap[1].start_ms, 1500);
		assert_int_equal(t.chap[1].end_ms, 4000);
		assert_string_equal(t.chap[0].title, "Start");
		assert_string_equal(t.chap[1].title, "End");
		id3read_release(&t);
		buf_release(&tag);
	}
}

static void test_truncated_and_overrun(void **state)
{
	(void)state;
	struct buf tag = BUF_INIT;
	struct id3read_tag t;
	build(&tag, false);
	for (size_t n = 0; n < tag.len; n++) {
		unsigned char *copy = xmalloc(n ? n : 1); /* exact size for ASan */
		memcpy(copy, tag.data, n);
		assert_int_equal(id3read_parse(copy, n, &t), -1);
		id3read_release(&t);
		if (n >= 10) { /* a header that agrees: frames are cut instead */
			struct buf h = BUF_INIT;
			be32(&h, (uint32_t)(n - 10), true);
			memcpy(copy + 6, h.data, 4);
			buf_release(&h);
			int r = id3read_parse(copy, n, &t);
			assert_true(r == 0 || r == -1);
			assert_true(t.n_chap <= 2);
			id3read_release(&t);
		}
		free(copy);
	}
	/* the first frame claims more bytes than the tag has */
	tag.data[10 + 4] = 0x7f;
	assert_int_equal(id3read_parse((const unsigned char *)tag.data, tag.len, &t), -1);
	id3read_release(&t);
	/* not a tag at all */
	assert_int_equal(id3read_tag_size((const unsigned char *)"\xff\xfb\x90\x00xxxxxx"), 0);
	buf_release(&tag);
}

int main(void)
{
	diag_quiet = true;
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_read_back),
		cmocka_unit_test(test_truncated_and_overrun),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
