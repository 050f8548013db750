/*
 * slug: titles to stable ASCII names (see slug.h).
 */
#include "slug.h"

#include "unicode.h"

#include <ctype.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

void slug_make(const char *text, size_t max, struct buf *out)
{
	struct buf plain = BUF_INIT;
	unicode_strip_marks(text, strlen(text), &plain);
	size_t start = out->len;
	bool dash = false, mid_word_cut = false;
	for (size_t i = 0; i < plain.len; i++) {
		unsigned char c = (unsigned char)plain.data[i];
		if (c == '\'' || (c == 0xE2 && i + 2 < plain.len &&
				  (unsigned char)plain.data[i + 1] == 0x80 &&
				  (unsigned char)plain.data[i + 2] == 0x99)) {
			i += c == 0xE2 ? 2 : 0;  /* apostrophes join: "kazakhstans" */
			continue;
		}
		if (!isalnum(c) || c >= 0x80) {
			dash = true;
			continue;
		}
		if (dash && out->len > start)
			buf_addc(out, '-');
		if (out->len - start >= max) {
			mid_word_cut = !dash;
			break;
		}
		dash = false;
		buf_addc(out, (char)tolower(c));
	}
	if (out->len - start > max)
		buf_truncate(out, start + max);
	if (mid_word_cut) {
		/* cut at the last whole word when one fits */
		char *cut = memrchr(out->data + start, '-', out->len - start);
		if (cut && (size_t)(cut - (out->data + start)) >= max / 2)
			buf_truncate(out, (size_t)(cut - out->data));
	}
	while (out->len > start && out->data[out->len - 1] == '-')
		buf_truncate(out, out->len - 1);
	if (out->len == start)
		buf_adds(out, "untitled");
	buf_release(&plain);
}

static uint32_t hash32(const char *s)
{
	uint32_t h = 2166136261u;
	for (; *s; s++) {
		h ^= (unsigned char)*s;
		h *= 16777619u;
	}
	return h;
}

static bool slug_taken(const struct slugset *set, const char *slug)
{
	for (size_t i = 0; i < set->n; i++)
		if (!strcmp(set->slugs[i], slug))
			return true;
	return false;
}

const char *slugset_add(struct slugset *set, const char *title, const char *key)
{
	for (size_t i = 0; i < set->n; i++) {
		if (!strcmp(set->keys[i], key))
			return set->slugs[i];
	}
	struct buf b = BUF_INIT;
	slug_make(title, SLUG_MAX, &b);
	size_t base = b.len;
	/* a suffix from the key; rehashed in the unlikely case that it too is
	 * taken (another title may already read "name-1a2b3c") */
	uint32_t h = hash32(key);
	while (slug_taken(set, b.data)) {
		buf_truncate(&b, base);
		buf_addf(&b, "-%06x", h & 0xFFFFFF);
		h = h * 16777619u + 1;
	}
	set->slugs = xrealloc(set->slugs, (set->n + 1) * sizeof(char *));
	set->keys = xrealloc(set->keys, (set->n + 1) * sizeof(char *));
	set->slugs[set->n] = buf_detach(&b, NULL);
	set->keys[set->n] = xstrdup(key);
	return set->slugs[set->n++];
}

void slugset_release(struct slugset *set)
{
	for (size_t i = 0; i < set->n; i++) {
		free(set->slugs[i]);
		free(set->keys[i]);
	}
	free(set->slugs);
	free(set->keys);
	memset(set, 0, sizeof(*set));
}
