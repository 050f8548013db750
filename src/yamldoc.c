/*
 * yamldoc: libyaml's event stream turned into a checked tree (see yamldoc.h).
 *
 * The event API streams, so memory is the tree itself: nodes and strings are
 * carved from an arena of large blocks that is freed in one go.  Depth is
 * counted before libyaml's scanner gets quadratic (it has no limit of its own
 * in 0.2.5), and duplicate keys are found pair by pair in a small map, with
 * a hash set in a larger one.
 *
 * ydoc_stream_map() runs the same loader with the top-level map kept out of
 * the arena: each key/value pair is built as a small tree, handed to the
 * caller, and the arena is rewound for the next one, so a 100,000-entry
 * lexicon needs one 64 KiB block instead of a 40 MB tree.  Its top-level
 * keys are copied into a hash set that outlives the pairs, for duplicates.
 * The file is read in windows: once for the size cap, the depth pre-scan
 * and the line count, then by libyaml; a third time only to place an error.
 */
#include "yamldoc.h"

#include "bigmem.h"
#include "buf.h"
#include "digest.h"
#include "diag.h"

#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <yaml.h>

struct arena_block {
	struct arena_block *prev;
	size_t used, cap;
	max_align_t data[];
};

/* A new block for n bytes (at least block) on top of *arena. */
static __attribute__((noinline)) struct arena_block *arena_grow(void **arena, size_t n,
							       size_t block)
{
	size_t size = bigmem_size(sizeof(struct arena_block) + (n > block ? n : block));
	/* small blocks need no zeroing (bigmem_free frees either) */
	struct arena_block *b = size < BIGMEM_MIN ? xmalloc(size) : bigmem_alloc(size);
	b->prev = *arena;
	b->cap = size - sizeof(*b);
	b->used = 0;
	*arena = b;
	return b;
}

/* n bytes at a multiple of align (a power of two) from an arena whose
 * blocks hold at least block bytes: strings take align 1. */
static void *arena_take_in(void **arena, size_t n, size_t align, size_t block)
{
	struct arena_block *b = *arena;
	size_t at = b ? (b->used + align - 1) & ~(align - 1) : 0;
	if (!b || at > b->cap || b->cap - at < n) {
		b = arena_grow(arena, n, block);
		at = 0;
	}
	b->used = at + n;
	return (char *)b->data + at;
}

/* The same from a tree's arena: 64 KiB blocks. */
static void *arena_take(void **arena, size_t n, size_t align)
{
	return arena_take_in(arena, n, align, (size_t)1 << 16);
}

static void *arena_alloc(void **arena, size_t n)
{
	return arena_take(arena, n, sizeof(max_align_t));
}

static void arena_free(void *arena)
{
	struct arena_block *b = arena;
	while (b) {
		struct arena_block *prev = b->prev;
		bigmem_free(b, sizeof(*b) + b->cap);
		b = prev;
	}
}

/* Empties the arena but keeps its newest (and largest) block for reuse. */
static void arena_reset(void **arena)
{
	struct arena_block *b = *arena;
	if (!b)
		return;
	arena_free(b->prev);
	b->prev = NULL;
	b->used = 0;
}

const char *ynode_kind_name(enum ynode_kind kind)
{
	switch (kind) {
	case YNODE_SCALAR: return "a scalar";
	case YNODE_SEQ: return "a list";
	case YNODE_MAP: return "a map";
	}
	return "a node";
}

static void vreport(bool is_error, const struct ydoc *doc, const struct ynode *at,
		    const char *fmt, va_list ap)
{
	struct buf msg = BUF_INIT;
	if (at)
		buf_addf(&msg, "%s:%u:%u: ", doc->name, at->line, at->col);
	else
		buf_addf(&msg, "%s: ", doc->name);
	buf_vaddf(&msg, fmt, ap);
	if (is_error)
		error("%s", msg.data);
	else
		warning("%s", msg.data);
	buf_release(&msg);
}

int ydoc_error(const struct ydoc *doc, const struct ynode *at, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vreport(true, doc, at, fmt, ap);
	va_end(ap);
	return -1;
}

