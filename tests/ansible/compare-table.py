#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""compare-table.py RESULTS [AFTER-REBOOT]: the table of what lkmtui.kernel.lkm and
community.general.modprobe reported in the same cases (tests/ansible/compare.yml wrote
RESULTS), as Markdown: the README's Ansible section shows it. AFTER-REBOOT (optional)
holds, a line each, "lkm: STATE" and "modprobe: STATE" as the next boot showed them.
Each cell is what the module returned (failed, changed, ok; its message, its steps and
warnings) and then what the target showed."""
import json
import sys


def cell(tool, r, state):
    if r.get("failed"):
        head = "**failed**: " + r.get("msg", "").strip()
        if tool == "lkm" and "diagnosis" in r:
            head += " (`%s`)" % r["diagnosis"]["kind"]
    elif r.get("changed"):
        head = "**changed**"
    else:
        head = "**ok**, unchanged"
    parts = [head]
    for s in r.get("steps", []):
        text = " ".join(x for x in (s["action"], s["module"], s.get("params")) if x)
        parts.append("step: %s%s" % (text, "" if s["done"] else " (not done)"))
    for w in r.get("warnings", []):
        parts.append("warning: " + w.strip())
    parts.append("then " + "; ".join(l for l in state.splitlines() if l))
    return "<br>".join(parts).replace("|", "\\|").replace("\n", "<br>")


def main():
    rows = json.load(open(sys.argv[1]))
    print("| Case | lkmtui.kernel.lkm | community.general.modprobe |")
    print("| --- | --- | --- |")
    for row in rows:
        print("| %s | %s | %s |" % (row["case"], cell("lkm", row["lkm"], row["lkm_state"]),
                                    cell("modprobe", row["modprobe"], row["modprobe_state"])))
    if len(sys.argv) > 2:
        after = dict(l.rstrip("\n").split(": ", 1) for l in open(sys.argv[2]) if ": " in l)
        print("| after a reboot (systemd-modules-load, each module's files alone) | %s | %s |"
              % (after.get("lkm", "?"), after.get("modprobe", "?")))


if __name__ == "__main__":
    main()
