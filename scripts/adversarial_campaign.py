"""Adversarial inputs at growing sizes: each must lint in linear time, without a crash.

    python scripts/adversarial_campaign.py [--base 5000] [--timeout 120]
    python scripts/adversarial_campaign.py --reproducers   # issue 24's, one table

Every generator (the reproducers of issues 17 and 24 and other shapes that break naive
parsers) is linted in-process at sizes N, 4N and 16N; the report gives the time of each,
the growth from 4N to 16N (about 4 for linear work) and any error. A run that exceeds the
timeout, crashes or grows faster than 8x per 4x is a failure. Then the largest input of
each generator goes through the real command line, which must exit 0, 1 or 2 with no
traceback. The reports (HTML, Rich) of one minified line with N findings and "did you
mean" over a site of N pages are grown the same way.

`--reproducers` runs each of issue 24's reproducers (deep nesting, hostile site files and
packs, config bombs, a home-less run, --diff names, ...) through the command line in a
scratch folder, with a memory limit and a timeout, and prints its exit code and time;
run it with PYTHONPATH pointing at another checkout for a before/after table.
"""

from __future__ import annotations

import argparse
import functools
import json
import os
import re
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from seolint.config.files import Config
from seolint.config.plan import make_plan
from seolint.discover.source import Format, Source
from seolint.lint.pipeline import DraftError, lint_source

