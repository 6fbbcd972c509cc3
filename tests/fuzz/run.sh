#!/bin/sh
# tests/fuzz/run.sh BUILDDIR [SECONDS [NAME...]]
# Builds one libFuzzer binary per parser (clang -fsanitize=fuzzer,address,undefined) into
# BUILDDIR/fuzz and, when SECONDS > 0, runs each (or each NAME) that long from a corpus
# seeded with the fixtures and tests/fuzz/corpus/NAME. `make fuzz-long` runs every
# harness for 10 minutes. A crash fails the run and leaves the input in BUILDDIR/fuzz/; to replay one:
#   BUILDDIR/fuzz/fuzz-NAME crash-FILE
# No clang (or no libFuzzer runtime): SKIP with the reason, exit 77.
set -eu
src=$(cd "$(dirname "$0")/../.." && pwd)
build=$(cd "${1:?usage: run.sh BUILDDIR [SECONDS]}" && pwd)
secs=${2:-0}
shift $(($# < 2 ? $# : 2))
only=" $* "
out=$build/fuzz
cc=${CLANG:-clang}

if ! command -v "$cc" >/dev/null 2>&1; then
	echo "SKIP: fuzzing: $cc is not installed (apt-get install clang libclang-rt-14-dev)"
	exit 77
fi
mkdir -p "$out"
probe=$out/probe.c
echo 'int LLVMFuzzerTestOneInput(const char *d, unsigned long n) { return 0; }' >"$probe"
if ! "$cc" -fsanitize=fuzzer "$probe" -o "$out/probe" 2>/dev/null; then
	echo "SKIP: fuzzing: $cc has no libFuzzer runtime (apt-get install libclang-rt-14-dev)"
	exit 77
fi

flags="-g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all -I$build -I$src/src"
model="$src/src/model/*.c $src/src/shared/*.c"
core_libs=$(pkg-config --libs libelf liblzma libzstd zlib libkmod 2>/dev/null || true)

# One harness: build it and, when SECONDS > 0, run it from its corpus.
one() {
	name=$1
	extra= libs= seeds=
	case $name in
	modules) seeds="$src/tests/fixtures/debian61/proc/modules $src/tests/fixtures/realdata/lkml/*" ;;
	devices) seeds="$src/tests/fixtures/realdata/*/devices*" ;;
	interrupts) seeds="$src/tests/fixtures/realdata/*/interrupts $src/tests/fixtures/realdata/pcp/interrupts-*cpu-[!1]*" ;;
	netdev) seeds="$src/tests/fixtures/realdata/*/net_dev*" ;;
	modfile)
		extra="$src/src/core/modfile.c $src/src/core/modfile_elf.c $src/src/core/decompress.c $src/src/core/userpath.c $src/src/core/elfmachine.c"
		libs=$core_libs
		seeds="$src/tests/fixtures/ko/*"
		;;
	kmsg) extra="$src/src/core/kmsg.c" ;;
	persist)
		extra="$src/src/core/persist.c $src/src/core/params.c $src/src/core/replace.c"
		seeds="$src/tests/fixtures/modroot/etc/modprobe.d/*"
		;;
	settings)
		extra="$src/src/ui/tui/settings.c $src/src/core/userpath.c"
		libs=$(pkg-config --libs inih 2>/dev/null || echo -linih)
		;;
	params) extra="$src/src/core/params.c" ;;
	esac
	# The small corpus kept in the repository (tests/fuzz/corpus/NAME) seeds each too.
	seeds="$seeds $src/tests/fuzz/corpus/$name/*"
	# shellcheck disable=SC2086
	"$cc" $flags -o "$out/fuzz-$name" "$src/tests/fuzz/fuzz-$name.c" $model $extra $libs || return 1
	[ "$secs" -gt 0 ] || return 0
	corpus=$out/corpus-$name
	mkdir -p "$corpus"
	for s in $seeds; do [ -f "$s" ] && cp "$s" "$corpus/" 2>/dev/null || true; done
	(cd "$out" && "./fuzz-$name" -max_total_time="$secs" -max_len=65536 -rss_limit_mb=2048 \
		-print_final_stats=0 "$corpus" 2>"$out/fuzz-$name.log") || {
		tail -40 "$out/fuzz-$name.log"
		echo "FAIL: fuzz-$name found a crash; the input is in $out"
		return 1
	}
	echo "fuzz-$name: ${secs}s: $(tail -1 "$out/fuzz-$name.log")"
}

# The harnesses run side by side, as many at once as there are CPUs: each is one
# process, and the run is over in SECONDS times harnesses / CPUs.
cpus=$(nproc 2>/dev/null || echo 1)
pids= failed=0
for name in modules devices interrupts netdev modfile kmsg persist settings params sysmodule; do
	[ -f "$src/tests/fuzz/fuzz-$name.c" ] || continue
	[ "$only" = "  " ] || case $only in *" $name "*) ;; *) continue ;; esac
	one "$name" &
	pids="$pids $!"
	set -- $pids
	if [ $# -ge "$cpus" ]; then
		for p in $pids; do wait "$p" || failed=1; done
		pids=
	fi
done
for p in $pids; do wait "$p" || failed=1; done
exit $failed
