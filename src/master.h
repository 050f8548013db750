/*
 * master: loudness, limiting and resampling between the engine and the
 * encoder (the only module that talks to libsoxr and libebur128).
 * Two passes over the same samples: measure, then process.
 */
#ifndef NARRATE_MASTER_H
#define NARRATE_MASTER_H

#include <stddef.h>
#include <stdint.h>

struct master_opts {
	double target_lufs;   /* e.g. -16; NAN = no loudness change */
	double ceiling_dbtp;  /* e.g. -1.0; NAN = no limiter */
	int in_rate;
	int out_rate;
};

struct master;

struct master *master_new(const struct master_opts *o);
void master_measure(struct master *m, const int16_t *pcm, size_t n);
int master_plan(struct master *m, double *measured_lufs);
int master_process(struct master *m, const int16_t *pcm, size_t n,
		   void (*sink)(const float *x, size_t n, void *ctx), void *ctx);
int master_finish(struct master *m, void (*sink)(const float *x, size_t n, void *ctx), void *ctx);
void master_free(struct master *m);

#endif
