/*
 * split: where sentences end.
 *
 * A sentence ends at ".", "!", "?" or "…" (with any closing quotes or
 * brackets) followed by white space and then something that can start a
 * sentence.  It does not end after a title such as "Mr." or "Gen." (listed
 * in DATADIR/pronunciations/LANG/rules/sentences.yaml), after an initial
 * ("J. K."), after a dotted initialism ("U.S.", "e.g."), inside a decimal
 * or before a lower-case word or a digit.  "?" or "!" glued to a capital
 * ("Putin?Kazakhstan", as translation leaves it) also ends one.
 */
#ifndef NARRATE_SPLIT_H
#define NARRATE_SPLIT_H

#include <stddef.h>

/* Loads the list of non-final abbreviations.  Returns 0, or -1 after
 * reporting.  Without it, only initials and initialisms are recognized. */
int split_load(const char *datadir, const char *lang);
void split_unload(void);

/* Calls fn(start, len, ctx) for each sentence of text, in order; start is
 * the byte offset of the sentence, len excludes trailing white space. */
void split_sentences(const char *text, size_t len,
		     void (*fn)(size_t start, size_t len, void *ctx), void *ctx);

#endif
