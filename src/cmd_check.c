/*
 * cmd_check: `narrate check FILE...`, the compliance report.  Reads each
 * episode back (audioread, master's meter, id3read) and prints one line per
 * property, PASS or FAIL against a preset (podcast, ebu-r128, acx), or
 * "info" where the preset asks nothing.  The last stage of the pipeline: it
 * judges files, whoever wrote them.
 */
#include "cli.h"

#include "audioread.h"
#include "buf.h"
#include "diag.h"
#include "id3read.h"
#include "master.h"

#include <getopt.h>
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char usage[] =
	"usage: narrate check [--preset NAME] FILE...\n"
	"\n"
	"Measures each audio file and prints PASS or FAIL per property:\n"
	"integrated loudness, true peak, loudness range, RMS, sample peak, duration,\n"
	"sample rate, bitrate, chapters and tags (ID3v2 for MP3).\n"
	"  --preset NAME    podcast (default): -16 LUFS +-1, true peak <= -1 dBTP,\n"
	"                     44.1/48 kHz, MP3 >= 96 kb/s mono or >= 128 kb/s stereo,\n"
	"                     title and artist tags\n"
	"                   ebu-r128: -23 LUFS +-1, true peak <= -1 dBTP\n"
	"                   acx: RMS -23..-18 dB, sample peak <= -3 dBFS, 44.1 kHz,\n"
	"                     MP3 >= 192 kb/s, at most 120 minutes\n"
	"  -h, --help       this help\n"
	"Exit status: 0 all PASS, 1 a FAIL or an unreadable file, 2 usage.\n";

/* NAN (or 0 for the rates and bitrates) = the preset does not check it. */
struct preset {
	const char *name;
	double lufs, lufs_tol;
	double tp_max;        /* dBTP */
	double rms_lo, rms_hi;
	double peak_max;      /* sample peak, dBFS */
	int rate_a, rate_b;   /* accepted sample rates */
	double kbps_mono, kbps_stereo;
	double max_seconds;
	bool need_tags;
};

static const struct preset presets[] = {
	{ "podcast", -16, 1, -1, NAN, NAN, NAN, 44100, 48000, 96, 128, NAN, true },
	{ "ebu-r128", -23, 1, -1, NAN, NAN, NAN, 0, 0, 0, 0, NAN, false },
	{ "acx", NAN, NAN, NAN, -23, -18, -3, 44100, 0, 192, 192, 7200, false },
};

enum verdict { INFO, PASS, FAIL };

/* What was read from one file. */
struct facts {
	const struct audioread_info *ai;
	struct master_measurement mm;
	double seconds;
	double kbps;
	struct id3read_tag id3;
	const char *title, *artist; /* container strings (not MP3) */
};

struct report {
	struct buf out;
	int fails;
};

static void row(struct report *r, enum verdict v, const char *name,
		const char *value, const char *want)
{
	static const char *const word[] = { "info", "PASS", "FAIL" };
	if (*want)
		buf_addf(&r->out, "  %-4s  %-20s %-30s want %s\n", word[v], name, value, want);
	else
		buf_addf(&r->out, "  %-4s  %-20s %s\n", word[v], name, value);
	if (v == FAIL)
		r->fails++;
}

static const char *db_text(struct buf *b, double v, const char *unit)
{
	buf_reset(b);
	if (isfinite(v))
		buf_addf(b, "%.1f %s", v, unit);
	else
		buf_addf(b, "-inf %s", unit);
	return b->data;
}

static void check_loudness(struct report *r, const struct preset *p,
			   const struct facts *f)
{
	struct buf v = BUF_INIT, w = BUF_INIT;
	const struct master_measurement *m = &f->mm;
	db_text(&v, m->integrated_lufs, "LUFS");
	if (isnan(p->lufs)) {
		row(r, INFO, "integrated loudness", v.data, "");
	} else {
		buf_addf(&w, "%.0f +-%.0f LUFS", p->lufs, p->lufs_tol);
		row(r, fabs(m->integrated_lufs - p->lufs) <= p->lufs_tol ? PASS : FAIL,
		    "integrated loudness", v.data, w.data);
	}
	db_text(&v, m->true_peak_dbtp, "dBTP");
	buf_reset(&w);
	if (isnan(p->tp_max)) {
		row(r, INFO, "true peak", v.data, "");
	} else {
		buf_addf(&w, "<= %.1f dBTP", p->tp_max);
		row(r, m->true_peak_dbtp <= p->tp_max ? PASS : FAIL, "true peak", v.data, w.data);
	}
	buf_reset(&v);
	buf_addf(&v, "%.1f LU", m->range_lu);
	row(r, INFO, "loudness range", v.data, "");
	buf_release(&v);
	buf_release(&w);
}

