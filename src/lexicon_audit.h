/*
 * lexicon_audit: finds the words of an article that espeak-ng is likely to
 * mispronounce, for `narrate lexicon audit`.
 *
 * A candidate is a capitalized word or an acronym (letters only, at least
 * two) that is neither in the lexicon nor in a list of common words (one
 * word a line, e.g. Debian's wamerican); a possessive 's is ignored and a
 * hyphenated word is looked at part by part.  Lower-case words are never
 * candidates: espeak-ng's rules cover ordinary English.
 *
 *   struct audit *au = audit_new(lx, "/usr/share/dict/american-english");
 *   audit_text(au, sentence, len);   ... for every sentence
 *   int found = audit_report(au, stdout, "stub.yaml");
 *   audit_free(au);
 */
#ifndef NARRATE_LEXICON_AUDIT_H
#define NARRATE_LEXICON_AUDIT_H

#include <stddef.h>
#include <stdio.h>

struct lexicon;
struct audit;

/* Reads the word list.  Returns NULL after reporting when it cannot. */
struct audit *audit_new(const struct lexicon *lx, const char *dict_path);
void audit_free(struct audit *au);
/* Counts the candidates in text (valid UTF-8). */
void audit_text(struct audit *au, const char *text, size_t len);
/* Prints "count<TAB>word<TAB>espeak-ng's phonemes" per candidate, most
 * frequent first, to out, and when stub_path is not NULL writes a YAML
 * stub there.  Needs the engine started (synth_init, synth_set_voice).
 * Returns the number of candidates, or -1 after reporting a write error. */
int audit_report(struct audit *au, FILE *out, const char *stub_path);

#endif
