"""The grammar of address (part of S007 and S008): a clause spoken to the one who asked for
the draft, about the draft, the assistant, or the work still to do on it.

A post speaks to its readers about their systems ("replace `example.com` with your domain",
"verify the checksum"); an assistant speaks to its requester about the draft ("swap in real
numbers for the figures above", "I kept the intro short", "Want a shorter version?"). Both say
"I" and "you" and give orders, so no word tells them apart: the clause's shape does. A
sentence is read as tokens and cut into clauses; in each, its head (who acts, and how), its
verb and its object are found with word classes from assistant_words.toml (`address-*`):

- the assistant reports on its work on the draft: "I" with a past verb of writing or
  choosing and an object that is a part of the draft or a cue of the request ("since you
  said your readers ..."); what it could not check ("I wasn't able to verify the figures");
- the draft's material is said to be made up: "my figures are illustrative", "these numbers
  are placeholders";
- a directive to the writer whose object is the draft's material: a part of the draft ("tweak
  the headline"), a fact with a cue that the draft holds or invented it ("double-check the
  version numbers in the install section", "swap the sample quote for a real one"), or an
  artifact to put in at a place of the draft ("add a screenshot after the second step");
- an offer about the draft: a version, a format or a change of it ("Should I expand the
  troubleshooting part?", "Happy to rework the ending", "Let me know if the tone should be
  more formal").

The object is a noun phrase found by its closed-class boundaries (prepositions, conjunctions,
marks) and classed by the word it ends in, so "the placeholder values" names values, not
placeholders, and "your config" is the reader's. Where a sentence stands weighs too: a note
set apart (in parentheses or brackets, or after a label such as "Reminder:") or the first or
last blocks of the draft, where an assistant frames it, let a weaker cue count; in a post
about writing, where "delete the outline when the draft is done" is advice, a part must be
pointed at as this draft's ("this intro", "the CTA above").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from functools import cache

from seolint.checks.leftover_lexicon import assistant_words
from seolint.discover.records import NamedTuple

Tokens = Sequence[str]

SAID_WHAT_IT_DID = "says what it did to the draft"
COULD_NOT_CHECK = "speaks of itself as a model"
MADE_UP = "says the draft's facts are made up"
TELLS_TO_CHANGE = "tells the requester to change the draft"
TELLS_TO_CHECK = "tells the requester to check the draft's facts"
OFFERS = "offers to change the draft"


class Place(NamedTuple):
    """Where a sentence stands in the draft."""

    edge: bool  # in the first or last few blocks, where an assistant frames its draft
    aside: bool  # set apart from the text: in parentheses or brackets
    listed: bool = False  # a list item: a bare directive there is a step
    quoted: bool = False  # a blockquote: someone else's words, unless a note's label opens it
    # Whether the post's own sentences speak of drafts' parts (advice on writing), asked only
    # when a part of a draft is named: most documents are never asked.
    about_writing: Callable[[], bool] = lambda: False
    closing: bool = True  # the last sentence of its block: no answer of the post's follows a question


class Phrases:
    """The phrases of one word class, found at a token's position (longest first)."""

    __slots__ = ("_by_first", "phrases", "words")

    def __init__(self, phrases: Iterable[str]) -> None:
        self.phrases = tuple(phrases)
        by_first: dict[str, list[tuple[str, ...]]] = {}
        for phrase in self.phrases:
            words = tuple(phrase.split())
            by_first.setdefault(words[0], []).append(words)
        self._by_first = {
            first: tuple(sorted(found, key=len, reverse=True)) for first, found in by_first.items()
        }
        self.words = frozenset(by_first)  # each phrase's first word

    def at(self, tokens: Tokens, index: int) -> int:
        """The length of the longest phrase starting at `tokens[index]`, 0 when none does."""
        if index >= len(tokens):
            return 0
        for phrase in self._by_first.get(tokens[index], ()):
            if tuple(tokens[index : index + len(phrase)]) == phrase:
                return len(phrase)
        return 0

    def ending_at(self, tokens: Tokens, first: int, end: int) -> int:
        """The length of the longest phrase in tokens[first:end] that ends at `end`, 0 when none does."""
        for start in range(max(first, end - 4), end):
            length = self.at(tokens, start)
            if start + length == end:
                return length
        return 0

    def find(self, tokens: Tokens, start: int = 0, end: int | None = None) -> int:
        """Where the first phrase in tokens[start:end] starts, -1 when none is there."""
        stop = len(tokens) if end is None else end
        for index in range(start, stop):
            if tokens[index] in self.words:
                length = self.at(tokens, index)
                if length and index + length <= stop:
                    return index
        return -1


class Lexicon(NamedTuple):
    """The grammar's word classes (assistant_words.toml says what each is for)."""

    self_: frozenset[str]
    did: frozenset[str]
    check: frozenset[str]
    directives: frozenset[str]
    inserting: frozenset[str]
    replacing: frozenset[str]
    editing: frozenset[str]
    offers: frozenset[str]
    parts: Phrases
    weak_parts: Phrases
    facts: Phrases
    strong_artifacts: Phrases
    artifacts: Phrases
    invented: Phrases
    invented_weak: Phrases
    real: Phrases
    deliverables: Phrases
    properties: Phrases
    requester: Phrases
    places: Phrases
    asking: Phrases
    labels: Phrases


@cache
def lexicon() -> Lexicon:
    data = assistant_words()

    def words(key: str) -> frozenset[str]:
        return frozenset(data[f"address-{key}"].split())

    def phrases(key: str) -> Phrases:
        return Phrases(data[f"address-{key}"])

    return Lexicon(
        self_=words("self"),
        did=words("did"),
        check=words("check"),
        directives=words("directives"),
        inserting=words("inserting"),
        replacing=words("replacing"),
        editing=words("editing"),
        offers=words("offers"),
        parts=phrases("parts"),
        weak_parts=phrases("weak-parts"),
        facts=phrases("facts"),
        strong_artifacts=phrases("strong-artifacts"),
        artifacts=phrases("artifacts"),
        invented=phrases("invented-strong"),
        invented_weak=phrases("invented-weak"),
        real=phrases("real"),
        deliverables=phrases("deliverables"),
        properties=phrases("properties"),
        requester=phrases("requester"),
        places=phrases("places"),
        asking=phrases("asking"),
        labels=phrases("note-labels"),
    )


# --- tokens and the noun phrase --------------------------------------------------------------

