// SPDX-License-Identifier: GPL-2.0-or-later
/* libFuzzer entry point for the /proc/devices parser (see twice.h). */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "model/devices.h"
#include "twice.h"

static volatile size_t sink;

static void touch(const struct lkm_devices *devs)
{
	size_t n = devs->skipped;

	for (size_t i = 0; i < devs->n; i++)
		n += strlen(devs->v[i].name) + devs->v[i].major + devs->v[i].kind;
	sink = n;
}

LKM_FUZZ_PARSE_TWICE(struct lkm_devices, lkm_devices_parse, touch, lkm_devices_release)
