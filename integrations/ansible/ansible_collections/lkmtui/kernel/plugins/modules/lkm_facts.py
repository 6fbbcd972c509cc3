#!/usr/bin/python
# -*- coding: utf-8 -*-
# SPDX-License-Identifier: GPL-2.0-or-later
#
# lkmtui's view of a machine as Ansible facts: `lkmtui doctor --json` (its module set-up
# and the boot it will have) and `lkmtui list --json` (what is loaded). lkmtui decides
# every finding; this module only gathers them, so that a play can assert on a fleet.

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
---
module: lkm_facts
short_description: The kernel module set-up of a machine, as lkmtui doctor sees it, as facts
version_added: "1.1.0"
description:
  - Gathers C(ansible_facts.lkmtui) from C(lkmtui doctor --json) and C(lkmtui list --json)
    on the target. Changes nothing.
  - C(ansible_facts.lkmtui.next_boot_fails) is true when the doctor finds an error (a
    module asked for at boot that cannot be found or is blocked, the running kernel's
    module tree gone, an options value that makes a load fail, ...), so that
    C(ansible -m lkmtui.kernel.lkm_facts all) answers "which machines will fail their
    next boot".
author:
  - lkmtui authors
requirements:
  - lkmtui on the target (Debian package C(lkmtui))
extends_documentation_fragment:
  - action_common_attributes
  - action_common_attributes.facts
attributes:
  check_mode:
    support: full
  diff_mode:
    support: none
  facts:
    support: full
  platform:
    platforms: posix
options:
  root:
    description:
      - Look at the system under this directory (an offline image), as C(lkmtui --root).
    type: path
  lkmtui:
    description:
      - The lkmtui program to run. Default, the one on the target's C(PATH).
    type: path
"""

EXAMPLES = r"""
- name: Which machines will fail their next boot
  lkmtui.kernel.lkm_facts:

- name: Fail the play where the module set-up has errors
  ansible.builtin.assert:
    that: not ansible_facts.lkmtui.next_boot_fails
    fail_msg: "{{ ansible_facts.lkmtui.doctor.findings | selectattr('severity', 'eq', 'error') | map(attribute='title') | list }}"
"""

RETURN = r"""
ansible_facts:
  description: Facts under C(lkmtui).
  returned: always
  type: complex
  contains:
    lkmtui:
      description:
        - C(doctor), the whole C(lkmtui doctor --json) object (C(status), C(counts),
          C(findings)); C(modules), C(lkmtui list --json)'s C(modules);
          C(module_support); C(next_boot_fails) (C(doctor.status == 2));
          C(warnings) (C(doctor.counts.warning)).
      type: dict
"""

import json

from ansible.module_utils.basic import AnsibleModule


def run_json(module, argv, ok_codes):
    rc, out, err = module.run_command(argv)
    if rc not in ok_codes:
        module.fail_json(msg="%s failed (exit %d): %s" % (" ".join(argv), rc, err.strip()))
    try:
        return json.loads(out)
    except ValueError:
        module.fail_json(msg="%s printed no JSON: %s" % (" ".join(argv), err.strip()))


def main():
    module = AnsibleModule(
        argument_spec=dict(root=dict(type="path"), lkmtui=dict(type="path")),
        supports_check_mode=True,
    )
    p = module.params
    bin_ = p["lkmtui"] or module.get_bin_path("lkmtui", required=True)
    base = [bin_] + (["--root", p["root"]] if p["root"] else [])
    doctor = run_json(module, base + ["doctor", "--json"], (0, 1, 2))
    listing = run_json(module, base + ["list", "--json"], (0, 1))
    facts = dict(
        doctor=doctor,
        modules=listing.get("modules", []),
        module_support=listing.get("module_support", False),
        next_boot_fails=doctor.get("status") == 2,
        warnings=doctor.get("counts", {}).get("warning", 0),
    )
    module.exit_json(changed=False, ansible_facts=dict(lkmtui=facts))


if __name__ == "__main__":
    main()
