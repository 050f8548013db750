/*
 * cmd_lexicon: `narrate lexicon check|lookup|audit|import|export`, the
 * tools that keep the pronunciation lexicon right.
 *
 *   check [FILE...]        validate lexicon files (the shipped ones if none)
 *   lookup WORD...         the entry that applies, what is said, espeak-ng's
 *                          phonemes for it and without it
 *   audit ARTICLE...       names and acronyms espeak-ng is likely to get
 *                          wrong (in neither the lexicon nor the word list)
 *   import FILE.pls        a W3C PLS 1.0 lexicon as YAML, on stdout
 *   export --pls [FILE...] a lexicon as W3C PLS 1.0, on stdout
 */
#include "cli.h"

#include "article.h"
#include "buf.h"
#include "datadir.h"
#include "diag.h"
#include "lexicon.h"
#include "lexicon_audit.h"
#include "pls.h"
#include "synth.h"

#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char usage[] =
	"usage: narrate lexicon check [FILE...]\n"
	"       narrate lexicon lookup [--lexicon FILE]... WORD...\n"
	"       narrate lexicon audit [--lexicon FILE]... [--stub FILE] [--dict FILE] ARTICLE...\n"
	"       narrate lexicon import FILE.pls\n"
	"       narrate lexicon export --pls [FILE...]\n"
	"\n"
	"  check     validate lexicon files (default: the shipped ones); exit 1 on problems\n"
	"  lookup    the entry that applies to a word (file:line), what is said and the\n"
	"            phonemes espeak-ng will use; exit 1 when no entry applies\n"
	"  audit     capitalized words and acronyms in neither the lexicon nor the word list\n"
	"            (--dict, default /usr/share/dict/american-english), with counts and\n"
	"            espeak-ng's reading; --stub writes a YAML stub to fill in; exit 1 when\n"
	"            any are found\n"
	"  import    a W3C PLS 1.0 lexicon, printed as narrate YAML\n"
	"  export    the lexicon (default: the shipped one) as W3C PLS 1.0\n"
	"  --lexicon FILE   an extra lexicon after the shipped ones (repeatable; later wins)\n"
	"  -h, --help       this help\n";

struct opts {
	char **lex;            /* --lexicon files */
	size_t n_lex;
	const char *stub, *dict;
	bool pls;
};

/* The shipped lexicons (unless only is set), then files[0..n). */
static struct lexicon *load(char **files, size_t n, bool only, bool notes)
{
	struct lexicon *lx = lexicon_new();
	lexicon_note_overrides(lx, notes);
	struct buf dir = BUF_INIT;
	int rc = 0;
	buf_addf(&dir, "%s/pronunciations/en", datadir_get());
	if (!only)
		rc = lexicon_load_dir(lx, dir.data);
	for (size_t i = 0; i < n; i++)
		if (lexicon_load_file(lx, files[i]) < 0)
			rc = -1;
	buf_release(&dir);
	if (rc < 0) {
		lexicon_free(lx);
		return NULL;
	}
	return lx;
}

static int start_engine(void)
{
	if (synth_init() < 0 || synth_set_voice("en-us", 175, 50) < 0)
		return -1;
	return 0;
}

static int run_check(struct opts *o, int argc, char **argv)
{
	(void)o;
	struct lexicon *lx = load(argv, (size_t)argc, false, true);
	if (!lx)
		return EXIT_INPUT;
	printf("%zu entries and aliases: no problems\n", lexicon_size(lx));
	lexicon_free(lx);
	return 0;
}

static void print_lookup(const char *word, const struct lexicon_info *e, const char *spoken)
{
	struct buf ph = BUF_INIT, raw = BUF_INIT;
	printf("word: %s\n", word);
	if (e) {
		const struct lexicon_info *t = e->target ? e->target : e;
		printf("entry: %s at %s:%u (%s: %s)\n", t->key, t->file, t->line, t->how, t->value);
		if (e->target)
			printf("alias: %s at %s:%u\n", e->key, e->file, e->line);
		printf("spoken: %s\n", spoken);
		/* a [[...]] group is what espeak-ng uses as is; synth_phonemes()
		 * reads text with phoneme input off, so only respellings go there */
		size_t n = strlen(spoken);
		if (n > 4 && !strncmp(spoken, "[[", 2) && strstr(spoken + 2, "]]") == spoken + n - 2)
			buf_add(&ph, spoken + 2, n - 4);
		else
			synth_phonemes(spoken, &ph);
		printf("phonemes: %s\n", ph.data ? ph.data : "");
	} else {
		printf("entry: none\n");
	}
	synth_phonemes(word, &raw);
	printf("espeak-ng alone: %s\n", raw.data ? raw.data : "");
	buf_release(&ph);
	buf_release(&raw);
}

