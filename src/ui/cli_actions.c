// SPDX-License-Identifier: GPL-2.0-or-later
#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/bind.h"
#include "core/engine.h"
#include "core/keep.h"
#include "core/params.h"
#include "core/resolve.h"
#include "core/session.h"
#include "ui/cli_usage.h"
#include "ui/root.h"
#include "ui/cli_actions.h"
#include "ui/cli_report.h"
#include "i18n.h"

/* What every action needs: the root and a core session on it. */
struct session {
	struct lkm_sysroot *root;
	struct lkm_session core;
};

/* The signal that asked an action to stop (SIGINT, SIGTERM, SIGHUP), or 0. */
static volatile sig_atomic_t stop_signal;

static void on_stop(int sig)
{
	stop_signal = sig;
}

/*
 * A Ctrl-C or a SIGTERM during a load of several modules stops it between two steps: the
 * step under way finishes (the kernel cannot be interrupted inside one), the next ones
 * are refused by the stop table, and the report says which were done.
 */
static void stop_between_steps(struct session *s)
{
	static const int sigs[] = { SIGINT, SIGTERM, SIGHUP };
	struct sigaction sa;

	lkm_session_stop_on(&s->core, &stop_signal);
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_stop;
	sa.sa_flags = SA_RESTART;
	sigemptyset(&sa.sa_mask);
	for (size_t i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++)
		sigaction(sigs[i], &sa, NULL);
}

static int session_open(struct session *s, const char *root_dir)
{
	int err;

	memset(s, 0, sizeof(*s));
	err = lkm_ui_open_root(root_dir, &s->root);
	if (err < 0)
		return EXIT_FAILURE;
	/* Without /lib/modules for this kernel, loads by file still work; without memory,
	 * nothing does (going on would answer "no such module" for one that exists). */
	if (lkm_session_open(&s->core, s->root, lkm_engine_privileged()) == -ENOMEM) {
		fprintf(stderr, _("%s: out of memory\n"), PACKAGE);
		lkm_session_close(&s->core);
		lkm_sysroot_free(s->root);
		return EXIT_FAILURE;
	}
	if (s->core.engine.ops)
		stop_between_steps(s);
	return 0;
}

static void session_close(struct session *s)
{
	lkm_session_close(&s->core);
	lkm_sysroot_free(s->root);
}

/* Malformed or repeated NAME=VALUE arguments are bad usage, refused before anything is
 * done. Splits them once, into P (released by the caller when this returns 0). */
static int check_params(const char *cmd, char **args, int n, bool need_value,
			struct lkm_params *p)
{
	char reason[512];
	size_t bad;
	int rc = 0;

	if (lkm_params_parse((const char *const *)args, (size_t)n, p) < 0) {
		fprintf(stderr, "%s: %s\n", PACKAGE, strerror(ENOMEM));
		return EXIT_FAILURE;
	}
	if (lkm_params_check(p, &bad, reason, sizeof(reason)) != LKM_PARAM_OK)
		rc = lkm_cli_usage_error(cmd, reason);
	for (size_t i = 0; rc == 0 && need_value && i < p->n; i++) {
		if (p->v[i].value == NULL) {
			snprintf(reason, sizeof(reason),
				 _("%s: give the new value as NAME=VALUE, as %s=7"),
				 args[i], args[i]);
			rc = lkm_cli_usage_error(cmd, reason);
		}
	}
	if (rc)
		lkm_params_release(p);
	return rc;
}

struct action_opts {
	bool json, dry_run, no_deps, with_deps, persist, stack;
	const char *root_dir;
};

enum { OPT_NO_DEPS = 256, OPT_WITH_DEPS };

/* Parses the options shared by the actions; returns 0, or the exit status to stop with.
 */
