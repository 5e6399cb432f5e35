"""`seolint server`: positions, suppression comments, and one real LSP session over stdio.

The session starts `seolint server` as a subprocess and talks to it with pygls's
LanguageClient, as an editor would. Timeouts there only guard against a hang.
"""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from lsprotocol import types
from pygls.lsp.client import LanguageClient

from seolint.document.model import Span
from seolint.findings.records import Edit, Finding, Fix, Severity
from seolint.server.actions import Buffer, actions, suppressions
from seolint.server.positions import LineIndex, units
from seolint.server.server import Linter
from seolint.server.site import with_fixes
from tests.conftest import ROOT

HANG_GUARD = 60.0  # seconds; a healthy run needs a small fraction of this on a loaded machine
SEOLINT = Path(sys.executable).parent / "seolint"
DRAFT = (
    "# Caching in practice\n"
    "\n"
    "H2: Why local state breaks down\n"
    "\n"
    "🚀 Read [Link to article about caching] first. TODO\n"
    "\n"
    "Same line twice\n"
    "Same line twice\n"
)
CONFIG = 'select = ["H006", "L001", "S004", "TST001"]\n'


# --- positions -------------------------------------------------------------------------


def test_columns_count_utf16_units_after_a_non_bmp_character() -> None:
    index = LineIndex("a\n🚀 [x]\n")
    assert index.at(2, 3) == (1, 3)  # 1-based column 3 is `[`: after 🚀 (2 units) and a space
    assert index.range_of(Span(2, 3, 2, 6)) == ((1, 3), (1, 6))
    assert LineIndex("🚀 [x]", "utf-8").at(1, 3) == (0, 5)
    assert LineIndex("🚀 [x]", "utf-32").at(1, 3) == (0, 2)


def test_positions_clamp_to_the_buffer_and_skip_line_endings() -> None:
    index = LineIndex("ab\r\ncd")
    assert index.at(1, 99) == (0, 2)  # never inside the CRLF
    assert index.at(9, 1) == (1, 2)  # past the last line: the buffer's end
    assert index.position(len("ab\r\ncd")) == (1, 2)
    assert LineIndex("ab\n").position(3) == (1, 0)  # a final line ending opens an empty line
    assert index.offset((0, 99)) == 2 and index.offset((5, 0)) == len(index.text)


@given(
    st.lists(st.sampled_from(["a", "é", "🚀", "\n", "\r\n", "\r", " "]), max_size=40).map("".join), st.data()
)
def test_offset_and_position_round_trip(text: str, data: st.DataObject) -> None:
    index = LineIndex(text)
    inside_crlf = {i + 1 for i in range(len(text) - 1) if text[i : i + 2] == "\r\n"}
    offsets = [o for o in range(len(text) + 1) if o not in inside_crlf]
    offset = data.draw(st.sampled_from(offsets))
    line, character = index.position(offset)
    assert index.offset((line, character)) == offset
    before = text[:offset].replace("\r\n", "\n").replace("\r", "\n")
    assert line == before.count("\n")
    assert character == units(before.rsplit("\n", 1)[-1])


# --- suppression comments --------------------------------------------------------------


def finding(line: int, code: str = "H006", fix: Fix | None = None) -> Finding:
    return Finding("post.md", Span(line, 1, line, 3), code, "x", Severity.ERROR, "m", "", fix)


def comments(text: str, line: int, front_matter_lines: int = 0) -> dict[str, str]:
    buffer = Buffer("file:///post.md", 1, LineIndex(text), front_matter_lines)
    applied = {}
    for title, edit in suppressions(buffer, finding(line)):
        applied[title] = text[: edit.start] + edit.text + text[edit.end :]
    return applied


def test_a_block_start_gets_the_comment_on_its_own_line_above() -> None:
    result = comments("Intro.\n\nH2: Setup\nmore\n", 3)
    assert result["Disable H006 for this line"] == (
        "Intro.\n\n<!-- seolint-disable-next-line H006 -->\nH2: Setup\nmore\n"
    )


