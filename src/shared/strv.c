// SPDX-License-Identifier: GPL-2.0-or-later
#include "config.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "shared/strv.h"

/* The slots a vector of N strings has (with its NULL): powers of two, so that N appends
 * cost O(N) copies, without a capacity field the callers would have to carry. */
static size_t slots(size_t n)
{
	size_t c = 4;

	while (c < n + 1)
		c *= 2;
	return c;
}

/* Room for one more string; false on -ENOMEM. */
static bool grow(char ***v, size_t n)
{
	char **nv;

	if (*v != NULL && n + 2 <= slots(n))
		return true;
	nv = realloc(*v, slots(n + 1) * sizeof(**v));
	if (nv == NULL)
		return false;
	nv[n] = NULL;
	*v = nv;
	return true;
}

/* Takes S (malloc'd) as the last string. */
static void push(char **v, size_t *n, char *s)
{
	v[(*n)++] = s;
	v[*n] = NULL;
}

bool lkm_strv_vaddf(char ***v, size_t *n, const char *fmt, va_list ap)
{
	char *s;

	if (!grow(v, *n) || vasprintf(&s, fmt, ap) < 0)
		return false;
	push(*v, n, s);
	return true;
}

bool lkm_strv_addf(char ***v, size_t *n, const char *fmt, ...)
{
	va_list ap;
	bool ok;

	va_start(ap, fmt);
	ok = lkm_strv_vaddf(v, n, fmt, ap);
	va_end(ap);
	return ok;
}

int lkm_strv_addn(char ***v, size_t *n, const char *s, size_t len)
{
	char *copy;

	if (!grow(v, *n) || (copy = strndup(s, len)) == NULL)
		return -ENOMEM;
	push(*v, n, copy);
	return 0;
}

int lkm_strv_add_unique(char ***v, size_t *n, const char *s)
{
	for (size_t i = 0; i < *n; i++)
		if (strcmp((*v)[i], s) == 0)
			return 0;
	return lkm_strv_addn(v, n, s, strlen(s));
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

void lkm_strv_sort_unique(char **v, size_t *n)
{
	size_t w = 0;

	if (*n == 0)
		return;
	qsort(v, *n, sizeof(*v), cmp_str);
	for (size_t i = 0; i < *n; i++) {
		if (w > 0 && strcmp(v[w - 1], v[i]) == 0) {
			free(v[i]);
			continue;
		}
		v[w++] = v[i];
	}
	*n = w;
	v[w] = NULL;
}

bool lkm_strv_sorted_has(char *const *v, size_t n, const char *s)
{
	return n > 0 && bsearch(&s, v, n, sizeof(*v), cmp_str) != NULL;
}

int lkm_strv_ensure(char ***v)
{
	if (*v == NULL && !grow(v, 0))
		return -ENOMEM;
	return 0;
}

void lkm_strv_free(char **v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

void lkm_strv_freev(char **v)
{
	size_t n = 0;

	while (v != NULL && v[n] != NULL)
		n++;
	lkm_strv_free(v, n);
}
