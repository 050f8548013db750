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

/* ---- ydoc_stream_map ---- */

/* What a stream handed over: "key=kind@line:col" per pair, and the key
 * nodes' addresses (the arena is rewound, so they repeat). */
struct seen {
	struct buf log;
	size_t pairs;
	const void *first_key;
	size_t same_key_node;
	int stop_after;         /* return -1 on this pair (1-based); 0: never */
};

static void describe(struct buf *log, const struct ynode *v)
{
	if (v->kind == YNODE_SCALAR) {
		buf_addf(log, "'%s'", v->str);
		return;
	}
	buf_addc(log, v->kind == YNODE_MAP ? '{' : '[');
	for (const struct ynode *c = v->child; c; c = c->next) {
		describe(log, c);
		buf_addc(log, c->next ? ',' : ' ');
	}
	buf_addc(log, v->kind == YNODE_MAP ? '}' : ']');
}

static int on_pair(struct ydoc *doc, const struct ynode *key, const struct ynode *value,
		   void *ctx)
{
	struct seen *s = ctx;
	assert_non_null(doc->name);
	assert_null(doc->root);
	assert_int_equal(key->kind, YNODE_SCALAR);
	assert_ptr_equal(key->next, value);
	assert_null(value->next);
	s->pairs++;
	if (!s->first_key)
		s->first_key = key;
	s->same_key_node += (const void *)key == s->first_key;
	buf_addf(&s->log, "%s@%u:%u=", key->str, key->line, key->col);
	describe(&s->log, value);
	buf_addf(&s->log, "@%u:%u\n", value->line, value->col);
	if (s->stop_after && (int)s->pairs == s->stop_after)
		return ydoc_error(doc, value, "stop here");
	return 0;
}

/* Streams text from a scratch file named t.yaml; returns the result, what
 * went to stderr (with the directory cut off the file name) and the pairs. */
static int stream(const char *text, size_t len, const char *what, struct seen *s,
		  struct buf *err)
{
	char *dir = scratch_dir();
	char *path = scratch_file(dir, "t.yaml", text, len);
	struct capture c;
	capture_begin(&c);
	int rc = ydoc_stream_map(path, what, on_pair, s);
	struct buf raw = BUF_INIT;
	capture_end(&c, &raw);
	/* "<dir>/t.yaml:" becomes "t.yaml:" */
	for (const char *p = raw.data; *p;) {
		const char *hit = strstr(p, path);
		if (!hit) {
			buf_adds(err, p);
			break;
		}
		buf_add(err, p, (size_t)(hit - p));
		buf_adds(err, "t.yaml");
		p = hit + strlen(path);
	}
	if (!err->data)
		buf_adds(err, "");
	buf_release(&raw);
	free(path);
	scratch_remove(dir);
	return rc;
}

static void seen_release(struct seen *s)
{
	buf_release(&s->log);
}

/* Asserts that streaming text fails with where (and what) in the message,
 * after exactly pairs pairs. */
static void expect_stream_error(const char *text, size_t pairs, const char *where,
				const char *what)
{
	struct seen s = { .log = BUF_INIT };
	struct buf err = BUF_INIT;
	assert_int_equal(stream(text, strlen(text), NULL, &s, &err), -1);
	if (!strstr(err.data, where) || (what && !strstr(err.data, what)))
		fail_msg("for %s wanted '%s' '%s', got: %s", text, where, what ? what : "",
			 err.data);
	if (s.pairs != pairs)
		fail_msg("for %s wanted %zu pairs first, got %zu:\n%s", text, pairs, s.pairs,
			 s.log.data ? s.log.data : "");
	seen_release(&s);
	buf_release(&err);
}

static void test_stream_pairs(void **state)
{
	(void)state;
	const char text[] =
		"# a lexicon-like file\n"
		"Putin: POO-tin\n"
		"Tokayev:\n"
		"  phonemes: \"t,oUkA:j'Ef\"\n"
		"  aliases: [Toccyev, Tocaev]\n"
		"NATO: { say: nay-toe, case: exact }\n"
		"list:\n"
		"  - one\n"
		"  - [two, three]\n"
		"empty: {}\n";
	struct seen s = { .log = BUF_INIT };
	struct buf err = BUF_INIT;
	assert_int_equal(stream(text, sizeof(text) - 1, NULL, &s, &err), 0);
	assert_string_equal(err.data, "");
	assert_string_equal(s.log.data,
		"Putin@2:1='POO-tin'@2:8\n"
		"Tokayev@3:1={'phonemes','t,oUkA:j'Ef',"
		"'aliases',['Toccyev','Tocaev' ] }@4:3\n"
		"NATO@6:1={'say','nay-toe','case','exact' }@6:7\n"
		"list@7:1=['one',['two','three' ] ]@8:3\n"
		"empty@10:1={}@10:8\n");
	assert_int_equal(s.pairs, 5);
	seen_release(&s);
	buf_release(&err);
}

