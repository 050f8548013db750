/*
 * cmd_feed: `narrate feed DIR --base-url URL` builds DIR/feed.xml from the
 * <slug>.episode.yaml files the pipeline left in DIR/<episode>/ (and
 * DIR/<shard>/<episode>/, so the output directories of several shards merge
 * into one feed).
 *
 * Per episode it checks the audio file (its real size goes in the
 * enclosure; the YAML's byte count is not trusted), derives a GUID that
 * stays the same when the episode is rendered again, and turns file names
 * into URLs under --base-url.  feed.c writes the XML.  The feed is written
 * to a temporary file in DIR, synced and renamed, so a web server never
 * serves half a feed.
 *
 * Decisions: no episodes at all is a warning, and an empty channel is still
 * written (a subscribed app keeps a valid feed); a bad episode file is
 * reported as file:line:col, left out, and makes the exit status 1.
 */
#include "cli.h"

#include "buf.h"
#include "diag.h"
#include "episode.h"
#include "feed.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

static const char usage[] =
	"usage: narrate feed DIR --base-url URL [--title T] [--image URL] [--author A]\n"
	"                        [--description D] [--language L] [--category C]\n"
	"\n"
	"Writes DIR/feed.xml, an RSS 2.0 podcast feed of the episodes narrated into DIR\n"
	"(every DIR/*/*.episode.yaml and DIR/*/*/*.episode.yaml).\n"
	"  --base-url URL     where DIR is published; enclosure URLs are made from it\n"
	"  --title T          channel title (default: the name of DIR)\n"
	"  --image URL        channel artwork (default: URL of DIR/cover.jpg or .png if present)\n"
	"  --author A         itunes:author (default: narrate)\n"
	"  --description D    channel description\n"
	"  --language L       language code (default: en)\n"
	"  --category C       Apple Podcasts category (default: News)\n"
	"  -h, --help         this help\n";

struct feed_opts {
	const char *dir, *base_url, *title, *image, *author, *description, *language, *category;
};

/* One episode found in DIR, with everything its <item> needs. */
struct entry {
	struct episode ep;
	char *yaml;            /* path of the .episode.yaml */
	char *rel;             /* its directory relative to DIR */
	char *url, *chapters_url, *vtt_url, *srt_url, *guid, *description;
	time_t pub;
	long long length;
};

struct entries {
	struct entry *v;
	size_t n, cap;
};

static struct entry *entries_push(struct entries *l)
{
	if (l->n == l->cap) {
		l->cap = l->cap ? 2 * l->cap : 16;
		l->v = xrealloc(l->v, l->cap * sizeof(*l->v));
	}
	struct entry *e = &l->v[l->n++];
	memset(e, 0, sizeof(*e));
	return e;
}

static void entry_release(struct entry *e)
{
	episode_release(&e->ep);
	free(e->yaml);
	free(e->rel);
	free(e->url);
	free(e->chapters_url);
	free(e->vtt_url);
	free(e->srt_url);
	free(e->guid);
	free(e->description);
}

static bool ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);
	return n > m && !strcmp(s + n - m, suffix);
}

static char *join(const char *a, const char *b)
{
	struct buf p = BUF_INIT;
	buf_addf(&p, "%s/%s", a, b);
	return buf_detach(&p, NULL);
}

/* Adds every *.episode.yaml in path (the directory rel under DIR, at depth
 * 0 for DIR itself) and in its subdirectories down to depth 2. */
static void scan(const char *path, const char *rel, int depth, struct entries *found)
{
	DIR *d = opendir(path);
	if (!d)
		return;
	struct dirent *de;
	while ((de = readdir(d))) {
		if (de->d_name[0] == '.')
			continue;
		char *sub = join(path, de->d_name);
		struct stat st;
		if (stat(sub, &st) < 0) {
			free(sub);   /* a dangling link, or gone meanwhile */
			continue;
		}
		if (S_ISDIR(st.st_mode) && depth < 2) {
			char *subrel = rel ? join(rel, de->d_name) : xstrdup(de->d_name);
			scan(sub, subrel, depth + 1, found);
			free(subrel);
		} else if (rel && S_ISREG(st.st_mode) && ends_with(de->d_name, ".episode.yaml")) {
			struct entry *e = entries_push(found);
			e->yaml = sub;
			e->rel = xstrdup(rel);
			continue;
		}
		free(sub);
	}
	closedir(d);
}

