// SPDX-License-Identifier: GPL-2.0
/*
 * demo_frontend: registers a character device major under a name that is not its own
 * ("lkmlab-frontend"), as nvidia does with "nvidia-frontend", and makes no device in
 * sysfs: its nodes are made by hand with mknod (as nvidia-modprobe does), so no
 * /sys/dev/char link points at the module. A process holding such a node keeps it loaded.
 */
#include <linux/fs.h>
#include <linux/init.h>
#include <linux/module.h>

static int major;

static const struct file_operations demo_frontend_fops = {
	.owner = THIS_MODULE,
};

static int __init demo_frontend_init(void)
{
	major = register_chrdev(0, "lkmlab-frontend", &demo_frontend_fops);
	if (major < 0)
		return major;
	return 0;
}

static void __exit demo_frontend_exit(void)
{
	unregister_chrdev(major, "lkmlab-frontend");
}

module_init(demo_frontend_init);
module_exit(demo_frontend_exit);

MODULE_AUTHOR("lkmtui tests");
MODULE_DESCRIPTION("A character device major named unlike the module");
MODULE_LICENSE("GPL");
