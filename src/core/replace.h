/* SPDX-License-Identifier: GPL-2.0-or-later */
#pragma once

#include <stddef.h>
#include <sys/types.h>

enum lkm_replace_flag {
	/* SIGINT, SIGTERM, SIGHUP and SIGQUIT wait until the temporary file is renamed or
	 * removed: an interrupted program never leaves one behind. */
	LKM_REPLACE_HOLD_SIGNALS = 1 << 0,
};

/*
 * Replaces the file PATH with DATA atomically: written whole to a temporary file
 * ".NAME.XXXXXX" in the same directory (a name readers that look for NAME's suffix skip,
 * as node_exporter's textfile collector skips all but *.prom), given MODE, fsync'ed, and
 * renamed over PATH. A reader sees the old file or the new one, never a part. On failure
 * the temporary file is removed and PATH left as it was. FLAGS: enum lkm_replace_flag.
 * Returns 0 or -errno.
 */
int lkm_replace_file(const char *path, const char *data, size_t len, mode_t mode,
		     unsigned flags);
