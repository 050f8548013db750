/*
 * lexicon_load: lexicon YAML files into the entry store (see lexicon.h for
 * the API, lexicon.c for the store).
 *
 * A file is one map from a key (a word or a multi-word name) to either a
 * respelling, or a map:
 *
 *   Putin: POO-tin                        # shorthand for say:
 *   Tokayev:
 *     phonemes: "t,oUkA:j'Ef"             # espeak-ng mnemonics
 *     aliases: [Toccyev, Tocaev]          # other spellings of the same name
 *   Almaty: { ipa: "ɑlˈmɑti" }            # IPA, converted to mnemonics
 *   NATO: { say: nay-toe, case: exact }   # case: exact or any
 *   Katayev: { same-as: Tokayev }         # this text's Katayev is Tokayev
 *
 * The file is streamed (ydoc_stream_map): each entry is checked and stored
 * as it is read, and its YAML nodes are gone after that; only same-as
 * entries wait, as copies, until the whole file is in.
 *
 * yamldoc already refuses anchors, aliases, tags, deep nesting, huge files
 * and byte-identical duplicate keys.  Here: keys that fold to the same word,
 * aliases that collide with other entries, same-as cycles, wrong types, and
 * values espeak-ng must never see (unknown phonemes, "[[", control
 * characters, over-long strings).  Every problem in a file is reported
 * (up to a cap) as file:line:col before the load fails.
 */
#include "lexicon.h"
#include "lexicon_int.h"

#include "bigmem.h"
#include "diag.h"
#include "unicode.h"
#include "yamldoc.h"

#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define MAX_REPORTS 50

enum field { F_SAY, F_PHONEMES, F_IPA, F_SAME_AS, F_ALIASES, F_CASE, F_NOTE, N_FIELDS };

static const char *const field_names[N_FIELDS] = {
	"say", "phonemes", "ipa", "same-as", "aliases", "case", "note",
};

/* A same-as entry waiting for the end of the file.  Its nodes are copies
 * (the stream's are gone): key.str and target.str are set from
 * loadctx.strs, at key_at and target_at, once that has stopped growing. */
struct pending {
	struct ynode key, target;
	size_t key_at, target_at;
	bool exact;
	bool done;
};

struct loadctx {
	struct lexicon *lx;
	const char *file;
	int errors;
	struct pending *pend;
	size_t n_pend, cap_pend;
	struct buf strs;         /* the pending entries' strings */
	struct buf scratch;      /* the fold of key folded */
	const struct ynode *folded;
	uint64_t hash;           /* and its hash */
};

static void problem(struct loadctx *c, const struct ynode *at, unsigned dcol,
		    const char *fmt, ...) __attribute__((format(printf, 4, 5)));

/* Reports one problem at at's position plus dcol columns. */
static void problem(struct loadctx *c, const struct ynode *at, unsigned dcol,
		    const char *fmt, ...)
{
	if (++c->errors > MAX_REPORTS) {
		if (c->errors == MAX_REPORTS + 1)
			error("%s: too many problems; stopping the report here", c->file);
		return;
	}
	struct buf msg = BUF_INIT;
	va_list ap;
	va_start(ap, fmt);
	buf_vaddf(&msg, fmt, ap);
	va_end(ap);
	error("%s:%u:%u: %s", c->file, at ? at->line : 1, (at ? at->col : 1) + dcol, msg.data);
	buf_release(&msg);
}

static const char *intern_file(struct lexicon *lx, const char *name)
{
	for (size_t i = 0; i < lx->n_files; i++)
		if (!strcmp(lx->files[i], name))
			return lx->files[i];
	lx->files = xrealloc(lx->files, (lx->n_files + 1) * sizeof(char *));
	return lx->files[lx->n_files++] = xstrdup(name);
}

/* Columns from the node's start to byte off of its value. */
static unsigned value_col(const struct ynode *v, size_t off)
{
	unsigned col = v->quoted ? 1 : 0;
	for (size_t i = 0; i < off && i < v->len; i++)
		if (((unsigned char)v->str[i] & 0xC0) != 0x80)
			col++;
	return col;
}

/* Bytes in the UTF-8 character at s (a NUL-terminated string). */
static size_t utf8_len(const char *s)
{
	int32_t cp;
	return *s ? unicode_next(s, strlen(s), &cp) : 0;
}

