/* SPDX-License-Identifier: GPL-2.0-or-later */
#pragma once

/*
 * Word wrapping, once for every screen (the detail's lines, the teach box, the forms,
 * the diagnosis, the panes' notes): a line of P in W cells ends at the last space that
 * fits, or at W when one word is longer. Returns the line's length in bytes and sets
 * *NEXT where the next line starts (the spaces between skipped); *P == '\0' is the end.
 */
int lkm_tui_wrap_next(const char *p, int w, const char **next);
