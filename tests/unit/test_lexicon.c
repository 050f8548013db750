/*
 * Unit tests for the lexicon: loading rules (types, duplicates, collisions,
 * same-as cycles, unsafe values) and matching (case, possessives, plurals,
 * multi-word names, hyphenated words, later files winning).
 *
 * Run from the repository root (make unit does): the phoneme table is read
 * from ./pronunciations/en/lexicon-data unless NARRATE_DATADIR says otherwise.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "buf.h"
#include "diag.h"
#include "lexicon.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char tmpdir[] = "/tmp/test_lexicon.XXXXXX";
static int files;

/* Writes text to a fresh file in tmpdir; returns its path (caller frees). */
static char *write_file(const char *text)
{
	struct buf path = BUF_INIT;
	buf_addf(&path, "%s/f%d.yaml", tmpdir, files++);
	FILE *f = fopen(path.data, "w");
	assert_non_null(f);
	fputs(text, f);
	fclose(f);
	return buf_detach(&path, NULL);
}

static struct lexicon *load(const char *text, int expect_rc)
{
	struct lexicon *lx = lexicon_new();
	char *path = write_file(text);
	assert_int_equal(lexicon_load_file(lx, path), expect_rc);
	unlink(path);
	free(path);
	return lx;
}

static void add(struct lexicon *lx, const char *text, int expect_rc)
{
	char *path = write_file(text);
	assert_int_equal(lexicon_load_file(lx, path), expect_rc);
	unlink(path);
	free(path);
}

/* What lexicon_apply makes of text. */
static char *apply(const struct lexicon *lx, const char *text)
{
	struct buf out = BUF_INIT;
	lexicon_apply(lx, text, strlen(text), &out, NULL);
	return buf_detach(&out, NULL);
}

#define assert_applies(lx, in, want)                  \
	do {                                          \
		char *got_ = apply((lx), (in));       \
		assert_string_equal(got_, (want));    \
		free(got_);                           \
	} while (0)

static const char names[] =
	"Tokayev: { phonemes: \"t,oUkA:j'Ef\", aliases: [Toccyev, Tocaev] }\n"
	"Putin: { phonemes: \"p'u:tIn\" }\n"
	"Kazakh: { phonemes: \"k@z'A:k\" }\n"
	"Almaty: almah-tee\n"
	"Eurasian Economic Union: { say: \"you-ray-zhun economic union\" }\n"
	"Eurasian Economic: { say: \"should lose to the longer name\" }\n"
	"NATO: nay-toe\n"
	"Tusk: { say: toosk, case: exact }\n"
	"Kassym-Jomart: { say: kah-sim zho-mart }\n"
	"Aliyev: { ipa: \"əˈliːjɛf\" }\n"
	"Katz: { phonemes: \"k'ats\" }\n";

static void test_aliases_share_phonemes(void **state)
{
	(void)state;
	struct lexicon *lx = load(names, 0);
	assert_applies(lx, "Tokayev, Toccyev and Tocaev.",
		       "[[t,oUkA:j'Ef]], [[t,oUkA:j'Ef]] and [[t,oUkA:j'Ef]].");
	lexicon_free(lx);
}

static void test_case_rules(void **state)
{
	(void)state;
	struct lexicon *lx = load(names, 0);
	/* any case for names, exact for acronyms and case: exact */
	assert_applies(lx, "PUTIN putin", "[[p'u:tIn]] [[p'u:tIn]]");
	assert_applies(lx, "NATO Nato nato", "nay-toe Nato nato");
	assert_applies(lx, "Tusk and tusk", "toosk and tusk");
	lexicon_free(lx);
}

