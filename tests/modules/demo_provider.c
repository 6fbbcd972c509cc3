// SPDX-License-Identifier: GPL-2.0
/* demo_provider: exports a function for demo_consumer (like fat for msdos). */
#include <linux/init.h>
#include <linux/module.h>

int demo_provider_answer(void)
{
	return 42;
}
EXPORT_SYMBOL_GPL(demo_provider_answer);

static int __init demo_provider_init(void)
{
	return 0;
}

static void __exit demo_provider_exit(void)
{
}

module_init(demo_provider_init);
module_exit(demo_provider_exit);

MODULE_DESCRIPTION("Exports demo_provider_answer");
MODULE_LICENSE("GPL");
