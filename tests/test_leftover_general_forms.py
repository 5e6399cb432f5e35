"""Leftovers found by their form, whatever their spelling: outline markers naming a heading's
level (H006) in every spelling and place, and runs of a tool's or a chat page's interface
text pasted with a draft (S010). Each with many spellings that must be found and near misses
that must stay quiet; the fixtures are written for this module, not taken from a draft set."""

from __future__ import annotations

import pytest

from seolint.discover.source import Format
from seolint.document.level_markers import leading_marker, trailing_marker
from seolint.fix.apply import fix_text
from tests.conftest import codes_at, lint, lint_result, plan_for

BODY = (
    "Connection pools hand out a fixed number of sessions, and a request that finds none free "
    "waits in line until one comes back or its deadline passes."
)
MORE = (
    "Size the pool from the database's limits rather than from the number of workers, and "
    "measure how long requests wait for a session before raising it."
)


def _found(text: str, fmt: Format, code: str) -> list[tuple[int, str]]:
    return [(line, found) for line, found in codes_at(lint(text, fmt, (code,))) if found == code]


# -- H006: a heading level's marker, in any spelling -------------------------------------------


def _post(line: str, fmt: Format) -> str:
    """A short post with `line` as its third line, where a section heading stands."""
    if fmt == "html":
        return f"<h1>Sizing pools</h1>\n<p>{BODY}</p>\n{line}\n<p>{MORE}</p>\n"
    if fmt == "text":
        return f"Sizing pools\n\n{line}\n\n{BODY} {MORE}\n"
    return f"# Sizing pools\n\n{line}\n\n{BODY} {MORE}\n"


MARKER_SPELLINGS = [
    ("markdown", "## H2: Why pools run dry"),
    ("markdown", "## H2 - Why pools run dry"),
    ("markdown", "## H2 | Why pools run dry"),
    ("markdown", "## H2. Why pools run dry"),
    ("markdown", "## h2. why pools run dry"),
    ("markdown", "## [H2] Why pools run dry"),
    ("markdown", "## (H2) Why pools run dry"),
    ("markdown", "## {H2} Why pools run dry"),
    ("markdown", "## H2 — Why pools run dry"),
    ("markdown", "## Heading 2: Why pools run dry"),
    ("markdown", "## Heading level 2 - Why pools run dry"),
    ("markdown", "## H2 📌 Why pools run dry"),
    ("markdown", "## 📌 H2: Why pools run dry"),
    ("markdown", "## Why pools run dry (H2)"),
    ("markdown", "## Why pools run dry [H2]"),
    ("markdown", "## Why pools run dry — H2"),
    ("markdown", "**H2: Why pools run dry**"),
    ("markdown", "**H3 | Why pools run dry**"),
    ("markdown", "**[H2] Why pools run dry**"),
    ("markdown", "**Why pools run dry (H2)**"),
    ("markdown", "🔹 **H2 → Why pools run dry**"),
    ("markdown", "__Heading 3 – Why pools run dry__"),
    ("text", "H2. Why pools run dry"),
    ("text", "<H2> Why pools run dry"),
    ("text", "{H3} Why pools run dry"),
    ("text", "Heading two: Why pools run dry"),
    ("text", "Level 2 heading: Why pools run dry"),
    ("text", "H2 tag - Why pools run dry"),
    ("text", "✅ H2 ▸ Why pools run dry"),
    ("text", "Why pools run dry (H2)"),
    ("text", "【H2】Why pools run dry"),
    ("text", "H2 :: Why pools run dry"),
    ("text", "**Heading-2 | Why pools run dry**"),
    ("html", "<h2>H2. Why pools run dry</h2>"),
    ("html", "<h2>&lt;H2&gt; Why pools run dry</h2>"),
    ("html", "<h2>Why pools run dry {H2}</h2>"),
    ("html", "<h2>🧭 H2 - Why pools run dry</h2>"),
    ("html", "<p>H2 – Why pools run dry</p>"),
    ("html", "<p><strong>Heading 2 | Why pools run dry</strong></p>"),
    ("html", "<p>&lt;H3&gt; Why pools run dry</p>"),
    ("html", "<p><b>Why pools run dry (H2)</b></p>"),
]


