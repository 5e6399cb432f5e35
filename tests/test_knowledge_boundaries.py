"""Format knowledge lives in the front-ends (seolint/parse), generator knowledge in the site
adapters (seolint/site): the rules and the shared views read neither (issue 23).

Both are checked on the code itself, docstrings and comments aside: no pattern in the rules
or the `lines` view reads Markdown or HTML syntax, and no name of a generator appears
outside the adapters. Each check is first shown to catch what the code once held.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import ROOT

SEOLINT = ROOT / "seolint"
READERS_OF_DOCUMENTS = [
    *sorted((SEOLINT / "checks").glob("*.py")),
    SEOLINT / "document" / "views.py",
    SEOLINT / "document" / "lines.py",
]
# Markdown and HTML syntax, as a regular expression spells it: comments, tags (a named
# group's `(?P<name>` aside), code spans, heading hashes, emphasis runs, list bullets, quote
# markers, table rows, reference definitions.
SYNTAX_IN_PATTERNS = re.compile(
    r"<!--|-->|(?<!\?P)</?(?:[A-Za-z]|\[[a-z]|\()|</\?\(|`|#\{|\^#|\\\*\\\*|__|\[\*_\]|\[-\*\+"
    r"|\(\?:>|\^\\\||\(\?:\\\||\^ \{0,3\}\\\["
)
# In any other string (messages name elements, as advice): an HTML comment.
SYNTAX_IN_STRINGS = re.compile(r"<!--|-->")
_RE_CALLS = {"compile", "search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split"}
GENERATORS = re.compile(r"hugo|jekyll|zola|docusaurus|astro|mkdocs", re.IGNORECASE)


def _docstrings(tree: ast.AST) -> set[int]:
    found = set()
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        first = body[0] if isinstance(body, list) and body else None
        if (
            isinstance(first, ast.Expr)
            and isinstance(first.value, ast.Constant)
            and isinstance(first.value.value, str)
        ):
            found.add(id(first.value))
    return found


def _pattern_strings(tree: ast.Module) -> set[int]:
    """The string constants that are (part of) the pattern of a call to `re`, also through a
    module-level name the pattern is built from (`_TAG = r"..."`, `re.compile(_TAG)`)."""
    assigned = {
        target.id: node.value
        for node in tree.body
        if isinstance(node, ast.Assign)
        for target in node.targets
        if isinstance(target, ast.Name)
    }
    found: set[int] = set()
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr in _RE_CALLS
            and isinstance(node.func.value, ast.Name)
            and node.func.value.id == "re"
            and node.args
        ):
            for part in ast.walk(node.args[0]):
                if isinstance(part, ast.Name) and part.id in assigned:
                    found.update(
                        id(inner) for inner in ast.walk(assigned[part.id]) if isinstance(inner, ast.Constant)
                    )
                elif isinstance(part, ast.Constant):
                    found.add(id(part))
    return found


def syntax_read(code: str) -> Iterator[tuple[int, str]]:
    """(line, string) of each string in `code` that reads Markdown or HTML syntax."""
    tree = ast.parse(code)
    docstrings, patterns = _docstrings(tree), _pattern_strings(tree)
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
            syntax = SYNTAX_IN_PATTERNS if id(node) in patterns else SYNTAX_IN_STRINGS
            if syntax.search(node.value):
                yield node.lineno, node.value


def generators_named(code: str) -> Iterator[tuple[int, str]]:
    """(line, text) of each string (docstrings aside) and name in `code` naming a generator."""
    tree = ast.parse(code)
    docstrings = _docstrings(tree)
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
            text = node.value
        elif isinstance(node, ast.Name):
            text = node.id
        elif isinstance(node, ast.Attribute):
            text = node.attr
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.alias)):
            text = node.name
        else:
            continue
        if GENERATORS.search(text):
            yield getattr(node, "lineno", 0), text


ONCE_IN_THE_RULES = [
    '_ATX = re.compile(r"#{1,6}(?=[ \\t]|$)")',
    '_HTML_OPEN = re.compile(r"<h([1-6])\\b", re.IGNORECASE)',
    '_HTML_CLOSE = re.compile(r"</h([1-6])\\s*>", re.IGNORECASE)',
    '_NOT_CONTENT = re.compile(r"(?:\\s|</?(?:div|section|span|p|br|hr|a)\\b[^<>]*>)*")',
    '_COMMENT = re.compile(r"<!--.*?-->")',
    'found = "<!--" in line',
    '_NOT_PROSE = re.compile(r"^(?:\\||<t[dhr]\\b|\\{\\{.*\\}\\}$)", re.IGNORECASE)',
    '_INLINE_CODE = re.compile(r"`(?<!``)(`{0,2})(?!`)[^`\\n]+`\\1(?!`)")',
    '_REFERENCE = re.compile(r"^ {0,3}\\[([^\\]\\n]+)\\]:[ \\t]*\\S.*$", re.MULTILINE)',
    '_MARKER_LINE = re.compile(r"(?P<open>\\*\\*|__)?H(?P<level>[1-6])[ \\t]*:")',
    '_LEADING = re.compile(r"[ \\t]*(?:>[ \\t]*)*(?:#{1,6}[ \\t]+|[-*+][ \\t]+)?(?:[*_])*")',
    '_TAG = r"</?(?:p|li|div)\\b[^<>]*>"\n_CLOSING_TAG = re.compile(_TAG, re.IGNORECASE)',
    '_HTML_CODE = re.compile(r"<(pre|code|script)\\b[^<]*(?:</\\1\\s*>|\\Z)", re.DOTALL)',
]


@pytest.mark.parametrize("code", ONCE_IN_THE_RULES)
def test_the_syntax_check_catches_what_the_rules_once_read(code: str) -> None:
    assert list(syntax_read(code)) != []


def test_no_rule_or_view_reads_markdown_or_html_syntax() -> None:
    offenders = [
        f"{path.relative_to(ROOT)}:{line}: {text!r}"
        for path in READERS_OF_DOCUMENTS
        for line, text in syntax_read(path.read_text(encoding="utf-8"))
    ]
    assert offenders == []


def test_the_generator_check_catches_a_model_that_names_one() -> None:
    code = (
        "def roots(site):\n"
        '    """Hugo\'s static folder (a docstring may say so)."""\n'
        '    return site.generator == "hugo"  # and so may a comment\n'
    )
    assert list(generators_named(code)) == [(3, "hugo")]


def test_no_generator_is_named_outside_the_site_adapters() -> None:
    offenders = [
        f"{path.relative_to(ROOT)}:{line}: {text!r}"
        for path in sorted(SEOLINT.rglob("*.py"))
        if (SEOLINT / "site") not in path.parents
        for line, text in generators_named(path.read_text(encoding="utf-8"))
    ]
    assert offenders == []


def test_the_checks_cover_the_files_they_are_about() -> None:
    assert all(path.is_file() for path in READERS_OF_DOCUMENTS)
    assert len(READERS_OF_DOCUMENTS) > 10 and Path(SEOLINT / "site" / "hugo.py").is_file()
