/*
 * article: plain text to the document model (see article.h).
 */
#include "article.h"

#include "diag.h"
#include "preprocess.h"
#include "read.h"
#include "split.h"
#include "unicode.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* The longest segment handed to the engine at once, in bytes. */
#define SEGMENT_MAX 600

/* A run of non-blank lines. */
struct block {
	size_t off, len;        /* into the text, trailing newline excluded */
	unsigned line;
	unsigned n_lines;
};

struct parser {
	struct article *art;
	const char *text;
	size_t cap_segs;
	const struct block *pos_block; /* block_pos's cursor */
	size_t pos_off;
	unsigned pos_line, pos_col;
};

static const char *const months[] = {
	"january", "february", "march", "april", "may", "june", "july",
	"august", "september", "october", "november", "december",
};
static const char *const month_names[] = {
	"January", "February", "March", "April", "May", "June", "July",
	"August", "September", "October", "November", "December",
};

static char *collapse(const char *s, size_t len)
{
	struct buf b = BUF_INIT;
	bool space = false;
	for (size_t i = 0; i < len; i++) {
		if (isspace((unsigned char)s[i])) {
			space = b.len > 0;
		} else {
			if (space)
				buf_addc(&b, ' ');
			space = false;
			buf_addc(&b, s[i]);
		}
	}
	return buf_detach(&b, NULL);
}

static struct segment *add_seg(struct parser *p, enum segment_kind kind, char *text,
			       unsigned line, unsigned col)
{
	struct article *a = p->art;
	if (a->n_segs == p->cap_segs) {
		p->cap_segs = p->cap_segs ? p->cap_segs * 2 : 64;
		a->segs = xrealloc(a->segs, p->cap_segs * sizeof(*a->segs));
	}
	struct segment *s = &a->segs[a->n_segs++];
	s->kind = kind;
	s->pause = kind == SEG_SENTENCE || kind == SEG_TITLE ? PAUSE_SENTENCE : PAUSE_PARAGRAPH;
	s->chapter = a->n_chapters ? a->n_chapters - 1 : 0;
	s->line = line;
	s->col = col;
	s->text = text;
	return s;
}

static void start_chapter(struct parser *p, const char *title, unsigned line)
{
	struct article *a = p->art;
	if (a->n_chapters) {
		a->chapters[a->n_chapters - 1].end_seg = a->n_segs;
		if (a->n_segs)
			a->segs[a->n_segs - 1].pause = PAUSE_CHAPTER;
	}
	a->chapters = xrealloc(a->chapters, (a->n_chapters + 1) * sizeof(*a->chapters));
	struct chapter *c = &a->chapters[a->n_chapters++];
	c->title = xstrdup(title);
	c->line = line;
	c->first_seg = a->n_segs;
	c->end_seg = a->n_segs;
}

/* Line and column of a byte offset inside a block.  Offsets asked for only
 * grow within a block, so the walk resumes where the last one stopped. */
static void block_pos(struct parser *p, const struct block *b, size_t off,
		      unsigned *line, unsigned *col)
{
	if (p->pos_block != b || off < p->pos_off) {
		p->pos_block = b;
		p->pos_off = b->off;
		p->pos_line = b->line;
		p->pos_col = 1;
	}
	for (size_t i = p->pos_off; i < off; i++) {
		if (p->text[i] == '\n') {
			p->pos_line++;
			p->pos_col = 1;
		} else if (((unsigned char)p->text[i] & 0xC0) != 0x80) {
			p->pos_col++;
		}
	}
	p->pos_off = off;
	*line = p->pos_line;
	*col = p->pos_col;
}

struct split_ctx {
	struct parser *p;
	const struct block *b;
	enum segment_kind kind;
};

/* Where to cut a sentence longer than SEGMENT_MAX bytes: after the last
 * comma-like mark, else the last space, else anywhere on a character
 * boundary.  Keeps each synthesis call (and its buffered audio) small. */
static size_t cut_point(const char *s)
{
	size_t space = 0;
	for (size_t i = SEGMENT_MAX; i > SEGMENT_MAX / 2; i--) {
		if (s[i] == ' ' && strchr(",;:", s[i - 1]))
			return i;
		if (!space && (s[i] == ' ' || s[i] == '\n'))
			space = i;
	}
	if (space)
		return space;
	size_t i = SEGMENT_MAX;
	while (i > 0 && ((unsigned char)s[i] & 0xC0) == 0x80)
		i--;
	return i;
}

