#!/bin/sh
# run-test.sh [KERNEL/]NAME, or run-test.sh DIR/k-KERNEL/NAME.vm (the name make
# check gives it: tests/vm/vm.am): one real-kernel scenario test on one kernel.
# KERNEL is a generation (6.1, 6.12) or a release (6.1.0-56-amd64); without one,
# $LKMTUI_KVER, else 6.1.  Boots the guest with scenarios/NAME.sh and compares
# what it printed with expected/GEN/NAME.out when the kernel's generation GEN
# (6.1, 6.12) has its own truth there, else expected/NAME.out, exactly (diff -u
# on failure).  Lines the scenario prints as "@log ..." go to the test log
# (timings), not into the comparison.
# Exit: 0 pass, 1 fail (diff, scenario status or console log shown), 77 skip
# (reason shown: no qemu/kernel/archive, or lkmtui needed but not built).
#
# A scenario that needs lkmtui says so with a line "# needs: lkmtui"; it is
# then at /bin/lkmtui in the guest.  The binary is $LKMTUI_BIN, or lkmtui (or
# src/lkmtui) in $abs_top_builddir, else the current directory, else the
# source tree.
# LKMTUI_UPDATE=1 rewrites the expected file it compared with from the guest's
# output; LKMTUI_UPDATE=gen writes expected/GEN/NAME.out for this generation.
set -u
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
arg=${1:?usage: run-test.sh [KERNEL/]NAME}
case $arg in
*.vm) name=$(basename "$arg" .vm); kern=$(basename "$(dirname "$arg")"); kern=${kern#k-} ;;
*/*) kern=${arg%%/*}; name=${arg#*/} ;;
*) name=$arg; kern=${LKMTUI_KVER:-6.1} ;;
esac
export LKMTUI_KVER=$kern
# A test with a driver of its own (tui-guest.test) gets the kernel the same way.
if [ ! -e "$here/scenarios/$name.sh" ] && [ -e "$here/$name.test" ]; then
	exec sh "$here/$name.test"
fi
scen=$here/scenarios/$name.sh
[ -r "$scen" ] || { echo "run-test.sh: no scenario $scen" >&2; exit 1; }
if [ "${LKMTUI_VM:-}" = skip ]; then
	echo "SKIP: $name on $kern: LKMTUI_VM=skip (a second build: ./run check boots the kernel once)"
	exit 77
fi

if [ -z "${LKMTUI_BIN:-}" ]; then
	for b in "${abs_top_builddir:-.}/lkmtui" "${abs_top_builddir:-.}/src/lkmtui" ./lkmtui "$top/lkmtui" "$top/src/lkmtui"; do
		if [ -f "$b" ] && [ -x "$b" ]; then LKMTUI_BIN=$(cd "$(dirname "$b")" && pwd)/lkmtui; break; fi
	done
fi
if grep -q '^# needs: lkmtui' "$scen" && [ -z "${LKMTUI_BIN:-}" ]; then
	echo "SKIP: $name on $kern: needs lkmtui, which is not built (set LKMTUI_BIN)"
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
"$here/prepare.sh" > "$tmp/prepare.out" 2> "$tmp/prepare.err"
st=$?
if [ $st = 77 ]; then
	echo "SKIP: $name on $kern: $(tail -n1 "$tmp/prepare.err")"
	exit 77
elif [ $st != 0 ]; then
	cat "$tmp/prepare.err" >&2
	echo "FAIL: $name on $kern: prepare.sh failed (status $st)"
	exit 1
fi
KVER=$(sed -n 's/^KVER=//p' "$tmp/prepare.out")
export LKMTUI_KVER=$KVER
gen=$(echo "$KVER" | sed -E 's/^([0-9]+\.[0-9]+).*/\1/')
exp=$here/expected/$gen/$name.out
[ -e "$exp" ] || exp=$here/expected/$name.out
echo "kernel: $KVER (asked for $kern); expected: ${exp#$here/}"

start=$(date +%s)
"$here/boot.sh" "$scen" > "$tmp/raw" 2> "$tmp/err"
st=$?
secs=$(( $(date +%s) - start ))
if [ $st = 77 ]; then
	echo "SKIP: $name on $kern: $(tail -n1 "$tmp/err")"
	exit 77
fi
sed -n 's/^@log //p' "$tmp/raw"
grep -v '^@log ' "$tmp/raw" > "$tmp/out"
if [ -n "${LKMTUI_UPDATE:-}" ] && [ $st -le 1 ]; then
	[ "$LKMTUI_UPDATE" = gen ] && exp=$here/expected/$gen/$name.out
	mkdir -p "$(dirname "$exp")"
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
	echo "PASS: $name on $KVER (${secs} s)"
	exit 0
fi
echo "FAIL: $name on $KVER (${secs} s)"
exit 1
