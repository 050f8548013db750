/*
 * unicode: utf8proc behind narrate's own small interface (see unicode.h).
 */
#include "unicode.h"

#include <stdlib.h>
#include <utf8proc.h>

bool unicode_valid(const char *s, size_t len, size_t *bad)
{
	const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
	size_t i = 0;
	while (i < len) {
		if (p[i] < 0x80) {
			i++;
			continue;
		}
		utf8proc_int32_t cp;
		utf8proc_ssize_t n = utf8proc_iterate(p + i, (utf8proc_ssize_t)(len - i), &cp);
		if (n < 0) {
			if (bad)
				*bad = i;
			return false;
		}
		i += (size_t)n;
	}
	return true;
}

void unicode_repair(const char *s, size_t len, struct buf *out)
{
	const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
	size_t i = 0;
	while (i < len) {
		utf8proc_int32_t cp;
		utf8proc_ssize_t n = p[i] < 0x80 ? 1 :
			utf8proc_iterate(p + i, (utf8proc_ssize_t)(len - i), &cp);
		if (n < 0) {
			buf_adds(out, "\xEF\xBF\xBD");
			i++;
		} else {
			buf_add(out, s + i, (size_t)n);
			i += (size_t)n;
		}
	}
}

int unicode_nfc(const char *s, size_t len, struct buf *out)
{
	/* Pure ASCII is already NFC: skip utf8proc's allocation. */
	size_t i = 0;
	while (i < len && (unsigned char)s[i] < 0x80)
		i++;
	if (i == len) {
		buf_add(out, s, len);
		return 0;
	}
	utf8proc_uint8_t *res = NULL;
	utf8proc_ssize_t n = utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)len,
					  &res, UTF8PROC_STABLE | UTF8PROC_COMPOSE);
	if (n < 0) {
		buf_add(out, s, len);
		return -1;
	}
	buf_add(out, res, (size_t)n);
	free(res);
	return 0;
}

size_t unicode_next(const char *s, size_t len, int32_t *cp)
{
	utf8proc_int32_t c;
	utf8proc_ssize_t n = utf8proc_iterate((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)len, &c);
	if (n <= 0) {
		*cp = (unsigned char)s[0];
		return 1;
	}
	*cp = c;
	return (size_t)n;
}

bool unicode_is_letter(int32_t cp)
{
	utf8proc_category_t c = utf8proc_category(cp);
	return c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO;
}

bool unicode_is_upper(int32_t cp)
{
	return utf8proc_category(cp) == UTF8PROC_CATEGORY_LU;
}

bool unicode_is_digit(int32_t cp)
{
	return utf8proc_category(cp) == UTF8PROC_CATEGORY_ND;
}

void unicode_fold(const char *s, size_t len, struct buf *out)
{
	utf8proc_uint8_t *res = NULL;
	utf8proc_ssize_t n = utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)len,
					  &res, UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD);
	if (n < 0) {
		buf_add(out, s, len);
		return;
	}
	buf_add(out, res, (size_t)n);
	free(res);
}

void unicode_strip_marks(const char *s, size_t len, struct buf *out)
{
	utf8proc_uint8_t *res = NULL;
	utf8proc_ssize_t n = utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)len, &res,
					  UTF8PROC_STABLE | UTF8PROC_COMPAT | UTF8PROC_DECOMPOSE |
					  UTF8PROC_STRIPMARK);
	if (n < 0) {
		buf_add(out, s, len);
		return;
	}
	buf_add(out, res, (size_t)n);
	free(res);
}
