// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * /proc/net/dev on real captures and malformed files. Expected counters were read from
 * the files themselves.
 */
#include "config.h"

#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "testutil.h"

#include "model/netdev.h"
#include "model/sysroot.h"

/* All 16 counters of NAME, in file order; checks that NAME sits at index I. */
static void check_if(const struct lkm_netdev *nd, size_t i, const char *name,
		     const uint64_t want[LKM_NETDEV_NCOUNTERS])
{
	const struct lkm_netif *nif = lkm_netdev_find(nd, name);

	assert_non_null(nif);
	assert_true(i < nd->n);
	assert_ptr_equal(nif, &nd->v[i]);
	assert_string_equal(nif->name, name);
	for (int c = 0; c < LKM_NETDEV_NCOUNTERS; c++)
		assert_true(nif->c[c] == want[c]);
}

#define COUNTERS(...) ((const uint64_t[LKM_NETDEV_NCOUNTERS]){ __VA_ARGS__ })
#define ZEROS	      COUNTERS(0)

TEST_PARSED(struct lkm_netdev, lkm_netdev_parse, lkm_netdev_release)

static void test_counter_keys(void **state)
{
	static const char *const want[LKM_NETDEV_NCOUNTERS] = {
		"bytes",      "packets",   "errs",    "drop",	    "fifo", "frame",
		"compressed", "multicast", "bytes",   "packets",    "errs", "drop",
		"fifo",	      "colls",	   "carrier", "compressed",
	};

	(void)state;
	for (int c = 0; c < LKM_NETDEV_NCOUNTERS; c++)
		assert_string_equal(lkm_netdev_counter_key((enum lkm_netdev_counter)c),
				    want[c]);
	assert_null(lkm_netdev_counter_key(LKM_NETDEV_NCOUNTERS));
	assert_null(lkm_netdev_counter_key((enum lkm_netdev_counter) - 1));
	assert_int_equal(LKM_TX_COLLS, 13);
	assert_int_equal(LKM_RX_MULTICAST, 7);
}

static void test_jc(void **state)
{
	struct lkm_netdev *nd = parsed(state, REALDATA, "jc/net_dev", 2, 0);

	check_if(nd, 0, "lo",
		 COUNTERS(13222, 152, 0, 0, 0, 0, 0, 0, 13222, 152, 0, 0, 0, 0, 0, 0));
	check_if(nd, 1, "ens33",
		 COUNTERS(60600053, 109378, 0, 0, 0, 0, 0, 0, 44256546, 121425, 0, 0, 0,
			  0, 0, 0));
	assert_null(lkm_netdev_find(nd, "eth0"));
	assert_null(lkm_netdev_find(nd, NULL));
}

static void check_procfs(const struct lkm_netdev *nd)
{
	assert_int_equal(nd->n, 4);
	assert_int_equal(nd->skipped, 0);
	/* "vethf345468:     648": an 11-character name with no padding before it. */
	check_if(nd, 0, "vethf345468",
		 COUNTERS(648, 8, 0, 0, 0, 0, 0, 0, 438, 5, 0, 0, 0, 0, 0, 0));
	check_if(nd, 1, "lo",
		 COUNTERS(1664039048, 1566805, 0, 0, 0, 0, 0, 0, 1664039048, 1566805, 0,
			  0, 0, 0, 0, 0));
	check_if(nd, 2, "docker0",
		 COUNTERS(2568, 38, 0, 0, 0, 0, 0, 0, 438, 5, 0, 0, 0, 0, 0, 0));
	check_if(nd, 3, "eth0",
		 COUNTERS(874354587, 1036395, 0, 0, 0, 0, 0, 0, 563352563, 732147, 0, 0,
			  0, 0, 0, 0));
}

static void test_procfs(void **state)
{
	struct lkm_netdev *nd =
		parsed(state, REALDATA, "prometheus-procfs/net_dev", -1, -1);

	check_procfs(nd);
	/* The per-namespace view, into the same struct. */
	parsed(state, REALDATA, "prometheus-procfs/net_dev-pid26231", 2, -1);
	check_if(nd, 0, "lo", ZEROS);
	check_if(nd, 1, "eth0",
		 COUNTERS(438, 5, 0, 0, 0, 0, 0, 0, 648, 8, 0, 0, 0, 0, 0, 0));
}

