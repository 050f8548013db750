/*
 * tn_ranges: ranges, scores, odds and spans of years, "2019-2022" "10-15%"
 * "$30-35" "won 2-1" "the 100-1 outsider" "2004/05" "4:00 am - 8:12 pm" (a
 * normalizer rule module; see tn.h).
 *
 * A pair of numbers joined by a dash is a range ("to", or "and" after
 * "between"), unless it is a score (it counts down, is level, stands by a
 * word of scores.yaml, another score or between team names), read with a
 * pause; the word lists are YAML data (scores.yaml).
 */
#include "tn.h"

#include <string.h>

/* What a half of a range or compound may be. */
static tn_piece_fn *const range_pieces[] = { tn_money, tn_time, tn_measure, tn_plain_number };

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
	if (!tn_only_digits(a, an) || !tn_only_digits(b, bn) || a[0] == '0' || (bn > 1 && b[0] == '0'))
		return false;
	if (tn_year_like(a, an) && bn == 2)
		return false;
	return cmp_digits(b, bn, a, an) < 0;
}

/* "6-7", "(4-7)": two numbers of at most two digits joined by a dash. */
static bool score_shaped(const struct tn_tok *t)
{
	size_t sl, at = range_split(t->s, t->len, &sl);
	return at && sl == 1 && at <= 2 && tn_only_digits(t->s, at) && t->len - at - 1 <= 2 &&
	       tn_only_digits(t->s + at + 1, t->len - at - 1);
}

/* Token i, "a-b" of small numbers, is a score: level ("1-1"), with a
 * score word around it ("won 2-0", "a 3-1 win"), another score beside it
 * ("6-7 (4-7) 7-6") or between team names ("Leeds 2-3 Hull"). */
static bool score(const struct tn_ctx *c, const char *a, size_t an, const char *b, size_t bn)
{
	size_t i = c->at;
	if (an > 2 || bn > 2 || !tn_only_digits(a, an) || !tn_only_digits(b, bn) || i >= c->n)
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
int tn_range(const struct tn_ctx *c, const char *s, size_t n, const struct tn_tok *next,
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
int tn_year_span(const struct tn_ctx *c, const char *s, size_t n,
		     const struct tn_tok *next, struct buf *out)
{
	size_t sl = 0, at = 4;
	if (n < 6 || !tn_year_like(s, 4) || c->quantity)
		return 0;
	if (s[4] == '/' || s[4] == '-')
		sl = 1;
	else if (n > 7 && !memcmp(s + 4, "\xe2\x80\x93", 3))
		sl = 3;
	const char *b = s + at + sl;
	size_t bn = n - at - sl;
	if (!sl || !tn_only_digits(b, bn) || (bn != 2 && bn != 4 && !(bn == 1 && s[4] == '/')))
		return 0;
	if (next && tn_is_unit(c, next->s, next->len))
		return 0;
	unsigned y = digits_value(s, 4), z = digits_value(b, bn);
	unsigned full = bn == 4 ? z : bn == 2 ? y / 100 * 100 + z : y / 10 * 10 + z;
	if (full <= y || full > y + 100 || (bn == 4 && !tn_year_like(b, 4)))
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

/* A dash standing between two times or numbers: "4:00 am - 8:12 pm". */
bool tn_rule_dash(const struct tn_ctx *c, size_t i, struct buf *out, struct tn_hit *hit)
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