/* Text espeak-ng may be given: no controls, no brackets (a "[[" would
 * switch it to phoneme input). */
static int text_ok(struct loadctx *c, const struct ynode *v, const char *what, size_t max)
{
	if (v->kind != YNODE_SCALAR) {
		problem(c, v, 0, "'%s' must be a string, not %s", what, ynode_kind_name(v->kind));
		return -1;
	}
	size_t start = 0;
	while (start < v->len && v->str[start] == ' ')
		start++;
	if (start == v->len) {
		problem(c, v, 0, "'%s' is empty", what);
		return -1;
	}
	if (v->len > max) {
		problem(c, v, 0, "'%s' is longer than %zu bytes", what, max);
		return -1;
	}
	for (size_t i = 0; i < v->len; i++) {
		unsigned char ch = (unsigned char)v->str[i];
		if (ch < 0x20 || ch == 0x7F || ch == '[' || ch == ']') {
			problem(c, v, value_col(v, i), "'%s' may not contain %s", what,
				ch == '[' || ch == ']' ? "brackets" : "control characters");
			return -1;
		}
	}
	return 0;
}

static int key_ok(struct loadctx *c, const struct ynode *k, const char *what)
{
	const char *why = NULL;
	if (k->kind != YNODE_SCALAR) {
		problem(c, k, 0, "%s must be a string, not %s", what, ynode_kind_name(k->kind));
		return -1;
	}
	if (!lexicon_key_ok(k->str, k->len, &why)) {
		problem(c, k, 0, "%s '%s' %s", what, k->str, why);
		return -1;
	}
	return 0;
}

/* All-caps keys (acronyms) match only as written unless case: says so. */
static bool default_exact(const char *s, size_t len)
{
	size_t letters = 0;
	for (size_t i = 0; i < len;) {
		int32_t cp;
		if ((unsigned char)s[i] < 0x80) {
			if (s[i] >= 'a' && s[i] <= 'z')
				return false;
			letters += s[i] >= 'A' && s[i] <= 'Z';
			i++;
			continue;
		}
		i += unicode_next(s + i, len - i, &cp);
		if (unicode_is_letter(cp)) {
			if (!unicode_is_upper(cp))
				return false;
			letters++;
		}
	}
	return letters >= 2;
}

static int case_rule(struct loadctx *c, const struct ynode *k, const struct ynode *v, bool *exact)
{
	*exact = default_exact(k->str, k->len);
	if (!v)
		return 0;
	if (v->kind == YNODE_SCALAR && !strcmp(v->str, "exact"))
		*exact = true;
	else if (v->kind == YNODE_SCALAR && !strcmp(v->str, "any"))
		*exact = false;
	else {
		problem(c, v, 0, "'case' must be 'exact' or 'any'");
		return -1;
	}
	return 0;
}

static int read_fields(struct loadctx *c, const struct ynode *map, const struct ynode **f)
{
	int rc = 0;
	for (const struct ynode *k = map->child; k && k->next; k = k->next->next) {
		size_t i = 0;
		while (i < N_FIELDS && strcmp(k->str, field_names[i]))
			i++;
		if (i == N_FIELDS) {
			problem(c, k, 0, "unknown field '%s' (expected say, phonemes, ipa, "
				"same-as, aliases, case or note)", k->str);
			rc = -1;
		} else {
			f[i] = k->next;
		}
	}
	int given = !!f[F_SAY] + !!f[F_PHONEMES] + !!f[F_IPA] + !!f[F_SAME_AS];
	if (rc == 0 && given != 1) {
		problem(c, map, 0, given ? "give only one of say, phonemes, ipa and same-as" :
			"an entry needs one of say, phonemes, ipa or same-as");
		rc = -1;
	}
	if (rc == 0 && f[F_SAME_AS] && f[F_ALIASES]) {
		problem(c, f[F_ALIASES], 0, "a same-as entry has no aliases of its own; "
			"add them to the entry it follows");
		rc = -1;
	}
	return rc;
}