Generator = Callable[[int], str]
GENERATORS: dict[str, tuple[Format, Generator]] = {
    "placeholder links": ("markdown", lambda n: "# Big\n\n" + "- [x](#)\n" * n),
    "entities per line": ("markdown", lambda n: "x&lt;\n" * n),
    "backslash escapes": ("markdown", lambda n: "a\\*b \\_c\n" * n),
    "unclosed attribute": ("html", lambda n: "<article><p>a</p>" + "<a x='" * n),
    "unclosed comments": ("html", lambda n: "<!--" * n),
    "unclosed comments (md)": ("markdown", lambda n: "text\n\n" + "<!--" * n),
    "html block attribute (md)": ("markdown", lambda n: "<div x='" * n),
    "line suppressions": ("markdown", lambda n: "[x](#) <!-- seolint-disable-line S002 -->\n" * n),
    "long sentences": ("markdown", lambda n: ("word " * 40 + "end. ") * (n // 8) + "\n"),
    "space run before comma": ("markdown", lambda n: "Text" + " " * (n * 10) + ",\n"),
    "nested quotes": ("markdown", lambda n: ">" * min(n, 10_000) + " x\n"),
    "nested lists": ("markdown", lambda n: "".join("  " * (i % 50) + "- x\n" for i in range(n))),
    "open brackets": ("markdown", lambda n: "[" * n + "]" * n + "\n"),
    "backtick runs": ("markdown", lambda n: "`" * n + " x\n"),
    "emphasis soup": ("markdown", lambda n: "*a _b " * n + "\n"),
    "many headings": ("markdown", lambda n: "".join(f"## H {i}\n\n#### deep {i}\n\n" for i in range(n // 4))),
    "wide table": ("markdown", lambda n: "|" + "a|" * n + "\n|" + "-|" * n + "\n|" + "b|" * n + "\n"),
    "outline markers": (
        "text",
        lambda n: "".join(f"H2: Section {i}\n\nSome text [Link to x].\n\n" for i in range(n // 4)),
    ),
    "template braces": ("markdown", lambda n: "{{ " * n + "\n"),
    "unclosed tags (text)": ("text", lambda n: "<a " * n),
    # issue 24: nesting past the bound, read flat or refused, never a segfault
    "quotes past the bound": ("markdown", lambda n: "> " * n + "deep\n"),
    "lists past the bound": ("markdown", lambda n: "1. " * n + "deep\n"),
    "emphasis inside emphasis": ("markdown", lambda n: "*a " * n + "x" + " b*" * n + "\n"),
    "images inside images": ("markdown", lambda n: "![" * (n // 4) + "x" + "](u)" * (n // 4) + "\n"),
    "strong runs": ("markdown", lambda n: "**" * n + "a" + "**" * n + "\n"),
    "indented lists, deep": ("markdown", lambda n: "".join("  " * (i % 300) + "- x\n" for i in range(n))),
    "escaped emphasis": ("markdown", lambda n: ("x\\*" + "y" * 20 + " _a_\n") * n),
    "quotes past the bound (text)": ("text", lambda n: "> " * n + "deep\n"),
    "front matter nested": ("markdown", lambda n: "---\nx: " + "[" * n + "]" * n + "\n---\n# T\n"),
    "front matter alias fan": (
        "markdown",
        lambda n: (
            "---\na: &a [x, x, x]\n" + "".join(f"k{i}: [*a, *a]\n" for i in range(n // 50)) + "---\n# T\n"
        ),
    ),
    "minified page, findings on one line": (
        "html",
        lambda n: '<a href="#">x</a><img src="a.png">' * (n // 10),
    ),
}


class TimedOut(Exception):
    pass


def _alarm(signum: int, frame: object) -> None:
    raise TimedOut


def lint_seconds(text: str, fmt: Format, timeout: int) -> tuple[float, str]:
    plan = make_plan(Config())
    signal.signal(signal.SIGALRM, _alarm)
    signal.alarm(timeout)
    started = time.perf_counter()
    try:
        lint_source(
            Source(text, f"draft.{ {'markdown': 'md', 'html': 'html', 'text': 'txt'}[fmt] }", fmt), plan
        )
        outcome = ""
    except DraftError as error:
        outcome = f"refused: {error}"
    except TimedOut:
        outcome = f"TIMEOUT after {timeout}s"
    except Exception as error:  # the campaign reports crashes instead of stopping
        outcome = f"CRASH {type(error).__name__}: {error}"
    finally:
        signal.alarm(0)
    return time.perf_counter() - started, outcome


def through_cli(text: str, fmt: Format) -> str:
    suffix = {"markdown": ".md", "html": ".html", "text": ".txt"}[fmt]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder, "draft" + suffix)
        path.write_text(text, encoding="utf-8")
        done = subprocess.run(
            [
                sys.executable,
                "-c",
                "from seolint.cli.launch import main; main()",
                "check",
                "--no-cache",
                "--format",
                "json",
                str(path),
            ],
            capture_output=True,
            text=True,
            timeout=600,
            check=False,
            env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent)},
        )
    bad = done.returncode not in (0, 1, 2) or "Traceback" in done.stderr
    return f"exit {done.returncode}" + (f" BAD: {done.stderr.strip()[-300:]}" if bad else "")


# --- reports and "did you mean", grown ------------------------------------------------------


def report_seconds(output: str, findings: int, folder: Path) -> float:
    """One minified page of `findings` placeholder links and images, reported as `output`."""
    import io

    from seolint.findings.records import RunResult
    from seolint.report import ReportOptions, reporter

    page = folder / f"minified-{findings}.html"
    page.write_text('<a href="#">x</a><img src="a.png">' * (findings // 2), encoding="utf-8")
    result = lint_source(Source(page.read_text(encoding="utf-8"), str(page), "html"), make_plan(Config()))
    started = time.perf_counter()
    reporter(output)(RunResult((result,), ()), io.StringIO(), ReportOptions(color=False))
    return time.perf_counter() - started


def suggestion_seconds(pages: int) -> float:
    """ "Did you mean" for one near-miss link per page of a generated site."""
    from tests.test_hardening_suggestions import generated_site

    model, links = generated_site(pages)
    started = time.perf_counter()
    for link in links:
        model.suggestion(link)
    return time.perf_counter() - started


def grown(name: str, measure: Callable[[int], float], base: int) -> bool:
    runs = [measure(n) for n in (base, base * 4, base * 16)]
    growth = runs[2] / max(runs[1], 1e-6)
    bad = growth > 8 and runs[2] > 0.5
    times = " | ".join(f"{seconds:.2f}s" for seconds in runs)
    print(f"| {name} | {times} | {growth:.1f}x | - | {'superlinear' if bad else '-'} |", flush=True)
    return bad


# --- issue 24's reproducers, through the command line --------------------------------------

Prepared = tuple[list[str], bytes, dict[str, str]]  # arguments (or ["sh", "-c", ...]), stdin, env
SEOLINT = [sys.executable, "-c", "from seolint.cli.launch import main; main()"]
ALIAS_BOMB = "a0: &a0 [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]\n" for i in range(1, 9)
)
FIXABLE = "# Title\n\n#### Jump\n\nSome text.\n"


def _hugo(root: Path, config: str = "hugo.toml", text: str = 'baseURL = "https://example.org/"\n') -> None:
    (root / ".git").mkdir()
    (root / config).write_text(text)
    for folder in ("content/posts", "layouts/_default", "static"):
        (root / folder).mkdir(parents=True)
    (root / "content/posts/a.md").write_text("---\ntitle: A\n---\n# A\n\nSee [b](/posts/b-post/).\n")


def _deep(marker: str) -> Callable[[Path], Prepared]:
    def prepare(root: Path) -> Prepared:
        (root / "d.md").write_text(marker * 30000 + "deep\n")
        return ["check", "--no-cache", "d.md"], b"", {}

    return prepare


def _ten_drafts(root: Path) -> Prepared:
    for index in range(9):
        (root / f"p{index}.md").write_text(FIXABLE)
    (root / "d.md").write_text("> " * 30000 + "deep\n")
    return ["check", "--no-cache", "."], b"", {}


def _site_file(name: str, kind: str) -> Callable[[Path], Prepared]:
    def prepare(root: Path) -> Prepared:
        _hugo(root)
        target = root / name
        if kind == "zero":
            target.symlink_to("/dev/zero")
        else:
            os.mkfifo(target)
        return ["check", "--no-cache", "content/posts/a.md" if "layouts" in name else "."], b"", {}

    return prepare


def _pack(kind: str) -> Callable[[Path], Prepared]:
    def prepare(root: Path) -> Prepared:
        (root / "p.md").write_text(FIXABLE)
        (root / ".seolint.toml").write_text('rule-packs = ["packs"]\n')
        (root / "packs").mkdir()
        (root / "packs/z.toml").symlink_to("/dev/zero") if kind == "zero" else os.mkfifo(
            root / "packs/z.toml"
        )
        return ["check", "--no-cache", "p.md"], b"", {}

    return prepare


def _bomb(config: str) -> Callable[[Path], Prepared]:
    drafts = {"hugo.yaml": "content/a.md", "_config.yml": "_posts/2024-01-01-a.md", "mkdocs.yml": "docs/a.md"}

    def prepare(root: Path) -> Prepared:
        (root / ".git").mkdir()
        (root / config).write_text('baseURL: "https://example.org/"\nsite_name: x\n' + ALIAS_BOMB)
        draft = root / drafts[config]
        draft.parent.mkdir(parents=True)
        draft.write_text("---\ntitle: A\n---\n# A\n\ntext\n")
        return ["check", "--no-cache", drafts[config]], b"", {}

    return prepare


def _nested_config(config: str) -> Callable[[Path], Prepared]:
    n = 200_000
    texts = {
        "hugo.toml": 'baseURL = "https://e.org/"\nx = ' + "[" * n + "]" * n + "\n",
        "hugo.json": '{"baseURL": "https://e.org/", "x": ' + "[" * n + "]" * n + "}\n",
        "hugo.yaml": 'baseURL: "https://e.org/"\nx: ' + "[" * n + "]" * n + "\n",
    }

    def prepare(root: Path) -> Prepared:
        (root / ".git").mkdir()
        (root / "content").mkdir()
        (root / config).write_text(texts[config])
        (root / "content/a.md").write_text("# A\n\ntext\n")
        return ["check", "--no-cache", "content/a.md"], b"", {}

    return prepare


def _near_misses(pages: int) -> Callable[[Path], Prepared]:
    def prepare(root: Path) -> Prepared:
        from tests.test_hardening_suggestions import generated_site

        _hugo(root)
        model, links = generated_site(pages)
        for page, link in zip(model.pages.values(), links[1:] + links[:1], strict=True):
            name = page.urls[0].strip("/").split("/")[-1]
            (root / f"content/posts/{name}.md").write_text(f"# {name}\n\nSee [it]({link}).\n")
        return ["check", "--no-cache", "-j", "1", "--select", "W001", "."], b"", {}

    return prepare


def _minified(output: str, count: int) -> Callable[[Path], Prepared]:
    def prepare(root: Path) -> Prepared:
        (root / "m.html").write_text("<p>" + '<a href="#">x</a><img src="a.png">' * count + "</p>\n")
        return ["check", "--no-cache", "--format", output, "m.html"], b"", {}

    return prepare


def _lsp(body: bytes, before: list[bytes] | None = None, after_init: list[bytes] | None = None) -> bytes:
    def frame(message: dict[str, object] | bytes, length: int | None = None) -> bytes:
        data = message if isinstance(message, bytes) else json.dumps(message).encode()
        return b"Content-Length: %d\r\n\r\n" % (len(data) if length is None else length) + data

    init = frame({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"capabilities": {}}})
    done = frame({"jsonrpc": "2.0", "id": 99, "method": "shutdown"}) + frame(
        {"jsonrpc": "2.0", "method": "exit"}
    )
    return b"".join([*(before or []), init, *(after_init or []), body, done])


def _server(bad: bytes) -> Callable[[Path], Prepared]:
    def prepare(root: Path) -> Prepared:
        return ["server"], _lsp(bad), {}

    return prepare


def _server_fifo(root: Path) -> Prepared:
    os.mkfifo(root / "fifo.md")
    at = {"line": 0, "character": 0}
    params = {"textDocument": {"uri": (root / "fifo.md").as_uri()}, "range": {"start": at, "end": at}}
    action = {"jsonrpc": "2.0", "id": 5, "method": "textDocument/codeAction"}
    body = json.dumps({**action, "params": {**params, "context": {"diagnostics": []}}}).encode()
    return ["server"], _lsp(b"Content-Length: %d\r\n\r\n" % len(body) + body), {}


def _server_before_init(root: Path) -> Prepared:
    hover = json.dumps({"jsonrpc": "2.0", "id": 5, "method": "shutdown"}).encode()
    return ["server"], _lsp(b"", before=[b"Content-Length: %d\r\n\r\n" % len(hover) + hover]), {}


def _no_home(root: Path) -> Prepared:
    (root / "p.md").write_text(FIXABLE)
    patched = "import pwd; pwd.getpwuid = lambda uid: (_ for _ in ()).throw(KeyError(uid)); "
    command = [sys.executable, "-c", patched + "from seolint.cli.launch import main; main()", "check", "p.md"]
    return ["--raw", *command], b"", {"HOME": "", "XDG_CACHE_HOME": ""}


def _relative_xdg(root: Path) -> Prepared:
    (root / "p.md").write_text(FIXABLE)
    check = " ".join(SEOLINT_SHELL) + " check p.md >/dev/null; test ! -e relative-cache"
    return ["sh", "-c", check], b"", {"XDG_CACHE_HOME": "relative-cache"}


def _diff_patch(root: Path) -> Prepared:
    for name in ("my post.md", "tab\tpost.md", "real.md"):
        (root / name).write_text(FIXABLE)
    (root / "cr.md").write_bytes(b"# Title\r\n\r\n#### Jump\rkeep\r\nText.\r\n")
    (root / "cronly.md").write_bytes(b"# Title\r\r#### Jump\r\rText.\r")
    (root / "link.md").symlink_to("real.md")
    pipeline = (
        " ".join(SEOLINT_SHELL) + " check --diff --unsafe-fixes --no-cache . | patch -p1 --batch --dry-run"
    )
    return ["sh", "-c", pipeline], b"", {}


def _newline_name(root: Path) -> Prepared:
    (root / "x.md\n+++ victim.md:1:1: H001 forged.md").write_text(FIXABLE)
    check = " ".join(SEOLINT_SHELL) + " check --no-cache --format text . | grep -c '^+++'"
    return ["sh", "-c", "test $(" + check + ") = 0"], b"", {}


def _hard_link(root: Path) -> Prepared:
    (root / "a.md").write_text(FIXABLE)
    os.link(root / "a.md", root / "b.md")
    fix = " ".join(SEOLINT_SHELL) + " check --fix --unsafe-fixes --no-cache a.md"
    return ["sh", "-c", fix + '; test "$(stat -c %h a.md)" = 2 && grep -q "^## Jump" b.md'], b"", {}


def _docusaurus_comment(root: Path) -> Prepared:
    (root / ".git").mkdir()
    (root / "docs").mkdir()
    (root / "docs/a.md").write_text("# A\n\ntext\n")
    (root / "docusaurus.config.js").write_text(
        "module.exports = {\n  // url: 'https://old.example',\n  url: 'https://new.example',\n};\n"
    )
    shown = " ".join(SEOLINT_SHELL) + " check --show-site docs/a.md 2>&1"
    return ["sh", "-c", shown + " | grep -q new.example && ! " + shown + " | grep -q old.example"], b"", {}


def _above_repository(root: Path) -> Prepared:
    _hugo(root)
    (root / "content/posts/a.md").write_text("# A\n\nSee [x](../../../../../../../nowhere.md).\n")
    check = " ".join(SEOLINT_SHELL) + " check --no-cache --select W001 --format text ."
    return ["sh", "-c", check + " | grep -q W001"], b"", {}


def _utf16(root: Path) -> Prepared:
    (root / "wide.md").write_bytes("# Wide\n\n#### Jump\n".encode("utf-16-le"))
    (root / ".seolint.toml").write_text('encoding = "utf-16-le"\n')
    return ["check", "--no-cache", "--select", "H003", "wide.md"], b"", {}


SEOLINT_SHELL = [sys.executable, "-c", "'from seolint.cli.launch import main; main()'"]
INIT = {"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"capabilities": {}}}
REPRODUCERS: dict[str, Callable[[Path], Prepared]] = {
    "1 '> ' x 30000": _deep("> "),
    "1 '- ' x 30000": _deep("- "),
    "1 '* ' x 30000": _deep("* "),
    "1 '1. ' x 30000": _deep("1. "),
    "1 ten drafts, one deep, default -j": _ten_drafts,
    "2 layouts/_default/single.html -> /dev/zero": _site_file("layouts/_default/single.html", "zero"),
    "2 static/_redirects -> /dev/zero": _site_file("static/_redirects", "zero"),
    "2 static/_redirects FIFO": _site_file("static/_redirects", "fifo"),
    "2 rule pack -> /dev/zero": _pack("zero"),
    "2 rule pack FIFO": _pack("fifo"),
    "3 alias bomb in hugo.yaml": _bomb("hugo.yaml"),
    "3 alias bomb in _config.yml": _bomb("_config.yml"),
    "3 alias bomb in mkdocs.yml": _bomb("mkdocs.yml"),
    "4 hugo.toml nested 200k": _nested_config("hugo.toml"),
    "4 hugo.json nested 200k": _nested_config("hugo.json"),
    "4 hugo.yaml nested 200k": _nested_config("hugo.yaml"),
    "6 near-miss links, 500 pages": _near_misses(500),
    "6 near-miss links, 1000 pages": _near_misses(1000),
    "6 near-miss links, 2000 pages": _near_misses(2000),
    "7 --format html, 2000 links+images on one line": _minified("html", 2000),
    "7 --format html, 4000": _minified("html", 4000),
    "7 --format html, 8000": _minified("html", 8000),
    "7 --format rich, 2000": _minified("rich", 2000),
    "7 --format rich, 4000": _minified("rich", 4000),
    "8 server: Content-Length 99999999999999": _server(b"Content-Length: 99999999999999\r\n\r\n{}"),
    "8 server: Content-Length -5": _server(b"Content-Length: -5\r\n\r\n{}"),
    "8 server: Content-Length abc": _server(b"Content-Length: abc\r\n\r\n{}"),
    "8 server: length too short": _server(b"Content-Length: 10\r\n\r\n" + json.dumps(INIT).encode()),
    "8 server: request before initialize": _server_before_init,
    "8 server: codeAction on a never-opened FIFO": _server_fifo,
    "9 no home (no passwd entry, HOME unset)": _no_home,
    "9 relative XDG_CACHE_HOME (0: not in project)": _relative_xdg,
    "10 --diff | patch -p1 (names, CR, links)": _diff_patch,
    "12 newline in a file name (0: not forged)": _newline_name,
    "12 --fix on a hard link (0: link kept)": _hard_link,
    "12 Docusaurus URL in a comment (0: ignored)": _docusaurus_comment,
    "12 link above the repository (0: reported)": _above_repository,
    "12 UTF-16-LE without BOM, encoding set": _utf16,
}


def run_reproducer(prepare: Callable[[Path], Prepared], timeout: int) -> tuple[str, float, str]:
    import resource

    def limited() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (3 << 30, 3 << 30))
        os.setsid()

    with tempfile.TemporaryDirectory() as folder:
        args, stdin, env = prepare(Path(folder))
        if args[0] == "--raw":
            command = args[1:]
        elif args[0] == "sh":
            command = args
        else:
            command = [*SEOLINT, *args]
        environment = {**os.environ, **env}
        for name, value in env.items():
            if not value:
                environment.pop(name, None)
        started = time.monotonic()
        process = subprocess.Popen(
            command, cwd=folder, env=environment, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
            stderr=subprocess.PIPE, preexec_fn=limited,
        )  # fmt: skip
        try:
            out, err = process.communicate(stdin, timeout=timeout)
            code = str(process.returncode)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            out, err = process.communicate()
            code = "hang"
        seconds = time.monotonic() - started
    lines = err.decode("utf-8", "replace").strip().splitlines()
    if args == ["server"]:  # what each request got: ok, or its error code
        return code, seconds, "answers: " + " ".join(_answers(out))
    return code, seconds, (lines[-1][:110] if lines else "")


def _answers(stream: bytes) -> list[str]:
    found = []
    for body in re.split(rb"Content-Length: \d+\r\n(?:[^\r\n]+\r\n)*\r\n", stream)[1:]:
        try:
            message = json.loads(body)
        except ValueError:
            continue
        if "id" in message and "method" not in message:
            error = message.get("error")
            found.append(f"{message['id']}:{'error ' + str(error['code']) if error else 'ok'}")
    return found


def reproducers(timeout: int, only: list[str]) -> int:
    print("| reproducer | exit | time | last line on stderr |")
    print("| --- | ---: | ---: | --- |")
    for name, prepare in REPRODUCERS.items():
        if only and not any(word in name for word in only):
            continue
        code, seconds, last = run_reproducer(prepare, timeout)
        print(f"| {name} | {code} | {seconds:.1f}s | {last.replace('|', '/')} |", flush=True)
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", type=int, default=5000)
    parser.add_argument("--timeout", type=int, default=120)
    parser.add_argument("--reproducers", nargs="*", help="run issue 24's reproducers (those named, or all)")
    args = parser.parse_args()
    if args.reproducers is not None:
        return reproducers(min(args.timeout, 90), args.reproducers)
    failures = 0
    print("| generator | N | 4N | 16N | growth 4N->16N | CLI at 16N | problems |")
    print("| --- | ---: | ---: | ---: | ---: | --- | --- |")
    for name, (fmt, generate) in GENERATORS.items():
        sizes = (args.base, args.base * 4, args.base * 16)
        runs = [lint_seconds(generate(n), fmt, args.timeout) for n in sizes]
        problems = sorted({outcome for _, outcome in runs if outcome and not outcome.startswith("refused")})
        growth = runs[2][0] / max(runs[1][0], 1e-6)
        if growth > 8 and runs[2][0] > 0.5:
            problems.append(f"superlinear ({growth:.1f}x per 4x)")
        cli = through_cli(generate(sizes[2]), fmt)
        if "BAD" in cli:
            problems.append(cli)
        failures += bool(problems)
        times = " | ".join(f"{seconds:.2f}s" for seconds, _ in runs)
        print(
            f"| {name} | {times} | {growth:.1f}x | {cli.split(' BAD')[0]} | {'; '.join(problems) or '-'} |",
            flush=True,
        )
    with tempfile.TemporaryDirectory() as folder:
        for output in ("html", "rich"):
            measure = functools.partial(report_seconds, output, folder=Path(folder))
            failures += grown(f"{output} report, findings on one line", measure, max(args.base // 10, 50))
    failures += grown('"did you mean", pages of a site', suggestion_seconds, max(args.base // 20, 50))
    print(f"\n{failures} generators with problems")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
