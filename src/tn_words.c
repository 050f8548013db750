/*
 * tn_words: words that are not said as written: abbreviations ("Mr."
 * "St." "e.g."), initialisms ("EU" "U.S." "NATO"), roman numerals in
 * context ("Nicholas II" "World War I"), symbols ("&" "#5" "@handle") and
 * the repair of translation debris ("pro -Russian") (a normalizer rule
 * module; see tn.h).  Every word list is YAML data (tn_data.h).
 */
#include "tn.h"

#include <string.h>

static bool capitalized(const struct tn_tok *t)
{
	if (t->len < 2 || !tn_isupper(t->s[0]))
		return false;
	for (size_t k = 1; k < t->len; k++)
		if (!tn_islower(t->s[k]))
			return false;
	return true;
}

static bool all_caps(const char *s, size_t n)
{
	if (!n)
		return false;
	for (size_t k = 0; k < n; k++)
		if (!tn_isupper(s[k]))
			return false;
	return true;
}

/* ---- abbreviations ---- */

static const char *in_context(const struct tn_ctx *c, size_t i, const struct tn_entry *e)
{
	const struct tn_tok *p = i ? &c->tok[i - 1] : NULL, *nx = i + 1 < c->n ? &c->tok[i + 1] : NULL;
	const struct tn_tok *t = &c->tok[i];
	bool joined = t->bare || (t->dot && t->s + t->len + 1 == t->raw + t->rawlen);
	if (e->before_number && joined && nx && nx->len &&
	    (tn_isdigit(nx->s[0]) || nx->s[0] == '#'))
		return e->before_number;
	if (e->after_number && p && p->bare && p->len && tn_isdigit(p->s[p->len - 1]))
		return e->after_number;
	bool name_next = joined && nx && nx->len && tn_isupper(nx->s[0]);
	if (e->before_name && name_next)
		return e->before_name;
	/* "Downing St said", "Elm St.": a street; "Chalfont St Peter": a saint */
	if (e->after_name && p && p->bare && p->len && tn_isupper(p->s[0]) && !name_next)
		return e->after_name;
	return e->say;
}

static bool is_month(const struct tn_ctx *c, const struct tn_tok *t)
{
	return t->len && tn_data_get(c->d, TN_MONTHS, t->s, t->len);
}

/* "Jan.", "Wed." as dates: capitalized (not "mar.", not "DEC."), not the
 * full name ("in January." ends a sentence), and for weekdays next to a day
 * number or a month ("Wed. Jan. 5"), so "the Sun." stays a word. */
static const struct tn_entry *calendar_abbreviation(const struct tn_ctx *c, size_t i)
{
	const struct tn_tok *t = &c->tok[i];
	const struct tn_tok *p = i ? &c->tok[i - 1] : NULL, *nx = i + 1 < c->n ? &c->tok[i + 1] : NULL;
	if (!capitalized(t))
		return NULL;
	const struct tn_entry *e = tn_data_get(c->d, TN_MONTHS, t->s, t->len);
	if (e && !tn_eq(t->s, t->len, e->say))
		return e;     /* "due in Jan.": only a month is written so */
	e = tn_data_get(c->d, TN_WEEKDAYS, t->s, t->len);
	if (!e || tn_eq(t->s, t->len, e->say))
		return NULL;
	bool near_day = (nx && nx->len && tn_isdigit(nx->s[0])) ||
			(p && p->bare && p->len && tn_isdigit(p->s[p->len - 1]));
	return near_day || (nx && is_month(c, nx)) ? e : NULL;
}

/* "No.1", "c.1900": an abbreviation that takes a number, written against
 * it. */
static bool glued_number(const struct tn_ctx *c, size_t i, struct buf *out, struct tn_hit *hit)
{
	const struct tn_tok *t = &c->tok[i];
	const char *dot = memchr(t->s, '.', t->len);
	if (!dot || dot + 1 >= t->s + t->len || !tn_isdigit(dot[1]))
		return false;
	size_t k = (size_t)(dot - t->s) + 1;
	const struct tn_entry *e = tn_data_get(c->d, TN_ABBREVIATIONS, t->s, k);
	if (!e || !e->before_number)
		return false;
	size_t before = out->len;
	tn_word(out, e->before_number);
	if (!tn_plain_number(c, t->s + k, t->len - k, NULL, out)) {
		buf_truncate(out, before);
		return false;
	}
	hit->why = e->where;
	return true;
}

