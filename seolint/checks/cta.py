"""Call-to-action rule (C): a post should end by telling the reader what to do next.

A call to action is recognised by its form, not by a list of phrases: in the ending a reader
reads (seolint.checks.cta_ending sets back matter aside), a clause that opens with an
imperative about the reader's next step, a question put to the reader, an invitation, a
required action or a pointer onward (seolint.checks.cta_invitations), or a link styled as a
button. Each test is a small, named check, so a surprising verdict can be traced to one
lexicon entry or one pattern. The lexicon is data: cta_words.toml (seolint.checks.cta_lexicon).
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Iterator
from functools import cache, lru_cache, partial

from seolint.checks.cta_ending import CHANGELOG_ENTRY, Ending, ending, is_named
from seolint.checks.cta_invitations import (
    ASIDE,
    IN_THIS_POST,
    conditional_request,
    invites_in_other_words,
    points_onward,
    required_of_reader,
)
from seolint.checks.cta_lexicon import Lexicon, lexicon
from seolint.checks.cta_unread import is_note, is_unread, is_whole_unread, unread
from seolint.document.model import Document, Link, Span
from seolint.document.placeholders import is_placeholder_target
from seolint.findings.records import Problem, Severity
from seolint.registry.lazy_patterns import LazyRegex
from seolint.registry.options import Options, option
from seolint.registry.phrases import phrase_pattern
from seolint.registry.rule import rule

# Bounds that keep a pasted 100k-character "sentence" linear: a request shows in its opening.
_MAX_LEAD_IN_COMMAS = 3  # "If you use X, Y, or Z, try ..."
_MAX_CLAUSE_TOKENS = 40
_OBJECT_WORDS = 6  # a request's object is in the words right after its verb: "take a look at the tool"
_CLAUSE_OBJECTS = (["that"], ["what"], ["whether"], ["how"], ["which"])  # "Check that ...": a fact to verify
_TOKEN = re.compile(r"[A-Za-z][\w'’-]*|\d[\w.,%]*|[^\w\s]")
_WORD_TOKEN = re.compile(r"[A-Za-z][\w'’-]*")  # _TOKEN's first kind: the only one a verb can be
# Clause boundaries: ; : dashes, and ", and" / ", then" / ", so".
_CLAUSE_BREAK = re.compile(r"(?:[;:—–]|\s-\s)\s*|,\s*(?=(?:and|then|so)\b)")  # no leading \s*: linear
_QUOTE_MARKS = "\"'“‘”’«"
_OPENING_QUOTES = frozenset("“‘«")
_AFTER_GO = frozenset({"ahead", "and", "to", "over", "back", "through", "forth"})
_MARKUP = " *_(["
# A question that speaks to the reader: "Have you hit this?", "What's your approach?"
_TO_READER = LazyRegex(r"\b(?:you|your|yours|yourself|yourselves)\b", re.IGNORECASE)
_ELLIPTIC_QUESTION = LazyRegex(
    r"^(?:any\s+)?(?:questions|thoughts|feedback|ideas|comments|suggestions|interested|curious|"
    r"want|wanna|ready|keen|need|got|why not)\b",
    re.IGNORECASE,
)
_ANYONE = r"(?:you|everyone|all|readers|users|anyone)"
_INVITATION = LazyRegex(
    r"\bwe(?:'d|’d| would) (?:love|welcome|appreciate|be (?:happy|glad|delighted|grateful))\b"
    rf"|\bwe (?:[a-z]+ ){{0,3}}?(?:invite|encourage|urge|welcome) {_ANYONE}\b"
    rf"|\bwe(?:'d|’d| would) like to (?:ask|invite|encourage) {_ANYONE}\b"
    r"|\bwe welcome (?:your|any|contributions|feedback|help|questions|comments|pull|patches"
    r"|reviews|suggestions)\b"
    r"|\b(?:feedback|contributions?|pull requests?|PRs|patches|questions|comments|suggestions|reviews|help)"
    r" (?:is|are) (?:always |very |more than |most )*welcome"
    r"|\b(?:is|are) (?:[a-z]+ )?(?:invited|encouraged|welcome) to\b"  # "Participants are encouraged to ..."
    r"|\blook(?:ing)? forward to hearing\b"
    # "please pop by", whatever the verb; not "Please note" nor "as you please"
    r"|(?<!\bto )(?<!\bas )\bplease,? (?!note\b|excuse\b|bear\b)[a-z]",
    re.IGNORECASE,
)
# Words every _INVITATION match contains, one from each alternative: a sentence without
# any of them is not searched (the words are ASCII, so for ASCII text IGNORECASE is lower()).
_INVITATION_WORDS = (
    "we'd", "we’d", "we would", "invite", "encourage", "urge", "welcome",
    "forward to hearing", "please",
)  # fmt: skip
_YOU_MAY = LazyRegex(
    r"\byou (?:can|could|should|may|might|may want to|might want to|'ll want to|’ll want to)"
    r" (?:also |now |still |[a-z]+ly )?([a-z]+)",
    re.IGNORECASE,
)
_CTA_CLASS = LazyRegex(r"(?:^|[-_])(?:cta|btn|button)(?:$|[-_])", re.IGNORECASE)


class CtaOptions(Options):
    window: float = option(0.25, minimum=0, maximum=1)  # the final share of the prose that must hold the CTA
    phrases: tuple[str, ...] = ()  # always a call to action, whatever their form
    extend_phrases: tuple[str, ...] = ()
    extend_verbs: tuple[str, ...] = ()  # more verbs that open a request to the reader

    def what_counts(self) -> tuple[str, ...]:
        words = lexicon()
        verbs = len(words.imperative_verbs | {v.strip().lower() for v in self.extend_verbs})
        return (
            "a call to action, in the final part before back matter (`seolint explain C001`):",
            f"  an imperative about the reader's next step ({verbs} verbs, {len(words.reader_verbs)} of them"
            " reader-facing), a question to the reader, an invitation, a required action for the readers"
            " concerned, a link or section pointing onward, or one of `phrases`/`extend-phrases`",
            "  advice inside a section (before the last three paragraphs of the final section, or in a"
            f" list) counts only with 'your', 'us', 'our' or one of {len(words.onward_nouns)} things to read"
            f" or join (docs, PR ...), and {len(words.technique_verbs)} verbs of technique (check, see ...)"
            " not with 'your' alone",
            "  leftovers are no part of the ending: what S001-S010 find (labels, TODO notes, offers)",
            f"  back matter: {len(words.back_matter)} headings (Acknowledgements, Release notes, ...), issue"
            " lists, thanks, lists of names, a sign-off; word lists: seolint/checks/cta_words.toml",
        )


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
    tool, read the follow-up); without one, the post ends in a dead end.
    Where: the ending is read as a reader reads it. Trailing back matter is set aside
    first: sections headed Acknowledgements, Thanks, Contributors, Release notes, Footnotes,
    References (and the issue-type headings of release notes), lists of resolved issues,
    thanks and lists of names. The final part is then the last H2 section or the last
    `window` of the prose before it, whichever is longer, and at least its last three
    paragraphs. Leftovers are no part of it (a chatbot's offer, labels, outline markers,
    notes to the author such as "TODO: ask Sam", what the leftover rules S001-S010 find).
    What counts: a sentence there that addresses the reader with a next step.
    - An imperative about the reader's next step, opening a clause: at the sentence start,
      after `;` `:` or a dash, after `, and` / `, then` / `, so`, or after a lead-in ("If you
      use X, try ...", "To get started, install ..."): "Try ...", "Drop us a note", "Check
      out ...", "Please ...", "Don't miss ...". The verb comes from a built-in list
      (`extend-verbs` adds more) and must read as a verb ("Run time grew", "Use of", "Update:"
      are nouns). After "If you ..., " or the reader's next occasion ("Before your next
      upgrade, ", "Next time ..., ") any verb counts ("If you write a handler, consult the
      guide"). A symbol before the verb is read past ("👉 Pick one endpoint").
      The closing is the last three paragraphs of the final section (a list is one
      paragraph); before it a sentence is advice inside a section, and in a list item a step
      or a changelog entry. There a verb of technique ("Add a timeout", "Use a pool") counts
      only with the reader's own things, in the blog's voice ("your", "us", "our"), about
      something to read or take part in ("See the docs", "open a PR") or with when the reader
      does it ("today", "this week", "now" at the end), and a reader verb that
      also names a step ("check", "give", "read", "see", "watch") not with "your" alone:
      "Check that the old build ignores the column before you ship" is advice. A check of a
      fact ("Check what clients receive", "see whether ...") is advice wherever it is. So is the next
      step of a series that opens with another verb ("Compile in one stage, copy the artifact
      ...") and what spells out a statement before a colon ("The pattern works the same:
      build in a fat stage"), wherever they are.
    - A question to the reader: "Have you hit this?", "What's your approach?", "Questions?".
    - An invitation: "You can download ...", "We'd love to hear ...", "We encourage you to
      ...", "Feedback is welcome", "We hope you will try it", "Now is a great time to ...",
      "Let's connect", "We recommend upgrading"; a required action for the readers concerned
      ("If you use X, you will have to update it").
    - A pointer onward: a link in a sentence about more ("More details are in the
      changelog", "Read part two"), a link whose text opens with a reader's verb ("Sign up",
      "Read more"), or a section or list such as "Further reading" or "Next steps" with
      links; a link to nowhere (L001's placeholders) points nobody onward. A head such as
      "Help wanted:" or "Your turn:" makes the request after it the reader's, in any place.
    - One of `phrases` / `extend-phrases` in the prose or a link's text (always a CTA).
    - A link styled as a button (class `cta`, `btn`, `button`, or `role="button"`).
    Not: descriptions ("The docs explain X"), thanks and sign-offs ("Stay tuned for more
    updates", "Happy hacking!"), pointers within the post ("see below"), anything in a
    blockquote, in code, or in a clause that opens with a quotation mark.
    Example: "That is all we measured." -> end with "Run the benchmark on your service
    and tell us what you find."
    """
    if not doc.views.blocks:
        return
    left_over = unread(doc)
    skipped = partial(is_whole_unread, left_over=left_over)
    where = ending(doc, opts.window, lexicon().back_matter, skipped, left_over.marks)
    if find_cta(doc, opts, where) is None:
        whole = where.start <= doc.views.blocks[0].block.span.line  # the final part is all the prose
        yield Problem(
            Span.point(where.start),
            "no call to action in the final part of the post (from this line on)",
            about="post" if whole else "place",
        )


