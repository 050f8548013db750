/*
 * preprocess: chains the text stages in front of the engine (see
 * preprocess.h).
 */
#include "preprocess.h"

#include "lexicon.h"
#include "normalize.h"
#include "sanitize.h"
#include "unicode.h"

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

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

/* Whether text has anything to say: a letter or a digit.  Punctuation
 * alone would make espeak-ng name it ("!!!" is "exclamation"). */
static bool has_words(const char *s, size_t len)
{
	for (size_t i = 0; i < len;) {
		int32_t cp;
		i += unicode_next(s + i, len - i, &cp);
		if (unicode_is_letter(cp) || unicode_is_digit(cp))
			return true;
	}
	return false;
}

/*
 * The lexicon wins: it runs first, on the words as written (so "EU" or
 * "Tokayev's" are found before a rule spells or splits them), and marks
 * what it replaced.  The normalizer then reads only the unmarked runs, and
 * the lexicon looks once more at what the normalizer wrote ("five tenge").
 */
void preprocess_sentence(const struct preprocessor *pp, const char *text, size_t len,
			 struct buf *out, struct buf *explain)
{
	struct buf clean = BUF_INIT, marked = BUF_INIT, spoken = BUF_INIT, run = BUF_INIT;
	sanitize_text(text, len, &clean);
	lexicon_apply_marked(pp->lx, clean.data ? clean.data : "", clean.len, &marked, explain);
	const char *s = marked.data ? marked.data : "";
	const char *end = s + marked.len;
	const size_t mark_len = sizeof(LEXICON_MARK_OPEN) - 1;
	while (s < end) {
		const char *open = memmem(s, (size_t)(end - s), LEXICON_MARK_OPEN, mark_len);
		const char *stop = open ? open : end;
		if (stop > s) {
			buf_reset(&run);
			normalizer_run(pp->nz, s, (size_t)(stop - s), &run, explain);
			lexicon_apply(pp->lx, run.data ? run.data : "", run.len, &spoken, explain);
		}
		if (!open)
			break;
		const char *close = memmem(open + mark_len, (size_t)(end - open - mark_len),
					   LEXICON_MARK_CLOSE, mark_len);
		const char *rend = close ? close : end;
		buf_add(&spoken, open + mark_len, (size_t)(rend - open - mark_len));
		s = close ? close + mark_len : end;
	}
	if (has_words(spoken.data ? spoken.data : "", spoken.len))
		sanitize_for_engine(spoken.data, spoken.len, out);
	buf_release(&clean);
	buf_release(&marked);
	buf_release(&spoken);
	buf_release(&run);
}
