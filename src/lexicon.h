/*
 * lexicon: the pronunciation lexicon, applied last in preprocessing; it
 * always wins over espeak-ng's own rules.
 *
 * Entries come from YAML files: the *.yaml files in DATADIR/pronunciations/LANG first,
 * then each --lexicon FILE in order (a later entry replaces an earlier one).
 * An entry rewrites a word (or a multi-word name) as a respelling ("say") or
 * as espeak-ng phonemes, emitted as [[...]] for the engine.  Phonemes are
 * checked against espeak-ng's own inventory when loaded (lexicon-data/
 * phonemes.yaml), so nothing unchecked ever reaches phoneme input.  The file
 * format is described in lexicon_load.c and pronunciations/en/names.yaml.
 *
 *   struct lexicon *lx = lexicon_new();
 *   lexicon_load_dir(lx, "/usr/share/narrate/pronunciations/en");
 *   lexicon_load_file(lx, "newsroom.yaml");
 *   lexicon_apply(lx, "Tocaev spoke.", 13, &out, NULL);
 */
#ifndef NARRATE_LEXICON_H
#define NARRATE_LEXICON_H

#include "buf.h"

#include <stdbool.h>
#include <stddef.h>

struct lexicon;

/* An empty lexicon (applies nothing); the caller frees it with
 * lexicon_free().  Never NULL. */
struct lexicon *lexicon_new(void);
void lexicon_free(struct lexicon *lx);
/* When on, loading notes (on stderr) every entry that replaces one from an
 * earlier file: `narrate lexicon check` shows what a newsroom file changes. */
void lexicon_note_overrides(struct lexicon *lx, bool on);
/* Loads every *.yaml file directly in dir (not its subfolders), in name
 * order, and takes the phoneme table from dir/lexicon-data/ (otherwise it
 * comes from the data directory).  Returns 0, or -1 after reporting every
 * problem as file:line:col (the files that loaded stay loaded). */
int lexicon_load_dir(struct lexicon *lx, const char *dir);
/* Loads one file; its entries replace earlier ones with the same key (and
 * case rule), in place, so aliases follow.  Returns 0, or -1 after
 * reporting every problem in the file (up to 50) as file:line:col; entries
 * without problems are kept. */
int lexicon_load_file(struct lexicon *lx, const char *path);

/* Appends text to out with every lexicon word replaced by its spoken form.
 * When explain is not NULL, appends "original\tspoken\tfile:line\n" per
 * replacement.  Linear in len; never fails. */
void lexicon_apply(const struct lexicon *lx, const char *text, size_t len,
		   struct buf *out, struct buf *explain);

/* The same, with every replacement wrapped in LEXICON_MARK_OPEN ...
 * LEXICON_MARK_CLOSE (private-use characters that sanitize_text removes from
 * articles), so later stages can leave it alone. */
void lexicon_apply_marked(const struct lexicon *lx, const char *text, size_t len,
			  struct buf *out, struct buf *explain);
#define LEXICON_MARK_OPEN "\xEE\x80\x80"   /* U+E000 */
#define LEXICON_MARK_CLOSE "\xEE\x80\x81"  /* U+E001 */

/*
 * What the commands (`narrate lexicon ...`) see of an entry.  Every string
 * is owned by the lexicon and lives as long as it.
 */
struct lexicon_info {
	const char *key;         /* as written in the file */
	const char *how;         /* "say", "phonemes", "ipa", or "alias" */
	const char *value;       /* the say/phonemes/ipa text; alias: target key */
	const char *spoken;      /* what replaces the key: text or "[[...]]" */
	const char *phonemes;    /* mnemonics for phonemes/ipa entries, else NULL */
	const char *ipa;         /* IPA as written for ipa entries, else NULL */
	const char *file;
	unsigned line, col;
	bool exact;              /* matches only with this exact case */
	const struct lexicon_info *target; /* alias: the entry it follows */
};

/* Rules that loading and matching share with the commands. */
#define LEXICON_MAX_KEY 100      /* bytes in a key or alias */
#define LEXICON_MAX_SAY 200      /* bytes in a respelling */
#define LEXICON_MAX_WORDS 8      /* words in a multi-word key */

/* The entry that applies to word[0..len) (a word or a multi-word name as
 * it would appear in text, possibly with 's or a plural s), or NULL.  When
 * spoken is not NULL, appends what is said for it. */
const struct lexicon_info *lexicon_find(const struct lexicon *lx, const char *word,
					size_t len, struct buf *spoken);
/* Calls fn for every entry and alias in load order (an entry replaced by a
 * later file is seen once, with its final value). */
void lexicon_each(const struct lexicon *lx,
		  void (*fn)(const struct lexicon_info *e, void *ctx), void *ctx);
size_t lexicon_size(const struct lexicon *lx);
/* Appends the IPA for a checked mnemonic string (for PLS export).  Returns
 * 0, or -1 after reporting when the phoneme table cannot be loaded. */
int lexicon_phonemes_to_ipa(struct lexicon *lx, const char *ph, struct buf *out);
/* Appends the mnemonics for an IPA string.  Returns 0, or -1 with *bad at
 * the byte offset of the first unknown symbol (or after reporting that the
 * phoneme table cannot be loaded, *bad then (size_t)-1). */
int lexicon_ipa_to_phonemes(struct lexicon *lx, const char *ipa, struct buf *out, size_t *bad);
/* Whether s[0..len) is a key the matcher can ever find (words of letters and
 * digits joined by - or ', single spaces between words).  On false, *why
 * says what is wrong. */
bool lexicon_key_ok(const char *s, size_t len, const char **why);

#endif
