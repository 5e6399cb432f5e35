"""`seolint server`: a Language Server over stdio, so findings show (and get fixed) while writing.

The rules, parsers and plans load once; after that every keystroke re-lints the unsaved
buffer after a short pause, with the file's own config and site, exactly as
`seolint check` would lint the saved file, site rules included (seolint.server.site).
It stays in its lane: a file is linted only when it is content of a detected site or lies
under a seolint config, unless the client's `initializationOptions` say
`{"lintEverywhere": true}`. Needs pygls (`pip install -e '.[server]'`).
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import sys
import threading
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, BinaryIO, cast

from lsprotocol import types
from pygls.lsp.server import LanguageServer

from seolint import __version__
from seolint.config.files import Config, ConfigError
from seolint.discover.globs import matches
from seolint.discover.source import Format, Source, format_for
from seolint.findings.records import FileResult, Finding
from seolint.lint.pipeline import DraftError, lint_source
from seolint.lint.settings import Overrides, Settings
from seolint.parse import ParseError
from seolint.registry.rule import Rule
from seolint.server import transport
from seolint.server.actions import FIX_ALL_KIND, Buffer, actions, diagnostic, problem_diagnostic
from seolint.server.positions import Encoding, LineIndex
from seolint.server.site import SitePages, SiteVerdict, site_findings, with_fixes
from seolint.site import Site
from seolint.site.reads import skipped_under

DEBOUNCE_SECONDS = 0.15  # a pause in typing, not every keystroke, triggers a re-lint
CONFIG_GLOB = "**/*.toml"  # .seolint.toml, pyproject.toml, rule packs and TOML site configs
CONTENT_GLOB = "**/*.{md,markdown,mdx,html,htm,txt}"  # pages changed outside the editor
EVERYWHERE = "lintEverywhere"  # initializationOptions: lint files outside sites and configs too
LANGUAGES: Mapping[str, Format] = {
    "markdown": "markdown",
    "html": "html",
    "plaintext": "text",
    "text": "text",
}


@dataclass(frozen=True)
class Verdict:
    """What linting one buffer gave: findings, or why it could not be linted."""

    findings: tuple[Finding, ...] = ()
    problem: str | None = None
    rules: Mapping[str, Rule] = field(default_factory=dict)  # the rules that ran, by code
    crashes: tuple[str, ...] = ()  # rules that raised (the other findings still count)
    result: FileResult | None = field(default=None, compare=False)  # with the page's site facts
    site: Site | None = field(default=None, compare=False)  # whose site rules judge it too
    skipped: tuple[str, ...] = ()  # files of the buffer's site that were not read, and why


class Linter:
    """Lints buffers with each file's own config, plan and site; rebuilt when a config changes."""

    def __init__(self, everywhere: bool = False) -> None:
        self.everywhere = everywhere  # lint files outside sites and configs too
        self.settings = Settings(Overrides())  # with the cache: the site model reads pages from it
        self.sites: dict[Path, SitePages] = {}  # by site root, once read from disk
        self._stamps: dict[Path, tuple[tuple[int, int] | None, ...]] = {}

    def reload(self) -> None:
        """Forget every config, plan and site, so the next lint reads them again."""
        self.settings = Settings(Overrides())
        self.sites = {}
        self._stamps = {}

    def lint(self, path: Path, text: str, fmt: Format) -> Verdict | None:
        """The buffer's findings from its own rules (site rules come from `site_verdict`).

        None for a file outside seolint's lane: neither content of a site nor under a seolint
        config (unless `everywhere`), excluded by its config, or a site's file that is not
        content (a template, the repository's README).
        """
        try:
            config = self._config_for(path.parent)
            plan = self.settings.plan_for(config)
            site = self.settings.site_for(path)
            if site is not None and not site.is_content(path):
                if not self.everywhere:
                    return None
                site = None  # linted as a file of its own
            if site is None and config.source is None and not self.everywhere:
                return None
            if matches(path, config.excluded_globs, config.root):
                return None
            if len(text.encode("utf-8", "surrogatepass")) > plan.max_file_size:
                return Verdict(problem=f"{path}: larger than max-file-size ({plan.max_file_size} bytes)")
            result = lint_source(Source(text, str(path), fmt), plan, site)
            judged = site is not None and self._site_checks(site)
        except ConfigError as error:
            return Verdict(problem=str(error))
        except DraftError as error:
            return Verdict(problem=f"{path}: {error}")
        rules = {active.rule.code: active.rule for active in (*plan.rules, *plan.site_rules)}
        crashes = tuple(e.message for e in result.errors)
        skipped = tuple(f"{file}: skipped: {why}" for file, why in skipped_under(site.root)) if site else ()
        return Verdict(result.findings, None, rules, crashes, result, site if judged else None, skipped)

    def _site_checks(self, site: Site) -> bool:
        """Whether the site's rules run: `site-checks` in the config at the site's root."""
        return self.settings.plan_for(self.settings.config_for(site.root)).site_checks

    def site_verdict(self, site: Site, buffers: Mapping[Path, FileResult]) -> SiteVerdict:
        """The site findings of the site's open buffers (its pages are read from disk first,
        here, if no one did yet)."""
        if site.root not in self.sites:
            self.sites[site.root] = SitePages.read(site)
        return site_findings(self.sites[site.root], buffers, self.settings)

    def page_changed_on_disk(self, path: Path) -> list[Site]:
        """A content file changed outside the editor: the sites whose pages it is."""
        touched = []
        for pages in self.sites.values():
            if pages.site.is_content(path) or path in pages.disk:
                pages.changed_on_disk(path, self.settings)
                touched.append(pages.site)
        return touched

    def _config_for(self, folder: Path) -> Config:
        """The folder's config, read again first if its file or a rule pack changed on disk.

        The client's file watching reloads too, but not every client offers it (Neovim on
        Linux does not by default); a stat per file per lint costs microseconds.
        """
        config = self.settings.config_for(folder)
        if config.source is None:
            return config
        stamps = _stamps([config.source, *(config.root / pack for pack in config.rule_packs)])
        if self._stamps.setdefault(config.source, stamps) != stamps:
            self.reload()
            return self._config_for(folder)  # records the new stamps, of the new packs too
        return config


