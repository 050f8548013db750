/*
 * lexicon: the pronunciation lexicon, applied last in preprocessing; it
 * always wins over espeak-ng's own rules.
 *
 * Entries come from YAML files: the *.yaml files in DATADIR/pronunciations/LANG first,
 * then each --lexicon FILE in order (a later entry replaces an earlier one).
 * An entry rewrites a word (or a multi-word name) as a respelling ("say") or
 * as espeak-ng phonemes, emitted as [[...]] for the engine.
 *
 *   struct lexicon *lx = lexicon_new();
 *   lexicon_load_dir(lx, "/usr/share/narrate/pronunciations/en");
 *   lexicon_load_file(lx, "newsroom.yaml");
 *   lexicon_apply(lx, "Tocaev spoke.", 13, &out, NULL);
 */
#ifndef NARRATE_LEXICON_H
#define NARRATE_LEXICON_H

#include "buf.h"

#include <stddef.h>

struct lexicon;

struct lexicon *lexicon_new(void);
void lexicon_free(struct lexicon *lx);
/* Loads every *.yaml file directly in dir, in name order.  Returns 0, or -1
 * after reporting file:line:col of the first problem. */
int lexicon_load_dir(struct lexicon *lx, const char *dir);
/* Loads one file; its entries replace earlier ones with the same key. */
int lexicon_load_file(struct lexicon *lx, const char *path);

/* Appends text to out with every lexicon word replaced by its spoken form.
 * When explain is not NULL, appends "original\tspoken\tfile:line\n" per
 * replacement.  Linear in len; never fails. */
void lexicon_apply(const struct lexicon *lx, const char *text, size_t len,
		   struct buf *out, struct buf *explain);

#endif