@pytest.mark.parametrize(("fmt", "line"), MARKER_SPELLINGS)
def test_a_level_marker_in_any_spelling_is_reported(fmt: Format, line: str) -> None:
    assert _found(_post(line, fmt), fmt, "H006") == [(3, "H006")]


# Weaker forms: a bare token, a counted section, a token after a dash. They are markers where
# the draft's other lines carry markers too.
WEAK_MARKER_DRAFTS = [
    ("markdown", f"# Pools\n\n## H2 Why pools run dry\n\n{BODY}\n\n### H3 The queue\n\n{MORE}\n", [3, 7]),
    (
        "markdown",
        f"# Pools\n\n## Section 1: Why pools run dry\n\n{BODY}\n\n## Section 2: Sizing\n\n{MORE}\n",
        [3, 7],
    ),
    ("text", f"Pools\n\n[Section 1] Why pools run dry\n\n{BODY}\n\n[Section 2] Sizing\n\n{MORE}\n", [3, 7]),
    (
        "markdown",
        f"# Pools\n\n## H2: Why pools run dry\n\n{BODY}\n\n## Section 3: Sizing\n\n{MORE}\n",
        [3, 7],
    ),
    (
        "markdown",
        f"# Pools\n\n**Why pools run dry — H2**\n\n{BODY}\n\n**The queue — H3**\n\n{MORE}\n",
        [3, 7],
    ),
    (
        "html",
        f"<h1>Pools</h1>\n<h2>Why pools run dry | H2</h2>\n<p>{BODY}</p>\n<h3>Queue | H3</h3>\n<p>{MORE}</p>",
        [2, 4],
    ),
    (
        "html",
        f"<h1>Pools</h1>\n<h2>[Section 1] Why</h2>\n<p>{BODY}</p>\n"
        f"<h2>[Section 2] Sizing</h2>\n<p>{MORE}</p>",
        [2, 4],
    ),
    (
        "text",
        f"Pools\n\nH2 why pools run dry\n\n{BODY}\n\nH2 sizing\n\n{MORE}\n\nH2 the queue\n\n{BODY}\n",
        [3, 7, 11],
    ),
]


@pytest.mark.parametrize(("fmt", "draft", "lines"), WEAK_MARKER_DRAFTS)
def test_a_weak_marker_is_reported_where_other_lines_carry_markers(
    fmt: Format, draft: str, lines: list[int]
) -> None:
    assert _found(draft, fmt, "H006") == [(line, "H006") for line in lines]


MARKER_NEAR_MISSES = [
    ("markdown", f"# Embedded databases\n\n## H2 database internals\n\n{BODY}\n"),
    ("markdown", f"# Protocols\n\n## HTTP/2 in practice\n\n{BODY}\n"),
    ("markdown", f"# Platforms\n\n## Section 230 and moderation\n\n{BODY}\n"),
    ("markdown", f"# Agents\n\n## Step 2: Install the agent\n\n{BODY}\n"),
    ("markdown", f"# Pools\n\n## Part 2: Sizing the pool\n\n{BODY}\n"),
    ("markdown", f"# A novel\n\n## Chapter 3\n\n{BODY}\n"),
    ("markdown", f"# A rollout\n\n## Phase 1 — discovery\n\n{BODY}\n"),
    ("markdown", f"# Hiring\n\n## H1B visas for engineers\n\n{BODY}\n"),
    ("markdown", f"# Proxies\n\n## The h2c upgrade\n\n{BODY}\n"),
    ("markdown", f"# Chemistry\n\n## H2O and the cooling loop\n\n{BODY}\n"),
    ("markdown", f"# Tests\n\n## H2-database in unit tests\n\n{BODY}\n"),
    ("markdown", f"# Java\n\n## Comparing Derby and H2\n\n{BODY}\n"),
    ("markdown", f"# Java\n\n### Option 3 — H2\n\n{BODY}\n"),
    ("markdown", f"# Pools\n\n## Section 3: Sizing\n\n{BODY}\n"),
    ("markdown", f"# Outlines\n\n```\nH2: Why pools run dry\n[H3] The queue\n```\n\n{BODY}\n"),
    ("markdown", f"# Outlines\n\nThe H2: prefix is how an outline tool marks a section.\n\n{BODY}\n"),
    ("markdown", f"# Java\n\n**H2 database:** an embedded SQL engine for tests.\n\n{BODY}\n"),
    (
        "markdown",
        "# Headings for readers\n\n## Why H2s matter\n\nUse one H1 per page and an H2 for each section.\n\n"
        "## H1: the page's title\n\nThe H1 says what the page is.\n\n## H2: the sections\n\n"
        "Each H2 opens a part of the page.\n",
    ),
    (
        "html",
        "<h1>Heading levels</h1>\n<p>A page has one H1, and its sections are H2s.</p>\n"
        "<h2>Why levels matter</h2>\n<p>Screen readers list them.</p>\n<h3>(H3) subsections</h3>\n"
        "<p>Each H3 sits under an H2.</p>",
    ),
    (
        "markdown",
        f"# Threat model\n\n## Section 1: Assets\n\n{BODY} As Section 2 shows, the limits matter.\n\n"
        f"## Section 2: Mitigations\n\n{MORE} Section 1 listed the assets.\n",
    ),
    ("text", f"Embedded databases\n\nH2 database internals\n\n{BODY}\n"),
    ("text", f"Embedded databases\n\nH2 is an embedded database written in Java.\n\n{BODY}\n"),
    ("html", f"<h1>Protocols</h1>\n<h2>HTTP/2 and h2c</h2>\n<p>{BODY}</p>"),
]


