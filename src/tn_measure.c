/*
 * tn_measure: measures and fractions, "12kg" "16 ℃" "5-km" "km/h" "10%"
 * "1/2" "2½" "4 1/2 lbs" (a normalizer rule module; see tn.h).
 *
 * Unit words come from the "units" table as [singular, plural]; the plural
 * is used unless the number is exactly one, and the singular in adjectival
 * compounds ("a 5-km race").  A unit after a slash reads "per" and the
 * singular of the "units" or "per" table ("km/h" may also be its own entry).
 */
#include "tn.h"

#include "unicode.h"

#include <string.h>

/* Unicode vulgar fractions; what they stand for is arithmetic, not words. */
static const struct {
	const char *ch, *frac;
} vulgar[] = {
	{ "½", "1/2" }, { "⅓", "1/3" }, { "⅔", "2/3" }, { "¼", "1/4" }, { "¾", "3/4" },
	{ "⅕", "1/5" }, { "⅖", "2/5" }, { "⅗", "3/5" }, { "⅘", "4/5" }, { "⅙", "1/6" },
	{ "⅚", "5/6" }, { "⅛", "1/8" }, { "⅜", "3/8" }, { "⅝", "5/8" }, { "⅞", "7/8" },
};

static const struct tn_entry *unit_get(const struct tn_ctx *c, const char *s, size_t n)
{
	const struct tn_entry *e = tn_data_get(c->d, TN_UNITS, s, n);
	if (e || n > 16 || n < 2)
		return e;
	char low[17];
	for (size_t i = 0; i < n; i++)
		low[i] = tn_isupper(s[i]) ? (char)(s[i] + 32) : s[i];
	return tn_data_get(c->d, TN_UNITS, low, n);
}

/* Says the unit s[0..n), possibly "a/b"; false when it is not a unit. */
static bool say_unit(const struct tn_ctx *c, const char *s, size_t n, bool singular,
		     struct buf *out)
{
	const struct tn_entry *e = unit_get(c, s, n), *per = NULL;
	const char *slash = memchr(s, '/', n);
	if (!e && slash) {
		size_t a = (size_t)(slash - s), b = n - a - 1;
		e = a ? unit_get(c, s, a) : NULL;
		per = unit_get(c, slash + 1, b);
		if (!per)
			per = tn_data_get(c->d, TN_PER, slash + 1, b);
		if ((a && !e) || !per)
			return false;
	}
	if (!e && !per)
		return false;
	if (e)
		tn_word(out, singular || !e->plural ? e->say : e->plural);
	if (per) {
		tn_word(out, "per");
		tn_word(out, per->say);
	}
	return true;
}

/* "20m euros", "18m people": the letter after the number is a magnitude
 * (million), not a unit, when a counted noun follows. */
bool tn_counted(const struct tn_ctx *c, const char *u, size_t un, const struct tn_tok *next)
{
	return next && next->len && tn_data_get(c->d, TN_MAGNITUDES, u, un) &&
	       tn_data_get(c->d, TN_COUNTED, next->s, next->len);
}

/* Units left out of the table because they are also words, read here only
 * when written against the number: "in" ("6ft 2in", "a 17in screen"), "st"
 * (stone) in a weight ("weighs 10st", "9st 4lb") where it cannot be an
 * ordinal suffix (not "21st"). */
static bool height_weight(const struct tn_ctx *c, const struct tn_num *num, const char *u,
			  size_t un, bool singular, struct buf *out)
{
	const struct tn_tok *p = c->at && c->at < c->n ? &c->tok[c->at - 1] : NULL;
	if (tn_eq(u, un, "in")) {     /* glued to its number, never the word "in" */
		tn_word(out, singular ? "inch" : "inches");
		return true;
	}
	const struct tn_tok *nx = c->at + 1 < c->n ? &c->tok[c->at + 1] : NULL;
	bool weight = (p && p->len > 5 && tn_eq(p->s, 5, "weigh")) ||
		      (nx && nx->len > 2 && tn_eq(nx->s + nx->len - 2, 2, "lb"));
	if (tn_eq(u, un, "st") && !num->fp && weight &&
	    !tn_eq("st", 2, tn_ordinal_suffix(num->ip, num->ilen))) {
		tn_word(out, "stone");
		return true;
	}
	return false;
}

