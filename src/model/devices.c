// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * /proc/devices (fs/proc/devices.c): "Character devices:" then, after a blank line,
 * "Block devices:", each entry "%3d %s". A major repeats when a driver registers several
 * ranges ("4 /dev/vc/0", "4 tty"); names may hold '/' ("sound/midi", "cpu/msr").
 *
 * Lines outside a known section (before the first header, or under a header we do not
 * know) are skipped and counted: they name no char or block device we can stand behind.
 */
#include "config.h"

#include <errno.h>
#include <limits.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "model/devices.h"
#include "model/scan.h"
#include "shared/array.h"

enum section { SEC_NONE, SEC_CHAR, SEC_BLOCK, SEC_UNKNOWN };

/* A header is a line of words ending in ':' that does not start with a digit. */
static bool is_header(const char *line, size_t len)
{
	return len > 1 && line[len - 1] == ':' && !(line[0] >= '0' && line[0] <= '9');
}

int lkm_devices_parse(struct lkm_devices *devs, char *text)
{
	enum section sec = SEC_NONE;
	bool seen_header = false;
	char *p = text;
	char *line;

	devs->n = 0;
	devs->skipped = 0;
	if (text == NULL)
		return -EINVAL;
	while ((line = lkm_scan_line(&p)) != NULL) {
		char *s = lkm_scan_trim(line, line + strlen(line));
		size_t len = strlen(s);
		uint64_t major;
		char *name;
		int err;

		if (len == 0)
			continue;
		if (is_header(s, len)) {
			if (strcmp(s, "Character devices:") == 0) {
				sec = SEC_CHAR;
				seen_header = true;
			} else if (strcmp(s, "Block devices:") == 0) {
				sec = SEC_BLOCK;
				seen_header = true;
			} else {
				sec = SEC_UNKNOWN;
				devs->skipped++;
			}
			continue;
		}
		name = s;
		if (sec != SEC_CHAR && sec != SEC_BLOCK) {
			devs->skipped++;
			continue;
		}
		if (!lkm_scan_u64(&name, &major) || major > UINT_MAX ||
		    (*name != ' ' && *name != '\t')) {
			devs->skipped++;
			continue;
		}
		name = lkm_scan_blank(name);
		if (*name == '\0') {
			devs->skipped++;
			continue;
		}
		err = lkm_array_room(devs->v, devs->n, devs->cap);
		if (err < 0) {
			devs->n = 0;
			return err;
		}
		devs->v[devs->n++] = (struct lkm_device){
			.kind = sec == SEC_CHAR ? LKM_DEV_CHAR : LKM_DEV_BLOCK,
			.major = (unsigned)major,
			.name = name,
		};
	}
	/* Neither section header: whatever this is, it is not /proc/devices. */
	return seen_header ? 0 : -EINVAL;
}

int lkm_devices_read(struct lkm_devices *devs, const struct lkm_sysroot *root)
{
	int err = lkm_procfile_read(root, "/proc/devices", &devs->buf);

	if (err < 0) {
		devs->n = 0;
		devs->skipped = 0;
		return err;
	}
	return lkm_devices_parse(devs, devs->buf.data);
}

void lkm_devices_release(struct lkm_devices *devs)
{
	free(devs->v);
	lkm_buf_release(&devs->buf);
	memset(devs, 0, sizeof(*devs));
}
