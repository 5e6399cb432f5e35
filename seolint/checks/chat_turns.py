"""The requester's turns in a pasted chat, and the versions of the post they replaced (part
of S010).

A draft copied out of a whole chat holds the conversation: the assistant's version, its
offer ("Would you like me to expand this?"), the requester's reply typed as one quick line
("make the intro punchier"), the next version, and so on. The requester's line is a
paragraph of one line typed in lower case with no end mark; it is a turn when the
assistant's own sentence is right above or under it, and once one is, every such line is.
Everything above the last turn that is not the assistant's is an earlier version of the
post, which the last version replaces.
"""

from __future__ import annotations

from collections.abc import Sequence

from seolint.checks.draft_units import Unit
from seolint.checks.page_debris import Debris


def find_earlier_turns(units: Sequence[Unit], framing: set[int]) -> list[Debris]:
    """The requester's turns and the earlier versions above the last one; `framing`: the
    lines of the assistant's sentences."""
    if not framing:
        return []  # no chat: most drafts
    typed = [at for at, unit in enumerate(units) if _typed(units, at)]
    if not any(_next_to_framing(units, at, framing) for at in typed):
        return []
    last = units[typed[-1]].line
    turns = {units[at].line for at in typed}
    found = [Debris(line, line, "the requester's turn in the pasted chat", True) for line in sorted(turns)]
    found += [
        Debris(u.line, u.line, "an earlier version of the post, which the chat replaced", False)
        for u in units
        if u.line < last and u.line not in framing and u.line not in turns
    ]
    return found


def _typed(units: Sequence[Unit], at: int) -> bool:
    """A paragraph of one line typed in lower case, with no end mark: a quick reply (quoted,
    as some chats show the requester's turns)."""
    unit = units[at]
    following = units[at + 1] if at + 1 < len(units) else None
    alone = unit.first and (following is None or following.block != unit.block)
    text = unit.text.strip()
    return (
        unit.kind in ("paragraph", "quote")
        and alone
        and text[:1].islower()
        and not text.endswith(_END_MARKS)
    )


# A sentence's end in any script: a Japanese paragraph that opens with a command's name
# ("pprof は…。") is prose, not a quick reply.
_END_MARKS = (".", "!", "?", ":", ";", ",", "。", "．", "！", "？", "：", "；", "，", "、", "।", "؟", "۔")


def _next_to_framing(units: Sequence[Unit], at: int, framing: set[int]) -> bool:
    neighbours = [units[i].line for i in (at - 1, at + 1) if 0 <= i < len(units)]
    return any(line in framing for line in neighbours)
