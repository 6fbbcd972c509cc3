// SPDX-License-Identifier: GPL-2.0-or-later
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/cmdrule.h"
#include "core/hardware.h"
#include "i18n.h"
#include "model/hwnames.h"
#include "shared/strbuf.h"
#include "shared/strv.h"

/* A device directory found on a bus, before it is read. */
struct found {
	char *bus;
	char *address;
};

/* Whether a module is blocked by an install rule: asked once a module. */
struct blockcache {
	char **checked, **blocked; /* both sorted */
	size_t n_checked, n_blocked;
};

static int found_cmp(const void *a, const void *b)
{
	const struct found *x = a, *y = b;
	int c = strcmp(x->bus, y->bus);

	return c ? c : strverscmp(x->address, y->address);
}

static bool is_dot(const char *name)
{
	return name[0] == '.';
}

/* Appends every BUS/ADDRESS under /sys/bus to *V. */
static int list_devices(const struct lkm_sysroot *root, struct found **v, size_t *n)
{
	DIR *buses, *devs;
	struct dirent *b, *d;
	char path[512];
	int err = lkm_sysroot_opendir(root, "/sys/bus", &buses);

	if (err < 0)
		return err;
	while (err == 0 && (b = readdir(buses)) != NULL) {
		if (is_dot(b->d_name))
			continue;
		snprintf(path, sizeof(path), "/sys/bus/%s/devices", b->d_name);
		if (lkm_sysroot_opendir(root, path, &devs) < 0)
			continue;
		while (err == 0 && (d = readdir(devs)) != NULL) {
			struct found *grown;

			if (is_dot(d->d_name))
				continue;
			grown = realloc(*v, (*n + 1) * sizeof(**v));
			if (grown == NULL) {
				err = -ENOMEM;
				break;
			}
			*v = grown;
			grown[*n].bus = strdup(b->d_name);
			grown[*n].address = strdup(d->d_name);
			(*n)++;
			if (!grown[*n - 1].bus || !grown[*n - 1].address)
				err = -ENOMEM;
		}
		closedir(devs);
	}
	closedir(buses);
	return err;
}

static int is_blocked(struct lkm_resolver *r, struct blockcache *c, const char *name)
{
	struct lkm_modconf conf = { 0 };
	int err;

	if (lkm_strv_sorted_has(c->checked, c->n_checked, name))
		return lkm_strv_sorted_has(c->blocked, c->n_blocked, name);
	err = lkm_resolve_modconf(r, name, &conf);
	if (err == -ENOMEM)
		return err;
	if (lkm_strv_add_unique(&c->checked, &c->n_checked, name) < 0)
		err = -ENOMEM;
	else if (conf.install && lkm_cmdrule_is_block(conf.install) &&
		 lkm_strv_add_unique(&c->blocked, &c->n_blocked, name) < 0)
		err = -ENOMEM;
	lkm_modconf_release(&conf);
	if (err == -ENOMEM)
		return err;
	lkm_strv_sort_unique(c->checked, &c->n_checked);
	lkm_strv_sort_unique(c->blocked, &c->n_blocked);
	return lkm_strv_sorted_has(c->blocked, c->n_blocked, name);
}

static int cand_state(struct lkm_resolver *r, struct blockcache *c,
		      const struct lkm_modules *mods, const struct lkm_modref *ref,
		      enum lkm_cand_state *out)
{
	int blocked;

	if (mods && lkm_modules_find(mods, ref->name)) {
		*out = LKM_CAND_LOADED;
		return 0;
	}
	if (ref->builtin) {
		*out = LKM_CAND_BUILTIN;
		return 0;
	}
	blocked = is_blocked(r, c, ref->name);
	if (blocked < 0)
		return blocked;
	if (blocked)
		*out = LKM_CAND_BLOCKED;
	else if (ref->blacklisted)
		*out = LKM_CAND_BLACKLISTED;
	else if (ref->path == NULL)
		*out = LKM_CAND_ABSENT;
	else
		*out = LKM_CAND_NOT_LOADED;
	return 0;
}

static int candidates(struct lkm_resolver *r, struct blockcache *c,
		      const struct lkm_modules *mods, struct lkm_hwentry *e)
{
	struct lkm_modlist list = { 0 };
	int err = lkm_resolve_lookup(r, e->dev.modalias, &list);

	if (err == -ENOMEM)
		return err;
	if (err < 0)
		return 0; /* nothing answers to it */
	e->cands = calloc(list.n, sizeof(*e->cands));
	if (list.n && e->cands == NULL)
		err = -ENOMEM;
	for (size_t i = 0; i < list.n && err == 0; i++) {
		e->cands[i].module = strdup(list.v[i].name);
		if (e->cands[i].module == NULL) {
			err = -ENOMEM;
			break;
		}
		e->n_cands++;
		err = cand_state(r, c, mods, &list.v[i], &e->cands[i].state);
	}
	lkm_modlist_release(&list);
	return err;
}

