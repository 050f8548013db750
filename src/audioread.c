/*
 * audioread: reads audio files through libsndfile (see audioread.h).  The
 * only reader of audio in narrate; libsndfile's messages are turned into
 * ours here.
 */
#include "audioread.h"

#include "buf.h"
#include "diag.h"

#include <errno.h>
#include <sndfile.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

struct audioread {
	SNDFILE *sf;
	char *path;
	struct audioread_info info;
};

static const struct {
	int major;
	const char *name;
} formats[] = {
	{ SF_FORMAT_WAV, "wav" },   { SF_FORMAT_WAVEX, "wav" },
	{ SF_FORMAT_RF64, "rf64" }, { SF_FORMAT_AIFF, "aiff" },
	{ SF_FORMAT_FLAC, "flac" }, { SF_FORMAT_OGG, "ogg" },
	{ SF_FORMAT_MPEG, "mp3" },  { SF_FORMAT_AU, "au" },
	{ SF_FORMAT_CAF, "caf" },   { SF_FORMAT_W64, "w64" },
};

static const char *format_name(int format)
{
	for (size_t i = 0; i < sizeof(formats) / sizeof(formats[0]); i++)
		if ((format & SF_FORMAT_TYPEMASK) == formats[i].major)
			return formats[i].name;
	return "other";
}

struct audioread *audioread_open(const char *path)
{
	struct stat st;
	if (stat(path, &st) < 0) {
		error("cannot open '%s': %s", path, strerror(errno));
		return NULL;
	}
	if (!S_ISREG(st.st_mode)) {
		error("'%s' is not a regular file", path);
		return NULL;
	}
	if (st.st_size == 0) {
		error("'%s' is empty", path);
		return NULL;
	}
	SF_INFO si;
	memset(&si, 0, sizeof(si));
	SNDFILE *sf = sf_open(path, SFM_READ, &si);
	if (!sf) {
		error("'%s' is not audio narrate can read (%s)", path, sf_strerror(NULL));
		return NULL;
	}
	if (si.channels < 1 || si.samplerate < 1) {
		sf_close(sf);
		error("'%s' has no audio", path);
		return NULL;
	}
	struct audioread *a = xcalloc(1, sizeof(*a));
	a->sf = sf;
	a->path = xstrdup(path);
	a->info.rate = si.samplerate;
	a->info.channels = si.channels;
	a->info.frames = (long long)si.frames;
	a->info.bytes = (long long)st.st_size;
	a->info.format = format_name(si.format);
	a->info.is_mp3 = (si.format & SF_FORMAT_TYPEMASK) == SF_FORMAT_MPEG;
	return a;
}

const struct audioread_info *audioread_info(const struct audioread *a)
{
	return &a->info;
}

ssize_t audioread_float(struct audioread *a, float *x, size_t frames)
{
	sf_count_t n = sf_readf_float(a->sf, x, (sf_count_t)frames);
	if (n < 0 || (n == 0 && sf_error(a->sf) != SF_ERR_NO_ERROR)) {
		error("'%s': read error (%s)", a->path, sf_strerror(a->sf));
		return -1;
	}
	return (ssize_t)n;
}

const char *audioread_title(struct audioread *a)
{
	return sf_get_string(a->sf, SF_STR_TITLE);
}

const char *audioread_artist(struct audioread *a)
{
	return sf_get_string(a->sf, SF_STR_ARTIST);
}

void audioread_close(struct audioread *a)
{
	if (!a)
		return;
	sf_close(a->sf);
	free(a->path);
	free(a);
}
