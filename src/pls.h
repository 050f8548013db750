/*
 * pls: W3C Pronunciation Lexicon Specification 1.0 in and out, so one
 * lexicon serves espeak-ng here and the cloud engines that take PLS.  The
 * only module that talks to libxml2.
 *
 * Mapping (narrate YAML <-> PLS):
 *   key and aliases      <->  the <grapheme>s of one <lexeme>
 *   say:                 <->  <alias>
 *   ipa:                 <->  <phoneme> (alphabet "ipa")
 *   phonemes:            <->  <phoneme alphabet="ipa"> converted from the
 *                             mnemonics, then <phoneme alphabet="x-espeak-ng">
 *                             with the mnemonics themselves (import prefers it,
 *                             so a round trip through PLS is exact)
 * case: has no PLS equivalent; import applies the default rule (acronyms
 * exact, other words any case).
 */
#ifndef NARRATE_PLS_H
#define NARRATE_PLS_H

#include "buf.h"

struct lexicon;

/* Reads the PLS file at path and appends a narrate YAML lexicon to yaml.
 * lx is only used to check IPA against the phoneme table.  Lexemes it
 * cannot use are reported (path:line) and skipped.  Returns 0, or -1 when
 * anything was reported. */
int pls_import(const char *path, struct lexicon *lx, struct buf *yaml);

/* Appends every entry of lx as a PLS 1.0 document to xml.  Returns 0, or -1
 * after reporting. */
int pls_export(struct lexicon *lx, struct buf *xml);

#endif
