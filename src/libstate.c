/*
 * libstate: a shared library's writable segments, saved and restored (see
 * libstate.h).  The segments are found with dl_iterate_phdr: each PT_LOAD
 * with write permission, less the part PT_GNU_RELRO makes read-only.
 */
#include "libstate.h"

#include "buf.h"

#include <link.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define MAX_REGIONS 4

struct region {
	char *at;       /* in the library */
	size_t len;
	char *copy;     /* ours */
};

struct libstate {
	struct region r[MAX_REGIONS];
	size_t n;
};

struct search {
	const char *name;
	struct libstate *s;
};

/* The read-only-after-relocation range of an object, page-rounded. */
static void relro_range(const struct dl_phdr_info *info, uintptr_t *lo, uintptr_t *hi)
{
	uintptr_t page = (uintptr_t)sysconf(_SC_PAGESIZE);
	*lo = *hi = 0;
	for (int k = 0; k < info->dlpi_phnum; k++) {
		const ElfW(Phdr) *ph = &info->dlpi_phdr[k];
		if (ph->p_type != PT_GNU_RELRO)
			continue;
		*lo = info->dlpi_addr + ph->p_vaddr;
		*hi = (*lo + ph->p_memsz + page - 1) & ~(page - 1);
	}
}

static void add_region(struct libstate *s, uintptr_t lo, uintptr_t hi)
{
	if (hi <= lo || s->n == MAX_REGIONS)
		return;
	struct region *r = &s->r[s->n++];
	r->at = (char *)lo;
	r->len = hi - lo;
	r->copy = xmalloc(r->len);
	memcpy(r->copy, r->at, r->len);
}

static int visit(struct dl_phdr_info *info, size_t size, void *ctx)
{
	(void)size;
	struct search *q = ctx;
	if (!info->dlpi_name || !strstr(info->dlpi_name, q->name))
		return 0;
	uintptr_t rlo, rhi;
	relro_range(info, &rlo, &rhi);
	q->s = xcalloc(1, sizeof(*q->s));
	for (int k = 0; k < info->dlpi_phnum; k++) {
		const ElfW(Phdr) *ph = &info->dlpi_phdr[k];
		if (ph->p_type != PT_LOAD || !(ph->p_flags & PF_W))
			continue;
		uintptr_t lo = info->dlpi_addr + ph->p_vaddr, hi = lo + ph->p_memsz;
		if (lo < rhi && hi > rlo) {     /* keep what lies outside RELRO */
			add_region(q->s, lo, rlo > lo ? rlo : lo);
			lo = rhi > lo ? rhi : lo;
		}
		add_region(q->s, lo, hi);
	}
	return 1;
}

struct libstate *libstate_save(const char *name)
{
	struct search q = { name, NULL };
	dl_iterate_phdr(visit, &q);
	if (q.s && q.s->n == 0) {
		libstate_free(q.s);
		return NULL;
	}
	return q.s;
}

void libstate_restore(const struct libstate *s)
{
	for (size_t i = 0; i < s->n; i++)
		memcpy(s->r[i].at, s->r[i].copy, s->r[i].len);
}

size_t libstate_size(const struct libstate *s)
{
	size_t n = 0;
	for (size_t i = 0; i < s->n; i++)
		n += s->r[i].len;
	return n;
}

void libstate_free(struct libstate *s)
{
	if (!s)
		return;
	for (size_t i = 0; i < s->n; i++)
		free(s->r[i].copy);
	free(s);
}
