/*
 * feed: writes the RSS 2.0 podcast feed with libxml2's xmlTextWriter (see
 * feed.h).
 */
#include "feed.h"

#include "diag.h"
#include "unicode.h"

#include <libxml/xmlwriter.h>
#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#define NS_ITUNES "http://www.itunes.com/dtds/podcast-1.0.dtd"
#define NS_PODCAST "https://podcastindex.org/namespace/1.0"
#define NS_CONTENT "http://purl.org/rss/1.0/modules/content/"

/* The writer and whether any call failed, so calls can be chained and
 * checked once. */
struct xw {
	xmlTextWriterPtr w;
	bool failed;
	struct buf text;   /* scratch for cleaned text */
};

static bool xml_char_ok(int32_t cp)
{
	return cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF) ||
	       (cp >= 0xE000 && cp <= 0xFFFD) || cp >= 0x10000;
}

/* s as valid UTF-8 with only characters XML 1.0 allows. */
static const xmlChar *clean(struct xw *x, const char *s)
{
	struct buf fixed = BUF_INIT;
	unicode_repair(s, strlen(s), &fixed);
	buf_reset(&x->text);
	buf_adds(&x->text, "");
	for (size_t i = 0; i < fixed.len;) {
		int32_t cp;
		size_t n = unicode_next(fixed.data + i, fixed.len - i, &cp);
		if (xml_char_ok(cp))
			buf_add(&x->text, fixed.data + i, n);
		i += n;
	}
	buf_release(&fixed);
	return (const xmlChar *)x->text.data;
}

static void start(struct xw *x, const char *name)
{
	if (xmlTextWriterStartElement(x->w, (const xmlChar *)name) < 0)
		x->failed = true;
}

static void end(struct xw *x)
{
	if (xmlTextWriterEndElement(x->w) < 0)
		x->failed = true;
}

static void attr(struct xw *x, const char *name, const char *value)
{
	if (xmlTextWriterWriteAttribute(x->w, (const xmlChar *)name, clean(x, value)) < 0)
		x->failed = true;
}

/* <name>text</name>, or nothing when text is NULL. */
static void element(struct xw *x, const char *name, const char *text)
{
	if (!text)
		return;
	if (xmlTextWriterWriteElement(x->w, (const xmlChar *)name, clean(x, text)) < 0)
		x->failed = true;
}

/* <name a1="v1" a2="v2"/>; a NULL value leaves that attribute out. */
static void empty(struct xw *x, const char *name, const char *a1, const char *v1,
		  const char *a2, const char *v2)
{
	start(x, name);
	if (a1 && v1)
		attr(x, a1, v1);
	if (a2 && v2)
		attr(x, a2, v2);
	end(x);
}

void feed_rfc2822(time_t t, struct buf *out)
{
	static const char days[7][4] = { "Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat" };
	static const char months[12][4] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun",
					    "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };
	struct tm tm;
	if (!gmtime_r(&t, &tm))
		memset(&tm, 0, sizeof(tm));
	buf_addf(out, "%s, %02d %s %04d %02d:%02d:%02d +0000", days[tm.tm_wday % 7],
		 tm.tm_mday, months[tm.tm_mon % 12], tm.tm_year + 1900, tm.tm_hour, tm.tm_min,
		 tm.tm_sec);
}

static void write_item(struct xw *x, const struct feed_item *it)
{
	struct buf s = BUF_INIT;
	start(x, "item");
	element(x, "title", it->title);
	element(x, "itunes:title", it->title);
	element(x, "description", it->description);
	start(x, "guid");
	attr(x, "isPermaLink", "false");
	if (xmlTextWriterWriteString(x->w, clean(x, it->guid)) < 0)
		x->failed = true;
	end(x);
	feed_rfc2822(it->pub, &s);
	element(x, "pubDate", s.data);
	start(x, "enclosure");
	attr(x, "url", it->url);
	buf_reset(&s);
	buf_addf(&s, "%lld", it->length);
	attr(x, "length", s.data);
	attr(x, "type", it->type);
	end(x);
	buf_reset(&s);
	buf_addf(&s, "%lld", it->duration);
	element(x, "itunes:duration", s.data);
	element(x, "itunes:episodeType", "full");
	element(x, "itunes:explicit", "false");
	if (it->chapters_url)
		empty(x, "podcast:chapters", "url", it->chapters_url, "type", "application/json+chapters");
	if (it->vtt_url)
		empty(x, "podcast:transcript", "url", it->vtt_url, "type", "text/vtt");
	if (it->srt_url)
		empty(x, "podcast:transcript", "url", it->srt_url, "type", "application/x-subrip");
	end(x);
	buf_release(&s);
}

static void write_channel(struct xw *x, const struct feed_channel *ch)
{
	element(x, "title", ch->title);
	element(x, "link", ch->link);
	element(x, "description", ch->description);
	element(x, "language", ch->language);
	element(x, "generator", "narrate");
	if (ch->image) {
		empty(x, "itunes:image", "href", ch->image, NULL, NULL);
		start(x, "image");
		element(x, "url", ch->image);
		element(x, "title", ch->title);
		element(x, "link", ch->link);
		end(x);
	}
	empty(x, "itunes:category", "text", ch->category, NULL, NULL);
	element(x, "itunes:explicit", "false");
	element(x, "itunes:author", ch->author);
	element(x, "itunes:type", "episodic");
}

int feed_write(const struct feed_channel *ch, const struct feed_item *items, size_t n,
	       struct buf *out)
{
	xmlBufferPtr xb = xmlBufferCreate();
	struct xw x = { NULL, false, BUF_INIT };
	if (!xb || !(x.w = xmlNewTextWriterMemory(xb, 0))) {
		xmlBufferFree(xb);
		return error("feed: libxml2 could not start a document");
	}
	if (xmlTextWriterSetIndent(x.w, 1) < 0 ||
	    xmlTextWriterSetIndentString(x.w, (const xmlChar *)"  ") < 0 ||
	    xmlTextWriterStartDocument(x.w, "1.0", "UTF-8", NULL) < 0)
		x.failed = true;
	start(&x, "rss");
	attr(&x, "version", "2.0");
	attr(&x, "xmlns:itunes", NS_ITUNES);
	attr(&x, "xmlns:podcast", NS_PODCAST);
	attr(&x, "xmlns:content", NS_CONTENT);
	start(&x, "channel");
	write_channel(&x, ch);
	for (size_t i = 0; i < n; i++)
		write_item(&x, &items[i]);
	if (xmlTextWriterEndDocument(x.w) < 0)
		x.failed = true;
	xmlFreeTextWriter(x.w);   /* flushes into xb */
	if (!x.failed) {
		buf_add(out, xmlBufferContent(xb), (size_t)xmlBufferLength(xb));
		if (out->len && out->data[out->len - 1] != '\n')
			buf_addc(out, '\n');
	}
	xmlBufferFree(xb);
	buf_release(&x.text);
	return x.failed ? error("feed: libxml2 failed while writing the feed") : 0;
}
