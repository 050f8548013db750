/*
 * test_yamldoc: unit tests for src/yamldoc.c, the strict YAML loader.
 *
 * Every bad case checks the exact "name:line:col" the message starts with.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "yamldoc.h"
#include "units_capture.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* Loads text as "t.yaml"; returns the result and what went to stderr. */
static int load(struct ydoc *doc, const char *text, size_t len, struct buf *err)
{
	struct capture c;
	capture_begin(&c);
	int rc = ydoc_load_string(doc, "t.yaml", text, len);
	capture_end(&c, err);
	return rc;
}

/* Asserts that text fails to load with a message containing where and what. */
static void expect_error(const char *text, const char *where, const char *what)
{
	struct ydoc doc;
	struct buf err = BUF_INIT;
	assert_int_equal(load(&doc, text, strlen(text), &err), -1);
	if (!strstr(err.data, where) || (what && !strstr(err.data, what)))
		fail_msg("for %s wanted '%s' '%s', got: %s", text, where, what ? what : "",
			 err.data);
	assert_null(doc.root);
	ydoc_release(&doc);
	buf_release(&err);
}

static void test_good_file(void **state)
{
	(void)state;
	const char text[] =
		"# a comment\n"
		"name: plain\n"
		"rate: 170\n"
		"quoted: \"x y\"\n"
		"list: [one, two, three]\n"
		"pauses:\n"
		"  sentence: 300\n"
		"  chapter: 1200\n";
	struct ydoc doc;
	struct buf err = BUF_INIT;
	assert_int_equal(load(&doc, text, sizeof(text) - 1, &err), 0);
	assert_int_equal(err.len, 0);
	assert_non_null(doc.root);
	assert_int_equal(doc.root->kind, YNODE_MAP);
	const struct ynode *name = ynode_get(doc.root, "name");
	assert_non_null(name);
	assert_string_equal(name->str, "plain");
	assert_false(name->quoted);
	assert_int_equal(name->line, 2);
	assert_int_equal(name->col, 7);
	const struct ynode *q = ynode_get(doc.root, "quoted");
	assert_true(q->quoted);
	assert_string_equal(q->str, "x y");
	const struct ynode *list = ynode_get(doc.root, "list");
	assert_int_equal(list->kind, YNODE_SEQ);
	assert_int_equal(list->len, 3);
	assert_string_equal(list->child->next->next->str, "three");
	assert_null(list->child->next->next->next);
	const struct ynode *p = ynode_get(doc.root, "pauses");
	assert_int_equal(p->kind, YNODE_MAP);
	const struct ynode *ch = ynode_get(p, "chapter");
	assert_string_equal(ch->str, "1200");
	assert_int_equal(ch->line, 8);
	assert_int_equal(ch->col, 12);
	assert_null(ynode_get(doc.root, "missing"));
	assert_null(ynode_get(doc.root, "sentence"));   /* not a deep search */
	ydoc_release(&doc);
	buf_release(&err);
}

static void test_empty_file(void **state)
{
	(void)state;
	struct ydoc doc;
	struct buf err = BUF_INIT;
	assert_int_equal(load(&doc, "", 0, &err), 0);
	assert_null(doc.root);
	ydoc_release(&doc);
	assert_int_equal(load(&doc, "# only a comment\n", 17, &err), 0);
	assert_null(doc.root);
	ydoc_release(&doc);
	buf_release(&err);
}

static void test_bad_indent(void **state)
{
	(void)state;
	expect_error("a:\n  b: 1\n c: 2\n", "t.yaml:3:", NULL);
}

static void test_tab(void **state)
{
	(void)state;
	expect_error("a:\n\tb: 1\n", "t.yaml:2:1:", NULL);
}

static void test_unclosed_bracket(void **state)
{
	(void)state;
	expect_error("list: [a, b\nnext: 1\n", "t.yaml:", NULL);
	struct ydoc doc;
	struct buf err = BUF_INIT;
	/* at the end of a one-line file: the position must still be on line 1 */
	int rc = load(&doc, "k: [x, y", 8, &err);
	ydoc_release(&doc);
	bool on_line_1 = strstr(err.data, "t.yaml:1:") != NULL;
	if (!on_line_1)
		fprintf(stderr, "got: %s", err.data);
	buf_release(&err);
	assert_int_equal(rc, -1);
	assert_true(on_line_1);
}

static void test_invalid_utf8_position(void **state)
{
	(void)state;
	/* the bad byte is line 2, the 5th character ("é" counts as one) */
	expect_error("a: 1\nb: \xC3\xA9\xFF\n", "t.yaml:2:5:", NULL);
	/* a sequence cut short by the end of the file */
	expect_error("first: ok\nsecond: ok\nx: \xE2\x82", "t.yaml:3:4:", NULL);
}

