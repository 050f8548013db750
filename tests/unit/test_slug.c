/*
 * test_slug: unit tests for src/slug.c, file-system names for articles.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "slug.h"

#include <stdlib.h>
#include <string.h>

static char *slug(const char *text, size_t max)
{
	struct buf b = BUF_INIT;
	slug_make(text, max, &b);
	return buf_detach(&b, NULL);
}

static void expect_slug(const char *text, const char *want)
{
	char *s = slug(text, SLUG_MAX);
	if (strcmp(s, want))
		fail_msg("slug of '%s' is '%s', wanted '%s'", text, s, want);
	free(s);
}

/* ASCII lower-case letters, digits and single inner dashes only. */
static void assert_slug_shape(const char *s, size_t max)
{
	size_t n = strlen(s);
	assert_true(n > 0 && n <= max);
	assert_true(s[0] != '-' && s[n - 1] != '-');
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		assert_true((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-');
		if (c == '-')
			assert_true(s[i + 1] != '-');
	}
}

static void test_basic(void **state)
{
	(void)state;
	expect_slug("Kazakhstan's Tenge at 450", "kazakhstans-tenge-at-450");
	expect_slug("  Hello,   World!  ", "hello-world");
	expect_slug("Harbour town votes: 20% say \"yes\"", "harbour-town-votes-20-say-yes");
	expect_slug("The mill\xE2\x80\x99s wheel", "the-mills-wheel");
}

static void test_accents_stripped(void **state)
{
	(void)state;
	expect_slug("Z\xC3\xBCrich caf\xC3\xA9 na\xC3\xAFve", "zurich-cafe-naive");
	expect_slug("S\xC3\xA3o Paulo \xC3\x85land", "sao-paulo-aland");
	expect_slug("\xEF\xAC\x81nal", "final");                  /* the fi ligature */
}

static void test_nothing_left(void **state)
{
	(void)state;
	expect_slug("", "untitled");
	expect_slug("!!! ??? ---", "untitled");
	expect_slug("\xE4\xB8\xAD\xE6\x96\x87", "untitled");       /* no ASCII form */
}

static void test_length_cut_at_word(void **state)
{
	(void)state;
	const char *t = "A very long headline about the harbour town that voted to "
			"rebuild its old tide mill on the estuary";
	char *s = slug(t, SLUG_MAX);
	assert_slug_shape(s, SLUG_MAX);
	/* cut at a word boundary: the slug is a prefix of the full slug that
	 * ends where a word ends */
	char *full = slug(t, 1000);
	assert_memory_equal(full, s, strlen(s));
	assert_true(full[strlen(s)] == '-');
	free(full);
	free(s);
	/* one endless word is cut hard */
	char word[200];
	memset(word, 'x', sizeof(word) - 1);
	word[sizeof(word) - 1] = '\0';
	s = slug(word, SLUG_MAX);
	assert_int_equal(strlen(s), SLUG_MAX);
	free(s);
}

static void test_stable(void **state)
{
	(void)state;
	const char *titles[] = { "One", "Caf\xC3\xA9 news", "a/b\\c:d*e?f", "..", "CON" };
	for (size_t i = 0; i < sizeof(titles) / sizeof(titles[0]); i++) {
		char *a = slug(titles[i], SLUG_MAX), *b = slug(titles[i], SLUG_MAX);
		assert_string_equal(a, b);
		assert_slug_shape(a, SLUG_MAX);
		free(a);
		free(b);
	}
}

static void test_set_same_key(void **state)
{
	(void)state;
	struct slugset set = { 0 };
	const char *a = slugset_add(&set, "Same title", "dir/a.txt");
	const char *b = slugset_add(&set, "Same title", "dir/a.txt");
	assert_ptr_equal(a, b);
	assert_string_equal(a, "same-title");
	assert_int_equal(set.n, 1);
	slugset_release(&set);
}

static void test_set_collision(void **state)
{
	(void)state;
	struct slugset set = { 0 }, again = { 0 };
	const char *a = slugset_add(&set, "Same title", "one/a.txt");
	const char *b = slugset_add(&set, "Same title", "two/a.txt");
	const char *c = slugset_add(&set, "Same  Title!", "three/a.txt");
	assert_string_equal(a, "same-title");
	assert_string_not_equal(a, b);
	assert_string_not_equal(b, c);
	assert_string_not_equal(a, c);
	assert_memory_equal(b, "same-title-", 11);
	assert_slug_shape(b, SLUG_MAX + 16);
	/* stable: another run with the same files gives the same names */
	slugset_add(&again, "Same title", "one/a.txt");
	assert_string_equal(slugset_add(&again, "Same title", "two/a.txt"), b);
	slugset_release(&again);
	slugset_release(&set);
}

static void test_set_suffix_collision(void **state)
{
	(void)state;
	/* find the suffix "x/c.txt" would get, then take it with another title */
	struct slugset probe = { 0 };
	slugset_add(&probe, "Name", "x/a.txt");
	char *suffixed = xstrdup(slugset_add(&probe, "Name", "x/c.txt"));
	slugset_release(&probe);

	struct slugset set = { 0 };
	slugset_add(&set, "Name", "x/a.txt");
	const char *taken = slugset_add(&set, suffixed, "x/b.txt");
	assert_string_equal(taken, suffixed);
	const char *c = slugset_add(&set, "Name", "x/c.txt");
	for (size_t i = 0; i + 1 < set.n; i++)
		assert_string_not_equal(set.slugs[i], c);
	slugset_release(&set);
	free(suffixed);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_basic),
		cmocka_unit_test(test_accents_stripped),
		cmocka_unit_test(test_nothing_left),
		cmocka_unit_test(test_length_cut_at_word),
		cmocka_unit_test(test_stable),
		cmocka_unit_test(test_set_same_key),
		cmocka_unit_test(test_set_collision),
		cmocka_unit_test(test_set_suffix_collision),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
