"""What an editor shows and offers for findings: diagnostics, fixes and suppression comments.

Pure conversions from seolint's findings (and their Fix edits, offsets into the buffer)
to LSP objects; seolint.server.server decides when to send them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from lsprotocol import types

from seolint.findings.records import Edit, Finding, Fix, Severity
from seolint.server.positions import LineIndex

SOURCE = "seolint"
FIX_ALL_KIND = f"{types.CodeActionKind.SourceFixAll.value}.seolint"
_SEVERITIES = {
    Severity.ERROR: types.DiagnosticSeverity.Error,
    Severity.WARNING: types.DiagnosticSeverity.Warning,
    Severity.INFO: types.DiagnosticSeverity.Information,
}
_LINE_BREAK = re.compile(r"\r\n|\r|\n")


@dataclass(frozen=True)
class Buffer:
    """A document as it was linted: where it lives, which version, and its text."""

    uri: str
    version: int | None
    index: LineIndex
    front_matter_lines: int = 0  # lines 1..n hold front matter, where no comment may go


def to_range(index: LineIndex, start: int, end: int) -> types.Range:
    (line, character), (end_line, end_character) = index.position(start), index.position(end)
    return types.Range(types.Position(line, character), types.Position(end_line, end_character))


def diagnostic(finding: Finding, index: LineIndex) -> types.Diagnostic:
    """The finding as the editor underlines it; the rule's name goes into `data` for hover."""
    (line, character), (end_line, end_character) = index.range_of(finding.span)
    return types.Diagnostic(
        range=types.Range(types.Position(line, character), types.Position(end_line, end_character)),
        message=finding.message,
        severity=_SEVERITIES[finding.severity],
        code=finding.code,
        source=SOURCE,
        data={"name": finding.name},
    )


def problem_diagnostic(message: str) -> types.Diagnostic:
    """A draft or config that cannot be linted: one error at the top, cleared once it can."""
    origin = types.Position(0, 0)
    return types.Diagnostic(
        range=types.Range(origin, origin),
        message=message,
        severity=types.DiagnosticSeverity.Error,
        source=SOURCE,
    )


def actions(
    buffer: Buffer,
    findings: Sequence[Finding],
    wanted: types.Range,
    only: Sequence[str] | None = None,
    document_changes: bool = True,
) -> list[types.CodeAction]:
    """The fixes and suppressions of findings touching `wanted`, then "Fix all safe"."""
    near = [f for f in findings if _touches(buffer.index, f, wanted)]
    found: list[types.CodeAction] = []
    for finding in near:
        if finding.fix is not None:
            found.append(_fix_action(buffer, finding, finding.fix, document_changes))
    seen: set[tuple[str, str]] = set()
    for finding in near:
        for title, edit in suppressions(buffer, finding):
            if (title, finding.code) not in seen:
                seen.add((title, finding.code))
                found.append(
                    _action(
                        buffer,
                        title,
                        types.CodeActionKind.QuickFix,
                        [edit],
                        document_changes,
                        [diagnostic(finding, buffer.index)],
                    )
                )
    if (whole := fix_all(buffer, findings, document_changes)) is not None:
        found.append(whole)
    if only:
        wanted_kinds = [_kind(k) for k in only]
        found = [a for a in found if any(_within(_kind(a.kind), k) for k in wanted_kinds)]
    return found


def fix_all(
    buffer: Buffer, findings: Iterable[Finding], document_changes: bool = True
) -> types.CodeAction | None:
    """Every safe fix that overlaps no other one chosen before it (re-lint and repeat for the rest)."""
    chosen: list[Edit] = []
    count = 0
    for fix in (f.fix for f in sorted(findings) if f.fix is not None and f.fix.applicability == "safe"):
        if not any(_overlap(edit, other) for edit in fix.edits for other in chosen):
            chosen.extend(fix.edits)
            count += 1
    if not count:
        return None
    title = f"Fix all safe seolint findings ({count})"
    return _action(buffer, title, FIX_ALL_KIND, sorted(chosen), document_changes)


