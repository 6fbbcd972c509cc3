# needs: lkmtui
# lkmtui-deps-stack: loading by name loads the prerequisites first (fat before
# msdos, 8390 before ne2k_pci); a module another one holds is not unloaded;
# --stack unloads the module and then what only it used; --dry-run changes
# nothing.  With the NE2000 card: eth0 appears in `lkmtui netdev`, IRQ 11's
# action is eth0 in `lkmtui interrupts`, and both go with the stack unload.

interrupt_11() {	# lkmtui's stable columns for IRQ 11, with the heading
	sh_t 'lkmtui interrupts -o IRQ,CHIP,HWIRQ,TRIGGER,ACTIONS | grep -E "^ *(IRQ|11) "'
}

echo "--- msdos needs fat"
mods
t lkmtui load --dry-run msdos
# options may also follow the module, as people type them
t lkmtui load msdos --dry-run
mods
t lkmtui load msdos
mods
t lkmtui unload fat
mods
t lkmtui unload --dry-run --stack msdos
mods
t lkmtui unload --stack msdos
mods
echo "--- the same, JSON"
t lkmtui load --json msdos
mods
t lkmtui unload --json fat
mods
t lkmtui unload --json --stack msdos
mods

echo "--- ne2k-pci needs 8390; the NE2000 card is eth0 on IRQ 11"
ls /sys/class/net
t lkmtui load --dry-run ne2k-pci
mods
t lkmtui load ne2k-pci
mods
ls /sys/class/net
sh_t 'basename $(readlink /sys/class/net/eth0/device/driver/module)'
echo "(eth0 is down: the driver has not asked for IRQ 11 yet, so no line 11)"
irq_line 11
interrupt_11
t ip link set eth0 up
irq_line 11
interrupt_11
sh_t 'lkmtui netdev -o IFACE | sort'
t lkmtui unload 8390
mods
t lkmtui unload --dry-run --stack ne2k_pci
mods
t ip link set eth0 down
irq_line 11
t lkmtui unload --stack ne2k_pci
mods
ls /sys/class/net
sh_t 'lkmtui netdev -o IFACE | sort'
interrupt_11
irq_line 11
