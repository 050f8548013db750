/*
 * cover: reads the cover image's header to validate it (see cover.h).
 */
#include "cover.h"

#include "buf.h"
#include "diag.h"

#include <errno.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static uint32_t be32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static unsigned be16(const unsigned char *p)
{
	return (unsigned)p[0] << 8 | p[1];
}

/* PNG: 8-byte signature, then IHDR (length 13) with width, height, bit
 * depth and colour type; colour types 4 and 6 carry alpha. */
static int parse_png(const char *name, const unsigned char *d, size_t len, struct cover *c)
{
	if (len < 33 || memcmp(d + 12, "IHDR", 4) != 0 || be32(d + 8) != 13)
		return error("cover '%s': a PNG without a valid IHDR header", name);
	c->width = be32(d + 16);
	c->height = be32(d + 20);
	c->mime = "image/png";
	if (d[25] == 4 || d[25] == 6)
		warning("cover '%s': has an alpha channel, which Apple Podcasts rejects", name);
	return 0;
}

/* SOF markers C0..CF carry the frame size, except C4 (DHT), C8 (JPG) and
 * CC (DAC). */
static bool is_sof(unsigned m)
{
	return m >= 0xC0 && m <= 0xCF && m != 0xC4 && m != 0xC8 && m != 0xCC;
}

/* JPEG: walk the marker segments after SOI until the first SOFn, whose body
 * is precision(1) height(2) width(2). */
static int parse_jpeg(const char *name, const unsigned char *d, size_t len, struct cover *c)
{
	size_t i = 2;
	while (i + 4 <= len) {
		if (d[i] != 0xFF)
			break;
		unsigned m = d[i + 1];
		if (m == 0xFF) {          /* fill byte */
			i++;
			continue;
		}
		if (m == 0xD8 || (m >= 0xD0 && m <= 0xD7) || m == 0x01) {
			i += 2;           /* markers without a length */
			continue;
		}
		if (m == 0xD9 || m == 0xDA)
			break;            /* end of image or scan before any SOF */
		unsigned seg = be16(d + i + 2);
		if (seg < 2 || i + 2 + seg > len)
			break;
		if (is_sof(m)) {
			if (seg < 8)
				break;
			c->height = be16(d + i + 5);
			c->width = be16(d + i + 7);
			c->mime = "image/jpeg";
			if (d[i + 9] != 3)   /* 1 = grey, 4 = CMYK */
				warning("cover '%s': a JPEG that is not RGB (%u components); Apple "
					"Podcasts wants RGB", name, d[i + 9]);
			return 0;
		}
		i += 2 + seg;
	}
	return error("cover '%s': a JPEG without a readable frame header (SOF)", name);
}

static int check_size(const char *name, const struct cover *c)
{
	if (c->width == 0 || c->height == 0)
		return error("cover '%s': image is %ux%u pixels", name, c->width, c->height);
	if (c->width > COVER_MAX_SIDE || c->height > COVER_MAX_SIDE)
		return error("cover '%s': %ux%u pixels is larger than %ux%u", name,
			     c->width, c->height, COVER_MAX_SIDE, COVER_MAX_SIDE);
	if (c->width != c->height)
		warning("cover '%s': %ux%u pixels is not square (Apple Podcasts wants square art)",
			name, c->width, c->height);
	else if (c->width < COVER_MIN_SIDE)
		warning("cover '%s': %ux%u pixels is smaller than the %ux%u Apple Podcasts wants",
			name, c->width, c->height, COVER_MIN_SIDE, COVER_MIN_SIDE);
	return 0;
}

int cover_parse(const char *name, const unsigned char *data, size_t len, struct cover *c)
{
	static const unsigned char png_sig[8] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' };
	memset(c, 0, sizeof(*c));
	int rc;
	if (len > COVER_MAX_BYTES)
		return error("cover '%s': %zu bytes is more than the %u MB limit", name, len,
			     COVER_MAX_BYTES >> 20);
	if (len >= 8 && !memcmp(data, png_sig, 8))
		rc = parse_png(name, data, len, c);
	else if (len >= 3 && data[0] == 0xFF && data[1] == 0xD8 && data[2] == 0xFF)
		rc = parse_jpeg(name, data, len, c);
	else
		return error("cover '%s': not a JPEG or PNG image", name);
	if (rc == 0)
		rc = check_size(name, c);
	if (rc < 0) {
		memset(c, 0, sizeof(*c));
		return -1;
	}
	c->data = xmalloc(len);
	memcpy(c->data, data, len);
	c->len = len;
	return 0;
}

int cover_load(const char *path, struct cover *c)
{
	memset(c, 0, sizeof(*c));
	FILE *f = fopen(path, "rb");
	if (!f)
		return error("cover '%s': %s", path, strerror(errno));
	struct stat st;
	int rc = -1;
	if (fstat(fileno(f), &st) < 0 || !S_ISREG(st.st_mode)) {
		error("cover '%s': not a regular file", path);
		goto out;
	}
	if ((unsigned long long)st.st_size > COVER_MAX_BYTES) {
		error("cover '%s': %lld bytes is more than the %u MB limit", path,
		      (long long)st.st_size, COVER_MAX_BYTES >> 20);
		goto out;
	}
	size_t len = (size_t)st.st_size;
	unsigned char *data = xmalloc(len ? len : 1);
	if (fread(data, 1, len, f) != len) {
		error("cover '%s': read error", path);
		free(data);
		goto out;
	}
	rc = cover_parse(path, data, len, c);
	free(data);
out:
	fclose(f);
	return rc;
}

void cover_release(struct cover *c)
{
	free(c->data);
	memset(c, 0, sizeof(*c));
}