@pytest.mark.parametrize(("fmt", "draft"), MARKER_NEAR_MISSES)
def test_headings_that_name_levels_or_parts_are_no_markers(fmt: Format, draft: str) -> None:
    assert _found(draft, fmt, "H006") == []


def test_the_grammar_keeps_a_token_a_word_of_its_own() -> None:
    for text in ("H2O boils", "H1B visas", "h2c upgrade", "H2s matter", "H2-database", "HTTP/2"):
        assert leading_marker(text) is None and trailing_marker(text) is None, text
    assert leading_marker("H2 database internals") is not None  # a weak form: the draft decides
    assert not leading_marker("H2 database internals").definite  # type: ignore[union-attr]


FIXED_MARKERS = [
    ("markdown", "## H2. Why pools run dry", "## Why pools run dry"),
    ("markdown", "## {H2} Why pools run dry", "## Why pools run dry"),
    ("markdown", "## Why pools run dry — H2", "## Why pools run dry"),
    ("markdown", "## 📌 Heading 2 | Why pools run dry", "## 📌 Why pools run dry"),
    ("markdown", "**H2 | Why pools run dry**", "## Why pools run dry"),
    ("markdown", "**[H3] Why pools run dry**", "### Why pools run dry"),
    ("text", "<H2> Why pools run dry", "## Why pools run dry"),
]


@pytest.mark.parametrize(("fmt", "line", "after"), FIXED_MARKERS)
def test_the_fix_removes_a_marker_of_any_spelling(fmt: Format, line: str, after: str) -> None:
    draft = _post(line, fmt)
    result = fix_text(draft, lambda t: lint_result(t, fmt, plan_for(("H006",))).findings, unsafe=True)
    assert result.text.splitlines()[2] == after


# -- S010: page debris and runs of interface text --------------------------------------------


def test_a_date_above_the_title_is_no_copy_of_the_pages_title() -> None:
    draft = f"March 3, 2026\n\n# Sizing Connection Pools\n\n{BODY}\n\n{MORE}\n"
    assert _found(draft, "markdown", "S010") == []
    title = "Sizing Pools in Practice"
    copied = f"{title}\n\n# Connection Pools at Scale\n\n{BODY}\n\n{title}\n"
    assert _found(copied, "markdown", "S010") == [(1, "S010")]  # the source page's title over the H1


TITLE = "Sizing Connection Pools Under Load"


def _around(run: list[str], where: str, fmt: Format) -> tuple[str, list[int]]:
    """A short post with the run's lines (one under the other) above its title or under its
    last paragraph, and the numbers of the run's lines."""
    if fmt == "html":
        lines = [f"<p>{line}</p>" for line in run]
        post = [f"<h1>{TITLE}</h1>", f"<p>{BODY}</p>", f"<p>{MORE}</p>"]
    else:
        lines = list(run)
        post = [f"# {TITLE}" if fmt == "markdown" else TITLE, "", BODY, "", MORE]
    if where == "top":
        text = [*lines, "", *post]
        numbers = list(range(1, len(lines) + 1))
    else:
        text = [*post, "", *lines]
        numbers = list(range(len(post) + 2, len(post) + 2 + len(lines)))
    return "\n".join(text) + "\n", numbers


