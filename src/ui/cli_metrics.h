/* SPDX-License-Identifier: GPL-2.0-or-later */
#pragma once

/* lkmtui metrics: the module system in Prometheus' text format, for node_exporter's
 * textfile collector. ROOT_DIR is the --root given before the command. */
int lkm_cli_metrics(const char *root_dir, int argc, char **argv);
