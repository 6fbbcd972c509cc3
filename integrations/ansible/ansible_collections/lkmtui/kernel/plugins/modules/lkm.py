#!/usr/bin/python
# -*- coding: utf-8 -*-
# SPDX-License-Identifier: GPL-2.0-or-later
#
# Drives lkmtui's JSON contract (lkmtui info/load/unload/set/explain --json) on the target:
# lkmtui plans, loads, compares values by the kernel's types and explains failures; this
# module only decides which of those commands a play's wanted state needs, and reports.

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
---
module: lkm
short_description: Load, unload and configure Linux kernel modules with lkmtui
version_added: "1.0.0"
description:
  - Makes a loadable kernel module loaded (with the wanted parameter values) or unloaded,
    through C(lkmtui) on the target and its JSON output.
  - A loaded module whose running parameters differ from C(params) (drift) is corrected.
    Writable parameters are written in C(/sys/module/NAME/parameters), read-only ones
    applied by unloading and reloading the module, only when C(reload=true).
  - Values are compared by the parameter's kernel type, as lkmtui does (C(0x300) is
    C(768), C(on) is C(Y)), so a second run of the same play reports C(changed=false).
  - After acting, the kernel's state is read again; the result tells what is running,
    never what was only asked for.
  - A failure returns lkmtui's diagnosis. C(msg) is its title, C(diagnosis.kind) a
    stable id a play can branch on (C(unresolved-symbols), C(in-use), C(not-found), ...).
  - Check mode predicts with C(lkmtui explain) and C(lkmtui load --dry-run) (or
    C(unload --dry-run), C(set --dry-run), C(block --dry-run)) and changes nothing; the
    result's C(running) and C(loaded) are then what the kernel shows now, never the
    wanted values, and C(changed) says whether a run would change anything.
  - Diff mode shows the running against the wanted parameter values, and lkmtui's lines
    in C(/etc/modprobe.d/lkmtui.conf) (options, block) and
    C(/etc/modules-load.d/lkmtui.conf) (loaded at boot), before and after.
author:
  - lkmtui authors
extends_documentation_fragment:
  - ansible.builtin.action_common_attributes
attributes:
  check_mode:
    support: full
    details:
      - The result reports what the kernel shows (C(running), C(loaded)) and what a run
        would change (C(changed), C(steps) not done); the wanted values only in the diff.
  diff_mode:
    support: full
    details:
      - Both files lkmtui keeps, C(/etc/modprobe.d/lkmtui.conf) and
        C(/etc/modules-load.d/lkmtui.conf), as lines before and after.
  platform:
    support: full
    platforms: posix
    details:
      - Linux with loadable module support; lkmtui on the target.
requirements:
  - lkmtui on the target (Debian package C(lkmtui))
