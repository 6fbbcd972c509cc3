// SPDX-License-Identifier: GPL-2.0-or-later
#include "config.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include <ini.h>

#include "i18n.h"
#include "core/userpath.h"
#include "ui/tui/settings.h"

void lkm_tui_config_defaults(struct lkm_tui_config *cfg)
{
	cfg->interval = 2;
	cfg->pane = LKM_PANE_MODULES;
	cfg->color = LKM_COLOR_AUTO;
	cfg->split = false;
}

int lkm_tui_pane_from_name(const char *name)
{
	static const char *const names[LKM_PANE_COUNT][2] = {
		[LKM_PANE_MODULES] = { "modules", "1" },
		[LKM_PANE_DEVICES] = { "devices", "2" },
		[LKM_PANE_INTERRUPTS] = { "interrupts", "3" },
		[LKM_PANE_NETDEV] = { "network", "4" },
	};

	for (int p = 0; p < LKM_PANE_COUNT; p++)
		if (strcasecmp(name, names[p][0]) == 0 || strcmp(name, names[p][1]) == 0)
			return p;
	if (strcasecmp(name, "netdev") == 0)
		return LKM_PANE_NETDEV;
	return -1;
}

struct load_ctx {
	struct lkm_tui_config *cfg;
	const char *path;
	char *err;
	size_t errsize;
	int lineno;
	FILE *f;
};

/* Debian's inih does not pass line numbers to the handler: count them as inih reads. */
static char *read_line(char *str, int num, void *stream)
{
	struct load_ctx *c = stream;
	char *s = fgets(str, num, c->f);

	if (s)
		c->lineno++;
	return s;
}

static int bad(struct load_ctx *c, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
static int bad(struct load_ctx *c, const char *fmt, ...)
{
	char what[256];
	va_list ap;

	if (c->err[0]) /* the first error is the one to fix first */
		return 0;
	va_start(ap, fmt);
	vsnprintf(what, sizeof(what), fmt, ap);
	va_end(ap);
	snprintf(c->err, c->errsize, "%s:%d: %s", c->path, c->lineno, what);
	return 0;
}

static int on_value(void *user, const char *section, const char *name, const char *value)
{
	struct load_ctx *c = user;

	if (strcasecmp(section, "display") != 0)
		return bad(c, _("unknown section [%s] (the settings go under [display])"),
			   section);
	if (strcasecmp(name, "interval") == 0) {
		char *end;
		double d;

		errno = 0;
		d = strtod(value, &end);
		if (errno || end == value || *end || !(d >= 0.1 && d <= 3600))
			return bad(
				c,
				_("interval = '%s': give the seconds between refreshes, "
				  "from 0.1 to 3600"),
				value);
		c->cfg->interval = d;
	} else if (strcasecmp(name, "pane") == 0) {
		int p = lkm_tui_pane_from_name(value);

		if (p < 0)
			return bad(c,
				   _("pane = '%s': use modules, devices, interrupts or "
				     "network"),
				   value);
		c->cfg->pane = (enum lkm_pane)p;
	} else if (strcasecmp(name, "color") == 0 || strcasecmp(name, "colour") == 0) {
		if (strcasecmp(value, "auto") == 0)
			c->cfg->color = LKM_COLOR_AUTO;
		else if (strcasecmp(value, "yes") == 0 || strcasecmp(value, "on") == 0 ||
			 strcasecmp(value, "true") == 0 || strcmp(value, "1") == 0)
			c->cfg->color = LKM_COLOR_ON;
		else if (strcasecmp(value, "no") == 0 || strcasecmp(value, "off") == 0 ||
			 strcasecmp(value, "false") == 0 || strcmp(value, "0") == 0)
			c->cfg->color = LKM_COLOR_OFF;
		else
			return bad(c, _("color = '%s': use auto, yes or no"), value);
	} else if (strcasecmp(name, "layout") == 0) {
		if (strcasecmp(value, "single") == 0)
			c->cfg->split = false;
		else if (strcasecmp(value, "split") == 0)
			c->cfg->split = true;
		else
			return bad(c, _("layout = '%s': use single or split"), value);
	} else {
		return bad(
			c,
			_("unknown setting '%s' (known: interval, pane, color, layout)"),
			name);
	}
	return 1;
}

int lkm_tui_config_load(struct lkm_tui_config *cfg, const char *path, bool must_exist,
			char *err, size_t errsize)
{
	struct load_ctx c = { cfg, path, err, errsize, 0, NULL };
	mode_t mode;
	FILE *f;
	int fd, rc;

	err[0] = '\0';
	fd = lkm_userpath_open(path, LKM_USERPATH_FILE, &mode);
	f = fd < 0 ? NULL : fdopen(fd, "r");
	if (f == NULL) {
		int e = fd < 0 ? -fd : errno;

		if (fd >= 0)
			close(fd);
		if (e == ENOENT && !must_exist)
			return 0;
		if (e == EISDIR || e == EINVAL)
			snprintf(err, errsize,
				 _("the settings file %s is %s, not a regular file"),
				 path, lkm_userpath_kind(mode));
		else
			snprintf(err, errsize, _("cannot read the settings file %s: %s"),
				 path, strerror(e));
		return -e;
	}
	c.f = f;
	rc = ini_parse_stream(read_line, &c, on_value, &c);
	fclose(f);
	if (err[0])
		return -EINVAL;
	if (rc != 0) {
		/* inih's own complaint: a line that is neither [section] nor name =
		 * value. */
		snprintf(err, errsize,
			 _("%s:%d: not a '[section]' or 'name = value' line"), path, rc);
		return -EINVAL;
	}
	return 0;
}

const char *lkm_tui_config_default_path(char *buf, size_t size)
{
	const char *xdg = getenv("XDG_CONFIG_HOME");
	const char *home = getenv("HOME");

	if (xdg && xdg[0] == '/')
		snprintf(buf, size, "%s/lkmtui/config.ini", xdg);
	else if (home && home[0])
		snprintf(buf, size, "%s/.config/lkmtui/config.ini", home);
	else
		return NULL;
	return buf;
}
