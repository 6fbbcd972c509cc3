// SPDX-License-Identifier: GPL-2.0-or-later
#include "config.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/cpuset.h"

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
	size_t len = 0;

	if (size == 0)
		return;
	buf[0] = '\0';
	for (unsigned c = 0; c < LKM_CPUSET_MAX && len < size; c++) {
		unsigned hi = c;
		int n;

		if (!lkm_cpuset_has(s, c))
			continue;
		while (hi + 1 < LKM_CPUSET_MAX && lkm_cpuset_has(s, hi + 1))
			hi++;
		if (hi == c)
			n = snprintf(buf + len, size - len, "%s%u", len ? "," : "", c);
		else
			n = snprintf(buf + len, size - len, "%s%u-%u", len ? "," : "", c,
				     hi);
		if (n < 0)
			break;
		len += (size_t)n;
		c = hi;
	}
	if (len >= size)
		buf[size - 1] = '\0';
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
