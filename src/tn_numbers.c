/*
 * tn_numbers: English number words (see tn_numbers.h).
 */
#include "tn_numbers.h"

#include <string.h>

static const char *const ones[20] = {
	"zero", "one", "two", "three", "four", "five", "six", "seven", "eight",
	"nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen",
	"sixteen", "seventeen", "eighteen", "nineteen",
};
static const char *const tens[10] = {
	"", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy",
	"eighty", "ninety",
};
static const char *const scales[] = {
	"", "thousand", "million", "billion", "trillion", "quadrillion",
	"quintillion",
};
#define MAX_GROUPS (sizeof(scales) / sizeof(scales[0]))

/* Irregular ordinals; the rest add "th" (and "y" becomes "ieth"). */
static const struct { const char *card, *ord; } ordinals[] = {
	{ "one", "first" }, { "two", "second" }, { "three", "third" },
	{ "five", "fifth" }, { "eight", "eighth" }, { "nine", "ninth" },
	{ "twelve", "twelfth" }, { "zero", "zeroth" },
};

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

void tn_word(struct buf *out, const char *w)
{
	if (out->len && out->data[out->len - 1] != ' ')
		buf_addc(out, ' ');
	buf_adds(out, w);
}

size_t tn_scan_number(const char *s, size_t n, struct tn_num *num)
{
	size_t i = 0;
	memset(num, 0, sizeof(*num));
	num->ip = s;
	while (i < n && is_digit(s[i]))
		i++;
	size_t lead = i;
	/* "1,250,000": a comma needs exactly three digits after it, and the
	 * first group at most three. */
	while (lead && lead <= 3 && i + 3 < n && s[i] == ',' && is_digit(s[i + 1]) &&
	       is_digit(s[i + 2]) && is_digit(s[i + 3]) &&
	       (i + 4 >= n || !is_digit(s[i + 4]))) {
		num->commas = true;
		i += 4;
	}
	num->ilen = i;
	if (i + 1 < n && s[i] == '.' && is_digit(s[i + 1])) {
		size_t f = i + 1;
		while (f < n && is_digit(s[f]))
			f++;
		num->fp = s + i + 1;
		num->flen = f - i - 1;
		i = f;
	}
	if (num->ilen == 0 && !num->fp)
		return 0;
	return i;
}

void tn_num_digits(const struct tn_num *num, struct buf *out)
{
	for (size_t i = 0; i < num->ilen; i++)
		if (is_digit(num->ip[i]))
			buf_addc(out, num->ip[i]);
}

bool tn_num_is_one(const struct tn_num *num)
{
	return num->ilen == 1 && num->ip[0] == '1' && !num->fp;
}

/* Says 1..999 from three digits (any may be '0'). */
static void say_group(struct buf *out, const char *g, size_t n)
{
	int v = 0;
	for (size_t i = 0; i < n; i++)
		v = v * 10 + (g[i] - '0');
	if (v >= 100) {
		tn_word(out, ones[v / 100]);
		tn_word(out, "hundred");
		v %= 100;
	}
	if (v >= 20) {
		tn_word(out, tens[v / 10]);
		if (v % 10)
			tn_word(out, ones[v % 10]);
	} else if (v > 0) {
		tn_word(out, ones[v]);
	}
}

void tn_digits(struct buf *out, const char *d, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (is_digit(d[i]))
			tn_word(out, ones[d[i] - '0']);
}

void tn_cardinal(struct buf *out, const char *d, size_t n)
{
	while (n > 1 && d[0] == '0') {
		d++;
		n--;
	}
	if (n > 3 * MAX_GROUPS) {
		tn_digits(out, d, n);
		return;
	}
	if (n == 1 && d[0] == '0') {
		tn_word(out, ones[0]);
		return;
	}
	size_t ngroups = (n + 2) / 3, first = n - (ngroups - 1) * 3;
	for (size_t g = 0, at = 0; g < ngroups; g++) {
		size_t len = g == 0 ? first : 3;
		size_t before = out->len;
		say_group(out, d + at, len);
		if (out->len != before && g + 1 < ngroups)
			tn_word(out, scales[ngroups - 1 - g]);
		at += len;
	}
}

void tn_ordinalize(struct buf *out, size_t from)
{
	size_t start = out->len;
	while (start > from && out->data[start - 1] != ' ')
		start--;
	const char *w = out->data + start;
	for (size_t i = 0; i < sizeof(ordinals) / sizeof(ordinals[0]); i++) {
		if (!strcmp(w, ordinals[i].card)) {
			buf_truncate(out, start);
			buf_adds(out, ordinals[i].ord);
			return;
		}
	}
	if (out->len > start && out->data[out->len - 1] == 'y') {
		buf_truncate(out, out->len - 1);
		buf_adds(out, "ieth");
		return;
	}
	buf_adds(out, "th");
}

void tn_ordinal(struct buf *out, const char *d, size_t n)
{
	size_t from = out->len;
	tn_cardinal(out, d, n);
	tn_ordinalize(out, from);
}

const char *tn_ordinal_suffix(const char *d, size_t n)
{
	if (n == 0)
		return "th";
	int last = d[n - 1] - '0';
	int tens_digit = n > 1 ? d[n - 2] - '0' : 0;
	if (tens_digit == 1)
		return "th";
	return last == 1 ? "st" : last == 2 ? "nd" : last == 3 ? "rd" : "th";
}

void tn_year(struct buf *out, const char *d, size_t n)
{
	if ((n != 4 && n != 3) || d[0] == '0' || (n == 4 && d[1] == '0' && d[2] == '0')) {
		/* 2000-2009, 1000, 3000...: "two thousand eight" */
		tn_cardinal(out, d, n);
		return;
	}
	say_group(out, d, n - 2);
	const char *t = d + n - 2;
	if (t[0] == '0' && t[1] == '0') {
		tn_word(out, "hundred");
	} else if (t[0] == '0') {
		tn_word(out, "oh");
		tn_word(out, ones[t[1] - '0']);
	} else {
		say_group(out, t, 2);
	}
}

void tn_number(struct buf *out, const struct tn_num *num)
{
	struct buf dg = BUF_INIT;
	tn_num_digits(num, &dg);
	if (dg.len > 1 && dg.data[0] == '0' && !num->commas)
		tn_digits(out, dg.data, dg.len);
	else if (dg.len)
		tn_cardinal(out, dg.data, dg.len);
	if (num->fp) {
		tn_word(out, "point");
		tn_digits(out, num->fp, num->flen);
	}
	buf_release(&dg);
}
