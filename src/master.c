/*
 * master: interim version without loudness or resampling; the real one
 * (libebur128, libsoxr, limiter) replaces this file.
 */
#include "master.h"

#include "buf.h"
#include "diag.h"

#include <math.h>
#include <stdlib.h>

struct master {
	struct master_opts o;
	size_t loud;
};

struct master *master_new(const struct master_opts *o)
{
	if (o->in_rate != o->out_rate) {
		error("resampling to %d Hz is not available yet", o->out_rate);
		return NULL;
	}
	struct master *m = xcalloc(1, sizeof(*m));
	m->o = *o;
	return m;
}

void master_measure(struct master *m, const int16_t *pcm, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (pcm[i] > 64 || pcm[i] < -64)
			m->loud++;
}

int master_plan(struct master *m, double *measured_lufs)
{
	if (measured_lufs)
		*measured_lufs = NAN;
	return m->loud ? 0 : -1;
}

int master_process(struct master *m, const int16_t *pcm, size_t n,
		   void (*sink)(const float *x, size_t n, void *ctx), void *ctx)
{
	(void)m;
	float buf[4096];
	while (n) {
		size_t k = n > 4096 ? 4096 : n;
		for (size_t i = 0; i < k; i++)
			buf[i] = (float)pcm[i] / 32768.0f;
		sink(buf, k, ctx);
		pcm += k;
		n -= k;
	}
	return 0;
}

int master_finish(struct master *m, void (*sink)(const float *x, size_t n, void *ctx), void *ctx)
{
	(void)m;
	(void)sink;
	(void)ctx;
	return 0;
}

void master_free(struct master *m)
{
	free(m);
}
