/*
 * id3: builds the ID3v2.3 tag narrate writes in front of an MP3 episode.
 *
 * libsndfile (through LAME) writes the MP3 frames but no chapter frames and
 * no cover art, so the encoder writes this tag first and the MP3 bytes after
 * it (PODCAST.md, sections 2 and 7).  The tag holds the episode's text frames
 * (TIT2, TPE1, TALB, TYER, TDAT, TCON, COMM), the cover (APIC), one top-level
 * ordered CTOC "toc" and one CHAP "chN" per chapter with an embedded TIT2.
 *
 * Text is ISO-8859-1 when every character fits, otherwise UTF-16 with a BOM
 * (v2.3 has no UTF-8).  Invalid UTF-8 is repaired (U+FFFD) and text longer
 * than ID3_MAX_CHARS characters is cut on a character boundary, so any input
 * gives a valid tag.  Pure: no I/O, no audio library.
 *
 *   struct id3_chapter ch[] = { { "Intro", 0, 10000 }, { "News", 10000, 30000 } };
 *   struct id3_meta m = { .title = "Episode", .artist = "en-gb", .genre = "Podcast",
 *                         .chapters = ch, .n_chapters = 2 };
 *   struct buf tag = BUF_INIT;
 *   id3_build(&m, &tag);     // tag.data[0..tag.len) = "ID3\3\0\0..." then frames
 */
#ifndef NARRATE_ID3_H
#define NARRATE_ID3_H

#include "buf.h"

#include <stddef.h>

/* Longest text (in characters) written into any one frame. */
#define ID3_MAX_CHARS 1000
/* A CTOC lists at most 255 children (8-bit count); later chapters are dropped. */
#define ID3_MAX_CHAPTERS 255

struct id3_chapter {
	const char *title;          /* UTF-8; NULL = no embedded TIT2 */
	unsigned start_ms, end_ms;  /* from the start of the audio */
};

struct id3_meta {
	const char *title, *artist, *album;   /* UTF-8; NULL = omit */
	const char *year;      /* "2022" (TYER) or NULL */
	const char *ddmm;      /* "1906" (TDAT) or NULL */
	const char *genre;     /* "Podcast" (TCON) or NULL */
	const char *comment;   /* COMM, language "eng", or NULL */
	const unsigned char *cover; size_t cover_len; const char *cover_mime;  /* APIC or NULL */
	const struct id3_chapter *chapters; size_t n_chapters;
};

/* Appends a complete ID3v2.3 tag (header and frames, no padding, no
 * extended header, no unsynchronisation) built from m to out.  Never fails;
 * chapters past ID3_MAX_CHAPTERS are dropped with a warning.  The caller
 * owns out. */
void id3_build(const struct id3_meta *m, struct buf *out);

#endif
