// SPDX-License-Identifier: GPL-2.0-or-later
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <libkmod.h>

#include "core/ops.h"
#include "model/modules.h"

static int real_insert(void *ctx, const char *path, const char *params)
{
	struct lkm_real_ops *c = ctx;
	struct kmod_module *mod;
	int err = kmod_module_new_from_path(c->kctx, path, &mod);

	if (err < 0)
		return err;
	err = kmod_module_insert_module(mod, 0, params ? params : "");
	kmod_module_unref(mod);
	return err;
}

static int real_remove(void *ctx, const char *name)
{
	struct lkm_real_ops *c = ctx;
	struct kmod_module *mod;
	int err = kmod_module_new_from_name(c->kctx, name, &mod);

	if (err < 0)
		return err;
	err = kmod_module_remove_module(mod, 0);
	kmod_module_unref(mod);
	return err;
}

/* Writes VALUE to PATH under ROOT in one write, as a sysfs or procfs store wants it. */
static int write_whole(const struct lkm_sysroot *root, const char *path,
		       const char *value)
{
	size_t len = strlen(value);
	ssize_t n;
	int fd, err = 0;

	/* O_TRUNC as a shell's '>' does: /proc and /sys ignore it, a fixture copy needs
	 * it. */
	fd = lkm_sysroot_open(root, path, O_WRONLY | O_TRUNC);
	if (fd < 0)
		return fd;
	/* A store takes the value in one write; a short write is a refusal. */
	n = write(fd, value, len);
	if (n < 0)
		err = -errno;
	else if ((size_t)n != len)
		err = -EIO;
	if (close(fd) < 0 && err == 0)
		err = -errno;
	return err;
}

static int real_write_param(void *ctx, const char *module, const char *param,
			    const char *value)
{
	struct lkm_real_ops *c = ctx;
	char path[512], name[256];

	/* Each name is one path component, never a way out of /sys/module. */
	if (strchr(module, '/') || strchr(param, '/') || module[0] == '.' ||
	    param[0] == '.')
		return -EINVAL;
	if (snprintf(name, sizeof(name), "%s", module) >= (int)sizeof(name))
		return -ENAMETOOLONG;
	lkm_module_name_normalize(name);
	if (snprintf(path, sizeof(path), "/sys/module/%s/parameters/%s", name, param) >=
	    (int)sizeof(path))
		return -ENAMETOOLONG;
	return write_whole(c->root, path, value);
}

static int real_write_irq_affinity(void *ctx, unsigned irq, const char *cpus)
{
	struct lkm_real_ops *c = ctx;
	char path[64];

	snprintf(path, sizeof(path), "/proc/irq/%u/smp_affinity_list", irq);
	return write_whole(c->root, path, cpus);
}

static bool one_component(const char *s)
{
	return *s && strchr(s, '/') == NULL && strcmp(s, ".") != 0 &&
	       strcmp(s, "..") != 0;
}

int lkm_bind_file_path(const char *bus, const char *address, int file, char *buf,
		       size_t size)
{
	int n;

	if (!one_component(bus) || !one_component(address))
		return -EINVAL;
	switch (file) {
	case LKM_BIND_OVERRIDE:
		n = snprintf(buf, size, "/sys/bus/%s/devices/%s/driver_override", bus,
			     address);
		break;
	case LKM_BIND_UNBIND:
		n = snprintf(buf, size, "/sys/bus/%s/devices/%s/driver/unbind", bus,
			     address);
		break;
	case LKM_BIND_PROBE:
		n = snprintf(buf, size, "/sys/bus/%s/drivers_probe", bus);
		break;
	default: return -EINVAL;
	}
	return n < 0 || (size_t)n >= size ? -ENAMETOOLONG : 0;
}

static int real_write_bind(void *ctx, const char *bus, const char *address, int file,
			   const char *value)
{
	struct lkm_real_ops *c = ctx;
	char path[512];
	int err = lkm_bind_file_path(bus, address, file, path, sizeof(path));

	return err < 0 ? err : write_whole(c->root, path, value);
}

void lkm_real_ops_init(struct lkm_real_ops *r, struct kmod_ctx *kctx,
		       const struct lkm_sysroot *root)
{
	r->kctx = kctx;
	r->root = root;
	r->ops.insert = real_insert;
	r->ops.remove = real_remove;
	r->ops.write_param = real_write_param;
	r->ops.write_irq_affinity = real_write_irq_affinity;
	r->ops.write_bind = real_write_bind;
	r->ops.ctx = r;
}

static int stop_insert(void *ctx, const char *path, const char *params)
{
	const struct lkm_stop_ops *s = ctx;

	if (*s->stop)
		return -EINTR;
	return s->inner->insert(s->inner->ctx, path, params);
}

static int stop_remove(void *ctx, const char *name)
{
	const struct lkm_stop_ops *s = ctx;

	if (*s->stop)
		return -EINTR;
	return s->inner->remove(s->inner->ctx, name);
}

static int stop_write_param(void *ctx, const char *module, const char *param,
			    const char *value)
{
	const struct lkm_stop_ops *s = ctx;

	if (*s->stop)
		return -EINTR;
	return s->inner->write_param(s->inner->ctx, module, param, value);
}

static int stop_write_bind(void *ctx, const char *bus, const char *address, int file,
			   const char *value)
{
	const struct lkm_stop_ops *s = ctx;

	if (*s->stop)
		return -EINTR;
	return s->inner->write_bind(s->inner->ctx, bus, address, file, value);
}

void lkm_stop_ops_init(struct lkm_stop_ops *s, const struct lkm_ops *inner,
		       const volatile sig_atomic_t *stop)
{
	s->ops.insert = stop_insert;
	s->ops.remove = stop_remove;
	s->ops.write_param = stop_write_param;
	s->ops.write_bind = inner->write_bind ? stop_write_bind : NULL;
	s->ops.ctx = s;
	s->inner = inner;
	s->stop = stop;
}