static void test_stream_reuses_memory(void **state)
{
	(void)state;
	/* 3000 pairs (the key set grows a few times): every key node is built
	 * in the same place, as the arena is rewound after each pair */
	struct buf text = BUF_INIT;
	for (int i = 0; i < 3000; i++)
		buf_addf(&text, "k%d: { say: \"v %d\", aliases: [a%d, b%d] }\n", i, i, i, i);
	struct seen s = { .log = BUF_INIT };
	struct buf err = BUF_INIT;
	assert_int_equal(stream(text.data, text.len, NULL, &s, &err), 0);
	assert_int_equal(s.pairs, 3000);
	assert_int_equal(s.same_key_node, 3000);
	assert_non_null(strstr(s.log.data,
		"k2999@3000:1={'say','v 2999','aliases',['a2999','b2999' ] }@3000:8\n"));
	seen_release(&s);
	buf_release(&err);
	buf_release(&text);
}

static void test_stream_empty(void **state)
{
	(void)state;
	static const char *const texts[] = { "", "# only a comment\n", "--- {}\n", "{}\n" };
	for (size_t i = 0; i < sizeof(texts) / sizeof(texts[0]); i++) {
		struct seen s = { .log = BUF_INIT };
		struct buf err = BUF_INIT;
		assert_int_equal(stream(texts[i], strlen(texts[i]), NULL, &s, &err), 0);
		assert_int_equal(s.pairs, 0);
		assert_string_equal(err.data, "");
		seen_release(&s);
		buf_release(&err);
	}
}

static void test_stream_not_a_map(void **state)
{
	(void)state;
	struct seen s = { .log = BUF_INIT };
	struct buf err = BUF_INIT;
	assert_int_equal(stream("- a\n- b\n", 8, "a lexicon is a map", &s, &err), -1);
	assert_non_null(strstr(err.data, "t.yaml:1:1: a lexicon is a map, not a list"));
	buf_reset(&err);
	assert_int_equal(stream("\n  just words\n", 14, NULL, &s, &err), -1);
	assert_non_null(strstr(err.data,
		"t.yaml:2:3: expected a map at the top level, not a scalar"));
	assert_int_equal(s.pairs, 0);
	seen_release(&s);
	buf_release(&err);
}

static void test_stream_duplicates(void **state)
{
	(void)state;
	/* the first copy is long gone when the second comes */
	struct buf text = BUF_INIT;
	for (int i = 0; i < 2000; i++)
		buf_addf(&text, "key%d: %d\n", i, i);
	buf_adds(&text, "other: 1\nkey1500: again\n");
	struct seen s = { .log = BUF_INIT };
	struct buf err = BUF_INIT;
	assert_int_equal(stream(text.data, text.len, NULL, &s, &err), -1);
	assert_non_null(strstr(err.data,
		"t.yaml:2002:1: duplicate key 'key1500' (first at line 1501)"));
	assert_int_equal(s.pairs, 2001);
	seen_release(&s);
	buf_release(&err);
	buf_release(&text);
	/* inside a value, as in a whole document; keys that only look alike
	 * are different */
	expect_stream_error("a: 1\np:\n  s: 1\n  s: 2\n", 1, "t.yaml:4:3:", "line 3");
	expect_stream_error("a: 1\nb: { x: 1, y: 2, x: 3 }\n", 1, "t.yaml:2:18:", "line 2");
	/* a map of up to 8 keys is compared pair by pair, a larger one hashed:
	 * both find the first repeat and name its first line */
	expect_stream_error("a: { p: 1, q: 2, r: 3,\n s: 4, q: 5 }\n", 0, "t.yaml:2:8:",
			    "duplicate key 'q' (first at line 1)");
	expect_stream_error("a: { k1: 1, k2: 2, k3: 3, k4: 4, k5: 5, k6: 6, k7: 7,\n"
			    " k8: 8, k9: 9, k3: 10, k9: 11 }\n", 0, "t.yaml:2:16:",
			    "duplicate key 'k3' (first at line 1)");
	/* a repeated top-level key is reported before whatever is wrong with
	 * its value, even when libyaml fails on the very next token */
	expect_stream_error("a: 1\na: \"open\n", 1, "t.yaml:2:1:", "duplicate key 'a'");
	expect_stream_error("a: 1\na: &x 2\n", 1, "t.yaml:2:1:", "duplicate key 'a'");
	expect_stream_error("a: 1\na: [\n", 1, "t.yaml:2:1:", "duplicate key 'a'");
	expect_stream_error("a: 1\na:", 1, "t.yaml:2:1:", "duplicate key 'a'");
	struct seen ok = { .log = BUF_INIT };
	assert_int_equal(stream("a: 1\nA: 2\n\"a \": 3\n", 17, NULL, &ok, &err), 0);
	assert_int_equal(ok.pairs, 3);
	seen_release(&ok);
	buf_release(&err);
}