static void on_sentence(size_t start, size_t len, void *ctx)
{
	struct split_ctx *sc = ctx;
	const char *s = sc->p->text + sc->b->off + start;
	while (len) {
		size_t n = len > SEGMENT_MAX ? cut_point(s) : len;
		unsigned line, col;
		block_pos(sc->p, sc->b, (size_t)(s - sc->p->text), &line, &col);
		add_seg(sc->p, sc->kind, collapse(s, n), line, col);
		s += n;
		len -= n;
		while (len && isspace((unsigned char)*s)) {
			s++;
			len--;
		}
	}
}

static bool is_bullet(const char *s, size_t len)
{
	if (len >= 2 && strchr("-*+", s[0]) && s[1] == ' ')
		return true;
	if (len >= 4 && !memcmp(s, "\xE2\x80\xA2", 3))
		return true;
	size_t i = 0;
	while (i < len && i < 3 && isdigit((unsigned char)s[i]))
		i++;
	return i > 0 && i + 1 < len && (s[i] == '.' || s[i] == ')') && s[i + 1] == ' ';
}

static void add_paragraph(struct parser *p, const struct block *b, enum segment_kind kind)
{
	struct split_ctx sc = { p, b, kind };
	split_sentences(p->text + b->off, b->len, on_sentence, &sc);
	if (p->art->n_segs)
		p->art->segs[p->art->n_segs - 1].pause = PAUSE_PARAGRAPH;
}

/* A block is one paragraph, unless it is a list: then each item is one. */
static void add_block(struct parser *p, const struct block *b, enum segment_kind kind)
{
	const char *s = p->text + b->off;
	bool list = false;
	for (size_t i = 0; i < b->len && b->n_lines > 1; i++)
		if ((i == 0 || s[i - 1] == '\n') && is_bullet(s + i, b->len - i))
			list = true;
	if (!list) {
		add_paragraph(p, b, kind);
		return;
	}
	size_t start = 0;
	unsigned line = b->line;
	for (size_t i = 0; i <= b->len; i++) {
		if (i < b->len && s[i] != '\n')
			continue;
		struct block item = { b->off + start, i - start, line, 1 };
		if (start < i)
			add_paragraph(p, &item, kind);
		start = i + 1;
		line++;
	}
}

static size_t count_words(const char *s, size_t len)
{
	size_t n = 0;
	bool in = false;
	for (size_t i = 0; i < len; i++) {
		bool sp = isspace((unsigned char)s[i]);
		if (!sp && !in)
			n++;
		in = !sp;
	}
	return n;
}

static int month_of(const char *s, size_t n)
{
	for (int m = 0; m < 12; m++) {
		size_t ml = strlen(months[m]);
		if ((n == ml || (n == 3 && ml > 3) || (n == 4 && m == 8)) &&
		    !strncasecmp(s, months[m], n))
			return m + 1;
	}
	return 0;
}

