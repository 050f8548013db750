/*
 * audiofile: the only module that talks to libsndfile (writing).
 *
 * WAV (RF64 past 4 GiB), FLAC, Ogg Vorbis, Opus (48 kHz) and MP3 (44.1 kHz,
 * constant bit rate).  Files are written through publish.c's temporary
 * name with libsndfile's virtual I/O, so every failed write is seen with
 * its errno (libsndfile's sf_close reports success even after a full disk:
 * RELIABILITY.md 5), and an optional prefix (the MP3's ID3v2 tag) sits in
 * front of the encoded stream.
 */
#ifndef NARRATE_AUDIOFILE_H
#define NARRATE_AUDIOFILE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum audio_format { FMT_WAV, FMT_FLAC, FMT_OGG, FMT_OPUS, FMT_MP3 };

/* "wav", "flac", "ogg", "opus", "mp3" -> format; returns -1 if unknown. */
int audio_format_parse(const char *name, enum audio_format *fmt);
const char *audio_format_ext(enum audio_format fmt);
const char *audio_format_mime(enum audio_format fmt);
/* The sample rate a format is written at: Opus 48000, MP3 44100, else the
 * engine's. */
int audio_format_rate(enum audio_format fmt, int engine_rate);

struct audio_writer;

/* Starts final (through its temporary name).  prefix (may be NULL) is
 * written first.  bitrate_kbps applies to MP3 (CBR) and Opus.  WAV is
 * written as RF64, which libsndfile turns into plain WAV when it fits in
 * 4 GiB.  Returns NULL after reporting. */
struct audio_writer *audio_writer_open(const char *final, enum audio_format fmt, int rate,
				       int bitrate_kbps, const void *prefix, size_t prefix_len);
/* Appends mono samples in [-1, 1].  Returns 0, or -1 (kept for commit). */
int audio_writer_write(struct audio_writer *w, const float *x, size_t n);
/* Finishes, checks every write, syncs and renames into place.  Returns 0,
 * or -1 after reporting (no file is left under the final name).  Frees w. */
int audio_writer_commit(struct audio_writer *w);
/* The same, with hook(tmp, ctx) run on the finished temporary file before
 * it is renamed (metadata that libsndfile cannot write). */
int audio_writer_commit_hook(struct audio_writer *w, int (*hook)(const char *tmp, void *ctx),
			     void *ctx);
/* Drops the file; when one of its writes had failed, reports that (the
 * caller has not).  Frees w. */
void audio_writer_abort(struct audio_writer *w);
/* The same for 16-bit samples (no conversion when the file is 16-bit). */
int audio_writer_write_short(struct audio_writer *w, const int16_t *x, size_t n);
/* Frames written so far. */
unsigned long long audio_writer_frames(const struct audio_writer *w);

/* Reads back a finished file's frame count and rate with libsndfile.
 * Returns 0, or -1 when libsndfile cannot read it. */
int audio_file_info(const char *path, unsigned long long *frames, int *rate, int *channels);

#endif
