/*
 * Unit tests for chapter marks in WAV (meta_wavcue) and FLAC (meta_vorbis):
 * byte layout, then files made by ffmpeg, marked by us and read back by
 * libsndfile, ffprobe and mutagen when installed.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sndfile.h>
#include <cmocka.h>

#include "buf.h"
#include "diag.h"
#include "meta_ogg.h"
#include "meta_vorbis.h"
#include "meta_wavcue.h"

static const struct chapter_mark marks[] = {
	{ 0, 1.25, "Intro" }, { 1.25, 2.5, "Mïddle = part" }, { 2.5, 3, "End" },
};

static uint32_t le32(const char *p)
{
	const unsigned char *u = (const unsigned char *)p;
	return (uint32_t)u[0] | (uint32_t)u[1] << 8 | (uint32_t)u[2] << 16 | (uint32_t)u[3] << 24;
}

static void test_wavcue_layout(void **state)
{
	(void)state;
	struct buf b = BUF_INIT;
	wavcue_build(marks, 3, 44100, &b);
	assert_memory_equal(b.data, "cue ", 4);
	assert_int_equal(le32(b.data + 4), 4 + 3 * 24);
	assert_int_equal(le32(b.data + 8), 3);
	assert_int_equal(le32(b.data + 12 + 24 + 4), 55125);        /* 1.25 s */
	assert_memory_equal(b.data + 12 + 24 + 8, "data", 4);
	const char *list = b.data + 8 + 4 + 3 * 24;
	assert_memory_equal(list, "LIST", 4);
	assert_int_equal(le32(list + 4) + 8, b.len - (size_t)(list - b.data));
	assert_memory_equal(list + 8, "adtllabl", 8);
	assert_int_equal(le32(list + 16), 4 + 6);                    /* id + "Intro\0" */
	assert_int_equal(b.len % 2, 0);
	buf_release(&b);
}

static void test_vorbis_comments(void **state)
{
	(void)state;
	struct chapter_mark c[] = { { 3723.0456, 0, "A=b" }, { 5, 6, NULL } };
	struct buf b = BUF_INIT;
	assert_int_equal(vorbis_chapter_comments(c, 2, &b), 3);
	assert_memory_equal(b.data, "CHAPTER000=01:02:03.046\0CHAPTER000NAME=A=b\0"
			    "CHAPTER001=00:00:05.000\0", b.len);
	buf_release(&b);
}

static void test_flac_damaged(void **state)
{
	(void)state;
	struct buf out = BUF_INIT;
	size_t ml;
	diag_quiet = true;
	assert_int_equal(flac_rewrite_meta("x", (const unsigned char *)"RIFF....", 8, marks, 3, &out, &ml), -1);
	/* STREAMINFO claiming 34 bytes, only 2 present */
	assert_int_equal(flac_rewrite_meta("x", (const unsigned char *)"fLaC\x80\0\0\x22\0\0", 10,
					   marks, 3, &out, &ml), -1);
	assert_int_equal(flac_set_chapters("/nonexistent.flac", marks, 3), -1);
	assert_int_equal(wavcue_append("/nonexistent.wav", marks, 3, 44100), -1);
	diag_quiet = false;
	buf_release(&out);
}

static int sh(const char *cmd)
{
	int rc = system(cmd);
	return rc == -1 ? -1 : WEXITSTATUS(rc);
}

static const char probe[] =
	"import json, subprocess, sys\n"
	"p = json.loads(subprocess.run(['ffprobe', '-v', 'error', '-of', 'json', '-show_chapters',"
	" '-show_format', sys.argv[1]], capture_output=True, text=True, check=True).stdout)\n"
	"ch = [(round(float(c['start_time']), 3), c['tags']['title']) for c in p['chapters']]\n"
	"assert ch == [(0.0, 'Intro'), (1.25, 'M\\u00efddle = part'), (2.5, 'End')], ch\n"
	"assert abs(float(p['format']['duration']) - 3.0) < 0.05\n";

static void run_probe(const char *dir, const char *file)
{
	struct buf cmd = BUF_INIT;
	buf_addf(&cmd, "/usr/bin/python3 -c \"$(cat %s/probe.py)\" %s/%s", dir, dir, file);
	assert_int_equal(sh(cmd.data), 0);
	buf_release(&cmd);
}

/* 3 s of a 440 Hz tone written by libsndfile, as the encoder writes it,
 * with a title so that there are comments to keep. */
static void write_tone(const char *path, int format, int rate)
{
	SF_INFO info = { .samplerate = rate, .channels = 1, .format = format };
	SNDFILE *sf = sf_open(path, SFM_WRITE, &info);
	assert_non_null(sf);
	sf_set_string(sf, SF_STR_TITLE, "Kept");
	float block[4800];
	for (int done = 0; done < 3 * rate; done += 4800) {
		for (int i = 0; i < 4800; i++)
			block[i] = 0.3f * (float)sin(2 * M_PI * 440 * (done + i) / rate);
		int n = 3 * rate - done < 4800 ? 3 * rate - done : 4800;
		assert_int_equal(sf_writef_float(sf, block, n), n);
	}
	assert_int_equal(sf_close(sf), 0);
}

