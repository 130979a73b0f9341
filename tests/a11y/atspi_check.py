#!/usr/bin/python3
"""Operates the running crsync console through AT-SPI, as a screen reader user would.

Expects the demo's window (scripts/demo) on the accessibility bus. Checks that every control
showing has a name, reads the rules table cell by cell (the painted run strip included),
presses Trigger sync and waits for the run to be counted, then opens the rule form with
Configure and checks that each of its fields is announced with its caption (and the check box
for signatures and SBOMs by its text), and does the same for an instance's form (its poll
interval included). Exit status 0 when all holds; each failure is printed.
"""
import sys
import time

import pyatspi

NAMED_ROLES = {"push button", "text", "password text", "combo box", "check box", "table",
               "tree table", "list", "spin button", "toggle button"}
failures = []


def fail(message):
    failures.append(message)
    print("FAIL:", message)


def application(name, seconds=60):
    end = time.time() + seconds
    while time.time() < end:
        for app in pyatspi.Registry.getDesktop(0):
            if app is not None and app.name and name in app.name:
                return app
        time.sleep(0.5)
    return None


def descendants(node):
    try:
        for i in range(node.childCount):
            child = node.getChildAtIndex(i)
            if child is not None:
                yield child
                yield from descendants(child)
    except Exception:  # a node that went away while walking
        return


def showing(node):
    return node.getState().contains(pyatspi.STATE_SHOWING)


def plain(text):
    return (text or "").replace("&", "")


def wait_for(predicate, seconds=30):
    end = time.time() + seconds
    while time.time() < end:
        value = predicate()
        if value:
            return value
        time.sleep(0.3)
    return None


def labels_of(node):
    names = []
    for relation in node.getRelationSet():
        if relation.getRelationType() == pyatspi.RELATION_LABELLED_BY:
            for i in range(relation.getNTargets()):
                names.append(relation.getTarget(i).name)
    return names


def unnamed_in(root):
    out = []
    for n in descendants(root):
        if n.getRoleName() not in NAMED_ROLES or not showing(n):
            continue
        # On Linux Qt names a combo box by its current text and points to its caption with a
        # labelled-by relation, which is what a screen reader announces first.
        if n.getRoleName() == "combo box":
            if not labels_of(n):
                out.append("combo box %r without a label" % n.name)
        elif not (n.name or "").strip():
            out.append("%s (%s)" % (n.getRoleName(), n.description or "no description"))
    return out


def press(root, names):
    for n in descendants(root):
        if n.getRoleName() == "push button" and showing(n) and plain(n.name) in names:
            n.queryAction().doAction(0)
            return True
    return False


app = application("crsync")
if app is None:
    print("FAIL: crsync is not on the accessibility bus")
    sys.exit(1)
window = wait_for(lambda: next((f for f in app if f.getRoleName() == "frame" and showing(f)), None))

for what in unnamed_in(window):
    fail("unnamed in the main window: " + what)

table = next((n for n in descendants(window)
              if n.getRoleName() == "table" and showing(n) and n.name), None)
if table is None:
    fail("no named table on the Rules page")
    sys.exit(1)
cells = table.queryTable()
headers = [plain(cells.getColumnHeader(c).name) for c in range(cells.nColumns)]


def row(r):
    return {headers[c]: cells.getAccessibleAt(r, c).name for c in range(cells.nColumns)}


first = row(0)
print("rules table:", headers)
print("first rule:", first)
for column in ("Name", "Enabled", "Last run", "Recent runs"):
    if not first.get(column):
        fail("the %s cell of the first rule says nothing" % column)
runs_before = first.get("Recent runs", "")

if not press(window, {"Trigger sync"}):
    fail("no Trigger sync button to press")
after = wait_for(lambda: row(0) if row(0).get("Recent runs") != runs_before
                 and "Succeeded" in row(0).get("Last run", "") else None, 60)
if after is None:
    fail("the triggered run never showed in the table (still %r)" % row(0))
else:
    print("after Trigger sync:", after["Last run"], "|", after["Recent runs"])

if not press(window, {"Configure…", "Configure..."}):
    fail("no Configure button to press")
form = wait_for(lambda: next((f for f in app if f.getRoleName() in ("dialog", "frame")
                              and showing(f) and "rule" in (f.name or "").lower()), None))
if form is None:
    fail("the rule form did not open")
else:
    fields = [n for n in descendants(form)
              if n.getRoleName() in ("text", "password text", "combo box") and showing(n)]
    print("rule form fields:", [(n.getRoleName(), n.name, labels_of(n)) for n in fields])
    for what in unnamed_in(form):
        fail("unnamed in the rule form: " + what)
    if not any(n.name == "Name" for n in fields):
        fail("the rule form's name field is not announced as Name")
    boxes = [plain(n.name) for n in descendants(form)
             if n.getRoleName() == "check box" and showing(n)]
    print("rule form check boxes:", boxes)
    if not any(b.startswith("Copy signatures, attestations and SBOMs") for b in boxes):
        fail("the rule form's referrers check box is not announced by its text")
    press(form, {"Cancel"})



def menu_item(root, name):
    for n in descendants(root):
        if n.getRoleName() == "menu item" and plain(n.name) == name:
            return n
    return None


# The Instances page through the View menu, then an instance's form with Edit.
instances = menu_item(window, "Instances")
if instances is None:
    fail("no Instances item in the menus")
else:
    instances.queryAction().doAction(0)
    if not wait_for(lambda: press(window, {"Edit…", "Edit..."}), 10):
        fail("no Edit button on the Instances page")
    dialog = wait_for(lambda: next((f for f in app if f.getRoleName() in ("dialog", "frame")
                                    and showing(f) and (f.name or "").startswith("Edit instance")), None))
    if dialog is None:
        fail("the instance form did not open")
    else:
        spins = [n for n in descendants(dialog) if n.getRoleName() == "spin button" and showing(n)]
        print("instance form spin buttons:", [(n.name, labels_of(n)) for n in spins])
        for what in unnamed_in(dialog):
            fail("unnamed in the instance form: " + what)
        if not any("Poll every" in plain(n.name) for n in spins):
            fail("the poll interval is not announced as Poll every")
        press(dialog, {"Cancel"})

print("%d problem(s)" % len(failures))
sys.exit(1 if failures else 0)
