/*
 * synth: espeak-ng behind a narrow, checked interface (see synth.h).
 */
#include "synth.h"

#include "diag.h"
#include "libstate.h"

#include <espeak-ng/speak_lib.h>
#include <string.h>

static int sample_rate;
static int (*cur_sink)(const int16_t *, size_t, void *);
static void *cur_ctx;
static int stopped;
static struct libstate *clean;  /* the engine after the voice's first sentence */

/* SSML is never enabled, but refuse every URI anyway (RELIABILITY 0.3). */
static int refuse_uri(int type, const char *uri, const char *base)
{
	(void)type;
	(void)uri;
	(void)base;
	return 1;
}

static int on_audio(short *wav, int n, espeak_EVENT *events)
{
	(void)events;
	if (!wav || n <= 0 || !cur_sink)
		return stopped;
	if (cur_sink((const int16_t *)wav, (size_t)n, cur_ctx))
		stopped = 1;
	return stopped;
}

int synth_init(void)
{
	if (sample_rate > 0)
		return sample_rate;
	int rate = espeak_Initialize(AUDIO_OUTPUT_SYNCHRONOUS, 0, NULL,
				     espeakINITIALIZE_DONT_EXIT);
	if (rate <= 0)
		return error("cannot start espeak-ng (is the espeak-ng-data package installed?)");
	espeak_SetSynthCallback(on_audio);
	espeak_SetUriCallback(refuse_uri);
	sample_rate = rate;
	return rate;
}

static bool name_chars_ok(const char *name)
{
	/* [a-z0-9-]+ ( "+" [A-Za-z0-9]+ )? */
	size_t i = 0, n = strlen(name);
	if (n == 0 || n > 40)
		return false;
	while (i < n && ((name[i] >= 'a' && name[i] <= 'z') || (name[i] >= '0' && name[i] <= '9') ||
			 name[i] == '-'))
		i++;
	if (i == 0)
		return false;
	if (i == n)
		return true;
	if (name[i] != '+' || i + 1 == n)
		return false;
	for (i++; i < n; i++)
		if (!((name[i] >= 'a' && name[i] <= 'z') || (name[i] >= 'A' && name[i] <= 'Z') ||
		      (name[i] >= '0' && name[i] <= '9')))
			return false;
	return true;
}

static bool in_list(const espeak_VOICE **list, const char *name, size_t len, bool variant)
{
	for (; list && *list; list++) {
		const char *id = (*list)->identifier;
		const char *nm = (*list)->name;
		if (variant) {
			/* variants are identified as "!v/f3" */
			const char *slash = id ? strrchr(id, '/') : NULL;
			if (slash && strlen(slash + 1) == len && !strncmp(slash + 1, name, len))
				return true;
		} else {
			const char *lang = (*list)->languages + 1; /* skip priority byte */
			if (strlen(lang) == len && !strncmp(lang, name, len))
				return true;
			if (nm && strlen(nm) == len && !strncmp(nm, name, len))
				return true;
		}
	}
	return false;
}

bool synth_voice_known(const char *name)
{
	if (!name_chars_ok(name) || !strncmp(name, "mb-", 3))
		return false;
	const char *plus = strchr(name, '+');
	size_t base = plus ? (size_t)(plus - name) : strlen(name);
	if (!in_list(espeak_ListVoices(NULL), name, base, false))
		return false;
	if (!plus)
		return true;
	espeak_VOICE spec = { 0 };
	spec.languages = "variant";
	return in_list(espeak_ListVoices(&spec), plus + 1, strlen(plus + 1), true);
}

void synth_list_voices(const char *lang_prefix, bool variants,
		       void (*fn)(const char *name, const char *lang, void *ctx), void *ctx)
{
	espeak_VOICE spec = { 0 };
	spec.languages = "variant";
	const espeak_VOICE **list = espeak_ListVoices(variants ? &spec : NULL);
	size_t pl = strlen(lang_prefix);
	for (; list && *list; list++) {
		const char *lang = (*list)->languages + 1;
		if (variants) {
			const char *slash = strrchr((*list)->identifier, '/');
			fn(slash ? slash + 1 : (*list)->identifier, (*list)->name, ctx);
		} else if (!strncmp(lang, lang_prefix, pl)) {
			fn(lang, (*list)->name, ctx);
		}
	}
}

