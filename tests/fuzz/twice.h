/* SPDX-License-Identifier: GPL-2.0-or-later */
#pragma once

/*
 * The libFuzzer entry point of a /proc text parser that works in place on a
 * NUL-terminated copy: each input is parsed twice into the same struct (the refresh
 * path), and TOUCH reads every string and number the parser hands out, so a pointer
 * outside the buffer or arena shows up under AddressSanitizer. Both copies live until the
 * struct is released.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static inline char *lkm_fuzz_text(const uint8_t *data, size_t size)
{
	char *t = malloc(size + 1);

	if (t == NULL)
		abort();
	memcpy(t, data, size);
	t[size] = '\0';
	return t;
}

#define LKM_FUZZ_PARSE_TWICE(type, parse, touch, release)                                \
	int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);                    \
	int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)                     \
	{                                                                                \
		type s = { 0 };                                                          \
		char *a = lkm_fuzz_text(data, size), *b = lkm_fuzz_text(data, size);     \
                                                                                         \
		if (parse(&s, a) == 0)                                                   \
			touch(&s);                                                       \
		if (parse(&s, b) == 0)                                                   \
			touch(&s);                                                       \
		release(&s);                                                             \
		free(a);                                                                 \
		free(b);                                                                 \
		return 0;                                                                \
	}