options:
  name:
    description:
      - The module's name or alias (C(ne2k-pci) and C(ne2k_pci) are the same module).
    type: str
    required: true
  state:
    description:
      - C(present) loads the module (its dependencies first, as modprobe does) and
        brings its running parameters to C(params).
      - C(absent) unloads it; never forced. A module in use fails with the holders in
        C(diagnosis).
      - C(blocked) forbids it (C(lkmtui block)) - C(blacklist NAME) and
        C(install NAME /bin/false) in C(/run/modprobe.d/lkmtui-block.conf), or with
        C(persistent) in C(/etc/modprobe.d/lkmtui.conf) - so that no later load by name,
        alias or as another module's dependency reaches it, unloads it if nothing holds it
        (else warns who does; it stays loaded until the next boot) and takes it out of
        C(/etc/modules-load.d/lkmtui.conf).
    type: str
    choices: [present, absent, blocked]
    default: present
  params:
    description:
      - Parameter values, as C(NAME=VALUE) on C(lkmtui load). A value of C(null) gives
        the bare name (a bool set to Y). Booleans are given as C(1) and C(0).
      - Parameters not named here are left as they are.
    type: dict
    default: {}
  persistent:
    description:
      - The same after a reboot (lkmtui's C(--persist)). With C(state=present), C(params)
        become the module's options line in C(/etc/modprobe.d/lkmtui.conf) (every later
        load uses them) and its name a line of C(/etc/modules-load.d/lkmtui.conf) (the
        boot's systemd-modules-load loads it). With C(state=absent), both lines are
        removed. With C(state=blocked), the block goes to C(/etc/modprobe.d/lkmtui.conf).
      - A warning says when the running kernel's initramfs carries an older copy of a
        changed file (the fix, C(update-initramfs -u), is never run).
    type: bool
    default: false
  reload:
    description:
      - Whether a read-only parameter (mode 0444) whose running value differs may be
        applied by unloading and reloading the module. Without it such a difference
        fails, with lkmtui's C(read-only-parameter) diagnosis.
    type: bool
    default: false
  stack:
    description:
      - With C(state=absent), also unload the modules it used that nothing else uses
        (C(modprobe -r)).
    type: bool
    default: false
  root:
    description:
      - Look at and act on the system under this directory (C(lkmtui --root)). lkmtui
        acts only on the running system; an offline image is only looked at.
    type: path
  lkmtui:
    description:
      - The lkmtui program on the target. Default, C(lkmtui) found on C(PATH).
    type: path
notes:
  - Unlike M(community.general.modprobe), a failure names its cause (the diagnosis),
    drift in running parameters is detected and corrected, a module can be blocked, and
    check mode never reports wanted values as running.
seealso:
  - module: community.general.modprobe
  - name: lkmtui(1)
    description: lkmtui's manual page (commands, JSON, diagnosis kinds).
    link: https://manpages.debian.org/lkmtui
"""

EXAMPLES = r"""
- name: Load the NE2000 driver with its I/O port and IRQ, and keep them for boot
  lkmtui.kernel.lkm:
    name: ne2k-pci
    params:
      io: "0x300"
      irq: 11
    persistent: true

- name: Correct drift, reloading the module if a read-only parameter differs
  lkmtui.kernel.lkm:
    name: ne2k-pci
    params:
      io: "0x300"
      irq: 11
    reload: true

- name: Load msdos, and branch on why it failed
  lkmtui.kernel.lkm:
    name: msdos
  register: msdos
  ignore_errors: true

- name: Say what to do when a prerequisite was missing
  ansible.builtin.debug:
    msg: "{{ msdos.diagnosis.fix }}"
  when: msdos.failed and msdos.diagnosis.kind == 'unresolved-symbols'

- name: Block a vulnerable module (CVE-2022-0435, tipc), now and after every reboot
  lkmtui.kernel.lkm:
    name: tipc
    state: blocked
    persistent: true

- name: Unload a module, and no longer load it at boot
  lkmtui.kernel.lkm:
    name: ne2k-pci
    state: absent
    persistent: true
"""

RETURN = r"""
module:
  description: The module's name as the kernel spells it (C(ne2k_pci)).
  returned: always
  type: str
  sample: ne2k_pci
loaded:
  description: Whether the kernel lists it in /proc/modules, read after acting.
  returned: always
  type: bool
  sample: true
running:
  description: >-
    The running values of the parameters named in C(params), read from /sys after
    acting (null when /sys does not show the parameter).
  returned: always
  type: dict
  sample: {"io": "768", "irq": "11"}
persisted:
  description: The module's options in /etc/modprobe.d/lkmtui.conf, read after acting.
  returned: always
  type: list
  elements: str
  sample: ["io=0x300", "irq=11"]
at_boot:
  description: Whether /etc/modules-load.d/lkmtui.conf lists it, read after acting.
  returned: always
  type: bool
  sample: true
blocked:
  description: The files of lkmtui's that block it, read after acting.
  returned: always
  type: list
  elements: str
  sample: ["/etc/modprobe.d/lkmtui.conf"]
steps:
  description: >-
    What lkmtui did (or, in check mode, would do), in order: each with action
    (insert, remove, write-parameter, persist, skip-loaded, ...), module, params and done.
  returned: always
  type: list
  elements: dict
  sample: [{"action": "insert", "module": "8390", "params": "", "done": true}]
drift:
  description: >-
    For a module that was loaded: the parameters named in C(params) whose running value
    differed, before acting (name, value wanted, running, writable, differs).
  returned: state=present, module loaded
  type: list
  elements: dict
  sample: [{"name": "irq", "value": "11", "running": "7", "writable": true, "differs": true}]
predictions:
  description: >-
    In check mode, for a module that would be loaded: what C(lkmtui explain) predicts
    would make the load fail, each a diagnosis (empty when it finds nothing).
  returned: check mode, state=present, module not loaded
  type: list
  elements: dict
diagnosis:
  description: Why it failed, as lkmtui explains it.
  returned: failure
  type: dict
  contains:
    kind:
      description: A stable id (lkmtui(1) lists them), for a play to branch on.
      type: str
      sample: unresolved-symbols
    title:
      description: One line, also in C(msg).
      type: str
    errno:
      description: The kernel's error number, when the kernel refused.
      type: int
    evidence:
      description: What shows it (symbols, the kernel's own log lines, values).
      type: list
      elements: str
    fix:
      description: What to do, as commands.
      type: list
      elements: str
    fixes:
      description: The same fixes as data (action, target, args, text), as lkmtui's
        contract (doc/CONTRACT.md) describes them.
      type: list
      elements: dict
msg:
  description: On failure, the diagnosis's title.
  returned: failure
  type: str
  sample: "msdos needs symbols no loaded module exports"
"""

import json

from ansible.module_utils.basic import AnsibleModule

PERSIST_FILE = "/etc/modprobe.d/lkmtui.conf"


def kernel_value(value):
    """A play's value as the kernel takes it on the command line."""
    if value is None:
        return None
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, (list, tuple)):
        return ",".join(kernel_value(v) for v in value)
    return str(value)


def norm(name):
    return name.replace("-", "_")


class Lkmtui(object):
    def __init__(self, module):
        self.m = module
        p = module.params
        self.bin = p["lkmtui"] or module.get_bin_path("lkmtui", required=True)
        self.root = p["root"]
        self.steps = []

    def run(self, *args):
        """lkmtui ARGS --json: its JSON object, and its exit status."""
        argv = [self.bin]
        if self.root:
            argv += ["--root", self.root]
        argv += list(args) + ["--json"]
        rc, out, err = self.m.run_command(argv)
        try:
            return json.loads(out), rc
        except ValueError:
            # Not the contract: say what lkmtui itself said (usage errors, a crash).
            self.m.fail_json(msg="lkmtui gave no JSON (exit %d): %s" % (rc, err.strip()),
                             cmd=argv, rc=rc, stdout=out, stderr=err, steps=self.steps)

    def act(self, *args):
        """An action (load, unload, set); its steps are kept; a failure ends the run."""
        res, rc = self.run(*args)
        self.steps += res.get("steps", [])
        if not res.get("ok"):
            self.fail(res)
        return res

    def fail(self, res, **extra):
        diag = res.get("diagnosis") or {}
        msg = diag.get("title") or res.get("error") or "lkmtui failed"
        self.m.fail_json(msg=msg, diagnosis=diag, steps=self.steps,
                         kernel_log=res.get("kernel_log", []), **extra)


def assignments(params):
    out = []
    for name in sorted(params):
        v = kernel_value(params[name])
        out.append(name if v is None else "%s=%s" % (name, v))
    return out


BOOT_FILE = "/etc/modules-load.d/lkmtui.conf"
BLOCK_RUN_FILE = "/run/modprobe.d/lkmtui-block.conf"


def describe(info, wanted_names):
    """The state the diff shows: loaded or not, the named parameters, lkmtui's lines."""
    mod = info.get("module")
    lines = []
    if not info.get("loaded"):
        lines.append("%s: not loaded" % mod)
    else:
        lines.append("%s: loaded" % mod)
        running = dict((norm(w["name"]), w.get("running")) for w in info.get("wanted", []))
        for name in wanted_names:
            lines.append("  %s = %s" % (name, running.get(norm(name))))
    persisted = info.get("persisted") or []
    blocked = info.get("blocked") or []
    block = "blacklist %s; install %s /bin/false" % (mod, mod)
    conf = []
    if persisted:
        conf.append("options %s %s" % (mod, " ".join(persisted)))
    if PERSIST_FILE in blocked:
        conf.append(block)
    lines.append("%s: %s" % (PERSIST_FILE, "; ".join(conf) if conf else "(no line for it)"))
    if BLOCK_RUN_FILE in blocked:
        lines.append("%s: %s" % (BLOCK_RUN_FILE, block))
    lines.append("%s: %s" % (BOOT_FILE, mod if info.get("at_boot") else "(no line for it)"))
    return "\n".join(lines) + "\n"


def predicted(info, state, params, persistent):
    """What describe() would show once the change is made: the wanted state."""
    after = dict(info)
    after["loaded"] = state == "present"
    after["wanted"] = [{"name": n, "running": kernel_value(params[n])} for n in params]
    if state == "present" and persistent:
        merged = [p for p in (info.get("persisted") or [])
                  if norm(p.split("=", 1)[0]) not in set(norm(n) for n in params)]
        after["persisted"] = merged + assignments(params)
        after["at_boot"] = True
    if state == "absent" and persistent or state == "blocked":
        after["at_boot"] = False
    if state == "absent" and persistent:
        after["persisted"] = []
    if state == "blocked":
        f = PERSIST_FILE if persistent else BLOCK_RUN_FILE
        after["blocked"] = sorted(set((info.get("blocked") or []) + [f]))
    return after


def persisted_as_wanted(info, params):
    have = {}
    for p in info.get("persisted") or []:
        k, _, v = p.partition("=")
        have[norm(k)] = v
    return all(have.get(norm(k)) == (kernel_value(v) or "") for k, v in params.items())


def present(module, lk, name, before, wanted, dry, result):
    """state=present on a loaded module: drift corrected, the files written if asked."""
    p = module.params
    params, check = p["params"], module.check_mode
    drift = [w for w in before.get("wanted", []) if w.get("differs")]
    read_only = [w for w in drift if not w.get("writable")]
    result["drift"] = drift
    if read_only:
        if not p["reload"]:
            # lkmtui's own refusal says it best: the read-only-parameter diagnosis.
            w = read_only[0]
            refusal, rc = lk.run("set", name, "%s=%s" % (w["name"], w["value"]), "--dry-run")
            if refusal.get("ok"):
                refusal = {"error": "%s is read-only: running %s, wanted %s; reload: true "
                           "would unload and reload %s" % (w["name"], w.get("running"),
                                                           w["value"], name)}
            lk.fail(refusal, drift=drift)
        lk.act("unload", name, *dry)
        lk.act("load", name, *(wanted + dry + (["--persist"] if p["persistent"] else [])))
        result["changed"] = True
        return
    for w in drift:
        lk.act("set", name, "%s=%s" % (w["name"], w["value"]), *dry)
        result["changed"] = True
    if p["persistent"] and not (persisted_as_wanted(before, params) and before.get("at_boot")):
        # Running as asked now: load --persist writes the files and inserts nothing.
        if check and drift:
            lk.steps.append({"action": "persist", "module": before.get("module"),
                             "path": PERSIST_FILE, "done": False})
        else:
            lk.act("load", name, *(wanted + dry + ["--persist"]))
        result["changed"] = True


def main():
    module = AnsibleModule(
        argument_spec=dict(
            name=dict(type="str", required=True),
            state=dict(type="str", default="present", choices=["present", "absent", "blocked"]),
            params=dict(type="dict", default={}),
            persistent=dict(type="bool", default=False),
            reload=dict(type="bool", default=False),
            stack=dict(type="bool", default=False),
            root=dict(type="path"),
            lkmtui=dict(type="path"),
        ),
        supports_check_mode=True,
    )
    p = module.params
    name, state, params = p["name"], p["state"], p["params"]
    wanted = assignments(params)
    lk = Lkmtui(module)
    check = module.check_mode
    dry = ["--dry-run"] if check else []
    persist = ["--persist"] if p["persistent"] else []
    result = dict(changed=False)

    before, rc = lk.run("info", name, *wanted)
    if not before.get("ok"):
        # Nothing is called that: absent is already true; a load says why not.
        before = {"module": norm(name), "loaded": False, "wanted": [], "persisted": [],
                  "at_boot": False, "blocked": []}

    if state == "blocked":
        f = PERSIST_FILE if p["persistent"] else BLOCK_RUN_FILE
        if f not in (before.get("blocked") or []) or before.get("loaded") or before.get("at_boot"):
            res = lk.act("block", name, *(dry + persist))
            for w in res.get("warnings", []):
                module.warn(w)
            result["changed"] = any(s.get("changed") or s.get("action") == "remove"
                                    for s in res.get("steps", [])) or check
    elif state == "absent":
        if before.get("loaded"):
            lk.act("unload", name, *(dry + (["--stack"] if p["stack"] else []) + persist))
            result["changed"] = True
        elif persist and (before.get("at_boot") or before.get("persisted")):
            lk.act("unload", name, *(dry + persist))
            result["changed"] = True
    elif not before.get("loaded"):
        if check:
            explain, rc = lk.run("explain", name, *wanted)
            result["predictions"] = explain.get("problems", [])
            if result["predictions"]:
                first = result["predictions"][0]
                lk.fail({"diagnosis": first}, predictions=result["predictions"])
        res = lk.act("load", name, *(wanted + dry + persist))
        result["changed"] = True
    else:
        present(module, lk, name, before, wanted, dry, result)
        for w in before.get("wanted", []):
            if w.get("running") is None:
                module.warn("%s: /sys/module/%s/parameters/%s is not there; its value cannot "
                            "be compared" % (name, before.get("module"), w["name"]))

    after = before
    if not check:
        after, rc = lk.run("info", name, *wanted)
        if not after.get("ok"):
            after = {"module": before.get("module"), "loaded": False, "wanted": [],
                     "persisted": [], "at_boot": False, "blocked": []}
        # Read back, never assumed: a value the kernel did not take is a failure.
        if state == "present":
            if not after.get("loaded"):
                lk.fail({"error": "%s is not loaded after lkmtui loaded it" % name})
            still = [w for w in after.get("wanted", []) if w.get("differs")]
            if still:
                lk.fail({"error": "%s: the kernel shows %s after the change" % (
                    name, ", ".join("%s=%s" % (w["name"], w.get("running")) for w in still))},
                    drift=still)
        elif state == "absent" and after.get("loaded"):
            lk.fail({"error": "%s is still loaded after lkmtui unloaded it" % name})
    # What the kernel and the files show: after acting, or in check mode now. The
    # wanted state is only in the diff.
    result.update(
        module=after.get("module") or norm(name),
        loaded=bool(after.get("loaded")),
        running=dict((w["name"], w.get("running")) for w in after.get("wanted", [])),
        persisted=after.get("persisted") or [],
        at_boot=bool(after.get("at_boot")),
        blocked=after.get("blocked") or [],
        steps=lk.steps,
    )
    if module._diff:
        shown = after if not check else predicted(before, state, params, p["persistent"])
        result["diff"] = dict(before=describe(before, sorted(params)),
                              after=describe(shown, sorted(params)),
                              before_header="%s (running)" % result["module"],
                              after_header="%s (%s)" % (result["module"],
                                                        "wanted" if check else "after"))
    module.exit_json(**result)


if __name__ == "__main__":
    main()
