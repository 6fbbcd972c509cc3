#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
#
# CPU of `lkmtui load --dry-run` beside `modprobe -n -v` for the same module and tree, run
# side by side (make bench-plan, part of make bench). The tree is Debian's, as
# tests/vm/prepare.sh caches it (the current release, or LKMTUI_KVER); ROOT is a directory
# whose lib/modules/KVER links to it, with an empty modprobe.d and nothing loaded.
# Both are whole processes: start-up, libraries and all, as a user runs them.

set -u
bin=${LKMTUI_BIN:-./lkmtui}
cache=${LKMTUI_CACHE:-${HOME:-/root}/.cache/lkmtui}
rounds=${LKMTUI_BENCH_ROUNDS:-200}
# The kernel as the real-kernel tests take it (LKMTUI_KVER, else the current 6.1).
kver=$(LKMTUI_VM_QUIET=1 "$(dirname "$0")/../vm/prepare.sh" 2>/dev/null | sed -n 's/^KVER=//p')
tree=$cache/$kver/image/lib/modules/$kver
modprobe=$(command -v modprobe || echo /usr/sbin/modprobe)

if [ -z "$kver" ] || [ ! -s "$tree/modules.dep.bin" ] || [ ! -x "$modprobe" ]; then
	echo "bench-plan: skipped: no cached module tree (tests/vm/prepare.sh) or no modprobe"
	exit 0
fi
root=$(mktemp -d "${TMPDIR:-/tmp}/lkm-bench-plan-XXXXXX") || exit 1
trap 'rm -rf "$root"' EXIT INT TERM
mkdir -p "$root/lib/modules" "$root/etc/modprobe.d" "$root/proc"
ln -s "$tree" "$root/lib/modules/$kver"
: > "$root/proc/modules"

# Children's CPU (user + system) of ROUNDS runs of the command, in ms per run.
cpu_per_run() {
	(
		i=0
		while [ $i -lt "$rounds" ]; do
			"$@" > /dev/null 2>&1
			i=$((i + 1))
		done
		times
	) | awk -v n="$rounds" 'NR == 2 {
		split($1, u, /[ms]/); split($2, s, /[ms]/)
		printf "%.2f", (u[1] * 60 + u[2] + s[1] * 60 + s[2]) * 1000 / n }'
}

echo "CPU per run, $kver tree ($rounds runs each): lkmtui load --dry-run vs modprobe -n -v"
printf '%-12s %12s %12s %7s\n' module lkmtui modprobe ratio
for m in msdos ne2k-pci csiostor snd-hda-intel iwlwifi; do
	lk=$(cpu_per_run "$bin" --root "$root" load --dry-run "$m")
	mp=$(cpu_per_run "$modprobe" -d "$root" -S "$kver" -C "$root/etc/modprobe.d" -n -v "$m")
	awk -v m="$m" -v lk="$lk" -v mp="$mp" \
		'BEGIN { printf "%-12s %9.2f ms %9.2f ms %6.2fx\n", m, lk, mp, (mp > 0 ? lk / mp : 0) }'
done
