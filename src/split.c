/*
 * split: sentence boundaries (see split.h).
 */
#include "split.h"

#include "buf.h"
#include "diag.h"
#include "yamldoc.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static char **nonfinal;
static size_t n_nonfinal;

void split_unload(void)
{
	for (size_t i = 0; i < n_nonfinal; i++)
		free(nonfinal[i]);
	free(nonfinal);
	nonfinal = NULL;
	n_nonfinal = 0;
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
	const struct ynode *list = ynode_get(doc.root, "nonfinal");
	if (!list || list->kind != YNODE_SEQ) {
		rc = ydoc_error(&doc, doc.root, "expected 'nonfinal:' with a list of words");
		goto out;
	}
	split_unload();
	nonfinal = xcalloc(list->len, sizeof(char *));
	for (const struct ynode *n = list->child; n; n = n->next) {
		if (n->kind != YNODE_SCALAR || !n->len) {
			rc = ydoc_error(&doc, n, "expected a word");
			goto out;
		}
		nonfinal[n_nonfinal++] = xstrdup(n->str);
	}
out:
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

/* Whether the word ending just before the dot at text[dot] keeps the
 * sentence going. */
static bool dot_is_nonfinal(const char *text, size_t dot)
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
		return true;                       /* "U.S." "e.g." */
	for (size_t i = 0; i < n_nonfinal; i++)
		if (strlen(nonfinal[i]) == n && !strncasecmp(nonfinal[i], text + w, n))
			return true;
	return false;
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
		if (c == '.' && !ellipsis && end == i + 1 && dot_is_nonfinal(text, i))
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
