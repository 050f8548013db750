/*
 * master_limiter: look-ahead true-peak limiter and its pass-1 loudness
 * estimate (see master_limiter.h).  Used only by master.c.
 */
#include "master_limiter.h"

#include "buf.h"

#include <math.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define LIM_HALF 4            /* interpolation taps on each side */
#define LIM_PHASES 4          /* 4x oversampling, as BS.1770 true peak */
#define LIM_ATTACK_S 0.004    /* look-ahead and attack time */
#define LIM_RELEASE_S 0.080   /* release: gain rises e-fold (8.7 dB) per this */
#define EST_SUB 16            /* histogram bins per octave */
#define EST_OCT 18            /* octaves: 2^-16 .. 2^2 */

/* fmaxf() is an out-of-line libm call (NaN rules); our values are never NaN */
#define MAXF(a, b) ((a) > (b) ? (a) : (b))

/* True-peak estimator: p(c) for the sample LIM_HALF behind the newest. */
struct tpdet {
	float h[LIM_PHASES][2 * LIM_HALF]; /* phase f: x(c-H+1..c+H) -> y(c+f/4) */
	float ring[4 * LIM_HALF]; /* each sample twice: windows are contiguous */
	size_t n;
	float isp_prev;       /* inter-sample peak between c-1 and c */
	float hsum;           /* the largest sum of |h| over a phase */
	float cold;           /* below this no interpolated value can reach... */
	unsigned hot;         /* ...so interpolate only this many more steps */
	int f0, fstep;        /* the phases interpolated: f0, f0 + fstep, ... */
};

/* Windowed sinc at t samples from a tap. */
static double interp_coef(double t)
{
	double w = 0.5 * (1.0 + cos(M_PI * t / (LIM_HALF + 1)));
	return fabs(t) < 1e-12 ? 1.0 : w * sin(M_PI * t) / (M_PI * t);
}

/* level: the lowest peak that matters (the limiter's ceiling; 0 = all).
 * coarse: interpolate the half-sample point only (a third of the work,
 * for the estimate, which needs no guarantee). */
static void tpdet_init(struct tpdet *d, double level, bool coarse)
{
	memset(d, 0, sizeof(*d));
	d->f0 = coarse ? LIM_PHASES / 2 : 1;
	d->fstep = coarse ? LIM_PHASES : 1;
	for (int f = 0; f < LIM_PHASES; f++) {
		double sum = 0;
		for (int j = 0; j < 2 * LIM_HALF; j++) {
			double t = (double)f / LIM_PHASES - (j - LIM_HALF + 1);
			d->h[f][j] = (float)interp_coef(t);
			sum += d->h[f][j];
		}
		float abs_sum = 0;
		for (int j = 0; j < 2 * LIM_HALF; j++) {
			d->h[f][j] = (float)(d->h[f][j] / sum); /* unity gain at DC */
			abs_sum += fabsf(d->h[f][j]);
		}
		d->hsum = fmaxf(d->hsum, abs_sum);
	}
	/* |y| <= hsum * max|w|: while every sample in the window is under
	 * level / hsum, no interpolated value reaches level (5 % slack for
	 * rounding) */
	d->cold = (float)(level / d->hsum * 0.95);
}

/* Pushes x; returns p(c), c = newest - LIM_HALF (zeros before the start).
 * Values under the level given to tpdet_init() may be sample peaks only. */
static float tpdet_push(struct tpdet *d, float x)
{
	const size_t len = 2 * LIM_HALF;
	size_t at = d->n++ % len;
	float isp = 0;
	d->ring[at] = d->ring[at + len] = x;
	const float *w = d->ring + at + 1; /* the last 2H samples, oldest first */
	float xa = x < 0 ? -x : x;
	if (xa >= d->cold)
		d->hot = 2 * LIM_HALF; /* x is in the next 2H windows */
	if (!d->hot) {
		float c = w[LIM_HALF - 1] < 0 ? -w[LIM_HALF - 1] : w[LIM_HALF - 1];
		float p = MAXF(c, d->isp_prev);
		d->isp_prev = 0;
		return p;
	}
	d->hot--;
	for (int f = d->f0; f < LIM_PHASES; f += d->fstep) {
		float y = 0;
		for (size_t j = 0; j < len; j++)
			y += d->h[f][j] * w[j];
		y = y < 0 ? -y : y;
		isp = MAXF(isp, y);
	}
	float c = w[LIM_HALF - 1] < 0 ? -w[LIM_HALF - 1] : w[LIM_HALF - 1];
	float p = MAXF(c, MAXF(isp, d->isp_prev));
	d->isp_prev = isp;
	return p;
}

static size_t pow2_above(size_t n)
{
	size_t p = 1;
	while (p <= n)
		p <<= 1;
	return p;
}

static size_t attack_len(int rate)
{
	size_t len = (size_t)lround(LIM_ATTACK_S * rate);
	return len < 2 ? 2 : len;
}

/* A monotonic deque: the extreme of the last len values pushed. */
struct mono {
	size_t *idx;
	double *val;
	size_t mask, head, tail, len;
	int sign;             /* +1 keeps the minimum, -1 the maximum */
};

static void mono_init(struct mono *q, size_t len, int sign)
{
	q->len = len;
	q->mask = pow2_above(len + 1) - 1;
	q->idx = xcalloc(q->mask + 1, sizeof(*q->idx));
	q->val = xcalloc(q->mask + 1, sizeof(*q->val));
	q->head = q->tail = 0;
	q->sign = sign;
}

static void mono_release(struct mono *q)
{
	free(q->idx);
	free(q->val);
}

