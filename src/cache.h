/*
 * cache: synthesized sentences kept by what was said, so batch narration
 * never synthesizes the same sentence twice (OUTDIR/.cache, size-capped).
 *
 * The unit is the sentence (the segment).  That is sound because synth.c
 * starts every sentence from the same engine state: a sentence's samples
 * depend only on the key's inputs, so audio assembled from cached
 * sentences equals a fresh render sample for sample (test_worker,
 * t_batch).  After one lexicon entry changes, only the sentences that
 * contain the word are synthesized again.
 *
 * The key is the digest of the engine version, voice, rate, pitch and the
 * spoken text.  An entry is DIR/KK/KEY.seg (KK: the key's first two hex
 * digits): a header with the sample count and a checksum, then the engine's
 * int16 mono samples.  It is written under a temporary name and renamed
 * into place; an entry whose size or checksum is wrong is a miss and is
 * removed.  Reading an entry touches it; the least recently used are
 * removed once the cache passes its cap.
 */
#ifndef NARRATE_CACHE_H
#define NARRATE_CACHE_H

#include "buf.h"
#include "digest.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The key of text spoken with the voice described by settings (engine
 * version, voice, rate, pitch: whatever shapes the samples). */
void cache_key(const char *settings, const char *text, char key[DIGEST_HEX]);

/* Whether dir holds an entry for key (without reading it). */
bool cache_has(const char *dir, const char *key);

/* Reads key's samples into pcm (replacing its contents).  Returns 0, or -1
 * when there is no good entry. */
int cache_get(const char *dir, const char *key, struct buf *pcm);

/* Stores n samples under key.  Failures are silent: a cache is an
 * optimization.  Once this process has stored a sixteenth of cap_bytes
 * since it last looked, trims dir to cap_bytes. */
void cache_put(const char *dir, const char *key, const int16_t *pcm, size_t n,
	       unsigned long long cap_bytes);

/* Removes the least recently used entries until dir holds at most
 * cap_bytes. */
void cache_trim(const char *dir, unsigned long long cap_bytes);

#endif