def test_a_line_inside_a_paragraph_gets_the_comment_at_its_end() -> None:
    """A comment block would split the paragraph (CommonMark: it interrupts one)."""
    result = comments("Intro\nH2: Setup\r\nmore\r\n", 2)
    assert (
        result["Disable H006 for this line"]
        == "Intro\nH2: Setup <!-- seolint-disable-line H006 -->\r\nmore\r\n"
    )


def test_front_matter_gets_no_line_comment_but_a_file_one_after_it() -> None:
    result = comments("---\ntitle: x\n---\nBody\n", 2, front_matter_lines=3)
    assert list(result) == ["Disable H006 for this file"]
    assert (
        result["Disable H006 for this file"]
        == "---\ntitle: x\n---\n<!-- seolint-disable-file H006 -->\nBody\n"
    )


def test_fix_all_takes_each_safe_fix_once_and_skips_overlaps_and_unsafe_ones() -> None:
    text = "aaaa bbbb"
    fixes = [
        finding(1, "A001", Fix((Edit(0, 4, "A"),), "safe", "a")),
        finding(1, "A002", Fix((Edit(2, 6, "B"),), "safe", "overlaps the first")),
        finding(1, "A003", Fix((Edit(5, 9, "C"),), "unsafe", "unsafe")),
    ]
    buffer = Buffer("file:///post.md", 7, LineIndex(text))
    whole = types.Range(types.Position(0, 0), types.Position(0, 9))
    found = {a.title: a for a in actions(buffer, fixes, whole)}
    assert "Fix A003: unsafe (unsafe)" in found
    fix_all = found["Fix all safe seolint findings (1)"]
    assert fix_all.edit is not None and fix_all.edit.document_changes is not None
    change = fix_all.edit.document_changes[0]
    assert isinstance(change, types.TextDocumentEdit) and change.text_document.version == 7
    assert [e.new_text for e in change.edits] == ["A"]
    only = actions(buffer, fixes, whole, only=[types.CodeActionKind.SourceFixAll])
    assert [a.title for a in only] == ["Fix all safe seolint findings (1)"]


def test_importing_the_cli_does_not_load_the_language_server() -> None:
    probe = "import seolint.cli.main, sys; print(' '.join(sys.modules))"
    loaded = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, cwd=ROOT
    )
    loaded_names = {m.split(".")[0] for m in loaded.stdout.split()} | set(loaded.stdout.split())
    assert not loaded_names & {"pygls", "lsprotocol", "seolint.server.server"}


# --- linting a buffer ------------------------------------------------------------------


def test_a_config_edited_on_disk_applies_to_the_next_lint(tmp_path: Path) -> None:
    """Clients without file watching (Neovim on Linux by default) still get the new config."""
    (tmp_path / ".seolint.toml").write_text('select = ["S004"]\n')
    linter, post = Linter(), tmp_path / "post.md"
    assert [f.code for f in linter.lint(post, "Twice\nTwice\n", "markdown").findings] == ["S004"]
    (tmp_path / ".seolint.toml").write_text('select = ["S004"]\nignore = ["S004"]\n')
    assert linter.lint(post, "Twice\nTwice\n", "markdown").findings == ()


def test_a_broken_config_is_one_problem_naming_the_file(tmp_path: Path) -> None:
    (tmp_path / ".seolint.toml").write_text('select = ["NOPE"]\n')
    verdict = Linter().lint(tmp_path / "post.md", "text\n", "markdown")
    assert verdict.findings == () and verdict.problem is not None
    assert str(tmp_path / ".seolint.toml") in verdict.problem


def test_excluded_files_are_not_linted(tmp_path: Path) -> None:
    (tmp_path / ".seolint.toml").write_text('select = ["S004"]\nextend-exclude = ["drafts/*"]\n')
    assert Linter().lint(tmp_path / "drafts" / "post.md", "Twice\nTwice\n", "markdown") is None


