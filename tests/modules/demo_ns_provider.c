// SPDX-License-Identifier: GPL-2.0
/* demo_ns_provider: exports demo_ns_answer into the namespace LKMTUI_DEMO. */
#include <linux/init.h>
#include <linux/module.h>

int demo_ns_answer(void)
{
	return 42;
}
EXPORT_SYMBOL_NS_GPL(demo_ns_answer, LKMTUI_DEMO);

static int __init demo_ns_provider_init(void)
{
	return 0;
}

static void __exit demo_ns_provider_exit(void)
{
}

module_init(demo_ns_provider_init);
module_exit(demo_ns_provider_exit);

MODULE_AUTHOR("lkmtui tests");
MODULE_DESCRIPTION("Exports a symbol into namespace LKMTUI_DEMO");
MODULE_LICENSE("GPL");
