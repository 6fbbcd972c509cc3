// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * /proc/interrupts on real captures (1 to 1,152 CPUs, x86 old and new formats, arm64,
 * s390x) and on malformed files. Expected values were read from the files themselves.
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

#include "model/interrupts.h"
#include "model/sysroot.h"
#include "shared/strbuf.h"

static void check_str(const char *got, const char *want)
{
	if (want == NULL) {
		assert_null(got);
		return;
	}
	assert_non_null(got);
	assert_string_equal(got, want);
}

/* The actions joined with '|', for comparing in one go. */
static void check_actions(const struct lkm_irq *irq, const char *want)
{
	char buf[1024];
	struct lkm_strbuf sb;
	size_t n = 0;

	lkm_strbuf_init(&sb, buf, sizeof(buf));
	for (const char *a = lkm_irq_next_action(irq, NULL); a;
	     a = lkm_irq_next_action(irq, a)) {
		if (n++)
			lkm_strbuf_add(&sb, "|");
		lkm_strbuf_add(&sb, a);
	}
	assert_false(sb.truncated);
	assert_int_equal(n, irq->n_actions);
	assert_string_equal(buf, want);
}

static const struct lkm_irq *check_irq(const struct lkm_interrupts *irqs,
				       const char *label, size_t n_counts, uint64_t total,
				       const char *chip, const char *hwirq,
				       const char *trigger, const char *actions,
				       const char *description)
{
	const struct lkm_irq *irq = lkm_interrupts_find(irqs, label);

	assert_non_null(irq);
	assert_string_equal(irq->label, label);
	assert_int_equal(irq->n_counts, n_counts);
	assert_true(irq->total == total);
	check_str(irq->chip, chip);
	check_str(irq->hwirq, hwirq);
	check_str(irq->trigger, trigger);
	check_actions(irq, actions);
	check_str(irq->description, description);
	return irq;
}

static void check_counts(const struct lkm_irq *irq, const uint64_t *want, size_t n)
{
	assert_int_equal(irq->n_counts, n);
	for (size_t i = 0; i < n; i++)
		assert_true(irq->counts[i] == want[i]);
}

static void test_jc_2cpu(void **state)
{
	struct lkm_interrupts irqs = { 0 };
	char *text = test_load(REALDATA, "jc/interrupts");
	const struct lkm_irq *irq;

	(void)state;
	assert_int_equal(lkm_interrupts_parse(&irqs, text), 0);
	assert_int_equal(irqs.n_cpus, 2);
	assert_string_equal(irqs.cpus[0], "CPU0");
	assert_string_equal(irqs.cpus[1], "CPU1");
	assert_int_equal(irqs.n, 65);
	assert_int_equal(irqs.skipped, 0);
	assert_string_equal(irqs.v[0].label, "0");
	assert_string_equal(irqs.v[irqs.n - 1].label, "PIW");

	irq = check_irq(&irqs, "0", 2, 18, "IO-APIC", "2", "edge", "timer",
			"IO-APIC    2-edge      timer");
	assert_true(irq->is_numbered);
	check_counts(irq, (const uint64_t[]){ 18, 0 }, 2);
	check_irq(&irqs, "16", 2, 3545, "IO-APIC", "16", "fasteoi", "vmwgfx|snd_ens1371",
		  "IO-APIC   16-fasteoi   vmwgfx, snd_ens1371");
	check_irq(&irqs, "24", 2, 0, "PCI-MSI", "344064", "edge", "PCIe PME|pciehp",
		  "PCI-MSI 344064-edge      PCIe PME, pciehp");
	irq = check_irq(&irqs, "56", 2, 7937, "PCI-MSI", "1130496", "edge",
			"ahci[0000:02:05.0]",
			"PCI-MSI 1130496-edge      ahci[0000:02:05.0]");
	check_counts(irq, (const uint64_t[]){ 0, 7937 }, 2);
	/* " NMI:" is indented by the 4-wide IRQ column. */
	irq = check_irq(&irqs, "NMI", 2, 0, NULL, NULL, NULL, "",
			"Non-maskable interrupts");
	assert_false(irq->is_numbered);
	irq = check_irq(&irqs, "LOC", 2, 1363578, NULL, NULL, NULL, "",
			"Local timer interrupts");
	check_counts(irq, (const uint64_t[]){ 366351, 997227 }, 2);
	check_irq(&irqs, "ERR", 1, 0, NULL, NULL, NULL, "", "");
	check_irq(&irqs, "MIS", 1, 0, NULL, NULL, NULL, "", "");
	check_irq(&irqs, "PIW", 2, 0, NULL, NULL, NULL, "",
		  "Posted-interrupt wakeup event");
	assert_null(lkm_interrupts_find(&irqs, "99"));
	assert_null(lkm_interrupts_find(&irqs, NULL));

	lkm_interrupts_release(&irqs);
	free(text);
}

