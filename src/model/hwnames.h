/* SPDX-License-Identifier: GPL-2.0-or-later */
#pragma once

#include <stddef.h>

#include "model/hwdevice.h"
#include "model/sysroot.h"

/*
 * Names for ids, from the databases Debian's hwdata and usbutils install
 * (/usr/share/misc/pci.ids, /usr/share/misc/usb.ids; libkmod has none of this):
 *
 *   10ec  Realtek Semiconductor Co., Ltd.          a vendor
 *   \t8139  RTL-8100/8101L/8139 PCI Fast Ethernet  one of its devices
 *   C 02  Network controller                       a class, then
 *   \t00  Ethernet controller                      its subclasses
 *
 * One pass over the file answers every query at once; only the lines of the vendors and
 * classes asked for are looked into.
 */
struct lkm_hwname {
	struct lkm_hwids ids; /* asked */
	char *vendor;	      /* answered: NULL when the file does not name it */
	char *device;
	char *class;	/* the base class's name ("Network controller") */
	char *subclass; /* the subclass's ("Ethernet controller") */
};

/*
 * Fills the names of Q[0..N) from FILE under ROOT ("/usr/share/misc/pci.ids"). A missing
 * file answers nothing and is no error. Returns 0 or -ENOMEM (names found so far are
 * kept; release each with lkm_hwname_release).
 */
int lkm_hwnames_lookup(const struct lkm_sysroot *root, const char *file,
		       struct lkm_hwname *q, size_t n);
void lkm_hwname_release(struct lkm_hwname *h);
