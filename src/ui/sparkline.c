// SPDX-License-Identifier: GPL-2.0-or-later
#include "config.h"

#include <string.h>

#include "ui/sparkline.h"

static const char *const bars[] = { "\u2581", "\u2582", "\u2583", "\u2584",
				    "\u2585", "\u2586", "\u2587", "\u2588" };

/* The highest sample of cell C of CELLS over V's N samples (the newest in the last cell),
 * or -1 when none of them has a rate. */
static double cell_top(const float *v, size_t n, size_t cells, size_t c)
{
	size_t lo = n * c / cells, hi = n * (c + 1) / cells;
	double top = -1;

	for (size_t i = lo; i < hi; i++)
		if (v[i] >= 0 && v[i] > top)
			top = v[i];
	return top;
}

/* Appends CH to BUF (length *LEN, capacity SIZE); false when it does not fit whole. */
static bool add(char *buf, size_t size, size_t *len, const char *ch)
{
	size_t w = strlen(ch);

	if (*len + w >= size)
		return false;
	memcpy(buf + *len, ch, w);
	*len += w;
	buf[*len] = '\0';
	return true;
}

double lkm_sparkline_max(const float *v, size_t n)
{
	double max = 0;

	for (size_t i = 0; i < n; i++)
		if (v[i] > max)
			max = v[i];
	return max;
}

void lkm_graph_row(const float *v, size_t n, size_t cells, double max, int height,
		   int row, bool utf8, char *buf, size_t size)
{
	size_t len = 0;

	if (size == 0)
		return;
	buf[0] = '\0';
	for (size_t c = 0; c < cells; c++) {
		double top = cell_top(v, n, cells, c);
		/* The bar's height in eighths of a row, and how much of it is in ROW. */
		long eighths =
			top > 0 && max > 0 ? (long)(top / max * height * 8 + 0.5) : 0;
		long in_row = eighths - (long)(height - 1 - row) * 8;
		char one[2] = { 0 };
		const char *ch = " ";

		/* A measured second shows on the bottom row, however small (zero too:
		 * measured, and quiet, as in the sparkline). */
		if (top >= 0 && in_row < 1 && row == height - 1)
			in_row = 1;
		if (in_row > 8)
			in_row = 8;
		if (in_row > 0) {
			if (utf8) {
				ch = bars[in_row - 1];
			} else {
				one[0] = in_row >= 4 ? '#' : '.';
				ch = one;
			}
		}
		if (!add(buf, size, &len, ch))
			break;
	}
}

double lkm_sparkline(const float *v, size_t n, size_t cells, bool utf8, char *buf,
		     size_t size)
{
	static const char ascii[] = "_.-:=+*#";
	double max = lkm_sparkline_max(v, n);
	size_t len = 0;

	if (size == 0)
		return 0;
	buf[0] = '\0';
	for (size_t c = 0; c < cells; c++) {
		double top = cell_top(v, n, cells, c);
		const char *ch = " ";
		char one[2] = { 0 };

		if (top >= 0) {
			/* A zero rate is the lowest bar: measured, and quiet. */
			int lv = top > 0 && max > 0 ? 1 + (int)(top / max * 6.999) : 0;

			if (utf8) {
				ch = bars[lv];
			} else {
				one[0] = ascii[lv];
				ch = one;
			}
		}
		if (!add(buf, size, &len, ch))
			break;
	}
	return max;
}