def test_files_outside_a_site_or_config_are_not_linted_unless_asked(tmp_path: Path) -> None:
    """requirements.txt and a project's README are not drafts (issue 28)."""
    for name, fmt in (("requirements.txt", "text"), ("README.md", "markdown")):
        assert Linter().lint(tmp_path / name, "pygls>=2\n", fmt) is None  # type: ignore[arg-type]
        verdict = Linter(everywhere=True).lint(tmp_path / name, "pygls>=2\n", fmt)  # type: ignore[arg-type]
        assert verdict is not None and "H001" in {f.code for f in verdict.findings}


def test_inside_a_site_only_its_content_is_linted(tmp_path: Path) -> None:
    site = blog_site(tmp_path)
    linter = Linter()
    assert linter.lint(site / "README.md", "# Notes\n", "markdown") is None
    assert linter.lint(site / "layouts" / "x.html", "<p>x</p>", "html") is None
    verdict = linter.lint(site / "content" / "posts" / "guide.md", GUIDE, "markdown")
    assert verdict is not None and verdict.site is not None and verdict.site.generator == "hugo"


# --- site rules across open buffers ------------------------------------------------------

GUIDE = """---
title: "Deploying with the CLI"
description: "How to deploy a service with the command line, step by step, from a clean checkout."
---

Start with [the checklist](/posts/checklist/) before anything else.

## Preparing the release

Tag the commit, then build the image and push it to the registry you use.
"""
CHECKLIST = """---
title: "The release checklist"
description: "What to check before a release goes out, from tags to dashboards and rollbacks."
---

Read [the deploy guide](/posts/guide/) and its [preparation step](/posts/guide/#preparing-the-release).
"""


def blog_site(tmp_path: Path) -> Path:
    """A small Hugo site whose two posts link to each other (written for these tests)."""
    site = tmp_path / "blog"
    (site / "content" / "posts").mkdir(parents=True)
    (site / "layouts").mkdir()
    (site / "hugo.toml").write_text('baseURL = "https://blog.example.com/"\n')
    (site / "content" / "posts" / "guide.md").write_text(GUIDE)
    (site / "content" / "posts" / "checklist.md").write_text(CHECKLIST)
    return site


def test_a_heading_renamed_in_one_buffer_breaks_the_anchor_in_another(tmp_path: Path) -> None:
    site = blog_site(tmp_path)
    guide, checklist = site / "content" / "posts" / "guide.md", site / "content" / "posts" / "checklist.md"
    linter = Linter()
    renamed = GUIDE.replace("## Preparing the release", "## Preparing a release")
    buffers = {}
    for path, text in ((guide, renamed), (checklist, CHECKLIST)):
        verdict = linter.lint(path, text, "markdown")
        assert verdict is not None and verdict.result is not None and verdict.site is not None
        buffers[path] = verdict.result
    judged = linter.site_verdict(verdict.site, buffers)
    assert [(f.span.line, f.code) for f in judged.findings[checklist]] == [(6, "W002")]
    assert judged.findings[guide] == ()
    (fixed,) = with_fixes(judged.findings[checklist], judged.model, checklist, LineIndex(CHECKLIST))
    assert fixed.fix is not None and fixed.fix.applicability == "unsafe"
    (edit,) = fixed.fix.edits
    assert CHECKLIST[edit.start : edit.end] == "/posts/guide/#preparing-the-release"
    assert edit.text == "/posts/guide/#preparing-a-release"  # W002's "did you mean"
    buffers[guide] = linter.lint(guide, GUIDE, "markdown").result  # type: ignore[union-attr]
    assert linter.site_verdict(verdict.site, buffers).findings[checklist] == ()


# --- one real session ------------------------------------------------------------------


