"""Notes to the author in other languages than English (part of S008), known by their form
with the words of leftover_languages.toml: a note head and a colon opening a line or a
bracket (`Nota per l'autore: …`, `(Immagine suggerita: …)`, `建议配图` in full-width
brackets); a line telling the writer to add a thing here (`Tutaj warto dodać link do …`); a
reminder to check the draft itself (`Pamiętaj, aby sprawdzić liczby w tekście`, `请核实文中…`);
and an AI's footer saying it may be wrong (`ChatGPT può commettere errori.`).

Every language's words are read on every draft: an assistant's interface speaks its user's
language whatever the post's. A head is never a post's own label (`Nota:`, `Hinweis:`); it
names an image, link or screenshot to add, or who the note is for.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from seolint.checks.leftover_lexicon import alternation, assistant_words, language_words
from seolint.checks.leftover_screen import may_hold, source_lines
from seolint.discover.records import NamedTuple
from seolint.document.model import Document, Span
from seolint.registry.lazy_patterns import LazyRegex

_CLOSE = {"(": ")", "[": "]", "（": "）", "【": "】"}
_LEAD = re.compile(r"[\W_]*")
# A bracket opened by a key and a colon, the key a few words: "(Immagine suggerita: ".
_KEYED = re.compile(r"[(\[（【]\s*(?P<key>[^:：()\[\]（）【】\n]{1,40}?)\s*[:：]")
_NOTE_REACH = 300  # characters from a bracketed note's colon to its closing bracket, at most


class _Words(NamedTuple):
    screen: LazyRegex  # every form's words, anywhere: a document without them holds no note
    openings: tuple[str, ...]  # what a line opening with a note starts with, lower case
    opening: re.Pattern[str]  # the forms that open a line, matched at its start
    heads: frozenset[str]  # the heads of a note in brackets, lower case, spaces single


@cache
def _words() -> _Words:
    """The forms are asked only of lines that start with one of their words (a prefix test of
    a tuple of strings), or hold a bracket opened by a key and a colon (a set lookup): a regex
    of some 600 words tried at every line of the corpus cost seconds."""
    words = language_words()
    speakers = tuple(assistant_words()["ai-speakers"])
    heads, openers, reminders = words.note_heads, words.note_openers, words.reminders
    opening = (
        rf"[\W_]*(?:(?P<head>(?:{alternation(heads)})\s*[:：]\s*\S)"
        rf"|(?P<here>(?:{alternation(openers)})\s*(?:[^\s.!?。]+\s+){{0,2}}?(?:{alternation(words.note_artifacts)})(?!\w))"
        # A reminder, and in its sentence a check verb and the draft named, in either order:
        # "Pamiętaj, aby sprawdzić liczby w tekście", "반드시 본문의 수치를 확인해 주세요".
        rf"|(?P<reminder>(?:{alternation(reminders)})(?=[^.!?。\n]*(?:{alternation(words.check_verbs)}))"
        rf"(?=[^.!?。\n]*(?:{alternation(words.draft_facts)})))"
        rf"|(?P<footer>(?:{alternation(speakers)})\s*(?:{alternation(words.may_err)})))"
    )
    return _Words(
        LazyRegex(alternation((*heads, *openers, *reminders, *speakers))),
        tuple(sorted({word.lower() for word in (*heads, *openers, *reminders, *speakers)})),
        re.compile(opening, re.IGNORECASE),
        frozenset(" ".join(head.split()) for head in heads),
    )


_WHAT = {
    "head": "a note to the writer",
    "here": "a note to the writer on what to add here",
    "reminder": "a reminder to check the draft",
    "footer": "an AI tool's warning that it may be wrong",
}


def language_notes(doc: Document) -> Iterator[tuple[Span, str, bool]]:
    """Each note in another language: its span, what it is, and whether it is all of its line."""
    words = _words()
    if not may_hold(source_lines(doc), words.screen):
        return
    for line in doc.views.lines.values():
        text = line.text
        lead = _LEAD.match(text)
        start = lead.end() if lead is not None else 0
        if text[start : start + 60].lower().startswith(words.openings):
            opened = words.opening.match(text)
            if opened is not None:  # a note opening the line: the line
                span = Span(line.number, line.column, line.number, line.column + len(text))
                yield span, _WHAT[opened.lastgroup or "head"], True
                continue
        if ":" in text or "：" in text:
            for start, end in _bracketed(text, words.heads):  # a note inside a line: the note alone
                whole = not text[:start].strip() and not text[end:].strip(" .。")
                yield (
                    Span(line.number, line.column + start, line.number, line.column + end),
                    _WHAT["head"],
                    whole,
                )


def _bracketed(text: str, heads: frozenset[str]) -> Iterator[tuple[int, int]]:
    """Where a bracket opened by a note's head and a colon is, to its closing bracket."""
    for keyed in _KEYED.finditer(text):
        if " ".join(keyed.group("key").lower().split()) in heads:
            close = text.find(_CLOSE[text[keyed.start()]], keyed.end(), keyed.end() + _NOTE_REACH)
            if close > keyed.end() + 1:
                yield keyed.start(), close + 1
