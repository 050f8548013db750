/*
 * cache: synthesized audio kept by what was said, so batch narration never
 * synthesizes the same article twice (output/.cache, size-capped).
 *
 * The unit is the article: espeak-ng 1.51 carries state from one sentence
 * to the next (a sentence's samples depend on every sentence before it in
 * the same engine; measured), and a fresh engine per sentence costs a
 * fork and its page faults (about 10 ms here), so the level at which
 * cached audio equals a fresh render sample for sample is the whole
 * article rendered in a fresh worker.  The key is the digest of the spoken
 * script with everything that shapes the samples (engine, voice, rate,
 * pitch, pauses); the entry is the engine-rate PCM with the segment
 * timings.  Re-encoding to another format, bit rate or loudness reuses it.
 *
 * Files: DIR/KEY.pcm (int16 mono) and DIR/KEY.idx (timings), each
 * published atomically; the least recently used are removed past the cap.
 */
#ifndef NARRATE_CACHE_H
#define NARRATE_CACHE_H

#include <stddef.h>

struct cache_entry {
	int fd;                         /* the PCM, open for reading */
	unsigned long long samples;
	unsigned long long speech;
	size_t n_segs, failed;
	unsigned long long *seg_start, *seg_end, *seg_onset;
};

/* Opens KEY's entry in dir.  Returns 0 with e filled (the caller releases
 * it), or -1 when there is none or it does not match n_segs. */
int cache_get(const char *dir, const char *key, size_t n_segs, struct cache_entry *e);
/* Stores the PCM read from fd (rewound first) under KEY with the timings
 * in e, then trims dir to cap_bytes.  Failures only warn: a cache is an
 * optimization.  */
void cache_put(const char *dir, const char *key, int fd, const struct cache_entry *e,
	       unsigned long long cap_bytes);
void cache_entry_release(struct cache_entry *e);

#endif
