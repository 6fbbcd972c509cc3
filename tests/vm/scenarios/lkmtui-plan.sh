# needs: lkmtui
# lkmtui-plan: lkmtui loads and unloads along modprobe's own plan, on a real kernel. An
# administrator's block on a dependency ("install fat /bin/false") stops "lkmtui load
# msdos" before anything is inserted, and explain predicts it; a softdep a module declares
# in its .modinfo is loaded first; unload --stack of a chain where modprobe -r would run a
# remove command refuses with nothing removed.
mkdir -p /etc/modprobe.d
# The names /proc/modules holds, on one line.
loaded() { echo "loaded: $(cut -d' ' -f1 /proc/modules | sort | tr '\n' ' ')"; }

echo "--- a block on a dependency"
printf '# CVE mitigation: no FAT\n\ninstall fat /bin/false\n' >/etc/modprobe.d/cve.conf
t lkmtui load msdos
loaded
t lkmtui explain msdos
t lkmtui load --dry-run --json msdos
rm /etc/modprobe.d/cve.conf

echo "--- a softdep from .modinfo"
t lkmtui load --dry-run demo_softdep
t lkmtui load demo_softdep
loaded
t lkmtui unload --stack demo_softdep
loaded

echo "--- unload --stack meets a remove command"
t lkmtui load msdos
loaded
echo "remove fat /sbin/rmmod fat" >/etc/modprobe.d/remove-fat.conf
t lkmtui unload --stack msdos
loaded
rm /etc/modprobe.d/remove-fat.conf
t lkmtui unload --stack msdos
loaded
