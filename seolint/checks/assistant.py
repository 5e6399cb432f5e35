"""Chatbot framing by its grammar (read by S007, in seolint.checks.leftovers): the assistant
speaking to the person who asked for the draft, about the draft or about itself.

A chat assistant's own sentences have a small set of shapes, whatever words fill them:
it offers to do more with the draft ("Want me to shorten it?"), hopes the draft helps, says
what it did to the draft ("I've kept the tone practical"), describes the draft to the
requester ("This draft targets ..."), states its limits as a model ("As an AI, I can't
browse"), tells the requester what to check or replace before publishing, announces the
draft ("Here's a 1,200-word blog post on ..."), or discloses that AI wrote the text. Each
shape is a pattern over the sentence with slots for a verb and an object, and the words
that fill the slots are data (assistant_words.toml). S003 keeps its literal phrases; a
sentence they report is left to S003. A sentence none of these shapes fits is read by the
grammar of address (seolint.checks.address), clause by clause.
"""

from __future__ import annotations

import re
from functools import cache
from itertools import pairwise
from operator import attrgetter
from typing import TYPE_CHECKING

from seolint.checks.address import Place, address_form, speaks_of_parts
from seolint.checks.assistant_languages import other_language_form
from seolint.checks.leftover_lexicon import assistant_words
from seolint.checks.leftover_spans import locate_sentence, sentence_end_line
from seolint.discover.records import NamedTuple
from seolint.document.language import DEFAULT_LANGUAGE
from seolint.document.model import Document, Span
from seolint.registry.lazy_patterns import (
    DocumentScreen,
    LazyRegex,
    NoScreen,
    ScreenedPattern,
    WholeDocument,
    document_screen,
)
from seolint.registry.packs.match import Matcher, PackCheck

if TYPE_CHECKING:
    from seolint.document.views import Sentence, Views


class Words(NamedTuple):
    """Each slot's words as a regex alternation, longest first."""

    offer: str
    edit: str
    check: str
    part: str
    document: str
    fact: str
    did: str
    limits: str
    speakers: str


@cache
def _words() -> Words:
    data = assistant_words()

    def slot(key: str) -> str:
        words = data[key].split() if isinstance(data[key], str) else data[key]
        return "|".join(r"\s+".join(map(re.escape, w.split())) for w in sorted(words, key=len, reverse=True))

    keys = ("offer-verbs", "edit-verbs", "check-verbs", "draft-parts", "documents", "fact-nouns",
            "did-verbs", "model-limits", "ai-speakers")  # fmt: skip
    return Words(*(slot(key) for key in keys))


class Form(NamedTuple):
    name: str  # what the assistant does in the sentence, for the message
    pattern: ScreenedPattern
    cue: LazyRegex | None = None  # must also hold somewhere in the sentence
    in_lists: bool = True  # a bare imperative in a list item is a step or a changelog entry
    anywhere: bool = True  # False: only in the first or last few blocks, where an assistant frames its draft


_THINKING = "thinks aloud about the request"
_FIGURES = r"(?:numbers|data|figures|stats|statistics|metrics|sources|examples|links|results|benchmarks)"
# A cue that a fact the requester is told to check was invented by the draft: strong ones
# hold alone; weak ones ("these numbers", "the figures above") only with a verb of checking.
_INVENTED_STRONG = (
    r"illustrative|hypothetical|made[- ]up|invented|fictional|approximate|estimated"
    rf"|placeholder {_FIGURES}"
    r"|before (?:publishing|you publish|posting|(?:it|this) goes (?:live|out)|going live|(?:it"
    r"|this) (?:is published|ships))"
    r"|where i(?:'ve| have) marked|i(?:'ve| have)? (?:made up|estimated)"
    # "numbers from your own service", "your own internal links"; not "your own values" in a
    # config file, which a how-to asks of its reader too.
    rf"|{_FIGURES} (?:from|of|in) your own|your own (?:\w+ )?{_FIGURES}"
)
_INVENTED_WEAK = (
    r"these|those|(?:the )?above|against (?:the )?(?:official|current|latest|most recent)"
    r"|i(?:'ve| have)? (?:used|included|added)"
    r"|in (?:the|this) (?:draft|post|article|hook|intro)"
)
# Before this draft goes out ("before this goes live"); not "before you publish" a package.
_BEFORE_PUBLISHING = LazyRegex(
    r"\bbefore (?:(?:it|this) (?:goes (?:live|out)|is published)|(?:publishing|posting) (?:it|this)"
    r"|you (?:publish|post) (?:it|this)|you hit publish)\b",
    re.IGNORECASE,
)
_INVENTED = LazyRegex(rf"\b(?:{_INVENTED_STRONG}|{_INVENTED_WEAK})\b", re.IGNORECASE)
_INVENTED_STRONGLY = LazyRegex(rf"\b(?:{_INVENTED_STRONG})\b", re.IGNORECASE)
# What turns "I could also draft three titles" into an offer: a condition on the requester or a question.
_ON_REQUEST = LazyRegex(
    r"\bif you\b|\bif your (?:audience|readers|team|blog|site|brand)\b|\bjust say\b|\blet me know\b"
    r"|\bhappy to\b|\?\s*$",
    re.IGNORECASE,
)
# Where a request to the requester may start: the sentence's start or a clause's ("..., so please").
_CLAUSE_START = r"(?:^\W*|[,;:—–]\s*(?:so|and|but|then)?\s*)"
_ASKING = (
    r"(?:please\s+|be sure to\s+|make sure (?:to|you)\s+|remember to\s+|don't forget to\s+"
    r"|do not forget to\s+|you(?:'ll| will)? (?:probably |likely |also )?(?:may |might )?(?:want|need) to\s+"
    r"|you (?:may|might|should|can|could|will|'ll)(?: want to| need to| also| still)?\s+"
    r"|i(?:'d| would) (?:recommend|suggest) (?:that you\s+)?|consider\s+|feel free to\s+)"
)
_LEAD = r"(?:note:?\s+|also,?\s+|finally,?\s+|just\s+)?"
_OBJECT = r"(?:\s+(?:in|out|up|over|through))?(?:\s+[\w'’-]+){{0,5}}?\s+(?:{nouns})\b"
_THIS = r"(?:this|the above|the whole|each|the following|the draft's)\s+(?:[\w-]+\s+){{0,2}}?(?:{nouns})\b"


