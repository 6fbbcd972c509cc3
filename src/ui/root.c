// SPDX-License-Identifier: GPL-2.0-or-later
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "i18n.h"
#include "ui/root.h"

int lkm_ui_open_root(const char *dir, struct lkm_sysroot **out)
{
	int err = lkm_sysroot_new(dir, out);

	if (err < 0)
		fprintf(stderr, _("%s: cannot open root directory %s: %s\n"), PACKAGE,
			dir ? dir : "/", strerror(-err));
	return err;
}
