/*
 * test_sanitize: unit tests for src/sanitize.c, what keeps article text from
 * subverting or crashing espeak-ng.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "sanitize.h"
#include "buf.h"

#include <ctype.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static char *text_pass(const char *in, size_t *changed)
{
	struct buf out = BUF_INIT;
	size_t n = sanitize_text(in, strlen(in), &out);
	if (changed)
		*changed = n;
	return buf_detach(&out, NULL);
}

static char *engine_pass(const char *in)
{
	struct buf out = BUF_INIT;
	sanitize_for_engine(in, strlen(in), &out);
	return buf_detach(&out, NULL);
}

/* Both passes, as the pipeline runs them. */
static char *both(const char *in)
{
	char *t = text_pass(in, NULL);
	char *e = engine_pass(t);
	free(t);
	return e;
}

/* Fails unless s has no control byte, no run of non-space bytes longer than
 * SANITIZE_MAX_TOKEN, no "[[" and at most SANITIZE_MAX_DOTTED "x." in a row. */
static void assert_engine_safe(const char *s, const char *what)
{
	size_t token = 0, dotted = 0;
	for (size_t i = 0; s[i]; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c < 0x20 && c != '\n' && c != '\t')
			fail_msg("%s: control byte 0x%02x at %zu", what, c, i);
		token = c == ' ' || c == '\n' || c == '\t' ? 0 : token + 1;
		if (token > SANITIZE_MAX_TOKEN)
			fail_msg("%s: token longer than %d at %zu", what, SANITIZE_MAX_TOKEN, i);
		if (isalpha(c) && s[i + 1] == '.')
			dotted++;
		else if (c != '.' && !isalpha(c))
			dotted = 0;
		if (dotted > SANITIZE_MAX_DOTTED)
			fail_msg("%s: %zu dotted letters in a row at %zu", what, dotted, i);
	}
	if (strstr(s, "[["))
		fail_msg("%s: '[[' reaches the engine", what);
}

static void test_control_characters(void **state)
{
	(void)state;
	size_t n;
	char *s = text_pass("fast\x01" "50S slow\x02\x7f end\xC2\x85.", &n);
	assert_null(strchr(s, '\x01'));
	assert_null(strchr(s, '\x02'));
	assert_null(strchr(s, '\x7f'));
	assert_null(strstr(s, "\xC2\x85"));
	assert_non_null(strstr(s, "fast"));
	assert_non_null(strstr(s, "end"));
	assert_int_equal(n, 4);
	free(s);
	/* newline is kept (it separates paragraphs), a tab is a space */
	s = text_pass("a\tb\nc", &n);
	assert_string_equal(s, "a b\nc");
	free(s);
}

static void test_bidi_and_zero_width(void **state)
{
	(void)state;
	size_t n;
	/* RLO, LRE, PDF, ZWSP, ZWJ, BOM inside text */
	char *s = text_pass("a\xE2\x80\xAE" "b\xE2\x80\xAA" "c\xE2\x80\xAC"
			    "d\xE2\x80\x8B" "e\xE2\x80\x8D" "f\xEF\xBB\xBF" "g", &n);
	assert_string_equal(s, "abcdefg");
	assert_int_equal(n, 6);
	free(s);
	/* ordinary non-ASCII letters and punctuation stay */
	s = text_pass("Z\xC3\xBCrich \xE2\x80\x94 caf\xC3\xA9", &n);
	assert_string_equal(s, "Z\xC3\xBCrich \xE2\x80\x94 caf\xC3\xA9");
	assert_int_equal(n, 0);
	free(s);
}

static void test_combining_marks_capped(void **state)
{
	(void)state;
	struct buf in = BUF_INIT;
	buf_adds(&in, "x");
	for (int i = 0; i < 40; i++)
		buf_adds(&in, "\xCC\x81");          /* U+0301 */
	buf_adds(&in, " y\xCC\x81\xCC\x82");        /* two marks: kept */
	size_t n;
	char *s = text_pass(in.data, &n);
	size_t marks = 0;
	for (const char *p = s; (p = strstr(p, "\xCC\x81")); p += 2)
		marks++;
	assert_int_equal(marks, 8 + 1);
	assert_int_equal(n, 32);
	assert_non_null(strstr(s, " y\xCC\x81\xCC\x82"));
	free(s);
	buf_release(&in);
}

static void test_brackets_neutralized(void **state)
{
	(void)state;
	char *s = text_pass("say [[h@l'oU]] now", NULL);
	assert_null(strstr(s, "[["));
	assert_non_null(strstr(s, "[ ["));
	free(s);
	s = text_pass("[[[[[", NULL);
	assert_null(strstr(s, "[["));
	free(s);
	s = text_pass("one [bracket] only", NULL);
	assert_string_equal(s, "one [bracket] only");
	free(s);
}

