/*
 * feed: the podcast RSS 2.0 document, the one module that talks to libxml2
 * (xmlTextWriter) apart from playlist output.
 *
 * `narrate feed` (cmd_feed.c) gathers the episodes, decides URLs, GUIDs and
 * dates, and hands them here already resolved; this module only writes the
 * XML, with the itunes and podcast (Podcasting 2.0) namespaces and the tags
 * Apple requires (PODCAST.md, section 4).  Text that XML 1.0 cannot hold
 * (control characters, invalid UTF-8) is dropped or replaced, so any input
 * gives a well-formed document.
 */
#ifndef NARRATE_FEED_H
#define NARRATE_FEED_H

#include "buf.h"

#include <stddef.h>
#include <time.h>

struct feed_channel {
	const char *title, *description, *language, *link;   /* required */
	const char *image;       /* itunes:image href, or NULL */
	const char *category;    /* itunes:category text, e.g. "News" */
	const char *author;      /* itunes:author, or NULL */
};

struct feed_item {
	const char *title, *guid;            /* required */
	const char *description;             /* plain text with newlines, or NULL */
	time_t pub;                          /* pubDate */
	const char *url, *type;              /* enclosure */
	long long length;                    /* enclosure length, bytes */
	long long duration;                  /* itunes:duration, whole seconds */
	const char *chapters_url;            /* podcast:chapters, or NULL */
	const char *vtt_url, *srt_url;       /* podcast:transcript, or NULL */
};

/* Appends the whole feed document to out.  Returns 0, or -1 after one
 * error when libxml2 fails (out is then unspecified). */
int feed_write(const struct feed_channel *ch, const struct feed_item *items, size_t n,
	       struct buf *out);
/* Appends t as an RFC 2822 date in UTC: "Sun, 19 Jun 2022 06:09:38 +0000". */
void feed_rfc2822(time_t t, struct buf *out);

#endif