/* Names the entries of BUS from FILE (pci.ids, usb.ids). */
static int name_bus(const struct lkm_sysroot *root, struct lkm_hardware *hw,
		    const char *bus, const char *file)
{
	struct lkm_hwname *q;
	size_t n = 0, k = 0;
	int err;

	for (size_t i = 0; i < hw->n; i++)
		n += strcmp(hw->v[i].dev.bus, bus) == 0 && hw->v[i].dev.ids.vendor[0];
	if (n == 0)
		return 0;
	q = calloc(n, sizeof(*q));
	if (q == NULL)
		return -ENOMEM;
	for (size_t i = 0; i < hw->n; i++)
		if (strcmp(hw->v[i].dev.bus, bus) == 0 && hw->v[i].dev.ids.vendor[0])
			q[k++].ids = hw->v[i].dev.ids;
	err = lkm_hwnames_lookup(root, file, q, n);
	k = 0;
	for (size_t i = 0; i < hw->n; i++) {
		struct lkm_hwentry *e = &hw->v[i];

		if (strcmp(e->dev.bus, bus) != 0 || !e->dev.ids.vendor[0])
			continue;
		e->vendor_name = q[k].vendor;
		e->device_name = q[k].device;
		/* PCI's subclass says what a function is ("Ethernet controller");
		 * USB's interface class does ("Wireless", "Human Interface Device"). */
		if (strcmp(bus, "pci") == 0 && q[k].subclass) {
			e->class_name = q[k].subclass;
			free(q[k].class);
		} else {
			e->class_name = q[k].class;
			free(q[k].subclass);
		}
		k++;
	}
	free(q);
	return err;
}

/* Puts the devices that want a driver first, each group in the order found. */
static int order(struct lkm_hardware *hw)
{
	struct lkm_hwentry *v = malloc(hw->n * sizeof(*v) + 1);
	size_t k = 0;

	if (v == NULL)
		return -ENOMEM;
	for (int pass = 0; pass < 2; pass++)
		for (size_t i = 0; i < hw->n; i++)
			if (lkm_hwentry_wants_driver(&hw->v[i]) == (pass == 0))
				v[k++] = hw->v[i];
	free(hw->v);
	hw->v = v;
	return 0;
}

static int read_one(const struct lkm_sysroot *root, struct lkm_resolver *r,
		    struct blockcache *c, const struct lkm_modules *mods,
		    const struct found *f, struct lkm_hardware *out)
{
	struct lkm_hwentry *e = &out->v[out->n];
	int err = lkm_hwdev_read(root, f->bus, f->address, &e->dev);

	if (err == -ENOMEM)
		return err;
	if (err == 0 && e->dev.dangling &&
	    !lkm_strv_addf(&out->dangling, &out->n_dangling,
			   "/sys/bus/%s/devices/%s/driver", f->bus, f->address))
		err = -ENOMEM;
	if (err < 0 || e->dev.modalias == NULL) {
		lkm_hwdev_release(&e->dev);
		return err == -ENOMEM ? err : 0;
	}
	out->n++;
	return r ? candidates(r, c, mods, e) : 0;
}

int lkm_hardware_scan(const struct lkm_sysroot *root, struct lkm_resolver *resolver,
		      const struct lkm_modules *mods, struct lkm_hardware *out)
{
	struct found *found = NULL;
	struct blockcache cache = { 0 };
	size_t n_found = 0;
	int err;

	memset(out, 0, sizeof(*out));
	err = list_devices(root, &found, &n_found);
	if (err == 0 && n_found) {
		qsort(found, n_found, sizeof(*found), found_cmp);
		out->v = calloc(n_found, sizeof(*out->v));
		if (out->v == NULL)
			err = -ENOMEM;
	}
	for (size_t i = 0; i < n_found && err == 0; i++)
		err = read_one(root, resolver, &cache, mods, &found[i], out);
	for (size_t i = 0; i < n_found; i++) {
		free(found[i].bus);
		free(found[i].address);
	}
	free(found);
	lkm_strv_free(cache.checked, cache.n_checked);
	lkm_strv_free(cache.blocked, cache.n_blocked);
	if (err == 0)
		err = name_bus(root, out, "pci", "/usr/share/misc/pci.ids");
	if (err == 0)
		err = name_bus(root, out, "usb", "/usr/share/misc/usb.ids");
	if (err == 0 && out->n)
		err = order(out);
	return err;
}

/* FNV-1a over NAME and a separator, into *H. */
static void stamp_add(unsigned long long *h, const char *name)
{
	for (const unsigned char *c = (const unsigned char *)name; *c; c++)
		*h = (*h ^ *c) * 0x100000001b3ULL;
	*h = (*h ^ '/') * 0x100000001b3ULL;
}

