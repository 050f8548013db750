/*
 * Unit tests for id3 and cover: the tag's structure read back by hand, then
 * (when ffmpeg and mutagen are installed) by readers we did not write:
 * a real MP3 made by ffmpeg with our tag in front, read by mutagen and
 * ffprobe.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "buf.h"
#include "cover.h"
#include "diag.h"
#include "id3.h"

static uint32_t be32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

/* Finds the first frame id at the top level of the tag; returns its body
 * or NULL, with *len set. */
static const unsigned char *find_frame(const struct buf *tag, const char *id, size_t *len)
{
	const unsigned char *p = (const unsigned char *)tag->data;
	size_t i = 10;
	while (i + 10 <= tag->len) {
		uint32_t n = be32(p + i + 4);
		if (!memcmp(p + i, id, 4)) {
			*len = n;
			return p + i + 10;
		}
		i += 10 + n;
	}
	return NULL;
}

static void test_header_and_frames(void **state)
{
	(void)state;
	struct id3_chapter ch[] = { { "Intro", 0, 1000 }, { "Ünïcödé", 1000, 2500 } };
	struct id3_meta m = { .title = "Plain title", .artist = "Narrator 😀", .genre = "Podcast",
			      .year = "2022", .ddmm = "1906", .chapters = ch, .n_chapters = 2 };
	struct buf tag = BUF_INIT;
	id3_build(&m, &tag);
	const unsigned char *p = (const unsigned char *)tag.data;
	assert_memory_equal(p, "ID3\x03\x00\x00", 6);
	size_t size = (size_t)p[6] << 21 | (size_t)p[7] << 14 | (size_t)p[8] << 7 | p[9];
	assert_int_equal(size, tag.len - 10);
	size_t n;
	const unsigned char *f = find_frame(&tag, "TIT2", &n);
	assert_non_null(f);
	assert_int_equal(f[0], 0);                 /* Latin-1 */
	assert_memory_equal(f + 1, "Plain title", 11);
	f = find_frame(&tag, "TPE1", &n);
	assert_non_null(f);
	assert_int_equal(f[0], 1);                 /* UTF-16 with BOM */
	assert_memory_equal(f + 1, "\xff\xfe", 2);
	/* "Narrator " is 9 units, then U+1F600 as the pair D83D DE00 */
	assert_memory_equal(f + 3 + 18, "\x3d\xd8\x00\xde", 4);
	f = find_frame(&tag, "CTOC", &n);
	assert_non_null(f);
	assert_memory_equal(f, "toc\0\x03\x02" "ch0\0ch1\0", 14);
	f = find_frame(&tag, "CHAP", &n);
	assert_non_null(f);
	assert_memory_equal(f, "ch0\0", 4);
	assert_int_equal(be32(f + 4), 0);
	assert_int_equal(be32(f + 8), 1000);
	assert_int_equal(be32(f + 12), 0xFFFFFFFFu);
	assert_memory_equal(f + 20, "TIT2", 4);
	buf_release(&tag);
}

static void test_long_title_truncated(void **state)
{
	(void)state;
	struct buf title = BUF_INIT, tag = BUF_INIT;
	for (int i = 0; i < 10000; i++)
		buf_adds(&title, i % 2 ? "é" : "\xe2\x80\x8f");   /* RTL mark: UTF-16 */
	struct id3_meta m = { .title = title.data };
	id3_build(&m, &tag);
	size_t n;
	const unsigned char *f = find_frame(&tag, "TIT2", &n);
	assert_non_null(f);
	/* encoding + BOM + 1000 units + terminator */
	assert_int_equal(n, 1 + 2 + 2 * ID3_MAX_CHARS + 2);
	buf_release(&title);
	buf_release(&tag);
}

static void test_bad_utf8_and_bad_date(void **state)
{
	(void)state;
	struct id3_meta m = { .title = "bad \xff\xfe bytes", .year = "22", .ddmm = "19/06" };
	struct buf tag = BUF_INIT;
	diag_quiet = true;
	id3_build(&m, &tag);
	diag_quiet = false;
	size_t n;
	assert_non_null(find_frame(&tag, "TIT2", &n));
	assert_null(find_frame(&tag, "TYER", &n));
	assert_null(find_frame(&tag, "TDAT", &n));
	buf_release(&tag);
}

