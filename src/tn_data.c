/*
 * tn_data: the normalizer's YAML word tables (see tn_data.h).
 */
#include "tn_data.h"

#include "buf.h"
#include "diag.h"
#include "yamldoc.h"

#include <dirent.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static const struct {
	const char *name;
	bool fold;
} tables[TN_NTABLES] = {
	[TN_ABBREVIATIONS] = { "abbreviations", false },
	[TN_SPELLED] = { "initialisms_spelled", false },
	[TN_WORDS] = { "initialisms_as_words", false },
	[TN_UNITS] = { "units", false },
	[TN_PER] = { "per", false },
	[TN_CURRENCIES] = { "currencies", false },
	[TN_MAGNITUDES] = { "magnitudes", false },
	[TN_MONTHS] = { "months", true },
	[TN_WEEKDAYS] = { "weekdays", true },
	[TN_SYMBOLS] = { "symbols", false },
	[TN_ROMAN_AFTER] = { "roman_cardinal_after", true },
	[TN_REGNAL] = { "regnal_names", false },
	[TN_TLDS] = { "domains", true },
	[TN_ELECTRONIC] = { "electronic", true },
	[TN_SCORE_BEFORE] = { "score_before", true },
	[TN_SCORE_AFTER] = { "score_after", true },
	[TN_ODDS_BEFORE] = { "odds_before", true },
	[TN_ODDS_AFTER] = { "odds_after", true },
	[TN_STREET_TYPES] = { "street_types", true },
	[TN_DIRECTIONS] = { "directions", false },
	[TN_US_STATES] = { "us_states", false },
	[TN_CAPS_WORDS] = { "capitals_as_words", false },
	[TN_TIME_ZONES] = { "time_zones", false },
	[TN_DETERMINERS] = { "determiners", true },
	[TN_NOT_NOUNS] = { "not_nouns", true },
	[TN_COUNTED] = { "counted_nouns", true },
};

struct table {
	struct tn_entry *slot;  /* open addressing; key NULL = empty */
	size_t cap, used;
};

struct tn_data {
	struct table t[TN_NTABLES];
	struct ydoc *docs;
	size_t ndocs;
	char **strs;            /* folded keys and "file:line" strings we own */
	size_t nstrs, capstrs;
};

static char *own(struct tn_data *d, char *s)
{
	if (d->nstrs == d->capstrs) {
		d->capstrs = d->capstrs ? d->capstrs * 2 : 64;
		d->strs = xrealloc(d->strs, d->capstrs * sizeof(char *));
	}
	d->strs[d->nstrs++] = s;
	return s;
}

static uint64_t hash(const char *s, size_t len, bool fold)
{
	uint64_t h = 1469598103934665603u;
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		if (fold && c >= 'A' && c <= 'Z')
			c = (unsigned char)(c + 32);
		h = (h ^ c) * 1099511628211u;
	}
	return h;
}

static bool same(const char *key, const char *s, size_t len, bool fold)
{
	if (strlen(key) != len)
		return false;
	if (!fold)
		return !memcmp(key, s, len);
	return !strncasecmp(key, s, len);
}

static struct tn_entry *slot_for(struct table *t, const char *key, size_t len, bool fold)
{
	size_t i = (size_t)hash(key, len, fold) & (t->cap - 1);
	while (t->slot[i].key && !same(t->slot[i].key, key, len, fold))
		i = (i + 1) & (t->cap - 1);
	return &t->slot[i];
}

static void table_put(struct table *t, const struct tn_entry *e, bool fold)
{
	if (2 * (t->used + 1) > t->cap) {
		struct table big = { xcalloc(t->cap ? t->cap * 2 : 64, sizeof(struct tn_entry)),
				     t->cap ? t->cap * 2 : 64, 0 };
		for (size_t i = 0; i < t->cap; i++)
			if (t->slot[i].key)
				table_put(&big, &t->slot[i], fold);
		free(t->slot);
		*t = big;
	}
	struct tn_entry *s = slot_for(t, e->key, strlen(e->key), fold);
	if (!s->key)
		t->used++;
	*s = *e;
}

const struct tn_entry *tn_data_get(const struct tn_data *d, enum tn_table t,
				   const char *key, size_t len)
{
	const struct table *tb = &d->t[t];
	if (!tb->cap || !len)
		return NULL;
	const struct tn_entry *s = slot_for((struct table *)tb, key, len, tables[t].fold);
	return s->key ? s : NULL;
}

/* Fields of a map-valued entry. */
static const struct {
	const char *name;
	size_t off;
} fields[] = {
	{ "say", offsetof(struct tn_entry, say) },
	{ "plural", offsetof(struct tn_entry, plural) },
	{ "minor", offsetof(struct tn_entry, minor) },
	{ "minor_plural", offsetof(struct tn_entry, minor_plural) },
	{ "before_number", offsetof(struct tn_entry, before_number) },
	{ "after_name", offsetof(struct tn_entry, after_name) },
	{ "after_number", offsetof(struct tn_entry, after_number) },
	{ "before_name", offsetof(struct tn_entry, before_name) },
};

