"""Links that are not links yet: the placeholders a draft leaves where a link should go.

One definition for every reader of links: L001 reports them, the link counts (L002, L003)
and the site model (W001) never count them as links. A target is a placeholder when it
is empty, a stand-in word (`#`, `TODO`, `url`, `link`), an address with a part still to fill
in (`/?p=TBD`), an example.com or yourdomain.com
address or one whose host is still to fill in (`https://???/...`, `https://YOUR-DOMAIN/...`,
`about:blank`), a template variable (`{{CTA_LINK}}`), bracketed text (`[insert link to the
guide]`) or a name for a link (`link-to-the-pricing-page`, `insert link here`). In prose, `[Link to ...]`,
`[Internal link: ...]`, `[Source: insert ... link]`, `(link)` and `(URL here)` are. A Google
Docs redirect (`https://www.google.com/url?q=...`) is read by the target it wraps.
"""

from __future__ import annotations

import re

PLACEHOLDER_TARGETS = (
    "#",
    "todo",
    "tbd",
    "url",
    "link",
    "http://",
    "https://",
    "javascript:void(0)",
    "javascript:void(0);",
    "javascript:;",
    "about:blank",
)
STAND_INS = frozenset(PLACEHOLDER_TARGETS)
# example.com, and the host a template writes for the site's own: "yourdomain.com", "your-site.com".
EXAMPLE_HOST = re.compile(
    r"^(?:https?:)?//(?:www\.)?(?:example\.(?:com|org|net)|your-?(?:domain|site|website|blog|company)\.(?:com|org|net|io))"
    r"(?:[/?#]|$)"
    # or a host under a top-level domain reserved for examples (RFC 2606): "yourcompany.example".
    r"|^(?:https?:)?//[^/?#]+\.(?:example|invalid)(?:[/?#:]|$)",
    re.IGNORECASE,
)
# An address whose host is not a name yet: question marks, blanks, or a name in capitals for
# the writer's own host ("https://???/blog/x", "https://___/", "https://YOUR-DOMAIN/blog").
_UNFILLED_HOST = re.compile(
    r"^(?:https?:)?//(?:[^/?#]*[?_*…]{2,}[^/?#]*|(?-i:YOUR|MY|OUR)[-_](?-i:[A-Z][A-Z_-]*)(?:\.[a-z]{2,})?)(?:[/#]|$)",
    re.IGNORECASE,
)
# An image source that names the kind of file still to make: "path/to/chart.png",
# "/path/to/your/image.jpg", "your-image.png", "image-url-here".
_UNFILLED_SOURCE = re.compile(
    r"^(?:\.?/)?path/to/|^(?:your|my)[-_]image\b|^image[-_](?:url|link|here)\b", re.I
)
# "{{CTA_LINK}}", "{{ product_url }}", "[[link]]", "<url>", "[insert link to the guide]"; but not
# a Go template expression ("{{.URL}}") or a Hugo shortcode ("{{< ref >}}"): published templates
# use those.
_TEMPLATE_TARGET = re.compile(r"^\{\{(?![\s]*[.<%$])[^{}]*\}\}$|^\[[^\[\]]*\]$|^\[\[[^\[\]]*\]\]$|^<[^<>]*>$")
# A name for a link instead of an address: "link-to-the-pricing-page", "insert_link_here",
# "your-url", "URL goes here"; no dot or slash after its first character (a real path has them).
_NAMED_TARGET = re.compile(
    r"^[#/]?(?:(?:links?|urls?|href)[-_ ]+(?:to|for|here|goes|of|about|placeholder)"
    r"|(?:insert|add|your|placeholder|todo)[-_ ]+(?:an?[-_ ]+|the[-_ ]+)?(?:\w+[-_ ]+)?(?:links?|urls?))"
    r"(?:[-_ ][^./]*)?$",
    re.IGNORECASE,
)
# An address with a part still to fill in, in capitals: "/?p=TBD", "/blog/TODO", "/docs/XXX#top";
# or a bracketed part described in words: "/blog/[slug-of-etag-post]", "/docs/[insert page]"
# (a framework's route segment "[slug]" or "[...id]" names one variable, no description).
_UNFILLED_PART = re.compile(
    r"[/=](?:TBD|TODO|TBA|XXX|FIXME)(?=$|[&#/?])"
    r"|/\[(?=[^\[\]/]{0,80}(?:\s|-of-|\b(?i:insert|your|link|url)\b))[^\[\]/]{1,80}\](?=$|[&#/?])"
)
# "[Link to article about 5G]", "[Insert link]", "[URL]", "[Internal link: pricing]", "[Source:
# insert survey link]" in prose, not followed by "(" (a real link) or ":" (a definition).
BRACKETED = re.compile(
    r"\[\s*(?:links?(?:\s+(?:to|for|here|about)\b[^\[\]\n]*|\s*:[^\[\]\n]*|\s*)"
    r"|(?:internal|external|related|relevant|inbound|outbound|affiliate|anchor)\s+links?\b[^\[\]\n]*"
    r"|(?:insert|add)\s+(?:an?\s+|the\s+)?(?:\w+\s+)?(?:link|url|source)\b[^\[\]\n]*"
    r"|source\s*:[^\[\]\n]*\b(?:insert|add|link|url)\b[^\[\]\n]*"
    r"|(?:url|source|tk)\s*)\](?![(\[:])",
    re.IGNORECASE,
)
# "(link)" closing a phrase, "(link to the RFC)" anywhere, "(URL here)", "(insert link to the RFC)",
# also right after "]" (a Markdown link whose target is words: `[the docs](insert link here)`).
# Not "(source)" or "external source (URL) references": those gloss a word.
PARENTHESIZED = re.compile(
    r"(?<![\]\w])\(\s*(?:links?|urls?)\s*\)(?=\s*(?:[.,;:!?]|$))"
    r"|(?<![\]\w])\(\s*(?:links?|urls?) (?:to|for) [^()\n]{1,80}\)"  # "see the (link to the docs) for"
    r"|(?<![\]\w])(?-i:\(links?\))(?=\s+[a-z])"  # "see the spec (link) for the API"
    r"|(?<!\w)\(\s*(?:link here|url here|(?:insert|add)\s+(?:an?\s+|the\s+)?(?:links?|urls?)\b[^()\n]{0,80})"
    r"\s*\)",
    re.IGNORECASE | re.MULTILINE,
)

