/*
 * lexicon_phoneset: the espeak-ng mnemonic inventory and IPA table behind
 * the lexicon's phoneme checks (see lexicon_phoneset.h).
 *
 * Both tables are small string maps (a few hundred short keys) in open
 * addressing; matching is greedy, longest symbol first, as espeak-ng's own
 * phoneme reader does.
 */
#include "lexicon_phoneset.h"

#include "diag.h"
#include "yamldoc.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* A string -> string map; keys are copied. */
struct smap {
	char **keys;
	char **vals;
	size_t cap, n;
	size_t maxkey;          /* longest key, in bytes */
};

struct phoneset {
	struct smap mnem;       /* mnemonic -> IPA */
	struct smap ipa;        /* IPA -> mnemonic */
	struct smap marks;      /* mark -> "" */
	struct smap voiceless;  /* phonemes after which "s" is /s/ */
	struct smap sibilant;   /* phonemes after which "s" is /Iz/ */
	char *after_voiceless, *after_sibilant, *otherwise;
};

static uint64_t hash_bytes(const char *s, size_t n)
{
	uint64_t h = 1469598103934665603ull;
	for (size_t i = 0; i < n; i++) {
		h ^= (unsigned char)s[i];
		h *= 1099511628211ull;
	}
	return h;
}

static const char *smap_get(const struct smap *m, const char *k, size_t n)
{
	if (!m->cap)
		return NULL;
	for (size_t i = hash_bytes(k, n) & (m->cap - 1);; i = (i + 1) & (m->cap - 1)) {
		if (!m->keys[i])
			return NULL;
		if (strlen(m->keys[i]) == n && !memcmp(m->keys[i], k, n))
			return m->vals[i];
	}
}

static void smap_put(struct smap *m, const char *k, const char *v)
{
	if ((m->n + 1) * 2 > m->cap) {
		struct smap old = *m;
		m->cap = old.cap ? old.cap * 2 : 64;
		m->keys = xcalloc(m->cap, sizeof(char *));
		m->vals = xcalloc(m->cap, sizeof(char *));
		m->n = 0;
		for (size_t i = 0; i < old.cap; i++)
			if (old.keys[i]) {
				smap_put(m, old.keys[i], old.vals[i]);
				free(old.keys[i]);
				free(old.vals[i]);
			}
		free(old.keys);
		free(old.vals);
	}
	size_t n = strlen(k);
	size_t i = hash_bytes(k, n) & (m->cap - 1);
	while (m->keys[i] && strcmp(m->keys[i], k))
		i = (i + 1) & (m->cap - 1);
	if (m->keys[i]) {
		free(m->vals[i]);
	} else {
		m->keys[i] = xstrdup(k);
		m->n++;
	}
	m->vals[i] = xstrdup(v);
	if (n > m->maxkey)
		m->maxkey = n;
}

static void smap_release(struct smap *m)
{
	for (size_t i = 0; i < m->cap; i++) {
		free(m->keys[i]);
		free(m->vals[i]);
	}
	free(m->keys);
	free(m->vals);
	memset(m, 0, sizeof(*m));
}

/* The longest key of m that starts s[0..len), or 0. */
static size_t smap_longest(const struct smap *m, const char *s, size_t len, const char **val)
{
	size_t max = m->maxkey < len ? m->maxkey : len;
	for (size_t n = max; n > 0; n--) {
		const char *v = smap_get(m, s, n);
		if (v) {
			if (val)
				*val = v;
			return n;
		}
	}
	return 0;
}

static int load_map(const struct ydoc *doc, const struct ynode *node, const char *what,
		    struct smap *into)
{
	if (!node || node->kind != YNODE_MAP)
		return ydoc_error(doc, node ? node : doc->root, "'%s' must be a map", what);
	for (const struct ynode *k = node->child; k && k->next; k = k->next->next) {
		if (k->next->kind != YNODE_SCALAR || !k->len)
			return ydoc_error(doc, k->next, "'%s' values must be strings", what);
		smap_put(into, k->str, k->next->str);
	}
	return 0;
}

static int load_list(const struct ydoc *doc, const struct ynode *node, const char *what,
		     struct smap *into)
{
	if (!node || node->kind != YNODE_SEQ)
		return ydoc_error(doc, node ? node : doc->root, "'%s' must be a list", what);
	for (const struct ynode *i = node->child; i; i = i->next) {
		if (i->kind != YNODE_SCALAR || !i->len)
			return ydoc_error(doc, i, "'%s' items must be strings", what);
		smap_put(into, i->str, "");
	}
	return 0;
}

static int load_word(const struct ydoc *doc, const struct ynode *map, const char *key,
		     char **into)
{
	const struct ynode *v = ynode_get(map, key);
	if (!v || v->kind != YNODE_SCALAR)
		return ydoc_error(doc, map, "'suffix-s' needs '%s' (a string)", key);
	*into = xstrdup(v->str);
	return 0;
}