bool tn_rule_abbreviation(const struct tn_ctx *c, size_t i, struct buf *out,
			  struct tn_hit *hit)
{
	const struct tn_tok *t = &c->tok[i];
	const struct tn_entry *e = NULL;
	if (!t->len || t->len > 15)
		return false;
	if (t->dot) {
		e = tn_data_get(c->d, TN_ABBREVIATIONS, t->s, t->len + 1);
		if (!e)
			e = calendar_abbreviation(c, i);
		if (e && !tn_isalpha(t->s[t->len - 1]))
			e = NULL;
		hit->ate_dot = e != NULL;
	}
	if (!e)
		e = tn_data_get(c->d, TN_ABBREVIATIONS, t->s, t->len);
	if (!e)
		return glued_number(c, i, out, hit);
	tn_word(out, in_context(c, i, e));
	hit->why = e->where;
	return true;
}

/* ---- initialisms ---- */

static void spell(const char *s, size_t n, struct buf *out)
{
	if (out->len && out->data[out->len - 1] != ' ')
		buf_addc(out, ' ');
	for (size_t k = 0; k < n; k++) {
		if (!tn_isalpha(s[k]))
			continue;
		buf_addc(out, tn_islower(s[k]) ? (char)(s[k] - 32) : s[k]);
		buf_addc(out, '.');
	}
}

/* "U.S", "e.s.t", "A.D": single letters between dots. */
static bool dotted(const char *s, size_t n)
{
	if (n < 3)
		return false;
	for (size_t k = 0; k < n; k++)
		if ((k % 2 == 0) != tn_isalpha(s[k]) || (k % 2 == 1 && s[k] != '.'))
			return false;
	return n % 2 == 1;
}

static bool has_vowel(const char *s, size_t n)
{
	for (size_t k = 0; k < n; k++)
		if (strchr("AEIOUY", s[k]))
			return true;
	return false;
}

/* Inside a run of capitals (a shouted headline) we leave words alone. */
static bool shouting(const struct tn_ctx *c, size_t i)
{
	bool prev = i && c->tok[i - 1].len > 1 && all_caps(c->tok[i - 1].s, c->tok[i - 1].len);
	bool next = i + 1 < c->n && c->tok[i + 1].len > 1 &&
		    all_caps(c->tok[i + 1].s, c->tok[i + 1].len);
	return prev && next;
}

bool tn_rule_initialism(const struct tn_ctx *c, size_t i, struct buf *out, struct tn_hit *hit)
{
	const struct tn_tok *t = &c->tok[i];
	const struct tn_entry *e;
	if (dotted(t->s, t->len)) {
		spell(t->s, t->len, out);
		hit->ate_dot = t->dot;
		hit->why = "initialism";
		return true;
	}
	size_t n = t->len;
	bool plural = n > 2 && t->s[n - 1] == 's' && all_caps(t->s, n - 1);
	n -= plural;
	if (n < 2 || n > 6 || !all_caps(t->s, n))
		return false;
	if (shouting(c, i) && !tn_data_get(c->d, TN_WORDS, t->s, n) &&
	    !tn_data_get(c->d, TN_SPELLED, t->s, n))
		return false;
	if (!(e = tn_say_caps(c, t->s, n, out)))
		return false;
	if (plural)
		buf_addc(out, 's');
	hit->why = e->where;
	return true;
}

const struct tn_entry *tn_say_caps(const struct tn_ctx *c, const char *s, size_t n,
				   struct buf *out)
{
	static const struct tn_entry rule = { .where = "initialism" };
	const struct tn_entry *e;
	if (n < 2 || n > 6 || !all_caps(s, n))
		return NULL;
	if ((e = tn_data_get(c->d, TN_WORDS, s, n))) {
		tn_word(out, e->say);
		return e;
	}
	if ((e = tn_data_get(c->d, TN_SPELLED, s, n)) ||
	    ((n <= 3 || !has_vowel(s, n)) && !tn_data_get(c->d, TN_CAPS_WORDS, s, n))) {
		spell(s, n, out);
		return e ? e : &rule;
	}
	return NULL;
}

/* ---- roman numerals ---- */

static int roman_value(char ch)
{
	switch (ch) {
	case 'I': return 1;
	case 'V': return 5;
	case 'X': return 10;
	case 'L': return 50;
	case 'C': return 100;
	default: return 0;
	}
}

