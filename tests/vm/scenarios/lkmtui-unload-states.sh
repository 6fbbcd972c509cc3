# needs: lkmtui
# lkmtui-unload-states: why an unload fails (in-use, permanent, not-loaded), a
# module loaded by another tool (busybox's insmod, kmod's insmod) shown right
# by `lkmtui list` and `lkmtui info`, the transient states a module passes
# through (loading: init still running; unloading: exit running, use count -1)
# and what a load or unload meets then (still-loading, still-unloading),
# and last modules-disabled, which cannot be undone: load and unload refused.
X=$MODDIR/extra
LIST='lkmtui list -o NAME,USED,BY,STATE,FLAGS,TAINTS'
# Sizes differ between kernel builds.
info() { t lkmtui info "$@" | sed -E 's/^(core size +)[0-9]+$/\1SIZE/'; }
# The task running an init or exit: its pid differs from boot to boot.
nopid() {
	echo "\$ $*"
	"$@" > /tmp/nopid.out 2>&1
	rc=$?
	sed -E 's/pid [0-9]+/pid PID/; s|/proc/[0-9]+/|/proc/PID/|' /tmp/nopid.out
	echo "[rc=$rc]"
}
wait_state() {	# wait_state STATE: until demo_ne's /proc/modules line says STATE
	i=0
	while ! grep -q "^demo_ne .* $1 " /proc/modules && [ $i -lt 200 ]; do
		sleep 0.05; i=$((i + 1))
	done
}

echo "--- loaded by busybox insmod"
t insmod $MODDIR/kernel/fs/fat/fat$KO
t insmod $MODDIR/kernel/fs/fat/vfat$KO
mods
t $LIST
info fat
echo "--- in-use"
t lkmtui unload fat
sh_t 'lkmtui unload --json fat | grep -E "\"(kind|errno_name)\""'
mods
echo "--- loaded by kmod insmod, with parameters"
t $KMOD/insmod $X/demo_ne.ko io=0x280 irq=10 name=kmod
mod_state demo_ne
t $LIST
info demo_ne

echo "--- permanent"
t lkmtui load demo_permanent
mod_state demo_permanent
t $LIST
t lkmtui unload demo_permanent
sh_t 'lkmtui unload --json demo_permanent | grep -E "\"(kind|errno_name)\""'
mod_state demo_permanent

echo "--- not-loaded"
t lkmtui unload msdos
t lkmtui unload vfatt
sh_t 'lkmtui unload --json msdos | grep "\"kind\""'
mods

echo "--- unloading: exit takes 8 s"
t lkmtui set demo_ne exit_delay_ms=8000
lkmtui unload demo_ne > /tmp/unload.out 2>&1 &
wait_state Unloading
mod_state demo_ne
sh_t "$LIST | grep -E '^(NAME|demo_ne) '"
sh_t 'lkmtui list --json | grep -A6 "\"demo_ne\"" | grep -E "use_count|state"'
sh_t "lkmtui info demo_ne | sed -n '/^state/,/^taints/p' | grep -v '^taints'"
# Its exit still running: neither a load nor a second unload (still-unloading).
nopid lkmtui load demo_ne
nopid lkmtui unload demo_ne
sh_t 'lkmtui load --json demo_ne | grep -E "\"(kind|errno_name)\""'
wait
cat /tmp/unload.out
mod_state demo_ne

echo "--- loading: init takes 8 s"
lkmtui load demo_ne init_delay_ms=8000 > /tmp/load.out 2>&1 &
wait_state Loading
mod_state demo_ne
sh_t "$LIST | grep -E '^(NAME|demo_ne) '"
# Its init still running: neither an unload nor a second load (still-loading).
nopid lkmtui unload demo_ne
nopid lkmtui load demo_ne
sh_t 'lkmtui unload --json demo_ne | grep -E "\"(kind|errno_name)\""'
wait
cat /tmp/load.out
mod_state demo_ne
sh_t "$LIST | grep -E '^(NAME|demo_ne) '"
t lkmtui unload demo_ne

echo "--- modules-disabled (last: it lasts until reboot)"
sh_t 'echo 1 > /proc/sys/kernel/modules_disabled'
show /proc/sys/kernel/modules_disabled
t lkmtui load msdos
sh_t 'lkmtui load --json msdos | grep -E "\"(kind|errno_name)\""'
t lkmtui unload vfat
sh_t 'lkmtui unload --json vfat | grep -E "\"(kind|errno_name)\""'
t lkmtui explain msdos
mods
klog
