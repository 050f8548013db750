/*
 * id3read: a small reader for the ID3v2 tag at the start of an MP3, enough
 * for `narrate check` to count chapters (CHAP/CTOC) and read the title and
 * artist.  Pure parsing of bytes; the file is read by id3read_file().
 * Versions 2.3 and 2.4; unsynchronised or compressed frames are skipped.
 */
#ifndef NARRATE_ID3READ_H
#define NARRATE_ID3READ_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct id3read_chapter {
	char *id;             /* element ID */
	uint32_t start_ms, end_ms;
	char *title;          /* embedded TIT2 in UTF-8, or NULL */
};

struct id3read_tag {
	int version;          /* 3 or 4; 0 when the file has no ID3v2 tag */
	size_t size;          /* bytes of the whole tag, header included */
	char *title, *artist; /* TIT2, TPE1 in UTF-8, or NULL */
	struct id3read_chapter *chap;
	size_t n_chap;
	size_t n_toc;         /* CTOC frames */
	size_t n_top;         /* CTOC frames flagged top-level */
	bool top_ordered;     /* the (last) top-level CTOC is ordered */
	size_t top_entries;   /* child count of that CTOC */
};

/* Size of the tag whose first 10 bytes are hdr (header included), or 0 when
 * hdr is not an ID3v2.3/2.4 header. */
size_t id3read_tag_size(const unsigned char hdr[10]);

/* Parses a whole tag (data[0..len), starting with "ID3") into *t, which the
 * caller releases with id3read_release() on success and failure alike.
 * Returns 0, or -1 (no message) when the tag is malformed. */
int id3read_parse(const unsigned char *data, size_t len, struct id3read_tag *t);

/* Reads the tag at the start of path (version 0 when there is none).
 * Returns 0, or -1 after error() when the file cannot be read or the tag is
 * malformed. */
int id3read_file(const char *path, struct id3read_tag *t);

void id3read_release(struct id3read_tag *t);

#endif
