/* SPDX-License-Identifier: GPL-2.0-or-later */
#pragma once

#include <stddef.h>

/*
 * A synthetic large host written as a root tree (proc/modules, proc/devices,
 * proc/interrupts, proc/net/dev, and with PCI or USB devices a /sys/bus of them as the
 * kernel shows it: modalias, vendor, device, class, config, driver links), deterministic
 * for a given shape: the unit tests check its numbers, the benchmark measures a refresh
 * and lkmtui hardware against lspci -k on it.
 */
struct largehost_shape {
	size_t modules; /* each module i > 0 is used by module i - 1 every 7th line */
	size_t cpus;
	size_t irqs; /* numbered lines; the 20 named x86 rows follow */
	size_t interfaces;
	size_t pci; /* PCI functions under sys/bus/pci (every other one bound to e1000) */
	size_t usb; /* USB devices, each with one interface (every third bound) */
};

/* Writes the tree under DIR (which must exist). Returns 0 or -errno. */
int largehost_write(const char *dir, const struct largehost_shape *shape);

/* The count CPU c shows for numbered line i: what the tests check against. */
unsigned long long largehost_count(size_t irq, size_t cpu);
