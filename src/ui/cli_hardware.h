/* SPDX-License-Identifier: GPL-2.0-or-later */
#pragma once

/* lkmtui hardware [--json]: the machine's devices, their drivers and candidate modules.
 * ROOT_DIR is the --root given before the command. Returns the exit status. */
int lkm_cli_hardware(const char *root_dir, int argc, char **argv);
