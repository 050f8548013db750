/*
 * sidecar: the text files written next to every episode.
 *
 *   <slug>.chapters.json  Podcasting 2.0 JSON chapters, version 1.2.0
 *   <slug>.vtt, .srt      one cue per sentence, in the article's wording
 *   <slug>.cue            a CDRWIN cue sheet, one track per chapter
 *
 * The pipeline fills the cue and chapter arrays from espeak-ng's sentence
 * events and hands them here; these writers only format.  Pure: they append
 * to a struct buf the caller owns and never fail.  Text is UTF-8; invalid
 * sequences are replaced by U+FFFD.  Times are seconds; negative times are
 * written as 0 and an end before its start as the start.
 */
#ifndef NARRATE_SIDECAR_H
#define NARRATE_SIDECAR_H

#include "buf.h"

#include <stddef.h>

struct cue { double start, end; const char *text; };     /* one per sentence */
struct chapter_mark { double start, end; const char *title; };

/* Keep WebVTT lines at most this many characters (Podcasting 2.0 advice). */
#define SIDECAR_VTT_LINE 65

/* {"version":"1.2.0","title":...,"chapters":[{"startTime":..,"endTime":..,"title":..}]};
 * title may be NULL. */
void sidecar_chapters_json(const struct chapter_mark *c, size_t n, const char *title,
			   struct buf *out);
/* "WEBVTT", then "HH:MM:SS.mmm --> HH:MM:SS.mmm" cues; text wrapped at
 * SIDECAR_VTT_LINE characters, '&', '<' and '>' escaped. */
void sidecar_vtt(const struct cue *c, size_t n, struct buf *out);
/* Numbered cues "HH:MM:SS,mmm --> HH:MM:SS,mmm". */
void sidecar_srt(const struct cue *c, size_t n, struct buf *out);
/* A cue sheet: FILE "audio_file" filetype, one TRACK per chapter (at most 99,
 * the format's limit) with TITLE and INDEX 01 MM:SS:FF (75 frames a second).
 * title and performer may be NULL.  Double quotes in text become '. */
void sidecar_cuesheet(const struct chapter_mark *c, size_t n, const char *title,
		      const char *performer, const char *audio_file, const char *filetype,
		      struct buf *out);
/* Appends s as a JSON string literal, quotes included (also used by others
 * that write JSON). */
void sidecar_json_string(const char *s, struct buf *out);

#endif