def find_cta(doc: Document, opts: CtaOptions, where: Ending) -> str | None:
    """The first text of the ending that reads as a call to action, if any."""
    start, end = where.start, where.end
    # A link to nowhere (`href="#"`, `[Link to ...]`, L001's placeholders) sends nobody onward.
    links = [link for link in doc.links if start <= link.span.line < end and _leads_somewhere(link)]
    words = lexicon()
    for link in links:
        label = link.text.lower().split()
        if _styled_as_cta(link.classes, link.role) or (len(label) > 1 and label[0] in words.invited_verbs):
            return link.text
    phrases = (*opts.phrases, *opts.extend_phrases)
    if any(p.strip() for p in phrases):  # no phrase configured (the default): nothing to search
        pattern = phrase_pattern(phrases).compiled()
        texts = [b.text for b in doc.blocks if b.kind != "table-cell" and start <= b.span.line < end]
        for text in [*texts, *(link.text for link in links)]:
            if pattern.search(text):
                return text
    if (section := _onward_section(doc, links, where)) is not None:
        return section
    verbs = words.imperative_verbs | {v.strip().lower() for v in opts.extend_verbs}
    views = doc.views
    linked = {line for link in links for line in range(link.span.line, link.span.end_line + 1)}
    left_over = unread(doc)
    for sentence in views.sentences:
        block = views.blocks[sentence.block].block
        if not start <= block.span.line < end or block.kind == "quote":
            continue
        if is_unread(sentence.text, block, left_over):
            continue  # the chatbot's offer, a note to the author, a label: not said to readers
        in_list = block.kind == "list-item"
        if in_list and CHANGELOG_ENTRY.search(block.text):
            continue
        weak = in_list or block.span.line < where.closing  # advice inside a section, a step
        has_link = any(line in linked for line in range(block.span.line, block.span.end_line + 1))
        asks = asks_reader(sentence.text, verbs, weak) or (has_link and points_onward(sentence.text))
        if asks and not is_note(sentence.text, block, doc):  # "TODO: ask Sam": a note to the author
            return sentence.text
    return None