void ydoc_warning(const struct ydoc *doc, const struct ynode *at, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vreport(false, doc, at, fmt, ap);
	va_end(ap);
}

const struct ynode *ynode_get(const struct ynode *map, const char *key)
{
	if (!map || map->kind != YNODE_MAP)
		return NULL;
	for (const struct ynode *k = map->child; k && k->next; k = k->next->next)
		if (!strcmp(k->str, key))
			return k->next;
	return NULL;
}

/* Where a parse is: the stack of open collections and their last child. */
struct frame {
	struct ynode *node;
	struct ynode *last;
};

/* A stream's top-level keys (copies) with their lines: 16 bytes a slot,
 * as a 100,000-key table is touched all over. */
struct keyslot {
	const char *key;         /* NULL: empty slot */
	uint32_t hash;           /* the hash's high half (the low one places it) */
	uint32_t line;
};

struct keyset {
	struct keyslot *slots;
	size_t cap, n;
	void *strings;           /* arena of the copies */
	size_t block;            /* its block size, from the file's size */
};

struct loader {
	struct ydoc *doc;
	const char *text;
	size_t len;
	struct frame stack[YDOC_MAX_DEPTH + 1];
	int depth;
	bool rooted;             /* the document's top node has been seen */
	/* ydoc_stream_map() only: */
	bool stream;
	FILE *file;              /* read twice: pre-scan, then libyaml */
	size_t left;             /* bytes libyaml may still read */
	struct buf slurped;      /* the whole text, read again for an error */
	struct ynode top;        /* the top-level map, outside the arena */
	struct keyset keys;
	const struct ynode *pending;  /* a top-level key not yet in keys */
	uint64_t pending_hash;
	const char *what;
	ydoc_key_fn *hint;
	ydoc_pair_fn *fn;
	void *ctx;
};

/* libyaml's reader errors report mark 1:1; the byte offset is right. */
static void offset_to_pos(const char *text, size_t len, size_t off, unsigned *line, unsigned *col)
{
	unsigned l = 1, c = 1;
	if (off > len)
		off = len;
	for (size_t i = 0; i < off; i++) {
		if (text[i] == '\n') {
			l++;
			c = 1;
		} else if (((unsigned char)text[i] & 0xC0) != 0x80) {
			c++;
		}
	}
	*line = l;
	*col = c;
}

/* A streamed file's whole text, read again (the error path only) so that
 * parser_error() can turn byte offsets into lines and columns. */
static void stream_slurp(struct loader *ld)
{
	char chunk[65536];
	size_t n;
	rewind(ld->file);
	while (ld->slurped.len <= YDOC_MAX_BYTES &&
	       (n = fread(chunk, 1, sizeof(chunk), ld->file)) > 0)
		buf_add(&ld->slurped, chunk, n);
	ld->text = ld->slurped.data ? ld->slurped.data : "";
	ld->len = ld->slurped.len;
}

static int parser_error(struct loader *ld, yaml_parser_t *p)
{
	unsigned line, col;
	const char *what = p->problem ? p->problem : "malformed YAML";
	if (p->error == YAML_READER_ERROR) {
		offset_to_pos(ld->text, ld->len, p->problem_offset, &line, &col);
	} else {
		line = (unsigned)p->problem_mark.line + 1;
		col = (unsigned)p->problem_mark.column + 1;
		/* at the end of a file without a final newline libyaml points
		 * one line past the text: say where the text ends instead */
		if (ld->len && ld->text[ld->len - 1] != '\n' &&
		    p->problem_mark.index >= ld->len)
			offset_to_pos(ld->text, ld->len, ld->len, &line, &col);
	}
	if (p->error == YAML_READER_ERROR && !strcmp(what, "control characters are not allowed"))
		what = "control character (YAML allows none but tab and newline)";
	if (p->context)
		return error("%s:%u:%u: %s %s", ld->doc->name, line, col, what, p->context);
	return error("%s:%u:%u: %s", ld->doc->name, line, col, what);
}

