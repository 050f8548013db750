/*
 * Unit tests for lexicon_phoneset: the espeak-ng mnemonic inventory
 * (pronunciations/en/lexicon-data/phonemes.yaml, read from the repository
 * root), phoneme checks, IPA in and out, and the plural/possessive ending.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "buf.h"
#include "lexicon_phoneset.h"

#include <stdlib.h>
#include <string.h>

static const char table[] = "pronunciations/en/lexicon-data/phonemes.yaml";

static int setup(void **state)
{
	*state = phoneset_load(table);
	return *state ? 0 : -1;
}

static int teardown(void **state)
{
	phoneset_free(*state);
	return 0;
}

static void test_check(void **state)
{
	const struct phoneset *ps = *state;
	size_t bad = 99;
	assert_int_equal(phoneset_check(ps, "t,oUkA:j'Ef", 11, &bad), 0);
	assert_int_equal(phoneset_check(ps, "s'i: 'Es", 8, &bad), 0);
	assert_int_equal(phoneset_check(ps, "t0kQQ", 5, &bad), -1);
	assert_int_equal(bad, 3);
	/* brackets never pass: "[[" or "]]" would end the phoneme group */
	assert_int_equal(phoneset_check(ps, "a]]b", 4, &bad), -1);
	assert_int_equal(bad, 1);
	/* double and edge spaces are not word separators */
	assert_int_equal(phoneset_check(ps, "a  b", 4, &bad), -1);
	assert_int_equal(phoneset_check(ps, " a", 2, &bad), -1);
	char long_ph[PHONESET_MAX_BYTES + 2];
	memset(long_ph, 'a', sizeof(long_ph));
	assert_int_equal(phoneset_check(ps, long_ph, sizeof(long_ph), &bad), -1);
	assert_int_equal(bad, sizeof(long_ph));
}

static void test_ipa(void **state)
{
	const struct phoneset *ps = *state;
	struct buf out = BUF_INIT;
	size_t bad = 0;
	/* "ʃ" "ə" "ˈ" "ɡ" and a long vowel, dots and ties ignored */
	const char *ipa = "\xCA\x83\xC9\x99\xCB\x88\xC9\xA1i\xCB\x90.t";
	assert_int_equal(phoneset_from_ipa(ps, ipa, strlen(ipa), &out, &bad), 0);
	assert_string_equal(out.data, "S@'gi:t");
	buf_reset(&out);
	assert_int_equal(phoneset_from_ipa(ps, "ab\xE2\x98\x83", 5, &out, &bad), -1);
	assert_int_equal(bad, 2);
	buf_reset(&out);
	phoneset_to_ipa(ps, "S@'gi:t", 7, &out);
	assert_string_equal(out.data, "\xCA\x83\xC9\x99\xCB\x88\xC9\xA1i\xCB\x90t");
	buf_release(&out);
}

static void test_suffix(void **state)
{
	const struct phoneset *ps = *state;
	static const struct { const char *ph, *want; } cases[] = {
		{ "p'u:tIn", "z" }, { "t,oUkA:j'Ef", "s" }, { "k'ats", "I#z" },
		{ "tS'3:tS", "I#z" }, { "k@z'A:k", "s" }, { "b'eI", "z" },
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct buf out = BUF_INIT;
		phoneset_suffix_s(ps, cases[i].ph, strlen(cases[i].ph), &out);
		assert_string_equal(out.data, cases[i].want);
		buf_release(&out);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_check, setup, teardown),
		cmocka_unit_test_setup_teardown(test_ipa, setup, teardown),
		cmocka_unit_test_setup_teardown(test_suffix, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
