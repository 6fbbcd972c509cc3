/* SPDX-License-Identifier: GPL-2.0-or-later */
#pragma once

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "model/procfile.h"
#include "model/sysroot.h"

/*
 * /proc/ioports and /proc/iomem (kernel/resource.c): one range a line, "%*s%0*llx-%0*llx
 * : %s", indented two blanks per level under the range it lies in ("  03f8-03ff : serial"
 * under "0000-0cf7 : PCI Bus 0000:00"). Without root the kernel prints every address as
 * 0.
 */
struct lkm_iorange {
	uint64_t start, end; /* inclusive */
	unsigned depth;	     /* 0 at the top level */
	bool leaf;	  /* no range lies inside it: what a driver holds, not a window */
	const char *name; /* into the buffer */
};

struct lkm_ioranges {
	struct lkm_iorange *v;
	size_t n;
	size_t cap;
	bool hidden; /* every address was 0: read without root */
	struct lkm_buf buf;
};

/* Parses TEXT in place. Returns 0, -EINVAL (NULL) or -ENOMEM. */
int lkm_ioranges_parse(struct lkm_ioranges *r, char *text);

/* Reads and parses PATH ("/proc/ioports" or "/proc/iomem") under ROOT. Returns 0 or
 * -errno. */
int lkm_ioranges_read(struct lkm_ioranges *r, const struct lkm_sysroot *root,
		      const char *path);

/* The next leaf after AFTER (NULL: from the first) that overlaps [START, END], or NULL.
 */
const struct lkm_iorange *lkm_ioranges_next_holder(const struct lkm_ioranges *r,
						   const struct lkm_iorange *after,
						   uint64_t start, uint64_t end);

void lkm_ioranges_release(struct lkm_ioranges *r);
