/* SPDX-License-Identifier: GPL-2.0-or-later */
#pragma once

#include <stddef.h>

#include "model/snapshot.h"

/*
 * One column model per pane, shared by the CLI tables and the TUI (as util-linux's
 * irq-common.c feeds lsirq and irqtop): an enum-indexed table of what each column is,
 * and one function that renders a cell as text.
 */
enum lkm_col_flag {
	LKM_COL_RIGHT = 1 << 0,	  /* numbers: right-aligned */
	LKM_COL_TRUNC = 1 << 1,	  /* may be cut to fit */
	LKM_COL_DEFAULT = 1 << 2, /* shown when -o is not given */
	LKM_COL_RATE = 1 << 3,	  /* needs two snapshots (--interval) */
	LKM_COL_WRAP = 1 << 4,	  /* long lists: wrap rather than cut */
	LKM_COL_TUI = 1 << 5,	  /* drawn by the TUI from its own state; no CLI cell */
	LKM_COL_NAME = 1 << 6,	  /* says what the row is: kept when columns must go */
};

struct lkm_colinfo {
	const char *id;	  /* the -o name, also the header */
	double whint;	  /* width hint, as libsmartcols takes it */
	unsigned flags;	  /* enum lkm_col_flag */
	const char *help; /* N_()-marked; translated when shown */
};

enum lkm_pane {
	LKM_PANE_MODULES,
	LKM_PANE_DEVICES,
	LKM_PANE_INTERRUPTS,
	LKM_PANE_NETDEV,
	LKM_PANE_COUNT
};

enum lkm_modcol {
	LKM_MODCOL_NAME,
	LKM_MODCOL_SIZE,
	LKM_MODCOL_USECOUNT,
	LKM_MODCOL_USEDBY,
	LKM_MODCOL_STATE,
	LKM_MODCOL_FLAGS,
	LKM_MODCOL_TAINTS,
	LKM_MODCOL_ADDRESS,
	LKM_MODCOL_COUNT
};

enum lkm_devcol { LKM_DEVCOL_TYPE, LKM_DEVCOL_MAJOR, LKM_DEVCOL_NAME, LKM_DEVCOL_COUNT };

enum lkm_irqcol {
	LKM_IRQCOL_IRQ,
	LKM_IRQCOL_TOTAL,
	LKM_IRQCOL_RATE,
	LKM_IRQCOL_COUNTS,
	LKM_IRQCOL_CHIP,
	LKM_IRQCOL_HWIRQ,
	LKM_IRQCOL_TRIGGER,
	LKM_IRQCOL_ACTIONS,
	LKM_IRQCOL_DESCRIPTION,
	LKM_IRQCOL_HISTORY,
	LKM_IRQCOL_AFFINITY,
	LKM_IRQCOL_EFFECTIVE,
	LKM_IRQCOL_COUNT
};

enum lkm_netcol {
	LKM_NETCOL_IFACE,
	LKM_NETCOL_FIRST_COUNTER, /* then one column per enum lkm_netdev_counter */
	LKM_NETCOL_RX_BYTES_RATE = LKM_NETCOL_FIRST_COUNTER + LKM_NETDEV_NCOUNTERS,
	LKM_NETCOL_RX_PACKETS_RATE,
	LKM_NETCOL_TX_BYTES_RATE,
	LKM_NETCOL_TX_PACKETS_RATE,
	LKM_NETCOL_HISTORY,
	LKM_NETCOL_COUNT
};

/* The column table of PANE and its length. */
const struct lkm_colinfo *lkm_columns(enum lkm_pane pane, size_t *count);

/* The column of COLS[0..N) named ID (case-insensitive), or -1. */
int lkm_colinfo_find(const struct lkm_colinfo *cols, size_t n, const char *id);

/* The column of PANE named ID (case-insensitive), or -1. */
int lkm_column_find(enum lkm_pane pane, const char *id);

/* How a cell writes its number: as the kernel counts it, or for a person to read. */
enum lkm_cell_fmt {
	LKM_CELL_RAW = 0,   /* 139512885: scripts, sort keys, --bytes */
	LKM_CELL_HUMAN = 1, /* byte counts and byte rates in binary units: 133M */
};

/*
 * Renders row ROW of PANE's column COL from SNAP into BUF (always NUL-terminated, cut to
 * SIZE) in format FMT (enum lkm_cell_fmt). RATES may be NULL or have seconds == 0: rate
 * cells are then empty. Lists are joined with SEP (",", or "\n" for libsmartcols'
 * wrapping).
 */
void lkm_cell(enum lkm_pane pane, int col, const struct lkm_snapshot *snap,
	      const struct lkm_rates *rates, size_t row, const char *sep, unsigned fmt,
	      char *buf, size_t size);

/* Number of rows PANE has in SNAP. */
size_t lkm_pane_rows(enum lkm_pane pane, const struct lkm_snapshot *snap);

/* The flags of a module as words ("permanent,autoclean"), joined with SEP. */
void lkm_module_flags_text(unsigned flags, const char *sep, char *buf, size_t size);
