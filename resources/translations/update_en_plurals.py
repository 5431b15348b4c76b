#!/usr/bin/env python3
"""Refreshes hubdesk_en.ts: the English plural forms of every tr("... %n ...") string.

Source strings are written as "%n file(s)"; without an English translation Qt shows them like
that. lupdate -pluralonly lists the numerus strings, and this script fills their two English
forms by rule ("(s)" -> "" / "s", "repository(s)" -> "repository" / "repositories") plus the few
phrases whose verb changes with the number (SPECIAL below).

    resources/translations/update_en_plurals.py [--check] [path/to/lupdate]

--check changes nothing and fails (exit 1, with the strings) when the file lacks a %n string of the
sources or a form still reads "(s)"; ctest runs it (translations_en_plurals), so a new %n string
fails the tests until this script has been run.
"""
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
TS = os.path.join(HERE, "hubdesk_en.ts")

# Phrases whose words other than the noun change between one and many: (many, one).
SPECIAL = [
    ("do not match their hash", "does not match its hash"),
]
IRREGULAR = {"repository(s)": ("repository", "repositories"), "entry(s)": ("entry", "entries")}


def forms(text):
    one, many = text, text
    for word, (sg, pl) in IRREGULAR.items():
        one, many = one.replace(word, sg), many.replace(word, pl)
    one = re.sub(r"\(s\)", "", one)
    many = re.sub(r"\(s\)", "s", many)
    for pl, sg in SPECIAL:
        one = one.replace(pl, sg)
    return one, many


def run_lupdate(lupdate, ts):
    sources = [os.path.join(ROOT, "ui"), os.path.join(ROOT, "app", "hubdesk", "main.cpp")]
    subprocess.run([lupdate, "-silent", "-pluralonly", "-no-obsolete", "-locations", "none",
                    "-target-language", "en", f"-I{ROOT}", *sources, "-ts", ts], check=True)


def numerus_messages(ts):
    """{(context, source): [forms]} of the numerus messages of a .ts file."""
    out = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.find("name").text
        for message in context.iter("message"):
            if message.get("numerus") == "yes":
                forms = [f.text or "" for f in message.iter("numerusform")]
                out[(name, message.find("source").text)] = forms
    return out


def check(lupdate):
    import tempfile
    with tempfile.TemporaryDirectory() as tmp:
        fresh = os.path.join(tmp, "fresh.ts")
        run_lupdate(lupdate, fresh)
        wanted = numerus_messages(fresh)
    have = numerus_messages(TS)
    problems = [f"missing: [{c}] {s}" for (c, s) in sorted(set(wanted) - set(have))]
    for (c, s), forms in sorted(have.items()):
        if len(forms) != 2 or any(not f or "(s)" in f for f in forms):
            problems.append(f"forms not filled: [{c}] {s}: {forms}")
    if problems:
        print("hubdesk_en.ts is out of date; run resources/translations/update_en_plurals.py")
        print("\n".join(problems))
        return 1
    print(f"hubdesk_en.ts: {len(have)} plural strings, all with both English forms")
    return 0


def main():
    args = sys.argv[1:]
    checking = "--check" in args
    args = [a for a in args if a != "--check"]
    lupdate = args[0] if args else "/usr/lib/qt6/bin/lupdate"
    if checking:
        sys.exit(check(lupdate))
    run_lupdate(lupdate, TS)
    tree = ET.parse(TS)
    for message in tree.iter("message"):
        if message.get("numerus") != "yes":
            continue
        source = message.find("source").text or ""
        one, many = forms(source)
        translation = message.find("translation")
        for child in list(translation):
            translation.remove(child)
        translation.attrib.pop("type", None)
        for form in (one, many):
            ET.SubElement(translation, "numerusform").text = form
    with open(TS, "w", encoding="utf-8") as fh:
        fh.write('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n')
        fh.write(ET.tostring(tree.getroot(), encoding="unicode"))
    # lconvert writes it back in the layout lupdate and Qt Linguist use.
    lconvert = os.path.join(os.path.dirname(lupdate), "lconvert")
    subprocess.run([lconvert, "-i", TS, "-o", TS], check=True)


if __name__ == "__main__":
    main()
