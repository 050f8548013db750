/*
 * Unit tests for master: silence is refused, the output has the promised
 * length and no latency, the limiter holds the 4x-oversampled peak, and the
 * loudness lands on the target.  Loudness and true peak are read back by
 * ffmpeg's ebur128 filter (a reader we did not write) from a WAV written
 * here with libsndfile; those tests skip when ffmpeg is missing.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include <math.h>
#include <sndfile.h>

#include "buf.h"
#include "diag.h"
#include "master.h"

struct out {
	float *x;
	size_t n, cap;
};

static void collect(const float *x, size_t n, void *ctx)
{
	struct out *o = ctx;
	if (o->n + n > o->cap) {
		o->cap = (o->n + n) * 2;
		o->x = xrealloc(o->x, o->cap * sizeof(*o->x));
	}
	memcpy(o->x + o->n, x, n * sizeof(*x));
	o->n += n;
}

/* Small deterministic noise in [-1, 1]. */
static double noise(uint32_t *s)
{
	*s = *s * 1664525u + 1013904223u;
	return (double)(*s >> 8) / (1 << 23) - 1.0;
}

/* Runs both passes over pcm in uneven chunks; returns plan's result. */
static int run(const struct master_opts *o, const int16_t *pcm, size_t n,
	       struct out *out, double *lufs)
{
	static const size_t chunks[] = { 1, 4095, 777, 10000, 3 };
	struct master *m = master_new(o);
	assert_non_null(m);
	size_t i = 0, c = 0;
	while (i < n) {
		size_t k = chunks[c++ % 5];
		k = k < n - i ? k : n - i;
		master_measure(m, pcm + i, k);
		i += k;
	}
	int r = master_plan(m, lufs);
	if (r == 0) {
		for (i = 0, c = 2; i < n;) {
			size_t k = chunks[c++ % 5];
			k = k < n - i ? k : n - i;
			assert_int_equal(master_process(m, pcm + i, k, collect, out), 0);
			i += k;
		}
		assert_int_equal(master_finish(m, collect, out), 0);
	}
	master_free(m);
	return r;
}

static int16_t *tone(size_t n, int rate, double hz, double amp)
{
	int16_t *p = xmalloc(n * sizeof(*p));
	for (size_t i = 0; i < n; i++)
		p[i] = (int16_t)lrint(32767 * amp * sin(2 * M_PI * hz * (double)i / rate + 0.5));
	return p;
}

/* Speech-like: noise bursts of varying level with sharp clicks (a high
 * peak-to-loudness ratio, so the limiter has to work). */
static int16_t *speechlike(size_t n, int rate)
{
	int16_t *p = xmalloc(n * sizeof(*p));
	uint32_t s = 12345;
	for (size_t i = 0; i < n; i++) {
		double t = (double)i / rate;
		double env = 0.05 + 0.05 * sin(2 * M_PI * 3.1 * t) * sin(2 * M_PI * 0.37 * t);
		double v = env * noise(&s) + 0.03 * sin(2 * M_PI * 180 * t) * (env > 0.07);
		if (i % (rate / 3) == 100)
			v = 0.9; /* a click every third of a second */
		p[i] = (int16_t)lrint(32767 * fmax(-1, fmin(1, v)));
	}
	return p;
}

static void test_silence_refused(void **state)
{
	(void)state;
	struct master_opts o = { -16, -1, 22050, 44100 };
	int16_t *z = xcalloc(22050 * 3, sizeof(*z));
	struct out out = { 0 };
	double lufs = 0;
	assert_int_equal(run(&o, z, 22050 * 3, &out, &lufs), -1);
	assert_true(isinf(lufs) && lufs < 0);
	assert_int_equal(out.n, 0);
	/* too short to measure (under one 400 ms block) */
	int16_t *t = tone(2000, 22050, 440, 0.5);
	assert_int_equal(run(&o, t, 2000, &out, NULL), -1);
	/* nothing at all */
	assert_int_equal(run(&o, NULL, 0, &out, NULL), -1);
	/* all zero without a loudness target is refused too */
	struct master_opts plain = { NAN, NAN, 22050, 22050 };
	assert_int_equal(run(&plain, z, 22050, &out, NULL), -1);
	assert_int_equal(out.n, 0);
	free(z);
	free(t);
}