_TOKEN = re.compile(r"[a-z0-9]+(?:['.-][a-z0-9]+)*|[(\[\]),;:?!—–]", re.IGNORECASE)
_STOPS = frozenset({"(", ")", "[", "]", ",", ";", ":", "?", "!", "—", "–"})
_STRONG_STOPS = _STOPS - {","}


def tokens_of(text: str) -> list[str]:
    """The words and clause marks of `text`, as written, with one kind of apostrophe."""
    return _TOKEN.findall(text.replace("’", "'"))


# The closed classes a noun phrase is found by.
_DETERMINERS = frozenset(
    {"the", "this", "these", "those", "that", "a", "an", "any", "all", "each", "every", "some", "my",
     "your", "our", "its", "their", "both", "another"}
)  # fmt: skip
_DEICTIC = frozenset({"this", "these", "those"})
_OWNED = frozenset({"your", "their", "our"})  # "your config", "your intro": the reader's own
_NP_ENDS = frozenset(
    {"with", "in", "for", "from", "to", "of", "on", "at", "against", "into", "onto", "by", "about", "as",
     "so", "and", "or", "but", "if", "when", "where", "before", "after", "once", "until", "since",
     "because", "then", "which", "that", "who", "i", "you", "we", "it", "they", "he", "she", "is",
     "are", "was", "were", "be", "been", "will", "would", "should", "could", "can", "may", "might",
     "must", "here", "there", "above", "below", "too", "also", "instead", "throughout", "again",
     "yourself", "now", "later", "first", "please", "while", "than", "via", "per", "like",
     "wherever", "whenever", "unless", "everywhere", "anywhere", "under", "over", "between", "among",
     "across", "around", "near", "inside", "within", "without", "behind", "beside", "beneath", "toward",
     "towards", "upon", "including", "except", "through", "next"}
)  # fmt: skip
_PARTICLES = frozenset({"in", "up", "out", "over", "through", "down"})
_PRONOUNS = frozenset({"it", "this", "them", "that", "everything", "these", "those", "one"})
_PARTICIPLE = re.compile(r"(?:ed|en)$")
_NP_WORDS = 6
_POINTED = frozenset({"the", "this", "that", "these", "those", "each", "every"})


class NounPhrase(NamedTuple):
    start: int  # its first word after the determiner
    end: int  # past its last word
    determiner: str
    head: str  # "part", "weak part", "fact", "strong artifact", "artifact", "deliverable", "pronoun" or ""

    def empty(self) -> bool:
        return self.end <= self.start


def noun_phrase(tokens: Tokens, index: int) -> NounPhrase:
    """The noun phrase at `tokens[index]`: a determiner, then words up to a closed-class word
    or a mark; its head is the word class of the phrase it ends in."""
    determiner = ""
    if index < len(tokens) and tokens[index] in _DETERMINERS:
        determiner = tokens[index]
        index += 1
        if determiner in ("all", "some", "each", "any"):  # "all of the numbers", "all the numbers"
            index += tokens[index : index + 1] == ["of"]
            index += tokens[index : index + 1] == ["the"]
    start = end = index
    while (
        end < len(tokens)
        and tokens[end] not in _NP_ENDS
        and tokens[end] not in _STOPS
        and end - start < _NP_WORDS
    ):
        end += 1
    if end == start and index < len(tokens) and tokens[index] in _PRONOUNS:
        return NounPhrase(index, index + 1, determiner, "pronoun")
    if end - start > 1 and _PARTICIPLE.search(tokens[end - 1]) and _classed(tokens, start, end - 1):
        end -= 1  # "the sources section trimmed": the noun, then what is to be done to it
    head = _classed(tokens, start, end)
    if head in ("part", "weak part") and tokens[end : end + 1] in (["to"], ["of"], ["on"], ["about"]):
        head = ""  # "a short introduction to GitOps", "a draft of the proposal": a topic's
    if not head and end == start and determiner in _DEICTIC:
        head = "pronoun"  # "split this into two posts"
    return NounPhrase(start, end, determiner, head)


def subject_phrase(tokens: Tokens, index: int) -> NounPhrase:
    """The noun phrase at `tokens[index]` as a clause's subject: it ends at its first word of a
    class, where a verb may follow that no closed class ends it at ("these figures match ...")."""
    phrase = noun_phrase(tokens, index)
    for end in range(phrase.start + 1, phrase.end):
        head = _classed(tokens, phrase.start, end)
        if head:
            return phrase._replace(end=end, head=head)
    return phrase


def _classed(tokens: Tokens, start: int, end: int) -> str:
    """The word class of the phrase tokens[start:end] ends in, "" when none."""
    words = lexicon()
    for name, phrases in (
        ("part", words.parts),
        ("weak part", words.weak_parts),
        ("fact", words.facts),
        ("strong artifact", words.strong_artifacts),
        ("artifact", words.artifacts),
        ("deliverable", words.deliverables),
    ):
        if phrases.ending_at(tokens, start, end):
            return name
    return ""


class _Sentence:
    """A sentence's tokens (as written, and lower case) and where it stands."""

    def __init__(self, written: Tokens, place: Place) -> None:
        self.written = written
        self.tokens = [token.lower() for token in written]
        self.place = place

    def has(self, phrases: Phrases, start: int = 0) -> bool:
        return phrases.find(self.tokens, start) >= 0

    def requester(self, start: int = 0) -> bool:
        """Whether a cue of the request or of publishing follows `start` ("you said", "your
        readers", "before publishing"; not "before you publish the package")."""
        cues = lexicon().requester
        found = cues.find(self.tokens, start)
        while found >= 0:
            if self._whole(found + cues.at(self.tokens, found)):
                return True
            found = cues.find(self.tokens, found + 1)
        return False

    def _whole(self, index: int) -> bool:
        """Whether a cue ending before `tokens[index]` has no object of the reader's after it."""
        tokens = self.tokens
        if index >= len(tokens) or tokens[index] in _STOPS:
            return True
        if tokens[index - 1] not in ("publish", "post", "publishing", "posting"):
            return True
        if tokens[index] in ("the", "your"):
            return tokens[index + 1 : index + 2] in (["post"], ["draft"], ["article"], ["piece"])
        return tokens[index] in ("it", "this", "so", "and", "or", "but", "please")

    def ends_in_question(self) -> bool:
        return self.tokens[-1] == "?"

    def framed(self) -> bool:
        """At the draft's edge, or set apart from the text."""
        return self.place.edge or self.place.aside


