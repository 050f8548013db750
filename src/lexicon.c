/*
 * lexicon: the entry store and the matcher (see lexicon.h); reading the
 * YAML files is in lexicon_load.c.
 *
 * Entries live in one hash table keyed by their case-folded text (a
 * multi-word key with single spaces).  Entries whose folded keys collide
 * (an exact-case "US" and an any-case "us") hang off each other.  A second
 * table holds, for the first word of every multi-word key, how many words
 * the longest such key has, so the matcher tries multi-word names only
 * where one can start.  Aliases are entries that point at another entry;
 * an entry replaced by a later file is updated in place, so its aliases
 * follow it.
 *
 * Matching walks the text once: a "chunk" is a run of letters and digits,
 * possibly joined by - or ' (Kassym-Jomart, O'Brien).  For each chunk:
 * the longest multi-word name starting there, else the chunk itself, else
 * the chunk without a possessive 's or a plural s, else its hyphenated
 * parts one by one.
 */
#include "lexicon.h"

#include "bigmem.h"
#include "digest.h"
#include "lexicon_int.h"

#include "datadir.h"
#include "diag.h"
#include "unicode.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct lex_arena_block {
	struct lex_arena_block *prev;
	size_t used, cap;
	max_align_t data[];
};

/* Blocks double from 64 KiB to 4 MiB: a small lexicon stays small, a big
 * one gets huge pages (bigmem.h says why that matters). */
static struct lex_arena_block *arena_block(struct lex_arena_block *prev, size_t n)
{
	size_t cap = prev ? prev->cap * 2 : (size_t)1 << 16;
	if (cap > ((size_t)4 << 20) - sizeof(*prev))
		cap = ((size_t)4 << 20) - sizeof(*prev);
	if (cap < n)
		cap = n;
	size_t size = bigmem_size(sizeof(*prev) + cap);
	struct lex_arena_block *b = bigmem_alloc(size);
	b->prev = prev;
	b->cap = size - sizeof(*b);
	return b;
}

/* n bytes at a multiple of align (a power of two) from the arena.  Strings
 * take align 1: packed, a large lexicon's strings need a third less. */
static void *arena_take(struct lexicon *lx, size_t n, size_t align)
{
	struct lex_arena_block *b = lx->arena;
	size_t at = b ? (b->used + align - 1) & ~(align - 1) : 0;
	if (!b || at > b->cap || b->cap - at < n) {
		b = lx->arena = arena_block(b, n);
		at = 0;
	}
	b->used = at + n;
	return (char *)b->data + at;
}

void *lex_alloc(struct lexicon *lx, size_t n)
{
	/* the store holds pointers and integers: no need for max_align_t's 16.
	 * No memset: blocks come zeroed from bigmem_alloc() and no byte of
	 * them is handed out twice (a big lexicon's entries are 12 MB). */
	return arena_take(lx, n, _Alignof(void *));
}

char *lex_strndup(struct lexicon *lx, const char *s, size_t n)
{
	char *d = arena_take(lx, n + 1, 1);
	memcpy(d, s, n);
	d[n] = '\0';
	return d;
}

uint64_t lexicon_hash(const char *s, size_t n)
{
	return digest64(s, n);   /* XXH3: well mixed in its low bits */
}

static void table_resize(struct lex_table *t, size_t cap)
{
	struct lex_table old = *t;
	t->cap = cap;
	t->slots = xcalloc(t->cap, sizeof(*t->slots));
	t->n = 0;
	for (size_t i = 0; i < old.cap; i++)
		if (old.slots[i].key)
			*lex_table_slot(t, old.slots[i].key, old.slots[i].klen, old.slots[i].hash) =
				old.slots[i];
	for (size_t i = 0; i < t->cap; i++)
		if (t->slots[i].key)
			t->n++;
	free(old.slots);
}

static void table_grow(struct lex_table *t)
{
	table_resize(t, t->cap ? t->cap * 2 : 256);
}

static bool islot_is(const struct lex_islot *s, const char *fold, size_t len, uint64_t h)
{
	return s->hash == h && s->head->fold_len == len && !memcmp(s->head->fold, fold, len);
}