def _stamps(files: list[Path]) -> tuple[tuple[int, int] | None, ...]:
    """What changes when a file is edited: its modification time and size (None: unreadable)."""
    found: list[tuple[int, int] | None] = []
    for file in files:
        try:
            status = file.stat()
        except OSError:
            found.append(None)
            continue
        found.append((status.st_mtime_ns, status.st_size))
    return tuple(found)


@dataclass(frozen=True)
class Linted:
    """A buffer as last linted: code actions and hover answer from this, not from a re-lint."""

    buffer: Buffer
    verdict: Verdict
    path: Path | None = None  # the file it is (None: an unsaved buffer with no file)
    site_findings: tuple[Finding, ...] = ()  # from the site rules, over every open buffer of its site

    @property
    def findings(self) -> tuple[Finding, ...]:
        return tuple(sorted((*self.verdict.findings, *self.site_findings)))

    def diagnostics(self) -> list[types.Diagnostic]:
        if self.verdict.problem is not None:
            return [problem_diagnostic(self.verdict.problem)]
        found = [diagnostic(finding, self.buffer.index) for finding in self.findings]
        return [*map(problem_diagnostic, self.verdict.skipped), *found]


class SeolintServer(LanguageServer):
    """pygls's server plus what seolint keeps per open buffer: its last lint and pending re-lint."""

    def __init__(self) -> None:
        super().__init__(
            "seolint", __version__, text_document_sync_kind=types.TextDocumentSyncKind.Incremental
        )
        self.linter = Linter()
        self.linted: dict[str, Linted] = {}
        self.pending: dict[str, asyncio.TimerHandle] = {}
        self.opened: set[str] = set()  # only these are linted: pygls would read any other URI from disk
        self.reading: set[Path] = set()  # sites whose pages are being read from disk
        self.told_outside: set[str] = set()  # buffers already logged as outside seolint's lane
        self.shut_down = False

    def start_io(self, stdin: BinaryIO | None = None, stdout: BinaryIO | None = None) -> None:
        """pygls's start_io with seolint's message loop (seolint.server.transport): bounded
        frames, a resync after a bad one, and an answer to every request."""
        from pygls.io_ import StdoutWriter

        self._stop_event = stop = threading.Event()
        writer = StdoutWriter(stdout or sys.stdout.buffer)
        self.protocol.set_writer(writer)
        dispatcher = transport.Dispatcher(self, writer, _log)
        try:
            asyncio.run(transport.serve(transport.FrameReader(stdin or sys.stdin.buffer), dispatcher, stop))
        except BrokenPipeError:
            _log("seolint server: the client closed the connection")
        except (KeyboardInterrupt, SystemExit):
            pass
        finally:
            self.shutdown()  # type: ignore[no-untyped-call]

    @property
    def encoding(self) -> Encoding:
        negotiated = self.workspace.position_encoding or types.PositionEncodingKind.Utf16
        value = negotiated.value if isinstance(negotiated, types.PositionEncodingKind) else negotiated
        return cast(Encoding, value) if value in ("utf-8", "utf-16", "utf-32") else "utf-16"

    def lint(self, uri: str) -> Linted | None:
        """Lint the open buffer now (None: not open, not a format seolint reads, or outside
        its lane)."""
        if uri not in self.opened:
            return None
        document = self.workspace.get_text_document(uri)
        fmt = format_for(document.path) or LANGUAGES.get(document.language_id or "")
        if fmt is None:
            return None
        local = uri.startswith("file:")
        path = Path(document.path) if local else Path.cwd() / (document.filename or "untitled")
        verdict = self.linter.lint(path, document.source, fmt)
        if verdict is None:
            if uri not in self.told_outside:
                self.told_outside.add(uri)
                message = (
                    f"seolint: {path} is neither content of a site nor under a seolint config: "
                    f'not linted (initializationOptions {{"{EVERYWHERE}": true}} lints every file)'
                )
                self.window_log_message(types.LogMessageParams(types.MessageType.Log, message))
            return None
        index = LineIndex(document.source, self.encoding)
        linted = Linted(Buffer(uri, document.version, index), verdict, path if local else None)
        for crash in linted.verdict.crashes:
            self.window_log_message(types.LogMessageParams(types.MessageType.Error, f"{path}: {crash}"))
        return linted

    def publish(self, uri: str) -> None:
        self.cancel(uri)
        linted = self.lint(uri)
        if linted is None:
            self.forget(uri)
            return
        self.linted[uri] = linted
        site = linted.verdict.site
        if site is not None and linted.path is not None:
            self.judge_site(site, first=uri)
        else:
            self.send(uri)

    def send(self, uri: str) -> None:
        linted = self.linted[uri]
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri, linted.diagnostics(), linted.buffer.version)
        )

    def judge_site(self, site: Site, first: str | None = None) -> None:
        """Run the site rules over the site's open buffers and send each one whose site
        findings changed (and `first`, just re-linted, in any case).

        The first time a site is judged its pages are read from disk in a thread (a large
        site not yet cached takes seconds); the buffers get their own findings meanwhile.
        """
        members = {
            uri: linted
            for uri, linted in self.linted.items()
            if linted.verdict.site is not None and linted.verdict.site.root == site.root and linted.path
        }
        if site.root not in self.linter.sites and not self._read_in_background(site):
            for uri in [first] if first else []:
                self.send(uri)
            return
        buffers = {m.path: m.verdict.result for m in members.values() if m.path and m.verdict.result}
        verdict = self.linter.site_verdict(site, buffers)
        for crash in verdict.crashes:
            self.window_log_message(types.LogMessageParams(types.MessageType.Error, crash))
        for uri, linted in members.items():
            assert linted.path is not None
            mine = verdict.findings.get(linted.path, ())
            found = with_fixes(mine, verdict.model, linted.path, linted.buffer.index)
            if found != linted.site_findings or uri == first:
                self.linted[uri] = replace(linted, site_findings=found)
                self.send(uri)

    def _read_in_background(self, site: Site) -> bool:
        """Start reading the site's pages in a thread, then judge it again; False when that
        started (or is under way), True when there is no event loop and the caller may read
        them itself."""
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            return True
        if site.root not in self.reading:
            self.reading.add(site.root)
            future = loop.run_in_executor(None, SitePages.read, site)
            future.add_done_callback(lambda done: self._site_read(site, done))
        return False

    def _site_read(self, site: Site, done: asyncio.Future[SitePages]) -> None:
        self.reading.discard(site.root)
        try:
            self.linter.sites[site.root] = done.result()
        except Exception as error:  # a page that breaks the reader must not break the buffers
            message = f"seolint: cannot read the site at {site.root}: {error}"
            self.window_log_message(types.LogMessageParams(types.MessageType.Error, message))
            return
        self.judge_site(site)

    def forget(self, uri: str) -> None:
        """The buffer is not (or no longer) linted: clear what was published for it."""
        linted = self.linted.pop(uri, None)
        if linted is None:
            return
        self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri, []))
        if linted.verdict.site is not None:
            self.judge_site(linted.verdict.site)

    def schedule(self, uri: str) -> None:
        """Re-lint once typing pauses for DEBOUNCE_SECONDS."""
        self.cancel(uri)
        self.pending[uri] = asyncio.get_running_loop().call_later(DEBOUNCE_SECONDS, self.publish, uri)

    def cancel(self, uri: str) -> None:
        if (timer := self.pending.pop(uri, None)) is not None:
            timer.cancel()

    def current(self, uri: str) -> Linted | None:
        """The buffer's findings for its current version (re-linted now if typing got ahead);
        None for a URI that is not open (never read from disk)."""
        if uri not in self.opened:
            return None
        linted = self.linted.get(uri)
        if linted is None or linted.buffer.version != self.workspace.get_text_document(uri).version:
            self.publish(uri)
            linted = self.linted.get(uri)
        return linted

    def reload(self) -> None:
        """A config file changed: read configs again and re-lint every open buffer."""
        self.linter.reload()
        for uri in list(self.linted):
            self.publish(uri)

    def saved(self, uri: str) -> None:
        """The buffer was written: the site's page on disk is now what it says."""
        linted = self.linted.get(uri)
        site = linted.verdict.site if linted is not None else None
        pages = self.linter.sites.get(site.root) if site is not None else None
        if pages is not None and linted is not None and linted.path is not None:
            pages.saved(linted.path)

    def files_changed(self, paths: list[Path]) -> None:
        """Content files changed outside the editor: re-judge the sites they belong to."""
        sites: dict[Path, Site] = {}
        for path in paths:
            sites.update((site.root, site) for site in self.linter.page_changed_on_disk(path))
        for site in sites.values():
            self.judge_site(site)

    def close(self, uri: str) -> None:
        self.opened.discard(uri)
        self.cancel(uri)
        self.forget(uri)

    async def watch_files(self) -> None:
        """Ask the client to report config and page changes (if it can), so no restart is needed."""
        watched = (
            self.client_capabilities.workspace and self.client_capabilities.workspace.did_change_watched_files
        )
        if not (watched and watched.dynamic_registration):
            return
        watchers = [types.FileSystemWatcher(CONFIG_GLOB), types.FileSystemWatcher(CONTENT_GLOB)]
        options = types.DidChangeWatchedFilesRegistrationOptions(watchers)
        registration = types.Registration("seolint-files", types.WORKSPACE_DID_CHANGE_WATCHED_FILES, options)
        try:
            await self.client_register_capability_async(types.RegistrationParams([registration]))
        except Exception as error:  # the client refused: each lint still checks its config's file
            message = f"seolint: cannot watch files ({error}); config edits still apply on the next lint"
            self.window_log_message(types.LogMessageParams(types.MessageType.Warning, message))

    def hover(self, uri: str, position: types.Position) -> types.Hover | None:
        """The explanation (`seolint explain`) of each rule with a finding under the cursor."""
        linted = self.linted.get(uri)
        if linted is None:
            return None
        index, point = linted.buffer.index, (position.line, position.character)
        codes: dict[str, None] = {}
        for finding in linted.findings:
            start, end = index.range_of(finding.span)
            if start <= point <= end:
                codes.setdefault(finding.code)
        rules = [linted.verdict.rules[code] for code in codes if code in linted.verdict.rules]
        if not rules:
            return None
        text = "\n\n---\n\n".join(f"**{r.code} {r.name}** ({r.severity.label})\n\n{r.doc}" for r in rules)
        return types.Hover(types.MarkupContent(types.MarkupKind.Markdown, text))

    def code_actions(self, params: types.CodeActionParams) -> list[types.CodeAction]:
        uri = params.text_document.uri
        linted = self.current(uri)
        if linted is None or linted.verdict.problem is not None:
            return []
        edits = self.client_capabilities.workspace and self.client_capabilities.workspace.workspace_edit
        buffer = Buffer(
            uri, linted.buffer.version, linted.buffer.index, _front_matter_lines(linted.buffer.index.text)
        )
        document_changes = bool(edits and edits.document_changes)
        return actions(buffer, linted.findings, params.range, params.context.only, document_changes)