static int by_yaml_path(const void *a, const void *b)
{
	return strcmp(((const struct entry *)a)->yaml, ((const struct entry *)b)->yaml);
}

/* base-url + "/" + each segment of rel and file percent-encoded (RFC 3986). */
static char *make_url(const char *base, const char *rel, const char *file)
{
	struct buf u = BUF_INIT, path = BUF_INIT;
	buf_adds(&u, base);
	buf_rtrim(&u);
	while (u.len && u.data[u.len - 1] == '/')
		buf_truncate(&u, u.len - 1);
	buf_addf(&path, "%s/%s", rel, file);
	buf_addc(&u, '/');
	for (size_t i = 0; i < path.len; i++) {
		unsigned char c = (unsigned char)path.data[i];
		if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
		    strchr("-._~/", c))
			buf_addc(&u, (char)c);
		else
			buf_addf(&u, "%%%02X", c);
	}
	buf_release(&path);
	return buf_detach(&u, NULL);
}

/* "YYYY-MM-DD" with optional "THH:MM[:SS]", fraction, and "Z" or "+HH:MM";
 * a time without a zone is taken as UTC.  Returns 0 or -1. */
static int parse_iso(const char *s, time_t *out)
{
	struct tm tm;
	memset(&tm, 0, sizeof(tm));
	int n = 0, y, mo, d, h = 0, mi = 0, sec = 0;
	if (sscanf(s, "%4d-%2d-%2d%n", &y, &mo, &d, &n) != 3)
		return -1;
	s += n;
	if ((*s == 'T' || *s == ' ') && sscanf(s + 1, "%2d:%2d%n", &h, &mi, &n) == 2) {
		s += 1 + n;
		if (*s == ':' && sscanf(s + 1, "%2d%n", &sec, &n) == 1)
			s += 1 + n;
		if (*s == '.')
			s += 1 + strspn(s + 1, "0123456789");
	}
	long off = 0;
	int oh, om;
	if ((*s == '+' || *s == '-') && sscanf(s + 1, "%2d:%2d", &oh, &om) == 2)
		off = (*s == '-' ? -1 : 1) * (oh * 3600L + om * 60L);
	else if (*s && strcmp(s, "Z"))
		return -1;
	if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || sec > 60 || y < 1970)
		return -1;
	tm.tm_year = y - 1900;
	tm.tm_mon = mo - 1;
	tm.tm_mday = d;
	tm.tm_hour = h;
	tm.tm_min = mi;
	tm.tm_sec = sec;
	*out = timegm(&tm) - off;
	return 0;
}

/* The GUID depends only on what identifies the article (slug, title,
 * dateline), not on the audio, so narrating it again with another voice or
 * a fixed lexicon keeps the same item in subscribers' apps. */
static char *make_guid(const struct episode *ep)
{
	uint64_t h = 0xcbf29ce484222325u;   /* FNV-1a, 64-bit */
	const char *parts[] = { ep->slug, ep->title, ep->date_iso ? ep->date_iso : "" };
	for (size_t i = 0; i < 3; i++)
		for (const char *p = parts[i];; p++) {
			h = (h ^ (unsigned char)*p) * 0x100000001b3u;
			if (!*p)
				break;
		}
	struct buf g = BUF_INIT;
	buf_addf(&g, "narrate:%s:%016llx", ep->slug, (unsigned long long)h);
	return buf_detach(&g, NULL);
}

