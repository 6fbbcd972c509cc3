#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
#
# The Debian package as a sysadmin meets it: installed on this machine with
# `apt-get install ./lkmtui_*.deb`, then lkmtui --version, man -w, the bash completion
# (loaded on demand, as bash-completion does) and the German catalogue are used from the
# installed files, the installed programs are checked to name no test variable
# (tests/cli/no-test-vars.test), and the package is purged: every file dpkg -L listed must be gone.
# The whole transcript is compared with tests/cli/expected/deb-install.out (@VERSION@ stands
# for the package's version; LKMTUI_UPDATE=1 rewrites it).
#
#   tests/cli/deb-install.sh build/deb/lkmtui_VERSION_ARCH.deb      (./run check calls it)
#
# It puts /usr/bin/lkmtui on this machine for a few seconds, so ./run check runs it last,
# after every test of the build's own binary; the package is purged on every exit path.
# SKIP (77) when not root, or when an lkmtui is already installed here (never replaced).
set -u
top_srcdir=$(cd "$(dirname "$0")/../.." && pwd)
exp=$top_srcdir/tests/cli/expected/deb-install.out
deb=${1:?usage: deb-install.sh PACKAGE.deb}
case $deb in /*) ;; *) deb=$PWD/$deb ;; esac

[ "$(id -u)" -eq 0 ] || { echo "SKIP: installing a package needs root"; exit 77; }
for tool in apt-get dpkg dpkg-deb man bash; do
	command -v "$tool" >/dev/null 2>&1 || { echo "SKIP: no $tool"; exit 77; }
done
if dpkg-query -W -f='${Status}\n' lkmtui 2>/dev/null | grep -q ' installed$'; then
	echo "SKIP: an lkmtui package is already installed here; this test does not replace it"
	exit 77
fi
if [ -e /usr/bin/lkmtui ]; then
	echo "SKIP: /usr/bin/lkmtui exists and belongs to no package; this test does not replace it"
	exit 77
fi
bc=/usr/share/bash-completion/bash_completion
[ -r "$bc" ] || { echo "SKIP: bash-completion is not installed"; exit 77; }

version=$(dpkg-deb -f "$deb" Version) || exit 1
tmp=$(mktemp -d "${TMPDIR:-/tmp}/lkmtui-deb.XXXXXX")
installed=0
apt() {
	DEBIAN_FRONTEND=noninteractive apt-get -q -y -o DPkg::Lock::Timeout=300 "$@"
}
cleanup() {
	if [ $installed = 1 ]; then
		apt purge lkmtui >"$tmp/purge-on-exit.log" 2>&1 || cat "$tmp/purge-on-exit.log"
	fi
	rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 1' INT TERM HUP

installed=1
if ! apt install --no-install-recommends "$deb" >"$tmp/install.log" 2>&1; then
	cat "$tmp/install.log"
	echo "FAIL: apt-get install $deb"
	exit 1
fi
dpkg -L lkmtui | sort >"$tmp/files"

{
	echo "\$ dpkg-query -W lkmtui"
	dpkg-query -W -f='${Package} ${Version} ${Status}\n' lkmtui
	echo "\$ command -v lkmtui; lkmtui --version"
	command -v lkmtui
	lkmtui --version
	echo "\$ man -w lkmtui"
	man -w lkmtui
	echo "\$ bash: the completion, loaded on demand; then Tab after 'lkmtui l'"
	bash -c '
		shopt -s extglob progcomp
		. "$1"
		__load_completion lkmtui && complete -p lkmtui
		compopt() { :; }
		COMP_WORDS=(lkmtui l) COMP_CWORD=1 COMP_LINE="lkmtui l" COMP_POINT=8
		_lkmtui lkmtui l lkmtui
		printf "%s\n" "${COMPREPLY[@]}"' bash "$bc"
	echo "\$ LANGUAGE=de LC_ALL=C.UTF-8 lkmtui frobnicate"
	LANGUAGE=de LC_ALL=C.UTF-8 lkmtui frobnicate 2>&1
	echo "[rc=$?]"
	# lkmtui-tui from /usr/libexec/lkmtui; a table (libsmartcols) and a file's sections
	# (libelf), with the libraries the package's Depends (dpkg-shlibdeps) brought.
	echo "\$ lkmtui </dev/null (the full-screen view: lkmtui-tui)"
	lkmtui </dev/null 2>&1
	echo "[rc=$?]"
	echo "\$ lkmtui devices >/dev/null (libsmartcols)"
	lkmtui devices >/dev/null
	echo "[rc=$?]"
	echo "\$ lkmtui info /bin/true >/dev/null (libelf)"
	lkmtui info /bin/true >/dev/null
	echo "[rc=$?]"
	echo "\$ tests/cli/no-test-vars.test /usr/bin/lkmtui /usr/libexec/lkmtui/lkmtui-tui"
	sh "$top_srcdir/tests/cli/no-test-vars.test" /usr/bin/lkmtui /usr/libexec/lkmtui/lkmtui-tui
	echo "[rc=$?]"
	echo "\$ dpkg -L lkmtui (files)"
	while read -r f; do
		[ -f "$f" ] && echo "$f"
	done <"$tmp/files"
	echo "\$ apt-get purge lkmtui"
	if apt purge lkmtui >"$tmp/purge.log" 2>&1; then
		installed=0
		dpkg-query -W -f='${Status}\n' lkmtui 2>/dev/null || echo "not known to dpkg"
	else
		cat "$tmp/purge.log"
	fi
	echo "\$ what dpkg -L listed and is still there"
	left=0
	while read -r f; do
		# Directories other packages share (/usr, /usr/share/man/man1) stay.
		if [ -e "$f" ] && [ ! -d "$f" ]; then
			echo "left: $f"
			left=1
		fi
	done <"$tmp/files"
	[ $left = 0 ] && echo "nothing"
	hash -r
	command -v lkmtui || echo "no lkmtui on PATH"
} >"$tmp/raw" 2>&1
sed "s/$(printf '%s' "$version" | sed 's/[.]/[.]/g')/@VERSION@/g" "$tmp/raw" >"$tmp/out"

if [ "${LKMTUI_UPDATE:-}" = 1 ]; then
	cp "$tmp/out" "$exp"
fi
if diff -u "$exp" "$tmp/out"; then
	echo "PASS: deb-install"
else
	echo "FAIL: deb-install"
	exit 1
fi
