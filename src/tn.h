/*
 * tn: what the normalizer's rule modules share (normalize.c owns the
 * tokens, numbers, ranges, scores and codes; tn_money.c, tn_measure.c,
 * tn_datetime.c, tn_phone.c, tn_address.c, tn_electronic.c and tn_words.c
 * hold the other rules).
 *
 * normalize.c cuts a sentence into white-space separated tokens and strips
 * each token's surrounding punctuation ("(", quotes, ",", a final ".") to
 * get its core.  It then tries a table of rules at each token; a rule reads
 * the core of one or more tokens and appends spoken words.
 *
 * Piece readers (tn_money, tn_time, ...) read part of one token, s[0..n),
 * so a range like "$250-$300" can read both halves with the same code.
 * They return 0 when s is not their kind (and then append nothing), 1 when
 * they read it, 2 when they also used the next token (next; may be NULL),
 * e.g. "$5.2" + "billion" or "7:45" + "a.m.".
 */
#ifndef NARRATE_TN_H
#define NARRATE_TN_H

#include "buf.h"
#include "tn_data.h"
#include "tn_numbers.h"

#include <stdbool.h>
#include <stddef.h>

struct tn_tok {
	const char *raw;     /* the token as written */
	size_t rawlen;
	const char *s;       /* its core, without surrounding punctuation */
	size_t len;
	bool dot;            /* a '.' follows the core */
	bool bare;           /* nothing (not even a comma) follows the core */
};

struct tn_ctx {
	const struct tn_data *d;
	const struct tn_tok *tok;
	size_t n;
	bool quantity;       /* a unit follows: read 1980 as a number, not a year */
	size_t at;           /* the token a piece reader is reading */
};

/* What a token-level rule matched. */
struct tn_hit {
	size_t ntok;         /* tokens used, >= 1 */
	bool ate_dot;        /* the last token's '.' was part of the match */
	bool glue;           /* no space before the output (repairs) */
	const char *why;     /* rule name or YAML "file:line" */
};

/* A token-level rule: reads at token i, appends to out, fills hit; returns
 * false (out untouched) when it does not apply. */
struct tn_rule {
	const char *name;
	bool (*apply)(const struct tn_ctx *c, size_t i, struct buf *out, struct tn_hit *hit);
};

/* Character classes on ASCII bytes. */
static inline bool tn_isdigit(char ch) { return ch >= '0' && ch <= '9'; }
static inline bool tn_isupper(char ch) { return ch >= 'A' && ch <= 'Z'; }
static inline bool tn_islower(char ch) { return ch >= 'a' && ch <= 'z'; }
static inline bool tn_isalpha(char ch) { return tn_isupper(ch) || tn_islower(ch); }

/* True when s[0..n) equals the NUL-terminated w, ignoring ASCII case. */
bool tn_eq(const char *s, size_t n, const char *w);

/* Piece readers; see the comment at the top. */
typedef int tn_piece_fn(const struct tn_ctx *c, const char *s, size_t n,
			const struct tn_tok *next, struct buf *out);
int tn_money(const struct tn_ctx *c, const char *s, size_t n, const struct tn_tok *next,
	     struct buf *out);
int tn_measure(const struct tn_ctx *c, const char *s, size_t n, const struct tn_tok *next,
	       struct buf *out);
int tn_fraction(const struct tn_ctx *c, const char *s, size_t n, const struct tn_tok *next,
		struct buf *out);
int tn_time(const struct tn_ctx *c, const char *s, size_t n, const struct tn_tok *next,
	    struct buf *out);
int tn_date_numeric(const struct tn_ctx *c, const char *s, size_t n,
		    const struct tn_tok *next, struct buf *out);
int tn_plain_number(const struct tn_ctx *c, const char *s, size_t n,
		    const struct tn_tok *next, struct buf *out);
int tn_electronic(const struct tn_ctx *c, const char *s, size_t n,
		  const struct tn_tok *next, struct buf *out);

/* Ranges and spans (tn_ranges.c), codes and compounds (tn_codes.c). */
int tn_range(const struct tn_ctx *c, const char *s, size_t n, const struct tn_tok *next,
	     struct buf *out);
int tn_year_span(const struct tn_ctx *c, const char *s, size_t n, const struct tn_tok *next,
		 struct buf *out);
int tn_compound(const struct tn_ctx *c, const char *s, size_t n, const struct tn_tok *next,
		struct buf *out);
