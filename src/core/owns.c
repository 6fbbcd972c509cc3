// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * What a module owns, from the links sysfs keeps between a device, its driver and the
 * driver's module (see owns.h). Every path goes through the sysroot's directory fd, so a
 * fixture tree or an offline image answers the same way the running system does.
 */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/owns.h"
#include "shared/strv.h"

#define PATH_LEN 512

/* An interrupt action names CAND: the same word, or CAND and then a separator that
 * drivers put before a queue, a bus address or a device ("eth0-rx-0", "ahci[...]"). */
static bool action_names(const char *action, const char *cand)
{
	size_t n = strlen(cand);

	if (n == 0 || !lkm_module_name_has_prefix(action, cand))
		return false;
	return action[n] == '\0' || strchr(":[@-", action[n]) != NULL;
}

/* The last component of the symlink at REL (relative to the root), into BUF. */
static int link_base(const struct lkm_sysroot *root, const char *rel, char *buf,
		     size_t size)
{
	char target[PATH_LEN], dir[PATH_LEN];
	const char *slash = strrchr(rel, '/'), *base;
	ssize_t len;
	int dfd;

	if (slash == NULL || (size_t)(slash - rel) >= sizeof(dir))
		return -EINVAL;
	memcpy(dir, rel, (size_t)(slash - rel));
	dir[slash - rel] = '\0';
	dfd = openat(lkm_sysroot_fd(root), dir, O_PATH | O_DIRECTORY | O_CLOEXEC);
	if (dfd < 0)
		return -errno;
	len = readlinkat(dfd, slash + 1, target, sizeof(target) - 1);
	close(dfd);
	if (len < 0)
		return -errno;
	target[len] = '\0';
	while (len > 1 && target[len - 1] == '/')
		target[--len] = '\0';
	base = strrchr(target, '/');
	base = base ? base + 1 : target;
	if ((size_t)snprintf(buf, size, "%s", base) >= size)
		return -ENAMETOOLONG;
	return 0;
}

/* The directory REL under the root, or NULL: an absent part of /sys is nothing owned. */
static DIR *open_dir(const struct lkm_sysroot *root, const char *rel)
{
	DIR *d;

	return lkm_sysroot_opendir(root, rel, &d) == 0 ? d : NULL;
}

static bool is_dot(const char *name)
{
	return name[0] == '.' && (name[1] == '\0' || (name[1] == '.' && name[2] == '\0'));
}

/* Whether the device at DEV (relative: "sys/class/net/eth0") is driven by MODULE; its
 * driver's name goes to the list when it is. */
static int device_driven_by(const struct lkm_sysroot *root, const char *dev,
			    const char *module, struct lkm_owns *o, bool *yes)
{
	char path[PATH_LEN], base[256];

	*yes = false;
	if ((size_t)snprintf(path, sizeof(path), "%s/device/driver/module", dev) >=
	    sizeof(path))
		return 0;
	if (link_base(root, path, base, sizeof(base)) < 0 ||
	    !lkm_module_name_eq(base, module))
		return 0;
	*yes = true;
	snprintf(path, sizeof(path), "%s/device/driver", dev);
	if (link_base(root, path, base, sizeof(base)) == 0)
		return lkm_strv_add_unique(&o->drivers, &o->n_drivers, base);
	return 0;
}

static int find_interfaces(const struct lkm_sysroot *root, const char *module,
			   struct lkm_owns *o)
{
	DIR *d = open_dir(root, "sys/class/net");
	struct dirent *e;
	int rc = 0;

	if (d == NULL)
		return 0;
	while (rc == 0 && (e = readdir(d)) != NULL) {
		char dev[PATH_LEN];
		bool yes;

		if (is_dot(e->d_name))
			continue;
		snprintf(dev, sizeof(dev), "sys/class/net/%s", e->d_name);
		rc = device_driven_by(root, dev, module, o, &yes);
		if (rc == 0 && yes)
			rc = lkm_strv_add_unique(&o->interfaces, &o->n_interfaces,
						 e->d_name);
	}
	closedir(d);
	return rc;
}