def _either(*alternatives: str) -> str:
    return "|".join(alternatives)


@cache
def forms() -> tuple[Form, ...]:
    """The shapes of an assistant's sentence, compiled once a process."""
    w = _words()
    part, document = w.part, w.document
    asked = rf"{_CLAUSE_START}{_LEAD}{_ASKING}"
    bare = rf"{_CLAUSE_START}{_LEAD}{_ASKING}?"
    shapes: list[tuple[str, str, LazyRegex | None, bool, bool]] = [
        (
            "offers to change the draft",
            _either(
                r"^\W*(?:so,?\s+|and\s+|or\s+)?(?:would you like|do you want|did you want|want|shall|should"
                rf"|can|may) (?:me|i)\b(?: to)?(?: also| further)? (?:{w.offer})\b",
                r"\bif you(?:'d| would)? (?:like|want|prefer)\b[^.?!]{0,40}\bi (?:can|could|will|'ll)"
                rf"(?: also| easily)? (?:{w.offer})\b",
                r"^\W*(?:i(?:'d| would) be |i'm |i am )?(?:happy|glad|delighted) to make (?:any |some "
                r"|more )?"
                r"(?:adjustments|changes|edits|tweaks|revisions)\b",
                rf"^\W*(?:i(?:'d| would) be |i'm |i am )?(?:happy|glad"
                rf"|delighted) to (?:{w.offer})\b[^.?!]{{0,50}}"
                rf"\b(?:{part}|{document})\b",
                r"\blet me know if you(?:'d| would)? (?:like|want|need|prefer)\b[^.?!]{0,60}"
                rf"\b(?:me to|{w.offer}|{part}|changes|adjustments|tweaks|edits|revisions|version"
                r"|more examples|(?:a|an) (?:more|less|shorter|longer|different|simpler|punchier))\b",
                r"^\W*(?:want|would you like|do you want|need|prefer) (?:a|an) (?:shorter|longer|different"
                r"|simpler"
                r"|more \w+|punchier|casual|formal) (?:version|draft|take|variant|cut|edit)\b",
                r"\b(?:just )?let me know (?:if|what|how|which)\b[^.?!]{0,60}"
                r"\b(?:chang|adjust|tweak|revis|tailor|expand|shorten|cut|trim|rework|rewrit|add)\w*",
                r"^\W*would it help if i\b",
                r"(?:^\W*|[;,—–]\s*)(?:just )?(?:let me know|tell me|say the word)(?:,| and)"
                rf" i(?:'ll| will| can) (?:{w.offer})\b",
            ),
            None,
            True,
            True,
        ),
        (
            "offers to change the draft",
            rf"\bi(?:'ll| will| can| could|'d| would) (?:also |happily |gladly |easily )?(?:{w.offer})\b"
            rf"(?:\s+[\w'’-]+){{0,4}}?\s+(?:{part}|it|titles|headlines|versions|variants|options"
            r"|alternatives|faq|summary|tl;dr)\b",
            _ON_REQUEST,
            True,
            True,
        ),
        (
            "offers to change the draft",  # "Want a spicier version, or a thread to promote it?"
            r"^\W*(?:so,?\s+)?(?:want|would you like|do you want|need|prefer|how about) (?:a|an)"
            r"(?:\s+[\w/-]+){1,3}?\s+(?:version|draft|take|variant|rewrite|thread|tweet)\b",
            LazyRegex(r"\bor (?:a|an|the)\b[^?]*\?"),  # an alternative: "Want a faster version?" is a post's
            True,
            False,
        ),
        (
            "hopes the draft helps",
            r"^\W*(?:i |we )?(?:really |sincerely |truly )?hope (?:this|that|it|the (?:draft|outline|above))"
            r" (?:helps|works|is (?:helpful|useful|what you)|meets your|fits your|serves you|gets you started"
            r"|gives you (?:a |some )?(?:good |solid |great |useful )?"
            r"(?:starting point|foundation|base|head start))\b"
            r"|^\W*hopefully,? (?:this|that|it) (?:helps|works|gives you|is (?:helpful|useful))\b"
            r"|^\W*(?:i |we )?hope (?:this|the) (?:draft|outline|version|rewrite|post above)\b"
            # A sign-off to the one who will publish: "Happy editing!", "Good luck with the post!"
            r"|^\W*happy (?:editing|writing|publishing|blogging|posting)\b"
            r"|^\W*good luck with (?:the|your) (?:post|draft|blog|article|publishing|write-?up)\b",
            None,
            True,
            True,
        ),
        (
            "speaks of itself as a model",
            _either(
                r"\bas an? (?:ai|artificial intelligence|(?:large )?language model|llm|chatbot"
                r"|ai (?:language )?model|ai assistant|virtual assistant)"
                r"(?=[,.;:!]| (?:language model|model|assistant|system)\b|,? i\b)",
                r"\bas an? (?:[\w-]+ ){1,2}(?:model|assistant|chatbot)\b(?=,| i\b)",
                r"\bmy (?:information|knowledge|data|training)(?: \w+){0,2} (?:only )?(?:goes|extends|runs"
                r"|ends|stops"
                r"|cuts off|dates)"
                r" (?:up )?(?:to|through|until|in)\b",
                r"\bi(?:'m| am)? (?:can(?:no|')t|cannot|not able to|unable to"
                rf"|(?:don't|do not) have the ability to) (?:{w.limits})\b",
                r"\bi (?:don't|do not) have (?:access to|real-time|live|browsing|internet|the ability)",
                r"\bmy (?:knowledge|training data)"
                r"(?: cut-?off| cutoff| (?:only )?(?:goes|ends|extends)| (?:has|is) (?:a|limited))",
                r"\b(?:knowledge|training) cut-?off\b",
                r"\bas of my (?:last|latest|most recent) (?:update|training|knowledge)",
            ),
            None,
            True,
            True,
        ),
        (
            "tells the requester to change the draft",
            _either(
                rf"{bare}(?:{w.edit})\b{_OBJECT.format(nouns=part)}",
                rf"{bare}(?:{w.edit})\b(?:\s+(?:in|out|up|over|through))?\s+{_THIS.format(nouns=document)}",
            ),
            None,
            False,
            True,
        ),
        (
            "tells the requester to change the draft",
            rf"{asked}(?:{w.edit})\b{_OBJECT.format(nouns=part)}",
            None,
            True,
            True,
        ),
        (
            "tells the requester to check invented facts",
            rf"{bare}(?:{w.check})\b{_OBJECT.format(nouns=w.fact)}",
            _INVENTED,
            True,
            True,
        ),
        (
            "tells the requester to check the draft",  # "A couple of things to check before this goes live:"
            r"^\W*(?:here(?:'s| is| are)\s+)?(?:(?:a few|a couple of|some|two|three|a)\s+)?"
            r"(?:things|items|points|details|bits|notes)"
            r"\s+(?:to|you(?:'ll| will)? (?:want|need) to|you should)\s+(?:check|verify|confirm|review|fix"
            r"|double-check|look at|change|update|do)\b",
            _BEFORE_PUBLISHING,
            False,
            False,
        ),
        (
            "tells the requester to check the draft",  # "Written with Quill AI · review before sending"
            r"^\W*(?:written|drafted|generated|created|made) (?:with|by|using) [^.·|]{1,40}?\b(?:ai|gpt"
            r"|assistant|writer)\b[^.]{0,10}?[·|—–-]\s*(?:please )?review (?:it |this )?before (?:sending"
            r"|publishing|posting|you send|you publish)\b",
            None,
            False,
            False,
        ),
        (
            "tells the requester to replace invented facts",
            rf"{bare}(?:{w.edit})\b{_OBJECT.format(nouns=w.fact)}",
            _INVENTED_STRONGLY,
            True,
            True,
        ),
        (
            "says what it did to the draft",
            _either(
                rf"^\W*i(?:'ve| have)? (?:also |deliberately |intentionally |mostly )?(?:{w.did})\b"
                rf"(?:\s+[\w'’-]+){{0,5}}?\s+(?:{part}|placeholders?)\b",
                r"^\W*i(?:'ve| have)? assumed (?:that )?(?:readers|your readers|the reader|your audience)\b",
                # What it left out: "I didn't include a call to action", "I haven't written a CTA".
                r"^\W*i (?:didn't|did not|haven't|have not|'ve not)(?: yet)? (?:include|add|write|use|cover"
                rf"|mention|{w.did})\b(?:\s+[\w'’-]+){{0,4}}?\s+(?:{part}|placeholders?)\b",
                rf"^\W*i(?:'ve| have)? (?:also )?(?:{w.did})\b(?:\s+[\w'’-]+){{0,2}}?\s+the (?:post|article"
                rf"|piece)\b",
                r"^\W*i(?:'ve| have)? (?:tried|aimed|kept|made|chosen|avoided|focused|written)\b[^.!?]*"
                r"\byour (?:audience|readers|brand|style guide|blog)\b",
            ),
            None,
            True,
            False,
        ),
        (
            "describes the draft",
            _either(
                r"^\W*(?:this|my) (?:draft|outline|revision) (?:is|uses|targets|includes|keeps|follows"
                r"|comes|runs|covers|focuses|aims|assumes|has|leans|sticks|should|could|can|might)\b",
                r"^\W*the (?:draft|outline|version|revision|rewrite) (?:above|below)\b",
                r"^\W*(?:the|this) (?:revised|rewritten|updated|edited|shortened|expanded|longer|shorter"
                r"|seo[- ](?:optimized|friendly)) (?:version|draft)\b",
                r"^\W*(?:a few |some |a couple of )?(?:quick )?notes? (?:on|about) (?:this|the)"
                r" (?:draft|post|article|outline|version)\b",
                r"\b(?:as you requested|as you asked|per your request|you (?:asked|requested) for"
                r"|(?:draft|post|article|outline|piece|version|rewrite) you requested)\b",
            ),
            None,
            True,
            False,
        ),
        (
            "announces the draft",
            _either(
                r"^\W*(?:(?:sure|certainly|absolutely|of course|great|okay|ok|alright|got it)[!,.:]+\W*)?"
                r"(?:here(?:'s|’s| is| are)|below (?:is|are|you'll find)) (?:a|an|your"
                r"|the (?:full|complete|final|revised|updated|requested))\b"
                # Words of the object up to its noun: "a 1,200-word blog post", not "a complete
                # example for a post we published" (an example, for a post).
                r"(?:[\s,]+(?!(?:for|of|from|with|to|by|that|which|we|you)\b)[^\s.!?]+){0,12}?[\s,]+"
                r"(?:draft|blog post|article|post|write-up|outline"
                r"|(?:revised|rewritten|updated|shorter|longer|tighter|polished|final"
                r"|cleaner) version(?! of\b))\b",
                # "Here's the French version of your post.", "Here's the reworked version with ...".
                r"^\W*here(?:'s|’s| is) (?:the|a|your) (?:[\w-]+ ){0,2}version of your"
                r" (?:blog post|post|draft|article|text)\b"
                r"|^\W*here(?:'s|’s| is) the (?:reworked|rewritten) version(?! of\b)(?=[^:]*$)",
                r"^\W*(?:i(?:'ve| have) (?:written|drafted|put together|created|prepared)"
                r"|i(?:'ll| will) (?:write|draft|create|put together)"
                r"|let me (?:write|draft|create|put together))"
                r" (?:a|an|the|your)\b[^.!?]{0,60}\b(?:draft|blog post|article|post|write-up|outline)\b",
                # How it will write what was asked for: "I'll write this as a practical explainer".
                r"^\W*(?:i(?:'ll| will|'m going to| am going to)|let me) (?:write|draft|pitch|frame|approach"
                r"|structure|shape|angle) this(?: piece| post)? (?:as|for|around)\b",
                r"^\W*(?:happy to help|here you go|sure thing)\W*$",
            ),
            None,
            True,
            False,
        ),
        (
            "discloses that AI wrote it",
            _either(
                r"\b(?:this|the) (?:post|article|content|blog post|text|piece|draft)\b[^.]{0,40}"
                r"\b(?:was|is|has been)"
                r" (?:generated|written|created|produced|drafted|assisted|co-written)\b[^.]{0,40}"
                r"\b(?:ai|artificial intelligence|chatgpt|gpt-?\d*|claude|gemini|copilot|llm"
                r"|language model)\b",
                r"^\W*disclaimer\b[^.]{0,80}\b(?:ai|artificial intelligence|language model)\b",
                r"^\W*(?:text |content |this (?:post |draft )?)?"
                r"(?:written|generated|drafted|created|expanded) (?:with|by|using) (?:the help of )?(?:an? )?"
                r"(?:ai|gemini|chatgpt|claude|copilot|notion ai)\b",
                r"^\W*(?:gemini|chatgpt|claude|copilot|notion ai|jasper) (?:expanded|wrote|generated|drafted"
                r"|rewrote) (?:the|this) (?:body|draft|post|text|article)\b",
                # A tool's note, in the telegraphic form no sentence for readers has: "Draft
                # generated with Help me write", "Sections in grey still need a human pass".
                r"^\W*(?:draft|text|content|copy|body) (?:generated|drafted|written|produced|expanded)"
                r" (?:with|by|using)\b(?![^.]*\b(?:is|are|was|were|can|must|should|will|gets?)\b)",
                r"^\W*(?:the )?(?:sections?|parts?|paragraphs?|this draft|the draft)\b[^.]{0,30}"
                r"\bstill needs? (?:a )?(?:human|manual|final|careful) (?:pass|review|edit|check|read)\b",
            ),
            None,
            True,
            True,
        ),
        (
            "warns that its answers may be wrong",  # a chat page's footer: "Gemini can make mistakes"
            rf"^\W*(?:{w.speakers})(?:'s)?(?: (?:output|content|answers|responses|text))? (?:can|may|might"
            r"|could|sometimes|will sometimes) (?:make mistakes|be (?:wrong|inaccurate|incorrect|misleading"
            r"|out of date)|contain (?:errors|mistakes|inaccuracies)|produce inaccurate|display inaccurate"
            r"|get things wrong)\b"
            # "Suggestions are generated by AI and may be inaccurate.": the panel's own footer.
            r"|^\W*(?:suggestions|responses|answers|results|content|text|output) (?:are|is)"
            r" (?:generated|written|created) by (?:ai|an ai|a language model|an llm)\b[^.!?]{0,30}?"
            r"\b(?:can|may|might|could)"
            r" (?:make mistakes|be (?:wrong|inaccurate|incorrect|misleading)|contain (?:errors|mistakes))\b",
            None,
            True,
            False,
        ),
        (
            _THINKING,
            r"(?:^\W*(?:(?:okay|ok|alright|all right|so|hmm|right),?\s+){0,2}|\b(?:okay|ok|alright|hmm),\s+)"
            r"the (?:user|requester)"
            r" (?:wants|asked|is asking|requested|needs|would like)\b"
            r"|^\W*(?:(?:okay|ok|alright|so|hmm),?\s+){0,2}the (?:request|prompt|task) is (?:for|to)\b",
            # What the user asked for is a piece of writing: "the user wants a page that
            # loads fast" is a post's sentence about users.
            LazyRegex(
                r"\b(?:post|article|blog|draft|piece|outline|write-?up|essay|guide|tutorial|explainer)\b",
                re.IGNORECASE,
            ),
            False,
            False,
        ),
    ]
    return tuple(
        Form(name, ScreenedPattern(source, re.IGNORECASE), cue, lists, anywhere)
        for name, source, cue, lists, anywhere in shapes
    )


