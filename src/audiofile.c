/*
 * audiofile: libsndfile writers over our own file I/O (see audiofile.h).
 */
#include "audiofile.h"

#include "buf.h"
#include "diag.h"
#include "publish.h"

#include <errno.h>
#include <sndfile.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const struct format_info {
	const char *name, *mime;
	int sf_format;
	int fixed_rate;
} formats[] = {
	[FMT_WAV] = { "wav", "audio/wav", SF_FORMAT_RF64 | SF_FORMAT_PCM_16, 0 },
	[FMT_FLAC] = { "flac", "audio/flac", SF_FORMAT_FLAC | SF_FORMAT_PCM_16, 0 },
	[FMT_OGG] = { "ogg", "audio/ogg", SF_FORMAT_OGG | SF_FORMAT_VORBIS, 0 },
	[FMT_OPUS] = { "opus", "audio/ogg", SF_FORMAT_OGG | SF_FORMAT_OPUS, 48000 },
	[FMT_MP3] = { "mp3", "audio/mpeg", SF_FORMAT_MPEG | SF_FORMAT_MPEG_LAYER_III, 44100 },
};

int audio_format_parse(const char *name, enum audio_format *fmt)
{
	for (size_t i = 0; i < sizeof(formats) / sizeof(formats[0]); i++)
		if (!strcmp(name, formats[i].name)) {
			*fmt = (enum audio_format)i;
			return 0;
		}
	return -1;
}

const char *audio_format_ext(enum audio_format fmt)
{
	return formats[fmt].name;
}

const char *audio_format_mime(enum audio_format fmt)
{
	return formats[fmt].mime;
}

int audio_format_rate(enum audio_format fmt, int engine_rate)
{
	return formats[fmt].fixed_rate ? formats[fmt].fixed_rate : engine_rate;
}

struct audio_writer {
	struct outfile out;
	SNDFILE *sf;
	enum audio_format fmt;
	sf_count_t base;        /* bytes before the audio stream (the prefix) */
	sf_count_t pos, size;   /* relative to base */
	unsigned long long frames;
	int failed;
};

/* libsndfile's virtual I/O: positions are relative to the end of the
 * prefix, so the encoder never sees (or overwrites) the ID3 tag. */
static sf_count_t vio_len(void *u)
{
	struct audio_writer *w = u;
	return w->size;
}

static sf_count_t vio_seek(sf_count_t off, int whence, void *u)
{
	struct audio_writer *w = u;
	sf_count_t to = whence == SEEK_SET ? off : whence == SEEK_CUR ? w->pos + off : w->size + off;
	if (to < 0 || lseek(w->out.fd, w->base + to, SEEK_SET) < 0)
		return -1;
	w->pos = to;
	return to;
}

static sf_count_t vio_read(void *p, sf_count_t n, void *u)
{
	struct audio_writer *w = u;
	ssize_t got;
	do
		got = read(w->out.fd, p, (size_t)n);
	while (got < 0 && errno == EINTR);
	if (got < 0)
		return 0;
	w->pos += got;
	return got;
}

static sf_count_t vio_write(const void *p, sf_count_t n, void *u)
{
	struct audio_writer *w = u;
	if (outfile_write(&w->out, p, (size_t)n) < 0)
		return 0;
	w->pos += n;
	if (w->pos > w->size)
		w->size = w->pos;
	return n;
}

static sf_count_t vio_tell(void *u)
{
	struct audio_writer *w = u;
	return w->pos;
}

static void configure(struct audio_writer *w, int bitrate_kbps)
{
	if (w->fmt == FMT_WAV)
		sf_command(w->sf, SFC_RF64_AUTO_DOWNGRADE, NULL, SF_TRUE);
	sf_command(w->sf, SFC_SET_CLIPPING, NULL, SF_TRUE);
	if (w->fmt == FMT_MP3 || w->fmt == FMT_OPUS) {
		int mode = SF_BITRATE_MODE_CONSTANT;
		sf_command(w->sf, SFC_SET_BITRATE_MODE, &mode, sizeof(mode));
		/* libsndfile maps a compression level in [0, 1] onto the codec's
		 * bit rates; 0 is the highest.  For MPEG-1 layer III the range is
		 * 320 down to 32 kb/s. */
		double max = w->fmt == FMT_MP3 ? 320.0 : 256.0, min = w->fmt == FMT_MP3 ? 32.0 : 6.0;
		double level = (max - bitrate_kbps) / (max - min);
		if (level < 0)
			level = 0;
		if (level > 1)
			level = 1;
		sf_command(w->sf, SFC_SET_COMPRESSION_LEVEL, &level, sizeof(level));
	}
}

