"""The forms of a call to action other than an imperative (C001): invitations in other
words, a required action for the readers concerned, a request after a condition on the
reader, and a pointer onward. Each is a small named check, so a surprising verdict can be
traced; their words are data in cta_words.toml (seolint.checks.cta_lexicon).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from seolint.registry.lazy_patterns import LazyRegex

if TYPE_CHECKING:
    from seolint.checks.cta_lexicon import Lexicon

# A required action addressed to the readers it concerns: "If you have this config, you will
# have to update it", "Users of alternate registries must contact their vendor".
_CONCERNED = LazyRegex(
    r"^\W*(?:(?:if|when|once|for|should) (?:you|users|those|anyone|everyone|projects|people)\b"
    r"|(?:users|anyone|everyone|those|projects|people) (?:of|on|who|that|using|with|running)\b)",
    re.IGNORECASE,
)
_OBLIGED = LazyRegex(
    r"\b(?:must|needs? to|ha(?:ve|s) to|should|ought to|(?:are|is) (?:required|advised|urged|encouraged) to)"
    r" (?:also |first |now |still |[a-z]+ly )?([a-z]+)",
    re.IGNORECASE,
)
# A main clause without a subject after a condition that addresses the reader ("If you want
# to write a handler, consult the guide") or names the reader's next occasion ("Before your
# next upgrade, list the tables ...", "Next time a branch is ready, run ..."): a next step
# after reading. Its first word is then a verb, whatever the verb.
_CONDITION_THEN = LazyRegex(
    r"^\W*(?:(?:if|when|whenever|once|should) you\b|(?:the )?next time\b|before (?:you|your) next\b"
    r"|(?:this|next) (?:week|sprint|month|quarter)\b|(?:today|tomorrow|right now)\b)"
    r"[^,;:.!?]{0,200},\s*(?:then\s+|please\s+)?([a-z][a-z-]*)\s+([a-z]+|[\[“\"(])",
    re.IGNORECASE,
)
# Invitations the reader recognises at once: "we hope you will try it", "now is a great time
# to ...", "let's connect", "I recommend you read ...".
_HOPE = LazyRegex(
    r"\b(?:we|i) hope (?:that )?(?:you|readers|users|everyone)(?: will| ?'ll| ?’ll)? ([a-z]+)", re.IGNORECASE
)
_GOOD_TIME = LazyRegex(
    r"\b(?:this|now|it|today)(?: is|'s|’s) (?:a |the )?(?:great|good|perfect|ideal|best) (?:time|moment)"
    r"(?: for [^.,;]{1,80})? to\b",
    re.IGNORECASE,
)
_LETS = LazyRegex(r"\blet(?:'s|’s| us) ([a-z]+)", re.IGNORECASE)
_RECOMMEND = LazyRegex(
    r"\b(?:we|i) (?:[a-z]+ly )?(?:recommend|suggest|advise|urge|encourage)(?: that)? "
    r"(?:(?:you|readers|users|everyone|anyone|all)\b|([a-z]+)ing\b)",
    re.IGNORECASE,
)
_WELCOME = LazyRegex(
    r"\b(?:we|i) (?:also |always |[a-z]+ly )?welcome"
    r" (?!the\b|our\b|a\b|an\b|new\b|back\b|him\b|her\b|them\b)[a-z]",
    re.IGNORECASE,
)
# A sentence wholly in parentheses is an aside ("(Correction: ...; see the comment.)").
ASIDE = LazyRegex(r"\A\s*\([^()]*\)[.!?]?\s*")
# A pointer inside the same post ("at the end of this post", "below") sends nobody onward.
IN_THIS_POST = LazyRegex(
    r"\b(?:see|find|found|listed|shown|described|linked|included|given)\b[^.;:]{0,60}"
    r"(?<!the )\b(?:below|above)\b"
    r"|\b(?:at the (?:end|bottom|top)|later|earlier) (?:of|in) this (?:post|article|page)(?:\d+)?\b",
    re.IGNORECASE,
)
# A sentence that sends the reader to more: "More details are in [the changelog]", "The full
# list of changes can be viewed [here]", "Read [part two] to see ..."; it needs a link.
_ONWARD = LazyRegex(
    r"\b(?:more|further|full|complete|detailed|additional|next)\s+(?:[a-z]+\s+){0,2}?"
    r"(?:details?|information|info|resources|reading|list|changelog|change ?log|release notes|notes|docs"
    r"|documentation|instructions|examples?|guide|tutorials?|part|post|article|installment|chapter)\b"
    r"|\bfor (?:more |further )?details\b|\bpart (?:two|three|four|five|\d+|ii|iii|iv)\b|\bfollow-?up\b",
    re.IGNORECASE,
)
# ... and says where it is: "are in", "is available at", "can be viewed", "see".
_AVAILABLE = LazyRegex(
    r"\b(?:is|are) (?:now |also )?(?:(?:available|here|there|listed|linked)\b|(?:in|at|on) )"
    r"|\bcan (?:be )?(?:found|viewed|read|seen|find|view|see|read)\b|\b(?:see|read|check|find|visit|head)\b"
    r"|\b(?:starting point|place to start)\b",
    re.IGNORECASE,
)


def points_onward(sentence: str) -> bool:
    """A sentence with a link that says more is to be read there: "More details are in the
    changelog", "The full list of changes can be viewed here"."""
    if IN_THIS_POST.search(sentence) or ASIDE.fullmatch(sentence):
        return False
    return bool(_ONWARD.search(sentence) and _AVAILABLE.search(sentence))


