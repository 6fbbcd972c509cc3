/* SPDX-License-Identifier: GPL-2.0-or-later */
#pragma once

/* Helpers shared by the cmocka tests: read a fixture whole into a NUL-terminated buffer.
 */
#include <errno.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

static inline char *test_slurp(const char *path)
{
	FILE *f = fopen(path, "rb");
	char *data = NULL;
	size_t len = 0, cap = 0;

	if (f == NULL)
		fail_msg("cannot open fixture %s", path);
	for (;;) {
		size_t n;

		if (cap - len < 65536) {
			cap = cap ? cap * 2 : 65536;
			data = realloc(data, cap + 1);
			assert_non_null(data);
		}
		n = fread(data + len, 1, cap - len, f);
		if (n == 0)
			break;
		len += n;
	}
	fclose(f);
	data[len] = '\0';
	return data;
}

/* A copy of the string S, for tests that parse literal text in place. */
static inline char *test_text(const char *s)
{
	char *copy = strdup(s);

	assert_non_null(copy);
	return copy;
}
