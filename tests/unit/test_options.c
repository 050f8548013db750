/*
 * test_options: unit tests for src/options.c, the table that drives both
 * option parsing and --help.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "options.h"
#include "units_capture.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { OPT_RATE = 256, OPT_DRY };

static const struct option_def defs[] = {
	{ 'o', "output", "DIR", "write under DIR" },
	{ 'f', "format", "FMT", "audio format" },
	{ 'q', "quiet", NULL, "say less" },
	{ OPT_RATE, "rate", "WPM", "words per minute" },
	{ OPT_DRY, "dry-run", NULL, "do nothing" },
	{ 0, NULL, NULL, NULL }
};

/* What one parse saw, as "id=arg" items joined by spaces. */
struct parsed {
	struct buf seen;
	int end;
	int bad;
};

static void parse(int argc, char **argv, struct parsed *p, struct buf *err)
{
	struct option_iter it;
	struct capture c;
	char *arg;
	int id;
	buf_init(&p->seen);
	buf_adds(&p->seen, "");
	p->bad = 0;
	capture_begin(&c);
	options_begin(&it, defs, argc, argv);
	while ((id = options_next(&it, &arg)) != -1) {
		if (id == '?') {
			p->bad++;
			continue;
		}
		buf_addf(&p->seen, "%s%d=%s", p->seen.len ? " " : "", id, arg ? arg : "-");
	}
	p->end = options_end(&it);
	capture_end(&c, err);
}

/* Splits line (modified in place) at spaces into argv; returns argc. */
static int words(char *line, char **argv)
{
	int n = 0;
	for (char *w = strtok(line, " "); w && n < 15; w = strtok(NULL, " "))
		argv[n++] = w;
	argv[n] = NULL;
	return n;
}

static void test_short_and_long(void **state)
{
	(void)state;
	char line_argv[] = "narrate -o out --format=mp3 -q --rate 200 --dry-run a.txt b.txt";
	char *argv[16];
	int argc_argv = words(line_argv, argv);
	struct parsed p;
	struct buf err = BUF_INIT;
	parse(argc_argv, argv, &p, &err);
	struct buf want = BUF_INIT;
	buf_addf(&want, "%d=out %d=mp3 %d=- %d=200 %d=-", 'o', 'f', 'q', OPT_RATE, OPT_DRY);
	assert_string_equal(p.seen.data, want.data);
	assert_int_equal(p.bad, 0);
	assert_int_equal(p.end, 8);
	assert_string_equal(argv[p.end], "a.txt");
	assert_int_equal(err.len, 0);
	buf_release(&want);
	buf_release(&p.seen);
	buf_release(&err);
}

static void test_options_after_operands(void **state)
{
	(void)state;
	/* as in GNU tools: "narrate batch archive/ -o out"; "--" ends options */
	char line_argv[] = "narrate a.txt -o x b.txt -- -q";
	char *argv[16];
	int argc_argv = words(line_argv, argv);
	struct parsed p;
	struct buf err = BUF_INIT;
	parse(argc_argv, argv, &p, &err);
	struct buf want = BUF_INIT;
	buf_addf(&want, "%d=x", 'o');
	assert_string_equal(p.seen.data, want.data);
	assert_int_equal(p.bad, 0);
	assert_int_equal(argc_argv - p.end, 3);
	assert_string_equal(argv[p.end], "a.txt");
	assert_string_equal(argv[p.end + 1], "b.txt");
	assert_string_equal(argv[p.end + 2], "-q");
	buf_release(&want);
	buf_release(&p.seen);
	/* parsing again starts afresh */
	char again_argv[] = "narrate -o y c.txt";
	argc_argv = words(again_argv, argv);
	parse(argc_argv, argv, &p, &err);
	buf_init(&want);
	buf_addf(&want, "%d=y", 'o');
	assert_string_equal(p.seen.data, want.data);
	assert_int_equal(p.end, 3);
	buf_release(&want);
	buf_release(&p.seen);
	buf_release(&err);
}

static void test_clustered_flag_then_reparse(void **state)
{
	(void)state;
	/* stop inside a cluster, then parse another vector from the start */
	char line_argv1[] = "narrate -qo d -x";
	char *argv1[16];
	int argc_argv1 = words(line_argv1, argv1);
	struct parsed p;
	struct buf err = BUF_INIT;
	parse(argc_argv1, argv1, &p, &err);
	assert_int_equal(p.bad, 1);
	buf_release(&p.seen);
	buf_reset(&err);
	char line_argv2[] = "narrate -f wav file";
	char *argv2[16];
	int argc_argv2 = words(line_argv2, argv2);
	parse(argc_argv2, argv2, &p, &err);
	struct buf want = BUF_INIT;
	buf_addf(&want, "%d=wav", 'f');
	assert_string_equal(p.seen.data, want.data);
	assert_int_equal(p.bad, 0);
	assert_int_equal(p.end, 3);
	buf_release(&want);
	buf_release(&p.seen);
	buf_release(&err);
}

static void test_errors(void **state)
{
	(void)state;
	/* each line is one mistake; the message names the option as written
	 * (a flag given a value too) and, when it lacks one, says so */
	static const struct {
		const char *line, *names, *also;
	} bad[] = {
		{ "narrate -z", "-z", NULL },
		{ "narrate --colour", "--colour", NULL },
		{ "narrate -o", "-o", "argument" },
		{ "narrate --rate", "--rate", NULL },
		{ "narrate --quiet=yes", "--quiet", NULL },
	};
	struct buf err = BUF_INIT;
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		char line[64];
		char *argv[16];
		snprintf(line, sizeof(line), "%s", bad[i].line);
		int argc = words(line, argv);
		struct parsed p;
		buf_reset(&err);
		parse(argc, argv, &p, &err);
		assert_int_equal(p.bad, 1);
		assert_non_null(strstr(err.data, bad[i].names));
		if (bad[i].also)
			assert_non_null(strstr(err.data, bad[i].also));
		buf_release(&p.seen);
	}
	buf_release(&err);
}

static void test_help(void **state)
{
	(void)state;
	char *text = NULL;
	size_t size = 0;
	FILE *f = open_memstream(&text, &size);
	assert_non_null(f);
	options_help(defs, f);
	fclose(f);
	assert_non_null(strstr(text, "-o, --output DIR"));
	assert_non_null(strstr(text, "--rate WPM"));
	assert_non_null(strstr(text, "--dry-run"));
	assert_non_null(strstr(text, "words per minute"));
	assert_null(strstr(text, "-\x01"));
	size_t lines = 0;
	for (const char *p = text; *p; p++)
		lines += *p == '\n';
	assert_true(lines >= 5);
	free(text);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_short_and_long),
		cmocka_unit_test(test_options_after_operands),
		cmocka_unit_test(test_clustered_flag_then_reparse),
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_help),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
