#!/bin/sh
# tests/sanitize.sh BUILDDIR
# Builds lkmtui and its unit tests once more under AddressSanitizer and
# UndefinedBehaviorSanitizer in BUILDDIR/asan and runs them (the real-kernel tests are
# left to the main run: they exercise the same code under a kernel, not under ASan).
set -eu
src=$(cd "$(dirname "$0")/.." && pwd)
build=${1:?usage: sanitize.sh BUILDDIR}
mkdir -p "$build/asan"
cd "$build/asan"
san="-fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer"
if [ ! -f Makefile ]; then
	"$src/configure" -q CFLAGS="-O1 -g $san -Werror" LDFLAGS="$san"
fi
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1
make -s -j"$(nproc)"
make -s -j"$(nproc)" check LKMTUI_VM=skip
