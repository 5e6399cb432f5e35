"""The language server's stdio stream: messages framed with bounds, and every request answered.

pygls 2 reads a header line with an unbounded readline and then as many bytes as the
`Content-Length` it names, whatever that is (99999999999999: MemoryError); a length too
short, too long, negative or not a number leaves it reading bodies as headers for good,
and it drops requests it cannot read without an answer. Here instead:

- a header block is at most MAX_HEADER_BYTES, and a body at most MAX_BODY_BYTES;
- a bad header or an oversized length is skipped: the stream is read on from the next
  `Content-Length` header (a JSON body cannot hold one: a raw line break is not allowed
  inside a JSON string), so one bad frame costs one message, not the session;
- a body that is not JSON gets a Parse error response (JSON-RPC 2.0); when it is not
  JSON because its length ran into the next message, it is cut where that one starts;
- a request before `initialize` gets ServerNotInitialized, one after `shutdown` gets
  InvalidRequest, one whose params do not fit the method gets InvalidParams (LSP 3.17).
Then pygls's own protocol handles what is left, exactly as its loop would.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import re
import sys
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any, BinaryIO, Protocol

MAX_HEADER_BYTES = 4096
MAX_BODY_BYTES = 64 * 1024 * 1024  # a didOpen of the largest draft seolint reads (10 MB), JSON-escaped
_CHUNK = 64 * 1024
_HEADER_END = b"\r\n\r\n"
_HEADER_START = re.compile(rb"content-length[ \t]*:", re.IGNORECASE)
_HEADER_LINE = re.compile(rb"content-length[ \t]*:[ \t]*[0-9]{1,19}[ \t]*\r\n", re.IGNORECASE)
_LONGEST_HEADER_LINE = 64
_FIELD = re.compile(rb"([A-Za-z][A-Za-z0-9-]{0,63})[ \t]*:[ \t]*(.*?)[ \t]*")
_LENGTH = re.compile(rb"[0-9]{1,19}")

PARSE_ERROR = -32700
INVALID_REQUEST = -32600
INVALID_PARAMS = -32602
SERVER_NOT_INITIALIZED = -32002


@dataclass(frozen=True)
class Body:
    """A message's body, parsed as JSON."""

    value: Any


@dataclass(frozen=True)
class Skipped:
    """Bytes that were not a message, and why (one line); `answer` when a Parse error is owed."""

    why: str
    answer: bool = False


