# needs: lkmtui
# lkmtui-fleet: what the Ansible module lkmtui.kernel.lkm and `lkmtui metrics` rest on,
# on a real kernel. The guest has no Python, so Ansible itself cannot run here; this runs
# the exact lkmtui commands the module issues for each play (info NAME NAME=VALUE
# --json to decide, explain/--dry-run in check mode, load/set/unload --json to act, info
# again to read back) and prints the parts of their JSON the module branches on. Then
# lkmtui metrics after real loads, its values set against /proc/modules and /sys.
P=/sys/module/demo_ne/parameters
# wanted: the "wanted" array of info --json (what the module reads drift from).
wanted() {
	echo "\$ lkmtui info $* --json | wanted"
	lkmtui info "$@" --json | sed -n '/^  "wanted"/,/^  \]/p'
	lkmtui info "$@" --json | grep '^  "loaded"'
}
# diag: the keys a play branches on, from an action's JSON.
diag() {
	echo "\$ lkmtui $* --json | diag"
	lkmtui "$@" --json >/tmp/out.json 2>&1
	echo "[rc=$?]"
	grep -E '^  "ok"|^    "kind"|^    "title"|^      "action"|"module": "|"done"' /tmp/out.json
}
# metric NAME: the lines of one metric family, for the modules this scenario loads.
metric() {
	grep -E "^$1(\{| )" /tmp/lkmtui.prom | grep -E 'module="(fat|msdos|demo_ne)"|^[a-z_]+ |flag=' | sort
}

echo "=== play: demo_ne present, io=0x300 irq=11 (--check first)"
wanted demo_ne io=0x300 irq=11
sh_t "lkmtui explain demo_ne io=0x300 irq=11 --json | grep -c '\"kind\"'"
diag load demo_ne io=0x300 irq=11 --dry-run
mod_state demo_ne
diag load demo_ne io=0x300 irq=11
wanted demo_ne io=0x300 irq=11
echo "=== the same play again: nothing differs, nothing to do"
wanted demo_ne io=0x300 irq=11
echo "=== drift: irq written behind the play's back"
echo 7 >$P/irq
wanted demo_ne io=0x300 irq=11
diag set demo_ne irq=11 --dry-run
show $P/irq
diag set demo_ne irq=11
wanted demo_ne io=0x300 irq=11
echo "=== read-only drift: io=0x280 wanted"
wanted demo_ne io=0x280 irq=11
diag set demo_ne io=0x280 --dry-run
echo "(reload: true)"
diag unload demo_ne
diag load demo_ne io=0x280 irq=11
wanted demo_ne io=0x280 irq=11
show $P/io $P/irq
echo "=== failure: msdos.ko by file without fat"
# 6.1 ships msdos.ko, 6.12 msdos.ko.xz: the file is called MSDOS below.
msdos=$(ls $MODDIR/kernel/fs/fat/msdos.ko*)
sh_t "lkmtui explain $msdos --json | grep '^      \"kind\"'" | sed "s|$msdos|MSDOS|"
diag load $msdos | sed "s|$msdos|MSDOS|"
mod_state msdos
echo "=== absent, stack: ne2k_pci and 8390"
diag load ne2k-pci
diag unload ne2k_pci --stack --dry-run
diag unload ne2k_pci --stack
mod_state ne2k_pci
mod_state 8390
diag unload ne2k_pci --stack

echo "=== metrics after real loads"
t lkmtui load msdos
mkdir -p /etc/modprobe.d
echo "options demo_ne irq=11" >/etc/modprobe.d/demo.conf
echo 9 >$P/irq
lkmtui metrics >/tmp/lkmtui.prom
echo "lkmtui metrics: rc=$?"
for m in lkmtui_module_support lkmtui_module_tree_present lkmtui_module_index_stale \
	lkmtui_module_refcount lkmtui_module_state lkmtui_module_taint \
	lkmtui_module_parameter_drift lkmtui_kernel_taint; do
	metric $m
done
echo "(against /proc/modules and /proc/sys/kernel/tainted)"
sh_t "[ \"\$(grep '^lkmtui_modules_loaded ' /tmp/lkmtui.prom | cut -d' ' -f2)\" = \"\$(wc -l </proc/modules)\" ] && echo modules_loaded = lines of /proc/modules"
sh_t "[ \"\$(grep '^lkmtui_kernel_taint_mask ' /tmp/lkmtui.prom | cut -d' ' -f2)\" = \"\$(cat /proc/sys/kernel/tainted)\" ] && echo taint_mask = /proc/sys/kernel/tainted"
for m in fat msdos demo_ne; do
	sh_t "[ \"\$(grep '^lkmtui_module_size_bytes{module=\"$m\"}' /tmp/lkmtui.prom | cut -d' ' -f2)\" = \"\$(awk '\$1 == \"$m\" { print \$2 }' /proc/modules)\" ] && echo $m: size_bytes = /proc/modules"
done
mkdir -p /tmp/textfile
t lkmtui metrics --textfile /tmp/textfile
sh_t "ls -A /tmp/textfile; cmp /tmp/textfile/lkmtui.prom /tmp/lkmtui.prom && echo same as stdout"
t lkmtui unload msdos --stack
t lkmtui unload demo_ne
