#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# make-ns-mistake.sh BUILDDIR: after the test modules are built, turns demo_ns_user.ko into
# a module that uses a namespaced symbol without importing its namespace. Debian's 6.12
# modpost refuses to build that mistake, so the module is built importing LKMTUI_DEMO and
# its .modinfo line is rewritten here to LKMTUI_DEMX (same length: nothing else moves).
set -eu
ko=${1:?usage: make-ns-mistake.sh BUILDDIR}/demo_ns_user.ko
perl -0777 -pi -e 's/import_ns=LKMTUI_DEMO\0/import_ns=LKMTUI_DEMX\0/ or die "no import_ns=LKMTUI_DEMO in $ARGV\n"' "$ko"
