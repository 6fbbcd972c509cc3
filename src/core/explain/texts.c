// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Every text the explainer shows, as one table: for each kind, a title, the paragraph
 * that teaches what happened in the kernel, and the fixes. Templates take: %m module   %f
 * file (or what was named)   %t what was named   %p parameter %r running kernel release
 * %v the kind's one value (a symbol, an errno name, ...) %e each element of the kind's
 * list: a fix line with %e is repeated per element %E the whole list, joined with ", " %l
 * how to name it to lkmtui again: the file when it was given as one, else the module %n
 * the module, only when lkmtui can find it by name %q what was named, only when it is a
 * bare name; %P only when it is a path %h the hardware-selecting parameters it declares,
 * as NAME=VALUE examples %o the other party: the module that owns a symbol already %0
 * nothing, and the line is kept only when the kind's list is empty A fix line whose
 * placeholder has nothing to fill it is left out; a title then falls back to its bare
 * form, and a teaching paragraph names the thing ("the module").
 */
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "core/explain.h"
#include "core/explain/diag.h"
#include "i18n.h"

static const struct lkm_diag_text texts[LKM_DIAG_COUNT] = {
	[LKM_DIAG_NOT_A_MODULE] = {
		"not-a-module",
		N_("%f is not a kernel module"),
		N_("The kernel loads only files built as modules: an ELF relocatable object with a "
		   ".modinfo section (name, license, the kernel it was built for) and a "
		   ".gnu.linkonce.this_module section (the struct module the kernel fills in). "
		   "Without them the file is an ordinary object: often code meant to be built "
		   "into the kernel, or a module source compiled without linux/module.h and "
		   "MODULE_LICENSE(), or with plain gcc instead of the kernel's build system. "
		   "kmod calls this \"Invalid module format\", the same words it uses for a "
		   "module built for another kernel."),
		{ N_("build it as a module with the kernel's build system: "
		     "make -C /lib/modules/%r/build M=$PWD modules"),
		  N_("if it is meant to be part of the kernel, check whether this kernel has it "
		     "built in: grep -w %m /lib/modules/%r/modules.builtin") },
		N_("this file is not a kernel module"),
	},
	[LKM_DIAG_VERMAGIC_MISMATCH] = {
		"vermagic-mismatch",
		N_("%f was built for another kernel (%v), not for this one (%r)"),
		N_("Every module records the kernel it was built against in its version magic "
		   "(vermagic): the release, and flags such as SMP, preempt, mod_unload and "
		   "modversions. The kernel refuses a module whose vermagic differs from its own, "
		   "because its internal structures may be laid out differently and the module "
		   "could crash the system."),
		{ N_("install the module built for this kernel (Debian: the linux-image-%r "
		     "package ships its modules)"),
		  N_("or rebuild it against this kernel's headers: apt-get install "
		     "linux-headers-%r, then make -C /lib/modules/%r/build M=$PWD modules") },
		N_("the module was built for another kernel"),
	},
	[LKM_DIAG_SYMBOL_VERSION_MISMATCH] = {
		"symbol-version-mismatch",
		N_("%f was built against another build of the kernel: symbol %v has another version"),
		N_("This kernel records a checksum (CRC) of the exact declaration of every "
		   "symbol it exports (CONFIG_MODVERSIONS), and each module records the checksums "
		   "it was compiled against in its __versions table. A different checksum for "
		   "the same symbol means the module was compiled against other kernel sources "
		   "or another configuration: typically another flavour (-cloud, -rt) or another "
		   "build of the same release. Debian's 6.1 checks module_layout first, whose "
		   "checksum covers struct module itself, and refuses the file as not a valid "
		   "module (ENOEXEC); 6.12 has no module_layout: it checks each symbol the module "
		   "uses, logs a line for each one that differs, and refuses with EINVAL."),
		{ N_("use the module built for this kernel, %r (the linux-image-%r package ships "
		     "its modules)"),
		  N_("or rebuild it against this kernel's headers: apt-get install "
		     "linux-headers-%r, then make -C /lib/modules/%r/build M=$PWD modules") },
		N_("the module was built against another build of the kernel"),
	},
	[LKM_DIAG_UNRESOLVED_SYMBOLS] = {
		"unresolved-symbols",
		N_("%m needs symbols that nothing loaded provides"),
		N_("A module calls functions and uses variables that the kernel or other modules "
		   "export. When it is loaded, the kernel looks up each of them among what is "
		   "exported right now; a name it cannot find is an unresolved symbol, and the "
		   "load stops with ENOENT (\"Unknown symbol in module\"). Usually the module that "
		   "exports it is not loaded yet: load that one first, or load by name, which "
		   "loads the prerequisites in order (from modules.dep)."),
		{ N_("lkmtui load %e"), N_("or load %n by name, which loads %E first: lkmtui "
					   "load %n") },
		N_("the module needs symbols that nothing loaded provides"),
		{ { LKM_FIX_LOAD, 'e' }, { LKM_FIX_LOAD, 'n' } },
	},
	[LKM_DIAG_GPL_ONLY_SYMBOL] = {
		"gpl-only-symbol",
		N_("%m is not under a GPL-compatible licence but uses symbols exported only to GPL modules"),
		N_("Kernel code exports some symbols with EXPORT_SYMBOL_GPL: only modules whose "
		   "MODULE_LICENSE is GPL-compatible may use them. For any other module the "
		   "kernel acts as if the symbol did not exist, and the load fails with "
		   "\"Unknown symbol\"."),
		{ N_("if you may, declare a GPL-compatible licence in the source: "
		     "MODULE_LICENSE(\"GPL\"), then rebuild"),
		  N_("otherwise stop using %e") },
		N_("the module is not under a GPL-compatible licence but uses symbols exported only to GPL modules"),
	},
	[LKM_DIAG_UNKNOWN_PARAMETER] = {
		"unknown-parameter",
		N_("%m has no parameter %p"),
		N_("A module's parameters are declared in its source with module_param(); the "
		   "kernel knows only those names. Given another one, the kernel merely logs "
		   "\"unknown parameter ignored\" and loads the module without it, so lkmtui stops "
		   "before loading: you meant something by it. The parameters the module does "
		   "have are listed below."),
		{ N_("lkmtui info %l") },
		N_("the module has no such parameter"),
	},
	[LKM_DIAG_INVALID_PARAMETER] = {
		"invalid-parameter",
		N_("the value given for %p is not what %m accepts"),
		N_("Each parameter has a type: int, uint, bool, charp (a string), an array of one "
		   "of them, or a driver's own. The kernel parses the value with that type's "
		   "rules and refuses the whole load (EINVAL) when it does not fit: io=0x300 and "
		   "io=768 are the same number, irq=eleven is not one."),
		{ N_("lkmtui info %l") },
		N_("a value given is not what the module accepts"),
	},
	[LKM_DIAG_ALREADY_LOADED] = {
		"already-loaded",
		N_("%m is already loaded"),
		N_("A module is loaded once. Loading it again changes nothing (\"File exists\"), "
		   "and parameters given with the second load are not applied: the kernel keeps "
		   "the values the module was loaded with. A writable parameter can be changed in "
		   "place; a read-only one only by unloading the module and loading it again."),
		{ N_("lkmtui set %m %e"),
		  N_("to load it afresh with other values: lkmtui unload %m, then lkmtui load %m "
		     "NAME=VALUE...") },
		N_("the module is already loaded"),
		{ { LKM_FIX_SET, 'm', 'e' } },
	},
	[LKM_DIAG_NO_DEVICE] = {
		"no-device",
		N_("%m found no device to drive"),
		N_("The kernel loaded the driver's code and ran its init function, which probes "
		   "for the hardware. It found none and returned ENODEV (\"No such device\"), so "
		   "the kernel unloaded it again. Either the hardware is not there (not plugged "
		   "in, switched off in the firmware, already taken by another driver), or, for "
		   "old ISA drivers like ne, the parameters that say where to look (io=, irq=) do "
		   "not match the card's jumpers."),
		{ N_("check that the hardware is present and which driver has it: lkmtui "
		     "hardware"),
		  N_("give the parameters that select the hardware (declared above): lkmtui "
		     "load %l %h") },
		N_("the driver found no device to drive"),
	},
	[LKM_DIAG_INIT_FAILED] = {
		"init-failed",
		N_("%m's init function failed (%v)"),
		N_("The kernel loaded the module's code and ran its init function, which returned "
		   "an error; the kernel then unloaded it. Why is in the module's own messages "
		   "below, when it wrote any."),
		{ N_("read the module's messages: dmesg | grep %m") },
		N_("the module's init function failed"),
	},
	[LKM_DIAG_PERMISSION_DENIED] = {
		"permission-denied",
		N_("changing the kernel's modules needs root"),
		N_("Loading and unloading modules changes the running kernel, so it needs the "
		   "CAP_SYS_MODULE capability, which root has; writing a parameter in /sys/module "
		   "needs write permission on its file, normally root's. lkmtui checks this "
		   "before asking the kernel."),
		{ N_("run it as root: sudo lkmtui ...") },
	},
	[LKM_DIAG_MODULES_DISABLED] = {
		"modules-disabled",
		N_("loading and unloading modules is switched off until the next boot"),
		N_("Writing 1 to /proc/sys/kernel/modules_disabled forbids loading and unloading "
		   "modules for the rest of the boot, and it cannot be set back to 0: hardened "
		   "systems do this once everything they need is loaded. The kernel answers "
		   "every load and unload with EPERM."),
		{ N_("reboot (and remove kernel.modules_disabled = 1 from /etc/sysctl.d if it is "
		     "set there)") },
	},
	[LKM_DIAG_SIGNATURE_REJECTED] = {
		"signature-rejected",
		N_("the kernel refused %m: it is not signed with a key this kernel trusts"),
		N_("With signature enforcement (module.sig_enforce=1, or kernel lockdown under "
		   "Secure Boot) the kernel loads only modules signed by a key in its keyrings. "
		   "Modules built outside the distribution are unsigned unless you sign them."),
		{ N_("sign it: /usr/src/linux-headers-%r/scripts/sign-file sha256 KEY.priv KEY.der %f"),
		  N_("and enrol the key: mokutil --import KEY.der (then reboot)") },
		N_("the kernel refused the module: it is not signed with a key this kernel trusts"),
	},
	[LKM_DIAG_WRONG_ARCHITECTURE] = {
		"wrong-architecture",
		N_("%f is built for %v, not for this machine"),
		N_("A module is machine code for one processor architecture, and this kernel runs "
		   "on another. The kernel checks the ELF header and refuses it (\"Invalid module "
		   "format\")."),
		{ N_("build it for this machine (uname -m) against this kernel's headers: "
		     "make -C /lib/modules/%r/build M=$PWD modules") },
		N_("the file is built for another machine"),
	},
	[LKM_DIAG_IN_USE] = {
		"in-use",
		N_("%m is in use"),
		N_("The kernel counts the references that keep a module loaded: other modules "
		   "that use its symbols, open device files, mounted file systems, network "
		   "interfaces that are up. While the count is above zero it refuses to unload "
		   "it (rmmod says \"Resource temporarily unavailable\"). Unload its users first, "
		   "or unload the whole stack from the top."),
		{ N_("lkmtui unload %e"), N_("after unloading %E: lkmtui unload %m"),
		  N_("%0no module holds it: look for its open device files (lsof), mounts "
		     "(findmnt) and interfaces that are up (ip link)") },
		N_("the module is in use"),
		{ { LKM_FIX_UNLOAD, 'e' }, { LKM_FIX_UNLOAD, 'm' } },
	},
	[LKM_DIAG_PERMANENT] = {
		"permanent",
		N_("%m cannot be unloaded: it is permanent"),
		N_("A module built with an init function but no exit function has no way to undo "
		   "what it set up, so the kernel marks it [permanent] in /proc/modules and never "
		   "unloads it by itself. A forced unload (rmmod -f, on a kernel built with "
		   "CONFIG_MODULE_FORCE_UNLOAD, as Debian's are) takes it out without undoing "
		   "anything and taints the kernel (R); otherwise only a reboot removes it."),
		{ N_("reboot to remove it"),
		  N_("or force it out, which taints the kernel (R): rmmod -f %m") },
		N_("the module cannot be unloaded: it is permanent"),
	},
	[LKM_DIAG_NOT_LOADED] = {
		"not-loaded",
		N_("%t is not loaded"),
		N_("Only a module listed in /proc/modules can be unloaded or have its parameters "
		   "changed in /sys/module. Names with '-' and '_' are the same module."),
		{ N_("did you mean: lkmtui unload %e"), N_("see what is loaded: lkmtui list") },
		N_("no module of that name is loaded"),
		{ { LKM_FIX_UNLOAD, 'e' } },
	},
	[LKM_DIAG_BUILTIN] = {
		"builtin",
		N_("%m is built into the kernel"),
		N_("This kernel was compiled with %m inside it (it is listed in modules.builtin), "
		   "not as a loadable module. It is always there: it cannot be loaded or "
		   "unloaded. Its parameters are set on the kernel command line as "
		   "%m.NAME=VALUE, and the writable ones can be changed in "
		   "/sys/module/%m/parameters."),
		{ N_("add %m.NAME=VALUE to the kernel command line, or: lkmtui set %m NAME=VALUE") },
		N_("the module is built into the kernel"),
	},
	[LKM_DIAG_NOT_FOUND] = {
		"not-found",
		N_("no module called %t"),
		N_("lkmtui looks a name up as modprobe does: a module name in "
		   "/lib/modules/RELEASE/modules.dep, then an alias (modprobe.d, modules.alias), "
		   "for the running kernel only. A module installed for another kernel, or copied "
		   "into /lib/modules without running depmod, is not found."),
		{ N_("did you mean: lkmtui load %e"),
		  N_("if you copied %q into /lib/modules/%r yourself: depmod -a"),
		  N_("check the path: ls -l %P") },
		N_("no module of that name"),
		{ { LKM_FIX_LOAD, 'e' } },
	},
	[LKM_DIAG_NO_MODULE_SUPPORT] = {
		"no-module-support",
		N_("this kernel cannot load modules"),
		N_("The kernel was built without loadable-module support (CONFIG_MODULES): all "
		   "its drivers are built in, and it has no /proc/modules. Nothing can be loaded "
		   "or unloaded; lkmtui still shows the devices, interrupts, network "
		   "interfaces and hardware."),
		{ N_("to load %P, boot %v, the kernel it was built for: that one takes "
		     "modules"),
		  N_("lkmtui devices; lkmtui interrupts; lkmtui netdev; lkmtui hardware") },
	},
	[LKM_DIAG_READ_ONLY_PARAMETER] = {
		"read-only-parameter",
		N_("%p of %m is read-only"),
		N_("A module declares each parameter's permissions in its source "
		   "(module_param(name, type, perm)). A read-only one (0444) can be read in "
		   "/sys/module/%m/parameters, but it is set only at load time, as a parameter "
		   "of the load."),
		{ N_("lkmtui unload %m, then: lkmtui load %m %p=VALUE"),
		  N_("to keep it for every later load, add --persist to that load") },
		N_("the parameter is read-only"),
	},
	[LKM_DIAG_INSTALL_COMMAND] = {
		"install-command",
		N_("modprobe.d replaces loading %m with a command"),
		N_("An \"install\" line in modprobe.d tells modprobe to run a shell command "
		   "instead of inserting the module (sometimes /bin/false, to forbid it). lkmtui "
		   "runs no shell commands, so it stops here."),
		{ N_("let modprobe run the command: modprobe %m"),
		  N_("or insert the file itself, without the command: lkmtui load %f") },
		N_("modprobe.d replaces loading the module with a command"),
		{ { LKM_FIX_NONE }, { LKM_FIX_LOAD, 'f' } },
	},
	[LKM_DIAG_PERSIST_FAILED] = {
		"persist-failed",
		N_("what lkmtui keeps for %m could not be saved"),
		N_("--persist writes \"options MODULE NAME=VALUE\" to /etc/modprobe.d/lkmtui.conf, "
		   "which modprobe and lkmtui read at every later load, and the module's name to "
		   "/etc/modules-load.d/lkmtui.conf, which the boot loads; block writes its lines "
		   "to /run/modprobe.d/lkmtui-block.conf (or /etc/modprobe.d with --persist). Each "
		   "file "
		   "is replaced in one step, so a failure leaves the old one as it was."),
		{ N_("check that the file's directory is a directory, can be written and has "
		     "room: ls -ld /etc/modprobe.d /etc/modules-load.d /run/modprobe.d; df /etc") },
		N_("the options could not be saved"),
	},
	[LKM_DIAG_OFFLINE_ROOT] = {
		"offline-root",
		N_("%t: lkmtui does not change a system it is only looking at"),
		N_("With --root DIR, lkmtui reads /proc, /sys and /lib/modules under DIR: a copy "
		   "of another machine, an image, a test tree. Loading or unloading would act on "
		   "the kernel running here, not on that system, so lkmtui refuses; --dry-run "
		   "still shows every step it would take."),
		{ N_("see the steps: add --dry-run") },
		N_("lkmtui does not change a system it is only looking at"),
	},
	[LKM_DIAG_DAMAGED_FILE] = {
		"damaged-file",
		N_("%f is damaged"),
		N_("The file starts as an ELF object, as a module does, but what follows does not "
		   "hold together: it is cut short, or a table in it points past its end, or its "
		   "compression is corrupt. The kernel refuses it (\"Invalid module format\"). "
		   "This happens to a copy that was interrupted, a download that did not finish, "
		   "or a disk that lost data."),
		{ N_("copy or build it again; if a package installed it, reinstall that package "
		     "(dpkg -S %f names it)") },
		N_("the file is damaged"),
	},
	[LKM_DIAG_BLACKLISTED] = {
		"blacklisted",
		N_("%t names only blacklisted modules"),
		N_("A \"blacklist\" line in modprobe.d stops a module from being loaded through an "
		   "alias: what hardware detection at boot and \"modprobe ALIAS\" use. Every "
		   "module this alias names is blacklisted, so nothing is loaded. The blacklist "
		   "does not stop a load by the module's own name."),
		{ N_("load it by its own name: lkmtui load %e"),
		  N_("or take the blacklist line out of /etc/modprobe.d") },
		N_("that name names only blacklisted modules"),
		{ { LKM_FIX_LOAD, 'e' } },
	},
	[LKM_DIAG_NAMESPACE_NOT_IMPORTED] = {
		"namespace-not-imported",
		N_("%m uses a symbol of namespace %v without importing the namespace"),
		N_("Some symbols are exported into a namespace (EXPORT_SYMBOL_NS): only a module "
		   "that declares MODULE_IMPORT_NS for that namespace may use them. The kernel "
		   "checks each symbol the module needs against the namespaces it imports (its "
		   ".modinfo import_ns lines) and refuses the load with EINVAL: \"module uses "
		   "symbol ... from namespace ..., but does not import it\". It is a mistake in the "
		   "module's source, or a module built for a kernel that had no namespace there."),
		{ N_("add MODULE_IMPORT_NS(%v); to %m's source and rebuild: make -C "
		     "/lib/modules/%r/build M=$PWD modules"),
		  N_("if you did not write %m: this build of it does not fit this kernel; get one "
		     "built for %r") },
		N_("the module uses a symbol of a namespace it does not import"),
	},
	[LKM_DIAG_DUPLICATE_SYMBOL] = {
		"duplicate-symbol",
		N_("%m exports %v, which %o already exports"),
		N_("An exported name exists once in the running kernel. A module that exports a "
		   "name the kernel or a loaded module already exports is refused (ENOEXEC; kmod "
		   "says \"Invalid module format\"): it is usually a second copy of a driver that "
		   "is loaded or built in already, such as an out-of-tree build of something the "
		   "kernel now has."),
		{ N_("if nothing needs %o: lkmtui unload %o, then load this one"),
		  N_("or keep %o, which provides the same, and do not load this copy") },
		N_("the module exports a symbol that is already exported"),
		{ { LKM_FIX_UNLOAD, 'o' } },
	},
	[LKM_DIAG_RESOURCE_BUSY] = {
		"resource-busy",
		N_("%m could not claim %v: something else holds it"),
		N_("A driver asks the kernel for its hardware's resources before it touches it: a "
		   "range of I/O ports (request_region), of I/O memory, an interrupt line, a "
		   "device major. The kernel gives each to one driver at a time; when another "
		   "holds it, the request fails and the driver's init returns EBUSY (\"Device or "
		   "resource busy\"). /proc/ioports, /proc/iomem, /proc/interrupts and "
		   "/proc/devices say who holds what."),
		{ N_("if nothing needs it: lkmtui unload %e, then load %m again"),
		  N_("or, keeping %E, give %m a value nothing holds: lkmtui load %l %p=VALUE"),
		  N_("%0give %m a value nothing holds: lkmtui load %l %p=VALUE") },
		N_("the module could not claim a resource: something else holds it"),
		{ { LKM_FIX_UNLOAD, 'e' } },
	},
	[LKM_DIAG_MODULE_TREE_MISSING] = {
		"module-tree-missing",
		N_("the running kernel's modules are gone: /lib/modules/%r is missing or empty"),
		N_("The modules of the running kernel live in /lib/modules/RELEASE. A kernel upgrade "
		   "installs the new release's tree and, once the old package is removed, deletes "
		   "the running one's: until the reboot into the new kernel nothing can be loaded "
		   "by name, and the loaded modules still work."),
		{ N_("reboot into the kernel that is installed now: %E"),
		  N_("to go on with this kernel, put its modules back: apt-get install "
		     "--reinstall linux-image-%r") },
		N_("the running kernel's module tree is missing or empty"),
	},
	[LKM_DIAG_NOT_INDEXED] = {
		"not-indexed",
		N_("%t is under /lib/modules/%r, but depmod has not indexed it"),
		N_("modprobe and lkmtui find a module by name through modules.dep, the index "
		   "depmod writes from the files under /lib/modules/RELEASE. A module copied there "
		   "by hand (or installed by a script that did not run depmod) is on the disk but "
		   "not in the index, so no name reaches it."),
		{ N_("depmod -a, then: lkmtui load %t"), N_("or load the file itself: lkmtui load %e") },
		N_("the module's file is there, but depmod has not indexed it"),
		{ { LKM_FIX_NONE }, { LKM_FIX_LOAD, 'e' } },
	},
	[LKM_DIAG_BLACKLISTED_BY_KERNEL] = {
		"blacklisted-by-kernel",
		N_("the kernel's command line forbids loading %m (module_blacklist=)"),
		N_("module_blacklist=NAME,... on the kernel command line makes the kernel itself "
		   "refuse those modules for the whole boot, whoever asks and by whatever name or "
		   "file (EPERM, \"Module NAME is blacklisted\"). Unlike a blacklist line in "
		   "modprobe.d, loading by the module's own name does not get around it."),
		{ N_("take %m out of module_blacklist= on the boot loader's command line (Debian: "
		     "GRUB_CMDLINE_LINUX in /etc/default/grub, then update-grub) and reboot") },
		N_("the kernel's command line forbids loading the module (module_blacklist=)"),
	},
	[LKM_DIAG_LOCKDOWN] = {
		"lockdown",
		N_("kernel lockdown (%v) refuses %m: it is not signed with a key this kernel trusts"),
		N_("In lockdown (integrity or confidentiality) the kernel refuses whatever could "
		   "change its code unverified, and a module without a valid signature is such a "
		   "thing: the load fails with EPERM and the kernel logs \"Lockdown: ... unsigned "
		   "module loading is restricted\". Lockdown follows Secure Boot on many "
		   "distributions, or lockdown= on the kernel command line; it needs no "
		   "module.sig_enforce."),
		{ N_("sign it with a key the kernel trusts: /usr/src/linux-headers-%r/scripts/"
		     "sign-file sha256 KEY.priv KEY.der %f, then enrol the key: mokutil --import "
		     "KEY.der (and reboot)") },
		N_("kernel lockdown refuses the module: it is not signed with a key this kernel trusts"),
	},
	/* Affinity: core/affinity.c writes the titles, evidence and fixes with the numbers. */
	[LKM_DIAG_IRQ_MANAGED] = {
		"irq-managed",
		N_("the kernel manages this interrupt's affinity and refuses to move it"),
		N_("Some interrupts are placed by the kernel itself: the queues of NVMe, virtio "
		   "and multi-queue network drivers are \"managed\" and spread over the CPUs at "
		   "boot, and some controllers (the legacy PIC, the timer) cannot route a line "
		   "to another CPU at all. Writing smp_affinity_list then fails, even for root: "
		   "EIO on Debian's 6.1, EPERM on 6.12."),
		{ NULL },
	},
	[LKM_DIAG_CPUS_OFFLINE] = {
		"cpus-offline",
		N_("the CPU list names CPUs that are not online"),
		N_("An interrupt can only be delivered to a CPU that is online "
		   "(/sys/devices/system/cpu/online); the kernel refuses a list with none online "
		   "(EINVAL)."),
		{ NULL },
	},
	[LKM_DIAG_INVALID_CPU_LIST] = {
		"invalid-cpu-list",
		N_("that is not a CPU list"),
		N_("A CPU list is numbers and ranges separated by commas, as the kernel writes "
		   "them: 0-3,8 is CPUs 0, 1, 2, 3 and 8."),
		{ NULL },
	},
	[LKM_DIAG_NO_SUCH_IRQ] = {
		"no-such-irq",
		N_("there is no such interrupt line"),
		N_("Only numbered lines that the kernel lists under /proc/irq have an affinity; "
		   "NMI, LOC and the other per-CPU interrupts always run on every CPU."),
		{ NULL },
	},
	[LKM_DIAG_AFFINITY_REFUSED] = {
		"affinity-refused",
		N_("the kernel refused the new affinity"),
		N_("Writing /proc/irq/N/smp_affinity_list failed with the error below: the "
		   "interrupt stays where it was."),
		{ NULL },
	},
	[LKM_DIAG_BLOCKED] = {
		"blocked",
		N_("%v is blocked in modprobe.d"),
		N_("An \"install\" (or \"remove\") line in modprobe.d whose command does nothing, "
		   "such as /bin/false or /bin/true, is how an administrator forbids a module: "
		   "modprobe runs that command instead of inserting it, and then loads nothing "
		   "that needs it. lkmtui honours the block, runs no command and changes nothing."),
		{ N_("if the block is no longer wanted, delete the rule: %e") },
	},
	/* Binding: core/bind.c writes the titles, evidence and fixes with the names. */
	[LKM_DIAG_NO_SUCH_DEVICE] = {
		"no-such-device",
		N_("there is no such device on this machine's buses"),
		N_("A device is named by its address on its bus, as /sys/bus/BUS/devices lists "
		   "it: 0000:00:03.0 for a PCI function, 1-1:1.0 for a USB interface. lkmtui "
		   "hardware lists them all."),
		{ NULL },
	},
	[LKM_DIAG_NO_DRIVER_FOR_BUS] = {
		"no-driver-for-bus",
		N_("the module has no driver for that device's bus"),
		N_("A module registers drivers, each for one bus (/sys/module/NAME/drivers: "
		   "pci:8139cp, usb:btusb). A device can only be bound to a driver of its own "
		   "bus: a PCI function to a PCI driver."),
		{ NULL },
	},
	[LKM_DIAG_DEVICE_IN_USE] = {
		"device-in-use",
		N_("this device is in use in a way that unbinding would break"),
		N_("Unbinding a device's driver removes everything the driver made of it: its "
		   "network interfaces, its disks and what is mounted from them. lkmtui will not "
		   "take away the disk the root file system is on, or the network interface you "
		   "are logged in through."),
		{ NULL },
	},
	[LKM_DIAG_BIND_FAILED] = {
		"bind-failed",
		N_("the driver did not take the device"),
		N_("Binding asks the driver to probe the device. The driver may refuse it (a "
		   "chip it does not handle, missing firmware, a card that does not answer): the "
		   "kernel then says why in its log, and the device stays without a driver."),
		{ NULL },
	},
	[LKM_DIAG_NOT_BOUND] = {
		"not-bound",
		N_("no driver is bound to this device"),
		N_("Unbinding lets a driver go of a device; a device no driver holds has nothing "
		   "to let go of."),
		{ NULL },
	},
	[LKM_DIAG_REMOVE_COMMAND] = {
		"remove-command",
		N_("modprobe.d replaces removing %v with a command"),
		N_("A \"remove\" line in modprobe.d tells modprobe -r to run a shell command "
		   "instead of removing the module. lkmtui runs no shell commands, so it stops "
		   "before removing anything."),
		{ N_("let modprobe run the command: modprobe -r %m"),
		  N_("the rule: %e") },
	},
	[LKM_DIAG_FIRMWARE_MISSING] = {
		"firmware-missing",
		N_("%m needs firmware %v, which is not installed"),
		N_("Many drivers load a firmware file into their hardware when they start: "
		   "the driver asks the kernel's firmware loader for it by name, and the loader "
		   "looks in /lib/firmware (and /lib/firmware/updates, each name also with .xz "
		   "or .zst). When the file is not there the loader logs \"Direct firmware load "
		   "for FILE failed with error -2\", and a driver that cannot run without it "
		   "fails its init with ENOENT, which loaders print as \"No such file or "
		   "directory\" although the module file itself is there. The module names the "
		   "files it may need in its firmware: lines (modinfo)."),
		{ N_("install the file as /lib/firmware/%e, then: lkmtui load %l") },
		N_("the module needs a firmware file that is not installed"),
	},
	[LKM_DIAG_CPU_FEATURE_MISSING] = {
		"cpu-feature-missing",
		N_("%m is made for CPUs with %E, which this one lacks"),
		N_("A module can say which processors it is for: its CPU aliases (modinfo shows "
		   "them as cpu:type:x86,ven*fam*mod*:feature:*0085*) name a CPU feature by "
		   "number, or a vendor, family and model. The kernel shows what the running "
		   "CPU has in /sys/devices/system/cpu/modalias and as the flags of "
		   "/proc/cpuinfo. kvm_intel needs VMX (Intel VT-x), kvm_amd needs SVM "
		   "(AMD-V), the AES-NI and AVX2 crypto drivers need those instructions; "
		   "without them init fails (EOPNOTSUPP, ENODEV) with a line such as \"kvm: no "
		   "hardware support\". Virtual machines often hide such features."),
		{ N_("if the CPU has it, switch it on in the firmware setup (BIOS/UEFI: Intel "
		     "VT-x, AMD-V/SVM) and boot again"),
		  N_("in a virtual machine: give it the host's CPU (qemu -cpu host with KVM) and, "
		     "for vmx or svm, nested virtualisation on the host (kvm_intel nested=1, "
		     "kvm_amd nested=1)"),
		  N_("or use the module made for this CPU (kvm_amd on AMD-V), or a machine with "
		     "%E") },
		N_("the module is made for CPUs this one is not"),
	},
	[LKM_DIAG_DKMS_NOT_BUILT] = {
		"dkms-not-built",
		N_("DKMS knows %t but has not built it for this kernel (%r)"),
		N_("DKMS builds out-of-tree modules (zfs, nvidia, virtualbox...) from source for "
		   "each kernel when the kernel and its headers are installed. After a kernel "
		   "upgrade such a module exists only for the kernels it was built for: for this "
		   "one DKMS has no build, because this kernel's headers were missing when it "
		   "was installed, or because the build failed (its make.log says why). "
		   "modprobe then says only \"Module not found in directory "
		   "/lib/modules/RELEASE\"."),
		{ N_("or build every DKMS module for this kernel: dkms autoinstall -k %r"),
		  N_("dkms status shows what DKMS has built, for each kernel") },
		N_("DKMS knows the module but has not built it for this kernel"),
	},
	[LKM_DIAG_NOT_BUILT_FOR_KERNEL] = {
		"not-built-for-this-kernel",
		N_("%t is installed for %E, not for this kernel (%r)"),
		N_("Modules are built for one kernel release and live under "
		   "/lib/modules/RELEASE. This module is only in other releases' trees: an "
		   "older kernel (a package or a build made for that kernel), or a sibling "
		   "flavour (-cloud, -rt) of the same version. A module built for another "
		   "release cannot be loaded into this kernel: its version magic and symbol "
		   "versions differ."),
		{ N_("install the package that ships or builds it for %r, or build it against "
		     "this kernel's headers: apt-get install linux-headers-%r"),
		  N_("or boot the kernel it was built for: %e") },
		N_("the module is installed for other kernels, not for this one"),
	},
	[LKM_DIAG_IGNORED_OPTION] = {
		"ignored-option",
		N_("modprobe.d gives %m an option the kernel will ignore: %v"),
		N_("An options line in modprobe.d (options MODULE NAME=VALUE ...) is passed to "
		   "the kernel whenever the module is loaded. The kernel does not refuse a "
		   "parameter the module does not declare: it logs \"MODULE: unknown parameter "
		   "'NAME' ignored\" and loads the module without it, so the setting does "
		   "nothing. Nor does modprobe.d know comments at the end of a line: in "
		   "\"options zram num_devices=4 #32\" the kernel is given \"#32\", and a "
		   "NAME=VALUE commented out after the '#' is set all the same."),
		{ N_("edit %e: drop the word, or give the comment a line of its own"),
		  N_("lkmtui info %m lists the parameters the module declares") },
		N_("modprobe.d gives the module an option the kernel will ignore"),
	},
	[LKM_DIAG_STILL_LOADING] = {
		"still-loading",
		N_("%m is still loading: its init function has not returned"),
		N_("Loading a module ends with the kernel running its init function, which sets "
		   "the driver up: it probes for hardware, registers devices, may wait for "
		   "firmware. Until that function returns, /proc/modules says Loading and the "
		   "kernel will not unload the module (EBUSY); a second load waits for the first. "
		   "It ends by itself: Live when the init succeeds, gone when it fails. An init "
		   "that never returns is a bug in the driver: the task running it cannot be "
		   "stopped, and only a reboot frees the module."),
		{ N_("wait: when its init returns, lkmtui list shows it Live (or no more, if "
		     "the init failed)"),
		  N_("when it is Live: lkmtui unload %e"),
		  N_("if it stays Loading, the driver's init is stuck (the stack above shows "
		     "where): only a reboot frees it") },
		N_("the module is still loading"),
		{ { LKM_FIX_NONE }, { LKM_FIX_UNLOAD, 'e' } },
	},
	[LKM_DIAG_STILL_UNLOADING] = {
		"still-unloading",
		N_("%m is still unloading: its exit function has not returned"),
		N_("Unloading a module starts with the kernel marking it Unloading (use count -1 "
		   "in /proc/modules) and running its exit function, which undoes what the init "
		   "set up. Until that function returns the module cannot be loaded again (the "
		   "kernel answers EEXIST) nor unloaded a second time (EBUSY). It ends by itself: "
		   "when the exit returns, the module is gone. An exit that never returns is a bug "
		   "in the driver: the task running it cannot be stopped, and only a reboot frees "
		   "the module."),
		{ N_("wait: when its exit returns, the module is gone from lkmtui list"),
		  N_("when it is gone: lkmtui load %e"),
		  N_("if it stays Unloading, the driver's exit is stuck (the stack above shows "
		     "where): only a reboot frees it") },
		N_("the module is still unloading"),
		{ { LKM_FIX_NONE }, { LKM_FIX_LOAD, 'e' } },
	},
};

