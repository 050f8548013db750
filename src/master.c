/*
 * master: loudness, resampling and look-ahead limiting of the synthesized
 * PCM (see master.h).  Sits between the synthesizer and the encoder.
 *
 * Pass 1 measures the integrated loudness at in_rate (libebur128) and, when
 * there is a ceiling, what the limiter will take off at a given gain
 * (master_limiter.c).  master_plan() then picks the gain that lands on the
 * target after limiting.  Pass 2: int16 -> float with that gain, libsoxr,
 * limiter.  The limiter lags by limiter_delay() samples, which are dropped
 * at the start and pushed out with zeros at the end, so the output is not
 * shifted in time; libsoxr compensates its own delay.
 */
#include "master.h"

#include "buf.h"
#include "diag.h"
#include "master_limiter.h"

#include <ebur128.h>
#include <math.h>
#include <soxr.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#define BLOCK 4096            /* input samples converted per step */
#define MAX_BOOST_DB 12.0     /* most extra gain to make up for limiting */
#define SILENT_PEAK 64        /* pass 1 never above +-64: silent (-54 dBFS) */

struct master {
	struct master_opts o;
	ebur128_state *meter;   /* pass 1, at in_rate; NULL without a target */
	struct limit_estimate *est; /* pass 1; NULL without target or ceiling */
	double thr;             /* limiter ceiling, linear */
	double gain;            /* linear, applied in pass 2 */
	int peak;               /* largest |sample| of pass 1 */
	soxr_t soxr;            /* NULL when in_rate == out_rate */
	struct limiter *lim;    /* NULL without a ceiling */
	size_t dropped;         /* limiter start-up samples dropped so far */
	float in[BLOCK];
	float *out;             /* resampler output, outcap entries */
	size_t outcap;
};

struct master *master_new(const struct master_opts *o)
{
	if (o->in_rate < 8000 || o->in_rate > 192000 || o->out_rate < 8000 ||
	    o->out_rate > 192000) {
		error("sample rates %d -> %d are out of range", o->in_rate, o->out_rate);
		return NULL;
	}
	struct master *m = xcalloc(1, sizeof(*m));
	m->o = *o;
	m->gain = 1.0;
	if (!isnan(o->target_lufs)) {
		m->meter = ebur128_init(1, (unsigned long)o->in_rate,
					 EBUR128_MODE_I | EBUR128_MODE_HISTOGRAM);
		if (!m->meter) {
			master_free(m);
			error("cannot set up the loudness meter");
			return NULL;
		}
	}
	if (o->in_rate != o->out_rate) {
		soxr_error_t err = NULL;
		soxr_io_spec_t io = soxr_io_spec(SOXR_FLOAT32_I, SOXR_FLOAT32_I);
		/* HQ costs no more than MQ or LQ here: the limiter dominates */
		soxr_quality_spec_t q = soxr_quality_spec(SOXR_HQ, 0);
		m->soxr = soxr_create(o->in_rate, o->out_rate, 1, &err, &io, &q, NULL);
		if (!m->soxr) {
			master_free(m);
			error("cannot set up the resampler: %s", err ? err : "unknown error");
			return NULL;
		}
	}
	m->outcap = (size_t)ceil((double)BLOCK * o->out_rate / o->in_rate) + 256;
	m->out = xmalloc(m->outcap * sizeof(*m->out));
	if (!isnan(o->ceiling_dbtp)) {
		m->thr = pow(10.0, (o->ceiling_dbtp - MASTER_TP_MARGIN_DB) / 20.0);
		m->lim = limiter_new(m->thr, o->out_rate);
		if (m->meter)
			m->est = limit_estimate_new(o->in_rate);
	}
	return m;
}

