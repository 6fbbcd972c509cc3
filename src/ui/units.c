// SPDX-License-Identifier: GPL-2.0-or-later
#include "config.h"

#include <inttypes.h>
#include <locale.h>
#include <stdio.h>

#include "ui/units.h"

/* The power of two of the unit: 0 (bytes), 10 (K), 20 (M) ... 60 (E). */
static int unit_shift(uint64_t n)
{
	int shift;

	for (shift = 10; shift <= 60; shift += 10)
		if (n < (1ULL << shift))
			break;
	return shift - 10;
}

char *lkm_human_bytes(uint64_t bytes, char *buf, size_t size)
{
	static const char letters[] = "BKMGTPE";
	int shift = unit_shift(bytes);
	uint64_t whole = shift ? bytes >> shift : bytes;
	uint64_t frac = shift ? bytes & ((1ULL << shift) - 1) : 0;
	char letter = letters[shift / 10];

	if (size == 0)
		return buf;
	if (frac) {
		/* Three digits of the fraction, rounded to one, as util-linux does. */
		if (frac >= UINT64_MAX / 1000)
			frac = ((frac / 1024) * 1000) / (1ULL << (shift - 10));
		else
			frac = (frac * 1000) / (1ULL << shift);
		frac = (frac + 50) / 100;
		if (frac == 10) {
			whole++;
			frac = 0;
		}
	}
	if (frac) {
		const struct lconv *l = localeconv();
		const char *dp = l && l->decimal_point && *l->decimal_point
					 ? l->decimal_point
					 : ".";

		snprintf(buf, size, "%" PRIu64 "%s%" PRIu64 "%c", whole, dp, frac,
			 letter);
	} else {
		snprintf(buf, size, "%" PRIu64 "%c", whole, letter);
	}
	return buf;
}
