// SPDX-License-Identifier: GPL-2.0-or-later
#include "config.h"

#include <stddef.h>
#include <string.h>

#include "model/scan.h"

char *lkm_scan_eol(char *p)
{
	/* glibc's strchrnul scans a word at a time: the refresh path spends its time
	 * here. */
	return strchrnul(p, '\n');
}

char *lkm_scan_next_line(char *p)
{
	p = lkm_scan_eol(p);
	return *p == '\n' ? p + 1 : p;
}

char *lkm_scan_line(char **p)
{
	char *s = *p;
	char *e;

	if (*s == '\0')
		return NULL;
	e = lkm_scan_eol(s);
	*p = *e == '\n' ? e + 1 : e;
	if (e > s && e[-1] == '\r')
		e--;
	*e = '\0';
	return s;
}

char *lkm_scan_token(char **p)
{
	char *s = lkm_scan_blank(*p);
	char *e = s;

	if (*s == '\0') {
		*p = s;
		return NULL;
	}
	while (*e != '\0' && *e != ' ' && *e != '\t')
		e++;
	if (*e != '\0') {
		*e = '\0';
		*p = lkm_scan_blank(e + 1);
	} else {
		*p = e;
	}
	return s;
}

bool lkm_scan_u64(char **p, uint64_t *out)
{
	char *s = *p;
	uint64_t v = 0;
	bool ok = true;

	if (*s < '0' || *s > '9')
		return false;
	for (; *s >= '0' && *s <= '9'; s++) {
		unsigned d = (unsigned)(*s - '0');

		if (v > (UINT64_MAX - d) / 10)
			ok = false;
		else
			v = v * 10 + d;
	}
	*p = s;
	if (ok)
		*out = v;
	return ok;
}

bool lkm_scan_i64(char **p, int64_t *out)
{
	char *s = *p;
	bool neg = *s == '-';
	uint64_t v;

	if (neg)
		s++;
	if (!lkm_scan_u64(&s, &v)) {
		*p = s;
		return false;
	}
	*p = s;
	if (neg) {
		if (v > (uint64_t)INT64_MAX + 1)
			return false;
		*out = v == (uint64_t)INT64_MAX + 1 ? INT64_MIN : -(int64_t)v;
	} else {
		if (v > INT64_MAX)
			return false;
		*out = (int64_t)v;
	}
	return true;
}

char *lkm_scan_trim(char *start, char *end)
{
	while (start < end && (*start == ' ' || *start == '\t'))
		start++;
	while (end > start && (end[-1] == ' ' || end[-1] == '\t' || end[-1] == '\r'))
		end--;
	*end = '\0';
	return start;
}