_EDGE_BLOCKS = 5  # an assistant frames its draft in the first and last few blocks
# A post's own update note ("Update: I added a section on TLS") speaks to readers, after publishing.
_UPDATE_NOTE = re.compile(r"^\W*(?:update[sd]?|edit(?:ed)?|correction|addendum)\b", re.IGNORECASE)


_CONDITIONS = frozenset({"if", "when", "whenever", "once"})
_ANY = frozenset({"a", "an", "any", "every"})


def _of_any_post(sentence: str) -> bool:
    """A sentence that opens on a condition about any post or reader ("If a post gets traffic
    but no clicks, rewrite the CTA") is advice to readers in a post about writing; the
    assistant speaks of this draft."""
    words = sentence.lower().split(None, 2)[:2]
    return len(words) == 2 and words[0] in _CONDITIONS and words[1] in _ANY


def assistant_form(
    sentence: str, listed: bool = False, edge: bool = True, screen: DocumentScreen | None = None
) -> str | None:
    """What the assistant does in `sentence` (see `forms`, then `_by_cues`), or None when it
    is not its own; `listed`: the sentence is a list item; `edge`: it is in the first or last
    few blocks; `screen`: the screen of the document the sentence is in (none: a sentence alone)."""
    if _UPDATE_NOTE.match(sentence) or _of_any_post(sentence):
        return None
    screen = screen or NoScreen()
    for form in screen.holding(forms(), _pattern_of):  # the forms the document may hold
        if (listed and not form.in_lists) or (not edge and not form.anywhere):
            continue
        if screen.search(form.pattern, sentence) and (form.cue is None or form.cue.search(sentence)):
            return form.name
    return _by_cues(sentence, listed, edge, screen)


