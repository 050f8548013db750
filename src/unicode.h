/*
 * unicode: the only module that talks to utf8proc.
 *
 * UTF-8 validation with the offset of the first bad byte, NFC normalization,
 * and the few character questions the text stages ask.
 */
#ifndef NARRATE_UNICODE_H
#define NARRATE_UNICODE_H

#include "buf.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Returns true when s[0..len) is valid UTF-8; otherwise false and, when
 * bad is not NULL, the byte offset of the first invalid sequence. */
bool unicode_valid(const char *s, size_t len, size_t *bad);
/* Appends s (valid UTF-8) in Normalization Form C to out.  Returns -1 only
 * when utf8proc refuses the text (it is then appended unchanged). */
int unicode_nfc(const char *s, size_t len, struct buf *out);
/* Appends s with every invalid sequence replaced by U+FFFD. */
void unicode_repair(const char *s, size_t len, struct buf *out);
/* Decodes one character at s (valid UTF-8, len > 0); returns its length. */
size_t unicode_next(const char *s, size_t len, int32_t *cp);
bool unicode_is_letter(int32_t cp);
bool unicode_is_upper(int32_t cp);
bool unicode_is_digit(int32_t cp);
/* Appends the lower-case (case-folded) form of s to out. */
void unicode_fold(const char *s, size_t len, struct buf *out);



/* Appends s with accents stripped and compatibility forms decomposed
 * ("Zürich" -> "Zurich", "ﬁ" -> "fi"); characters with no ASCII form
 * stay as they are. */
void unicode_strip_marks(const char *s, size_t len, struct buf *out);
#endif
