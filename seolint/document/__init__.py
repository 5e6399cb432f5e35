"""The format-neutral Document, the views derived from it once (prose, words, sentences,
syllables, text lines), and interval sets over its positions.

May import: discover.
"""
