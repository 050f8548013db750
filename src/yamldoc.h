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
