/* SPDX-License-Identifier: GPL-2.0-or-later */
#pragma once

#include <stddef.h>

#include "model/procfile.h"

enum lkm_device_kind { LKM_DEV_CHAR, LKM_DEV_BLOCK };

struct lkm_device {
	enum lkm_device_kind kind;
	unsigned major;
	const char *name; /* into the buffer */
};

/* /proc/devices: "Character devices:" then "Block devices:" sections, in file order. */
struct lkm_devices {
	struct lkm_device *v;
	size_t n;
	size_t cap;
	size_t skipped;
	struct lkm_buf buf;
};

int lkm_devices_parse(struct lkm_devices *devs, char *text);
int lkm_devices_read(struct lkm_devices *devs, const struct lkm_sysroot *root);
void lkm_devices_release(struct lkm_devices *devs);
