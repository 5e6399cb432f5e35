"""Issue 29, target 3: seolint on a synthetic multilingual Hugo site of 5,000 to 20,000 pages.

    python benchmarks/site_scale.py [--sizes 5000 10000 20000] [--cold-runs 2] [--runs 5]
                                    [--sites DIR] [--edited]

For each size, generates the site with `synthetic_site.py` (into DIR/<size>, kept and reused
when DIR is given, else a temporary folder), then:
- cold: `seolint check . --format json` at the site root with no cache, under
  `/usr/bin/time -v` (wall time, CPU time of all processes, and the peak RSS of the largest
  process: the parent or one worker, not their sum), `--cold-runs` times, median;
- warm one-file: after the cold run (cache warm, nothing changed, or with `--edited` that
  page changed before every run), hyperfine `--runs` of `seolint check content/en/<a docs
  page>` against the same with `--no-site` (median wall, mean CPU);
- growth: cold wall and CPU time and peak RSS of the largest size over the smallest.
On a shared machine wall time follows the load; CPU time is the steadier growth figure.
Goals: growth 5k -> 20k at most 4.4x, peak RSS at most 1 GiB, warm one-file at most 1.5x
of `--no-site`. Needs hyperfine and GNU time.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import NamedTuple

sys.path.insert(0, str(Path(__file__).parent))
from synthetic_site import generate, timing_environment


class Cold(NamedTuple):
    """One cold run: wall and CPU seconds (user + system, every process), peak RSS, findings."""

    wall: float
    cpu: float
    rss_kib: int
    findings: int


class Warm(NamedTuple):
    """hyperfine's median wall seconds and mean CPU seconds of one command."""

    wall: float
    cpu: float


def cold_run(root: Path, seolint: str, env: dict[str, str]) -> Cold:
    """One run over the whole site with no cache, under GNU time."""
    shutil.rmtree(root / ".seolint_cache", ignore_errors=True)
    out = root.parent / f"{root.name}-cold.json"
    command = ["/usr/bin/time", "-v", seolint, "check", ".", "--format", "json", "--exit-zero"]
    with out.open("wb") as sink:
        done = subprocess.run(
            command, cwd=root, env=env, stdout=sink, stderr=subprocess.PIPE, text=True, check=True
        )
    fields = dict(line.strip().rsplit(": ", 1) for line in done.stderr.splitlines() if ": " in line)
    *hours, minutes, seconds = fields["Elapsed (wall clock) time (h:mm:ss or m:ss)"].split(":")
    wall = int(hours[0] if hours else 0) * 3600 + int(minutes) * 60 + float(seconds)
    cpu = float(fields["User time (seconds)"]) + float(fields["System time (seconds)"])
    findings = len(json.loads(out.read_text())["findings"])
    return Cold(wall, cpu, int(fields["Maximum resident set size (kbytes)"]), findings)


def warm_one_file(
    root: Path, seolint: str, page: str, runs: int, env: dict[str, str], edited: bool = False
) -> tuple[Warm, Warm]:
    """A one-file run with the site checks and with `--no-site`, cache warm; with `edited`,
    the page gains a blank line before every run (what a hook or an editor sees), and its
    bytes are put back after."""
    out = root.parent / f"{root.name}-warm.json"
    commands = [f"{seolint} check --exit-zero -q {page}", f"{seolint} check --exit-zero -q --no-site {page}"]
    hyperfine = [
        "hyperfine",
        "--runs",
        str(runs),
        "--warmup",
        "1",
        "--style",
        "basic",
        "--export-json",
        str(out),
    ]
    if edited:
        hyperfine += ["--prepare", f"sh -c 'echo >> {page}'"]
    original = (root / page).read_bytes()
    try:
        subprocess.run([*hyperfine, *commands], cwd=root, env=env, check=True)
    finally:
        (root / page).write_bytes(original)
    results = json.loads(out.read_text())["results"]
    site, no_site = (Warm(r["median"], r["user"] + r["system"]) for r in results)
    return site, no_site


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[5000, 10000, 20000])
    parser.add_argument("--cold-runs", type=int, default=2)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--sites", type=Path, help="keep the generated sites here (reused if present)")
    parser.add_argument("--edited", action="store_true", help="edit the page before each one-file run")
    options = parser.parse_args()
    seolint = str(Path(sys.executable).with_name("seolint"))
    if shutil.which("hyperfine") is None or not Path("/usr/bin/time").exists():
        sys.exit("needs hyperfine and GNU time (apt-get install -y hyperfine time)")
    env = timing_environment()
    rows: list[tuple[int, list[Cold], Warm, Warm]] = []
    with tempfile.TemporaryDirectory() as temporary:
        base = options.sites or Path(temporary)
        for size in options.sizes:
            root = base / str(size)
            if not (root / "config.toml").exists():
                generate(root, size)
            pages = sorted((root / "content" / "en" / "docs").rglob("*.md"))
            page = str(next(p for p in pages[len(pages) // 2 :] if p.name != "_index.md").relative_to(root))
            colds = [cold_run(root, seolint, env) for _ in range(options.cold_runs)]
            site, no_site = warm_one_file(root, seolint, page, options.runs, env, options.edited)
            rows.append((size, colds, site, no_site))
            print(f"{size}: {colds}, warm {site}, --no-site {no_site}", flush=True)
    print(
        "\n| pages | cold wall (median; runs) | cold CPU | peak RSS | findings "
        "| warm one-file | same, `--no-site` | ratio wall (CPU) |"
    )
    print("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for size, colds, site, no_site in rows:
        walls = ", ".join(f"{c.wall:.0f}" for c in colds)
        print(
            f"| {size:,} | {_median(colds, 'wall'):.1f} s ({walls}) | {_median(colds, 'cpu'):.1f} s "
            f"| {max(c.rss_kib for c in colds) / 1024:.0f} MiB | {colds[0].findings:,} "
            f"| {site.wall:.3f} s | {no_site.wall:.3f} s | {site.wall / no_site.wall:.2f}x "
            f"({site.cpu / no_site.cpu:.2f}x) |"
        )
    (first, small, _, _), (last, large, _, _) = rows[0], rows[-1]
    print(
        f"\ngrowth {first:,} -> {last:,} pages ({last / first:.1f}x): wall "
        f"{_median(large, 'wall') / _median(small, 'wall'):.2f}x, CPU "
        f"{_median(large, 'cpu') / _median(small, 'cpu'):.2f}x (goal <= 4.4x), peak RSS "
        f"{max(c.rss_kib for c in large) / max(c.rss_kib for c in small):.2f}x"
    )


def _median(runs: list[Cold], field: str) -> float:
    return statistics.median(getattr(run, field) for run in runs)


if __name__ == "__main__":
    main()
