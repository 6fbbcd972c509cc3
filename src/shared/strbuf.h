/* SPDX-License-Identifier: GPL-2.0-or-later */
#pragma once

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>

/*
 * A string built in a buffer the caller owns, instead of `len += snprintf(buf + len,
 * ...)` by hand (kmod's shared/strbuf is the model; ours is bounded because every text
 * here goes into a fixed field of a struct or a line of the screen). The buffer always
 * holds a terminated string; what does not fit is cut at a character boundary and the cut
 * is remembered in TRUNCATED.
 */
struct lkm_strbuf {
	char *buf;
	size_t size; /* of BUF, with the terminating NUL */
	size_t len;  /* strlen(buf), < size */
	bool truncated;
};

/* Starts an empty string in BUF of SIZE bytes (SIZE 0: everything is truncated). */
void lkm_strbuf_init(struct lkm_strbuf *sb, char *buf, size_t size);

/* Appends; each returns false when it was cut (and from then on TRUNCATED is set). */
bool lkm_strbuf_add(struct lkm_strbuf *sb, const char *s);
bool lkm_strbuf_addf(struct lkm_strbuf *sb, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
bool lkm_strbuf_vaddf(struct lkm_strbuf *sb, const char *fmt, va_list ap)
	__attribute__((format(printf, 2, 0)));

/* Appends SEP unless the string is still empty: the joint of a list ("a, b"). */
bool lkm_strbuf_sep(struct lkm_strbuf *sb, const char *sep);
