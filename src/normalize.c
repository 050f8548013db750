/*
 * normalize: written text in, spoken words out (see normalize.h).
 *
 * The sentence is cut into white-space separated tokens; each token's
 * surrounding punctuation is set aside and its core offered to the rules
 * below in order.  The first rule that reads it wins and may take following
 * tokens too ("$5.2 billion", "19 June 2022").  Tokens no rule reads are
 * copied as written, so the engine still sees ordinary words unchanged.
 * Every rule is linear in the token's length, so the whole pass is linear.
 */
#include "normalize.h"

#include "tn.h"

#include <stdlib.h>
#include <string.h>

struct normalizer {
	struct tn_data *data;
};

bool tn_eq(const char *s, size_t n, const char *w)
{
	size_t k = strlen(w);
	return k == n && !strncasecmp(s, w, n);
}

/* ---- plain numbers ---- */

/* Pluralizes the last word: "eighty" -> "eighties", "ten" -> "tens". */
void tn_pluralize(struct buf *out)
{
	char last = out->len ? out->data[out->len - 1] : 0;
	if (last == 'y') {
		buf_truncate(out, out->len - 1);
		buf_adds(out, "ies");
	} else if (last == 'x' || last == 's') {
		buf_adds(out, "es");     /* "sixes" */
	} else {
		buf_addc(out, 's');
	}
}

bool tn_only_digits(const char *s, size_t n)
{
	for (size_t k = 0; k < n; k++)
		if (!tn_isdigit(s[k]))
			return false;
	return n > 0;
}

/* A bare four-digit number from 1000 to 2099 is read as a year. */
bool tn_year_like(const char *s, size_t n)
{
	return n == 4 && tn_only_digits(s, 4) && (s[0] == '1' || (s[0] == '2' && s[1] == '0'));
}

/* "1990s", "'90s", "80s": decades. */
static bool decade(const char *s, size_t n, struct buf *out)
{
	size_t k = s[0] == '\'';
	bool apos = n - k >= 4 && s[n - 2] == '\'';     /* "1990's" */
	if (n - k < 3 || s[n - 1] != 's' || s[n - 2 - apos] != '0')
		return false;
	size_t dn = n - 1 - k - apos;
	if (!tn_only_digits(s + k, dn) || (dn != 2 && dn != 4))
		return false;
	if (dn == 4)
		tn_year(out, s + k, 4);
	else
		tn_cardinal(out, s + k, 2);
	tn_pluralize(out);
	return true;
}

/* "AD 340", "340 BC": the next token names an era, so the number is a year. */
static bool era(const struct tn_ctx *c, const struct tn_tok *next)
{
	static const char *const eras[] = { "AD", "A.D", "BC", "B.C", "BCE", "B.C.E", "CE",
					    "C.E" };
	(void)c;
	for (size_t k = 0; next && k < sizeof(eras) / sizeof(eras[0]); k++)
		if (next->len == strlen(eras[k]) && !memcmp(next->s, eras[k], next->len))
			return true;
	return false;
}

/* "the Boeing 747", "the FTSE 250": three digits after a determiner and a
 * name are a model or an index, "seven forty seven", "two fifty" ("In
 * Iraq 150 people" is a count); a round hundred ("the Fiat 500") and a
 * quantity before a unit stay cardinal. */
static bool model_number(const struct tn_ctx *c, const char *s, size_t n,
			 const struct tn_tok *next, struct buf *out)
{
	size_t i = c->at;
	if (n != 3 || !tn_only_digits(s, 3) || s[0] == '0' || (s[1] == '0' && s[2] == '0') ||
	    i < 2 || i >= c->n || s != c->tok[i].s || n != c->tok[i].len)
		return false;
	const struct tn_tok *p = &c->tok[i - 1], *d = &c->tok[i - 2];
	if (!p->bare || p->len < 2 || !tn_isupper(p->s[0]) || tn_isdigit(p->s[p->len - 1]) ||
	    !d->bare || !d->len || !tn_data_get(c->d, TN_DETERMINERS, d->s, d->len) ||
	    tn_data_get(c->d, TN_MONTHS, p->s, p->len) ||
	    tn_data_get(c->d, TN_WEEKDAYS, p->s, p->len) ||
	    (next && next->len && tn_is_unit(c, next->s, next->len)))
		return false;
	tn_cardinal(out, s, 1);
	if (s[1] == '0')
		tn_word(out, "oh");
	tn_cardinal(out, s + 1 + (s[1] == '0'), 2 - (s[1] == '0'));
	return true;
}

