// SPDX-License-Identifier: GPL-2.0-or-later
#include "config.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "shared/strbuf.h"
#include "ui/columns.h"
#include "ui/units.h"
#include "i18n.h"

static const struct lkm_colinfo module_cols[LKM_MODCOL_COUNT] = {
	[LKM_MODCOL_NAME] = { "NAME", 0.1, LKM_COL_DEFAULT | LKM_COL_NAME,
			      N_("module name") },
	[LKM_MODCOL_SIZE] = { "SIZE", 0.05, LKM_COL_RIGHT | LKM_COL_DEFAULT,
			      N_("memory the module takes, in bytes") },
	[LKM_MODCOL_USECOUNT] = { "USED", 0.03, LKM_COL_RIGHT | LKM_COL_DEFAULT,
				  N_("use count: references that keep it loaded (-1: "
				     "busy, 2.4)") },
	[LKM_MODCOL_USEDBY] = { "BY", 0.3, LKM_COL_WRAP | LKM_COL_DEFAULT,
				N_("modules that use this one") },
	[LKM_MODCOL_STATE] = { "STATE", 0.05, LKM_COL_DEFAULT,
			       N_("live, loading, unloading (2.4: deleted, initializing, "
				  "uninitialized)") },
	[LKM_MODCOL_FLAGS] = { "FLAGS", 0.05, LKM_COL_DEFAULT,
			       N_("permanent, unsafe; 2.4: unused, autoclean") },
	[LKM_MODCOL_TAINTS] = { "TAINTS", 0.03, LKM_COL_DEFAULT,
				N_("taint letters the module brings (O out-of-tree, E "
				   "unsigned, ...)") },
	[LKM_MODCOL_ADDRESS] = { "ADDRESS", 0.1, 0,
				 N_("load address (zero when kptr_restrict hides it)") },
};

static const struct lkm_colinfo device_cols[LKM_DEVCOL_COUNT] = {
	[LKM_DEVCOL_TYPE] = { "TYPE", 0.05, LKM_COL_DEFAULT, N_("character or block") },
	[LKM_DEVCOL_MAJOR] = { "MAJOR", 0.03, LKM_COL_RIGHT | LKM_COL_DEFAULT,
			       N_("device major number") },
	[LKM_DEVCOL_NAME] = { "NAME", 0.2, LKM_COL_DEFAULT | LKM_COL_NAME,
			      N_("driver that registered it") },
};

static const struct lkm_colinfo irq_cols[LKM_IRQCOL_COUNT] = {
	[LKM_IRQCOL_IRQ] = { "IRQ", 0.05, LKM_COL_RIGHT | LKM_COL_DEFAULT | LKM_COL_NAME,
			     N_("interrupt line number or name (NMI, LOC, ...)") },
	[LKM_IRQCOL_TOTAL] = { "TOTAL", 0.1, LKM_COL_RIGHT | LKM_COL_DEFAULT,
			       N_("interrupts since boot, all CPUs") },
	[LKM_IRQCOL_RATE] = { "RATE", 0.1, LKM_COL_RIGHT | LKM_COL_DEFAULT | LKM_COL_RATE,
			      N_("interrupts per second, all CPUs") },
	[LKM_IRQCOL_COUNTS] = { "COUNTS", 0.2, LKM_COL_TRUNC, N_("count per CPU") },
	[LKM_IRQCOL_CHIP] = { "CHIP", 0.1, 0, N_("interrupt controller") },
	[LKM_IRQCOL_HWIRQ] = { "HWIRQ", 0.05, LKM_COL_RIGHT,
			       N_("line number on the controller") },
	[LKM_IRQCOL_TRIGGER] = { "TRIGGER", 0.05, 0, N_("edge, level, fasteoi, ...") },
	[LKM_IRQCOL_ACTIONS] = { "ACTIONS", 0.2, 0,
				 N_("handlers registered on the line") },
	[LKM_IRQCOL_DESCRIPTION] = { "DESCRIPTION", 0.3,
				     LKM_COL_TRUNC | LKM_COL_DEFAULT | LKM_COL_NAME,
				     N_("the rest of the line as the kernel wrote it") },
	[LKM_IRQCOL_HISTORY] = { "HISTORY", 0.1, LKM_COL_TUI,
				 N_("interrupts per second over the last minute") },
	[LKM_IRQCOL_AFFINITY] = { "AFFINITY", 0.05, LKM_COL_TUI,
				  N_("CPUs the line may be delivered to "
				     "(smp_affinity_list)") },
	[LKM_IRQCOL_EFFECTIVE] = { "EFFECTIVE", 0.05, LKM_COL_TUI,
				   N_("CPUs it is delivered to now "
				      "(effective_affinity_list)") },
};

