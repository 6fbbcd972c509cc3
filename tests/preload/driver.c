// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Drives libkmod the way lkmtui's real ops table does, for tests of the fake kernel
 * (fakekernel.so, under LD_PRELOAD):
 *
 *   driver MODDIR insert FILE PARAMS    kmod_module_insert_module(FILE, PARAMS)
 *   driver MODDIR remove NAME           kmod_module_remove_module(NAME)
 *   driver MODDIR passthrough           other syscalls still reach the kernel
 *
 * Each prints one line: "insert BASENAME: 0" or "insert BASENAME: -2 (ENOENT)". It
 * refuses to run (exit 99) when the fake kernel is not preloaded: a test must never reach
 * the real one.
 */
#include "config.h"

#include <dlfcn.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <libkmod.h>

static const char *errno_name(int err)
{
	switch (err) {
	case 0: return "0";
	case ENOENT: return "ENOENT";
	case EEXIST: return "EEXIST";
	case EAGAIN: return "EAGAIN";
	case EBUSY: return "EBUSY";
	case EPERM: return "EPERM";
	case ENOEXEC: return "ENOEXEC";
	case ENODEV: return "ENODEV";
	case EINVAL: return "EINVAL";
	}
	return "other";
}

static void report(const char *op, const char *what, int err)
{
	const char *base = strrchr(what, '/');

	if (err == 0)
		printf("%s %s: 0\n", op, base ? base + 1 : what);
	else
		printf("%s %s: %d (%s)\n", op, base ? base + 1 : what, err,
		       errno_name(-err));
}

int main(int argc, char **argv)
{
	/* Only the moddir is used: no configuration, so the host's modprobe.d plays no
	 * part. */
	const char *no_config[] = { "/nonexistent/lkmtui-driver", NULL };
	struct kmod_ctx *ctx;
	struct kmod_module *mod;
	int err;

	if (dlsym(RTLD_DEFAULT, "lkmtui_fake_kernel_active") == NULL) {
		fprintf(stderr, "driver: fakekernel.so is not preloaded; refusing to "
				"touch the kernel\n");
		return 99;
	}
	if (argc == 3 && strcmp(argv[2], "passthrough") == 0) {
		long pid = syscall(SYS_getpid), tid = syscall(SYS_gettid);

		printf("passthrough: %s\n",
		       pid == getpid() && tid == gettid() ? "ok" : "broken");
		return 0;
	}
	if (argc < 4)
		return 2;
	ctx = kmod_new(argv[1], no_config);
	if (ctx == NULL)
		return 99;
	if (strcmp(argv[2], "insert") == 0 && argc == 5) {
		err = kmod_module_new_from_path(ctx, argv[3], &mod);
		if (err == 0) {
			err = kmod_module_insert_module(mod, 0, argv[4]);
			kmod_module_unref(mod);
		}
		report("insert", argv[3], err);
	} else if (strcmp(argv[2], "remove") == 0 && argc == 4) {
		err = kmod_module_new_from_name(ctx, argv[3], &mod);
		if (err == 0) {
			err = kmod_module_remove_module(mod, 0);
			kmod_module_unref(mod);
		}
		report("remove", argv[3], err);
	} else {
		kmod_unref(ctx);
		return 2;
	}
	kmod_unref(ctx);
	return 0;
}
