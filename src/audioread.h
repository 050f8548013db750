/*
 * audioread: the one module that reads audio files, over libsndfile (WAV,
 * FLAC, Ogg Vorbis/Opus, MP3 ...).  `narrate check` reads episodes through
 * it; the writer is the encoder (audiofile.c).
 *
 *   struct audioread *a = audioread_open("ep.mp3");
 *   while ((n = audioread_float(a, buf, frames)) > 0) ...
 *   audioread_close(a);
 */
#ifndef NARRATE_AUDIOREAD_H
#define NARRATE_AUDIOREAD_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

struct audioread_info {
	int rate;
	int channels;
	long long frames;     /* as the container says (MP3: an estimate) */
	long long bytes;      /* file size */
	const char *format;   /* "wav", "flac", "ogg", "mp3", ... (static) */
	bool is_mp3;
};

/* Opens path, a regular non-empty file libsndfile can read.  Returns NULL
 * after error() naming the file otherwise.  Close with audioread_close(). */
struct audioread *audioread_open(const char *path);

const struct audioread_info *audioread_info(const struct audioread *a);

/* Reads up to frames interleaved frames (channels floats each) into x.
 * Returns the frames read, 0 at the end, -1 after error(). */
ssize_t audioread_float(struct audioread *a, float *x, size_t frames);

/* Title / artist strings the container holds (not ID3v2), or NULL. */
const char *audioread_title(struct audioread *a);
const char *audioread_artist(struct audioread *a);

void audioread_close(struct audioread *a);

#endif
