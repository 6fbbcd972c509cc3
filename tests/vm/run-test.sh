#!/bin/sh
# run-test.sh NAME: one real-kernel scenario test.
# Boots the guest with scenarios/NAME.sh and compares what it printed with
# expected/NAME.out exactly (diff -u on failure).
# Exit: 0 pass, 1 fail (diff, scenario status or console log shown), 77 skip
# (reason shown: no qemu/kernel/archive, or lkmtui needed but not built).
#
# A scenario that needs lkmtui says so with a line "# needs: lkmtui"; it is
# then at /bin/lkmtui in the guest.  The binary is $LKMTUI_BIN, or lkmtui (or
# src/lkmtui) in $abs_top_builddir, else the current directory, else the
# source tree.
# LKMTUI_VM_UPDATE=1 rewrites expected/NAME.out from the guest's output.
set -u
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
name=${1:?usage: run-test.sh NAME}
scen=$here/scenarios/$name.sh
exp=$here/expected/$name.out
[ -r "$scen" ] || { echo "run-test.sh: no scenario $scen" >&2; exit 1; }
if [ "${LKMTUI_VM:-}" = skip ]; then
	echo "SKIP: $name: LKMTUI_VM=skip (a second build: ./run check boots the kernel once)"
	exit 77
fi

if [ -z "${LKMTUI_BIN:-}" ]; then
	for b in "${abs_top_builddir:-.}/lkmtui" "${abs_top_builddir:-.}/src/lkmtui" ./lkmtui "$top/lkmtui" "$top/src/lkmtui"; do
		if [ -f "$b" ] && [ -x "$b" ]; then LKMTUI_BIN=$(cd "$(dirname "$b")" && pwd)/lkmtui; break; fi
	done
fi
if grep -q '^# needs: lkmtui' "$scen" && [ -z "${LKMTUI_BIN:-}" ]; then
	echo "SKIP: $name: needs lkmtui, which is not built (set LKMTUI_BIN)"
	exit 77
fi
export LKMTUI_BIN=${LKMTUI_BIN:-}
# A scenario may need the kernel booted with more options: "# append: module.sig_enforce=1".
LKMTUI_VM_APPEND="${LKMTUI_VM_APPEND:-} $(sed -n 's/^# append: //p' "$scen")"
export LKMTUI_VM_APPEND

tmp=$(mktemp -d "${TMPDIR:-/tmp}/lkmtui-test.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM

# Prepare first, so its downloads do not count against the boot timeout and a
# SKIP is reported with its reason.
"$here/prepare.sh" > /dev/null 2> "$tmp/prepare.err"
st=$?
if [ $st = 77 ]; then
	echo "SKIP: $name: $(tail -n1 "$tmp/prepare.err")"
	exit 77
elif [ $st != 0 ]; then
	cat "$tmp/prepare.err" >&2
	echo "FAIL: $name: prepare.sh failed (status $st)"
	exit 1
fi

start=$(date +%s)
"$here/boot.sh" "$scen" > "$tmp/out" 2> "$tmp/err"
st=$?
secs=$(( $(date +%s) - start ))
if [ $st = 77 ]; then
	echo "SKIP: $name: $(tail -n1 "$tmp/err")"
	exit 77
fi
if [ "${LKMTUI_VM_UPDATE:-}" = 1 ] && [ $st -le 1 ]; then
	cp "$tmp/out" "$exp"
	echo "UPDATED: $exp"
fi
fail=0
if [ $st -ge 2 ]; then
	cat "$tmp/err" >&2
	fail=1
elif ! diff -u "$exp" "$tmp/out"; then
	fail=1
fi
if [ $st = 1 ]; then
	cat "$tmp/err" >&2
	fail=1
fi
if [ $fail = 0 ]; then
	echo "PASS: $name (${secs} s)"
	exit 0
fi
echo "FAIL: $name (${secs} s)"
exit 1
