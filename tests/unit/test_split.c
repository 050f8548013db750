/*
 * test_split: unit tests for src/split.c, where sentences end.
 *
 * Each case is a text and the sentences it must split into, written out.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "datadir.h"
#include "split.h"
#include "buf.h"

#include <stdlib.h>
#include <string.h>

/* The sentences found, joined by " | ". */
struct found {
	const char *text;
	struct buf joined;
	size_t n;
	size_t last_end;
	int overlap;
};

static void on_sentence(size_t start, size_t len, void *ctx)
{
	struct found *f = ctx;
	if (start < f->last_end)
		f->overlap = 1;
	f->last_end = start + len;
	if (f->n++)
		buf_adds(&f->joined, " | ");
	buf_add(&f->joined, f->text + start, len);
	if (!f->joined.data)
		buf_adds(&f->joined, "");
}

static void expect_split(const char *text, const char *want)
{
	struct found f = { text, BUF_INIT, 0, 0, 0 };
	split_sentences(text, strlen(text), on_sentence, &f);
	if (!f.joined.data)
		buf_adds(&f.joined, "");
	if (strcmp(f.joined.data, want))
		fail_msg("split of\n  %s\ngave\n  %s\nwanted\n  %s", text, f.joined.data, want);
	assert_false(f.overlap);
	buf_release(&f.joined);
}

static int setup(void **state)
{
	(void)state;
	return split_load(datadir_get(), "en");
}

static int teardown(void **state)
{
	(void)state;
	split_unload();
	return 0;
}

static void test_plain(void **state)
{
	(void)state;
	expect_split("The dog ran. The cat sat! Did it rain? Yes.",
		     "The dog ran. | The cat sat! | Did it rain? | Yes.");
	expect_split("  One line only  ", "One line only");
	expect_split("", "");
}

static void test_titles(void **state)
{
	(void)state;
	expect_split("Mr. Lane spoke first. Dr. Osei replied.",
		     "Mr. Lane spoke first. | Dr. Osei replied.");
	expect_split("We met Mrs. Hale and Prof. Ibsen today. They left.",
		     "We met Mrs. Hale and Prof. Ibsen today. | They left.");
}

static void test_initialisms(void **state)
{
	(void)state;
	expect_split("The U.S. Senate voted. It passed.",
		     "The U.S. Senate voted. | It passed.");
	expect_split("Bring tools, e.g. a hammer. Then start.",
		     "Bring tools, e.g. a hammer. | Then start.");
	expect_split("Some fruit, i.e. apples, was sold. Prices fell.",
		     "Some fruit, i.e. apples, was sold. | Prices fell.");
}

static void test_clock_times(void **state)
{
	(void)state;
	expect_split("It began at 5 p.m. Police came later.",
		     "It began at 5 p.m. | Police came later.");
	expect_split("They met at 9 a.m. Monday and left.",
		     "They met at 9 a.m. Monday and left.");
	expect_split("Polls close at 10 P.M. GMT tonight.",
		     "Polls close at 10 P.M. GMT tonight.");
	expect_split("It ended at 11 a.m. on Friday. Then rain.",
		     "It ended at 11 a.m. on Friday. | Then rain.");
	/* no number before it: an initialism as before */
	expect_split("The a.m. Show returns.", "The a.m. Show returns.");
}

static void test_decimals_and_numbers(void **state)
{
	(void)state;
	expect_split("Growth was 3.5 percent. Costs rose 0.25 points.",
		     "Growth was 3.5 percent. | Costs rose 0.25 points.");
	expect_split("It cost $4.99 each. Few bought it.",
		     "It cost $4.99 each. | Few bought it.");
}

static void test_initials(void **state)
{
	(void)state;
	expect_split("A book by J. K. Rowling sold out. Fans queued.",
		     "A book by J. K. Rowling sold out. | Fans queued.");
	expect_split("The poet T. S. Eliot wrote it. Critics agreed.",
		     "The poet T. S. Eliot wrote it. | Critics agreed.");
}

static void test_glued_question(void **state)
{
	(void)state;
	expect_split("Who gains from Putin?Kazakhstan does, say some.",
		     "Who gains from Putin? | Kazakhstan does, say some.");
	expect_split("Stop!Now we go.", "Stop! | Now we go.");
}

static void test_quotes_after_stop(void **state)
{
	(void)state;
	expect_split("He said \"we will win.\" The crowd cheered.",
		     "He said \"we will win.\" | The crowd cheered.");
	expect_split("She asked \xE2\x80\x9CWhy?\xE2\x80\x9D Nobody knew.",
		     "She asked \xE2\x80\x9CWhy?\xE2\x80\x9D | Nobody knew.");
	expect_split("(It was late.) We went home.",
		     "(It was late.) | We went home.");
}

static void test_ellipsis(void **state)
{
	(void)state;
	expect_split("We waited\xE2\x80\xA6 Then it came.",
		     "We waited\xE2\x80\xA6 | Then it came.");
	expect_split("And then... Silence fell.", "And then... | Silence fell.");
	expect_split("It was... quite odd.", "It was... quite odd.");
}

static void test_lower_case_continues(void **state)
{
	(void)state;
	expect_split("It rose approx. two feet. Then fell.",
		     "It rose approx. two feet. | Then fell.");
	expect_split("See No. 5 on the list.", "See No. 5 on the list.");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_plain),
		cmocka_unit_test(test_titles),
		cmocka_unit_test(test_initialisms),
		cmocka_unit_test(test_clock_times),
		cmocka_unit_test(test_decimals_and_numbers),
		cmocka_unit_test(test_initials),
		cmocka_unit_test(test_glued_question),
		cmocka_unit_test(test_quotes_after_stop),
		cmocka_unit_test(test_ellipsis),
		cmocka_unit_test(test_lower_case_continues),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
