"""What C001 sets aside in the ending as no part of the post: the draft's leftovers.

A reader never takes a chatbot's offer, a label, a `TODO: ask Sam` or a note to the editor
for the post, so none of them asks the reader to act. The leftover rules already know
these forms, and C001 asks them rather than keeping a second copy: the anatomy of
seolint.checks.leftovers (framing, labels, notes, outline, debris), the outline markers of
H006, and the pack rules that find template labels (S001), to-do markers (S002) and a
chatbot's stock phrases (S003).
"""

from __future__ import annotations

from seolint.discover.records import NamedTuple
from seolint.document.level_markers import leading_marker
from seolint.document.model import Block, Document
from seolint.document.views import sentences_of

# Pack rules whose findings open a note: a template label ("Call to action: ..."), a to-do
# marker ("TODO: ask Sam", "FIXME - ..."); and one whose findings make a sentence the chatbot's.
_OPENING_NOTES = ("S001", "S002")
_CHATBOT_PHRASES = ("S003",)
_NOTE_BREAKS = ":—–-"
_MARKUP = " *_([“\"'"


class Unread(NamedTuple):
    """The leftovers of a draft, as C001 sets them aside."""

    sentences: frozenset[str]  # the chat assistant's, as the prose view has them
    lines: frozenset[int]  # labels, notes, outline, debris
    marks: frozenset[int]  # lines of outline markers (`H2: Conclusion`): a reader sees a heading


class _Notes(NamedTuple):
    openers: frozenset[tuple[int, str]]  # (line, text) of a label or to-do marker: a note follows
    phrases: frozenset[tuple[int, str]]  # (line, text in lower case) of a chatbot's stock phrase


def unread(doc: Document) -> Unread:
    """The leftovers of `doc`, found once however often C001 asks."""
    return doc.views.derived(_unread)


def _unread(doc: Document) -> Unread:
    from seolint.checks.leftovers import anatomy

    found = anatomy(doc)
    return Unread(
        frozenset(said.text for said in found.framing),
        found.lines,
        frozenset(p.block.span.line for p in doc.views.blocks if _is_marker(p.block)),
    )


def _notes(doc: Document) -> _Notes:
    """What the pack rules find; they read every line, so C001 asks only about a sentence that
    would otherwise be its call to action."""
    return _Notes(
        frozenset(_pack_findings(doc, _OPENING_NOTES)),
        frozenset((line, text.lower()) for line, text in _pack_findings(doc, _CHATBOT_PHRASES)),
    )


def _pack_findings(doc: Document, codes: tuple[str, ...]) -> list[tuple[int, str]]:
    """(line, text as written) of what the built-in pack rules `codes` find in `doc`."""
    from seolint.registry.packs.load import builtin_pack_rules

    found = []
    for pack_rule in builtin_pack_rules():
        if pack_rule.code not in codes:
            continue
        for problem in pack_rule.run(doc, pack_rule.default_options()):
            span = problem.span
            if span.end_line == span.line and 0 < span.line <= len(doc.lines):
                found.append((span.line, doc.lines[span.line - 1][span.column - 1 : span.end_column - 1]))
    return found


def is_unread(sentence: str, block: Block, left_over: Unread) -> bool:
    """Whether a sentence of `block` is a leftover: the chatbot's, or in a block of leftover lines."""
    return sentence in left_over.sentences or is_left_over_block(block, left_over.lines)


def is_note(sentence: str, block: Block, doc: Document) -> bool:
    """Whether a sentence of `block` is a note opened by a label or a to-do marker ("TODO: check
    ..."), or holds a chatbot's stock phrase."""
    found = doc.views.derived(_notes)
    lines = range(block.span.line, block.span.end_line + 1)
    opening = sentence.lstrip(_MARKUP)
    for line, text in found.openers:
        if line in lines and text and opening.startswith(text):
            rest = opening[len(text) :].lstrip()
            if not rest or rest[0] in _NOTE_BREAKS:
                return True
    lowered = sentence.lower()
    return any(line in lines and phrase in lowered for line, phrase in found.phrases)


def is_whole_unread(block: Block, left_over: Unread) -> bool:
    """A block that is a leftover whole, to skip when finding where the post ends."""
    text = " ".join(block.text.split())
    return (
        is_left_over_block(block, left_over.lines)
        or any(text == said for said in left_over.sentences)
        or all(piece in left_over.sentences for piece in sentences_of(text))
    )


def is_left_over_block(block: Block, lines: frozenset[int]) -> bool:
    """A block whose every line is a leftover, or an outline marker paragraph (`H2: Lessons`)."""
    if _is_marker(block):
        return True
    return all(line in lines for line in range(block.span.line, block.span.end_line + 1))


def _is_marker(block: Block) -> bool:
    return leading_marker(block.text.split("\n", 1)[0], weak=False) is not None
