"""Code rules (K): fenced code blocks that render badly."""

from __future__ import annotations

import re
from collections.abc import Iterator

from seolint.document.model import CodeBlock, Document
from seolint.findings.records import Problem, Severity
from seolint.registry.options import Options
from seolint.registry.rule import NoOptions, rule

# What a terminal showed: a shell prompt opening the block, a compiler's or linter's
# diagnostic, or a file tree drawn with box characters.
_PROMPT = re.compile(r"\A\s*(?:[$%]|PS [^>]*>|C:\\[^>]*>)\s")
_DIAGNOSTIC = re.compile(r"^[ \t]*(?:error|warning|note|help)(?:\[\w+\])?: ", re.MULTILINE)
_TREE = re.compile(r"^[ \t│]*[├└]──", re.MULTILINE)


class CodeLanguageOptions(Options):
    ignore_output: bool = True  # leave alone blocks that show a terminal session or a tool's output


@rule("K001", "code-language", Severity.WARNING, CodeLanguageOptions, by_default=False, on_lone_drafts=True)
def code_language(doc: Document, opts: CodeLanguageOptions) -> Iterator[Problem]:
    """A fenced code block has no language.

    Why: without a language the block gets no syntax highlighting and tools that index
    code samples cannot tell what it is; `text` or `console` work for plain output.
    A block that shows what a terminal showed (a `$` prompt on its first line, a compiler's
    `error[E0277]:` or `warning:` lines, a file tree) renders as it should without one, and
    published sites leave them bare: `ignore-output = false` asks for a language there too.
    On by default for a draft outside a site; a site's pages only when named (on the shared
    sites, 2 of 18 sampled bare fences on published pages were worth a language).
    Example: a bare opening fence -> a fence followed by `go`, `sh` or `text`.
    """
    for block in doc.code_blocks:
        if not block.fenced or not block.closed or block.language:
            continue
        if opts.ignore_output and shows_terminal_output(block):
            continue
        yield Problem(block.span, "fenced code block without a language; add one after the opening fence")


def shows_terminal_output(block: CodeBlock) -> bool:
    """Whether the block is a terminal session, a tool's diagnostics or a file tree."""
    text = block.text
    return bool(_PROMPT.match(text) or _DIAGNOSTIC.search(text) or _TREE.search(text))


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
