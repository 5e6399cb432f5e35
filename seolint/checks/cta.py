"""Call-to-action rule (C): a post should end by telling the reader what to do next.

A call to action is recognised by its form, not by a list of phrases: a clause that opens
with an imperative verb, a question put to the reader, an invitation ("feedback is
welcome"), or a link styled as a button. Each test is a small, named check below, so a
surprising verdict can be traced to one lexicon entry or one pattern. The lexicon (verbs,
lead-ins, the words that show a verb is a noun) is data: cta_words.toml, read once a process.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from functools import cache, lru_cache
from typing import NamedTuple

from seolint.document.model import Document, Span
from seolint.findings.records import Problem, Severity
from seolint.registry.options import Options, option
from seolint.registry.phrases import phrase_pattern
from seolint.registry.rule import rule

# Bounds that keep a pasted 100k-character "sentence" linear: a request shows in its opening.
_MAX_LEAD_IN_COMMAS = 3  # "If you use X, Y, or Z, try ..."
_MAX_CLAUSE_TOKENS = 40
_TOKEN = re.compile(r"[A-Za-z][\w'’-]*|\d[\w.,%]*|[^\w\s]")
_WORD_TOKEN = re.compile(r"[A-Za-z][\w'’-]*")  # _TOKEN's first kind: the only one a verb can be
# Clause boundaries: ; : dashes, and ", and" / ", then" / ", so".
_CLAUSE_BREAK = re.compile(r"(?:[;:—–]|\s-\s)\s*|,\s*(?=(?:and|then|so)\b)")  # no leading \s*: linear
_QUOTE_MARKS = "\"'“‘”’«"
_MARKUP = " *_(["
# A list item that cites an issue ("[FLINK-123] - Check ...", "... #1234") is a changelog entry.
_CHANGELOG_ENTRY = re.compile(r"^\W*[A-Z][A-Z0-9]*-\d+\b|#\d+\W*$")
_TO_READER = re.compile(
    r"\b(?:do|did|does|have|has|are|were|would|will|could|can|should|shall)\s+(?:you|your)\b"
    r"|^(?:you|your)\b|\b(?:how|what) about you\b",
    re.IGNORECASE,
)
_ELLIPTIC_QUESTION = re.compile(
    r"^(?:any\s+)?(?:questions|thoughts|feedback|ideas|comments|suggestions|interested|curious|"
    r"want|wanna|ready|keen|need|got|why not)\b",
    re.IGNORECASE,
)
_ANYONE = r"(?:you|everyone|all|readers|users|anyone)"
_INVITATION = re.compile(
    r"\bwe(?:'d|’d| would) (?:love|welcome|appreciate|be (?:happy|glad|delighted|grateful))\b"
    rf"|\bwe (?:[a-z]+ ){{0,3}}?(?:invite|encourage|urge|welcome) {_ANYONE}\b"
    rf"|\bwe(?:'d|’d| would) like to (?:ask|invite|encourage) {_ANYONE}\b"
    r"|\bwe welcome (?:your|any|contributions|feedback|help|questions|comments|pull|patches"
    r"|reviews|suggestions)\b"
    r"|\b(?:feedback|contributions?|pull requests?|PRs|patches|questions|comments|suggestions|reviews|help)"
    r" (?:is|are) (?:always |very |more than |most )*welcome"
    r"|\b(?:is|are) (?:[a-z]+ )?(?:invited|encouraged|welcome) to\b"  # "Participants are encouraged to ..."
    r"|\bwe (?:[a-z]+ )?recommend\b|\blook(?:ing)? forward to hearing\b"
    # "please pop by", whatever the verb; not "Please note" nor "as you please"
    r"|(?<!\bto )(?<!\bas )\bplease,? (?!note\b|excuse\b|bear\b)[a-z]",
    re.IGNORECASE,
)
# Words every _INVITATION match contains, one from each alternative: a sentence without
# any of them is not searched (the words are ASCII, so for ASCII text IGNORECASE is lower()).
_INVITATION_WORDS = (
    "we'd", "we’d", "we would", "invite", "encourage", "urge", "welcome", "recommend",
    "forward to hearing", "please",
)  # fmt: skip
_YOU_MAY = re.compile(
    r"\byou (?:can|could|should|may want to|might want to|'ll want to|’ll want to)"
    r" (?:also |now |still |[a-z]+ly )?([a-z]+)",
    re.IGNORECASE,
)
_CTA_CLASS = re.compile(r"(?:^|[-_])(?:cta|btn|button)(?:$|[-_])", re.IGNORECASE)


class Lexicon(NamedTuple):
    """The word lists of cta_words.toml, which says what each one is for."""

    imperative_verbs: frozenset[str]
    reader_verbs: frozenset[str]
    copular_verbs: frozenset[str]
    reader_words: frozenset[str]
    negated_verbs: frozenset[str]
    negations: frozenset[str]
    followers: frozenset[str]
    finite: frozenset[str]
    noun_followers: frozenset[str]
    reader_lead_ins: tuple[list[str], ...]  # in the file's order: longest first
    joining_lead_ins: tuple[list[str], ...]
    clause_end: frozenset[str]
    subordinators: frozenset[str]
    coordinators: frozenset[str]
    invited_verbs: frozenset[str]  # verbs that invite after "you can", "you may want to", ...
    openers: frozenset[str]  # what a clause that asks may open with besides its verb


@cache
def lexicon() -> Lexicon:
    """The word lists, read from the package once per process."""
    from importlib.resources import files

    from seolint.discover.toml import tomllib

    data = tomllib.loads(files("seolint.checks").joinpath("cta_words.toml").read_text(encoding="utf-8"))
    words = {key: frozenset(value.split()) for key, value in data.items() if isinstance(value, str)}
    reader_lead_ins = tuple(phrase.split() for phrase in data["reader-lead-ins"])
    joining_lead_ins = tuple([word] for word in data["joining-lead-ins"].split())
    return Lexicon(
        imperative_verbs=words["imperative-verbs"],
        reader_verbs=words["reader-verbs"],
        copular_verbs=words["copular-verbs"],
        reader_words=words["reader-words"],
        negated_verbs=words["negated-verbs"],
        negations=words["negations"],
        followers=words["followers"],
        finite=words["finite"],
        noun_followers=words["noun-followers"],
        reader_lead_ins=reader_lead_ins,
        joining_lead_ins=joining_lead_ins,
        clause_end=words["clause-end"],
        subordinators=words["subordinators"],
        coordinators=words["coordinators"],
        invited_verbs=(words["reader-verbs"] - words["not-after-you-can"]) | words["after-you-can"],
        openers=words["negations"] | {lead_in[0] for lead_in in reader_lead_ins + joining_lead_ins},
    )


class CtaOptions(Options):
    window: float = option(0.25, minimum=0, maximum=1)  # the final share of the prose that must hold the CTA
    phrases: tuple[str, ...] = ()  # always a call to action, whatever their form
    extend_phrases: tuple[str, ...] = ()
    extend_verbs: tuple[str, ...] = ()  # more verbs that open a request to the reader


@rule(
    "C001",
    "missing-cta",
    Severity.WARNING,
    CtaOptions,
    kinds=("post", "landing"),
    languages=("en",),
    by_default=False,
    on_lone_drafts=True,
)
def missing_cta(doc: Document, opts: CtaOptions) -> Iterator[Problem]:
    """The end of the post has no call to action.

    Why: a reader who finished the post is ready for a next step (subscribe, try the
    tool, read the follow-up); without one, the post ends in a dead end. The final part
    is the last H2 section or the last `window` of the prose, whichever is longer.
    A call to action is recognised by its form: a sentence there that asks the reader
    to do something.
    - An imperative that opens a clause: at the sentence start, after `;` `:` or a dash,
      after `, and` / `, then` / `, so`, or after a lead-in ("If you use X, try ...",
      "To get started, install ..."). Examples: "Try ...", "Drop us a note", "Check out
      ...", "Next week we cover retries; add the feed ...", "Please ...", "Don't miss
      ...". The verb comes from a built-in list (`extend-verbs` adds more) and must read
      as a verb: in "Run time grew", "Use of", "Update:" or "Go 1.22 adds" it is a noun.
      In a list item or after `, and`, a change verb ("Add a timeout") counts only when
      the clause speaks to the reader ("you", "us"); list items that cite an issue
      ("[FLINK-123] - Check ...") are changelog entries and never count.
    - A question to the reader: "Have you hit this?", "What are your thoughts on X?",
      "Questions?", "Want to help?" ("What does this mean for users?" is not).
    - An invitation: "You can download ...", "We'd love to hear ...", "We encourage you
      to ...", "Feedback is welcome".
    - One of `phrases` / `extend-phrases` in the prose or a link's text (always a CTA).
    - A link styled as a button (class `cta`, `btn`, `button`, or `role="button"`).
    Descriptions ("The docs explain X", "We shared the results") are not calls to
    action, and neither is anything in a blockquote, in code, or in a clause that opens
    with a quotation mark.
    Example: "That is all we measured." -> end with "Run the benchmark on your service
    and tell us what you find."
    """
    if not doc.views.blocks:
        return
    start = _final_part_start(doc, opts.window)
    if find_cta(doc, opts, start) is None:
        whole = start <= doc.views.blocks[0].block.span.line  # the final part is all the prose
        yield Problem(
            Span.point(start),
            "no call to action in the final part of the post (from this line on)",
            about="post" if whole else "place",
        )


def find_cta(doc: Document, opts: CtaOptions, start: int) -> str | None:
    """The first text from line `start` on that reads as a call to action, if any."""
    links = [link for link in doc.links if link.span.line >= start]
    for link in links:
        if _styled_as_cta(link.classes, link.role):
            return link.text
    phrases = (*opts.phrases, *opts.extend_phrases)
    if any(p.strip() for p in phrases):  # no phrase configured (the default): nothing to search
        pattern = phrase_pattern(phrases).compiled()
        texts = [b.text for b in doc.blocks if b.kind != "table-cell" and b.span.line >= start]
        for text in [*texts, *(link.text for link in links)]:
            if pattern.search(text):
                return text
    verbs = lexicon().imperative_verbs | {v.strip().lower() for v in opts.extend_verbs}
    views = doc.views
    for sentence in views.sentences:
        block = views.blocks[sentence.block].block
        if block.span.line < start or block.kind == "quote":
            continue
        in_list = block.kind == "list-item"
        if in_list and _CHANGELOG_ENTRY.search(block.text):
            continue
        if asks_reader(sentence.text, verbs, in_list):
            return sentence.text
    return None


def asks_reader(sentence: str, verbs: frozenset[str], in_list: bool = False) -> bool:
    """Whether one sentence asks the reader to do something (see missing_cta's help)."""
    if _is_reader_question(sentence) or _invites(sentence):
        return True
    invited = _invited_verb(sentence)
    words = lexicon()
    if invited and invited in words.invited_verbs | (verbs - words.imperative_verbs):
        return True
    if not may_hold_request_verb(sentence, verbs):
        return False
    found = clauses(sentence)
    if not found:
        return False
    opening, *later = found
    if opening.lstrip(_MARKUP + _QUOTE_MARKS)[:1].islower():
        opening = ""  # a fragment that continues code or a list ("give the handler a ..."), not a sentence
    return any(_is_imperative(clause, verbs, in_list) for clause in (opening, *later))


def may_hold_request_verb(sentence: str, verbs: frozenset[str]) -> bool:
    """False only when no clause of `sentence` can open a request: none of its words is a verb.

    A screen that spares most sentences the clause search. Exact where it answers: for ASCII
    text lower() is the case-folding `_is_imperative` does, and every word token of a clause
    (cut after punctuation or a space) is a word token of the whole sentence. Otherwise (other
    text, or `extend-verbs` that are not words) it says True and the search decides.
    """
    wanted = _request_words(verbs)
    if wanted is None or not sentence.isascii():
        return True
    return not wanted.isdisjoint(_WORD_TOKEN.findall(sentence.lower()))


@lru_cache(maxsize=8)
def _request_words(verbs: frozenset[str]) -> frozenset[str] | None:
    """The words a request needs one of: a verb, or what follows "don't" ("miss", "wait")."""
    wanted = verbs | lexicon().negated_verbs
    return wanted if all(_WORD_TOKEN.fullmatch(word) for word in wanted) else None


def clauses(sentence: str) -> list[str]:
    """Clauses that may open with a request: after each break (kept at the clause's end,
    so "Update:" reads as a label) and after the comma that ends a lead-in."""
    cuts = [0, *(m.end() for m in _CLAUSE_BREAK.finditer(sentence)), len(sentence)]
    parts = [sentence[a:b] for a, b in itertools.pairwise(cuts) if sentence[a:b].strip()]
    found = list(parts)
    words = lexicon()
    for part in parts:
        opener = part.split(maxsplit=1)[0].lower() if part.strip() else ""
        lead_start = 0  # each comma ends a segment: "That said, if you notice a bug, file it"
        for match in itertools.islice(re.finditer(",", part), _MAX_LEAD_IN_COMMAS):
            lead = part[lead_start : match.start()].split()
            while lead and lead[0].lower() in words.coordinators | {"but"}:
                lead = lead[1:]  # "..., but if you do hit a problem, check out ..."
            subordinators = words.subordinators
            if lead and (opener in subordinators or lead[0].lower() in subordinators or len(lead) <= 4):
                found.append(part[match.end() :])
            lead_start = match.end()
    return [clause for clause in found if clause.strip()]


def _invites(sentence: str) -> bool:
    """Whether `_INVITATION` matches; most sentences lack every word it needs and skip the search."""
    if sentence.isascii():  # then IGNORECASE is ASCII case, which lower() and `in` match exactly
        lowered = sentence.lower()
        if not any(word in lowered for word in _INVITATION_WORDS):
            return False
    return _INVITATION.search(sentence) is not None


def _invited_verb(sentence: str) -> str | None:
    """The verb after "you can", "you may want to", ... (lowercase); an ASCII sentence without
    "you " (in any case) cannot match `_YOU_MAY` and is not searched."""
    if sentence.isascii() and "you " not in sentence.lower():
        return None
    invited = _YOU_MAY.search(sentence)
    return invited.group(1).lower() if invited else None


def _is_reader_question(sentence: str) -> bool:
    if not sentence.rstrip(_QUOTE_MARKS + ")]*_ ").endswith("?"):
        return False
    text = sentence.strip(" *_\"'“‘(")
    return bool(_TO_READER.search(text) or _ELLIPTIC_QUESTION.match(text))


def _is_imperative(clause: str, verbs: frozenset[str], in_list: bool) -> bool:
    """A clause that opens with a verb used as a request, not as a noun or a quotation."""
    text = clause.strip().lstrip(_MARKUP)
    if not text or text[0] in _QUOTE_MARKS:
        return False
    if not _may_open_request(text, verbs):
        return False
    tokens = [m.group() for m in itertools.islice(_TOKEN.finditer(text), _MAX_CLAUSE_TOKENS)]
    lowered = [w.lower().replace("’", "'") for w in tokens]
    skip, to_reader = _lead_in_length(lowered)
    if skip == len(tokens):
        return False
    words = lexicon()
    verb, rest, following = lowered[skip], lowered[skip + 1 :], tokens[skip + 1 : skip + 2]
    weak = in_list or (skip > 0 and lowered[0] in words.coordinators)  # "..., and keep using the old slice"
    speaks_to_reader = to_reader or any(word in words.reader_words for word in rest)
    if verb in words.negations:  # "Don't miss part two"; "Don't try to recover ..." in a changelog
        return bool(rest) and rest[0] in verbs | words.negated_verbs and (not weak or speaks_to_reader)
    if verb not in verbs:
        return False
    if not to_reader and not _reads_as_verb(verb, rest, following[0][0].isupper() if following else False):
        return False  # after "feel free to" a verb is a verb: "feel free to drop by"
    return not weak or verb in words.reader_verbs or verb not in words.imperative_verbs or speaks_to_reader


def _may_open_request(text: str, verbs: frozenset[str]) -> bool:
    """Whether the clause's first token is a verb, a lead-in's first word or a negation: most
    clauses open with none of them, and then no later token is read."""
    first = _TOKEN.search(text)
    opener = first.group().lower().replace("’", "'") if first else ""
    return opener in verbs or opener in lexicon().openers


def _lead_in_length(tokens: list[str]) -> tuple[int, bool]:
    """How many tokens "and", "then", "feel free to", ... take before the verb, and whether
    one of them was a lead-in that only a request to the reader has."""
    words = lexicon()
    skip, to_reader, changed = 0, False, True
    while changed:
        changed = False
        for lead_in in (*words.reader_lead_ins, *words.joining_lead_ins):
            if tokens[skip : skip + len(lead_in)] == lead_in and len(tokens) > skip + len(lead_in):
                skip, changed = skip + len(lead_in), True
                to_reader = to_reader or lead_in in words.reader_lead_ins
                break
    return skip, to_reader


def _reads_as_verb(verb: str, rest: list[str], name_follows: bool) -> bool:
    """Whether the words after `verb` make it a request ("Try the ...") or a noun ("Run time grew")."""
    if not rest:
        return True
    after, words = rest[0], lexicon()
    if verb == "let":
        return "know" in rest[:4] or "hear" in rest[:4]
    if verb == "have":  # "Have a look", not "Have fun" or "Have you ...?"
        return rest[:1] == ["a"] and rest[1:2] in (["look"], ["go"], ["try"], ["read"], ["play"])
    if (verb, after) in {("see", "you"), ("keep", "in")}:
        return False  # "See you soon", "Keep in mind": a farewell and a caveat, not a next step
    if verb == "go":
        return after in {"ahead", "and", "to", "over", "back", "through"} or after in words.imperative_verbs
    if after in (".", "!"):
        return True
    if not after[0].isalpha() or after in words.noun_followers or after in words.finite:
        return False
    if after in words.followers or verb in words.copular_verbs or name_follows:
        return True  # name_follows: "Try Rust 1.75", "Join Alice's workshop"
    return not _has_finite_verb(rest)


def _has_finite_verb(rest: list[str]) -> bool:
    """A finite verb before the clause's next break means `verb` headed a noun phrase."""
    words = lexicon()
    for word in rest:
        if word in words.clause_end:
            return False
        if word in words.finite or (len(word) > 4 and word.endswith("ed")):
            return True
    return False


def _final_part_start(doc: Document, window: float) -> int:
    """First line of the final part: the larger of the last H2 section and the window."""
    blocks = doc.views.blocks
    budget = doc.views.words * window
    window_start, seen = blocks[-1].block.span.line, 0
    for prose in reversed(blocks):
        window_start = prose.block.span.line
        seen += prose.words
        if seen >= budget:
            break
    last_h2 = max((h.span.line for h in doc.headings if h.level == 2), default=None)
    return min(window_start, last_h2) if last_h2 is not None else window_start


def _styled_as_cta(classes: tuple[str, ...], role: str | None) -> bool:
    return (role or "").lower() == "button" or any(_CTA_CLASS.search(c) for c in classes)
