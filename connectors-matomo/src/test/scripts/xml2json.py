#!/usr/bin/env python3
"""Converts a Matomo XML API response (as written by Matomo's XML renderer) into the JSON shape Matomo's
JSON renderer gives for the same data. Used once to derive test fixtures from Matomo's own test outputs;
see src/test/resources/matomo/PROVENANCE.md.

Rules (Matomo's renderers): <result> of <row>s -> array of objects; <result> of scalar elements -> object;
<results><result date="D">...</result></results> -> object keyed by D, an empty period -> [];
<subtable> -> array; an element with child elements -> object; an empty element -> ""; whole numbers and
decimals become JSON numbers, everything else (such as "50%") stays a string."""
import json, re, sys
import xml.etree.ElementTree as ET

NUM = re.compile(r"^-?(0|[1-9][0-9]*)(\.[0-9]+)?$")

def scalar(text):
    t = (text or "").strip()
    if NUM.match(t):
        return float(t) if "." in t else int(t)
    return text or ""

def convert(el):
    children = list(el)
    if not children:
        return scalar(el.text)
    if all(c.tag == "row" for c in children) or el.tag == "subtable":
        return [convert(c) for c in children]
    return {c.tag: convert(c) for c in children}

def top(root):
    if root.tag == "results":
        return {r.get("date") or r.get("idSite") or r.get("prettyDate"): (convert(r) if list(r) else [])
                for r in root}
    if not list(root):
        return [] if not (root.text or "").strip() else {"value": scalar(root.text)}
    return convert(root)

if __name__ == "__main__":
    root = ET.parse(sys.argv[1]).getroot()
    json.dump(top(root), sys.stdout, ensure_ascii=False, separators=(",", ":"))