# --- reading a sentence -------------------------------------------------------------------------


def address_form(text: str, place: Place) -> str | None:
    """What the sentence `text` does as a sentence to the requester (see the module's
    docstring), or None when it is a sentence for readers."""
    if not _may_hold_form(text):
        return None  # most sentences
    written = tokens_of(text)
    if not written:
        return None
    sentence = _Sentence(written, place)
    tokens = sentence.tokens
    if tokens[0] in ("if", "when", "whenever", "once") and tokens[1:2] in (["a"], ["an"], ["any"], ["every"]):
        return None  # "If a post gets traffic but no clicks, rewrite the CTA": advice on any post
    if place.quoted:  # a quotation, unless a note's label opens it ("> Reminder: ...")
        label = lexicon().labels.at(tokens, 0)
        if not label or tokens[label : label + 1] != [":"]:
            return None
        sentence.place = place._replace(aside=True)
    for start in _clause_starts(tokens):
        form = _read_clause(sentence, start)
        if form is not None:
            return form
    return None


class _Heads(NamedTuple):
    """What may open a clause of one of the forms, as `_may_hold_form` reads it."""

    single: frozenset[str]  # a clause opening with one of these words may open a form
    pairs: frozenset[tuple[str, str]]  # or with one of these two ("you should", "the editor")
    self_: frozenset[str]  # "I", "I've": a verb of the forms follows within a few words
    after_self: frozenset[str]
    asking: Phrases  # "please", "you'll want to": a directive's verb follows
    directives: frozenset[str]  # a directive's verb: the sentence names some of the draft's material
    material: frozenset[str]  # the words of what a directive may be about
    others: Phrases  # heads that may open a form whatever follows: "should I", "happy", "let me know"


@cache
def _heads() -> _Heads:
    words = lexicon()
    others = {"my", *_GLAD, *(" ".join(head) for head in (*_OFFER_HEADS, *_KNOW_HEADS, *_CHECKED_HEADS))}
    others |= {f"{modal} {adverb}" for modal in ("could", "can") for adverb in _ADVERBS}
    others |= {
        f"{modal} {det}"
        for modal in ("should", "shall", "would", "could")
        for det in ("the", "this", "a", "an")
    }
    after_self = {*words.did, *_MODALS, *_GLAD, "be", "am", "unable", "able", "sure", "know"}
    after_self |= {"tell", *(head[0] for head in (*_COULD_NOT, *_NOT_DONE, *_UNSURE))}
    classes = (words.parts, words.weak_parts, words.facts, words.strong_artifacts, words.artifacts,
               words.deliverables, words.invented, words.invented_weak, words.real, words.requester,
               words.places)  # fmt: skip
    material = {word for phrases in classes for phrase in phrases.phrases for word in phrase.split()}
    heads = [phrase.split() for phrase in (*others, *words.asking.phrases)]
    single = {*words.self_, *words.directives, *(head[0] for head in heads if len(head) == 1)}
    return _Heads(
        frozenset(single),
        frozenset((head[0], head[1]) for head in heads if len(head) > 1 and head[0] not in single),
        words.self_,
        frozenset(after_self),
        words.asking,
        words.directives,
        frozenset(material - _NP_ENDS - _DETERMINERS - {"you", "your", "a", "an"}),
        Phrases(others),
    )


# The first two words of each clause (a mark starts one), past a note's marks and `_OPENERS`.
_CLAUSE_HEAD = re.compile(
    r"(?:^|[,;:!?()\[\]—–])[^a-z0-9]{0,4}?(?:(?:and|so|but|then|also|oh|ok|okay|one)\s+)*"
    r"([a-z][a-z'-]*)(?:\s+([a-z][a-z'-]*))?"
)
_PUNCTUATION = str.maketrans(dict.fromkeys(',;:!?()[]—–.*_"“”`', " "))
_SELF_REACH = 5  # words after "I" its verb may be ("I've also deliberately kept")
_READ_WORDS = 8


def _may_hold_form(text: str) -> bool:
    """Whether a clause of `text` opens with what opens one of the forms, and what must come
    with it does: one search for the first words of its clauses and a few lookups, which rule
    out nearly every sentence before it is read as tokens. A clause starts where
    `_clause_starts` starts one, or more often."""
    heads = _heads()
    lowered = text.lower().replace("’", "'")
    named: bool | None = None  # whether the sentence names some of the draft's material
    for found in _CLAUSE_HEAD.finditer(lowered):
        head, second = found.group(1, 2)
        opens = found.start() == 0 or lowered[found.start()] == ":"  # the sentence's subject, or a note's
        if opens and (head in _DETERMINERS or head == "everything") and _said_made_up(lowered):
            return True
        if head not in heads.single and (head, second) not in heads.pairs:
            continue  # most clauses
        words = lowered[found.start(1) :].split(None, _READ_WORDS)
        if head in heads.self_:
            if any(word.strip(_EDGES) in heads.after_self for word in words[1:_SELF_REACH]):
                return True
            continue
        verb = heads.asking.at(words, 0)
        verb += heads.asking.at(words, verb)
        if verb < len(words) and (words[verb] in heads.directives or _base(words[verb]) in heads.directives):
            if named is None:
                named = not heads.material.isdisjoint(lowered.translate(_PUNCTUATION).split())
            if named:
                return True
        if heads.others.at(words, 0):
            return True
    return False


_EDGES = ".,;:!?*_\"'“”)"
_SUBJECT_WORDS = 9  # words a sentence's subject and copula may take ("All of the latency numbers here are")


def _said_made_up(lowered: str) -> bool:
    """Whether a sentence opening with a determiner says, after its first copula, that
    something is made up ("These numbers are made up", "The figures above are estimates")."""
    words = lowered.translate(_PUNCTUATION).split(None, _SUBJECT_WORDS + 4)
    for at, word in enumerate(words[:_SUBJECT_WORDS]):
        if word in _COPULAS:
            at += 1
            while at < len(words) and words[at] in _HEDGES:
                at += 1
            return bool(lexicon().invented.at(words, at) or lexicon().invented_weak.at(words, at))
    return False