static int add_device(struct lkm_owns *o, char kind, unsigned major, unsigned minor,
		      const char *name)
{
	struct lkm_owned_dev *nv = realloc(o->devices, (o->n_devices + 1) * sizeof(*nv));

	if (nv == NULL)
		return -ENOMEM;
	o->devices = nv;
	nv[o->n_devices].kind = kind;
	nv[o->n_devices].major = major;
	nv[o->n_devices].minor = minor;
	nv[o->n_devices].name = strdup(name);
	if (nv[o->n_devices].name == NULL)
		return -ENOMEM;
	o->n_devices++;
	return 0;
}

static int cmp_dev(const void *pa, const void *pb)
{
	const struct lkm_owned_dev *a = pa, *b = pb;

	if (a->kind != b->kind)
		return a->kind == 'c' ? -1 : 1;
	if (a->major != b->major)
		return a->major < b->major ? -1 : 1;
	return (a->minor > b->minor) - (a->minor < b->minor);
}

static int find_devices(const struct lkm_sysroot *root, const char *module,
			struct lkm_owns *o)
{
	static const struct {
		const char *dir;
		char kind;
	} kinds[] = { { "sys/dev/char", 'c' }, { "sys/dev/block", 'b' } };
	int rc = 0;

	for (size_t k = 0; k < 2 && rc == 0; k++) {
		DIR *d = open_dir(root, kinds[k].dir);
		struct dirent *e;

		if (d == NULL)
			continue;
		while (rc == 0 && (e = readdir(d)) != NULL) {
			char dev[PATH_LEN], name[256];
			unsigned major, minor;
			bool yes;

			if (sscanf(e->d_name, "%u:%u", &major, &minor) != 2)
				continue;
			snprintf(dev, sizeof(dev), "%s/%s", kinds[k].dir, e->d_name);
			rc = device_driven_by(root, dev, module, o, &yes);
			if (rc < 0 || !yes)
				continue;
			if (link_base(root, dev, name, sizeof(name)) < 0)
				snprintf(name, sizeof(name), "%s", e->d_name);
			rc = add_device(o, kinds[k].kind, major, minor, name);
		}
		closedir(d);
	}
	if (o->n_devices > 1)
		qsort(o->devices, o->n_devices, sizeof(*o->devices), cmp_dev);
	return rc;
}

/* /sys/module/NAME/drivers/BUS:DRIVER: every driver the module registered. */
static int find_drivers(const struct lkm_sysroot *root, const char *module,
			struct lkm_owns *o)
{
	char rel[PATH_LEN], norm[256];
	struct dirent *e;
	DIR *d;
	int rc = 0;

	snprintf(norm, sizeof(norm), "%s", module);
	lkm_module_name_normalize(norm);
	snprintf(rel, sizeof(rel), "sys/module/%s/drivers", norm);
	d = open_dir(root, rel);
	if (d == NULL)
		return 0;
	while (rc == 0 && (e = readdir(d)) != NULL) {
		const char *colon = strchr(e->d_name, ':');

		if (is_dot(e->d_name))
			continue;
		rc = lkm_strv_add_unique(&o->drivers, &o->n_drivers,
					 colon ? colon + 1 : e->d_name);
	}
	closedir(d);
	return rc;
}

static int find_irqs(const struct lkm_snapshot *snap, const char *module,
		     struct lkm_owns *o)
{
	const struct lkm_interrupts *irqs = &snap->interrupts;

	for (size_t i = 0; i < irqs->n; i++) {
		const struct lkm_irq *irq = &irqs->v[i];
		bool hit = false;

		for (const char *a = lkm_irq_next_action(irq, NULL); a && !hit;
		     a = lkm_irq_next_action(irq, a)) {
			hit = action_names(a, module);
			for (size_t k = 0; k < o->n_interfaces && !hit; k++)
				hit = action_names(a, o->interfaces[k]);
			for (size_t k = 0; k < o->n_drivers && !hit; k++)
				hit = action_names(a, o->drivers[k]);
			for (size_t k = 0; k < o->n_devices && !hit; k++)
				hit = action_names(a, o->devices[k].name);
		}
		if (hit && lkm_strv_add_unique(&o->irqs, &o->n_irqs, irq->label) < 0)
			return -ENOMEM;
	}
	return 0;
}