static void test_pcp_4_15(void **state)
{
	struct lkm_netdev *nd = parsed(state, REALDATA, "pcp/net_dev-4.15.14", 9, 0);

	check_if(nd, 0, "tun0",
		 COUNTERS(110717658, 251484, 0, 0, 0, 0, 0, 0, 120529230, 290405, 0, 46,
			  0, 0, 0, 0));
	check_if(nd, 1, "wlp3s0",
		 COUNTERS(41856796, 386179, 0, 0, 0, 0, 0, 0, 5647080, 27941, 0, 0, 0, 0,
			  0, 0));
	check_if(nd, 3, "lo",
		 COUNTERS(4493605264u, 31020507, 0, 0, 0, 0, 0, 0, 4493605264u, 31020507,
			  0, 0, 0, 0, 0, 0));
	check_if(nd, 4, "virbr0-nic", ZEROS);
	check_if(nd, 5, "virbr1-nic", ZEROS);
	check_if(nd, 7, "enp0s25",
		 COUNTERS(18690974820u, 23296412, 0, 0, 0, 0, 0, 236404, 3777745438u,
			  20458657, 0, 0, 0, 0, 0, 0));
	check_if(nd, 8, "docker0", ZEROS);
}

static void test_bigsys(void **state)
{
	struct lkm_netdev *nd =
		parsed(state, REALDATA, "pcp/net_dev-bigsys-hpbl920gen8", 49, 0);
	char name[16];

	check_if(nd, 0, "lo",
		 COUNTERS(480, 8, 0, 0, 0, 0, 0, 0, 480, 8, 0, 0, 0, 0, 0, 0));
	check_if(nd, 1, "eth0",
		 COUNTERS(14948502, 95077, 0, 0, 0, 0, 0, 45891, 0, 0, 0, 0, 0, 0, 0, 0));
	for (int i = 1; i < 48; i++) {
		snprintf(name, sizeof(name), "eth%d", i);
		check_if(nd, (size_t)i + 1, name, ZEROS);
	}
}

static void test_sysstat(void **state)
{
	struct lkm_netdev *nd = parsed(state, REALDATA, "sysstat/net_dev-root6", 9, 0);

	check_if(nd, 0, "lo",
		 COUNTERS(81228574, 95831, 0, 0, 0, 0, 0, 0, 81228574, 95831, 0, 0, 0, 0,
			  0, 0));
	check_if(nd, 1, "virbr0-nic", ZEROS);
	check_if(nd, 2, "enp6s0",
		 COUNTERS(205916976, 167307, 0, 0, 0, 0, 0, 2891, 10811120, 54567, 0, 0,
			  0, 0, 0, 0));
	/* Hand-edited rows with columns out of line. */
	check_if(nd, 3, "enp6s1",
		 COUNTERS(9169, 73, 0, 0, 0, 0, 0, 89, 8111, 45, 0, 0, 0, 0, 0, 0));
	check_if(nd, 7, "wlp5s1",
		 COUNTERS(1000, 15, 0, 0, 0, 0, 0, 0, 250, 5, 0, 0, 0, 10, 0, 0));
	check_if(nd, 8, "wlp5s2",
		 COUNTERS(2000, 15, 0, 0, 0, 0, 0, 0, 350, 5, 0, 0, 0, 10, 0, 0));
}

static void test_reuse(void **state)
{
	struct lkm_netdev nd = { 0 };
	char *big = test_load(REALDATA, "pcp/net_dev-bigsys-hpbl920gen8");
	char *a = test_load(REALDATA, "prometheus-procfs/net_dev");
	char *b = test_load(REALDATA, "prometheus-procfs/net_dev");
	const void *v;

	(void)state;
	assert_int_equal(lkm_netdev_parse(&nd, big), 0);
	assert_int_equal(nd.n, 49);
	v = nd.v;
	assert_int_equal(lkm_netdev_parse(&nd, a), 0);
	check_procfs(&nd);
	assert_int_equal(lkm_netdev_parse(&nd, b), 0);
	check_procfs(&nd);
	assert_ptr_equal(nd.v, v);
	lkm_netdev_release(&nd);
	lkm_netdev_release(&nd);
	free(big);
	free(a);
	free(b);
}