static void add_timestamp(struct buf *b, double s, bool hours)
{
	long long t = s > 0 ? (long long)s : 0;
	if (hours)
		buf_addf(b, "%lld:%02lld:%02lld", t / 3600, t / 60 % 60, t % 60);
	else
		buf_addf(b, "%02lld:%02lld", t / 60, t % 60);
}

/* Description, then "00:00 Chapter title" lines (Spotify builds chapters
 * from them), then the source credit. */
static char *make_description(const struct episode *ep)
{
	struct buf d = BUF_INIT;
	bool hours = ep->n_chapters && ep->chapters[ep->n_chapters - 1].start >= 3600;
	if (ep->description)
		buf_addf(&d, "%s\n\n", ep->description);
	for (size_t i = 0; i < ep->n_chapters; i++) {
		add_timestamp(&d, ep->chapters[i].start, hours);
		buf_addf(&d, " %s\n", ep->chapters[i].title ? ep->chapters[i].title : "");
	}
	if (ep->credit)
		buf_addf(&d, "%s%s\n", ep->n_chapters ? "\n" : "", ep->credit);
	buf_rtrim(&d);
	if (!d.len) {
		buf_release(&d);
		return NULL;
	}
	return buf_detach(&d, NULL);
}

static const char *guess_type(const char *file)
{
	static const struct { const char *ext, *type; } types[] = {
		{ ".mp3", "audio/mpeg" }, { ".m4a", "audio/x-m4a" }, { ".ogg", "audio/ogg" },
		{ ".opus", "audio/ogg" }, { ".flac", "audio/flac" }, { ".wav", "audio/wav" },
	};
	for (size_t i = 0; i < sizeof(types) / sizeof(types[0]); i++)
		if (ends_with(file, types[i].ext))
			return types[i].type;
	return "audio/mpeg";
}

/* A sidecar's URL when the file named in the YAML exists, else NULL. */
static char *sidecar_url(const struct feed_opts *o, const char *dir, const struct entry *e,
			 const char *file)
{
	if (!file)
		return NULL;
	char *p = join(dir, file);
	bool there = access(p, R_OK) == 0;
	if (!there)
		warning("'%s': sidecar '%s' is missing; left out of the feed", e->yaml, file);
	free(p);
	return there ? make_url(o->base_url, e->rel, file) : NULL;
}

static int load_entry(const struct feed_opts *o, struct entry *e)
{
	if (episode_load(&e->ep, e->yaml) < 0)
		return -1;
	char *dir = join(o->dir, e->rel), *audio = join(dir, e->ep.audio);
	struct stat st;
	int rc = -1;
	errno = 0;
	if (stat(audio, &st) < 0 || !S_ISREG(st.st_mode)) {
		error("'%s': audio file '%s': %s", e->yaml, audio,
		      errno ? strerror(errno) : "not a regular file");
		goto out;
	}
	e->length = (long long)st.st_size;
	if (e->ep.audio_bytes && e->ep.audio_bytes != e->length)
		warning("'%s': audio_bytes says %lld but '%s' has %lld bytes; using the file",
			e->yaml, e->ep.audio_bytes, audio, e->length);
	e->pub = st.st_mtime;
	if (e->ep.date_iso && parse_iso(e->ep.date_iso, &e->pub) < 0)
		warning("'%s': date '%s' is not ISO 8601; using the audio file's time", e->yaml,
			e->ep.date_iso);
	e->url = make_url(o->base_url, e->rel, e->ep.audio);
	e->chapters_url = sidecar_url(o, dir, e, e->ep.chapters_json);
	e->vtt_url = sidecar_url(o, dir, e, e->ep.vtt);
	e->srt_url = sidecar_url(o, dir, e, e->ep.srt);
	e->guid = make_guid(&e->ep);
	e->description = make_description(&e->ep);
	rc = 0;
out:
	free(audio);
	free(dir);
	return rc;
}

