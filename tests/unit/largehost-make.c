// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * largehost-make DIR [MODULES CPUS IRQS INTERFACES [PCI USB]]: writes the synthetic large
 * host (tests/largehost.c) under DIR for the shell tests (the TUI at 100 columns) and
 * the benchmark's comparisons with other tools. Default: the benchmark's shape, 1,000
 * modules, 256 CPUs, 300 lines, 200 interfaces, no devices.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "largehost.h"

int main(int argc, char **argv)
{
	struct largehost_shape s = { 1000, 256, 300, 200, 0, 0 };
	int err;

	if (argc != 2 && argc != 6 && argc != 8) {
		fprintf(stderr,
			"usage: largehost-make DIR [MODULES CPUS IRQS INTERFACES [PCI "
			"USB]]\n");
		return 2;
	}
	if (argc >= 6) {
		s.modules = strtoul(argv[2], NULL, 10);
		s.cpus = strtoul(argv[3], NULL, 10);
		s.irqs = strtoul(argv[4], NULL, 10);
		s.interfaces = strtoul(argv[5], NULL, 10);
	}
	if (argc == 8) {
		s.pci = strtoul(argv[6], NULL, 10);
		s.usb = strtoul(argv[7], NULL, 10);
	}
	err = largehost_write(argv[1], &s);
	if (err < 0) {
		fprintf(stderr, "largehost-make: %s: %s\n", argv[1], strerror(-err));
		return 1;
	}
	return 0;
}