_pattern_of = attrgetter("pattern")


class Cue(NamedTuple):
    name: str
    pattern: ScreenedPattern


@cache
def cues() -> tuple[Cue, ...]:
    """The parts a sentence of an assistant is made of when no one shape fits it whole: who
    speaks (the assistant as writer, the assistant as model), to whom (an offer or question
    to the requester, the requester as publisher), about what (the text, facts it invented),
    and what is to be done (a verb of editing)."""
    w = _words()
    writer = (
        rf"\bi(?:'ve| have| had)?(?: not| also| deliberately| mostly| intentionally)? (?:{w.did}|went with"
        r"|made up|wrote|chose|picked|assumed|tried|aimed|left out)\b"
        rf"|\bi (?:can|could|will|'ll|would|'d) (?:also |happily |easily )?(?:{w.offer})\b"
    )
    # A part of the text, not a topic: "the intro", not "a short introduction to Pulsar".
    parts = rf"{w.part}|headings?|subheadings?|numbered list|bulleted list|bullet points"
    text = (
        rf"\b(?:the|this|these|your|my|each|every|all|a|an)\s+(?:[\w-]+\s+){{0,2}}?(?:{parts})\b(?!\s+(?:to"
        rf"|of|on|about)\b)"
        r"|\b(?:each|every) (?:section|paragraph)\b"
    )
    found = {
        "offer": r"\b(?:would you (?:like|prefer|want)|do you (?:want|need|prefer)|is there anything"
        r"|anything else (?:you|i)|shall i|should i|want me to|let me know if|if you(?:'d| would)? (?:like"
        r"|want"
        r"|prefer|need)|if you tell me|tell me (?:if|whether|which|what|how)|let me know your|if (?:that"
        r"|this)(?:'s| is| would be)?"
        r" (?:useful|helpful|helps|works)|if needed|if necessary|just say)\b"
        rf"|^\W*(?:should|shall|would|could) (?:the|this|your) (?:[\w-]+ ){{0,2}}(?:{w.part})\b[^.!]*\?\s*$",
        "writer": writer,
        # The writer's verb and, within a few words, the part of the text it acts on.
        "wrote text": rf"(?:{writer})(?:\s+[\w'’-]+){{0,3}}?\s+(?:{text})",
        "text": text,
        "facts": rf"\b(?:{w.fact}|post|article|piece|sections?|paragraphs?|spelling|headings?|logo)\b",
        "edit": rf"\b(?:{w.edit}|{w.check})(?:ing|ed)?\b",
        "edit facts": rf"\b(?:{w.edit}|{w.check})(?:ing)?\b(?:\s+(?:in|out"
        rf"|up))?(?:\s+[\w'’-]+){{0,4}}?\s+(?:{w.fact})\b",
        "publisher": r"\b(?:before you (?:publish|post|go live|hit publish)|yourself|your (?:audience"
        r"|readers|brand"
        r"|company|blog|site|earlier posts|previous posts|stack|style guide|house style|team|product|cms))\b",
        "invented": rf"\b(?:{_INVENTED_STRONG}|for illustration)\b"
        rf"|\b(?:dummy|fake|placeholder|made-up|fictional) (?:{w.fact})\b",
        "made up": r"\b(?:illustrative|hypothetical|made[- ]up|invented|fictional|dummy|fake|for illustration"
        rf"|placeholder {_FIGURES}|where i(?:'ve| have) marked|(?:are|is) (?:just |only )?placeholders?)\b",
        "artifact": r"\b(?:screenshots?|images?|diagrams?|charts?|graphs?|logos?|illustrations?|gifs?|videos?"
        r"|embeds?|tables?|infographics?)\b",
        "before you publish": r"\bbefore (?:you (?:publish|post|go live|hit publish)|(?:it"
        r"|this) goes (?:live|out))\b",
        # "please check it against a real build before publishing": a check, then when.
        "checked before publishing": rf"\b(?:{w.check}|check)\b(?:\s+[\w'’-]+){{0,8}}?\s+before (?:publishing"
        r"|posting|going live)\b",
        "fact": rf"\b(?:{w.fact})\b",
        "asked": rf"{_CLAUSE_START}{_LEAD}{_ASKING}",
        "if": r"\bif\b",
        "model": r"\bi (?:could|may|might) be (?:out of date|outdated|wrong about)\b",
        "subject": r"^\W*(?:this|the) (?:draft|rewrite|revision|outline)\b(?!\s+(?:rfc|design|proposal|spec"
        r"|of)\b)"
        r"|^\W*the (?:post|article|piece|version|text) above\b",
        "measured": r"\b\d[\d,]* words\b|\bword count\b|\bkeywords?\b|\bthe original\b",
        "requested": r"\bas (?:you )?requested\b|\bhere you go\b",
        "advice": rf"\bi(?:'d| would)? (?:suggest|recommend) (?:that you )?(?:{w.edit}|{w.check})(?:ing)?\b",
        "me": r"\b(?:me to|i (?:can|could|will|'ll|'d|would|shall)|shall i|should i|let me know|tell me)\b",
        # "I can match the voice", "I will adjust the length": the assistant acting on the text.
        "will act": rf"\bi (?:can|could|will|'ll|'d|would) (?:also |then "
        rf"|happily )?\w+\b(?:\s+[\w'’-]+){{0,3}}?\s+(?:{text})"
        r"|\bi (?:can|could|will|'ll|'d|would) (?:also |then )?(?:adjust|change|tweak|revise|update|adapt)\b",
        "deliverable": r"\b(?:captions?|tweets?|threads? (?:for|on) (?:x|twitter|linkedin|mastodon|bluesky)\b"
        r"|social (?:media )?posts?"
        r"|newsletter (?:blurb|copy)"
        r"|meta descriptions?"
        r"|titles?|headlines?|slide deck|linkedin (?:post|version)|(?:a|another) version)\b",
        "accuracy": rf"\b(?:{w.check})\b[^.!?]{{0,20}}\bthat\b[^.!?]{{0,60}}\b(?:is"
        rf"|are) (?:still )?(?:accurate|correct"
        r"|current|up to date|up-to-date|valid)\b",
        "could not check": r"\bi (?:could not|couldn't|was unable to|wasn't able to) (?:verify|confirm|check"
        r"|access|look up)\b",
        "described part": rf"^\W*(?:the|these|all|each of the) (?:{parts}) (?:are|is) (?:written|kept"
        rf"|formatted|structured"
        r"|designed|meant|optimized|optimised|phrased|worded)\b",
        "considering": rf"\bconsider (?:{w.edit})ing\b",
        "hope for you": r"\bhope (?:that )?you (?:find|like|enjoy|can use) (?:this|it|the (?:draft|post"
        r"|article))\b",
        "request": rf"{_CLAUSE_START}{_LEAD}{_ASKING}?(?:{w.edit}|{w.check})\b",
    }
    return tuple(Cue(name, ScreenedPattern(source, re.IGNORECASE)) for name, source in found.items())