void master_measure(struct master *m, const int16_t *pcm, size_t n)
{
	int peak = m->peak;
	for (size_t i = 0; i < n; i++)
		peak = abs(pcm[i]) > peak ? abs(pcm[i]) : peak;
	m->peak = peak;
	if (!m->meter || !n)
		return;
	ebur128_add_frames_short(m->meter, pcm, n);
	while (m->est && n) {
		size_t k = n < BLOCK ? n : BLOCK;
		for (size_t i = 0; i < k; i++)
			m->in[i] = pcm[i] * (1.0f / 32768.0f);
		limit_estimate_add(m->est, m->in, k);
		pcm += k;
		n -= k;
	}
}

/* The gain (dB) that gives target after the limiter: base is target minus
 * the measured loudness; the limiter's loss grows with the gain, so the
 * loudness after it is monotonic in the gain and bisection finds it. */
static double plan_gain_db(const struct master *m, double base)
{
	double lo = base, hi = base + MAX_BOOST_DB;
	if (!m->est)
		return base;
	for (int i = 0; i < 40; i++) {
		double mid = 0.5 * (lo + hi);
		double loss = limit_estimate_loss_db(m->est, pow(10.0, mid / 20.0), m->thr);
		if (mid - loss < base)
			lo = mid;
		else
			hi = mid;
	}
	return 0.5 * (lo + hi);
}

int master_plan(struct master *m, double *measured_lufs)
{
	double lufs = -HUGE_VAL;
	if (!m->meter) {
		if (measured_lufs)
			*measured_lufs = m->peak > SILENT_PEAK ? NAN : -HUGE_VAL;
		return m->peak > SILENT_PEAK ? 0 : -1;
	}
	if (ebur128_loudness_global(m->meter, &lufs) != EBUR128_SUCCESS)
		lufs = -HUGE_VAL;
	if (measured_lufs)
		*measured_lufs = lufs;
	if (!isfinite(lufs) || lufs < -69.0)
		return -1;
	m->gain = pow(10.0, plan_gain_db(m, m->o.target_lufs + MASTER_CODEC_ALLOWANCE_LU -
						 lufs) / 20.0);
	return 0;
}

double master_gain_db(const struct master *m)
{
	return 20.0 * log10(m->gain);
}

/* Limiter (or clamp) on x[0..n), then hands the result to sink. */
static void master_emit(struct master *m, float *x, size_t n,
			void (*sink)(const float *x, size_t n, void *ctx), void *ctx)
{
	if (m->lim) {
		limiter_run(m->lim, x, n);
		size_t skip = limiter_delay(m->lim) - m->dropped;
		skip = skip < n ? skip : n;
		m->dropped += skip;
		x += skip;
		n -= skip;
	} else {
		for (size_t i = 0; i < n; i++)
			x[i] = x[i] > 1.0f ? 1.0f : x[i] < -1.0f ? -1.0f : x[i];
	}
	if (n)
		sink(x, n, ctx);
}

/* Feeds in[0..n) (n == 0 and in == NULL flushes) through the resampler. */
static int master_resample(struct master *m, const float *in, size_t n,
			   void (*sink)(const float *x, size_t n, void *ctx), void *ctx)
{
	size_t used = 0, done;
	do {
		size_t idone = 0;
		soxr_error_t err = soxr_process(m->soxr, in ? in + used : NULL,
						n - used, &idone, m->out, m->outcap, &done);
		if (err)
			return error("resampler: %s", err);
		used += idone;
		master_emit(m, m->out, done, sink, ctx);
	} while (in ? (used < n || done == m->outcap) : done > 0);
	return 0;
}

int master_process(struct master *m, const int16_t *pcm, size_t n,
		   void (*sink)(const float *x, size_t n, void *ctx), void *ctx)
{
	float scale = (float)(m->gain / 32768.0);
	while (n) {
		size_t k = n < BLOCK ? n : BLOCK;
		for (size_t i = 0; i < k; i++)
			m->in[i] = pcm[i] * scale;
		if (m->soxr) {
			if (master_resample(m, m->in, k, sink, ctx) < 0)
				return -1;
		} else {
			master_emit(m, m->in, k, sink, ctx);
		}
		pcm += k;
		n -= k;
	}
	return 0;
}

