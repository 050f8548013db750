/*
 * lexicon_audit: candidates for the lexicon in an article (see
 * lexicon_audit.h).  The word list and the candidates live in the
 * lexicon's own hash tables (lexicon_int.h).
 */
#include "lexicon_audit.h"

#include "buf.h"
#include "diag.h"
#include "lexicon.h"
#include "lexicon_int.h"
#include "synth.h"
#include "unicode.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

struct audit {
	const struct lexicon *lx;
	struct lex_table dict;      /* word list (keys owned) */
	struct lex_table seen;      /* candidate -> count (in maxwords) */
	char **order;               /* candidates in the order first seen */
	size_t n, cap;
};

static void table_add(struct lex_table *t, const char *w, size_t n, unsigned *count)
{
	uint64_t h = lexicon_hash(w, n);
	struct lex_slot *s = lex_table_slot(t, w, n, h);
	if (!s->key) {
		s->key = xstrndup(w, n);
		s->klen = n;
		s->hash = h;
		t->n++;
	}
	if (count)
		*count = ++s->maxwords;
}

static void table_release(struct lex_table *t)
{
	for (size_t i = 0; i < t->cap; i++)
		free(t->slots[i].key);
	free(t->slots);
}

struct audit *audit_new(const struct lexicon *lx, const char *dict_path)
{
	FILE *f = fopen(dict_path, "r");
	if (!f) {
		error("cannot read the word list '%s': %s (install wamerican or pass --dict)",
		      dict_path, strerror(errno));
		return NULL;
	}
	struct audit *au = xcalloc(1, sizeof(*au));
	au->lx = lx;
	char line[512];
	while (fgets(line, sizeof(line), f)) {
		size_t n = strcspn(line, "\r\n");
		if (n)
			table_add(&au->dict, line, n, NULL);
	}
	fclose(f);
	return au;
}

void audit_free(struct audit *au)
{
	if (!au)
		return;
	table_release(&au->dict);
	table_release(&au->seen);
	free(au->order);
	free(au);
}

static bool in_dict(const struct audit *au, const char *w, size_t n)
{
	return lex_table_get(&au->dict, w, n) != NULL;
}

/* Whether the word list knows w as written, in lower case, or as the
 * plural of a word it knows. */
static bool common_word(const struct audit *au, const char *w, size_t n, bool acronym)
{
	if (in_dict(au, w, n))
		return true;
	if (acronym)
		return false;
	struct buf low = BUF_INIT;
	lexicon_fold(w, n, &low);
	bool known = in_dict(au, low.data, low.len) ||
		     (n > 3 && w[n - 1] == 's' && (in_dict(au, w, n - 1) ||
						   in_dict(au, low.data, low.len - 1)));
	buf_release(&low);
	return known;
}

/* Letters only (at least two, an inner apostrophe allowed), starting
 * upper-case; *acronym when every letter is. */
static bool candidate_shape(const char *w, size_t n, bool *acronym)
{
	size_t letters = 0, upper = 0;
	bool first_upper = false;
	for (size_t i = 0; i < n;) {
		int32_t cp;
		size_t k = unicode_next(w + i, n - i, &cp);
		if (cp == '\'' || cp == 0x2019) {
			i += k;
			continue;
		}
		if (!unicode_is_letter(cp))
			return false;
		if (unicode_is_upper(cp)) {
			upper++;
			first_upper |= letters == 0;
		}
		letters++;
		i += k;
	}
	*acronym = letters >= 2 && upper == letters;
	return letters >= 2 && first_upper;
}

