/*
 * synth: the only module that includes espeak-ng.
 *
 * One engine per process (espeak-ng 1.51 keeps global state, is not
 * thread-safe and cannot be re-initialized: RELIABILITY.md 0.7, 0.8).
 * Article text is never trusted to it directly: callers pass text that went
 * through sanitize.c, SSML is never enabled, and voice names are checked
 * against espeak-ng's own voice list before use.  Phoneme input ([[...]]) is
 * enabled because the lexicon emits it; the sanitizer neutralizes "[[" in
 * article text so only validated lexicon phonemes reach it.
 *
 * Every sentence starts from the same engine state: the engine's static
 * data is saved after the voice's first sentence and copied back before
 * each synth_speak (libstate.h), so a sentence's samples depend only on its
 * text, voice, rate and pitch.  That is what lets batch narration cache
 * audio per sentence (cache.h).
 *
 * Crash isolation is not done here but in worker.c, which runs synthesis in
 * forked children.
 */
#ifndef NARRATE_SYNTH_H
#define NARRATE_SYNTH_H

#include "buf.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Starts the engine once per process.  Returns its sample rate (22050), or
 * -1 after reporting. */
int synth_init(void);

/* Whether name is a usable espeak-ng voice: "en-us", "en-gb", optionally
 * with a variant "+f3".  Checked against espeak-ng's voice and variant lists
 * and a strict character allow-list; never touches the file system with an
 * unchecked name.  Needs synth_init(). */
bool synth_voice_known(const char *name);

/* Calls fn(name, languages, ctx) for each espeak-ng voice whose language
 * starts with lang_prefix (e.g. "en"); variants when variants is true. */
void synth_list_voices(const char *lang_prefix, bool variants,
		       void (*fn)(const char *name, const char *lang, void *ctx), void *ctx);

/* Selects a checked voice, rate (words per minute) and pitch (0-100),
 * speaks a short sentence to settle the engine, and saves its state.
 * Returns 0, or -1 after reporting. */
int synth_set_voice(const char *name, int rate, int pitch);

/* Whether the engine state could be saved, so that each synth_speak
 * gives the same samples for the same text whatever came before. */
bool synth_sentences_independent(void);

/* Speaks text (UTF-8, sanitized; [[phonemes]] honoured), starting from the
 * state saved by synth_set_voice, and hands every block of 16-bit mono
 * samples to sink.  Returns 0, or -1 if the engine
 * reported an error.  The sink may return non-zero to stop early. */
int synth_speak(const char *text, int (*sink)(const int16_t *pcm, size_t n, void *ctx),
		void *ctx);

/* Appends espeak-ng's phoneme mnemonics for text (as `espeak-ng -q -x`
 * prints them, clauses separated by spaces) to out. */
void synth_phonemes(const char *text, struct buf *out);

/* espeak-ng's version string, e.g. "1.51". */
const char *synth_engine_version(void);

#endif
