"""Text an HTML fragment shows outside any heading, prose block or code.

A page chooses its post body (<main>, <article>), and what lies outside it is the site's,
but for text outside its <html> element, which no site writes: an answer's first line
typed above the markup. A fragment has no body to choose, and everything it shows is the
draft's: a chat page's <div> of tabs and source cards. Each line of such text is read as
a paragraph of its own, so the rules see what readers would.
"""

from __future__ import annotations

import re

from seolint.parse.html.tree import NOT_CONTENT, RAW_CODE, Element, Event, Tree

# Elements whose text the front-end gathers itself, or that show no text.
_GATHERED = frozenset({"h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "blockquote", "td", "th", "title"})
_SHOWN = frozenset({"title"})  # outside a post body nothing is gathered: every text is shown as a line
_WORD = re.compile(r"\S{1,40}")


def loose_lines(tree: Tree, source: str, around: Element | None = None) -> list[tuple[str, int]]:
    """Each line of text outside every heading, prose block and code element, with the
    source offset it starts at, in document order; text whose place in the source cannot
    be found (entities) is left out. `around`: a page's <html> element, whose own text is
    the page's; only the text before and after it is read."""
    events = tree.events
    if around is None:
        return _loose(events[1:], source, 0)
    closing = max(source.rfind("</html"), source.rfind("</HTML"), around.end)  # past the page's text
    return _loose(events[1 : around.first], source, 0) + _loose(events[around.last + 1 :], source, closing)


def outside_lines(tree: Tree, source: str, body: Element) -> list[tuple[str, int]]:
    """Each line of text a page shows outside its post body `body` (its header bar, its
    footer), with the offset it starts at: what a page saved whole holds around its post."""
    events = tree.events
    after = next((e.offset for e in events[body.last + 1 :] if isinstance(e, Element)), len(source))
    closing = source.rfind(f"</{body.name}", body.end, after)
    before = _loose(events[1 : body.first], source, 0, _SHOWN)
    return before + _loose(events[body.last + 1 :], source, max(closing, body.end), _SHOWN)


def _loose(
    events: list[Event], source: str, cursor: int, gathered: frozenset[str] = _GATHERED
) -> list[tuple[str, int]]:
    found: list[tuple[str, int]] = []
    inside: list[bool] = []  # per open element: whether it gathers or hides its text
    hidden = 0
    for event in events:
        if event is None:
            hidden -= inside.pop() if inside else 0
        elif isinstance(event, Element):
            name = event.name
            hides = name in gathered or name in RAW_CODE or name in NOT_CONTENT
            inside.append(hides)
            hidden += hides
            cursor = max(cursor, event.end)
        elif not hidden and not event.isspace():
            for line in event.splitlines():
                first = _WORD.search(line)
                at = source.find(first.group(), cursor) if first else -1
                if first and at >= 0:
                    found.append((line.strip(), at))
                    cursor = at + len(first.group())
    return found