static int check_phonemes(struct loadctx *c, const struct ynode *v, const char *ph,
			  size_t off_base)
{
	const struct phoneset *ps = lexicon_phoneset(c->lx);
	size_t bad;
	if (!ps) {
		problem(c, v, 0, "cannot check phonemes: the phoneme table did not load");
		return -1;
	}
	if (phoneset_check(ps, ph, strlen(ph), &bad) == 0)
		return 0;
	if (bad >= strlen(ph))
		problem(c, v, 0, "phonemes are longer than %d bytes", PHONESET_MAX_BYTES);
	else
		problem(c, v, off_base == (size_t)-1 ? 0 : value_col(v, bad),
			"unknown phoneme at '%.8s' (the known ones are in "
			"lexicon-data/phonemes.yaml)", ph + bad);
	return -1;
}

/* Fills e's spoken form from its say/phonemes/ipa field.  Returns 0 or -1. */
static int pronunciation(struct loadctx *c, struct lex_entry *e, const struct ynode **f)
{
	if (f[F_SAY]) {
		if (text_ok(c, f[F_SAY], "say", LEXICON_MAX_SAY) < 0)
			return -1;
		e->info.value = e->info.spoken = lex_strndup(c->lx, f[F_SAY]->str, f[F_SAY]->len);
		e->info.how = "say";
		return 0;
	}
	const struct ynode *v = f[F_PHONEMES] ? f[F_PHONEMES] : f[F_IPA];
	if (text_ok(c, v, f[F_PHONEMES] ? "phonemes" : "ipa",
		    f[F_PHONEMES] ? PHONESET_MAX_BYTES : LEXICON_MAX_SAY) < 0)
		return -1;
	struct buf ph = BUF_INIT;
	size_t bad = 0;
	if (f[F_PHONEMES]) {
		buf_adds(&ph, v->str);
	} else if (lexicon_ipa_to_phonemes(c->lx, v->str, &ph, &bad) < 0) {
		if (bad == (size_t)-1)
			problem(c, v, 0, "cannot convert IPA: the phoneme table did not load");
		else
			problem(c, v, value_col(v, bad), "unknown IPA symbol '%.*s'",
				(int)utf8_len(v->str + bad), v->str + bad);
		buf_release(&ph);
		return -1;
	}
	if (check_phonemes(c, v, ph.data, f[F_PHONEMES] ? 0 : (size_t)-1) < 0) {
		buf_release(&ph);
		return -1;
	}
	e->info.value = lex_strndup(c->lx, v->str, v->len);
	if (f[F_IPA])
		e->info.ipa = e->info.value;
	size_t n = ph.len;
	e->info.phonemes = lex_strndup(c->lx, ph.data, n);
	buf_reset(&ph);
	buf_adds(&ph, "[[");
	buf_add(&ph, e->info.phonemes, n);
	buf_adds(&ph, "]]");
	e->info.spoken = lex_strndup(c->lx, ph.data, ph.len);
	buf_release(&ph);
	e->info.how = f[F_PHONEMES] ? "phonemes" : "ipa";
	return 0;
}

static void fill_info(struct lex_entry *e)
{
	struct lexicon_info *in = &e->info;
	in->target = e->target ? &e->target->info : NULL;
	if (e->target) {
		in->how = "alias";
		in->spoken = NULL;
	}
}

/* Folds k into c->scratch and hashes it, once: the stream's hint asks as
 * soon as the key is read, so that the index slot insert() needs is on its
 * way from memory (a cache miss per entry in a big lexicon) while the value
 * is parsed and checked. */
static void fold_key(struct loadctx *c, const struct ynode *k)
{
	if (c->folded == k)
		return;
	buf_reset(&c->scratch);
	lexicon_fold(k->str, k->len, &c->scratch);
	c->hash = lexicon_hash(c->scratch.data, c->scratch.len);
	c->folded = k;
	lex_index_prefetch(&c->lx->byfold, c->hash);
	const char *sp = memchr(c->scratch.data, ' ', c->scratch.len);
	if (sp)  /* a multi-word key: its first word goes into the heads */
		lex_heads_prefetch(&c->lx->heads, c->scratch.data, (size_t)(sp - c->scratch.data));
}

