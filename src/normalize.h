/*
 * normalize: written text in, spoken words out (the first preprocessing
 * stage; the lexicon runs after it).
 *
 * Numbers, dates, times, money, measures, roman numerals, abbreviations,
 * initialisms, electronic addresses and symbols are rewritten as a newsreader
 * would say them.  The rules are small pure C functions; the words they use
 * come from YAML data in DATADIR/pronunciations/LANG/rules/ (see tn_data.h).
 *
 *   struct normalizer *nz = normalizer_new("/usr/share/narrate", "en");
 *   struct buf out = BUF_INIT;
 *   normalizer_run(nz, "It cost $5.2 billion.", 21, &out, NULL);
 *   -> "It cost five point two billion dollars."
 */
#ifndef NARRATE_NORMALIZE_H
#define NARRATE_NORMALIZE_H

#include "buf.h"

#include <stddef.h>

struct normalizer;

/* Loads the rules' data for lang from datadir.  Errors are reported with
 * file:line:col; returns NULL then.  Free with normalizer_free. */
struct normalizer *normalizer_new(const char *datadir, const char *lang);
void normalizer_free(struct normalizer *nz);

/* Appends the spoken form of text (one sentence or line, valid UTF-8, no
 * newlines needed) to out.  When explain is not NULL, appends one line per
 * changed token: "original\tspoken\trule-or-entry\n".  Never fails; input
 * it cannot read is passed through.  Linear in len. */
void normalizer_run(const struct normalizer *nz, const char *text, size_t len,
		    struct buf *out, struct buf *explain);

#endif