def _onward_section(doc: Document, links: list[Link], where: Ending) -> str | None:
    """The heading of a "Further reading" or "Next steps" section of the ending with a link,
    or the head line of such a list ("Further reading:" above its items)."""
    headings = [h for h in doc.headings if h.span.line < where.end]
    stops = [*(h.span.line for h in headings[1:]), where.end][: len(headings)]
    for heading, stop in zip(headings, stops, strict=True):
        named = stop > where.start and is_named(heading.text, lexicon().onward)
        if named and any(heading.span.line < link.span.line < stop for link in links):
            return heading.text
    blocks = [prose.block for prose in doc.views.blocks if where.start <= prose.block.span.line < where.end]
    for head, items in itertools.pairwise(blocks):
        if items.kind == "list-item" and _heads_onward_list(head.text):
            after = (b.span.line for b in blocks if b.span.line > head.span.line and b.kind != "list-item")
            stop = next(after, where.end)
            if any(head.span.line < link.span.line < stop for link in links):
                return head.text
    return None


def _heads_onward_list(text: str) -> bool:
    """ "Further reading:", "Resources:" on its own line above a list."""
    head = text.strip().strip("*_")
    return head.endswith(":") and len(head.split()) <= 4 and is_named(head, lexicon().onward)


def asks_reader(sentence: str, verbs: frozenset[str], in_list: bool = False) -> bool:
    """Whether one sentence asks the reader to do something (see missing_cta's help)."""
    if IN_THIS_POST.search(sentence) or ASIDE.fullmatch(sentence):
        return False  # "You can find the list at the end of this post", "(Correction: ...)"
    words = lexicon()
    if _is_reader_question(sentence) or _invites(sentence) or invites_in_other_words(sentence, words):
        return True
    invited = _invited_verb(sentence)
    if invited and invited in words.invited_verbs | (verbs - words.imperative_verbs):
        return True
    if required_of_reader(sentence) or conditional_request(sentence, words):
        return True
    head, colon, _ = sentence.partition(":")
    if colon and len(head.split()) <= 4 and is_named(head, words.onward):
        in_list = False  # "Help wanted: try to reproduce ...": a head that calls on the reader
    if not may_hold_request_verb(sentence, verbs):
        return False
    found = _clauses(sentence)
    if not found:
        return False
    (opening, _), *later = found
    if opening.lstrip(_MARKUP + _QUOTE_MARKS)[:1].islower():
        opening = ""  # a fragment that continues code or a list ("give the handler a ..."), not a sentence
    found = [(opening, False), *later]
    return any(_is_imperative(clause, verbs, in_list, joined) for clause, joined in found)


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
    return [clause for clause, _ in _clauses(sentence)]


