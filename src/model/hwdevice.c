// SPDX-License-Identifier: GPL-2.0-or-later
#include "config.h"

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "model/hwdevice.h"
#include "model/sysmodule.h"

/* Copies the LEN hex digits at S, lowercased, into OUT; false unless all are hex. */
static bool take_hex(const char *s, size_t len, char *out)
{
	for (size_t i = 0; i < len; i++) {
		if (!isxdigit((unsigned char)s[i]))
			return false;
		out[i] = (char)tolower((unsigned char)s[i]);
	}
	out[len] = '\0';
	return true;
}

/* The LEN hex digits after the field KEY in S ("bc" in "...bc02sc00"), into OUT. */
static bool field_hex(const char *s, const char *key, size_t len, char *out)
{
	const char *p = strstr(s, key);

	return p != NULL && strlen(p) >= strlen(key) + len &&
	       take_hex(p + strlen(key), len, out);
}

static void pci_ids(const char *m, struct lkm_hwids *out)
{
	char v[9], d[9];

	/* pci:v000010ECd00008139sv...: 32-bit fields, of which PCI uses the low 16. */
	if (strlen(m) < 18 || m[0] != 'v' || !take_hex(m + 1, 8, v) || m[9] != 'd' ||
	    !take_hex(m + 10, 8, d))
		return;
	memcpy(out->vendor, v + 4, 5);
	memcpy(out->device, d + 4, 5);
	/* ...bc02sc00i00: base class, subclass, programming interface, in a row. */
	const char *c = strstr(m + 18, "bc");

	if (c == NULL || strlen(c) < 11 || !take_hex(c + 2, 2, out->class) ||
	    strncmp(c + 4, "sc", 2) != 0 || !take_hex(c + 6, 2, out->class + 2) ||
	    c[8] != 'i' || !take_hex(c + 9, 2, out->class + 4))
		out->class[0] = '\0';
}

static void usb_ids(const char *m, struct lkm_hwids *out)
{
	/* usb:v0627p0001d0000dc00dsc00dp00ic03isc00ip00in00 */
	if (strlen(m) < 10 || m[0] != 'v' || !take_hex(m + 1, 4, out->vendor) ||
	    m[5] != 'p' || !take_hex(m + 6, 4, out->device)) {
		out->vendor[0] = out->device[0] = '\0';
		return;
	}
	if (!field_hex(m, "ic", 2, out->class) ||
	    !field_hex(m, "isc", 2, out->class + 2) ||
	    !field_hex(m, "ip", 2, out->class + 4))
		out->class[0] = '\0';
}

void lkm_hwids_from_modalias(const char *modalias, struct lkm_hwids *out)
{
	memset(out, 0, sizeof(*out));
	if (modalias == NULL)
		return;
	if (strncmp(modalias, "pci:", 4) == 0)
		pci_ids(modalias + 4, out);
	else if (strncmp(modalias, "usb:", 4) == 0)
		usb_ids(modalias + 4, out);
}

static bool is_dir_name(const char *s)
{
	return s != NULL && *s && strchr(s, '/') == NULL && strcmp(s, ".") != 0 &&
	       strcmp(s, "..") != 0;
}

/* The last component of the link at DIRFD/NAME, malloc'd into *OUT; NULL when there is no
 * such link. Returns 0 or -ENOMEM. */
static int link_base(int dirfd, const char *name, char **out)
{
	char target[PATH_MAX];
	ssize_t n = readlinkat(dirfd, name, target, sizeof(target) - 1);
	const char *base;

	*out = NULL;
	if (n <= 0)
		return 0;
	target[n] = '\0';
	base = strrchr(target, '/');
	base = base ? base + 1 : target;
	if (*base == '\0')
		return 0;
	*out = strdup(base);
	return *out ? 0 : -ENOMEM;
}

int lkm_hwdev_read(const struct lkm_sysroot *root, const char *bus, const char *address,
		   struct lkm_hwdev *out)
{
	char path[PATH_MAX];
	int fd, err;

	memset(out, 0, sizeof(*out));
	if (!is_dir_name(bus) || !is_dir_name(address))
		return -EINVAL;
	if (snprintf(path, sizeof(path), "sys/bus/%s/devices/%s", bus, address) >=
	    (int)sizeof(path))
		return -EINVAL;
	fd = openat(lkm_sysroot_fd(root), path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd < 0)
		return errno == ENOTDIR ? -ENOENT : -errno;
	out->bus = strdup(bus);
	out->address = strdup(address);
	err = out->bus && out->address ? 0 : -ENOMEM;
	if (err == 0) {
		err = lkm_sysattr_read(fd, "modalias", &out->modalias);
		if (err == -ENOMEM)
			goto out;
		/* An empty modalias says nothing: treat it as none. */
		if (out->modalias && out->modalias[0] == '\0') {
			free(out->modalias);
			out->modalias = NULL;
		}
		err = link_base(fd, "driver", &out->driver);
	}
	if (err == 0 && out->driver) {
		if (faccessat(fd, "driver", F_OK, 0) < 0) {
			/* A link left behind by a driver that is gone. */
			out->dangling = true;
			free(out->driver);
			out->driver = NULL;
		} else {
			err = link_base(fd, "driver/module", &out->module);
			/* A built-in driver has a module link too on 6.12 (atkbd ->
			 * /sys/module/atkbd, which holds its parameters); only a
			 * loaded module has an initstate. */
			if (err == 0 && out->module &&
			    faccessat(fd, "driver/module/initstate", F_OK, 0) < 0) {
				free(out->module);
				out->module = NULL;
			}
		}
	}
	lkm_hwids_from_modalias(out->modalias, &out->ids);
out:
	close(fd);
	return err < 0 ? err : 0;
}

void lkm_hwdev_release(struct lkm_hwdev *d)
{
	free(d->bus);
	free(d->address);
	free(d->modalias);
	free(d->driver);
	free(d->module);
	memset(d, 0, sizeof(*d));
}
