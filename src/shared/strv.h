/* SPDX-License-Identifier: GPL-2.0-or-later */
#pragma once

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>

/*
 * A growing vector of malloc'd strings, V[0..N), as results, diagnoses and lookups carry
 * them. A vector built here is also NULL-terminated (V[N] == NULL), so code that keeps
 * no count can walk it. Only vectors built by these functions may be grown by them.
 */

/* Appends a formatted string; false on -ENOMEM (the vector keeps what it had). */
bool lkm_strv_addf(char ***v, size_t *n, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
bool lkm_strv_vaddf(char ***v, size_t *n, const char *fmt, va_list ap)
	__attribute__((format(printf, 3, 0)));

/* Appends a copy of the LEN bytes at S. Returns 0 or -ENOMEM. */
int lkm_strv_addn(char ***v, size_t *n, const char *s, size_t len);

/* Appends a copy of S unless an equal string is there. Returns 0 or -ENOMEM. */
int lkm_strv_add_unique(char ***v, size_t *n, const char *s);

/* Sorts by strcmp and drops repeats (freeing them). */
void lkm_strv_sort_unique(char **v, size_t *n);

/* Whether S is in V, sorted by lkm_strv_sort_unique. */
bool lkm_strv_sorted_has(char *const *v, size_t n, const char *s);

/* Makes a NULL *V an empty vector, for an answer of nothing that the caller frees.
 * Returns 0 or -ENOMEM. */
int lkm_strv_ensure(char ***v);

/* Frees the N strings and the vector; lkm_strv_freev stops at the NULL instead. */
void lkm_strv_free(char **v, size_t n);
void lkm_strv_freev(char **v);
