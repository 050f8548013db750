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

/* ---- plain numbers, ranges and compounds ---- */

/* Pluralizes the last word: "eighty" -> "eighties", "ten" -> "tens". */
static void pluralize(struct buf *out)
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

static bool only_digits(const char *s, size_t n)
{
	for (size_t k = 0; k < n; k++)
		if (!tn_isdigit(s[k]))
			return false;
	return n > 0;
}

/* A bare four-digit number from 1000 to 2099 is read as a year. */
static bool year_like(const char *s, size_t n)
{
	return n == 4 && only_digits(s, 4) && (s[0] == '1' || (s[0] == '2' && s[1] == '0'));
}

/* "1990s", "'90s", "80s": decades. */
static bool decade(const char *s, size_t n, struct buf *out)
{
	size_t k = s[0] == '\'';
	bool apos = n - k >= 4 && s[n - 2] == '\'';     /* "1990's" */
	if (n - k < 3 || s[n - 1] != 's' || s[n - 2 - apos] != '0')
		return false;
	size_t dn = n - 1 - k - apos;
	if (!only_digits(s + k, dn) || (dn != 2 && dn != 4))
		return false;
	if (dn == 4)
		tn_year(out, s + k, 4);
	else
		tn_cardinal(out, s + k, 2);
	pluralize(out);
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
	if (n != 3 || !only_digits(s, 3) || s[0] == '0' || (s[1] == '0' && s[2] == '0') ||
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
	if (n == 3 && s[0] == '\'' && only_digits(s + 1, 2)) {
		/* "'94", "'03": a year of the century */
		if (s[1] == '0')
			tn_word(out, "oh");
		tn_cardinal(out, s + 1 + (s[1] == '0'), 2 - (s[1] == '0'));
		return 1;
	}
	if (next && next->len == 1 && next->s[0] == 's' && next->rawlen == 1 && n == 4 &&
	    year_like(s, n) && s[3] == '0') {
		/* "1980 s": a decade whose "s" came loose */
		tn_year(out, s, 4);
		pluralize(out);
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
		pluralize(out);
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
	else if (!neg && !num.fp && !num.commas && year_like(num.ip, num.ilen) && !c->quantity &&
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

typedef int piece_fn(const struct tn_ctx *, const char *, size_t, const struct tn_tok *,
		     struct buf *);

/* What a half of a range or compound may be. */
static piece_fn *const range_pieces[] = { tn_money, tn_time, tn_measure, tn_plain_number };

static int read_piece(const struct tn_ctx *c, const char *s, size_t n,
		      const struct tn_tok *next, struct buf *out)
{
	for (size_t k = 0; k < sizeof(range_pieces) / sizeof(range_pieces[0]); k++) {
		size_t before = out->len;
		int rc = range_pieces[k](c, s, n, next, out);
		if (rc)
			return rc;
		buf_truncate(out, before);
	}
	return 0;
}

/* Where a range splits: the first '-' or en dash that is not the first byte. */
static size_t range_split(const char *s, size_t n, size_t *seplen)
{
	for (size_t k = 1; k < n; k++) {
		if (s[k] == '-') {
			*seplen = 1;
			return k;
		}
		if (k + 2 < n && !memcmp(s + k, "\xe2\x80\x93", 3)) {
			*seplen = 3;
			return k;
		}
	}
	return 0;
}

/* Compares two digit strings without leading zeros as numbers. */
static int cmp_digits(const char *a, size_t an, const char *b, size_t bn)
{
	if (an != bn)
		return an < bn ? -1 : 1;
	return memcmp(a, b, an);
}

/* "2-1" or "978-0" counts down, so it is a score or a code, not a range:
 * the dash is a pause.  "1960-80" is a range of years. */
static bool counts_down(const char *a, size_t an, const char *b, size_t bn)
{
	if (!only_digits(a, an) || !only_digits(b, bn) || a[0] == '0' || (bn > 1 && b[0] == '0'))
		return false;
	if (year_like(a, an) && bn == 2)
		return false;
	return cmp_digits(b, bn, a, an) < 0;
}

/* "6-7", "(4-7)": two numbers of at most two digits joined by a dash. */
static bool score_shaped(const struct tn_tok *t)
{
	size_t sl, at = range_split(t->s, t->len, &sl);
	return at && sl == 1 && at <= 2 && only_digits(t->s, at) && t->len - at - 1 <= 2 &&
	       only_digits(t->s + at + 1, t->len - at - 1);
}

/* Token i, "a-b" of small numbers, is a score: level ("1-1"), with a
 * score word around it ("won 2-0", "a 3-1 win"), another score beside it
 * ("6-7 (4-7) 7-6") or between team names ("Leeds 2-3 Hull"). */
static bool score(const struct tn_ctx *c, const char *a, size_t an, const char *b, size_t bn)
{
	size_t i = c->at;
	if (an > 2 || bn > 2 || !only_digits(a, an) || !only_digits(b, bn) || i >= c->n)
		return false;
	if (an == bn && !memcmp(a, b, an))
		return true;
	const struct tn_tok *p = i ? &c->tok[i - 1] : NULL, *nx = i + 1 < c->n ? &c->tok[i + 1] : NULL;
	if (p && p->len && (tn_data_get(c->d, TN_SCORE_BEFORE, p->s, p->len) || score_shaped(p)))
		return true;
	/* "Man City 0-2 Newcastle", "Burnley 0-1": between team names */
	bool team = p && p->bare && p->len > 1 && tn_isupper(p->s[0]);
	bool zero = an == 1 && a[0] == '0';
	bool team_next = !nx || (nx->len > 1 && tn_isupper(nx->s[0]));
	if (team && ((zero && i > 1) || team_next))
		return true;
	return nx && nx->len && (tn_data_get(c->d, TN_SCORE_AFTER, nx->s, nx->len) ||
				 score_shaped(nx));
}

/* "a 100-1 outsider", "odds of 5-4": betting odds, "to". */
static bool odds(const struct tn_ctx *c)
{
	size_t i = c->at;
	const struct tn_tok *p = i && i < c->n ? &c->tok[i - 1] : NULL;
	const struct tn_tok *nx = i + 1 < c->n ? &c->tok[i + 1] : NULL;
	const struct tn_tok *pp = i >= 2 && i < c->n ? &c->tok[i - 2] : NULL;
	return (nx && nx->len && tn_data_get(c->d, TN_ODDS_AFTER, nx->s, nx->len)) ||
	       (p && p->len && tn_data_get(c->d, TN_ODDS_BEFORE, p->s, p->len)) ||
	       (pp && pp->len && tn_data_get(c->d, TN_ODDS_BEFORE, pp->s, pp->len));
}

/* A unit after the range (in its last half or the next token) makes both
 * halves quantities: "1980-1990 kg" is not a span of years. */
static bool unit_follows(const struct tn_ctx *c, const char *r, size_t rn,
			 const struct tn_tok *next)
{
	size_t k = 0;
	while (k < rn && (tn_isdigit(r[k]) || r[k] == '.' || r[k] == ','))
		k++;
	if (k < rn && tn_is_unit(c, r + k, rn - k))
		return true;
	return next && tn_is_unit(c, next->s, next->len);
}

/* "$30-35", "£2-3bn": the currency is written once, before the first
 * number, and said once, after the second ("thirty to thirty five
 * dollars"). */
static int money_range(const struct tn_ctx *c, const char *s, size_t at, const char *r,
		       size_t rn, const struct tn_tok *next, struct buf *out)
{
	size_t k = 0;
	while (k < at && k < 4 && !tn_isdigit(s[k]))
		k++;
	if (!k || k == at || !tn_isdigit(s[k]) || !rn || !tn_isdigit(r[0]))
		return 0;
	struct buf probe = BUF_INIT, second = BUF_INIT;
	buf_add(&second, s, k);
	buf_add(&second, r, rn);
	int rc = 0;
	if (!tn_money(c, r, rn, NULL, &probe) && tn_money(c, s, at, NULL, &probe)) {
		size_t before = out->len;
		if (tn_plain_number(c, s + k, at - k, NULL, out)) {
			tn_word(out, "to");
			rc = tn_money(c, second.data, second.len, next, out);
		}
		if (!rc)
			buf_truncate(out, before);
	}
	buf_release(&probe);
	buf_release(&second);
	return rc;
}

/* "2019-2022", "10-15%", "$250-$300", "1960s-80s": "... to ...". */
static int range(const struct tn_ctx *c, const char *s, size_t n, const struct tn_tok *next,
		 struct buf *out)
{
	size_t sl, at = range_split(s, n, &sl);
	if (!at || at + sl >= n)
		return 0;
	const char *r = s + at + sl;
	size_t rn = n - at - sl;
	int mr = money_range(c, s, at, r, rn, next, out);
	if (mr)
		return mr;
	struct tn_ctx q = *c;
	q.quantity = unit_follows(c, r, rn, next);
	if (!read_piece(&q, s, at, NULL, out))
		return 0;
	const struct tn_tok *p = c->at ? &c->tok[c->at - 1] : NULL;
	bool between = p && p->bare && tn_eq(p->s, p->len, "between");
	if (!q.quantity && !odds(c) && (counts_down(s, at, r, rn) || score(c, s, at, r, rn)))
		tn_word(out, "-");
	else
		tn_word(out, between ? "and" : "to");
	return read_piece(&q, r, rn, next, out);
}

static unsigned digits_value(const char *s, size_t n)
{
	unsigned v = 0;
	for (size_t k = 0; k < n; k++)
		v = v * 10 + (unsigned)(s[k] - '0');
	return v;
}

/* "2003/04", "1998/99", "2004-05", "2003/2004": a span of years, the second
 * later than the first; a short second year is said in full after a year of
 * the 2000s or when it starts with 0 ("two thousand seven to twenty
 * thirteen", "two thousand four to two thousand five"). */
static int year_span(const struct tn_ctx *c, const char *s, size_t n,
		     const struct tn_tok *next, struct buf *out)
{
	size_t sl = 0, at = 4;
	if (n < 6 || !year_like(s, 4) || c->quantity)
		return 0;
	if (s[4] == '/' || s[4] == '-')
		sl = 1;
	else if (n > 7 && !memcmp(s + 4, "\xe2\x80\x93", 3))
		sl = 3;
	const char *b = s + at + sl;
	size_t bn = n - at - sl;
	if (!sl || !only_digits(b, bn) || (bn != 2 && bn != 4 && !(bn == 1 && s[4] == '/')))
		return 0;
	if (next && tn_is_unit(c, next->s, next->len))
		return 0;
	unsigned y = digits_value(s, 4), z = digits_value(b, bn);
	unsigned full = bn == 4 ? z : bn == 2 ? y / 100 * 100 + z : y / 10 * 10 + z;
	if (full <= y || full > y + 100 || (bn == 4 && !year_like(b, 4)))
		return 0;
	const struct tn_tok *p = c->at ? &c->tok[c->at - 1] : NULL;
	tn_year(out, s, 4);
	tn_word(out, p && p->bare && tn_eq(p->s, p->len, "between") ? "and" : "to");
	if (bn == 2 && b[0] != '0' && (y < 2000 || y > 2009)) {
		tn_cardinal(out, b, 2);
	} else {
		char d[4] = { (char)('0' + full / 1000), (char)('0' + full / 100 % 10),
			      (char)('0' + full / 10 % 10), (char)('0' + full % 10) };
		tn_year(out, d, 4);
	}
	return 1;
}

/* "UK-based": an initialism from the YAML tables inside a compound ("CD-ROM"
 * is left to the engine). */
static bool known_caps(const struct tn_ctx *c, const char *s, size_t n, struct buf *out)
{
	return (tn_data_get(c->d, TN_SPELLED, s, n) || tn_data_get(c->d, TN_WORDS, s, n)) &&
	       tn_say_caps(c, s, n, out);
}

/* "Hartz-IV": a roman numeral of I, V and X in a compound, said as a
 * cardinal ("Super-XL" is a size). */
static bool roman_cardinal(const char *s, size_t n, struct buf *out)
{
	char d[4];
	for (size_t k = 0; k < n; k++)
		if (s[k] != 'I' && s[k] != 'V' && s[k] != 'X')
			return false;
	if (n < 2)
		return false;
	int v = tn_roman(s, n);
	size_t dn = 0;
	if (!v)
		return false;
	if (v >= 100)
		d[dn++] = (char)('0' + v / 100);
	if (v >= 10)
		d[dn++] = (char)('0' + (v / 10) % 10);
	d[dn++] = (char)('0' + v % 10);
	tn_cardinal(out, d, dn);
	return true;
}

/* "19th-century", "covid-19", "mid-1980s", "UK-based": numbers and
 * initialisms read, words kept. */
static int compound(const struct tn_ctx *c, const char *s, size_t n,
		    const struct tn_tok *next, struct buf *out)
{
	(void)next;
	size_t st = 0, numbers = 0;
	if (!memchr(s, '-', n))
		return 0;
	for (size_t k = 0; k <= n; k++) {
		if (k < n && s[k] != '-')
			continue;
		if (k > st) {
			size_t before = out->len;
			if (tn_plain_number(c, s + st, k - st, NULL, out) ||
			    tn_money(c, s + st, k - st, NULL, out) ||
			    tn_measure(c, s + st, k - st, NULL, out) ||
			    roman_cardinal(s + st, k - st, out) ||
			    known_caps(c, s + st, k - st, out)) {
				numbers++;     /* or "UK-based": an initialism */
			} else {
				buf_truncate(out, before);
				tn_word(out, "");
				buf_add(out, s + st, k - st);
			}
		}
		st = k + 1;
	}
	return numbers ? 1 : 0;
}

/* A run of digits inside a code or model name: "380" in "A380" is "three
 * eighty", "800" in "W800" "eight hundred", "2005" in "FM2005" a year, longer
 * runs digit by digit ("ab9453"). */
static void model_digits(const struct tn_ctx *c, const char *s, size_t n, bool after_letters,
			 struct buf *out)
{
	if (after_letters && n == 3 && s[0] != '0' && (s[1] != '0' || s[2] != '0')) {
		tn_cardinal(out, s, 1);
		if (s[1] == '0')
			tn_word(out, "oh");
		tn_cardinal(out, s + (s[1] == '0') + 1, 2 - (s[1] == '0'));
	} else if (n == 4 && year_like(s, 4)) {
		tn_year(out, s, 4);
	} else if (n >= 4) {
		tn_digits(out, s, n);
	} else {
		tn_plain_number(c, s, n, NULL, out);
	}
}

/* "2Q22", "3Q2004": the third quarter of a year. */
static bool quarter(const char *s, size_t n, struct buf *out)
{
	if ((n != 4 && n != 6) || s[0] < '1' || s[0] > '4' || s[1] != 'Q' ||
	    !only_digits(s + 2, n - 2))
		return false;
	tn_word(out, "the");
	tn_ordinal(out, s, 1);
	tn_word(out, "quarter of");
	if (n == 6)
		tn_year(out, s + 2, 4);
	else if (s[2] == '0')
		tn_word(out, "oh"), tn_cardinal(out, s + 3, 1);
	else
		tn_cardinal(out, s + 2, 2);
	return true;
}

/* "4G", "G7", "B2B", "ITV1", "A380": letters kept (capital runs said as
 * initialisms), each run of digits read. */
static int alnum(const struct tn_ctx *c, const char *s, size_t n, const struct tn_tok *next,
		 struct buf *out)
{
	(void)next;
	if (quarter(s, n, out))
		return 1;
	size_t letters = 0, digits = 0, caps = 0;
	for (size_t k = 0; k < n; k++) {
		if (tn_isalpha(s[k]))
			letters++;
		else if (tn_isdigit(s[k]))
			digits++;
		else
			return 0;
		caps += tn_isupper(s[k]) && k + 2 < n && tn_isupper(s[k + 1]) && tn_isupper(s[k + 2]);
	}
	if (!letters || !digits)
		return 0;
	/* "G7", "AH0": the engine reads a letter or two and one digit well. */
	if (!tn_isdigit(s[0]) && digits == 1 && !caps)
		return 0;
	for (size_t k = 0; k < n;) {
		size_t st = k;
		bool dig = tn_isdigit(s[k]);
		while (k < n && tn_isdigit(s[k]) == dig)
			k++;
		if (dig && k + 1 == n && s[k] == 's' && (st || k - st >= 2)) {
			model_digits(c, s + st, k - st, st > 0, out);
			pluralize(out);
			k++;
		} else if (dig) {
			model_digits(c, s + st, k - st, st > 0, out);
		} else if (!tn_say_caps(c, s + st, k - st, out)) {
			tn_word(out, "");
			buf_add(out, s + st, k - st);
		}
	}
	return 1;
}

/* "123/261788/2021", "MIG-25/235212-asdg": a reference code of letter
 * and digit groups joined by '/' and '-', with a long number or three or
 * more groups; each group is read (long numbers digit by digit) and the
 * joins are kept. */
static int serial(const struct tn_ctx *c, const char *s, size_t n, const struct tn_tok *next,
		  struct buf *out)
{
	(void)next;
	size_t parts = 1, longest = 0, run = 0;
	if (!memchr(s, '/', n))
		return 0;
	for (size_t k = 0; k < n; k++) {
		if (s[k] == '/' || s[k] == '-') {
			if (!k || k + 1 == n || s[k - 1] == '/' || s[k - 1] == '-')
				return 0;
			parts++;
			run = 0;
		} else if (tn_isdigit(s[k])) {
			longest = ++run > longest ? run : longest;
		} else if (!tn_isalpha(s[k])) {
			return 0;
		} else {
			run = 0;
		}
	}
	if (!longest || (longest < 5 && parts < 3))
		return 0;     /* "Angolan/French/Portuguese" is words */
	size_t st = 0;
	for (size_t k = 0; k <= n; k++) {
		if (k < n && s[k] != '/' && s[k] != '-')
			continue;
		const char *g = s + st;
		size_t gn = k - st;
		if (only_digits(g, gn) && gn >= 5)
			tn_digits(out, g, gn);
		else if (only_digits(g, gn))
			tn_cardinal(out, g, gn);
		else if (!alnum(c, g, gn, NULL, out) && !tn_say_caps(c, g, gn, out))
			tn_word(out, ""), buf_add(out, g, gn);
		if (k < n && s[k] == '/')
			tn_word(out, "slash");
		st = k + 1;
	}
	return 1;
}

/* "1-2=5", "2+3": an equation of plain numbers. */
static int math(const struct tn_ctx *c, const char *s, size_t n, const struct tn_tok *next,
		struct buf *out)
{
	static const struct { char op; const char *say; } ops[] = {
		{ '=', "equals" }, { '+', "plus" }, { '-', "minus" }, { '*', "times" },
	};
	(void)next;
	if (!memchr(s, '=', n) && !memchr(s, '+', n))
		return 0;
	for (size_t k = 0; k < n;) {
		size_t st = k;
		while (k < n && tn_isdigit(s[k]))
			k++;
		if (k == st || k - st > 12)
			return 0;
		tn_plain_number(c, s + st, k - st, NULL, out);
		if (k == n)
			return 1;
		size_t o = 0;
		while (o < sizeof(ops) / sizeof(ops[0]) && ops[o].op != s[k])
			o++;
		if (o == sizeof(ops) / sizeof(ops[0]) || ++k == n)
			return 0;
		tn_word(out, ops[o].say);
	}
	return 0;
}

/* "2x8 m", "25 x 7 m": dimensions, when a unit says they are. */
static int dimensions(const struct tn_ctx *c, const char *s, size_t n,
		      const struct tn_tok *next, struct buf *out)
{
	const char *x = memchr(s, 'x', n);
	if (!x || x == s || x + 1 == s + n)
		return 0;
	size_t a = (size_t)(x - s), b = n - a - 1;
	struct tn_ctx q = *c;
	q.quantity = true;
	if (!only_digits(s, a))
		return 0;
	if (only_digits(x + 1, b) && next && tn_is_unit(c, next->s, next->len)) {
		tn_plain_number(&q, s, a, NULL, out);
		tn_word(out, "by");
		tn_plain_number(&q, x + 1, b, NULL, out);
		return 1;
	}
	/* "4x100m": the unit is written on the second number */
	size_t before = out->len;
	tn_plain_number(&q, s, a, NULL, out);
	tn_word(out, "by");
	if (tn_measure(&q, x + 1, b, NULL, out))
		return 1;
	buf_truncate(out, before);
	return 0;
}

/* A dash standing between two times or numbers: "4:00 am - 8:12 pm". */
static bool rule_dash(const struct tn_ctx *c, size_t i, struct buf *out, struct tn_hit *hit)
{
	const struct tn_tok *t = &c->tok[i];
	if (!i || i + 1 >= c->n || !(tn_eq(t->raw, t->rawlen, "-") ||
				     tn_eq(t->raw, t->rawlen, "\xe2\x80\x93")))
		return false;
	const struct tn_tok *p = &c->tok[i - 1], *nx = &c->tok[i + 1];
	if (!p->bare || !p->len || !nx->len || !tn_isdigit(nx->s[0]))
		return false;
	char last = p->s[p->len - 1];
	if (!tn_isdigit(last) && !tn_eq(p->s, p->len, "am") && !tn_eq(p->s, p->len, "pm") &&
	    !tn_eq(p->s, p->len, "a.m") && !tn_eq(p->s, p->len, "p.m"))
		return false;
	tn_word(out, "to");
	hit->why = "range";
	return true;
}

/* "25 x 7 m", "3 × 4 metres": an "x" between two numbers, a unit after
 * them, gives dimensions. */
static bool rule_by(const struct tn_ctx *c, size_t i, struct buf *out, struct tn_hit *hit)
{
	const struct tn_tok *t = &c->tok[i];
	if (!i || i + 2 >= c->n || !(tn_eq(t->raw, t->rawlen, "x") ||
				     tn_eq(t->raw, t->rawlen, "\xc3\x97")))
		return false;
	const struct tn_tok *p = &c->tok[i - 1], *nx = &c->tok[i + 1], *u = &c->tok[i + 2];
	if (!p->bare || !nx->bare || !only_digits(p->s, p->len) || !only_digits(nx->s, nx->len) ||
	    !tn_is_unit(c, u->s, u->len))
		return false;
	tn_word(out, "by");
	hit->why = "dimensions";
	return true;
}

/* ---- the rule table ---- */

static bool piece_rule(const struct tn_ctx *c, size_t i, struct buf *out, struct tn_hit *hit,
		       piece_fn *fn, const char *why)
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
PIECE_RULE(range, range)
PIECE_RULE(years, year_span)
PIECE_RULE(compound, compound)
PIECE_RULE(alnum, alnum)
PIECE_RULE(math, math)
PIECE_RULE(serial, serial)
PIECE_RULE(dimensions, dimensions)

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
	{ "range", rule_dash },
	{ "dimensions", rule_by },
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
