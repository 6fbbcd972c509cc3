/* SPDX-License-Identifier: GPL-2.0-or-later */
#pragma once

#include <stddef.h>

/*
 * A synthetic large host written as a root tree (proc/modules, proc/devices,
 * proc/interrupts, proc/net/dev), deterministic for a given shape: the unit tests
 * check its numbers and the benchmark measures a refresh on it.
 */
struct largehost_shape {
	size_t modules; /* each module i > 0 is used by module i - 1 every 7th line */
	size_t cpus;
	size_t irqs; /* numbered lines; the 20 named x86 rows follow */
	size_t interfaces;
};

/* Writes the tree under DIR (which must exist). Returns 0 or -errno. */
int largehost_write(const char *dir, const struct largehost_shape *shape);

/* The count CPU c shows for numbered line i: what the tests check against. */
unsigned long long largehost_count(size_t irq, size_t cpu);
