/*
 * worker: synthesis in forked children, so the engine's crashes and hangs
 * cost one sentence, never the run (RELIABILITY.md 0.1, 2).
 *
 * The parent has started the engine and chosen the voice (synth.c saves
 * the engine's state then, and every sentence starts from it), so a
 * sentence gives the same samples in any child, whatever was said before.
 * The child speaks the segments in order and streams their samples back
 * through a pipe.  When it dies (or goes silent for timeout_s seconds) in
 * the middle of a segment, that segment is reported failed, its partial
 * audio is dropped, and a fresh child carries on with the next one: the
 * failing sentence is found exactly, without bisection.
 */
#ifndef NARRATE_WORKER_H
#define NARRATE_WORKER_H

#include <stddef.h>
#include <stdint.h>

struct worker_cb {
	/* A segment's complete audio (n may be 0).  Return non-zero to stop. */
	int (*segment)(size_t seg, const int16_t *pcm, size_t n, void *ctx);
	/* A segment the engine could not speak; why says how it failed. */
	void (*failed)(size_t seg, const char *why, void *ctx);
};

/* Speaks texts[0..n) (spoken text, already sanitized; NULL or "" is
 * silence) in children.  Returns 0 when every segment was attempted (some
 * may have failed), or -1 on a system error (fork, pipe) or a stop
 * requested by the callback. */
int worker_speak(char *const *texts, size_t n, unsigned timeout_s,
		 const struct worker_cb *cb, void *ctx);

#endif