def _clauses(sentence: str) -> list[tuple[str, bool]]:
    """`clauses`, each with whether it is joined to the clause before it, which then says what
    it is: the next step of a series ("Compile in one stage, copy the artifact ...": a lead-in
    that opens with neither a word of function nor a verb of request is itself a step), or a
    statement before a colon that it spells out ("The pattern works the same: build in ...")."""
    cuts = [0, *(m.end() for m in _CLAUSE_BREAK.finditer(sentence)), len(sentence)]
    parts = [sentence[a:b] for a, b in itertools.pairwise(cuts) if sentence[a:b].strip()]
    words = lexicon()
    found = [(part, _explains(before, words)) for before, part in zip(("", *parts), parts, strict=False)]
    for part in parts:
        opener = part.split(maxsplit=1)[0].lower() if part.strip() else ""
        lead_start = 0  # each comma ends a segment: "That said, if you notice a bug, file it"
        for match in itertools.islice(re.finditer(",", part), _MAX_LEAD_IN_COMMAS):
            lead = part[lead_start : match.start()].split()
            while lead and lead[0].lower() in words.coordinators | {"but"}:
                lead = lead[1:]  # "..., but if you do hit a problem, check out ..."
            subordinators = words.subordinators
            if lead and (opener in subordinators or lead[0].lower() in subordinators or len(lead) <= 4):
                found.append((part[match.end() :], _is_step(lead[0].lower().strip(_MARKUP))))
            lead_start = match.end()
    return [(clause, joined) for clause, joined in found if clause.strip()]


def _explains(before: str, words: Lexicon) -> bool:
    """Whether a clause after `before` spells out a statement ("The pattern works the same for
    Rust: build in a fat stage, run in a thin one"): `before` ends in a colon and says
    something (a finite verb) without asking it."""
    if not before.rstrip().endswith(":"):
        return False
    said = [word.lower() for word in _WORD_TOKEN.findall(before)]
    asked = [word.lower() for word in _WORD_TOKEN.findall(before.rsplit(",", 1)[-1])][:1]
    requests = words.imperative_verbs | words.negations
    if not said or said[0] in words.imperative_verbs or (asked and asked[0] in requests):
        return False  # a request before the colon ("Next time it fails, don't guess: bisect")
    return any(word in words.finite for word in said)


def _is_step(word: str) -> bool:
    """Whether a lead-in that opens with `word` is a step of a series, not a lead-in proper:
    "Compile in one stage," but not "For details," "That said," "Now," or "Finally,"."""
    return word.isalpha() and word not in _not_steps()


@cache
def _not_steps() -> frozenset[str]:
    """Words that open a lead-in proper, and the verbs of request."""
    words = lexicon()
    return words.not_verbs | words.subordinators | words.coordinators | words.openers | words.imperative_verbs


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


