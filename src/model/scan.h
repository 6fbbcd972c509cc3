/* SPDX-License-Identifier: GPL-2.0-or-later */
#pragma once

/*
 * Small in-place scanning helpers shared by the /proc parsers. A cursor is a
 * char pointer into a NUL-terminated buffer; lines end at '\n' or NUL.
 */
#include <stdbool.h>
#include <stdint.h>

/* Skips spaces and tabs (never a newline). */
static inline char *lkm_scan_blank(char *p)
{
	while (*p == ' ' || *p == '\t')
		p++;
	return p;
}

static inline bool lkm_scan_is_end(char c)
{
	return c == '\0' || c == '\n';
}

/* End of the current line: the '\n' or the terminating NUL. */
char *lkm_scan_eol(char *p);

/* Start of the next line (after '\n'), or the terminating NUL. */
char *lkm_scan_next_line(char *p);

/* Cuts the line at *P out of the buffer: NUL-terminates it in place (over its '\n', and a
 * '\r' before it) and moves *P to the next line. Returns the line, or NULL at the end. */
char *lkm_scan_line(char **p);

/* Cuts a blank-delimited token at *P inside a line from lkm_scan_line: NUL-terminates it
 * in place and moves *P to the next token. Returns the token, or NULL at the end of the
 * line. */
char *lkm_scan_token(char **p);

/* Parses an unsigned decimal at *P into *OUT, moving *P past the digits. Returns false if
 * no digit is there or the value overflows 64 bits (then *P is left past the digits). */
bool lkm_scan_u64(char **p, uint64_t *out);

/* Like lkm_scan_u64 with an optional leading '-'; fails outside int64. */
bool lkm_scan_i64(char **p, int64_t *out);

/* Trims blanks at both ends of [start, end) and NUL-terminates it in place (end must
 * point into the buffer: *end is overwritten). Returns the trimmed start. */
char *lkm_scan_trim(char *start, char *end);
