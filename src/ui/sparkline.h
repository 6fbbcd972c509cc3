/* SPDX-License-Identifier: GPL-2.0-or-later */
#pragma once

#include <stdbool.h>
#include <stddef.h>

/* Cells of the HISTORY column: the last minute, 3 seconds a cell. */
#define LKM_SPARK_CELLS 20

/*
 * Draws the N samples of V (oldest first; a negative one is "no rate") as CELLS
 * characters into BUF: each cell the highest of its samples, scaled to the highest of
 * all, as one of ▁▂▃▄▅▆▇█ (UTF8) or _.-:=+*# (ASCII); a cell with no rate is a blank. A
 * zero rate is the lowest bar: measured, and quiet. Returns the highest sample (the
 * scale).
 */
double lkm_sparkline(const float *v, size_t n, size_t cells, bool utf8, char *buf,
		     size_t size);