static void test_length_contract(void **state)
{
	(void)state;
	static const int rates[][2] = { { 22050, 44100 }, { 22050, 48000 },
					{ 22050, 22050 }, { 16000, 44100 } };
	static const size_t lens[] = { 1, 1000, 22050 * 2 + 17 };
	for (size_t r = 0; r < 4; r++) {
		for (size_t l = 0; l < 3; l++) {
			struct master_opts o = { NAN, -1, rates[r][0], rates[r][1] };
			int16_t *p = tone(lens[l], rates[r][0], 300, 0.3);
			struct out out = { 0 };
			assert_int_equal(run(&o, p, lens[l], &out, NULL), 0);
			double want = round((double)lens[l] * rates[r][1] / rates[r][0]);
			assert_true(fabs((double)out.n - want) <= 1);
			free(p);
			free(out.x);
		}
	}
}

/* Index of the largest |x|. */
static size_t argmax(const float *x, size_t n)
{
	size_t best = 0;
	for (size_t i = 1; i < n; i++)
		if (fabsf(x[i]) > fabsf(x[best]))
			best = i;
	return best;
}

static void test_no_latency(void **state)
{
	(void)state;
	static const int outs[] = { 22050, 44100, 48000 };
	static const double amps[] = { 0.3, 1.0 }; /* 1.0: the limiter acts */
	size_t n = 22050, at = 11025 + 7;
	for (size_t r = 0; r < 3; r++) {
		for (size_t a = 0; a < 2; a++) {
			struct master_opts o = { NAN, -1, 22050, outs[r] };
			int16_t *p = xcalloc(n, sizeof(*p));
			p[at] = (int16_t)lrint(32767 * amps[a]);
			struct out out = { 0 };
			assert_int_equal(run(&o, p, n, &out, NULL), 0);
			double want = (double)at * outs[r] / 22050;
			assert_true(fabs((double)argmax(out.x, out.n) - want) <= 1.0);
			free(p);
			free(out.x);
		}
	}
}

static void test_passthrough(void **state)
{
	(void)state;
	struct master_opts o = { NAN, NAN, 22050, 22050 };
	int16_t *p = tone(5000, 22050, 440, 0.9);
	struct out out = { 0 };
	assert_int_equal(run(&o, p, 5000, &out, NULL), 0);
	assert_int_equal(out.n, 5000);
	for (size_t i = 0; i < 5000; i++)
		assert_true(out.x[i] == p[i] / 32768.0f);
	free(p);
	free(out.x);
}

/* The 4x-oversampled peak of x, by a long windowed-sinc interpolator
 * written independently of the limiter's (64 taps a side). */
static double oversampled_peak(const float *x, size_t n)
{
	double peak = 0;
	for (size_t i = 0; i < n; i++) {
		peak = fmax(peak, fabs(x[i]));
		for (int f = 1; f < 4; f++) {
			double y = 0, t0 = f / 4.0;
			for (int j = -63; j <= 64; j++) {
				long k = (long)i + j;
				if (k < 0 || k >= (long)n)
					continue;
				double t = t0 - j;
				double w = 0.42 + 0.5 * cos(M_PI * t / 65) + 0.08 * cos(2 * M_PI * t / 65);
				y += x[k] * w * sin(M_PI * t) / (M_PI * t);
			}
			peak = fmax(peak, fabs(y));
		}
	}
	return 20 * log10(peak);
}

