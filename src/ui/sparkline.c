// SPDX-License-Identifier: GPL-2.0-or-later
#include "config.h"

#include <string.h>

#include "ui/sparkline.h"

double lkm_sparkline(const float *v, size_t n, size_t cells, bool utf8, char *buf,
		     size_t size)
{
	static const char *const bars[] = { "\u2581", "\u2582", "\u2583", "\u2584",
					    "\u2585", "\u2586", "\u2587", "\u2588" };
	static const char ascii[] = "_.-:=+*#";
	double max = 0;
	size_t len = 0;

	if (size == 0)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (v[i] > max)
			max = v[i];
	for (size_t c = 0; c < cells; c++) {
		/* Cell C holds samples [lo, hi): the newest sample is in the last cell.
		 */
		size_t lo = n * c / cells, hi = n * (c + 1) / cells;
		double top = -1;
		const char *ch = " ";
		char one[2] = { 0 };
		size_t w;

		for (size_t i = lo; i < hi; i++)
			if (v[i] >= 0 && v[i] > top)
				top = v[i];
		if (top >= 0) {
			int lv = max > 0 ? 1 + (int)(top / max * 6.999) : 0;

			if (top == 0)
				lv = 0;
			if (utf8) {
				ch = bars[lv];
			} else {
				one[0] = ascii[lv];
				ch = one;
			}
		}
		w = strlen(ch);
		if (len + w >= size)
			break;
		memcpy(buf + len, ch, w);
		len += w;
	}
	buf[len] = '\0';
	return max;
}