static bool valid_date(int y, int m, int d)
{
	static const int days[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	if (y < 1000 || y > 9999 || m < 1 || m > 12 || d < 1 || d > days[m - 1])
		return false;
	bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	return m != 2 || d < 29 || leap;
}

/* A line that ends like a sentence ("... the mill reopened.") is text that
 * mentions a date, not a dateline; "June 19, 2022." may still be one. */
static bool ends_like_sentence(const char *s, size_t len)
{
	while (len && isspace((unsigned char)s[len - 1]))
		len--;
	if (len && (s[len - 1] == '!' || s[len - 1] == '?'))
		return true;
	return len >= 2 && s[len - 1] == '.' && isalpha((unsigned char)s[len - 2]);
}

/*
 * A dateline: "2022-06-19 06:09:38 16 ℃", "19 June 2022", "June 19, 2022",
 * "Sunday, 19 June 2022 14:30".  The line must be short and hold a date.
 */
static bool parse_dateline(const char *s, size_t len, struct dateline *d)
{
	if (len > 80 || count_words(s, len) > 10 || ends_like_sentence(s, len))
		return false;
	char line[96];
	memcpy(line, s, len);
	line[len] = '\0';
	memset(d, 0, sizeof(*d));
	const char *end = s + len;
	(void)end;
	for (const char *q = line; *q; q++) {
		int y, m, dd, n = 0;
		if (isdigit((unsigned char)*q) && (q == line || !isdigit((unsigned char)q[-1]))) {
			if (sscanf(q, "%4d-%2d-%2d%n", &y, &m, &dd, &n) == 3 && n == 10 &&
			    valid_date(y, m, dd)) {
				d->year = y, d->month = m, d->day = dd;
				q += n;
			} else if (sscanf(q, "%4d/%2d/%2d%n", &y, &m, &dd, &n) == 3 && n == 10 &&
				   valid_date(y, m, dd)) {
				d->year = y, d->month = m, d->day = dd;
				q += n;
			} else {
				char word[16];
				if (sscanf(q, "%2d %15[A-Za-z] %4d%n", &dd, word, &y, &n) == 3 &&
				    (m = month_of(word, strlen(word))) && valid_date(y, m, dd)) {
					d->year = y, d->month = m, d->day = dd;
					q += n;
				}
			}
		} else if (isalpha((unsigned char)*q) && (q == line || !isalpha((unsigned char)q[-1]))) {
			char word[16];
			if (sscanf(q, "%15[A-Za-z] %2d, %4d%n", word, &dd, &y, &n) == 3 &&
			    (m = month_of(word, strlen(word))) && valid_date(y, m, dd)) {
				d->year = y, d->month = m, d->day = dd;
				q += n;
			}
		}
		if (d->year) {
			int h, mi, sec;
			const char *t = q;
			while (*t == ' ' || *t == ',' || *t == 'T')
				t++;
			n = 0;
			if (sscanf(t, "%2d:%2d:%2d%n", &h, &mi, &sec, &n) == 3 && h < 24 && mi < 60 &&
			    sec < 61) {
				d->has_time = true;
				d->hour = h, d->min = mi, d->sec = sec;
			} else if (sscanf(t, "%2d:%2d%n", &h, &mi, &n) == 2 && h < 24 && mi < 60) {
				d->has_time = true;
				d->hour = h, d->min = mi;
			}
			d->present = true;
			return true;
		}
		if (!*q)
			break;
	}
	return false;
}

static bool ends_closed(const char *s, size_t len)
{
	while (len && isspace((unsigned char)s[len - 1]))
		len--;
	if (!len)
		return true;
	unsigned char c = (unsigned char)s[len - 1];
	if (strchr(".!?:;,", c))
		return true;
	/* closing quotes after punctuation, an ellipsis */
	if (len >= 3 && !memcmp(s + len - 3, "\xE2\x80\xA6", 3))
		return true;
	if ((c == '"' || c == '\'' || c == ')') && len >= 2 && strchr(".!?,", s[len - 2]))
		return true;
	if (len >= 4 && (!memcmp(s + len - 3, "\xE2\x80\x9D", 3) ||
			 !memcmp(s + len - 3, "\xE2\x80\x99", 3)) && strchr(".!?,", s[len - 4]))
		return true;
	return false;
}

static bool heading_shaped(const char *text, const struct block *b)
{
	const char *s = text + b->off;
	if (b->n_lines != 1 || b->len > 100 || count_words(s, b->len) > 14)
		return false;
	if (strchr("-*+#>|=_~(['\"", s[0]) || !memcmp(s, "\xE2\x80\xA2", 3))
		return false;
	if (isdigit((unsigned char)s[0]) && b->len > 1 && (s[1] == ')' || s[1] == '.'))
		return false;
	return !ends_closed(s, b->len);
}

static bool credit_shaped(const char *s, size_t len)
{
	if (len > 200)
		return false;
	static const char *const starts[] = { "credit:", "credits:", "via:", "source:" };
	for (size_t i = 0; i < sizeof(starts) / sizeof(starts[0]); i++)
		if (!strncasecmp(s, starts[i], strlen(starts[i])))
			return true;
	for (size_t i = 0; i + 7 <= len; i++)
		if (!strncasecmp(s + i, " source:", 8) && i + 8 <= len)
			return true;
	return false;
}

/* Whether a line holds anything to read: a line of no-break spaces,
 * zero-width or control characters is as blank as an empty one (it would
 * otherwise become a heading with nothing in it). */
static bool has_content(const char *s, size_t len)
{
	for (size_t k = 0; k < len;) {
		unsigned char c = (unsigned char)s[k];
		if (c < 0x80) {
			if (c > 0x20 && c < 0x7F)
				return true;
			k++;
			continue;
		}
		int32_t cp;
		k += unicode_next(s + k, len - k, &cp);
		if (unicode_is_letter(cp) || unicode_is_digit(cp))
			return true;
	}
	return false;
}

static size_t find_blocks(const char *text, size_t len, struct block **out)
{
	size_t n = 0, cap = 16;
	struct block *v = xmalloc(cap * sizeof(*v));
	unsigned line = 1;
	size_t i = 0;
	while (i < len) {
		size_t eol = i;
		while (eol < len && text[eol] != '\n')
			eol++;
		bool blank = !has_content(text + i, eol - i);
		if (!blank) {
			bool cont = n && v[n - 1].off + v[n - 1].len + 1 == i;
			if (cont) {
				v[n - 1].len = eol - v[n - 1].off;
				v[n - 1].n_lines++;
			} else {
				if (n == cap)
					v = xrealloc(v, (cap *= 2) * sizeof(*v));
				v[n++] = (struct block){ i, eol - i, line, 1 };
			}
		}
		i = eol + 1;
		line++;
	}
	*out = v;
	return n;
}

int article_parse(struct article *art, const char *name, const char *text, size_t len)
{
	memset(art, 0, sizeof(*art));
	art->name = xstrdup(name);
	struct parser p = { .art = art, .text = text };
	struct block *bl;
	size_t nb = find_blocks(text, len, &bl);
	if (nb == 0) {
		free(bl);
		article_release(art);
		return error("'%s': nothing to narrate", name);
	}
	/* The title is the first line; the rest of its block is a paragraph. */
	struct block title = bl[0];
	const char *nl = memchr(text + title.off, '\n', title.len);
	if (nl) {
		title.len = (size_t)(nl - (text + title.off));
		title.n_lines = 1;
		bl[0].len -= title.len + 1;
		bl[0].off += title.len + 1;
		bl[0].line++;
		bl[0].n_lines--;
	}
	size_t first = nl ? 0 : 1;
	art->title = collapse(text + title.off, title.len);
	start_chapter(&p, art->title, title.line);
	struct split_ctx sc = { &p, &title, SEG_TITLE };
	split_sentences(text + title.off, title.len, on_sentence, &sc);
	art->segs[art->n_segs - 1].pause = PAUSE_PARAGRAPH;

	if (first < nb && bl[first].n_lines == 1 &&
	    parse_dateline(text + bl[first].off, bl[first].len, &art->date)) {
		art->date.line = bl[first].line;
		struct buf phrase = BUF_INIT;
		article_date_phrase(&art->date, &phrase);
		add_seg(&p, SEG_DATE, buf_detach(&phrase, NULL), bl[first].line, 1);
		first++;
	}
	size_t last = nb;
	unsigned credit_line = 0;
	if (last > first) {
		/* the credit is the last line, alone or at the end of the last block */
		struct block *lb = &bl[last - 1];
		const char *nl2 = memrchr(text + lb->off, '\n', lb->len);
		size_t off = nl2 ? (size_t)(nl2 + 1 - text) : lb->off;
		size_t len2 = lb->off + lb->len - off;
		if (credit_shaped(text + off, len2)) {
			art->credit = collapse(text + off, len2);
			credit_line = lb->line + lb->n_lines - 1;
			if (nl2) {
				lb->len = (size_t)(nl2 - (text + lb->off));
				lb->n_lines--;
			} else {
				last--;
			}
		}
	}
	bool body = false;
	for (size_t i = first; i < last; i++) {
		bool heading = heading_shaped(text, &bl[i]) && i + 1 < last &&
			       !heading_shaped(text, &bl[i + 1]) &&
			       !(i > first && heading_shaped(text, &bl[i - 1]));
		if (heading) {
			char *t = collapse(text + bl[i].off, bl[i].len);
			if (body) {
				start_chapter(&p, t, bl[i].line);
			} else {
				/* nothing said under the title yet: the first chapter,
				 * which still starts with the title, takes the heading */
				struct chapter *c = &art->chapters[0];
				free(c->title);
				c->title = xstrdup(t);
				c->line = bl[i].line;
			}
			add_seg(&p, SEG_HEADING, t, bl[i].line, 1);
			continue;
		}
		add_block(&p, &bl[i], SEG_SENTENCE);
		body = true;
	}
	if (art->credit)
		add_seg(&p, SEG_CREDIT, xstrdup(art->credit), credit_line, 1);
	art->chapters[art->n_chapters - 1].end_seg = art->n_segs;
	art->segs[art->n_segs - 1].pause = PAUSE_NONE;
	free(bl);
	return 0;
}

int article_load(struct article *art, const char *path)
{
	struct buf text = BUF_INIT;
	int rc = read_text(path, &text);
	if (rc == 0)
		rc = article_parse(art, strcmp(path, "-") ? path : "<stdin>", text.data, text.len);
	buf_release(&text);
	return rc;
}

void article_release(struct article *art)
{
	for (size_t i = 0; i < art->n_segs; i++)
		free(art->segs[i].text);
	for (size_t i = 0; i < art->n_chapters; i++)
		free(art->chapters[i].title);
	free(art->segs);
	free(art->chapters);
	free(art->title);
	free(art->credit);
	free(art->name);
	memset(art, 0, sizeof(*art));
}

void article_date_phrase(const struct dateline *d, struct buf *out)
{
	if (!d->present)
		return;
	buf_addf(out, "%s %d, %d.", month_names[d->month - 1], d->day, d->year);
}

char **article_spoken(const struct article *art, const struct preprocessor *pp,
		      char ***explain)
{
	char **spoken = xcalloc(art->n_segs, sizeof(char *));
	if (explain)
		*explain = xcalloc(art->n_segs, sizeof(char *));
	struct buf out = BUF_INIT, why = BUF_INIT;
	for (size_t i = 0; i < art->n_segs; i++) {
		const struct segment *s = &art->segs[i];
		preprocess_sentence(pp, s->text, strlen(s->text), &out, explain ? &why : NULL);
		spoken[i] = buf_detach(&out, NULL);
		if (explain)
			(*explain)[i] = buf_detach(&why, NULL);
	}
	return spoken;
}

void article_free_spoken(const struct article *art, char **spoken)
{
	if (!spoken)
		return;
	for (size_t i = 0; i < art->n_segs; i++)
		free(spoken[i]);
	free(spoken);
}

void article_script(const struct article *art, char *const *spoken, char *const *explain,
		    struct buf *out)
{
	for (size_t i = 0; i < art->n_segs; i++) {
		buf_adds(out, spoken[i]);
		buf_addc(out, '\n');
		const char *why = explain ? explain[i] : "";
		for (size_t k = 0; why[k]; k++) {
			if (k == 0 || why[k - 1] == '\n')
				buf_adds(out, "    # ");
			buf_addc(out, why[k]);
		}
		if (art->segs[i].pause >= PAUSE_PARAGRAPH)
			buf_addc(out, '\n');
	}
}

void article_outline(const struct article *art, struct buf *out)
{
	static const char *const kinds[] = { "title", "date", "heading", "sentence", "credit" };
	static const char *const pauses[] = { "-", "s", "p", "c" };
	buf_addf(out, "title: %s\n", art->title);
	if (art->date.present) {
		buf_addf(out, "date: %04d-%02d-%02d", art->date.year, art->date.month, art->date.day);
		if (art->date.has_time)
			buf_addf(out, " %02d:%02d:%02d", art->date.hour, art->date.min, art->date.sec);
		buf_addf(out, " (line %u)\n", art->date.line);
	}
	if (art->credit)
		buf_addf(out, "credit: %s\n", art->credit);
	for (size_t c = 0; c < art->n_chapters; c++) {
		const struct chapter *ch = &art->chapters[c];
		buf_addf(out, "chapter %zu: %s (line %u)\n", c + 1, ch->title, ch->line);
		for (size_t i = ch->first_seg; i < ch->end_seg; i++) {
			const struct segment *s = &art->segs[i];
			buf_addf(out, "  %u:%u %s %s| %s\n", s->line, s->col, kinds[s->kind],
				 pauses[s->pause], s->text);
		}
	}
}
