/*
 * master_limiter: the look-ahead true-peak limiter of the mastering chain
 * (master.c), and the pass-1 estimate of how much loudness it will take away.
 * Pure arithmetic; no library.
 *
 * The limiter, per sample c:
 *   p(c)  = true-peak estimate: |x(c)| and the 4x-interpolated values on both
 *           sides of c (windowed-sinc polyphase, LIM_HALF taps a side);
 *   q(c)  = min(1, thr / p(c))                      the gain c needs;
 *   M(k)  = min q over [k, k+L-1]                   look ahead L samples;
 *   R(k)  = min(M(k), 1, R(k-1) * rel)              release at a steady dB rate;
 *   G(t)  = mean of R over [t-L+1, t]               a smooth attack.
 * Every R(k) averaged into G(t) looked at q(t), so G(t) <= q(t): the output
 * G(t)·x(t) stays under thr without clipping.  The output lags the input by
 * limiter_delay() samples; the caller drops that many at the start and pushes
 * that many zeros at the end.
 */
#ifndef NARRATE_MASTER_LIMITER_H
#define NARRATE_MASTER_LIMITER_H

#include <stddef.h>

struct limiter;

/* A limiter holding the true peak under thr (linear, > 0) at rate.  Never
 * fails (aborts when out of memory); free with limiter_free(). */
struct limiter *limiter_new(double thr, int rate);
/* Samples the output lags the input. */
size_t limiter_delay(const struct limiter *l);
/* Limits x[0..n) in place: x[i] becomes the output for input i - delay
 * (zeros before the start). */
void limiter_run(struct limiter *l, float *x, size_t n);
void limiter_free(struct limiter *l);

/* Pass 1: the limiter's loudness cost, from an energy histogram over the
 * limiter's peak envelope of the unscaled input. */
struct limit_estimate;

struct limit_estimate *limit_estimate_new(int rate);
void limit_estimate_add(struct limit_estimate *e, const float *x, size_t n);
/* Loudness (dB, >= 0) the limiter would remove when the input is scaled by
 * gain and limited at thr. */
double limit_estimate_loss_db(const struct limit_estimate *e, double gain,
			      double thr);
void limit_estimate_free(struct limit_estimate *e);

#endif