static void test_nul(void **state)
{
	(void)state;
	const char text[] = "a: 1\nb: x\0y\n";
	struct ydoc doc;
	struct buf err = BUF_INIT;
	assert_int_equal(load(&doc, text, sizeof(text) - 1, &err), -1);
	assert_non_null(strstr(err.data, "t.yaml:2:"));
	ydoc_release(&doc);
	buf_release(&err);
}

static void test_anchor_alias_tag(void **state)
{
	(void)state;
	expect_error("a: &x 1\nb: 2\n", "t.yaml:1:4:", "anchor");
	expect_error("a: 1\nb: *x\n", "t.yaml:2:", NULL);
	expect_error("a: !!str 1\n", "t.yaml:1:4:", "tag");
	expect_error("a: !custom 1\n", "t.yaml:1:", "tag");
}

static void test_duplicate_keys(void **state)
{
	(void)state;
	expect_error("rate: 1\npitch: 2\nrate: 3\n", "t.yaml:3:1:", "line 1");
	expect_error("p:\n  s: 1\n  s: 2\n", "t.yaml:3:3:", "line 2");
}

static void test_deep_nesting_is_fast(void **state)
{
	(void)state;
	size_t n = 1000000;
	char *text = xmalloc(n + 1);
	memset(text, '[', n);
	text[n] = '\0';
	struct timespec t0, t1;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	struct ydoc doc;
	struct buf err = BUF_INIT;
	assert_int_equal(load(&doc, text, n, &err), -1);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	double ms = (t1.tv_sec - t0.tv_sec) * 1e3 + (t1.tv_nsec - t0.tv_nsec) / 1e6;
	assert_non_null(strstr(err.data, "t.yaml:1:17:"));
	assert_non_null(strstr(err.data, "nested"));
	if (ms >= 100)
		fail_msg("1e6 nested [ took %.1f ms", ms);
	ydoc_release(&doc);
	/* the same depth of block maps is caught by the parser events */
	struct buf deep = BUF_INIT;
	for (int i = 0; i < YDOC_MAX_DEPTH + 2; i++) {
		for (int s = 0; s < i; s++)
			buf_adds(&deep, " ");
		buf_adds(&deep, "k:\n");
	}
	assert_int_equal(load(&doc, deep.data, deep.len, &err), -1);
	ydoc_release(&doc);
	buf_release(&deep);
	buf_release(&err);
	free(text);
}

static void test_too_big(void **state)
{
	(void)state;
	size_t n = YDOC_MAX_BYTES + 10;
	char *text = xmalloc(n + 1);
	memset(text, '#', n);
	text[n] = '\0';
	expect_error(text, "t.yaml", "MiB");
	free(text);
}

static void test_file(void **state)
{
	(void)state;
	char *dir = scratch_dir();
	char *good = scratch_file(dir, "ok.yaml", "k: v\n", 5);
	char *bad = scratch_file(dir, "bad.yaml", "k: v\nk: w\n", 10);
	struct ydoc doc;
	struct buf err = BUF_INIT;
	struct capture c;
	capture_begin(&c);
	int rc = ydoc_load_file(&doc, good);
	capture_end(&c, &err);
	assert_int_equal(rc, 0);
	assert_string_equal(ynode_get(doc.root, "k")->str, "v");
	/* ydoc_error uses the document's name and the node's position */
	capture_begin(&c);
	assert_int_equal(ydoc_error(&doc, ynode_get(doc.root, "k"), "dislike %d", 7), -1);
	capture_end(&c, &err);
	struct buf want = BUF_INIT;
	buf_addf(&want, "%s:1:4: dislike 7", good);
	assert_non_null(strstr(err.data, want.data));
	ydoc_release(&doc);
	buf_reset(&err);
	capture_begin(&c);
	rc = ydoc_load_file(&doc, bad);
	capture_end(&c, &err);
	assert_int_equal(rc, -1);
	buf_reset(&want);
	buf_addf(&want, "%s:2:1:", bad);
	assert_non_null(strstr(err.data, want.data));
	ydoc_release(&doc);
	buf_reset(&err);
	capture_begin(&c);
	rc = ydoc_load_file(&doc, dir);
	capture_end(&c, &err);
	assert_int_equal(rc, -1);
	ydoc_release(&doc);
	buf_release(&want);
	buf_release(&err);
	free(good);
	free(bad);
	scratch_remove(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_good_file),
		cmocka_unit_test(test_empty_file),
		cmocka_unit_test(test_bad_indent),
		cmocka_unit_test(test_tab),
		cmocka_unit_test(test_unclosed_bracket),
		cmocka_unit_test(test_invalid_utf8_position),
		cmocka_unit_test(test_nul),
		cmocka_unit_test(test_anchor_alias_tag),
		cmocka_unit_test(test_duplicate_keys),
		cmocka_unit_test(test_deep_nesting_is_fast),
		cmocka_unit_test(test_too_big),
		cmocka_unit_test(test_file),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
