"""What the site pass costs on a 1,000-post Hugo site, measured with hyperfine.

    python benchmarks/site_timing.py [--posts 1000] [--runs 10]

Generates a synthetic Hugo site in a temporary folder (posts linking each other, with
headings, a bundle image and a static image each), then times with hyperfine (medians):
- a warm one-file run (the pre-commit case) with the site checks and with `--no-site`;
- a cold whole-site run (no cache) with and without them.
Prints both commands and the ratios. Needs `hyperfine` on PATH.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

POST = """+++
title = "Post {n}: notes on topic {n}"
date = 2024-01-{day:02d}
description = "What post {n} says about topic {n}, in a sentence or two for search results."
+++

## Introduction to topic {n}

Some prose about topic {n}. Read [the previous post](/posts/post-{prev:04d}/) and
[the next one]({{{{< ref "post-{next:04d}.md" >}}}}), or jump to
[its setup](/posts/post-{next:04d}/#setup-for-topic-{next}).

![diagram of topic {n}](/img/diagram-{n}.png)

## Setup for topic {n}

{para}

## Conclusion

Try it and tell us what you think: subscribe to the newsletter.
"""


def generate(root: Path, posts: int) -> None:
    (root / "hugo.toml").write_text('baseURL = "https://example.org/"\ntitle = "Synthetic"\n')
    (root / "content" / "posts").mkdir(parents=True)
    (root / "static" / "img").mkdir(parents=True)
    para = " ".join(f"Sentence {i} explains one more detail of the setup." for i in range(40))
    for n in range(posts):
        text = POST.format(n=n, day=n % 28 + 1, prev=(n - 1) % posts, next=(n + 1) % posts, para=para)
        (root / "content" / "posts" / f"post-{n:04d}.md").write_text(text)
        (root / "static" / "img" / f"diagram-{n}.png").write_bytes(b"")


def hyperfine(root: Path, commands: list[str], prepare: str | None, runs: int, name: str) -> list[float]:
    out = root / f"{name}.json"
    args = ["hyperfine", "--runs", str(runs), "--export-json", str(out), "--style", "basic"]
    args += ["--prepare", prepare] if prepare else ["--warmup", "2"]
    subprocess.run([*args, *commands], cwd=root, check=True)
    return [result["median"] for result in json.loads(out.read_text())["results"]]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--posts", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=10)
    options = parser.parse_args()
    seolint = str(Path(sys.executable).with_name("seolint"))
    if shutil.which("hyperfine") is None:
        sys.exit("hyperfine is not installed (apt-get install -y hyperfine)")
    with tempfile.TemporaryDirectory() as temporary:
        root = Path(temporary)
        generate(root, options.posts)
        one = f"content/posts/post-{options.posts // 2:04d}.md"
        warm = [f"{seolint} check --exit-zero -q {one}", f"{seolint} check --exit-zero -q --no-site {one}"]
        site, no_site = hyperfine(root, warm, None, options.runs, "warm")
        cold = [f"{seolint} check --exit-zero -q .", f"{seolint} check --exit-zero -q --no-site ."]
        whole, whole_no_site = hyperfine(root, cold, "rm -rf .seolint_cache", options.runs, "cold")
    print(f"warm one-file: {site:.3f}s with site checks, {no_site:.3f}s --no-site: {site / no_site:.2f}x")
    print(f"cold whole-site: {whole:.3f}s with, {whole_no_site:.3f}s --no-site: {whole / whole_no_site:.2f}x")


if __name__ == "__main__":
    main()