static const struct lkm_colinfo net_cols[LKM_NETCOL_COUNT] = {
	[LKM_NETCOL_IFACE] = { "IFACE", 0.1, LKM_COL_DEFAULT | LKM_COL_NAME,
			       N_("network interface") },
	[LKM_NETCOL_FIRST_COUNTER + LKM_RX_BYTES] = { "RX-BYTES", 0.1,
						      LKM_COL_RIGHT | LKM_COL_DEFAULT,
						      N_("bytes received") },
	[LKM_NETCOL_FIRST_COUNTER + LKM_RX_PACKETS] = { "RX-PACKETS", 0.1,
							LKM_COL_RIGHT | LKM_COL_DEFAULT,
							N_("packets received") },
	[LKM_NETCOL_FIRST_COUNTER + LKM_RX_ERRS] = { "RX-ERRS", 0.05,
						     LKM_COL_RIGHT | LKM_COL_DEFAULT,
						     N_("receive errors") },
	[LKM_NETCOL_FIRST_COUNTER + LKM_RX_DROP] = { "RX-DROP", 0.05,
						     LKM_COL_RIGHT | LKM_COL_DEFAULT,
						     N_("received packets dropped") },
	[LKM_NETCOL_FIRST_COUNTER + LKM_RX_FIFO] = { "RX-FIFO", 0.05, LKM_COL_RIGHT,
						     N_("receive FIFO overruns") },
	[LKM_NETCOL_FIRST_COUNTER + LKM_RX_FRAME] = { "RX-FRAME", 0.05, LKM_COL_RIGHT,
						      N_("receive framing errors") },
	[LKM_NETCOL_FIRST_COUNTER +
		LKM_RX_COMPRESSED] = { "RX-COMPRESSED", 0.05, LKM_COL_RIGHT,
				       N_("compressed packets received") },
	[LKM_NETCOL_FIRST_COUNTER +
		LKM_RX_MULTICAST] = { "RX-MULTICAST", 0.05, LKM_COL_RIGHT,
				      N_("multicast packets received") },
	[LKM_NETCOL_FIRST_COUNTER + LKM_TX_BYTES] = { "TX-BYTES", 0.1,
						      LKM_COL_RIGHT | LKM_COL_DEFAULT,
						      N_("bytes sent") },
	[LKM_NETCOL_FIRST_COUNTER + LKM_TX_PACKETS] = { "TX-PACKETS", 0.1,
							LKM_COL_RIGHT | LKM_COL_DEFAULT,
							N_("packets sent") },
	[LKM_NETCOL_FIRST_COUNTER + LKM_TX_ERRS] = { "TX-ERRS", 0.05,
						     LKM_COL_RIGHT | LKM_COL_DEFAULT,
						     N_("send errors") },
	[LKM_NETCOL_FIRST_COUNTER + LKM_TX_DROP] = { "TX-DROP", 0.05,
						     LKM_COL_RIGHT | LKM_COL_DEFAULT,
						     N_("packets dropped on send") },
	[LKM_NETCOL_FIRST_COUNTER + LKM_TX_FIFO] = { "TX-FIFO", 0.05, LKM_COL_RIGHT,
						     N_("send FIFO overruns") },
	[LKM_NETCOL_FIRST_COUNTER +
		LKM_TX_COLLS] = { "TX-COLLS", 0.05, LKM_COL_RIGHT, N_("collisions") },
	[LKM_NETCOL_FIRST_COUNTER + LKM_TX_CARRIER] = { "TX-CARRIER", 0.05, LKM_COL_RIGHT,
							N_("carrier losses") },
	[LKM_NETCOL_FIRST_COUNTER +
		LKM_TX_COMPRESSED] = { "TX-COMPRESSED", 0.05, LKM_COL_RIGHT,
				       N_("compressed packets sent") },
	[LKM_NETCOL_RX_BYTES_RATE] = { "RX-BYTES/S", 0.1,
				       LKM_COL_RIGHT | LKM_COL_DEFAULT | LKM_COL_RATE,
				       N_("bytes received per second") },
	[LKM_NETCOL_RX_PACKETS_RATE] = { "RX-PACKETS/S", 0.1,
					 LKM_COL_RIGHT | LKM_COL_RATE,
					 N_("packets received per second") },
	[LKM_NETCOL_TX_BYTES_RATE] = { "TX-BYTES/S", 0.1,
				       LKM_COL_RIGHT | LKM_COL_DEFAULT | LKM_COL_RATE,
				       N_("bytes sent per second") },
	[LKM_NETCOL_TX_PACKETS_RATE] = { "TX-PACKETS/S", 0.1,
					 LKM_COL_RIGHT | LKM_COL_RATE,
					 N_("packets sent per second") },
	[LKM_NETCOL_HISTORY] = { "HISTORY", 0.1, LKM_COL_TUI,
				 N_("bytes per second, received and sent, over the last "
				    "minute") },
};

