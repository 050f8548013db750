/*
 * tn_numbers: English number words for the normalizer (normalize.c and the
 * tn_* rule modules call these; nothing else does).
 *
 * Small pure functions over digit strings, so a number of any length is read
 * in linear time: cardinals up to 21 digits with scale words, longer ones
 * digit by digit.  The word tables are const data here, the way a speech
 * normalizer keeps its numerals; the words a user may want to change
 * (units, currencies, abbreviations) live in YAML instead.
 *
 *   tn_cardinal(&out, "1250000", 7)   -> "one million two hundred fifty thousand"
 *   tn_ordinal(&out, "21", 2)         -> "twenty first"
 *   tn_year(&out, "1917", 4)          -> "nineteen seventeen"
 */
#ifndef NARRATE_TN_NUMBERS_H
#define NARRATE_TN_NUMBERS_H

#include "buf.h"

#include <stdbool.h>
#include <stddef.h>

/* A number as written: integer digits (commas allowed between groups of
 * three), an optional fraction after '.'.  Points into the caller's text. */
struct tn_num {
	const char *ip;   /* integer part as written (may hold commas); may be empty */
	size_t ilen;
	const char *fp;   /* fraction digits after the point, or NULL */
	size_t flen;
	bool commas;      /* the integer part used thousands separators */
};

/* Appends w to out, after a space unless out is empty or ends in one. */
void tn_word(struct buf *out, const char *w);

/* Scans a number at s[0..n): "1,250,000", "5.2", ".5", "2022".  Returns the
 * bytes used (0 when s does not start with a digit or ".digit").  A comma is
 * taken only when exactly three digits follow it. */
size_t tn_scan_number(const char *s, size_t n, struct tn_num *num);
/* The integer digits of num without commas, appended to out. */
void tn_num_digits(const struct tn_num *num, struct buf *out);
/* True when num is exactly one ("1", "1.0" is not). */
bool tn_num_is_one(const struct tn_num *num);

/* Appends the cardinal for the ASCII digits d[0..n) (leading zeros are
 * skipped; over 21 significant digits it reads digit by digit). */
void tn_cardinal(struct buf *out, const char *d, size_t n);
/* The same as an ordinal: "first", "twenty second", "one millionth". */
void tn_ordinal(struct buf *out, const char *d, size_t n);
/* Digit by digit: "zero zero four".  Non-digits are skipped. */
void tn_digits(struct buf *out, const char *d, size_t n);
/* A year the way a newsreader says it: 1917 "nineteen seventeen", 2008 "two
 * thousand eight", 2022 "twenty twenty two", 1900 "nineteen hundred", 1506
 * "fifteen oh six".  Other lengths fall back to tn_cardinal. */
void tn_year(struct buf *out, const char *d, size_t n);
/* Reads a scanned number: the integer part as a cardinal (as digits when it
 * has a leading zero, like "004"), then "point" and the fraction digit by
 * digit. */
void tn_number(struct buf *out, const struct tn_num *num);
/* Turns the last word of out (from byte from on) into its ordinal. */
void tn_ordinalize(struct buf *out, size_t from);
/* The ordinal suffix English writes for the digits d[0..n): "st", "nd",
 * "rd" or "th". */
const char *tn_ordinal_suffix(const char *d, size_t n);

#endif