/* A new entry for key k; *h is its fold's hash. */
static struct lex_entry *entry_new(struct loadctx *c, const struct ynode *k, bool exact,
				   uint64_t *h)
{
	struct lex_entry *e = lex_alloc(c->lx, sizeof(*e));
	e->info.key = lex_strndup(c->lx, k->str, k->len);
	fold_key(c, k);
	c->folded = NULL;
	*h = c->hash;
	e->fold = lex_strndup(c->lx, c->scratch.data, c->scratch.len);
	e->fold_len = (unsigned)c->scratch.len;
	e->gen = c->lx->gen;
	e->nwords = 1;
	for (size_t i = 0; i < k->len; i++)
		e->nwords += k->str[i] == ' ';
	e->info.file = c->file;
	e->info.line = k->line;
	e->info.col = k->col;
	e->info.exact = exact;
	return e;
}

/* An entry that was refused: its memory stays in the arena. */
static void entry_drop(struct lex_entry *e)
{
	(void)e;
}

static bool conflicts(const struct lex_entry *a, const struct lex_entry *b)
{
	if (!a->info.exact && !b->info.exact)
		return true;
	return a->info.exact && b->info.exact && !strcmp(a->info.key, b->info.key);
}

static void add_head(struct lexicon *lx, const struct lex_entry *e)
{
	if (e->nwords >= 2)
		lex_heads_add(&lx->heads, e->fold, strcspn(e->fold, " "), e->nwords);
}

/* Doubles lx->entries (bigmem: a big lexicon's array is in huge pages). */
static void entries_grow(struct lexicon *lx)
{
	size_t old = lx->cap_entries * sizeof(*lx->entries);
	size_t want = bigmem_size(old ? old * 2 : 256 * sizeof(*lx->entries));
	struct lex_entry **e = bigmem_alloc(want);
	if (old)
		memcpy(e, lx->entries, lx->n_entries * sizeof(*lx->entries));
	bigmem_free(lx->entries, old);
	lx->entries = e;
	lx->cap_entries = want / sizeof(*lx->entries);
}

static void append(struct lexicon *lx, struct lex_entry *e)
{
	if (lx->n_entries == lx->cap_entries)
		entries_grow(lx);
	lx->entries[lx->n_entries++] = e;
	add_head(lx, e);
	fill_info(e);
}

/* An entry from an earlier file takes e's place: x keeps its identity, so
 * aliases that follow x now follow the new pronunciation. */
static void override(struct lex_entry *x, struct lex_entry *e)
{
	char *fold = x->fold;
	struct lex_entry *same = x->same_fold;
	*x = *e;
	x->fold = fold;
	x->same_fold = same;
	fill_info(x);
}

static const char *what_is(const struct lex_entry *e)
{
	return e->target ? "alias" : "entry";
}

/* Stores e, whose fold hashes to h; returns the stored entry (e itself, or the earlier entry it
 * replaced in place), or NULL after reporting a collision or a cycle. */
static struct lex_entry *insert(struct loadctx *c, struct lex_entry *e, uint64_t h,
				const struct ynode *at)
{
	struct lexicon *lx = c->lx;
	struct lex_islot *s = lex_index_slot(&lx->byfold, e->fold, e->fold_len, h);
	if (!s->head) {
		s->hash = h;
		s->head = e;
		lx->byfold.n++;
		append(lx, e);
		return e;
	}
	struct lex_entry *x = s->head;
	while (x && !conflicts(x, e))
		x = x->same_fold;
	if (!x) {
		e->same_fold = s->head->same_fold;
		s->head->same_fold = e;
		append(lx, e);
		return e;
	}
	if (x->gen == lx->gen) {
		problem(c, at, 0, "%s '%s' collides with %s '%s' at line %u", what_is(e),
			e->info.key, what_is(x), x->info.key, x->info.line);
	} else {
		const struct lex_entry *t = e->target;
		for (int hops = 0; t && t != x && hops < LEX_MAX_HOPS; hops++)
			t = t->target;
		if (!t) {
			if (lx->note_overrides)
				note("%s:%u:%u: '%s' replaces '%s' from %s:%u", c->file, at->line,
				     at->col, e->info.key, x->info.key, x->info.file, x->info.line);
			override(x, e);
			return x;
		}
		problem(c, at, 0, "circular alias: '%s' would follow '%s', which follows it "
			"(%s:%u)", e->info.key, e->target->info.key, x->info.file, x->info.line);
	}
	entry_drop(e);
	return NULL;
}