def suppressions(buffer: Buffer, finding: Finding) -> list[tuple[str, Edit]]:
    """Comments that silence the finding: on its line (outside front matter), and file-wide.

    A comment on its own line goes above a line that starts a block (after a blank line, or
    an ATX heading): in Markdown an HTML comment there is a block of its own. Inside a
    paragraph, list or indented text it would split the block, so the comment goes at the
    end of the line instead (`seolint-disable-line`), where it is inline HTML.
    """
    code, index, line = finding.code, buffer.index, finding.span.line
    found: list[tuple[str, Edit]] = []
    if line > buffer.front_matter_lines:
        text = index.line_text(line)
        starts_block = line == buffer.front_matter_lines + 1 or not index.line_text(line - 1).strip()
        if text[:1].strip() and (starts_block or text.startswith("#")):
            at = index.line_start(line)
            comment = f"<!-- seolint-disable-next-line {code} -->{_line_break(index, line)}"
            found.append((f"Disable {code} for this line", Edit(at, at, comment)))
        else:
            at = index.line_end(line)
            found.append(
                (f"Disable {code} for this line", Edit(at, at, f" <!-- seolint-disable-line {code} -->"))
            )
    first = buffer.front_matter_lines + 1
    at = index.line_start(first)
    lead = "" if at < len(index.text) or not index.text or _LINE_BREAK.search(index.text[-1:]) else "\n"
    comment = f"{lead}<!-- seolint-disable-file {code} -->{_line_break(index, first)}"
    found.append((f"Disable {code} for this file", Edit(at, at, comment)))
    return found


def text_edits(index: LineIndex, edits: Iterable[Edit]) -> list[types.TextEdit]:
    return [types.TextEdit(to_range(index, e.start, e.end), e.text) for e in edits]


def _fix_action(buffer: Buffer, finding: Finding, fix: Fix, document_changes: bool) -> types.CodeAction:
    unsafe = " (unsafe)" if fix.applicability == "unsafe" else ""
    action = _action(
        buffer,
        f"Fix {finding.code}: {fix.title}{unsafe}",
        types.CodeActionKind.QuickFix,
        fix.edits,
        document_changes,
        [diagnostic(finding, buffer.index)],
    )
    action.is_preferred = fix.applicability == "safe"
    return action


def _action(
    buffer: Buffer,
    title: str,
    kind: str,
    edits: Sequence[Edit],
    document_changes: bool,
    diagnostics: list[types.Diagnostic] | None = None,
) -> types.CodeAction:
    changes = text_edits(buffer.index, edits)
    if document_changes:  # versioned: the editor refuses the edit if the buffer moved on
        identifier = types.OptionalVersionedTextDocumentIdentifier(uri=buffer.uri, version=buffer.version)
        edit = types.WorkspaceEdit(
            document_changes=[types.TextDocumentEdit(text_document=identifier, edits=list(changes))]
        )
    else:
        edit = types.WorkspaceEdit(changes={buffer.uri: changes})
    return types.CodeAction(title=title, kind=kind, diagnostics=diagnostics, edit=edit)


def _touches(index: LineIndex, finding: Finding, wanted: types.Range) -> bool:
    (line, character), (end_line, end_character) = index.range_of(finding.span)
    starts_before_end = (line, character) <= (wanted.end.line, wanted.end.character)
    ends_after_start = (end_line, end_character) >= (wanted.start.line, wanted.start.character)
    return starts_before_end and ends_after_start


def _kind(kind: str | types.CodeActionKind | None) -> str:
    return kind.value if isinstance(kind, types.CodeActionKind) else kind or ""


def _within(kind: str, wanted: str) -> bool:
    """LSP kinds are hierarchical: `source.fixAll.seolint` is a `source.fixAll` and a `source`."""
    return kind == wanted or kind.startswith(f"{wanted}.")


def _overlap(a: Edit, b: Edit) -> bool:
    """Edits that share characters, or insert at the same place (whose order would be a guess)."""
    return (a.start < b.end and b.start < a.end) or a.start == b.start


def _line_break(index: LineIndex, line: int) -> str:
    """The line ending the buffer uses after `line` (LF when it has none)."""
    end = index.line_end(line)
    found = _LINE_BREAK.match(index.text, end)
    if found:
        return found.group()
    first = _LINE_BREAK.search(index.text)
    return first.group() if first else "\n"
