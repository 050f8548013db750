/*
 * sanitize: the text guard in front of espeak-ng (see sanitize.h).
 */
#include "sanitize.h"

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

/* Decodes one UTF-8 sequence (input is already validated); returns its
 * length and stores the code point. */
static size_t utf8_decode(const unsigned char *s, size_t len, uint32_t *cp)
{
	if (s[0] < 0x80 || len < 2) {
		*cp = s[0];
		return 1;
	}
	if ((s[0] & 0xE0) == 0xC0) {
		*cp = ((uint32_t)(s[0] & 0x1F) << 6) | (s[1] & 0x3F);
		return 2;
	}
	if ((s[0] & 0xF0) == 0xE0 && len >= 3) {
		*cp = ((uint32_t)(s[0] & 0x0F) << 12) | ((uint32_t)(s[1] & 0x3F) << 6) | (s[2] & 0x3F);
		return 3;
	}
	if ((s[0] & 0xF8) == 0xF0 && len >= 4) {
		*cp = ((uint32_t)(s[0] & 0x07) << 18) | ((uint32_t)(s[1] & 0x3F) << 12) |
		      ((uint32_t)(s[2] & 0x3F) << 6) | (s[3] & 0x3F);
		return 4;
	}
	*cp = 0xFFFD;
	return 1;
}

static bool is_dropped(uint32_t cp)
{
	return (cp >= 0x200B && cp <= 0x200F) ||  /* zero-width, LRM, RLM */
	       (cp >= 0x202A && cp <= 0x202E) ||  /* bidi embeddings, overrides */
	       (cp >= 0x2066 && cp <= 0x2069) ||  /* bidi isolates */
	       cp == 0xFEFF || cp == 0x2060 || cp == 0x00AD ||
	       (cp >= 0xFFF9 && cp <= 0xFFFB) || cp == 0xFFFC ||
	       (cp >= 0xE000 && cp <= 0xF8FF);      /* private use: our own markers */
}

static bool is_combining(uint32_t cp)
{
	return (cp >= 0x0300 && cp <= 0x036F) || (cp >= 0x1AB0 && cp <= 0x1AFF) ||
	       (cp >= 0x1DC0 && cp <= 0x1DFF) || (cp >= 0x20D0 && cp <= 0x20FF) ||
	       (cp >= 0xFE20 && cp <= 0xFE2F);
}

/* A letter byte (any byte of a non-ASCII character counts). */
static bool is_word_byte(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
}

