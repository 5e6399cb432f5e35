"""Run the property tests for a fixed time, and fuzz the language server, and report.

    python scripts/fuzz_campaign.py --minutes 30

Each round runs every property with fresh random data (500 examples each); failures
are printed with their falsifying input and stored in Hypothesis' example database,
so `pytest tests/...` replays them afterwards. The properties are the drafts of
tests/test_fuzz.py, the frame reader of the language server, "did you mean" against
its brute force, and `--diff | patch -p1` against `--fix`.

Each round also starts `seolint server` and feeds it random and truncated frames: valid
requests and notifications (some with drafts nested 30,000 deep), frames with lengths
too long, too short, negative, huge or not numbers, bodies cut short, and random bytes.
A final `shutdown` must be answered and `exit` must end the server with code 0; a crash,
a traceback or a hang is a failure, printed with the seed that replays it
(`--server-seed`).
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import queue
import random
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import traceback
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from hypothesis import settings

from tests import test_fuzz

PROPERTIES = (
    "tests.test_fuzz:test_markdown_drafts",
    "tests.test_fuzz:test_html_drafts",
    "tests.test_fuzz:test_text_drafts",
    "tests.test_fuzz:test_random_bytes",
    "tests.test_hardening_server:test_every_good_message_after_a_bad_frame_is_read",
    "tests.test_hardening_server:test_random_bytes_end_in_bounded_steps",
    "tests.test_hardening_suggestions:test_the_index_finds_exactly_what_comparing_with_every_name_finds",
    "tests.test_hardening_suggestions:test_suggestions_on_generated_sites_are_the_brute_force_ones",
    "tests.test_hardening_reports:test_html_marks_are_as_before",
)
SLOW_PROPERTIES = ("tests.test_hardening_diff:test_diff_through_patch_is_what_fix_writes",)  # 25 a round
SERVER_GUARD = 60.0  # seconds to wait for the final answer; a healthy server needs well under one


def frame(body: bytes, length: int | None = None) -> bytes:
    return b"Content-Length: %d\r\n\r\n" % (len(body) if length is None else length) + body


def request(msg_id: int, method: str, params: Any) -> bytes:
    return json.dumps({"jsonrpc": "2.0", "id": msg_id, "method": method, "params": params}).encode()


def notification(method: str, params: Any) -> bytes:
    return json.dumps({"jsonrpc": "2.0", "method": method, "params": params}).encode()


def random_frames(chooser: random.Random, folder: Path, count: int) -> list[bytes]:
    """`count` frames an editor would never send, mixed with ones it would."""
    uri = (folder / "post.md").as_uri()
    texts = ["# T\n\nTODO [x](#)\n", "> " * 30000 + "deep\n", "*a " * 3000, "\x00\x1b[31m", "é" * 500]
    at = {"line": chooser.randrange(5), "character": chooser.randrange(50)}
    frames = []
    for number in range(count):
        kind = chooser.randrange(9)
        text = chooser.choice(texts)
        good = [
            notification(
                "textDocument/didOpen",
                {"textDocument": {"uri": uri, "languageId": "markdown", "version": number, "text": text}},
            ),
            request(1000 + number, "textDocument/hover", {"textDocument": {"uri": uri}, "position": at}),
            request(
                1000 + number,
                "textDocument/codeAction",
                {
                    "textDocument": {"uri": uri},
                    "range": {"start": at, "end": at},
                    "context": {"diagnostics": []},
                },
            ),
            request(1000 + number, "textDocument/hover", {"bad": chooser.random()}),
        ]
        body = chooser.choice(good)
        if kind < 3:
            frames.append(frame(body))
        elif kind == 3:
            frames.append(frame(body, chooser.choice([-5, 99999999999999, 0])))
        elif kind == 4:
            frames.append(frame(body, max(0, len(body) + chooser.randint(-40, 400))))
        elif kind == 5:
            whole = frame(body)
            frames.append(whole[: chooser.randrange(len(whole))])  # truncated
        elif kind == 6:
            frames.append(bytes(chooser.randrange(256) for _ in range(chooser.randrange(200))))
        elif kind == 7:
            frames.append(
                b"Content-Length: " + chooser.choice([b"abc", b"", b"1e3", b" 12 34"]) + b"\r\n\r\n" + body
            )
        else:
            frames.append(frame(bytes(chooser.randrange(256) for _ in range(chooser.randrange(60)))))
    return frames


def server_round(seed: int, folder: Path, frames_per_round: int) -> str:
    """One server session fed random frames; "" when it answered the shutdown and exited 0."""
    chooser = random.Random(seed)
    process = subprocess.Popen(
        [sys.executable, "-c", "from seolint.cli.launch import main; main()", "server"],
        cwd=folder,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    answers: queue.Queue[dict[str, Any]] = queue.Queue()

    def collect() -> None:
        assert process.stdout is not None
        while True:
            length = None
            while (line := process.stdout.readline()) not in (b"\r\n", b""):
                name, _, value = line.partition(b":")
                if name.strip().lower() == b"content-length":
                    length = int(value)
            if not line or length is None:
                return
            answers.put(json.loads(process.stdout.read(length)))

    threading.Thread(target=collect, daemon=True).start()
    assert process.stdin is not None and process.stderr is not None
    stderr: list[bytes] = []
    threading.Thread(target=lambda: stderr.append(process.stderr.read()), daemon=True).start()  # type: ignore[union-attr]
    try:
        process.stdin.write(frame(request(1, "initialize", {"capabilities": {}})))
        process.stdin.write(frame(notification("initialized", {})))
        for chunk in random_frames(chooser, folder, frames_per_round):
            process.stdin.write(chunk)
        # a frame cut short may wait for its bytes; a long enough run of them ends any wait
        process.stdin.write(b"\r\n\r\n" + b" " * 600 + frame(request(99, "shutdown", None)))
        process.stdin.flush()
        deadline = time.monotonic() + SERVER_GUARD
        while True:
            message = answers.get(timeout=max(0.1, deadline - time.monotonic()))
            if message.get("id") == 99 and "method" not in message:
                break
        process.stdin.write(frame(notification("exit", None)))
        process.stdin.close()
        code = process.wait(timeout=SERVER_GUARD)
    except queue.Empty:
        process.kill()
        return f"HANG: no answer to shutdown within {SERVER_GUARD:.0f}s"
    except (BrokenPipeError, subprocess.TimeoutExpired) as error:
        process.kill()
        return f"CRASH: {type(error).__name__} (exit {process.poll()})"
    process.wait()
    time.sleep(0.1)
    errors = b"".join(stderr).decode("utf-8", "replace")
    if code != 0 or "Traceback" in errors or "internal error" in errors:
        telling = [line for line in errors.splitlines() if "rror" in line or "Traceback" in line]
        return f"CRASH: exit {code}; " + " / ".join(telling)[-600:]
    return ""


class Folders:
    """What the --diff property asks of pytest's tmp_path_factory: fresh folders (in `base`)."""

    def __init__(self, base: Path) -> None:
        self.base = base

    def mktemp(self, name: str) -> Path:
        return Path(tempfile.mkdtemp(prefix=f"{name}-", dir=self.base))


