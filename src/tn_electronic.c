/*
 * tn_electronic: e-mail addresses, URLs and domains, "news@example.com"
 * "news at example dot com", "https://www.bbc.co.uk/news" (a normalizer rule
 * module; see tn.h).
 *
 * A word is a domain only when its last label is in the "domains" table,
 * so "end.Next" typed without a space stays two words.  Letters are left for
 * the engine, digits are read one by one, and punctuation ("." "@" "/" "-")
 * and fixed parts ("www", "http") are said as the "electronic" table says.
 */
#include "tn.h"

#include <string.h>

static bool is_label_char(char ch)
{
	return tn_isalpha(ch) || tn_isdigit(ch) || ch == '-' || ch == '_';
}

/* True when s[0..n) is label(.label)+ ending in a known top-level domain. */
static bool is_domain(const struct tn_ctx *c, const char *s, size_t n)
{
	size_t last = n, dots = 0;
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '.') {
			if (i == 0 || i + 1 == n || s[i - 1] == '.')
				return false;
			last = i;
			dots++;
		} else if (!is_label_char(s[i])) {
			return false;
		}
	}
	return dots && tn_data_get(c->d, TN_TLDS, s + last + 1, n - last - 1);
}

static bool starts(const char *s, size_t n, const char *w)
{
	size_t k = strlen(w);
	return n > k && tn_eq(s, k, w);
}

static void say_run(const struct tn_ctx *c, const char *s, size_t n, bool tld, struct buf *out)
{
	const struct tn_entry *e = tld ? tn_data_get(c->d, TN_TLDS, s, n) : NULL;
	if (!e)
		e = tn_data_get(c->d, TN_ELECTRONIC, s, n);
	if (e) {
		tn_word(out, e->say);
		return;
	}
	if (out->len && out->data[out->len - 1] != ' ')
		buf_addc(out, ' ');
	buf_add(out, s, n);
}

static void say_address(const struct tn_ctx *c, const char *s, size_t n, struct buf *out)
{
	size_t i = 0;
	while (i < n) {
		size_t st = i;
		if (tn_isalpha(s[i])) {
			while (i < n && tn_isalpha(s[i]))
				i++;
			bool tld = st && s[st - 1] == '.' && (i == n || s[i] == '/');
			say_run(c, s + st, i - st, tld, out);
		} else if (tn_isdigit(s[i])) {
			while (i < n && tn_isdigit(s[i]))
				i++;
			tn_digits(out, s + st, i - st);
		} else {
			size_t k = 1;
			while (st + k < n && ((unsigned char)s[st + k] & 0xC0) == 0x80)
				k++;
			i += k;
			const struct tn_entry *e = tn_data_get(c->d, TN_ELECTRONIC, s + st, k);
			if (e)
				tn_word(out, e->say);
		}
	}
}

int tn_electronic(const struct tn_ctx *c, const char *s, size_t n, const struct tn_tok *next,
		  struct buf *out)
{
	(void)next;
	const char *at = memchr(s, '@', n);
	bool email = false;
	if (at && at > s) {
		/* any host will do after an '@': "abc@gmail.abc/123" */
		const char *h = at + 1, *slash = memchr(h, '/', (size_t)(s + n - h));
		size_t hn = (size_t)((slash ? slash : s + n) - h);
		email = hn > 2 && memchr(h, '.', hn) && h[hn - 1] != '.' && h[0] != '.';
	}
	bool url = starts(s, n, "http://") || starts(s, n, "https://") ||
		   starts(s, n, "file://") || starts(s, n, "www.");
	if (!email && !url) {
		const char *slash = memchr(s, '/', n);
		size_t host = slash ? (size_t)(slash - s) : n;
		if (!is_domain(c, s, host))
			return 0;
	}
	say_address(c, s, n, out);
	return 1;
}