static void test_suffixes(void **state)
{
	(void)state;
	struct lexicon *lx = load(names, 0);
	/* voiced ending: z; voiceless: s; sibilant: I#z; respellings get 's */
	assert_applies(lx, "Putin's", "[[p'u:tInz]]");
	assert_applies(lx, "Tokayev\xE2\x80\x99s", "[[t,oUkA:j'Efs]]");
	assert_applies(lx, "Kazakhs", "[[k@z'A:ks]]");
	assert_applies(lx, "Katz's", "[[k'atsI#z]]");
	assert_applies(lx, "Almaty's", "almah-tee's");
	/* a longer word is not an entry plus letters */
	assert_applies(lx, "Putinism Putins", "Putinism [[p'u:tInz]]");
	lexicon_free(lx);
}

static void test_multi_word_longest(void **state)
{
	(void)state;
	struct lexicon *lx = load(names, 0);
	assert_applies(lx, "the Eurasian  Economic Union's rules",
		       "the you-ray-zhun economic union's rules");
	assert_applies(lx, "Eurasian Economic policy", "should lose to the longer name policy");
	assert_applies(lx, "Eurasian", "Eurasian");
	lexicon_free(lx);
}

static void test_hyphens(void **state)
{
	(void)state;
	struct lexicon *lx = load(names, 0);
	assert_applies(lx, "Kassym-Jomart", "kah-sim zho-mart");
	assert_applies(lx, "anti-Putin pro-Kazakh", "anti-[[p'u:tIn]] pro-[[k@z'A:k]]");
	lexicon_free(lx);
}

/* A "[" right before an entry must not join its "[[" */
static void test_bracket_before(void **state)
{
	(void)state;
	struct lexicon *lx = load(names, 0);
	assert_applies(lx, "[Putin] [Putin's]", "[ [[p'u:tIn]]] [ [[p'u:tInz]]]");
	lexicon_free(lx);
}

static void test_ipa_converted(void **state)
{
	(void)state;
	struct lexicon *lx = load(names, 0);
	/* IPA marks stress before the syllable; espeak-ng puts it on the vowel */
	assert_applies(lx, "Aliyev", "[[@'li:jEf]]");
	lexicon_free(lx);
}

static void test_explain(void **state)
{
	(void)state;
	struct lexicon *lx = load(names, 0);
	struct buf out = BUF_INIT, why = BUF_INIT;
	const char *text = "Toccyev met NATO.";
	lexicon_apply(lx, text, strlen(text), &out, &why);
	assert_non_null(strstr(why.data, "Toccyev\t[[t,oUkA:j'Ef]]\t"));
	assert_non_null(strstr(why.data, ".yaml:1\n"));
	assert_non_null(strstr(why.data, "NATO\tnay-toe\t"));
	assert_non_null(strstr(why.data, ".yaml:7\n"));
	buf_release(&out);
	buf_release(&why);
	lexicon_free(lx);
}

static void test_later_file_wins(void **state)
{
	(void)state;
	struct lexicon *lx = load(names, 0);
	add(lx, "tokayev: toe-kai-yev\nKatayev: { same-as: Tokayev }\n", 0);
	/* the alias follows the replaced entry */
	assert_applies(lx, "Toccyev Tokayev Katayev", "toe-kai-yev toe-kai-yev toe-kai-yev");
	lexicon_free(lx);
}

static void test_find(void **state)
{
	(void)state;
	struct lexicon *lx = load(names, 0);
	struct buf said = BUF_INIT;
	const struct lexicon_info *e = lexicon_find(lx, "Tocaev's", 8, &said);
	assert_non_null(e);
	assert_string_equal(e->how, "alias");
	assert_string_equal(e->target->key, "Tokayev");
	assert_string_equal(said.data, "[[t,oUkA:j'Efs]]");
	assert_null(lexicon_find(lx, "Nobody", 6, NULL));
	buf_release(&said);
	lexicon_free(lx);
}

