"""Short posts built around the lines a leftover test is about, in each format."""

from __future__ import annotations

LEFTOVER = ("S", "L001", "H006")  # the codes of the leftover rules
PROSE = (
    "Connection pools keep sockets open between requests, so a busy service does not pay for a "
    "handshake every time it talks to its database."
)


def markdown(*lines: str) -> str:
    """A short post with `lines` as its third, fifth, ... lines."""
    return "# Pools\n\n" + "\n\n".join(lines) + "\n\n" + PROSE + "\n"


def text(*lines: str) -> str:
    return "Pools\n\n" + "\n\n".join(lines) + "\n\n" + PROSE + "\n"


def html(*lines: str) -> str:
    return (
        "<html><head><title>Pools</title></head><body>\n<h1>Pools</h1>\n"
        + "\n".join(lines)
        + f"\n<p>{PROSE}</p>\n</body></html>\n"
    )
