/*
 * session: what narrating one or many articles shares: the options common
 * to `narrate FILE...` and `narrate batch`, the voice, the preprocessor and
 * the slugs handed out so far.
 */
#ifndef NARRATE_SESSION_H
#define NARRATE_SESSION_H

#include "cover.h"
#include "options.h"
#include "preprocess.h"
#include "render.h"
#include "slug.h"
#include "voice.h"

#include <stdbool.h>
#include <stddef.h>

struct session_config {
	const char *outdir;
	const char *format;
	const char *voice;
	int rate;                 /* 0: the preset's */
	int bitrate_kbps;
	const char *loudness;     /* "-16", "off" or NULL (format's default) */
	unsigned timeout_s;
	const char *artist, *album, *cover;
	bool no_chapter_files;
	char **lexicons;
	size_t n_lexicons;
};

/* The option rows every narrating command accepts (ids from 300 up and a
 * few letters); end with { 0 } in the command's own table after them. */
#define SESSION_OPTIONS \
	{ 'o', "output", "DIR", "write under DIR (default: output)" }, \
	{ 'f', "format", "FMT", "wav, flac, ogg, opus or mp3 (default: mp3)" }, \
	{ 'v', "voice", "NAME|PATH", "voice preset or espeak-ng voice (default: default)" }, \
	{ 300, "rate", "WPM", "speaking rate, words per minute (80-450)" }, \
	{ 301, "lexicon", "FILE", "extra pronunciation lexicon (repeatable; later wins)" }, \
	{ 302, "bitrate", "KBPS", "MP3 and Opus bit rate (default: 96)" }, \
	{ 303, "loudness", "LUFS|off", "target loudness (default: -16 for mp3, ogg, opus; off for wav, flac)" }, \
	{ 304, "timeout", "SECONDS", "kill a silent engine after this long (default: 60)" }, \
	{ 305, "artist", "NAME", "artist tag (default: the voice)" }, \
	{ 306, "album", "NAME", "album tag" }, \
	{ 307, "cover", "FILE", "cover image for MP3 tags (JPEG or PNG)" }, \
	{ 308, "no-chapter-files", NULL, "only the whole-article file, no chapters/ folder" }

/* Takes one SESSION_OPTIONS option.  Returns 1 when it was one, 0 when
 * not, -1 on a bad value (reported). */
int session_option(struct session_config *c, int id, char *arg);

struct session {
	struct voice voice;
	struct preprocessor pp;
	struct render_opts ro;
	struct slugset slugs;
	struct cover cover;
	bool has_cover;
	bool started;
};

/* Checks the configuration and loads everything.  Returns 0, or the exit
 * code to leave with (2 for usage: unknown voice, bad format...). */
int session_start(struct session *s, const struct session_config *c);
/* Narrates one article file.  Returns 0, or -1 after reporting. */
int session_narrate(struct session *s, const char *path, struct render_stats *st);
void session_end(struct session *s);

#endif
