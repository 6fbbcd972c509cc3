/* SPDX-License-Identifier: GPL-2.0-or-later */
#pragma once

#include <stddef.h>

/* The optimal string alignment distance of A and B: Levenshtein plus adjacent
 * transpositions, the commonest typo ("msdso", "lsit"). (size_t)-1 when B is 127
 * bytes or longer. */
size_t lkm_edit_distance(const char *a, const char *b);
