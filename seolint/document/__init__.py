"""The format-neutral Document and the views derived from it once (prose, words, sentences,
syllables, text lines).

May import: discover.
"""