/* Adds the names in DIR under ROOT (none when it cannot be opened); with DEEP, each
 * entry's own listing too (a bus's drivers). Order is the directory's, which sysfs
 * keeps stable. */
static void stamp_dir(const struct lkm_sysroot *root, const char *dir, bool deep,
		      unsigned long long *h)
{
	char path[512];
	struct dirent *d;
	DIR *dp;

	if (lkm_sysroot_opendir(root, dir, &dp) < 0)
		return;
	while ((d = readdir(dp)) != NULL) {
		if (is_dot(d->d_name))
			continue;
		stamp_add(h, d->d_name);
		if (deep && snprintf(path, sizeof(path), "%s/%s", dir, d->d_name) <
				    (int)sizeof(path))
			stamp_dir(root, path, false, h);
	}
	closedir(dp);
}

int lkm_hardware_stamp(const struct lkm_sysroot *root, unsigned long long *out)
{
	unsigned long long h = 0xcbf29ce484222325ULL;
	char path[512];
	struct dirent *b;
	DIR *buses;
	int err = lkm_sysroot_opendir(root, "/sys/bus", &buses);

	if (err < 0)
		return err;
	while ((b = readdir(buses)) != NULL) {
		if (is_dot(b->d_name))
			continue;
		stamp_add(&h, b->d_name);
		snprintf(path, sizeof(path), "/sys/bus/%s/devices", b->d_name);
		stamp_dir(root, path, false, &h);
		snprintf(path, sizeof(path), "/sys/bus/%s/drivers", b->d_name);
		stamp_dir(root, path, true, &h);
	}
	closedir(buses);
	*out = h;
	return 0;
}

void lkm_hardware_release(struct lkm_hardware *hw)
{
	for (size_t i = 0; i < hw->n; i++) {
		struct lkm_hwentry *e = &hw->v[i];

		lkm_hwdev_release(&e->dev);
		free(e->vendor_name);
		free(e->device_name);
		free(e->class_name);
		for (size_t k = 0; k < e->n_cands; k++)
			free(e->cands[k].module);
		free(e->cands);
	}
	free(hw->v);
	lkm_strv_free(hw->dangling, hw->n_dangling);
	memset(hw, 0, sizeof(*hw));
}

bool lkm_hwentry_wants_driver(const struct lkm_hwentry *e)
{
	if (e->dev.driver)
		return false;
	for (size_t i = 0; i < e->n_cands; i++)
		if (e->cands[i].state == LKM_CAND_NOT_LOADED)
			return true;
	return false;
}

bool lkm_hwentry_matches(const struct lkm_hwentry *e, const char *module)
{
	for (size_t i = 0; i < e->n_cands; i++)
		if (lkm_module_name_eq_len(e->cands[i].module, strlen(e->cands[i].module),
					   module))
			return true;
	return false;
}

const char *lkm_cand_state_id(enum lkm_cand_state s)
{
	switch (s) {
	case LKM_CAND_LOADED: return "loaded";
	case LKM_CAND_NOT_LOADED: return "not-loaded";
	case LKM_CAND_BUILTIN: return "built-in";
	case LKM_CAND_BLACKLISTED: return "blacklisted";
	case LKM_CAND_BLOCKED: return "blocked";
	case LKM_CAND_ABSENT: return "not-in-tree";
	}
	return "";
}

const char *lkm_cand_state_text(enum lkm_cand_state s)
{
	switch (s) {
	case LKM_CAND_LOADED: return _("loaded");
	case LKM_CAND_NOT_LOADED: return _("not loaded");
	case LKM_CAND_BUILTIN: return _("built in");
	case LKM_CAND_BLACKLISTED: return _("blacklisted");
	case LKM_CAND_BLOCKED: return _("blocked");
	case LKM_CAND_ABSENT: return _("not in the tree");
	}
	return "";
}

void lkm_hwentry_ids_text(const struct lkm_hwentry *e, char *buf, size_t size)
{
	if (e->dev.ids.vendor[0])
		snprintf(buf, size, "%s:%s", e->dev.ids.vendor, e->dev.ids.device);
	else if (size)
		buf[0] = '\0';
}

void lkm_hwentry_name_text(const struct lkm_hwentry *e, char *buf, size_t size)
{
	struct lkm_strbuf sb;

	lkm_strbuf_init(&sb, buf, size);
	if (e->vendor_name) {
		lkm_strbuf_add(&sb, e->vendor_name);
		if (e->device_name) {
			lkm_strbuf_add(&sb, " ");
			lkm_strbuf_add(&sb, e->device_name);
		}
	} else if (!e->dev.ids.vendor[0]) {
		lkm_strbuf_add(&sb, e->dev.modalias);
	}
}
