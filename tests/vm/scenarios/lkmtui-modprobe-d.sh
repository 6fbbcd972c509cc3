# needs: lkmtui
# lkmtui-modprobe-d: what modprobe.d says, on a real kernel. Options there are used,
# under the user's own (the user's irq wins, io and name come from the file); a
# blacklisted module still loads by its name, with a warning, and is skipped when only
# an alias names it; a value there that the kernel refuses is named by its file and
# line; an install command is refused (lkmtui runs no shell) and nothing
# is loaded. Compressed files (.ko.xz, .ko.zst) load by file, and --with-deps loads
# what a file depends on first.
mkdir -p /etc/modprobe.d
echo "options demo_ne io=0x280 irq=5 name=conf" >/etc/modprobe.d/demo.conf
echo "blacklist msdos" >/etc/modprobe.d/blacklist-msdos.conf
echo "install demo_permanent /bin/false" >/etc/modprobe.d/install.conf

echo "--- options from modprobe.d, under the user's"
t lkmtui load --dry-run demo_ne irq=9
t lkmtui load demo_ne irq=9
show /sys/module/demo_ne/parameters/io /sys/module/demo_ne/parameters/irq /sys/module/demo_ne/parameters/name
t lkmtui unload demo_ne

echo "--- a value from modprobe.d that the kernel refuses: the diagnosis names its line"
echo "options demo_ne irq=eleven" >/etc/modprobe.d/zz-bad.conf
t lkmtui load demo_ne
mod_state demo_ne
rm /etc/modprobe.d/zz-bad.conf

echo "--- a blacklist stops aliases, not names"
t lkmtui load fs-msdos
mods
t lkmtui load msdos
mods
t lkmtui unload --stack msdos

echo "--- an install command"
t lkmtui load demo_permanent
mod_state demo_permanent

echo "--- compressed files, and --with-deps"
t lkmtui load --with-deps /lab/msdos.ko.xz
mods
t lkmtui unload --stack msdos
t lkmtui load /lab/demo_ne.ko.zst io=0x300
show /sys/module/demo_ne/parameters/io
mods
