/*
 * tn_datetime: dates and times, "2022-06-19" "19 June 2022" "June 19, 2022"
 * "Jan. 5" "7:45 a.m." "14:30" "06:09:38" "9am" (a normalizer rule module;
 * see tn.h).
 *
 * Month-first dates read "June nineteenth twenty twenty two"; day-first ones
 * "the nineteenth of June twenty twenty two", as written.  All-number dates
 * are read month first unless the first part cannot be a month (15/01/2020).
 * Invalid dates (2022-13-45) are not dates; other rules read them.  Month
 * and weekday names come from the "months" table.
 */
#include "tn.h"

#include <string.h>

static int value(const char *s, size_t n)
{
	int v = 0;
	for (size_t i = 0; i < n && i < 6; i++)
		v = v * 10 + (s[i] - '0');
	return v;
}

static bool all_digits(const char *s, size_t n)
{
	if (!n)
		return false;
	for (size_t i = 0; i < n; i++)
		if (!tn_isdigit(s[i]))
			return false;
	return true;
}

/* "a.m", "pm", "a.m." at s[0..n) (case-insensitive): 'a', 'p' or 0. */
static char meridiem(const char *s, size_t n)
{
	while (n && s[n - 1] == '.')
		n--;
	if (n == 2 && (s[1] == 'm' || s[1] == 'M'))
		;
	else if (n == 3 && s[1] == '.' && (s[2] == 'm' || s[2] == 'M'))
		;
	else
		return 0;
	return s[0] == 'a' || s[0] == 'A' ? 'a' : s[0] == 'p' || s[0] == 'P' ? 'p' : 0;
}

static void say_unit_count(struct buf *out, const char *d, size_t n, const char *unit)
{
	tn_cardinal(out, d, n);
	tn_word(out, unit);
	if (value(d, n) != 1)
		buf_addc(out, 's');
}

static void say_clock(struct buf *out, const char *h, size_t hn, const char *m, char ampm)
{
	tn_cardinal(out, h, hn);
	if (m[0] == '0' && m[1] == '0') {
		if (!ampm)
			tn_word(out, "o'clock");
	} else if (m[0] == '0') {
		tn_word(out, "oh");
		tn_cardinal(out, m + 1, 1);
	} else {
		tn_cardinal(out, m, 2);
	}
}

/* "1900 GMT" nineteen hundred, "0830 BST" oh eight thirty: a 24-hour
 * clock time written without a colon, before a time zone. */
static int zoned_time(const struct tn_ctx *c, const char *s, size_t n,
		      const struct tn_tok *next, struct buf *out)
{
	if (n != 4 || !all_digits(s, 4) || !next ||
	    !tn_data_get(c->d, TN_TIME_ZONES, next->s, next->len) ||
	    value(s, 2) > 23 || value(s + 2, 2) > 59)
		return 0;
	if (s[0] == '0')
		tn_word(out, "oh");
	tn_cardinal(out, s + (s[0] == '0'), 2 - (s[0] == '0'));
	if (s[2] == '0' && s[3] == '0') {
		tn_word(out, "hundred");
	} else {
		if (s[2] == '0')
			tn_word(out, "oh");
		tn_cardinal(out, s + 2 + (s[2] == '0'), 2 - (s[2] == '0'));
	}
	return 1;
}

/* "3:49.78", "2:06:05.4": a race time, minutes (and hours) and seconds
 * with hundredths: "three minutes forty nine point seven eight seconds". */
static int race_time(const char *s, size_t n, struct buf *out)
{
	const char *f[3];
	size_t fn[3], k = 0, st = 0, i = 0;
	for (; i < n && s[i] != '.'; i++) {
		if (s[i] == ':') {
			if (k == 2)
				return 0;
			f[k] = s + st;
			fn[k++] = i - st;
			st = i + 1;
		}
	}
	if (!k || i + 1 >= n || n - i - 1 > 3 || !all_digits(s + i + 1, n - i - 1))
		return 0;
	f[k] = s + st;
	fn[k++] = i - st;
	for (size_t j = 0; j < k; j++)
		if (!all_digits(f[j], fn[j]) || fn[j] > 2 || (j && (fn[j] != 2 || value(f[j], 2) > 59)))
			return 0;
	static const char *const units[] = { "hour", "minute" };
	for (size_t j = 0; j + 1 < k; j++)
		say_unit_count(out, f[j], fn[j], units[j + 3 - k]);
	tn_cardinal(out, f[k - 1], fn[k - 1]);
	tn_word(out, "point");
	tn_digits(out, s + i + 1, n - i - 1);
	tn_word(out, "seconds");
	return 1;
}

