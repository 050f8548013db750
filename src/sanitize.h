/*
 * sanitize: what keeps article text from subverting or crashing espeak-ng
 * 1.51 (RELIABILITY.md, sections 0 and 7).
 *
 * Two passes around the rules:
 *  - sanitize_text(), on the article's text before normalization: removes
 *    C0/C1 control characters (0x01 is an embedded engine command), bidi
 *    controls, zero-width and private-use characters, caps combining marks
 *    at 8 per base character, neutralizes "[[" so article text can never
 *    enter espeak-ng's phoneme mode, joins the stray space that
 *    translation leaves before a hyphen ("pro -Russian") and decodes the
 *    HTML character references web text carries ("caf&#233;", "&amp;").  Input must be
 *    valid UTF-8.
 *  - sanitize_for_engine(), on the spoken text just before synthesis: breaks
 *    the short runs known to overflow espeak-ng's buffers (dotted letter runs
 *    such as "a.a.a.", "A.B.A.B.", stacked "s'" suffixes, over-long tokens),
 *    leaving the lexicon's own [[...]] phoneme groups alone.
 * Both append to out, never fail, and run in linear time.
 */
#ifndef NARRATE_SANITIZE_H
#define NARRATE_SANITIZE_H

#include "buf.h"

#include <stddef.h>

/* Returns the number of characters removed or changed. */
size_t sanitize_text(const char *in, size_t len, struct buf *out);
void sanitize_for_engine(const char *in, size_t len, struct buf *out);

/* The longest [[phoneme]] group passed through (longer or unclosed "[["
 * is broken up like article text). */
#define SANITIZE_MAX_PHONEMES 200
/* The longest run of non-space bytes that reaches the engine. */
#define SANITIZE_MAX_TOKEN 48
/* The most single-letter "x." abbreviations in a row before a break. */
#define SANITIZE_MAX_DOTTED 6

#endif
