// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * lkmtui metrics: what /proc/modules, the kernel's taint, the module tree and modprobe.d
 * say, in Prometheus' text exposition format, on stdout or written atomically where
 * node_exporter's textfile collector reads it. Names follow Prometheus' conventions
 * (lkmtui_<what>_<unit>); labels name things (module, parameter, flag, state), never
 * values. Interrupt and network counters are node_exporter's own collectors' job.
 *
 * The HELP texts are not translated: they are part of a machine format that every
 * scraper of a fleet reads alike, as the JSON keys are.
 */
#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <inttypes.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/doctor/doctor.h"
#include "core/health.h"
#include "core/replace.h"
#include "i18n.h"
#include "model/sysroot.h"
#include "ui/cli_metrics.h"
#include "ui/cli_usage.h"
#include "ui/root.h"

#define TEXTFILE_NAME "lkmtui.prom"

static void family(FILE *out, const char *name, const char *type, const char *help)
{
	fprintf(out, "# HELP %s %s\n# TYPE %s %s\n", name, help, name, type);
}

/* A label value as the exposition format escapes it: backslash, double quote, newline. */
static void label_value(FILE *out, const char *v)
{
	for (; *v; v++) {
		if (*v == '\\' || *v == '"')
			fprintf(out, "\\%c", *v);
		else if (*v == '\n')
			fputs("\\n", out);
		else
			fputc(*v, out);
	}
}

static void label(FILE *out, const char *key, const char *value, bool first)
{
	fprintf(out, "%s%s=\"", first ? "{" : ",", key);
	label_value(out, value);
	fputc('"', out);
}

/* One series; labels in name order, as Prometheus itself writes them. */
static void sample(FILE *out, const char *name, const char *module, const char *key2,
		   const char *val2, int64_t value)
{
	bool key2_first = key2 && (!module || strcmp(key2, "module") < 0);

	fputs(name, out);
	if (key2_first)
		label(out, key2, val2, true);
	if (module)
		label(out, "module", module, !key2_first);
	if (key2 && !key2_first)
		label(out, key2, val2, false);
	if (module || key2)
		fputc('}', out);
	fprintf(out, " %" PRId64 "\n", value);
}

static void print_modules(FILE *out, const struct lkm_health *h)
{
	static const enum lkm_module_state states[] = { LKM_STATE_LIVE, LKM_STATE_LOADING,
							LKM_STATE_UNLOADING };
	const struct lkm_modules *m = &h->mods;

	family(out, "lkmtui_modules_loaded", "gauge", "Modules listed in /proc/modules.");
	sample(out, "lkmtui_modules_loaded", NULL, NULL, NULL, (int64_t)m->n);
	family(out, "lkmtui_module_size_bytes", "gauge",
	       "Memory a loaded module takes, as /proc/modules gives it.");
	for (size_t i = 0; i < m->n; i++)
		sample(out, "lkmtui_module_size_bytes", m->v[i].name, NULL, NULL,
		       (int64_t)m->v[i].size);
	family(out, "lkmtui_module_refcount", "gauge",
	       "A loaded module's use count: what holds it (-1: the kernel cannot say).");
	for (size_t i = 0; i < m->n; i++)
		if (m->v[i].has_use_count)
			sample(out, "lkmtui_module_refcount", m->v[i].name, NULL, NULL,
			       m->v[i].use_count);
	family(out, "lkmtui_module_state", "gauge",
	       "1 for a loaded module's state in /proc/modules, 0 for the states it is "
	       "not in.");
	for (size_t i = 0; i < m->n; i++) {
		bool known = false;

		for (size_t s = 0; s < sizeof(states) / sizeof(states[0]); s++) {
			known = known || m->v[i].state == states[s];
			sample(out, "lkmtui_module_state", m->v[i].name, "state",
			       lkm_module_state_id(states[s]),
			       m->v[i].state == states[s]);
		}
		if (!known)
			sample(out, "lkmtui_module_state", m->v[i].name, "state",
			       lkm_module_state_id(m->v[i].state), 1);
	}
	family(out, "lkmtui_module_permanent", "gauge",
	       "1 for a loaded module that cannot be unloaded (no exit function).");
	for (size_t i = 0; i < m->n; i++)
		sample(out, "lkmtui_module_permanent", m->v[i].name, NULL, NULL,
		       (m->v[i].flags & LKM_MODFLAG_PERMANENT) != 0);
	family(out, "lkmtui_module_taint", "gauge",
	       "1 for each taint letter /proc/modules shows on a loaded module.");
	for (size_t i = 0; i < m->n; i++)
		for (const char *t = m->v[i].taints; t && *t; t++) {
			char letter[2] = { *t, '\0' };

			sample(out, "lkmtui_module_taint", m->v[i].name, "flag", letter,
			       1);
		}
}

