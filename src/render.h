/*
 * render: one article from document model to finished files.
 *
 *   segments -> preprocess -> worker (espeak-ng in a child) -> spool with
 *   pauses -> master pass 1 (measure) -> master pass 2 (gain, limiter,
 *   resampling) -> audiofile (whole article + one file per chapter)
 *
 * The spool is an unnamed temporary file in the article's directory, so
 * memory stays bounded whatever the article's length.  Output goes to
 * OUTDIR/SLUG/SLUG.EXT (MP3: ID3v2 tag with chapters; WAV: labelled cue
 * points; FLAC, Ogg, Opus: CHAPTERnnn comments), OUTDIR/SLUG/chapters/
 * NN-CHAPTER.EXT, OUTDIR/SLUG/SLUG.script.txt and the sidecars
 * (SLUG.chapters.json, .vtt, .srt, .cue, .episode.yaml), each published
 * atomically.
 */
#ifndef NARRATE_RENDER_H
#define NARRATE_RENDER_H

#include "audiofile.h"

#include <stdbool.h>
#include <stddef.h>

struct article;
struct preprocessor;
struct voice;

struct render_opts {
	const struct voice *voice;
	enum audio_format fmt;
	int bitrate_kbps;
	double loudness_lufs;     /* NAN: leave the level alone */
	double ceiling_dbtp;      /* NAN: no limiter */
	const char *outdir;
	unsigned timeout_s;       /* a silent engine is killed after this */
	int engine_rate;
	int lead_in_ms, lead_out_ms;
	bool chapter_files;       /* also OUTDIR/SLUG/chapters/NN-*.EXT */
	const char *cache_dir;    /* synthesized audio cache (cache.h), or NULL */
	unsigned long long cache_cap;   /* its size limit in bytes */
	const char *artist, *album;
	const struct cover *cover;    /* NULL: no cover art */
};

struct render_stats {
	double audio_seconds;
	size_t failed_segments;
	size_t synthesized;          /* sentences the engine spoke */
	size_t from_cache;           /* sentences the cache supplied */
};

/* Narrates art into OUTDIR/slug/.  Sentences the engine cannot speak are
 * skipped with a warning naming their line.  Returns 0, or -1 after
 * reporting (nothing is left under a final name for the failed files). */
int render_article(const struct article *art, const struct preprocessor *pp, const char *slug,
		   const struct render_opts *o, struct render_stats *st);
/* The same with the spoken texts already made (article_spoken). */
int render_spoken(const struct article *art, char *const *spoken, const char *slug,
		  const struct render_opts *o, struct render_stats *st);

#endif
