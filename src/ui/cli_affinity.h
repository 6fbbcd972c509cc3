/* SPDX-License-Identifier: GPL-2.0-or-later */
#pragma once

/* lkmtui irq-affinity IRQ CPUS [--json]: moves an interrupt line to CPUS. ROOT_DIR is the
 * --root given before the command. Returns the exit status. */
int lkm_cli_irq_affinity(const char *root_dir, int argc, char **argv);
