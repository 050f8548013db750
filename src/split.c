/*
 * split: sentence boundaries (see split.h).
 */
#include "split.h"

#include "buf.h"
#include "diag.h"
#include "yamldoc.h"

#include <ctype.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

/* Word lists from sentences.yaml, folded to lower case without dots. */
struct wordlist {
	char **w;
	size_t n;
};

static struct wordlist nonfinal, after_number, continues;

static void wordlist_free(struct wordlist *l)
{
	for (size_t i = 0; i < l->n; i++)
		free(l->w[i]);
	free(l->w);
	l->w = NULL;
	l->n = 0;
}

/* Whether text[0..n), without its dots and case, is on the list. */
static bool wordlist_has(const struct wordlist *l, const char *text, size_t n)
{
	char key[32];
	size_t k = 0;
	for (size_t i = 0; i < n; i++) {
		if (text[i] == '.')
			continue;
		if (k + 1 == sizeof(key))
			return false;
		key[k++] = (char)tolower((unsigned char)text[i]);
	}
	key[k] = '\0';
	for (size_t i = 0; i < l->n; i++)
		if (!strcmp(l->w[i], key))
			return true;
	return false;
}

static int wordlist_load(struct ydoc *doc, const char *name, struct wordlist *l)
{
	const struct ynode *list = ynode_get(doc->root, name);
	if (!list || list->kind != YNODE_SEQ)
		return ydoc_error(doc, doc->root, "expected '%s:' with a list of words", name);
	l->w = xcalloc(list->len ? list->len : 1, sizeof(char *));
	for (const struct ynode *n = list->child; n; n = n->next) {
		if (n->kind != YNODE_SCALAR || !n->len || n->len > 30)
			return ydoc_error(doc, n, "expected a word");
		struct buf w = BUF_INIT;
		for (size_t i = 0; i < n->len; i++)
			if (n->str[i] != '.')
				buf_addc(&w, (char)tolower((unsigned char)n->str[i]));
		l->w[l->n++] = buf_detach(&w, NULL);
	}
	return 0;
}

void split_unload(void)
{
	wordlist_free(&nonfinal);
	wordlist_free(&after_number);
	wordlist_free(&continues);
}

int split_load(const char *datadir, const char *lang)
{
	struct buf path = BUF_INIT;
	struct ydoc doc;
	buf_addf(&path, "%s/pronunciations/%s/rules/sentences.yaml", datadir, lang);
	int rc = ydoc_load_file(&doc, path.data);
	buf_release(&path);
	if (rc < 0) {
		ydoc_release(&doc);
		return -1;
	}
	split_unload();
	if (wordlist_load(&doc, "nonfinal", &nonfinal) < 0 ||
	    wordlist_load(&doc, "final_after_number", &after_number) < 0 ||
	    wordlist_load(&doc, "continues", &continues) < 0) {
		split_unload();
		rc = -1;
	}
	ydoc_release(&doc);
	return rc;
}

static bool is_upper(unsigned char c)
{
	return c >= 'A' && c <= 'Z';
}

static bool is_alpha(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || is_upper(c);
}

static bool is_space(unsigned char c)
{
	return c == ' ' || c == '\n' || c == '\t';
}

/* A closing quote or bracket (ASCII or the UTF-8 curly quotes). */
static size_t closer_len(const char *s, size_t len)
{
	if (len && strchr("\"')]", s[0]))
		return 1;
	if (len >= 3 && (!memcmp(s, "\xE2\x80\x9D", 3) || !memcmp(s, "\xE2\x80\x99", 3) ||
			 !memcmp(s, "\xC2\xBB", 2)))
		return s[0] == '\xC2' ? 2 : 3;
	return 0;
}

/* "5 p.m. Police": a dotted word after a number, before a capitalized
 * word that does not continue a time ("9 a.m. Monday"), ends a sentence.
 * The word is text[w..dot), the next word starts at text[next]. */
static bool ends_clock_time(const char *text, size_t w, size_t dot, size_t next, size_t len)
{
	if (!wordlist_has(&after_number, text + w, dot - w))
		return false;
	size_t d = w;
	while (d > 0 && is_space((unsigned char)text[d - 1]))
		d--;
	if (d == w || d == 0 || !isdigit((unsigned char)text[d - 1]))
		return false;
	size_t e = next;
	while (e < len && is_alpha((unsigned char)text[e]))
		e++;
	return !wordlist_has(&continues, text + next, e - next);
}

/* Whether the word ending just before the dot at text[dot] keeps the
 * sentence going; the next word starts at text[next]. */
static bool dot_is_nonfinal(const char *text, size_t dot, size_t next, size_t len)
{
	size_t w = dot;
	while (w > 0 && (is_alpha((unsigned char)text[w - 1]) || text[w - 1] == '.'))
		w--;
	size_t n = dot - w;
	if (n == 0)
		return false;
	if (n == 1 && is_upper((unsigned char)text[w]))
		return true;                       /* an initial: "J." */
	if (memchr(text + w, '.', n))
		return !ends_clock_time(text, w, dot, next, len);   /* "U.S." "e.g." */
	return wordlist_has(&nonfinal, text + w, n);
}

/* What follows a candidate end: can it start a sentence? */
static bool starts_sentence(const char *s, size_t len)
{
	if (!len)
		return false;
	unsigned char c = (unsigned char)s[0];
	if (c >= 'a' && c <= 'z')
		return false;
	if (c >= '0' && c <= '9')
		return false;
	return true;
}

void split_sentences(const char *text, size_t len,
		     void (*fn)(size_t start, size_t len, void *ctx), void *ctx)
{
	size_t start = 0;
	while (start < len && is_space((unsigned char)text[start]))
		start++;
	for (size_t i = start; i < len; i++) {
		char c = text[i];
		bool ellipsis = i + 2 < len && !memcmp(text + i, "\xE2\x80\xA6", 3);
		if (c != '.' && c != '!' && c != '?' && !ellipsis)
			continue;
		size_t end = i + (ellipsis ? 3 : 1);
		while (end < len && (text[end] == '.' || text[end] == '!' || text[end] == '?'))
			end++;
		size_t cl;
		while ((cl = closer_len(text + end, len - end)))
			end += cl;
		size_t next = end;
		bool glued = false;
		if (next < len && !is_space((unsigned char)text[next])) {
			/* "Putin?Kazakhstan": ! or ? glued to a capitalized word */
			if ((c == '?' || c == '!') && is_upper((unsigned char)text[next]) &&
			    next + 1 < len && !is_upper((unsigned char)text[next + 1]))
				glued = true;
			else
				continue;
		}
		while (next < len && is_space((unsigned char)text[next]))
			next++;
		if (next >= len)
			break;
		if (!glued && !starts_sentence(text + next, len - next))
			continue;
		if (c == '.' && !ellipsis && end == i + 1 && dot_is_nonfinal(text, i, next, len))
			continue;
		fn(start, end - start, ctx);
		start = next;
		i = next - 1;
	}
	size_t e = len;
	while (e > start && is_space((unsigned char)text[e - 1]))
		e--;
	if (e > start)
		fn(start, e - start, ctx);
}