int tn_measure(const struct tn_ctx *c, const char *s, size_t n, const struct tn_tok *next,
	       struct buf *out)
{
	size_t i = 0, before = out->len;
	struct tn_num num;
	bool neg = n > 1 && s[0] == '-';
	i += neg;
	size_t used = tn_scan_number(s + i, n - i, &num);
	if (!used || i + used == n)
		return 0;
	i += used;
	if (tn_counted(c, s + i, n - i, next))
		return 0;
	bool adj = s[i] == '-' && i + 1 < n;
	i += adj;
	if (neg)
		tn_word(out, "minus");
	if (num.ilen == 4 && !num.fp && !num.commas && num.ip[0] != '0' && num.ip[1] != '0' &&
	    num.ip[2] == '0' && num.ip[3] == '0')
		tn_year(out, num.ip, 4);     /* "1500m": fifteen hundred meters */
	else
		tn_number(out, &num);
	if (s[i] == '/' && i + 1 < n) {
		/* "12/kg": twelve per kilogram */
		const struct tn_entry *e = unit_get(c, s + i + 1, n - i - 1);
		if (e && !adj) {
			tn_word(out, "per");
			tn_word(out, e->say);
			return 1;
		}
	}
	bool whole = next && c->at < c->n && s + n == c->tok[c->at].s + c->tok[c->at].len;
	adj = adj || (whole && tn_adjective(c, c->at + 1));
	if (!say_unit(c, s + i, n - i, adj || tn_num_is_one(&num), out) &&
	    !height_weight(c, &num, s + i, n - i, adj || tn_num_is_one(&num), out)) {
		buf_truncate(out, before);
		return 0;
	}
	return 1;
}

/* "a/b" as a fraction; whole > 0 gives "two and a half". */
static bool say_fraction(const char *a, size_t an, const char *b, size_t bn, bool mixed,
			 struct buf *out)
{
	bool one = an == 1 && a[0] == '1';
	bool two = bn == 1 && b[0] == '2', four = bn == 1 && b[0] == '4';
	if (mixed)
		tn_word(out, "and");
	if (mixed && one && (two || four))
		tn_word(out, "a");
	else
		tn_cardinal(out, a, an);
	if (bn == 1 && b[0] == '1') {
		tn_word(out, "over one");
		return true;
	}
	if (two || four) {
		tn_word(out, two ? (one ? "half" : "halves") : (one ? "quarter" : "quarters"));
		return true;
	}
	tn_ordinal(out, b, bn);
	if (!one)
		buf_addc(out, 's');
	return true;
}

/* Parses "a/b" (b may carry its ordinal suffix, "1/4th"). */
static bool parse_fraction(const char *s, size_t n, size_t *an, const char **b, size_t *bn)
{
	size_t i = 0;
	while (i < n && tn_isdigit(s[i]))
		i++;
	if (!i || i > 9 || i + 1 >= n || s[i] != '/')
		return false;
	*an = i;
	*b = s + i + 1;
	size_t j = i + 1;
	while (j < n && tn_isdigit(s[j]))
		j++;
	*bn = j - i - 1;
	if (!*bn || *bn > 9 || (*b)[0] == '0')
		return false;
	if (j < n && ((n - j != 2 && (n - j != 3 || s[n - 1] != 's')) ||
		      !tn_eq(s + j, 2, tn_ordinal_suffix(*b, *bn))))
		return false;     /* "1/4th", "2/3rds" */
	return true;
}

static int fraction_at(const char *s, size_t n, bool mixed, struct buf *out)
{
	size_t an, bn;
	const char *b;
	for (size_t v = 0; v < sizeof(vulgar) / sizeof(vulgar[0]); v++) {
		size_t vl = strlen(vulgar[v].ch);
		if (n == vl && !memcmp(s, vulgar[v].ch, vl)) {
			s = vulgar[v].frac;
			n = 3;
			break;
		}
	}
	if (!parse_fraction(s, n, &an, &b, &bn))
		return 0;
	say_fraction(s, an, b, bn, mixed, out);
	return 1;
}

int tn_fraction(const struct tn_ctx *c, const char *s, size_t n, const struct tn_tok *next,
		struct buf *out)
{
	(void)c;
	(void)next;
	size_t i = 0;
	while (i < n && tn_isdigit(s[i]))
		i++;
	if (i && i < n && (unsigned char)s[i] >= 0x80) {
		/* "2½" */
		size_t before = out->len;
		tn_cardinal(out, s, i);
		if (fraction_at(s + i, n - i, true, out))
			return 1;
		buf_truncate(out, before);
		return 0;
	}
	return fraction_at(s, n, false, out);
}

