/*
 * tn_codes: words made of numbers and letters, "19th-century" "UK-based"
 * "Hartz-IV" "A380" "ITV1" "2Q22" "45/118362/2005" "2+2=5" "4x100m" "25 x
 * 7 m" (a normalizer rule module; see tn.h).
 *
 * Numbers inside are read (a model number after letters in pairs, "three
 * eighty"; long runs digit by digit), initialisms from the YAML tables
 * spelled, other letters kept for the engine.
 */
#include "tn.h"

#include <string.h>

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
int tn_compound(const struct tn_ctx *c, const char *s, size_t n,
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
	} else if (n == 4 && tn_year_like(s, 4)) {
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
	    !tn_only_digits(s + 2, n - 2))
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
int tn_alnum(const struct tn_ctx *c, const char *s, size_t n, const struct tn_tok *next,
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
			tn_pluralize(out);
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
int tn_serial(const struct tn_ctx *c, const char *s, size_t n, const struct tn_tok *next,
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
		if (tn_only_digits(g, gn) && gn >= 5)
			tn_digits(out, g, gn);
		else if (tn_only_digits(g, gn))
			tn_cardinal(out, g, gn);
		else if (!tn_alnum(c, g, gn, NULL, out) && !tn_say_caps(c, g, gn, out))
			tn_word(out, ""), buf_add(out, g, gn);
		if (k < n && s[k] == '/')
			tn_word(out, "slash");
		st = k + 1;
	}
	return 1;
}

/* "1-2=5", "2+3": an equation of plain numbers. */
int tn_math(const struct tn_ctx *c, const char *s, size_t n, const struct tn_tok *next,
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
int tn_dimensions(const struct tn_ctx *c, const char *s, size_t n,
		      const struct tn_tok *next, struct buf *out)
{
	const char *x = memchr(s, 'x', n);
	if (!x || x == s || x + 1 == s + n)
		return 0;
	size_t a = (size_t)(x - s), b = n - a - 1;
	struct tn_ctx q = *c;
	q.quantity = true;
	if (!tn_only_digits(s, a))
		return 0;
	if (tn_only_digits(x + 1, b) && next && tn_is_unit(c, next->s, next->len)) {
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


/* "25 x 7 m", "3 × 4 metres": an "x" between two numbers, a unit after
 * them, gives dimensions. */
bool tn_rule_by(const struct tn_ctx *c, size_t i, struct buf *out, struct tn_hit *hit)
{
	const struct tn_tok *t = &c->tok[i];
	if (!i || i + 2 >= c->n || !(tn_eq(t->raw, t->rawlen, "x") ||
				     tn_eq(t->raw, t->rawlen, "\xc3\x97")))
		return false;
	const struct tn_tok *p = &c->tok[i - 1], *nx = &c->tok[i + 1], *u = &c->tok[i + 2];
	if (!p->bare || !nx->bare || !tn_only_digits(p->s, p->len) || !tn_only_digits(nx->s, nx->len) ||
	    !tn_is_unit(c, u->s, u->len))
		return false;
	tn_word(out, "by");
	hit->why = "dimensions";
	return true;
}
