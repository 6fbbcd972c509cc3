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
CLOUD=/lab/fat-cloud.ko
# The -cloud module: which symbol the kernel names first moves with the releases
# (6.1 checks module_layout before anything else; 6.12 has no module_layout and
# checks every symbol, so how many lines it logs moves too). lkmtui must name the
# symbol the kernel named first: @SYM@ below.
SYM=
T_cloud() {
	dmesg -c > /dev/null
	t "$@" > /tmp/cloud.out
	[ -n "$SYM" ] || SYM=$(dmesg | sed -n 's/.*disagrees about version of symbol \([A-Za-z0-9_]*\).*/\1/p' | head -n1)
	echo "the kernel named a symbol first: $([ -n "$SYM" ] && echo yes || echo no)"
	norm < /tmp/cloud.out | sed -E "s/([^A-Za-z0-9_])$SYM([^A-Za-z0-9_]|\$)/\1@SYM@\2/g; s/and [0-9]+ more lines/and N more lines/" |
		sed -E 's/(of symbol|Unknown symbol) [A-Za-z0-9_]+/\1 SYM/'
}

echo "--- unresolved-symbols: msdos.ko by file, without fat"
T lkmtui load $MODDIR/kernel/fs/fat/msdos$KO
mods
echo "--- the same, JSON, whole"
T lkmtui load --json $MODDIR/kernel/fs/fat/msdos$KO
mods
t lkmtui load fat
t lkmtui load $MODDIR/kernel/fs/fat/msdos$KO
mods
t lkmtui unload --stack msdos
mods

echo "--- unresolved-symbols: a symbol nobody exports"
T lkmtui load demo_needs_missing
mod_state demo_needs_missing

echo "--- symbol-version-mismatch: fat from the -cloud flavour"
T_cloud lkmtui load $CLOUD
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
T_cloud lkmtui explain $CLOUD
T lkmtui explain /lab/not_a_module.o
sh_t 'lkmtui explain --json /lab/not_a_module.o | grep "\"kind\""'
T lkmtui explain demo_ne bogus=1
same_proc before
klog | grep -v 'Unknown symbol' | norm