@cache
def _cue_patterns() -> dict[str, ScreenedPattern]:
    return {cue.name: cue.pattern for cue in cues()}


class _Found:
    """The cues a sentence holds, each searched the first time `_by_cues` asks for it: most
    sentences are ruled out by the first few."""

    def __init__(self, sentence: str, screen: DocumentScreen) -> None:
        self._sentence = sentence
        self._screen = screen
        self._known: dict[str, bool] = {}

    def __contains__(self, name: str) -> bool:
        known = self._known.get(name)
        if known is None:
            known = self._known[name] = self._screen.search(_cue_patterns()[name], self._sentence) is not None
        return known

    def __and__(self, names: set[str]) -> set[str]:
        return {name for name in names if name in self}

    def either(self, *names: str) -> _Either:
        return _Either(self, names)


class _Either:
    """Whether a sentence holds one of some cues, searched when first asked."""

    def __init__(self, found: _Found, names: tuple[str, ...]) -> None:
        self._found = found
        self._names = names

    def __bool__(self) -> bool:
        return any(name in self._found for name in self._names)


def _by_cues(sentence: str, listed: bool, edge: bool, screen: DocumentScreen) -> str | None:
    """The assistant's sentence by the parts it combines (see `cues`)."""
    if not screen.decided(_cues_may_combine):
        return None  # no combination below is in the document at all
    has = _Found(sentence, screen)
    about_text = has.either("text", "facts")
    if "model" in has:
        return "speaks of itself as a model"
    if "offer" in has and "me" in has and (about_text or has & {"edit", "writer"}):
        return "offers to change the draft"
    if has & {"will act"} and has & {"if", "offer"}:
        return "offers to change the draft"
    if (
        "me" in has
        and "deliverable" in has
        and ("offer" in has or sentence.rstrip().endswith("?") or "also" in sentence.lower())
    ):
        return "offers to change the draft"
    if "offer" in has and "deliverable" in has and sentence.rstrip().endswith("?"):
        return "offers to change the draft"
    if "could not check" in has:
        return "speaks of itself as a model"
    if "asked" in has and "accuracy" in has:
        return "tells the requester to check invented facts"
    if "made up" in has and "request" in has:
        return "tells the requester to replace invented facts"
    if "considering" in has and "text" in has:
        return "tells the requester to change the draft"
    if "hope for you" in has and "publisher" in has:
        return "hopes the draft helps"
    if "offer" in has and "text" in has and sentence.rstrip().endswith("?"):
        return "offers to change the draft"
    if "me" in has and "wrote text" in has and "if" in has:
        return "offers to change the draft"
    if "before you publish" in has and "asked" in has and (about_text or "artifact" in has):
        return "tells the requester to check invented facts"
    if "checked before publishing" in has and "asked" in has and "fact" in has:
        return "tells the requester to check invented facts"
    if "requested" in has and "text" in has:
        return "describes the draft"
    if "advice" in has and about_text:
        return "tells the requester to check invented facts"
    if not edge or listed:
        return None
    if ("wrote text" in has or ("writer" in has and has & {"publisher", "invented"})) and not _HABIT.search(
        sentence
    ):
        return "says what it did to the draft"
    if "edit facts" in has and "invented" in has:
        return "tells the requester to check invented facts"
    if "subject" in has and has & {"publisher", "request", "measured"}:
        return "describes the draft"
    if "described part" in has:
        return "describes the draft"
    return None