int tn_alnum(const struct tn_ctx *c, const char *s, size_t n, const struct tn_tok *next,
	     struct buf *out);
int tn_serial(const struct tn_ctx *c, const char *s, size_t n, const struct tn_tok *next,
	      struct buf *out);
int tn_math(const struct tn_ctx *c, const char *s, size_t n, const struct tn_tok *next,
	    struct buf *out);
int tn_dimensions(const struct tn_ctx *c, const char *s, size_t n, const struct tn_tok *next,
		  struct buf *out);

/* Small helpers of normalize.c: only ASCII digits (and at least one); a
 * four-digit year from 1000 to 2099; makes the last word plural
 * ("eighty" -> "eighties", "six" -> "sixes"). */
bool tn_only_digits(const char *s, size_t n);
bool tn_year_like(const char *s, size_t n);
void tn_pluralize(struct buf *out);

/* True when u[0..un) is a magnitude ("m") that the next token, a counted
 * noun, shows to mean million: "20m euros", "18m people". */
bool tn_counted(const struct tn_ctx *c, const char *u, size_t un, const struct tn_tok *next);

/* True when the amount at token c->at, whose words end before token
 * after, stands between a determiner and the lower-case noun it qualifies
 * ("a $3bn deal", "the 100m final"), so its currency or unit is singular. */
bool tn_adjective(const struct tn_ctx *c, size_t after);

/* True when s[0..n) is a unit of measure ("kg", "km/h"). */
bool tn_is_unit(const struct tn_ctx *c, const char *s, size_t n);

/* The value of the well-formed roman numeral s[0..n) up to CXCIX, or 0. */
int tn_roman(const char *s, size_t n);

/* Says the all-caps run s[0..n) as a word ("NATO") or letter by letter
 * ("EU", "ITV"); returns the YAML entry or rule used, or NULL (nothing
 * appended) when it is not an initialism (a word of 4+ capitals with
 * vowels, "HELLO"). */
const struct tn_entry *tn_say_caps(const struct tn_ctx *c, const char *s, size_t n,
				   struct buf *out);

/* Token rules that look at neighbours. */
bool tn_rule_date_words(const struct tn_ctx *c, size_t i, struct buf *out, struct tn_hit *hit);
bool tn_rule_phone(const struct tn_ctx *c, size_t i, struct buf *out, struct tn_hit *hit);
bool tn_rule_mixed_fraction(const struct tn_ctx *c, size_t i, struct buf *out,
			    struct tn_hit *hit);
bool tn_rule_odds(const struct tn_ctx *c, size_t i, struct buf *out, struct tn_hit *hit);
bool tn_rule_feet_inches(const struct tn_ctx *c, size_t i, struct buf *out,
			 struct tn_hit *hit);
bool tn_rule_unit_word(const struct tn_ctx *c, size_t i, struct buf *out, struct tn_hit *hit);
bool tn_rule_roman(const struct tn_ctx *c, size_t i, struct buf *out, struct tn_hit *hit);
bool tn_rule_abbreviation(const struct tn_ctx *c, size_t i, struct buf *out,
			  struct tn_hit *hit);
bool tn_rule_initialism(const struct tn_ctx *c, size_t i, struct buf *out, struct tn_hit *hit);
bool tn_rule_address(const struct tn_ctx *c, size_t i, struct buf *out, struct tn_hit *hit);
bool tn_rule_us_state(const struct tn_ctx *c, size_t i, struct buf *out, struct tn_hit *hit);
bool tn_rule_zip(const struct tn_ctx *c, size_t i, struct buf *out, struct tn_hit *hit);
bool tn_rule_ampersand(const struct tn_ctx *c, size_t i, struct buf *out, struct tn_hit *hit);
bool tn_rule_symbol(const struct tn_ctx *c, size_t i, struct buf *out, struct tn_hit *hit);
bool tn_rule_alnum(const struct tn_ctx *c, size_t i, struct buf *out, struct tn_hit *hit);
bool tn_rule_dash(const struct tn_ctx *c, size_t i, struct buf *out, struct tn_hit *hit);
bool tn_rule_by(const struct tn_ctx *c, size_t i, struct buf *out, struct tn_hit *hit);
bool tn_rule_repair(const struct tn_ctx *c, size_t i, struct buf *out, struct tn_hit *hit);

#endif
