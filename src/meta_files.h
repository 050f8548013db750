/*
 * meta_files: every metadata file of one narrated episode, built from one
 * description of it, so the pipeline (render.c) has a single call for the
 * tag and a single call for the sidecars.
 *
 *   before the audio:  meta_files_tag()      -> ID3v2.3 bytes, the MP3's prefix
 *   after the audio:   meta_files_sidecars() -> <slug>.chapters.json, .vtt,
 *                      .srt, .cue and .episode.yaml, each a name and a text
 *
 * Nothing is written to disk here: the caller publishes each buffer
 * (publish_buffer) into the episode directory.  Pure apart from warnings.
 */
#ifndef NARRATE_META_FILES_H
#define NARRATE_META_FILES_H

#include "buf.h"
#include "cover.h"
#include "sidecar.h"

#include <stdbool.h>
#include <stddef.h>

struct meta_episode {
	const char *title, *slug;          /* required */
	const char *artist;                /* TPE1: --artist, else the voice's name */
	const char *album;                 /* TALB or NULL */
	const char *voice;                 /* espeak-ng voice, for the credit line */
	const char *credit;                /* the article's source credit or NULL */
	const char *description;           /* first paragraph or NULL */
	int year, month, day;              /* dateline; 0 where unknown */
	int hour, min, sec; bool has_time;
	const struct chapter_mark *chapters; size_t n_chapters;  /* seconds in the file */
	const struct cue *cues; size_t n_cues;   /* one per sentence, original wording */
	const struct cover *cover;         /* NULL = no APIC */
	double duration;                   /* seconds, of the finished file */
	const char *audio;                 /* file name in the episode dir, "<slug>.mp3" */
	const char *audio_type;            /* "audio/mpeg" ... */
	long long audio_bytes;             /* size of the finished file; 0 if unknown */
};

enum meta_sidecar { META_CHAPTERS, META_VTT, META_SRT, META_CUE, META_EPISODE, META_N };

struct meta_sidecars {
	char *name[META_N];        /* "<slug>.chapters.json" ... */
	struct buf text[META_N];
};

/* Appends the ID3v2.3 tag for e (title, artist, album, TYER/TDAT from the
 * dateline, TCON Podcast, COMM with the credit and "narrated by a synthetic
 * voice", APIC, CTOC/CHAP) to out.  Never fails. */
void meta_files_tag(const struct meta_episode *e, struct buf *out);
/* Fills s with the five sidecar files for e.  Never fails.  Release with
 * meta_sidecars_release(). */
void meta_files_sidecars(const struct meta_episode *e, struct meta_sidecars *s);
void meta_sidecars_release(struct meta_sidecars *s);
/* The COMM / feed credit line: "<credit>. Narrated by a synthetic voice
 * (espeak-ng, <voice>)." */
void meta_files_credit(const struct meta_episode *e, struct buf *out);

#endif
