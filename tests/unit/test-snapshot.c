// SPDX-License-Identifier: GPL-2.0-or-later
#include "config.h"

#include <ftw.h>
#include <unistd.h>

#include "largehost.h"
#include "testutil.h"

#include "model/snapshot.h"

static void test_take_debian61(void **state)
{
	struct lkm_sysroot *root;
	struct lkm_snapshot s = { 0 };

	(void)state;
	assert_int_equal(lkm_sysroot_new(FIXTURES "/debian61", &root), 0);
	assert_int_equal(lkm_snapshot_take(&s, root, LKM_SRC_ALL), 0);
	assert_int_equal(s.modules_err, 0);
	assert_int_equal(s.modules.n, 7);
	assert_int_equal(s.devices_err, 0);
	assert_int_equal(s.devices.n, 23);
	assert_int_equal(s.interrupts_err, 0);
	assert_int_equal(s.interrupts.n_cpus, 1);
	assert_string_equal(lkm_interrupts_find(&s.interrupts, "11")->description,
			    "IO-APIC  11-fasteoi   eth0");
	assert_int_equal(s.netdev_err, 0);
	assert_int_equal(s.netdev.n, 2);
	assert_true(s.taken > 0);
	/* A second take into the same snapshot reuses its buffers. */
	assert_int_equal(lkm_snapshot_take(&s, root, LKM_SRC_ALL), 0);
	assert_int_equal(s.modules.n, 7);
	lkm_snapshot_release(&s);
	lkm_sysroot_free(root);
}

static void test_no_module_support(void **state)
{
	struct lkm_sysroot *root;
	struct lkm_snapshot s = { 0 };

	(void)state;
	assert_int_equal(lkm_sysroot_new(FIXTURES "/nomodules", &root), 0);
	assert_int_equal(lkm_snapshot_take(&s, root, LKM_SRC_ALL), 0);
	assert_int_equal(s.modules_err, -ENOENT);
	assert_int_equal(s.modules.n, 0);
	/* The other three sources still work. */
	assert_int_equal(s.devices_err, 0);
	assert_int_equal(s.devices.n, 23);
	assert_int_equal(s.interrupts_err, 0);
	assert_int_equal(s.netdev_err, 0);
	assert_int_equal(s.netdev.n, 2);
	lkm_snapshot_release(&s);
	lkm_sysroot_free(root);
}

static void parse_pair(struct lkm_snapshot *a, struct lkm_snapshot *b, char *irq_a,
		       char *irq_b, char *net_a, char *net_b)
{
	memset(a, 0, sizeof(*a));
	memset(b, 0, sizeof(*b));
	assert_int_equal(lkm_interrupts_parse(&a->interrupts, irq_a), 0);
	assert_int_equal(lkm_interrupts_parse(&b->interrupts, irq_b), 0);
	assert_int_equal(lkm_netdev_parse(&a->netdev, net_a), 0);
	assert_int_equal(lkm_netdev_parse(&b->netdev, net_b), 0);
	a->taken = 100.0;
	b->taken = 102.0;
}

#define NETHEAD                                                                          \
	"Inter-|   Receive                                                |  Transmit\n" \
	" face |bytes    packets errs drop fifo frame compressed multicast|bytes    "    \
	"packets "                                                                       \
	"errs drop fifo colls carrier compressed\n"

static void test_rates(void **state)
{
	struct lkm_snapshot a, b;
	struct lkm_rates r = { 0 };
	char *ia = test_text("           CPU0       CPU1\n"
			     "  0:        100        200   IO-APIC   2-edge      timer\n"
			     " 11:       1000          0   IO-APIC  11-fasteoi   eth0\n"
			     "ERR:          5\n");
	/* Line 11 was re-registered (counts fell), line 12 is new, lines changed order.
	 */
	char *ib = test_text("           CPU0       CPU1\n"
			     " 11:         10          0   IO-APIC  11-fasteoi   eth0\n"
			     "  0:        300        260   IO-APIC   2-edge      timer\n"
			     " 12:          8          8   IO-APIC  12-edge      i8042\n"
			     "ERR:          9\n");
	char *na = test_text(NETHEAD "  eth0: 1000 10 0 0 0 0 0 0 500 5 0 0 0 0 0 0\n");
	char *nb = test_text(NETHEAD "  eth0: 3000 30 0 0 0 0 0 0 900 9 0 0 0 0 0 0\n"
				     "  eth1: 100 1 0 0 0 0 0 0 0 0 0 0 0 0 0 0\n");

	(void)state;
	parse_pair(&a, &b, ia, ib, na, nb);
	assert_int_equal(lkm_rates_compute(&r, &a, &b), 0);
	assert_true(r.seconds == 2.0);
	/* 11: went backwards: 0, not a huge number. */
	assert_true(r.irq_total[0] == 0.0);
	/* 0: (300+260 - 300) / 2 s, and per CPU (200/2, 60/2). */
	assert_true(r.irq_total[1] == 130.0);
	assert_true(lkm_rates_irq_cpu(&r, &b.interrupts.v[1], 1, 0) == 100.0);
	assert_true(lkm_rates_irq_cpu(&r, &b.interrupts.v[1], 1, 1) == 30.0);
	assert_true(r.irq_total[2] == 0.0); /* new line: no rate yet */
	assert_true(r.irq_total[3] == 2.0); /* ERR: (9-5)/2 */
	/* Per CPU: none for a new line, none beyond a line's counts, 0 when it fell. */
	assert_true(lkm_rates_irq_cpu(&r, &b.interrupts.v[2], 2, 0) == 0.0);
	assert_true(lkm_rates_irq_cpu(&r, &b.interrupts.v[3], 3, 0) == 2.0);
	assert_true(lkm_rates_irq_cpu(&r, &b.interrupts.v[3], 3, 1) == 0.0);
	assert_true(lkm_rates_irq_cpu(&r, &b.interrupts.v[0], 0, 0) == 0.0);
	assert_true(r.net[0][LKM_RX_BYTES] == 1000.0);
	assert_true(r.net[0][LKM_TX_PACKETS] == 2.0);
	assert_true(r.net[1][LKM_RX_BYTES] == 0.0);

	lkm_rates_release(&r);
	lkm_snapshot_release(&a);
	lkm_snapshot_release(&b);
	free(ia);
	free(ib);
	free(na);
	free(nb);
}

