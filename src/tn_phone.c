/*
 * tn_phone: telephone numbers and IP addresses, read digit by digit in
 * their groups: "+1 (555) 123-4567" "plus one, five five five, one two
 * three, four five six seven"; "10.0.0.1" "one zero dot zero dot zero dot
 * one" (a normalizer rule module; see tn.h).
 *
 * A number counts as a telephone number when it has at least three groups
 * of at most four digits (or a "+" country code and two more), at least
 * seven digits after the country code, and is not a date (dates are tried
 * first).  "+44", "(555)" and "+1(555)" may stand apart from the rest.
 */
#include "tn.h"

#include <string.h>

#define MAX_GROUPS 8

struct phone {
	const char *g[MAX_GROUPS];
	size_t gn[MAX_GROUPS], ng;
	bool plus, dots_only;
};

/* A token that may begin a number split over tokens: "+1", "(555)". */
static bool opener(const struct tn_tok *t)
{
	const char *s = t->raw;
	size_t n = t->rawlen, i = 0;
	if (i < n && s[i] == '+')
		for (i++; i < n && tn_isdigit(s[i]); i++)
			;
	if (i < n && s[i] == '(') {
		size_t d = ++i;
		while (i < n && tn_isdigit(s[i]))
			i++;
		if (i == d || i >= n || s[i] != ')')
			return false;
		i++;
	}
	return i == n && n > 1;
}

static bool parse(const char *s, size_t n, struct phone *p)
{
	memset(p, 0, sizeof(*p));
	p->dots_only = true;
	size_t i = 0;
	if (n && s[0] == '+')
		p->plus = true, i = 1;
	while (i < n) {
		if (tn_isdigit(s[i])) {
			size_t st = i;
			while (i < n && tn_isdigit(s[i]))
				i++;
			if (p->ng == MAX_GROUPS || i - st > 4)
				return false;
			p->g[p->ng] = s + st;
			p->gn[p->ng++] = i - st;
			continue;
		}
		if (!strchr("-.() ", s[i]))
			return false;
		if (s[i] != '.')
			p->dots_only = false;
		i++;
	}
	return true;
}

static bool plausible(const struct phone *p)
{
	size_t digits = 0, first = p->plus ? 1 : 0;
	for (size_t k = first; k < p->ng; k++)
		digits += p->gn[k];
	if (p->plus && (p->ng < 3 || p->gn[0] > 3))
		return false;
	if (p->dots_only)
		return p->ng == 4 || (p->ng == 3 && p->gn[2] == 4 && digits >= 10);
	return p->ng - first >= 3 && digits >= 7 && digits <= 15;
}

static void say(const struct phone *p, struct buf *out)
{
	bool ip = p->dots_only && p->ng == 4 && !p->plus;
	for (size_t k = 0; k < p->ng; k++) {
		if (k)
			buf_adds(out, ip ? " dot" : ",");
		if (k == 0 && p->plus)
			tn_word(out, "plus");
		tn_digits(out, p->g[k], p->gn[k]);
	}
}

static bool digit_group(const struct tn_tok *t, size_t lo, size_t hi)
{
	if (t->len < lo || t->len > hi)
		return false;
	for (size_t k = 0; k < t->len; k++)
		if (!tn_isdigit(t->s[k]))
			return false;
	return true;
}

/* "0800 123 4567", "020 7946 0958", "+44 20 7946 0958": groups apart, the
 * first a trunk prefix starting with 0 (or after a "+" code), nine to
 * eleven digits in all. */
static bool spaced_phone(const struct tn_ctx *c, size_t i, struct buf *out, struct tn_hit *hit)
{
	const struct tn_tok *t = c->tok;
	size_t j = i, digits = 0;
	struct tn_tok code = t[i];
	code.s = t[i].raw + 1;
	code.len = t[i].rawlen - 1;
	bool plus = t[i].raw[0] == '+' && digit_group(&code, 1, 3);
	j += plus;
	if (j >= c->n || !digit_group(&t[j], 2, 5) || (!plus && t[j].s[0] != '0') ||
	    t[j].s != t[j].raw)
		return false;
	size_t end = j;
	digits = t[j].len;
	while (end + 1 < c->n && end < j + 3 && t[end].bare && digit_group(&t[end + 1], 1, 4)) {
		end++;
		digits += t[end].len;
	}
	if (end == j || digits < 9 || digits > 11)
		return false;
	if (plus) {
		tn_word(out, "plus");
		tn_digits(out, code.s, code.len);
		buf_addc(out, ',');
	}
	for (size_t k = j; k <= end; k++) {
		if (k > j)
			buf_addc(out, ',');
		tn_digits(out, t[k].s, t[k].len);
	}
	hit->ntok = end - i + 1;
	hit->why = "telephone";
	return true;
}

bool tn_rule_phone(const struct tn_ctx *c, size_t i, struct buf *out, struct tn_hit *hit)
{
	if (spaced_phone(c, i, out, hit))
		return true;
	const struct tn_tok *t = c->tok;
	size_t j = i;
	while (j + 1 < c->n && j < i + 2 && opener(&t[j]))
		j++;
	const char *s = t[i].raw;
	const char *end = t[j].s + t[j].len;
	struct phone p;
	if (!tn_isdigit(t[j].s[t[j].len ? t[j].len - 1 : 0]) && t[j].len)
		return false;
	if (!t[j].len || !parse(s, (size_t)(end - s), &p) || !plausible(&p))
		return false;
	say(&p, out);
	hit->ntok = j - i + 1;
	hit->why = "telephone";
	return true;
}
