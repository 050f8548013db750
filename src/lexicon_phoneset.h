/*
 * lexicon_phoneset: which espeak-ng phoneme mnemonics a lexicon may emit,
 * and how IPA maps onto them.
 *
 * The lexicon emits `phonemes:` entries to espeak-ng as [[...]], and a
 * malformed or over-long group there crashes espeak-ng 1.51 (RELIABILITY.md
 * 0.2), so every phoneme string is checked against this set when it is
 * loaded.  The set is data, derived from what espeak-ng itself prints for
 * the en-us voice (pronunciations/en/lexicon-data/phonemes.yaml, made by
 * generate.py in that folder):
 *
 *   phonemes:        mnemonic -> the IPA espeak-ng prints for it
 *   ipa:             IPA symbol -> mnemonic (for `ipa:` entries, PLS import)
 *   marks:           stress and separator marks allowed between phonemes
 *   suffix-s:        how a plural or possessive "s" is said after a phoneme
 *
 *   struct phoneset *ps = phoneset_load(".../lexicon-data/phonemes.yaml");
 *   size_t bad;
 *   if (phoneset_check(ps, "t,oUkA:j'Ef", 11, &bad) < 0) ... bad is the offset
 */
#ifndef NARRATE_LEXICON_PHONESET_H
#define NARRATE_LEXICON_PHONESET_H

#include "buf.h"

#include <stddef.h>

/* The longest phoneme string a lexicon entry may hold, in bytes (espeak-ng
 * 1.51 crashes from about 705 phoneme characters in one group). */
#define PHONESET_MAX_BYTES 100

struct phoneset;

/* Loads the set from a YAML file.  Returns NULL after reporting
 * file:line:col.  Free with phoneset_free(). */
struct phoneset *phoneset_load(const char *path);
void phoneset_free(struct phoneset *ps);

/* Checks that s[0..len) is a sequence of known mnemonics, marks and single
 * spaces, within PHONESET_MAX_BYTES.  Returns 0, or -1 with *bad set to the
 * byte offset of the first unknown symbol (len when it is too long). */
int phoneset_check(const struct phoneset *ps, const char *s, size_t len, size_t *bad);

/* Appends the mnemonics for the IPA string ipa[0..len) to out (longest
 * symbol first; stress marks and spaces carry over, syllable dots and
 * tie bars are dropped).  Returns 0, or -1 with *bad at the byte offset of
 * the first IPA symbol it does not know (out then holds a partial result). */
int phoneset_from_ipa(const struct phoneset *ps, const char *ipa, size_t len,
		      struct buf *out, size_t *bad);

/* Appends the IPA for a checked mnemonic string to out. */
void phoneset_to_ipa(const struct phoneset *ps, const char *ph, size_t len, struct buf *out);

/* Appends the mnemonics of an "s" ending (plural or possessive) said after
 * the checked phoneme string ph: "s" after a voiceless sound, "I#z" after a
 * sibilant, "z" otherwise. */
void phoneset_suffix_s(const struct phoneset *ps, const char *ph, size_t len, struct buf *out);

#endif