int tn_plain_number(const struct tn_ctx *c, const char *s, size_t n,
		    const struct tn_tok *next, struct buf *out)
{
	if (model_number(c, s, n, next, out))
		return 1;
	struct tn_num num;
	if (!n || decade(s, n, out))
		return n ? 1 : 0;
	if (n == 3 && s[0] == '\'' && tn_only_digits(s + 1, 2)) {
		/* "'94", "'03": a year of the century */
		if (s[1] == '0')
			tn_word(out, "oh");
		tn_cardinal(out, s + 1 + (s[1] == '0'), 2 - (s[1] == '0'));
		return 1;
	}
	if (next && next->len == 1 && next->s[0] == 's' && next->rawlen == 1 && n == 4 &&
	    tn_year_like(s, n) && s[3] == '0') {
		/* "1980 s": a decade whose "s" came loose */
		tn_year(out, s, 4);
		tn_pluralize(out);
		return 2;
	}
	size_t i = 0;
	bool neg = s[0] == '-' || !strncmp(s, "\xe2\x88\x92", n < 3 ? n : 3);
	i = neg ? (s[0] == '-' ? 1 : 3) : 0;
	size_t used = tn_scan_number(s + i, n - i, &num);
	if (!used || (neg && !tn_isdigit(s[i]) && s[i] != '.'))
		return 0;
	const char *rest = s + i + used;
	size_t rn = n - i - used;
	if (rn == 2 && !num.fp && tn_eq(rest, 2, tn_ordinal_suffix(num.ip, num.ilen)) && !neg) {
		struct buf dg = BUF_INIT;
		tn_num_digits(&num, &dg);
		tn_ordinal(out, dg.data, dg.len);
		buf_release(&dg);
		return 1;
	}
	if (rn == 1 && rest[0] == '+' && !neg) {
		/* "18+", "3,500+" */
		tn_number(out, &num);
		tn_word(out, "plus");
		return 1;
	}
	if (rn == 1 && rest[0] == 's' && !num.fp && !neg && num.ilen >= 2 && num.ilen <= 3) {
		/* "over-55s", "the A300s": the number as a plural noun */
		tn_number(out, &num);
		tn_pluralize(out);
		return 1;
	}
	bool magnitude = rn >= 2 || tn_counted(c, rest, rn, next);
	const struct tn_entry *mag = magnitude ? tn_data_get(c->d, TN_MAGNITUDES, rest, rn) : NULL;
	if (rn && !mag)
		return 0;
	if (neg)
		tn_word(out, "minus");
	if (mag) {
		/* "1.5bn people" */
		tn_number(out, &num);
		tn_word(out, mag->say);
		return 1;
	}
	if (!neg && !num.fp && !num.commas && era(c, next) && num.ilen <= 4)
		tn_year(out, num.ip, num.ilen);
	else if (!neg && !num.fp && !num.commas && tn_year_like(num.ip, num.ilen) && !c->quantity &&
		 !(next && next->len && (tn_is_unit(c, next->s, next->len) ||
					 ((unsigned char)next->s[0] >= 0x80 &&
					  tn_data_get(c->d, TN_CURRENCIES, next->s, next->len)))))
		tn_year(out, num.ip, 4);
	else if (!num.commas && !num.fp && num.ilen > 12)
		tn_digits(out, num.ip, num.ilen);
	else if (!num.commas && !num.fp && num.ilen == 4 && num.ip[0] != '0' && num.ip[1] != '0' &&
		 num.ip[2] == '0' && num.ip[3] == '0')
		tn_year(out, num.ip, 4);     /* "1500 km": fifteen hundred */
	else
		tn_number(out, &num);
	return 1;
}

/* ---- the rule table ---- */

