// SPDX-License-Identifier: GPL-2.0-or-later
#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/affinity.h"
#include "core/session.h"
#include "model/irqaffinity.h"
#include "ui/cli_usage.h"
#include "ui/root.h"
#include "ui/cli_affinity.h"
#include "ui/cli_report.h"
#include "ui/json.h"
#include "i18n.h"

static void help(void)
{
	fputs(_("\nUsage:\n"), stdout);
	printf(_(" %s irq-affinity [options] <irq> <cpus>\n"), PACKAGE);
	fputs(_("\nDeliver interrupt line <irq> to the CPUs in <cpus> (a list: 0-3,8),\n"
		"through /proc/irq/<irq>/smp_affinity_list.\n"),
	      stdout);
	lkm_cli_options_help(stdout, NULL, 0);
}

static int usage_error(const char *msg)
{
	return lkm_cli_usage_error("irq-affinity", msg);
}

/* Why a change may not last: irqbalance moves lines on its own every few seconds. */
static const char *irqbalance_warning(void)
{
	return _("irqbalance is running and will move this interrupt again: stop it "
		 "(systemctl stop irqbalance) or ban the line (IRQBALANCE_BANNED_IRQS)");
}

static void print_json(const struct lkm_affinity_change *ch, int err,
		       const struct lkm_diagnosis *d)
{
	struct lkm_json j;

	lkm_json_init(&j, stdout);
	lkm_json_open(&j, NULL, '{');
	lkm_json_bool(&j, "ok", err == 0);
	lkm_json_u64(&j, "irq", ch->irq);
	lkm_json_str(&j, "cpus", ch->cpus);
	if (err == 0) {
		lkm_json_str(&j, "before", ch->before);
		lkm_json_str(&j, "affinity", ch->after);
		if (ch->effective[0])
			lkm_json_str(&j, "effective", ch->effective);
		else
			lkm_json_null(&j, "effective");
	}
	lkm_json_open(&j, "warnings", '[');
	if (ch->irqbalance)
		lkm_json_str(&j, NULL, irqbalance_warning());
	lkm_json_close(&j, ']');
	if (err < 0)
		lkm_report_json_diagnosis(&j, "diagnosis", d);
	lkm_json_close(&j, '}');
	lkm_json_end(&j);
}

int lkm_cli_irq_affinity(const char *root_dir, int argc, char **argv)
{
	struct lkm_affinity_change ch;
	struct lkm_diagnosis d = { 0 };
	struct lkm_real_ops real;
	struct lkm_sysroot *root;
	const struct lkm_ops *ops = NULL;
	bool json = false;
	unsigned irq;
	int err;

	err = lkm_cli_parse_common("irq-affinity", argc, argv, &json, &root_dir, help,
				   NULL);
	if (err)
		return err > 255 ? EXIT_SUCCESS : err;
	if (argc - optind != 2)
		return usage_error(
			_("give an interrupt line and a CPU list: irq-affinity 11 1"));
	if (!lkm_irq_number(argv[optind], &irq))
		return usage_error(
			_("the interrupt line is a number (as in /proc/interrupts)"));
	if (lkm_ui_open_root(root_dir, &root) < 0)
		return EXIT_FAILURE;
	/* An offline root is looked at, never acted on; whole-program tests write into
	 * their copy of a fixture tree and say so. */
	lkm_real_ops_init(&real, NULL, root);
	if (lkm_session_may_act(root))
		ops = &real.ops;
	err = lkm_affinity_set(ops, root, irq, argv[optind + 1], &ch, &d);
	if (json) {
		print_json(&ch, err, &d);
	} else if (err == 0) {
		printf(_("interrupt %u: CPUs %s (was %s)"), irq, ch.after, ch.before);
		if (ch.effective[0])
			printf(_(", delivered to CPUs %s"), ch.effective);
		putchar('\n');
		if (ch.irqbalance)
			fprintf(stderr, "%s: %s %s\n", PACKAGE, _("warning:"),
				irqbalance_warning());
	} else {
		fflush(stdout);
		lkm_report_diagnosis(stderr, &d);
	}
	lkm_diagnosis_release(&d);
	lkm_sysroot_free(root);
	return err == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
