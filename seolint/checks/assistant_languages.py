"""Chatbot framing in other languages than English (read by S007 with seolint.checks.assistant).

An assistant whose interface speaks its user's language frames an English post in that
language ("Bien sûr ! Voici un article …", "需要我再写一个版本吗"), and one asked for a
post in Portuguese frames it in Portuguese. English sentences are read by their grammar
(assistant.py, address.py); for the other languages a few shapes over word classes of
leftover_languages.toml do, each as narrow as a sentence to the requester is:

- it announces the draft: at an edge of the draft, it opens with a word of assent or a
  presenting phrase ("Claro!", "Hier ist", "以下是") and names the draft ("artigo",
  "Blogartikel", "文章"); a sentence of assent alone goes with such a sentence after it;
- it offers to change the draft: at an edge, an offer ("Soll ich", "¿Quieres que",
  "需要我") or a request for feedback ("fammi sapere", "daj znać") with a part or version
  of the draft in the same sentence ("une version plus courte", "sekcję", "语气");
- it tells the requester to check before publishing: at an edge, a verb of checking and
  "before publishing" ("verifique … antes de publicar", "公開前に … ご確認ください");
- it speaks of itself as a model: a sentence opening with "en tant qu'IA", "作为AI" ...

Every language's words are read on every draft: the interface's language is not the
post's, and each shape needs two of its word classes together.
"""

from __future__ import annotations

import re
from functools import cache
from typing import NamedTuple

from seolint.checks.leftover_lexicon import language_words
from seolint.registry.lazy_patterns import DocumentScreen, ScreenedPattern

ANNOUNCES = "announces the draft"
OFFERS = "offers to change the draft"
TELLS_TO_CHECK = "tells the requester to check the draft's facts"
AS_A_MODEL = "speaks of itself as a model"

_ASSENT_ALONE_WORDS = 3  # "Bien sûr !", "Natürlich!"
_SPACELESS = "\u1100"  # Hangul, kana and Han from here on: no word boundaries


class _Patterns(NamedTuple):
    any_word: ScreenedPattern  # a word of a shape's head: most documents hold none
    opening: re.Pattern[str]  # assent or presenting phrase at the start
    assent_alone: re.Pattern[str]
    presenting: re.Pattern[str]
    draft: re.Pattern[str]
    offer: re.Pattern[str]
    check: re.Pattern[str]
    before_publishing: re.Pattern[str]
    as_a_model: re.Pattern[str]


def _alternation(phrases: tuple[str, ...]) -> str:
    """Phrases as whole words, longest first; in Chinese, Japanese and Korean, whose words
    run on without a space (`以下是一篇`, `글입니다`), as they are."""
    ordered = sorted(phrases, key=lambda phrase: (-len(phrase), phrase))
    return "|".join(_bounded(phrase) for phrase in ordered)


def _bounded(phrase: str) -> str:
    before = r"(?<!\w)" if phrase[0] < _SPACELESS else ""
    after = r"(?!\w)" if phrase[-1] < _SPACELESS and phrase[-1].isalnum() else ""
    return before + re.escape(phrase) + after


@cache
def _patterns() -> _Patterns:
    words = language_words()
    assent, presenting = _alternation(words.assent), _alternation(words.presenting)
    every = (
        *words.assent, *words.presenting, *words.offers, *words.feedback, *words.check_verbs,
        *words.as_a_model,
    )  # fmt: skip

    def compiled(pattern: str) -> re.Pattern[str]:
        return re.compile(pattern, re.IGNORECASE)

    return _Patterns(
        any_word=ScreenedPattern(_alternation(every), re.IGNORECASE),
        opening=compiled(rf"^\W*(?:(?:{assent})\W{{0,3}}\s*)?(?:{presenting})"),
        assent_alone=compiled(rf"^\W*(?:{assent})\W*$"),
        presenting=compiled(presenting),
        draft=compiled(_alternation(words.draft_nouns)),
        offer=compiled(_alternation((*words.offers, *words.feedback))),
        check=compiled(_alternation(words.check_verbs)),
        before_publishing=compiled(_alternation(words.before_publishing)),
        as_a_model=compiled(rf"^\W*(?:{_alternation(words.as_a_model)})"),
    )


def may_frame(screen: DocumentScreen) -> bool:
    """Whether the document of `screen` may hold a word of a shape's head: one without
    is not read sentence by sentence."""
    return screen.may_hold(_patterns().any_word)


def other_language_form(sentence: str, block: str, edge: bool) -> str | None:
    """What the assistant does in `sentence` of `block`, in another language than English,
    or None. `edge`: the sentence is in the first or last blocks, where an assistant frames
    its draft; only a sentence of itself as a model counts elsewhere."""
    found = _patterns()
    if found.as_a_model.search(sentence):
        return AS_A_MODEL
    if not edge:
        return None
    if found.opening.search(sentence) and found.draft.search(sentence):
        return ANNOUNCES
    if (
        found.assent_alone.search(sentence)
        and len(sentence.split()) <= _ASSENT_ALONE_WORDS
        and block.strip() != sentence.strip()
        and any(found.opening.search(part) and found.draft.search(part) for part in _after(block, sentence))
    ):
        return ANNOUNCES  # "Bien sûr !" before "Voici un article …"
    if found.offer.search(sentence) and found.draft.search(sentence):
        return OFFERS
    if found.check.search(sentence) and found.before_publishing.search(sentence):
        return TELLS_TO_CHECK
    return None


def _after(block: str, sentence: str) -> list[str]:
    """The text of `block` after `sentence`, as one part."""
    at = block.find(sentence.strip())
    return [block[at + len(sentence.strip()) :].strip()] if at >= 0 else []
