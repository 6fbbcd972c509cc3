# needs: lkmtui
# full-tree
# lkmtui-full-tree: lkmtui on the kernel's whole module tree (about 4,000 modules:
# plain .ko on Debian's 6.1, .ko.xz on its 6.12), not the test subset. Load and
# unload by name, info and explain read the compressed files. The times of info,
# explain and a dry-run load on the subset and on the whole tree go to the test
# log ("@log" lines), not into the comparison.

timed() {	# timed WHAT: milliseconds of lkmtui WHAT (a mean of five)
	ms lkmtui "$@"
}
sub_info=$(timed info vfat)
sub_explain=$(timed explain vfat)
sub_plan=$(timed load --dry-run vfat)
sub_count=$(find $MODDIR -name "*$KO" | wc -l)

echo "--- the whole tree, shared by the host over 9p"
full_tree && echo "mounted"
count=$(find $MODDIR/kernel -name "*$KO" | wc -l)
[ "$count" -gt 3000 ] && echo "more than 3000 modules, each a *@KO@ file"
echo "@log modules: $sub_count in the subset, $count in the whole tree"
echo "@log info vfat: $sub_info ms on the subset, $(timed info vfat) ms on the whole tree"
echo "@log explain vfat: $sub_explain ms on the subset, $(timed explain vfat) ms on the whole tree"
echo "@log load --dry-run vfat: $sub_plan ms on the subset, $(timed load --dry-run vfat) ms on the whole tree"

echo "--- load by name: fat first"
t lkmtui load --dry-run vfat
t lkmtui load vfat
mod_state fat
mod_state vfat
echo "--- info reads the module's file"
lkmtui info vfat > /tmp/info; echo "[rc=$?]"
grep -E '^(module|file|name|description|license|alias|depends|intree|vermagic|elf|state) ' /tmp/info
echo "--- unload the stack"
t lkmtui unload --stack vfat
mod_state vfat
mod_state fat
echo "--- explain: a module whose prerequisites are in the tree"
t lkmtui explain msdos
echo "--- explain: the -cloud flavour's fat against this tree's kernel"
# CRCs move with every build of the kernel, and so does which symbol 6.12 names first
# (6.1 names module_layout): lkmtui must predict the symbol the kernel names when
# it refuses the file, @SYM@ here.
dmesg -c > /dev/null
$KMOD/insmod /lab/fat-cloud.ko 2> /dev/null
SYM=$(dmesg -c | sed -n 's/.*disagrees about version of symbol \([A-Za-z0-9_]*\).*/\1/p' | head -n1)
lkmtui explain /lab/fat-cloud.ko > /tmp/out 2>&1; echo "[rc=$?]"
sed -E "s/0x[0-9a-f]{8}/0xCRC/g; s/([^A-Za-z0-9_])${SYM:-no-symbol}([^A-Za-z0-9_]|\$)/\1@SYM@\2/g" /tmp/out
