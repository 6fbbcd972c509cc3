/* SPDX-License-Identifier: GPL-2.0-or-later */
#pragma once

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/*
 * A set of CPUs as the kernel writes it in a "list" file (/proc/irq/N/smp_affinity_list,
 * /sys/devices/system/cpu/online): "0-3,8,10-11". Fixed size, so reading one allocates
 * nothing; the kernel's NR_CPUS on Debian is 8192.
 */
#define LKM_CPUSET_MAX 8192

struct lkm_cpuset {
	uint64_t bits[LKM_CPUSET_MAX / 64];
};

/*
 * Parses TEXT ("0-3,8", surrounding blanks and a final newline allowed; "" is the empty
 * set) into S. Returns 0, -EINVAL for anything else (a reversed range, a stray
 * character) or -ERANGE for a CPU number at or over LKM_CPUSET_MAX.
 */
int lkm_cpuset_parse(struct lkm_cpuset *s, const char *text);

/* Writes S as the kernel would ("0-3,8"; "" when empty) into BUF, cut to SIZE. */
void lkm_cpuset_format(const struct lkm_cpuset *s, char *buf, size_t size);

static inline bool lkm_cpuset_has(const struct lkm_cpuset *s, unsigned cpu)
{
	return cpu < LKM_CPUSET_MAX && (s->bits[cpu / 64] >> (cpu % 64)) & 1;
}

size_t lkm_cpuset_count(const struct lkm_cpuset *s);

/* The first CPU of A that B lacks, or -1 when A is a subset of B. */
int lkm_cpuset_first_missing(const struct lkm_cpuset *a, const struct lkm_cpuset *b);
