"""Code rules (K): fenced code blocks that render badly."""

from __future__ import annotations

from collections.abc import Iterator

from seolint.document.model import Document
from seolint.findings.records import Problem, Severity
from seolint.registry.rule import NoOptions, rule


@rule("K001", "code-language", Severity.WARNING)
def code_language(doc: Document, opts: NoOptions) -> Iterator[Problem]:
    """A fenced code block has no language.

    Why: without a language the block gets no syntax highlighting and tools that index
    code samples cannot tell what it is; `text` or `console` work for plain output.
    Example: a bare opening fence -> a fence followed by `go`, `sh` or `text`.
    """
    for block in doc.code_blocks:
        if block.fenced and block.closed and not block.language:
            yield Problem(block.span, "fenced code block without a language; add one after the opening fence")


@rule("K002", "unclosed-fence", Severity.ERROR)
def unclosed_fence(doc: Document, opts: NoOptions) -> Iterator[Problem]:
    """A fenced code block is never closed.

    Why: everything after an unclosed fence renders as code: the rest of the post,
    headings and links included, disappears into one grey box.
    Example: add the closing fence after the last line of code.
    """
    for block in doc.code_blocks:
        if block.fenced and not block.closed:
            swallowed = block.span.end_line - block.span.line
            yield Problem(
                block.span, f"code fence opened here is never closed; it swallows {swallowed} lines"
            )
