"""Notes to the author (S008): what a draft tells its writer to add or fill in.

Their forms: a bracketed or parenthesized note whose head names what to add (`(Suggested
image: a funnel)`, `[Screenshot: the dashboard]`, `(Note to editor: ...)`) or that opens
with an instruction (`[Include a diagram of ...]`, `(Add a benchmark here.)`); a citation
still to find (`[citation needed]`, `[3] TODO`, a source line that reads "citation needed");
a bracketed name to fill in (`[Company]`, `[Your Product Name]`, `[X]%`); a note line to the
editor; a list of suggestions for the writer under a label such as "Suggested links:", or
one whose head offers things to add ("Internal links to add:"); a head's note on what to
write under it ("Key Takeaways (bullet list for skimmers):"); a line telling the reviewer
what to add; and, at the end of the draft, a list of notes on publishing it ("📝 Notes for
publishing:").
Link placeholders are L001's and `[Insert ...]`/`[Add ...]` S002's.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from functools import cache

from seolint.checks.address import Place, address_form
from seolint.checks.draft_units import Unit
from seolint.checks.fill_ins import is_angle_slot, slots, values
from seolint.checks.label_lines import is_known, parse_label
from seolint.checks.language_notes import language_notes
from seolint.checks.leftover_lexicon import alternation, leftover_words
from seolint.checks.leftover_screen import may_contain, may_hold, unit_texts
from seolint.checks.marked_notes import marked_notes
from seolint.checks.review_marks import review_marks
from seolint.discover.records import NamedTuple
from seolint.document.lines import blank, split_lines
from seolint.document.model import Document, Span
from seolint.document.placeholders import BRACKETED, PARENTHESIZED
from seolint.document.tags import tag_spans
from seolint.parse.citation_marks import (
    citation_marks,
    defined_footnotes,
    footnote_label,
    indexes,
    keeps_references,
)
from seolint.registry.lazy_patterns import LazyRegex

_EDGE_UNITS = 3  # lines a list of notes on publishing may have after it
_MAX_LABEL_WORDS = 6


class Note(NamedTuple):
    span: Span  # the note itself, or the label and the whole list under it
    what: str  # for the message
    removable: bool  # the note is all of its lines (a fix may delete them)


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    words = leftover_words()
    heads = alternation(words.note_heads)
    qualifiers = alternation(words.note_qualifiers)
    verbs = alternation(words.note_verbs)
    square_verbs = alternation(tuple(v for v in words.note_verbs if v not in ("insert", "add")))  # S002's
    artifacts = alternation(words.note_artifacts)
    free = alternation(words.note_verbs_free)
    addressees = alternation(words.note_addressees)
    suggesters = alternation(words.note_suggesters)
    speaking = alternation(tuple(s for s in words.note_suggesters if s.split()[0] in ("i", "i'd")))
    adding = "|".join(f"{re.escape(verb)}{re.escape(verb[-1])}?(?:ing)?" for verb in words.note_verbs)
    adding += "|" + "|".join(f"{re.escape(verb[:-1])}ing" for verb in words.note_verbs if verb.endswith("e"))
    # "Suggested image:", "[CTA, 1-2 sentences: ...]": a head, what is asked of it, a colon.
    headed = (
        rf"(?:(?:{qualifiers})\s+)?(?:{heads})(?:\s*,[^:\[\]()\n]{{1,30}})?\s*(?:idea|suggestion|here)?\s*:"
    )
    pictured = r"(?:image|photo|picture|screenshot|diagram|illustration)\s+of\s"  # "[Image of a cache]"
    asked = r"\s+(?:(?:a|an|the|some|one|two|more|your|our|relevant|real)\s+)?(?:[\w-]+\s+){{0,3}}?(?:{})\b"
    bracketed = re.compile(
        rf"\({headed}[^()\n]{{0,300}}\)|(?<!\])\[{headed}[^\[\]\n]{{0,300}}\](?![(\[:])"
        rf"|\((?:{verbs}){asked.format(artifacts)}[^()\n]{{0,200}}\)"
        rf"|(?<!\])\[(?:{square_verbs}){asked.format(artifacts)}[^\[\]\n]{{0,200}}\](?![(\[:])"
        rf"|(?<!\])\[{pictured}[^\[\]\n]{{0,300}}\](?![(\[:])"
        rf"|(?<!\])\[(?-i:(?=[A-Z]))(?:{free})(?:\s+[^\s\[\]]+){{3,40}}\](?![(\[:])"
        # "[Customer quote about the outage goes here]": what is missing, and where it goes.
        r"|(?<!\])\[[^\[\]\n]{3,200}?\s(?:goes|go|belongs|comes)\s+here\](?![(\[:])"
        # "[Writer: decide whether ...]", "[Note for the editor: ...]": addressed to the writer.
        rf"|(?<!\])\[(?:notes?\s+(?:to|for)\s+)?(?:the\s+)?(?:{addressees})\s*:\s*[^\[\]\n]{{3,300}}\](?![(\[:])"
        # "(Consider adding a diagram here ...)", "(I'd suggest adding an anecdote ...)": a
        # suggestion to add something, that says where or is the assistant's own.
        rf"|\((?=[^()\n]*\bhere\b)(?:{suggesters})\s+(?:{adding}){asked.format(artifacts)}[^()\n]{{0,200}}\)"
        rf"|\((?:{speaking})\s+(?:{adding}){asked.format(artifacts)}[^()\n]{{0,200}}\)",
        re.IGNORECASE,
    )
    citation = re.compile(
        r"(?<!\])\[(?:citation|source|reference|ref|cite|sources)s?"
        r"(?:\s+(?:needed|required|missing|tbd|todo)(?:\s*[:—–-]\s*[^\[\]\n]{0,200})?|\s+here)?\]"
        r"(?![(\[:])|\bcitation needed\b|\[\d{1,3}\]\s*(?:TODO|TBD|citation needed|source needed)\b"
        # "(source?)", "(cite: the NTIA report)", "(source needed)"; "(source: Gartner)" credits one.
        r"|\((?:source|citation|cite|ref|reference)s?(?:\?|\s+(?:needed|required|missing|tbd|todo))\)"
        r"|\(cite:\s[^()\n]{1,200}\)"
        r"|(?<!\])\[cite\s[^\[\]\n]{2,200}\](?![(\[:])"  # "[cite the OWASP guidance]": to find one
        # "[verify the current default]", "[double-check this figure]": a fact still to check.
        r"|(?<![\]\w])\[(?:verify|double-check|fact-check|confirm)\s+(?:the|this|that|these|whether|if)\s"
        r"[^\[\]\n]{2,150}\](?![(\[:])",
        re.IGNORECASE,
    )
    suggesting = alternation(tuple(q for q in words.note_qualifiers if q != "example"))  # "Example table:"
    nouns = alternation(tuple(words.publishing_note_nouns))
    note_line = re.compile(
        rf"^\W*(?:(?:{nouns})\s+(?:to|for)\s+(?:(?:the|our)\s+)?(?:{addressees})|internal note"
        r"|editor'?s? todo|publishing notes?)\b"
        # "Image suggestion: a bucket ...", "Suggested visual: ...": a suggestion for the writer
        # on a line of its own (one in brackets is a bracketed note).
        rf"|^(?!\W*[(\[])\W*(?:(?:{suggesting})\s+(?:{heads})|(?:{heads})\s+(?:ideas?|suggestions?))\W*:",
        re.IGNORECASE,
    )
    return bracketed, citation, note_line


def find_notes(
    doc: Document,
    units: Sequence[Unit],
    framing: frozenset[int] | set[int] = frozenset(),
    addressed: frozenset[int] | set[int] = frozenset(),
) -> list[Note]:
    """The notes to the author in `doc`, in source order; a note line the assistant wrote
    (on a line of `framing`) is S007's. `addressed`: lines of the assistant's sentences that
    only the grammar of address found, which a note's form here names better."""
    bracketed, citation, note_line = _patterns()
    found: list[Note] = []
    items = {block.span.line for block in doc.blocks if block.kind == "list-item"}
    linked: dict[int, set[str]] | None = None
    for line in doc.views.lines.values():
        text = line.text
        spans = [(start, end, "a name to fill in") for start, end in slots(text)]
        spans += [(start, end, "a value still to fill in") for start, end in values(text)]
        if "[" in text or "(" in text or "citation" in text.lower():
            spans += [(m.start(), m.end(), "a note to the writer") for m in bracketed.finditer(text)]
            spans += [(m.start(), m.end(), "a citation still to find") for m in citation.finditer(text)]
        if not spans:
            continue
        tags = tag_spans(text)
        for start, end, what in spans:
            written = text[start:end]
            before = doc.lines[line.number - 1][: line.column - 1] + text[:start]
            opens_item = line.number in items and not text[:start].strip()
            angled = is_angle_slot(text, start)  # "<COMPANY>" looks like a tag, and is no element
            if tags.overlaps(start, end) and not angled:
                continue
            if _task_box(written, before, opens_item) or BRACKETED.fullmatch(written):
                continue  # a task list's box; a link placeholder, L001's
            linked = linked if linked is not None else _link_texts(doc)
            if written.strip("[]") in linked.get(line.number, ()):
                continue  # a shortcut reference link: `[Company]` with a definition
            column = line.column + start
            whole = not text[:start].strip() and not text[end:].strip(" .")
            found.append(Note(Span(line.number, column, line.number, column + len(written)), what, whole))
    screen = unit_texts(doc)
    noted = may_hold(screen, note_line, _DRAFT_STATUS) or may_contain(screen, *_HOLD_PHRASES)
    for index, unit in enumerate(units if noted else ()):
        held = _held_back(unit.text)
        if unit.kind != "heading" and unit.line not in framing and (held or note_line.match(unit.text)):
            last = _list_under(units, index) if unit.text.rstrip().endswith(":") else unit.line
            found.append(
                Note(Span(unit.line, 1, last, len(doc.lines[last - 1]) + 1), "a note to the editor", True)
            )
    found += _suggestion_lists(doc, units, set(framing) | set(addressed))
    found += _addressed_notes(doc, units)
    found += _attribute_notes(doc, bracketed, note_line)
    found += _head_notes(doc, units)
    found += _told_lines(doc, units)
    found += _comment_notes(doc, bracketed)
    found += _addressed_comments(doc)
    found += _answer_citations(doc)
    found += _comment_anchors(doc, units)
    found += [
        Note(span, "a review left in the text (a tracked change or comment)", whole)
        for span, whole in review_marks(doc)
    ]
    found += _instruction_lines(doc, set(framing) | {note.span.line for note in found})
    found += _addressed_asides(doc, set(framing) | set(addressed) | {note.span.line for note in found})
    found += [Note(span, what, whole) for span, what, whole in marked_notes(doc)]
    found += [Note(span, what, whole) for span, what, whole in language_notes(doc)]
    return sorted({note.span: note for note in reversed(found)}.values())  # one note a span


