/*
 * tn_address: street addresses, "1428 Elm St", "708 N 1st St, San Jose,
 * CA 95112" (a normalizer rule module; see tn.h).
 *
 * A house number followed by a capitalized street name and a street type
 * ("St", "Ave", "Road") is an address: the number is read the way house
 * numbers are said ("fourteen twenty eight", "one twenty three"), directions
 * and the street type in full.  After a comma, a two-letter state code is
 * said in full, and a five-digit ZIP code after one digit by digit.  The
 * words are YAML data (addresses.yaml).
 */
#include "tn.h"

#include <string.h>

static bool digits_only(const char *s, size_t n)
{
	for (size_t k = 0; k < n; k++)
		if (!tn_isdigit(s[k]))
			return false;
	return n > 0;
}

/* "1st", "42nd": an ordinal street name. */
static bool ordinal_name(const struct tn_tok *t)
{
	size_t k = 0;
	while (k < t->len && tn_isdigit(t->s[k]))
		k++;
	return k && k <= 3 && t->len == k + 2 &&
	       tn_eq(t->s + k, 2, tn_ordinal_suffix(t->s, k));
}

/* House numbers: "12", "123" one twenty three, "708" seven oh eight,
 * "1428" fourteen twenty eight, longer ones digit by digit. */
static void house_number(const char *s, size_t n, struct buf *out)
{
	if (n == 3 && (s[1] != '0' || s[2] != '0')) {
		tn_cardinal(out, s, 1);
		if (s[1] == '0')
			tn_word(out, "oh");
		tn_cardinal(out, s + 1 + (s[1] == '0'), 2 - (s[1] == '0'));
	} else if (n == 4) {
		tn_year(out, s, 4);
	} else if (n > 4) {
		tn_digits(out, s, n);
	} else {
		tn_cardinal(out, s, n);
	}
}

/* What may follow a street type: nothing, or its own punctuation, or a
 * capital or a number ("Elm St London"), not a lower-case word ("250
 * Wall Street bankers"). */
static bool address_ends(const struct tn_ctx *c, size_t j)
{
	const struct tn_tok *t = &c->tok[j];
	if (j + 1 >= c->n || !t->bare)
		return true;
	const struct tn_tok *nx = &c->tok[j + 1];
	return !nx->len || tn_isupper(nx->s[0]) || tn_isdigit(nx->s[0]);
}

/* The index of the street type ending an address that starts at house
 * number i, or 0. */
static size_t street_end(const struct tn_ctx *c, size_t i)
{
	size_t names = 0;
	for (size_t j = i + 1; j < c->n && j <= i + 5; j++) {
		const struct tn_tok *t = &c->tok[j];
		if (!t->len)
			return 0;
		if (names && tn_data_get(c->d, TN_STREET_TYPES, t->s, t->len))
			return address_ends(c, j) ? j : 0;
		if (!c->tok[j - 1].bare)
			return 0;
		if (tn_data_get(c->d, TN_DIRECTIONS, t->s, t->len))
			continue;
		if (!tn_isupper(t->s[0]) && !ordinal_name(t))
			return 0;
		names++;
	}
	return 0;
}

bool tn_rule_address(const struct tn_ctx *c, size_t i, struct buf *out, struct tn_hit *hit)
{
	const struct tn_tok *t = &c->tok[i];
	size_t end;
	if (!t->bare || t->len > 5 || t->s[0] == '0' || !digits_only(t->s, t->len) ||
	    !(end = street_end(c, i)))
		return false;
	house_number(t->s, t->len, out);
	for (size_t j = i + 1; j <= end; j++) {
		const struct tn_tok *w = &c->tok[j];
		const struct tn_entry *e;
		if (j == end)
			e = tn_data_get(c->d, TN_STREET_TYPES, w->s, w->len);
		else
			e = tn_data_get(c->d, TN_DIRECTIONS, w->s, w->len);
		if (e) {
			tn_word(out, e->say);
		} else if (ordinal_name(w)) {
			tn_ordinal(out, w->s, w->len - 2);
		} else {
			tn_word(out, "");
			buf_add(out, w->s, w->len);
		}
	}
	/* "Baker St. in London": an abbreviation's dot; "Elm St. It": a full stop */
	const struct tn_tok *st = &c->tok[end];
	hit->ate_dot = st->dot && end + 1 < c->n && c->tok[end + 1].len &&
		       !tn_isupper(c->tok[end + 1].s[0]);
	hit->ntok = end - i + 1;
	hit->why = "address";
	return true;
}

static bool after_comma(const struct tn_ctx *c, size_t i)
{
	const struct tn_tok *p = i ? &c->tok[i - 1] : NULL;
	return p && p->rawlen && p->raw[p->rawlen - 1] == ',';
}

/* "Santa Clara, CA 95051": a state code after a comma, before the end, a
 * comma or a ZIP code; "CA 95051" or "CA, 95051" reads the ZIP code too. */
bool tn_rule_us_state(const struct tn_ctx *c, size_t i, struct buf *out, struct tn_hit *hit)
{
	const struct tn_tok *t = &c->tok[i];
	const struct tn_entry *e = tn_data_get(c->d, TN_US_STATES, t->s, t->len);
	const struct tn_tok *p = i ? &c->tok[i - 1] : NULL;
	if (!e || !after_comma(c, i) || !p->len || !tn_isupper(p->s[0]))
		return false;
	const struct tn_tok *nx = i + 1 < c->n ? &c->tok[i + 1] : NULL;
	bool zip = nx && nx->len == 5 && digits_only(nx->s, 5);
	if (t->bare && nx && !zip)
		return false;
	tn_word(out, e->say);
	hit->why = e->where;
	if (zip && t->bare) {
		tn_digits(out, nx->s, 5);
		hit->ntok = 2;
	}
	return true;
}

/* "FL, 95051": a ZIP code after a state code and a comma. */
bool tn_rule_zip(const struct tn_ctx *c, size_t i, struct buf *out, struct tn_hit *hit)
{
	const struct tn_tok *t = &c->tok[i];
	if (t->len != 5 || !digits_only(t->s, 5) || !after_comma(c, i))
		return false;
	const struct tn_tok *p = &c->tok[i - 1];
	if (!tn_data_get(c->d, TN_US_STATES, p->s, p->len))
		return false;
	tn_digits(out, t->s, 5);
	hit->why = "address";
	return true;
}