static void test_html_entities(void **state)
{
	(void)state;
	char *s = text_pass("Caf&#233; &amp; bar &#xE9;t&#xe9; &pound;5 a&nbsp;b", NULL);
	assert_string_equal(s, "Caf\xc3\xa9 & bar \xc3\xa9t\xc3\xa9 \xc2\xa3" "5 a b");
	free(s);
	/* entities cannot smuggle in controls or phoneme brackets */
	s = text_pass("x&#1;y &#91;&#91;h@l'oU]] &#xD800; &#99999999; &bogus; &#;", NULL);
	assert_null(strchr(s, '\x01'));
	assert_null(strstr(s, "[["));
	assert_non_null(strstr(s, "&#xD800;"));
	assert_non_null(strstr(s, "&#99999999;"));
	assert_non_null(strstr(s, "&bogus;"));
	free(s);
}

static void test_lexicon_groups_kept(void **state)
{
	(void)state;
	/* the engine pass runs on preprocessed text: the lexicon's groups stay */
	char *s = engine_pass("the [[k'ei]] river");
	assert_string_equal(s, "the [[k'ei]] river");
	free(s);
	/* ... but an unclosed or absurdly long one is broken like text */
	s = engine_pass("open [[aaaa and more");
	assert_null(strstr(s, "[["));
	free(s);
	struct buf in = BUF_INIT;
	buf_adds(&in, "[[");
	for (int i = 0; i < 720; i++)
		buf_addc(&in, 'a');
	buf_adds(&in, "]]");
	s = engine_pass(in.data);
	assert_null(strstr(s, "[["));
	free(s);
	buf_release(&in);
}

static void test_dotted_runs(void **state)
{
	(void)state;
	char *s = engine_pass("a.a.a.a.a.a.a.a.a.a.");
	assert_null(strchr(s, '.'));
	assert_non_null(strchr(s, ','));
	assert_non_null(strstr(s, "a a a"));
	assert_engine_safe(s, "a.a.a...");
	free(s);
	s = engine_pass("A.B.A.B.A.B.A.B.A.B.A.B.");
	assert_non_null(strstr(s, "A B A B"));
	assert_non_null(strchr(s, ','));
	free(s);
	/* plain words and sentences are left alone */
	s = engine_pass("The mill reopened today, at last.");
	assert_string_equal(s, "The mill reopened today, at last.");
	free(s);
}

static void test_long_tokens_and_apostrophes(void **state)
{
	(void)state;
	struct buf in = BUF_INIT;
	for (int i = 0; i < 200; i++)
		buf_adds(&in, "ab");
	char *s = engine_pass(in.data);
	assert_engine_safe(s, "long token");
	size_t letters = 0;
	for (const char *p = s; *p; p++)
		letters += *p != ' ';
	assert_int_equal(letters, 400);          /* nothing lost */
	free(s);
	buf_reset(&in);
	buf_adds(&in, "cat");
	for (int i = 0; i < 68; i++)
		buf_adds(&in, "s'");
	s = engine_pass(in.data);
	assert_engine_safe(s, "stacked s'");
	free(s);
	buf_release(&in);
}

/* Every crash vector of tests/crash_vectors comes out engine-safe. */
static void test_crash_vectors(void **state)
{
	(void)state;
	DIR *d = opendir("tests/crash_vectors");
	if (!d)
		skip();
	struct dirent *e;
	int seen = 0;
	while ((e = readdir(d))) {
		size_t n = strlen(e->d_name);
		if (n < 5 || strcmp(e->d_name + n - 4, ".txt"))
			continue;
		struct buf path = BUF_INIT, text = BUF_INIT;
		buf_addf(&path, "tests/crash_vectors/%s", e->d_name);
		FILE *f = fopen(path.data, "rb");
		assert_non_null(f);
		char chunk[4096];
		size_t got;
		while ((got = fread(chunk, 1, sizeof(chunk), f)) > 0)
			buf_add(&text, chunk, got);
		fclose(f);
		char *s = both(text.data);
		assert_engine_safe(s, e->d_name);
		free(s);
		buf_release(&path);
		buf_release(&text);
		seen++;
	}
	closedir(d);
	assert_true(seen >= 5);
}

static void test_linear_time(void **state)
{
	(void)state;
	struct buf in = BUF_INIT;
	while (in.len < (4u << 20))
		buf_adds(&in, "a.b.c.d.e.f.g.h. s's's's'[[[[ \x01 word ");
	struct timespec t0, t1;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	char *s = both(in.data);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	double sec = (double)(t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) / 1e9;
	if (sec > 1.0)
		fail_msg("4 MB took %.2f s", sec);
	assert_engine_safe(s, "4 MB");
	free(s);
	buf_release(&in);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_control_characters),
		cmocka_unit_test(test_bidi_and_zero_width),
		cmocka_unit_test(test_combining_marks_capped),
		cmocka_unit_test(test_brackets_neutralized),
		cmocka_unit_test(test_html_entities),
		cmocka_unit_test(test_lexicon_groups_kept),
		cmocka_unit_test(test_dotted_runs),
		cmocka_unit_test(test_long_tokens_and_apostrophes),
		cmocka_unit_test(test_crash_vectors),
		cmocka_unit_test(test_linear_time),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