/* Newest first; ties by slug, then by path, so the order is stable. */
static int by_date(const void *a, const void *b)
{
	const struct entry *x = a, *y = b;
	if (x->pub != y->pub)
		return x->pub > y->pub ? -1 : 1;
	int c = strcmp(x->ep.slug, y->ep.slug);
	return c ? c : strcmp(x->yaml, y->yaml);
}

/* Apple drops items with a GUID seen before; keep the first, say so. */
static size_t drop_duplicates(struct entries *l)
{
	size_t kept = 0;
	for (size_t i = 0; i < l->n; i++) {
		bool dup = false;
		for (size_t j = 0; j < kept && !dup; j++)
			dup = !strcmp(l->v[j].guid, l->v[i].guid);
		if (dup) {
			warning("'%s': same article as another episode (guid '%s'); left out",
				l->v[i].yaml, l->v[i].guid);
			entry_release(&l->v[i]);
			continue;
		}
		l->v[kept++] = l->v[i];
	}
	size_t dropped = l->n - kept;
	l->n = kept;
	return dropped;
}

static int write_fd(int fd, const struct buf *b)
{
	size_t off = 0;
	while (off < b->len) {
		ssize_t w = write(fd, b->data + off, b->len - off);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return -1;
		off += (size_t)w;
	}
	return fsync(fd);
}

/* Writes b to DIR/feed.xml through a temporary file and rename(). */
static int write_atomic(const char *dir, const struct buf *b)
{
	char *tmp = join(dir, ".feed.xml.XXXXXX"), *dest = join(dir, "feed.xml");
	int rc = -1, fd = mkstemp(tmp);
	if (fd < 0) {
		error("cannot create a file in '%s': %s", dir, strerror(errno));
		goto out;
	}
	if (fchmod(fd, 0644) < 0 || write_fd(fd, b) < 0) {
		error("cannot write '%s': %s", tmp, strerror(errno));
		close(fd);
		unlink(tmp);
		goto out;
	}
	if (close(fd) < 0 || rename(tmp, dest) < 0) {
		error("cannot write '%s': %s", dest, strerror(errno));
		unlink(tmp);
		goto out;
	}
	rc = 0;
out:
	free(tmp);
	free(dest);
	return rc;
}

/* The channel artwork: --image, else DIR/cover.jpg or cover.png if present. */
static char *channel_image(const struct feed_opts *o)
{
	static const char *const names[] = { "cover.jpg", "cover.png" };
	if (o->image)
		return xstrdup(o->image);
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		char *p = join(o->dir, names[i]);
		bool there = access(p, R_OK) == 0;
		free(p);
		if (there) {
			struct buf u = BUF_INIT;
			buf_addf(&u, "%s%s%s", o->base_url,
				 ends_with(o->base_url, "/") ? "" : "/", names[i]);
			return buf_detach(&u, NULL);
		}
	}
	warning("no --image and no cover.jpg in '%s': Apple Podcasts requires channel artwork",
		o->dir);
	return NULL;
}

static char *default_title(const char *dir)
{
	struct buf t = BUF_INIT;
	buf_adds(&t, dir);
	while (t.len > 1 && t.data[t.len - 1] == '/')
		buf_truncate(&t, t.len - 1);
	const char *slash = strrchr(t.data, '/');
	char *title = xstrdup(slash && slash[1] ? slash + 1 : t.data);
	buf_release(&t);
	return title;
}

static void fill_item(struct feed_item *it, const struct entry *e)
{
	memset(it, 0, sizeof(*it));
	it->title = e->ep.title;
	it->guid = e->guid;
	it->description = e->description;
	it->pub = e->pub;
	it->url = e->url;
	it->type = e->ep.audio_type ? e->ep.audio_type : guess_type(e->ep.audio);
	it->length = e->length;
	it->duration = (long long)(e->ep.duration + 0.5);
	it->chapters_url = e->chapters_url;
	it->vtt_url = e->vtt_url;
	it->srt_url = e->srt_url;
}

