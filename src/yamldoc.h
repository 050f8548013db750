/*
 * yamldoc: the only module that talks to libyaml.
 *
 * Loads a YAML file into a small read-only tree of maps, sequences and
 * scalars, each node remembering its 1-based line and column, so that the
 * modules that read voices, lexicons and normalizer data can report
 * "file:line:col: message" for anything they dislike.
 *
 * It is strict on purpose (see RELIABILITY.md, section 4): files over
 * YDOC_MAX_BYTES, anchors, aliases, explicit tags, nesting deeper than
 * YDOC_MAX_DEPTH, duplicate keys in one map and non-scalar keys are errors,
 * reported once with the position.  libyaml's reader errors carry only a
 * byte offset; we turn it into a line and column.
 *
 *   struct ydoc doc;
 *   if (ydoc_load_file(&doc, "voices/news.yaml") < 0)
 *           return -1;                     // message already printed
 *   const struct ynode *rate = ynode_get(doc.root, "rate");
 *   ...
 *   ydoc_release(&doc);
 *
 * A big flat file (a 100,000-entry lexicon) is better streamed: the same
 * checks, but each top-level key/value pair is built, handed to a callback
 * and thrown away, so memory stays at one pair:
 *
 *   static int on_pair(struct ydoc *doc, const struct ynode *key,
 *                      const struct ynode *value, void *ctx) { ... return 0; }
 *   if (ydoc_stream_map("names.yaml", NULL, on_pair, &state) < 0) ...
 */
#ifndef NARRATE_YAMLDOC_H
#define NARRATE_YAMLDOC_H

#include <stdbool.h>
#include <stddef.h>

#define YDOC_MAX_BYTES (8u << 20)
#define YDOC_MAX_DEPTH 16

enum ynode_kind { YNODE_SCALAR, YNODE_SEQ, YNODE_MAP };

struct ynode {
	enum ynode_kind kind;
	bool quoted;             /* scalar written in quotes or as a block */
	unsigned line, col;      /* 1-based position of the node's start */
	size_t len;              /* scalar: byte length of str; seq/map: count */
	const char *str;         /* scalar: NUL-terminated value; else "" */
	struct ynode *child;     /* seq: first item; map: first key */
	struct ynode *next;      /* next sibling (in a map: key, value, key...) */
};

struct ydoc {
	char *name;              /* the file name used in messages */
	struct ynode *root;      /* NULL for an empty document */
	void *arena;             /* owns every node and string */
};

/* Reads and parses path.  On failure prints "path:line:col: ..." once and
 * returns -1; doc is then empty but still safe to release. */
int ydoc_load_file(struct ydoc *doc, const char *path);
/* The same for text already in memory; name is used in messages. */
int ydoc_load_string(struct ydoc *doc, const char *name, const char *text, size_t len);
void ydoc_release(struct ydoc *doc);

/* Called by ydoc_stream_map() for each top-level pair, in file order.  key
 * is a scalar and key->next == value; both, their children and their
 * strings are valid only during the call (copy what you keep).  doc is only
 * for ydoc_error()/ydoc_warning() (its root is NULL).  Return 0 to go on, or
 * -1 (after reporting) to stop the stream. */
typedef int ydoc_pair_fn(struct ydoc *doc, const struct ynode *key,
			 const struct ynode *value, void *ctx);
/* Streams path, whose top level must be a map, one pair at a time through
 * fn, with every check ydoc_load_file() makes (size, depth, anchors,
 * aliases, tags, duplicate keys with "first at line N").  An empty document
 * calls fn never.  A top level that is not a map is reported as
 * "path:line:col: WHAT, not a list" (what NULL: "expected a map at the top
 * level").  Returns 0, or -1 after reporting once (or after fn returned
 * -1); pairs before the problem have already been given to fn.  The file
 * is read twice (pre-scan, then parse) and never held whole: memory is one
 * pair's tree plus a copy of the top-level keys. */
int ydoc_stream_map(const char *path, const char *what, ydoc_pair_fn *fn, void *ctx);
/* Called by ydoc_stream_map_hinted() with each top-level key as soon as it
 * is read, before its value is parsed, so that the caller can start on what
 * the pair will need (fetch a hash slot from memory, say).  key is the node
 * fn will get; the hint reports nothing and cannot stop the stream. */
typedef void ydoc_key_fn(const struct ynode *key, void *ctx);
/* ydoc_stream_map() with a hint (NULL: none). */
int ydoc_stream_map_hinted(const char *path, const char *what, ydoc_key_fn *hint,
			   ydoc_pair_fn *fn, void *ctx);

/* In a map, the value for key, or NULL. */
const struct ynode *ynode_get(const struct ynode *map, const char *key);
/* Prints "doc-name:line:col: message" as an error and returns -1. */
int ydoc_error(const struct ydoc *doc, const struct ynode *at, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* The same as a warning; returns nothing. */
void ydoc_warning(const struct ydoc *doc, const struct ynode *at, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* Kind names for messages: "a scalar", "a list", "a map". */
const char *ynode_kind_name(enum ynode_kind kind);

#endif
