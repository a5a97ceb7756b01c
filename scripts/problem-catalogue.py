#!/usr/bin/env python3
"""Rewrites the table of docs/problems/README.md from the problem messages in both message files.

Usage: python3 scripts/problem-catalogue.py   (ProblemCatalogueTests fails when a code is missing from the table)
"""
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def load(name):
    codes = {}
    for line in (ROOT / "src/main/resources" / name).read_text(encoding="utf-8").splitlines():
        if line.startswith("problem.") and "=" in line:
            key, value = line.split("=", 1)
            codes[key[len("problem."):]] = value
    return codes


def cell(text):
    return text.replace("|", "\\|").replace("''", "'")


english = load("messages.properties")
chinese = load("messages_zh_CN.properties")
catalogue = ROOT / "docs/problems/README.md"
text = catalogue.read_text(encoding="utf-8")
head = text[:text.index("| code |")]
rows = ["| code | 中文 | English |", "|---|---|---|"]
rows += [f"| `{code}` | {cell(chinese.get(code, ''))} | {cell(message)} |" for code, message in english.items()]
catalogue.write_text(head + "\n".join(rows) + "\n", encoding="utf-8")
print(f"{len(english)} problem codes")
