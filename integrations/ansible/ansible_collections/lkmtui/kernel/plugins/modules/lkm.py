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
    C(unload --dry-run), C(set --dry-run)) and changes nothing.
  - Diff mode shows the running against the wanted parameter values and the options line
    in C(/etc/modprobe.d/lkmtui.conf) before and after.
author:
  - lkmtui authors
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
    type: str
    choices: [present, absent]
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
      - Also write C(params) to C(/etc/modprobe.d/lkmtui.conf) (lkmtui's atomic
        C(--persist)), so that every later load, by modprobe at boot too, uses them.
        Works without systemd.
      - Applies to C(state=present).
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
  - Supports check mode and diff mode.
  - Unlike M(community.general.modprobe), a failure names its cause (the diagnosis),
    drift in running parameters is detected and corrected, and persistence does not
    depend on systemd.
  - To forbid a module, put C(install NAME /bin/false) in modprobe.d (for example with
    M(ansible.builtin.copy)) and make it C(absent); C(lkmtui metrics) reports a blocked
    module that is loaded anyway.
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

- name: Block a vulnerable module (CVE-2022-0435, tipc) from every later load
  ansible.builtin.copy:
    dest: /etc/modprobe.d/block-tipc.conf
    content: |
      install tipc /bin/false
      blacklist tipc
    mode: "0644"

- name: And unload it now, with what only it used
  lkmtui.kernel.lkm:
    name: tipc
    state: absent
    stack: true
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


def describe(info, wanted_names):
    """The state the diff shows: loaded or not, the named parameters, the options line."""
    lines = []
    if not info.get("loaded"):
        lines.append("%s: not loaded" % info.get("module"))
    else:
        lines.append("%s: loaded" % info.get("module"))
        running = dict((norm(w["name"]), w.get("running")) for w in info.get("wanted", []))
        for name in wanted_names:
            lines.append("  %s = %s" % (name, running.get(norm(name))))
    persisted = info.get("persisted") or []
    lines.append("%s: %s" % (PERSIST_FILE, ("options %s %s" % (info.get("module"), " ".join(persisted)))
                                if persisted else "(no options line)"))
    return "\n".join(lines) + "\n"


def predicted(info, state, params, persistent):
    """What describe() would show once the change is made."""
    after = dict(info)
    after["loaded"] = state == "present"
    after["wanted"] = [{"name": n, "running": kernel_value(params[n])} for n in params]
    if state == "present" and persistent and params:
        merged = [p for p in (info.get("persisted") or [])
                  if norm(p.split("=", 1)[0]) not in set(norm(n) for n in params)]
        after["persisted"] = merged + assignments(params) if info.get("loaded") else assignments(params)
    return after


def persisted_as_wanted(info, params):
    have = {}
    for p in info.get("persisted") or []:
        k, _, v = p.partition("=")
        have[norm(k)] = v
    return all(have.get(norm(k)) == (kernel_value(v) or "") for k, v in params.items())


def main():
    module = AnsibleModule(
        argument_spec=dict(
            name=dict(type="str", required=True),
            state=dict(type="str", default="present", choices=["present", "absent"]),
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
    persist = ["--persist"] if p["persistent"] and params else []
    result = dict(changed=False)

    before, rc = lk.run("info", name, *wanted)
    if not before.get("ok"):
        # Nothing is called that: absent is already true; a load says why not.
        before = {"module": norm(name), "loaded": False, "wanted": [], "persisted": []}

    if state == "absent":
        if before.get("loaded"):
            lk.act("unload", name, *(dry + (["--stack"] if p["stack"] else [])))
            result["changed"] = True
    elif not before.get("loaded"):
        if check:
            explain, rc = lk.run("explain", name, *wanted)
            result["predictions"] = explain.get("problems", [])
            if result["predictions"]:
                first = result["predictions"][0]
                lk.fail({"diagnosis": first}, predictions=result["predictions"])
        lk.act("load", name, *(wanted + dry + persist))
        result["changed"] = True
    else:
        drift = [w for w in before.get("wanted", []) if w.get("differs")]
        read_only = [w for w in drift if not w.get("writable")]
        need_persist = persist and not persisted_as_wanted(before, params)
        if read_only or (need_persist and any(
                w.get("writable") is False for w in before.get("wanted", []))):
            if not p["reload"]:
                # lkmtui's own refusal says it best: the read-only-parameter diagnosis.
                w = read_only[0] if read_only else [x for x in before["wanted"] if x.get("writable") is False][0]
                refusal, rc = lk.run("set", name, "%s=%s" % (w["name"], w["value"]), "--dry-run")
                if refusal.get("ok"):
                    refusal = {"error": "%s is read-only: running %s, wanted %s; reload: true "
                               "would unload and reload %s" % (w["name"], w.get("running"),
                                                               w["value"], name)}
                lk.fail(refusal, drift=drift)
            lk.act("unload", name, *dry)
            lk.act("load", name, *(wanted + dry + persist))
            result["changed"] = True
        else:
            for w in before.get("wanted", []):
                if w.get("differs") or (need_persist and w.get("writable")):
                    lk.act("set", name, "%s=%s" % (w["name"], w["value"]),
                           *(dry + (persist and ["--persist"])))
                    result["changed"] = True
        result["drift"] = drift
        for w in before.get("wanted", []):
            if w.get("running") is None:
                module.warn("%s: /sys/module/%s/parameters/%s is not there; its value cannot "
                            "be compared" % (name, before.get("module"), w["name"]))

    after = before
    if not check:
        after, rc = lk.run("info", name, *wanted)
        if not after.get("ok"):
            after = {"module": before.get("module"), "loaded": False, "wanted": [], "persisted": []}
        # Read back, never assumed: a value the kernel did not take is a failure.
        if state == "present":
            if not after.get("loaded"):
                lk.fail({"error": "%s is not loaded after lkmtui loaded it" % name})
            still = [w for w in after.get("wanted", []) if w.get("differs")]
            if still:
                lk.fail({"error": "%s: the kernel shows %s after the change" % (
                    name, ", ".join("%s=%s" % (w["name"], w.get("running")) for w in still))},
                    drift=still)
        elif after.get("loaded"):
            lk.fail({"error": "%s is still loaded after lkmtui unloaded it" % name})

    shown = after if not (check and result["changed"]) else predicted(before, state, params,
                                                                        p["persistent"])
    result.update(
        module=after.get("module") or norm(name),
        loaded=bool(shown.get("loaded")),
        running=dict((w["name"], w.get("running")) for w in shown.get("wanted", [])),
        persisted=shown.get("persisted") or [],
        steps=lk.steps,
    )
    if module._diff:
        result["diff"] = dict(before=describe(before, sorted(params)),
                              after=describe(shown, sorted(params)),
                              before_header="%s (running)" % result["module"],
                              after_header="%s (wanted)" % result["module"])
    module.exit_json(**result)


if __name__ == "__main__":
    main()