static void check_levels(struct report *r, const struct preset *p,
			 const struct facts *f)
{
	struct buf v = BUF_INIT, w = BUF_INIT;
	db_text(&v, f->mm.rms_dbfs, "dB");
	if (isnan(p->rms_lo)) {
		row(r, INFO, "rms", v.data, "");
	} else {
		buf_addf(&w, "%.0f to %.0f dB", p->rms_lo, p->rms_hi);
		row(r, f->mm.rms_dbfs >= p->rms_lo && f->mm.rms_dbfs <= p->rms_hi ? PASS : FAIL,
		    "rms", v.data, w.data);
	}
	db_text(&v, f->mm.sample_peak_dbfs, "dBFS");
	buf_reset(&w);
	if (isnan(p->peak_max)) {
		row(r, INFO, "sample peak", v.data, "");
	} else {
		buf_addf(&w, "<= %.1f dBFS", p->peak_max);
		row(r, f->mm.sample_peak_dbfs <= p->peak_max ? PASS : FAIL, "sample peak",
		    v.data, w.data);
	}
	buf_release(&v);
	buf_release(&w);
}

static void check_stream(struct report *r, const struct preset *p,
			 const struct facts *f)
{
	struct buf v = BUF_INIT, w = BUF_INIT;
	buf_addf(&v, "%.2f s", f->seconds);
	if (!isnan(p->max_seconds))
		buf_addf(&w, "> 0 and <= %.0f s", p->max_seconds);
	else
		buf_adds(&w, "> 0 s");
	row(r, f->seconds > 0 && !(f->seconds > p->max_seconds) ? PASS : FAIL, "duration",
	    v.data, w.data);

	int rate = f->ai->rate;
	buf_reset(&v);
	buf_reset(&w);
	buf_addf(&v, "%d Hz", rate);
	if (p->rate_a) {
		buf_addf(&w, "%d", p->rate_a);
		if (p->rate_b)
			buf_addf(&w, " or %d", p->rate_b);
		buf_adds(&w, " Hz");
		row(r, rate == p->rate_a || (p->rate_b && rate == p->rate_b) ? PASS : FAIL,
		    "sample rate", v.data, w.data);
	} else {
		row(r, INFO, "sample rate", v.data, "");
	}

	bool mono = f->ai->channels == 1;
	double need = mono ? p->kbps_mono : p->kbps_stereo;
	buf_reset(&v);
	buf_reset(&w);
	buf_addf(&v, "%.0f kb/s, %s", f->kbps, mono ? "mono" : f->ai->channels == 2 ?
		 "stereo" : "multichannel");
	if (need > 0 && f->ai->is_mp3) { /* the rules are for MP3 */
		buf_addf(&w, ">= %.0f kb/s %s", need, mono ? "mono" : "stereo");
		row(r, f->kbps >= need - 0.5 ? PASS : FAIL, "bitrate", v.data, w.data);
	} else {
		row(r, INFO, "bitrate", v.data, "");
	}
	buf_release(&v);
	buf_release(&w);
}

/* s in quotes, cut to about 40 bytes on a character boundary. */
static void add_quoted(struct buf *b, const char *s)
{
	size_t n = strlen(s), cut = n > 40 ? 40 : n;
	while (cut < n && ((unsigned char)s[cut] & 0xc0) == 0x80)
		cut--;
	buf_addc(b, '"');
	buf_add(b, s, cut);
	buf_adds(b, cut < n ? "...\"" : "\"");
}

/* Why the ID3 chapters are inconsistent, or NULL when they are fine. */
static const char *chapters_problem(const struct id3read_tag *t, double seconds)
{
	if (t->n_top != 1)
		return "exactly one top-level CTOC";
	if (!t->top_ordered)
		return "CTOC flagged ordered";
	if (t->top_entries != t->n_chap)
		return "CTOC listing every CHAP";
	for (size_t i = 0; i < t->n_chap; i++) {
		const struct id3read_chapter *c = &t->chap[i];
		if (!c->title || !*c->title)
			return "a TIT2 in every CHAP";
		if (c->end_ms < c->start_ms || (i && c->start_ms < t->chap[i - 1].start_ms))
			return "CHAPs in time order";
		if (c->start_ms > seconds * 1000 + 500)
			return "CHAPs within the audio";
	}
	return NULL;
}

static void check_chapters(struct report *r, const struct facts *f)
{
	struct buf v = BUF_INIT;
	if (!f->ai->is_mp3) {
		buf_addf(&v, "n/a (not read from %s)", f->ai->format);
		row(r, INFO, "chapters", v.data, "");
	} else if (!f->id3.n_chap && !f->id3.n_toc) {
		row(r, INFO, "chapters", "none", "");
	} else {
		const char *why = chapters_problem(&f->id3, f->seconds);
		buf_addf(&v, "%zu CHAP, %zu CTOC", f->id3.n_chap, f->id3.n_toc);
		row(r, why ? FAIL : PASS, "chapters", v.data, why ? why : "");
		for (size_t i = 0; i < f->id3.n_chap; i++) {
			uint32_t ms = f->id3.chap[i].start_ms;
			buf_addf(&r->out, "        %02u:%02u:%02u.%03u ", ms / 3600000,
				 ms / 60000 % 60, ms / 1000 % 60, ms % 1000);
			add_quoted(&r->out, f->id3.chap[i].title ? f->id3.chap[i].title : "");
			buf_addc(&r->out, '\n');
		}
	}
	buf_release(&v);
}

