/* SPDX-License-Identifier: GPL-2.0-or-later */
#pragma once

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>

/* A growing vector of malloc'd strings (*V, *N), as results and diagnoses carry lines. */

/* Appends a formatted line; false on -ENOMEM (the vector is left as it was). */
bool lkm_strv_addf(char ***v, size_t *n, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
bool lkm_strv_vaddf(char ***v, size_t *n, const char *fmt, va_list ap)
	__attribute__((format(printf, 3, 0)));

/* Frees the N strings and the vector. */
void lkm_strv_free(char **v, size_t n);
