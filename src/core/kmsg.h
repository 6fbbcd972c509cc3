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
	int err;      /* why the log can't be read (-EPERM: dmesg_restrict, not root) */
	char **lines; /* messages, without the record prefix, unescaped */
	size_t n;
	size_t cap;
};

/* Opens ROOT's /dev/kmsg at its end. Never fails: an unreadable log sets k->err. */
void lkm_kmsg_begin(struct lkm_kmsg *k, const struct lkm_sysroot *root);

/* Appends the records written since begin (or the last collect). Returns 0, or -ENOMEM.
 */
int lkm_kmsg_collect(struct lkm_kmsg *k);

/* Parses one /dev/kmsg record ("6,339,5140900,-;text\n KEY=v") into the message text,
 * with \xNN escapes undone. Returns a malloc'd string, or NULL if it is not a record. */
char *lkm_kmsg_parse_record(const char *rec, size_t len);

/*
 * Following the log live (the TUI's log strip): lkm_kmsg_begin() opens it at its end,
 * then lkm_kmsg_follow() reads what is new without blocking, whenever k->fd polls
 * readable.
 */

/* Whether LINE (a message, as parsed) is from MODULE: it starts with the module's name,
 * '-' and '_' alike, then ':' or ' ' ("fat: ...", "ne2k-pci 0000:00:03.0: eth0 ..."). */
bool lkm_kmsg_line_from(const char *line, const char *module);

/* Whether k->fd tells by poll(2) that there is something new: /dev/kmsg does; a regular
 * file standing for it (a saved log, a test's root) is always readable, so read it on a
 * timer instead. False when the log is not open. */
bool lkm_kmsg_pollable(const struct lkm_kmsg *k);

/* Appends the records written since the last read whose text is from MODULE (all of them
 * when NULL), then keeps only the last KEEP lines (0: all). A record cut at the end of a
 * regular file is left for the next call. Returns the number of lines added, or -ENOMEM.
 */
int lkm_kmsg_follow(struct lkm_kmsg *k, const char *module, size_t keep);

/*
 * Keeps only K's lines that belong to the N modules OURS, for when several loads run at
 * once and the time window holds another load's lines too. A line is dropped when it
 * comes from another module (its first word, up to ':' or ' ', is a name IS_MODULE says
 * is a module, and not one of OURS) and names none of OURS anywhere ("kvm: no hardware
 * support for 'kvm_intel'" stays with kvm_intel). Lines from no module (the kernel's own
 * subsystems, lockdown, the firmware loader) stay. Returns the number dropped.
 */
size_t lkm_kmsg_attribute(struct lkm_kmsg *k, const char *const *ours, size_t n,
			  bool (*is_module)(const char *name, void *data), void *data);

/* Closes the log and frees the lines. */
void lkm_kmsg_end(struct lkm_kmsg *k);
