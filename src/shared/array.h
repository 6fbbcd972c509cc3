/* SPDX-License-Identifier: GPL-2.0-or-later */
#pragma once

#include <stddef.h>

/*
 * An array of elements that grows in place: the caller's struct keeps the pointer V, the
 * count N and the capacity CAP, and asks for room before it writes V[N]. The capacity
 * doubles (from 16), so N appends cost O(N); a size that would overflow is -ENOMEM, like
 * realloc's failure. Freeing V is the caller's (free(V)).
 */

/* Makes *VP (a pointer to the array's pointer, whose elements are ELEM bytes) hold at
 * least NEED elements, updating *CAP. Returns 0 or -ENOMEM (then *VP and *CAP are as they
 * were). */
int lkm_array_reserve(void *vp, size_t *cap, size_t need, size_t elem);

/* Room for one more element in the array V of N elements and capacity CAP (lvalues). */
#define lkm_array_room(v, n, cap) lkm_array_reserve(&(v), &(cap), (n) + 1, sizeof(*(v)))