static void test_old_fused_format(void **state)
{
	struct lkm_interrupts irqs = { 0 };
	char *text = test_load(REALDATA, "node_exporter/interrupts");
	const struct lkm_irq *irq;

	(void)state;
	assert_int_equal(lkm_interrupts_parse(&irqs, text), 0);
	assert_int_equal(irqs.n_cpus, 4);
	assert_string_equal(irqs.cpus[3], "CPU3");
	assert_int_equal(irqs.n, 30);
	assert_int_equal(irqs.skipped, 0);
	check_irq(&irqs, "0", 4, 18, "IR-IO-APIC", NULL, "edge", "timer",
		  "IR-IO-APIC-edge      timer");
	irq = check_irq(&irqs, "16", 4, 1296584, "IR-IO-APIC", NULL, "fasteoi",
			"ehci_hcd:usb1|mmc0", "IR-IO-APIC-fasteoi   ehci_hcd:usb1, mmc0");
	check_counts(irq, (const uint64_t[]){ 328511, 322879, 293782, 351412 }, 4);
	check_irq(&irqs, "40", 4, 0, "DMAR_MSI", NULL, "edge", "dmar0",
		  "DMAR_MSI-edge      dmar0");
	irq = check_irq(&irqs, "LOC", 4, 609476365, NULL, NULL, NULL, "",
			"Local timer interrupts");
	check_counts(irq,
		     (const uint64_t[]){ 174326351, 135776678, 168393257, 130980079 }, 4);
	check_irq(&irqs, "MIS", 1, 0, NULL, NULL, NULL, "", "");

	lkm_interrupts_release(&irqs);
	free(text);
}

static void test_aarch64(void **state)
{
	struct lkm_interrupts irqs = { 0 };
	char *text = test_load(REALDATA, "node_exporter/interrupts_aarch64");
	const struct lkm_irq *irq;

	(void)state;
	assert_int_equal(lkm_interrupts_parse(&irqs, text), 0);
	assert_int_equal(irqs.n_cpus, 8);
	assert_string_equal(irqs.cpus[7], "CPU7");
	/* 59 labelled lines; the whitespace-only last line is neither a row nor an error.
	 */
	assert_int_equal(irqs.n, 59);
	assert_int_equal(irqs.skipped, 0);
	irq = check_irq(&irqs, "10", 8, 26767542953ull, "GICv3", "27", "Level",
			"arch_timer", "GICv3  27 Level     arch_timer");
	check_counts(irq,
		     (const uint64_t[]){ 3287008667u, 3310445093u, 3301386305u,
					 3273132897u, 3368262064u, 3641875466u,
					 3360412019u, 3225020442u },
		     8);
	check_irq(&irqs, "50", 8, 0, "ARMH0061:00", "3", "Edge", "ACPI:Event",
		  "ARMH0061:00   3 Edge      ACPI:Event");
	check_irq(&irqs, "52", 8, 34, "ITS-MSI", "507904", "Edge", "nvme1q0",
		  "ITS-MSI 507904 Edge      nvme1q0");
	check_irq(&irqs, "61", 8, 2052879860u, "ITS-MSI", "81924", "Edge", "eth0-Tx-Rx-3",
		  "ITS-MSI 81924 Edge      eth0-Tx-Rx-3");
	/* "IPI0:2768808080": no blank after the colon. */
	irq = check_irq(&irqs, "IPI0", 8, 22166462124ull, NULL, NULL, NULL, "",
			"Rescheduling interrupts");
	check_counts(irq,
		     (const uint64_t[]){ 2768808080u, 2844211768u, 2878602432u,
					 2730576120u, 2723524623u, 3349096412u,
					 2717389879u, 2154252810u },
		     8);
	check_irq(&irqs, "IPI1", 8, 1349036461, NULL, NULL, NULL, "",
		  "Function call interrupts");
	check_irq(&irqs, "IPI3", 8, 0, NULL, NULL, NULL, "",
		  "CPU stop (for crash dump) interrupts");
	check_irq(&irqs, "Err", 1, 0, NULL, NULL, NULL, "", "");
	assert_string_equal(irqs.v[irqs.n - 1].label, "Err");

	lkm_interrupts_release(&irqs);
	free(text);
}