def with_examples(prop: Any, examples: int) -> Any:
    """The property with `examples` examples a run, whether or not it set its own settings
    (Hypothesis refuses a second @settings; the settings it reads are kept on the function)."""
    own = getattr(prop, "_hypothesis_internal_use_settings", None)
    if own is None:
        return settings(max_examples=examples, deadline=None)(prop)
    prop._hypothesis_internal_use_settings = settings(own, max_examples=examples, deadline=None)
    return prop


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=30.0)
    parser.add_argument("--examples-per-round", type=int, default=500)
    parser.add_argument("--server-frames", type=int, default=60, help="random frames per server session")
    parser.add_argument("--server-seed", type=int, help="replay one server session and stop")
    args = parser.parse_args()
    folder = Path(os.environ.get("TMPDIR", "/tmp")) / "seolint-fuzz-server"
    folder.mkdir(exist_ok=True)
    scratch = Path(tempfile.mkdtemp(prefix="seolint-fuzz-"))  # the --diff property's folders
    if args.server_seed is not None:
        outcome = server_round(args.server_seed, folder, args.server_frames)
        print(outcome or "ok")
        return 1 if outcome else 0
    calls: Counter[str] = Counter()
    original = test_fuzz.check_result

    def counted(text: str, fmt: test_fuzz.Format) -> None:
        calls[fmt] += 1
        original(text, fmt)

    test_fuzz.check_result = counted
    properties = {
        name: with_examples(
            getattr(importlib.import_module(name.split(":")[0]), name.split(":")[1]),
            args.examples_per_round // (20 if name in SLOW_PROPERTIES else 1),
        )
        for name in (*PROPERTIES, *SLOW_PROPERTIES)
    }
    deadline = time.monotonic() + args.minutes * 60
    started, rounds, failures, sessions = time.monotonic(), 0, [], 0
    seeds = random.Random()
    while time.monotonic() < deadline:
        rounds += 1
        for name, prop in properties.items():
            try:
                prop(**({"tmp_path_factory": Folders(scratch)} if name in SLOW_PROPERTIES else {}))
            except Exception:
                failures.append((name, traceback.format_exc()))
                print(f"FAILURE in {name}:\n{failures[-1][1]}", flush=True)
        for _ in range(3):
            seed = seeds.randrange(2**32)
            outcome = server_round(seed, folder, args.server_frames)
            sessions += 1
            if outcome:
                failures.append(("server", f"seed {seed}: {outcome}"))
                print(f"SERVER FAILURE (--server-seed {seed}): {outcome}", flush=True)
        elapsed = time.monotonic() - started
        print(
            f"round {rounds}: {sum(calls.values())} drafts in {elapsed:.0f}s {dict(calls)}, "
            f"{sessions} server sessions",
            flush=True,
        )
    shutil.rmtree(scratch, ignore_errors=True)
    print(f"done: {rounds} rounds, {sum(calls.values())} drafts, {sessions} server sessions", end="")
    print(f", {len(failures)} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
