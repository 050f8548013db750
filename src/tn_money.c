/*
 * tn_money: amounts of money, "$5" "$81.50" "$5.2 billion" "£600m" "US$76.3
 * trillion" "$20/mo" (a normalizer rule module; see tn.h).
 *
 * The currency comes first, as newsreaders write it; the words come from the
 * "currencies" table, magnitudes ("bn", "m", "billion") from "magnitudes"
 * and the unit after a slash from "per".  Cents are read as cents only when
 * the amount has at most two decimals that matter ("$20.50" "twenty dollars
 * fifty cents"); otherwise the decimal is read out ("$20.506" "twenty point
 * five zero six dollars").
 */
#include "tn.h"

#include <string.h>

static const char *pick(const char *one, const char *many, bool singular)
{
	return singular || !many ? one : many;
}

/* "$": the longest currency key that is all of s[0..k), k the first digit. */
static const struct tn_entry *currency(const struct tn_ctx *c, const char *s, size_t n,
				       size_t *k)
{
	size_t i = 0;
	while (i < n && !tn_isdigit(s[i]) && s[i] != '.')
		i++;
	if (i == 0 || i == n || i > 8)
		return NULL;
	*k = i;
	return tn_data_get(c->d, TN_CURRENCIES, s, i);
}

/* Cents from the fraction digits, when there are at most two that matter. */
static bool cents_of(const struct tn_num *num, int *cents)
{
	size_t f = num->flen;
	while (f > 2 && num->fp[f - 1] == '0')
		f--;
	if (f > 2)
		return false;
	*cents = (num->fp[0] - '0') * 10 + (f > 1 ? num->fp[1] - '0' : 0);
	return true;
}

static bool digits_zero(const struct tn_num *num)
{
	for (size_t i = 0; i < num->ilen; i++)
		if (tn_isdigit(num->ip[i]) && num->ip[i] != '0')
			return false;
	return true;
}

static void say_cardinal(struct buf *out, const struct tn_num *num)
{
	struct buf dg = BUF_INIT;
	tn_num_digits(num, &dg);
	tn_cardinal(out, dg.data ? dg.data : "0", dg.len ? dg.len : 1);
	buf_release(&dg);
}

static void say_amount(const struct tn_entry *cur, const struct tn_num *num,
		       const struct tn_entry *mag, bool adj, struct buf *out)
{
	int cents = 0;
	if (mag) {
		tn_number(out, num);
		tn_word(out, mag->say);
		tn_word(out, pick(cur->say, cur->plural, adj));
		return;
	}
	if (num->fp && (!cur->minor || !cents_of(num, &cents))) {
		tn_number(out, num);
		tn_word(out, pick(cur->say, cur->plural, adj));
		return;
	}
	if (adj && !num->fp) {
		say_cardinal(out, num);
		tn_word(out, cur->say);
		return;
	}
	bool zero = digits_zero(num);
	if (!zero || cents == 0) {
		say_cardinal(out, num);
		tn_word(out, pick(cur->say, cur->plural, tn_num_is_one(num) ||
				  (num->ilen == 1 && num->ip[0] == '1')));
	}
	if (cents) {
		char d[3] = { (char)('0' + cents / 10), (char)('0' + cents % 10), 0 };
		tn_cardinal(out, d, 2);
		tn_word(out, pick(cur->minor, cur->minor_plural, cents == 1));
	}
}

static bool in_table(const struct tn_ctx *c, enum tn_table t, const struct tn_tok *w)
{
	return w->len && tn_data_get(c->d, t, w->s, w->len);
}

bool tn_adjective(const struct tn_ctx *c, size_t after)
{
	size_t i = c->at;
	if (!i || i >= c->n || after >= c->n || !c->tok[after - 1].bare)
		return false;
	const struct tn_tok *p = &c->tok[i - 1], *w = &c->tok[after];
	return p->bare && in_table(c, TN_DETERMINERS, p) && w->len && tn_islower(w->s[0]) &&
	       !in_table(c, TN_NOT_NOUNS, w);
}

/* "/mo" after an amount: " per month". */
static bool per_unit(const struct tn_ctx *c, const char *s, size_t n, struct buf *out)
{
	if (n < 2 || s[0] != '/')
		return false;
	const struct tn_entry *e = tn_data_get(c->d, TN_PER, s + 1, n - 1);
	if (!e)
		e = tn_data_get(c->d, TN_UNITS, s + 1, n - 1);
	if (!e)
		return false;
	tn_word(out, "per");
	tn_word(out, e->say);
	return true;
}

/* "300₽", "50€", "2,5bn€" is not: a number, perhaps a magnitude, and a
 * currency sign written after it. */
static int money_after(const struct tn_ctx *c, const char *s, size_t n, struct buf *out)
{
	struct tn_num num;
	size_t used = tn_scan_number(s, n, &num);
	if (!used || used == n || (unsigned char)s[used] < 0x80)
		return 0;
	const struct tn_entry *cur = tn_data_get(c->d, TN_CURRENCIES, s + used, n - used);
	if (!cur)
		return 0;
	say_amount(cur, &num, NULL, false, out);
	return 1;
}

int tn_money(const struct tn_ctx *c, const char *s, size_t n, const struct tn_tok *next,
	     struct buf *out)
{
	size_t k = 0, before = out->len;
	const struct tn_entry *cur = currency(c, s, n, &k), *mag = NULL;
	struct tn_num num;
	if (!cur)
		return money_after(c, s, n, out);
	size_t used = k + tn_scan_number(s + k, n - k, &num);
	if (used == k)
		return 0;
	size_t rest = used;
	while (rest < n && tn_isalpha(s[rest]))
		rest++;
	if (rest > used) {
		mag = tn_data_get(c->d, TN_MAGNITUDES, s + used, rest - used);
		if (!mag)
			return 0;
	}
	int rc = 1;
	if (!mag && rest == n && next && next->len &&
	    (mag = tn_data_get(c->d, TN_MAGNITUDES, next->s, next->len)))
		rc = 2;
	bool whole = next && s + n == c->tok[c->at].s + c->tok[c->at].len;
	say_amount(cur, &num, mag, whole && tn_adjective(c, c->at + (size_t)rc), out);
	if (rest < n && (rc == 2 || !per_unit(c, s + rest, n - rest, out))) {
		buf_truncate(out, before);
		return 0;
	}
	return rc;
}
