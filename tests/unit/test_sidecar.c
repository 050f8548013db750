/*
 * Unit tests for sidecar: exact output for small inputs, and JSON/WebVTT
 * read back by Python's json module and by ffprobe when installed.
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
#include "sidecar.h"

static const struct cue cues[] = {
	{ 0.0, 1.5004, "First sentence." },
	{ 1.6, 3723.25, "Tom & Jerry <said>\n\"hi\" --> there." },
	{ 4000, 4001, "   " },    /* empty after trimming: no cue */
};

static void test_srt(void **state)
{
	(void)state;
	struct buf b = BUF_INIT;
	sidecar_srt(cues, 3, &b);
	assert_string_equal(b.data,
		"1\n00:00:00,000 --> 00:00:01,500\nFirst sentence.\n\n"
		"2\n00:00:01,600 --> 01:02:03,250\nTom & Jerry <said> \"hi\" --> there.\n");
	buf_release(&b);
}

static void test_vtt(void **state)
{
	(void)state;
	struct buf b = BUF_INIT;
	sidecar_vtt(cues, 3, &b);
	assert_string_equal(b.data,
		"WEBVTT\n\n00:00:00.000 --> 00:00:01.500\nFirst sentence.\n\n"
		"00:00:01.600 --> 01:02:03.250\nTom &amp; Jerry &lt;said&gt; \"hi\" --&gt; there.\n");
	buf_release(&b);
}

static void test_vtt_wraps(void **state)
{
	(void)state;
	struct buf text = BUF_INIT, b = BUF_INIT;
	for (int i = 0; i < 40; i++)
		buf_adds(&text, "wörd ");
	struct cue c = { 1, 2, text.data };
	sidecar_vtt(&c, 1, &b);
	size_t line = 0, longest = 0;
	for (size_t i = 0; i < b.len; i++) {
		if (b.data[i] == '\n') {
			longest = line > longest ? line : longest;
			line = 0;
		} else if (((unsigned char)b.data[i] & 0xC0) != 0x80) {
			line++;
		}
	}
	assert_true(longest <= SIDECAR_VTT_LINE);
	assert_true(longest > SIDECAR_VTT_LINE - 6);
	buf_release(&text);
	buf_release(&b);
}

static void test_json_string(void **state)
{
	(void)state;
	struct buf b = BUF_INIT;
	sidecar_json_string("a\"b\\c\n\x01\x7f é\xff", &b);
	assert_string_equal(b.data, "\"a\\\"b\\\\c\\n\\u0001\\u007f é\xef\xbf\xbd\"");
	buf_release(&b);
}

static void test_chapters_json(void **state)
{
	(void)state;
	struct chapter_mark c[] = { { 0, 10.25, "Intro" }, { 10.25, 8, NULL } };
	struct buf b = BUF_INIT;
	sidecar_chapters_json(c, 2, "Ep \"1\"", &b);
	assert_string_equal(b.data,
		"{\n  \"version\": \"1.2.0\",\n  \"title\": \"Ep \\\"1\\\"\",\n  \"chapters\": [\n"
		"    {\"startTime\": 0.000, \"endTime\": 10.250, \"title\": \"Intro\"},\n"
		"    {\"startTime\": 10.250, \"endTime\": 10.250}\n  ]\n}\n");
	buf_reset(&b);
	sidecar_chapters_json(c, 0, NULL, &b);
	assert_string_equal(b.data, "{\n  \"version\": \"1.2.0\",\n  \"chapters\": []\n}\n");
	buf_release(&b);
}

static void test_cuesheet(void **state)
{
	(void)state;
	struct chapter_mark c[] = { { 0, 61, "One \"quoted\"" }, { 61.5, 70, "Two" } };
	struct buf b = BUF_INIT;
	sidecar_cuesheet(c, 2, "Title", "Voice", "ep 1.mp3", "MP3", &b);
	assert_string_equal(b.data,
		"PERFORMER \"Voice\"\nTITLE \"Title\"\nFILE \"ep 1.mp3\" MP3\n"
		"  TRACK 01 AUDIO\n    TITLE \"One 'quoted'\"\n    PERFORMER \"Voice\"\n"
		"    INDEX 01 00:00:00\n"
		"  TRACK 02 AUDIO\n    TITLE \"Two\"\n    PERFORMER \"Voice\"\n"
		"    INDEX 01 01:01:38\n");
	buf_release(&b);
}

static int write_file(const char *path, const struct buf *b)
{
	FILE *f = fopen(path, "wb");
	if (!f)
		return -1;
	size_t w = fwrite(b->data, 1, b->len, f);
	return fclose(f) == 0 && w == b->len ? 0 : -1;
}

/* Nasty titles survive a real JSON parser; ffprobe reads the WebVTT. */
static void test_readers(void **state)
{
	(void)state;
	if (system("test -x /usr/bin/python3"))
		skip();
	char dir[] = "/tmp/narrate-sidecar-XXXXXX";
	assert_non_null(mkdtemp(dir));
	struct chapter_mark c[] = { { 0, 1, "q\"b\\s\tt\x02 😀 שלום" }, { 1, 2, "two" } };
	struct buf b = BUF_INIT, path = BUF_INIT, cmd = BUF_INIT;
	sidecar_chapters_json(c, 2, "T\n", &b);
	buf_addf(&path, "%s/ch.json", dir);
	assert_int_equal(write_file(path.data, &b), 0);
	buf_addf(&cmd, "/usr/bin/python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); "
		 "assert d[\"version\"]==\"1.2.0\" and d[\"title\"]==\"T\\n\"; "
		 "assert d[\"chapters\"][0][\"title\"]==\"q\\\"b\\\\s\\tt\\x02 \\U0001F600 "
		 "\\u05e9\\u05dc\\u05d5\\u05dd\"; "
		 "assert [x[\"startTime\"] for x in d[\"chapters\"]]==[0,1]' %s", path.data);
	assert_int_equal(system(cmd.data), 0);
	if (system("command -v ffprobe >/dev/null") == 0) {
		buf_reset(&b);
		sidecar_vtt(cues, 2, &b);
		buf_reset(&path);
		buf_addf(&path, "%s/t.vtt", dir);
		assert_int_equal(write_file(path.data, &b), 0);
		buf_reset(&cmd);
		buf_addf(&cmd, "test \"$(ffprobe -v error -count_packets -show_entries "
			 "stream=codec_name,nb_read_packets -of csv=p=0 %s)\" = webvtt,2", path.data);
		assert_int_equal(system(cmd.data), 0);
	}
	buf_reset(&cmd);
	buf_addf(&cmd, "rm -rf %s", dir);
	assert_int_equal(system(cmd.data), 0);
	buf_release(&b);
	buf_release(&path);
	buf_release(&cmd);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_srt),
		cmocka_unit_test(test_vtt),
		cmocka_unit_test(test_vtt_wraps),
		cmocka_unit_test(test_json_string),
		cmocka_unit_test(test_chapters_json),
		cmocka_unit_test(test_cuesheet),
		cmocka_unit_test(test_readers),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
