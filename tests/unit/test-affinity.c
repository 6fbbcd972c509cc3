// SPDX-License-Identifier: GPL-2.0-or-later
/* Interrupt affinity: CPU lists, and the checks and diagnoses around the one write, with
 * a recording fake of the kernel boundary on the irq2cpu fixture (2 CPUs online). */
#include "config.h"

#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "core/affinity.h"
#include "model/cpuset.h"
#include "model/irqaffinity.h"
#include "shared/strbuf.h"

/* What the fake was asked, and what it answers. */
static struct {
	char calls[512];
	int answer;
} fake;

static int fake_write_irq_affinity(void *ctx, unsigned irq, const char *cpus)
{
	size_t len = strlen(fake.calls);
	struct lkm_strbuf sb;

	assert_ptr_equal(ctx, &fake);
	lkm_strbuf_init(&sb, fake.calls + len, sizeof(fake.calls) - len);
	assert_true(lkm_strbuf_addf(&sb, "write %u %s;", irq, cpus));
	return fake.answer;
}

static const struct lkm_ops fake_ops = {
	.write_irq_affinity = fake_write_irq_affinity,
	.ctx = &fake,
};

static void test_cpuset(void **state)
{
	static const struct {
		const char *in;
		int err;
		const char *out;
	} cases[] = {
		{ "0-3,8,10-11\n", 0, "0-3,8,10-11" },
		{ "3,1,2,0", 0, "0-3" },
		{ " 5 ", 0, "5" },
		{ "", 0, "" },
		{ "1-", -EINVAL, "" },
		{ "3-1", -EINVAL, "" },
		{ "1,,2", -EINVAL, "" },
		{ "1,", -EINVAL, "" },
		{ "a", -EINVAL, "" },
		{ "0x3", -EINVAL, "" },
		{ "8191", 0, "8191" },
		{ "8192", -ERANGE, "" },
	};
	struct lkm_cpuset s, online;
	char buf[64];

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		int err = lkm_cpuset_parse(&s, cases[i].in);

		assert_int_equal(err, cases[i].err);
		if (err == 0) {
			lkm_cpuset_format(&s, buf, sizeof(buf));
			assert_string_equal(buf, cases[i].out);
		}
	}
	assert_int_equal(lkm_cpuset_parse(&s, "0-2,7"), 0);
	assert_int_equal(lkm_cpuset_count(&s), 4);
	assert_int_equal(lkm_cpuset_parse(&online, "0-3"), 0);
	assert_int_equal(lkm_cpuset_first_missing(&s, &online), 7);
	assert_int_equal(lkm_cpuset_first_missing(&online, &online), -1);
	/* Cut to the buffer, never overrun. */
	lkm_cpuset_format(&s, buf, 4);
	assert_string_equal(buf, "0-2");
}

static void test_read(void **state)
{
	struct lkm_sysroot *root;
	struct lkm_irq_affinity a;
	struct lkm_cpuset online;
	unsigned irq;

	(void)state;
	assert_int_equal(lkm_sysroot_new(FIXTURES "/irq2cpu", &root), 0);
	assert_int_equal(lkm_irq_affinity_read(root, 25, &a), 0);
	assert_string_equal(a.affinity, "1");
	assert_string_equal(a.effective, "1");
	/* A chip without an effective list. */
	assert_int_equal(lkm_irq_affinity_read(root, 9, &a), 0);
	assert_string_equal(a.affinity, "0-1");
	assert_int_equal(a.effective_err, -ENOENT);
	assert_string_equal(a.effective, "");
	assert_int_equal(lkm_irq_affinity_read(root, 99, &a), -ENOENT);
	assert_int_equal(lkm_cpus_online(root, &online), 0);
	assert_int_equal(lkm_cpuset_count(&online), 2);
	assert_true(lkm_irq_number("11", &irq));
	assert_int_equal(irq, 11);
	assert_false(lkm_irq_number("LOC", &irq));
	assert_false(lkm_irq_number("1a", &irq));
	assert_false(lkm_irq_number("", &irq));
	lkm_sysroot_free(root);
}

/* Sets IRQ to CPUS with the fake answering ANSWER; returns the kind's id, "" when done.
 */
static const char *set(struct lkm_sysroot *root, unsigned irq, const char *cpus,
		       int answer, int want_err, struct lkm_affinity_change *ch)
{
	static char kind[64];
	struct lkm_diagnosis d = { 0 };
	int err;

	fake.answer = answer;
	err = lkm_affinity_set(&fake_ops, root, irq, cpus, ch, &d);
	assert_int_equal(err, want_err);
	snprintf(kind, sizeof(kind), "%s", err ? lkm_diag_id(d.kind) : "");
	if (err) {
		assert_int_equal(d.err, want_err);
		assert_non_null(d.title);
		assert_true(d.n_evidence > 0);
	}
	lkm_diagnosis_release(&d);
	return kind;
}

static void test_set(void **state)
{
	struct lkm_sysroot *root;
	struct lkm_affinity_change ch;
	struct lkm_diagnosis d = { 0 };

	(void)state;
	assert_int_equal(lkm_sysroot_new(FIXTURES "/irq2cpu", &root), 0);
	fake.calls[0] = '\0';
	/* Done: the list is written as the kernel writes lists. */
	assert_string_equal(set(root, 11, "1,0", 0, 0, &ch), "");
	assert_string_equal(ch.cpus, "0-1");
	assert_string_equal(ch.before, "0-1");
	/* Refused before the kernel is asked. */
	assert_string_equal(set(root, 11, "2", 0, -EINVAL, &ch), "cpus-offline");
	assert_string_equal(set(root, 11, "x", 0, -EINVAL, &ch), "invalid-cpu-list");
	assert_string_equal(set(root, 11, "", 0, -EINVAL, &ch), "invalid-cpu-list");
	assert_string_equal(set(root, 99, "0", 0, -ENOENT, &ch), "no-such-irq");
	assert_string_equal(fake.calls, "write 11 0-1;");
	/* The kernel's refusals, each explained. */
	fake.calls[0] = '\0';
	assert_string_equal(set(root, 24, "1", -EIO, -EIO, &ch), "irq-managed");
	/* EPERM is "not root" for a user, and for root the kernel's refusal to move the
	 * line (6.12 answers so where 6.1 answers EIO). */
	assert_string_equal(set(root, 11, "1", -EACCES, -EACCES, &ch),
			    geteuid() == 0 ? "irq-managed" : "permission-denied");
	assert_string_equal(set(root, 11, "1", -EPERM, -EPERM, &ch),
			    geteuid() == 0 ? "irq-managed" : "permission-denied");
	assert_string_equal(set(root, 11, "1", -ENOSPC, -ENOSPC, &ch),
			    "affinity-refused");
	assert_string_equal(fake.calls, "write 24 1;write 11 1;write 11 1;write 11 1;");
	/* No ops (a root only looked at): refused, nothing written. */
	fake.calls[0] = '\0';
	assert_int_equal(lkm_affinity_set(NULL, root, 11, "1", &ch, &d), -EROFS);
	assert_string_equal(lkm_diag_id(d.kind), "offline-root");
	lkm_diagnosis_release(&d);
	assert_string_equal(fake.calls, "");
	/* The fixture has no irqbalance process. */
	assert_false(lkm_irqbalance_running(root));
	lkm_sysroot_free(root);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cpuset),
		cmocka_unit_test(test_read),
		cmocka_unit_test(test_set),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