int tn_time(const struct tn_ctx *c, const char *s, size_t n, const struct tn_tok *next,
	    struct buf *out)
{
	if (race_time(s, n, out))
		return 1;
	size_t i = 0, hn, sec = 0;
	if (zoned_time(c, s, n, next, out))
		return 1;
	while (i < n && tn_isdigit(s[i]))
		i++;
	hn = i;
	if (!hn || hn > 2)
		return 0;
	const char *m = NULL;
	char sep = i < n ? s[i] : 0;
	if ((sep == ':' || sep == '.') && i + 3 <= n && all_digits(s + i + 1, 2) && (i + 3 == n || !tn_isdigit(s[i + 3]))) {
		m = s + i + 1;
		i += 3;
		if (sep == ':' && i + 3 <= n && s[i] == ':' && all_digits(s + i + 1, 2)) {
			sec = i + 1;
			i += 3;
		}
	}
	if (sep == ':' && !m && i + 2 == n && tn_isdigit(s[i + 1])) {
		/* "2:1", a ratio or a score */
		tn_cardinal(out, s, hn);
		tn_word(out, "to");
		tn_cardinal(out, s + i + 1, 1);
		return 1;
	}
	char ampm = meridiem(s + i, n - i);
	int rc = 1;
	if (i < n && !ampm)
		return 0;
	if (!ampm && next && (ampm = meridiem(next->s, next->len + next->dot)))
		rc = 2;
	int h = value(s, hn);
	if ((!m && !ampm) || (sep == '.' && m && !ampm) || h > 24 || (ampm && (h > 12 || !h)) ||
	    (m && value(m, 2) > 59) || (sec && value(s + sec, 2) > 59))
		return 0;
	if (sec) {
		say_unit_count(out, s, hn, "hour");
		say_unit_count(out, m, 2, "minute");
		tn_word(out, "and");
		say_unit_count(out, s + sec, 2, "second");
	} else if (m) {
		say_clock(out, s, hn, m, ampm);
	} else {
		tn_cardinal(out, s, hn);
	}
	if (ampm)
		tn_word(out, ampm == 'a' ? "a.m." : "p.m.");
	return rc;
}

static const struct tn_entry *month_of(const struct tn_ctx *c, const char *s, size_t n)
{
	if (all_digits(s, n)) {
		static const char *const names[] = { "jan", "feb", "mar", "apr", "may", "jun",
						     "jul", "aug", "sep", "oct", "nov", "dec" };
		int v = value(s, n);
		if (n > 2 || v < 1 || v > 12)
			return NULL;
		return tn_data_get(c->d, TN_MONTHS, names[v - 1], 3);
	}
	return tn_data_get(c->d, TN_MONTHS, s, n);
}

static void say_year(struct buf *out, const char *y, size_t n)
{
	if (n == 2 && y[0] == '0') {
		tn_digits(out, y, 2);
	} else {
		tn_year(out, y, n);
	}
}

/* One date; y may be NULL.  Day-first dates say "the Dth of Month" (the
 * "the" left out when the text has it already). */
static void say_date(struct buf *out, const struct tn_entry *mon, const char *d, size_t dn,
		     const char *y, size_t yn, int day_first)
{
	if (day_first) {
		if (day_first == 1)
			tn_word(out, "the");
		tn_ordinal(out, d, dn);
		tn_word(out, "of");
		tn_word(out, mon->say);
	} else {
		tn_word(out, mon->say);
		tn_ordinal(out, d, dn);
	}
	if (y)
		say_year(out, y, yn);
}

static bool day_ok(const char *d, size_t n)
{
	return all_digits(d, n) && n <= 2 && value(d, n) >= 1 && value(d, n) <= 31;
}

int tn_date_numeric(const struct tn_ctx *c, const char *s, size_t n,
		    const struct tn_tok *next, struct buf *out)
{
	(void)next;
	const char *p[4];
	size_t pn[4], k = 0, start = 0;
	char sep = 0;
	for (size_t i = 0; i <= n; i++) {
		if (i < n && s[i] != '-' && s[i] != '/' && s[i] != '.')
			continue;
		if (k == 3 || (sep && i < n && s[i] != sep))
			return 0;
		if (i < n)
			sep = s[i];
		p[k] = s + start;
		pn[k++] = i - start;
		start = i + 1;
	}
	if (k < 2 || (k == 2 && sep != '-'))
		return 0;
	const struct tn_entry *mon;
	if (k == 3 && pn[0] == 4 && all_digits(p[0], 4) && (mon = month_of(c, p[1], pn[1])) &&
	    day_ok(p[2], pn[2])) {
		say_date(out, mon, p[2], pn[2], p[0], 4, 0);
		return 1;
	}
	bool year_ok = k == 2 || ((pn[2] == 4 || pn[2] == 2) && all_digits(p[2], pn[2]));
	if (!year_ok)
		return 0;
	const char *y = k == 3 ? p[2] : NULL;
	if ((mon = month_of(c, p[0], pn[0])) && day_ok(p[1], pn[1]) &&
	    (k == 3 || !all_digits(p[0], pn[0]))) {
		say_date(out, mon, p[1], pn[1], y, y ? pn[2] : 0, 0);
		return 1;
	}
	if (k == 3 && (mon = month_of(c, p[1], pn[1])) && day_ok(p[0], pn[0])) {
		say_date(out, mon, p[0], pn[0], y, y ? pn[2] : 0, 1);
		return 1;
	}
	return 0;
}

