/* SPDX-License-Identifier: GPL-2.0-or-later */
#pragma once

/*
 * What both programs (lkmtui, the command line, and lkmtui-tui, the full-screen front end
 * it starts) do first: the locale as the program uses it, and its message catalogue.
 */
void lkm_startup_locale(void);