static struct ynode *init_node(struct ynode *n, enum ynode_kind kind, const yaml_mark_t *m)
{
	*n = (struct ynode){ .kind = kind, .line = (unsigned)m->line + 1,
			     .col = (unsigned)m->column + 1, .str = "" };
	return n;
}

static struct ynode *new_node(struct loader *ld, enum ynode_kind kind, const yaml_mark_t *m)
{
	return init_node(arena_alloc(&ld->doc->arena, sizeof(struct ynode)), kind, m);
}

static uint64_t hash_str(const char *s, size_t n)
{
	return digest64(s, n);   /* XXH3: well mixed in its low bits */
}

static void keyset_resize(struct keyset *ks, size_t cap)
{
	struct keyset old = *ks;
	ks->cap = cap;
	ks->slots = bigmem_alloc(ks->cap * sizeof(*ks->slots));
	for (size_t i = 0; i < old.cap; i++) {
		if (!old.slots[i].key)
			continue;
		size_t k = hash_str(old.slots[i].key, strlen(old.slots[i].key)) & (ks->cap - 1);
		while (ks->slots[k].key)
			k = (k + 1) & (ks->cap - 1);
		ks->slots[k] = old.slots[i];
	}
	bigmem_free(old.slots, old.cap * sizeof(*old.slots));
}

/* Sizes the set for the file at once: a top-level key per line at most
 * (unless in a flow map), and rehashing 100,000 keys costs as much as
 * adding them. */
static void keyset_reserve(struct keyset *ks, size_t lines)
{
	if (lines > (1u << 19))
		lines = 1u << 19;
	size_t cap = 1024;
	while (cap < lines * 2)
		cap *= 2;
	keyset_resize(ks, cap);
	/* the copies' blocks: 16 bytes a line, so that a small file takes
	 * 4 KiB and a 100,000-key one (1.5 MB of keys) huge pages */
	ks->block = lines * 16 < 4096 ? 4096 : lines * 16;
}

/* A stream's top-level key k is looked up in two steps, so that its slot
 * comes from memory (a cache miss per key in a big file) while libyaml
 * parses its value: keyset_defer() at the key, keyset_settle() when the
 * pair is complete or before any other problem is reported (loader_error(),
 * a parse error), so messages come as if it were checked at once.  The
 * caller's hint, if any, gets the key at the same time for the same
 * reason. */
static void keyset_defer(struct loader *ld, const struct ynode *k)
{
	struct keyset *ks = &ld->keys;
	if ((ks->n + 1) * 2 > ks->cap)
		keyset_resize(ks, ks->cap * 2);
	ld->pending = k;
	ld->pending_hash = hash_str(k->str, k->len);
	__builtin_prefetch(&ks->slots[ld->pending_hash & (ks->cap - 1)], 1);
	if (ld->hint)
		ld->hint(k, ld->ctx);
}

/* Remembers the deferred key; -1 after reporting a duplicate. */
static int keyset_settle(struct loader *ld)
{
	struct keyset *ks = &ld->keys;
	const struct ynode *k = ld->pending;
	uint64_t h = ld->pending_hash;
	ld->pending = NULL;
	size_t i = h & (ks->cap - 1);
	for (; ks->slots[i].key; i = (i + 1) & (ks->cap - 1)) {
		const struct keyslot *s = &ks->slots[i];
		if (s->hash == (uint32_t)(h >> 32) && !strcmp(s->key, k->str))
			return ydoc_error(ld->doc, k, "duplicate key '%s' (first at line %u)",
					  k->str, (unsigned)s->line);
	}
	char *copy = arena_take_in(&ks->strings, k->len + 1, 1, ks->block);
	memcpy(copy, k->str, k->len + 1);
	ks->slots[i] = (struct keyslot){ .key = copy, .hash = (uint32_t)(h >> 32),
					 .line = k->line };
	ks->n++;
	return 0;
}

