/* SPDX-License-Identifier: GPL-2.0-or-later */
#pragma once

/* The plain command-line front end. Returns the exit status: 0 done, 1 the operation
 * failed (its explanation printed), 2 bad usage. */
int lkm_cli_main(int argc, char **argv);
