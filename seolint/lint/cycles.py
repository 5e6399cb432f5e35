"""How often Python's cycle collector runs: seldom while one draft is checked, as usual for many.

Start-up creates ~100,000 container objects that live as long as the process (modules,
classes, functions, compiled patterns), and the collector's youngest generation is
traversed every 700 of them: 49 collections, 14 M instructions of a one-post check (2.4 %),
which frees a few hundred objects. One draft leaves little garbage, so until a run says it
lints several (`for_many_drafts`), the young generation is collected every 100,000 objects;
a run over many drafts goes back to Python's pace, whose memory it needs (rust-blog's 388
posts, one process: peak 65 MB at Python's pace, 97 MB at the slow one).
"""

from __future__ import annotations

import gc

_PYTHONS = gc.get_threshold()
_YOUNG_OBJECTS_FOR_ONE_DRAFT = 100_000


def for_one_draft() -> None:
    gc.set_threshold(_YOUNG_OBJECTS_FOR_ONE_DRAFT, *_PYTHONS[1:])


def for_many_drafts() -> None:
    gc.set_threshold(*_PYTHONS)
