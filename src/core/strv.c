// SPDX-License-Identifier: GPL-2.0-or-later
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "core/strv.h"

bool lkm_strv_addf(char ***v, size_t *n, const char *fmt, ...)
{
	char **nv = realloc(*v, (*n + 1) * sizeof(**v));
	va_list ap;
	int len;

	if (nv == NULL)
		return false;
	*v = nv;
	va_start(ap, fmt);
	len = vasprintf(&nv[*n], fmt, ap);
	va_end(ap);
	if (len < 0)
		return false;
	(*n)++;
	return true;
}

void lkm_strv_free(char **v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i]);
	free(v);
}
