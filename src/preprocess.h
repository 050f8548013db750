/*
 * preprocess: a sentence as written in, the text espeak-ng is given out.
 *
 * The stages, in order: sanitize_text (controls, "[[") -> normalize (numbers,
 * dates, abbreviations...) -> lexicon (names; always wins) ->
 * sanitize_for_engine (runs that crash espeak-ng 1.51).
 */
#ifndef NARRATE_PREPROCESS_H
#define NARRATE_PREPROCESS_H

#include "buf.h"

#include <stdbool.h>
#include <stddef.h>

struct normalizer;
struct lexicon;

struct preprocessor {
	struct normalizer *nz;
	struct lexicon *lx;
};

/* Loads the normalizer's data and the lexicons: the shipped ones for lang,
 * then extra[0..n_extra) in order.  Returns 0, or -1 after reporting. */
int preprocess_init(struct preprocessor *pp, const char *datadir, const char *lang,
		    char *const *extra, size_t n_extra);
void preprocess_release(struct preprocessor *pp);

/* Appends the spoken form of one sentence to out.  When explain is not
 * NULL, appends the normalizer's and the lexicon's explanation lines. */
void preprocess_sentence(const struct preprocessor *pp, const char *text, size_t len,
			 struct buf *out, struct buf *explain);

#endif