static int loader_error(struct loader *ld, const struct ynode *at, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Reports a problem found while parsing, unless the top-level key read
 * before it is a duplicate: that came first, so it is reported instead.
 * Returns -1. */
static int loader_error(struct loader *ld, const struct ynode *at, const char *fmt, ...)
{
	if (ld->pending && keyset_settle(ld) < 0)
		return -1;
	va_list ap;
	va_start(ap, fmt);
	vreport(true, ld->doc, at, fmt, ap);
	va_end(ap);
	return -1;
}

static void keyset_release(struct keyset *ks)
{
	bigmem_free(ks->slots, ks->cap * sizeof(*ks->slots));
	arena_free(ks->strings);
	memset(ks, 0, sizeof(*ks));
}

/* A stream's pair is complete: hand it over, then rewind the arena. */
static int deliver(struct loader *ld)
{
	if (ld->pending && keyset_settle(ld) < 0)
		return -1;
	struct ynode *k = ld->top.child;
	int rc = ld->fn(ld->doc, k, k->next, ld->ctx);
	ld->top.child = NULL;
	ld->stack[0].last = NULL;
	arena_reset(&ld->doc->arena);
	return rc < 0 ? -1 : 0;
}

static int duplicate(struct loader *ld, const struct ynode *k, const struct ynode *first)
{
	return loader_error(ld, k, "duplicate key '%s' (first at line %u)", k->str, first->line);
}

static bool same_key(const struct ynode *a, const struct ynode *b)
{
	return a->len == b->len && !memcmp(a->str, b->str, a->len);
}

/* Duplicate keys of a finished map; libyaml does not look for them.  A
 * small map (a lexicon entry's) is compared pair by pair; a larger one goes
 * through a hash set. */
static int check_duplicates(struct loader *ld, const struct ynode *map)
{
	size_t n = map->len / 2;
	if (n < 2)
		return 0;
	if (n <= 8) {
		for (const struct ynode *k = map->child->next->next; k;
		     k = k->next ? k->next->next : NULL)
			for (const struct ynode *j = map->child; j != k; j = j->next->next)
				if (same_key(j, k))
					return duplicate(ld, k, j);
		return 0;
	}
	size_t cap = 16;
	while (cap < n * 2)
		cap *= 2;
	const struct ynode **slots = xcalloc(cap, sizeof(*slots));
	int rc = 0;
	for (const struct ynode *k = map->child; k; k = k->next ? k->next->next : NULL) {
		size_t i = hash_str(k->str, k->len) & (cap - 1);
		while (slots[i]) {
			if (same_key(slots[i], k)) {
				rc = duplicate(ld, k, slots[i]);
				goto out;
			}
			i = (i + 1) & (cap - 1);
		}
		slots[i] = k;
	}
out:
	free(slots);
	return rc;
}

static int attach_root(struct loader *ld, struct ynode *n)
{
	if (ld->rooted)
		return loader_error(ld, n, "more than one document in one file");
	ld->rooted = true;
	if (!ld->stream)
		ld->doc->root = n;
	else if (n->kind != YNODE_MAP)
		return loader_error(ld, n, "%s, not %s", ld->what, ynode_kind_name(n->kind));
	return 0;
}

static int attach(struct loader *ld, struct ynode *n)
{
	if (ld->depth == 0)
		return attach_root(ld, n);
	struct frame *f = &ld->stack[ld->depth - 1];
	struct ynode *parent = f->node;
	bool is_key = parent->kind == YNODE_MAP && parent->len % 2 == 0;
	bool top = ld->stream && ld->depth == 1;
	if (is_key && n->kind != YNODE_SCALAR)
		return loader_error(ld, n, "a key must be a plain string, not %s",
				  ynode_kind_name(n->kind));
	if (top && is_key)
		keyset_defer(ld, n);
	if (f->last)
		f->last->next = n;
	else
		parent->child = n;
	f->last = n;
	parent->len++;
	/* a collection value is delivered when it ends */
	if (top && !is_key && n->kind == YNODE_SCALAR)
		return deliver(ld);
	return 0;
}

static int check_props(struct loader *ld, const yaml_char_t *anchor, const yaml_char_t *tag,
		       bool implicit, const yaml_mark_t *m)
{
	struct ynode at = { .line = (unsigned)m->line + 1, .col = (unsigned)m->column + 1 };
	if (anchor)
		return loader_error(ld, &at, "anchors (&%s) are not allowed here", anchor);
	if (tag && !implicit)
		return loader_error(ld, &at, "tags (%s) are not allowed here", tag);
	return 0;
}

static int on_event(struct loader *ld, yaml_event_t *ev)
{
	struct ynode *n;
	switch (ev->type) {
	case YAML_SCALAR_EVENT:
		if (check_props(ld, ev->data.scalar.anchor, ev->data.scalar.tag,
				ev->data.scalar.plain_implicit || ev->data.scalar.quoted_implicit,
				&ev->start_mark) < 0)
			return -1;
		n = new_node(ld, YNODE_SCALAR, &ev->start_mark);
		n->len = ev->data.scalar.length;
		char *s = arena_take(&ld->doc->arena, n->len + 1, 1);
		memcpy(s, ev->data.scalar.value, n->len);
		s[n->len] = '\0';
		n->str = s;
		n->quoted = ev->data.scalar.style != YAML_PLAIN_SCALAR_STYLE;
		if (strlen(s) != n->len)
			return loader_error(ld, n, "NUL character inside a string");
		return attach(ld, n);
	case YAML_SEQUENCE_START_EVENT:
	case YAML_MAPPING_START_EVENT: {
		bool seq = ev->type == YAML_SEQUENCE_START_EVENT;
		if (check_props(ld, seq ? ev->data.sequence_start.anchor : ev->data.mapping_start.anchor,
				seq ? ev->data.sequence_start.tag : ev->data.mapping_start.tag,
				seq ? ev->data.sequence_start.implicit : ev->data.mapping_start.implicit,
				&ev->start_mark) < 0)
			return -1;
		enum ynode_kind kind = seq ? YNODE_SEQ : YNODE_MAP;
		if (ld->stream && ld->depth == 0)
			n = init_node(&ld->top, kind, &ev->start_mark);
		else
			n = new_node(ld, kind, &ev->start_mark);
		if (attach(ld, n) < 0)
			return -1;
		if (ld->depth >= YDOC_MAX_DEPTH)
			return loader_error(ld, n, "nested deeper than %d levels", YDOC_MAX_DEPTH);
		ld->stack[ld->depth].node = n;
		ld->stack[ld->depth].last = NULL;
		ld->depth++;
		return 0;
	}
	case YAML_SEQUENCE_END_EVENT:
	case YAML_MAPPING_END_EVENT:
		n = ld->stack[--ld->depth].node;
		if (n == &ld->top)
			return 0;  /* its keys were checked one by one */
		if (n->kind == YNODE_MAP && check_duplicates(ld, n) < 0)
			return -1;
		if (ld->stream && ld->depth == 1)
			return deliver(ld);
		return 0;
	case YAML_ALIAS_EVENT: {
		struct ynode at = { .line = (unsigned)ev->start_mark.line + 1,
				    .col = (unsigned)ev->start_mark.column + 1 };
		return loader_error(ld, &at, "aliases (*%s) are not allowed here",
				  ev->data.alias.anchor);
	}
	default:
		return 0;
	}
}

/* The pre-scan's state from one window of text to the next. */
struct prescan {
	int depth;
	unsigned line;           /* the line the next window starts on */
	bool started;            /* a window was scanned: the next follows a newline */
};

/* A quick pre-scan: libyaml's scanner is quadratic in flow nesting depth, so
 * refuse absurd bracket nesting before handing it the text.  text[0..len)
 * is whole lines (the last may end the file).  Returns 0, or -1 after
 * reporting. */
static int prescan_window(struct loader *ld, struct prescan *ps, const char *text, size_t len)
{
	/* the bytes that mean something here; the rest is skipped quickly */
	static const bool special[256] = {
		['#'] = true, ['\''] = true, ['"'] = true,
		['['] = true, ['{'] = true, [']'] = true, ['}'] = true,
	};
	for (size_t i = 0; i < len; i++) {
		while (i < len && !special[(unsigned char)text[i]])
			i++;
		if (i == len)
			break;
		char c = text[i];
		char prev = i ? text[i - 1] : ps->started ? '\n' : '\0';
		if (c == '#' && (i == 0 || prev == ' ' || prev == '\n')) {
			while (i < len && text[i] != '\n')
				i++;
		} else if (c == '\'' || c == '"') {
			/* quoted strings may hold brackets; skip them on the line */
			size_t j = i + 1;
			while (j < len && text[j] != c && text[j] != '\n')
				j++;
			if (j < len && text[j] == c && prev && strchr(" [{,:\n", prev))
				i = j;
		} else if (c == '[' || c == '{') {
			if (++ps->depth > YDOC_MAX_DEPTH) {
				unsigned line, col;
				offset_to_pos(text, len, i, &line, &col);
				return error("%s:%u:%u: nested deeper than %d levels",
					     ld->doc->name, ps->line + line - 1, col, YDOC_MAX_DEPTH);
			}
		} else if ((c == ']' || c == '}') && ps->depth > 0) {
			ps->depth--;
		}
	}
	for (const char *p = text, *end = text + len; (p = memchr(p, '\n', (size_t)(end - p)));
	     p++)
		ps->line++;
	ps->started = true;
	return 0;
}

static int too_big(const char *name)
{
	return error("%s: file is larger than %u MiB; split it into several files",
		     name, YDOC_MAX_BYTES >> 20);
}

/* Runs libyaml, its input set, to the end of the stream, feeding
 * on_event().  Returns 0, or -1 after reporting. */
static int run_parser(struct loader *ld, yaml_parser_t *parser)
{
	int rc = 0;
	for (;;) {
		yaml_event_t ev;
		if (!yaml_parser_parse(parser, &ev)) {
			if (ld->pending && keyset_settle(ld) < 0) {
				rc = -1;  /* what came first is reported */
				break;
			}
			if (ld->file)
				stream_slurp(ld);
			rc = parser_error(ld, parser);
			break;
		}
		yaml_event_type_t type = ev.type;
		rc = on_event(ld, &ev);
		yaml_event_delete(&ev);
		if (rc < 0 || type == YAML_STREAM_END_EVENT)
			break;
	}
	return rc;
}

/* Runs libyaml over ld's text, feeding on_event(). */
static int parse_text(struct loader *ld)
{
	const char *name = ld->doc->name;
	if (ld->len > YDOC_MAX_BYTES)
		return too_big(name);
	struct prescan ps = { .line = 1 };
	if (prescan_window(ld, &ps, ld->text, ld->len) < 0)
		return -1;

	yaml_parser_t parser;
	if (!yaml_parser_initialize(&parser))
		return error("%s: cannot start the YAML parser", name);
	yaml_parser_set_input_string(&parser, (const unsigned char *)ld->text, ld->len);
	int rc = run_parser(ld, &parser);
	yaml_parser_delete(&parser);
	return rc;
}

int ydoc_load_string(struct ydoc *doc, const char *name, const char *text, size_t len)
{
	memset(doc, 0, sizeof(*doc));
	doc->name = xstrdup(name);
	struct loader ld = { .doc = doc, .text = text, .len = len };
	int rc = parse_text(&ld);
	if (rc < 0)
		doc->root = NULL;
	return rc;
}

/* path opened for reading; NULL after reporting (also when it is not a
 * regular file). */
static FILE *open_regular(const char *path, struct stat *st)
{
	FILE *f = fopen(path, "rb");
	if (!f) {
		error("'%s': %s", path, strerror(errno));
		return NULL;
	}
	if (fstat(fileno(f), st) < 0)
		st->st_size = 0;
	else if (!S_ISREG(st->st_mode)) {
		fclose(f);
		error("'%s': not a regular file", path);
		return NULL;
	}
	return f;
}

/* Reads a regular file into out (at most a byte past YDOC_MAX_BYTES, so the
 * size check still fires).  Returns 0, or -1 after reporting. */
static int read_text(const char *path, struct buf *out)
{
	struct stat st;
	FILE *f = open_regular(path, &st);
	if (!f)
		return -1;
	if (st.st_size > 0 && (uintmax_t)st.st_size <= YDOC_MAX_BYTES)
		buf_grow(out, (size_t)st.st_size + 1);
	char chunk[65536];
	size_t n;
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0) {
		buf_add(out, chunk, n);
		if (out->len > YDOC_MAX_BYTES)
			break;
	}
	bool bad = ferror(f);
	fclose(f);
	if (bad)
		return error("'%s': read error", path);
	return 0;
}

