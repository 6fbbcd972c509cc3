// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * libFuzzer entry point for the TUI's settings file (src/ui/tui/settings.c, inih): each
 * input is written as the file and loaded; what is loaded must be in range, or an error
 * must say where.
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ui/tui/settings.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char path[64];

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct lkm_tui_config cfg;
	char err[512];
	FILE *f;
	int rc;

	if (path[0] == '\0')
		snprintf(path, sizeof(path), "/tmp/fuzz-settings.%d.ini", (int)getpid());
	f = fopen(path, "w");
	if (f == NULL || fwrite(data, 1, size, f) != size || fclose(f) != 0)
		abort();
	lkm_tui_config_defaults(&cfg);
	rc = lkm_tui_config_load(&cfg, path, true, err, sizeof(err));
	if (rc < 0 && err[0] == '\0')
		abort();
	if (rc == 0 && (!(cfg.interval >= 0.1 && cfg.interval <= 3600) ||
			(unsigned)cfg.pane >= LKM_PANE_COUNT))
		abort();
	return 0;
}