static void test_limiter_ceiling(void **state)
{
	(void)state;
	/* full-scale tones near a quarter of the rate (worst inter-sample
	 * peaks) and clicks, pushed far over the ceiling by a 0 LUFS target */
	size_t n = 22050;
	int16_t *p = tone(n, 22050, 5400, 0.5);
	for (size_t i = 0; i < n; i += 2205)
		p[i] = (int16_t)(i % 2 ? -32768 : 32767);
	for (int out_rate = 22050; out_rate <= 44100; out_rate *= 2) {
		struct master_opts o = { 0, -1, 22050, out_rate };
		struct out out = { 0 };
		assert_int_equal(run(&o, p, n, &out, NULL), 0);
		double tp = oversampled_peak(out.x, out.n);
		/* under the ceiling, with some headroom left for the encoder */
		if (tp > -1.15)
			fail_msg("true peak %.2f dBTP at %d Hz: over -1.15 dBTP", tp, out_rate);
		free(out.x);
	}
	free(p);
}

/* ---- read back by ffmpeg ---- */

static bool have_ffmpeg(void)
{
	return system("ffmpeg -version >/dev/null 2>&1") == 0;
}

static void write_wav(const char *path, const float *x, size_t n, int rate)
{
	SF_INFO si = { .samplerate = rate, .channels = 1,
		       .format = SF_FORMAT_WAV | SF_FORMAT_FLOAT };
	SNDFILE *sf = sf_open(path, SFM_WRITE, &si);
	assert_non_null(sf);
	assert_int_equal(sf_writef_float(sf, x, (sf_count_t)n), (sf_count_t)n);
	sf_close(sf);
}

/* Integrated loudness and true peak of path, as ffmpeg reports them. */
static void ffmpeg_ebur128(const char *path, double *lufs, double *tp)
{
	struct buf cmd = BUF_INIT;
	char line[512];
	buf_addf(&cmd, "ffmpeg -hide_banner -nostats -i '%s' -af "
		 "ebur128=peak=true:framelog=verbose -f null - 2>&1", path);
	FILE *f = popen(cmd.data, "r");
	assert_non_null(f);
	bool summary = false;
	*lufs = *tp = NAN;
	while (fgets(line, sizeof(line), f)) {
		if (strstr(line, "Summary:"))
			summary = true;
		if (summary)
			sscanf(line, " I: %lf", lufs), sscanf(line, " Peak: %lf", tp);
	}
	pclose(f);
	buf_release(&cmd);
}

static void loudness_case(const int16_t *p, size_t n, double target, int out_rate)
{
	char path[] = "/tmp/test_master_XXXXXX.wav";
	int fd = mkstemps(path, 4);
	assert_true(fd >= 0);
	close(fd);
	struct master_opts o = { target, -1, 22050, out_rate };
	struct out out = { 0 };
	assert_int_equal(run(&o, p, n, &out, NULL), 0);
	write_wav(path, out.x, out.n, out_rate);
	double lufs, tp;
	ffmpeg_ebur128(path, &lufs, &tp);
	unlink(path);
	free(out.x);
	if (!(fabs(lufs - target) <= 0.5) || !(tp <= -1.0))
		fail_msg("target %.1f at %d Hz: ffmpeg reads I=%.1f LUFS, TP=%.1f dBTP",
			 target, out_rate, lufs, tp);
}

static void test_loudness_by_ffmpeg(void **state)
{
	(void)state;
	if (!have_ffmpeg())
		skip();
	size_t n = 22050 * 12;
	int16_t *quiet = tone(n, 22050, 1000, 0.01);  /* about -41 LUFS */
	int16_t *loud = tone(n, 22050, 1000, 0.9);    /* about -1.6 LUFS */
	int16_t *speech = speechlike(n, 22050);       /* peaky */
	loudness_case(quiet, n, -16, 44100);
	loudness_case(loud, n, -16, 48000);
	loudness_case(speech, n, -16, 44100);
	loudness_case(speech, n, -23, 22050);
	free(quiet);
	free(loud);
	free(speech);
}

/* ---- real speech: espeak-ng's CLI -> master -> MP3 (libsndfile) -> ffmpeg ---- */

static const char own_text[] =
	"Harbour lights. The ferry left the north pier at six, twenty minutes late, "
	"because fog had settled over the estuary before dawn. Passengers waited "
	"in the hall with coffee; one of them said she had made the same crossing "
	"every week for thirty-one years and had never seen the water so still. "
	"By eight the sun had burned the fog away!";