# A sentence that passes every test `_by_cues` makes of its words, not of its cues
# (tests/test_leftover_screen.py checks it): a question, with "also", no habit.
_ANY_SENTENCE = "also?"


def _cues_may_combine(screen: DocumentScreen) -> bool:
    """Whether the document may hold a combination of cues `_by_cues` looks for: the
    combinations asked of the document as a whole, about a sentence that passes every other test."""
    return _by_cues(_ANY_SENTENCE, False, True, WholeDocument(screen)) is not None


# A writer's habit, not what was done to this draft: "For the last two years I have written
# an outline before anything else", "I always write the intro last".
_HABIT = re.compile(
    r"\bfor (?:the (?:last|past) )?(?:\w+ )?(?:years|months|decades)\b|\bevery (?:time|post|week)\b"
    r"|\b(?:usually|always|nowadays)\b",
    re.IGNORECASE,
)


class Said(NamedTuple):
    span: Span  # where the sentence starts, to the end of its first line
    form: str
    block: int  # index into doc.views.blocks
    text: str
    addressed: bool = False  # found by the grammar of address alone (seolint.checks.address)


def assistant_sentences(doc: Document) -> tuple[Said, ...]:
    """The assistant's sentences in the prose (blockquotes are quotations, not framing),
    found once however many rules ask."""
    return doc.views.derived(_assistant_sentences)


