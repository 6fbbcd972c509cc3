/* SPDX-License-Identifier: GPL-2.0-or-later */
#pragma once

#include <stdbool.h>
#include <stddef.h>

/*
 * The last minute of one rate per row (an interrupt line, an interface): a ring of one
 * slot per second for each row, found again by the row's key at the next refresh. A
 * series is allocated when its key first appears and kept: a steady refresh allocates
 * nothing. Times are CLOCK_MONOTONIC seconds, as in struct lkm_snapshot.
 */
#define LKM_HISTORY_SECONDS 60
#define LKM_HISTORY_KEY	    48

struct lkm_history_series {
	char key[LKM_HISTORY_KEY];
	float v[LKM_HISTORY_SECONDS]; /* v[s % 60]: the rate during second s */
	long born;		      /* its first second with a rate */
	long last;		      /* its last second with a rate */
};

struct lkm_history {
	struct lkm_history_series *s;
	size_t n, cap;
	size_t *row; /* row -> series at the last push */
	size_t nrows, rows_cap;
	long now;  /* the last second pushed */
	long from; /* this push covers (from, now] */
};

/*
 * Starts a push for NROWS rows whose rates cover the SECONDS before TAKEN. Returns 0 or
 * -ENOMEM (only when there are more rows than ever before).
 */
int lkm_history_begin(struct lkm_history *h, double taken, double seconds, size_t nrows);

/* Records row ROW's RATE under KEY (cut to LKM_HISTORY_KEY - 1). Returns 0 or -ENOMEM
 * (only for a key never seen). */
int lkm_history_put(struct lkm_history *h, size_t row, const char *key, double rate);

/*
 * The last N (at most LKM_HISTORY_SECONDS) seconds of ROW's rate, oldest first, into OUT;
 * a second before the row had a rate, or while it was gone, is -1. Returns how many
 * seconds have a rate.
 */
size_t lkm_history_get(const struct lkm_history *h, size_t row, float *out, size_t n);

void lkm_history_release(struct lkm_history *h);
