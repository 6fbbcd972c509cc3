// SPDX-License-Identifier: GPL-2.0-or-later
#include "config.h"

#include <arpa/inet.h>
#include <dirent.h>
#include <errno.h>
#include <ifaddrs.h>
#include <limits.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdarg.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/bind.h"
#include "core/explain/diag.h"
#include "i18n.h"
#include "model/hwdevice.h"
#include "model/modules.h"
#include "model/mountinfo.h"
#include "model/procfile.h"
#include "core/replace.h"
#include "shared/strv.h"

static const char rules_header[] =
	"# Driver overrides kept by lkmtui bind --persist: each line gives one device\n"
	"# the driver that may take it (driver_override) when it appears, before udev\n"
	"# loads modules for it. lkmtui bind ADDRESS (no module) or unbind --persist\n"
	"# removes a device's line.\n";

static int fail(struct lkm_bind_result *r, int err)
{
	r->err = err;
	return err;
}

/* Starts R's diagnosis of KIND with TITLE (a format, NULL: the table's). */
__attribute__((format(printf, 4, 5))) static int refuse(struct lkm_bind_result *r,
							enum lkm_diag_kind kind, int err,
							const char *title, ...)
{
	char text[512];
	va_list ap;

	if (title) {
		va_start(ap, title);
		vsnprintf(text, sizeof(text), title, ap);
		va_end(ap);
	}
	lkm_diag_start(&r->diag, kind, err, title ? text : NULL, NULL);
	if (r->diag.title == NULL || r->diag.teach == NULL) {
		lkm_diagnosis_release(&r->diag);
		return fail(r, -ENOMEM);
	}
	r->has_diag = true;
	return fail(r, err);
}

/* The bus that has a device ADDRESS; 0, or -ENOENT. */
static int find_bus(const struct lkm_sysroot *root, const char *address,
		    struct lkm_hwdev *dev)
{
	struct dirent *d;
	DIR *buses;
	int err = -ENOENT;

	if (lkm_sysroot_opendir(root, "/sys/bus", &buses) < 0)
		return -ENOENT;
	while (err == -ENOENT && (d = readdir(buses)) != NULL) {
		if (d->d_name[0] == '.')
			continue;
		err = lkm_hwdev_read(root, d->d_name, address, dev);
		if (err < 0)
			lkm_hwdev_release(dev);
		if (err == -EINVAL)
			break;
	}
	closedir(buses);
	return err;
}

/* Where a /sys link points, from its "devices/" on ("devices/pci0000:00/0000:00:05.0").
 */
static int link_devpath(const struct lkm_sysroot *root, const char *path, char *buf,
			size_t size)
{
	char target[PATH_MAX];
	ssize_t n = readlinkat(lkm_sysroot_fd(root), lkm_sysroot_rel(path), target,
			       sizeof(target) - 1);
	const char *p;

	if (n <= 0)
		return -ENOENT;
	target[n] = '\0';
	p = strstr(target, "devices/");
	if (p == NULL)
		return -ENOENT;
	snprintf(buf, size, "%s/", p);
	return 0;
}

