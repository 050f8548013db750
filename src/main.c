/*
 * main: picks the subcommand; everything else lives in the cmd_* files.
 */
#include "cli.h"

#include <signal.h>
#include <stdio.h>
#include <string.h>

#ifndef NARRATE_VERSION
#define NARRATE_VERSION "0.1.0"
#endif

static const struct command {
	const char *name;
	int (*run)(int argc, char **argv);
	const char *help;
} commands[] = {
	{ "text", cmd_text, "print the spoken script (what espeak-ng is given)" },
	{ "voices", cmd_voices, "list voice presets and espeak-ng's English voices" },
	{ "batch", cmd_batch, "narrate archives: parallel, resumable, incremental, shardable" },
	{ "feed", cmd_feed, "write DIR/feed.xml, the podcast RSS feed of narrated episodes" },
	{ "lexicon", cmd_lexicon, "check, look up, audit, import and export pronunciations" },
	{ "check", cmd_check, "measure episodes: loudness, peaks, format, chapters, tags" },
};

static void usage(FILE *to)
{
	fputs("usage: narrate [options] FILE...     narrate articles ('-' reads stdin)\n"
	      "       narrate COMMAND [options] ...\n\ncommands:\n", to);
	for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		fprintf(to, "  %-10s %s\n", commands[i].name, commands[i].help);
	fputs("\n'narrate --help' lists the options for narrating; "
	      "'narrate COMMAND --help' those of a command.\n", to);
}

int main(int argc, char **argv)
{
	/* A file-size limit must give a write error, not kill us (RELIABILITY 5). */
	signal(SIGXFSZ, SIG_IGN);
	if (argc >= 2 && !strcmp(argv[1], "--version")) {
		printf("narrate %s\n", NARRATE_VERSION);
		return 0;
	}
	if (argc >= 2) {
		for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
			if (!strcmp(argv[1], commands[i].name))
				return commands[i].run(argc - 1, argv + 1);
	}
	if (argc < 2) {
		usage(stderr);
		return EXIT_USAGE;
	}
	return cmd_narrate(argc, argv);
}
