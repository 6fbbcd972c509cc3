/* SPDX-License-Identifier: GPL-2.0-or-later */
#pragma once

#include <stdbool.h>
#include <stddef.h>

#include "core/engine.h"
#include "core/explain.h"
#include "core/session.h"

/*
 * Moving a device from one driver to another, the way driverctl does: the driver that
 * may take it goes to /sys/bus/BUS/devices/ADDRESS/driver_override, its driver now lets
 * go (driver/unbind), and the bus's drivers try it again (/sys/bus/BUS/drivers_probe).
 * Every write goes through the kernel boundary (ops->write_bind). `--persist` keeps the
 * override for the next boot in a udev rule (LKM_BIND_RULES) that writes driver_override
 * when the device appears, before udev loads its modules.
 */
#define LKM_BIND_RULES "/etc/udev/rules.d/61-lkmtui-driver-override.rules"

enum lkm_bind_flag {
	LKM_BIND_DRY_RUN = 1 << 0,
	LKM_BIND_PERSIST = 1 << 1,
};

struct lkm_bind_step {
	int file;    /* enum lkm_bind_file, or -1: the udev rule (--persist) */
	char *path;  /* the file written */
	char *value; /* what is written ("" clears an override; NULL: a rule removed) */
	int err;
	bool done;
};

struct lkm_bind_result {
	char *address, *bus;
	char *module;  /* the module asked for; NULL: unbind, or clear the override */
	char *driver;  /* its driver on the device's bus (NULL until known) */
	char *before;  /* the driver bound before; NULL: none */
	char *after;   /* and after; NULL: none */
	bool load_ran; /* MODULE was not loaded: LOAD is what loading it did */
	struct lkm_result load;
	struct lkm_bind_step *steps;
	size_t n_steps;
	char **losing; /* what stops working: "eth0 (a network interface on it)" */
	size_t n_losing;
	struct lkm_kmsg log; /* the kernel's lines during the writes */
	int err;
	bool has_diag; /* DIAG says why it was refused or failed */
	struct lkm_diagnosis diag;
};

/*
 * Binds ADDRESS to MODULE's driver for its bus, loading MODULE first (along its plan, as
 * load does) when it is not loaded; MODULE NULL clears the override and lets the
 * device's usual driver take it again. FLAGS: enum lkm_bind_flag. Returns 0, or -errno
 * (OUT->err): a refusal or failure fills OUT->diag, except a failed load (OUT->load).
 * Release OUT with lkm_bind_result_release.
 */
int lkm_bind(const struct lkm_session *s, const char *address, const char *module,
	     unsigned flags, struct lkm_bind_result *out);

/* Lets ADDRESS's driver go of it; with LKM_BIND_PERSIST also drops its udev rule. */
int lkm_unbind(const struct lkm_session *s, const char *address, unsigned flags,
	       struct lkm_bind_result *out);

void lkm_bind_result_release(struct lkm_bind_result *r);

/* Step ST of R for a person, into BUF: "write 0000:00:03.0 to .../drivers_probe" (DRY,
 * or not done yet), "wrote ..." once done. */
void lkm_bind_step_text(const struct lkm_bind_step *st, const struct lkm_bind_result *r,
			bool dry, char *buf, size_t size);
