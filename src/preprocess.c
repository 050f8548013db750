/*
 * preprocess: chains the text stages in front of the engine (see
 * preprocess.h).
 */
#include "preprocess.h"

#include "lexicon.h"
#include "normalize.h"
#include "sanitize.h"

int preprocess_init(struct preprocessor *pp, const char *datadir, const char *lang,
		    char *const *extra, size_t n_extra)
{
	struct buf dir = BUF_INIT;
	pp->nz = normalizer_new(datadir, lang);
	pp->lx = lexicon_new();
	int rc = pp->nz ? 0 : -1;
	buf_addf(&dir, "%s/pronunciations/%s", datadir, lang);
	if (rc == 0)
		rc = lexicon_load_dir(pp->lx, dir.data);
	for (size_t i = 0; rc == 0 && i < n_extra; i++)
		rc = lexicon_load_file(pp->lx, extra[i]);
	buf_release(&dir);
	if (rc < 0)
		preprocess_release(pp);
	return rc;
}

void preprocess_release(struct preprocessor *pp)
{
	if (pp->nz)
		normalizer_free(pp->nz);
	if (pp->lx)
		lexicon_free(pp->lx);
	pp->nz = NULL;
	pp->lx = NULL;
}

void preprocess_sentence(const struct preprocessor *pp, const char *text, size_t len,
			 struct buf *out, struct buf *explain)
{
	struct buf a = BUF_INIT, b = BUF_INIT;
	sanitize_text(text, len, &a);
	normalizer_run(pp->nz, a.data ? a.data : "", a.len, &b, explain);
	buf_reset(&a);
	lexicon_apply(pp->lx, b.data ? b.data : "", b.len, &a, explain);
	sanitize_for_engine(a.data ? a.data : "", a.len, out);
	buf_release(&a);
	buf_release(&b);
}
