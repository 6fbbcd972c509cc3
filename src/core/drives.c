// SPDX-License-Identifier: GPL-2.0-or-later
#include "config.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <libkmod.h>

#include "core/drives.h"
#include "core/hardware.h"
#include "core/owns.h"
#include "i18n.h"
#include "model/modules.h"
#include "model/snapshot.h"
#include "shared/strbuf.h"
#include "shared/strv.h"

/* Alias kinds that name no device on a bus: the CPU's features, the firmware's DMI
 * strings, device nodes, symbols. */
static const char *const not_bus[] = { "cpu", "x86cpu", "dmi", "devname", "symbol" };

/* Whether ALIAS has a bus's form, "pci:v...", "usb:v...", "platform:pcspkr". */
static bool is_device_alias(const char *alias)
{
	size_t len = 0;

	while (isalnum((unsigned char)alias[len]) || alias[len] == '_')
		len++;
	if (len == 0 || alias[len] != ':')
		return false;
	for (size_t i = 0; i < sizeof(not_bus) / sizeof(not_bus[0]); i++)
		if (strlen(not_bus[i]) == len && strncmp(alias, not_bus[i], len) == 0)
			return false;
	return true;
}

/* Whether MODULE's .modinfo has a device alias; -1 when it cannot be read. */
static int has_device_alias(struct lkm_resolver *r, const char *module)
{
	struct kmod_module *mod = NULL;
	struct kmod_list *info = NULL, *l;
	int found = -1;

	if (kmod_module_new_from_name(lkm_resolver_kmod(r), module, &mod) < 0)
		return -1;
	if (kmod_module_get_info(mod, &info) >= 0) {
		found = 0;
		kmod_list_foreach(l, info)
		{
			if (strcmp(kmod_module_info_get_key(l), "alias") == 0 &&
			    is_device_alias(kmod_module_info_get_value(l)))
				found = 1;
		}
		kmod_module_info_free_list(info);
	}
	kmod_module_unref(mod);
	return found;
}

static char *dup_or_null(const char *s)
{
	return s ? strdup(s) : NULL;
}

/* The network interfaces under the device's net/ directory. */
static int device_interfaces(const struct lkm_sysroot *root, struct lkm_hwbind *b)
{
	char path[512];
	struct dirent *d;
	DIR *dir;
	int err = 0;

	snprintf(path, sizeof(path), "/sys/bus/%s/devices/%s/net", b->bus, b->address);
	if (lkm_sysroot_opendir(root, path, &dir) < 0)
		return 0;
	while (err == 0 && (d = readdir(dir)) != NULL)
		if (d->d_name[0] != '.')
			err = lkm_strv_addn(&b->interfaces, &b->n_interfaces, d->d_name,
					    strlen(d->d_name));
	closedir(dir);
	lkm_strv_sort_unique(b->interfaces, &b->n_interfaces);
	return err;
}

/* The device's interrupt line (/sys/.../irq), when the module holds it (OWNS). */
static int device_irq(const struct lkm_sysroot *root, const struct lkm_owns *owns,
		      struct lkm_hwbind *b)
{
	char path[512], line[32];
	int fd;
	ssize_t n;

	snprintf(path, sizeof(path), "/sys/bus/%s/devices/%s/irq", b->bus, b->address);
	fd = lkm_sysroot_open(root, path, O_RDONLY);
	if (fd < 0)
		return 0;
	n = read(fd, line, sizeof(line) - 1);
	close(fd);
	if (n <= 0)
		return 0;
	line[n] = '\0';
	line[strcspn(line, "\n")] = '\0';
	for (size_t i = 0; i < owns->n_irqs; i++)
		if (strcmp(owns->irqs[i], line) == 0)
			return lkm_strv_addn(&b->irqs, &b->n_irqs, line, strlen(line));
	return 0;
}

/* The lines of LOG that name the device. */
static int device_lines(const struct lkm_kmsg *log, struct lkm_hwbind *b)
{
	for (size_t i = 0; log && i < log->n; i++)
		if (strstr(log->lines[i], b->address) &&
		    lkm_strv_addn(&b->kernel, &b->n_kernel, log->lines[i],
				  strlen(log->lines[i])) < 0)
			return -ENOMEM;
	return 0;
}

