// SPDX-License-Identifier: GPL-2.0-or-later
/* libFuzzer entry point for the /proc/net/dev parser (see twice.h). */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "model/netdev.h"
#include "twice.h"

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

LKM_FUZZ_PARSE_TWICE(struct lkm_netdev, lkm_netdev_parse, touch, lkm_netdev_release)