static int find_majors(const struct lkm_snapshot *snap, const char *module,
		       struct lkm_owns *o)
{
	const struct lkm_devices *devs = &snap->devices;

	for (size_t i = 0; i < devs->n; i++) {
		struct lkm_owned_major *v;

		if (!lkm_module_name_eq(devs->v[i].name, module))
			continue;
		v = realloc(o->majors, (o->n_majors + 1) * sizeof(*v));
		if (v == NULL)
			return -ENOMEM;
		o->majors = v;
		v[o->n_majors++] = (struct lkm_owned_major){
			devs->v[i].kind == LKM_DEV_CHAR ? 'c' : 'b', devs->v[i].major
		};
	}
	return 0;
}

static int find_neighbours(const struct lkm_snapshot *snap, const char *module,
			   struct lkm_owns *o)
{
	const struct lkm_modules *mods = &snap->modules;
	const struct lkm_module *self = lkm_modules_find(mods, module);

	for (const char *u = self ? lkm_module_next_user(self, NULL) : NULL; u;
	     u = lkm_module_next_user(self, u))
		if (lkm_strv_add_unique(&o->holders, &o->n_holders, u) < 0)
			return -ENOMEM;
	for (size_t i = 0; i < mods->n; i++) {
		const struct lkm_module *m = &mods->v[i];

		for (const char *u = lkm_module_next_user(m, NULL); u;
		     u = lkm_module_next_user(m, u))
			if (lkm_module_name_eq(u, module)) {
				if (lkm_strv_add_unique(&o->uses, &o->n_uses, m->name) <
				    0)
					return -ENOMEM;
				break;
			}
	}
	return 0;
}

int lkm_owns_query(const struct lkm_sysroot *root, const struct lkm_snapshot *snap,
		   const char *module, struct lkm_owns *out)
{
	int rc;

	memset(out, 0, sizeof(*out));
	rc = find_interfaces(root, module, out);
	if (rc == 0)
		rc = find_devices(root, module, out);
	if (rc == 0)
		rc = find_drivers(root, module, out);
	if (rc == 0 && snap)
		rc = find_majors(snap, module, out);
	if (rc == 0 && snap)
		rc = find_irqs(snap, module, out);
	if (rc == 0 && snap)
		rc = find_neighbours(snap, module, out);
	return rc;
}

void lkm_owns_release(struct lkm_owns *o)
{
	lkm_strv_free(o->interfaces, o->n_interfaces);
	lkm_strv_free(o->irqs, o->n_irqs);
	lkm_strv_free(o->drivers, o->n_drivers);
	lkm_strv_free(o->holders, o->n_holders);
	lkm_strv_free(o->uses, o->n_uses);
	for (size_t i = 0; i < o->n_devices; i++)
		free(o->devices[i].name);
	free(o->devices);
	free(o->majors);
	memset(o, 0, sizeof(*o));
}

bool lkm_owns_drives_anything(const struct lkm_owns *o)
{
	return o->n_interfaces || o->n_devices || o->n_irqs;
}

int lkm_owns_iface_module(const struct lkm_sysroot *root, const char *iface, char *buf,
			  size_t size)
{
	char path[PATH_LEN];

	if (iface[0] == '\0' || strchr(iface, '/') || is_dot(iface))
		return -ENOENT;
	if ((size_t)snprintf(path, sizeof(path), "sys/class/net/%s/device/driver/module",
			     iface) >= sizeof(path))
		return -ENAMETOOLONG;
	return link_base(root, path, buf, size) == 0 ? 0 : -ENOENT;
}

/* The module the symlink DIR/<entry>/TAIL names, for the first entry of DIR that has
 * one. */
static int module_under_any(const struct lkm_sysroot *root, const char *dir,
			    const char *tail, char *buf, size_t size)
{
	DIR *d = open_dir(root, dir);
	struct dirent *e;
	int rc = -ENOENT;

	if (d == NULL)
		return -ENOENT;
	while (rc < 0 && (e = readdir(d)) != NULL) {
		char path[PATH_LEN];

		if (is_dot(e->d_name))
			continue;
		if ((size_t)snprintf(path, sizeof(path), "%s/%s/%s", dir, e->d_name,
				     tail) >= sizeof(path))
			continue;
		if (link_base(root, path, buf, size) == 0)
			rc = 0;
	}
	closedir(d);
	return rc;
}