static struct lkm_hwbind *push(struct lkm_hwbind **v, size_t *n,
			       const struct lkm_hwentry *e)
{
	struct lkm_hwbind *grown = realloc(*v, (*n + 1) * sizeof(**v)), *b;
	char name[1024];

	if (grown == NULL)
		return NULL;
	*v = grown;
	b = &grown[(*n)++];
	memset(b, 0, sizeof(*b));
	lkm_hwentry_name_text(e, name, sizeof(name));
	b->address = strdup(e->dev.address);
	b->bus = strdup(e->dev.bus);
	b->name = strdup(name[0] ? name : e->dev.modalias);
	b->driver = dup_or_null(e->dev.driver);
	b->module = dup_or_null(e->dev.module);
	if (!b->address || !b->bus || !b->name || (e->dev.driver && !b->driver) ||
	    (e->dev.module && !b->module))
		return NULL;
	return b;
}

static bool same_module(const char *a, const char *b)
{
	return a && b && lkm_module_name_eq_len(a, strlen(a), b);
}

static int sort_out(const struct lkm_sysroot *root, const struct lkm_hardware *hw,
		    const struct lkm_owns *owns, const char *module,
		    const struct lkm_kmsg *log, struct lkm_drives *out)
{
	int err = 0;

	for (size_t i = 0; i < hw->n && err == 0; i++) {
		const struct lkm_hwentry *e = &hw->v[i];
		struct lkm_hwbind *b;

		if (same_module(e->dev.module, module)) {
			b = push(&out->drives, &out->n_drives, e);
			err = b ? device_interfaces(root, b) : -ENOMEM;
			if (err == 0)
				err = device_irq(root, owns, b);
		} else if (lkm_hwentry_matches(e, module)) {
			b = push(&out->unbound, &out->n_unbound, e);
			err = b ? device_lines(log, b) : -ENOMEM;
		}
	}
	return err;
}

int lkm_drives_query(const struct lkm_sysroot *root, struct lkm_resolver *resolver,
		     const char *module, const struct lkm_kmsg *log,
		     struct lkm_drives *out)
{
	struct lkm_hardware hw = { 0 };
	struct lkm_snapshot snap = { 0 };
	struct lkm_owns owns = { 0 };
	int err, aliases;

	memset(out, 0, sizeof(*out));
	err = lkm_hardware_scan(root, resolver, NULL, &hw);
	if (err < 0)
		goto out;
	out->known = true;
	err = lkm_snapshot_take(&snap, root, LKM_SRC_MODULES | LKM_SRC_INTERRUPTS);
	if (err == 0)
		err = lkm_owns_query(root, &snap, module, &owns);
	if (err == 0)
		err = sort_out(root, &hw, &owns, module, log, out);
	aliases = resolver ? has_device_alias(resolver, module) : -1;
	out->device_aliases =
		aliases > 0 || (aliases < 0 && out->n_unbound + out->n_drives);
out:
	lkm_owns_release(&owns);
	lkm_snapshot_release(&snap);
	lkm_hardware_release(&hw);
	return err == -ENOMEM ? err : 0;
}

static void release_binds(struct lkm_hwbind *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(v[i].address);
		free(v[i].bus);
		free(v[i].name);
		free(v[i].driver);
		free(v[i].module);
		lkm_strv_free(v[i].interfaces, v[i].n_interfaces);
		lkm_strv_free(v[i].irqs, v[i].n_irqs);
		lkm_strv_free(v[i].kernel, v[i].n_kernel);
	}
	free(v);
}

void lkm_drives_release(struct lkm_drives *d)
{
	release_binds(d->drives, d->n_drives);
	release_binds(d->unbound, d->n_unbound);
	memset(d, 0, sizeof(*d));
}

void lkm_drives_warning(const struct lkm_drives *d, const char *module, bool will,
			char *buf, size_t size)
{
	if (size)
		buf[0] = '\0';
	if (!d->known || !d->device_aliases || d->n_drives)
		return;
	if (d->n_unbound == 0)
		snprintf(buf, size,
			 will ? _("no device on this machine matches %s's aliases: it "
				  "would "
				  "load and drive nothing")
			      : _("no device on this machine matches %s's aliases: it is "
				  "loaded and drives nothing"),
			 module);
	else if (!will)
		snprintf(
			buf, size,
			ngettext(
				"%s is loaded but drives no device: the device that "
				"matches its aliases has another driver, or none",
				"%s is loaded but drives no device: the %zu devices that "
				"match its aliases have other drivers, or none",
				d->n_unbound),
			module, d->n_unbound);
}
