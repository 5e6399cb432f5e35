"""Liquid (Jekyll) syntax in a draft, as regions (see `Region`).

- `{% link path %}`, `{% post_url name %}`: internal links (syntax "link", "post_url").
- `{{ '/x/' | relative_url }}` (or `absolute_url`, or `| prepend: site.baseurl`) and
  `{{ site.baseurl }}/x`: internal links to the site path `/x/` (syntax "relative_url":
  the site's base path goes in front).
- `{% highlight x %}...{% endhighlight %}`: a code block in language x.
- `{% raw %}...{% endraw %}`: the tags are opaque; the body is output as written (no
  Liquid inside it is run), so it is Markdown like the rest.
- `{% comment %}...{% endcomment %}`: opaque, body included.
- `{% include x %}`, `{{ page.x }}`, `{{ site.x }}` and every other tag or output: opaque.
"""

from __future__ import annotations

import re

from seolint.site.adapter import LinkSyntax, Region
from seolint.site.scan import Closers, outermost, parse_args

# Braces never occur inside a tag or an output (a rare `"{"` string literal is the price), so
# each attempt stops at the next brace: linear time however many tags are left unclosed.
_SYNTAX = re.compile(r"\{%-?(?P<tag>[^{}]{0,2000}?)-?%\}|\{\{-?(?P<out>[^{}]{0,2000}?)-?\}\}")
_TAG_NAME = re.compile(r"\s{0,20}(\w{1,60})(.*)", re.DOTALL)
_QUOTED_FILTER = re.compile(
    r"\s{0,20}(?:'(?P<sq>[^'\n]{0,500})'|\"(?P<dq>[^\"\n]{0,500})\")\s{0,20}\|\s{0,20}"
    r"(?P<filter>relative_url|absolute_url|prepend:\s{0,20}site\.baseurl)\b"
)
_BASE_OUTPUT = re.compile(r"\s{0,20}site\.(?:baseurl|url)\s{0,20}(?:\|\s{0,20}\w{1,30}\s{0,20})?")
_PATH_AFTER = re.compile(r"/[^\s)\"'<>\]{}]{0,500}")
_CLOSERS = {
    name: re.compile(rf"\{{%-?\s{{0,20}}end{name}\s{{0,20}}-?%\}}")
    for name in ("raw", "comment", "highlight")
}


def liquid_regions(text: str) -> list[Region]:
    regions: list[Region] = []
    closers = {name: Closers(text, pattern) for name, pattern in _CLOSERS.items()}
    position = 0
    while (found := _SYNTAX.search(text, position)) is not None:
        position = found.end()
        if found.group("tag") is not None:
            region, position = _tag(found, found.group("tag"), closers)
        else:
            region, position = _output(text, found, found.group("out") or "")
        regions.append(region)
    return outermost(regions)


def _tag(found: re.Match[str], inner: str, closers: dict[str, Closers]) -> tuple[Region, int]:
    named = _TAG_NAME.match(inner)
    name, rest = (named.group(1), named.group(2)) if named else ("", "")
    args, _ = parse_args(rest)
    if name in ("link", "post_url") and args:
        syntax: LinkSyntax = "link" if name == "link" else "post_url"
        return Region(
            found.start(), found.end(), "link", target=args[0], syntax=syntax, name=name
        ), found.end()
    if name in closers:
        closing = closers[name].after(found.end())
        if closing:
            if name == "highlight":
                language = args[0] if args else None
                body = (found.end(), closing.start())
                return Region(
                    found.start(), closing.end(), "code", language=language, body=body, name=name
                ), closing.end()
            if name == "raw":  # the body is output as written: Markdown, still to be linted
                return Region(found.start(), found.end(), "opaque", name=name), closing.start()
            return Region(found.start(), closing.end(), "opaque", name=name), closing.end()
    return Region(found.start(), found.end(), "opaque", name=name or None), found.end()


def _output(text: str, found: re.Match[str], inner: str) -> tuple[Region, int]:
    quoted = _QUOTED_FILTER.match(inner)
    if quoted:
        target = quoted.group("sq") if quoted.group("sq") is not None else quoted.group("dq")
        return Region(
            found.start(), found.end(), "link", target=target, syntax="relative_url", name="relative_url"
        ), found.end()
    if _BASE_OUTPUT.fullmatch(inner):
        after = _PATH_AFTER.match(text, found.end())
        if after:
            return (
                Region(
                    found.start(),
                    after.end(),
                    "link",
                    target=after.group(0),
                    syntax="relative_url",
                    name="site.baseurl",
                ),
                after.end(),
            )
    return Region(
        found.start(), found.end(), "opaque", name=inner.strip().split(" ", 1)[0][:60] or None
    ), found.end()
