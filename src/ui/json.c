// SPDX-License-Identifier: GPL-2.0-or-later
#include "config.h"

#include <inttypes.h>
#include <math.h>

#include "ui/json.h"

void lkm_json_init(struct lkm_json *j, FILE *out)
{
	j->out = out;
	j->depth = 0;
	j->need_comma = false;
}

/* Length of the valid UTF-8 sequence at S, or 0 if it is not one. */
static int utf8_len(const unsigned char *s)
{
	int n, i;
	uint32_t cp;

	if (s[0] < 0x80)
		return 1;
	if ((s[0] & 0xe0) == 0xc0) {
		n = 2;
		cp = s[0] & 0x1f;
	} else if ((s[0] & 0xf0) == 0xe0) {
		n = 3;
		cp = s[0] & 0x0f;
	} else if ((s[0] & 0xf8) == 0xf0) {
		n = 4;
		cp = s[0] & 0x07;
	} else {
		return 0;
	}
	for (i = 1; i < n; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		cp = (cp << 6) | (s[i] & 0x3f);
	}
	/* Overlong forms, surrogates and values past U+10FFFF are not UTF-8. */
	if ((n == 2 && cp < 0x80) || (n == 3 && cp < 0x800) || (n == 4 && cp < 0x10000) ||
	    (cp >= 0xd800 && cp <= 0xdfff) || cp > 0x10ffff)
		return 0;
	return n;
}

static void put_string(FILE *out, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;

	fputc('"', out);
	while (*p) {
		int n;

		switch (*p) {
		case '"':
			fputs("\\\"", out);
			p++;
			continue;
		case '\\':
			fputs("\\\\", out);
			p++;
			continue;
		case '\n':
			fputs("\\n", out);
			p++;
			continue;
		case '\t':
			fputs("\\t", out);
			p++;
			continue;
		case '\r':
			fputs("\\r", out);
			p++;
			continue;
		default: break;
		}
		if (*p < 0x20 || *p == 0x7f) {
			fprintf(out, "\\u%04x", *p);
			p++;
			continue;
		}
		n = utf8_len(p);
		if (n == 0) {
			fputs("\\ufffd", out);
			p++;
			continue;
		}
		fwrite(p, 1, (size_t)n, out);
		p += n;
	}
	fputc('"', out);
}

static void begin_value(struct lkm_json *j, const char *key)
{
	if (j->need_comma)
		fputc(',', j->out);
	if (j->depth > 0)
		fprintf(j->out, "\n%*s", j->depth * 2, "");
	if (key != NULL) {
		put_string(j->out, key);
		fputs(": ", j->out);
	}
	j->need_comma = true;
}

void lkm_json_open(struct lkm_json *j, const char *key, char bracket)
{
	begin_value(j, key);
	fputc(bracket, j->out);
	j->depth++;
	j->need_comma = false;
}

void lkm_json_close(struct lkm_json *j, char bracket)
{
	bool empty = !j->need_comma;

	j->depth--;
	if (!empty)
		fprintf(j->out, "\n%*s", j->depth * 2, "");
	fputc(bracket, j->out);
	j->need_comma = true;
}

void lkm_json_str(struct lkm_json *j, const char *key, const char *value)
{
	begin_value(j, key);
	if (value == NULL)
		fputs("null", j->out);
	else
		put_string(j->out, value);
}

void lkm_json_u64(struct lkm_json *j, const char *key, uint64_t value)
{
	begin_value(j, key);
	fprintf(j->out, "%" PRIu64, value);
}

void lkm_json_i64(struct lkm_json *j, const char *key, int64_t value)
{
	begin_value(j, key);
	fprintf(j->out, "%" PRId64, value);
}

void lkm_json_double(struct lkm_json *j, const char *key, double value)
{
	begin_value(j, key);
	/* JSON has no NaN or infinity. */
	if (!isfinite(value))
		fputs("null", j->out);
	else
		fprintf(j->out, "%.2f", value);
}

void lkm_json_bool(struct lkm_json *j, const char *key, bool value)
{
	begin_value(j, key);
	fputs(value ? "true" : "false", j->out);
}

void lkm_json_null(struct lkm_json *j, const char *key)
{
	begin_value(j, key);
	fputs("null", j->out);
}

void lkm_json_end(struct lkm_json *j)
{
	fputc('\n', j->out);
}