static void alias_new(struct loadctx *c, const struct ynode *a, struct lex_entry *target,
		      const struct ynode *casenode)
{
	bool exact;
	if (key_ok(c, a, "alias") < 0 || case_rule(c, a, casenode, &exact) < 0)
		return;
	uint64_t h;
	struct lex_entry *e = entry_new(c, a, exact, &h);
	e->target = target;
	e->info.value = target->info.key;  /* the arena's strings live as long as the lexicon */
	insert(c, e, h, a);
}

static void load_aliases(struct loadctx *c, const struct ynode *list, struct lex_entry *target,
			 const struct ynode *casenode)
{
	if (list->kind == YNODE_SCALAR) {
		alias_new(c, list, target, casenode);
		return;
	}
	if (list->kind != YNODE_SEQ) {
		problem(c, list, 0, "'aliases' must be a list of spellings, not %s",
			ynode_kind_name(list->kind));
		return;
	}
	for (const struct ynode *a = list->child; a; a = a->next)
		alias_new(c, a, target, casenode);
}

/* Copies a node's position and text into c->strs; the copy's str is set
 * later (see struct pending). */
static struct ynode node_copy(struct loadctx *c, const struct ynode *n, size_t *at)
{
	struct ynode copy = { .kind = n->kind, .quoted = n->quoted, .line = n->line,
			      .col = n->col, .len = n->len };
	*at = c->strs.len;
	buf_add(&c->strs, n->str, n->len + 1);  /* with its NUL */
	return copy;
}

static void pending_add(struct loadctx *c, const struct ynode *k, const struct ynode *target,
			bool exact)
{
	if (c->n_pend == c->cap_pend) {
		c->cap_pend = c->cap_pend ? c->cap_pend * 2 : 64;
		c->pend = xrealloc(c->pend, c->cap_pend * sizeof(*c->pend));
	}
	struct pending *p = &c->pend[c->n_pend++];
	*p = (struct pending){ .exact = exact };
	p->key = node_copy(c, k, &p->key_at);
	p->target = node_copy(c, target, &p->target_at);
}

static void load_entry(struct loadctx *c, const struct ynode *k, const struct ynode *v)
{
	const struct ynode *f[N_FIELDS] = { 0 };
	bool exact;
	if (key_ok(c, k, "key") < 0)
		return;
	fold_key(c, k);
	if (v->kind == YNODE_SCALAR) {
		f[F_SAY] = v;
	} else if (v->kind != YNODE_MAP) {
		problem(c, v, 0, "entry '%s' must be a respelling or a map (say, phonemes, ipa, "
			"same-as, aliases, case), not %s", k->str, ynode_kind_name(v->kind));
		return;
	} else if (read_fields(c, v, f) < 0) {
		return;
	}
	if (case_rule(c, k, f[F_CASE], &exact) < 0)
		return;
	if (f[F_SAME_AS]) {
		if (key_ok(c, f[F_SAME_AS], "same-as") < 0)
			return;
		pending_add(c, k, f[F_SAME_AS], exact);
		return;
	}
	if (f[F_NOTE] && f[F_NOTE]->kind != YNODE_SCALAR)
		problem(c, f[F_NOTE], 0, "'note' must be a string");
	uint64_t h;
	struct lex_entry *e = entry_new(c, k, exact, &h);
	if (pronunciation(c, e, f) < 0) {
		entry_drop(e);
		return;
	}
	e = insert(c, e, h, k);
	if (e && f[F_ALIASES])
		load_aliases(c, f[F_ALIASES], e, f[F_CASE]);
}

/* same-as entries, once every plain entry of the file is in: repeated
 * passes let them follow each other; what is left is a cycle or a typo. */
