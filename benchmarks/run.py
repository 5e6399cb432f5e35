"""Benchmark seolint against issue 5's targets and print a Markdown table of medians and ratios.

Usage (from the repository root, with seolint installed in the active venv):

    python benchmarks/run.py                 # seolint only; peers are used if already on PATH
    python benchmarks/run.py --with-peers    # also install markdownlint-cli2 and pymarkdown
                                             # into a throwaway folder and compare with them

Timing uses hyperfine when installed (`apt-get install hyperfine`), else a perf_counter
harness; peak memory comes from `/usr/bin/time -v`. The corpus is read from
../shared/corpus (targets that need it are skipped when it is absent); the synthetic
drafts for the scaling target are generated into a temporary folder, never committed.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
TYPICAL_POST_BYTES = 6 * 1024  # the "typical post"; the corpus post nearest this size is used
PEERS = Path(tempfile.gettempdir()) / "seolint-bench-peers"


@dataclass
class Row:
    target: str
    what: str
    median: float | None  # seconds
    baseline: str = ""
    ratio: float | None = None
    goal: str = ""
    note: str = ""


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--with-peers", action="store_true", help="install markdownlint-cli2 and pymarkdown")
    parser.add_argument("--runs", type=int, default=5, help="timed runs per command (at least 5)")
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    args = parser.parse_args(argv)
    runs = max(5, args.runs)
    seolint = shutil.which("seolint", path=str(Path(sys.executable).parent)) or shutil.which("seolint")
    if seolint is None:
        sys.exit("seolint is not installed in this environment (pip install -e .)")
    peers = install_peers() if args.with_peers else {}
    peers = {**find_peers(), **peers}
    timer = Timer(runs)
    rows: list[Row] = []
    with tempfile.TemporaryDirectory(prefix="seolint-bench-") as scratch:
        work = Path(scratch)
        rows += startup(timer, seolint)
        if args.corpus.is_dir():
            rows += one_post(timer, seolint, peers, args.corpus)
            rows += corpus_runs(timer, seolint, peers, args.corpus, work)
        else:
            rows.append(Row("1-3, 5", "corpus targets", None, note=f"skipped: {args.corpus} is absent"))
        rows += scaling(timer, seolint, work)
    print(table(rows, timer))
    return 0


# -- timing ---------------------------------------------------------------------------------------------


class Timer:
    """Median wall time of a shell command, through hyperfine when available."""

    def __init__(self, runs: int) -> None:
        self.runs = runs
        self.hyperfine = shutil.which("hyperfine")

    @property
    def name(self) -> str:
        return "hyperfine" if self.hyperfine else "perf_counter harness"

    def median(
        self, command: str, prepare: str | None = None, cwd: Path | None = None, warmup: int = 1
    ) -> float:
        if self.hyperfine:
            with tempfile.NamedTemporaryFile(suffix=".json") as export:
                cmd = [self.hyperfine, "-N", "--style", "none", "--runs", str(self.runs), "-w", str(warmup)]
                cmd += ["--export-json", export.name, "--ignore-failure"]
                if prepare:
                    cmd = [c for c in cmd if c != "-N"] + ["--prepare", prepare]
                subprocess.run([*cmd, command], cwd=cwd, check=True, stdout=subprocess.DEVNULL)
                return float(json.load(open(export.name))["results"][0]["median"])
        times = []
        for index in range(warmup + self.runs):
            if prepare:
                subprocess.run(prepare, shell=True, cwd=cwd, check=False)
            started = time.perf_counter()
            subprocess.run(command, shell=True, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            if index >= warmup:
                times.append(time.perf_counter() - started)
        return statistics.median(times)


def peak_rss_mib(command: str, cwd: Path | None = None) -> float | None:
    """Largest resident set of the command or any child it waited for (GNU time's %M)."""
    gnu_time = Path("/usr/bin/time")
    if not gnu_time.exists():
        return None
    done = subprocess.run(
        [str(gnu_time), "-v", "sh", "-c", command + " >/dev/null"], cwd=cwd, capture_output=True, text=True
    )
    for line in done.stderr.splitlines():
        if "Maximum resident set size" in line:
            return int(line.split(":")[1]) / 1024
    return None


# -- peers ----------------------------------------------------------------------------------------------


def find_peers() -> dict[str, str]:
    found = {}
    for name, binary in (("markdownlint-cli2", "markdownlint-cli2"), ("pymarkdown", "pymarkdown")):
        for candidate in (PEERS / "npm" / "node_modules" / ".bin" / binary, PEERS / "venv" / "bin" / binary):
            if candidate.exists():
                found[name] = str(candidate)
        if name not in found and (on_path := shutil.which(binary)):
            found[name] = on_path
    return found


def install_peers() -> dict[str, str]:
    """Install peers into a throwaway folder; a failed install only skips that peer."""
    PEERS.mkdir(parents=True, exist_ok=True)
    if shutil.which("npm"):
        step(["npm", "install", "--silent", "--prefix", str(PEERS / "npm"), "markdownlint-cli2"])
    else:
        print("npm not found: markdownlint-cli2 skipped", file=sys.stderr)
    venv = PEERS / "venv"
    if not (venv / "bin" / "pip").exists():
        step([sys.executable, "-m", "venv", str(venv)])
    step([str(venv / "bin" / "pip"), "install", "--quiet", "pymarkdownlnt"])
    return find_peers()


def step(command: list[str]) -> None:
    done = subprocess.run(command, capture_output=True, text=True)
    if done.returncode != 0:
        print(f"skipping: {' '.join(command)} failed:\n{done.stderr.strip()[-500:]}", file=sys.stderr)


# -- targets --------------------------------------------------------------------------------------------


def startup(timer: Timer, seolint: str) -> list[Row]:
    bare = timer.median(f"{sys.executable} -c pass", warmup=3)
    version = timer.median(f"{seolint} --version", warmup=3)
    return [
        Row("1", "`python -c pass` (same venv)", bare),
        Row(
            "1",
            "`seolint --version`",
            version,
            "python -c pass",
            None,
            "<= +0.1 s",
            f"+{version - bare:.3f} s",
        ),
    ]


def pick_post(corpus: Path) -> Path:
    posts = sorted(corpus.rglob("*.md"))
    return min(posts, key=lambda p: abs(p.stat().st_size - TYPICAL_POST_BYTES))


def one_post(timer: Timer, seolint: str, peers: dict[str, str], corpus: Path) -> list[Row]:
    post = pick_post(corpus)
    size = post.stat().st_size / 1024
    mine = timer.median(f"{seolint} check --no-cache --exit-zero {post}")
    rows = [Row("1", f"`seolint check` one post ({post.name}, {size:.1f} KiB, rich to a pipe)", mine)]
    for peer, command, goal in (
        ("pymarkdown", f"{peers.get('pymarkdown')} scan {post}", "<= 0.5x"),
        ("markdownlint-cli2", f"{peers.get('markdownlint-cli2')} {post}", ""),
    ):
        if peer in peers:
            theirs = timer.median(command)
            rows.append(Row("1", f"`{peer}` one post", theirs))
            rows.append(Row("1", "seolint / " + peer, mine, peer, mine / theirs, goal))
        else:
            rows.append(Row("1", f"`{peer}` one post", None, note="skipped: not installed (--with-peers)"))
    return rows


def corpus_runs(timer: Timer, seolint: str, peers: dict[str, str], corpus: Path, work: Path) -> list[Row]:
    rows: list[Row] = []
    markdown = sum(1 for _ in corpus.rglob("*.md"))
    html = sum(1 for _ in corpus.rglob("*.html"))
    check = f"{seolint} check --format json --exit-zero {corpus}"
    cold = timer.median(check, prepare=f"rm -rf {work / '.seolint_cache'}", cwd=work)
    warm = timer.median(check, cwd=work)
    rows.append(
        Row("2", f"`seolint check --format json` corpus ({markdown} md + {html} html), cold cache", cold)
    )
    rss = peak_rss_mib(f"{seolint} check --no-cache --format json --exit-zero {corpus}", cwd=work)
    rows.append(
        Row(
            "2",
            "peak RSS of one process (MiB)",
            None,
            note=f"{rss:.0f} MiB (goal <= 150)"
            if rss
            else "skipped: /usr/bin/time missing (apt-get install time)",
        )
    )
    if "markdownlint-cli2" in peers:
        theirs = timer.median(f"{peers['markdownlint-cli2']} '{corpus}/**/*.md'", warmup=1)
        rows.append(Row("2", f"`markdownlint-cli2` corpus ({markdown} md only)", theirs))
        rows.append(
            Row("2", "seolint / markdownlint-cli2", cold, "markdownlint-cli2", cold / theirs, "<= 0.3x")
        )
    else:
        rows.append(
            Row("2", "`markdownlint-cli2` corpus", None, note="skipped: not installed (--with-peers)")
        )
    rows.append(
        Row("3", "second run, nothing changed (warm cache)", warm, "cold run", warm / cold, "<= 0.1x")
    )
    subset = corpus / "go-blog" if (corpus / "go-blog").is_dir() else corpus
    single = timer.median(f"{seolint} check --no-cache --format json --exit-zero --jobs 1 {subset}")
    default = timer.median(f"{seolint} check --no-cache --format json --exit-zero {subset}")
    jobs = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    rows.append(
        Row(
            "5",
            "pure-Python work, N processes vs 1 (what this machine allows now)",
            None,
            note=f"{available_speedup(jobs or 1):.2f}x speed-up (ideal {jobs}x)",
        )
    )
    rows.append(Row("5", f"`--jobs 1` on {subset.name}/", single))
    rows.append(
        Row(
            "5",
            f"default `--jobs` ({jobs}) on {subset.name}/",
            default,
            "--jobs 1",
            default / single,
            f"< 1 (ideal 1/{jobs})",
        )
    )
    return rows


def _burn(_: int) -> int:
    return sum(range(3_000_000))


def available_speedup(jobs: int) -> float:
    """How much faster N processes finish CPU-bound work than one; other load on the machine shows here."""
    import multiprocessing

    timings = []
    for workers in (1, jobs):
        started = time.perf_counter()
        with multiprocessing.Pool(workers) as pool:
            pool.map(_burn, range(jobs * 4), chunksize=1)
        timings.append(time.perf_counter() - started)
    return timings[0] / timings[1]


def synthetic_draft(size: int, seed: int = 5) -> str:
    """A Markdown draft of about `size` bytes with headings, prose, links, images, lists and code."""
    words = ["latency", "throughput", "cache", "compiler", "runtime", "scheduler", "borrow", "checker"]
    words += ["lifetime", "trait", "module", "package", "release", "benchmark", "profile", "allocation"]
    rng = random.Random(seed)
    parts = ["---\ntitle: A synthetic post for scaling\ndescription: Generated by benchmarks/run.py.\n---\n"]
    section = 0
    while sum(map(len, parts)) < size:
        section += 1
        parts.append(f"\n## Section {section}\n\n")
        for paragraph in range(3):
            sentence = " ".join(rng.choice(words) for _ in range(60))
            parts.append(
                f"{sentence.capitalize()} with [a link](https://example.com/{section}/{paragraph}).\n\n"
            )
        parts.append(f"- item one of {section}\n- item two with `code`\n\n")
        parts.append(f"![Chart {section}](chart-{section}.png)\n\n```go\nfmt.Println({section})\n```\n")
    return "".join(parts)


def scaling(timer: Timer, seolint: str, work: Path) -> list[Row]:
    from seolint.config.files import Config
    from seolint.config.plan import make_plan
    from seolint.discover.source import Source
    from seolint.lint.pipeline import lint_source

    plan = make_plan(Config())
    rows: list[Row] = []
    previous: tuple[str, float, float] | None = None
    for label, size in (("10 KB", 10_000), ("100 KB", 100_000), ("1 MB", 1_000_000)):
        draft = synthetic_draft(size)
        path = work / f"synthetic-{size}.md"
        path.write_text(draft, encoding="utf-8")
        cli = timer.median(f"{seolint} check --no-cache --format json --exit-zero {path}")
        task = partial(lint_source, Source(draft, str(path), "markdown"), plan)
        inner = median_in_process(task, timer.runs)
        if previous:
            rows.append(
                Row(
                    "4",
                    f"{label} draft, in process (parse + rules)",
                    inner,
                    previous[0] + " in process",
                    inner / previous[2],
                    "<= 11x",
                )
            )
            rows.append(
                Row(
                    "4",
                    f"{label} draft, `seolint check` wall",
                    cli,
                    previous[0] + " wall",
                    cli / previous[1],
                    "<= 11x",
                )
            )
        else:
            rows.append(Row("4", f"{label} draft, in process (parse + rules)", inner))
            rows.append(Row("4", f"{label} draft, `seolint check` wall", cli))
        previous = (label, cli, inner)
    return rows


def median_in_process(call: Callable[[], object], runs: int) -> float:
    call()  # warm-up: imports and parser set-up
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        call()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


# -- output ---------------------------------------------------------------------------------------------


def table(rows: list[Row], timer: Timer) -> str:
    lines = [
        f"Medians of {timer.runs} runs ({timer.name}); {os.cpu_count()} CPUs; "
        f"Python {sys.version.split()[0]}.",
        "",
        "| target | measurement | median | compared with | ratio | goal | note |",
        "| --- | --- | ---: | --- | ---: | --- | --- |",
    ]
    for r in rows:
        median = f"{r.median:.3f} s" if r.median is not None else "-"
        ratio = f"{r.ratio:.2f}x" if r.ratio is not None else ""
        lines.append(f"| {r.target} | {r.what} | {median} | {r.baseline} | {ratio} | {r.goal} | {r.note} |")
    return "\n".join(lines)


if __name__ == "__main__":
    raise SystemExit(main())
