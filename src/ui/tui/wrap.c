// SPDX-License-Identifier: GPL-2.0-or-later
#include "config.h"

#include <string.h>

#include "ui/tui/wrap.h"

int lkm_tui_wrap_next(const char *p, int w, const char **next)
{
	int len = (int)strlen(p), cut = len;

	if (w < 1)
		w = 1;
	if (len > w) {
		cut = w;
		while (cut > 0 && p[cut] != ' ')
			cut--;
		if (cut == 0)
			cut = w;
	}
	*next = p + cut;
	while (**next == ' ')
		(*next)++;
	return cut;
}