static void test_stream_bad_input(void **state)
{
	(void)state;
	expect_stream_error("a: 1\nb: &x 2\n", 1, "t.yaml:2:4:", "anchor");
	expect_stream_error("a: 1\nb: *x\n", 1, "t.yaml:2:", "alias");
	expect_stream_error("a: !!str 1\n", 0, "t.yaml:1:4:", "tag");
	expect_stream_error("a: 1\n? [x]\n: 2\n", 1, "t.yaml:2:3:", "key must be");
	/* b is complete when the dedent ends it; the error is on y */
	expect_stream_error("a: 1\nb:\n  x: 1\n y: 2\n", 2, "t.yaml:4:", NULL);
	expect_stream_error("a: 1\nb: [x, y\nc: 2\n", 1, "t.yaml:", NULL);
	/* libyaml decodes its input ahead, so a bad byte stops it early */
	expect_stream_error("a: 1\nb: \xC3\xA9\xFF\n", 0, "t.yaml:2:5:", NULL);
	expect_stream_error("a: 1\n---\nb: 2\n", 1, "t.yaml:3:1:", "more than one document");
	expect_stream_error("a: 1\nb: [[[[[[[[[[[[[[[[[[[x]]]]]]]]]]]]]]]]]]]\n", 0, "t.yaml:2:20:",
			    "nested");
	struct buf deep = BUF_INIT;
	buf_adds(&deep, "a: 1\n");
	for (int i = 0; i < YDOC_MAX_DEPTH + 2; i++) {
		for (int s = 0; s < i; s++)
			buf_adds(&deep, " ");
		buf_adds(&deep, "k:\n");
	}
	expect_stream_error(deep.data, 1, "t.yaml:", "nested");
	buf_release(&deep);
	/* a NUL byte in a string (libyaml's reader finds it ahead) */
	struct seen s = { .log = BUF_INIT };
	struct buf err = BUF_INIT;
	assert_int_equal(stream("a: 1\nb: x\0y\n", 12, NULL, &s, &err), -1);
	assert_non_null(strstr(err.data, "t.yaml:2:5:"));
	assert_int_equal(s.pairs, 0);
	seen_release(&s);
	buf_release(&err);
}

/* What ydoc_stream_map_hinted() did, in order. */
struct hinted {
	struct buf log;
	const struct ynode *last;
};

static void hint_key(const struct ynode *key, void *ctx)
{
	struct hinted *h = ctx;
	buf_addf(&h->log, "hint %s@%u ", key->str, key->line);
	h->last = key;
}

static int hinted_pair(struct ydoc *doc, const struct ynode *key, const struct ynode *value,
		       void *ctx)
{
	struct hinted *h = ctx;
	(void)doc;
	(void)value;
	buf_addf(&h->log, "%s %s ", key == h->last ? "pair" : "OTHER NODE", key->str);
	return 0;
}

static int stream_hinted(const char *text, struct hinted *h)
{
	char *dir = scratch_dir();
	char *path = scratch_file(dir, "t.yaml", text, strlen(text));
	struct capture c;
	struct buf err = BUF_INIT;
	capture_begin(&c);
	int rc = ydoc_stream_map_hinted(path, NULL, hint_key, hinted_pair, h);
	capture_end(&c, &err);
	buf_release(&err);
	free(path);
	scratch_remove(dir);
	return rc;
}

/* The hint sees each top-level key (not the nested ones) before its pair,
 * as the very node the pair function gets; a duplicate is hinted, then
 * refused. */
static void test_stream_hint(void **state)
{
	(void)state;
	struct hinted h = { .log = BUF_INIT };
	assert_int_equal(stream_hinted("a: 1\nb: { x: 1, y: [2] }\nc:\n  - 3\n", &h), 0);
	assert_string_equal(h.log.data, "hint a@1 pair a hint b@2 pair b hint c@3 pair c ");
	buf_reset(&h.log);
	assert_int_equal(stream_hinted("a: 1\nb: 2\na: 3\nd: 4\n", &h), -1);
	assert_string_equal(h.log.data, "hint a@1 pair a hint b@2 pair b hint a@3 ");
	buf_release(&h.log);
}

