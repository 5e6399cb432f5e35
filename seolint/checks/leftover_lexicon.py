"""The leftover rules' words, read once a process from leftover_words.toml (English),
leftover_languages.toml (other languages) and assistant_words.toml (the assistant's
sentences), which say what each list is for."""

from __future__ import annotations

from functools import cache
from typing import Any

from seolint.discover.records import NamedTuple


class LeftoverWords(NamedTuple):
    metadata_keys: frozenset[str]
    key_qualifiers: tuple[str, ...]
    key_heads: frozenset[str]
    unmistakable_keys: frozenset[str]
    content_keys: frozenset[str]
    ui_words: frozenset[str]
    row_words: frozenset[str]
    slot_words: frozenset[str]
    chrome_openers: tuple[str, ...]
    source_blocks: frozenset[str]
    related_blocks: frozenset[str]
    byline_words: frozenset[str]
    note_qualifiers: tuple[str, ...]
    note_heads: tuple[str, ...]
    note_verbs: tuple[str, ...]
    note_verbs_free: tuple[str, ...]
    note_lists: frozenset[str]
    publishing_note_nouns: frozenset[str]
    publishing_note_topics: frozenset[str]
    metadata_heads: frozenset[str]
    slot_nouns: tuple[str, ...]
    note_artifacts: tuple[str, ...]
    note_addressees: tuple[str, ...]
    note_line_verbs: tuple[str, ...]
    note_suggesters: tuple[str, ...]
    suggestion_nouns: tuple[str, ...]
    suggestion_verbs: tuple[str, ...]
    omittable_parts: tuple[str, ...]


def assistant_words() -> dict[str, Any]:
    """assistant_words.toml as parsed: the slots of the assistant's sentence forms
    (seolint.checks.assistant) and the grammar of address's word classes (address.py)."""
    from seolint.registry.package_data import package_toml

    return package_toml("seolint.checks", "assistant_words.toml")


class LanguageWords(NamedTuple):
    """The word classes of leftover_languages.toml, each the union of every language's:
    an assistant's interface speaks its user's language whatever the post's."""

    label_keys: frozenset[str]
    unmistakable_keys: frozenset[str]
    content_keys: frozenset[str]
    explaining_openers: tuple[str, ...]
    explaining_words: tuple[str, ...]
    heading_markers: tuple[str, ...]
    assent: tuple[str, ...]
    presenting: tuple[str, ...]
    draft_nouns: tuple[str, ...]
    offers: tuple[str, ...]
    feedback: tuple[str, ...]
    check_verbs: tuple[str, ...]
    before_publishing: tuple[str, ...]
    as_a_model: tuple[str, ...]
    note_heads: tuple[str, ...]
    note_openers: tuple[str, ...]
    note_artifacts: tuple[str, ...]
    reminders: tuple[str, ...]
    draft_facts: tuple[str, ...]
    may_err: tuple[str, ...]
    outline_heads: tuple[str, ...]
    draft_markers: tuple[str, ...]


@cache
def language_words() -> LanguageWords:
    from seolint.registry.package_data import package_toml

    tables = package_toml("seolint.checks", "leftover_languages.toml").values()

    def union(key: str) -> tuple[str, ...]:
        return tuple(sorted({word for table in tables for word in table.get(key, ())}))

    return LanguageWords(
        frozenset(union("label-keys")),
        frozenset(union("unmistakable-keys")),
        frozenset(union("content-keys")),
        union("explaining-openers"),
        union("explaining-words"),
        union("heading-markers"),
        union("assent"),
        union("presenting"),
        union("draft-nouns"),
        union("offers"),
        union("feedback"),
        union("check-verbs"),
        union("before-publishing"),
        union("as-a-model"),
        union("note-heads"),
        union("note-openers"),
        union("note-artifacts"),
        union("reminders"),
        union("draft-facts"),
        union("may-err"),
        union("outline-heads"),
        union("draft-markers"),
    )


@cache
def leftover_words() -> LeftoverWords:
    from seolint.registry.package_data import package_toml

    data = package_toml("seolint.checks", "leftover_words.toml")
    languages = language_words()
    return LeftoverWords(
        metadata_keys=frozenset(data["metadata-keys"]) | languages.label_keys,
        key_qualifiers=tuple(data["key-qualifiers"]),
        key_heads=frozenset(data["key-heads"]),
        unmistakable_keys=frozenset(data["unmistakable-keys"]) | languages.unmistakable_keys,
        content_keys=frozenset(data["content-keys"]) | languages.content_keys,
        ui_words=frozenset(data["ui-words"]),
        row_words=frozenset(data["row-words"]),
        slot_words=frozenset(data["slot-words"]),
        chrome_openers=tuple(data["chrome-openers"]),
        source_blocks=frozenset(data["source-blocks"]),
        related_blocks=frozenset(data["related-blocks"]),
        byline_words=frozenset(data["byline-words"]),
        note_qualifiers=tuple(data["note-qualifiers"]),
        note_heads=tuple(data["note-heads"]),
        note_verbs=tuple(data["note-verbs"]),
        note_verbs_free=tuple(data["note-verbs-free"]),
        note_lists=frozenset(data["note-lists"]),
        publishing_note_nouns=frozenset(data["publishing-note-nouns"]),
        publishing_note_topics=frozenset(data["publishing-note-topics"]),
        metadata_heads=frozenset(data["metadata-heads"]),
        slot_nouns=tuple(data["slot-nouns"]),
        note_artifacts=tuple(data["note-artifacts"]),
        note_addressees=tuple(data["note-addressees"]),
        note_line_verbs=tuple(data["note-line-verbs"]),
        note_suggesters=tuple(data["note-suggesters"]),
        suggestion_nouns=tuple(data["suggestion-nouns"]),
        suggestion_verbs=tuple(data["suggestion-verbs"]),
        omittable_parts=tuple(data["omittable-parts"]),
    )


def alternation(words: tuple[str, ...]) -> str:
    """Phrases as a regex alternation, longest first, spaces matching any run of spaces.

    Phrases of one length go in alphabetical order (which of them matches does not depend on
    it): the same words make the same pattern in every process, whatever order a set gave them
    in, so its compiled code is found in the user's cache (seolint.registry.compiled_patterns)."""
    import re

    ordered = sorted(words, key=lambda word: (-len(word), word))
    return "|".join(r"\s+".join(map(re.escape, w.split())) for w in ordered)