def _clause_starts(tokens: Tokens) -> list[int]:
    """Where clauses may start: the sentence's start, after a mark ("Reminder: ...", "...;
    swap in ..."), and after a conjunction that follows one ("..., so please verify ...")."""
    starts = [0]
    for index, token in enumerate(tokens[:-1]):
        mark = token in _STOPS and token not in ("(", "[")
        if mark or (token in ("so", "and", "but", "then", "or") and index and tokens[index - 1] in _STOPS):
            starts.append(index + 1)
    return starts


_OPENERS = frozenset({"and", "so", "but", "then", "also", "oh", "ok", "okay", "one"})
_LEAD_WORDS = frozenset(
    {"also", "oh", "and", "one", "more", "thing", "quick", "a", "btw", "finally", "ps", "p.s"}
)


def _leads(tokens: Tokens, start: int) -> bool:
    """Whether a clause opens its sentence, or follows only a note's label or an opener
    ("Quick note: I kept ...", "Also, I've assumed ..."): "..., so I left a placeholder" is a
    clause of someone else's sentence."""
    labels = lexicon().labels
    return all(
        token in _STOPS or token in _LEAD_WORDS or labels.at(tokens, at)
        for at, token in enumerate(tokens[:start])
    )


def _read_clause(sentence: _Sentence, start: int) -> str | None:
    tokens = sentence.tokens
    index = start
    while index < len(tokens) and tokens[index] in _OPENERS:
        index += 1
    if index >= len(tokens):
        return None
    if tokens[index] in lexicon().self_ or tokens[index] == "my":
        found = None
        if _leads(tokens, start):
            found = (
                _self_report(sentence, index)
                or _could_not_check(sentence, index)
                or _unsure_of_request(sentence, index)
                or _mine_made_up(sentence, index)
            )
        return found or _offer(sentence, index)
    return (
        _described_made_up(sentence, index)
        or _offer(sentence, index)
        or _checked_that(sentence, index)
        or _directive(sentence, index)
    )


# --- the assistant on itself and on the draft's facts -------------------------------------------

_AUX = frozenset(
    {"have", "'ve", "had", "has", "did", "do", "didn't", "haven't", "hadn't", "wasn't", "couldn't",
     "can't", "cannot", "could", "can", "will", "'ll", "would", "'d", "am", "was", "not", "just",
     "also", "deliberately", "intentionally", "mostly", "only", "mainly", "purposely", "simply",
     "already", "therefore", "still", "even"}
)  # fmt: skip
_INVENTING = frozenset({"invented", "guessed", "estimated", "fabricated", "approximated", "made"})
_COULD_NOT = (
    ("couldn't",), ("could", "not"), ("wasn't", "able", "to"), ("was", "not", "able", "to"),
    ("was", "unable", "to"), ("am", "unable", "to"), ("can't",), ("cannot",), ("can", "not"),
    ("haven't", "been", "able", "to"), ("have", "not", "been", "able", "to"), ("didn't", "get", "to"),
    ("don't", "have", "a", "way", "to"), ("had", "no", "way", "to"), ("have", "no", "way", "to"),
)  # fmt: skip
_NOT_DONE = (("haven't",), ("have", "not"), ("didn't",), ("did", "not"))
_NOT_CHECKED = frozenset({"tested", "run", "checked", "verified", "compiled", "executed", "confirmed"})
_COPULAS = frozenset({"are", "is", "were", "was"})
_HEDGES = frozenset(
    {"just", "only", "all", "mostly", "purely", "currently", "still", "not", "rough", "meant", "to", "be",
     "intended", "here"}
)  # fmt: skip


def _verb_after_self(tokens: Tokens, index: int) -> int:
    """The index of the main verb after "I" and its auxiliaries ("I've also deliberately kept")."""
    at = index + 1
    while at < len(tokens) and tokens[at] in _AUX:
        at += 1
    return at


def _self_report(sentence: _Sentence, index: int) -> str | None:
    """ "I kept the intro short", "I went with a conversational tone since the brief ...",
    "I've assumed you run Postgres 16" (framed), "I guessed at the pricing" (framed)."""
    tokens = sentence.tokens
    if (
        tokens[index] == "my"
        or tokens[index] == "i'll"
        or tokens[index + 1 : index + 2] in (["will"], ["'ll"])
    ):
        return None  # a plan, not a report
    verb = _verb_after_self(tokens, index)
    if verb >= len(tokens) or tokens[verb] not in lexicon().did:
        return None
    if tokens[verb - 1] in ("to", "used") or tokens[verb + 1 : verb + 2] == ["to"]:
        return None  # "I used to think", "I tried to"
    rest = verb + 1
    while rest < len(tokens) and (tokens[rest] in _PARTICLES or tokens[rest] in ("with", "on")):
        rest += 1
    phrase = noun_phrase(tokens, rest)
    if phrase.determiner not in _OWNED and _this_drafts_part(sentence, phrase, aside_counts=False):
        return SAID_WHAT_IT_DID
    if sentence.requester(rest):
        return SAID_WHAT_IT_DID
    if not sentence.framed():
        return None
    part = phrase.head == "weak part" or (
        not phrase.head and _classed(tokens, phrase.start, phrase.end) == "weak part"
    )
    whole = tokens[phrase.end - 1 : phrase.end] in (
        ["post"],
        ["article"],
        ["piece"],
        ["copy"],
    )  # "I wrote this post"
    if part and not whole and phrase.determiner in ("the", "this", "each", "every"):
        return SAID_WHAT_IT_DID  # "I skipped the section on mTLS", at the draft's edge
    if tokens[verb] == "assumed" and (tokens[index] == "i've" or "have" in tokens[index + 1 : verb]):
        following = tokens[
            rest : rest + 2
        ]  # "I've assumed you run Postgres 16"; "I assumed the cache was warm"
        if following[:1] in (["you"], ["your"], ["readers"], ["that"]) or following == ["the", "reader"]:
            return SAID_WHAT_IT_DID
    if phrase.head == "fact" and _any_check(sentence):
        return SAID_WHAT_IT_DID  # "I based the latency numbers on public benchmarks, so swap them ..."
    if tokens[verb] in _INVENTING and (tokens[verb] != "made" or tokens[rest : rest + 1] == ["up"]):
        made = noun_phrase(tokens, rest + (tokens[verb] == "made") + (tokens[rest : rest + 1] == ["at"]))
        if made.head in ("fact", "artifact"):
            return SAID_WHAT_IT_DID
    return None


