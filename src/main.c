// SPDX-License-Identifier: GPL-2.0-or-later
#include "config.h"

#include <locale.h>
#include <stdlib.h>

#include "ui/cli.h"
#include "i18n.h"

int main(int argc, char **argv)
{
	setlocale(LC_ALL, "");
	/* JSON and the tables print numbers with '.', whatever the locale says. */
	setlocale(LC_NUMERIC, "C");
	/* Tests point this at catalogues compiled from po/ (tests/i18n.test): the build's
	 * binary would otherwise look only where `make install` puts them. */
	const char *localedir = getenv("LKMTUI_LOCALEDIR");

	bindtextdomain(PACKAGE, localedir && *localedir ? localedir : LOCALEDIR);
	textdomain(PACKAGE);
	return lkm_cli_main(argc, argv);
}