/* Each of these files must be refused (and reported, not crash). */
static void test_bad_files(void **state)
{
	(void)state;
	static const char *const bad[] = {
		"Tokayev: toe\ntokayev: tow\n",                     /* folded duplicate */
		"Tokayev: { say: toe, aliases: [Putin] }\nPutin: x\n",/* alias collision */
		"Abc: { same-as: Bcd }\nBcd: { same-as: Abc }\n",   /* circular */
		"Abc: { same-as: Nobody }\n",                       /* dangling */
		"Tokayev: { phonemes: \"t0kQQ\" }\n",               /* unknown phoneme */
		"Tokayev: { ipa: \"t\xE2\x98\x83\" }\n",            /* unknown IPA */
		"Tokayev: { say: \"\" }\n",                         /* empty */
		"Tokayev: { say: \"a [[b]]\" }\n",                  /* brackets */
		"Tokayev: { say: [a, b] }\n",                       /* wrong type */
		"Tokayev: { say: a, phonemes: \"a\" }\n",           /* two forms */
		"Tokayev: { aliases: [a] }\n",                      /* no form */
		"Tokayev: { say: a, case: sometimes }\n",           /* bad case */
		"Tokayev: { sya: a }\n",                            /* unknown field */
		"St. Louis: saint\n",                               /* unmatchable key */
		"- a list\n",                                       /* not a map */
		("Tokayev: { phonemes: \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
		 "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\" }\n"), /* too long */
		"a: &x [1]\nb: *x\n",                               /* anchors */
		"Tokayev: { say: \"x\"\n",                          /* malformed */
	};
	diag_quiet = true;
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		struct lexicon *lx = load(bad[i], -1);
		lexicon_free(lx);
	}
}

static void test_empty_file_is_fine(void **state)
{
	(void)state;
	struct lexicon *lx = load("# nothing yet\n", 0);
	assert_applies(lx, "Tokayev", "Tokayev");
	assert_int_equal(lexicon_size(lx), 0);
	lexicon_free(lx);
}

static void test_key_rules(void **state)
{
	(void)state;
	const char *why;
	assert_true(lexicon_key_ok("O'Brien", 7, &why));
	assert_true(lexicon_key_ok("Kassym-Jomart Tokayev", 21, &why));
	assert_false(lexicon_key_ok("two  spaces", 11, &why));
	assert_false(lexicon_key_ok("trailing-", 9, &why));
	assert_false(lexicon_key_ok("a b c d e f g h i", 17, &why));
	assert_string_equal(why, "has more than 8 words");
	assert_true(lexicon_key_ok("a b c d e f g h", 15, &why));
	assert_false(lexicon_key_ok("", 0, &why));
	/* joiners only between letters or digits, spaces only between words */
	assert_true(lexicon_key_ok("F-16 Rock'n'Roll 9-11", 21, &why));
	assert_false(lexicon_key_ok("a-'b", 4, &why));
	assert_false(lexicon_key_ok("a- b", 4, &why));
	assert_false(lexicon_key_ok("-a", 2, &why));
	assert_false(lexicon_key_ok("a'", 2, &why));
	assert_false(lexicon_key_ok(" a", 2, &why));
	assert_false(lexicon_key_ok("a\tb", 3, &why));
	assert_false(lexicon_key_ok("a.b", 3, &why));
	/* the same rules for other letters */
	assert_true(lexicon_key_ok("Zo\xC3\xAB Ball", 9, &why));
	assert_false(lexicon_key_ok("Zo\xC3\xAB  Ball", 10, &why));
	assert_true(lexicon_key_ok("Zo\xC3\xAB-\xC3\x89mile", 11, &why));
	char longest[LEXICON_MAX_KEY + 2];
	memset(longest, 'x', sizeof(longest));
	assert_true(lexicon_key_ok(longest, LEXICON_MAX_KEY, &why));
	assert_false(lexicon_key_ok(longest, LEXICON_MAX_KEY + 1, &why));
	assert_string_equal(why, "is longer than 100 bytes");
}

/* Every entry is stored under its own key, also right after a same-as
 * entry or a refused one (a streamed file's nodes reuse memory). */
