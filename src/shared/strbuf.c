// SPDX-License-Identifier: GPL-2.0-or-later
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "shared/strbuf.h"

void lkm_strbuf_init(struct lkm_strbuf *sb, char *buf, size_t size)
{
	sb->buf = buf;
	sb->size = size;
	sb->len = 0;
	sb->truncated = size == 0;
	if (size)
		buf[0] = '\0';
}

/* After a cut: no half of a UTF-8 sequence left at the end of the string. */
static void cut(struct lkm_strbuf *sb)
{
	size_t end = sb->size - 1;
	size_t lead = end;

	while (lead > sb->len && ((unsigned char)sb->buf[lead - 1] & 0xc0) == 0x80)
		lead--;
	if (lead > sb->len) {
		unsigned char c = (unsigned char)sb->buf[lead - 1];
		size_t need = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc0 ? 2 : 1;

		if (end - (lead - 1) < need)
			end = lead - 1;
	}
	sb->buf[end] = '\0';
	sb->len = end;
	sb->truncated = true;
}

bool lkm_strbuf_vaddf(struct lkm_strbuf *sb, const char *fmt, va_list ap)
{
	int n;

	if (sb->truncated)
		return false;
	n = vsnprintf(sb->buf + sb->len, sb->size - sb->len, fmt, ap);
	if (n < 0) {
		sb->buf[sb->len] = '\0';
		sb->truncated = true;
		return false;
	}
	if ((size_t)n >= sb->size - sb->len) {
		cut(sb);
		return false;
	}
	sb->len += (size_t)n;
	return true;
}

bool lkm_strbuf_addf(struct lkm_strbuf *sb, const char *fmt, ...)
{
	va_list ap;
	bool ok;

	va_start(ap, fmt);
	ok = lkm_strbuf_vaddf(sb, fmt, ap);
	va_end(ap);
	return ok;
}

bool lkm_strbuf_add(struct lkm_strbuf *sb, const char *s)
{
	return lkm_strbuf_addf(sb, "%s", s);
}

bool lkm_strbuf_sep(struct lkm_strbuf *sb, const char *sep)
{
	return sb->len == 0 ? !sb->truncated : lkm_strbuf_add(sb, sep);
}
