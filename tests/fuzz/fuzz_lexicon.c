/*
 * fuzz_lexicon: libFuzzer target for the lexicon loader and matcher.
 *
 * Each input is written to a file and loaded as a lexicon (the loader reads
 * files, as narrate does); whatever loads is then applied to the input
 * itself and to a fixed sentence, so the matcher sees the keys it was
 * given.  Any crash, leak, hang or sanitizer report is a bug; refusing the
 * file is fine.
 *
 *   clang -g -O1 -fsanitize=fuzzer,address,undefined -Isrc \
 *       $(pkg-config --cflags espeak-ng yaml-0.1 libxml-2.0 libutf8proc) \
 *       tests/fuzz/fuzz_lexicon.c <every src .c file but main.c> \
 *       $(pkg-config --libs espeak-ng sndfile yaml-0.1 libxml-2.0 libutf8proc ...) -lm \
 *       -o build/fuzz_lexicon
 *   NARRATE_DATADIR=$PWD build/fuzz_lexicon -max_total_time=60 -close_fd_mask=2 \
 *       tests/fuzz/corpus-lexicon
 */
#include "buf.h"
#include "diag.h"
#include "lexicon.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char path[64];

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	char cwd[4096];
	if (getcwd(cwd, sizeof(cwd)))
		setenv("NARRATE_DATADIR", cwd, 0);
	struct buf p = BUF_INIT;
	buf_addf(&p, "/tmp/fuzz_lexicon.%d.yaml", (int)getpid());
	memcpy(path, p.data, p.len + 1);
	buf_release(&p);
	diag_quiet = true;
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	FILE *f = fopen(path, "wb");
	if (!f)
		return 0;
	fwrite(data, 1, size, f);
	fclose(f);
	struct lexicon *lx = lexicon_new();
	if (lexicon_load_file(lx, path) == 0) {
		static const char text[] = "Tokayev's aides met the Kassym-Jomart NATO panel.";
		struct buf out = BUF_INIT, why = BUF_INIT;
		lexicon_apply(lx, text, sizeof(text) - 1, &out, &why);
		lexicon_apply(lx, (const char *)data, size, &out, &why);
		buf_release(&out);
		buf_release(&why);
	}
	lexicon_free(lx);
	unlink(path);
	return 0;
}