int ydoc_load_file(struct ydoc *doc, const char *path)
{
	memset(doc, 0, sizeof(*doc));
	struct buf b = BUF_INIT;
	int rc = read_text(path, &b);
	if (rc < 0)
		doc->name = xstrdup(path);
	else
		rc = ydoc_load_string(doc, path, b.data ? b.data : "", b.len);
	buf_release(&b);
	return rc;
}

/* Pass one over a streamed file: the size cap and the pre-scan, a window
 * of whole lines at a time, so the text is never all in memory.  Sets
 * *bytes to the file's size.  Returns 0, or -1 after reporting. */
static int stream_prescan(struct loader *ld, struct prescan *ps, size_t *bytes)
{
	struct buf win = BUF_INIT;
	char chunk[65536];
	size_t n;
	int rc = 0;
	*bytes = 0;
	while (rc == 0 && (n = fread(chunk, 1, sizeof(chunk), ld->file)) > 0) {
		*bytes += n;
		if (*bytes > YDOC_MAX_BYTES) {
			rc = too_big(ld->doc->name);
			break;
		}
		buf_add(&win, chunk, n);
		size_t whole = win.len;
		while (whole && win.data[whole - 1] != '\n')
			whole--;
		if (!whole)
			continue;  /* a line longer than the window: read on */
		rc = prescan_window(ld, ps, win.data, whole);
		memmove(win.data, win.data + whole, win.len - whole);
		buf_truncate(&win, win.len - whole);
	}
	if (rc == 0 && ferror(ld->file))
		rc = error("'%s': read error", ld->doc->name);
	if (rc == 0 && win.len)
		rc = prescan_window(ld, ps, win.data, win.len);
	buf_release(&win);
	return rc;
}