/* libsndfile still reads all the audio after we changed the file. */
static void check_frames(const char *path, long long frames)
{
	SF_INFO info = { 0 };
	SNDFILE *sf = sf_open(path, SFM_READ, &info);
	assert_non_null(sf);
	float block[4800];
	long long total = 0;
	sf_count_t got;
	while ((got = sf_readf_float(sf, block, 4800)) > 0)
		total += got;
	sf_close(sf);
	assert_true(llabs(total - frames) <= 1000);
}

static void test_wav_readers(const char *dir, struct buf *path)
{
	buf_reset(path);
	buf_addf(path, "%s/w.wav", dir);
	write_tone(path->data, SF_FORMAT_WAV | SF_FORMAT_PCM_16, 44100);
	assert_int_equal(wavcue_append(path->data, marks, 3, 44100), 0);
	run_probe(dir, "w.wav");
	SF_INFO info = { 0 };
	SNDFILE *sf = sf_open(path->data, SFM_READ, &info);
	assert_non_null(sf);
	assert_int_equal(info.frames, 132300);
	uint32_t ncue = 0;
	assert_int_equal(sf_command(sf, SFC_GET_CUE_COUNT, &ncue, sizeof(ncue)), 1);
	assert_int_equal(ncue, 3);
	SF_CUES cues;
	assert_int_equal(sf_command(sf, SFC_GET_CUE, &cues, sizeof(cues)), 1);
	assert_int_equal(cues.cue_points[2].sample_offset, 110250);
	sf_close(sf);
}

static void test_vorbis_readers(const char *dir, struct buf *path, const char *file, int format,
				int rate, const char *mutagen_class)
{
	buf_reset(path);
	buf_addf(path, "%s/%s", dir, file);
	write_tone(path->data, format, rate);
	int (*set)(const char *, const struct chapter_mark *, size_t) =
		(format & SF_FORMAT_TYPEMASK) == SF_FORMAT_FLAC ? flac_set_chapters : ogg_set_chapters;
	assert_int_equal(set(path->data, marks, 3), 0);
	assert_int_equal(set(path->data, marks, 3), 0);   /* again: replaced, not added */
	run_probe(dir, file);
	check_frames(path->data, 3LL * rate);
	if (sh("/usr/bin/python3 -c 'import mutagen' 2>/dev/null"))
		return;
	struct buf cmd = BUF_INIT;
	buf_addf(&cmd, "/usr/bin/python3 -c 'import sys, mutagen\n"
		 "t = mutagen.File(sys.argv[1]); assert type(t).__name__ == \"%s\", type(t)\n"
		 "assert t[\"title\"] == [\"Kept\"], t.tags\n"
		 "assert t[\"CHAPTER002NAME\"] == [\"End\"] and len(t[\"CHAPTER001\"]) == 1\n"
		 "assert abs(t.info.length - 3) < 0.05' %s", mutagen_class, path->data);
	assert_int_equal(sh(cmd.data), 0);
	buf_release(&cmd);
}

static void test_readers(void **state)
{
	(void)state;
	if (sh("command -v ffprobe >/dev/null && test -x /usr/bin/python3"))
		skip();
	char dir[] = "/tmp/narrate-formats-XXXXXX";
	assert_non_null(mkdtemp(dir));
	struct buf cmd = BUF_INIT, path = BUF_INIT;
	buf_addf(&path, "%s/probe.py", dir);
	FILE *f = fopen(path.data, "w");
	assert_non_null(f);
	fputs(probe, f);
	fclose(f);
	test_wav_readers(dir, &path);
	test_vorbis_readers(dir, &path, "f.flac", SF_FORMAT_FLAC | SF_FORMAT_PCM_16, 44100, "FLAC");
	test_vorbis_readers(dir, &path, "v.ogg", SF_FORMAT_OGG | SF_FORMAT_VORBIS, 44100, "OggVorbis");
	test_vorbis_readers(dir, &path, "o.opus", SF_FORMAT_OGG | SF_FORMAT_OPUS, 48000, "OggOpus");
	buf_addf(&cmd, "rm -rf %s", dir);
	sh(cmd.data);
	buf_release(&cmd);
	buf_release(&path);
}

static void test_ogg_damaged(void **state)
{
	(void)state;
	char path[] = "/tmp/narrate-ogg-XXXXXX";
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, "OggS\0\2", 6), 6);
	close(fd);
	diag_quiet = true;
	assert_int_equal(ogg_set_chapters(path, marks, 3), -1);
	assert_int_equal(ogg_set_chapters("/nonexistent.opus", marks, 3), -1);
	diag_quiet = false;
	FILE *f = fopen(path, "rb");
	char back[8];
	assert_int_equal(fread(back, 1, 8, f), 6);   /* unchanged */
	fclose(f);
	unlink(path);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_wavcue_layout),
		cmocka_unit_test(test_vorbis_comments),
		cmocka_unit_test(test_flac_damaged),
		cmocka_unit_test(test_ogg_damaged),
		cmocka_unit_test(test_readers),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
