"""Print every labelled leftover line of an AI-draft set, so line numbers can be checked by eye.

It also checks that labels.toml agrees with the drafts (every draft listed, every label on
an existing non-blank line, no line labelled twice, no label in a near-miss file) and
prints the counts per form and per format. Exit status 1 if a check fails.

Usage: python3 tests/show_labels.py tests/data/ai_drafts [--counts]   (or any set's folder)
"""

import collections
import pathlib
import sys
from typing import Any

if sys.version_info >= (3, 11):
    import tomllib
else:  # the project supports 3.10, which has tomli instead
    import tomli as tomllib

HERE = pathlib.Path(next((a for a in sys.argv[1:] if not a.startswith("--")), "tests/data/ai_drafts"))
FORMS = (
    "label",
    "outline",
    "author-note",
    "chatbot",
    "markdown-in-html",
    "debris",
    "placeholder",
    "outline-marker",
    "todo",
)
NOT_DRAFTS = {"README.md", "labels.toml", "show_labels.py"}


def problems_with(labels: dict[str, Any], lines: dict[str, list[str]]) -> list[str]:
    """Why labels.toml cannot be trusted, if it cannot: a wrong line number is the usual slip."""
    files = {entry["name"]: entry for entry in labels["file"]}
    problems = []
    if set(lines) != set(files):
        problems.append(f"drafts and [[file]] entries differ: {sorted(set(lines) ^ set(files))}")
    seen = set()
    for leftover in labels["leftover"]:
        name, number, form = leftover["file"], leftover["line"], leftover["form"]
        where = f"{name}:{number}"
        if not 0 < number <= len(lines.get(name, [])) or not lines[name][number - 1].strip():
            problems.append(f"{where}: no such non-blank line")
        if form not in FORMS:
            problems.append(f"{where}: unknown form {form!r}")
        if files.get(name, {}).get("near_miss"):
            problems.append(f"{where}: near-miss files get no leftover entries")
        if (name, number) in seen:
            problems.append(f"{where}: labelled twice")
        seen.add((name, number))
    return problems


def print_counts(labels: dict[str, Any]) -> None:
    """The figures the README quotes, recomputed so they cannot drift from the labels."""
    drafts = [entry for entry in labels["file"] if not entry["near_miss"]]
    near_misses = collections.Counter(
        pathlib.Path(e["name"]).suffix for e in labels["file"] if e["near_miss"]
    )
    per_form = collections.Counter(leftover["form"] for leftover in labels["leftover"])
    per_format = collections.Counter(pathlib.Path(leftover["file"]).suffix for leftover in labels["leftover"])
    drafts_per_format = collections.Counter(pathlib.Path(entry["name"]).suffix for entry in drafts)
    with_cta = sum(entry["real_cta"] for entry in drafts)
    print(
        f"{len(labels['leftover'])} leftover lines in {len(drafts)} drafts; {near_misses.total()} near misses"
    )
    print("per form:   " + ", ".join(f"{form} {per_form[form]}" for form in FORMS))
    formats = [
        f"{ext} {per_format[ext]} lines in {count} drafts (+{near_misses[ext]} near miss)"
        for ext, count in sorted(drafts_per_format.items())
    ]
    print("per format: " + ", ".join(formats))
    print(f"drafts ending with a real CTA: {with_cta}, without: {len(drafts) - with_cta}")


def main() -> int:
    labels = tomllib.loads((HERE / "labels.toml").read_text(encoding="utf-8"))
    lines = {
        path.name: path.read_text(encoding="utf-8").splitlines()
        for path in sorted(HERE.iterdir())
        if path.name not in NOT_DRAFTS
    }
    if "--counts" not in sys.argv:
        for leftover in labels["leftover"]:
            name, number = leftover["file"], leftover["line"]
            text = lines.get(name, [])[number - 1] if 0 < number <= len(lines.get(name, [])) else "?"
            print(f"{name}:{number:<4} {leftover['form']:17} | {text}")
        print()
    print_counts(labels)
    problems = problems_with(labels, lines)
    for problem in problems:
        print("PROBLEM:", problem, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
