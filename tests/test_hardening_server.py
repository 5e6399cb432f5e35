"""The language server keeps its stream and answers every request (issue 24, item 8).

The frame reader is tested in-process on bytes; the whole server over stdio, fed the frames
an editor never sends: a length of 99999999999999, lengths too short, too long, negative or
not a number, requests before `initialize` and after `shutdown`, bad params, and code
actions on files that were never opened (a FIFO, a link to /dev/zero). Timeouts only guard
against a hang.
"""

from __future__ import annotations

import io
import json
import os
import queue
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from seolint.server.transport import MAX_HEADER_BYTES, Body, FrameReader, Skipped
from tests.conftest import ROOT
from tests.examples import examples

HANG_GUARD = 60.0


def frame(message: Any = None, raw: bytes | None = None, length: int | None = None) -> bytes:
    body = raw if raw is not None else json.dumps(message).encode()
    return b"Content-Length: %d\r\n\r\n" % (len(body) if length is None else length) + body


def read_all(data: bytes, max_body: int = 1 << 20) -> list[Body | Skipped]:
    reader = FrameReader(io.BytesIO(data), max_body)
    found: list[Body | Skipped] = []
    while (item := reader.next()) is not None:
        found.append(item)
    return found


def bodies(items: list[Body | Skipped]) -> list[Any]:
    return [item.value for item in items if isinstance(item, Body)]


NEXT = {"jsonrpc": "2.0", "id": 2, "method": "shutdown"}


@pytest.mark.parametrize(
    "bad",
    [
        b"Content-Length: 99999999999999\r\n\r\n{}",
        b"Content-Length: -5\r\n\r\n{}",
        b"Content-Length: abc\r\n\r\n{}",
        b"Content-Length: \r\n\r\n{}",
        b"Content-Type: x\r\n\r\n{}",  # no length at all
        b"garbage without a header\r\n\r\n",
        b"Content-Length: 2\r\n" + b"X-Long: " + b"a" * (2 * MAX_HEADER_BYTES) + b"\r\n\r\n{}",
    ],
    ids=["huge", "negative", "not a number", "empty", "missing", "not a header", "header too long"],
)
def test_a_bad_header_costs_its_own_message_only(bad: bytes) -> None:
    found = read_all(frame({"id": 1}) + bad + frame(NEXT))
    assert bodies(found) == [{"id": 1}, NEXT]
    assert any(isinstance(item, Skipped) for item in found)


def test_a_length_too_short_is_a_parse_error_and_the_next_message_is_read() -> None:
    whole = json.dumps({"jsonrpc": "2.0", "id": 1, "method": "hover"}).encode()
    found = read_all(frame(raw=whole, length=10) + frame(NEXT))
    assert bodies(found) == [NEXT]
    assert Skipped("a message that is not JSON", answer=True) in found


def test_a_length_too_long_ends_where_the_next_message_starts() -> None:
    first = {"jsonrpc": "2.0", "id": 1, "method": "hover"}
    body = json.dumps(first).encode()
    for extra in (5, 20, 60, 500):  # inside the next header, just past it, inside its body, past it all
        found = read_all(frame(raw=body, length=len(body) + extra) + frame(NEXT) + frame({"id": 3}))
        assert bodies(found)[-1] == {"id": 3}, extra
        if extra < 100:
            assert bodies(found) == [first, NEXT, {"id": 3}], extra


def test_a_length_too_long_does_not_wait_for_bytes_that_will_not_come() -> None:
    """The client sent a bad frame, then a request, and waits for its answer: the reader
    must not wait for the 500 bytes the bad header promised."""
    read_end, write_end = os.pipe()
    os.write(write_end, b"Content-Length: 500\r\n\r\nnot json" + frame(NEXT))
    found: list[Body | Skipped | None] = []
    with os.fdopen(read_end, "rb", buffering=0) as stream:
        reader = FrameReader(stream)  # type: ignore[arg-type]
        worker = threading.Thread(target=lambda: found.extend([reader.next(), reader.next()]), daemon=True)
        worker.start()
        worker.join(HANG_GUARD)
        os.close(write_end)
    assert found == [Skipped("a message that is not JSON", answer=True), Body(NEXT)]


