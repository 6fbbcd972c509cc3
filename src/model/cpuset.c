// SPDX-License-Identifier: GPL-2.0-or-later
#include "config.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/cpuset.h"
#include "shared/strbuf.h"

static void set_range(struct lkm_cpuset *s, unsigned lo, unsigned hi)
{
	for (unsigned c = lo; c <= hi; c++)
		s->bits[c / 64] |= 1ULL << (c % 64);
}

/* One decimal CPU number at *P; moves *P past it. */
static int parse_cpu(const char **p, unsigned *out)
{
	unsigned long v = 0;
	const char *s = *p;

	if (!isdigit((unsigned char)*s))
		return -EINVAL;
	while (isdigit((unsigned char)*s)) {
		v = v * 10 + (unsigned long)(*s - '0');
		if (v >= LKM_CPUSET_MAX)
			return -ERANGE;
		s++;
	}
	*p = s;
	*out = (unsigned)v;
	return 0;
}

int lkm_cpuset_parse(struct lkm_cpuset *s, const char *text)
{
	const char *p = text;
	size_t len;

	memset(s, 0, sizeof(*s));
	while (isspace((unsigned char)*p))
		p++;
	len = strlen(p);
	while (len && isspace((unsigned char)p[len - 1]))
		len--;
	if (len == 0)
		return 0;
	for (const char *end = p + len; p < end;) {
		unsigned lo, hi;
		int err = parse_cpu(&p, &lo);

		if (err < 0)
			return err;
		hi = lo;
		if (*p == '-') {
			p++;
			err = parse_cpu(&p, &hi);
			if (err < 0)
				return err;
			if (hi < lo)
				return -EINVAL;
		}
		set_range(s, lo, hi);
		if (p == end)
			break;
		if (*p != ',' || p + 1 == end)
			return -EINVAL;
		p++;
	}
	return 0;
}

void lkm_cpuset_format(const struct lkm_cpuset *s, char *buf, size_t size)
{
	struct lkm_strbuf sb;

	lkm_strbuf_init(&sb, buf, size);
	for (unsigned c = 0; c < LKM_CPUSET_MAX && !sb.truncated; c++) {
		unsigned hi = c;

		if (!lkm_cpuset_has(s, c))
			continue;
		while (hi + 1 < LKM_CPUSET_MAX && lkm_cpuset_has(s, hi + 1))
			hi++;
		lkm_strbuf_sep(&sb, ",");
		if (hi == c)
			lkm_strbuf_addf(&sb, "%u", c);
		else
			lkm_strbuf_addf(&sb, "%u-%u", c, hi);
		c = hi;
	}
}

size_t lkm_cpuset_count(const struct lkm_cpuset *s)
{
	size_t n = 0;

	for (size_t i = 0; i < LKM_CPUSET_MAX / 64; i++)
		n += (size_t)__builtin_popcountll(s->bits[i]);
	return n;
}

int lkm_cpuset_first_missing(const struct lkm_cpuset *a, const struct lkm_cpuset *b)
{
	for (size_t i = 0; i < LKM_CPUSET_MAX / 64; i++) {
		uint64_t m = a->bits[i] & ~b->bits[i];

		if (m)
			return (int)(i * 64 + (size_t)__builtin_ctzll(m));
	}
	return -1;
}