_UNSURE = (
    ("wasn't", "sure"),
    ("was", "not", "sure"),
    ("didn't", "know"),
    ("did", "not", "know"),
    ("couldn't", "tell"),
)
_WH = frozenset({"which", "what", "whether", "if", "how", "who", "where"})


def _unsure_of_request(sentence: _Sentence, index: int) -> str | None:
    """ "I wasn't sure which cloud you use, so ...": what the assistant did not know of the
    requester, at the draft's edge."""
    tokens = sentence.tokens
    length = _starts(tokens, index + 1, _UNSURE)
    at = index + 1 + length
    if not length or tokens[index] != "i" or not tokens[at : at + 1] or tokens[at] not in _WH:
        return None
    asked = any(token in ("you", "you'd", "you're", "your", "you've") for token in tokens[at + 1 : at + 5])
    return SAID_WHAT_IT_DID if asked and sentence.framed() else None


def _could_not_check(sentence: _Sentence, index: int) -> str | None:
    """ "I wasn't able to verify the benchmark results", "I haven't tested the code samples"."""
    tokens = sentence.tokens
    at = index + 1
    if tokens[index] == "my":
        return None
    length = _starts(tokens, at, _COULD_NOT)
    if length and tokens[at + length : at + length + 1] and tokens[at + length] in lexicon().check:
        verb = at + length
        phrase = noun_phrase(tokens, verb + 1)
        return (
            COULD_NOT_CHECK
            if phrase.head in ("fact", "part", "weak part") or sentence.requester(verb)
            else None
        )
    length = _starts(tokens, at, _NOT_DONE)
    if length and tokens[at + length : at + length + 1] and tokens[at + length] in _NOT_CHECKED:
        phrase = noun_phrase(tokens, at + length + 1)
        if phrase.head in ("fact", "part") and sentence.framed():
            return COULD_NOT_CHECK
    return None


def _mine_made_up(sentence: _Sentence, index: int) -> str | None:
    """ "My figures are illustrative", "my quotes are invented"."""
    tokens = sentence.tokens
    if tokens[index] != "my":
        return None
    phrase = noun_phrase(tokens, index + 1)
    if phrase.head not in ("fact", "part", "weak part"):
        return None
    return MADE_UP if _made_up_predicate(tokens, phrase.end, strong_only=False) else None


def _made_up_predicate(tokens: Tokens, index: int, strong_only: bool) -> bool:
    """Whether a noun phrase ending at `index` is said to be made up: "are illustrative", "are
    just placeholders" (strong), "are estimates" (weak)."""
    words = lexicon()
    at = index
    while at < len(tokens) and tokens[at] not in _COPULAS:
        if tokens[at] in _STOPS or at - index > _NP_WORDS:
            return False
        at += 1
    at += 1
    while at < len(tokens) and tokens[at] in _HEDGES:
        at += 1
    return bool(words.invented.at(tokens, at) or (not strong_only and words.invented_weak.at(tokens, at)))


_MUST = (
    ("should", "be"),
    ("must", "be"),
    ("need", "to", "be"),
    ("needs", "to", "be"),
    ("will", "need", "to", "be"),
)
_CHECKED = frozenset(
    {"verified", "checked", "confirmed", "double-checked", "fact-checked", "validated", "replaced", "swapped",
     "updated", "rerun", "re-run", "retested", "re-tested", "reviewed", "sourced", "cited", "measured"}
)  # fmt: skip


def _checked_passively(tokens: Tokens) -> bool:
    """ "... and should be verified", "need to be replaced": a check asked of no one in particular."""
    for at in range(len(tokens)):
        length = _starts(tokens, at, _MUST)
        if length and tokens[at + length : at + length + 1] and tokens[at + length] in _CHECKED:
            return True
    return False


def _described_made_up(sentence: _Sentence, index: int) -> str | None:
    """ "These numbers are made up, so replace them", "*Note: the throughput figures are
    estimates; rerun them*": a fact of the draft opening the sentence (or a note), said to be
    invented, where the draft is framed; a weak predicate ("approximate") also needs a cue of
    the request or a directive to check it. "The numbers below are approximate" is a post's."""
    tokens = sentence.tokens
    if index and tokens[index - 1] != ":":
        return None
    if tokens[index] == "everything" and tokens[index + 1 : index + 2] in (["in"], ["on"]):
        index += 2  # "Everything in the comparison table is approximate"
    if tokens[index] not in _DETERMINERS:
        return None
    phrase = subject_phrase(tokens, index)
    if phrase.head not in ("fact", "weak part", "part", "artifact") or phrase.determiner in _OWNED:
        return None
    asked = sentence.requester() or _any_check(sentence) or _checked_passively(tokens)
    if _made_up_predicate(tokens, phrase.end, strong_only=True) and (sentence.framed() or asked):
        return MADE_UP
    if _made_up_predicate(tokens, phrase.end, strong_only=False) and sentence.framed() and asked:
        return MADE_UP
    return None


# --- a directive to the writer ------------------------------------------------------------------


def _base(verb: str) -> str:
    """A verb's base form from its "-ing" form ("checking", "swapping", "updating")."""
    if not verb.endswith("ing"):
        return verb
    stem = verb[:-3]
    directives = lexicon().directives
    for candidate in (stem, stem + "e", stem[:-1]):
        if candidate in directives:
            return candidate
    return verb


def _directive_verb(tokens: Tokens, index: int) -> int:
    """The index of a directive's verb at `tokens[index]`, past what asks for it ("please",
    "you'll want to", "it's worth"), or -1. An "-ing" form only after such words."""
    asking = lexicon().asking
    at = index
    for _ in range(2):
        at += asking.at(tokens, at)
    if at >= len(tokens):
        return -1
    verb = tokens[at] if at == index else _base(tokens[at])
    return at if verb in lexicon().directives else -1


def _any_check(sentence: _Sentence) -> bool:
    """Whether a clause of the sentence asks the writer to check or replace something."""
    tokens = sentence.tokens
    words = lexicon()
    for start in _clause_starts(tokens):
        at = _directive_verb(tokens, start + (tokens[start] in _OPENERS))
        if at >= 0 and (_base(tokens[at]) in words.check or _base(tokens[at]) in words.replacing):
            return True
    return False


