// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * How far apart two words are, for "did you mean": a module name (core/resolve.c) or a
 * command (ui/cli.c).
 */
#include "config.h"

#include <string.h>

#include "shared/editdist.h"

/* Optimal string alignment distance: Levenshtein plus adjacent transpositions, the
 * commonest typo ("msdso"). */
size_t lkm_edit_distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);
	size_t rows[3][128], *prev2 = rows[0], *prev = rows[1], *cur = rows[2];

	if (lb >= sizeof(rows[0]) / sizeof(rows[0][0]))
		return (size_t)-1;
	for (size_t j = 0; j <= lb; j++)
		prev[j] = j;
	for (size_t i = 1; i <= la; i++) {
		size_t *t;

		cur[0] = i;
		for (size_t j = 1; j <= lb; j++) {
			size_t best = prev[j - 1] + (a[i - 1] != b[j - 1]);

			if (prev[j] + 1 < best)
				best = prev[j] + 1;
			if (cur[j - 1] + 1 < best)
				best = cur[j - 1] + 1;
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] &&
			    a[i - 2] == b[j - 1] && prev2[j - 2] + 1 < best)
				best = prev2[j - 2] + 1;
			cur[j] = best;
		}
		t = prev2;
		prev2 = prev;
		prev = cur;
		cur = t;
	}
	return prev[lb];
}
