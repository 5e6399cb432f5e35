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
from seolint.document.model import Document, Span

_OPEN = r"[(\[（【]"
_COLON = r"\s*[:：]"


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The screen (any form, anywhere in the source) and the forms, read on one line."""
    words = language_words()
    heads = alternation(words.note_heads)
    openers = alternation(words.note_openers)
    artifacts = alternation(words.note_artifacts)
    reminders = alternation(words.reminders)
    checks = alternation(words.check_verbs)
    facts = alternation(words.draft_facts)
    speakers = alternation(tuple(assistant_words()["ai-speakers"]))
    may_err = alternation(words.may_err)
    forms = (
        rf"(?P<head>^[\W_]*(?:{heads}){_COLON}\s*\S)"
        rf"|(?P<bracket>{_OPEN}\s*(?:{heads}){_COLON}[^()\[\]（）【】\n]{{2,300}}[)\]）】])"
        rf"|(?P<here>^[\W_]*(?:{openers})\s*(?:[^\s.!?。]+\s+){{0,2}}?(?:{artifacts})(?!\w))"
        # A reminder, and in its sentence a check verb and the draft named, in either order:
        # "Pamiętaj, aby sprawdzić liczby w tekście", "반드시 본문의 수치를 확인해 주세요".
        rf"|(?P<reminder>^[\W_]*(?:{reminders})(?=[^.!?。\n]*(?:{checks}))(?=[^.!?。\n]*(?:{facts})))"
        rf"|(?P<footer>^[\W_]*(?:{speakers})\s*(?:{may_err}))"
    )
    return re.compile(forms, re.IGNORECASE | re.MULTILINE), re.compile(forms, re.IGNORECASE)


_WHAT = {
    "head": "a note to the writer",
    "bracket": "a note to the writer",
    "here": "a note to the writer on what to add here",
    "reminder": "a reminder to check the draft",
    "footer": "an AI tool's warning that it may be wrong",
}


def language_notes(doc: Document) -> Iterator[tuple[Span, str, bool]]:
    """Each note in another language: its span, what it is, and whether it is all of its line."""
    screen, form = _patterns()
    if screen.search(doc.source) is None:
        return
    for line in doc.views.lines.values():
        text = line.text
        for found in form.finditer(text):
            kind = found.lastgroup or "head"
            if kind == "bracket":  # a note inside a line of text: the note alone
                start, end = found.span()
                whole = not text[:start].strip() and not text[end:].strip(" .。")
            else:  # a note opening the line: the line
                start, end, whole = 0, len(text), True
            yield Span(line.number, line.column + start, line.number, line.column + end), _WHAT[kind], whole
