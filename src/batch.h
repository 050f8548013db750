/*
 * batch: many articles in parallel, resumable and incremental.
 *
 * The parent reads every input once (its digest and title), gives each a
 * slug over the whole list (so shards agree), keeps its shard's share, and
 * hands articles to -j worker processes forked after the engine is ready.
 * Each article's directory holds a stamp: the digest of its text with the
 * settings, and the digest of its spoken script with the audio settings.
 * An article whose stamp matches is skipped without being read again; one
 * whose spoken script is unchanged (a lexicon edit that does not touch it)
 * is skipped after preprocessing.  Identical articles are narrated once.
 * A worker that dies or overruns --timeout is reported with the article
 * and replaced.  Ctrl-C stops promptly; SIGKILL at any moment loses
 * nothing, since every file is published atomically and stamps come last.
 */
#ifndef NARRATE_BATCH_H
#define NARRATE_BATCH_H

#include "session.h"

#include <stdbool.h>
#include <stddef.h>

struct batch_opts {
	int jobs;                  /* worker processes */
	unsigned timeout_s;        /* per article; 0 = none */
	unsigned shard_k, shard_n; /* this is shard k of n (1-based); n = 0: all */
	bool quiet;
	bool force;                /* narrate even when the stamp matches */
};

/* Narrates paths[0..n) with the started session s.  Writes
 * OUTDIR/batch-report.json.  Returns the exit code: 0 all done, 1 some
 * failed, 130 interrupted. */
int batch_run(struct session *s, const struct session_config *cfg, char **paths, size_t n,
	      const struct batch_opts *o);

#endif