def utf16_offset(text: str, position: types.Position) -> int:
    """The str offset of an LSP position, computed independently of seolint.server.positions."""
    lines = text.split("\n")  # the session's buffers use LF only
    start = sum(len(line) + 1 for line in lines[: position.line])
    encoded = lines[position.line].encode("utf-16-le")[: 2 * position.character]
    return start + len(encoded.decode("utf-16-le"))


def apply(text: str, edits: list[types.TextEdit]) -> str:
    for edit in sorted(edits, key=lambda e: (e.range.start.line, e.range.start.character), reverse=True):
        start, end = utf16_offset(text, edit.range.start), utf16_offset(text, edit.range.end)
        text = text[:start] + edit.new_text + text[end:]
    return text


def seen(diagnostics: list[types.Diagnostic]) -> set[tuple[object, int, int, int, int, object]]:
    return {
        (
            d.code,
            d.range.start.line,
            d.range.start.character,
            d.range.end.line,
            d.range.end.character,
            d.severity,
        )
        for d in diagnostics
    }


def plugin_distribution(tmp_path: Path) -> Path:
    """A throwaway distribution whose `seolint.rules` entry point is tests/lsp_fix_rule.py."""
    info = tmp_path / "seolint_test_fix_rule-0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: seolint-test-fix-rule\nVersion: 0\n")
    (info / "entry_points.txt").write_text("[seolint.rules]\ntodo = tests.lsp_fix_rule\n")
    return tmp_path


class Session:
    """A LanguageClient talking to `seolint server`, with what the server sent it."""

    def __init__(self) -> None:
        self.client = LanguageClient("seolint-test", "0")
        self.published: asyncio.Queue[types.PublishDiagnosticsParams] = asyncio.Queue()
        self.registrations: list[types.Registration] = []

        @self.client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        def published(params: types.PublishDiagnosticsParams) -> None:
            self.published.put_nowait(params)

        @self.client.feature(types.CLIENT_REGISTER_CAPABILITY)
        def register(params: types.RegistrationParams) -> None:
            self.registrations.extend(params.registrations)

    async def diagnostics(self, version: int | None = None) -> list[types.Diagnostic]:
        """The next diagnostics published (for `version`, skipping older ones)."""
        while True:
            params = await asyncio.wait_for(self.published.get(), HANG_GUARD)
            if version is None or params.version == version:
                return list(params.diagnostics)

    async def actions(self, uri: str, line: int, character: int) -> dict[str, types.CodeAction]:
        at = types.Position(line, character)
        params = types.CodeActionParams(
            types.TextDocumentIdentifier(uri), types.Range(at, at), types.CodeActionContext(diagnostics=[])
        )
        found = await asyncio.wait_for(self.client.text_document_code_action_async(params), HANG_GUARD)
        return {a.title: a for a in found or [] if isinstance(a, types.CodeAction)}


def edits_of(action: types.CodeAction, uri: str, version: int) -> list[types.TextEdit]:
    assert action.edit is not None and action.edit.document_changes is not None
    (change,) = action.edit.document_changes
    assert isinstance(change, types.TextDocumentEdit)
    assert change.text_document.uri == uri and change.text_document.version == version
    return [e for e in change.edits if isinstance(e, types.TextEdit)]


