"""Link rules (L): placeholders, internal and external links, link text, anchors."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from seolint.document.model import Document, Link, Span
from seolint.document.placeholders import (
    BRACKETED,
    EXAMPLE_HOST,
    PARENTHESIZED,
    PLACEHOLDER_TARGETS,
    is_placeholder_target,
    may_hold_placeholder,
)
from seolint.document.tags import tag_spans
from seolint.findings.records import Edit, Fix, Problem, Severity
from seolint.registry.edits import content_end
from seolint.registry.options import Options, option
from seolint.registry.rule import NoOptions, rule


class PlaceholderOptions(Options):
    extend_targets: tuple[str, ...] = ()  # more link targets that mean "not filled in yet"
    allow_hash: bool = False  # accept href="#" (pages whose script handles such links)


@rule("L001", "link-placeholder", Severity.ERROR, PlaceholderOptions)
def link_placeholder(doc: Document, opts: PlaceholderOptions) -> Iterator[Problem]:
    """A link placeholder was never filled in.

    Why: a draft marks links to add later as `[Link to ...]`, `href="#"` or `(TODO)`;
    published, readers get a dead link or bracketed instructions, and the post loses
    the internal and external links it was meant to have. Placeholders never count as
    links (L002, L003, W001), so a draft of placeholders is not mistaken for a linked one.
    Targets: empty, `#`, `TODO`, `url`, `link`, example.com, yourdomain.com, `{{CTA_LINK}}`,
    bracketed text (`href="[insert link]"`) or a name for a link (`link-to-the-guide`,
    `insert link here`).
    In prose: `[Link to ...]`, `[Internal link: ...]`, `[Source: insert ... link]`, and
    `(link)` or `(URL here)` closing a phrase.
    Example: `[Link to article about 5G]` or `[5G](#)` -> link the real article.
    """
    stand_ins = frozenset(t.lower() for t in (*PLACEHOLDER_TARGETS, *opts.extend_targets))
    if opts.allow_hash:
        stand_ins -= {"#"}
    for link in doc.links:
        target = (link.href or "").strip()
        if link.generated:  # the site's template code fills it in: not a placeholder
            continue
        if is_placeholder_target(target, stand_ins):
            yield Problem(
                link.span, f"link {link.text or '(no text)'!r} has placeholder target {target or '(empty)'!r}"
            )
    for line in doc.views.lines.values():  # as typed: "([link](https://...))" holds no "(link)"
        if ("[" not in line.text and "(" not in line.text) or not may_hold_placeholder(line.text):
            continue
        tags = tag_spans(line.text)
        for found in (*BRACKETED.finditer(line.text), *PARENTHESIZED.finditer(line.text)):
            if tags.overlaps(found.start(), found.end()):
                continue  # an attribute: the link's own target is reported above
            start = line.column + found.start()
            yield Problem(
                Span(line.number, start, line.number, start + len(found.group())),
                f"unfilled link placeholder {found.group()!r}",
            )


# A target of printable ASCII without brackets (the look-ahead), split as `urlsplit` splits
# it: the scheme up to the first colon (a letter, then letters, digits, + . -) and the host
# after `//`. `urlsplit` itself is only needed for the rest (spaces and controls it strips,
# IPv6 brackets, non-ASCII hosts it checks), and costs several times more per link.
_PLAIN_TARGET = re.compile(
    r"\A(?=[!-Z\\^-~]*\Z)(?:([A-Za-z][A-Za-z0-9+.-]*):)?(?://(?:[^/?#@]*@)*([^/?#:]*))?"
)


def _scheme_host(href: str) -> tuple[str, str]:
    """The lower-cased scheme and host of a link target ("" when relative)."""
    return _split(href.strip())


def _split(target: str) -> tuple[str, str]:
    if parts := _PLAIN_TARGET.match(target):
        return (parts.group(1) or "").lower(), (parts.group(2) or "").lower()
    from urllib.parse import urlsplit

    try:
        split = urlsplit(target)
    except ValueError:
        return "", ""
    return split.scheme.lower(), (split.hostname or "").lower()


def _is_site_host(host: str, site_domains: tuple[str, ...]) -> bool:
    return any(host == d.lower() or host.endswith("." + d.lower()) for d in site_domains)


def link_kind(href: str | None, site_domains: tuple[str, ...]) -> str | None:
    """ "internal", "external", or None for same-page anchors, mail, placeholders and the like."""
    target = (href or "").strip()
    if not target or target[0] == "#":
        return None
    if is_placeholder_target(target):
        return None
    scheme, host = _split(target)
    if scheme in ("http", "https") or target.startswith("//"):
        if not host:
            return None
        return "internal" if _is_site_host(host, site_domains) else "external"
    if scheme:  # mailto:, tel:, javascript:, ftp: ... are not page links
        return None
    return "internal"  # relative or root-relative


class LinkCountOptions(Options):
    min: int = option(1, minimum=0)
    site_domains: tuple[str, ...] = ()  # hosts that count as this site (top-level `site-domains`)


def _too_few(doc: Document, opts: LinkCountOptions, kind: str) -> Iterator[Problem]:
    count = sum(link_kind(link.href, opts.site_domains) == kind for link in doc.links)
    if count < opts.min:
        yield Problem(
            Span.point(1),
            f"{count} {kind} link{'s' if count != 1 else ''}; link at least {opts.min}",
            about="post",
        )


@rule(
    "L002",
    "no-internal-link",
    Severity.WARNING,
    LinkCountOptions,
    kinds=("post",),
    by_default=False,
    on_lone_drafts=True,
)
def no_internal_link(doc: Document, opts: LinkCountOptions) -> Iterator[Problem]:
    """The post links to too few other pages of the same site.

    Why: internal links help readers go deeper and help search engines find and rank
    related posts; a post without them is a dead end. Links count as internal when they
    are relative (`../setup/`, `/docs/`) or point at a host listed in `site-domains`.
    Example: add "see our [guide to connection pools](/blog/connection-pools/)".
    """
    return _too_few(doc, opts, "internal")


@rule(
    "L003",
    "no-external-link",
    Severity.WARNING,
    LinkCountOptions,
    kinds=("post",),
    by_default=False,
    on_lone_drafts=True,
)
def no_external_link(doc: Document, opts: LinkCountOptions) -> Iterator[Problem]:
    """The post cites too few sources on other sites.

    Why: linking the documentation, specification or study a post relies on lets
    readers check it, and signals to search engines that the post is well sourced.
    Example: link the release notes you summarise: `[Go 1.22 release notes](https://go.dev/doc/go1.22)`.
    """
    return _too_few(doc, opts, "external")


VAGUE_PHRASES = (
    "click here",
    "click this",
    "here",
    "right here",
    "this",
    "this link",
    "link",
    "more",
    "read more",
    "see more",
    "learn more",
    "more info",
    "more information",
    "information",
    "start",
)


class VagueTextOptions(Options):
    extend_phrases: tuple[str, ...] = ()


_PUNCTUATION = re.compile(r"[^\w\s]")


def _normalised(text: str) -> str:
    return " ".join(_PUNCTUATION.sub(" ", text.lower()).split())


@rule("L004", "vague-link-text", Severity.WARNING, VagueTextOptions, languages=("en",))
def vague_link_text(doc: Document, opts: VagueTextOptions) -> Iterator[Problem]:
    """A link's whole text says nothing about where it goes ("click here", "read more").

    Why: screen-reader users jump from link to link, and search engines use link text to
    understand the target; "here" tells neither anything. A link in a table is read with
    its row and column (WCAG's "link purpose in context"): a "Learn more" column of a table
    whose rows name their subject is fine, and is not reported.
    Example: `[click here](/pricing/)` -> `[see the pricing plans](/pricing/)`.
    """
    phrases = _vague_phrases(opts.extend_phrases)
    in_tables = [(span.line, span.end_line) for span in doc.tables]
    for link in doc.links:
        if _normalised(link.text) in phrases and not _in_a_table(link.span.line, in_tables):
            yield Problem(link.span, f"link text {link.text!r} does not say where the link goes")


@lru_cache(maxsize=8)
def _vague_phrases(extended: tuple[str, ...]) -> frozenset[str]:
    """The vague phrases as link texts are compared, made once per set of options."""
    return frozenset(_normalised(p) for p in (*VAGUE_PHRASES, *extended))


def _in_a_table(line: int, tables: list[tuple[int, int]]) -> bool:
    return any(first <= line <= last for first, last in tables)


_LOCAL_HOSTS = ("localhost", "127.0.0.1", "::1", "0.0.0.0")


@rule("L005", "insecure-link", Severity.INFO)
def insecure_link(doc: Document, opts: NoOptions) -> Iterator[Problem]:
    """A link uses `http://` instead of `https://`.

    Why: browsers warn about or upgrade plain HTTP, and search engines prefer secure
    targets; most sites serve HTTPS today. Local addresses are exempt.
    Example: `http://kubernetes.io/docs/` -> `https://kubernetes.io/docs/`.
    Fix (unsafe): `http://` becomes `https://` wherever the link's address is written on
    its line (the target, and the text when it shows the address); unsafe because the
    target may not serve HTTPS. No fix when the address is not written out verbatim
    (a reference definition elsewhere, entities).
    """
    for link in doc.links:
        href = link.href or ""
        scheme, host = _scheme_host(href)
        local = host in _LOCAL_HOSTS or host.endswith(".localhost")
        if scheme == "http" and host and not local and not EXAMPLE_HOST.match(href):
            yield Problem(
                link.span, f"insecure link to {host}; use https:// if the site supports it", _https(doc, link)
            )


def _https(doc: Document, link: Link) -> Fix | None:
    """Rewrite the scheme of every verbatim copy of the address from the link to the end of its line."""
    href = link.href or ""
    start = doc.offset(link.span.line, link.span.column)
    copies = _written_copies(doc.source, href, start, content_end(doc, link.span.end_line))
    edits = tuple(Edit(found, found + len("http"), "https") for found in copies)
    return Fix(edits, "unsafe", f"Use https://{href[len('http://') :][:60]}") if edits else None


def _written_copies(source: str, address: str, start: int, end: int) -> Iterator[int]:
    """Where `address` is written whole in `source[start:end]`, left to right: not glued to a
    word, dot, + or - before it, nor to a character of a longer address after it. (A regex
    compiled per address did the same at ~80 µs a link.)"""
    if not address:
        return
    at = source.find(address, start, end)
    while at >= 0:
        after = at + len(address)
        if not (at > 0 and _glued(source[at - 1], "_.+-")) and not (
            after < end and _glued(source[after], "_/.?#%&=~+:@-")
        ):
            yield at
            at = source.find(address, after, end)
        else:
            at = source.find(address, at + 1, end)


def _glued(char: str, marks: str) -> bool:
    return char.isalnum() or char in marks


_BARE_URL = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)


# URLs that are the information itself: an issue, pull request, commit, ticket, chat message
# or RFC cited as a reference, and addresses on the reader's own machine or network
# (http://localhost:3000) to type or open. Spelling them out is the point.
_URL_IS_THE_POINT = re.compile(
    r"^[a-z]+://(?:localhost|127\.|0\.0\.0\.0|10\.|192\.168\.|172\.(?:1[6-9]|2\d|3[01])\.|\[::1?\])"
    r"|/(?:issues|pull|pulls|commit|commits|compare|discussions|merge_requests|browse)/|/-/issues/"
    r"|#issuecomment-|zulipchat\.com/#narrow|/rfcs?/(?:pull/|text/)?\d",
    re.IGNORECASE,
)


@rule("L006", "url-as-link-text", Severity.INFO, by_default=False)
def url_as_link_text(doc: Document, opts: NoOptions) -> Iterator[Problem]:
    """A link's text is a bare URL.

    Why: a URL is hard to read aloud and says little about the page; descriptive text
    reads better and carries meaning for search engines. A URL that is the information
    itself is fine: a cited issue, pull request, commit, ticket or chat message, and an
    address on the reader's own machine (`http://localhost:8081`).
    Example: `<https://go.dev/doc/effective_go>` -> `[Effective Go](https://go.dev/doc/effective_go)`.
    """
    for link in doc.links:
        text = link.text.strip()
        if _BARE_URL.fullmatch(text) and not _URL_IS_THE_POINT.search(text):
            yield Problem(link.span, "link text is a bare URL; describe the target instead")


def heading_slugs(doc: Document) -> tuple[set[str], tuple[str, ...]]:
    """Anchors a fragment link may target: heading slugs (GitHub-style, and the
    hyphen-collapsing style of Hugo, Zola and others) and the document's explicit ids
    (`{#custom}` heading ids, HTML `id` attributes).

    Generators spell emoji out in slugs ("🦀" -> "crab") in ways that differ between
    tools, so the slug of a heading with symbols is also returned as a prefix that
    accepts any spelled-out ending.
    """
    slugs: set[str] = {"top", *doc.ids}  # HTML: "#top" scrolls to the top of any page
    prefixes: list[str] = []
    seen: dict[str, int] = {}
    for heading in doc.headings:
        github = re.sub(r"[^\w\- ]", "", heading.text.strip().lower()).replace(" ", "-")
        collapsed = "-".join(re.findall(r"[^\W_]+", heading.text.lower()))
        if not heading.text.isascii():
            prefixes.append("-".join(re.findall(r"[a-z0-9]+", heading.text.lower())) + "-")
        for slug in (github, collapsed):
            suffix = seen.get(slug, 0)
            slugs.add(slug if suffix == 0 else f"{slug}-{suffix}")
            seen[slug] = suffix + 1
    return slugs, tuple(prefixes)


@rule("L007", "broken-anchor", Severity.WARNING)
def broken_anchor(doc: Document, opts: NoOptions) -> Iterator[Problem]:
    """A `#fragment` link points at no heading or id in the same post.

    Why: a broken in-page link silently drops the reader at the top of the page; it
    usually means a heading was renamed after the link was written.
    Example: `[see setup](#set-up)` while the heading is `## Setup` -> `(#setup)`.
    """
    from urllib.parse import unquote

    anchors: tuple[set[str], tuple[str, ...]] | None = None
    for link in doc.links:
        href = (link.href or "").strip()
        if len(href) < 2 or not href.startswith("#") or href.startswith("#!"):
            continue
        targets, prefixes = anchors = anchors or heading_slugs(doc)
        fragment = unquote(href[1:])
        known = fragment in targets or fragment.lower() in targets
        if not known and not fragment.lower().startswith(prefixes):
            yield Problem(link.span, f"no heading or id matches #{fragment}")
