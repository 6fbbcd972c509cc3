# needs: lkmtui
# qemu: -device rtl8139,addr=05,romfile= -device e1000,addr=06,romfile=
# copy: tests/fixtures/hardware/usr/share/misc/pci.ids:/usr/share/misc/pci.ids
# lkmtui-hardware: the devices of a real kernel's buses and their drivers, with the
# seed's NE2000 (00:03.0), an RTL8139C+ (00:05.0: two candidates in Debian's tree,
# 8139too refuses the chip, 8139cp takes it) and an e1000 (00:06.0). Each step is
# checked in /sys, not only in lkmtui's words. pci.ids is the fixture's extract.

# Tables as wide as they need: the serial console is not a terminal lkmtui measures.
COLUMNS=200
export COLUMNS
# t as vm-lib.sh's, with the pointer the kernel hashes differently each boot replaced
# ("RTL-8139C+ at 0x00000000090a29f4").
unhash() {
	sed -E 's/ at 0x[0-9a-f]{16}, / at 0xHASHED, /'
}
t() {
	echo "\$ $*"
	"$@" > /tmp/t.out 2>&1
	rc=$?
	unhash < /tmp/t.out
	echo "[rc=$rc]"
}

# drv ADDR: the device's driver and driver_override, as /sys shows them.
drv() {
	d=/sys/bus/pci/devices/$1
	if [ -e "$d/driver" ]; then
		echo "$1: driver $(basename "$(readlink "$d/driver")"), override $(cat "$d/driver_override")"
	else
		echo "$1: no driver, override $(cat "$d/driver_override")"
	fi
}
# nics: which driver each card's network interface belongs to.
nics() {
	for n in /sys/class/net/eth*; do
		[ -e "$n" ] || continue
		echo "${n##*/}: $(basename "$(readlink "$n/device")") $(basename "$(readlink "$n/device/driver")")"
	done
}
klog > /dev/null
echo "--- the machine's devices, nothing loaded"
t lkmtui hardware
t lkmtui hardware --json
echo "--- explain foresees the cards"
t lkmtui explain 8139too
t lkmtui explain virtio_pci
echo "--- a load that drives nothing: 8139too refuses the 8139C+ chip"
t lkmtui load 8139too
drv 0000:00:05.0
echo "--- a load that binds: 8139cp takes it"
t lkmtui load 8139cp
drv 0000:00:05.0
nics
echo "--- e1000 and the NE2000"
t lkmtui load --json e1000
t lkmtui load ne2k-pci
drv 0000:00:06.0
drv 0000:00:03.0
echo "--- a load where nothing matches"
t lkmtui load virtio_pci
echo "--- the listing now"
t lkmtui hardware
echo "--- why each is loaded: a device, nothing, a device and a boot line"
mkdir -p /etc/modules-load.d
echo 8139cp > /etc/modules-load.d/nic.conf
for m in 8139cp 8139too e1000; do
	echo "\$ lkmtui info $m | loaded for"
	lkmtui info $m | sed -n '/^loaded for/,$p'
done
echo "\$ lkmtui info --json 8139cp | loaded_for"
lkmtui info --json 8139cp | sed -n '/^  "loaded_for"/,/^  }/p'
rm /etc/modules-load.d/nic.conf
echo "--- unbind"
t lkmtui unbind --dry-run 0000:00:05.0
t lkmtui unbind 0000:00:05.0
drv 0000:00:05.0
nics
t lkmtui unbind 0000:00:05.0
echo "--- bind to the other candidate: 8139too refuses it"
t lkmtui bind 0000:00:05.0 8139too
drv 0000:00:05.0
echo "--- bind back, then clear the override"
t lkmtui bind --json 0000:00:05.0 8139cp
drv 0000:00:05.0
t lkmtui bind 0000:00:05.0
drv 0000:00:05.0
echo "--- the e1000 card to 8139cp, a PCI driver that refuses it; then back"
t lkmtui bind 0000:00:06.0 8139cp
drv 0000:00:06.0
t lkmtui bind 0000:00:06.0
drv 0000:00:06.0
nics
echo "--- refusals, nothing written"
t lkmtui bind 0000:00:06.0 fat
t lkmtui bind 0000:00:09.0 e1000
t lkmtui unbind 0000:00:01.0
t lkmtui bind --persist --dry-run 0000:00:06.0 e1000
drv 0000:00:06.0
klog | unhash