def _directive(sentence: _Sentence, index: int) -> str | None:
    """A directive whose object is the draft's material, not the reader's system."""
    tokens = sentence.tokens
    labelled = index > 0 and tokens[index - 1] == ":" and lexicon().labels.at(tokens, 0) > 0
    at = _directive_verb(tokens, index)
    if at < 0 or (sentence.place.listed and at == index and not labelled):
        return None  # a bare imperative in a list item is a step
    verb = _base(tokens[at])
    rest = at + 1
    if tokens[rest : rest + 1] == [":"]:
        return None  # "Source: Gartner": a label, not a verb
    while rest < len(tokens) and tokens[rest] in _PARTICLES:
        rest += 1
    if tokens[at + 1 : at + 2] == ["out"] and verb in ("check", "fill"):
        return None  # "check out the docs", "fill out the form": the reader's own acts
    if rest < len(tokens) and _named(sentence.written, at, rest):
        return None  # "Change Data Capture", "Update Postgres": a name
    if tokens[rest : rest + 1] == ["with"] and verb in lexicon().replacing:
        return _replaced_with(sentence, rest + 1)  # "[Replace with a real quote from the team.]"
    phrase = noun_phrase(tokens, rest)
    if phrase.determiner in _OWNED:
        own = tokens[phrase.start : phrase.start + 1] == ["own"]
        if own and verb in lexicon().replacing and phrase.head in ("fact", "artifact", "strong artifact"):
            return TELLS_TO_CHECK  # "swap in your own numbers"
        return None  # "double-check your config": the reader's own system
    return _directed_at(sentence, verb, phrase)


def _replacement_is_real(verb: str, tokens: Tokens, index: int) -> bool:
    """ "swap them for your own measurements", "source the statistic from your own analytics":
    what replaces the draft's made-up material, or where it comes from, is the real thing
    ("verify the numbers on your own hardware" is a reader's check)."""
    words = lexicon()
    if verb in words.replacing:
        joins: tuple[str, ...] = ("with", "for")
    elif verb in ("source", "cite"):
        joins = ("from",)
    else:
        return False
    if tokens[index : index + 1] == [] or tokens[index] not in joins:
        return False
    return words.real.find(tokens, index + 1, min(len(tokens), index + 4)) >= 0


def _replaced_with(sentence: _Sentence, index: int) -> str | None:
    """ "Replace with a real quote from the team": the real thing to put in for the text here."""
    tokens = sentence.tokens
    phrase = noun_phrase(tokens, index)
    real = lexicon().real.find(tokens, phrase.start, phrase.end) >= 0
    return TELLS_TO_CHANGE if real and phrase.head in ("fact", "artifact", "strong artifact") else None


def _directed_at(sentence: _Sentence, verb: str, phrase: NounPhrase) -> str | None:
    """Whether a directive's verb and object make it one about the draft."""
    tokens = sentence.tokens
    words = lexicon()
    after = phrase.end
    if _this_drafts_part(sentence, phrase, aside_counts=True):
        return TELLS_TO_CHANGE
    if phrase.head == "strong artifact" and not _for_the_reader(tokens, after):
        return TELLS_TO_CHANGE
    first = tokens[phrase.start] if phrase.start < len(tokens) else ""
    if first in ("quoted", "cited", "aforementioned") and verb in words.check:
        return TELLS_TO_CHECK  # "the quoted error messages"
    placed = _points_into_draft(sentence, after)
    if placed and verb in words.check and tokens[after] in words.self_:
        return TELLS_TO_CHECK  # "confirm the API limits I quoted"
    if phrase.head == "weak part":
        edited = verb in words.editing and phrase.determiner in ("the", "this", "each", "every")
        return TELLS_TO_CHANGE if edited or phrase.determiner in _DEICTIC or placed else None
    if verb == "fact-check" or (
        verb == "cite" and (placed or sentence.requester(after) or sentence.place.aside)
    ):
        return TELLS_TO_CHECK  # only a piece of writing is fact-checked, or has a source cited
    invented = words.invented.find(tokens, phrase.start, phrase.end) >= 0 or (
        words.invented_weak.find(tokens, phrase.start, phrase.end) >= 0
    )
    real = words.real.find(tokens, phrase.start, phrase.end) >= 0 or _replacement_is_real(verb, tokens, after)
    if phrase.head == "fact" and not real and _elsewhere(tokens, after):
        return None  # "check the numbers in the metrics tab": the reader's own screen
    if phrase.head == "fact":
        if verb in words.inserting and verb not in words.replacing:
            return TELLS_TO_CHANGE if placed else None  # "include real examples" is advice
        checking = verb in words.check or verb in words.replacing or verb in ("cite", "source", "link")
        pointed = phrase.determiner in _DEICTIC or placed or _of_draft_material(tokens, after)
        pointed = pointed or first in ("listed", "mentioned", "stated")
        if checking and (pointed or invented or real or sentence.requester(after)):
            return TELLS_TO_CHECK
        return TELLS_TO_CHECK if sentence.place.aside and verb in words.check else None
    if phrase.head == "artifact":
        if verb in words.inserting and (placed or sentence.place.aside):
            return TELLS_TO_CHANGE
        return TELLS_TO_CHANGE if verb in words.replacing and (invented or real) else None
    if phrase.head == "pronoun" and verb in words.check and sentence.requester(after):
        return TELLS_TO_CHECK
    if verb in ("link", "cite", "source") and placed and not phrase.empty():
        return TELLS_TO_CHANGE  # "link the migration guide wherever this section mentions it"
    return None


_LOCATIVE = frozenset({"in", "inside", "within", "from", "under"})


def _this_drafts_part(sentence: _Sentence, phrase: NounPhrase, aside_counts: bool) -> bool:
    """Whether a noun phrase is a part of this draft ("the intro"), not one elsewhere ("the
    placeholders in the file") nor, in a post about writing, any post's (there it must be
    pointed at, or in a note set apart when `aside_counts`)."""
    if phrase.head != "part" or _elsewhere(sentence.tokens, phrase.end):
        return False
    if aside_counts and sentence.place.aside:
        return True
    return _pointed_at(sentence, phrase) or not sentence.place.about_writing()


def _elsewhere(tokens: Tokens, index: int) -> bool:
    """Whether a noun phrase is placed outside the draft: "the placeholders in the file"."""
    if tokens[index : index + 1] and tokens[index] in _LOCATIVE:
        return noun_phrase(tokens, index + 1).head not in ("part", "weak part", "fact")
    return False