class FrameReader:
    """Message bodies from a byte stream, one at a time, with the bounds above."""

    def __init__(self, stream: BinaryIO, max_body: int = MAX_BODY_BYTES) -> None:
        self.stream = stream
        self.max_body = max_body
        self.buffer = bytearray()
        self.ended = False

    def next(self) -> Body | Skipped | None:
        """The next body, what was skipped instead, or None once the stream has ended."""
        header_end = self._header_end()
        if header_end is None:
            return None
        if header_end < 0:
            return self._resync("a header longer than 4096 bytes")
        length, why = _content_length(bytes(self.buffer[:header_end]), self.max_body)
        if length is None:
            return self._resync(why)
        start = header_end + len(_HEADER_END)
        early = self._wait_for(start, start + length)
        if early is not None:
            return self._cut(start, early - start, "a message that is not JSON")
        if len(self.buffer) < start + length:  # the stream ended first
            return self._cut(start, len(self.buffer) - start, "the stream ended inside a message")
        parsed = _json(self.buffer[start : start + length])
        if parsed is not None:
            del self.buffer[: start + length]
            return parsed
        return self._cut(start, length, "a message that is not JSON")

    def _wait_for(self, start: int, end: int) -> int | None:
        """Read until the buffer reaches `end`; or, when a header line of the next message
        arrives first, where it starts. JSON cannot hold a raw `Content-Length: 12` line (a
        line break inside a string is escaped, and outside strings those words are no
        JSON), so the length was too long, and the client may be waiting for an answer."""
        searched = start
        while len(self.buffer) < end:
            found = _HEADER_LINE.search(self.buffer, searched)
            if found is not None and found.start() < end:
                return found.start()
            searched = max(start, len(self.buffer) - _LONGEST_HEADER_LINE)
            if not self._fill():
                return None
        return None

    def _header_end(self) -> int | None:
        """Where the header block ends (-1: not within MAX_HEADER_BYTES; None: end of stream)."""
        while True:
            end = self.buffer.find(_HEADER_END, 0, MAX_HEADER_BYTES + len(_HEADER_END))
            if end >= 0:
                return end
            if len(self.buffer) > MAX_HEADER_BYTES:
                return -1
            if not self._fill():
                self.buffer.clear()
                return None

    def _resync(self, why: str) -> Skipped:
        """Drop the bad frame: everything up to the next `Content-Length` header."""
        while True:
            found = _HEADER_START.search(self.buffer, 1)
            if found is not None:
                del self.buffer[: found.start()]
                return Skipped(why)
            keep = len("content-length:") + 64  # a header cut by the end of this chunk
            del self.buffer[: max(0, len(self.buffer) - keep)]
            if not self._fill():
                self.buffer.clear()
                return Skipped(why)

    def _cut(self, start: int, length: int, why: str) -> Body | Skipped:
        """A body that is not JSON (or cut short by the end of the stream): if a header starts
        inside it (or across its end), its length was too long and the message ends there;
        else it is skipped, owing a Parse error."""
        found = _HEADER_START.search(self.buffer, start, start + length + len("content-length:"))
        end = found.start() if found is not None else start + length
        parsed = _json(self.buffer[start:end]) if found is not None else None
        del self.buffer[:end]
        return parsed or Skipped(why, answer=True)

    def _fill(self) -> bool:
        if self.ended:
            return False
        read = getattr(self.stream, "read1", self.stream.read)
        chunk = read(_CHUNK)
        if not chunk:
            self.ended = True
            return False
        self.buffer += chunk
        return True


def _content_length(header: bytes, max_body: int) -> tuple[int | None, str]:
    """The length a header block names, or None and why it is not a good one."""
    length: int | None = None
    for line in header.split(b"\r\n"):
        field = _FIELD.fullmatch(line)
        if field is None:
            return None, "a header line that is not `Name: value`"
        if field.group(1).lower() == b"content-length":
            if _LENGTH.fullmatch(field.group(2)) is None:
                return None, "a Content-Length that is not a number of bytes"
            length = int(field.group(2))
    if length is None:
        return None, "a header without Content-Length"
    if length > max_body:
        return None, f"a message of {length:,} bytes (the limit is {max_body:,})"
    return length, ""


def _json(body: bytearray) -> Body | None:
    try:
        return Body(json.loads(body))
    except (ValueError, RecursionError):  # UnicodeDecodeError is a ValueError
        return None


class Writer(Protocol):
    def write(self, data: bytes) -> None: ...


class Server(Protocol):
    """What the loop needs of the language server (a pygls LanguageServer)."""

    @property
    def protocol(self) -> Any: ...
    @property
    def shut_down(self) -> bool: ...


def frame(message: dict[str, Any]) -> bytes:
    body = json.dumps(message, separators=(",", ":")).encode("utf-8")
    return b"Content-Length: %d\r\n\r\n" % len(body) + body