def _assistant_sentences(doc: Document) -> tuple[Said, ...]:
    views = doc.views
    count = len(views.blocks)
    read = views.sentences
    screen = document_screen([s.text for s in read if views.blocks[s.block].block.kind != "quote"])
    writing = cache(lambda: _about_writing(views, screen))
    found = []
    thinking = None  # the block of a reasoning trace: all its sentences are the assistant's
    listing: set[int] = set()  # the items of a list under the assistant's head line
    last_heading = max((*(heading.span.line for heading in doc.headings), *_plain_heads(views)), default=0)
    last_in_block = {sentence.block: at for at, sentence in enumerate(read)}
    for at, sentence in enumerate(read):
        edge = sentence.block < _EDGE_BLOCKS or (
            sentence.block >= count - _EDGE_BLOCKS
            and views.blocks[sentence.block].block.span.line > last_heading
        )  # a closing block with a section of the post under it is the post's own
        kind = views.blocks[sentence.block].block.kind
        listed = kind == "list-item"
        place = Place(
            edge,
            sentence.text[:1] in "([" and _ASIDE.fullmatch(sentence.text.strip()) is not None,
            listed,
            quoted=kind == "quote",
            about_writing=writing,
            closing=last_in_block[sentence.block] == at,
        )
        form, addressed = _form_of(sentence.text, place, screen)
        if form is None and kind != "quote":
            form = other_language_form(sentence.text, views.blocks[sentence.block].text, edge)
        if form is not None and _QUOTED.search(sentence.text):
            form, addressed = _form_of(_QUOTED.sub('""', sentence.text), place, screen)
        if form == _TELLS_TO_CHANGE and _introduces_code(doc, views, sentence.block):
            form = None  # "Add the keyword after the closing parenthesis:" over the SQL: a step
        if form is None and sentence.block == thinking:
            form, addressed = _THINKING, False
        if form is None and sentence.block in listing:
            form, addressed = _LISTING, False
        if form is not None:
            thinking = sentence.block if form == _THINKING else thinking
            if form not in _NOT_HEADS and sentence.text.rstrip().endswith(":") and not listed:
                listing |= _list_under(views, sentence.block)
            found.append(_said(doc, sentence, form, addressed))
    return tuple(found)