INTERFACE_RUNS = [
    ("top", "markdown", ["New chat", "Search chats", "⌘K"]),
    ("bottom", "markdown", ["Copy", "Retry", "👍 👎"]),
    ("bottom", "markdown", ["Kopieren", "Teilen", "Neu generieren"]),
    ("bottom", "markdown", ["Copier · Partager · Régénérer", "Sources · 4"]),
    ("bottom", "text", ["Copiar", "Compartir", "Regenerar respuesta"]),
    ("bottom", "text", ["复制", "分享", "重新生成"]),
    ("bottom", "markdown", ["コピー", "共有", "再生成"]),
    ("bottom", "text", ["Копировать", "Поделиться"]),
    ("bottom", "markdown", ["Condividi · Copia", "Riprova"]),
    ("bottom", "markdown", ["Kopiëren", "Delen", "Opnieuw genereren"]),
    ("bottom", "text", ["Compartilhar", "Copiar", "Tentar novamente"]),
    ("bottom", "markdown", ["Kopiuj", "Udostępnij"]),
    ("bottom", "markdown", ["Kopyala · Paylaş", "복사 · 공유"]),
    ("bottom", "markdown", ["Ask anything…", "Attach · Search · Voice"]),
    ("bottom", "text", ["Reply to Claude…", "Retry · Copy"]),
    ("bottom", "markdown", ["3 sources", "Share", "Export"]),
    ("bottom", "text", ["12 / 20 credits left", "Upgrade"]),
    ("top", "markdown", ["docs.python.org · 2", "realpython.com · 1", "View 2 more"]),
    ("bottom", "markdown", ["Ctrl + Enter to send", "Attach file", "Stop"]),
    ("bottom", "markdown", ["Read aloud", "Copy", "Good response", "Bad response"]),
    ("top", "text", ["Draft 1 of 3", "Show drafts", "Regenerate drafts"]),
    ("bottom", "markdown", ["Export to Docs · Draft in Gmail", "Modify response"]),
    ("bottom", "markdown", ["Share this chat", "Report conversation"]),
    ("top", "text", ["Sources", "developer.mozilla.org", "web.dev", "+2"]),
    ("top", "markdown", ["4 min read · 2 h ago", "Share", "Bookmark"]),
    ("bottom", "markdown", ["Like · 24", "Reply", "Report"]),
    ("top", "markdown", ["⌘ + K to search", "Esc to close"]),
    ("bottom", "text", ["Upload", "Voice", "Send message"]),
    ("top", "html", ["New chat", "Search chats"]),
    ("bottom", "html", ["Copy · Share", "Regenerate"]),
    ("bottom", "markdown", ["Generating…", "Stop generating"]),
    ("bottom", "text", ["Shorten section · Copy as Markdown · Send to Ghost"]),
    ("top", "text", ["new chat", "search chats", "library"]),
    ("top", "markdown", ["Answer", "Images", "Sources · 8"]),
    ("bottom", "markdown", ["↻", "⧉", "👍", "👎"]),
    ("bottom", "text", ["Reply…", "📎 Attach", "🎤"]),
    ("top", "markdown", ["Open sidebar", "Model: GPT-4o ▾", "Share"]),
]


@pytest.mark.parametrize(("where", "fmt", "run"), INTERFACE_RUNS)
def test_a_run_of_interface_text_at_the_edge_is_debris(where: str, fmt: Format, run: list[str]) -> None:
    draft, lines = _around(run, where, fmt)
    assert _found(draft, fmt, "S010") == [(line, "S010") for line in lines]


