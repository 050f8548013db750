/*
 * cmd_batch: `narrate batch [options] PATH...`, archives of articles.
 */
#include "cli.h"

#include "batch.h"
#include "diag.h"
#include "inputs.h"

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

static int parse_jobs(const char *arg, int *jobs)
{
	char *end;
	long v = strtol(arg, &end, 10);
	if (end == arg || *end || v < 1 || v > 256)
		return error("-j takes a number from 1 to 256, not '%s'", arg);
	*jobs = (int)v;
	return 0;
}

int cmd_batch(int argc, char **argv)
{
	struct session_config cfg = { 0 };
	struct batch_opts bo = { 0 };
	struct inputs in = { 0 };
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
	if (!rc) {
		rc = batch_run(&s, &cfg, in.paths, in.n, &bo);
		session_end(&s);
	}
	free(cfg.lexicons);
	inputs_release(&in);
	return rc ? rc : some_missing ? EXIT_INPUT : 0;
}
