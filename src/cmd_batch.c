/*
 * cmd_batch: `narrate batch [options] PATH...`, archives of articles.
 */
#include "cli.h"

#include "batch.h"
#include "buf.h"
#include "diag.h"
#include "inputs.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const struct option_def defs[] = {
	SESSION_OPTIONS,
	{ 'j', "jobs", "N", "worker processes (default: the number of cores)" },
	{ 400, "manifest", "FILE", "read article paths, one per line, from FILE ('-': stdin)" },
	{ 401, "shard", "K/N", "narrate only share K of N (by path hash), for several machines" },
	{ 402, "force", NULL, "narrate even articles whose output is up to date" },
	{ 403, "base-url", "URL", "also write OUTDIR/feed.xml, the podcast feed, for URL" },
	{ 404, "feed-title", "TITLE", "the feed's title (with --base-url)" },
	{ 405, "image", "URL", "the feed's cover image (with --base-url)" },
	{ 406, "author", "NAME", "the feed's author (with --base-url)" },
	{ 407, "no-cache", NULL, "do not keep or reuse synthesized sentences in OUTDIR/.cache" },
	{ 408, "cache-size", "MB", "the cache's size limit (default: 4096)" },
	{ 'q', "quiet", NULL, "no progress, only errors" },
	{ 'h', "help", NULL, "this help" },
	{ 0, NULL, NULL, NULL },
};

static void help(FILE *to)
{
	fputs("usage: narrate batch [options] PATH...\n"
	      "Narrates archives: each PATH is a directory (searched for *.txt), a file or a glob;\n"
	      "--manifest adds paths from a file.  Articles whose text and settings are unchanged\n"
	      "since the last run are skipped; identical articles are narrated once; a report goes\n"
	      "to OUTDIR/batch-report.json.  --timeout is per article here.\n\n", to);
	options_help(defs, to);
	fputs("\nexit status: 0 all narrated, 1 some failed, 2 usage, 130 interrupted\n", to);
}

static int parse_shard(const char *arg, unsigned *k, unsigned *n)
{
	char extra;
	if (sscanf(arg, "%u/%u%c", k, n, &extra) != 2 || *n == 0 || *k == 0 || *k > *n)
		return error("--shard takes K/N with 1 <= K <= N, not '%s'", arg);
	return 0;
}

static int parse_megabytes(const char *arg, long *mb)
{
	char *end;
	long v = strtol(arg, &end, 10);
	if (end == arg || *end || v < 0 || v > (1L << 30))
		return error("--cache-size takes megabytes, not '%s'", arg);
	*mb = v;
	return 0;
}

static int parse_jobs(const char *arg, int *jobs)
{
	char *end;
	long v = strtol(arg, &end, 10);
	if (end == arg || *end || v < 1 || v > 256)
		return error("-j takes a number from 1 to 256, not '%s'", arg);
	*jobs = (int)v;
	return 0;
}

/* The feed over the whole output folder, as `narrate feed` writes it. */
static int write_feed(const char *outdir, const char *const opt[4])
{
	static const char *const flags[4] = { "--base-url", "--title", "--image", "--author" };
	char *argv[12];
	int argc = 0;
	argv[argc++] = (char *)"feed";
	argv[argc++] = (char *)outdir;
	for (int i = 0; i < 4; i++) {
		if (!opt[i])
			continue;
		argv[argc++] = (char *)flags[i];
		argv[argc++] = (char *)opt[i];
	}
	argv[argc] = NULL;
	optind = 0;   /* a fresh getopt for the feed's own parser */
	return cmd_feed(argc, argv);
}

int cmd_batch(int argc, char **argv)
{
	struct session_config cfg = { 0 };
	struct batch_opts bo = { 0 };
	struct inputs in = { 0 };
	const char *feed_opt[4] = { NULL };    /* base-url, title, image, author */
	bool use_cache = true;
	long cache_mb = 4096;
	long cores = sysconf(_SC_NPROCESSORS_ONLN);
	bo.jobs = cores > 0 ? (int)cores : 1;
	struct option_iter it;
	char *arg;
	int c, rc = 0;
	options_begin(&it, defs, argc, argv);
	while (!rc && (c = options_next(&it, &arg)) != -1) {
		int took = session_option(&cfg, c, arg);
		if (took)
			rc = took < 0 ? EXIT_USAGE : 0;
		else if (c == 'j')
			rc = parse_jobs(arg, &bo.jobs) < 0 ? EXIT_USAGE : 0;
		else if (c == 400)
			rc = inputs_add_manifest(&in, arg) < 0 ? EXIT_INPUT : 0;
		else if (c == 401)
			rc = parse_shard(arg, &bo.shard_k, &bo.shard_n) < 0 ? EXIT_USAGE : 0;
		else if (c == 402)
			bo.force = true;
		else if (c >= 403 && c <= 406)
			feed_opt[c - 403] = arg;
		else if (c == 407)
			use_cache = false;
		else if (c == 408)
			rc = parse_megabytes(arg, &cache_mb) < 0 ? EXIT_USAGE : 0;
		else if (c == 'q')
			bo.quiet = diag_quiet = true;
		else if (c == 'h') {
			help(stdout);
			options_end(&it);
			free(cfg.lexicons);
			inputs_release(&in);
			return 0;
		} else
			rc = EXIT_USAGE;
	}
	int first = options_end(&it);
	for (int i = first; !rc && i < argc; i++)
		if (inputs_add(&in, argv[i]) < 0)
			rc = EXIT_INPUT;
	if (!rc && !in.n && first >= argc) {
		error("no PATH given");
		rc = EXIT_USAGE;
	}
	if (rc == EXIT_USAGE)
		fputs("try 'narrate batch --help'\n", stderr);
	bool some_missing = rc == EXIT_INPUT;
	if (rc == EXIT_USAGE || (rc && !in.n)) {
		free(cfg.lexicons);
		inputs_release(&in);
		return rc;
	}
	inputs_finish(&in);
	bo.timeout_s = cfg.timeout_s;
	if (cfg.timeout_s > 60)
		cfg.timeout_s = 60;   /* the engine's own silence limit stays short */
	struct session s;
	rc = session_start(&s, &cfg);
	struct buf cache_dir = BUF_INIT;
	if (!rc && use_cache) {
		buf_addf(&cache_dir, "%s/.cache", s.ro.outdir);
		s.ro.cache_dir = cache_dir.data;
		s.ro.cache_cap = (unsigned long long)cache_mb << 20;
	}
	if (!rc) {
		rc = batch_run(&s, &cfg, in.paths, in.n, &bo);
		session_end(&s);
		if (feed_opt[0] && rc != 130) {
			int frc = write_feed(cfg.outdir ? cfg.outdir : "output", feed_opt);
			rc = rc ? rc : frc;
		}
	}
	buf_release(&cache_dir);
	free(cfg.lexicons);
	inputs_release(&in);
	return rc ? rc : some_missing ? EXIT_INPUT : 0;
}