static int run_lookup(struct opts *o, int argc, char **argv)
{
	if (argc < 1) {
		fputs(usage, stderr);
		return EXIT_USAGE;
	}
	struct lexicon *lx = load(o->lex, o->n_lex, false, false);
	if (!lx || start_engine() < 0) {
		lexicon_free(lx);
		return EXIT_INPUT;
	}
	int rc = 0;
	struct buf spoken = BUF_INIT;
	for (int i = 0; i < argc; i++) {
		buf_reset(&spoken);
		const struct lexicon_info *e = lexicon_find(lx, argv[i], strlen(argv[i]), &spoken);
		if (i)
			putchar('\n');
		print_lookup(argv[i], e, spoken.data ? spoken.data : "");
		if (!e)
			rc = EXIT_INPUT;
	}
	buf_release(&spoken);
	lexicon_free(lx);
	return rc;
}

static int run_audit(struct opts *o, int argc, char **argv)
{
	if (argc < 1) {
		fputs(usage, stderr);
		return EXIT_USAGE;
	}
	struct lexicon *lx = load(o->lex, o->n_lex, false, false);
	struct audit *au = lx ? audit_new(lx, o->dict) : NULL;
	int rc = au ? 0 : EXIT_USAGE;
	for (int i = 0; au && i < argc; i++) {
		struct article art;
		if (article_load(&art, argv[i]) < 0) {
			rc = EXIT_INPUT;
			continue;
		}
		for (size_t s = 0; s < art.n_segs; s++)
			audit_text(au, art.segs[s].text, strlen(art.segs[s].text));
		article_release(&art);
	}
	if (au && rc == 0) {
		if (start_engine() < 0)
			rc = EXIT_INPUT;
		else
			rc = audit_report(au, stdout, o->stub) ? EXIT_INPUT : 0;
	}
	audit_free(au);
	lexicon_free(lx);
	return rc;
}

static int run_import(struct opts *o, int argc, char **argv)
{
	(void)o;
	if (argc != 1) {
		fputs(usage, stderr);
		return EXIT_USAGE;
	}
	struct lexicon *lx = lexicon_new();
	struct buf yaml = BUF_INIT;
	int rc = pls_import(argv[0], lx, &yaml);
	fwrite(yaml.data ? yaml.data : "", 1, yaml.len, stdout);
	buf_release(&yaml);
	lexicon_free(lx);
	return rc == 0 ? 0 : EXIT_INPUT;
}

static int run_export(struct opts *o, int argc, char **argv)
{
	if (!o->pls) {
		error("export needs a format: --pls");
		return EXIT_USAGE;
	}
	struct lexicon *lx = load(argv, (size_t)argc, argc > 0, false);
	if (!lx)
		return EXIT_INPUT;
	struct buf xml = BUF_INIT;
	int rc = pls_export(lx, &xml);
	fwrite(xml.data ? xml.data : "", 1, xml.len, stdout);
	buf_release(&xml);
	lexicon_free(lx);
	return rc == 0 ? 0 : EXIT_INPUT;
}

static const struct subcommand {
	const char *name;
	int (*run)(struct opts *o, int argc, char **argv);
} subcommands[] = {
	{ "check", run_check },
	{ "lookup", run_lookup },
	{ "audit", run_audit },
	{ "import", run_import },
	{ "export", run_export },
};

int cmd_lexicon(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "lexicon", required_argument, NULL, 'l' },
		{ "stub", required_argument, NULL, 's' },
		{ "dict", required_argument, NULL, 'd' },
		{ "pls", no_argument, NULL, 'p' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	if (argc >= 2 && (!strcmp(argv[1], "-h") || !strcmp(argv[1], "--help"))) {
		fputs(usage, stdout);
		return 0;
	}
	const struct subcommand *sc = NULL;
	for (size_t i = 0; argc >= 2 && i < sizeof(subcommands) / sizeof(subcommands[0]); i++)
		if (!strcmp(argv[1], subcommands[i].name))
			sc = &subcommands[i];
	if (!sc) {
		fputs(usage, stderr);
		return EXIT_USAGE;
	}
	struct opts o = { .lex = xcalloc((size_t)argc, sizeof(char *)),
			  .dict = "/usr/share/dict/american-english" };
	int c, rc;
	argc--;
	argv++;
	while ((c = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
		switch (c) {
		case 'l': o.lex[o.n_lex++] = optarg; break;
		case 's': o.stub = optarg; break;
		case 'd': o.dict = optarg; break;
		case 'p': o.pls = true; break;
		case 'h': fputs(usage, stdout); free(o.lex); return 0;
		default: fputs(usage, stderr); free(o.lex); return EXIT_USAGE;
		}
	}
	rc = sc->run(&o, argc - optind, argv + optind);
	free(o.lex);
	return rc;
}
