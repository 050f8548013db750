/*
 * libFuzzer target for id3read, the parser `narrate check` runs on the head
 * of any MP3 it is given: arbitrary bytes as a tag, and the same bytes behind
 * a header whose size agrees, so the frame walker sees them.
 */
#include "buf.h"
#include "diag.h"
#include "id3read.h"

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct id3read_tag t;
	diag_quiet = true;
	id3read_parse(data, size, &t);
	id3read_release(&t);
	if (size > (1u << 20) || size < 1)
		return 0;
	unsigned char *tag = xmalloc(size + 10);
	size_t n = size;
	memcpy(tag, "ID3", 3);
	tag[3] = data[0] & 1 ? 4 : 3;
	tag[4] = 0;
	tag[5] = data[0] & 0xf0; /* flags from the input */
	tag[6] = (unsigned char)(n >> 21 & 0x7f);
	tag[7] = (unsigned char)(n >> 14 & 0x7f);
	tag[8] = (unsigned char)(n >> 7 & 0x7f);
	tag[9] = (unsigned char)(n & 0x7f);
	memcpy(tag + 10, data, size);
	id3read_parse(tag, size + 10, &t);
	id3read_release(&t);
	free(tag);
	return 0;
}
