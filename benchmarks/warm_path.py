"""Issue 29 item 2: a warm run (nothing changed) against a cold one, and the same findings.

    python benchmarks/warm_path.py [TREE ...] [--cold-runs 2] [--runs 10] [--work DIR]

Each tree (default: ../shared/corpus and every site in ../shared/sites) is copied into a
work folder first: a warm run writes `.seolint_cache/`, and the shared trees stay
untouched. Then, in the copy, hyperfine of `seolint check . --format json --exit-zero`:
cold (`--cold-runs`, the cache removed before each) and warm (`--runs`, after one
warm-up: the run's record is replayed); median wall and mean CPU (user + system). Last,
the findings (path, line, column, code, message) of a `--no-cache` run against the warm
run's, replayed and after one file was touched (the record misses; the per-file cache,
the page stamps and the facts index answer).
"""

from __future__ import annotations

import argparse
import collections
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"


def hyperfine(
    command: list[str], cwd: Path, runs: int, prepare: str | None, out: Path
) -> tuple[float, float]:
    """Median wall seconds and mean CPU seconds."""
    arguments = ["hyperfine", "-N", "-i", "--style", "none", "--runs", str(runs), "--export-json", str(out)]
    arguments += ["--prepare", prepare] if prepare else ["-w", "1"]
    subprocess.run([*arguments, " ".join(command)], cwd=cwd, check=True, capture_output=True)
    result = json.loads(out.read_text())["results"][0]
    return result["median"], result["user"] + result["system"]


def findings(seolint: str, cwd: Path, *extra: str) -> collections.Counter[tuple[object, ...]]:
    done = subprocess.run(
        [seolint, "check", ".", "--format", "json", "--exit-zero", *extra],
        cwd=cwd,
        capture_output=True,
        text=True,
    )
    data = json.loads(done.stdout)
    return collections.Counter(
        (f["path"], f["line"], f["column"], f["code"], f["message"]) for f in data["findings"]
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("trees", nargs="*", type=Path)
    parser.add_argument("--cold-runs", type=int, default=2)
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--work", type=Path, help="copy the trees here (else a temporary folder)")
    options = parser.parse_args()
    if shutil.which("hyperfine") is None:
        sys.exit("needs hyperfine")
    trees = options.trees or [
        SHARED / "corpus",
        *sorted(p for p in (SHARED / "sites").iterdir() if p.is_dir()),
    ]
    seolint = str(Path(sys.executable).with_name("seolint"))
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)  # time runs with compiled bytecode
    with tempfile.TemporaryDirectory() as temporary:
        work = options.work or Path(temporary)
        for tree in trees:
            copy = work / tree.name
            if not copy.exists():
                shutil.copytree(tree, copy, symlinks=True, ignore=shutil.ignore_patterns(".seolint_cache"))
            command = [seolint, "check", ".", "--format", "json", "--exit-zero"]
            cold = hyperfine(command, copy, options.cold_runs, "rm -rf .seolint_cache", work / "cold.json")
            warm = hyperfine(command, copy, options.runs, None, work / "warm.json")
            ratios = f"warm/cold {warm[0] / cold[0]:.3f}x wall, {warm[1] / cold[1]:.3f}x CPU"
            print(
                f"{tree.name}: cold {cold[0]:.3f} s wall (CPU {cold[1]:.3f} s), warm {warm[0]:.3f} s wall "
                f"(CPU {warm[1]:.3f} s): {ratios}",
                flush=True,
            )
            reference = findings(seolint, copy, "--no-cache")
            replayed = findings(seolint, copy)
            files = sorted(p for p in copy.rglob("*.md") if ".seolint_cache" not in p.parts)
            os.utime(files[len(files) // 2])
            touched = findings(seolint, copy)
            for label, warm_findings in (("replayed", replayed), ("after a touch", touched)):
                missing, extra = reference - warm_findings, warm_findings - reference
                print(
                    f"  {label}: {sum(warm_findings.values())} findings; missing {sum(missing.values())}, "
                    f"extra {sum(extra.values())}",
                    flush=True,
                )


if __name__ == "__main__":
    main()