static void test_entries_keep_their_keys(void **state)
{
	(void)state;
	diag_quiet = true;
	struct lexicon *lx = load("Tokayev: tok\n"
				  "Katy: { same-as: Tokayev }\n"
				  "US: { say: you-ess, case: exact }\n"
				  "us: uhs\n"
				  "Bad: { say: \"\" }\n"
				  "Good: fine\n"
				  "Wrong: { say: x, colour: red }\n"
				  "Right Now: { say: write-now }\n", -1);
	diag_quiet = false;
	assert_applies(lx, "US us Katy Good Right Now Bad Wrong",
		       "you-ess uhs tok fine write-now Bad Wrong");
	assert_int_equal(lexicon_find(lx, "Good", 4, NULL)->line, 6);
	lexicon_free(lx);
}

/* A text of nothing but name heads must still be one pass. */
static void test_long_text(void **state)
{
	(void)state;
	struct lexicon *lx = load(names, 0);
	struct buf in = BUF_INIT, out = BUF_INIT;
	for (int i = 0; i < 20000; i++)
		buf_adds(&in, "Eurasian Economic Putin ");
	lexicon_apply(lx, in.data, in.len, &out, NULL);
	assert_non_null(strstr(out.data, "should lose to the longer name [[p'u:tIn]] "));
	buf_release(&in);
	buf_release(&out);
	lexicon_free(lx);
}

static int setup(void **state)
{
	(void)state;
	char cwd[4096];
	if (getcwd(cwd, sizeof(cwd)))
		setenv("NARRATE_DATADIR", cwd, 0);
	return mkdtemp(tmpdir) ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	return rmdir(tmpdir);
}

/* A file is streamed: same-as entries wait, as copies, for targets that
 * come thousands of entries later, and keep their own positions. */
static void test_streamed_file(void **state)
{
	(void)state;
	struct buf text = BUF_INIT;
	buf_adds(&text, "Early: { same-as: Later }\nEarlier: { same-as: Early }\n");
	for (int i = 0; i < 3000; i++)
		buf_addf(&text, "Filler%d: { say: \"filler %d\", aliases: [Fill%d] }\n", i, i, i);
	buf_adds(&text, "Later: lay-ter\n");
	struct lexicon *lx = load(text.data, 0);
	assert_int_equal(lexicon_size(lx), 3 + 6000);
	const struct lexicon_info *e = lexicon_find(lx, "Earlier", 7, NULL);
	assert_non_null(e);
	assert_string_equal(e->key, "Earlier");
	assert_string_equal(e->value, "Early");
	assert_int_equal(e->line, 2);
	assert_int_equal(e->col, 1);
	assert_int_equal(lexicon_find(lx, "Fill2999", 8, NULL)->line, 3002);
	assert_applies(lx, "Earlier Early Later Fill7", "lay-ter lay-ter lay-ter filler 7");
	lexicon_free(lx);
	/* a YAML error late in the file fails the load */
	buf_adds(&text, "Broken: [x\n");
	diag_quiet = true;
	lexicon_free(load(text.data, -1));
	diag_quiet = false;
	buf_release(&text);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_aliases_share_phonemes),
		cmocka_unit_test(test_case_rules),
		cmocka_unit_test(test_suffixes),
		cmocka_unit_test(test_multi_word_longest),
		cmocka_unit_test(test_hyphens),
		cmocka_unit_test(test_bracket_before),
		cmocka_unit_test(test_ipa_converted),
		cmocka_unit_test(test_explain),
		cmocka_unit_test(test_later_file_wins),
		cmocka_unit_test(test_find),
		cmocka_unit_test(test_bad_files),
		cmocka_unit_test(test_streamed_file),
		cmocka_unit_test(test_empty_file_is_fine),
		cmocka_unit_test(test_key_rules),
		cmocka_unit_test(test_entries_keep_their_keys),
		cmocka_unit_test(test_long_text),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
