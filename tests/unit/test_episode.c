/*
 * Unit tests for episode: episode_write's YAML read back by episode_load
 * (through libyaml) gives the same episode, whatever the strings hold; bad
 * files fail with one file:line:col error.
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
#include "diag.h"
#include "episode.h"

static const char nasty[] =
	"q\"uote\\back\nnew\ttab\rcr\x01\x7f nel\xc2\x85 ls\xe2\x80\xa8 ps\xe2\x80\xa9"
	" bom\xef\xbb\xbf 😀 שלום e\xcc\x81 # not: a comment - [x] {y} &a *b !c %d @e `f";

static void check_same_str(const char *a, const char *b)
{
	if (!a || !b)
		assert_ptr_equal(a, b);
	else
		assert_string_equal(a, b);
}

static void test_round_trip(void **state)
{
	(void)state;
	struct chapter_mark ch[] = { { 0, 12.5, nasty }, { 12.5, 30.125, "two: 2" } };
	struct episode e = {
		.title = (char *)nasty, .slug = (char *)"a-slug", .date_iso = (char *)"2022-06-19T06:09:38",
		.credit = (char *)"Source: somewhere", .voice = (char *)"en-gb", .duration = 30.125,
		.audio = (char *)"a-slug.mp3", .audio_bytes = 123456789012LL,
		.audio_type = (char *)"audio/mpeg", .chapters_json = (char *)"a-slug.chapters.json",
		.vtt = (char *)"a-slug.vtt", .srt = NULL, .chapters = ch, .n_chapters = 2,
		.description = (char *)"null",
	};
	struct buf y = BUF_INIT;
	episode_write(&e, &y);
	struct episode r;
	assert_int_equal(episode_load_string(&r, "t.yaml", y.data, y.len), 0);
	check_same_str(r.title, e.title);
	check_same_str(r.slug, e.slug);
	check_same_str(r.date_iso, e.date_iso);
	check_same_str(r.credit, e.credit);
	check_same_str(r.voice, e.voice);
	check_same_str(r.audio, e.audio);
	check_same_str(r.audio_type, e.audio_type);
	check_same_str(r.chapters_json, e.chapters_json);
	check_same_str(r.vtt, e.vtt);
	check_same_str(r.srt, NULL);
	check_same_str(r.description, "null");
	assert_true(r.duration == 30.125);
	assert_true(r.audio_bytes == 123456789012LL);
	assert_int_equal(r.n_chapters, 2);
	check_same_str(r.chapters[0].title, nasty);
	check_same_str(r.chapters[1].title, "two: 2");
	assert_true(r.chapters[1].start == 12.5 && r.chapters[1].end == 30.125);
	episode_release(&r);
	buf_release(&y);
}

/* Loads text from a file with stderr captured; returns the message. */
static int load_capturing(const char *text, struct buf *msg, char *path)
{
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, text, strlen(text)), (ssize_t)strlen(text));
	close(fd);
	fflush(stderr);
	int saved = dup(2);
	FILE *cap = tmpfile();
	assert_non_null(cap);
	dup2(fileno(cap), 2);
	struct episode e;
	int rc = episode_load(&e, path);
	episode_release(&e);
	fflush(stderr);
	dup2(saved, 2);
	close(saved);
	rewind(cap);
	char chunk[512];
	size_t n;
	while ((n = fread(chunk, 1, sizeof(chunk), cap)) > 0)
		buf_add(msg, chunk, n);
	fclose(cap);
	unlink(path);
	return rc;
}

static void expect_error(const char *text, const char *where, const char *what)
{
	struct buf msg = BUF_INIT, want = BUF_INIT;
	char path[] = "/tmp/narrate-episode-XXXXXX";
	assert_int_equal(load_capturing(text, &msg, path), -1);
	buf_addf(&want, "%s%s", path, where);
	if (!strstr(msg.data ? msg.data : "", want.data) || !strstr(msg.data, what))
		fail_msg("want '%s' and '%s' in: %s", want.data, what, msg.data ? msg.data : "");
	buf_release(&msg);
	buf_release(&want);
}

static void test_errors(void **state)
{
	(void)state;
	const char *ok = "title: t\nslug: s\nduration: 1\naudio: a.mp3\n";
	struct buf msg = BUF_INIT;
	char path[] = "/tmp/narrate-episode-XXXXXX";
	assert_int_equal(load_capturing(ok, &msg, path), 0);
	buf_release(&msg);
	expect_error("slug: s\nduration: 1\naudio: a.mp3\n", ":1:1:", "missing 'title'");
	expect_error("title: t\nslug: s\nduration: soon\naudio: a.mp3\n", ":3:11:", "duration");
	expect_error("title: t\nslug: s\nduration: 1\naudio: ../../etc/passwd\n", ":4:8:",
		     "inside the episode directory");
	expect_error("title: [t]\nslug: s\nduration: 1\naudio: a\n", ":1:8:", "scalar");
	expect_error("title: t\nslug: s\nduration: 1\naudio: a\nchapters:\n - start: 5\n"
		     " - start: 1\n", ":7:4:", "time order");
	expect_error("title: \"t\nslug: s\n", ":", "");
	expect_error("- a\n- b\n", ":1:1:", "must be a map");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_round_trip),
		cmocka_unit_test(test_errors),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