static void utf8_encode(uint32_t cp, struct buf *out)
{
	char b[4];
	size_t n;
	if (cp < 0x80) {
		b[0] = (char)cp;
		n = 1;
	} else if (cp < 0x800) {
		b[0] = (char)(0xC0 | (cp >> 6));
		b[1] = (char)(0x80 | (cp & 0x3F));
		n = 2;
	} else if (cp < 0x10000) {
		b[0] = (char)(0xE0 | (cp >> 12));
		b[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		b[2] = (char)(0x80 | (cp & 0x3F));
		n = 3;
	} else {
		b[0] = (char)(0xF0 | (cp >> 18));
		b[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
		b[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
		b[3] = (char)(0x80 | (cp & 0x3F));
		n = 4;
	}
	buf_add(out, b, n);
}

/*
 * An HTML character reference left in text copied from the web: "&#233;",
 * "&#xE9;", "&amp;", "&quot;" ...  Returns its length and the character,
 * or 0 when s does not start one (or it names no usable character).
 */
static size_t html_entity(const unsigned char *s, size_t len, uint32_t *cp)
{
	static const struct { const char *name; uint32_t cp; } named[] = {
		{ "amp;", '&' }, { "quot;", '"' }, { "apos;", '\'' }, { "lt;", '<' },
		{ "gt;", '>' }, { "nbsp;", ' ' }, { "pound;", 0xA3 }, { "euro;", 0x20AC },
		{ "mdash;", 0x2014 }, { "ndash;", 0x2013 }, { "hellip;", 0x2026 },
		{ "rsquo;", 0x2019 }, { "lsquo;", 0x2018 }, { "rdquo;", 0x201D },
		{ "ldquo;", 0x201C },
	};
	if (len < 4 || s[0] != '&')
		return 0;
	if (s[1] != '#') {
		for (size_t k = 0; k < sizeof(named) / sizeof(named[0]); k++) {
			size_t n = strlen(named[k].name);
			if (len > n && !memcmp(s + 1, named[k].name, n)) {
				*cp = named[k].cp;
				return n + 1;
			}
		}
		return 0;
	}
	bool hex = s[2] == 'x' || s[2] == 'X';
	size_t i = hex ? 3 : 2, start = i;
	uint32_t v = 0;
	for (; i < len && i < start + 7; i++) {
		unsigned char c = s[i];
		int d = c >= '0' && c <= '9' ? c - '0' :
			hex && c >= 'a' && c <= 'f' ? c - 'a' + 10 :
			hex && c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
		if (d < 0)
			break;
		v = v * (hex ? 16 : 10) + (uint32_t)d;
	}
	if (i == start || i >= len || s[i] != ';' || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
		return 0;
	*cp = v;
	return i + 1;
}

size_t sanitize_text(const char *in, size_t len, struct buf *out)
{
	const unsigned char *s = (const unsigned char *)in;
	size_t changed = 0;
	int marks = 0;
	buf_grow(out, len);
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		size_t n = html_entity(s + i, len - i, &cp);
		bool entity = n > 0;
		if (entity)
			changed++;
		else
			n = utf8_decode(s + i, len - i, &cp);
		if (cp == '\t' || cp == '\n' || cp == '\r') {
			buf_addc(out, cp == '\n' ? '\n' : ' ');
			marks = 0;
		} else if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0)) {
			buf_addc(out, ' ');
			changed++;
		} else if (is_dropped(cp)) {
			changed++;
		} else if (is_combining(cp)) {
			if (++marks <= 8)
				utf8_encode(cp, out);
			else
				changed++;
		} else if (cp == ' ' && i + 2 < len && s[i + 1] == '-' && is_word_byte(s[i + 2]) &&
			   out->len && is_word_byte((unsigned char)out->data[out->len - 1])) {
			/* translation debris: "pro -Russian", "EU -Asian" */
			changed++;
		} else if (cp == '[' && out->len && out->data[out->len - 1] == '[') {
			/* "[[" switches espeak-ng into phoneme input */
			buf_adds(out, " [");
			changed++;
		} else {
			utf8_encode(cp, out);
			marks = 0;
		}
		i += n;
	}
	return changed;
}

static bool is_space(unsigned char c)
{
	return c == ' ' || c == '\n' || c == '\t';
}

static bool is_letter_byte(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
}

/*
 * Length of a "letter + dot" unit starting at s (e.g. "a.", "é.", "a ." or
 * "A.B." counts as two), or 0.  A letter is an ASCII letter or one UTF-8
 * character.
 */
static size_t dotted_unit(const unsigned char *s, size_t len)
{
	size_t i = 0;
	if (i >= len || !is_letter_byte(s[i]))
		return 0;
	if (s[i] >= 0x80) {
		i++;
		while (i < len && (s[i] & 0xC0) == 0x80)
			i++;
	} else {
		i++;
	}
	while (i < len && s[i] == ' ')
		i++;
	if (i < len && s[i] == '.')
		return i + 1;
	return 0;
}

/*
 * Copies a run of dotted letters ("a.a.a.", "A.B.", "é . é .") without its
 * dots, as spaced letters with a comma every SANITIZE_MAX_DOTTED: espeak-ng
 * 1.51's CheckDottedAbbrev overflows on long runs, spaced letters sound the
 * same and do not.  Returns the bytes consumed, or 0 when fewer than two
 * units start here.
 */
static size_t copy_dotted_run(const unsigned char *s, size_t len, struct buf *out)
{
	size_t i = 0, units = 0;
	/* short runs ("a.m.", "U.S.", "e.g.") are fine and sound different
	 * spaced out: leave them be */
	for (size_t j = 0, u; j < len && (u = dotted_unit(s + j, len - j)); units++) {
		j += u;
		if (j < len && s[j] == ' ' && j + 1 < len && dotted_unit(s + j + 1, len - j - 1))
			j++;
	}
	if (units <= SANITIZE_MAX_DOTTED)
		return 0;
	units = 0;
	while (i < len) {
		size_t u = dotted_unit(s + i, len - i);
		if (!u)
			break;
		if (units && units % SANITIZE_MAX_DOTTED == 0)
			buf_addc(out, ',');
		if (units)
			buf_addc(out, ' ');
		size_t letter = u - 1;
		while (letter && s[letter - 1] == ' ')
			letter--;
		buf_add(out, s + i, letter);
		units++;
		i += u;
		if (i < len && s[i] == ' ' && i + 1 < len && dotted_unit(s + i + 1, len - i - 1))
			i++;
	}
	return i;
}

void sanitize_for_engine(const char *in, size_t len, struct buf *out)
{
	const unsigned char *s = (const unsigned char *)in;
	size_t token = 0;     /* bytes since the last space */
	int apos = 0;         /* apostrophes in this token */
	bool at_word_start = true;
	buf_grow(out, len + len / 8);
	for (size_t i = 0; i < len;) {
		if (s[i] == '[' && i + 1 < len && s[i + 1] == '[') {
			/* a lexicon phoneme group: copy it whole.  One that is not
			 * closed, or longer than any lexicon entry, is not ours:
			 * "[[" and 705 characters crash the engine, so break it. */
			size_t room = len - i - 2;
			if (room > SANITIZE_MAX_PHONEMES + 2)
				room = SANITIZE_MAX_PHONEMES + 2;
			const char *end = memmem(in + i + 2, room, "]]", 2);
			if (!end) {
				buf_adds(out, "[ ");
				i++;
				continue;
			}
			size_t n = (size_t)(end - (in + i)) + 2;
			buf_add(out, in + i, n);
			i += n;
			token = 0;
			apos = 0;
			at_word_start = false;
			continue;
		}
		if (at_word_start) {
			size_t u = copy_dotted_run(s + i, len - i, out);
			if (u) {
				i += u;
				token = 0;
				at_word_start = false;
				continue;
			}
		}
		unsigned char c = s[i];
		if (is_space(c)) {
			buf_addc(out, (char)c);
			token = 0;
			apos = 0;
			at_word_start = true;
			i++;
			continue;
		}
		at_word_start = false;
		if (c == '\'' && ++apos > 2) {
			buf_addc(out, ' ');
			apos = 0;
			token = 0;
			i++;
			continue;
		}
		if (token >= SANITIZE_MAX_TOKEN && (c & 0xC0) != 0x80) {
			buf_addc(out, ' ');
			token = 0;
		}
		buf_addc(out, (char)c);
		token++;
		i++;
	}
}