static void index_resize(struct lex_index *ix, size_t cap)
{
	struct lex_index old = *ix;
	ix->cap = cap;
	ix->slots = bigmem_alloc(cap * sizeof(*ix->slots));
	for (size_t i = 0; i < old.cap; i++) {
		if (!old.slots[i].head)
			continue;
		size_t k = old.slots[i].hash & (cap - 1);
		while (ix->slots[k].head)
			k = (k + 1) & (cap - 1);
		ix->slots[k] = old.slots[i];
	}
	bigmem_free(old.slots, old.cap * sizeof(*old.slots));
}

void lex_index_prefetch(const struct lex_index *ix, uint64_t h)
{
	if (ix->cap)
		__builtin_prefetch(&ix->slots[h & (ix->cap - 1)], 1);
}

void lex_index_reserve(struct lex_index *ix, size_t n)
{
	size_t cap = ix->cap ? ix->cap : 256;
	while (cap < (ix->n + n) * 2)
		cap *= 2;
	if (cap > ix->cap)
		index_resize(ix, cap);
}

struct lex_islot *lex_index_slot(struct lex_index *ix, const char *fold, size_t len, uint64_t h)
{
	if ((ix->n + 1) * 2 > ix->cap)
		index_resize(ix, ix->cap ? ix->cap * 2 : 256);
	size_t i = h & (ix->cap - 1);
	while (ix->slots[i].head && !islot_is(&ix->slots[i], fold, len, h))
		i = (i + 1) & (ix->cap - 1);
	return &ix->slots[i];
}

static const struct lex_entry *index_get(const struct lex_index *ix, const char *fold,
					 size_t len)
{
	if (!ix->cap)
		return NULL;
	uint64_t h = lexicon_hash(fold, len);
	for (size_t i = h & (ix->cap - 1); ix->slots[i].head; i = (i + 1) & (ix->cap - 1))
		if (islot_is(&ix->slots[i], fold, len, h))
			return ix->slots[i].head;
	return NULL;
}

struct lex_slot *lex_table_slot(struct lex_table *t, const char *key, size_t klen, uint64_t h)
{
	if ((t->n + 1) * 2 > t->cap)
		table_grow(t);
	size_t i = h & (t->cap - 1);
	while (t->slots[i].key &&
	       !(t->slots[i].hash == h && t->slots[i].klen == klen &&
		 !memcmp(t->slots[i].key, key, klen)))
		i = (i + 1) & (t->cap - 1);
	return &t->slots[i];
}

const struct lex_slot *lex_table_get(const struct lex_table *t, const char *key, size_t klen)
{
	if (!t->cap)
		return NULL;
	uint64_t h = lexicon_hash(key, klen);
	for (size_t i = h & (t->cap - 1); t->slots[i].key; i = (i + 1) & (t->cap - 1)) {
		const struct lex_slot *s = &t->slots[i];
		if (s->hash == h && s->klen == klen && !memcmp(s->key, key, klen))
			return s;
	}
	return NULL;
}

static struct lex_hslot *heads_find(const struct lex_heads *t, const char *word, size_t len,
				    uint64_t h)
{
	size_t i = h & (t->cap - 1);
	for (; t->slots[i].word; i = (i + 1) & (t->cap - 1)) {
		const struct lex_hslot *s = &t->slots[i];
		if (s->hash == (uint32_t)(h >> 32) && s->len == len && !memcmp(s->word, word, len))
			break;
	}
	return &t->slots[i];
}

static void heads_resize(struct lex_heads *t, size_t cap)
{
	struct lex_heads old = *t;
	t->cap = cap;
	t->slots = bigmem_alloc(cap * sizeof(*t->slots));
	for (size_t i = 0; i < old.cap; i++) {
		if (!old.slots[i].word)
			continue;
		size_t k = lexicon_hash(old.slots[i].word, old.slots[i].len) & (cap - 1);
		while (t->slots[k].word)
			k = (k + 1) & (cap - 1);
		t->slots[k] = old.slots[i];
	}
	bigmem_free(old.slots, old.cap * sizeof(*old.slots));
}

