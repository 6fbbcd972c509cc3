/* SPDX-License-Identifier: GPL-2.0-or-later */
#pragma once

#include <libintl.h>

#define _(s) gettext(s)
/* Marks a string for translation where it is stored, translated where it is shown. */
#define N_(s) (s)
/* S translated in context CTX (a literal), for a word English uses in two senses: "block"
 * the verb (lkmtui block) beside "block" the device type. gettext's msgctxt form. */
#define C_(ctx, s) lkm_pgettext(ctx "\004" s, s)
static inline const char *lkm_pgettext(const char *id, const char *s)
{
	const char *t = gettext(id);

	return t == id ? s : t;
}