# An aside in a line of text: parentheses, or brackets that are not a link's or a reference's.
_ASIDE = LazyRegex(r"\((?P<round>[^()\n]{12,300})\)|\[(?<![\]\w]\[)(?P<square>[^\[\]\n]{12,300})\](?![(\[:])")


_INSERT = LazyRegex(r"\[\s*(?:insert|add)\s", re.IGNORECASE)


def _others(aside: str) -> bool:
    """Whether another rule names the aside: a link placeholder (L001's) or a bracketed
    instruction to insert something (S002's "[Insert ...]")."""
    return (
        BRACKETED.fullmatch(aside) is not None
        or PARENTHESIZED.fullmatch(aside) is not None
        or (_INSERT.match(aside) is not None)
    )


def _addressed_asides(doc: Document, skipped: set[int]) -> list[Note]:
    """An aside inside a sentence that speaks to the requester about the draft, by the grammar
    of address: "cut our bill by 38% (please confirm this figure with finance) in ...". A
    whole sentence in parentheses is S007's; a quotation's brackets are its editor's."""
    quotes = {
        line
        for block in doc.blocks
        if block.kind == "quote"
        for line in range(block.span.line, block.span.end_line + 1)
    }
    skipped = skipped | quotes | doc.views.heading_lines
    found = []
    for line in doc.views.lines.values():
        if line.number in skipped or ("(" not in line.text and "[" not in line.text):
            continue
        for match in _ASIDE.finditer(line.text):
            inner = match.group("round") or match.group("square")
            if _others(match.group()) or address_form(inner, Place(edge=False, aside=True)) is None:
                continue
            start = line.column + match.start()
            found.append(
                Note(
                    Span(line.number, start, line.number, start + len(match.group())),
                    "a note to the writer",
                    False,
                )
            )
    return found