static int parse_action_opts(int argc, char **argv, const char *cmd, const char *allowed,
			     void (*help)(void), struct action_opts *o)
{
	static const struct option longopts[] = {
		{ "json", no_argument, NULL, 'J' },
		{ "dry-run", no_argument, NULL, 'd' },
		{ "no-deps", no_argument, NULL, OPT_NO_DEPS },
		{ "with-deps", no_argument, NULL, OPT_WITH_DEPS },
		{ "persist", no_argument, NULL, 'p' },
		{ "stack", no_argument, NULL, 's' },
		{ "root", required_argument, NULL, 'R' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	int c;

	/* 0, not 1: glibc then forgets the "+" (stop at the first operand) of main's
	 * parse. */
	optind = 0;
	/* Parameters ("io=0x300") are operands; options may come anywhere. */
	while ((c = getopt_long(argc, argv,
				"Jdpsh"
				"R:",
				longopts, NULL)) != -1) {
		const char *name = NULL;

		switch (c) {
		case 'J': o->json = true; break;
		case 'd':
			o->dry_run = true;
			name = "d";
			break;
		case OPT_NO_DEPS:
			o->no_deps = true;
			name = "n";
			break;
		case OPT_WITH_DEPS:
			o->with_deps = true;
			name = "w";
			break;
		case 'p':
			o->persist = true;
			name = "p";
			break;
		case 's':
			o->stack = true;
			name = "s";
			break;
		case 'R': o->root_dir = optarg; break;
		case 'h': help(); return 256;
		default: return lkm_cli_try_help(cmd);
		}
		if (name && !strchr(allowed, name[0])) {
			char msg[128];

			snprintf(msg, sizeof(msg), _("%s takes no such option: %s"), cmd,
				 argv[optind - 1]);
			return lkm_cli_usage_error(cmd, msg);
		}
	}
	return 0;
}

static void load_help(void)
{
	printf(_("\nUsage:\n %s load [options] MODULE|FILE [NAME=VALUE...]\n"), PACKAGE);
	fputs(_("\nLoad a module by name or alias (its dependencies first, modprobe.d's "
		"options\n"
		"under yours) or a module file, with parameters checked before "
		"loading.\n"),
	      stdout);
	fputs(_("\nOptions:\n"
		" -d, --dry-run    print the steps, change nothing\n"
		"     --no-deps    by name: insert the module alone\n"
		"     --with-deps  by file: load what it depends on first\n"
		" -p, --persist    also after a reboot: the parameters to "
		"/etc/modprobe.d/lkmtui.conf,\n"
		"                  the name to /etc/modules-load.d/lkmtui.conf\n"
		" -J, --json       JSON output\n"
		" -R, --root DIR   act on the system under DIR\n"),
	      stdout);
}

static void unload_help(void)
{
	printf(_("\nUsage:\n %s unload [options] MODULE\n"), PACKAGE);
	fputs(_("\nUnload a module. Never forced: a module in use or permanent is "
		"refused, and\n"
		"why is explained.\n"),
	      stdout);
	fputs(_("\nOptions:\n"
		" -s, --stack      then unload what it used and nothing else uses "
		"(modprobe -r)\n"
		" -p, --persist    also not at the next boot: remove its lines from\n"
		"                  /etc/modprobe.d and /etc/modules-load.d lkmtui.conf\n"
		" -d, --dry-run    print the steps, change nothing\n"
		" -J, --json       JSON output\n"
		" -R, --root DIR   act on the system under DIR\n"),
	      stdout);
}

static void set_help(void)
{
	printf(_("\nUsage:\n %s set [options] MODULE NAME=VALUE\n"), PACKAGE);
	fputs(_("\nChange a loaded module's parameter "
		"(/sys/module/MODULE/parameters/NAME).\n"),
	      stdout);
	fputs(_("\nOptions:\n"
		" -p, --persist    also write it to /etc/modprobe.d/lkmtui.conf for the "
		"next load\n"
		" -d, --dry-run    print the step, change nothing\n"
		" -J, --json       JSON output\n"
		" -R, --root DIR   act on the system under DIR\n"),
	      stdout);
}

/* Runs after the options: sets up the session, reports, returns the exit status. */
static int finish(struct session *s, const struct action_opts *o, struct lkm_result *res,
		  int err)
{
	int rc;

	if (stop_signal && !o->json) {
		rc = lkm_report_stopped(stdout, res, stop_signal);
	} else if (err == -ENOMEM && res->refusal == LKM_REFUSE_NONE &&
		   res->failed == res->n_steps) {
		fprintf(stderr, _("%s: out of memory\n"), PACKAGE);
		rc = EXIT_FAILURE;
	} else {
		rc = lkm_report_result(stdout, &s->core, res, o->json, o->dry_run);
	}
	lkm_result_release(res);
	session_close(s);
	if (stop_signal) {
		/* Die of the signal, as the shell that sent it expects (exit status
		 * 128+N). */
		fflush(stdout);
		signal(stop_signal, SIG_DFL);
		raise(stop_signal);
	}
	return rc;
}

int lkm_cli_load(const char *root_dir, int argc, char **argv)
{
	struct action_opts o = { .root_dir = root_dir };
	struct lkm_result res;
	struct lkm_params params;
	struct session s;
	unsigned flags = 0;
	int rc = parse_action_opts(argc, argv, "load", "dnwp", load_help, &o);

	if (rc)
		return rc > 255 ? EXIT_SUCCESS : rc;
	if (optind >= argc)
		return lkm_cli_usage_error(
			"load",
			_("which module? lkmtui load MODULE|FILE [NAME=VALUE...]"));
	if (o.no_deps && o.with_deps)
		return lkm_cli_usage_error(
			"load", _("--no-deps and --with-deps contradict each other"));
	rc = check_params("load", argv + optind + 1, argc - optind - 1, false, &params);
	if (rc)
		return rc;
	if (session_open(&s, o.root_dir)) {
		lkm_params_release(&params);
		return EXIT_FAILURE;
	}
	flags |= o.dry_run ? LKM_DRY_RUN : 0;
	flags |= o.no_deps ? LKM_NO_DEPS : 0;
	flags |= o.with_deps ? LKM_WITH_DEPS : 0;
	flags |= o.persist ? LKM_PERSIST : 0;
	rc = lkm_engine_load(&s.core.engine, argv[optind], &params, flags, &res);
	lkm_params_release(&params);
	return finish(&s, &o, &res, rc);
}

int lkm_cli_unload(const char *root_dir, int argc, char **argv)
{
	struct action_opts o = { .root_dir = root_dir };
	struct lkm_result res;
	struct session s;
	int rc = parse_action_opts(argc, argv, "unload", "dsp", unload_help, &o);

	if (rc)
		return rc > 255 ? EXIT_SUCCESS : rc;
	if (optind + 1 != argc)
		return lkm_cli_usage_error("unload",
					   _("give one module: lkmtui unload MODULE"));
	if (session_open(&s, o.root_dir))
		return EXIT_FAILURE;
	rc = lkm_engine_unload(&s.core.engine, argv[optind],
			       (o.dry_run ? LKM_DRY_RUN : 0) | (o.stack ? LKM_STACK : 0) |
				       (o.persist ? LKM_PERSIST : 0),
			       &res);
	return finish(&s, &o, &res, rc);
}

int lkm_cli_set(const char *root_dir, int argc, char **argv)
{
	struct action_opts o = { .root_dir = root_dir };
	struct lkm_result res;
	struct lkm_params params;
	struct session s;
	int rc = parse_action_opts(argc, argv, "set", "dp", set_help, &o);

	if (rc)
		return rc > 255 ? EXIT_SUCCESS : rc;
	if (optind + 2 != argc)
		return lkm_cli_usage_error(
			"set",
			_("give a module and one NAME=VALUE: lkmtui set demo_ne irq=7"));
	rc = check_params("set", argv + optind + 1, 1, true, &params);
	if (rc)
		return rc;
	if (session_open(&s, o.root_dir)) {
		lkm_params_release(&params);
		return EXIT_FAILURE;
	}
	rc = lkm_engine_set(&s.core.engine, argv[optind], &params.v[0],
			    (o.dry_run ? LKM_DRY_RUN : 0) | (o.persist ? LKM_PERSIST : 0),
			    &res);
	lkm_params_release(&params);
	return finish(&s, &o, &res, rc);
}

static void block_help(void)
{
	printf(_("\nUsage:\n %s block [options] MODULE\n"), PACKAGE);
	fputs(_("\nForbid a module: \"blacklist MODULE\" and \"install MODULE "
		"/bin/false\" in\n"
		"/run/modprobe.d/lkmtui-block.conf (until the next boot), so that no "
		"load by\n"
		"name, alias or as a dependency reaches it; unload it if nothing holds "
		"it;\n"
		"take it out of /etc/modules-load.d/lkmtui.conf.\n"),
	      stdout);
	fputs(_("\nOptions:\n"
		" -p, --persist    in /etc/modprobe.d/lkmtui.conf: after a reboot too\n"
		" -d, --dry-run    print the steps, change nothing\n"
		" -J, --json       JSON output\n"
		" -R, --root DIR   act on the system under DIR\n"),
	      stdout);
}

static void unblock_help(void)
{
	printf(_("\nUsage:\n %s unblock [options] MODULE\n"), PACKAGE);
	fputs(_("\nAllow a module again: remove the lines lkmtui block wrote in\n"
		"/run/modprobe.d/lkmtui-block.conf. Loads nothing.\n"),
	      stdout);
	fputs(_("\nOptions:\n"
		" -p, --persist    from /etc/modprobe.d/lkmtui.conf too\n"
		" -d, --dry-run    print the steps, change nothing\n"
		" -J, --json       JSON output\n"
		" -R, --root DIR   act on the system under DIR\n"),
	      stdout);
}

/* block and unblock: one module, --persist, --dry-run. */
static int block_command(const char *root_dir, int argc, char **argv, bool block)
{
	const char *cmd = block ? "block" : "unblock";
	struct action_opts o = { .root_dir = root_dir };
	struct lkm_result res;
	struct session s;
	unsigned flags;
	int rc = parse_action_opts(argc, argv, cmd, "dp",
				   block ? block_help : unblock_help, &o);

	if (rc)
		return rc > 255 ? EXIT_SUCCESS : rc;
	if (optind + 1 != argc)
		return lkm_cli_usage_error(cmd,
					   block ? _("give one module: lkmtui block "
						     "MODULE")
						 : _("give one module: lkmtui unblock "
						     "MODULE"));
	if (session_open(&s, o.root_dir))
		return EXIT_FAILURE;
	flags = (o.dry_run ? LKM_DRY_RUN : 0) | (o.persist ? LKM_PERSIST : 0);
	rc = block ? lkm_engine_block(&s.core.engine, argv[optind], flags, &res)
		   : lkm_engine_unblock(&s.core.engine, argv[optind], flags, &res);
	return finish(&s, &o, &res, rc);
}

int lkm_cli_block(const char *root_dir, int argc, char **argv)
{
	return block_command(root_dir, argc, argv, true);
}

int lkm_cli_unblock(const char *root_dir, int argc, char **argv)
{
	return block_command(root_dir, argc, argv, false);
}

static void info_help(void)
{
	printf(_("\nUsage:\n %s info [options] MODULE|FILE [NAME=VALUE...]\n"), PACKAGE);
	fputs(_("\nWhat a module is (its .modinfo), its state if it is loaded, its "
		"parameters\n"
		"with their current values, and what modprobe.d says about it. With "
		"NAME=VALUE,\n"
		"also whether each running value is that one (by the parameter's "
		"type).\n"),
	      stdout);
	fputs(_("\nOptions:\n"
		" -J, --json       JSON output\n"
		" -R, --root DIR   look at the system under DIR\n"),
	      stdout);
}

int lkm_cli_info(const char *root_dir, int argc, char **argv)
{
	struct action_opts o = { .root_dir = root_dir };
	struct lkm_params wanted;
	struct session s;
	int rc = parse_action_opts(argc, argv, "info", "", info_help, &o);

	if (rc)
		return rc > 255 ? EXIT_SUCCESS : rc;
	if (optind >= argc)
		return lkm_cli_usage_error(
			"info", _("give one module or file: lkmtui info MODULE|FILE"));
	rc = check_params("info", argv + optind + 1, argc - optind - 1, false, &wanted);
	if (rc)
		return rc;
	if (session_open(&s, o.root_dir)) {
		lkm_params_release(&wanted);
		return EXIT_FAILURE;
	}
	rc = lkm_report_info(stdout, s.root, s.core.resolver, argv[optind], &wanted,
			     o.json);
	lkm_params_release(&wanted);
	session_close(&s);
	return rc;
}

static void explain_help(void)
{
	printf(_("\nUsage:\n %s explain [options] MODULE|FILE [NAME=VALUE...]\n"),
	       PACKAGE);
	fputs(_("\nPredict, without loading anything, why loading it would fail: what "
		"the file,\n"
		"the running kernel and modprobe.d show. Says so when it finds no "
		"problem.\n"),
	      stdout);
	fputs(_("\nOptions:\n"
		" -J, --json       JSON output\n"
		" -R, --root DIR   look at the system under DIR\n"),
	      stdout);
}

int lkm_cli_explain(const char *root_dir, int argc, char **argv)
{
	struct action_opts o = { .root_dir = root_dir };
	struct lkm_params params;
	struct session s;
	int rc = parse_action_opts(argc, argv, "explain", "", explain_help, &o);

	if (rc)
		return rc > 255 ? EXIT_SUCCESS : rc;
	if (optind >= argc)
		return lkm_cli_usage_error(
			"explain",
			_("which module? lkmtui explain MODULE|FILE [NAME=VALUE...]"));
	rc = check_params("explain", argv + optind + 1, argc - optind - 1, false,
			  &params);
	if (rc)
		return rc;
	if (session_open(&s, o.root_dir)) {
		lkm_params_release(&params);
		return EXIT_FAILURE;
	}
	rc = lkm_report_explain(stdout, &s.core, argv[optind], &params, o.json);
	lkm_params_release(&params);
	session_close(&s);
	return rc;
}

static void bind_help(void)
{
	printf(_("\nUsage:\n %s bind [options] ADDRESS [MODULE]\n %s unbind [options] "
		 "ADDRESS\n"),
	       PACKAGE, PACKAGE);
	fputs(_("\nbind: give the device at ADDRESS (lkmtui hardware lists them) to "
		"MODULE's "
		"driver,\n"
		"loading MODULE first if needed, through driver_override, unbind and\n"
		"drivers_probe as driverctl does; without MODULE, let its usual driver "
		"take "
		"it\n"
		"again. unbind: its driver lets go of it.\n"),
	      stdout);
	fputs(_("\nOptions:\n"
		" -d, --dry-run    print the steps, change nothing\n"
		" -p, --persist    bind: keep the driver for the next boot (a udev "
		"rule);\n"
		"                  unbind, or bind without MODULE: remove that rule\n"
		" -J, --json       JSON output\n"
		" -R, --root DIR   act on the system under DIR\n"),
	      stdout);
}

/* bind ADDRESS [MODULE] (UNBIND false) or unbind ADDRESS. */
static int bind_command(const char *root_dir, int argc, char **argv, bool unbind)
{
	const char *cmd = unbind ? "unbind" : "bind";
	struct action_opts o = { .root_dir = root_dir };
	struct lkm_bind_result r;
	const char *module;
	struct session s;
	unsigned flags;
	int rc = parse_action_opts(argc, argv, cmd, "dp", bind_help, &o);

	if (rc)
		return rc > 255 ? EXIT_SUCCESS : rc;
	if (optind >= argc || argc - optind > (unbind ? 1 : 2))
		return lkm_cli_usage_error(
			cmd, unbind ? _("give one device: lkmtui unbind ADDRESS")
				    : _("give a device and a module: lkmtui bind ADDRESS "
					"[MODULE]"));
	module = unbind ? NULL : argv[optind + 1];
	if (module && (strchr(module, '/') || !*module))
		return lkm_cli_usage_error(
			cmd, _("bind takes a module's name, not a file: load the file "
			       "first, then bind to its name"));
	if (session_open(&s, o.root_dir))
		return EXIT_FAILURE;
	flags = (o.dry_run ? LKM_BIND_DRY_RUN : 0) | (o.persist ? LKM_BIND_PERSIST : 0);
	rc = unbind ? lkm_unbind(&s.core, argv[optind], flags, &r)
		    : lkm_bind(&s.core, argv[optind], module, flags, &r);
	if (rc == -ENOMEM && !r.has_diag) {
		fprintf(stderr, _("%s: out of memory\n"), PACKAGE);
		rc = EXIT_FAILURE;
	} else {
		rc = lkm_report_bind(stdout, &s.core, &r, unbind, o.json, o.dry_run);
	}
	lkm_bind_result_release(&r);
	session_close(&s);
	return rc;
}

int lkm_cli_bind(const char *root_dir, int argc, char **argv)
{
	return bind_command(root_dir, argc, argv, false);
}

int lkm_cli_unbind(const char *root_dir, int argc, char **argv)
{
	return bind_command(root_dir, argc, argv, true);
}
