"""Whether this process screens texts with RE2 before `re` searches them.

A screen (S007's grammar: seolint.registry.lazy_patterns; the pack rules':
seolint.registry.packs.screen) costs its compiling once per process (S007's ~37 screens:
~70 M instructions, and RE2 builds most of its automata on the first document it reads;
importing google-re2 8.5 M), while searching without it costs per character of text
(~10 k instructions for S007), again in every later document. So a run that lints several
documents screens them all (`screen_every_document`); otherwise texts are searched by `re`
alone until the documents read add up to `from_characters`: a one-post check compiles no
screen, and a draft too big to search unscreened is screened at once. A screen only ever
skips searches that cannot match: either way the same texts match.
"""

from __future__ import annotations

from collections.abc import Sequence


class Screening:
    """The texts this process has read, and from how many characters on screens pay."""

    def __init__(self, from_characters: int) -> None:
        self.from_characters = from_characters
        self.read = 0  # characters in the documents' texts counted so far

    def screen_every_document(self) -> None:
        """This process (or the workers it forks) will lint several documents."""
        self.from_characters = 0

    def count(self, texts: Sequence[str]) -> None:
        """Count a document's texts, as read by S007 (its sentences)."""
        self.read += sum(len(text) + 1 for text in texts)

    def pays(self) -> bool:
        return self.read >= self.from_characters


# Rust-1.77.0.md (2,590 characters of sentences) checked alone: 675 M instructions screened,
# 600 M unscreened. 20 corpus posts in one process: 2,505 M screened, 3,382 M unscreened.
SCREENING = Screening(from_characters=16_000)