/* The network interfaces on the device, and which one this login comes in through. */
static int interfaces(const struct lkm_session *s, struct lkm_bind_result *r,
		      char **login)
{
	char path[512], ssh_ip[64] = "";
	const char *ssh = lkm_sysroot_is_live(s->root) ? getenv("SSH_CONNECTION") : NULL;
	struct ifaddrs *ifs = NULL;
	struct dirent *d;
	DIR *dir;
	int err = 0;

	*login = NULL;
	/* "CLIENT_IP CLIENT_PORT SERVER_IP SERVER_PORT": the server's address is ours. */
	if (ssh && sscanf(ssh, "%*s %*s %63s", ssh_ip) == 1 && getifaddrs(&ifs) < 0)
		ifs = NULL;
	snprintf(path, sizeof(path), "/sys/bus/%s/devices/%s/net", r->bus, r->address);
	if (lkm_sysroot_opendir(s->root, path, &dir) < 0)
		goto out;
	while (err == 0 && (d = readdir(dir)) != NULL) {
		if (d->d_name[0] == '.')
			continue;
		if (!lkm_strv_addf(&r->losing, &r->n_losing,
				   _("%s (a network interface on it)"), d->d_name))
			err = -ENOMEM;
		for (struct ifaddrs *i = ifs; i && !*login; i = i->ifa_next) {
			char ip[64] = "";
			const void *a = NULL;

			if (i->ifa_addr == NULL || strcmp(i->ifa_name, d->d_name) != 0)
				continue;
			if (i->ifa_addr->sa_family == AF_INET)
				a = &((struct sockaddr_in *)(void *)i->ifa_addr)
					     ->sin_addr;
			else if (i->ifa_addr->sa_family == AF_INET6)
				a = &((struct sockaddr_in6 *)(void *)i->ifa_addr)
					     ->sin6_addr;
			if (a && inet_ntop(i->ifa_addr->sa_family, a, ip, sizeof(ip)) &&
			    strcmp(ip, ssh_ip) == 0 &&
			    (*login = strdup(d->d_name)) == NULL)
				err = -ENOMEM;
		}
	}
	closedir(dir);
out:
	if (ifs)
		freeifaddrs(ifs);
	return err;
}

/* The mounts whose disk is on the device; *ROOTFS when "/" is one of them. */
static int mounts_on(const struct lkm_session *s, struct lkm_bind_result *r, bool *rootfs)
{
	struct lkm_mounts m = { 0 };
	char devpath[PATH_MAX], blk[PATH_MAX], path[128];
	int err = 0;

	*rootfs = false;
	snprintf(path, sizeof(path), "/sys/bus/%s/devices/%s", r->bus, r->address);
	if (link_devpath(s->root, path, devpath, sizeof(devpath)) < 0 ||
	    lkm_mounts_read(&m, s->root) < 0)
		goto out;
	for (size_t i = 0; i < m.n && err == 0; i++) {
		if (m.v[i].major == 0)
			continue;
		snprintf(path, sizeof(path), "/sys/dev/block/%u:%u", m.v[i].major,
			 m.v[i].minor);
		if (link_devpath(s->root, path, blk, sizeof(blk)) < 0 ||
		    strncmp(blk, devpath, strlen(devpath)) != 0)
			continue;
		if (strcmp(m.v[i].point, "/") == 0)
			*rootfs = true;
		if (!lkm_strv_addf(&r->losing, &r->n_losing, _("%s (mounted from %s)"),
				   m.v[i].point, m.v[i].source))
			err = -ENOMEM;
	}
out:
	lkm_mounts_release(&m);
	return err;
}

/* Refuses to take away the root file system or the login's interface. */
static int check_in_use(const struct lkm_session *s, struct lkm_bind_result *r)
{
	char *login = NULL;
	bool rootfs = false;
	int err = interfaces(s, r, &login);

	if (err == 0)
		err = mounts_on(s, r, &rootfs);
	if (err < 0) {
		free(login);
		return fail(r, err);
	}
	if (rootfs) {
		refuse(r, LKM_DIAG_DEVICE_IN_USE, -EBUSY,
		       _("%s holds the root file system"), r->address);
		LKM_EVIDENCE(&r->diag, _("/ is mounted from a disk on %s"), r->address);
	} else if (login) {
		refuse(r, LKM_DIAG_DEVICE_IN_USE, -EBUSY,
		       _("you are logged in through %s, on %s"), login, r->address);
		LKM_EVIDENCE(&r->diag, _("SSH_CONNECTION: %s"), getenv("SSH_CONNECTION"));
	}
	free(login);
	for (size_t i = 0; r->has_diag && i < r->n_losing; i++)
		LKM_EVIDENCE(&r->diag, _("it would take away %s"), r->losing[i]);
	return r->err;
}