static void test_blank_line_in_middle(void **state)
{
	struct lkm_interrupts irqs = { 0 };
	char *text = test_load(REALDATA, "prometheus-procfs/interrupts");
	const struct lkm_irq *irq;

	(void)state;
	assert_int_equal(lkm_interrupts_parse(&irqs, text), 0);
	assert_int_equal(irqs.n_cpus, 4);
	assert_int_equal(irqs.n, 47);
	assert_int_equal(irqs.skipped, 0);
	irq = check_irq(&irqs, "29", 4, 2296, "PCI-MSI", "512000", "edge",
			"ahci[0000:00:1f.2]",
			"PCI-MSI 512000-edge      ahci[0000:00:1f.2]");
	check_counts(irq, (const uint64_t[]){ 1362, 0, 0, 934 }, 4);
	check_irq(&irqs, "22", 4, 5, "IO-APIC", "22", "fasteoi", "virtio1",
		  "IO-APIC  22-fasteoi   virtio1");
	check_irq(&irqs, "RES", 4, 42717, NULL, NULL, NULL, "",
		  "Rescheduling interrupts");
	check_irq(&irqs, "MIS", 1, 0, NULL, NULL, NULL, "", "");
	/* After the blank line. */
	check_irq(&irqs, "PIN", 4, 0, NULL, NULL, NULL, "",
		  "Posted-interrupt notification event");
	check_irq(&irqs, "PIW", 4, 0, NULL, NULL, NULL, "",
		  "Posted-interrupt wakeup event");

	lkm_interrupts_release(&irqs);
	free(text);
}

static void test_s390x_16cpu(void **state)
{
	struct lkm_interrupts irqs = { 0 };
	char *text = test_load(REALDATA, "pcp/interrupts-16cpu-s390x");
	const struct lkm_irq *irq;

	(void)state;
	assert_int_equal(lkm_interrupts_parse(&irqs, text), 0);
	assert_int_equal(irqs.n_cpus, 16); /* the header has trailing blanks */
	assert_string_equal(irqs.cpus[15], "CPU15");
	assert_int_equal(irqs.n, 58);
	assert_int_equal(irqs.skipped, 0);
	/* Summary rows: counts, no description at all. */
	irq = check_irq(&irqs, "EXT", 16, 270330, NULL, NULL, NULL, "", "");
	assert_false(irq->is_numbered);
	assert_true(irq->counts[0] == 30368 && irq->counts[15] == 6909);
	check_irq(&irqs, "I/O", 16, 10273, NULL, NULL, NULL, "", "");
	check_irq(&irqs, "AIO", 16, 1152, NULL, NULL, NULL, "", "");
	/* Numbered rows: a chip and an action, no hwirq, no trigger. */
	irq = check_irq(&irqs, "3", 16, 406, "PCI-MSI", NULL, NULL,
			"mlx5_async@pci:0002:00:00.0",
			"PCI-MSI  mlx5_async@pci:0002:00:00.0");
	check_counts(irq,
		     (const uint64_t[]){ 6, 4, 43, 44, 13, 22, 37, 26, 64, 55, 11, 29, 20,
					 15, 10, 7 },
		     16);
	check_irq(&irqs, "23", 16, 0, "PCI-MSI", NULL, NULL, "0000:00:00.0",
		  "PCI-MSI  0000:00:00.0");
	/* Mnemonic rows keep "[EXT] ..." as their description only. */
	check_irq(&irqs, "TMR", 16, 0, NULL, NULL, NULL, "", "[EXT] CPU Timer");
	check_irq(&irqs, "CLK", 16, 76059, NULL, NULL, NULL, "",
		  "[EXT] Clock Comparator");
	check_irq(&irqs, "RST", 16, 15, NULL, NULL, NULL, "", "[CPU] CPU Restart");

	lkm_interrupts_release(&irqs);
	free(text);
}

