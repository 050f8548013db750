/*
 * article: the document model, and how plain text becomes one.
 *
 * An article is a title, optional metadata (a dateline's date and time, a
 * closing source credit) and chapters of paragraphs of sentences.  Reading
 * (read.c) gives valid NFC UTF-8; article_parse() finds the structure:
 *  - the first non-empty line is the title;
 *  - a dateline right after it (a date, maybe a time and even a
 *    temperature) is metadata: it is spoken once, as a date, after the title;
 *  - a short line with no closing punctuation between blank lines, followed
 *    by ordinary text, is a heading and starts a chapter;
 *  - a closing credit line ("Source: ...") is metadata, spoken at the end;
 *  - text before the first heading is chapter 1, titled with the title.
 *
 * The spoken order is a flat list of segments (title, date, headings,
 * sentences, credit), each with its chapter, its source line and column and
 * the pause that follows it.
 */
#ifndef NARRATE_ARTICLE_H
#define NARRATE_ARTICLE_H

#include "buf.h"

#include <stdbool.h>
#include <stddef.h>

struct preprocessor;

enum segment_kind { SEG_TITLE, SEG_DATE, SEG_HEADING, SEG_SENTENCE, SEG_CREDIT };
enum pause_kind { PAUSE_NONE, PAUSE_SENTENCE, PAUSE_PARAGRAPH, PAUSE_CHAPTER };

struct segment {
	enum segment_kind kind;
	enum pause_kind pause;   /* the pause after this segment */
	size_t chapter;          /* index into article.chapters */
	unsigned line, col;      /* where it starts in the source (1-based) */
	char *text;              /* as written, white space collapsed */
};

struct chapter {
	char *title;
	unsigned line;           /* the heading's line, or the title's */
	size_t first_seg;        /* its segments are [first_seg, end_seg) */
	size_t end_seg;
};

struct dateline {
	bool present;
	int year, month, day;    /* month 1-12; 0 where unknown */
	bool has_time;
	int hour, min, sec;
	unsigned line;
};

struct article {
	char *name;              /* the path as given, for messages */
	char *title;
	struct dateline date;
	char *credit;            /* NULL when there is none */
	struct chapter *chapters;
	size_t n_chapters;
	struct segment *segs;
	size_t n_segs;
};

/* Reads path ("-" for stdin) and parses it.  Errors (missing, unreadable,
 * empty, binary, invalid UTF-8) are reported naming the file and line and
 * byte offset; returns -1 then, and art needs no release. */
int article_load(struct article *art, const char *path);
/* Parses text (valid UTF-8, already NFC); name is for messages.  Returns -1
 * when the text has nothing to say (reported). */
int article_parse(struct article *art, const char *name, const char *text, size_t len);
void article_release(struct article *art);

/* The date as a phrase a reader says: "Sunday, June 19, 2022". */
void article_date_phrase(const struct dateline *d, struct buf *out);

/* Preprocesses every segment: returns an array of n_segs spoken texts
 * (free with article_free_spoken).  When explain is not NULL it gets an
 * array of the same size with each segment's explanation lines. */
char **article_spoken(const struct article *art, const struct preprocessor *pp,
		      char ***explain);
void article_free_spoken(const struct article *art, char **spoken);

/* Appends the spoken script: one segment per line, a blank line after
 * paragraphs and chapters.  With explain, each segment is followed by its
 * explanation lines as "    # " comments. */
void article_script(const struct article *art, char *const *spoken, char *const *explain,
		    struct buf *out);

/* Appends a readable outline (metadata, chapters, segments with their kind,
 * line:col and pause) for golden tests and `narrate text --structure`. */
void article_outline(const struct article *art, struct buf *out);

#endif