INTERFACE_NEAR_MISSES = [
    ("markdown", f"# {TITLE}\n\nContents\nWhy pools run dry\nSizing\nMeasuring waits\n\n{BODY}\n\n{MORE}\n"),
    ("markdown", f"# {TITLE}\n\n{BODY}\n\n- Copy the config\n- Edit the limits\n- Restart\n\n{MORE}\n"),
    ("markdown", f"# {TITLE}\n\n{BODY}\n\nCopy\nPaste\nUndo\n\n{MORE}\n"),
    ("markdown", f"# {TITLE}\n\n{BODY}\n\n{MORE}\n\nThanks for reading,\nAna\n"),
    (
        "markdown",
        f"# {TITLE}\n\n{BODY}\n\n{MORE}\n\nFurther reading\nPool sizing in practice\nQueues and deadlines\n",
    ),
    ("markdown", f"# {TITLE}\n\n{BODY}\n\n{MORE}\n\nShip small\nShip often\nSleep well\n"),
    ("markdown", f"# {TITLE}\n\n{BODY}\n\n{MORE}\n\nMaria Lopez\nStaff Engineer, Payments\n"),
    (
        "markdown",
        f"# {TITLE}\n\n{BODY}\n\n{MORE}\n\n[Download](https://example.org/dl)\n[Changelog](https://example.org/cl)\n",
    ),
    ("markdown", f"March 3, 2026\n\n# {TITLE}\n\n{BODY}\n\n{MORE}\n"),
    ("markdown", f"# {TITLE}\n\n{BODY}\n\n{MORE}\n\nPosted in Databases\nTagged postgres, pooling\n"),
    ("markdown", f"# {TITLE}\n\n{BODY}\n\n{MORE}\n\n⌘K opens search\n⌘P opens a file by name\n"),
    ("markdown", f"# {TITLE}\n\n{BODY}\n\n{MORE}\n\nAna Costa\nMarch 2026\n"),
    ("markdown", f"For Sam,\nwho fixed the pool\n\n# {TITLE}\n\n{BODY}\n\n{MORE}\n"),
    ("markdown", f"# {TITLE}\n\n{BODY}\n\n{MORE}\n\nShare your numbers with us\nSubscribe for more\n"),
    ("markdown", f"# {TITLE}\n\n{BODY}\n\nSearch\n\n{MORE}\n\nHappy pooling!\n"),
    ("text", f"{TITLE}\n\n{BODY}\n\n{MORE}\n\nNext: Tuning the Queue\nPrevious: Why Pools Exist\n"),
    ("text", f"{TITLE}\n\nBy Ana Costa\nMarch 3, 2026\n\n{BODY}\n\n{MORE}\n"),
    ("text", f"{TITLE}\n\n{BODY}\n\n{MORE}\n\nPart 1: Why Pools Exist\nPart 2: Sizing\nPart 3: Queues\n"),
    (
        "html",
        '<nav><a href="/">Home</a> · <a href="/blog">Blog</a> · <a href="/about">About</a></nav>\n'
        f"<article><h1>{TITLE}</h1>\n<p>{BODY}</p>\n<p>{MORE}</p></article>\n"
        '<footer><p><a href="/share">Share this post</a></p>\n<p>Tags: postgres, pooling</p></footer>',
    ),
    (
        "html",
        f'<article><h1>{TITLE}</h1>\n<p class="post-meta">By Ana Costa · 5 min read</p>\n'
        f'<p class="post-meta"><time datetime="2026-03-03">Mar 3, 2026</time></p>\n'
        f"<p>{BODY}</p>\n<p>{MORE}</p></article>",
    ),
    (
        "html",
        f"<html><body><article><h1>{TITLE}</h1>\n<p>{BODY}</p>\n<p>{MORE}</p></article>\n"
        "<footer><p>Privacy · Terms</p>\n<p>Search · Menu</p>\n"
        "<p>© 2026 Pools Inc.</p></footer></body></html>",
    ),
    ("markdown", f"# {TITLE}\n\n{BODY}\n\n{MORE}\n\n```\nCopy\nShare\nRetry\n```\n"),
    ("markdown", f"# {TITLE}\n\n{BODY}\n\n{MORE}\n\nDatabases · Postgres · Pooling\n"),
    (
        "markdown",
        f"# {TITLE}\n\n{BODY}\n\n{MORE}\n\nCopy the settings, edit the\nlimits and share the results\n",
    ),
]


@pytest.mark.parametrize(("fmt", "draft"), INTERFACE_NEAR_MISSES)
def test_short_lines_of_a_posts_own_are_no_interface_text(fmt: Format, draft: str) -> None:
    assert _found(draft, fmt, "S010") == []