static void test_s390x_2cpu(void **state)
{
	struct lkm_interrupts irqs = { 0 };
	char *text = test_load(REALDATA, "pcp/interrupts-2cpu-s390x");
	const struct lkm_irq *irq;

	(void)state;
	assert_int_equal(lkm_interrupts_parse(&irqs, text), 0);
	assert_int_equal(irqs.n_cpus, 2);
	assert_int_equal(irqs.n, 2);
	irq = check_irq(&irqs, "EXT", 2, 88925, NULL, NULL, NULL, "", "");
	check_counts(irq, (const uint64_t[]){ 31903, 57022 }, 2);
	irq = check_irq(&irqs, "I/O", 2, 40446, NULL, NULL, NULL, "", "");
	check_counts(irq, (const uint64_t[]){ 6989, 33457 }, 2);

	lkm_interrupts_release(&irqs);
	free(text);
}

static void test_i686_1cpu(void **state)
{
	struct lkm_interrupts irqs = { 0 };
	char *text = test_load(REALDATA, "pcp/interrupts-1cpu-i686");

	(void)state;
	assert_int_equal(lkm_interrupts_parse(&irqs, text), 0);
	assert_int_equal(irqs.n_cpus, 1);
	assert_string_equal(irqs.cpus[0], "CPU0");
	assert_int_equal(irqs.n, 33);
	assert_int_equal(irqs.skipped, 0);
	check_irq(&irqs, "11", 1, 307009, "IO-APIC", "11", "fasteoi",
		  "uhci_hcd:usb1|ens3", "IO-APIC  11-fasteoi   uhci_hcd:usb1, ens3");
	check_irq(&irqs, "10", 1, 130, "IO-APIC", "10", "fasteoi", "virtio0|qxl",
		  "IO-APIC  10-fasteoi   virtio0, qxl");
	check_irq(&irqs, "LOC", 1, 6651207, NULL, NULL, NULL, "",
		  "Local timer interrupts");
	check_irq(&irqs, "HRE", 1, 0, NULL, NULL, NULL, "",
		  "Hyper-V reenlightenment interrupts");

	lkm_interrupts_release(&irqs);
	free(text);
}

static void test_x86_8cpu(void **state)
{
	struct lkm_interrupts irqs = { 0 };
	char *text = test_load(REALDATA, "pcp/interrupts-8cpu-x86_64");
	const struct lkm_irq *irq;

	(void)state;
	assert_int_equal(lkm_interrupts_parse(&irqs, text), 0);
	assert_int_equal(irqs.n_cpus, 8);
	assert_int_equal(irqs.n, 38);
	assert_int_equal(irqs.skipped, 0);
	irq = check_irq(&irqs, "27", 8, 1616143, "IR-PCI-MSI", "512000", "edge",
			"0000:00:1f.2", "IR-PCI-MSI 512000-edge      0000:00:1f.2");
	check_counts(irq,
		     (const uint64_t[]){ 836947, 368771, 86379, 84935, 71356, 61231,
					 59367, 47157 },
		     8);
	check_irq(&irqs, "24", 8, 0, "DMAR-MSI", "0", "edge", "dmar0",
		  "DMAR-MSI   0-edge      dmar0");
	check_irq(&irqs, "16", 8, 31, "IR-IO-APIC", "16", "fasteoi", "ehci_hcd:usb3|mmc0",
		  "IR-IO-APIC  16-fasteoi   ehci_hcd:usb3, mmc0");
	check_irq(&irqs, "LOC", 8, 95861098, NULL, NULL, NULL, "",
		  "Local timer interrupts");

	lkm_interrupts_release(&irqs);
	free(text);
}