def test_the_size_limit_is_checked_before_anything_is_read() -> None:
    reader = FrameReader(io.BytesIO(b"Content-Length: 99999999999999\r\n\r\n"), 1 << 20)
    assert reader.next() == Skipped("a message of 99,999,999,999,999 bytes (the limit is 1,048,576)")
    assert reader.next() is None


def test_bytes_that_never_form_a_header_are_dropped_as_they_come() -> None:
    """Ten megabytes of junk, then a message: read in bounded pieces, never held at once."""

    class Watched(FrameReader):
        largest = 0

        def _fill(self) -> bool:
            filled = super()._fill()
            self.largest = max(self.largest, len(self.buffer))
            return filled

    reader = Watched(io.BytesIO(b"x" * 10_000_000 + frame(NEXT)), 1 << 20)
    assert isinstance(reader.next(), Skipped)
    assert reader.next() == Body(NEXT)
    assert reader.largest <= 2 * MAX_HEADER_BYTES + 64 * 1024


def test_a_body_that_mentions_content_length_in_a_string_is_one_message() -> None:
    text = {"text": "Content-Length: 5\r\n\r\nnot a header"}
    assert bodies(read_all(frame(text) + frame(NEXT))) == [text, NEXT]


GOOD = st.dictionaries(st.text("abdefgh", max_size=5), st.integers() | st.text(max_size=20), max_size=4)
BAD = st.sampled_from(
    [
        b"Content-Length: -1\r\n\r\n{}",
        b"Content-Length: 99999999999999\r\n\r\n",
        b"Content-Length: 1x\r\n\r\n[]",
        b"\r\n\r\n",
        b"}{",
        b"Content-Length: 3\r\n\r\n{{{",
    ]
)


@settings(max_examples=examples(60), deadline=None)
@given(st.lists(st.tuples(GOOD, st.none() | BAD), max_size=8))
def test_every_good_message_after_a_bad_frame_is_read(
    sequence: list[tuple[dict[str, Any], bytes | None]],
) -> None:
    stream = b"".join(frame(good) + (bad or b"") for good, bad in sequence)
    assert bodies(read_all(stream)) == [good for good, _ in sequence]


@settings(max_examples=examples(100), deadline=None)
@given(st.binary(max_size=2000))
def test_random_bytes_end_in_bounded_steps(data: bytes) -> None:
    found = read_all(b"Content-Length: 2\r\n\r\n{}" + data)
    assert len(found) <= len(data) + 1


# --- the server over stdio ---------------------------------------------------------------------