static int load_suffix(const struct ydoc *doc, const struct ynode *sx, struct phoneset *ps)
{
	if (!sx || sx->kind != YNODE_MAP)
		return ydoc_error(doc, sx ? sx : doc->root, "'suffix-s' must be a map");
	if (load_list(doc, ynode_get(sx, "voiceless"), "voiceless", &ps->voiceless) < 0 ||
	    load_list(doc, ynode_get(sx, "sibilant"), "sibilant", &ps->sibilant) < 0 ||
	    load_word(doc, sx, "after-voiceless", &ps->after_voiceless) < 0 ||
	    load_word(doc, sx, "after-sibilant", &ps->after_sibilant) < 0 ||
	    load_word(doc, sx, "otherwise", &ps->otherwise) < 0)
		return -1;
	return 0;
}

struct phoneset *phoneset_load(const char *path)
{
	struct ydoc doc;
	struct phoneset *ps = xcalloc(1, sizeof(*ps));
	if (ydoc_load_file(&doc, path) < 0)
		goto fail;
	if (!doc.root || doc.root->kind != YNODE_MAP) {
		ydoc_error(&doc, doc.root, "expected a map of 'phonemes', 'ipa', 'marks' and 'suffix-s'");
		goto fail;
	}
	if (load_map(&doc, ynode_get(doc.root, "phonemes"), "phonemes", &ps->mnem) < 0 ||
	    load_map(&doc, ynode_get(doc.root, "ipa"), "ipa", &ps->ipa) < 0 ||
	    load_list(&doc, ynode_get(doc.root, "marks"), "marks", &ps->marks) < 0 ||
	    load_suffix(&doc, ynode_get(doc.root, "suffix-s"), ps) < 0)
		goto fail;
	ydoc_release(&doc);
	return ps;
fail:
	ydoc_release(&doc);
	phoneset_free(ps);
	return NULL;
}

void phoneset_free(struct phoneset *ps)
{
	if (!ps)
		return;
	smap_release(&ps->mnem);
	smap_release(&ps->ipa);
	smap_release(&ps->marks);
	smap_release(&ps->voiceless);
	smap_release(&ps->sibilant);
	free(ps->after_voiceless);
	free(ps->after_sibilant);
	free(ps->otherwise);
	free(ps);
}

int phoneset_check(const struct phoneset *ps, const char *s, size_t len, size_t *bad)
{
	if (len > PHONESET_MAX_BYTES) {
		*bad = len;
		return -1;
	}
	for (size_t i = 0; i < len;) {
		size_t n = 0;
		if (s[i] == ' ' && i > 0 && i + 1 < len && s[i + 1] != ' ')
			n = 1;
		if (!n)
			n = smap_longest(&ps->mnem, s + i, len - i, NULL);
		if (!n)
			n = smap_longest(&ps->marks, s + i, len - i, NULL);
		if (!n) {
			*bad = i;
			return -1;
		}
		i += n;
	}
	return 0;
}

/* IPA a reader may write that carries nothing for espeak-ng: syllable
 * dots and tie bars. */
static size_t ipa_ignorable(const char *s, size_t len)
{
	static const char *const skip[] = { ".", "\xCD\xA1", "\xCD\x9C", "\xE2\x80\xBF" };
	for (size_t k = 0; k < sizeof(skip) / sizeof(skip[0]); k++) {
		size_t n = strlen(skip[k]);
		if (n <= len && !memcmp(s, skip[k], n))
			return n;
	}
	return 0;
}

int phoneset_from_ipa(const struct phoneset *ps, const char *ipa, size_t len,
		      struct buf *out, size_t *bad)
{
	for (size_t i = 0; i < len;) {
		const char *v = NULL;
		size_t n = ipa_ignorable(ipa + i, len - i);
		if (n) {
			i += n;
			continue;
		}
		if (ipa[i] == ' ') {
			if (out->len && out->data[out->len - 1] != ' ')
				buf_addc(out, ' ');
			i++;
			continue;
		}
		n = smap_longest(&ps->ipa, ipa + i, len - i, &v);
		if (!n) {
			*bad = i;
			return -1;
		}
		buf_adds(out, v);
		i += n;
	}
	buf_rtrim(out);
	return 0;
}

void phoneset_to_ipa(const struct phoneset *ps, const char *ph, size_t len, struct buf *out)
{
	static const char *const stress[][2] = { { "'", "\xCB\x88" }, { ",", "\xCB\x8C" } };
	for (size_t i = 0; i < len;) {
		const char *v = NULL;
		size_t n = smap_longest(&ps->mnem, ph + i, len - i, &v);
		if (n) {
			buf_adds(out, v);
			i += n;
			continue;
		}
		for (size_t k = 0; k < 2; k++)
			if (ph[i] == stress[k][0][0])
				buf_adds(out, stress[k][1]);
		if (ph[i] == ' ')
			buf_addc(out, ' ');
		i++;
	}
}

void phoneset_suffix_s(const struct phoneset *ps, const char *ph, size_t len, struct buf *out)
{
	/* the last phoneme: the longest mnemonic ending at len */
	size_t best = 0;
	for (size_t n = 1; n <= ps->mnem.maxkey && n <= len; n++)
		if (smap_get(&ps->mnem, ph + len - n, n))
			best = n;
	const char *last = ph + len - best;
	if (best && smap_get(&ps->sibilant, last, best))
		buf_adds(out, ps->after_sibilant);
	else if (best && smap_get(&ps->voiceless, last, best))
		buf_adds(out, ps->after_voiceless);
	else
		buf_adds(out, ps->otherwise);
}