const struct lkm_diag_text *lkm_diag_text(enum lkm_diag_kind kind)
{
	if (kind <= LKM_DIAG_NONE || kind >= LKM_DIAG_COUNT)
		return NULL;
	return &texts[kind];
}

const char *lkm_diag_id(enum lkm_diag_kind kind)
{
	const struct lkm_diag_text *t = lkm_diag_text(kind);

	return t ? t->id : "none";
}

const char *lkm_diag_teach(enum lkm_diag_kind kind)
{
	const struct lkm_diag_text *t = lkm_diag_text(kind);

	return t ? _(t->teach) : "";
}

/* What each state, count, flag and taint letter means: info and the TUI's teach key. */
static const struct {
	const char *key;
	const char *text;
} terms[] = {
	{ "live", N_("Live: loaded, initialised and working.") },
	{ "loading",
	  N_("Loading: the kernel is running the module's init function; it is not "
	     "usable yet.") },
	{ "unloading",
	  N_("Unloading: the kernel is running the module's exit function; it "
	     "will be gone when that returns.") },
	{ "deleted",
	  N_("deleted (2.4): unloaded while still referenced; it goes when the last "
	     "reference does.") },
	{ "initializing", N_("initializing (2.4): its init function is running.") },
	{ "uninitialized",
	  N_("uninitialized (2.4): loaded but its init function has not run.") },
	{ "permanent",
	  N_("[permanent]: built without an exit function, so it can never be "
	     "unloaded; only a reboot removes it.") },
	{ "unsafe",
	  N_("[unsafe]: it was unloaded by force once (rmmod -f), which the kernel "
	     "does not consider safe.") },
	{ "unused", N_("(unused) (2.4): nothing has used it since it was loaded, so "
		       "autoclean may remove it.") },
	{ "autoclean",
	  N_("(autoclean) (2.4): loaded on demand by kerneld/kmod, removed again "
	     "automatically when unused.") },
	{ "use-count--1",
	  N_("use count -1: the module is being unloaded (or, on 2.4, it has "
	     "its own busy check), so the count means nothing now.") },
	{ "use-count-0", N_("use count 0: nothing holds it; it can be unloaded.") },
	{ "use-count",
	  N_("use count: the references that keep it loaded (modules using it, "
	     "open devices, mounts); it can be unloaded only at 0.") },
	{ "used-by", N_("used by: the loaded modules that use its symbols; they must be "
			"unloaded before it.") },
	{ "taint-P",
	  N_("P: a proprietary module (licence not GPL-compatible) was loaded.") },
	{ "taint-O",
	  N_("O: an out-of-tree module (not built with the kernel) was loaded.") },
	{ "taint-E", N_("E: an unsigned module was loaded in a kernel that supports "
			"signatures.") },
	{ "taint-C",
	  N_("C: a staging driver (drivers/staging, not up to the kernel's standards) "
	     "was loaded.") },
	{ "taint-F",
	  N_("F: a module was loaded by force (insmod -f), ignoring version checks.") },
	{ "taint-R", N_("R: a module was unloaded by force (rmmod -f).") },
	{ "taint-X",
	  N_("X: an auxiliary taint, set by a distribution (a module it does not "
	     "support).") },
	{ "taint-N",
	  N_("N: a module built for kernel testing (in-kernel tests) was loaded.") },
	{ "taint-K", N_("K: the kernel has been live patched.") },
	{ "taint-T",
	  N_("T: the kernel was built with the struct randomisation plugin.") },
	{ "taint-G", N_("G: no proprietary module was loaded (all GPL).") },
	{ "modalias",
	  N_("modalias: what a device tells the kernel it is (its bus, vendor, device "
	     "and class) as one string. Each module lists the modaliases it can drive "
	     "as its aliases; udev and modprobe look the device's up in modules.alias "
	     "and load the modules that match.") },
	{ "binding",
	  N_("bound: a driver has taken the device (its driver link in /sys). "
	     "Loading a module binds nothing by itself: the bus offers each device "
	     "to its drivers, and the first whose probe accepts it keeps it; unbind "
	     "lets it go again.") },
	{ "driver-override",
	  N_("driver_override: a driver's name written to the device's "
	     "driver_override file; from then on only that driver may take it. bind "
	     "writes it, lets the old driver go and asks the bus to probe again, as "
	     "driverctl does; an empty value clears it.") },
	{ "loaded-no-device",
	  N_("loaded but no device: a driver module loads whether or not its hardware "
	     "is there (loading only registers the driver). It drives nothing when no "
	     "device matches its aliases, when another driver holds the device, or "
	     "when its probe refused it (the kernel's log says why).") },
};

const char *lkm_explain_term(const char *key)
{
	for (size_t i = 0; i < sizeof(terms) / sizeof(terms[0]); i++)
		if (strcmp(terms[i].key, key) == 0)
			return _(terms[i].text);
	return NULL;
}

int lkm_diag_start(struct lkm_diagnosis *d, enum lkm_diag_kind kind, int err,
		   const char *title, const char *teach)
{
	const struct lkm_diag_text *t = lkm_diag_text(kind);

	memset(d, 0, sizeof(*d));
	d->kind = kind;
	d->err = err;
	d->title = strdup(title ? title : _(t->title));
	d->teach = strdup(teach ? teach : _(t->teach));
	return d->title && d->teach ? err : -ENOMEM;
}