void lex_heads_add(struct lex_heads *t, const char *word, size_t len, unsigned nwords)
{
	if ((t->n + 1) * 2 > t->cap)
		heads_resize(t, t->cap ? t->cap * 2 : 256);
	uint64_t h = lexicon_hash(word, len);
	struct lex_hslot *s = heads_find(t, word, len, h);
	if (!s->word) {
		*s = (struct lex_hslot){ .word = word, .hash = (uint32_t)(h >> 32),
					 .len = (uint16_t)len };
		t->n++;
	}
	if (nwords > s->maxwords)
		s->maxwords = (uint16_t)nwords;
}

void lex_heads_prefetch(const struct lex_heads *t, const char *word, size_t len)
{
	if (t->cap)
		__builtin_prefetch(&t->slots[lexicon_hash(word, len) & (t->cap - 1)], 1);
}

unsigned lex_heads_get(const struct lex_heads *t, const char *word, size_t len)
{
	if (!t->cap || len > UINT16_MAX)
		return 0;
	return heads_find(t, word, len, lexicon_hash(word, len))->maxwords;
}

struct lexicon *lexicon_new(void)
{
	return xcalloc(1, sizeof(struct lexicon));
}

void lexicon_free(struct lexicon *lx)
{
	if (!lx)
		return;
	while (lx->arena) {
		struct lex_arena_block *prev = lx->arena->prev;
		bigmem_free(lx->arena, sizeof(*lx->arena) + lx->arena->cap);
		lx->arena = prev;
	}
	bigmem_free(lx->entries, lx->cap_entries * sizeof(*lx->entries));
	bigmem_free(lx->heads.slots, lx->heads.cap * sizeof(*lx->heads.slots));
	bigmem_free(lx->byfold.slots, lx->byfold.cap * sizeof(*lx->byfold.slots));
	for (size_t i = 0; i < lx->n_files; i++)
		free(lx->files[i]);
	free(lx->files);
	free(lx->phoneset_path);
	phoneset_free(lx->ps);
	free(lx);
}

void lexicon_note_overrides(struct lexicon *lx, bool on)
{
	lx->note_overrides = on;
}

size_t lexicon_size(const struct lexicon *lx)
{
	return lx->n_entries;
}

void lexicon_each(const struct lexicon *lx,
		  void (*fn)(const struct lexicon_info *e, void *ctx), void *ctx)
{
	for (size_t i = 0; i < lx->n_entries; i++)
		fn(&lx->entries[i]->info, ctx);
}

const struct phoneset *lexicon_phoneset(struct lexicon *lx)
{
	if (lx->ps || lx->ps_failed)
		return lx->ps;
	struct buf path = BUF_INIT;
	if (lx->phoneset_path)
		buf_adds(&path, lx->phoneset_path);
	else
		buf_addf(&path, "%s/pronunciations/en/lexicon-data/phonemes.yaml", datadir_get());
	lx->ps = phoneset_load(path.data);
	lx->ps_failed = lx->ps == NULL;
	buf_release(&path);
	return lx->ps;
}

int lexicon_phonemes_to_ipa(struct lexicon *lx, const char *ph, struct buf *out)
{
	const struct phoneset *ps = lexicon_phoneset(lx);
	if (!ps)
		return -1;
	phoneset_to_ipa(ps, ph, strlen(ph), out);
	return 0;
}

int lexicon_ipa_to_phonemes(struct lexicon *lx, const char *ipa, struct buf *out, size_t *bad)
{
	const struct phoneset *ps = lexicon_phoneset(lx);
	if (!ps) {
		*bad = (size_t)-1;
		return -1;
	}
	return phoneset_from_ipa(ps, ipa, strlen(ipa), out, bad);
}

/* ---- matching ---- */

/* Length of a word character at s, or 0. */
static size_t word_char(const char *s, size_t len)
{
	unsigned char c = (unsigned char)s[0];
	if (c < 0x80)
		return ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') || (c >= '0' && c <= '9');
	int32_t cp;
	size_t n = unicode_next(s, len, &cp);
	return unicode_is_letter(cp) || unicode_is_digit(cp) ? n : 0;
}

