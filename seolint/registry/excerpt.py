"""Quoted draft text shortened for a message: cut at a word boundary, never mid-word."""

from __future__ import annotations


def shorten(text: str, limit: int) -> str:
    """`text` if it has at most `limit` characters, else its longest run of whole words
    that fits with a trailing "…" (a single over-long word is cut, as nothing else fits)."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    boundary = cut.rfind(" ")
    if boundary > 0 and not text[limit - 1].isspace():
        cut = cut[:boundary]
    return cut.rstrip(" ,;:-–—") + "…"
