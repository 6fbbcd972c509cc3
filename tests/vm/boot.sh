#!/bin/sh
# boot.sh [--lab] [SCENARIO.sh]
# Boot the cached Debian kernel under qemu (TCG) with an initramfs made of the
# base archive from prepare.sh plus a small overlay (/init, the scenario, lkmtui).
#
# Scenario mode (default): runs SCENARIO.sh inside the guest (helpers from
# guest/vm-lib.sh are already sourced), prints on stdout only what it printed
# (between the console markers, \r stripped, the kernel version replaced by
# @KVER@, the -cloud flavour's by @CLOUDVER@, and the module tree's own suffix in
# paths under /lib/modules/@KVER@/kernel by @KO@: .ko on 6.1, .ko.xz on 6.12).  Exit: 0 scenario exited 0; 1 scenario exited non-zero; 2 the guest
# did not boot, hung (timeout) or lost the markers (console log on stderr);
# 77 prepare could not get what it needs (reason on stderr).
#
# --lab: interactive; /init starts /bin/lkmtui (or a shell) on the serial
# console, which is this terminal (-nographic).  Ctrl-A X quits qemu.
#
# Environment:
#   LKMTUI_BIN          lkmtui binary to put at /bin/lkmtui (with its libraries)
#   LKMTUI_VM_EXTRA     "HOSTPATH:GUESTPATH ..." more files for the guest
#   LKMTUI_VM_TIMEOUT   seconds before a scenario boot is killed (default 120)
#   LKMTUI_VM_LOG       keep the whole console log in this file
#   LKMTUI_VM_QEMU_ARGS extra qemu arguments (a scenario adds its own with a line
#                       "# qemu: ARGS")
#   LKMTUI_KVER         the kernel: a release or a generation (prepare.sh)
#   LKMTUI_CACHE        cache directory (default ~/.cache/lkmtui)
set -eu
here=$(cd "$(dirname "$0")" && pwd)

mode=scenario
if [ "${1:-}" = --lab ]; then mode=lab; shift; fi
scenario=${1:-}
if [ "$mode" = scenario ]; then
	[ -n "$scenario" ] && [ -r "$scenario" ] ||
		{ echo "usage: boot.sh [--lab] SCENARIO.sh" >&2; exit 2; }
fi

out=$(LKMTUI_VM_QUIET=${LKMTUI_VM_QUIET-1} "$here/prepare.sh") || exit $?
KVER=$(echo "$out" | sed -n 's/^KVER=//p')
K=$(echo "$out" | sed -n 's/^CACHE=//p')
KO=$(echo "$out" | sed -n 's/^KO=//p')

