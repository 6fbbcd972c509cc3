# needs: lkmtui
# full-tree
# disk: 16
# boots: 2
# host: /lib/systemd/systemd-modules-load
# timeout: 180
# --persist and block proven by rebooting (issue 25). /etc lives on an ext4 disk that
# both boots mount. Boot 1: lkmtui load --persist and block, with an initramfs behind.
# Boot 2: Debian's own systemd-modules-load reads what boot 1 left, as a boot does;
# /proc/modules and /sys say what it loaded, and with which values.
boot=$(sed -n 's/.*lkmtui\.boot=\([0-9]*\).*/\1/p' /proc/cmdline)
echo "@log boot $boot: scenario starts at $(cut -d' ' -f1 /proc/uptime) s of uptime"

# The disk: virtio_blk and ext4 from the whole tree, mounted beside the small one (whose
# demo modules the boot loads by name).
$KMOD/modprobe -a virtio_pci 9pnet_virtio 9p
mkdir -p "/mnt/full$MODDIR" /persist
mount -t 9p -o trans=virtio,version=9p2000.L,ro fulltree "/mnt/full$MODDIR"
$KMOD/modprobe -d /mnt/full -a virtio_blk ext4 || echo "no ext4 from the full tree"
mount -t ext4 /dev/vda /persist || echo "no disk"
[ "$boot" = 1 ] && cp -a /etc/. /persist/
umount /persist && mount -t ext4 /dev/vda /etc
echo "@log boot $boot: /etc on the disk at $(cut -d' ' -f1 /proc/uptime) s"
# What this scenario is about, from /proc/modules (the disk's own modules aside).
ours() { mods | grep -E '^(demo_ne|demo_consumer|msdos|fat|vfat) ' || echo "(none of them)"; }

if [ "$boot" = 1 ]; then
	echo "== boot 1: lkmtui writes to the disk's /etc"
	# The running kernel's initramfs, built before lkmtui wrote: it copies modprobe.d.
	mkdir -p /boot /tmp/ir/etc/modprobe.d
	echo "options snd index=0" > /tmp/ir/etc/modprobe.d/alsa-base.conf
	( cd /tmp/ir && find . | cpio -o -H newc 2>/dev/null | gzip ) > "/boot/initrd.img-$KVER"
	t lkmtui load --persist demo_ne io=0x300 irq=11
	t lkmtui load --persist msdos
	# fat is held by msdos: blocked for later loads, loaded until the reboot.
	t lkmtui block --persist fat
	t lkmtui block --json vfat
	show /etc/modprobe.d/lkmtui.conf /etc/modules-load.d/lkmtui.conf \
		/run/modprobe.d/lkmtui-block.conf
	ours
	# Again: nothing more to write, and the file says so.
	t lkmtui block --persist fat
	sync
	umount /etc || echo "umount /etc failed"
	echo "@log boot 1: done at $(cut -d' ' -f1 /proc/uptime) s"
	exit 0
fi

echo "== boot 2: Debian's systemd-modules-load reads the disk's /etc"
ours
# msdos is listed but needs fat, which /etc blocks: systemd-modules-load says so.
sh_t 'SYSTEMD_LOG_TARGET=console SYSTEMD_LOG_LEVEL=info /lib/systemd/systemd-modules-load 2>&1 | sort'
ours
show /sys/module/demo_ne/parameters/io /sys/module/demo_ne/parameters/irq
# The /run block of boot 1 went with the reboot; the /etc one did not.
show /run/modprobe.d/lkmtui-block.conf
t $KMOD/modprobe fat
t lkmtui load msdos
t lkmtui unblock --persist fat
t lkmtui load msdos
ours
echo "@log boot 2: done at $(cut -d' ' -f1 /proc/uptime) s"
