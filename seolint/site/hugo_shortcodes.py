"""Hugo shortcodes in a draft, as regions (see `Region`).

- `{{< ref "p" >}}` / `{{< relref "p" >}}` (either delimiter, also inside a Markdown link
  destination): an internal link to page `p`.
- `{{< figure src="x.png" alt="..." caption="..." >}}`: an image.
- `{{< highlight go >}}...{{< /highlight >}}`: a code block in that language.
- `{{</* x */>}}`: a shortcode shown literally; opaque.
- Any other shortcode tag is opaque. A paired `{{< x >}}...{{< /x >}}` body is passed to
  the template raw, so it is opaque too when it looks like code or markup; a `{{% x %}}`
  body is rendered as Markdown by Hugo, so it stays prose.
"""

from __future__ import annotations

import re

from seolint.site.adapter import LinkSyntax, Region
from seolint.site.scan import looks_like_code, outermost, parse_args

# A shortcode's inside never holds `{` (Hugo does not nest shortcodes in arguments), so each
# attempt stops at the next opener and a text full of unclosed ones is scanned in linear time.
_SHORTCODE = re.compile(r"\{\{<(?P<angle>[^{]{0,3000}?)>\}\}|\{\{%(?P<percent>[^{]{0,3000}?)%\}\}")
_NAME = re.compile(r"\s{0,20}(?:(?P<close>/)\s{0,20})?(?P<name>[\w.-][\w./-]{0,99})(?P<rest>.*)", re.DOTALL)
_CODE_NAMES = frozenset({"highlight", "code", "codeblock", "mermaid", "math", "katex", "chart", "plantuml"})


class _Tag:
    def __init__(self, start: int, end: int, delimiter: str, inner: str) -> None:
        self.start, self.end, self.delimiter = start, end, delimiter
        text = inner.strip()
        self.literal = text.startswith("/*") and text.endswith("*/")
        self.self_closing = text.endswith("/") and not self.literal
        parsed = _NAME.match(text.rstrip("/")) if not self.literal else None
        self.closing = bool(parsed and parsed.group("close"))
        self.name = parsed.group("name") if parsed else ""
        self.args = parsed.group("rest") if parsed else ""


def hugo_regions(text: str) -> list[Region]:
    tags = [
        _Tag(
            m.start(),
            m.end(),
            "<" if m.group("angle") is not None else "%",
            m.group("angle") or m.group("percent") or "",
        )
        for m in _SHORTCODE.finditer(text)
    ]
    closers = _pair(tags)
    regions: list[Region] = []
    for index, tag in enumerate(tags):
        if tag.closing:
            continue
        closer = closers.get(index)
        regions.extend(_regions_for(text, tag, closer))
    return outermost(regions)


def _pair(tags: list[_Tag]) -> dict[int, _Tag]:
    """Opening tag index -> its closing tag, matched by name like nested brackets."""
    open_stack: list[int] = []
    pairs: dict[int, _Tag] = {}
    for index, tag in enumerate(tags):
        if tag.literal or tag.self_closing or not tag.name:
            continue
        if not tag.closing:
            open_stack.append(index)
            continue
        for depth in range(len(open_stack) - 1, -1, -1):
            if tags[open_stack[depth]].name == tag.name:
                pairs[open_stack[depth]] = tag
                del open_stack[depth:]
                break
    return pairs


def _regions_for(text: str, tag: _Tag, closer: _Tag | None) -> list[Region]:
    name = tag.name
    positional, named = parse_args(tag.args)
    if tag.literal or not name:
        return [Region(tag.start, tag.end, "opaque", name=name or None)]
    if name in ("ref", "relref"):
        target = named.get("path") or (positional[0] if positional else "")
        syntax: LinkSyntax = "ref" if name == "ref" else "relref"
        return [Region(tag.start, tag.end, "link", target=target, syntax=syntax, name=name)]
    if name == "figure":
        return [
            Region(
                tag.start,
                tag.end,
                "image",
                target=named.get("src"),
                alt=named.get("alt"),
                caption=named.get("caption"),
                name=name,
            )
        ]
    if closer is None:
        return [Region(tag.start, tag.end, "opaque", name=name)]
    body = text[tag.end : closer.start]
    if name in _CODE_NAMES:
        language = named.get("lang") or (positional[0] if positional else None)
        if name == "mermaid":
            language = "mermaid"
        return [
            Region(tag.start, closer.end, "code", language=language, body=(tag.end, closer.start), name=name)
        ]
    if tag.delimiter == "<" and looks_like_code(body):
        return [Region(tag.start, closer.end, "opaque", name=name)]
    return [
        Region(tag.start, tag.end, "opaque", name=name),
        Region(closer.start, closer.end, "opaque", name=name),
    ]
