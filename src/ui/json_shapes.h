/* SPDX-License-Identifier: GPL-2.0-or-later */
#pragma once

#include <stdio.h>

#include "model/snapshot.h"

/* The --json documents of the read-only commands, in the shapes of doc/CONTRACT.md
 * "JSON". RATES may be NULL (no --interval). */
void lkm_json_modules(FILE *out, const struct lkm_snapshot *snap);
void lkm_json_devices(FILE *out, const struct lkm_snapshot *snap);
void lkm_json_interrupts(FILE *out, const struct lkm_snapshot *snap,
			 const struct lkm_rates *rates);
void lkm_json_netdev(FILE *out, const struct lkm_snapshot *snap,
		     const struct lkm_rates *rates);