async def converse(project: Path, plugin: Path) -> tuple[int | None, dict[str, Any]]:
    session = Session()
    client = session.client
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(plugin), str(ROOT)])}
    await client.start_io(str(SEOLINT), "server", cwd=str(project), env=env)
    capabilities = types.ClientCapabilities(
        workspace=types.WorkspaceClientCapabilities(
            did_change_watched_files=types.DidChangeWatchedFilesClientCapabilities(dynamic_registration=True),
            workspace_edit=types.WorkspaceEditClientCapabilities(document_changes=True),
        ),
        general=types.GeneralClientCapabilities(position_encodings=[types.PositionEncodingKind.Utf16]),
    )
    uri = (project / "post.md").as_uri()
    seen_by_step: dict[str, Any] = {}
    await asyncio.wait_for(
        client.initialize_async(types.InitializeParams(capabilities=capabilities, root_uri=project.as_uri())),
        HANG_GUARD,
    )
    client.initialized(types.InitializedParams())

    text = DRAFT
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(types.TextDocumentItem(uri, "markdown", 1, text))
    )
    seen_by_step["open"] = seen(await session.diagnostics(1))

    marker = types.Range(types.Position(2, 0), types.Position(2, 4))  # `H2: ` -> `## `
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            types.VersionedTextDocumentIdentifier(version=2, uri=uri),
            [types.TextDocumentContentChangePartial(range=marker, text="## ")],
        )
    )
    text = apply(text, [types.TextEdit(marker, "## ")])
    seen_by_step["change"] = seen(await session.diagnostics(2))

    version = 2
    for step, (line, character), title in (
        ("disable", (4, 10), "Disable L001 for this line"),
        ("fix", (5, 48), "Fix TST001: Replace TODO with DONE"),
    ):
        offered = await session.actions(uri, line, character)
        seen_by_step[f"{step} offered"] = set(offered)
        edits = edits_of(offered[title], uri, version)
        version += 1
        client.text_document_did_change(
            types.DidChangeTextDocumentParams(
                types.VersionedTextDocumentIdentifier(version=version, uri=uri),
                [types.TextDocumentContentChangePartial(range=e.range, text=e.new_text) for e in edits],
            )
        )
        text = apply(text, edits)
        seen_by_step[step] = seen(await session.diagnostics(version))
    seen_by_step["text"] = text

    hover = await asyncio.wait_for(
        client.text_document_hover_async(
            types.HoverParams(types.TextDocumentIdentifier(uri), types.Position(8, 2))
        ),
        HANG_GUARD,
    )
    seen_by_step["hover"] = (
        hover.contents.value if hover and isinstance(hover.contents, types.MarkupContent) else ""
    )

    (project / ".seolint.toml").write_text(CONFIG + '[severity]\nS004 = "error"\n')
    config_uri = (project / ".seolint.toml").as_uri()
    client.workspace_did_change_watched_files(
        types.DidChangeWatchedFilesParams([types.FileEvent(config_uri, types.FileChangeType.Changed)])
    )
    seen_by_step["config"] = seen(await session.diagnostics(version))
    seen_by_step["watching"] = [
        watcher["globPattern"]
        for r in session.registrations
        if r.method == types.WORKSPACE_DID_CHANGE_WATCHED_FILES
        for watcher in r.register_options["watchers"]
    ]

    await asyncio.wait_for(client.shutdown_async(None), HANG_GUARD)
    client.exit(None)
    assert client._server is not None
    code = await asyncio.wait_for(client._server.wait(), HANG_GUARD)
    await asyncio.wait_for(client.stop(), HANG_GUARD)
    return code, seen_by_step


@pytest.fixture
def project(tmp_path: Path) -> Path:
    folder = tmp_path / "blog"
    folder.mkdir()
    (folder / ".seolint.toml").write_text(CONFIG)
    (folder / "post.md").write_text("")  # the server lints the unsaved buffer, not this
    return folder


