/*
 * test_voice: unit tests for src/voice.c, voice presets in YAML.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "article.h"
#include "datadir.h"
#include "voice.h"
#include "units_capture.h"

#include <stdlib.h>
#include <string.h>

/* Writes text to a preset file in a scratch dir and loads it. */
static int load(const char *text, struct voice *v, struct buf *err, char **path_out)
{
	char *dir = scratch_dir();
	char *path = scratch_file(dir, "p.yaml", text, strlen(text));
	struct capture c;
	capture_begin(&c);
	int rc = voice_load_file(v, path);
	capture_end(&c, err);
	if (path_out)
		*path_out = xstrdup(path);
	free(path);
	scratch_remove(dir);
	return rc;
}

static void test_good_preset(void **state)
{
	(void)state;
	struct voice v;
	struct buf err = BUF_INIT;
	char *path;
	assert_int_equal(load("name: calm\ndescription: slow and low\nvoice: en-gb+f3\n"
			      "rate: 140\npitch: 35\npauses: {sentence: 250, chapter: 2000}\n",
			      &v, &err, &path), 0);
	assert_int_equal(err.len, 0);
	assert_string_equal(v.name, "calm");
	assert_string_equal(v.description, "slow and low");
	assert_string_equal(v.engine_voice, "en-gb+f3");
	assert_int_equal(v.rate, 140);
	assert_int_equal(v.pitch, 35);
	assert_int_equal(v.pause_ms[PAUSE_SENTENCE], 250);
	assert_int_equal(v.pause_ms[PAUSE_CHAPTER], 2000);
	assert_int_equal(v.pause_ms[PAUSE_PARAGRAPH], 700);   /* the default stays */
	assert_string_equal(v.path, path);
	voice_release(&v);
	voice_release(&v);                                    /* twice is harmless */
	free(path);
	buf_release(&err);
}

static void test_minimal_preset(void **state)
{
	(void)state;
	struct voice v;
	struct buf err = BUF_INIT;
	assert_int_equal(load("voice: en-us\n", &v, &err, NULL), 0);
	assert_string_equal(v.name, "p");                     /* from the file name */
	assert_true(v.rate >= 80 && v.rate <= 450);
	assert_true(v.pause_ms[PAUSE_SENTENCE] > 0);
	assert_true(v.pause_ms[PAUSE_SENTENCE] < v.pause_ms[PAUSE_PARAGRAPH]);
	assert_true(v.pause_ms[PAUSE_PARAGRAPH] < v.pause_ms[PAUSE_CHAPTER]);
	voice_release(&v);
	buf_release(&err);
}

/* The preset must fail with a message "p.yaml:LINE:COL: ..." holding what. */
static void expect_bad(const char *text, const char *where, const char *what)
{
	struct voice v;
	struct buf err = BUF_INIT;
	assert_int_equal(load(text, &v, &err, NULL), -1);
	if (!strstr(err.data, where) || !strstr(err.data, what))
		fail_msg("for\n%swanted '%s' and '%s', got: %s", text, where, what, err.data);
	assert_null(v.name);
	assert_null(v.engine_voice);
	buf_release(&err);
}

static void test_bad_presets(void **state)
{
	(void)state;
	expect_bad("voice: en-us\nspeed: 200\n", "p.yaml:2:1:", "speed");
	expect_bad("voice: en-us\nrate: 900\n", "p.yaml:2:7:", "80");
	expect_bad("voice: en-us\nrate: 79\n", "p.yaml:2:7:", "450");
	expect_bad("voice: en-us\nrate: fast\n", "p.yaml:2:7:", "fast");
	expect_bad("voice: en-us\nrate: \"165\"\n", "p.yaml:2:7:", "number");
	expect_bad("voice: en-us\npitch: [1, 2]\n", "p.yaml:2:8:", "number");
	expect_bad("voice: en-us\npitch: 101\n", "p.yaml:2:8:", "100");
	expect_bad("voice: [en-us]\n", "p.yaml:1:8:", "string");
	expect_bad("voice: en-us\npauses: 300\n", "p.yaml:2:9:", "pauses");
	expect_bad("voice: en-us\npauses:\n  sentense: 300\n", "p.yaml:3:3:", "sentense");
	expect_bad("voice: en-us\npauses:\n  chapter: -5\n", "p.yaml:3:12:", "10000");
	expect_bad("name: x\nrate: 150\n", "p.yaml:1:1:", "voice");
	expect_bad("voice: en-us\nengine: festival\n", "p.yaml:2:9:", "espeak-ng");
	expect_bad("- voice\n- en-us\n", "p.yaml:1:1:", "map");
	expect_bad("voice: en-us\nvoice: en-gb\n", "p.yaml:2:1:", "duplicate");
	expect_bad("", "p.yaml", "voice");
}

static void test_resolve(void **state)
{
	(void)state;
	const char *dd = datadir_get();
	struct voice v;
	struct buf err = BUF_INIT;
	struct capture c;
	assert_int_equal(voice_resolve(&v, dd, "default"), 0);
	assert_non_null(v.path);
	assert_non_null(strstr(v.path, "voices/default.yaml"));
	voice_release(&v);
	/* a bare engine voice name gets default pacing and no file */
	assert_int_equal(voice_resolve(&v, dd, "en-gb"), 0);
	assert_string_equal(v.engine_voice, "en-gb");
	assert_null(v.path);
	assert_true(v.rate >= 80);
	voice_release(&v);
	/* a path that does not exist is an error naming it */
	capture_begin(&c);
	int rc = voice_resolve(&v, dd, "./no-such-preset.yaml");
	capture_end(&c, &err);
	assert_int_equal(rc, -1);
	assert_non_null(strstr(err.data, "no-such-preset.yaml"));
	buf_release(&err);
}

static void count_preset(const struct voice *v, void *ctx)
{
	size_t *n = ctx;
	assert_non_null(v->engine_voice);
	(*n)++;
}

static void test_shipped_presets(void **state)
{
	(void)state;
	size_t n = 0;
	voice_each_preset(datadir_get(), count_preset, &n);
	assert_true(n >= 3);          /* default, British and female at least */
	const char *names[] = { "default", "british", "female" };
	for (size_t i = 0; i < 3; i++) {
		struct voice v;
		assert_int_equal(voice_resolve(&v, datadir_get(), names[i]), 0);
		assert_non_null(v.path);
		voice_release(&v);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_good_preset),
		cmocka_unit_test(test_minimal_preset),
		cmocka_unit_test(test_bad_presets),
		cmocka_unit_test(test_resolve),
		cmocka_unit_test(test_shipped_presets),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