static void test_read_under_root(void **state)
{
	struct test_root t;
	struct lkm_netdev nd = { 0 };
	struct lkm_sysroot *root;
	char *text = test_load(REALDATA, "prometheus-procfs/net_dev");

	(void)state;
	test_root_make(&t, "proc/net/dev");
	assert_int_equal(lkm_sysroot_new(t.dir, &root), 0);
	assert_int_equal(lkm_netdev_read(&nd, root), -ENOENT);
	test_root_write(&t, text);
	assert_int_equal(lkm_netdev_read(&nd, root), 0);
	check_procfs(&nd);
	assert_int_equal(lkm_netdev_read(&nd, root), 0);
	check_procfs(&nd);

	lkm_netdev_release(&nd);
	lkm_sysroot_free(root);
	test_root_remove(&t);
	free(text);
}

static void test_not_netdev(void **state)
{
	static const char *const files[] = {
		"malformed/netdev-empty",
		"malformed/netdev-noheader",
	};

	(void)state;
	for (size_t i = 0; i < sizeof(files) / sizeof(files[0]); i++) {
		struct lkm_netdev nd = { 0 };
		char *text = test_load(FIXTURES, files[i]);

		assert_int_equal(lkm_netdev_parse(&nd, text), -EINVAL);
		assert_int_equal(nd.n, 0);
		lkm_netdev_release(&nd);
		free(text);
	}
	{
		struct lkm_netdev nd = { 0 };

		assert_int_equal(lkm_netdev_parse(&nd, NULL), -EINVAL);
		lkm_netdev_release(&nd);
	}
}

static void test_header_only(void **state)
{
	parsed(state, FIXTURES, "malformed/netdev-headeronly", 0, 0);
}

static void test_huge(void **state)
{
	/* 2^64, a 26-digit number, "-1" and "0x10" are skipped; UINT64_MAX fits. */
	struct lkm_netdev *nd = parsed(state, FIXTURES, "malformed/netdev-huge", 2, 4);

	check_if(nd, 0, "lo",
		 COUNTERS(UINT64_MAX, 1, 0, 0, 0, 0, 0, 0, UINT64_MAX, 1, 0, 0, 0, 0, 0,
			  0));
	check_if(nd, 1, "eth0",
		 COUNTERS(12345678901234567890u, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13,
			  14, 15, 16));
	assert_null(lkm_netdev_find(nd, "big0"));
	assert_null(lkm_netdev_find(nd, "big1"));
}

static void test_garbage(void **state)
{
	/*
	 * Skipped: no colon, a name with a blank, an empty name, 17 numbers, 10 numbers,
	 * "16x", and the truncated last line. The blank line is not counted.
	 */
	struct lkm_netdev *nd = parsed(state, FIXTURES, "malformed/netdev-garbage", 4, 7);

	check_if(nd, 0, "lo",
		 COUNTERS(13222, 152, 0, 0, 0, 0, 0, 0, 13222, 152, 0, 0, 0, 0, 0, 0));
	check_if(nd, 1, "vlan.10",
		 COUNTERS(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16));
	check_if(nd, 2, "br-1a2b3c4d5e6f",
		 COUNTERS(100, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 160));
	/* Non-UTF-8 bytes in a name are kept as they are; the CR is cut. */
	check_if(nd, 3, "caf\xc3\xa9\xff",
		 COUNTERS(1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2, 2));
	assert_null(lkm_netdev_find(nd, "trunc0"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_counter_keys),
		cmocka_unit_test_setup_teardown(test_jc, parsed_setup, parsed_teardown),
		cmocka_unit_test_setup_teardown(test_procfs, parsed_setup,
						parsed_teardown),
		cmocka_unit_test_setup_teardown(test_pcp_4_15, parsed_setup,
						parsed_teardown),
		cmocka_unit_test_setup_teardown(test_bigsys, parsed_setup,
						parsed_teardown),
		cmocka_unit_test_setup_teardown(test_sysstat, parsed_setup,
						parsed_teardown),
		cmocka_unit_test(test_reuse),
		cmocka_unit_test(test_read_under_root),
		cmocka_unit_test(test_not_netdev),
		cmocka_unit_test_setup_teardown(test_header_only, parsed_setup,
						parsed_teardown),
		cmocka_unit_test_setup_teardown(test_huge, parsed_setup, parsed_teardown),
		cmocka_unit_test_setup_teardown(test_garbage, parsed_setup,
						parsed_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