static void resolve_pending(struct loadctx *c)
{
	for (size_t i = 0; i < c->n_pend; i++) {
		c->pend[i].key.str = c->strs.data + c->pend[i].key_at;
		c->pend[i].target.str = c->strs.data + c->pend[i].target_at;
	}
	bool progress = true;
	while (progress) {
		progress = false;
		for (size_t i = 0; i < c->n_pend; i++) {
			struct pending *p = &c->pend[i];
			const struct lexicon_info *t = p->done ? NULL :
				lexicon_find(c->lx, p->target.str, p->target.len, NULL);
			if (!t)
				continue;
			uint64_t h;
			struct lex_entry *e = entry_new(c, &p->key, p->exact, &h);
			e->target = (struct lex_entry *)t;
			e->info.value = e->target->info.key;
			insert(c, e, h, &p->key);
			p->done = progress = true;
		}
	}
	for (size_t i = 0; i < c->n_pend; i++) {
		const struct pending *p = &c->pend[i], *q = NULL;
		for (size_t j = 0; !p->done && j < c->n_pend && !q; j++)
			if (!c->pend[j].done && !strcmp(c->pend[j].key.str, p->target.str))
				q = &c->pend[j];
		if (p->done)
			continue;
		if (q)
			problem(c, &p->target, 0, "circular alias: '%s' is same-as '%s' (line %u), "
				"which never reaches an entry", p->key.str, q->key.str, q->key.line);
		else
			problem(c, &p->target, 0, "same-as '%s' is not an entry", p->target.str);
	}
}

/* The stream's hint: a key's fold, hash and index slot are made ready
 * while libyaml parses its value. */
static void on_key(const struct ynode *k, void *ctx)
{
	fold_key(ctx, k);
}

static int on_pair(struct ydoc *doc, const struct ynode *k, const struct ynode *v, void *ctx)
{
	struct loadctx *c = ctx;
	(void)doc;  /* problem() names the file itself: pending entries outlive doc */
	load_entry(c, k, v);
	c->folded = NULL;  /* the next pair's nodes may reuse these addresses */
	return 0;
}

int lexicon_load_file(struct lexicon *lx, const char *path)
{
	struct loadctx c = { .lx = lx, .file = intern_file(lx, path), .strs = BUF_INIT,
			     .scratch = BUF_INIT };
	lx->gen++;
	/* size the index once for the file, rather than rebuild it as it
	 * grows: about an entry per 48 bytes (a guess; too low only means
	 * growing after all) */
	struct stat st;
	if (stat(path, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0 &&
	    (uintmax_t)st.st_size <= YDOC_MAX_BYTES)
		lex_index_reserve(&lx->byfold, (size_t)st.st_size / 48);
	/* a YAML error ends the file: entries before it stay, and same-as
	 * targets would only be reported missing */
	if (ydoc_stream_map_hinted(path, "a lexicon is a map of words to pronunciations",
				   on_key, on_pair, &c) < 0)
		c.errors++;
	else
		resolve_pending(&c);
	free(c.pend);
	buf_release(&c.strs);
	buf_release(&c.scratch);
	return c.errors ? -1 : 0;
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static bool is_yaml_file(const char *dir, const char *name)
{
	size_t n = strlen(name);
	struct stat st;
	if (name[0] == '.' || n < 6 || strcmp(name + n - 5, ".yaml"))
		return false;
	struct buf p = BUF_INIT;
	buf_addf(&p, "%s/%s", dir, name);
	bool ok = stat(p.data, &st) == 0 && S_ISREG(st.st_mode);
	buf_release(&p);
	return ok;
}

int lexicon_load_dir(struct lexicon *lx, const char *dir)
{
	DIR *d = opendir(dir);
	if (!d)
		return error("cannot read the lexicon folder '%s': %s", dir, strerror(errno));
	char **names = NULL;
	size_t n = 0;
	struct dirent *de;
	while ((de = readdir(d)))
		if (is_yaml_file(dir, de->d_name)) {
			names = xrealloc(names, (n + 1) * sizeof(char *));
			names[n++] = xstrdup(de->d_name);
		}
	closedir(d);
	if (n)
		qsort(names, n, sizeof(char *), by_name);
	if (!lx->phoneset_path) {
		struct buf p = BUF_INIT;
		buf_addf(&p, "%s/lexicon-data/phonemes.yaml", dir);
		lx->phoneset_path = buf_detach(&p, NULL);
	}
	int rc = 0;
	struct buf path = BUF_INIT;
	for (size_t i = 0; i < n; i++) {
		buf_reset(&path);
		buf_addf(&path, "%s/%s", dir, names[i]);
		if (lexicon_load_file(lx, path.data) < 0)
			rc = -1;
		free(names[i]);
	}
	free(names);
	buf_release(&path);
	return rc;
}