@dataclass
class Dispatcher:
    """Turns each body into a pygls message, or answers it with the error it deserves."""

    server: Server
    writer: Writer
    log: Callable[[str], None]
    initialized: bool = False

    def skipped(self, skipped: Skipped) -> None:
        self.log(f"seolint server: skipped {skipped.why}")
        if skipped.answer:
            self.error(None, PARSE_ERROR, "Parse error: the message is not JSON")

    def handle(self, body: Body) -> None:
        data = body.value
        if not isinstance(data, dict) or data.get("jsonrpc") != "2.0":
            self.error(_id_of(data), INVALID_REQUEST, "Invalid Request: not a JSON-RPC 2.0 message")
            return
        method = data.get("method")
        request = "id" in data and "method" in data
        if request and (not isinstance(method, str) or _id_of(data) is None):
            self.error(_id_of(data), INVALID_REQUEST, "Invalid Request: no method name or a bad id")
            return
        if isinstance(method, str) and not self._admitted(method, data if request else None):
            return
        try:
            with _quiet("pygls.protocol.json_rpc"):  # it logs a traceback per bad message
                message = self.server.protocol.structure_message(data)
        except Exception as error:  # pygls raises JsonRpcInvalidParams, or InternalError
            if request:
                self.error(data["id"], INVALID_PARAMS, f"Invalid params for {method}")
            self.log(f"seolint server: ignored a message with params that do not fit it ({error!r})")
            return
        self.server.protocol.handle_message(message)
        if method == "initialize":
            self.initialized = True

    def _admitted(self, method: str, request: dict[str, Any] | None) -> bool:
        """Whether the protocol's state lets `method` in; a request kept out gets an error.
        Before `initialize` and after `shutdown`, notifications other than `exit` are dropped."""
        if method == "exit" or (self.initialized and not self.server.shut_down):
            return True
        if method == "initialize" and not self.initialized:
            return True
        if request is not None and not self.initialized:
            self.error(request["id"], SERVER_NOT_INITIALIZED, "the server is not initialized yet")
        elif request is not None:
            self.error(request["id"], INVALID_REQUEST, "Invalid Request: the server is shutting down")
        return False

    def error(self, msg_id: object, code: int, message: str) -> None:
        self.writer.write(
            frame({"jsonrpc": "2.0", "id": msg_id, "error": {"code": code, "message": message}})
        )


@contextlib.contextmanager
def _quiet(name: str) -> Iterator[None]:
    """Silence one logger for a moment: the message that replaces its output is one line."""
    logger = logging.getLogger(name)
    was, logger.disabled = logger.disabled, True
    try:
        yield
    finally:
        logger.disabled = was


def _id_of(data: object) -> int | str | None:
    """A message's id when it is one JSON-RPC allows (a number or a string), else None."""
    found = data.get("id") if isinstance(data, dict) else None
    return found if isinstance(found, (int, str)) and not isinstance(found, bool) else None


async def serve(reader: FrameReader, dispatcher: Dispatcher, stop: threading.Event) -> None:
    """Hand each frame to `dispatcher` until the stream ends or `stop` is set.

    Frames are read on a daemon thread, one ahead at most, so a read that blocks forever
    (a client that never closes its end) never keeps the process from exiting.
    """
    loop = asyncio.get_running_loop()
    frames: asyncio.Queue[Body | Skipped | None] = asyncio.Queue(maxsize=1)
    threading.Thread(target=_read_into, args=(reader, frames, loop), daemon=True).start()
    while not stop.is_set():
        item = await frames.get()
        if item is None:
            return
        try:
            if isinstance(item, Skipped):
                dispatcher.skipped(item)
            else:
                dispatcher.handle(item)
        except (SystemExit, KeyboardInterrupt):
            raise
        except Exception as error:  # the session outlives any one message
            dispatcher.log(f"seolint server: internal error on a message: {error!r}")


def _read_into(
    reader: FrameReader, frames: asyncio.Queue[Body | Skipped | None], loop: asyncio.AbstractEventLoop
) -> None:
    while True:
        try:
            item = reader.next()
        except OSError as error:
            print(f"seolint server: cannot read the client's messages: {error}", file=sys.stderr)
            item = None
        try:
            asyncio.run_coroutine_threadsafe(frames.put(item), loop).result()
        except RuntimeError:  # the loop has closed: the server is exiting
            return
        if item is None:
            return
