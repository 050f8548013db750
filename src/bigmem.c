/*
 * bigmem: big zeroed blocks in transparent huge pages (see bigmem.h).
 */
#include "bigmem.h"

#include "buf.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>

#define HUGE_PAGE ((size_t)2 << 20)

size_t bigmem_size(size_t n)
{
	return n < BIGMEM_MIN ? n : (n + HUGE_PAGE - 1) & ~(HUGE_PAGE - 1);
}

void *bigmem_alloc(size_t n)
{
	if (n < BIGMEM_MIN)
		return xcalloc(1, n ? n : 1);
	n = bigmem_size(n);
	/* map a huge page more than needed, then trim to a 2 MiB boundary */
	size_t span = n + HUGE_PAGE;
	char *p = mmap(NULL, span, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (p == MAP_FAILED) {
		fputs("narrate: fatal: out of memory\n", stderr);
		abort();
	}
	size_t head = (HUGE_PAGE - (uintptr_t)p % HUGE_PAGE) % HUGE_PAGE;
	if (head)
		munmap(p, head);
	if (span - head > n)
		munmap(p + head + n, span - head - n);
#ifdef MADV_HUGEPAGE
	madvise(p + head, n, MADV_HUGEPAGE);  /* a hint: failure only costs time */
#endif
	return p + head;
}

void bigmem_free(void *p, size_t n)
{
	if (!p)
		return;
	if (n < BIGMEM_MIN)
		free(p);
	else
		munmap(p, bigmem_size(n));
}
