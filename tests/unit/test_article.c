/*
 * test_article: unit tests for src/article.c, plain text to the document
 * model (title, dateline, chapters, segments, credit).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "article.h"
#include "datadir.h"
#include "split.h"
#include "units_capture.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

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

static void parse(struct article *a, const char *text)
{
	assert_int_equal(article_parse(a, "a.txt", text, strlen(text)), 0);
}

/* How many segments of kind the article has. */
static size_t count_kind(const struct article *a, enum segment_kind kind)
{
	size_t n = 0;
	for (size_t i = 0; i < a->n_segs; i++)
		n += a->segs[i].kind == kind;
	return n;
}

/* Checks the invariants every parse must keep. */
static void check_shape(const struct article *a)
{
	assert_true(a->n_chapters >= 1);
	assert_int_equal(a->chapters[0].first_seg, 0);
	assert_int_equal(a->chapters[a->n_chapters - 1].end_seg, a->n_segs);
	for (size_t c = 0; c + 1 < a->n_chapters; c++)
		assert_int_equal(a->chapters[c].end_seg, a->chapters[c + 1].first_seg);
	for (size_t c = 0; c < a->n_chapters; c++)
		for (size_t s = a->chapters[c].first_seg; s < a->chapters[c].end_seg; s++)
			assert_int_equal(a->segs[s].chapter, c);
	assert_int_equal(a->segs[a->n_segs - 1].pause, PAUSE_NONE);
}

static const char three_chapters[] =
	"Ferry service returns to the island\n"
	"\n"
	"2023-05-02 07:15:00 14 \xE2\x84\x83\n"
	"\n"
	"The ferry sailed again on Monday. Dr. Kim Park said it was overdue.\n"
	"\n"
	"Timetable changes\n"
	"\n"
	"Boats leave every 2.5 hours. The first one is at six.\n"
	"\n"
	"What riders said\n"
	"\n"
	"Most were pleased.\n"
	"Some wanted more trips.\n"
	"\n"
	"Source: Island Courier, our own test text\n";

static void test_structure(void **state)
{
	(void)state;
	struct article a;
	parse(&a, three_chapters);
	check_shape(&a);
	assert_string_equal(a.title, "Ferry service returns to the island");
	assert_true(a.date.present);
	assert_int_equal(a.date.year, 2023);
	assert_int_equal(a.date.month, 5);
	assert_int_equal(a.date.day, 2);
	assert_true(a.date.has_time);
	assert_int_equal(a.date.hour, 7);
	assert_int_equal(a.date.min, 15);
	assert_int_equal(a.date.line, 3);
	assert_string_equal(a.credit, "Source: Island Courier, our own test text");
	assert_int_equal(a.n_chapters, 3);
	assert_string_equal(a.chapters[0].title, a.title);
	assert_int_equal(a.chapters[0].line, 1);
	assert_string_equal(a.chapters[1].title, "Timetable changes");
	assert_int_equal(a.chapters[1].line, 7);
	assert_string_equal(a.chapters[2].title, "What riders said");
	/* spoken order: title, date, sentences, headings..., credit last */
	assert_int_equal(a.segs[0].kind, SEG_TITLE);
	assert_int_equal(a.segs[1].kind, SEG_DATE);
	assert_int_equal(a.segs[a.n_segs - 1].kind, SEG_CREDIT);
	assert_int_equal(a.segs[a.n_segs - 1].line, 16);
	assert_int_equal(count_kind(&a, SEG_DATE), 1);
	assert_int_equal(count_kind(&a, SEG_HEADING), 2);
	assert_int_equal(count_kind(&a, SEG_CREDIT), 1);
	const struct segment *h = &a.segs[a.chapters[1].first_seg];
	assert_int_equal(h->kind, SEG_HEADING);
	assert_string_equal(h->text, "Timetable changes");
	/* "Dr." does not split, the second sentence starts at column 35 */
	const struct segment *s = &a.segs[3];
	assert_string_equal(s->text, "Dr. Kim Park said it was overdue.");
	assert_int_equal(s->line, 5);
	assert_int_equal(s->col, 35);
	assert_int_equal(a.segs[2].pause, PAUSE_SENTENCE);
	assert_int_equal(s->pause, PAUSE_CHAPTER);     /* the end of chapter 1 */
	/* two lines of one paragraph: one pause, a sentence pause between */
	size_t last = a.n_segs - 2;
	assert_string_equal(a.segs[last].text, "Some wanted more trips.");
	assert_int_equal(a.segs[last].line, 14);
	assert_int_equal(a.segs[last - 1].pause, PAUSE_SENTENCE);
	article_release(&a);
}

