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
post's, and each shape needs two of its word classes together. A sentence is searched for
a class only when it holds a first word of one of its phrases.
"""

from __future__ import annotations

import re
from functools import cache

from seolint.checks.leftover_lexicon import language_words
from seolint.discover.records import NamedTuple
from seolint.registry.lazy_patterns import LazyRegex

ANNOUNCES = "announces the draft"
OFFERS = "offers to change the draft"
TELLS_TO_CHECK = "tells the requester to check the draft's facts"
AS_A_MODEL = "speaks of itself as a model"

_ASSENT_ALONE_WORDS = 3  # "Bien sûr !", "Natürlich!"
_SPACELESS = "\u1100"  # Hangul, kana and Han from here on: no word boundaries
_WORD = re.compile(r"\w+")
_OPENING = 40  # characters of a sentence that its opening words are in


class _WordClass(NamedTuple):
    """A shape's slot: its phrases as a pattern, and what a sentence must hold to be searched
    (the first word of a phrase written with spaces, or a phrase of a script without them).
    RE2 cannot screen these phrases (their letters beyond ASCII it reads as any letter), and
    `re` searching hundreds of them costs ~0.3 ms a sentence: most sentences hold none."""

    pattern: LazyRegex  # compiled when a sentence first passes the words' test
    firsts: frozenset[str]
    spaceless: tuple[str, ...]
    lowest: str  # the lowest first letter of `spaceless` (the last code point if none)

    def holds(self, text: str, words: frozenset[str]) -> bool:
        """Whether `text` (lower case; `words`: its words) holds a phrase of the class."""
        if words.isdisjoint(self.firsts) and not self._spaceless_in(text):
            return False
        return self.pattern.search(text) is not None

    def _spaceless_in(self, text: str) -> bool:
        """Whether `text` holds a phrase of `spaceless`. A text whose highest letter is below
        each phrase's first (every English sentence, curly quotes and dashes included) holds
        none: it is not searched for each."""
        if text.isascii() or max(text) < self.lowest:
            return False
        return any(phrase in text for phrase in self.spaceless)


class _Patterns(NamedTuple):
    opening: _WordClass  # assent or a presenting phrase at the start
    assent_alone: _WordClass
    draft: _WordClass
    offer: _WordClass
    check: _WordClass
    before_publishing: _WordClass
    as_a_model: _WordClass


def _alternation(phrases: tuple[str, ...]) -> str:
    """Phrases as whole words, longest first; in Chinese, Japanese and Korean, whose words
    run on without a space (`以下是一篇`, `글입니다`), as they are."""
    ordered = sorted(phrases, key=lambda phrase: (-len(phrase), phrase))
    return "|".join(_bounded(phrase) for phrase in ordered)


def _bounded(phrase: str) -> str:
    before = r"(?<!\w)" if phrase[0] < _SPACELESS else ""
    after = r"(?!\w)" if phrase[-1] < _SPACELESS and phrase[-1].isalnum() else ""
    return before + re.escape(phrase) + after


def _word_class(pattern: str, *phrase_lists: tuple[str, ...]) -> _WordClass:
    phrases = [phrase for phrases in phrase_lists for phrase in phrases]
    spaced = [phrase for phrase in phrases if phrase[0] < _SPACELESS]
    spaceless = tuple(phrase for phrase in phrases if phrase[0] >= _SPACELESS)
    return _WordClass(
        LazyRegex(pattern, re.IGNORECASE),
        frozenset(_WORD.findall(phrase)[0] for phrase in spaced if _WORD.search(phrase)),
        spaceless,
        min((phrase[0] for phrase in spaceless), default="\U0010ffff"),
    )


@cache
def _patterns() -> _Patterns:
    w = language_words()
    assent, presenting = _alternation(w.assent), _alternation(w.presenting)
    return _Patterns(
        opening=_word_class(rf"^\W*(?:(?:{assent})\W{{0,3}}\s*)?(?:{presenting})", w.presenting),
        assent_alone=_word_class(rf"^\W*(?:{assent})\W*$", w.assent),
        draft=_word_class(_alternation(w.draft_nouns), w.draft_nouns),
        offer=_word_class(_alternation((*w.offers, *w.feedback)), w.offers, w.feedback),
        check=_word_class(_alternation(w.check_verbs), w.check_verbs),
        before_publishing=_word_class(_alternation(w.before_publishing), w.before_publishing),
        as_a_model=_word_class(rf"^\W*(?:{_alternation(w.as_a_model)})", w.as_a_model),
    )


def other_language_form(sentence: str, block: str, edge: bool) -> str | None:
    """What the assistant does in `sentence` of `block`, in another language than English,
    or None. `edge`: the sentence is in the first or last blocks, where an assistant frames
    its draft; only a sentence of itself as a model counts elsewhere."""
    found = _patterns()
    text = sentence.lower()
    if found.as_a_model.holds(text, frozenset(_WORD.findall(text[:_OPENING]))):
        return AS_A_MODEL
    if not edge:
        return None
    words = frozenset(_WORD.findall(text))
    if found.opening.holds(text, words) and found.draft.holds(text, words):
        return ANNOUNCES
    if (
        found.assent_alone.holds(text, words)
        and len(sentence.split()) <= _ASSENT_ALONE_WORDS
        and block.strip() != sentence.strip()
        and any(_announces(part.lower()) for part in _after(block, sentence))
    ):
        return ANNOUNCES  # "Bien sûr !" before "Voici un article …"
    if found.offer.holds(text, words) and found.draft.holds(text, words):
        return OFFERS
    if found.check.holds(text, words) and found.before_publishing.holds(text, words):
        return TELLS_TO_CHECK
    return None


def _announces(text: str) -> bool:
    found, words = _patterns(), frozenset(_WORD.findall(text))
    return found.opening.holds(text, words) and found.draft.holds(text, words)


def _after(block: str, sentence: str) -> list[str]:
    """The text of `block` after `sentence`, as one part."""
    at = block.find(sentence.strip())
    return [block[at + len(sentence.strip()) :].strip()] if at >= 0 else []