/* A minimal PNG header (signature + IHDR) for w x h, colour type ct. */
static void fake_png(struct buf *b, uint32_t w, uint32_t h, int ct)
{
	static const unsigned char sig[8] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' };
	unsigned char ihdr[25] = { 0, 0, 0, 13, 'I', 'H', 'D', 'R' };
	for (int i = 0; i < 4; i++) {
		ihdr[8 + i] = (unsigned char)(w >> (24 - 8 * i));
		ihdr[12 + i] = (unsigned char)(h >> (24 - 8 * i));
	}
	ihdr[16] = 8;
	ihdr[17] = (unsigned char)ct;
	buf_add(b, sig, 8);
	buf_add(b, ihdr, 25);
}

static void fake_jpeg(struct buf *b, unsigned w, unsigned h)
{
	unsigned char d[] = { 0xFF, 0xD8, 0xFF, 0xE0, 0, 4, 'J', 'F',
			      0xFF, 0xC0, 0, 11, 8, (unsigned char)(h >> 8), (unsigned char)h,
			      (unsigned char)(w >> 8), (unsigned char)w, 1, 1, 0x11, 0, 0xFF, 0xD9 };
	buf_add(b, d, sizeof(d));
}

static void test_cover(void **state)
{
	(void)state;
	struct buf b = BUF_INIT;
	struct cover c;
	diag_quiet = true;
	fake_png(&b, 1400, 1400, 2);
	assert_int_equal(cover_parse("a.png", (unsigned char *)b.data, b.len, &c), 0);
	assert_string_equal(c.mime, "image/png");
	assert_int_equal(c.width, 1400);
	assert_int_equal(c.len, b.len);
	cover_release(&c);
	buf_reset(&b);
	fake_png(&b, 10000, 10000, 2);
	assert_int_equal(cover_parse("big.png", (unsigned char *)b.data, b.len, &c), -1);
	assert_null(c.data);
	buf_reset(&b);
	fake_jpeg(&b, 3000, 3000);
	assert_int_equal(cover_parse("a.jpg", (unsigned char *)b.data, b.len, &c), 0);
	assert_string_equal(c.mime, "image/jpeg");
	assert_int_equal(c.height, 3000);
	cover_release(&c);
	buf_reset(&b);
	fake_jpeg(&b, 3001, 20);
	assert_int_equal(cover_parse("wide.jpg", (unsigned char *)b.data, b.len, &c), -1);
	buf_reset(&b);
	buf_adds(&b, "GIF89a not what we take");
	assert_int_equal(cover_parse("x.gif", (unsigned char *)b.data, b.len, &c), -1);
	assert_int_equal(cover_parse("empty", (const unsigned char *)"", 0, &c), -1);
	buf_reset(&b);
	fake_png(&b, 100, 100, 2);
	buf_grow(&b, COVER_MAX_BYTES);
	memset(b.data + b.len, 0, COVER_MAX_BYTES);
	b.len += COVER_MAX_BYTES;
	assert_int_equal(cover_parse("huge.png", (unsigned char *)b.data, b.len, &c), -1);
	assert_int_equal(cover_load("/nonexistent/cover.jpg", &c), -1);
	diag_quiet = false;
	buf_release(&b);
}

static int sh(const char *cmd)
{
	int rc = system(cmd);
	return rc == -1 ? -1 : WEXITSTATUS(rc);
}

static const char mutagen_check[] =
	"import sys\n"
	"from mutagen.id3 import ID3, CTOCFlags\n"
	"t = ID3(sys.argv[1], translate=False)\n"
	"assert t.version[:2] == (2, 3), t.version\n"
	"assert str(t['TIT2']) == 'Ep\\u00e9 \\U0001F600 title', t['TIT2']\n"
	"assert str(t['TPE1']) == 'en-gb' and str(t['TALB']) == 'Show'\n"
	"assert str(t['TYER']) == '2022' and str(t['TDAT']) == '1906'\n"
	"assert str(t['TCON']) == 'Podcast'\n"
	"c = t.getall('COMM')[0]; assert c.lang == 'eng' and 'synthetic' in c.text[0]\n"
	"a = t.getall('APIC')[0]; assert a.mime == 'image/png' and a.type == 3\n"
	"assert a.data == open(sys.argv[2], 'rb').read()\n"
	"tocs = t.getall('CTOC'); assert len(tocs) == 1\n"
	"assert tocs[0].flags == CTOCFlags.TOP_LEVEL | CTOCFlags.ORDERED\n"
	"assert tocs[0].child_element_ids == ['ch0', 'ch1', 'ch2']\n"
	"ch = sorted(t.getall('CHAP'), key=lambda c: c.start_time)\n"
	"got = [(c.element_id, c.start_time, c.end_time, str(c.sub_frames['TIT2'])) for c in ch]\n"
	"want = [('ch0', 0, 1000, 'One'), ('ch1', 1000, 2000, '\\u05e9\\u05dc\\u05d5\\u05dd'),"
	" ('ch2', 2000, 3000, 'e\\u0301nd')]\n"
	"assert got == want, got\n";