def _log(line: str) -> None:
    print(line, file=sys.stderr, flush=True)


def _front_matter_lines(text: str) -> int:
    """How many lines the front matter takes (0 without one, or when it does not parse)."""
    from seolint.parse.front_matter import split

    try:
        span = split(text).span
    except ParseError:
        return 0
    return span.end_line if span is not None else 0


def _is_config(uri: str) -> bool:
    return uri.endswith(".toml")


def _file_path(uri: str) -> Path | None:
    from pygls.uris import to_fs_path

    path = to_fs_path(uri) if uri.startswith("file:") else None
    return Path(path) if path else None


def build() -> SeolintServer:
    """The server with its handlers; nothing runs until start_io."""
    server = SeolintServer()

    @server.feature(types.INITIALIZE)
    def initialize(ls: SeolintServer, params: types.InitializeParams) -> None:
        options = params.initialization_options
        ls.linter.everywhere = isinstance(options, dict) and options.get(EVERYWHERE) is True

    @server.feature(types.INITIALIZED)
    async def initialized(ls: SeolintServer, params: types.InitializedParams) -> None:
        await ls.watch_files()

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: SeolintServer, params: types.DidOpenTextDocumentParams) -> None:
        ls.opened.add(params.text_document.uri)
        ls.publish(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: SeolintServer, params: types.DidChangeTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: SeolintServer, params: types.DidSaveTextDocumentParams) -> None:
        if _is_config(params.text_document.uri):
            ls.reload()
        else:
            ls.saved(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: SeolintServer, params: types.DidCloseTextDocumentParams) -> None:
        ls.close(params.text_document.uri)

    @server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    def watched_files_changed(ls: SeolintServer, params: types.DidChangeWatchedFilesParams) -> None:
        if any(_is_config(change.uri) for change in params.changes):
            ls.reload()
            return
        open_files = {linted.path for linted in ls.linted.values()}
        changed = [path for c in params.changes if (path := _file_path(c.uri)) and path not in open_files]
        if changed:
            ls.files_changed(changed)

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    def hover(ls: SeolintServer, params: types.HoverParams) -> types.Hover | None:
        return ls.hover(params.text_document.uri, params.position)

    options = types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix, FIX_ALL_KIND])

    @server.feature(types.TEXT_DOCUMENT_CODE_ACTION, options)
    def code_action(ls: SeolintServer, params: types.CodeActionParams) -> list[types.CodeAction]:
        return ls.code_actions(params)

    @server.feature(types.SHUTDOWN)
    def shutdown(ls: SeolintServer, params: Any) -> None:
        ls.shut_down = True
        for uri in list(ls.pending):
            ls.cancel(uri)

    return server


def run() -> int:
    """Serve over stdin/stdout until the client says exit: 0 after a shutdown request, else 1."""
    server = build()
    protocol_out = os.fdopen(os.dup(sys.stdout.fileno()), "wb")  # pygls closes this one on exit
    with contextlib.redirect_stdout(sys.stderr):  # a stray print must not corrupt the protocol
        server.start_io(sys.stdin.buffer, protocol_out)
    return 0 if server.shut_down else 1