/* "en-gb" names a language, not a voice file: find the voice that speaks
 * it and load that by its own name, keeping any "+variant". */
static int set_voice_by_language(const char *name)
{
	const char *plus = strchr(name, '+');
	size_t base = plus ? (size_t)(plus - name) : strlen(name);
	for (const espeak_VOICE **v = espeak_ListVoices(NULL); v && *v; v++) {
		const char *lang = (*v)->languages + 1;
		if (strlen(lang) != base || strncmp(lang, name, base))
			continue;
		struct buf full = BUF_INIT;
		buf_addf(&full, "%s%s", (*v)->name, plus ? plus : "");
		int rc = espeak_SetVoiceByName(full.data) == EE_OK ? 0 : -1;
		buf_release(&full);
		return rc;
	}
	return -1;
}

static int discard(const int16_t *pcm, size_t n, void *ctx)
{
	(void)pcm;
	(void)n;
	(void)ctx;
	return 0;
}

static int speak(const char *text, int (*sink)(const int16_t *, size_t, void *), void *ctx)
{
	cur_sink = sink;
	cur_ctx = ctx;
	stopped = 0;
	espeak_ERROR e = espeak_Synth(text, strlen(text) + 1, 0, POS_CHARACTER, 0,
				      espeakCHARS_UTF8 | espeakPHONEMES, NULL, NULL);
	cur_sink = NULL;
	cur_ctx = NULL;
	return e == EE_OK ? 0 : (int)e;
}

/* One sentence makes the engine allocate all it keeps (text decoder,
 * buffers); the state after it is the one every sentence starts from. */
static void checkpoint(void)
{
	libstate_free(clean);
	clean = NULL;
	speak("Ready.", discard, NULL);
	clean = libstate_save("libespeak-ng.so");
	if (!clean)
		warning("cannot find espeak-ng's data segment: sentences will depend on "
			"what was said before them, and batch narration will not cache them");
}

bool synth_sentences_independent(void)
{
	return clean != NULL;
}

int synth_set_voice(const char *name, int rate, int pitch)
{
	if (!synth_voice_known(name))
		return error("unknown espeak-ng voice '%s'", name);
	if (espeak_SetVoiceByName(name) != EE_OK && set_voice_by_language(name) < 0)
		return error("espeak-ng cannot load voice '%s'", name);
	if (rate < espeakRATE_MINIMUM || rate > espeakRATE_MAXIMUM)
		return error("rate %d is out of range (%d-%d words per minute)", rate,
			     espeakRATE_MINIMUM, espeakRATE_MAXIMUM);
	if (pitch < 0 || pitch > 100)
		return error("pitch %d is out of range (0-100)", pitch);
	espeak_SetParameter(espeakRATE, rate, 0);
	espeak_SetParameter(espeakPITCH, pitch, 0);
	checkpoint();
	return 0;
}

int synth_speak(const char *text, int (*sink)(const int16_t *pcm, size_t n, void *ctx),
		void *ctx)
{
	if (clean)
		libstate_restore(clean);
	int e = speak(text, sink, ctx);
	if (e)
		return error("espeak-ng failed to synthesize a sentence (code %d)", e);
	return 0;
}

void synth_phonemes(const char *text, struct buf *out)
{
	const void *p = text;
	bool first = true;
	while (p) {
		const char *ph = espeak_TextToPhonemes(&p, espeakCHARS_UTF8, 0);
		if (!ph)
			break;
		while (*ph == ' ')
			ph++;
		if (!*ph)
			continue;
		if (!first)
			buf_addc(out, ' ');
		buf_adds(out, ph);
		first = false;
	}
}

const char *synth_engine_version(void)
{
	const char *path = NULL;
	return espeak_Info(&path);
}