/* Length of a joiner (- ' or U+2019) at s, or 0. */
static size_t joiner(const char *s, size_t len)
{
	if (s[0] == '-' || s[0] == '\'')
		return 1;
	if (len >= 3 && !memcmp(s, "\xE2\x80\x99", 3))
		return 3;
	return 0;
}

/* The end of the chunk starting at s[0] (a word character). */
static size_t chunk_end(const char *s, size_t len)
{
	size_t i = 0, n;
	for (;;) {
		while (i < len && (n = word_char(s + i, len - i)))
			i += n;
		size_t j = i < len ? joiner(s + i, len - i) : 0;
		if (!j || i + j >= len || !word_char(s + i + j, len - i - j))
			return i;
		i += j;
	}
}

/* The common case of lexicon_key_ok() in one pass: ASCII words of letters
 * and digits, each - or ' between two of them, single spaces between words.
 * false means "not this case", not "wrong". */
static bool plain_key_ok(const char *s, size_t len)
{
	/* 1: letter or digit, 2: joiner, 3: space */
	static const unsigned char kind[128] = {
		['0'] = 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
		['A'] = 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
		['a'] = 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
		['-'] = 2, ['\''] = 2, [' '] = 3,
	};
	size_t words = 1;
	unsigned prev = 3;  /* as if after a space: the key must start a word */
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		unsigned k = c < 0x80 ? kind[c] : 0;
		if (!k || (k != 1 && prev != 1))
			return false;
		words += k == 3;
		prev = k;
	}
	return prev == 1 && words <= LEXICON_MAX_WORDS;
}

bool lexicon_key_ok(const char *s, size_t len, const char **why)
{
	size_t words = 0;
	if (len && len <= LEXICON_MAX_KEY && plain_key_ok(s, len))
		return true;
	if (len == 0 || len > LEXICON_MAX_KEY) {
		*why = len ? "is longer than 100 bytes" : "is empty";
		return false;
	}
	for (size_t i = 0; i < len;) {
		if (!word_char(s + i, len - i)) {
			*why = "must be words of letters and digits, joined by - or ', "
			       "with single spaces between words";
			return false;
		}
		i += chunk_end(s + i, len - i);
		if (++words > LEXICON_MAX_WORDS) {
			*why = "has more than 8 words";
			return false;
		}
		if (i < len && (s[i] != ' ' || i + 1 == len)) {
			*why = "must be words of letters and digits, joined by - or ', "
			       "with single spaces between words";
			return false;
		}
		i += i < len;
	}
	return true;
}

/* Appends the case-folded s to out: ASCII inline, the rest through
 * utf8proc. */
void lexicon_fold(const char *s, size_t len, struct buf *out)
{
	buf_grow(out, len);
	char *d = out->data + out->len;
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c >= 0x80) {
			unicode_fold(s, len, out);  /* writes over d */
			return;
		}
		d[i] = (char)((unsigned)(c - 'A') < 26u ? c + 32 : c);
	}
	out->len += len;
	out->data[out->len] = '\0';
}

static const struct lex_entry *resolve(const struct lex_entry *e)
{
	for (int hops = 0; e->target && hops < LEX_MAX_HOPS; hops++)
		e = e->target;
	return e;
}

/* The entry for the exact text form[0..len) (single spaces), or NULL. */
static const struct lex_entry *lookup(const struct lexicon *lx, const char *form, size_t len,
				      struct buf *scratch)
{
	buf_reset(scratch);
	lexicon_fold(form, len, scratch);
	const struct lex_entry *any = NULL;
	for (const struct lex_entry *e = index_get(&lx->byfold, scratch->data, scratch->len); e;
	     e = e->same_fold) {
		if (!e->info.exact)
			any = e;
		else if (strlen(e->info.key) == len && !memcmp(e->info.key, form, len))
			return e;
	}
	return any;
}

enum suffix { SUF_NONE, SUF_POSSESSIVE, SUF_PLURAL, SUF_PLURAL_POSSESSIVE };