def _list_under(units: Sequence[Unit], index: int) -> int:
    """The last line of the list right under a note's head ("Open items for the reviewer:"),
    or the head's own line when no list follows it."""
    last = units[index].line
    for unit in units[index + 1 :]:
        if unit.kind != "list-item":
            break
        last = unit.line
    return last


_COMMENT_ANCHOR = LazyRegex(
    r"\[(?:[a-z]{1,2}|[A-Z]{1,3}\d{1,2})\]"
)  # "[a]"; Word's "[RO1]": initials, a number
_INSTRUCTION_WORDS = 16


def _comment_anchors(doc: Document, units: Sequence[Unit]) -> list[Note]:
    """A document editor's comments, exported with the text: the anchor (a link `[a]` to a
    place in the page) after the commented words, and the comment it points to, a line
    that opens with its own `[a]` ("[a] Priya: can we add a diagram here?")."""
    starts = {unit.line: unit.text for unit in units}
    found = []
    anchors: set[str] = set()
    for link in doc.links:
        if not ((link.href or "").startswith("#") and _COMMENT_ANCHOR.fullmatch(link.text.strip())):
            continue
        if starts.get(link.span.line, "").startswith(link.text.strip()):
            found.append(Note(_whole_line(doc, link.span.line), "a comment of the document editor", True))
        else:
            found.append(Note(link.span, "a comment anchor of the document editor", False))
            anchors.add(link.text.strip())
    linked = {note.span.line for note in found}
    found += [  # the comment an anchor points to, opening with the anchor's text ("[RO1] ...")
        Note(_whole_line(doc, line), "a comment of the document editor", True)
        for line, text in starts.items()
        if line not in linked and text.startswith("[") and text.split("]", 1)[0] + "]" in anchors
    ]
    return found


