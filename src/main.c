// SPDX-License-Identifier: GPL-2.0-or-later
#include "config.h"

#include <locale.h>

#include "ui/cli.h"
#include "i18n.h"

int main(int argc, char **argv)
{
	setlocale(LC_ALL, "");
	/* JSON and the tables print numbers with '.', whatever the locale says. */
	setlocale(LC_NUMERIC, "C");
	bindtextdomain(PACKAGE, LOCALEDIR);
	textdomain(PACKAGE);
	return lkm_cli_main(argc, argv);
}
