// SPDX-License-Identifier: GPL-2.0-or-later
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "core/strv.h"

bool lkm_strv_vaddf(char ***v, size_t *n, const char *fmt, va_list ap)
{
	char **nv = realloc(*v, (*n + 1) * sizeof(**v));

	if (nv == NULL)
		return false;
	*v = nv;
	if (vasprintf(&nv[*n], fmt, ap) < 0)
		return false;
	(*n)++;
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

void lkm_strv_free(char **v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i]);
	free(v);
}