/* Loads every episode found, in a stable order; returns how many failed. */
static size_t load_all(const struct feed_opts *o, struct entries *l)
{
	scan(o->dir, NULL, 0, l);
	if (!l->n)
		return 0;
	qsort(l->v, l->n, sizeof(*l->v), by_yaml_path);
	size_t kept = 0, bad = 0;
	for (size_t i = 0; i < l->n; i++) {
		if (load_entry(o, &l->v[i]) < 0) {
			entry_release(&l->v[i]);
			bad++;
			continue;
		}
		l->v[kept++] = l->v[i];
	}
	l->n = kept;
	if (l->n)
		qsort(l->v, l->n, sizeof(*l->v), by_date);
	drop_duplicates(l);
	return bad;
}

static int build(const struct feed_opts *o)
{
	struct entries l = { NULL, 0, 0 };
	size_t bad = load_all(o, &l);
	if (!l.n)
		warning("no episodes in '%s'; writing an empty feed", o->dir);
	char *title = o->title ? xstrdup(o->title) : default_title(o->dir);
	char *image = channel_image(o);
	struct buf desc = BUF_INIT;
	if (!o->description)
		buf_addf(&desc, "%s: articles narrated by a synthetic voice.", title);
	struct feed_channel ch = {
		.title = title, .link = o->base_url, .language = o->language,
		.description = o->description ? o->description : desc.data,
		.image = image, .category = o->category, .author = o->author,
	};
	struct feed_item *items = xcalloc(l.n ? l.n : 1, sizeof(*items));
	for (size_t i = 0; i < l.n; i++)
		fill_item(&items[i], &l.v[i]);
	struct buf xml = BUF_INIT;
	int rc = feed_write(&ch, items, l.n, &xml) < 0 || write_atomic(o->dir, &xml) < 0;
	if (!rc)
		note("feed: %zu episode%s in '%s/feed.xml'", l.n, l.n == 1 ? "" : "s", o->dir);
	buf_release(&xml);
	free(items);
	for (size_t i = 0; i < l.n; i++)
		entry_release(&l.v[i]);
	free(l.v);
	free(title);
	free(image);
	buf_release(&desc);
	return rc || bad ? EXIT_INPUT : 0;
}

static int parse_opts(int argc, char **argv, struct feed_opts *o)
{
	static const struct option longopts[] = {
		{ "base-url", required_argument, NULL, 'b' },
		{ "title", required_argument, NULL, 't' },
		{ "image", required_argument, NULL, 'i' },
		{ "author", required_argument, NULL, 'a' },
		{ "description", required_argument, NULL, 'd' },
		{ "language", required_argument, NULL, 'l' },
		{ "category", required_argument, NULL, 'c' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	int c;
	while ((c = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
		switch (c) {
		case 'b': o->base_url = optarg; break;
		case 't': o->title = optarg; break;
		case 'i': o->image = optarg; break;
		case 'a': o->author = optarg; break;
		case 'd': o->description = optarg; break;
		case 'l': o->language = optarg; break;
		case 'c': o->category = optarg; break;
		case 'h': fputs(usage, stdout); return 0;
		default: fputs(usage, stderr); return EXIT_USAGE;
		}
	}
	if (optind != argc - 1 || !o->base_url) {
		fputs(usage, stderr);
		return EXIT_USAGE;
	}
	o->dir = argv[optind];
	if (strncmp(o->base_url, "https://", 8) && strncmp(o->base_url, "http://", 7)) {
		error("--base-url '%s' must start with https:// or http://", o->base_url);
		return EXIT_USAGE;
	}
	return -1;
}

int cmd_feed(int argc, char **argv)
{
	struct feed_opts o = { .author = "narrate", .language = "en", .category = "News" };
	int rc = parse_opts(argc, argv, &o);
	if (rc >= 0)
		return rc;
	struct stat st;
	if (stat(o.dir, &st) < 0 || !S_ISDIR(st.st_mode))
		return error("'%s' is not a directory", o.dir), EXIT_INPUT;
	return build(&o);
}
