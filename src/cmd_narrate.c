/*
 * cmd_narrate: `narrate [options] FILE...`, one article after another.
 * `narrate voices` lists what -v accepts.
 */
#include "cli.h"

#include "datadir.h"
#include "diag.h"
#include "session.h"
#include "synth.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const struct option_def defs[] = {
	SESSION_OPTIONS,
	{ 'q', "quiet", NULL, "no progress lines or warnings, only errors" },
	{ 'h', "help", NULL, "this help" },
	{ 0, NULL, NULL, NULL },
};

static void help(FILE *to)
{
	fputs("usage: narrate [options] FILE...\n"
	      "Narrates each article (plain UTF-8 text; '-' reads stdin) into\n"
	      "OUTDIR/<slug>/<slug>.<ext>, one file per chapter in OUTDIR/<slug>/chapters/,\n"
	      "and the spoken script in OUTDIR/<slug>/<slug>.script.txt.\n\n", to);
	options_help(defs, to);
	fputs("\nother commands: narrate text, narrate voices (see 'narrate help')\n"
	      "exit status: 0 all narrated, 1 some input failed, 2 usage\n", to);
}

int cmd_narrate(int argc, char **argv)
{
	struct session_config cfg = { 0 };
	struct option_iter it;
	char *arg;
	int c, rc = 0;
	options_begin(&it, defs, argc, argv);
	while ((c = options_next(&it, &arg)) != -1) {
		int took = session_option(&cfg, c, arg);
		if (took < 0)
			rc = EXIT_USAGE;
		else if (took)
			continue;
		else if (c == 'q')
			diag_quiet = true;
		else if (c == 'h') {
			help(stdout);
			options_end(&it);
			free(cfg.lexicons);
			return 0;
		} else
			rc = EXIT_USAGE;
		if (rc)
			break;
	}
	int first = options_end(&it);
	if (!rc && first >= argc) {
		error("no article given");
		rc = EXIT_USAGE;
	}
	if (rc) {
		fputs("try 'narrate --help'\n", stderr);
		free(cfg.lexicons);
		return rc;
	}
	struct session s;
	rc = session_start(&s, &cfg);
	if (rc) {
		free(cfg.lexicons);
		return rc;
	}
	for (int i = first; i < argc; i++) {
		struct render_stats st;
		if (session_narrate(&s, argv[i], &st) < 0)
			rc = EXIT_INPUT;
		else
			note("%s: %.1f s of audio%s", argv[i], st.audio_seconds,
			     st.failed_segments ? " (some sentences skipped)" : "");
	}
	session_end(&s);
	free(cfg.lexicons);
	return rc;
}

static void show_variant(const char *name, const char *lang, void *ctx)
{
	(void)lang;
	(void)ctx;
	printf(" %s", name);
}

static void show_voice(const char *name, const char *desc, void *ctx)
{
	(void)ctx;
	printf("  %-14s %s\n", name, desc);
}

static void show_preset(const struct voice *v, void *ctx)
{
	(void)ctx;
	printf("  %-14s %-10s rate %d, pitch %d  %s\n", v->name, v->engine_voice, v->rate, v->pitch,
	       v->description ? v->description : "");
}

int cmd_voices(int argc, char **argv)
{
	(void)argv;
	if (argc > 1) {
		fputs("usage: narrate voices\nLists voice presets and espeak-ng's English voices.\n",
		      strcmp(argv[1], "--help") && strcmp(argv[1], "-h") ? stderr : stdout);
		return strcmp(argv[1], "--help") && strcmp(argv[1], "-h") ? EXIT_USAGE : 0;
	}
	if (synth_init() < 0)
		return EXIT_INPUT;
	printf("presets (-v NAME, from %s/voices):\n", datadir_get());
	voice_each_preset(datadir_get(), show_preset, NULL);
	printf("espeak-ng English voices (-v NAME):\n");
	synth_list_voices("en", false, show_voice, NULL);
	printf("variants (append +NAME, e.g. -v en-us+f3):\n ");
	synth_list_voices("", true, show_variant, NULL);
	printf("\n");
	return 0;
}