static void print_kernel(FILE *out, const struct lkm_health *h)
{
	family(out, "lkmtui_module_support", "gauge",
	       "1 when the kernel has loadable-module support (/proc/modules exists).");
	sample(out, "lkmtui_module_support", NULL, NULL, NULL, h->modules_err != -ENOENT);
	if (h->has_taint) {
		family(out, "lkmtui_kernel_taint_mask", "gauge",
		       "The kernel's taint, /proc/sys/kernel/tainted (0: not tainted).");
		sample(out, "lkmtui_kernel_taint_mask", NULL, NULL, NULL,
		       (int64_t)h->taint);
		family(out, "lkmtui_kernel_taint", "gauge",
		       "1 for each taint flag set in /proc/sys/kernel/tainted.");
		for (unsigned bit = 0; bit < 64; bit++) {
			char flag[8];

			if (!(h->taint & (UINT64_C(1) << bit)))
				continue;
			if (lkm_taint_letter(bit))
				snprintf(flag, sizeof(flag), "%c", lkm_taint_letter(bit));
			else
				snprintf(flag, sizeof(flag), "bit%u", bit);
			sample(out, "lkmtui_kernel_taint", NULL, "flag", flag, 1);
		}
	}
	family(out, "lkmtui_module_tree_present", "gauge",
	       "1 when /lib/modules/<running release> is there (0: removed, a reboot is "
	       "due).");
	sample(out, "lkmtui_module_tree_present", NULL, NULL, NULL, h->tree_present);
	family(out, "lkmtui_module_index_stale", "gauge",
	       "1 when depmod's index is missing or older than a module file (run "
	       "depmod).");
	sample(out, "lkmtui_module_index_stale", NULL, NULL, NULL,
	       h->tree_present && (!h->index_present || h->index_stale));
}

/* Every check with every severity, 0 included: an alert never loses its series. */
static void print_doctor(FILE *out, const struct lkm_doctor *doc)
{
	family(out, "lkmtui_doctor_findings", "gauge",
	       "What lkmtui doctor finds, per check and severity.");
	for (const char *const *c = lkm_doctor_checks(); *c; c++)
		for (enum lkm_severity s = 0; s < LKM_SEVERITY_COUNT; s++) {
			size_t n = 0;

			for (size_t i = 0; i < doc->n; i++)
				n += doc->v[i].severity == s &&
				     strcmp(doc->v[i].check, *c) == 0;
			fputs("lkmtui_doctor_findings", out);
			label(out, "check", *c, true);
			label(out, "severity", lkm_severity_id(s), false);
			fprintf(out, "} %zu\n", n);
		}
}