/* MODULE's driver on BUS from /sys/module/MODULE/drivers ("pci:8139cp"), into R. */
static int module_driver(const struct lkm_sysroot *root, const char *module,
			 struct lkm_bind_result *r, char ***all, size_t *n_all)
{
	char path[PATH_MAX], name[256];
	struct dirent *d;
	DIR *dir;
	int err = 0;

	snprintf(name, sizeof(name), "%s", module);
	lkm_module_name_normalize(name);
	snprintf(path, sizeof(path), "/sys/module/%s/drivers", name);
	if (lkm_sysroot_opendir(root, path, &dir) < 0)
		return 0;
	while (err == 0 && (d = readdir(dir)) != NULL) {
		const char *colon = strchr(d->d_name, ':');

		if (d->d_name[0] == '.' || colon == NULL)
			continue;
		err = lkm_strv_addn(all, n_all, d->d_name, strlen(d->d_name));
		if (err == 0 && r->driver == NULL &&
		    strncmp(d->d_name, r->bus, (size_t)(colon - d->d_name)) == 0 &&
		    r->bus[colon - d->d_name] == '\0' &&
		    (r->driver = strdup(colon + 1)) == NULL)
			err = -ENOMEM;
	}
	closedir(dir);
	return err;
}

static struct lkm_bind_step *add_step(struct lkm_bind_result *r, int file,
				      const char *value)
{
	struct lkm_bind_step *grown =
		realloc(r->steps, (r->n_steps + 1) * sizeof(*grown));
	struct lkm_bind_step *st;
	char path[512];

	if (grown == NULL)
		return NULL;
	r->steps = grown;
	st = &grown[r->n_steps];
	memset(st, 0, sizeof(*st));
	st->file = file;
	if (file < 0)
		snprintf(path, sizeof(path), "%s", LKM_BIND_RULES);
	else if (lkm_bind_file_path(r->bus, r->address, file, path, sizeof(path)) < 0)
		return NULL;
	st->path = strdup(path);
	st->value = value ? strdup(value) : NULL;
	if (st->path == NULL || (value && st->value == NULL)) {
		free(st->path);
		free(st->value);
		return NULL;
	}
	r->n_steps++;
	return st;
}

/* The rules file with ADDRESS's line replaced by LINE ("" drops it). */
static int write_rule(const struct lkm_sysroot *root, const struct lkm_bind_result *r,
		      const char *line)
{
	struct lkm_buf old = { 0 }, out = { 0 };
	char key[256], host[PATH_MAX];
	int err = lkm_sysroot_path(root, LKM_BIND_RULES, host, sizeof(host));
	size_t len = 0;

	snprintf(key, sizeof(key), "SUBSYSTEM==\"%s\", KERNEL==\"%s\",", r->bus,
		 r->address);
	if (err == 0)
		err = lkm_procfile_read(root, LKM_BIND_RULES, &old);
	if (err == -ENOENT) {
		err = lkm_buf_reserve(&old, sizeof(rules_header));
		if (err == 0) {
			memcpy(old.data, rules_header, sizeof(rules_header));
			old.len = sizeof(rules_header) - 1;
		}
	}
	if (err == 0)
		err = lkm_buf_reserve(&out, old.len + strlen(line) + 2);
	for (char *p = old.data, *end = old.data + old.len; err == 0 && p < end;) {
		char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t n = nl ? (size_t)(nl - p) + 1 : (size_t)(end - p);

		if (memmem(p, n, key, strlen(key)) == NULL) {
			memcpy(out.data + len, p, n);
			len += n;
		}
		p += n;
	}
	if (err == 0 && *line) {
		if (len && out.data[len - 1] != '\n')
			out.data[len++] = '\n';
		len += (size_t)sprintf(out.data + len, "%s\n", line);
	}
	if (err == 0)
		err = lkm_replace_file(host, out.data, len, 0644,
				       LKM_REPLACE_HOLD_SIGNALS);
	lkm_buf_release(&old);
	lkm_buf_release(&out);
	return err;
}

