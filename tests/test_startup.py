"""Start-up stays cheap: heavy libraries load only when a command needs them."""

from __future__ import annotations

import gc
import re
import subprocess
import sys
from pathlib import Path

import pytest

from seolint.cli import arguments
from tests.conftest import ROOT, run_cli

HEAVY = ("bs4", "markdown_it", "markdown_it_pyrs", "textstat", "rich", "yaml")


def loaded_after(statement: str) -> set[str]:
    probe = f"{statement}; import sys; print(' '.join(sorted(sys.modules)))"
    output = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, cwd=ROOT
    ).stdout
    return set(output.split())


def heavy_in(modules: set[str]) -> set[str]:
    return {m for m in modules if m.split(".")[0] in HEAVY}


def test_importing_the_cli_loads_nothing_heavy() -> None:
    assert heavy_in(loaded_after("import seolint.cli.main")) == set()


def test_version_fast_path_does_not_load_the_command_line() -> None:
    probe = "import sys; sys.argv = ['seolint', '--version']; from seolint.cli.launch import main; main()"
    output = subprocess.run(
        [sys.executable, "-c", probe + "; print(' '.join(sorted(sys.modules)))"],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    ).stdout
    first, modules = output.split("\n", 1)
    assert first.startswith("seolint ")
    assert {"seolint.cli.main", "argparse"} & set(modules.split()) == set()
    assert heavy_in(set(modules.split())) == set()


def test_the_probe_can_see_heavy_modules() -> None:
    """Guards the tests above: the probe really reports what a run imports."""
    loaded = loaded_after("from seolint.parse.markdown import front_end as markdown; markdown.preload()")
    assert "markdown_it_pyrs" in heavy_in(loaded)


def test_checking_a_draft_loads_no_command_line_framework() -> None:
    """argparse reads the options: typer and click cost a tenth of checking one post, and
    typer 0.29+ builds a pydantic adapter per option on every run."""
    modules = check_one_post_modules()
    assert "seolint.lint.pipeline" in modules  # the check really ran
    assert {m.split(".")[0] for m in modules} & {"typer", "click", "pydantic"} == set()


def test_parsing_html_needs_beautifulsoup_only_for_a_content_selector() -> None:
    parse = "from seolint.parse import parse; parse('<main><p>x</p></main>', 'a.html', 'html'"
    assert "bs4" not in heavy_in(loaded_after(parse + ")"))
    assert "bs4" in heavy_in(loaded_after(parse + ", 'main')"))


ADAPTERS = ("hugo", "jekyll", "zola", "docusaurus", "astro", "mkdocs", "mdx")


def check_one_post_modules(draft: Path = ROOT / "fixtures" / "clean-post.md") -> set[str]:
    """The modules loaded by checking `draft` alone, outside a site, without the cache."""
    probe = (  # seolint.cli.main.main, not the console script: that one ends the process when done
        "import sys; from seolint.cli.main import main\n"
        f"main(['check', '--no-cache', '-q', {str(draft)!r}])\n"
        "print('MODULES', ' '.join(sorted(sys.modules)))\n"
    )
    output = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, cwd=ROOT
    ).stdout
    return set(output.rsplit("MODULES", 1)[1].split())


def test_checking_one_post_outside_a_site_loads_only_what_it_needs() -> None:
    modules = check_one_post_modules()
    assert "seolint.lint.pipeline" in modules and "seolint.site.detect" in modules  # it really looked
    assert {f"seolint.site.{name}" for name in ADAPTERS} & modules == set()  # no site: no adapter
    assert {"seolint.site.adapter", "seolint.site.head", "seolint.site.publication"} & modules == set()
    assert "multiprocessing" not in modules  # one file: no pool
    assert "markdown_it" not in modules  # markdown-it-py is only the native parser's fallback
    assert "importlib.metadata" not in modules  # no plugin declares rules (seolint.registry.plugins)
    assert "seolint.cache.store" not in modules  # --no-cache: nothing to hash or sign
    assert "difflib" not in modules  # no misspelling to suggest a name for
    assert "signal" not in modules  # no worker to keep from Ctrl-C