static void check_1152(const struct lkm_interrupts *irqs)
{
	const struct lkm_irq *irq;

	assert_int_equal(irqs->n_cpus, 1152);
	assert_string_equal(irqs->cpus[0], "CPU0");
	assert_string_equal(irqs->cpus[1151], "CPU1151");
	assert_int_equal(irqs->n, 1056);
	assert_int_equal(irqs->skipped, 0);
	irq = check_irq(irqs, "LOC", 1152, 509807994, NULL, NULL, NULL, "",
			"Local timer interrupts");
	assert_true(irq->counts[0] == 6342723);
	assert_true(irq->counts[1] == 1367320);
	assert_true(irq->counts[577] == 501467);
	assert_true(irq->counts[1151] == 425311);
	irq = check_irq(irqs, "CAL", 1152, 937811470, NULL, NULL, NULL, "",
			"Function call interrupts");
	assert_true(irq->counts[0] == 810959 && irq->counts[1151] == 813447);
	irq = check_irq(irqs, "0", 1152, 844, "IR-IO-APIC", "2", "edge", "timer",
			"IR-IO-APIC     2-edge      timer");
	assert_true(irq->counts[0] == 844 && irq->counts[1] == 0);
	check_irq(irqs, "1160", 1152, 0, "IR-PCI-MSI", "102242399", "edge",
		  "i40e-0000:c3:00.3:fdir-TxRx-0",
		  "IR-PCI-MSI 102242399-edge      i40e-0000:c3:00.3:fdir-TxRx-0");
	check_irq(irqs, "ERR", 1, 0, NULL, NULL, NULL, "", "");
}

static void test_1152cpu(void **state)
{
	struct lkm_interrupts irqs = { 0 };
	char *text = test_load(REALDATA, "pcp/interrupts-1152cpu-x86_64");

	(void)state;
	assert_int_equal(lkm_interrupts_parse(&irqs, text), 0);
	check_1152(&irqs);
	lkm_interrupts_release(&irqs);
	free(text);
}

/* One struct across parses: small, huge, small again, and the same text twice. */
static void test_reuse(void **state)
{
	struct lkm_interrupts irqs = { 0 };
	char *small = test_load(REALDATA, "jc/interrupts");
	char *small2 = test_load(REALDATA, "jc/interrupts");
	char *big = test_load(REALDATA, "pcp/interrupts-1152cpu-x86_64");
	const void *v, *counts, *arena;
	size_t len;

	(void)state;
	assert_int_equal(lkm_interrupts_parse(&irqs, small), 0);
	assert_int_equal(irqs.n, 65);
	assert_int_equal(lkm_interrupts_parse(&irqs, big), 0);
	check_1152(&irqs);
	free(small);
	small = test_load(REALDATA, "jc/interrupts");
	assert_int_equal(lkm_interrupts_parse(&irqs, small), 0);
	assert_int_equal(irqs.n_cpus, 2);
	assert_int_equal(irqs.n, 65);
	check_irq(&irqs, "LOC", 2, 1363578, NULL, NULL, NULL, "",
		  "Local timer interrupts");
	check_irq(&irqs, "16", 2, 3545, "IO-APIC", "16", "fasteoi", "vmwgfx|snd_ens1371",
		  "IO-APIC   16-fasteoi   vmwgfx, snd_ens1371");
	/* A steady refresh allocates nothing: the arrays stay where they are. */
	len = strlen(small2);
	v = irqs.v;
	counts = irqs.counts;
	arena = irqs.arena;
	assert_int_equal(lkm_interrupts_parse(&irqs, small2), 0);
	assert_ptr_equal(irqs.v, v);
	assert_ptr_equal(irqs.counts, counts);
	assert_ptr_equal(irqs.arena, arena);
	check_irq(&irqs, "16", 2, 3545, "IO-APIC", "16", "fasteoi", "vmwgfx|snd_ens1371",
		  "IO-APIC   16-fasteoi   vmwgfx, snd_ens1371");
	/* Nothing points into the text: its buffer may be reused once it is parsed. */
	memset(small2, 'x', len);
	check_irq(&irqs, "16", 2, 3545, "IO-APIC", "16", "fasteoi", "vmwgfx|snd_ens1371",
		  "IO-APIC   16-fasteoi   vmwgfx, snd_ens1371");
	check_irq(&irqs, "LOC", 2, 1363578, NULL, NULL, NULL, "",
		  "Local timer interrupts");
	assert_string_equal(irqs.cpus[0], "CPU0");
	assert_string_equal(irqs.cpus[1], "CPU1");
	/* A failed parse leaves an empty, still reusable, struct. */
	assert_int_equal(lkm_interrupts_parse(&irqs, (char[]){ "" }), -EINVAL);
	assert_int_equal(irqs.n, 0);
	assert_int_equal(irqs.n_cpus, 0);

	lkm_interrupts_release(&irqs);
	lkm_interrupts_release(&irqs); /* released twice: harmless */
	free(small);
	free(small2);
	free(big);
}