struct audio_writer *audio_writer_open(const char *final, enum audio_format fmt, int rate,
				       int bitrate_kbps, const void *prefix, size_t prefix_len)
{
	struct audio_writer *w = xcalloc(1, sizeof(*w));
	w->fmt = fmt;
	if (outfile_open(&w->out, final) < 0) {
		free(w);
		return NULL;
	}
	if (prefix_len && outfile_write(&w->out, prefix, prefix_len) < 0) {
		error("cannot write '%s': %s", final, strerror(w->out.err));
		goto fail;
	}
	w->base = (sf_count_t)prefix_len;
	SF_INFO info = { .samplerate = rate, .channels = 1, .format = formats[fmt].sf_format };
	SF_VIRTUAL_IO vio = { vio_len, vio_seek, vio_read, vio_write, vio_tell };
	w->sf = sf_open_virtual(&vio, SFM_WRITE, &info, w);
	if (!w->sf) {
		error("cannot write '%s': %s", final, sf_strerror(NULL));
		goto fail;
	}
	configure(w, bitrate_kbps);
	return w;
fail:
	outfile_abort(&w->out);
	free(w);
	return NULL;
}

/* Writes in bounded chunks (Vorbis overflows its stack on huge single
 * writes: libsndfile #1095) and keeps the first failure for commit. */
static int write_chunks(struct audio_writer *w, const void *x, size_t n, size_t sample_size,
			sf_count_t (*put)(SNDFILE *, const void *, sf_count_t))
{
	const char *c = x;
	while (n && !w->failed) {
		size_t chunk = n > 8192 ? 8192 : n;
		sf_count_t done = put(w->sf, c, (sf_count_t)chunk);
		if (done != (sf_count_t)chunk)
			w->failed = 1;
		w->frames += (unsigned long long)(done > 0 ? done : 0);
		c += chunk * sample_size;
		n -= chunk;
	}
	return w->failed ? -1 : 0;
}

static sf_count_t put_float(SNDFILE *sf, const void *x, sf_count_t n)
{
	return sf_write_float(sf, x, n);
}

static sf_count_t put_short(SNDFILE *sf, const void *x, sf_count_t n)
{
	return sf_write_short(sf, x, n);
}

int audio_writer_write(struct audio_writer *w, const float *x, size_t n)
{
	return write_chunks(w, x, n, sizeof(*x), put_float);
}

int audio_writer_write_short(struct audio_writer *w, const int16_t *x, size_t n)
{
	return write_chunks(w, x, n, sizeof(*x), put_short);
}

unsigned long long audio_writer_frames(const struct audio_writer *w)
{
	return w->frames;
}

int audio_writer_commit(struct audio_writer *w)
{
	return audio_writer_commit_hook(w, NULL, NULL);
}

int audio_writer_commit_hook(struct audio_writer *w, int (*hook)(const char *tmp, void *ctx),
			     void *ctx)
{
	int sf_err = sf_error(w->sf);
	char sf_msg[256];
	snprintf(sf_msg, sizeof(sf_msg), "%s", sf_strerror(w->sf));
	int close_rc = sf_close(w->sf);
	int rc;
	if (w->out.err) {
		rc = outfile_commit(&w->out); /* reports the errno, removes the file */
	} else if (w->failed || close_rc || sf_err) {
		error("cannot write '%s': %s", w->out.final, sf_msg);
		outfile_abort(&w->out);
		rc = -1;
	} else {
		rc = outfile_commit_hook(&w->out, hook, ctx);
	}
	free(w);
	return rc;
}

void audio_writer_abort(struct audio_writer *w)
{
	/* a write failed (a full disk): say so here, since the caller only
	 * learnt that something went wrong */
	if (w->out.err)
		error("cannot write '%s': %s", w->out.final, strerror(w->out.err));
	else if (w->failed)
		error("cannot write '%s': %s", w->out.final, sf_strerror(w->sf));
	sf_close(w->sf);
	outfile_abort(&w->out);
	free(w);
}

int audio_file_info(const char *path, unsigned long long *frames, int *rate, int *channels)
{
	SF_INFO info = { 0 };
	SNDFILE *sf = sf_open(path, SFM_READ, &info);
	if (!sf)
		return -1;
	*frames = (unsigned long long)info.frames;
	*rate = info.samplerate;
	*channels = info.channels;
	sf_close(sf);
	return 0;
}
