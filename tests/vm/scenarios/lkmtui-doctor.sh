# needs: lkmtui
# lkmtui-doctor: the machine's module set-up checked whole, on a real kernel. The guest
# starts clean (nothing found: exit 0), then is left as sysadmins leave one: a
# modules-load.d naming a module the tree does not have, a udev rule pasted in, a
# blocked and a blacklisted module asked for at boot, modprobe.d lines libkmod ignores
# and options the kernel would ignore or refuse, an initramfs built before the last
# change to modprobe.d, an out-of-tree module tainting the kernel; then the running
# release's tree is moved away (an upgrade without a reboot). Where a finding says what
# the kernel will do, the kernel is asked too: the words it ignores are logged as
# ignored when demo_chr loads, the refused value fails demo_ne's load with its own line.
# The later checks on the same machine: a driver loaded with its firmware file, which is
# then removed (the firmware package gone); DKMS packages laid out as dkms lays them out
# (one installed for this kernel, one built for an older kernel only, its build for
# this one failed without headers); the NE2000 card with its driver unloaded, and the
# doctor's own fix (lkmtui load ne2k-pci) binding it again.
echo "--- a clean machine"
t lkmtui load ne2k-pci
t lkmtui doctor

echo "--- the set-up as it drifted"
mkdir -p /etc/modules-load.d /etc/modprobe.d /boot /tmp/ird/etc/modprobe.d
printf 'blacklist msdos\n' >/etc/modprobe.d/local.conf
cp /etc/modprobe.d/local.conf /tmp/ird/etc/modprobe.d/
(cd /tmp/ird && find . | cpio -o -H newc 2>/dev/null | gzip) >/boot/initrd.img-$KVER
touch -d '2020-01-01 00:00:00' /boot/initrd.img-$KVER
cat >/etc/modules-load.d/boot.conf <<'CONF'
# what this machine loads at boot
fat
zfs
KERNEL=="ttyUSB*", MODE="0666"
demo_permanent
msdos
CONF
cat >>/etc/modprobe.d/local.conf <<'CONF'
install demo_permanent /bin/false
optons demo_ne irq=5
options demo_ne io=0x300 irq=eleven
options demo_chr nosuch=1 #32
CONF
mkdir -p /lib/firmware/lkmlab
echo firmware >/lib/firmware/lkmlab/demo_fw.bin
t lkmtui load demo_fw
rm /lib/firmware/lkmlab/demo_fw.bin
t lkmtui unload ne2k_pci
dkms=/var/lib/dkms
mkdir -p /usr/src/demo_ok-1.0 /usr/src/demo_old-2.0 $dkms/demo_ok/1.0/$KVER/x86_64/module \
	$dkms/demo_ok/1.0/$KVER/x86_64/log $dkms/demo_old/2.0/5.10.0-old-amd64/x86_64/module \
	$dkms/demo_old/2.0/5.10.0-old-amd64/x86_64/log $dkms/demo_old/2.0/build
printf 'PACKAGE_NAME="demo_ok"\nPACKAGE_VERSION="1.0"\nBUILT_MODULE_NAME[0]="demo_ok"\n' \
	>/usr/src/demo_ok-1.0/dkms.conf
printf 'PACKAGE_NAME="demo_old"\nPACKAGE_VERSION="2.0"\nBUILT_MODULE_NAME[0]="demo_old"\n' \
	>/usr/src/demo_old-2.0/dkms.conf
ln -s /usr/src/demo_ok-1.0 $dkms/demo_ok/1.0/source
ln -s /usr/src/demo_old-2.0 $dkms/demo_old/2.0/source
cp $MODDIR/extra/demo_ne.ko $dkms/demo_ok/1.0/$KVER/x86_64/module/demo_ok.ko
cp $MODDIR/extra/demo_ne.ko $dkms/demo_old/2.0/5.10.0-old-amd64/x86_64/module/demo_old.ko
ln -s 1.0/$KVER/x86_64 $dkms/demo_ok/kernel-$KVER-x86_64
ln -s 2.0/5.10.0-old-amd64/x86_64 $dkms/demo_old/kernel-5.10.0-old-amd64-x86_64
cat >$dkms/demo_old/2.0/build/make.log <<LOG
DKMS make.log for demo_old-2.0 for kernel $KVER (x86_64)
make -j1 KERNELRELEASE=$KVER -C /lib/modules/$KVER/build M=/var/lib/dkms/demo_old/2.0/build
make: *** /lib/modules/$KVER/build: No such file or directory.  Stop.
LOG
dmesg -c >/dev/null
t lkmtui load demo_chr
klog
t lkmtui doctor
t lkmtui doctor --json

echo "--- the doctor's fix for the card: its driver loaded, the device bound"
t lkmtui load ne2k-pci
sh_t 'for d in /sys/bus/pci/devices/*/driver; do readlink $d; done | grep -c ne2k'
sh_t 'lkmtui doctor --json | grep -c "\"check\": \"hardware\""'

echo "--- the kernel refuses the value the doctor calls refused"
t $KMOD/modprobe demo_ne
klog
t lkmtui unload demo_chr

echo "--- the running release's tree gone"
mv $MODDIR /lib/modules/moved
t lkmtui doctor
mv /lib/modules/moved $MODDIR