def test_a_session_over_stdio(project: Path, tmp_path: Path) -> None:
    plugin = tmp_path / "plugin"
    plugin.mkdir()
    code, steps = asyncio.run(converse(project, plugin_distribution(plugin)))
    error, warning, info = (
        types.DiagnosticSeverity.Error,
        types.DiagnosticSeverity.Warning,
        types.DiagnosticSeverity.Information,
    )
    h006 = ("H006", 2, 0, 2, 31, error)
    l001 = ("L001", 4, 8, 4, 39, error)  # 🚀 is one character but two UTF-16 units
    todo = ("TST001", 4, 47, 4, 51, info)
    s004 = ("S004", 7, 0, 7, 15, warning)
    assert steps["open"] == {h006, l001, todo, s004}
    assert steps["change"] == {l001, todo, s004}
    assert {"Disable L001 for this line", "Disable L001 for this file"} <= steps["disable offered"]
    # The comment went on its own line above (a blank line precedes it), so what follows moved down.
    assert steps["disable"] == {("TST001", 5, 47, 5, 51, info), ("S004", 8, 0, 8, 15, warning)}
    # S004 (a repeated line) has a safe fix of its own, so "fix all" covers two findings.
    assert {"Fix TST001: Replace TODO with DONE", "Fix all safe seolint findings (2)"} <= steps["fix offered"]
    assert steps["fix"] == {("S004", 8, 0, 8, 15, warning)}
    assert steps["text"] == DRAFT.replace("H2: ", "## ").replace(
        "🚀 Read [Link to article about caching] first. TODO",
        "<!-- seolint-disable-next-line L001 -->\n🚀 Read [Link to article about caching] first. DONE",
    )
    assert "S004 duplicate-line" in str(steps["hover"]) and "repeats the one just before it" in str(
        steps["hover"]
    )
    assert steps["config"] == {("S004", 8, 0, 8, 15, error)}  # the new config's severity, no restart
    assert steps["watching"] == ["**/*.toml", "**/*.{md,markdown,mdx,html,htm,txt}"]
    assert code == 0


# --- editors' set-ups against the real server (pygls's LanguageClient as the scripted client) ---


class Editor:
    """What two editors send on start-up, as the README sets them up: VS Code's Generic LSP
    Client (vscode-languageclient: UTF-16, file watching, `glspc.server.initializationOptions`)
    and Neovim's `vim.lsp.start` (UTF-8 first, no file watching on Linux, `init_options`)."""

    def __init__(self, name: str, options: dict[str, Any] | None = None) -> None:
        self.name, self.options = name, options
        vscode = name == "vscode"
        encodings = ["utf-16"] if vscode else ["utf-8", "utf-16", "utf-32"]
        self.capabilities = types.ClientCapabilities(
            workspace=types.WorkspaceClientCapabilities(
                did_change_watched_files=types.DidChangeWatchedFilesClientCapabilities(
                    dynamic_registration=vscode
                ),
                workspace_edit=types.WorkspaceEditClientCapabilities(document_changes=True),
                workspace_folders=True,
            ),
            general=types.GeneralClientCapabilities(position_encodings=encodings),  # type: ignore[arg-type]
        )
        self.text_language = "plaintext" if vscode else "text"

    def initialize(self, root: Path) -> types.InitializeParams:
        folder = types.WorkspaceFolder(root.as_uri(), root.name)
        return types.InitializeParams(
            capabilities=self.capabilities,
            root_uri=root.as_uri(),
            workspace_folders=[folder],
            initialization_options=self.options if self.name == "vscode" else self.options or None,
        )


