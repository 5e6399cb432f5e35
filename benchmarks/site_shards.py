"""Issue 29, target 5: do sharded runs over a site's folders find what one run finds?

    python benchmarks/site_shards.py [--pages 1000] [--site DIR]

Generates the synthetic multilingual Hugo site (`synthetic_site.py`; or uses DIR), then runs
at the site root, each time `seolint check <what> --format json --exit-zero`:
1. one run over `.` with `--no-cache` (the reference);
2. one shard per language folder (`content/en`, `content/fr`, ...), each with `--no-cache`,
   as CI jobs on separate machines without a shared cache would run them;
3. the same shards one after another sharing one `.seolint_cache/` that starts empty, as
   jobs sharing a restored CI cache (and the user secret that signs it) would run them.
Compares the union of each set of shards with the reference by (path, line, column, code,
message), prints every difference, and the wall time of each run (one run each: the
comparison is the point; the times only show where the work goes).
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from synthetic_site import generate, timing_environment

Key = tuple[str, int, int, str, str]


def findings(
    root: Path, seolint: str, env: dict[str, str], target: str, *flags: str
) -> tuple[set[Key], int, float]:
    """The findings of one run as keys, how many there were (duplicates kept), and its wall time."""
    start = time.perf_counter()
    done = subprocess.run(
        [seolint, "check", target, "--format", "json", "--exit-zero", *flags],
        cwd=root,
        env=env,
        capture_output=True,
        check=True,
    )
    elapsed = time.perf_counter() - start
    found = json.loads(done.stdout)["findings"]
    keys = {(f["path"], f["line"], f["column"], f["code"], f["message"]) for f in found}
    return keys, len(found), elapsed


def compare(name: str, reference: set[Key], shards: list[set[Key]]) -> bool:
    union = set().union(*shards)
    overlap = sum(len(s) for s in shards) - len(union)
    missing, extra = sorted(reference - union), sorted(union - reference)
    print(
        f"{name}: union {len(union):,} findings, reference {len(reference):,}; "
        f"missing {len(missing)}, extra {len(extra)}, reported by two shards {overlap}"
    )
    for label, keys in (("missing", missing), ("extra", extra)):
        for key in keys[:20]:
            print(f"  {label}: {key}")
    return not missing and not extra and not overlap


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pages", type=int, default=1000)
    parser.add_argument("--site", type=Path, help="an existing synthetic site to use")
    options = parser.parse_args()
    seolint = str(Path(sys.executable).with_name("seolint"))
    env = timing_environment()
    with tempfile.TemporaryDirectory() as temporary:
        root = options.site or Path(temporary) / "site"
        if not (root / "config.toml").exists():
            generate(root, options.pages)
        shards = sorted(f"content/{p.name}" for p in (root / "content").iterdir())
        shutil.rmtree(root / ".seolint_cache", ignore_errors=True)
        reference, count, whole = findings(root, seolint, env, ".", "--no-cache")
        print(f"one run over .: {count:,} findings ({len(reference):,} distinct), {whole:.1f} s")
        same = True
        for label, flags in (
            ("isolated shards (--no-cache)", ("--no-cache",)),
            ("shards sharing one cache", ()),
        ):
            shutil.rmtree(root / ".seolint_cache", ignore_errors=True)
            results = [findings(root, seolint, env, shard, *flags) for shard in shards]
            times = ", ".join(
                f"{shard.removeprefix('content/')} {run[2]:.1f}"
                for shard, run in zip(shards, results, strict=True)
            )
            print(f"{label}: {sum(r[2] for r in results):.1f} s in all ({times})")
            same = compare(label, reference, [r[0] for r in results]) and same
        print("IDENTICAL" if same else "DIFFERENT")


if __name__ == "__main__":
    main()
