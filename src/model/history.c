// SPDX-License-Identifier: GPL-2.0-or-later
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "model/history.h"
#include "shared/array.h"

#define NONE ((size_t)-1)

int lkm_history_begin(struct lkm_history *h, double taken, double seconds, size_t nrows)
{
	size_t old = h->rows_cap;

	if (lkm_array_reserve(&h->row, &h->rows_cap, nrows, sizeof(*h->row)) < 0)
		return -ENOMEM;
	/* A series per row at the first push, exactly: no doubling to twice the rows. */
	if (h->cap < nrows) {
		void *p = realloc(h->s, nrows * sizeof(*h->s));

		if (p == NULL)
			return -ENOMEM;
		h->s = p;
		h->cap = nrows;
	}
	for (size_t i = old; i < h->rows_cap; i++)
		h->row[i] = NONE;
	h->nrows = nrows;
	/* Monotonic seconds are positive: the cast is floor(). */
	h->now = (long)taken;
	h->from = taken > seconds ? (long)(taken - seconds) : 0;
	/* A rate over less than a second still fills the second it ends in. */
	if (h->from >= h->now)
		h->from = h->now - 1;
	if (h->from < h->now - LKM_HISTORY_SECONDS)
		h->from = h->now - LKM_HISTORY_SECONDS;
	return 0;
}

static size_t find(const struct lkm_history *h, size_t row, const char *key)
{
	size_t guess = row < h->rows_cap ? h->row[row] : NONE;

	/* The kernel keeps its order: the row's series of the last push, almost always.
	 */
	if (guess != NONE && strncmp(h->s[guess].key, key, LKM_HISTORY_KEY - 1) == 0)
		return guess;
	for (size_t i = 0; i < h->n; i++)
		if (strncmp(h->s[i].key, key, LKM_HISTORY_KEY - 1) == 0)
			return i;
	return NONE;
}

int lkm_history_put(struct lkm_history *h, size_t row, const char *key, double rate)
{
	size_t i = find(h, row, key);
	struct lkm_history_series *s;

	if (row >= h->nrows)
		return 0;
	if (i == NONE) {
		if (lkm_array_room(h->s, h->n, h->cap) < 0)
			return -ENOMEM;
		i = h->n++;
		s = &h->s[i];
		memset(s, 0, sizeof(*s));
		strncpy(s->key, key, LKM_HISTORY_KEY - 1);
		s->born = h->from + 1;
		s->last = h->from;
	}
	h->row[row] = i;
	s = &h->s[i];
	/* Gone for a while: those seconds had no rate. */
	for (long t = s->last + 1 > h->now - LKM_HISTORY_SECONDS
			      ? s->last + 1
			      : h->now - LKM_HISTORY_SECONDS + 1;
	     t <= h->from; t++)
		s->v[t % LKM_HISTORY_SECONDS] = -1;
	for (long t = h->from + 1; t <= h->now; t++)
		s->v[t % LKM_HISTORY_SECONDS] = (float)rate;
	s->last = h->now;
	return 0;
}

size_t lkm_history_get(const struct lkm_history *h, size_t row, float *out, size_t n)
{
	const struct lkm_history_series *s;
	size_t have = 0;

	if (n > LKM_HISTORY_SECONDS)
		n = LKM_HISTORY_SECONDS;
	for (size_t k = 0; k < n; k++)
		out[k] = -1;
	if (row >= h->nrows || h->row[row] == NONE)
		return 0;
	s = &h->s[h->row[row]];
	for (size_t k = 0; k < n; k++) {
		long t = h->now - (long)(n - 1 - k);

		if (t < s->born || t > s->last || t < 0)
			continue;
		out[k] = s->v[t % LKM_HISTORY_SECONDS];
		have += out[k] >= 0;
	}
	return have;
}

void lkm_history_release(struct lkm_history *h)
{
	free(h->s);
	free(h->row);
	memset(h, 0, sizeof(*h));
}