int master_finish(struct master *m,
		  void (*sink)(const float *x, size_t n, void *ctx), void *ctx)
{
	if (m->soxr && master_resample(m, NULL, 0, sink, ctx) < 0)
		return -1;
	if (m->lim) {
		/* D zeros push the last D samples out; master_emit keeps dropping
		 * start-up samples, so an article shorter than D still gives n. */
		size_t pad = limiter_delay(m->lim);
		memset(m->in, 0, sizeof(m->in));
		while (pad) {
			size_t k = pad < BLOCK ? pad : BLOCK;
			master_emit(m, m->in, k, sink, ctx);
			pad -= k;
		}
	}
	return 0;
}

void master_free(struct master *m)
{
	if (!m)
		return;
	if (m->meter)
		ebur128_destroy(&m->meter);
	if (m->soxr)
		soxr_delete(m->soxr);
	limiter_free(m->lim);
	limit_estimate_free(m->est);
	free(m->out);
	free(m);
}

/* ---- the meter ---- */

struct master_meter {
	ebur128_state *st;
	int channels;
	double sumsq;
	double frames;
};

struct master_meter *master_meter_new(int rate, int channels)
{
	if (rate < 8000 || rate > 384000 || channels < 1 || channels > 8) {
		error("cannot measure audio at %d Hz with %d channels", rate, channels);
		return NULL;
	}
	struct master_meter *mm = xcalloc(1, sizeof(*mm));
	mm->channels = channels;
	mm->st = ebur128_init((unsigned)channels, (unsigned long)rate,
			      EBUR128_MODE_I | EBUR128_MODE_LRA |
			      EBUR128_MODE_TRUE_PEAK | EBUR128_MODE_SAMPLE_PEAK |
			      EBUR128_MODE_HISTOGRAM);
	if (!mm->st) {
		free(mm);
		error("cannot set up the loudness meter");
		return NULL;
	}
	return mm;
}

int master_meter_add(struct master_meter *mm, const float *x, size_t frames)
{
	double s = 0;
	for (size_t i = 0; i < frames * (size_t)mm->channels; i++)
		s += (double)x[i] * x[i];
	mm->sumsq += s;
	mm->frames += (double)frames;
	if (frames && ebur128_add_frames_float(mm->st, x, frames) != EBUR128_SUCCESS)
		return error("loudness meter failed");
	return 0;
}

static double to_db(double lin)
{
	return lin > 0 ? 20.0 * log10(lin) : -HUGE_VAL;
}

void master_meter_result(struct master_meter *mm, struct master_measurement *out)
{
	double v, tp = 0, sp = 0;
	memset(out, 0, sizeof(*out));
	if (ebur128_loudness_global(mm->st, &v) != EBUR128_SUCCESS || !isfinite(v))
		v = -HUGE_VAL;
	out->integrated_lufs = v;
	if (ebur128_loudness_range(mm->st, &v) != EBUR128_SUCCESS || !isfinite(v))
		v = 0;
	out->range_lu = v;
	for (int c = 0; c < mm->channels; c++) {
		if (ebur128_true_peak(mm->st, (unsigned)c, &v) == EBUR128_SUCCESS && v > tp)
			tp = v;
		if (ebur128_sample_peak(mm->st, (unsigned)c, &v) == EBUR128_SUCCESS && v > sp)
			sp = v;
	}
	out->true_peak_dbtp = to_db(tp);
	out->sample_peak_dbfs = to_db(sp);
	double n = mm->frames * mm->channels;
	out->rms_dbfs = n > 0 ? to_db(sqrt(mm->sumsq / n)) : -HUGE_VAL;
	out->frames = mm->frames;
}

void master_meter_free(struct master_meter *mm)
{
	if (!mm)
		return;
	ebur128_destroy(&mm->st);
	free(mm);
}
