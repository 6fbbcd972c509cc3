#!/bin/sh
# copy-libs.sh STAGE BINARY...: copy the shared libraries (and the ELF
# interpreter) the binaries need into STAGE, at the same paths, as ldd reports.
set -eu
S=$1; shift
for bin in "$@"; do
	ldd "$bin" 2>/dev/null | sed -n 's/.*=> \(\/[^ ]*\) (.*/\1/p; s/^[[:space:]]*\(\/[^ ]*\) (.*/\1/p'
done | sort -u | while read -r lib; do
	[ -e "$lib" ] || continue
	mkdir -p "$S$(dirname "$lib")"
	[ -e "$S$lib" ] || cp -L "$lib" "$S$lib"
done