@cache
def _instruction() -> re.Pattern[str]:
    words = leftover_words()
    artifacts = alternation(words.note_artifacts)
    qualifiers = alternation(tuple(q for q in words.note_qualifiers if q != "example"))
    return re.compile(
        rf"^\W*(?:{_NOTE_LABEL})?(?:"
        # "Link our rate-limiting docs here (ask Jonas for the URL)", "Add a screenshot of it here"
        r"(?:link|cite)\s+(?:[\w'’-]+\s+){0,5}?here\b"
        rf"|(?:add|insert|embed|include|put|drop|attach)\s+(?:[\w'’-]+\s+){{0,3}}?(?:{artifacts})\b"
        r"(?:\s+[\w'’-]+){0,4}?\s+here\b"
        # "Suggested alt text for the diagram: ...", "Recommended screenshot: the settings page"
        rf"|(?:{qualifiers})\s+(?:[\w-]+\s+){{0,2}}?(?:{artifacts})\b[^:]{{0,30}}:)",
        re.IGNORECASE,
    )


def _instruction_lines(doc: Document, skipped: set[int]) -> list[Note]:
    """Lines that tell the writer what to add to the text, alone on their line (in a
    paragraph or a callout): "Link our docs here (ask Jonas for the URL)", "Suggested alt
    text for the diagram: ..."."""
    skipped = skipped | {heading.span.line for heading in doc.headings}
    found = []
    opens = _OPENED.compiled.match
    for line in doc.views.lines.values():
        if opens(line.text.lstrip()) is None or line.number in skipped:
            continue  # the usual line: it opens with no verb or qualifier of a note
        text = line.text.strip()
        if "<" in text:
            tags = tag_spans(text)
            text = "".join(char for at, char in enumerate(text) if not tags.covers(at)).strip()
        short = len(text.split()) <= _INSTRUCTION_WORDS or ":" in text[:60]
        if not short or text.endswith(":") or _instruction().match(text) is None:
            continue
        label = parse_label(text)
        if label is None or not is_known(label[0]):  # "Suggested hero image: a clock" is S005's
            found.append(Note(_whole_line(doc, line.number), "a note to the writer", True))
    return found


# A note's own label before an instruction ("Placeholder: add a short story here").
_NOTE_LABEL = r"(?:placeholder|note|todo|to do|reminder|writer|editor|idea)\s*:\s*"
# A line that opens, past its opening tags and an emoji or bullet (and a note's label), with a
# verb or qualifier of a note: one anchored match a line, failing at once on most.
_OPENED = LazyRegex(
    rf"(?:<[^<>\n]*>\s*)*[^\w\n<]{{0,4}}(?:{_NOTE_LABEL})?(?:link|cite|add|insert|embed|include|put|drop"
    r"|attach|suggested|recommended|proposed|possible|optional)\b",
    re.IGNORECASE,
)


