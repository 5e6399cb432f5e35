"""A test-only plugin rule that attaches a Fix, so the server's fix actions have something to offer.

tests/test_server.py registers it through a `seolint.rules` entry point of a throwaway
distribution on PYTHONPATH, the way a real plugin is installed.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from seolint.document.model import Document
from seolint.findings.records import Edit, Fix, Problem, Severity
from seolint.registry.rule import NoOptions, rule

_MARKER = re.compile(r"\bTODO\b")


@rule("TST001", "test-todo-marker", Severity.INFO)
def todo_marker(doc: Document, opts: NoOptions) -> Iterator[Problem]:
    """A `TODO` left in the text (test plugin).

    Why: exercises fixes in the language server before real rules attach them.
    Example: `TODO` -> `DONE`.
    """
    for match in _MARKER.finditer(doc.source):
        fix = Fix((Edit(match.start(), match.end(), "DONE"),), "safe", "Replace TODO with DONE")
        yield Problem(doc.span_at(match.start(), match.end()), "TODO left in the text", fix)