static void test_stream_stop_and_files(void **state)
{
	(void)state;
	/* the callback stops the stream: no more pairs, no second message */
	struct seen s = { .log = BUF_INIT, .stop_after = 2 };
	struct buf err = BUF_INIT;
	assert_int_equal(stream("a: 1\nb: [2]\nc: 3\n", 17, NULL, &s, &err), -1);
	assert_int_equal(s.pairs, 2);
	assert_string_equal(err.data, "narrate: error: t.yaml:2:4: stop here\n");
	seen_release(&s);
	buf_release(&err);
	/* missing, a directory, too big */
	char *dir = scratch_dir();
	struct buf missing = BUF_INIT;
	buf_addf(&missing, "%s/none.yaml", dir);
	struct seen t = { .log = BUF_INIT };
	struct capture c;
	capture_begin(&c);
	assert_int_equal(ydoc_stream_map(missing.data, NULL, on_pair, &t), -1);
	assert_int_equal(ydoc_stream_map(dir, NULL, on_pair, &t), -1);
	capture_end(&c, &err);
	assert_non_null(strstr(err.data, missing.data));
	assert_non_null(strstr(err.data, "not a regular file"));
	buf_release(&missing);
	scratch_remove(dir);
	buf_reset(&err);
	size_t n = YDOC_MAX_BYTES + 10;
	char *big = xmalloc(n);
	memset(big, '#', n);
	assert_int_equal(stream(big, n, NULL, &t, &err), -1);
	assert_non_null(strstr(err.data, "t.yaml: file is larger than 8 MiB"));
	assert_int_equal(t.pairs, 0);
	free(big);
	seen_release(&t);
	buf_release(&err);
}

/* The pre-scan reads a streamed file in windows of whole lines: positions,
 * quotes and long lines must come out as for a file read at once. */
static void test_stream_windows(void **state)
{
	(void)state;
	struct buf text = BUF_INIT;
	for (int i = 1; i <= 10000; i++)
		buf_addf(&text, "key%05d: value\n", i);
	buf_adds(&text, "long: ");
	for (int i = 0; i < 100000; i++)
		buf_addc(&text, (char)('a' + i % 26));
	buf_adds(&text, "\n\"[[[[[[[[[[[[[[[[[[[[\": quoted brackets are not nesting\n");
	struct seen s = { .log = BUF_INIT };
	struct buf err = BUF_INIT;
	assert_int_equal(stream(text.data, text.len, NULL, &s, &err), 0);
	assert_string_equal(err.data, "");
	assert_int_equal(s.pairs, 10002);
	assert_non_null(strstr(s.log.data, "key10000@10000:1='value'@10000:11\n"));
	assert_non_null(strstr(s.log.data, "\n[[[[[[[[[[[[[[[[[[[[@10002:1="));
	/* too deep on line 10003, column 23; nothing after the pre-scan */
	buf_adds(&text, "deep: [[[[[[[[[[[[[[[[[[[x]]]]]]]]]]]]]]]]]]]\n");
	buf_reset(&s.log);
	s.pairs = 0;
	assert_int_equal(stream(text.data, text.len, NULL, &s, &err), -1);
	assert_non_null(strstr(err.data, "t.yaml:10003:23: nested deeper than 16 levels"));
	assert_int_equal(s.pairs, 0);
	/* a bad byte far into the file: the text is read again for its place */
	buf_truncate(&text, text.len - 46);
	buf_adds(&text, "bad: x\xFFy\n");
	buf_reset(&err);
	assert_int_equal(stream(text.data, text.len, NULL, &s, &err), -1);
	assert_non_null(strstr(err.data, "t.yaml:10003:7:"));
	seen_release(&s);
	buf_release(&err);
	buf_release(&text);
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
		cmocka_unit_test(test_stream_pairs),
		cmocka_unit_test(test_stream_reuses_memory),
		cmocka_unit_test(test_stream_empty),
		cmocka_unit_test(test_stream_not_a_map),
		cmocka_unit_test(test_stream_duplicates),
		cmocka_unit_test(test_stream_bad_input),
		cmocka_unit_test(test_stream_hint),
		cmocka_unit_test(test_stream_stop_and_files),
		cmocka_unit_test(test_stream_windows),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