static int read_map_entry(const struct ydoc *doc, const struct ynode *v, struct tn_entry *e)
{
	for (const struct ynode *k = v->child; k && k->next; k = k->next->next) {
		const struct ynode *val = k->next;
		size_t f = 0;
		while (f < sizeof(fields) / sizeof(fields[0]) && strcmp(fields[f].name, k->str))
			f++;
		if (f == sizeof(fields) / sizeof(fields[0]))
			return ydoc_error(doc, k, "unknown field '%s'", k->str);
		if (val->kind != YNODE_SCALAR)
			return ydoc_error(doc, val, "'%s' must be a scalar", k->str);
		*(const char **)((char *)e + fields[f].off) = val->str;
	}
	if (!e->say)
		return ydoc_error(doc, v, "entry '%s' has no 'say'", e->key);
	return 0;
}

/* value: a scalar (say), a list [say, plural] or a map of fields. */
static int read_entry(const struct ydoc *doc, const struct ynode *v, struct tn_entry *e)
{
	if (v->kind == YNODE_SCALAR) {
		e->say = v->str;
		return 0;
	}
	if (v->kind == YNODE_MAP)
		return read_map_entry(doc, v, e);
	const struct ynode *a = v->child, *b = a ? a->next : NULL;
	if (!a || !b || b->next || a->kind != YNODE_SCALAR || b->kind != YNODE_SCALAR)
		return ydoc_error(doc, v, "expected [singular, plural]");
	e->say = a->str;
	e->plural = b->str;
	return 0;
}

static int add_entry(struct tn_data *d, const struct ydoc *doc, enum tn_table t,
		     const struct ynode *k, const struct ynode *v)
{
	struct tn_entry e = { 0 };
	struct buf where = BUF_INIT;
	if (k->kind != YNODE_SCALAR || !k->len)
		return ydoc_error(doc, k, "a key must be a non-empty scalar");
	e.key = k->str;
	if (v && read_entry(doc, v, &e) < 0)
		return -1;
	if (!v)
		e.say = k->str;
	buf_addf(&where, "%s:%u", doc->name, k->line);
	e.where = own(d, buf_detach(&where, NULL));
	table_put(&d->t[t], &e, tables[t].fold);
	return 0;
}

static int load_table(struct tn_data *d, const struct ydoc *doc, enum tn_table t,
		      const struct ynode *v)
{
	if (v->kind == YNODE_SEQ) {
		for (const struct ynode *k = v->child; k; k = k->next)
			if (add_entry(d, doc, t, k, NULL) < 0)
				return -1;
		return 0;
	}
	if (v->kind != YNODE_MAP)
		return ydoc_error(doc, v, "'%s' must be a map or a list", tables[t].name);
	for (const struct ynode *k = v->child; k && k->next; k = k->next->next)
		if (add_entry(d, doc, t, k, k->next) < 0)
			return -1;
	return 0;
}

static int load_doc(struct tn_data *d, const struct ydoc *doc)
{
	if (!doc->root)
		return 0;
	if (doc->root->kind != YNODE_MAP)
		return ydoc_error(doc, doc->root, "expected a map of tables");
	for (const struct ynode *k = doc->root->child; k && k->next; k = k->next->next) {
		size_t t = 0;
		while (t < TN_NTABLES && strcmp(tables[t].name, k->str))
			t++;
		if (t == TN_NTABLES)
			return ydoc_error(doc, k, "unknown table '%s'", k->str);
		if (load_table(d, doc, (enum tn_table)t, k->next) < 0)
			return -1;
	}
	return 0;
}

static int wanted(const struct dirent *de)
{
	size_t n = strlen(de->d_name);
	return n > 5 && !strcmp(de->d_name + n - 5, ".yaml") && de->d_name[0] != '.' &&
	       strcmp(de->d_name, "sentences.yaml");
}

struct tn_data *tn_data_load(const char *dir)
{
	struct tn_data *d = xcalloc(1, sizeof(*d));
	struct dirent **names = NULL;
	int n = scandir(dir, &names, wanted, alphasort);
	int rc = 0;
	if (n < 0)
		return d;
	d->docs = xcalloc((size_t)n + 1, sizeof(struct ydoc));
	for (int i = 0; i < n; i++) {
		struct buf path = BUF_INIT;
		buf_addf(&path, "%s/%s", dir, names[i]->d_name);
		if (rc == 0) {
			rc = ydoc_load_file(&d->docs[d->ndocs], path.data);
			d->ndocs++;
			if (rc == 0)
				rc = load_doc(d, &d->docs[d->ndocs - 1]);
		}
		buf_release(&path);
		free(names[i]);
	}
	free(names);
	if (rc < 0) {
		tn_data_free(d);
		return NULL;
	}
	return d;
}

void tn_data_free(struct tn_data *d)
{
	if (!d)
		return;
	for (size_t t = 0; t < TN_NTABLES; t++)
		free(d->t[t].slot);
	for (size_t i = 0; i < d->ndocs; i++)
		ydoc_release(&d->docs[i]);
	for (size_t i = 0; i < d->nstrs; i++)
		free(d->strs[i]);
	free(d->strs);
	free(d->docs);
	free(d);
}
