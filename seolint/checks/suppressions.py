"""Rules about suppression comments themselves.

Their findings come from the pipeline's suppression pass (seolint.lint.suppress), which runs
after every other rule; registering them here gives them a code, a severity that config
can change, `select`/`ignore` handling and an entry in `seolint rules` and `explain`.
"""

from __future__ import annotations

from collections.abc import Iterator

from seolint.document.model import Document
from seolint.findings.records import Problem, Severity
from seolint.registry.rule import NoOptions, rule


@rule("X001", "invalid-suppression", Severity.WARNING)
def invalid_suppression(doc: Document, opts: NoOptions) -> Iterator[Problem]:
    """A suppression comment names a rule or directive that does not exist.

    Why: a misspelt code silences nothing, so the finding it was meant to hide still
    fails the build, or worse, a later real finding is believed to be accepted.
    Example: `<!-- seolint-disable-next-line L01 -->` -> `<!-- seolint-disable-next-line L001 -->`.
    """
    return iter(())  # reported by seolint.lint.suppress, which knows every rule name


@rule("X002", "unused-suppression", Severity.INFO)
def unused_suppression(doc: Document, opts: NoOptions) -> Iterator[Problem]:
    """A suppression comment silenced nothing (shown with --report-unused-suppressions).

    Why: once the defect is fixed the comment only hides the next real problem on
    that line; deleting it keeps the draft honest.
    Example: `<!-- seolint-disable-line L001 -->` on a line whose link is now real -> remove it.
    """
    return iter(())  # reported by seolint.lint.suppress, after the other rules ran
