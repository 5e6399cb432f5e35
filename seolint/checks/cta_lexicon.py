"""C001's words, read once a process from cta_words.toml, which says what each list is for."""

from __future__ import annotations

from functools import cache

from seolint.discover.records import NamedTuple


class Lexicon(NamedTuple):
    """The word lists of cta_words.toml, which says what each one is for."""

    imperative_verbs: frozenset[str]
    reader_verbs: frozenset[str]
    copular_verbs: frozenset[str]
    reader_words: frozenset[str]
    owned_words: frozenset[str]  # the reader's own things, inside a section
    blog_words: frozenset[str]  # the blog's voice, inside a section
    technique_verbs: frozenset[str]  # reader verbs that also name a step of technique
    onward_nouns: frozenset[str]  # what a reader goes on to read or take part in
    occasions: frozenset[str]  # when the reader acts after reading: "today", "this week"
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
    back_matter: frozenset[str]  # headings of what a reader stops before (seolint.checks.cta_ending)
    onward: frozenset[str]  # headings over a list of places to go next
    lets_verbs: frozenset[str]
    recommended_verbs: frozenset[str]
    not_verbs: frozenset[str]


@cache
def lexicon() -> Lexicon:
    """The word lists, read from the package once per process."""
    from seolint.registry.package_data import package_toml

    data = package_toml("seolint.checks", "cta_words.toml")
    words = {key: frozenset(value.split()) for key, value in data.items() if isinstance(value, str)}
    reader_lead_ins = tuple(phrase.split() for phrase in data["reader-lead-ins"])
    joining_lead_ins = tuple([word] for word in data["joining-lead-ins"].split())
    return Lexicon(
        imperative_verbs=words["imperative-verbs"],
        reader_verbs=words["reader-verbs"],
        copular_verbs=words["copular-verbs"],
        reader_words=words["reader-words"],
        owned_words=words["owned-words"],
        blog_words=words["blog-words"],
        technique_verbs=words["technique-verbs"],
        onward_nouns=words["onward-nouns"],
        occasions=frozenset(data["occasions"]),
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
        back_matter=frozenset(data["back-matter-headings"]),
        onward=frozenset(data["onward-headings"]),
        lets_verbs=words["lets-verbs"],
        recommended_verbs=words["recommended-verbs"],
        not_verbs=words["not-verbs"],
    )