static void test_read_under_root(void **state)
{
	struct test_root t;
	struct lkm_interrupts irqs = { 0 };
	struct lkm_sysroot *root;
	char *text = test_load(REALDATA, "prometheus-procfs/interrupts");

	(void)state;
	test_root_make(&t, "proc/interrupts");
	assert_int_equal(lkm_sysroot_new(t.dir, &root), 0);
	assert_int_equal(lkm_interrupts_read(&irqs, root), -ENOENT);
	assert_int_equal(irqs.n, 0);
	test_root_write(&t, text);
	assert_int_equal(lkm_interrupts_read(&irqs, root), 0);
	assert_int_equal(irqs.n, 47);
	check_irq(&irqs, "LOC", 4, 34396, NULL, NULL, NULL, "", "Local timer interrupts");
	assert_int_equal(lkm_interrupts_read(&irqs, root), 0);
	assert_int_equal(irqs.n, 47);

	lkm_interrupts_release(&irqs);
	lkm_sysroot_free(root);
	test_root_remove(&t);
	free(text);
}

static void test_no_header(void **state)
{
	static const char *const files[] = {
		"malformed/interrupts-empty",
		"malformed/interrupts-blank",
		"malformed/interrupts-noheader",
	};

	(void)state;
	for (size_t i = 0; i < sizeof(files) / sizeof(files[0]); i++) {
		struct lkm_interrupts irqs = { 0 };
		char *text = test_load(FIXTURES, files[i]);

		assert_int_equal(lkm_interrupts_parse(&irqs, text), -EINVAL);
		assert_int_equal(irqs.n, 0);
		assert_int_equal(irqs.n_cpus, 0);
		lkm_interrupts_release(&irqs);
		free(text);
	}
	{
		struct lkm_interrupts irqs = { 0 };

		assert_int_equal(lkm_interrupts_parse(&irqs, NULL), -EINVAL);
		lkm_interrupts_release(&irqs);
	}
}

static void test_huge_numbers(void **state)
{
	struct lkm_interrupts irqs = { 0 };
	char *text = test_load(FIXTURES, "malformed/interrupts-huge");
	const struct lkm_irq *irq;

	(void)state;
	assert_int_equal(lkm_interrupts_parse(&irqs, text), 0);
	assert_int_equal(irqs.n_cpus, 2);
	/* "1:" and "2:" have a count over 64 bits: dropped, not wrapped. */
	assert_int_equal(irqs.n, 3);
	assert_int_equal(irqs.skipped, 2);
	assert_null(lkm_interrupts_find(&irqs, "1"));
	assert_null(lkm_interrupts_find(&irqs, "2"));
	/* Two UINT64_MAX counts: the total saturates. */
	irq = check_irq(&irqs, "0", 2, UINT64_MAX, "IO-APIC", "2", "edge", "timer",
			"IO-APIC   2-edge      timer");
	check_counts(irq, (const uint64_t[]){ UINT64_MAX, UINT64_MAX }, 2);
	check_irq(&irqs, "LOC", 2, UINT64_MAX, NULL, NULL, NULL, "",
		  "Local timer interrupts");
	/* A long number glued to "-edge" is description, not a count. */
	irq = lkm_interrupts_find(&irqs, "3");
	assert_non_null(irq);
	assert_int_equal(irq->n_counts, 1);
	assert_string_equal(irq->description, "123456789012345678901-edge   foo");

	lkm_interrupts_release(&irqs);
	free(text);
}