static int persist(const struct lkm_session *s, struct lkm_bind_result *r, bool dry)
{
	char line[512] = "";
	struct lkm_bind_step *st;

	if (r->driver)
		snprintf(line, sizeof(line),
			 "ACTION==\"add\", SUBSYSTEM==\"%s\", KERNEL==\"%s\", "
			 "ATTR{driver_override}=\"%s\"",
			 r->bus, r->address, r->driver);
	st = add_step(r, -1, r->driver ? line : NULL);
	if (st == NULL)
		return fail(r, -ENOMEM);
	if (dry)
		return 0;
	/* udev's own directory may not be there yet on a minimal system. */
	if (mkdirat(lkm_sysroot_fd(s->root), "etc/udev", 0755) < 0 && errno != EEXIST)
		st->err = -errno;
	else if (mkdirat(lkm_sysroot_fd(s->root), "etc/udev/rules.d", 0755) < 0 &&
		 errno != EEXIST)
		st->err = -errno;
	else
		st->err = write_rule(s->root, r, line);
	st->done = st->err == 0;
	if (st->err == -ENOMEM)
		return fail(r, st->err);
	if (st->err < 0) {
		refuse(r, LKM_DIAG_PERSIST_FAILED, st->err, _("cannot write %s: %s"),
		       LKM_BIND_RULES, strerror(-st->err));
		LKM_EVIDENCE(&r->diag, _("the device is bound all the same: %s"),
			     r->driver ? r->driver : _("its usual driver"));
	}
	return r->err;
}

/* Carries out R's steps through the kernel boundary, stopping at the first refusal. */
static int run_steps(const struct lkm_session *s, struct lkm_bind_result *r)
{
	const struct lkm_ops *ops = s->engine.ops;

	lkm_kmsg_begin(&r->log, s->root);
	for (size_t i = 0; i < r->n_steps; i++) {
		struct lkm_bind_step *st = &r->steps[i];

		if (st->file < 0)
			continue;
		st->err = ops->write_bind(ops->ctx, r->bus, r->address, st->file,
					  st->value);
		st->done = st->err == 0;
		if (st->err < 0) {
			refuse(r, LKM_DIAG_BIND_FAILED, st->err,
			       _("writing %s failed: %s"), st->path, strerror(-st->err));
			break;
		}
	}
	if (lkm_kmsg_collect(&r->log) < 0)
		return fail(r, -ENOMEM);
	return r->err;
}

/* Whether the session may write to this kernel; refuses as a diagnosis if not. */
static int check_may_act(const struct lkm_session *s, struct lkm_bind_result *r)
{
	if (!lkm_session_may_act(s->root) || s->engine.ops == NULL ||
	    s->engine.ops->write_bind == NULL) {
		refuse(r, LKM_DIAG_OFFLINE_ROOT, -EROFS,
		       _("%s: lkmtui does not bind devices of a system it is only "
			 "looking "
			 "at"),
		       lkm_sysroot_dir(s->root));
		LKM_EVIDENCE(&r->diag, "%s",
			     s->why_not[0] ? s->why_not : lkm_sysroot_dir(s->root));
		return r->err;
	}
	if (!s->engine.privileged) {
		refuse(r, LKM_DIAG_PERMISSION_DENIED, -EPERM,
		       _("binding and unbinding devices needs root"));
		LKM_EVIDENCE(&r->diag, _("you are uid %u"), (unsigned)geteuid());
		return r->err;
	}
	return 0;
}