def _pointed_at(sentence: _Sentence, phrase: NounPhrase) -> bool:
    """A part pointed at as this draft's ("this intro", "the headline above", "the CTA before
    publishing"), not any post's."""
    return (
        phrase.determiner in _DEICTIC
        or sentence.tokens[phrase.end : phrase.end + 1] in (["above"], ["below"])
        or sentence.requester(phrase.end)
    )


def _named(written: Tokens, verb: int, following: int) -> bool:
    """Whether the words after a directive's verb are a name ("Change Data Capture", "Update
    Postgres"): capitalised, where the verb does not open the sentence or is capitalised too."""
    name = written[following]
    return name[:1].isupper() and name != "I" and (verb > 0 or written[verb][:1].isupper())


def _of_draft_material(tokens: Tokens, index: int) -> bool:
    """A noun phrase followed by the draft's fact or part it serves: "a source for the 60%
    adoption claim", "the logo in the intro"."""
    if not tokens[index : index + 1] or tokens[index] not in (
        "for",
        "behind",
        "in",
        "on",
        "to",
        "from",
        "about",
        "of",
    ):
        return False
    second = noun_phrase(tokens, index + 1)
    return second.head in ("fact", "part") and second.determiner in _POINTED


def _for_the_reader(tokens: Tokens, index: int) -> bool:
    """ "... to your README", "... in your docs": the reader's own writing, not the draft."""
    return tokens[index : index + 1] in (["to"], ["in"], ["into"], ["for"], ["on"]) and (
        tokens[index + 1 : index + 2] != [] and tokens[index + 1] in _OWNED
    )


_CHECKED_HEADS = (
    ("make", "sure"), ("ensure",), ("check", "that"), ("confirm", "that"), ("verify", "that"),
    ("double-check", "that"), ("be", "sure"), ("check", "whether"), ("confirm", "whether"),
)  # fmt: skip


def _checked_that(sentence: _Sentence, index: int) -> str | None:
    """ "Make sure the pricing in the table above still matches ...": a check that a fact the
    draft states holds."""
    tokens = sentence.tokens
    at = index + (tokens[index] == "please")
    length = _starts(tokens, at, _CHECKED_HEADS)
    if not length:
        return None
    at += length + (tokens[at + length : at + length + 1] == ["that"])
    phrase = subject_phrase(tokens, at)
    if phrase.head != "fact" or phrase.determiner in _OWNED:
        return None
    if phrase.determiner in _DEICTIC or _points_into_draft(sentence, phrase.end) or sentence.requester(at):
        return TELLS_TO_CHECK
    return None


def _points_into_draft(sentence: _Sentence, index: int) -> bool:
    """A noun phrase followed by where it is in the draft: "above", "in the intro", "I
    listed", "where it is mentioned"."""
    tokens = sentence.tokens
    words = lexicon()
    if index >= len(tokens):
        return False
    if tokens[index] in ("above", "below"):
        return index + 1 >= len(tokens) or tokens[index + 1] in _STOPS or tokens[index + 1] in _NP_ENDS
    if tokens[index] in words.self_:
        verb = _verb_after_self(tokens, index)
        return verb < len(tokens) and tokens[verb] in words.did
    if tokens[index] in ("where", "wherever", "when", "whenever"):  # "where the outage is mentioned"
        told = tokens[index + 1 : index + 7]
        if any(token in _TOLD for token in told) and not any(token in _STRONG_STOPS for token in told):
            return True
    found = words.places.find(tokens, index, min(len(tokens), index + 8))
    return found >= 0 and not any(token in _STRONG_STOPS for token in tokens[index:found])


_TOLD = frozenset(
    {"mentioned", "discussed", "described", "cited", "referenced", "named", "quoted", "introduced"}
)


# --- an offer about the draft --------------------------------------------------------------------

_OFFER_HEADS = (
    ("should", "i"), ("shall", "i"), ("or", "should", "i"), ("would", "you", "like"), ("do", "you", "want"),
    ("did", "you", "want"), ("would", "you", "prefer"), ("do", "you", "need"), ("or", "would", "you", "like"),
    ("would", "it", "help", "if", "i"), ("want",), ("need",), ("prefer",), ("how", "about"),
)  # fmt: skip
_KNOW_HEADS = (("let", "me", "know"), ("just", "let", "me", "know"), ("tell", "me"))
_GLAD = frozenset({"happy", "glad", "delighted", "keen"})
_MODALS = frozenset({"can", "could", "will", "'ll", "would", "'d"})
_ADVERBS = frozenset({"also", "happily", "gladly", "easily", "quickly", "even", "then", "further"})
_CONDITIONS = (("if",), ("too",), ("also",), ("as", "well"), ("instead",))
_COMPARATIVE = re.compile(r"[a-z]{2}er$")
_VERSIONS = frozenset({"version", "versions", "variant", "variants", "take", "cut", "rewrite"})


def _starts(tokens: Tokens, index: int, heads: Iterable[tuple[str, ...]]) -> int:
    """The length of the first of `heads` at `tokens[index]`, 0 when none is there."""
    for head in heads:
        if tuple(tokens[index : index + len(head)]) == head:
            return len(head)
    return 0


def _offer(sentence: _Sentence, index: int) -> str | None:
    """An offer about the draft, by its head: a question to the requester ("Should I ...",
    "Want a ...?"), the assistant's modal ("I can also ...", "Could also ..."), its gladness
    ("Happy to ..."), or "let me know" about the draft."""
    tokens = sentence.tokens
    length = _starts(tokens, index, _OFFER_HEADS)
    if length:
        return _asked(sentence, index + length)
    length = _starts(tokens, index, _KNOW_HEADS)
    if length:
        return _asked_preference(sentence, index + length)
    glad = _glad(tokens, index)
    if glad >= 0:
        return _offered_change(sentence, glad, conditional=False)
    modal = _modal(tokens, index)
    if modal >= 0:
        planned = tokens[modal - 1] in ("will", "'ll", "i'll")
        return _offered_change(sentence, modal, conditional=True, planned=planned)
    return _asked_about_part(sentence, index)


