/* SPDX-License-Identifier: GPL-2.0-or-later */
#pragma once

#include <stddef.h>
#include <stdint.h>

/*
 * A byte count as util-linux's size_to_human_string() prints it (lsblk, lsirq): binary
 * units with a one-letter suffix and at most one decimal, the trailing ".0" dropped:
 * 512 -> "512B", 1536 -> "1.5K", 139512885 -> "133M". The decimal point is the locale's.
 * BUF is always NUL-terminated; returns BUF.
 */
char *lkm_human_bytes(uint64_t bytes, char *buf, size_t size);
