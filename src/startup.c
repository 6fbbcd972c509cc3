// SPDX-License-Identifier: GPL-2.0-or-later
#include "config.h"

#include <locale.h>

#include "startup.h"
#include "i18n.h"

void lkm_startup_locale(void)
{
	/* Only the categories the program reads: the character set (wide characters,
	 * column widths, nl_langinfo) and the messages. JSON and the tables print numbers
	 * with '.', whatever the locale says, and nothing sorts, formats times or money
	 * by it; loading the other categories was a dozen files read at every start
	 * (doc/PERFORMANCE.md). */
	setlocale(LC_CTYPE, "");
	setlocale(LC_MESSAGES, "");
	bindtextdomain(PACKAGE, LOCALEDIR);
	textdomain(PACKAGE);
}
