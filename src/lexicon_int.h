/*
 * lexicon_int: what lexicon.c (store, matcher) and lexicon_load.c (YAML
 * reader) share.  Not for other modules: they use lexicon.h.
 */
#ifndef NARRATE_LEXICON_INT_H
#define NARRATE_LEXICON_INT_H

#include "lexicon.h"
#include "lexicon_phoneset.h"

#include <stdint.h>

/* Alias chains are checked for cycles when built; this only bounds them. */
#define LEX_MAX_HOPS 32

struct lex_entry {
	struct lexicon_info info;   /* first: &info is what commands see; it holds
				     * the entry's strings (all in the arena) */
	char *fold;
	struct lex_entry *target;   /* alias: the entry it follows */
	struct lex_entry *same_fold;/* next entry with the same folded key */
	unsigned gen;               /* which lexicon_load_file() made it */
	unsigned nwords;
	unsigned fold_len;
};

/* The entry index: 16-byte slots (the key is the entry's fold), so a large
 * lexicon's table stays small and cache-friendly. */
struct lex_islot {
	uint64_t hash;
	struct lex_entry *head;     /* first entry with this fold; NULL: empty */
};

struct lex_index {
	struct lex_islot *slots;
	size_t cap, n;
};

/* A table keyed by bytes, for the commands (lexicon_audit.c, pls.c). */
struct lex_slot {
	char *key;                  /* owned by the table's user */
	size_t klen;
	uint64_t hash;
	struct lex_entry *val;      /* free for the table's user */
	unsigned maxwords;          /* the same: a count, an index */
};

struct lex_table {
	struct lex_slot *slots;
	size_t cap, n;
};

/* The first words of multi-word keys, with the most words a key starting
 * there has.  16-byte slots that point into the entries' folds (which live
 * as long as the lexicon) rather than copy them. */
struct lex_hslot {
	const char *word;           /* NULL: empty; not NUL-terminated */
	uint32_t hash;              /* the hash's high half (the low one places it) */
	uint16_t len;               /* keys are at most LEXICON_MAX_KEY bytes */
	uint16_t maxwords;
};

struct lex_heads {
	struct lex_hslot *slots;
	size_t cap, n;
};

/* Entries and their strings come from an arena freed with the lexicon: a
 * 100,000-entry file would otherwise cost half a million mallocs. */
struct lex_arena_block;

struct lexicon {
	struct lex_arena_block *arena;
	struct lex_entry **entries; /* load order */
	size_t n_entries, cap_entries;
	struct lex_index byfold;    /* folded key -> entries */
	struct lex_heads heads;     /* folded first word -> longest key */
	char **files;               /* interned file names */
	size_t n_files;
	unsigned gen;
	char *phoneset_path;        /* NULL: the data directory's */
	struct phoneset *ps;        /* loaded when a phoneme entry needs it */
	bool ps_failed;
	bool note_overrides;
};

/* Zeroed memory (aligned for pointers) / a copy of s[0..n) from the
 * lexicon's arena. */
void *lex_alloc(struct lexicon *lx, size_t n);
char *lex_strndup(struct lexicon *lx, const char *s, size_t n);
uint64_t lexicon_hash(const char *s, size_t n);
/* The slot for key: its own, or the empty one where it goes (the caller
 * fills key, klen, hash).  May grow the table. */
struct lex_slot *lex_table_slot(struct lex_table *t, const char *key, size_t klen, uint64_t h);
/* The index slot for fold: its own, or the empty one where it goes (the
 * caller fills it and counts it in n).  May grow the index. */
struct lex_islot *lex_index_slot(struct lex_index *ix, const char *fold, size_t len,
				 uint64_t h);
/* Starts fetching the slot where a fold hashing to h goes (a hint). */
void lex_index_prefetch(const struct lex_index *ix, uint64_t h);
/* Makes room for n more keys without growing again. */
void lex_index_reserve(struct lex_index *ix, size_t n);
const struct lex_slot *lex_table_get(const struct lex_table *t, const char *key, size_t klen);
/* Notes that a key of nwords words starts with word[0..len), which must
 * live as long as the table (an entry's fold).  May grow the table. */
void lex_heads_add(struct lex_heads *t, const char *word, size_t len, unsigned nwords);
/* Starts fetching the slot for word[0..len) (a hint). */
void lex_heads_prefetch(const struct lex_heads *t, const char *word, size_t len);
/* The most words of a key starting with word[0..len), or 0 when none. */
unsigned lex_heads_get(const struct lex_heads *t, const char *word, size_t len);
void lexicon_fold(const char *s, size_t len, struct buf *out);
/* The phoneme table, loaded on first use; NULL after reporting. */
const struct phoneset *lexicon_phoneset(struct lexicon *lx);

#endif