_PLACEHOLDER_WORDS = ("link", "url", "source", "tk")  # every match of BRACKETED and PARENTHESIZED holds one


def may_hold_placeholder(text: str) -> bool:
    """False when neither BRACKETED nor PARENTHESIZED can match in `text`: most lines of
    prose, told apart in a tenth of the patterns' time. Only ASCII text is told apart: under
    IGNORECASE `re` also matches a Kelvin sign for "k" or a dotless i for "i", which
    lower-casing does not turn into the letter."""
    if not text.isascii():
        return True
    lowered = text.lower()
    return any(word in lowered for word in _PLACEHOLDER_WORDS)


def is_placeholder_target(target: str | None, stand_ins: frozenset[str] = STAND_INS) -> bool:
    """Whether a link target (as written) is a placeholder; `stand_ins` are the whole targets
    (lower case) that stand in for an address: PLACEHOLDER_TARGETS unless a config says more."""
    target = (target or "").strip()
    if not target:
        return True
    lowered = target.lower()
    if lowered in stand_ins:
        return True
    if ("example" in lowered or "your" in lowered or ".invalid" in lowered) and EXAMPLE_HOST.match(target):
        return True
    if target[0] in "{[<" and _TEMPLATE_TARGET.match(target):
        return True
    if _UNFILLED_PART.search(target):
        return True
    if "//" in target and _UNFILLED_HOST.match(target):
        return True
    if lowered.startswith(_REDIRECTS):
        return is_placeholder_target(_redirected(target), stand_ins)
    return bool(_NAMED_TARGET.match(target))


# A Google Docs export wraps every link in a redirect: its `q` is the target as written.
_REDIRECTS = ("https://www.google.com/url?", "http://www.google.com/url?", "https://google.com/url?")


def _redirected(target: str) -> str:
    from urllib.parse import parse_qs, urlsplit

    return (parse_qs(urlsplit(target).query).get("q") or ["https://"])[0]


def is_placeholder_source(src: str | None) -> bool:
    """Whether an image source (as written) is a stand-in for a file still to make: a path
    that says "path/to" or "your image" instead of a file, or an address on a host still to
    fill in. (A template expression is the site's to fill, an empty source I001's.)"""
    source = (src or "").strip()
    return _UNFILLED_SOURCE.match(source) is not None or (
        "//" in source and _UNFILLED_HOST.match(source) is not None
    )