/* The entry for form, perhaps without 's, s' or s; *suf says which. */
static const struct lex_entry *lookup_suffixed(const struct lexicon *lx, const char *form,
					       size_t len, struct buf *scratch, enum suffix *suf)
{
	static const struct { const char *end; size_t cut; enum suffix suf; } rules[] = {
		{ "'s", 2, SUF_POSSESSIVE }, { "\xE2\x80\x99s", 4, SUF_POSSESSIVE },
		{ "s'", 2, SUF_PLURAL_POSSESSIVE }, { "s\xE2\x80\x99", 4, SUF_PLURAL_POSSESSIVE },
		{ "s", 1, SUF_PLURAL },
	};
	const struct lex_entry *e = lookup(lx, form, len, scratch);
	*suf = SUF_NONE;
	for (size_t r = 0; !e && r < sizeof(rules) / sizeof(rules[0]); r++) {
		size_t n = strlen(rules[r].end);
		if (len < rules[r].cut + 3 || memcmp(form + len - n, rules[r].end, n))
			continue;
		if (rules[r].suf == SUF_PLURAL && form[len - 2] == 's')
			continue;  /* "Bass" is not the plural of "Bas" */
		e = lookup(lx, form, len - rules[r].cut, scratch);
		*suf = rules[r].suf;
	}
	if (!e)
		*suf = SUF_NONE;
	return e;
}

/* Appends what is said for entry e with suffix suf. */
static void say_entry(const struct lexicon *lx, const struct lex_entry *e, enum suffix suf,
		      struct buf *out)
{
	const struct lex_entry *t = resolve(e);
	if (suf == SUF_NONE || !t->info.phonemes) {
		if (t->info.phonemes && out->len && out->data[out->len - 1] == '[')
			buf_addc(out, ' ');  /* "[" + "[[" would open the group early */
		buf_adds(out, t->info.spoken);
		if (suf == SUF_POSSESSIVE)
			buf_adds(out, "'s");
		else if (suf != SUF_NONE)
			buf_adds(out, suf == SUF_PLURAL ? "s" : "s'");
		return;
	}
	size_t n = strlen(t->info.phonemes);
	if (out->len && out->data[out->len - 1] == '[')
		buf_addc(out, ' ');  /* "[" + "[[" would open the group early */
	buf_adds(out, "[[");
	buf_add(out, t->info.phonemes, n);
	phoneset_suffix_s(lx->ps, t->info.phonemes, n, out);
	buf_adds(out, "]]");
}

static void explain_line(const struct lex_entry *e, const char *text, size_t len,
			 const char *spoken, size_t slen, struct buf *explain)
{
	if (!explain)
		return;
	buf_add(explain, text, len);
	buf_addc(explain, '\t');
	buf_add(explain, spoken, slen);
	buf_addf(explain, "\t%s:%u\n", e->info.file, e->info.line);
}

struct matcher {
	const struct lexicon *lx;
	const char *text;
	size_t len;
	struct buf *out, *explain;
	struct buf form, scratch;
	bool mark;               /* wrap replacements in LEXICON_MARK_* */
};

/* Replaces text[s..e) when it is an entry (perhaps with a suffix). */
static bool replace(struct matcher *m, size_t s, size_t e, const char *form, size_t flen)
{
	enum suffix suf;
	const struct lex_entry *en = lookup_suffixed(m->lx, form, flen, &m->scratch, &suf);
	if (!en)
		return false;
	if (m->mark)
		buf_adds(m->out, LEXICON_MARK_OPEN);
	size_t at = m->out->len;
	say_entry(m->lx, en, suf, m->out);
	explain_line(en, m->text + s, e - s, m->out->data + at, m->out->len - at, m->explain);
	if (m->mark)
		buf_adds(m->out, LEXICON_MARK_CLOSE);
	return true;
}

/* The longest multi-word name starting with the chunk at [s, e); returns
 * where it ends, or 0. */