def test_checking_one_post_defines_no_dataclass() -> None:
    """Defining a dataclass compiles its methods from source: the twelve a one-post check
    defined, with `dataclasses` and the `inspect` it imports, cost 71 M of its 582 M
    instructions (BENCHMARKS.md, "Figures behind the code"). Its records are NamedTuples
    and plain classes now."""
    modules = check_one_post_modules()
    assert "seolint.checks.assistant" in modules  # the rules really ran
    assert {"dataclasses", "inspect"} & modules == set()
    assert "textwrap" not in modules  # rule help is dedented without it (seolint.registry.rule)


def test_a_one_post_check_defines_its_records_without_typing_s_named_tuple() -> None:
    """typing.NamedTuple `eval`s each class's `__new__` and sets its attributes one by one,
    ~0.5 M instructions a class and 0.05 M a field: 60 M of a one-post check. Records made by
    seolint.discover.records cost ~0.15 M (BENCHMARKS.md, "Figures behind the code")."""
    probe = (
        "import sys; from seolint.cli.main import main\n"
        f"main(['check', '--no-cache', '-q', {str(ROOT / 'fixtures' / 'clean-post.md')!r}])\n"
        "for name, module in sorted(sys.modules.items()):\n"
        "    for value in list(vars(module).values()) if name.startswith('seolint.') else ():\n"
        "        if isinstance(value, type) and issubclass(value, tuple) and value.__module__ == name:\n"
        "            ours = value._make.__func__.__module__ == 'seolint.discover.records'\n"
        "            print('RECORD', name, value.__name__, ours)\n"
    )
    output = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, cwd=ROOT
    ).stdout
    made = [line.split()[1:] for line in output.splitlines() if line.startswith("RECORD ")]
    ours = {name for name, _, by_us in made if by_us == "True"}
    assert "seolint.document.model" in ours and len(made) > 60  # the probe saw the records
    assert [(name, record) for name, record, by_us in made if by_us == "False"] == []


def test_checking_one_short_post_compiles_no_re2_screen(tmp_path: Path) -> None:
    """Importing google-re2 and compiling the screens costs more than searching one short post
    without them (seolint.registry.screening); this post's sentences reach the screens."""
    draft = tmp_path / "post.md"
    draft.write_text(
        "# Caching at the edge\n\nHere is what we learned when we moved the cache. Let me explain the "
        "trade-offs first.\n\nYou can read the numbers below. If you want, I can add a table of the "
        "latencies.\n",
        encoding="utf-8",
    )
    modules = check_one_post_modules(draft)
    assert "seolint.checks.assistant" in modules  # S007 really read it
    assert "re2" not in modules


def test_site_markers_are_the_adapters_config_names() -> None:
    """seolint.site.markers lets detection skip an adapter's import; it must not skip its site."""
    from seolint.site import astro, docusaurus, hugo, jekyll, markers, mkdocs

    assert markers.DOCUSAURUS == docusaurus.CONFIG_NAMES
    assert markers.ASTRO == astro.CONFIG_NAMES
    assert markers.MKDOCS == mkdocs.CONFIG_NAMES
    assert markers.JEKYLL == jekyll.CONFIG_NAMES
    assert (markers.HUGO, markers.GENERIC) == (hugo.CONFIG_NAMES, hugo.GENERIC_CONFIG_NAMES)


def test_a_report_to_a_pipe_does_not_load_rich() -> None:
    """Without colour, lines that fit are written as they are (seolint.report.rich)."""
    modules = check_one_post_modules()
    assert "seolint.report.rich" in modules  # the rich report really ran
    assert {m for m in modules if m.split(".")[0] == "rich"} == set()