def _form_of(text: str, place: Place, screen: DocumentScreen) -> tuple[str | None, bool]:
    """What the assistant does in a sentence, and whether only the grammar of address found
    it (a note to the writer that S008 may name better). A quotation is read only for a note
    its label opens ("> Reminder: ...")."""
    form = None if place.quoted else assistant_form(text, place.listed, place.edge, screen)
    if form is not None:
        return form, False
    form = address_form(text, place)
    return form, form is not None


_WRITING_SENTENCES = 3  # a post's own sentences naming drafts' parts: a post about writing
_SENTENCE_WORDS = 8


def _about_writing(views: Views, screen: DocumentScreen) -> bool:
    """Whether the post's own sentences speak of drafts' parts ("An outline is a cheap way to
    ...") often enough that it is about writing, where "delete the outline when the draft is
    done" is advice to readers: full sentences of paragraphs naming a part of a draft that
    are not the assistant's by any other cue."""
    found = 0
    for sentence in views.sentences:
        if (
            sentence.words < _SENTENCE_WORDS
            or views.blocks[sentence.block].block.kind != "paragraph"
            or not speaks_of_parts(sentence.text)
        ):
            continue
        if assistant_form(sentence.text, False, True, screen) or address_form(
            sentence.text, Place(True, False)
        ):
            continue
        found += 1
        if found >= _WRITING_SENTENCES:
            return True
    return False


_LISTING = "lists its notes to the requester"
# A sentence all in parentheses or brackets: a note set apart from the text.
_ASIDE = re.compile(r"[(\[][^()\[\]]+[)\]][.!]?")
_TELLS_TO_CHANGE = "tells the requester to change the draft"
# Words in double quotes (to the sentence's end if it ends inside them) are someone else's: a
# post quoting its bot ("I can't see your keys from here.").
_QUOTED = re.compile(r'"[^"\n]{3,}(?:"|$)|“[^”\n]{3,}(?:”|$)')


def _introduces_code(doc: Document, views: Views, index: int) -> bool:
    """Whether block `index` ends with a colon right above a code block: a tutorial's step."""
    block = views.blocks[index].block
    if not block.text.rstrip().endswith(":"):
        return False
    below = block.span.end_line + 1
    while below <= len(doc.lines) and not doc.lines[below - 1].strip():
        below += 1
    return any(code.span.line == below for code in doc.code_blocks)


_NOT_HEADS = frozenset({"announces the draft", "offers to change the draft", _THINKING})
_LIST_GAP = 2  # lines from a head to the first item of its list


def _list_under(views: Views, index: int) -> set[int]:
    """The blocks of the list right under block `index`, the assistant's head line ("A few
    notes on the draft:", "Things to check before this goes live:"): its items are the
    assistant's notes too, whatever they say ("I kept the example in Go ...")."""
    blocks = views.blocks
    end = blocks[index].block.span.end_line
    items: set[int] = set()
    for following in range(index + 1, len(blocks)):
        block = blocks[following].block
        if block.kind != "list-item" or block.span.line > end + _LIST_GAP:
            break
        items.add(following)
        end = block.span.end_line
    return items


def _said(doc: Document, sentence: Sentence, form: str, addressed: bool) -> Said:
    span = locate_sentence(doc, sentence.block, sentence.text)
    last = sentence_end_line(doc, sentence.block, sentence.text, span.line)
    if last > span.line:
        span = span._replace(end_line=last, end_column=len(doc.lines[last - 1].rstrip()) + 1)
    return Said(span, form, sentence.block, sentence.text, addressed)


_HEAD_WORDS = 8


def _plain_heads(views: Views) -> list[int]:
    """Lines of a plain-text draft's section heads: a short line of its own, no sentence, with
    a paragraph of prose under it ("When the outline is wrong")."""
    blocks = views.blocks
    return [
        head.block.span.line
        for head, under in pairwise(blocks)
        if head.block.kind == "paragraph"
        and head.block.span.line == head.block.span.end_line
        and 0 < head.words <= _HEAD_WORDS
        and not head.text.rstrip().endswith((".", "!", "?", ":"))
        and under.block.kind == "paragraph"
        and under.words > _HEAD_WORDS
    ]


@cache
def _s003_matchers() -> tuple[Matcher, ...]:
    """S003's own matchers, so that one sentence is not reported twice."""
    from seolint.registry.packs.load import builtin_pack_rules

    for found in builtin_pack_rules():
        if found.code == "S003" and isinstance(found.check, PackCheck):
            return found.check.matchers
    return ()


def s003_reports(text: str, language: str = DEFAULT_LANGUAGE) -> bool:
    """Whether S003's phrases report `text` on a page in `language` (S007 leaves it to them):
    its French phrases run on French pages only, so on an English one S007 reports them."""
    return any(True for matcher in _s003_matchers() if matcher.reads(language) for _ in matcher.matches(text))
