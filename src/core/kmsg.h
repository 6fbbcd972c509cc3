/* SPDX-License-Identifier: GPL-2.0-or-later */
#pragma once

#include <stdbool.h>
#include <stddef.h>

#include "model/sysroot.h"

/*
 * The kernel's log lines produced during one operation: /dev/kmsg is opened and moved
 * to its end before the operation, and drained after. The strongest evidence of why a
 * load failed ("Unknown symbol fat_add_entries (err -2)") is only there.
 */
struct lkm_kmsg {
	int fd;
	int err;       /* why the log can't be read (-EPERM: dmesg_restrict, not root) */
	char **lines;  /* messages, without the record prefix, unescaped */
	size_t n;
	size_t cap;
};

/* Opens ROOT's /dev/kmsg at its end. Never fails: an unreadable log sets k->err. */
void lkm_kmsg_begin(struct lkm_kmsg *k, const struct lkm_sysroot *root);

/* Appends the records written since begin (or the last collect). Returns 0, or -ENOMEM. */
int lkm_kmsg_collect(struct lkm_kmsg *k);

/* Parses one /dev/kmsg record ("6,339,5140900,-;text\n KEY=v") into the message text,
 * with \xNN escapes undone. Returns a malloc'd string, or NULL if it is not a record. */
char *lkm_kmsg_parse_record(const char *rec, size_t len);

/* Closes the log and frees the lines. */
void lkm_kmsg_end(struct lkm_kmsg *k);
