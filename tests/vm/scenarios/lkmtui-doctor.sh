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
echo "--- a clean machine"
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
dmesg -c >/dev/null
t lkmtui load demo_chr
klog
t lkmtui doctor
t lkmtui doctor --json

echo "--- the kernel refuses the value the doctor calls refused"
t $KMOD/modprobe demo_ne
klog
t lkmtui unload demo_chr

echo "--- the running release's tree gone"
mv $MODDIR /lib/modules/moved
t lkmtui doctor
mv /lib/modules/moved $MODDIR
