# needs: lkmtui
# lkmtui-plan: lkmtui loads and unloads along modprobe's own plan, on a real kernel. An
# administrator's block on a dependency ("install fat /bin/false") stops "lkmtui load
# msdos" before anything is inserted, and explain predicts it; a softdep a module declares
# in its .modinfo is loaded first; unload --stack of a chain where modprobe -r would run a
# remove command refuses with nothing removed.
mkdir -p /etc/modprobe.d
# 6.12's tree ships .ko.xz, 6.1's .ko: one expected output for both.
tk() { t "$@" | sed 's/\.ko\.xz/.ko/g'; }
# The names /proc/modules holds, on one line.
loaded() { echo "loaded: $(cut -d' ' -f1 /proc/modules | sort | tr '\n' ' ')"; }

echo "--- a block on a dependency"
printf '# CVE mitigation: no FAT\n\ninstall fat /bin/false\n' >/etc/modprobe.d/cve.conf
tk lkmtui load msdos
loaded
tk lkmtui explain msdos
tk lkmtui load --dry-run --json msdos
rm /etc/modprobe.d/cve.conf

echo "--- a softdep from .modinfo"
tk lkmtui load --dry-run demo_softdep
tk lkmtui load demo_softdep
loaded
tk lkmtui unload --stack demo_softdep
loaded

echo "--- unload --stack meets a remove command"
tk lkmtui load msdos
loaded
echo "remove fat /sbin/rmmod fat" >/etc/modprobe.d/remove-fat.conf
tk lkmtui unload --stack msdos
loaded
rm /etc/modprobe.d/remove-fat.conf
tk lkmtui unload --stack msdos
loaded