static void expect_date(const char *line, int y, int m, int d, int has_time)
{
	struct buf text = BUF_INIT;
	buf_addf(&text, "A headline\n\n%s\n\nThe body says one thing.\n", line);
	struct article a;
	parse(&a, text.data);
	if (!a.date.present)
		fail_msg("'%s' not taken for a dateline", line);
	assert_int_equal(a.date.year, y);
	assert_int_equal(a.date.month, m);
	assert_int_equal(a.date.day, d);
	assert_int_equal(a.date.has_time, has_time);
	assert_int_equal(count_kind(&a, SEG_DATE), 1);
	assert_int_equal(a.n_chapters, 1);
	for (size_t i = 0; i < a.n_segs; i++)            /* not read as text */
		if (a.segs[i].kind == SEG_SENTENCE)
			assert_null(strstr(a.segs[i].text, line));
	article_release(&a);
	buf_release(&text);
}

static void test_datelines(void **state)
{
	(void)state;
	expect_date("2022-06-19 06:09:38 16 \xE2\x84\x83", 2022, 6, 19, 1);
	expect_date("19 June 2022", 2022, 6, 19, 0);
	expect_date("June 19, 2022", 2022, 6, 19, 0);
	expect_date("2021/12/01", 2021, 12, 1, 0);
	expect_date("Published 3 March 2020 10:45", 2020, 3, 3, 1);
	expect_date("2024-02-29", 2024, 2, 29, 0);
	/* not datelines: each stays a sentence that is read out */
	static const char *const not_dates[] = {
		"2022-02-30 was no day.",
		"2023-02-29",
		"On June 19, 2022 the old mill reopened.",
		"Rain fell on 3 May 2021!",
	};
	for (size_t i = 0; i < sizeof(not_dates) / sizeof(not_dates[0]); i++) {
		struct buf text = BUF_INIT;
		buf_addf(&text, "A headline\n\n%s\n\nBody.\n", not_dates[i]);
		struct article a;
		parse(&a, text.data);
		if (a.date.present)
			fail_msg("'%s' taken for a dateline", not_dates[i]);
		assert_int_equal(count_kind(&a, SEG_DATE), 0);
		assert_string_equal(a.segs[1].text, not_dates[i]);
		article_release(&a);
		buf_release(&text);
	}
}

static void test_date_phrase(void **state)
{
	(void)state;
	struct dateline d = { .present = true, .year = 2022, .month = 6, .day = 19 };
	struct buf b = BUF_INIT;
	article_date_phrase(&d, &b);
	assert_non_null(strstr(b.data, "June 19, 2022"));
	buf_release(&b);
}

static void test_lists_and_short_lines(void **state)
{
	(void)state;
	struct article a;
	/* a run of short unpunctuated lines is a list, not headings */
	parse(&a, "List day\n\nWe packed these.\n\nBread\n\nCheese\n\nApples\n\n"
		  "That was all.\n\nThe end\n");
	check_shape(&a);
	assert_int_equal(a.n_chapters, 1);
	assert_int_equal(count_kind(&a, SEG_HEADING), 0);
	/* a short final line is read, not a chapter */
	assert_string_equal(a.segs[a.n_segs - 1].text, "The end");
	assert_int_equal(a.segs[a.n_segs - 1].kind, SEG_SENTENCE);
	article_release(&a);
	/* bullets are never headings */
	parse(&a, "Bullets\n\nIntro line.\n\n- first item\n\nText after it.\n\n"
		  "* second item\n\nMore text after.\n");
	assert_int_equal(count_kind(&a, SEG_HEADING), 0);
	assert_int_equal(a.n_chapters, 1);
	article_release(&a);
}

static void test_text_before_heading_is_chapter_one(void **state)
{
	(void)state;
	struct article a;
	parse(&a, "Main title\n\nOpening words here.\n\nA heading\n\nMore words.\n");
	check_shape(&a);
	assert_int_equal(a.n_chapters, 2);
	assert_string_equal(a.chapters[0].title, "Main title");
	assert_string_equal(a.chapters[1].title, "A heading");
	assert_null(a.credit);
	assert_false(a.date.present);
	article_release(&a);
}

