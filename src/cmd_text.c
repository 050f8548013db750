/*
 * cmd_text: `narrate text` prints the spoken script, exactly what espeak-ng
 * is given.  With --lines each input line is one independent text and
 * exactly one spoken line comes out for it (the external scorer uses this).
 */
#include "cli.h"

#include "article.h"
#include "buf.h"
#include "datadir.h"
#include "diag.h"
#include "lexicon.h"
#include "preprocess.h"
#include "split.h"
#include "unicode.h"

#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char usage[] =
	"usage: narrate text [--explain | --structure] [--lexicon FILE]... [--no-lexicon] FILE|-\n"
	"       narrate text --lines [--explain] [--lexicon FILE]... [--no-lexicon] FILE|-\n"
	"\n"
	"Prints the spoken script: the text espeak-ng is given.\n"
	"  --lines          every input line is one text; one spoken line out per line in\n"
	"  --structure      print the article's outline (chapters, segments, lines) instead\n"
	"  --explain        after each line, every token that changed: original, spoken,\n"
	"                   and the rule or lexicon entry responsible (on stderr with --lines)\n"
	"  --lexicon FILE   extra pronunciation lexicon (repeatable; later wins)\n"
	"  --no-lexicon     no lexicon at all: only the text rules (for testing them)\n"
	"  -h, --help       this help\n";

/* One spoken line per input line; never merges or splits lines. */
static int text_lines(const struct preprocessor *pp, FILE *in, bool explain)
{
	struct buf line = BUF_INIT, fixed = BUF_INIT, spoken = BUF_INIT, why = BUF_INIT;
	char chunk[8192];
	int eof = 0;
	while (!eof) {
		buf_reset(&line);
		for (;;) {
			if (!fgets(chunk, sizeof(chunk), in)) {
				eof = 1;
				break;
			}
			size_t n = strlen(chunk);
			buf_add(&line, chunk, n);
			if (n && chunk[n - 1] == '\n')
				break;
		}
		if (eof && line.len == 0)
			break;
		if (line.len && line.data[line.len - 1] == '\n')
			line.len--;
		if (line.len && line.data[line.len - 1] == '\r')
			line.len--;
		buf_reset(&fixed);
		buf_reset(&spoken);
		buf_reset(&why);
		unicode_repair(line.data, line.len, &fixed);
		preprocess_sentence(pp, fixed.data ? fixed.data : "", fixed.len, &spoken,
				    explain ? &why : NULL);
		for (size_t i = 0; i < spoken.len; i++)
			if (spoken.data[i] == '\n' || spoken.data[i] == '\r')
				spoken.data[i] = ' ';
		fwrite(spoken.data ? spoken.data : "", 1, spoken.len, stdout);
		putchar('\n');
		if (explain && why.len)
			fputs(why.data, stderr);
	}
	fflush(stdout);
	buf_release(&line);
	buf_release(&fixed);
	buf_release(&spoken);
	buf_release(&why);
	return 0;
}

int cmd_text(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "lines", no_argument, NULL, 'L' },
		{ "explain", no_argument, NULL, 'E' },
		{ "structure", no_argument, NULL, 'S' },
		{ "lexicon", required_argument, NULL, 'l' },
		{ "no-lexicon", no_argument, NULL, 'N' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	bool lines = false, explain = false, structure = false, no_lexicon = false;
	char **lex = xcalloc((size_t)argc, sizeof(char *));
	size_t nlex = 0;
	int c, rc = 0;
	while ((c = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
		switch (c) {
		case 'L': lines = true; break;
		case 'E': explain = true; break;
		case 'S': structure = true; break;
		case 'l': lex[nlex++] = optarg; break;
		case 'N': no_lexicon = true; break;
		case 'h': fputs(usage, stdout); free(lex); return 0;
		default: fputs(usage, stderr); free(lex); return EXIT_USAGE;
		}
	}
	if (optind != argc - 1) {
		fputs(usage, stderr);
		free(lex);
		return EXIT_USAGE;
	}
	const char *path = argv[optind];
	struct preprocessor pp;
	if (split_load(datadir_get(), "en") < 0 ||
	    preprocess_init(&pp, datadir_get(), "en", lex, nlex) < 0) {
		split_unload();
		free(lex);
		return EXIT_USAGE;
	}
	if (no_lexicon) {
		lexicon_free(pp.lx);
		pp.lx = lexicon_new();
	}
	if (lines) {
		FILE *in = strcmp(path, "-") ? fopen(path, "rb") : stdin;
		if (!in) {
			rc = EXIT_INPUT;
			error("cannot open '%s'", path);
		} else {
			rc = text_lines(&pp, in, explain);
			if (in != stdin)
				fclose(in);
		}
	} else {
		struct article art;
		if (article_load(&art, path) < 0) {
			rc = EXIT_INPUT;
		} else {
			struct buf script = BUF_INIT;
			char **why = NULL;
			if (structure)
				article_outline(&art, &script);
			char **spoken = structure ? NULL :
				article_spoken(&art, &pp, explain ? &why : NULL);
			if (!structure)
				article_script(&art, spoken, why, &script);
			article_free_spoken(&art, spoken);
			article_free_spoken(&art, why);
			fwrite(script.data, 1, script.len, stdout);
			buf_release(&script);
			article_release(&art);
		}
	}
	preprocess_release(&pp);
	split_unload();
	free(lex);
	return rc;
}
