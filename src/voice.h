/*
 * voice: voice presets, voices/NAME.yaml.
 *
 *   name: default
 *   description: US English, male, news pace
 *   voice: en-us          # espeak-ng voice, optionally +variant
 *   rate: 165             # words per minute, 80-450
 *   pitch: 48             # 0-100
 *   pauses: {sentence: 300, paragraph: 700, chapter: 1400}   # ms, 0-10000
 *
 * Every field but voice is optional.  Unknown keys and wrong types are
 * errors with file:line:col, so a typo never passes silently.
 */
#ifndef NARRATE_VOICE_H
#define NARRATE_VOICE_H

struct voice {
	char *name;              /* preset name */
	char *description;
	char *engine_voice;      /* "en-us+f3" */
	int rate, pitch;
	int pause_ms[4];         /* indexed by enum pause_kind */
	char *path;              /* the file it came from, or NULL */
};

/* Loads a preset from a file.  Returns 0, or -1 after reporting
 * file:line:col.  The espeak-ng voice is not checked here (synth is). */
int voice_load_file(struct voice *v, const char *path);
/* Finds spec: a path (has '/' or ends in .yaml), a preset name in
 * DATADIR/voices, or a bare espeak-ng voice name (given default pacing).
 * Returns 0, or -1 after reporting. */
int voice_resolve(struct voice *v, const char *datadir, const char *spec);
void voice_release(struct voice *v);
/* Calls fn for each preset file in DATADIR/voices, in name order. */
void voice_each_preset(const char *datadir, void (*fn)(const struct voice *v, void *ctx),
		       void *ctx);

#endif