static void test_invisible_lines_are_blank(void **state)
{
	(void)state;
	/* no-break spaces, zero-width spaces, control bytes: nothing to read */
	static const char *const lines[] = {
		"\xC2\xA0", "\xE2\x80\x8B\xE2\x80\x8B", "\x01\x02", " \xE3\x80\x80 ",
	};
	for (size_t i = 0; i < sizeof(lines) / sizeof(lines[0]); i++) {
		struct buf text = BUF_INIT;
		buf_addf(&text, "%s\nThe title\n\nIntro text.\n\n%s\n\nMore text.\n",
			 lines[i], lines[i]);
		struct article a;
		parse(&a, text.data);
		check_shape(&a);
		assert_string_equal(a.title, "The title");
		assert_int_equal(a.n_chapters, 1);
		assert_int_equal(count_kind(&a, SEG_HEADING), 0);
		assert_int_equal(a.n_segs, 3);
		article_release(&a);
		buf_release(&text);
	}
}

static void test_credit_variants(void **state)
{
	(void)state;
	struct article a;
	parse(&a, "Title here\n\nBody text.\n\nReference Source: Some Paper\n");
	assert_string_equal(a.credit, "Reference Source: Some Paper");
	assert_int_equal(a.segs[a.n_segs - 1].kind, SEG_CREDIT);
	article_release(&a);
	/* a credit-like line in the middle is text */
	parse(&a, "Title here\n\nSource: not last.\n\nBody text.\n");
	assert_null(a.credit);
	article_release(&a);
}

static void test_nothing_to_say(void **state)
{
	(void)state;
	struct article a;
	struct buf err = BUF_INIT;
	struct capture c;
	capture_begin(&c);
	int rc = article_parse(&a, "blank.txt", "\n \n\t\n", 5);
	capture_end(&c, &err);
	assert_int_equal(rc, -1);
	assert_non_null(strstr(err.data, "blank.txt"));
	buf_release(&err);
	/* a title alone is a one-chapter article */
	parse(&a, "Only a title");
	check_shape(&a);
	assert_int_equal(a.n_segs, 1);
	article_release(&a);
}

static void test_long_paragraph_is_linear_and_cut(void **state)
{
	(void)state;
	struct buf text = BUF_INIT;
	buf_adds(&text, "Big one\n\n");
	/* one 2 MB paragraph: sentences, and one long run with commas */
	while (text.len < (2u << 20))
		buf_adds(&text, "The river rose past the old mark again today. ");
	for (int i = 0; i < 200; i++)
		buf_adds(&text, "and then the water kept rising, ");
	buf_adds(&text, "until it stopped.\n");
	struct timespec t0, t1;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	struct article a;
	parse(&a, text.data);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	double s = (double)(t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) / 1e9;
	if (s > 0.5)
		fail_msg("2 MB paragraph took %.2f s", s);
	check_shape(&a);
	size_t long_parts = 0;
	for (size_t i = 0; i < a.n_segs; i++) {
		size_t n = strlen(a.segs[i].text);
		assert_true(n <= 600);
		if (n > 300)
			long_parts++;
	}
	assert_true(long_parts >= 10);   /* the 6.4 kB run was cut in pieces */
	const struct segment *last = &a.segs[a.n_segs - 1];
	assert_non_null(strstr(last->text, "until it stopped."));
	/* cut after a comma, never inside a word */
	const struct segment *prev = last - 1;
	assert_int_equal(prev->text[strlen(prev->text) - 1], ',');
	assert_int_equal(prev->line, 3);
	article_release(&a);
	buf_release(&text);
}

static void test_cut_without_spaces(void **state)
{
	(void)state;
	struct buf text = BUF_INIT;
	buf_adds(&text, "Glued\n\n");
	for (int i = 0; i < 700; i++)
		buf_adds(&text, "\xC3\xA9");         /* 1400 bytes of "é" */
	buf_adds(&text, "\n");
	struct article a;
	parse(&a, text.data);
	size_t total = 0;
	for (size_t i = 1; i < a.n_segs; i++) {
		size_t n = strlen(a.segs[i].text);
		assert_true(n <= 600);
		assert_int_equal(n % 2, 0);           /* whole characters only */
		total += n;
	}
	assert_int_equal(total, 1400);
	article_release(&a);
	buf_release(&text);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_structure),
		cmocka_unit_test(test_datelines),
		cmocka_unit_test(test_date_phrase),
		cmocka_unit_test(test_lists_and_short_lines),
		cmocka_unit_test(test_text_before_heading_is_chapter_one),
		cmocka_unit_test(test_invisible_lines_are_blank),
		cmocka_unit_test(test_credit_variants),
		cmocka_unit_test(test_nothing_to_say),
		cmocka_unit_test(test_long_paragraph_is_linear_and_cut),
		cmocka_unit_test(test_cut_without_spaces),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