def invites_in_other_words(sentence: str, words: Lexicon) -> bool:
    """ "We hope you will try it", "Now is a great time to ...", "Let's connect", "We recommend
    upgrading" (not "We recommend creating an RFC": advice to the project), "We welcome input"."""
    lowered = sentence.lower()
    if "hope" in lowered and (hope := _HOPE.search(sentence)):
        return hope.group(1).lower() in words.reader_verbs | words.recommended_verbs
    if (" time" in lowered or " moment" in lowered) and _GOOD_TIME.search(sentence):
        return True
    if "let" in lowered and (lets := _LETS.search(sentence)):
        return lets.group(1).lower() in words.lets_verbs
    if (recommended := _RECOMMEND.search(sentence)) is not None:  # to the reader, or to readers concerned
        stem = recommended.group(1)
        advice = stem is None or _base_verb(stem.lower(), words.recommended_verbs)
        return advice or _CONCERNED.search(sentence) is not None
    return "welcome" in lowered and _WELCOME.search(sentence) is not None


def _base_verb(stem: str, verbs: frozenset[str]) -> bool:
    """Whether an -ing form's stem ("upgrad", "try", "runn") is one of `verbs`."""
    doubled = len(stem) > 2 and stem[-1] == stem[-2]  # "running"
    return stem in verbs or stem + "e" in verbs or (doubled and stem[:-1] in verbs)


def required_of_reader(sentence: str) -> bool:
    """A required action for the readers concerned: "If you have this config, you will have
    to update it", "Users of alternate registries must contact their vendor"."""
    if not _CONCERNED.search(sentence):
        return False
    obliged = _OBLIGED.search(sentence)
    return obliged is not None and obliged.group(1).lower() not in ("be", "have", "been", "not")


def conditional_request(sentence: str, words: Lexicon) -> bool:
    """ "If you want to write a handler, consult the guide", "Before your next upgrade, list the
    tables": after a condition on the reader or their next occasion, a clause that opens without
    a subject, its first word a verb of the list or followed by an object."""
    found = _CONDITION_THEN.match(sentence)
    if found is None:
        return False
    verb, following = found.group(1).lower(), found.group(2).lower()
    if verb in words.not_verbs or verb.endswith(("ly", "ing", "ed")):
        return False
    return verb in words.imperative_verbs or following in words.followers or not following[0].isalpha()