const struct lkm_colinfo *lkm_columns(enum lkm_pane pane, size_t *count)
{
	switch (pane) {
	case LKM_PANE_MODULES: *count = LKM_MODCOL_COUNT; return module_cols;
	case LKM_PANE_DEVICES: *count = LKM_DEVCOL_COUNT; return device_cols;
	case LKM_PANE_INTERRUPTS: *count = LKM_IRQCOL_COUNT; return irq_cols;
	case LKM_PANE_NETDEV: *count = LKM_NETCOL_COUNT; return net_cols;
	case LKM_PANE_COUNT: break;
	}
	*count = 0;
	return NULL;
}

int lkm_colinfo_find(const struct lkm_colinfo *cols, size_t n, const char *id)
{
	for (size_t i = 0; i < n; i++)
		if (strcasecmp(cols[i].id, id) == 0)
			return (int)i;
	return -1;
}

int lkm_column_find(enum lkm_pane pane, const char *id)
{
	size_t n;
	const struct lkm_colinfo *cols = lkm_columns(pane, &n);

	return lkm_colinfo_find(cols, n, id);
}

size_t lkm_pane_rows(enum lkm_pane pane, const struct lkm_snapshot *snap)
{
	switch (pane) {
	case LKM_PANE_MODULES: return snap->modules.n;
	case LKM_PANE_DEVICES: return snap->devices.n;
	case LKM_PANE_INTERRUPTS: return snap->interrupts.n;
	case LKM_PANE_NETDEV: return snap->netdev.n;
	case LKM_PANE_COUNT: break;
	}
	return 0;
}

void lkm_module_flags_text(unsigned flags, const char *sep, char *buf, size_t size)
{
	struct lkm_strbuf sb;
	size_t n;
	const struct lkm_modflag_word *w = lkm_module_flag_words(&n);

	lkm_strbuf_init(&sb, buf, size);
	for (size_t i = 0; i < n; i++) {
		if (flags & w[i].flag) {
			lkm_strbuf_sep(&sb, sep);
			lkm_strbuf_add(&sb, w[i].id);
		}
	}
}

static void module_cell(const struct lkm_module *m, int col, const char *sep, char *buf,
			size_t size)
{
	struct lkm_strbuf sb;

	lkm_strbuf_init(&sb, buf, size);
	switch ((enum lkm_modcol)col) {
	case LKM_MODCOL_NAME: snprintf(buf, size, "%s", m->name); break;
	case LKM_MODCOL_SIZE: snprintf(buf, size, "%" PRIu64, m->size); break;
	case LKM_MODCOL_USECOUNT:
		snprintf(buf, size, m->has_use_count ? "%" PRId64 : "-", m->use_count);
		break;
	case LKM_MODCOL_USEDBY:
		for (const char *u = lkm_module_next_user(m, NULL); u;
		     u = lkm_module_next_user(m, u)) {
			lkm_strbuf_sep(&sb, sep);
			lkm_strbuf_add(&sb, u);
		}
		break;
	case LKM_MODCOL_STATE:
		snprintf(buf, size, "%s", lkm_module_state_id(m->state));
		break;
	case LKM_MODCOL_FLAGS: lkm_module_flags_text(m->flags, sep, buf, size); break;
	case LKM_MODCOL_TAINTS:
		snprintf(buf, size, "%s", m->taints ? m->taints : "");
		break;
	case LKM_MODCOL_ADDRESS:
		snprintf(buf, size, "%s", m->address ? m->address : "");
		break;
	case LKM_MODCOL_COUNT: break;
	}
}

static void device_cell(const struct lkm_device *d, int col, char *buf, size_t size)
{
	switch ((enum lkm_devcol)col) {
	case LKM_DEVCOL_TYPE:
		snprintf(buf, size, "%s", d->kind == LKM_DEV_CHAR ? "char" : "block");
		break;
	case LKM_DEVCOL_MAJOR: snprintf(buf, size, "%u", d->major); break;
	case LKM_DEVCOL_NAME: snprintf(buf, size, "%s", d->name); break;
	case LKM_DEVCOL_COUNT: buf[0] = '\0'; break;
	}
}

static bool have_rates(const struct lkm_rates *rates)
{
	return rates != NULL && rates->seconds > 0;
}