static void print_policy(FILE *out, const struct lkm_health *h)
{
	family(out, "lkmtui_module_parameter_drift", "gauge",
	       "For each parameter modprobe.d sets on a loaded module: 1 when the "
	       "running value "
	       "differs.");
	for (size_t i = 0; i < h->n_params; i++)
		if (h->params[i].running)
			sample(out, "lkmtui_module_parameter_drift", h->params[i].module,
			       "parameter", h->params[i].param, h->params[i].differs);
	family(out, "lkmtui_module_blocked_loaded", "gauge",
	       "1 for a loaded module that modprobe.d blacklists or installs as "
	       "true/false.");
	for (size_t i = 0; i < h->n_blocked; i++)
		sample(out, "lkmtui_module_blocked_loaded", h->blocked[i], NULL, NULL, 1);
}

static void metrics_help(void)
{
	printf(_("\nUsage:\n %s metrics [options]\n"), PACKAGE);
	fputs(_("\nThe loaded modules, the kernel's taint, the module tree and parameter "
		"drift\n"
		"against modprobe.d, in Prometheus' text format (node_exporter's "
		"textfile\n"
		"collector).\n"),
	      stdout);
	fputs(_("\nOptions:\n"
		" -t, --textfile DIR  write DIR/lkmtui.prom atomically (temporary file, "
		"rename)\n"
		" -o, --output FILE   write FILE atomically\n"
		" -R, --root DIR      look at the system under DIR\n"
		" -h, --help          display this help\n"),
	      stdout);
}

int lkm_cli_metrics(const char *root_dir, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "textfile", required_argument, NULL, 't' },
		{ "output", required_argument, NULL, 'o' },
		{ "root", required_argument, NULL, 'R' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *textfile = NULL, *output = NULL;
	struct lkm_sysroot *root = NULL;
	struct lkm_health h;
	struct lkm_doctor doc = { 0 };
	char path[4096], release[256], *text = NULL;
	size_t len = 0;
	FILE *mem;
	int c, err;

	/* 0, not 1: glibc then forgets the "+" (stop at the first operand) of main's
	 * parse. */
	optind = 0;
	while ((c = getopt_long(argc, argv, "t:o:R:h", longopts, NULL)) != -1) {
		switch (c) {
		case 't': textfile = optarg; break;
		case 'o': output = optarg; break;
		case 'R': root_dir = optarg; break;
		case 'h': metrics_help(); return EXIT_SUCCESS;
		default: return lkm_cli_try_help("metrics");
		}
	}
	if (optind < argc)
		return lkm_cli_usage_errorf("metrics", _("unexpected argument: '%s'"),
					    argv[optind]);
	if (textfile && output)
		return lkm_cli_usage_error("metrics",
					   _("give --textfile or --output, not both"));
	if (textfile && snprintf(path, sizeof(path), "%s/%s", textfile, TEXTFILE_NAME) >=
				(int)sizeof(path)) {
		fprintf(stderr, _("%s: %s: %s\n"), PACKAGE, textfile,
			strerror(ENAMETOOLONG));
		return EXIT_FAILURE;
	}
	if (lkm_ui_open_root(root_dir, &root) < 0)
		return EXIT_FAILURE;
	err = lkm_health_gather(root, &h);
	if (err == 0)
		err = lkm_doctor_run_root(root, release, sizeof(release), &doc);
	mem = err == 0 ? open_memstream(&text, &len) : NULL;
	if (mem != NULL) {
		print_kernel(mem, &h);
		print_modules(mem, &h);
		print_policy(mem, &h);
		print_doctor(mem, &doc);
		err = fclose(mem) == 0 ? 0 : -ENOMEM;
	} else {
		err = -ENOMEM;
	}
	lkm_doctor_release(&doc);
	lkm_health_release(&h);
	lkm_sysroot_free(root);
	if (err == 0 && (textfile || output)) {
		err = lkm_replace_file(textfile ? path : output, text, len, 0644, 0);
		if (err < 0)
			fprintf(stderr, _("%s: cannot write %s: %s\n"), PACKAGE,
				textfile ? path : output, strerror(-err));
	} else if (err == 0) {
		fwrite(text, 1, len, stdout);
	} else {
		fprintf(stderr, _("%s: out of memory\n"), PACKAGE);
	}
	free(text);
	return err == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