static void check_tags(struct report *r, const struct preset *p, const struct facts *f)
{
	struct buf v = BUF_INIT;
	const char *title = f->ai->is_mp3 ? f->id3.title : f->title;
	const char *artist = f->ai->is_mp3 ? f->id3.artist : f->artist;
	if (f->ai->is_mp3)
		buf_addf(&v, f->id3.version ? "ID3v2.%d " : "no ID3v2 tag ", f->id3.version);
	buf_adds(&v, "title ");
	if (title)
		add_quoted(&v, title);
	else
		buf_adds(&v, "none");
	buf_adds(&v, ", artist ");
	if (artist)
		add_quoted(&v, artist);
	else
		buf_adds(&v, "none");
	bool ok = title && *title && artist && *artist;
	if (p->need_tags)
		row(r, ok ? PASS : FAIL, "tags", v.data,
		    f->ai->is_mp3 ? "ID3v2 TIT2 and TPE1" : "title and artist");
	else
		row(r, INFO, "tags", v.data, "");
	buf_release(&v);
}

/* Decodes the whole file through the meter. */
static int measure(struct audioread *a, const char *path, struct facts *f)
{
	const struct audioread_info *ai = audioread_info(a);
	struct master_meter *mm = master_meter_new(ai->rate, ai->channels);
	if (!mm)
		return error("'%s': cannot be measured", path);
	size_t chunk = 4096;
	float *x = xmalloc(chunk * (size_t)ai->channels * sizeof(*x));
	ssize_t n;
	int ret = 0;
	while ((n = audioread_float(a, x, chunk)) > 0)
		if (master_meter_add(mm, x, (size_t)n) < 0) {
			ret = -1;
			break;
		}
	if (n < 0)
		ret = -1;
	master_meter_result(mm, &f->mm);
	f->seconds = f->mm.frames / ai->rate;
	free(x);
	master_meter_free(mm);
	return ret;
}

/* Audio bytes: the file less its ID3v2 tag (cover art is not bitrate). */
static void bitrate(struct facts *f)
{
	double bytes = (double)f->ai->bytes;
	if (f->ai->is_mp3 && f->id3.size < bytes)
		bytes -= (double)f->id3.size;
	f->kbps = f->seconds > 0 ? bytes * 8 / f->seconds / 1000 : 0;
}

/* Checks one file; returns the number of FAILs, or -1 when it is unreadable. */
static int check_file(const char *path, const struct preset *p)
{
	struct facts f;
	struct report r = { BUF_INIT, 0 };
	memset(&f, 0, sizeof(f));
	struct audioread *a = audioread_open(path);
	if (!a)
		return -1;
	f.ai = audioread_info(a);
	f.title = audioread_title(a);
	f.artist = audioread_artist(a);
	if (measure(a, path, &f) < 0 ||
	    (f.ai->is_mp3 && id3read_file(path, &f.id3) < 0)) {
		audioread_close(a);
		return -1;
	}
	bitrate(&f);
	buf_addf(&r.out, "%s: %s, preset %s\n", path, f.ai->format, p->name);
	check_loudness(&r, p, &f);
	check_levels(&r, p, &f);
	check_stream(&r, p, &f);
	check_chapters(&r, &f);
	check_tags(&r, p, &f);
	buf_addf(&r.out, "  RESULT: %s\n", r.fails ? "FAIL" : "PASS");
	fwrite(r.out.data, 1, r.out.len, stdout);
	buf_release(&r.out);
	id3read_release(&f.id3);
	audioread_close(a);
	return r.fails;
}

static const struct preset *find_preset(const char *name)
{
	for (size_t i = 0; i < sizeof(presets) / sizeof(presets[0]); i++)
		if (!strcmp(presets[i].name, name))
			return &presets[i];
	return NULL;
}

int cmd_check(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "preset", required_argument, NULL, 'p' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const struct preset *p = &presets[0];
	int c, rc = 0;
	while ((c = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
		switch (c) {
		case 'p':
			if (!(p = find_preset(optarg))) {
				error("unknown preset '%s' (podcast, ebu-r128, acx)", optarg);
				return EXIT_USAGE;
			}
			break;
		case 'h': fputs(usage, stdout); return 0;
		default: fputs(usage, stderr); return EXIT_USAGE;
		}
	}
	if (optind >= argc) {
		fputs(usage, stderr);
		return EXIT_USAGE;
	}
	for (int i = optind; i < argc; i++)
		if (check_file(argv[i], p) != 0)
			rc = EXIT_INPUT;
	return rc;
}