# The document's status on a line of its own: "DRAFT 2 - for review by Friday", "Draft v3: ...".
_DRAFT_STATUS = LazyRegex(r"^\W*draft\s*(?:v|version\s*)?\d+\s*[–—:-]", re.IGNORECASE)
_HOLD_WORDS = 16  # "Draft v2 — do not publish from this doc" is a short line
_HOLD_PHRASES = ("do not publish", "don't publish", "not for publication")


def _held_back(text: str) -> bool:
    """A line that tells the editor the text is not to go out ("Draft v2 — do not publish
    from this doc"), or what state it is in ("DRAFT 2 - for review by Friday")."""
    lowered = text.lower()
    return len(text.split()) <= _HOLD_WORDS and (
        any(phrase in lowered for phrase in _HOLD_PHRASES)
        or _DRAFT_STATUS.match(text) is not None
    )


def _link_texts(doc: Document) -> dict[int, set[str]]:
    """The texts of the links on each line."""
    found: dict[int, set[str]] = {}
    for link in doc.links:
        found.setdefault(link.span.line, set()).add(link.text)
    return found


def _task_box(written: str, before: str, opens_item: bool) -> bool:
    """`- [x] done`, `<li>[x] done`: a task list's box opening a list item (or after raw tags
    only; `before` is the source line up to it), not a name to fill in ("[X] MB" opening a
    line of a paragraph is)."""
    if written.lower() != "[x]":
        return False
    if opens_item:
        return True
    tags = tag_spans(before)
    return bool(before.strip()) and all(
        char.isspace() or tags.overlaps(at, at + 1) for at, char in enumerate(before)
    )


def _suggestion_lists(doc: Document, units: Sequence[Unit], framing: set[int]) -> list[Note]:
    """A "Suggested links:" label and the list under it, as one note; and, at the end of the
    draft (a few lines at most after its list, such as a closing offer), a list of notes on
    publishing it ("📝 Notes for publishing:", "Before you publish:") or of notes in which the
    assistant speaks to the requester (`framing`: "Notes:" over "- I assumed ...")."""
    labels = leftover_words().note_lists
    found = []
    for index, unit in enumerate(units):
        key = _key_of(unit.text)
        head, colon, value = unit.text.partition(":")
        if colon and value.strip() and unit.kind != "heading" and _key_of(head) in labels:
            found.append(Note(_whole_line(doc, unit.line), "a list of suggestions for the writer", True))
            continue  # "Recommended internal links: a primer; a guide" on one line
        offered = _offered_list(key)
        suggestions = key in labels and (unit.text.rstrip().endswith(":") or unit.kind == "heading")
        headed = unit.kind != "heading" and unit.text.rstrip().endswith(":")
        if not (suggestions or headed or offered):
            continue
        end = index
        for following in units[index + 1 :]:
            if following.kind != "list-item" and not following.text.startswith(("[", "-", "•")):
                break
            end += 1
        listed = {u.line for u in units[index + 1 : end + 1]}
        at_edge = end > index and len(units) - 1 - end <= _EDGE_UNITS
        suggestions = suggestions or (
            end > index and (offered == "anywhere" or (offered == "edge" and at_edge))
        )
        publishing = headed and (_on_publishing(key) or _noted(key, listed & framing))
        if not (suggestions or publishing):
            continue
        if not suggestions and not at_edge:
            continue
        last = units[end].line
        found.append(
            Note(
                Span(unit.line, 1, last, len(doc.lines[last - 1]) + 1),
                "a list of suggestions for the writer" if suggestions else "a list of notes on publishing",
                True,
            )
        )
    return found


