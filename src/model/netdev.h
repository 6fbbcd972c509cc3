/* SPDX-License-Identifier: GPL-2.0-or-later */
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "model/procfile.h"

/* The 16 counters of a /proc/net/dev line, in file order. */
enum lkm_netdev_counter {
	LKM_RX_BYTES,
	LKM_RX_PACKETS,
	LKM_RX_ERRS,
	LKM_RX_DROP,
	LKM_RX_FIFO,
	LKM_RX_FRAME,
	LKM_RX_COMPRESSED,
	LKM_RX_MULTICAST,
	LKM_TX_BYTES,
	LKM_TX_PACKETS,
	LKM_TX_ERRS,
	LKM_TX_DROP,
	LKM_TX_FIFO,
	LKM_TX_COLLS,
	LKM_TX_CARRIER,
	LKM_TX_COMPRESSED,
	LKM_NETDEV_NCOUNTERS
};

/* JSON/column key of a counter without its rx/tx side: "bytes", "colls", ... */
const char *lkm_netdev_counter_key(enum lkm_netdev_counter c);

struct lkm_netif {
	const char *name; /* into the buffer ("eth0", "vlan.10", "virbr0-nic") */
	uint64_t c[LKM_NETDEV_NCOUNTERS];
};

struct lkm_netdev {
	struct lkm_netif *v;
	size_t n;
	size_t cap;
	size_t skipped;
	struct lkm_buf buf;
};

int lkm_netdev_parse(struct lkm_netdev *nd, char *text);
int lkm_netdev_read(struct lkm_netdev *nd, const struct lkm_sysroot *root);
const struct lkm_netif *lkm_netdev_find(const struct lkm_netdev *nd, const char *name);
void lkm_netdev_release(struct lkm_netdev *nd);
