// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * /proc/net/dev (net/core/net-procfs.c): two header lines, then one line per interface,
 * "%6s: %7llu ..." with 16 counters. A name longer than six characters pushes the colon
 * right against the first number ("vethf345468:648"), and 2.6-era kernels padded lines
 * with trailing spaces. The kernel refuses ':' and blanks in interface names
 * (dev_valid_name()), so the first colon ends the name.
 */
#include "config.h"

#include <errno.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "model/netdev.h"
#include "model/scan.h"
#include "shared/array.h"

static const char *const counter_keys[LKM_NETDEV_NCOUNTERS] = {
	[LKM_RX_BYTES] = "bytes",
	[LKM_RX_PACKETS] = "packets",
	[LKM_RX_ERRS] = "errs",
	[LKM_RX_DROP] = "drop",
	[LKM_RX_FIFO] = "fifo",
	[LKM_RX_FRAME] = "frame",
	[LKM_RX_COMPRESSED] = "compressed",
	[LKM_RX_MULTICAST] = "multicast",
	[LKM_TX_BYTES] = "bytes",
	[LKM_TX_PACKETS] = "packets",
	[LKM_TX_ERRS] = "errs",
	[LKM_TX_DROP] = "drop",
	[LKM_TX_FIFO] = "fifo",
	[LKM_TX_COLLS] = "colls",
	[LKM_TX_CARRIER] = "carrier",
	[LKM_TX_COMPRESSED] = "compressed",
};

const char *lkm_netdev_counter_key(enum lkm_netdev_counter c)
{
	if ((unsigned)c >= LKM_NETDEV_NCOUNTERS)
		return NULL;
	return counter_keys[c];
}

/*
 * Parses one interface line into IF. False when the name is empty or has blanks, or when
 * there are not exactly 16 counters each fitting 64 bits: a line in a format we do not
 * know is better dropped than shown with its columns shifted.
 */
static bool parse_line(char *line, struct lkm_netif *nif)
{
	char *colon = strchr(line, ':');
	char *name, *p;

	if (colon == NULL)
		return false;
	name = lkm_scan_trim(line, colon);
	if (*name == '\0' || strpbrk(name, " \t") != NULL)
		return false;
	p = colon + 1;
	for (int i = 0; i < LKM_NETDEV_NCOUNTERS; i++) {
		p = lkm_scan_blank(p);
		if (!lkm_scan_u64(&p, &nif->c[i]))
			return false;
		if (*p != ' ' && *p != '\t' && *p != '\0')
			return false;
	}
	if (*lkm_scan_blank(p) != '\0')
		return false;
	nif->name = name;
	return true;
}

int lkm_netdev_parse(struct lkm_netdev *nd, char *text)
{
	char *p = text;
	char *line;
	int n_lines = 0;

	nd->n = 0;
	nd->skipped = 0;
	if (text == NULL)
		return -EINVAL;
	while ((line = lkm_scan_line(&p)) != NULL) {
		int err;

		/* "Inter-|   Receive ..." and " face |bytes ...": no colon, a '|'. */
		if (n_lines++ < 2 && strchr(line, '|') != NULL &&
		    strchr(line, ':') == NULL)
			continue;
		if (n_lines == 1)
			return -EINVAL; /* no header: not /proc/net/dev */
		if (*lkm_scan_blank(line) == '\0')
			continue;
		err = lkm_array_room(nd->v, nd->n, nd->cap);
		if (err < 0) {
			nd->n = 0;
			return err;
		}
		if (parse_line(line, &nd->v[nd->n]))
			nd->n++;
		else
			nd->skipped++;
	}
	return n_lines > 0 ? 0 : -EINVAL;
}

int lkm_netdev_read(struct lkm_netdev *nd, const struct lkm_sysroot *root)
{
	int err = lkm_procfile_read(root, "/proc/net/dev", &nd->buf);

	if (err < 0) {
		nd->n = 0;
		nd->skipped = 0;
		return err;
	}
	return lkm_netdev_parse(nd, nd->buf.data);
}

const struct lkm_netif *lkm_netdev_find(const struct lkm_netdev *nd, const char *name)
{
	if (name == NULL)
		return NULL;
	for (size_t i = 0; i < nd->n; i++)
		if (strcmp(nd->v[i].name, name) == 0)
			return &nd->v[i];
	return NULL;
}

void lkm_netdev_release(struct lkm_netdev *nd)
{
	free(nd->v);
	lkm_buf_release(&nd->buf);
	memset(nd, 0, sizeof(*nd));
}