static size_t match_multi(struct matcher *m, size_t s, size_t e)
{
	buf_reset(&m->scratch);
	lexicon_fold(m->text + s, e - s, &m->scratch);
	unsigned maxwords = lex_heads_get(&m->lx->heads, m->scratch.data, m->scratch.len);
	if (!maxwords)
		return 0;
	size_t ends[LEXICON_MAX_WORDS], forms[LEXICON_MAX_WORDS], n = 1;
	ends[0] = e;
	buf_reset(&m->form);
	buf_add(&m->form, m->text + s, e - s);
	forms[0] = m->form.len;
	while (n < maxwords) {
		size_t i = ends[n - 1];
		while (i < m->len && (m->text[i] == ' ' || m->text[i] == '\t'))
			i++;
		if (i == ends[n - 1] || i >= m->len || !word_char(m->text + i, m->len - i))
			break;
		ends[n] = i + chunk_end(m->text + i, m->len - i);
		buf_addc(&m->form, ' ');
		buf_add(&m->form, m->text + i, ends[n] - i);
		forms[n++] = m->form.len;
	}
	for (; n >= 2; n--)
		if (replace(m, s, ends[n - 1], m->form.data, forms[n - 1]))
			return ends[n - 1];
	return 0;
}

/* The hyphenated parts of a chunk that matched nothing as a whole. */
static void match_parts(struct matcher *m, size_t s, size_t e)
{
	size_t i = s;
	while (i < e) {
		size_t p = i;
		while (p < e && m->text[p] != '-')
			p++;
		if (p == i || !replace(m, i, p, m->text + i, p - i))
			buf_add(m->out, m->text + i, p - i);
		if (p < e)
			buf_addc(m->out, '-');
		i = p + 1;
	}
}

static size_t match_chunk(struct matcher *m, size_t s)
{
	size_t e = s + chunk_end(m->text + s, m->len - s);
	if (e - s > LEXICON_MAX_KEY + 8) {
		buf_add(m->out, m->text + s, e - s);
		return e;
	}
	size_t multi = match_multi(m, s, e);
	if (multi)
		return multi;
	if (replace(m, s, e, m->text + s, e - s))
		return e;
	if (memchr(m->text + s, '-', e - s))
		match_parts(m, s, e);
	else
		buf_add(m->out, m->text + s, e - s);
	return e;
}

static void apply(const struct lexicon *lx, const char *text, size_t len, struct buf *out,
		  struct buf *explain, bool mark)
{
	if (!lx || !lx->n_entries) {
		buf_add(out, text, len);
		return;
	}
	struct matcher m = { .lx = lx, .text = text, .len = len, .out = out,
			     .explain = explain, .form = BUF_INIT, .scratch = BUF_INIT,
			     .mark = mark };
	buf_grow(out, len + len / 4);
	for (size_t i = 0; i < len;) {
		size_t n = word_char(text + i, len - i);
		if (n) {
			i = match_chunk(&m, i);
			continue;
		}
		/* copy up to the next possible word start */
		size_t j = i + 1;
		while (j < len && ((unsigned char)text[j] & 0xC0) == 0x80)
			j++;
		buf_add(out, text + i, j - i);
		i = j;
		while (i < len && (unsigned char)text[i] < 0x80 && !word_char(text + i, 1) &&
		       text[i] != '\0')
			buf_addc(out, text[i++]);
	}
	buf_release(&m.form);
	buf_release(&m.scratch);
}

void lexicon_apply(const struct lexicon *lx, const char *text, size_t len,
		   struct buf *out, struct buf *explain)
{
	apply(lx, text, len, out, explain, false);
}

void lexicon_apply_marked(const struct lexicon *lx, const char *text, size_t len,
			  struct buf *out, struct buf *explain)
{
	apply(lx, text, len, out, explain, true);
}

const struct lexicon_info *lexicon_find(const struct lexicon *lx, const char *word,
					size_t len, struct buf *spoken)
{
	struct buf scratch = BUF_INIT, norm = BUF_INIT;
	/* collapse white space, as the matcher sees a name in running text */
	for (size_t i = 0; i < len; i++) {
		bool sp = word[i] == ' ' || word[i] == '\t' || word[i] == '\n';
		if (!sp)
			buf_addc(&norm, word[i]);
		else if (norm.len && norm.data[norm.len - 1] != ' ')
			buf_addc(&norm, ' ');
	}
	buf_rtrim(&norm);
	enum suffix suf;
	const struct lex_entry *e = norm.len ?
		lookup_suffixed(lx, norm.data, norm.len, &scratch, &suf) : NULL;
	if (e && spoken)
		say_entry(lx, e, suf, spoken);
	buf_release(&scratch);
	buf_release(&norm);
	return e ? &e->info : NULL;
}