/* Reads the device and what unbinding it takes away; refusals as diagnoses. */
static int begin(const struct lkm_session *s, const char *address, bool unbinding,
		 unsigned flags, struct lkm_bind_result *r)
{
	struct lkm_hwdev dev;
	int err;

	memset(r, 0, sizeof(*r));
	r->log.fd = -1;
	r->load.log.fd = -1;
	err = find_bus(s->root, address, &dev);
	if (err == -ENOMEM)
		return fail(r, err);
	if (err < 0) {
		if ((r->address = strdup(address)) == NULL)
			return fail(r, -ENOMEM);
		refuse(r, LKM_DIAG_NO_SUCH_DEVICE, -ENODEV,
		       _("there is no device %s on this machine's buses"), address);
		LKM_EVIDENCE(&r->diag, _("no /sys/bus/*/devices/%s"), address);
		LKM_FIX(&r->diag, "lkmtui hardware");
		return r->err;
	}
	r->bus = dev.bus;
	r->address = dev.address;
	r->before = dev.driver;
	dev.bus = dev.address = dev.driver = NULL;
	lkm_hwdev_release(&dev);
	if (unbinding && r->before == NULL) {
		refuse(r, LKM_DIAG_NOT_BOUND, -ENODEV, _("no driver is bound to %s"),
		       r->address);
		return r->err;
	}
	if (!(flags & LKM_BIND_DRY_RUN) && check_may_act(s, r) < 0)
		return r->err;
	return r->before ? check_in_use(s, r) : 0;
}

/* The driver now bound to R's device, into R->after. */
static int read_after(const struct lkm_session *s, struct lkm_bind_result *r)
{
	struct lkm_hwdev dev;
	int err = lkm_hwdev_read(s->root, r->bus, r->address, &dev);

	if (err == 0) {
		r->after = dev.driver;
		dev.driver = NULL;
	}
	lkm_hwdev_release(&dev);
	return err == -ENOMEM ? fail(r, err) : 0;
}

static int load_module(const struct lkm_session *s, const char *module, unsigned flags,
		       struct lkm_bind_result *r)
{
	struct lkm_modules mods = { 0 };
	bool loaded;
	int err = lkm_modules_read(&mods, s->root);

	if (err == -ENOMEM)
		return fail(r, err);
	loaded = lkm_modules_find(&mods, module) != NULL;
	lkm_modules_release(&mods);
	if (loaded)
		return 0;
	r->load_ran = true;
	err = lkm_engine_load(&s->engine, module, NULL,
			      flags & LKM_BIND_DRY_RUN ? LKM_DRY_RUN : 0, &r->load);
	if (err < 0 || r->load.err < 0)
		r->err = r->load.err < 0 ? r->load.err : err;
	return r->err;
}

static int find_driver(const struct lkm_session *s, const char *module, bool dry,
		       struct lkm_bind_result *r)
{
	char **all = NULL;
	size_t n_all = 0;
	int err = module_driver(s->root, module, r, &all, &n_all);

	if (err < 0) {
		lkm_strv_free(all, n_all);
		return fail(r, err);
	}
	if (r->driver == NULL && !(dry && r->load_ran)) {
		refuse(r, LKM_DIAG_NO_DRIVER_FOR_BUS, -EINVAL,
		       _("%s has no driver for the %s bus, which %s is on"), module,
		       r->bus, r->address);
		if (n_all == 0)
			LKM_EVIDENCE(&r->diag, _("/sys/module/%s/drivers is empty"),
				     module);
		for (size_t i = 0; i < n_all; i++)
			LKM_EVIDENCE(&r->diag, _("its driver: %s"), all[i]);
		LKM_FIX(&r->diag, _("lkmtui hardware: the CANDIDATES of %s"), r->address);
	}
	lkm_strv_free(all, n_all);
	return r->err;
}

