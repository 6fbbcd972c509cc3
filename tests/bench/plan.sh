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

if [ -z "$kver" ] || [ ! -s "$tree/modules.dep.bin" ] || [ ! -x "$modprobe" ] ||
	! command -v bash >/dev/null 2>&1; then
	echo "bench-plan: skipped: no cached module tree (tests/vm/prepare.sh), no modprobe or no bash"
	exit 0
fi
root=$(mktemp -d "${TMPDIR:-/tmp}/lkm-bench-plan-XXXXXX") || exit 1
trap 'rm -rf "$root"' EXIT INT TERM
mkdir -p "$root/lib/modules" "$root/etc/modprobe.d" "$root/proc"
ln -s "$tree" "$root/lib/modules/$kver"
: > "$root/proc/modules"

# Children's CPU (user + system) of N runs of the command, in ms per run: bash's `time`
# reads getrusage (microseconds), where times(1) counts clock ticks (10 ms).
cpu_per_run() {
	bash -c 'TIMEFORMAT="%3U %3S"; n=$1; shift
		{ time { i=0; while [ $i -lt "$n" ]; do "$@" >/dev/null 2>&1; i=$((i + 1)); done; }; } 2>&1' \
		bash "$@" | awk -v n="$1" '{ printf "%.4f\n", ($1 + $2) * 1000 / n }'
}

# The median of the numbers on stdin.
median() {
	sort -n | awk '{ v[NR] = $1 } END { print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }'
}

# The machine is shared: ROUNDS runs of each in BATCHES batches, lkmtui's and modprobe's
# batches taking turns, so that both see the same load; the median batch of each is kept.
batches=${LKMTUI_BENCH_BATCHES:-10}
per=$(( (rounds + batches - 1) / batches ))
echo "CPU per run, $kver tree ($((per * batches)) runs each, median of $batches batches): lkmtui load --dry-run vs modprobe -n -v"
printf '%-12s %12s %12s %7s\n' module lkmtui modprobe ratio
for m in msdos ne2k-pci csiostor snd-hda-intel iwlwifi; do
	: > "$root/lk"
	: > "$root/mp"
	b=0
	while [ $b -lt "$batches" ]; do
		cpu_per_run "$per" "$bin" --root "$root" load --dry-run "$m" >> "$root/lk"
		cpu_per_run "$per" "$modprobe" -d "$root" -S "$kver" -C "$root/etc/modprobe.d" -n -v "$m" >> "$root/mp"
		b=$((b + 1))
	done
	lk=$(median < "$root/lk")
	mp=$(median < "$root/mp")
	awk -v m="$m" -v lk="$lk" -v mp="$mp" \
		'BEGIN { printf "%-12s %9.2f ms %9.2f ms %6.2fx\n", m, lk, mp, (mp > 0 ? lk / mp : 0) }'
done