static void test_ragged_and_odd(void **state)
{
	struct lkm_interrupts irqs = { 0 };
	char *text = test_load(FIXTURES, "malformed/interrupts-ragged");
	const struct lkm_irq *irq;

	(void)state;
	assert_int_equal(lkm_interrupts_parse(&irqs, text), 0);
	assert_int_equal(irqs.n_cpus, 4);
	assert_string_equal(irqs.cpus[3], "CPU3");
	/* No colon, a blank inside the label, an empty label: three skipped rows. */
	assert_int_equal(irqs.skipped, 3);
	assert_int_equal(irqs.n, 15);
	irq = check_irq(&irqs, "0", 2, 18, "IO-APIC", "2", "edge", "timer",
			"IO-APIC   2-edge      timer");
	check_counts(irq, (const uint64_t[]){ 18, 0 }, 2);
	check_irq(&irqs, "1", 1, 5, NULL, NULL, NULL, "", "");
	check_irq(&irqs, "IPI0", 4, 5613019851ull, NULL, NULL, NULL, "",
		  "Rescheduling interrupts");
	/* A fifth number on a 4-CPU file is not a count: it starts the description. */
	check_irq(&irqs, "9", 4, 10, "5", NULL, NULL, "XT-PIC  cascade",
		  "5   XT-PIC  cascade");
	check_irq(&irqs, "10", 2, 3, "XT-PIC", NULL, NULL, "timer", "XT-PIC  timer");
	check_irq(&irqs, "11", 4, 10, "xen-dyn", NULL, "event", "xenbus",
		  "xen-dyn      -event     xenbus");
	/* Non-UTF-8 action names are kept as bytes; empty actions are dropped; CR is cut.
	 */
	check_irq(&irqs, "12", 4, 10, "IO-APIC", NULL, "fasteoi",
		  "caf\xc3\xa9|\xff\xfe|last",
		  "IO-APIC-fasteoi   caf\xc3\xa9, \xff\xfe, , last");
	check_irq(&irqs, "13", 4, 10, "GIC", NULL, "Level", "twd", "GIC  Level     twd");
	check_irq(&irqs, "ERR", 1, 0, NULL, NULL, NULL, "", "");
	/* A mnemonic row with no numbers at all: kept, with no counts. */
	irq = check_irq(&irqs, "TAL", 0, 0, NULL, NULL, NULL, "", "[EXT] Timing Alert");
	assert_null(irq->counts);
	check_irq(&irqs, "EXT", 4, 10, NULL, NULL, NULL, "", "");
	check_irq(&irqs, "[x]", 4, 10, NULL, NULL, NULL, "", "[EXT] CPU Timer");
	check_irq(&irqs, "14", 4, 10, "PCI-MSI", NULL, NULL, "0000:00:00.0",
		  "PCI-MSI  0000:00:00.0");
	/* "PIC" is no flow handler name, so the chip stays whole. */
	check_irq(&irqs, "15", 4, 10, "XT-PIC-XT-PIC", NULL, NULL, "timer",
		  "XT-PIC-XT-PIC  timer");
	/* Truncated mid-word on the last line, no newline. */
	check_irq(&irqs, "16", 4, 10, "IO-APIC", "2", "edg", "", "IO-APIC   2-edg");

	lkm_interrupts_release(&irqs);
	free(text);
}

static void test_next_action_foreign_pointer(void **state)
{
	struct lkm_interrupts irqs = { 0 };
	char text[] = "  CPU0\n 5:  1  IO-APIC  5-edge  a, b, c\n 6:  2  Non\n";
	const struct lkm_irq *irq;
	const char *a;

	(void)state;
	assert_int_equal(lkm_interrupts_parse(&irqs, text), 0);
	irq = check_irq(&irqs, "5", 1, 1, "IO-APIC", "5", "edge", "a|b|c",
			"IO-APIC  5-edge  a, b, c");
	a = lkm_irq_next_action(irq, NULL);
	assert_null(lkm_irq_next_action(irq, "a"));   /* not one of ours */
	assert_null(lkm_irq_next_action(irq, a + 1)); /* not the start of one */
	irq = check_irq(&irqs, "6", 1, 2, "Non", NULL, NULL, "", "Non");
	assert_null(lkm_irq_next_action(irq, NULL));

	lkm_interrupts_release(&irqs);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_jc_2cpu),
		cmocka_unit_test(test_old_fused_format),
		cmocka_unit_test(test_aarch64),
		cmocka_unit_test(test_blank_line_in_middle),
		cmocka_unit_test(test_s390x_16cpu),
		cmocka_unit_test(test_s390x_2cpu),
		cmocka_unit_test(test_i686_1cpu),
		cmocka_unit_test(test_x86_8cpu),
		cmocka_unit_test(test_1152cpu),
		cmocka_unit_test(test_reuse),
		cmocka_unit_test(test_read_under_root),
		cmocka_unit_test(test_no_header),
		cmocka_unit_test(test_huge_numbers),
		cmocka_unit_test(test_ragged_and_odd),
		cmocka_unit_test(test_next_action_foreign_pointer),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
