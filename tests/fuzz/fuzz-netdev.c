// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * libFuzzer entry point for the /proc/net/dev parser. Each input is parsed twice into the
 * same struct (the refresh path), and every string and number the parser hands out is
 * read, so a pointer outside the buffer or arena shows up under AddressSanitizer.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "model/netdev.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static volatile size_t sink;

static void touch(const struct lkm_netdev *nd)
{
	size_t n = nd->skipped;

	for (size_t i = 0; i < nd->n; i++) {
		n += strlen(nd->v[i].name);
		for (int c = 0; c < LKM_NETDEV_NCOUNTERS; c++)
			n += (size_t)nd->v[i].c[c];
		if (lkm_netdev_find(nd, nd->v[i].name) == NULL)
			abort();
	}
	sink = n;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct lkm_netdev s = { 0 };
	char *a = malloc(size + 1), *b = malloc(size + 1);

	if (a == NULL || b == NULL)
		goto out;
	memcpy(a, data, size);
	a[size] = '\0';
	memcpy(b, a, size + 1);
	if (lkm_netdev_parse(&s, a) == 0)
		touch(&s);
	if (lkm_netdev_parse(&s, b) == 0)
		touch(&s);
	lkm_netdev_release(&s);
out:
	free(a);
	free(b);
	return 0;
}