class Client:
    """`seolint server` in a subprocess, fed raw bytes; its messages collected by a thread."""

    def __init__(self, cwd: Path) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-c", "from seolint.cli.launch import main; main()", "server"],
            cwd=cwd,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        self.messages: queue.Queue[dict[str, Any]] = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        """What an editor does: headers up to a blank line, then Content-Length bytes."""
        assert self.process.stdout is not None
        stream = self.process.stdout
        while True:
            length = None
            while (line := stream.readline()) not in (b"\r\n", b""):
                name, _, value = line.partition(b":")
                if name.strip().lower() == b"content-length":
                    length = int(value)
            if not line or length is None:
                return
            self.messages.put(json.loads(stream.read(length)))

    def send(self, *data: bytes) -> None:
        assert self.process.stdin is not None
        for chunk in data:
            self.process.stdin.write(chunk)
        self.process.stdin.flush()

    def request(self, msg_id: int, method: str, params: Any = None) -> bytes:
        return frame({"jsonrpc": "2.0", "id": msg_id, "method": method, "params": params})

    def answer(self, msg_id: int) -> dict[str, Any]:
        """The response to request `msg_id` (notifications on the way are kept aside)."""
        while True:
            message = self.messages.get(timeout=HANG_GUARD)
            if message.get("id") == msg_id and "method" not in message:
                return message

    def notification(self, method: str) -> dict[str, Any]:
        while True:
            message = self.messages.get(timeout=HANG_GUARD)
            if message.get("method") == method:
                return message

    def start(self) -> None:
        self.send(self.request(1, "initialize", {"capabilities": {}}))
        assert "result" in self.answer(1)
        self.send(frame({"jsonrpc": "2.0", "method": "initialized", "params": {}}))

    def close(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()


@pytest.fixture
def client(tmp_path: Path) -> Any:
    started = Client(tmp_path)
    yield started
    started.close()


def error_code(message: dict[str, Any]) -> int:
    return int(message["error"]["code"])


def hover(uri: str) -> dict[str, Any]:
    return {"textDocument": {"uri": uri}, "position": {"line": 0, "character": 0}}


BAD_FRAMES = [
    b"Content-Length: 99999999999999\r\n\r\n{}",
    b"Content-Length: -5\r\n\r\n{}",
    b"Content-Length: abc\r\n\r\n{}",
    frame({"jsonrpc": "2.0", "id": 2, "method": "shutdown"}, length=10),  # too short
    frame({"jsonrpc": "2.0", "id": 20, "method": "textDocument/hover", "params": {}}, length=200),  # too long
]


def test_one_session_through_every_kind_of_bad_input(client: Client, tmp_path: Path) -> None:
    """One server (it takes seconds to start), in order: a request before `initialize`, bad
    params, each bad frame, code actions on files never opened (a FIFO, a link to /dev/zero:
    pygls used to read them from disk), a draft nested 30,000 deep, a request after
    `shutdown`. Every request is answered and the session ends with exit code 0."""
    (tmp_path / ".seolint.toml").write_text("", encoding="utf-8")  # the server lints files under a config
    uri = (tmp_path / "post.md").as_uri()
    client.send(client.request(5, "textDocument/hover", hover(uri)))
    assert error_code(client.answer(5)) == -32002  # ServerNotInitialized
    client.start()

    no_range = {"textDocument": {"uri": uri}, "context": {"diagnostics": []}}
    client.send(client.request(3, "textDocument/hover", {"foo": 1}))
    client.send(client.request(4, "textDocument/codeAction", no_range))
    assert error_code(client.answer(3)) == -32602  # InvalidParams
    assert error_code(client.answer(4)) == -32602

    for msg_id, bad in enumerate(BAD_FRAMES, start=30):
        client.send(bad, client.request(msg_id, "textDocument/hover", hover(uri)))
        assert client.answer(msg_id)["result"] is None, bad[:40]

    if sys.platform != "win32":
        os.mkfifo(tmp_path / "fifo.md")
        (tmp_path / "zero.md").symlink_to("/dev/zero")
        at = {"line": 0, "character": 0}
        for msg_id, name in enumerate(("fifo.md", "zero.md"), start=10):
            target = {"textDocument": {"uri": (tmp_path / name).as_uri()}, "range": {"start": at, "end": at}}
            client.send(
                client.request(msg_id, "textDocument/codeAction", {**target, "context": {"diagnostics": []}})
            )
            assert client.answer(msg_id)["result"] == []

    document = {"uri": uri, "languageId": "markdown", "version": 1, "text": "> " * 30000 + "deep\n"}
    client.send(
        frame({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": document}})
    )
    (problem,) = client.notification("textDocument/publishDiagnostics")["params"]["diagnostics"]
    assert "nest more than 100 levels deep" in problem["message"]

    client.send(client.request(99, "shutdown"), client.request(7, "textDocument/hover", hover(uri)))
    assert client.answer(99)["result"] is None
    assert error_code(client.answer(7)) == -32600  # InvalidRequest
    client.send(frame({"jsonrpc": "2.0", "method": "exit"}))
    assert client.process.wait(timeout=HANG_GUARD) == 0
