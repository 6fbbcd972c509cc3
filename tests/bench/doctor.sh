#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
#
# CPU of `lkmtui doctor` on Debian's whole module tree (as tests/vm/prepare.sh caches it)
# with 150 of its modules loaded, a modprobe.d and a modules-load.d of a dozen lines each
# and an initramfs older than them (so that the image is read and compared), beside
# kmod's `modprobe -n -a` of the modules-load.d names (what systemd-modules-load asks
# libkmod at boot) and `cat` of the files the doctor reads. make bench-doctor, part of
# make bench. The goal is a doctor cheap enough for a timer every minute (under 150 ms).

set -u
bin=${LKMTUI_BIN:-./lkmtui}
cache=${LKMTUI_CACHE:-${HOME:-/root}/.cache/lkmtui}
rounds=${LKMTUI_BENCH_ROUNDS:-50}
kver=$(LKMTUI_VM_QUIET=1 "$(dirname "$0")/../vm/prepare.sh" 6.1 2>/dev/null | sed -n 's/^KVER=//p')
tree=$cache/$kver/image/lib/modules/$kver
modprobe=$(command -v modprobe || echo /usr/sbin/modprobe)
if [ -z "$kver" ] || [ ! -s "$tree/modules.dep.bin" ] || [ ! -x "$modprobe" ] ||
	! command -v bash >/dev/null 2>&1 || ! command -v cpio >/dev/null 2>&1; then
	echo "bench-doctor: skipped: no cached module tree (tests/vm/prepare.sh), modprobe, bash or cpio"
	exit 0
fi
root=$(mktemp -d "${TMPDIR:-/tmp}/lkm-bench-doctor-XXXXXX") || exit 1
trap 'rm -rf "$root"' EXIT INT TERM
mkdir -p "$root/lib/modules" "$root/etc/modprobe.d" "$root/etc/modules-load.d" \
	"$root/proc/sys/kernel" "$root/boot" "$root/ird/etc/modprobe.d"
ln -s "$tree" "$root/lib/modules/$kver"
echo "$kver" >"$root/proc/sys/kernel/osrelease"
echo 12288 >"$root/proc/sys/kernel/tainted"
printf 'cpu  1 1 1 1\nbtime 1\n' >"$root/proc/stat"
# 150 modules of the tree loaded, in modules.dep's order.
sed -n 's|^\([^:]*\):.*|\1|p' "$tree/modules.dep" | head -150 |
	sed 's|.*/||; s|\.ko.*||; s|-|_|g; s|$| 16384 0 - Live 0xffffffffc0000000 (OE)|' >"$root/proc/modules"
names=$(sed -n 's|^\([^:]*\):.*|\1|p' "$tree/modules.dep" | sed -n '200,211p' | sed 's|.*/||; s|\.ko.*||')
printf '%s\n' $names nosuchmod >"$root/etc/modules-load.d/boot.conf"
for m in $(printf '%s\n' $names | head -6); do
	echo "options $m debug=1"
	echo "blacklist $m"
done >"$root/etc/modprobe.d/local.conf"
echo "install floppy /bin/false" >"$root/etc/modprobe.d/block.conf"
cp "$root/etc/modprobe.d/block.conf" "$root/ird/etc/modprobe.d/"
dd if=/dev/urandom of="$root/ird/firmware.bin" bs=1M count=20 2>/dev/null
(cd "$root/ird" && find . | cpio -o -H newc --quiet | gzip -1) >"$root/boot/initrd.img-$kver"
touch -d '2020-01-01' "$root/boot/initrd.img-$kver"

cpu_per_run() {
	bash -c 'TIMEFORMAT="%3U %3S"; n=$1; shift
		{ time { i=0; while [ $i -lt "$n" ]; do "$@" >/dev/null 2>&1; i=$((i + 1)); done; }; } 2>&1' \
		bash "$@" | awk -v n="$1" '{ printf "%.2f\n", ($1 + $2) * 1000 / n }'
}
echo "CPU per run, $kver tree, 150 modules loaded ($rounds runs each)"
printf '%-58s %10s\n' "what" "CPU"
printf '%-58s %7s ms\n' "lkmtui doctor (the initramfs read: 20 MiB gzip)" \
	"$(cpu_per_run "$rounds" "$bin" --root "$root" doctor)"
touch "$root/boot/initrd.img-$kver"
printf '%-58s %7s ms\n' "lkmtui doctor (the initramfs newer: not opened)" \
	"$(cpu_per_run "$rounds" "$bin" --root "$root" doctor)"
printf '%-58s %7s ms\n' "modprobe -n -a of the 13 modules-load.d names" \
	"$(cpu_per_run "$rounds" "$modprobe" -d "$root" -S "$kver" -C "$root/etc/modprobe.d" -n -a $names)"
printf '%-58s %7s ms\n' "cat of the configuration, /proc files and the image" \
	"$(cpu_per_run "$rounds" cat "$root/etc/modprobe.d/local.conf" "$root/etc/modules-load.d/boot.conf" \
		"$root/proc/modules" "$root/boot/initrd.img-$kver")"
