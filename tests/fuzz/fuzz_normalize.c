/*
 * libFuzzer target for the normalizer: any bytes, made valid and sanitized
 * the way `narrate text` does, must come through normalizer_run without a
 * crash, a sanitizer report, "[[" or a newline in the output.
 *
 * Build (from the repository root):
 *   clang -fsanitize=fuzzer,address,undefined -Isrc tests/fuzz/fuzz_normalize.c \
 *         (every src .c file but main.c) $(pkg-config --cflags --libs ...) -lm
 * Data is read from $NARRATE_DATADIR, or the current directory.
 */
#include "buf.h"
#include "normalize.h"
#include "sanitize.h"
#include "unicode.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct normalizer *nz;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (!nz) {
		const char *dir = getenv("NARRATE_DATADIR");
		nz = normalizer_new(dir && *dir ? dir : ".", "en");
		if (!nz)
			abort();
	}
	struct buf fixed = BUF_INIT, clean = BUF_INIT, out = BUF_INIT, why = BUF_INIT;
	unicode_repair((const char *)data, size, &fixed);
	sanitize_text(fixed.data ? fixed.data : "", fixed.len, &clean);
	normalizer_run(nz, clean.data ? clean.data : "", clean.len, &out, &why);
	if (out.len && (memchr(out.data, '\n', out.len) || strstr(out.data, "[[")))
		abort();
	buf_release(&fixed);
	buf_release(&clean);
	buf_release(&out);
	buf_release(&why);
	return 0;
}