/* The module behind driver DRIVER on any bus. */
static int driver_module(const struct lkm_sysroot *root, const char *driver, char *buf,
			 size_t size)
{
	char tail[PATH_LEN];

	if ((size_t)snprintf(tail, sizeof(tail), "drivers/%s/module", driver) >=
	    sizeof(tail))
		return -ENOENT;
	return module_under_any(root, "sys/bus", tail, buf, size);
}

/* The module behind the device named NAME in any class (/sys/class/tty/ttyS0, ...). */
static int class_device_module(const struct lkm_sysroot *root, const char *name,
			       char *buf, size_t size)
{
	char tail[PATH_LEN];

	if ((size_t)snprintf(tail, sizeof(tail), "%s/device/driver/module", name) >=
	    sizeof(tail))
		return -ENOENT;
	return module_under_any(root, "sys/class", tail, buf, size);
}

/* One action's candidates: the whole word, then shorter at each separator. */
static int action_module(const struct lkm_sysroot *root, const struct lkm_snapshot *snap,
			 const char *action, char *buf, size_t size)
{
	char word[256];
	size_t len = strlen(action);

	if (len >= sizeof(word) || len == 0)
		return -ENOENT;
	memcpy(word, action, len + 1);
	for (;;) {
		const struct lkm_module *m;

		if (!strchr(word, '/') && !is_dot(word)) {
			if (lkm_owns_iface_module(root, word, buf, size) == 0)
				return 0;
			m = lkm_modules_find(&snap->modules, word);
			if (m) {
				snprintf(buf, size, "%s", m->name);
				return 0;
			}
			if (driver_module(root, word, buf, size) == 0 ||
			    class_device_module(root, word, buf, size) == 0)
				return 0;
		}
		while (len > 0 && !strchr(":[@-", word[len - 1]))
			len--;
		if (len <= 1)
			return -ENOENT;
		word[--len] = '\0';
		while (len > 0 && strchr(":[@-", word[len - 1]))
			word[--len] = '\0';
		if (len == 0)
			return -ENOENT;
	}
}

int lkm_owns_irq_module(const struct lkm_sysroot *root, const struct lkm_snapshot *snap,
			const char *label, char *buf, size_t size)
{
	const struct lkm_irq *irq = lkm_interrupts_find(&snap->interrupts, label);

	if (irq == NULL)
		return -ENOENT;
	for (const char *a = lkm_irq_next_action(irq, NULL); a;
	     a = lkm_irq_next_action(irq, a))
		if (action_module(root, snap, a, buf, size) == 0)
			return 0;
	return -ENOENT;
}

int lkm_owns_major_module(const struct lkm_sysroot *root, const struct lkm_snapshot *snap,
			  const struct lkm_device *dev, char *buf, size_t size)
{
	const char *dir = dev->kind == LKM_DEV_BLOCK ? "sys/dev/block" : "sys/dev/char";
	DIR *d = open_dir(root, dir);
	char prefix[16];
	int rc = -ENOENT;

	snprintf(prefix, sizeof(prefix), "%u:", dev->major);
	/* A device of that major that /sys ties to a driver. */
	for (struct dirent *e; d && rc < 0 && (e = readdir(d)) != NULL;) {
		char path[PATH_LEN];

		if (strncmp(e->d_name, prefix, strlen(prefix)) != 0 ||
		    (size_t)snprintf(path, sizeof(path), "%s/%s/device/driver/module",
				     dir, e->d_name) >= sizeof(path))
			continue;
		if (link_base(root, path, buf, size) == 0)
			rc = 0;
	}
	if (d)
		closedir(d);
	/* Else the name the major is registered under, as a module or a driver. */
	if (rc < 0 && dev->name)
		rc = action_module(root, snap, dev->name, buf, size);
	return rc;
}