int lkm_bind(const struct lkm_session *s, const char *address, const char *module,
	     unsigned flags, struct lkm_bind_result *out)
{
	bool dry = flags & LKM_BIND_DRY_RUN;

	if (begin(s, address, false, flags, out) < 0)
		return out->err;
	if (module) {
		if ((out->module = strdup(module)) == NULL)
			return fail(out, -ENOMEM);
		if (load_module(s, module, flags, out) < 0 ||
		    find_driver(s, module, dry, out) < 0)
			return out->err;
	}
	/* driverctl's order: the override, the old driver lets go, the drivers probe. */
	/* A dry run before the load cannot know the driver's name yet: NULL says so. */
	if (!add_step(out, LKM_BIND_OVERRIDE,
		      out->driver ? out->driver
		      : module	  ? NULL
				  : "\n") ||
	    (out->before && !add_step(out, LKM_BIND_UNBIND, out->address)) ||
	    !add_step(out, LKM_BIND_PROBE, out->address))
		return fail(out, -ENOMEM);
	if (!dry && run_steps(s, out) < 0)
		return out->err;
	if ((flags & LKM_BIND_PERSIST) && persist(s, out, dry) < 0)
		return out->err;
	if (dry || read_after(s, out) < 0)
		return out->err;
	if (out->driver && (out->after == NULL || strcmp(out->after, out->driver) != 0)) {
		refuse(out, LKM_DIAG_BIND_FAILED, -ENODEV, _("%s did not take %s"),
		       out->driver, out->address);
		LKM_EVIDENCE(&out->diag,
			     out->after ? _("%s is bound to %s") : _("%s has no driver"),
			     out->address, out->after);
		for (size_t i = 0; i < out->log.n; i++)
			LKM_EVIDENCE(&out->diag, _("kernel: %s"), out->log.lines[i]);
		LKM_FIX(&out->diag, _("lkmtui hardware: the CANDIDATES of %s"),
			out->address);
	}
	return out->err;
}

int lkm_unbind(const struct lkm_session *s, const char *address, unsigned flags,
	       struct lkm_bind_result *out)
{
	bool dry = flags & LKM_BIND_DRY_RUN;

	if (begin(s, address, true, flags, out) < 0)
		return out->err;
	if (!add_step(out, LKM_BIND_UNBIND, out->address))
		return fail(out, -ENOMEM);
	if (!dry && run_steps(s, out) < 0)
		return out->err;
	if ((flags & LKM_BIND_PERSIST) && persist(s, out, dry) < 0)
		return out->err;
	if (!dry)
		read_after(s, out);
	return out->err;
}

void lkm_bind_result_release(struct lkm_bind_result *r)
{
	free(r->address);
	free(r->bus);
	free(r->module);
	free(r->driver);
	free(r->before);
	free(r->after);
	lkm_result_release(&r->load);
	for (size_t i = 0; i < r->n_steps; i++) {
		free(r->steps[i].path);
		free(r->steps[i].value);
	}
	free(r->steps);
	lkm_strv_free(r->losing, r->n_losing);
	lkm_kmsg_end(&r->log);
	if (r->has_diag)
		lkm_diagnosis_release(&r->diag);
	memset(r, 0, sizeof(*r));
	r->log.fd = -1;
}

void lkm_bind_step_text(const struct lkm_bind_step *st, const struct lkm_bind_result *r,
			bool dry, char *buf, size_t size)
{
	bool done = st->done && !dry;

	if (st->file < 0 && st->value)
		snprintf(buf, size,
			 done ? _("kept for the next boot: %s in %s")
			      : _("keep for the next boot: %s in %s"),
			 st->value, st->path);
	else if (st->file < 0)
		snprintf(buf, size,
			 done ? _("removed %s's line from %s")
			      : _("remove %s's line from %s"),
			 r->address, st->path);
	else if (st->value == NULL)
		snprintf(buf, size, _("write %s's %s driver to %s"), r->module, r->bus,
			 st->path);
	else if (strcmp(st->value, "\n") == 0)
		snprintf(buf, size, done ? _("cleared %s") : _("clear %s"), st->path);
	else
		snprintf(buf, size, done ? _("wrote %s to %s") : _("write %s to %s"),
			 st->value, st->path);
}