def test_a_command_builds_only_its_own_parser(monkeypatch: pytest.MonkeyPatch) -> None:
    """Building a parser costs its add_argument calls: `seolint check` builds check's alone."""
    built: list[str] = []
    real = arguments.command_parser

    def counted(command: arguments.Command) -> arguments.Parser:
        built.append(command.name)
        return real(command)

    monkeypatch.setattr(arguments, "command_parser", counted)
    monkeypatch.setattr(arguments, "top_parser", lambda commands: pytest.fail("the top-level help was built"))
    result = run_cli(["check", "--no-cache", "-q", str(ROOT / "fixtures" / "clean-post.md")])
    assert result.exit_code == 0, result.stderr
    assert built == ["check"]


def test_checking_a_draft_loads_no_other_command() -> None:
    """Each command is a module of its own, imported only when it runs."""
    modules = check_one_post_modules()
    assert "seolint.cli.check" in modules
    others = ("rules", "init", "server", "show", "toml_text")
    assert {f"seolint.cli.{name}" for name in others} & modules == set()


def test_the_console_script_flushes_its_output_and_keeps_the_exit_code(tmp_path: Path) -> None:
    """seolint.cli.launch ends the process without the interpreter's teardown: what was written
    must still arrive, whole, with the command's exit code."""
    draft = tmp_path / "draft.md"
    draft.write_text("# Title\n\n" + "TODO: write this. " * 2000 + "\n", encoding="utf-8")
    launch = "from seolint.cli.launch import main; main()"
    done = subprocess.run(
        [sys.executable, "-c", launch, "check", "--no-cache", str(draft)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert done.returncode == 1
    row = re.compile(r"\s+(\S+:\d+:\d+\s+)?error\s+S002\s")  # the location may be on the line above
    rows = [line for line in done.stdout.splitlines() if row.match(line)]
    assert len(rows) == 2000
    assert "Tip: seolint explain S002" in done.stdout  # the report's last words arrived


def test_the_cache_key_reads_dependency_versions_without_importlib_metadata() -> None:
    """Every cached run computes it; importlib.metadata costs ~20 ms to import and ask. One of
    the two markdown-it-pyrs builds is never installed, and that must not send it there."""
    modules = loaded_after("from seolint.cache.fingerprint import dependency_versions; dependency_versions()")
    assert "seolint.cache.fingerprint" in modules and "importlib.metadata" not in modules


def collector_pace_after(tmp_path: Path, *paths: str) -> tuple[int, int]:
    """The youngest generation's threshold when the console script ends, and its collections
    since the script started."""
    probe = (
        "import gc, os, sys\n"
        "import seolint.cli.launch as launch\n"
        "def young(): return gc.get_stats()[0]['collections']\n"
        "before = young()\n"
        "launch.end = lambda code: print('PACE', gc.get_threshold()[0], young() - before)\n"
        f"sys.argv = ['seolint', 'check', '--no-cache', '-q', *{list(paths)!r}]\n"
        "launch.main()\n"
    )
    output = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, cwd=tmp_path
    )
    threshold, collections = output.stdout.rsplit("PACE", 1)[1].split()
    return int(threshold), int(collections)


def test_one_draft_is_checked_without_collecting_the_start_up_objects_again_and_again(tmp_path: Path) -> None:
    """Python collects its youngest generation every 700 new objects: 49 times in a one-post
    check, for nothing (seolint.lint.cycles); a run over several drafts keeps Python's pace."""
    for name in ("a.md", "b.md"):
        (tmp_path / name).write_text("# A post\n\nThe scheduler keeps a queue per core.\n", encoding="utf-8")
    usual = gc.get_threshold()[0]
    threshold, collections = collector_pace_after(tmp_path, "a.md")
    assert threshold == 100_000 and collections <= 2  # 30-50 at Python's pace
    threshold, _ = collector_pace_after(tmp_path, "a.md", "b.md")
    assert threshold == usual