@cache
def _offering() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A list's head that offers the writer things to add, by its grammar: what (a link, a
    post, a question), then what to do with them ("Internal links to add", "Related posts you
    could link to"); or, only at the end of the draft, ideas of them ("FAQ ideas for a
    follow-up section"), which a post's own list may also be called."""
    words = leftover_words()
    nouns = alternation(words.suggestion_nouns)
    verbs = alternation(words.suggestion_verbs)
    modal = r"(?:to|(?:you|we) (?:could|can|might|may|should)(?: also)?)"
    to_do = re.compile(rf"^(?:\w+ ){{0,2}}?(?:{nouns}) {modal} (?:{verbs})$")
    purpose = r"(?: (?:for|to)(?: \w+){1,4})?"  # "for a follow-up section"
    ideas = re.compile(rf"^(?:\w+ ){{0,2}}?(?:{nouns}) (?:ideas?|suggestions?){purpose}$")
    return to_do, ideas


def _offered_list(key: str) -> str | None:
    """ "anywhere" or "edge" when a list's head (`key`, lower case, words only) offers the
    writer things to add (see `_offering`); None when it does not."""
    if len(key.split()) > _MAX_LABEL_WORDS + 2:
        return None
    to_do, ideas = _offering()
    if to_do.match(key):
        return "anywhere"
    return "edge" if ideas.match(key) else None


# A value still to write: all of it in brackets ("[Meta description - max 155 characters]"),
# or a slot's name in capitals ("ALT TEXT HERE", "IMAGE_PLACEHOLDER"); not "[beta]" or "NASA".
# A value still to write: all in brackets with a space ("[ALT TEXT: the diagram]"), or a
# capitals slot of several words ("ALT TEXT HERE", "IMAGE_PLACEHOLDER").
_BRACKETED_VALUE = LazyRegex(r"\[[^\[\]\s]*\s[^\[\]]*\]")
_CAPITALS_SLOT = LazyRegex(r"[A-Z][A-Z0-9 _-]{5,}")


def _unwritten(value: str) -> bool:
    value = value.strip()
    if _BRACKETED_VALUE.fullmatch(value):
        return True
    return ("_" in value or " " in value) and _CAPITALS_SLOT.fullmatch(value) is not None


def _attribute_notes(doc: Document, bracketed: re.Pattern[str], note_line: re.Pattern[str]) -> list[Note]:
    """A note in an attribute's value, which no reader sees until it is published: an image's
    alt text or source (`alt="[ALT TEXT: a diagram of ...]"`, `src="[screenshot of the
    dashboard]"`), the meta description (`content="[Write a compelling description ...]"`) or
    the share image (`og:image` or front matter's `image: [hero image URL]`)."""
    fields = [(image.alt, image.span, "the image's alt text") for image in doc.images if image.alt]
    fields += [(image.src, image.span, "the image's source") for image in doc.images if image.src]
    if doc.description is not None and doc.description.origin == "meta-tag":
        fields.append((doc.description.text, doc.description.span, "the meta description"))
    share = doc.publishing.image
    if share is not None:
        fields.append((share.text, share.span, "the share image"))
    return [
        Note(span, f"a note to the writer in {where}", False)
        for text, span, where in fields
        if ("[" in text and bracketed.search(text)) or _unwritten(text) or note_line.match(text)
    ]


_CITED = 2  # bare numbers (`[1]`, `³`) are citations where the text has several


def _answer_citations(doc: Document) -> list[Note]:
    """Citation markers pointing into a source list the answer engine kept (the editor turns
    each into a link or a reference), when the page has no reference list of its own: any
    marker no post writes for itself (`【3†source】`, `[cite: 4]`, a footnote marker `[^2]`
    with no definition), and bare numbers (`fast[1].`, `doubled³`) where there are several
    and the text does not index arrays (`items[0]`). Code (`s[2]`, `arg[0]`) is no prose: a
    marker must be left whole by the blanking of what is not."""
    hits = [(number, mark) for number in doc.views.lines for mark in citation_marks(doc.lines[number - 1])]
    if sum(mark.numbered for _, mark in hits) < _CITED and all(mark.numbered for _, mark in hits):
        return []  # no marker alone, nor bare numbers enough: most pages
    if keeps_references(doc.source):
        return []
    masked = split_lines(blank(doc.source, doc.not_text))
    defined = defined_footnotes(doc.source)
    found = []
    for number, mark in hits:
        written = doc.lines[number - 1][mark.start : mark.end]
        if masked[number - 1][mark.start : mark.end] != written or footnote_label(written) in defined:
            continue
        found.append((number, mark))
    numbered = [hit for hit in found if hit[1].numbered]
    if len(numbered) < _CITED or indexes(doc.views.text):
        found = [hit for hit in found if not hit[1].numbered]
    return [
        Note(Span(number, mark.start + 1, number, mark.end + 1), "a citation marker to replace", False)
        for number, mark in found
    ]


def _comment_notes(doc: Document, bracketed: re.Pattern[str]) -> list[Note]:
    """An HTML comment that is a note in brackets but for its marks: `<!-- add a chart here:
    the burn rate over 28 days -->`. Comments that mark structure (`<!-- more -->`) are not.
    No fix deletes a comment (it may hold a suppression)."""
    starts = _note_starts()
    found = []
    for comment in doc.comments:
        words = comment.text.split()
        if words and words[0].lower() in starts and bracketed.fullmatch("(" + " ".join(words) + ")"):
            found.append(Note(comment.span, "a note to the writer in a comment", False))
    return found


# A comment spoken by the assistant ("<!-- AI assistant: I assumed ... -->") or heading its
# notes to the reviewer ("<!-- repo-scribe notes for the reviewer: -->", a list of comments under).
_SPEAKER = (
    r"(?:ai(?:\s+(?:assistant|writer|model))?|assistant|chatgpt|claude|gemini|copilot|[\w-]+-(?:agent|bot))"
)
_COMMENT_ITEM = re.compile(r"\A\s*[-*•]\s+\S")  # anchored: only ever matched at the start


@cache
def _comment_heads() -> re.Pattern[str]:
    addressees = alternation(leftover_words().note_addressees)
    return re.compile(
        rf"\s*{_SPEAKER}\s*:\s*\S"
        rf"|\s*(?:[\w-]+\s+){{0,2}}notes?\s+(?:to|for)\s+(?:the\s+)?(?:{addressees})\s*:\s*$",
        re.IGNORECASE,
    )


def _addressed_comments(doc: Document) -> list[Note]:
    """Comments the assistant speaks in, or that head its notes to the reviewer, with the
    comments right under such a head that are items of its list."""
    found: list[Note] = []
    last = -1  # the last line of a head or item of notes in comments
    for comment in doc.comments:
        item = comment.span.line == last + 1 and _COMMENT_ITEM.match(comment.text)
        if item or _comment_heads().match(comment.text):
            found.append(Note(comment.span, "a note to the writer in a comment", False))
            last = comment.span.end_line
    return found


@cache
def _note_starts() -> frozenset[str]:
    """The words a bracketed note opens with (a head, a qualifier, a verb): most comments
    open with none of them, and no pattern is tried on them."""
    words = leftover_words()
    phrases = (*words.note_heads, *words.note_qualifiers, *words.note_verbs, *words.note_verbs_free)
    return frozenset(phrase.split()[0].lower() for phrase in phrases)


# A head's note on what to write under it: "(add 3 questions from People also ask)", "(bullet
# list for skimmers)", "(150 words)", "(2-3 sentences on the problem)". A heading's own
# aside ("(optional)", "(add the repo)") names no count, form or length.
_HEAD_NOTE = LazyRegex(
    r"^(?P<head>[^()\n]{2,60}?)\s*\((?P<note>"
    r"(?:add|include|insert|write|list|answer|cover)\s+(?:\d+(?:\s*[–-]\s*\d+)?|a few|two|three|four|five)\s"
    r"|(?:as\s+an?\s+|in\s+an?\s+)?(?:bullet(?:ed)?|numbered)\s+(?:list|points)\b"
    r"|~?\d+(?:\s*[–-]\s*\d+)?\s*(?:words|sentences|paragraphs|bullets|bullet points)\b"
    r")[^()\n]{0,120}\)\s*:?$",
    re.IGNORECASE,
)
_HEAD_WORDS = 8


def _head_notes(doc: Document, units: Sequence[Unit]) -> list[Note]:
    """A head (a heading, or a short line of its own that is no sentence) with a note on what
    to write under it in parentheses: "Frequently Asked Questions (add 3 questions from ...)",
    "Key Takeaways (bullet list for skimmers):". The note goes; the head may stay."""
    found: list[Note] = []
    if not may_hold(unit_texts(doc), _HEAD_NOTE):
        return found
    for unit in units:
        if "(" not in unit.text or (unit.kind != "heading" and not unit.first):
            continue
        matched = _HEAD_NOTE.match(unit.text)
        head = matched.group("head") if matched else ""
        if matched is None or len(head.split()) > _HEAD_WORDS or head.rstrip()[-1:] in ".!?,;:":
            continue
        source = doc.lines[unit.line - 1]
        at = source.rfind("(" + matched.group("note")[:20])
        if at >= 0:
            end = source.index(")", at) + 1
            found.append(Note(Span(unit.line, at + 1, unit.line, end + 1), "a note on what to write", False))
    return found


@cache
def _told() -> re.Pattern[str]:
    """A line telling someone by role what to do to the draft ("reviewer should add a terminal
    screenshot"), or a tool's telegraphic note of what it left out ("No CTA added")."""
    words = leftover_words()
    roles = alternation(words.note_addressees)
    verbs = alternation((*words.note_line_verbs, *words.note_verbs))
    artifacts = alternation(words.note_artifacts)
    parts = alternation(words.omittable_parts)
    return re.compile(
        rf"\b(?:the\s+)?(?:{roles})\s+(?:should|must|needs?\s+to|has\s+to|will\s+need\s+to|may\s+want\s+to"
        rf"|might\s+want\s+to)\s+(?:(?:also|still|probably)\s+)?(?:{verbs})\b(?:\s+[\w'’-]+){{0,3}}?\s+(?:{artifacts})\b"
        rf"|^\W*no\s+(?:{parts})\s+(?:(?:was|were|has\s+been|have\s+been)\s+)?(?:added|included|written|provided"
        r"|inserted|yet)\b",
        re.IGNORECASE,
    )


_TOLD_WORDS = 30


def _told_lines(doc: Document, units: Sequence[Unit]) -> list[Note]:
    """Whole lines, a list's items or short paragraphs, that speak to the writer or reviewer
    about the draft (see `_told`)."""
    if not may_hold(unit_texts(doc), _told()):
        return []
    return [
        Note(_whole_line(doc, unit.line), "a note to the writer", True)
        for unit in units
        if unit.kind in ("list-item", "paragraph")
        and unit.first
        and len(unit.text.split()) <= _TOLD_WORDS
        and _told().search(unit.text)
    ]


_ADDRESSED = LazyRegex(
    r"^\W*(?:notes?|tips?|reminders?)\s+(?:to|for)\s+(?-i:[A-Z][\w'’-]*)\b[^:]{0,40}:$", re.I
)


@cache
def _telling() -> re.Pattern[str]:
    """A line that opens by telling the writer what to do: "Double-check ...", "Consider ..."."""
    return re.compile(rf"^\W*(?:{alternation(leftover_words().note_line_verbs)})\b", re.IGNORECASE)


def _addressed_notes(doc: Document, units: Sequence[Unit]) -> list[Note]:
    """Notes addressed to someone by name ("▸ Notes for Lena (from the AI):") over lines
    that tell the writer what to do ("Double-check the version above", "Consider adding a
    screenshot"), as one note; a post's "Notes for Windows:" over facts is the post's."""
    found = []
    for index, unit in enumerate(units):
        if unit.kind == "heading" or not _ADDRESSED.match(unit.text.strip("*_ ")):
            continue
        under = _lines_under(units, index)
        told = sum(bool(_telling().match(u.text)) for u in under)
        if under and 2 * told > len(under):
            last = under[-1].line
            found.append(
                Note(Span(unit.line, 1, last, len(doc.lines[last - 1]) + 1), "a note to the writer", True)
            )
    return found


def _lines_under(units: Sequence[Unit], index: int) -> list[Unit]:
    """The lines right under a note's head, one per line: its own block's next lines, or
    list items."""
    head = units[index]
    under: list[Unit] = []
    for unit in units[index + 1 :]:
        listed = unit.block == head.block or unit.kind == "list-item"
        if unit.kind == "heading" or not listed or unit.line != (under[-1] if under else head).line + 1:
            break
        under.append(unit)
    return under


def _noted(key: str, framed: set[int]) -> bool:
    """A list of notes ("Notes:", "A few notes:") that the assistant speaks in: an item of
    it is one of its sentences to the requester ("I assumed your readers use Go")."""
    return bool(framed) and bool(set(key.split()) & leftover_words().publishing_note_nouns)


_NOT_WORD = re.compile(r"[^\w\s]")  # compiled here: every line of a draft has its key made


def _key_of(text: str) -> str:
    return " ".join(_NOT_WORD.sub(" ", text.lower()).split())


def _whole_line(doc: Document, line: int) -> Span:
    return Span(line, 1, line, len(doc.lines[line - 1]) + 1)


def _on_publishing(key: str) -> bool:
    """Whether a label's words name notes on publishing: a note noun and a topic of
    publishing ("notes for publishing", "seo tips"), or "before" and one ("before you publish")."""
    words = leftover_words()
    tokens = key.split()
    grams = set(tokens) | {" ".join(pair) for pair in itertools.pairwise(tokens)}
    topical = bool(grams & words.publishing_note_topics)
    return (
        len(tokens) <= _MAX_LABEL_WORDS
        and topical
        and bool(grams & words.publishing_note_nouns or "before" in tokens)
    )
