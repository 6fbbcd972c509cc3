// SPDX-License-Identifier: GPL-2.0-or-later
#include "config.h"

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "shared/array.h"

#define FIRST_CAP 16

int lkm_array_reserve(void *vp, size_t *cap, size_t need, size_t elem)
{
	size_t n = *cap ? *cap : FIRST_CAP;
	void *old, *v;

	if (need <= *cap)
		return 0;
	while (n < need) {
		if (n > SIZE_MAX / 2)
			return -ENOMEM;
		n *= 2;
	}
	if (elem != 0 && n > SIZE_MAX / elem)
		return -ENOMEM;
	/* VP points at a typed pointer (struct x *): copied, not read through a void **.
	 */
	memcpy(&old, vp, sizeof(old));
	v = realloc(old, n * elem);
	if (v == NULL)
		return -ENOMEM;
	memcpy(vp, &v, sizeof(v));
	*cap = n;
	return 0;
}
