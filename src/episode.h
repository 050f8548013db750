/*
 * episode: the metadata of one narrated article, <slug>.episode.yaml.
 *
 * The pipeline writes it next to the audio in output/<slug>/ once the
 * episode is finished; `narrate feed` reads every one of them to build the
 * RSS feed, so the feed never has to open the audio.  The file is YAML we
 * write by hand (double-quoted strings, escaped) and read back through
 * yamldoc, e.g.:
 *
 *   title: "Storm closes the coast road"
 *   slug: "storm-closes-the-coast-road"
 *   date: "2022-06-19T06:09:38"
 *   duration: 93.412
 *   audio: "storm-closes-the-coast-road.mp3"
 *   audio_bytes: 1123456
 *   audio_type: "audio/mpeg"
 *   chapters:
 *     - { start: 0.000, end: 41.250, title: "Storm closes the coast road" }
 */
#ifndef NARRATE_EPISODE_H
#define NARRATE_EPISODE_H

#include "buf.h"
#include "sidecar.h"

#include <stddef.h>

struct episode {
	char *title, *slug, *date_iso /* "2022-06-19T06:09:38" or NULL */, *credit, *voice;
	double duration;                 /* seconds */
	char *audio;                     /* file name relative to the episode dir */
	long long audio_bytes; char *audio_type;   /* "audio/mpeg" ... */
	char *chapters_json, *vtt, *srt; /* file names or NULL */
	struct chapter_mark *chapters; size_t n_chapters;  /* titles owned here */
	char *description;               /* first paragraph or so, may be NULL */
};

/* Appends e as YAML text to out; NULL strings are left out.  Never fails. */
void episode_write(const struct episode *e, struct buf *out);
/* Reads path into e (which it overwrites).  title, slug and audio are
 * required; audio and the sidecar names must be plain relative paths inside
 * the episode directory.  Unknown keys are ignored (newer writers may add
 * some).  Returns 0, or -1 after one "path:line:col: ..." error; e is then
 * empty.  Free with episode_release() either way. */
int episode_load(struct episode *e, const char *path);
/* The same from text in memory; name is used in messages. */
int episode_load_string(struct episode *e, const char *name, const char *text, size_t len);
void episode_release(struct episode *e);

#endif