bool tn_rule_mixed_fraction(const struct tn_ctx *c, size_t i, struct buf *out,
			    struct tn_hit *hit)
{
	const struct tn_tok *t = &c->tok[i];
	if (i + 1 >= c->n || !t->bare || !t->len || t->len > 9)
		return false;
	for (size_t k = 0; k < t->len; k++)
		if (!tn_isdigit(t->s[k]))
			return false;
	size_t before = out->len;
	tn_cardinal(out, t->s, t->len);
	if (!fraction_at(c->tok[i + 1].s, c->tok[i + 1].len, true, out)) {
		buf_truncate(out, before);
		return false;
	}
	hit->ntok = 2;
	hit->why = "fraction";
	if (i + 2 < c->n && c->tok[i + 1].bare &&
	    say_unit(c, c->tok[i + 2].s, c->tok[i + 2].len, false, out))
		hit->ntok = 3;
	return true;
}

static bool odds_word(const struct tn_ctx *c, enum tn_table t, size_t i)
{
	return i < c->n && c->tok[i].len && tn_data_get(c->d, t, c->tok[i].s, c->tok[i].len);
}

/* "5/2 favourite", "odds of 10/1": betting odds, "five to two". */
bool tn_rule_odds(const struct tn_ctx *c, size_t i, struct buf *out, struct tn_hit *hit)
{
	const struct tn_tok *t = &c->tok[i];
	size_t an, bn;
	const char *b;
	if (!parse_fraction(t->s, t->len, &an, &b, &bn) || an > 3 || b + bn != t->s + t->len)
		return false;
	bool after = t->bare && odds_word(c, TN_ODDS_AFTER, i + 1);
	bool before = (i >= 1 && odds_word(c, TN_ODDS_BEFORE, i - 1)) ||
		      (i >= 2 && c->tok[i - 2].bare && odds_word(c, TN_ODDS_BEFORE, i - 2));
	if (!after && !before)
		return false;
	tn_cardinal(out, t->s, an);
	tn_word(out, "to");
	tn_cardinal(out, b, bn);
	hit->why = "odds";
	return true;
}

static bool digits_then(const struct tn_tok *t, char mark)
{
	if (!t->len || t->len > 2 || t->s + t->len >= t->raw + t->rawlen ||
	    t->s[t->len] != mark)
		return false;
	for (size_t k = 0; k < t->len; k++)
		if (!tn_isdigit(t->s[k]))
			return false;
	return true;
}

/* "5' 10\"": a height in feet and inches. */
bool tn_rule_feet_inches(const struct tn_ctx *c, size_t i, struct buf *out, struct tn_hit *hit)
{
	if (i + 1 >= c->n || !digits_then(&c->tok[i], '\'') || !digits_then(&c->tok[i + 1], '"'))
		return false;
	const struct tn_tok *a = &c->tok[i], *b = &c->tok[i + 1];
	tn_cardinal(out, a->s, a->len);
	tn_word(out, a->len == 1 && a->s[0] == '1' ? "foot" : "feet");
	tn_cardinal(out, b->s, b->len);
	tn_word(out, b->len == 1 && b->s[0] == '1' ? "inch" : "inches");
	hit->ntok = 2;
	hit->why = "measure";
	return true;
}

/* A unit written apart from its number: "16 ℃", "5 km", "100 million kg". */
bool tn_rule_unit_word(const struct tn_ctx *c, size_t i, struct buf *out, struct tn_hit *hit)
{
	const struct tn_tok *t = &c->tok[i], *p = i ? &c->tok[i - 1] : NULL;
	if (!p || !p->bare || !p->len || !t->len)
		return false;
	bool after_number = tn_isdigit(p->s[p->len - 1]) ||
			    tn_data_get(c->d, TN_MAGNITUDES, p->s, p->len);
	bool one = (p->len == 1 && p->s[0] == '1') || (p->len == 2 && !memcmp(p->s, "-1", 2));
	const struct tn_entry *cur = after_number && (unsigned char)t->s[0] >= 0x80 ?
				     tn_data_get(c->d, TN_CURRENCIES, t->s, t->len) : NULL;
	if (cur) {
		/* "300 ₽", "50 €": a currency sign after the amount */
		tn_word(out, one || !cur->plural ? cur->say : cur->plural);
		hit->why = cur->where;
		return true;
	}
	if (!after_number || !unit_get(c, t->s, t->len))
		return false;
	say_unit(c, t->s, t->len, one, out);
	hit->why = "unit";
	return true;
}

bool tn_is_unit(const struct tn_ctx *c, const char *s, size_t n)
{
	return unit_get(c, s, n) != NULL;
}
