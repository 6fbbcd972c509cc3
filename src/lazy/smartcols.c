// SPDX-License-Identifier: GPL-2.0-or-later
/* libsmartcols, opened on first use (src/lazy/lazy.h): the CLI's tables. */
#include "config.h"

#include <libsmartcols.h>

#include "lazy/lazy.h"

static struct lkm_lazy lib = { .soname = SONAME_SMARTCOLS };

struct libscols_table *scols_new_table(void)
{
	return LKM_LAZY(lib, scols_new_table)();
}

void scols_unref_table(struct libscols_table *tb)
{
	LKM_LAZY(lib, scols_unref_table)(tb);
}

int scols_table_enable_raw(struct libscols_table *tb, int enable)
{
	return LKM_LAZY(lib, scols_table_enable_raw)(tb, enable);
}

int scols_table_enable_noheadings(struct libscols_table *tb, int enable)
{
	return LKM_LAZY(lib, scols_table_enable_noheadings)(tb, enable);
}

struct libscols_column *scols_table_new_column(struct libscols_table *tb,
					       const char *name, double whint, int flags)
{
	return LKM_LAZY(lib, scols_table_new_column)(tb, name, whint, flags);
}

struct libscols_line *scols_table_new_line(struct libscols_table *tb,
					   struct libscols_line *parent)
{
	return LKM_LAZY(lib, scols_table_new_line)(tb, parent);
}

int scols_line_set_data(struct libscols_line *ln, size_t n, const char *data)
{
	return LKM_LAZY(lib, scols_line_set_data)(ln, n, data);
}

int scols_print_table(struct libscols_table *tb)
{
	return LKM_LAZY(lib, scols_print_table)(tb);
}
