/*
 * master: loudness, resampling and peak limiting between the synthesizer and
 * the encoder.  This is the only module that talks to libebur128 and libsoxr.
 *
 * Mastering runs in two passes over the same PCM, driven by the caller, with
 * bounded memory whatever the length of the article:
 *
 *   struct master *m = master_new(&opts);
 *   for each chunk: master_measure(m, pcm, n);           pass 1 (loudness)
 *   if (master_plan(m, &lufs) < 0) -> silent: warn, write no file
 *   for each chunk: master_process(m, pcm, n, sink, ctx); pass 2 (same samples)
 *   master_finish(m, sink, ctx);
 *   master_free(m);
 *
 * Pass 2 applies one gain, resamples in_rate -> out_rate with libsoxr and
 * runs a look-ahead limiter that holds the 4x oversampled (true) peak under
 * the ceiling, aiming MASTER_TP_MARGIN_DB below it because MP3 encoding adds
 * overshoot.  The gain is chosen so that loudness *after* the limiter is
 * target_lufs + MASTER_CODEC_ALLOWANCE_LU (pass 1 estimates what the limiter
 * will take off).  Without a ceiling, samples beyond +-1 are clipped.  The output is delay-compensated:
 * output sample k belongs to input time k / out_rate, and the whole article
 * gives round(n_in * out_rate / in_rate) samples (+-1).
 *
 * The meter below is the read side (for `narrate check`): loudness, true
 * peak, loudness range and RMS of any float audio.
 */
#ifndef NARRATE_MASTER_H
#define NARRATE_MASTER_H

#include <stddef.h>
#include <stdint.h>

/* How far under the ceiling the limiter aims (dB): headroom for the encoder.
 * LAME at 64-192 kb/s raised the true peak of mastered espeak-ng speech by
 * 0.2-0.5 dB (ffmpeg ebur128, seed article, 3 voices). */
#define MASTER_TP_MARGIN_DB 0.5

/* How far over the loudness target master aims (LU).  The same encodes came
 * out 0.2-0.4 LU quieter than their input, so aiming a little high lands
 * lossless output at target + 0.2 and MP3 at about target - 0.2. */
#define MASTER_CODEC_ALLOWANCE_LU 0.2

struct master_opts {
	double target_lufs;  /* e.g. -16; NAN = no loudness change (gain 1) */
	double ceiling_dbtp; /* e.g. -1.0; NAN = no limiter */
	int in_rate;         /* engine rate, e.g. 22050 */
	int out_rate;        /* 22050, 44100 or 48000 (any 8000..192000 works) */
};

struct master;

/* A mastering chain for one article.  Returns NULL after error() when a
 * rate is out of range or a library cannot be set up.  Free with
 * master_free(). */
struct master *master_new(const struct master_opts *o);

/* Pass 1: every sample of the article (int16 mono at in_rate), any chunking. */
void master_measure(struct master *m, const int16_t *pcm, size_t n);

/* End of pass 1: chooses the gain.  Returns 0, or -1 (no message) when the
 * audio is silent (no sample beyond +-64 of 32768, about -54 dBFS) or, with a target, too quiet or too short
 * (< 400 ms) to measure; the caller warns and writes no file.
 * *measured_lufs (if not NULL) gets the integrated loudness of the input:
 * -HUGE_VAL when silent, NAN when there is no target (not measured).
 * Pass 1 memory is fixed (libebur128's histogram mode), whatever the length. */
int master_plan(struct master *m, double *measured_lufs);

/* Pass 2: the same samples again, in the same order, any chunking.  Output
 * goes to sink (n float samples in [-1, 1] at out_rate, with the caller's
 * ctx), called zero or more times.  Returns 0, or -1 after error()
 * when the resampler fails. */
int master_process(struct master *m, const int16_t *pcm, size_t n,
		   void (*sink)(const float *x, size_t n, void *ctx), void *ctx);

/* End of pass 2: flushes the resampler and the limiter into sink.
 * Returns 0 or -1 after error(). */
int master_finish(struct master *m,
		  void (*sink)(const float *x, size_t n, void *ctx), void *ctx);

/* The gain pass 2 applies, in dB (0 without a target; valid after plan). */
double master_gain_db(const struct master *m);

void master_free(struct master *m);

/* ---- the meter: measures interleaved float audio of any rate ---- */

struct master_meter;

struct master_measurement {
	double integrated_lufs; /* -HUGE_VAL when silent or shorter than 400 ms */
	double range_lu;        /* loudness range (LRA); 0 when too short */
	double true_peak_dbtp;  /* max over channels; -HUGE_VAL for silence */
	double sample_peak_dbfs;
	double rms_dbfs;        /* unweighted RMS over all samples (sine 0 dBFS = -3) */
	double frames;          /* frames measured */
};

/* A meter for channels (1..8) at rate.  NULL after error(). */
struct master_meter *master_meter_new(int rate, int channels);
/* Adds frames interleaved frames.  Returns 0 or -1 after error(). */
int master_meter_add(struct master_meter *mm, const float *x, size_t frames);
/* The results so far; never fails. */
void master_meter_result(struct master_meter *mm, struct master_measurement *out);
void master_meter_free(struct master_meter *mm);

#endif