tmp=$(mktemp -d "${TMPDIR:-/tmp}/lkmtui-vm.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM
S=$tmp/stage
mkdir -p "$S/lib" "$S/etc" "$S/bin"
cp "$here/guest/init" "$S/init" && chmod 755 "$S/init"
cp "$here/guest/vm-lib.sh" "$S/lib/vm-lib.sh"
cp "$here/guest/motd" "$S/etc/motd"
echo "$mode" > "$S/etc/vm-mode"
[ -n "$scenario" ] && cp "$scenario" "$S/scenario.sh"
if [ -n "${LKMTUI_BIN:-}" ]; then
	[ -x "$LKMTUI_BIN" ] || { echo "boot.sh: LKMTUI_BIN=$LKMTUI_BIN is not executable" >&2; exit 2; }
	cp "$LKMTUI_BIN" "$S/bin/lkmtui"
	# lkmtui execs lkmtui-tui from beside it for the TUI.
	tui=$(dirname "$LKMTUI_BIN")/lkmtui-tui
	if [ -x "$tui" ]; then cp "$tui" "$S/bin/lkmtui-tui"; else tui=; fi
	"$here/copy-libs.sh" "$S" "$LKMTUI_BIN" $tui
	# The base archive has /usr/lib -> ../lib; keep library paths under /lib.
	[ -d "$S/usr/lib" ] && { cp -a "$S/usr/lib/." "$S/lib/"; rm -rf "$S/usr/lib"; }
fi
# "# preload: NAME" puts the test library NAME.so (tests/preload/NAME.c, built beside
# LKMTUI_BIN by make check) at /lib/lkmtui-test/NAME.so, for the scenario's LD_PRELOAD.
if [ -n "$scenario" ]; then
	for so in $(sed -n 's/^# preload: //p' "$scenario"); do
		built=$(dirname "${LKMTUI_BIN:-.}")/tests/preload/$so.so
		[ -f "$built" ] || { echo "$built is not built (make check builds it)" >&2; exit 77; }
		mkdir -p "$S/lib/lkmtui-test"
		cp "$built" "$S/lib/lkmtui-test/$so.so"
	done
fi
# "# copy: SRC:GUESTPATH" copies a file or directory of the source tree into the guest.
copies=
[ -n "$scenario" ] && copies=$(sed -n 's/^# copy: //p' "$scenario" | sed "s#^#$here/../../#")
for pair in ${LKMTUI_VM_EXTRA:-} $copies; do
	mkdir -p "$S$(dirname "${pair#*:}")"
	cp -a "${pair%%:*}" "$S${pair#*:}"
done
# "# host: PATH..." copies programs of this machine (Debian's own) into the guest at the
# same paths, with their libraries (e.g. /lib/systemd/systemd-modules-load).
hostfiles=
[ -n "$scenario" ] && hostfiles=$(sed -n 's/^# host: //p' "$scenario")
if [ -n "$hostfiles" ]; then
	for f in $hostfiles; do
		[ -e "$f" ] || { echo "boot.sh: SKIP: $f (asked by # host:) is not installed" >&2; exit 77; }
		mkdir -p "$S$(dirname "$f")" && cp -L "$f" "$S$f"
	done
	"$here/copy-libs.sh" "$S" $hostfiles
	[ -d "$S/usr/lib" ] && { cp -a "$S/usr/lib/." "$S/lib/"; rm -rf "$S/usr/lib"; }
fi
rmdir "$S/usr" 2>/dev/null || true
( cd "$S" && find . -mindepth 1 | LC_ALL=C sort |
	cpio -o -H newc -R 0:0 --quiet ) | gzip -1 > "$tmp/overlay.cpio.gz"
# "# python": Python 3 and ansible-core (python-cpio.sh: built once into the cache).
py=
if [ -n "$scenario" ] && grep -q '^# python$' "$scenario"; then
	py=$("$here/python-cpio.sh") || exit $?
fi
cat "$K/base.cpio.gz" $py "$tmp/overlay.cpio.gz" > "$tmp/initrd.gz"

# A scenario may ask for more hardware: "# qemu: -smp 2". "# full-tree" shares the
# whole module tree read-only over 9p (guest/vm-lib.sh: full_tree mounts it).
qemu_extra=
if [ -n "$scenario" ]; then
	qemu_extra=$(sed -n 's/^# qemu: //p' "$scenario" | tr '\n' ' ')
	if grep -q '^# full-tree' "$scenario"; then
		qemu_extra="$qemu_extra -virtfs local,path=$K/image/lib/modules/$KVER,mount_tag=fulltree,security_model=none,readonly=on"
	fi
	# "# disk: MB": an empty ext4 file system of that size as /dev/vda, the same disk
	# for every boot of the scenario (virtio_blk and ext4 come from the full tree).
	disk_mb=$(sed -n 's/^# disk: \([0-9]*\)$/\1/p' "$scenario")
	if [ -n "$disk_mb" ]; then
		command -v mkfs.ext4 >/dev/null 2>&1 || PATH=$PATH:/sbin:/usr/sbin
		command -v mkfs.ext4 >/dev/null 2>&1 ||
			{ echo "boot.sh: SKIP: no mkfs.ext4 (e2fsprogs) for the scenario's disk" >&2; exit 77; }
		truncate -s "${disk_mb}M" "$tmp/disk.img"
		mkfs.ext4 -q -F -L lkmtui-disk "$tmp/disk.img" >/dev/null
		qemu_extra="$qemu_extra -drive file=$tmp/disk.img,format=raw,if=virtio"
	fi
fi
# "# boots: N": the guest boots N times (with the same disk); each boot's kernel command
# line says which (lkmtui.boot=K); the output is each boot's, one after the other.
boots=1
[ -n "$scenario" ] && boots=$(sed -n 's/^# boots: \([0-9]*\)$/\1/p' "$scenario")
boots=${boots:-1}

# The NE2000 card in slot 3 routes to ACPI link LNKC = IRQ 11, the seed's line
# (in slot 2, which -vga none frees, it would get IRQ 10). Its peer is qemu's user
# network, restricted and without IPv6: nothing ever reaches the card, as with no peer,
# and qemu does not warn "nic ne2k_pci.0 has no peer".
# One host thread runs every vCPU (thread=single): with a thread per vCPU, a 2-CPU 6.12
# guest (-smp 2) now and then died at boot with "Oops: int3" in sched_clock_cpu, the
# other CPU running a breakpoint the kernel's text patching had already removed.
append="console=ttyS0 quiet panic=-1 printk.time=0 ${LKMTUI_VM_APPEND:-}"
set -- qemu-system-x86_64 -accel tcg,thread=single -cpu max -m 512 -no-reboot \
	-kernel "$K/vmlinuz" -initrd "$tmp/initrd.gz" \
	-netdev user,id=lab0,restrict=on,ipv6=off -device ne2k_pci,addr=03,romfile=,netdev=lab0 \
	-nic none -vga none $qemu_extra ${LKMTUI_VM_QEMU_ARGS:-}

if [ "$mode" = lab ]; then
	rows=24 cols=80
	if sz=$(stty size 2>/dev/null) && [ -n "$sz" ]; then rows=${sz% *} cols=${sz#* }; fi
	st=0
	"$@" -nographic -append "$append TERM=${TERM:-vt100} LKMTUI_ROWS=$rows LKMTUI_COLS=$cols" || st=$?
	# The BIOS turns this terminal's auto-wrap off (ESC [?7l): back on for the shell.
	[ -t 1 ] && printf '\033[?7h'
	exit $st
fi

# A scenario that needs longer says so: "# timeout: 600" (LKMTUI_VM_TIMEOUT wins).
timeout=${LKMTUI_VM_TIMEOUT:-$(sed -n 's/^# timeout: \([0-9]*\)$/\1/p' "$scenario" | tail -n1)}
timeout=${timeout:-120}
# Literal strings in sed patterns: a release holds '.' and '+'.
lit() { printf '%s' "$1" | sed 's/[].[*^$\\/+?(){}|]/\\&/g'; }
# run_boot K: boots once, prints the scenario's output; returns its status (2: no boot).
run_boot() {
	kb=$1; shift
	log=${LKMTUI_VM_LOG:-$tmp/console.log}
	[ "$boots" = 1 ] || log=$log.$kb
	st=0
	timeout -k 5 "$timeout" "$@" -display none -monitor none \
		-serial "file:$log" -append "$append lkmtui.boot=$kb" </dev/null >"$tmp/qemu.out" 2>&1 || st=$?
	tr -d '\r' < "$log" > "$tmp/console"
	end=$(grep -a '^=== END rc=[0-9]* ===$' "$tmp/console" | tail -n1 || true)
	if ! grep -aqx '=== BEGIN ===' "$tmp/console" || [ -z "$end" ]; then
		if [ "$st" = 124 ] || [ "$st" = 137 ]; then
			why="timed out after $timeout s"
		else
			why="qemu exited with status $st before the scenario finished"
		fi
		{ echo "boot.sh: guest $why (boot $kb of $boots); console log:"; cat "$tmp/console"
		  cat "$tmp/qemu.out"; } >&2
		return 2
	fi
	sed -n '/^=== BEGIN ===$/,/^=== END rc=[0-9]* ===$/p' "$tmp/console" | sed '1d;$d' |
		sed -E "s/$(lit "${KVER%-amd64}-cloud-amd64")/@CLOUDVER@/g; s/$(lit "$KVER")/@KVER@/g" |
		sed -E "s#(/lib/modules/@KVER@/kernel/[^ :'\"]*)$(lit "$KO")([^.a-z0-9_]|\$)#\1@KO@\2#g"
	rc=${end#=== END rc=}; rc=${rc% ===}
	[ "$rc" = 0 ] || { echo "boot.sh: scenario exited with status $rc (boot $kb of $boots)" >&2; return 1; }
	return 0
}
k=1
while [ "$k" -le "$boots" ]; do
	bst=0
	run_boot "$k" "$@" || bst=$?
	[ "$bst" = 0 ] || exit "$bst"
	k=$((k + 1))
done
exit 0