static void irq_cell(const struct lkm_irq *irq, size_t row, int col,
		     const struct lkm_rates *rates, const char *sep, char *buf,
		     size_t size)
{
	struct lkm_strbuf sb;

	lkm_strbuf_init(&sb, buf, size);
	switch ((enum lkm_irqcol)col) {
	case LKM_IRQCOL_IRQ: snprintf(buf, size, "%s", irq->label); break;
	case LKM_IRQCOL_TOTAL: snprintf(buf, size, "%" PRIu64, irq->total); break;
	case LKM_IRQCOL_RATE:
		if (have_rates(rates))
			snprintf(buf, size, "%.1f", rates->irq_total[row]);
		break;
	case LKM_IRQCOL_COUNTS:
		for (size_t c = 0; c < irq->n_counts; c++) {
			lkm_strbuf_sep(&sb, " ");
			lkm_strbuf_addf(&sb, "%" PRIu64, irq->counts[c]);
		}
		break;
	case LKM_IRQCOL_CHIP:
		snprintf(buf, size, "%s", irq->chip ? irq->chip : "");
		break;
	case LKM_IRQCOL_HWIRQ:
		snprintf(buf, size, "%s", irq->hwirq ? irq->hwirq : "");
		break;
	case LKM_IRQCOL_TRIGGER:
		snprintf(buf, size, "%s", irq->trigger ? irq->trigger : "");
		break;
	case LKM_IRQCOL_ACTIONS:
		for (const char *a = lkm_irq_next_action(irq, NULL); a;
		     a = lkm_irq_next_action(irq, a)) {
			lkm_strbuf_sep(&sb, sep);
			lkm_strbuf_add(&sb, a);
		}
		break;
	case LKM_IRQCOL_DESCRIPTION: snprintf(buf, size, "%s", irq->description); break;
	case LKM_IRQCOL_HISTORY:
	case LKM_IRQCOL_AFFINITY:
	case LKM_IRQCOL_EFFECTIVE:
	case LKM_IRQCOL_COUNT: break;
	}
}

static bool is_byte_counter(int k)
{
	return k == LKM_RX_BYTES || k == LKM_TX_BYTES;
}

static void net_cell(const struct lkm_netif *nif, size_t row, int col,
		     const struct lkm_rates *rates, unsigned fmt, char *buf, size_t size)
{
	static const enum lkm_netdev_counter rate_counter[] = {
		[LKM_NETCOL_RX_BYTES_RATE - LKM_NETCOL_RX_BYTES_RATE] = LKM_RX_BYTES,
		[LKM_NETCOL_RX_PACKETS_RATE - LKM_NETCOL_RX_BYTES_RATE] = LKM_RX_PACKETS,
		[LKM_NETCOL_TX_BYTES_RATE - LKM_NETCOL_RX_BYTES_RATE] = LKM_TX_BYTES,
		[LKM_NETCOL_TX_PACKETS_RATE - LKM_NETCOL_RX_BYTES_RATE] = LKM_TX_PACKETS,
	};

	buf[0] = '\0';
	if (col == LKM_NETCOL_IFACE)
		snprintf(buf, size, "%s", nif->name);
	else if (col >= LKM_NETCOL_FIRST_COUNTER && col < LKM_NETCOL_RX_BYTES_RATE) {
		int k = col - LKM_NETCOL_FIRST_COUNTER;

		if ((fmt & LKM_CELL_HUMAN) && is_byte_counter(k))
			lkm_human_bytes(nif->c[k], buf, size);
		else
			snprintf(buf, size, "%" PRIu64, nif->c[k]);
	} else if (col >= LKM_NETCOL_RX_BYTES_RATE && col <= LKM_NETCOL_TX_PACKETS_RATE &&
		   have_rates(rates)) {
		int k = rate_counter[col - LKM_NETCOL_RX_BYTES_RATE];
		double r = rates->net[row][k];

		if ((fmt & LKM_CELL_HUMAN) && is_byte_counter(k))
			lkm_human_bytes((uint64_t)(r + 0.5), buf, size);
		else
			snprintf(buf, size, "%.1f", r);
	}
}

void lkm_cell(enum lkm_pane pane, int col, const struct lkm_snapshot *snap,
	      const struct lkm_rates *rates, size_t row, const char *sep, unsigned fmt,
	      char *buf, size_t size)
{
	if (size == 0)
		return;
	buf[0] = '\0';
	if (row >= lkm_pane_rows(pane, snap))
		return;
	switch (pane) {
	case LKM_PANE_MODULES:
		module_cell(&snap->modules.v[row], col, sep, buf, size);
		break;
	case LKM_PANE_DEVICES: device_cell(&snap->devices.v[row], col, buf, size); break;
	case LKM_PANE_INTERRUPTS:
		irq_cell(&snap->interrupts.v[row], row, col, rates, sep, buf, size);
		break;
	case LKM_PANE_NETDEV:
		net_cell(&snap->netdev.v[row], row, col, rates, fmt, buf, size);
		break;
	case LKM_PANE_COUNT: break;
	}
}