/* A day written as "19", "19th" or "19," at token t; its digits in *dn. */
static bool day_token(const struct tn_tok *t, size_t *dn)
{
	size_t i = 0;
	while (i < t->len && tn_isdigit(t->s[i]))
		i++;
	if (!day_ok(t->s, i))
		return false;
	if (i < t->len && (t->len - i != 2 || !tn_eq(t->s + i, 2, tn_ordinal_suffix(t->s, i))))
		return false;
	*dn = i;
	return true;
}

static bool year_token(const struct tn_tok *t)
{
	return t->len == 4 && all_digits(t->s, 4) && (t->s[0] == '1' || t->s[0] == '2');
}

/* A month token: its core is a month, and at most a '.' or ',' follows. */
static const struct tn_entry *month_token(const struct tn_ctx *c, const struct tn_tok *t)
{
	if (t->rawlen - (size_t)(t->s - t->raw) - t->len > 1 || all_digits(t->s, t->len))
		return NULL;
	return tn_data_get(c->d, TN_MONTHS, t->s, t->len);
}

/* "4-6" or "4–6" as two days: the length of the first in *an, where the
 * second starts in *b, its length in *bn. */
static bool day_span(const struct tn_tok *t, size_t *an, size_t *b, size_t *bn)
{
	size_t i = 0;
	while (i < t->len && tn_isdigit(t->s[i]))
		i++;
	size_t sep = i < t->len && t->s[i] == '-' ? 1 :
		     i + 3 <= t->len && !memcmp(t->s + i, "\xe2\x80\x93", 3) ? 3 : 0;
	if (!sep || !day_ok(t->s, i) || !day_ok(t->s + i + sep, t->len - i - sep))
		return false;
	*an = i;
	*b = i + sep;
	*bn = t->len - i - sep;
	return true;
}

/* "4-6 March (2005)": the fourth to the sixth of March; "March 4-6":
 * March fourth to sixth. */
static bool date_span(const struct tn_ctx *c, size_t i, struct buf *out, struct tn_hit *hit)
{
	const struct tn_tok *t = c->tok;
	const struct tn_entry *mon;
	size_t an, b, bn;
	if ((mon = month_token(c, &t[i])) && day_span(&t[i + 1], &an, &b, &bn)) {
		tn_word(out, mon->say);
		tn_ordinal(out, t[i + 1].s, an);
		tn_word(out, "to");
		tn_ordinal(out, t[i + 1].s + b, bn);
		hit->ntok = 2;
	} else if (t[i].bare && day_span(&t[i], &an, &b, &bn) &&
		   (mon = month_token(c, &t[i + 1]))) {
		if (!i || !tn_eq(t[i - 1].s, t[i - 1].len, "the"))
			tn_word(out, "the");
		tn_ordinal(out, t[i].s, an);
		tn_word(out, "to the");
		tn_ordinal(out, t[i].s + b, bn);
		tn_word(out, "of");
		tn_word(out, mon->say);
		hit->ntok = 2;
		hit->ate_dot = t[i + 1].dot && i + 2 < c->n && t[i + 1].len < strlen(mon->say);
	} else {
		return false;
	}
	if (i + 2 < c->n && year_token(&t[i + 2]) && t[i + 1].bare) {
		say_year(out, t[i + 2].s, 4);
		hit->ntok = 3;
		hit->ate_dot = false;
	}
	hit->why = "date";
	return true;
}

bool tn_rule_date_words(const struct tn_ctx *c, size_t i, struct buf *out, struct tn_hit *hit)
{
	const struct tn_tok *t = c->tok;
	const struct tn_entry *mon;
	size_t dn;
	if (i + 1 >= c->n)
		return false;
	if ((mon = month_token(c, &t[i])) && day_token(&t[i + 1], &dn)) {
		bool y = i + 2 < c->n && year_token(&t[i + 2]) && !t[i + 1].dot;
		say_date(out, mon, t[i + 1].s, dn, y ? t[i + 2].s : NULL, 4, 0);
		hit->ntok = y ? 3 : 2;
		hit->why = "date";
		return true;
	}
	if (t[i].bare && day_token(&t[i], &dn) && (mon = month_token(c, &t[i + 1]))) {
		bool y = i + 2 < c->n && year_token(&t[i + 2]) && !t[i + 1].dot;
		bool the = i > 0 && tn_eq(t[i - 1].s, t[i - 1].len, "the");
		say_date(out, mon, t[i].s, dn, y ? t[i + 2].s : NULL, 4, the ? 2 : 1);
		hit->ntok = y ? 3 : 2;
		hit->ate_dot = !y && t[i + 1].dot && i + 2 < c->n;
		hit->why = "date";
		return true;
	}
	if (date_span(c, i, out, hit))
		return true;
	/* "Jan 2006": an abbreviated month before a year */
	if ((mon = month_token(c, &t[i])) && t[i].bare && year_token(&t[i + 1]) &&
	    tn_isupper(t[i].s[0]) && !tn_eq(t[i].s, t[i].len, mon->say)) {
		tn_word(out, mon->say);
		say_year(out, t[i + 1].s, 4);
		hit->ntok = 2;
		hit->why = "date";
		return true;
	}
	return false;
}