/* Pushes v as element i; returns the extreme over [i-len+1, i]. */
static double mono_push(struct mono *q, size_t i, double v)
{
	double sv = q->sign * v;
	while (q->tail > q->head && q->sign * q->val[(q->tail - 1) & q->mask] >= sv)
		q->tail--;
	q->idx[q->tail & q->mask] = i;
	q->val[q->tail & q->mask] = v;
	q->tail++;
	while (q->idx[q->head & q->mask] + q->len <= i)
		q->head++;
	return q->val[q->head & q->mask];
}

struct limiter {
	double thr;           /* linear ceiling the output stays under */
	struct tpdet tp;
	struct mono qmin;     /* M: look-ahead minimum of q */
	size_t delay;         /* D = LIM_HALF + L - 1 */
	double rel;           /* release coefficient per sample */
	float *x;             /* signal ring, xmask + 1 > D entries */
	size_t xmask;
	double *r;            /* R ring for the box mean, rmask + 1 > L entries */
	size_t rmask;
	double rsum, rprev;
	size_t n;             /* samples pushed so far */
};

struct limiter *limiter_new(double thr, int rate)
{
	struct limiter *l = xcalloc(1, sizeof(*l));
	size_t len = attack_len(rate);
	l->thr = thr;
	tpdet_init(&l->tp, thr, false);
	mono_init(&l->qmin, len, 1);
	l->delay = LIM_HALF + len - 1;
	l->rel = exp(1.0 / (LIM_RELEASE_S * rate));
	l->xmask = pow2_above(l->delay + 1) - 1;
	l->x = xcalloc(l->xmask + 1, sizeof(*l->x));
	l->rmask = pow2_above(len + 1) - 1;
	l->r = xcalloc(l->rmask + 1, sizeof(*l->r));
	for (size_t i = 0; i <= l->rmask; i++)
		l->r[i] = 1.0; /* before the start the gain is 1 */
	l->rsum = (double)len;
	l->rprev = 1.0;
	return l;
}

size_t limiter_delay(const struct limiter *l)
{
	return l->delay;
}

static float limiter_push(struct limiter *l, float x)
{
	size_t s = l->n++, len = l->qmin.len;
	l->x[s & l->xmask] = x;
	float p = tpdet_push(&l->tp, x);
	double q = p > l->thr ? l->thr / p : 1.0;
	double m = mono_push(&l->qmin, s, q);
	double r = l->rprev * l->rel; /* release: a steady rise in dB */
	r = r > 1.0 ? 1.0 : r;
	r = m < r ? m : r;
	l->rprev = r;
	/* R(s) enters the box mean and R(s - L) leaves it */
	l->rsum += r - l->r[(s - len) & l->rmask];
	l->r[s & l->rmask] = r;
	double g = l->rsum / (double)len;
	return (float)(g * l->x[(s - l->delay) & l->xmask]);
}

void limiter_run(struct limiter *l, float *x, size_t n)
{
	for (size_t i = 0; i < n; i++)
		x[i] = limiter_push(l, x[i]);
}

void limiter_free(struct limiter *l)
{
	if (!l)
		return;
	mono_release(&l->qmin);
	free(l->x);
	free(l->r);
	free(l);
}

struct limit_estimate {
	struct tpdet tp;
	struct mono pmax;     /* look-ahead maximum of p */
	float *x;             /* signal ring, xmask + 1 > D entries */
	size_t xmask, delay, n;
	double rel, env;
	double hist[EST_OCT * EST_SUB]; /* energy by peak-envelope level */
};

struct limit_estimate *limit_estimate_new(int rate)
{
	struct limit_estimate *e = xcalloc(1, sizeof(*e));
	size_t len = attack_len(rate);
	tpdet_init(&e->tp, 0, true);
	mono_init(&e->pmax, len, -1);
	e->delay = LIM_HALF + len - 1;
	e->xmask = pow2_above(e->delay + 1) - 1;
	e->x = xcalloc(e->xmask + 1, sizeof(*e->x));
	e->rel = exp(-1.0 / (LIM_RELEASE_S * rate));
	return e;
}

/* Histogram bin of level v: EST_SUB bins per octave from 2^-16. */
static size_t level_bin(float v)
{
	uint32_t bits;
	memcpy(&bits, &v, sizeof(bits));
	int oct = (int)((bits >> 23) & 0xff) - 127 + 16;
	if (oct < 0)
		return 0;
	if (oct >= EST_OCT)
		return EST_OCT * EST_SUB - 1;
	return (size_t)oct * EST_SUB + ((bits >> (23 - 4)) & (EST_SUB - 1));
}

static double bin_level(size_t b)
{
	return ldexp(1.0 + ((double)(b % EST_SUB) + 0.5) / EST_SUB,
		     (int)(b / EST_SUB) - 16);
}

void limit_estimate_add(struct limit_estimate *e, const float *x, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		size_t s = e->n++;
		e->x[s & e->xmask] = x[i];
		double m = mono_push(&e->pmax, s, tpdet_push(&e->tp, x[i]));
		e->env = m > e->env * e->rel ? m : e->env * e->rel;
		float y = e->x[(s - e->delay) & e->xmask]; /* the sample env covers */
		e->hist[level_bin((float)e->env)] += (double)y * y;
	}
}

double limit_estimate_loss_db(const struct limit_estimate *e, double gain,
			      double thr)
{
	double c = thr / gain, tot = 0, kept = 0;
	for (size_t b = 0; b < EST_OCT * EST_SUB; b++) {
		double v = bin_level(b), f = v > c ? (c / v) * (c / v) : 1.0;
		tot += e->hist[b];
		kept += e->hist[b] * f;
	}
	return tot > 0 && kept > 0 ? 10.0 * log10(tot / kept) : 0.0;
}

void limit_estimate_free(struct limit_estimate *e)
{
	if (!e)
		return;
	mono_release(&e->pmax);
	free(e->x);
	free(e);
}