/* libyaml's read handler for pass two: no further than pass one saw. */
static int stream_read(void *data, unsigned char *buffer, size_t size, size_t *size_read)
{
	struct loader *ld = data;
	size_t n = fread(buffer, 1, size < ld->left ? size : ld->left, ld->file);
	ld->left -= n;
	*size_read = n;
	return !ferror(ld->file);
}

static int stream_parse(struct loader *ld, size_t bytes)
{
	yaml_parser_t parser;
	rewind(ld->file);
	ld->left = bytes;
	if (!yaml_parser_initialize(&parser))
		return error("%s: cannot start the YAML parser", ld->doc->name);
	yaml_parser_set_input(&parser, stream_read, ld);
	int rc = run_parser(ld, &parser);
	yaml_parser_delete(&parser);
	return rc;
}

int ydoc_stream_map(const char *path, const char *what, ydoc_pair_fn *fn, void *ctx)
{
	return ydoc_stream_map_hinted(path, what, NULL, fn, ctx);
}

int ydoc_stream_map_hinted(const char *path, const char *what, ydoc_key_fn *hint,
			   ydoc_pair_fn *fn, void *ctx)
{
	struct stat st;
	FILE *f = open_regular(path, &st);
	if (!f)
		return -1;
	struct ydoc doc = { .name = xstrdup(path) };
	struct loader ld = { .doc = &doc, .stream = true, .file = f, .slurped = BUF_INIT,
			     .hint = hint, .fn = fn, .ctx = ctx,
			     .what = what ? what : "expected a map at the top level" };
	struct prescan ps = { .line = 1 };
	size_t bytes;
	int rc = stream_prescan(&ld, &ps, &bytes);
	if (rc == 0) {
		keyset_reserve(&ld.keys, ps.line);
		rc = stream_parse(&ld, bytes);
	}
	fclose(f);
	keyset_release(&ld.keys);
	buf_release(&ld.slurped);
	ydoc_release(&doc);
	return rc;
}

void ydoc_release(struct ydoc *doc)
{
	arena_free(doc->arena);
	free(doc->name);
	memset(doc, 0, sizeof(*doc));
}
