// SPDX-License-Identifier: GPL-2.0
/*
 * demo_fw: a driver whose init needs a firmware file, as many network and wifi drivers'
 * probes do. It declares it (MODULE_FIRMWARE, modinfo's "firmware:") and asks the
 * firmware loader for it from init; without the file init fails with the loader's error
 * (-ENOENT) and the kernel logs "Direct firmware load for ... failed with error -2".
 */
#include <linux/firmware.h>
#include <linux/init.h>
#include <linux/module.h>
#include <linux/platform_device.h>

#define DEMO_FW "lkmlab/demo_fw.bin"

static struct platform_device *pdev;

static int __init demo_fw_init(void)
{
	const struct firmware *fw;
	int err;

	pdev = platform_device_register_simple("demo_fw", -1, NULL, 0);
	if (IS_ERR(pdev))
		return PTR_ERR(pdev);
	err = request_firmware(&fw, DEMO_FW, &pdev->dev);
	if (err) {
		platform_device_unregister(pdev);
		return err;
	}
	dev_info(&pdev->dev, "firmware %s: %zu bytes\n", DEMO_FW, fw->size);
	release_firmware(fw);
	return 0;
}

static void __exit demo_fw_exit(void)
{
	platform_device_unregister(pdev);
}

module_init(demo_fw_init);
module_exit(demo_fw_exit);

MODULE_AUTHOR("lkmtui tests");
MODULE_DESCRIPTION("Needs a firmware file from its init");
MODULE_FIRMWARE(DEMO_FW);
MODULE_LICENSE("GPL");
