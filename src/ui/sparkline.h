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

/* The highest of V's N samples (0 when none is above 0): the scale of a graph. */
double lkm_sparkline_max(const float *v, size_t n);

/*
 * Row ROW (0 at the top) of a graph HEIGHT rows high of V's N samples in CELLS columns
 * scaled so MAX fills it: each column a bar in eighths of a row (▁..█), or in ASCII '#'
 * for at least half a row and '.' for less. Every measured second (zero too) shows at
 * least a sliver on the bottom row; a second with no rate is blank.
 */
void lkm_graph_row(const float *v, size_t n, size_t cells, double max, int height,
		   int row, bool utf8, char *buf, size_t size);