def _is_imperative(clause: str, verbs: frozenset[str], in_list: bool, joined: bool = False) -> bool:
    """A clause that opens with a verb used as a request, not as a noun or a quotation.

    `in_list`: the clause is advice inside a section or a step in a list, where a verb of
    technique addresses the reader too ("Check that the old build ignores the column before
    you ship"): there it asks only about the reader's own things ("your"), in the blog's
    voice ("us", "our"), about something to read or take part in ("See the docs", "open a
    PR") or as a challenge ("see if you can ..."), and a reader verb that also names a step of
    technique ("check", "give", "read", "watch") not about the reader's own things alone."""
    text = _opening_symbols(clause.strip().lstrip(_MARKUP))
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
    weak = in_list or joined or (skip > 0 and lowered[0] in words.coordinators)  # "..., and keep using it"
    speaks_to_reader = to_reader or any(word in words.reader_words for word in rest)
    if verb in words.negations:  # "Don't miss part two"; "Don't try to recover ..." in a changelog
        return bool(rest) and rest[0] in verbs | words.negated_verbs and (not weak or speaks_to_reader)
    if verb not in verbs:
        return False
    if not to_reader and not _reads_as_verb(verb, rest, following[0][0].isupper() if following else False):
        return False  # after "feel free to" a verb is a verb: "feel free to drop by"
    if verb in words.technique_verbs and rest[:1] in _CLAUSE_OBJECTS:
        in_list = True  # "Check what clients receive, not what is on disk": a check of a fact
    if in_list:
        return _asks_inside_section(verb, rest, to_reader)
    if not weak:
        return True
    return verb in words.reader_verbs or verb not in words.imperative_verbs or speaks_to_reader


def _asks_inside_section(verb: str, rest: list[str], to_reader: bool) -> bool:
    """Whether a request inside a section is the reader's next step, not advice ("you" is how
    advice speaks too): it points onward, or a verb that is not one of technique asks about
    the reader's own things ("Add the feed to your reader")."""
    words = lexicon()
    challenge = rest[1:3] == ["you", "can"] and rest[0] in ("if", "whether")  # "see if you can spot it"
    blog_voice = any(word in words.blog_words for word in rest)
    onward = to_reader or challenge or blog_voice or rest[:1] == ["out"]
    if onward or _names_onward(rest) or _on_next_occasion(rest):
        return True
    if verb in words.technique_verbs:
        return False
    owned = any(word in words.owned_words for word in rest)
    return owned or verb in words.reader_verbs or verb not in words.imperative_verbs


def _on_next_occasion(rest: list[str]) -> bool:
    """Whether a request names when the reader does it, after reading: "today", "this week",
    "right now", or "now" at its end ("Run it on your cluster now", "... now and compare")."""
    occasions = lexicon().occasions
    pairs = {" ".join(pair) for pair in itertools.pairwise(rest)}
    after = rest[rest.index("now") + 1 :][:2] if "now" in rest else ["(none)"]
    now = after[:1] in ([], ["."], ["!"]) or (after[:1] == ["and"] and after != ["and", "then"])
    return now or not occasions.isdisjoint({*rest, *pairs})


def _names_onward(rest: list[str]) -> bool:
    """Whether the object of a request, in the words after its verb, is something to read or
    take part in ("the docs", "a PR", "a look at the tool"); not a name such as "docs.rs"."""
    nouns = lexicon().onward_nouns
    for i, word in enumerate(rest[:_OBJECT_WORDS]):
        dotted = rest[i + 1 : i + 2] == ["."] and rest[i + 2 : i + 3] and rest[i + 2][0].isalpha()
        if word in nouns and not dotted:
            return True
    return False


def _opening_symbols(text: str) -> str:
    """`text` without the symbols that may point at a request ("👉 Pick one endpoint", "→ Try it")."""
    start = 0
    while start < len(text) and (unicodedata.category(text[start])[0] == "S" or text[start] in "\ufe0f "):
        start += 1
    return text[start:]


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
    if (verb, after) == ("stay", "tuned"):  # a sign-off, unless it names what comes next
        return rest[1:2] == ["for"] and rest[2:3] in (["the"], ["our"], ["part"], ["next"])
    if verb == "go":  # "Go ahead", "Go forth and test"; "Go 1.22 adds" names the language
        return after in _AFTER_GO or after in words.imperative_verbs
    if after in (".", "!") or after in _OPENING_QUOTES:  # "See “Go and GODEBUG” for details"
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


def _leads_somewhere(link: Link) -> bool:
    return link.generated or not is_placeholder_target(link.href)


def _styled_as_cta(classes: tuple[str, ...], role: str | None) -> bool:
    return (role or "").lower() == "button" or any(_CTA_CLASS.search(c) for c in classes)
