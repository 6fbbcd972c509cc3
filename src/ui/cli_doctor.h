/* SPDX-License-Identifier: GPL-2.0-or-later */
#pragma once

/* lkmtui doctor [--json]: the machine's module set-up checked whole. Returns the exit
 * status: 0 nothing found, 1 warnings, 2 errors (3 when it could not run, 4 bad usage is
 * still 2 as everywhere: see doc/CONTRACT.md). */
int lkm_cli_doctor(const char *root_dir, int argc, char **argv);