static const char ffprobe_check[] =
	"import json, subprocess, sys\n"
	"p = json.loads(subprocess.run(['ffprobe', '-v', 'error', '-of', 'json', '-show_chapters',"
	" '-show_format', sys.argv[1]], capture_output=True, text=True, check=True).stdout)\n"
	"ch = [(round(float(c['start_time']), 3), round(float(c['end_time']), 3), c['tags']['title'])"
	" for c in p['chapters']]\n"
	"assert ch == [(0.0, 1.0, 'One'), (1.0, 2.0, '\\u05e9\\u05dc\\u05d5\\u05dd'),"
	" (2.0, 3.0, 'e\\u0301nd')], ch\n"
	"assert p['format']['tags']['title'] == 'Ep\\u00e9 \\U0001F600 title'\n"
	"assert abs(float(p['format']['duration']) - 3.0) < 0.2\n";

static int write_file(const char *path, const void *data, size_t len)
{
	FILE *f = fopen(path, "wb");
	if (!f)
		return -1;
	size_t w = fwrite(data, 1, len, f);
	return fclose(f) == 0 && w == len ? 0 : -1;
}

/* Tag + ffmpeg's MP3, read back by mutagen and ffprobe. */
static void test_readers(void **state)
{
	(void)state;
	if (sh("command -v ffmpeg >/dev/null && /usr/bin/python3 -c 'import mutagen' 2>/dev/null"))
		skip();
	char dir[] = "/tmp/narrate-id3-XXXXXX";
	assert_non_null(mkdtemp(dir));
	struct buf cmd = BUF_INIT, path = BUF_INIT, cover = BUF_INIT, tag = BUF_INIT;
	buf_addf(&cmd, "ffmpeg -v error -f lavfi -i sine=f=440:d=3 -ac 1 -ar 44100 -b:a 96k "
		 "-map_metadata -1 -write_xing 0 -id3v2_version 0 %s/raw.mp3", dir);
	assert_int_equal(sh(cmd.data), 0);
	fake_png(&cover, 1400, 1400, 2);
	buf_addf(&path, "%s/cover.png", dir);
	assert_int_equal(write_file(path.data, cover.data, cover.len), 0);
	struct id3_chapter ch[] = { { "One", 0, 1000 }, { "שלום", 1000, 2000 },
				    { "e\xcc\x81nd", 2000, 3000 } };
	struct id3_meta m = { .title = "Epé 😀 title", .artist = "en-gb", .album = "Show",
			      .year = "2022", .ddmm = "1906", .genre = "Podcast",
			      .comment = "Narrated by a synthetic voice.",
			      .cover = (unsigned char *)cover.data, .cover_len = cover.len,
			      .cover_mime = "image/png", .chapters = ch, .n_chapters = 3 };
	id3_build(&m, &tag);
	buf_reset(&path);
	buf_addf(&path, "%s/tag.bin", dir);
	assert_int_equal(write_file(path.data, tag.data, tag.len), 0);
	buf_reset(&cmd);
	buf_addf(&cmd, "cat %s/tag.bin %s/raw.mp3 > %s/ep.mp3", dir, dir, dir);
	assert_int_equal(sh(cmd.data), 0);
	buf_reset(&path);
	buf_addf(&path, "%s/check_mutagen.py", dir);
	assert_int_equal(write_file(path.data, mutagen_check, strlen(mutagen_check)), 0);
	buf_reset(&cmd);
	buf_addf(&cmd, "/usr/bin/python3 %s %s/ep.mp3 %s/cover.png", path.data, dir, dir);
	assert_int_equal(sh(cmd.data), 0);
	buf_reset(&path);
	buf_addf(&path, "%s/check_ffprobe.py", dir);
	assert_int_equal(write_file(path.data, ffprobe_check, strlen(ffprobe_check)), 0);
	buf_reset(&cmd);
	buf_addf(&cmd, "/usr/bin/python3 %s %s/ep.mp3", path.data, dir);
	assert_int_equal(sh(cmd.data), 0);
	buf_reset(&cmd);
	buf_addf(&cmd, "rm -rf %s", dir);
	sh(cmd.data);
	buf_release(&cmd);
	buf_release(&path);
	buf_release(&cover);
	buf_release(&tag);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_header_and_frames),
		cmocka_unit_test(test_long_title_truncated),
		cmocka_unit_test(test_bad_utf8_and_bad_date),
		cmocka_unit_test(test_cover),
		cmocka_unit_test(test_readers),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
