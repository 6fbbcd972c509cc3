# needs: lkmtui
# lkmtui-load-failures: every way a load fails on this real kernel, as lkmtui
# names it: the kind (the "[kind]" at the end of the title line), the evidence
# (the kernel's own lines, what the file says) and the fix, and the kernel's
# state after each (nothing loaded that should not be).  `lkmtui explain`
# predicts the same failures without loading anything.
X=$MODDIR/extra
# What differs between kernel builds: CRCs, the -cloud flavour's ABI number,
# the demo module's size and offsets.
norm() {
	sed -E 's/0x[0-9a-f]{8}/0xCRC/g; s/[0-9]+\.[0-9]+\.[0-9]+-[0-9]+-cloud-amd64/@CLOUDVER@/g' |
	sed -E 's/at offset 0x[0-9a-f]+/at offset 0xOFF/; s/\([0-9]+ bytes\)/(SIZE bytes)/'
}
T() { t "$@" | norm; }
mods_proc() { md5sum /proc/modules | cut -c1-32 > /tmp/m.$1; }
same_proc() { mods_proc now; cmp -s /tmp/m.$1 /tmp/m.now && echo "/proc/modules unchanged" || { echo "/proc/modules CHANGED:"; mods; }; }
CLOUD=$(ls /lab/fat-*-cloud-amd64.ko)

echo "--- unresolved-symbols: msdos.ko by file, without fat"
T lkmtui load $MODDIR/kernel/fs/fat/msdos.ko
mods
echo "--- the same, JSON, whole"
T lkmtui load --json $MODDIR/kernel/fs/fat/msdos.ko
mods
t lkmtui load fat
t lkmtui load $MODDIR/kernel/fs/fat/msdos.ko
mods
t lkmtui unload --stack msdos
mods

echo "--- unresolved-symbols: a symbol nobody exports"
T lkmtui load demo_needs_missing
mod_state demo_needs_missing

echo "--- symbol-version-mismatch: fat from the -cloud flavour"
T lkmtui load $CLOUD
mod_state fat

echo "--- not-a-module: a plain object file"
T lkmtui load /lab/not_a_module.o
mods

echo "--- damaged-file: half of demo_ne.ko"
T lkmtui load /lab/demo_ne-truncated.ko
sh_t 'lkmtui load --json /lab/demo_ne-truncated.ko | grep "\"kind\""'
mod_state demo_ne

echo "--- no-device: demo_ne's init finds no card"
T lkmtui load demo_ne nodev=1
mod_state demo_ne

echo "--- unknown-parameter"
T lkmtui load demo_ne bogus=1
mod_state demo_ne

echo "--- already-loaded"
t lkmtui load demo_ne
T lkmtui load demo_ne
sh_t 'lkmtui load --json demo_ne | grep -E "\"(kind|errno_name)\""'
mod_state demo_ne
t lkmtui unload demo_ne

echo "--- not-found: a misspelt name"
T lkmtui load msdoss
T lkmtui load ne2kpci
sh_t 'lkmtui load --json msdoss | grep "\"kind\""'
mods

echo "--- explain: predictions, nothing loaded"
mods_proc before
T lkmtui explain msdos
T lkmtui explain $CLOUD
T lkmtui explain /lab/not_a_module.o
sh_t 'lkmtui explain --json /lab/not_a_module.o | grep "\"kind\""'
T lkmtui explain demo_ne bogus=1
same_proc before
klog | grep -v 'Unknown symbol' | norm
