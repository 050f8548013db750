/*
 * Unit tests for meta_files: the tag's date and credit frames come from the
 * dateline and credit, and the sidecars name each other and read back
 * (episode YAML through episode_load, JSON through Python's json module).
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
#include "episode.h"
#include "meta_files.h"

static const struct chapter_mark chapters[] = {
	{ 0, 20.5, "Harbour vote" }, { 20.5, 41, "Why the wall matters" },
};
static const struct cue cues[] = {
	{ 1.0, 4.2, "Residents voted on Tuesday." }, { 4.5, 9.0, "It cost £5.2m." },
	{ 21.0, 25.0, "The wall runs for 2.4 km." },
};

static struct meta_episode sample(void)
{
	struct meta_episode e = {
		.title = "Harbour town votes", .slug = "harbour-town-votes", .voice = "en-gb",
		.credit = "Source: Port Elling Gazette", .description = "Residents voted.",
		.year = 2024, .month = 3, .day = 7, .hour = 14, .min = 20, .sec = 5, .has_time = true,
		.chapters = chapters, .n_chapters = 2, .cues = cues, .n_cues = 3,
		.duration = 41.0, .audio = "harbour-town-votes.mp3", .audio_type = "audio/mpeg",
		.audio_bytes = 493000,
	};
	return e;
}

/* The body of the first top-level frame id in an ID3v2.3 tag, or NULL. */
static const unsigned char *frame(const struct buf *tag, const char *id, size_t *len)
{
	const unsigned char *p = (const unsigned char *)tag->data;
	for (size_t i = 10; i + 10 <= tag->len;) {
		size_t n = (size_t)p[i + 4] << 24 | (size_t)p[i + 5] << 16 | (size_t)p[i + 6] << 8 | p[i + 7];
		if (!memcmp(p + i, id, 4)) {
			*len = n;
			return p + i + 10;
		}
		i += 10 + n;
	}
	return NULL;
}

static void test_tag(void **state)
{
	(void)state;
	struct meta_episode e = sample();
	struct buf tag = BUF_INIT;
	meta_files_tag(&e, &tag);
	size_t n;
	const unsigned char *f = frame(&tag, "TYER", &n);
	assert_non_null(f);
	assert_memory_equal(f, "\0" "2024", 5);
	f = frame(&tag, "TDAT", &n);
	assert_non_null(f);
	assert_memory_equal(f, "\0" "0703", 5);
	f = frame(&tag, "TPE1", &n);                      /* artist defaults to the voice */
	assert_memory_equal(f, "\0" "en-gb", 6);
	f = frame(&tag, "COMM", &n);
	assert_non_null(f);
	assert_string_equal((const char *)f + 5,
			    "Source: Port Elling Gazette. Narrated by a synthetic voice (espeak-ng, en-gb).");
	assert_null(frame(&tag, "APIC", &n));
	assert_non_null(frame(&tag, "CTOC", &n));
	buf_reset(&tag);
	e.year = 0;
	meta_files_tag(&e, &tag);
	assert_null(frame(&tag, "TYER", &n));
	assert_null(frame(&tag, "TDAT", &n));
	buf_release(&tag);
}

static void test_sidecars(void **state)
{
	(void)state;
	struct meta_episode e = sample();
	struct meta_sidecars s;
	meta_files_sidecars(&e, &s);
	assert_string_equal(s.name[META_VTT], "harbour-town-votes.vtt");
	assert_string_equal(s.name[META_EPISODE], "harbour-town-votes.episode.yaml");
	assert_non_null(strstr(s.text[META_VTT].data, "00:00:04.500 --> 00:00:09.000\nIt cost £5.2m."));
	assert_non_null(strstr(s.text[META_SRT].data, "3\n00:00:21,000 --> 00:00:25,000\n"));
	assert_non_null(strstr(s.text[META_CUE].data, "FILE \"harbour-town-votes.mp3\" MP3\n"));
	assert_non_null(strstr(s.text[META_CUE].data, "INDEX 01 00:20:38"));
	struct episode ep;
	const struct buf *y = &s.text[META_EPISODE];
	assert_int_equal(episode_load_string(&ep, "t.yaml", y->data, y->len), 0);
	assert_string_equal(ep.date_iso, "2024-03-07T14:20:05");
	assert_string_equal(ep.chapters_json, "harbour-town-votes.chapters.json");
	assert_string_equal(ep.srt, "harbour-town-votes.srt");
	assert_true(ep.audio_bytes == 493000 && ep.duration == 41.0);
	assert_int_equal(ep.n_chapters, 2);
	assert_string_equal(ep.chapters[1].title, "Why the wall matters");
	assert_non_null(strstr(ep.credit, "synthetic voice"));
	episode_release(&ep);
	if (system("test -x /usr/bin/python3") == 0) {
		char path[] = "/tmp/narrate-chapters-XXXXXX";
		int fd = mkstemp(path);
		assert_true(fd >= 0);
		FILE *f = fdopen(fd, "w");
		fputs(s.text[META_CHAPTERS].data, f);
		fclose(f);
		struct buf cmd = BUF_INIT;
		buf_addf(&cmd, "/usr/bin/python3 -c 'import json,sys; d=json.load(open(sys.argv[1]));"
			 " assert d[\"version\"]==\"1.2.0\" and [c[\"startTime\"] for c in d[\"chapters\"]]"
			 "==[0,20.5]' %s", path);
		assert_int_equal(system(cmd.data), 0);
		buf_release(&cmd);
		remove(path);
	}
	meta_sidecars_release(&s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_tag),
		cmocka_unit_test(test_sidecars),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