static void consider(struct audit *au, const char *w, size_t n)
{
	/* drop a possessive */
	if (n > 2 && !memcmp(w + n - 2, "'s", 2))
		n -= 2;
	else if (n > 4 && !memcmp(w + n - 4, "\xE2\x80\x99s", 4))
		n -= 4;
	bool acronym;
	if (!candidate_shape(w, n, &acronym) || lexicon_find(au->lx, w, n, NULL) ||
	    common_word(au, w, n, acronym))
		return;
	unsigned count;
	table_add(&au->seen, w, n, &count);
	if (count == 1) {
		if (au->n == au->cap) {
			au->cap = au->cap ? au->cap * 2 : 32;
			au->order = xrealloc(au->order, au->cap * sizeof(char *));
		}
		au->order[au->n++] = lex_table_get(&au->seen, w, n)->key;
	}
}

static bool word_byte(const char *s, size_t len, size_t *n)
{
	int32_t cp;
	*n = unicode_next(s, len, &cp);
	return unicode_is_letter(cp) || unicode_is_digit(cp) || cp == '\'' || cp == 0x2019 ||
	       cp == '-';
}

void audit_text(struct audit *au, const char *text, size_t len)
{
	size_t i = 0, n;
	while (i < len) {
		if (!word_byte(text + i, len - i, &n)) {
			i += n;
			continue;
		}
		size_t s = i;
		while (i < len && word_byte(text + i, len - i, &n))
			i += n;
		/* trim joiners at the ends: "--", "'quoted'" */
		size_t e = i;
		while (s < e && (text[s] == '-' || text[s] == '\''))
			s++;
		while (e > s && (text[e - 1] == '-' || text[e - 1] == '\''))
			e--;
		if (s == e || lexicon_find(au->lx, text + s, e - s, NULL))
			continue;
		for (size_t p = s; p < e;) {
			size_t q = p;
			while (q < e && text[q] != '-')
				q++;
			if (q > p)
				consider(au, text + p, q - p);
			p = q + 1;
		}
	}
}

static unsigned count_of(const struct audit *au, const char *w)
{
	return lex_table_get(&au->seen, w, strlen(w))->maxwords;
}

static struct audit *sort_ctx;

static int by_count(const void *a, const void *b)
{
	const char *x = *(char *const *)a, *y = *(char *const *)b;
	unsigned cx = count_of(sort_ctx, x), cy = count_of(sort_ctx, y);
	if (cx != cy)
		return cx > cy ? -1 : 1;
	return strcmp(x, y);
}

static void stub_entry(struct buf *stub, const char *w, unsigned count, const char *ph)
{
	buf_addf(stub, "%s:\n  say: \"%s\"  # %u time%s; espeak-ng now says %s\n", w, w, count,
		 count == 1 ? "" : "s", ph);
}

static int write_stub(const char *path, const struct buf *stub)
{
	FILE *f = fopen(path, "w");
	if (!f)
		return error("cannot write '%s': %s", path, strerror(errno));
	size_t n = fwrite(stub->data, 1, stub->len, f);
	if (fclose(f) != 0 || n != stub->len)
		return error("cannot write '%s': %s", path, strerror(errno));
	return 0;
}

int audit_report(struct audit *au, FILE *out, const char *stub_path)
{
	struct buf ph = BUF_INIT, stub = BUF_INIT;
	sort_ctx = au;
	if (au->n)
		qsort(au->order, au->n, sizeof(char *), by_count);
	buf_adds(&stub, "# Lexicon stub from `narrate lexicon audit`.  Replace each say: with a\n"
		 "# respelling espeak-ng reads right (check with `narrate lexicon lookup`),\n"
		 "# or with phonemes: (espeak-ng mnemonics) or ipa:.\n");
	for (size_t i = 0; i < au->n; i++) {
		unsigned count = count_of(au, au->order[i]);
		buf_reset(&ph);
		synth_phonemes(au->order[i], &ph);
		fprintf(out, "%u\t%s\t%s\n", count, au->order[i], ph.data ? ph.data : "");
		stub_entry(&stub, au->order[i], count, ph.data ? ph.data : "");
	}
	int rc = (int)au->n;
	if (stub_path && write_stub(stub_path, &stub) < 0)
		rc = -1;
	buf_release(&ph);
	buf_release(&stub);
	return rc;
}