class Published:
    """Every diagnostics notification, by document, in the order the server sent them."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.by_uri: dict[str, list[list[types.Diagnostic]]] = {}

    async def until(self, uri: str, wanted: Any) -> list[types.Diagnostic]:
        """Wait for diagnostics of `uri` that `wanted` accepts (a hang fails the test)."""
        while True:
            for diagnostics in self.by_uri.get(uri, []):
                if wanted(diagnostics):
                    self.by_uri[uri] = []
                    return diagnostics
            params = await asyncio.wait_for(self.session.published.get(), HANG_GUARD)
            self.by_uri.setdefault(params.uri, []).append(list(params.diagnostics))


def codes(diagnostics: list[types.Diagnostic]) -> set[object]:
    return {d.code for d in diagnostics}


async def edit_session(workspace: Path, editor: Editor) -> dict[str, Any]:
    """Open two posts of a site and two files outside it; rename a heading and put it back."""
    session = Session()
    client = session.client
    await client.start_io(
        str(SEOLINT), "server", cwd=str(workspace), env={**os.environ, "PYTHONPATH": str(ROOT)}
    )
    await asyncio.wait_for(client.initialize_async(editor.initialize(workspace)), HANG_GUARD)
    client.initialized(types.InitializedParams())
    published, seen_by_step = Published(session), {}
    posts = workspace / "blog" / "content" / "posts"
    guide, checklist = (posts / "guide.md").as_uri(), (posts / "checklist.md").as_uri()
    outside = {
        (workspace / "README.md").as_uri(): ("markdown", "# Project\n\nRun `make`.\n"),
        (workspace / "requirements.txt").as_uri(): (editor.text_language, "pygls>=2\nrich\n"),
    }
    for uri, (language, text) in outside.items():
        client.text_document_did_open(
            types.DidOpenTextDocumentParams(types.TextDocumentItem(uri, language, 1, text))
        )
    for uri, text in ((guide, GUIDE), (checklist, CHECKLIST)):
        client.text_document_did_open(
            types.DidOpenTextDocumentParams(types.TextDocumentItem(uri, "markdown", 1, text))
        )
    seen_by_step["open"] = codes(await published.until(checklist, lambda d: True))
    version = 1
    for step, (old, new) in (
        ("renamed", ("## Preparing the release", "## Preparing a release")),
        ("restored", ("## Preparing a release", "## Preparing the release")),
    ):
        line = GUIDE.splitlines().index("## Preparing the release")
        version += 1
        change = types.TextDocumentContentChangePartial(
            range=types.Range(types.Position(line, 0), types.Position(line, len(old))), text=new
        )
        client.text_document_did_change(
            types.DidChangeTextDocumentParams(
                types.VersionedTextDocumentIdentifier(version=version, uri=guide), [change]
            )
        )
        wanted = (lambda d: "W002" in codes(d)) if step == "renamed" else (lambda d: "W002" not in codes(d))
        seen_by_step[step] = codes(await published.until(checklist, wanted))
        if step == "renamed":
            offered = await session.actions(checklist, 5, 50)  # on `[preparation step]`
            seen_by_step["offered"] = set(offered)
    seen_by_step["outside"] = {uri: published.by_uri.get(uri) for uri in outside}
    await asyncio.wait_for(client.shutdown_async(None), HANG_GUARD)
    client.exit(None)
    await asyncio.wait_for(client.stop(), HANG_GUARD)
    return seen_by_step


@pytest.mark.parametrize("editor", ["vscode", "neovim"])
def test_an_editor_sees_site_findings_across_buffers_and_nothing_outside_its_lane(
    tmp_path: Path, editor: str
) -> None:
    blog_site(tmp_path)
    steps = asyncio.run(edit_session(tmp_path, Editor(editor)))
    assert "W002" not in steps["open"] and "W002" in steps["renamed"] and "W002" not in steps["restored"]
    assert "Fix W002: Change the link to /posts/guide/#preparing-a-release (unsafe)" in steps["offered"]
    assert steps["outside"] == {uri: None for uri in steps["outside"]}  # never published: not linted


def test_the_lint_everywhere_option_lints_files_outside_sites(tmp_path: Path) -> None:
    async def readme_diagnostics() -> set[object]:
        session = Session()
        await session.client.start_io(
            str(SEOLINT), "server", cwd=str(tmp_path), env={**os.environ, "PYTHONPATH": str(ROOT)}
        )
        editor = Editor("vscode", {"lintEverywhere": True})
        await asyncio.wait_for(session.client.initialize_async(editor.initialize(tmp_path)), HANG_GUARD)
        session.client.initialized(types.InitializedParams())
        uri = (tmp_path / "README.md").as_uri()
        item = types.TextDocumentItem(uri, "markdown", 1, "Run `make`.\n")
        session.client.text_document_did_open(types.DidOpenTextDocumentParams(item))
        found = codes(await Published(session).until(uri, lambda d: True))
        await asyncio.wait_for(session.client.shutdown_async(None), HANG_GUARD)
        session.client.exit(None)
        await asyncio.wait_for(session.client.stop(), HANG_GUARD)
        return found

    assert "H001" in asyncio.run(readme_diagnostics())