def _asked(sentence: _Sentence, at: int) -> str | None:
    """After a question's head: "Should I [expand ...]", "Want me to [...]", "Want [a
    punchier title]?", "Any chance you want [the sources section trimmed]?"."""
    tokens = sentence.tokens
    if tokens[at - 1] == "i":
        return _offered_change(sentence, at, conditional=False)
    if tokens[at : at + 2] == ["me", "to"]:
        return _offered_change(sentence, at + 2, conditional=False)
    if tokens[at : at + 1] == ["to"] or not sentence.ends_in_question():
        return None  # "Would you like to try it?": the reader's own act
    phrase = noun_phrase(tokens, at)
    if phrase.head not in ("deliverable", "part", "weak part"):
        return None
    if (
        phrase.determiner == "the"
        and tokens[phrase.end : phrase.end + 1]
        and _PARTICIPLE.search(tokens[phrase.end])
    ):
        return OFFERS  # "... the conclusion rewritten?"
    if not (sentence.place.edge and sentence.place.closing):
        return None  # "Want a faster version? Swap the list for a set.": the post answers it
    properties = lexicon().properties
    modified = any(
        _COMPARATIVE.search(token) or properties.at(tokens, at)
        for at, token in enumerate(tokens[phrase.start : phrase.end], phrase.start)
    )
    return OFFERS if modified or _offered_version(tokens, phrase) else None


def _glad(tokens: Tokens, index: int) -> int:
    """Past "Happy to", "I'd be glad to", "I'm happy to": where the offered verb is, or -1."""
    at = index
    if tokens[at] in ("i'd", "i'm"):
        at += 1
    elif tokens[at] == "i" and tokens[at + 1 : at + 2] in (["am"], ["would"], ["'d"]):
        at += 2
    while at < len(tokens) and tokens[at] in ("be", "more", "than", "very", "really", "so"):
        at += 1
    if tokens[at : at + 1] and tokens[at] in _GLAD and tokens[at + 1 : at + 2] == ["to"]:
        return at + 2
    return -1


def _modal(tokens: Tokens, index: int) -> int:
    """Past "I can", "I could also", or "Could also" with the "I" left out: where the offered
    verb may be, or -1."""
    if tokens[index] == "i" and tokens[index + 1 : index + 2] and tokens[index + 1] in _MODALS:
        return index + 2
    if tokens[index] in ("i'll", "i'd"):
        return index + 1
    if tokens[index] in ("could", "can") and tokens[index + 1 : index + 2] and tokens[index + 1] in _ADVERBS:
        return index + 1
    return -1


def _offered_change(sentence: _Sentence, index: int, conditional: bool, planned: bool = False) -> str | None:
    """After an offer's head: a verb of changing or making, and the draft, a part or version of
    it, or what it becomes ("turn the comparison into a table"). A modal's offer also needs a
    condition, a question or the draft's edge ("I'll explain X" in the first paragraph is a plan)."""
    tokens = sentence.tokens
    while index < len(tokens) and tokens[index] in _ADVERBS:
        index += 1
    if index >= len(tokens) or tokens[index] not in lexicon().offers:
        return None
    rest = index + 1
    while rest < len(tokens) and tokens[rest] in _PARTICLES | {"together", "off", "on"}:
        rest += 1
    phrase = noun_phrase(tokens, rest)
    into = _into_deliverable(tokens, phrase.end)
    about_draft = into or phrase.head in ("part", "weak part", "deliverable")
    if phrase.head == "pronoun" and (
        phrase.determiner == "this" or tokens[phrase.start] in ("it", "this", "them", "everything")
    ):
        about_draft = True
    if not about_draft or (phrase.determiner in _OWNED and not into):
        return None  # "I can also rewrite your service in Rust"
    if not conditional:
        return OFFERS
    conditioned = sentence.ends_in_question() or any(
        _starts(tokens, at, _CONDITIONS) for at in range(len(tokens))
    )
    return OFFERS if conditioned or (sentence.place.edge and not planned) else None


def _into_deliverable(tokens: Tokens, index: int) -> bool:
    """ "... into a table", "... as a thread": the draft turned into another form."""
    if tokens[index : index + 1] in (["into"], ["as"]):
        return noun_phrase(tokens, index + 1).head in ("deliverable", "part", "weak part")
    return False


def _offered_version(tokens: Tokens, phrase: NounPhrase) -> bool:
    """ "a version with code samples in Go", "a cut for LinkedIn": a version of the draft."""
    head = tokens[phrase.end - 1] if phrase.end > phrase.start else ""
    return head in _VERSIONS or (
        tokens[phrase.end : phrase.end + 1] in (["for"], ["with"], ["in"], ["aimed"])
        and head in ("version", "draft")
    )


def _asked_preference(sentence: _Sentence, index: int) -> str | None:
    """ "Let me know if the tone should be more formal": what the requester would like of the
    draft, a property or part of it; not "let me know in the comments"."""
    tokens = sentence.tokens
    words = lexicon()
    if tokens[index : index + 1] not in (["if"], ["whether"], ["which"], ["what"], ["how"]):
        return None
    if "comments" in tokens[index:] or "below" in tokens[index:]:
        return None
    if words.properties.find(tokens, index) >= 0 or words.parts.find(tokens, index) >= 0:
        return OFFERS
    return None


def _asked_about_part(sentence: _Sentence, index: int) -> str | None:
    """ "Should the sources section be trimmed?": how a part of the draft should be, asked at
    its edge."""
    tokens = sentence.tokens
    if tokens[index] not in ("should", "shall", "would", "could") or not sentence.ends_in_question():
        return None
    phrase = noun_phrase(tokens, index + 1)
    if tokens[phrase.end : phrase.end + 1] != ["be"] and tokens[phrase.end : phrase.end + 1] != ["with"]:
        return None
    if phrase.determiner in ("the", "this") and phrase.head in ("part", "weak part"):
        return OFFERS if tokens[phrase.end] == "be" and sentence.place.edge else None
    if phrase.determiner in ("a", "an") and phrase.head == "deliverable":  # "Would a version with ... help?"
        return OFFERS if sentence.place.edge and sentence.place.closing else None
    return None


# --- a post about writing -----------------------------------------------------------------------


@cache
def _part_words() -> re.Pattern[str]:
    from seolint.checks.leftover_lexicon import alternation

    return re.compile(rf"\b(?:{alternation(lexicon().parts.phrases)})\b", re.IGNORECASE)


_LABELLED = re.compile(r"^[^\w\n]{0,6}[\w'’)-]+(?:\s+[\w'’)-]+){0,4}\s*:")  # "Call to Action: ..."


def speaks_of_parts(text: str) -> bool:
    """Whether a sentence names a part of a draft ("the outline", "a call to action") and is
    no label line ("Meta description: ...")."""
    return _part_words().search(text) is not None and _LABELLED.match(text) is None