static void test_rate_edges(void **state)
{
	(void)state;
	assert_true(lkm_rate(10, 30, 2.0) == 10.0);
	assert_true(lkm_rate(30, 10, 2.0) == 0.0);
	assert_true(lkm_rate(10, 30, 0.0) == 0.0);
	assert_true(lkm_rate(0, UINT64_MAX, 1.0) > 1e19);
}

static int remove_entry(const char *path, const struct stat *st, int flag,
			struct FTW *ftw)
{
	(void)st;
	(void)flag;
	(void)ftw;
	return remove(path);
}

/* A host larger than any fixture: 1,000 modules, 256 CPUs, 200 interfaces. */
static void test_large_host(void **state)
{
	const struct largehost_shape shape = { 1000, 256, 300, 200, 0, 0 };
	char dir[] = "/tmp/lkmtui-large.XXXXXX";
	struct lkm_sysroot *root;
	struct lkm_snapshot s = { 0 }, s2 = { 0 };
	const struct lkm_irq *irq;
	const struct lkm_module *m;
	const char *text;
	uint64_t total = 0;

	(void)state;
	assert_non_null(mkdtemp(dir));
	assert_int_equal(largehost_write(dir, &shape), 0);
	assert_int_equal(lkm_sysroot_new(dir, &root), 0);
	assert_int_equal(lkm_snapshot_take(&s, root, LKM_SRC_ALL), 0);

	assert_int_equal(s.modules.n, 1000);
	assert_int_equal(s.modules.skipped, 0);
	m = lkm_modules_find(&s.modules, "mod_0700");
	assert_non_null(m);
	assert_int_equal(m->use_count, 1);
	assert_string_equal(m->used_by, "mod_0701");
	assert_string_equal(m->taints, "OE");
	assert_int_equal(s.devices.n, 260);
	assert_int_equal(s.interrupts.n_cpus, 256);
	assert_int_equal(s.interrupts.n, 300 + 20 + 2);
	assert_int_equal(s.interrupts.skipped, 0);
	irq = lkm_interrupts_find(&s.interrupts, "299");
	assert_non_null(irq);
	assert_int_equal(irq->n_counts, 256);
	for (size_t c = 0; c < 256; c++) {
		assert_true(irq->counts[c] == largehost_count(299, c));
		total += largehost_count(299, c);
	}
	assert_true(irq->total == total);
	assert_string_equal(irq->chip, "IR-PCI-MSI");
	assert_string_equal(irq->actions, "eth3-TxRx-299");
	assert_int_equal(lkm_interrupts_find(&s.interrupts, "ERR")->n_counts, 1);
	/* The counts array is as large as the file's lines need, not a power of two
	 * (131,072 counts, 1 MiB) beyond them. */
	assert_true(s.interrupts.counts_cap <= (300 + 20 + 2 + 1) * 256);
	assert_int_equal(s.netdev.n, 200);
	assert_string_equal(s.netdev.v[199].name, "eth199");
	assert_true(s.netdev.v[199].c[LKM_TX_BYTES] == 2000000000199ULL);

	/* The next snapshot reads into the previous one's buffer: one copy of the text,
	 * and neither snapshot's lines point into it. */
	text = s.interrupts.buf.data;
	assert_int_equal(lkm_snapshot_take_after(&s2, &s, root, LKM_SRC_ALL), 0);
	assert_ptr_equal(s2.interrupts.buf.data, text);
	assert_null(s.interrupts.buf.data);
	memset(s2.interrupts.buf.data, 'x', s2.interrupts.buf.len);
	for (int k = 0; k < 2; k++) {
		const struct lkm_interrupts *irqs = k ? &s2.interrupts : &s.interrupts;

		irq = lkm_interrupts_find(irqs, "299");
		assert_non_null(irq);
		for (size_t c = 0; c < 256; c++)
			assert_true(irq->counts[c] == largehost_count(299, c));
		assert_string_equal(irq->chip, "IR-PCI-MSI");
		assert_string_equal(irq->actions, "eth3-TxRx-299");
		assert_string_equal(irqs->cpus[255], "CPU255");
		assert_int_equal(irqs->n, 300 + 20 + 2);
	}

	lkm_snapshot_release(&s2);
	lkm_snapshot_release(&s);
	lkm_sysroot_free(root);
	nftw(dir, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_take_debian61),
		cmocka_unit_test(test_no_module_support),
		cmocka_unit_test(test_rates),
		cmocka_unit_test(test_rate_edges),
		cmocka_unit_test(test_large_host),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
