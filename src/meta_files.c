/*
 * meta_files: the tag and sidecars of one episode (see meta_files.h).
 */
#include "meta_files.h"

#include "episode.h"
#include "id3.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static unsigned to_ms(double s)
{
	if (!(s > 0))
		return 0;
	double ms = floor(s * 1000.0 + 0.5);
	return ms >= 4294967295.0 ? UINT32_MAX : (unsigned)ms;
}

void meta_files_credit(const struct meta_episode *e, struct buf *out)
{
	if (e->credit && *e->credit) {
		buf_adds(out, e->credit);
		buf_rtrim(out);
		if (out->len && !strchr(".!?", out->data[out->len - 1]))
			buf_addc(out, '.');
		buf_addc(out, ' ');
	}
	buf_adds(out, "Narrated by a synthetic voice");
	if (e->voice)
		buf_addf(out, " (espeak-ng, %s)", e->voice);
	buf_addc(out, '.');
}

void meta_files_tag(const struct meta_episode *e, struct buf *out)
{
	struct buf year = BUF_INIT, ddmm = BUF_INIT, comm = BUF_INIT;
	if (e->year > 0 && e->year <= 9999)
		buf_addf(&year, "%04d", e->year);
	if (e->year > 0 && e->month >= 1 && e->month <= 12 && e->day >= 1 && e->day <= 31)
		buf_addf(&ddmm, "%02d%02d", e->day, e->month);
	meta_files_credit(e, &comm);
	size_t n = e->n_chapters;
	struct id3_chapter *ch = xcalloc(n ? n : 1, sizeof(*ch));
	for (size_t i = 0; i < n; i++) {
		ch[i].title = e->chapters[i].title;
		ch[i].start_ms = to_ms(e->chapters[i].start);
		ch[i].end_ms = to_ms(e->chapters[i].end);
	}
	struct id3_meta m = {
		.title = e->title, .artist = e->artist ? e->artist : e->voice, .album = e->album,
		.year = year.len ? year.data : NULL, .ddmm = ddmm.len ? ddmm.data : NULL,
		.genre = "Podcast", .comment = comm.data,
		.cover = e->cover ? e->cover->data : NULL, .cover_len = e->cover ? e->cover->len : 0,
		.cover_mime = e->cover ? e->cover->mime : NULL,
		.chapters = ch, .n_chapters = n,
	};
	id3_build(&m, out);
	free(ch);
	buf_release(&year);
	buf_release(&ddmm);
	buf_release(&comm);
}

static const char *cue_filetype(const char *audio_type)
{
	return audio_type && !strcmp(audio_type, "audio/mpeg") ? "MP3" : "WAVE";
}

static void episode_yaml(const struct meta_episode *e, const struct meta_sidecars *s,
			 struct buf *out)
{
	struct buf date = BUF_INIT, credit = BUF_INIT;
	if (e->year > 0 && e->month > 0 && e->day > 0) {
		buf_addf(&date, "%04d-%02d-%02d", e->year, e->month, e->day);
		if (e->has_time)
			buf_addf(&date, "T%02d:%02d:%02d", e->hour, e->min, e->sec);
	}
	meta_files_credit(e, &credit);
	struct episode ep = {
		.title = (char *)e->title, .slug = (char *)e->slug,
		.date_iso = date.len ? date.data : NULL, .credit = credit.data,
		.voice = (char *)e->voice, .duration = e->duration, .audio = (char *)e->audio,
		.audio_bytes = e->audio_bytes, .audio_type = (char *)e->audio_type,
		.chapters_json = s->name[META_CHAPTERS], .vtt = s->name[META_VTT],
		.srt = s->name[META_SRT], .chapters = (struct chapter_mark *)e->chapters,
		.n_chapters = e->n_chapters, .description = (char *)e->description,
	};
	episode_write(&ep, out);
	buf_release(&date);
	buf_release(&credit);
}

void meta_files_sidecars(const struct meta_episode *e, struct meta_sidecars *s)
{
	static const char *const ext[META_N] = {
		".chapters.json", ".vtt", ".srt", ".cue", ".episode.yaml",
	};
	memset(s, 0, sizeof(*s));
	for (int i = 0; i < META_N; i++) {
		struct buf name = BUF_INIT;
		buf_addf(&name, "%s%s", e->slug, ext[i]);
		s->name[i] = buf_detach(&name, NULL);
	}
	sidecar_chapters_json(e->chapters, e->n_chapters, e->title, &s->text[META_CHAPTERS]);
	sidecar_vtt(e->cues, e->n_cues, &s->text[META_VTT]);
	sidecar_srt(e->cues, e->n_cues, &s->text[META_SRT]);
	sidecar_cuesheet(e->chapters, e->n_chapters, e->title, e->artist ? e->artist : e->voice,
			 e->audio, cue_filetype(e->audio_type), &s->text[META_CUE]);
	episode_yaml(e, s, &s->text[META_EPISODE]);
}

void meta_sidecars_release(struct meta_sidecars *s)
{
	for (int i = 0; i < META_N; i++) {
		free(s->name[i]);
		buf_release(&s->text[i]);
	}
	memset(s, 0, sizeof(*s));
}