static bool piece_rule(const struct tn_ctx *c, size_t i, struct buf *out, struct tn_hit *hit,
		       tn_piece_fn *fn, const char *why)
{
	const struct tn_tok *t = &c->tok[i];
	const struct tn_tok *next = i + 1 < c->n && t->bare ? &c->tok[i + 1] : NULL;
	struct tn_ctx here = *c;
	if (!t->len)
		return false;
	here.at = i;
	int rc = fn(&here, t->s, t->len, next, out);
	if (!rc)
		return false;
	hit->ntok = (size_t)rc;
	hit->ate_dot = rc == 2 && next->dot && memchr(next->s, '.', next->len);
	hit->why = why;
	return true;
}

#define PIECE_RULE(name, fn)                                                              \
	static bool rule_##name(const struct tn_ctx *c, size_t i, struct buf *out,         \
				struct tn_hit *hit)                                        \
	{                                                                                  \
		return piece_rule(c, i, out, hit, fn, #name);                              \
	}

PIECE_RULE(electronic, tn_electronic)
PIECE_RULE(date, tn_date_numeric)
PIECE_RULE(time, tn_time)
PIECE_RULE(money, tn_money)
PIECE_RULE(fraction, tn_fraction)
PIECE_RULE(measure, tn_measure)
PIECE_RULE(number, tn_plain_number)
PIECE_RULE(range, tn_range)
PIECE_RULE(years, tn_year_span)
PIECE_RULE(compound, tn_compound)
PIECE_RULE(alnum, tn_alnum)
PIECE_RULE(math, tn_math)
PIECE_RULE(serial, tn_serial)
PIECE_RULE(dimensions, tn_dimensions)

static const struct tn_rule rules[] = {
	{ "date", tn_rule_date_words },
	{ "abbreviation", tn_rule_abbreviation },
	{ "electronic", rule_electronic },
	{ "address", tn_rule_address },
	{ "address", tn_rule_zip },
	{ "date", rule_date },
	{ "time", rule_time },
	{ "measure", tn_rule_feet_inches },
	{ "telephone", tn_rule_phone },
	{ "money", rule_money },
	{ "years", rule_years },
	{ "odds", tn_rule_odds },
	{ "fraction", tn_rule_mixed_fraction },
	{ "fraction", rule_fraction },
	{ "measure", rule_measure },
	{ "number", rule_number },
	{ "math", rule_math },
	{ "range", rule_range },
	{ "serial", rule_serial },
	{ "compound", rule_compound },
	{ "dimensions", rule_dimensions },
	{ "unit", tn_rule_unit_word },
	{ "alnum", rule_alnum },
	{ "range", tn_rule_dash },
	{ "dimensions", tn_rule_by },
	{ "roman", tn_rule_roman },
	{ "address", tn_rule_us_state },
	{ "initialism", tn_rule_initialism },
	{ "initialism", tn_rule_ampersand },
	{ "symbol", tn_rule_symbol },
	{ "repair", tn_rule_repair },
};

/* ---- tokens ---- */

/* What separates tokens: white space, and the dashes "--" and "—" that
 * join words without spaces ("Francis I--who"); the separator is copied
 * to the output as written. */
static size_t space_len(const char *s, size_t n)
{
	if (n && (s[0] == ' ' || s[0] == '\t'))
		return 1;
	if (n >= 2 && s[0] == '-' && s[1] == '-')
		return 2;
	if (n >= 3 && !memcmp(s, "\xe2\x80\x94", 3))
		return 3;
	if (n >= 2 && !memcmp(s, "\xc2\xa0", 2))
		return 2;
	if (n >= 3 && (!memcmp(s, "\xe2\x80\x89", 3) || !memcmp(s, "\xe2\x80\xaf", 3)))
		return 3;
	return 0;
}

/* Punctuation set aside around a core; the bytes of one such character at
 * s (leading or trailing), or 0. */
static size_t punct_len(const char *s, size_t n, bool lead)
{
	static const char *const multi[] = { "\xe2\x80\x9c", "\xe2\x80\x9d", "\xe2\x80\x98",
					     "\xe2\x80\x99", "\xc2\xab", "\xc2\xbb",
					     "\xe2\x80\xa6", "\xc2\xbf", "\xc2\xa1" };
	if (!n)
		return 0;
	if (strchr(lead ? "([{\"`" : ")]}\"`,;:!?.", s[0]) && s[0])
		return 1;
	if (s[0] == '\'' && (!lead || n < 2 || !tn_isdigit(s[1])))
		return 1;
	for (size_t k = 0; k < sizeof(multi) / sizeof(multi[0]); k++) {
		size_t m = strlen(multi[k]);
		if (n >= m && !memcmp(s, multi[k], m))
			return m;
	}
	return 0;
}

static void token_core(struct tn_tok *t)
{
	const char *s = t->raw, *e = t->raw + t->rawlen;
	size_t k;
	while (s < e && (k = punct_len(s, (size_t)(e - s), true)))
		s += k;
	const char *end = e;
	for (;;) {
		size_t back = 0;
		for (size_t m = 1; m <= 3 && end - m >= s; m++)
			if (punct_len(end - m, m, false) == m &&
			    ((unsigned char)end[-(long)m] & 0xC0) != 0x80)
				back = m;
		if (!back)
			break;
		end -= back;
	}
	/* "EU's", "29th’s": the possessive stays with the punctuation. */
	size_t dn = 0;
	while (end - s > 2 && (long)dn < end - s - 2 && tn_isdigit(end[-3 - (long)dn]))
		dn++;
	const char *d0 = end - 2 - dn;
	bool decade_s = end - s > 3 && end[-3] == '0' &&
			((dn == 4 && (d0[0] == '1' || (d0[0] == '2' && d0[1] == '0'))) ||
			 (dn == 2 && d0 > s && d0[-1] == '\''));
	if (end - s > 2 && end[-1] == 's' && end[-2] == '\'' && !decade_s)
		end -= 2;     /* but "1990's", "90's" are decades */
	else if (end - s > 4 && end[-1] == 's' && !memcmp(end - 4, "\xe2\x80\x99", 3))
		end -= 4;
	t->s = s;
	t->len = (size_t)(end - s);
	t->dot = end < e && *end == '.';
	t->bare = end == e;
}

static bool alnum_at(const char *s, size_t i, size_t len)
{
	return i < len && (tn_isalpha(s[i]) || tn_isdigit(s[i]));
}

/* "12,again", "Hi,no", "NO?17", "1!hello": a comma, semicolon, question or
 * exclamation mark with no space after it still ends a token, except in
 * "1,250" and in addresses ("a.com/?q=1", "x@y"): addr is true when the
 * token so far holds '/', '@', ':' or '='. */
static bool split_after(const char *s, size_t st, size_t i, size_t len, bool addr)
{
	char ch = s[i];
	if (ch == '.' && i > st && strchr(")]\"", s[i - 1]) && alnum_at(s, i + 1, len))
		return true;     /* "(4 June 2014).and" */
	if (!strchr(",;!?", ch) || !ch || i == st)
		return false;
	bool next = alnum_at(s, i + 1, len) ||
		    (ch != ',' && s[i + 1] == '-' && i + 2 < len && tn_isdigit(s[i + 2]));
	if (!next || (ch == ',' && tn_isdigit(s[i - 1]) && tn_isdigit(s[i + 1])))
		return false;
	return !addr;
}

static struct tn_tok *tokenize(const char *text, size_t len, size_t *ntok)
{
	size_t cap = 16, n = 0, i = 0;
	struct tn_tok *tok = xmalloc(cap * sizeof(*tok));
	while (i < len) {
		size_t sp = space_len(text + i, len - i);
		if (sp) {
			i += sp;
			continue;
		}
		size_t st = i;
		bool addr = false;
		while (i < len && !space_len(text + i, len - i)) {
			if (i + 1 < len && split_after(text, st, i, len, addr)) {
				i++;
				break;
			}
			addr = addr || (text[i] && strchr("/@:=", text[i]) != NULL);
			i++;
		}
		if (n == cap)
			tok = xrealloc(tok, (cap *= 2) * sizeof(*tok));
		tok[n].raw = text + st;
		tok[n].rawlen = i - st;
		token_core(&tok[n]);
		n++;
	}
	*ntok = n;
	return tok;
}

/* ---- the pass ---- */

static bool try_rules(const struct tn_ctx *c, size_t i, struct buf *spoken, struct tn_hit *hit)
{
	for (size_t r = 0; r < sizeof(rules) / sizeof(rules[0]); r++) {
		memset(hit, 0, sizeof(*hit));
		hit->ntok = 1;
		buf_reset(spoken);
		if (rules[r].apply(c, i, spoken, hit))
			return true;
	}
	buf_reset(spoken);
	return false;
}

/* One --explain line: "original\tspoken\trule-or-entry\n". */
static void explain_hit(struct buf *explain, const struct tn_ctx *c, size_t i,
			const struct tn_hit *hit, const struct buf *spoken)
{
	const struct tn_tok *a = &c->tok[i], *b = &c->tok[i + hit->ntok - 1];
	const char *end = b->s + b->len + hit->ate_dot;
	size_t k = 0, n = (size_t)(end - a->s);
	while (k < spoken->len && spoken->data[k] == ' ')
		k++;
	if (spoken->len - k == n && !memcmp(spoken->data + k, a->s, n))
		return;     /* read, but unchanged */
	buf_add(explain, a->s, n);
	buf_addc(explain, '\t');
	buf_add(explain, spoken->data + k, spoken->len - k);
	buf_addf(explain, "\t%s\n", hit->why);
}

/* Writes tokens [i, i + hit->ntok) as spoken, keeping outer punctuation. */
static void emit(const struct tn_ctx *c, size_t i, const struct tn_hit *hit,
		 const struct buf *spoken, struct buf *out)
{
	const struct tn_tok *a = &c->tok[i], *b = &c->tok[i + hit->ntok - 1];
	const char *tail = b->s + b->len, *end = b->raw + b->rawlen;
	bool last = i + hit->ntok == c->n;
	buf_add(out, a->raw, (size_t)(a->s - a->raw));
	size_t k = 0;
	while (k < spoken->len && spoken->data[k] == ' ')
		k++;
	buf_add(out, spoken->data + k, spoken->len - k);
	bool ends_dot = spoken->len && spoken->data[spoken->len - 1] == '.';
	if (tail < end && *tail == '.' && ((hit->ate_dot && !last) || ends_dot))
		tail++;     /* "U.S." at the end of a sentence keeps one dot */
	buf_add(out, tail, (size_t)(end - tail));
}

static void guard(struct buf *out, size_t from)
{
	/* "[[" would open the engine's phoneme mode; the lexicon owns that. */
	for (size_t k = from; k + 1 < out->len; k++)
		if (out->data[k] == '[' && out->data[k + 1] == '[')
			out->data[k + 1] = '(';
	for (size_t k = from; k < out->len; k++)
		if (out->data[k] == '\n' || out->data[k] == '\r')
			out->data[k] = ' ';
}

void normalizer_run(const struct normalizer *nz, const char *text, size_t len,
		    struct buf *out, struct buf *explain)
{
	size_t ntok, from = out->len;
	struct tn_tok *tok = tokenize(text, len, &ntok);
	struct tn_ctx c = { nz->data, tok, ntok, false, 0 };
	struct buf spoken = BUF_INIT;
	struct tn_hit hit;
	const char *gap = text;
	for (size_t i = 0; i < ntok;) {
		bool hit_ok = try_rules(&c, i, &spoken, &hit);
		if (!hit_ok || !hit.glue) {
			buf_add(out, gap, (size_t)(tok[i].raw - gap));
			if (i && tok[i].raw == gap)
				buf_addc(out, ' ');     /* "12,again": split_after */
		}
		if (!hit_ok) {
			buf_add(out, tok[i].raw, tok[i].rawlen);
			gap = tok[i].raw + tok[i].rawlen;
			i++;
			continue;
		}
		emit(&c, i, &hit, &spoken, out);
		if (explain)
			explain_hit(explain, &c, i, &hit, &spoken);
		gap = tok[i + hit.ntok - 1].raw + tok[i + hit.ntok - 1].rawlen;
		i += hit.ntok;
	}
	buf_add(out, gap, (size_t)(text + len - gap));
	guard(out, from);
	buf_release(&spoken);
	free(tok);
}

struct normalizer *normalizer_new(const char *datadir, const char *lang)
{
	struct buf dir = BUF_INIT;
	buf_addf(&dir, "%s/pronunciations/%s/rules", datadir, lang);
	struct tn_data *d = tn_data_load(dir.data);
	buf_release(&dir);
	if (!d)
		return NULL;
	struct normalizer *nz = xcalloc(1, sizeof(*nz));
	nz->data = d;
	return nz;
}

void normalizer_free(struct normalizer *nz)
{
	if (!nz)
		return;
	tn_data_free(nz->data);
	free(nz);
}