static int16_t *read_pcm(const char *path, size_t *n, int *rate)
{
	SF_INFO si = { 0 };
	SNDFILE *sf = sf_open(path, SFM_READ, &si);
	assert_non_null(sf);
	assert_int_equal(si.channels, 1);
	int16_t *p = xmalloc((size_t)si.frames * sizeof(*p) + 1);
	*n = (size_t)sf_readf_short(sf, p, si.frames);
	*rate = si.samplerate;
	sf_close(sf);
	return p;
}

static void write_mp3(const char *path, const float *x, size_t n, int rate)
{
	SF_INFO si = { .samplerate = rate, .channels = 1,
		       .format = SF_FORMAT_MPEG | SF_FORMAT_MPEG_LAYER_III };
	SNDFILE *sf = sf_open(path, SFM_WRITE, &si);
	assert_non_null(sf);
	int mode = SF_BITRATE_MODE_CONSTANT;
	double level = (320.0 - 96) / (320 - 32); /* 96 kb/s */
	sf_command(sf, SFC_SET_BITRATE_MODE, &mode, sizeof(mode));
	sf_command(sf, SFC_SET_COMPRESSION_LEVEL, &level, sizeof(level));
	assert_int_equal(sf_writef_float(sf, x, (sf_count_t)n), (sf_count_t)n);
	sf_close(sf);
}

/* Speaks text_file with espeak-ng, masters it to -16 LUFS / -1 dBTP at
 * 44.1 kHz, encodes a 96 kb/s MP3 and checks it the way podcast apps do. */
static void speech_case(const char *text_file)
{
	char wav[] = "/tmp/test_master_XXXXXX.wav", mp3[] = "/tmp/test_master_XXXXXX.mp3";
	int fd1 = mkstemps(wav, 4), fd2 = mkstemps(mp3, 4);
	assert_true(fd1 >= 0 && fd2 >= 0);
	close(fd1);
	close(fd2);
	struct buf cmd = BUF_INIT;
	buf_addf(&cmd, "espeak-ng -w '%s' -f '%s'", wav, text_file);
	assert_int_equal(system(cmd.data), 0);
	buf_release(&cmd);
	size_t n;
	int rate;
	int16_t *pcm = read_pcm(wav, &n, &rate);
	struct master_opts o = { -16, -1, rate, 44100 };
	struct out out = { 0 };
	assert_int_equal(run(&o, pcm, n, &out, NULL), 0);
	write_mp3(mp3, out.x, out.n, 44100);
	double lufs, tp;
	ffmpeg_ebur128(mp3, &lufs, &tp);
	unlink(wav);
	unlink(mp3);
	free(pcm);
	free(out.x);
	print_message("%s: MP3 I=%.1f LUFS, TP=%.1f dBTP\n", text_file, lufs, tp);
	if (!(fabs(lufs + 16) <= 0.5) || !(tp <= -1.0))
		fail_msg("%s: the MP3 reads I=%.1f LUFS, TP=%.1f dBTP (want -16 +-0.5, <= -1)",
			 text_file, lufs, tp);
}

static void test_speech_mp3(void **state)
{
	(void)state;
	if (!have_ffmpeg() || system("espeak-ng --version >/dev/null 2>&1"))
		skip();
	char txt[] = "/tmp/test_master_XXXXXX.txt";
	int fd = mkstemps(txt, 4);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, own_text, sizeof(own_text) - 1), (ssize_t)sizeof(own_text) - 1);
	close(fd);
	speech_case(txt);
	unlink(txt);
	const char *seed = "../shared/seeds/000_0b1b58425bc53629.txt";
	if (access(seed, R_OK) == 0)
		speech_case(seed);
}

int main(void)
{
	diag_quiet = true;
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_silence_refused),
		cmocka_unit_test(test_length_contract),
		cmocka_unit_test(test_no_latency),
		cmocka_unit_test(test_passthrough),
		cmocka_unit_test(test_limiter_ceiling),
		cmocka_unit_test(test_loudness_by_ffmpeg),
		cmocka_unit_test(test_speech_mp3),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