/* The value of a well-formed numeral up to CXCIX, or 0. */
int tn_roman(const char *s, size_t n)
{
	static const char *const units[] = { "", "I", "II", "III", "IV", "V", "VI", "VII",
					     "VIII", "IX" };
	static const char *const tens[] = { "", "X", "XX", "XXX", "XL", "L", "LX", "LXX",
					    "LXXX", "XC" };
	int v = 0;
	if (!n || n > 9)
		return 0;
	for (size_t k = 0; k < n; k++) {
		int a = roman_value(s[k]), b = k + 1 < n ? roman_value(s[k + 1]) : 0;
		if (!a)
			return 0;
		v += a < b ? -a : a;
	}
	if (v <= 0 || v >= 200)
		return 0;
	/* Only the canonical spelling counts: "IIII" or "VX" are not numerals. */
	struct buf canon = BUF_INIT;
	if (v >= 100)
		buf_addc(&canon, 'C');
	buf_adds(&canon, tens[(v % 100) / 10]);
	buf_adds(&canon, units[v % 10]);
	bool ok = canon.len == n && !memcmp(canon.data, s, n);
	buf_release(&canon);
	return ok ? v : 0;
}

bool tn_rule_roman(const struct tn_ctx *c, size_t i, struct buf *out, struct tn_hit *hit)
{
	const struct tn_tok *t = &c->tok[i], *p = i ? &c->tok[i - 1] : NULL;
	int v;
	if (!p || !p->bare || !(v = tn_roman(t->s, t->len)))
		return false;
	if (t->len == 1 && v > 10)
		return false;     /* "Grade C", "George C Scott": a letter */
	char d[4];
	size_t dn = 0;
	if (v >= 100)
		d[dn++] = (char)('0' + v / 100);
	if (v >= 10)
		d[dn++] = (char)('0' + (v / 10) % 10);
	d[dn++] = (char)('0' + v % 10);
	const struct tn_entry *e = tn_data_get(c->d, TN_ROMAN_AFTER, p->s, p->len);
	if (e) {
		tn_cardinal(out, d, dn);
		hit->why = e->where;
		return true;
	}
	bool single = t->len == 1;
	e = tn_data_get(c->d, TN_REGNAL, p->s, p->len);
	if (!e && (single || !capitalized(p) || memchr(t->s, 'L', t->len) ||
		   memchr(t->s, 'C', t->len)))
		return false;
	tn_word(out, "the");
	tn_ordinal(out, d, dn);
	hit->why = e ? e->where : "roman";
	return true;
}

/* ---- symbols, handles, repairs ---- */

bool tn_rule_symbol(const struct tn_ctx *c, size_t i, struct buf *out, struct tn_hit *hit)
{
	const struct tn_tok *t = &c->tok[i];
	if (!t->len)
		return false;
	const struct tn_entry *e = tn_data_get(c->d, TN_SYMBOLS, t->s, t->len);
	if (e) {
		tn_word(out, e->say);
		hit->why = e->where;
		return true;
	}
	if (t->len < 2 || (t->s[0] != '#' && t->s[0] != '@'))
		return false;
	bool digits = true;
	for (size_t k = 1; k < t->len; k++)
		digits = digits && tn_isdigit(t->s[k]);
	const char *key = t->s[0] == '@' ? "@handle" : digits ? "#number" : "#tag";
	e = tn_data_get(c->d, TN_SYMBOLS, key, strlen(key));
	if (!e || (!digits && !tn_isalpha(t->s[1]) && t->s[1] != '_'))
		return false;
	tn_word(out, e->say);
	if (digits)
		tn_cardinal(out, t->s + 1, t->len - 1);
	else
		buf_addc(out, ' '), buf_add(out, t->s + 1, t->len - 1);
	hit->why = e->where;
	return true;
}

/* "AT&T", "R&B", "M&S": capitals joined by "&", letters and "and". */
bool tn_rule_ampersand(const struct tn_ctx *c, size_t i, struct buf *out, struct tn_hit *hit)
{
	const struct tn_tok *t = &c->tok[i];
	const char *amp = t->len > 2 ? memchr(t->s, '&', t->len) : NULL;
	if (!amp || amp == t->s || amp + 1 == t->s + t->len)
		return false;
	size_t a = (size_t)(amp - t->s), b = t->len - a - 1;
	if (a > 3 || b > 3 || !all_caps(t->s, a) || !all_caps(amp + 1, b))
		return false;
	spell(t->s, a, out);
	tn_word(out, "and");
	spell(amp + 1, b, out);
	hit->why = "initialism";
	return true;
}

/* "pro -Russian" -> "pro-Russian": a machine translation's stray space. */
bool tn_rule_repair(const struct tn_ctx *c, size_t i, struct buf *out, struct tn_hit *hit)
{
	const struct tn_tok *t = &c->tok[i], *p = i ? &c->tok[i - 1] : NULL;
	if (!p || t->rawlen < 2 || t->raw[0] != '-' || !tn_isalpha(t->raw[1]) ||
	    t->s != t->raw || !p->bare || !p->len || !tn_isalpha(p->s[p->len - 1]))
		return false;
	buf_add(out, t->s, t->len);
	hit->glue = true;
	hit->why = "repair";
	return true;
}
