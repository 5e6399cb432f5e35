"""Map a function over items with worker processes; results in input order whatever their number.

It knows nothing of linting. A handful of items is mapped in-process: starting workers
costs more than it saves. Workers are forked where the platform allows it, so they
inherit the task and whatever the caller loaded (rules may hold things that do not
pickle); elsewhere the task must pickle. Workers ignore Ctrl-C: the parent alone stops
them, so an interrupt prints one line instead of a traceback per worker.

A worker that dies (a segfault in a C extension, the out-of-memory killer) loses only
the item it was working on: the parent knows which one, since each item is handed out
and answered on its own pipe, turns it into the caller's `lost` result, starts a new
worker and goes on. (multiprocessing.Pool waits forever for such an item's result.)
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, Generic, TypeVar

if TYPE_CHECKING:
    from multiprocessing.connection import Connection
    from multiprocessing.context import BaseContext
    from multiprocessing.process import BaseProcess

T = TypeVar("T")
R = TypeVar("R")

SERIAL_LIMIT = 8  # at most this many items are mapped without workers

_forked_task: Callable[[Any], Any] | None = None


class WorkerDied(RuntimeError):
    """A worker process ended while it held an item, and the caller gave no `lost` result."""


def available_cpus() -> int:
    """The CPUs this process may use (cgroup/affinity aware where the OS tells)."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return os.cpu_count() or 1


def worker_count(jobs: int, items: int) -> int:
    """Workers actually started: never more than the items, nor than the CPUs available."""
    return max(1, min(jobs, items, available_cpus()))


def map_ordered(
    task: Callable[[T], R],
    items: Sequence[T],
    jobs: int,
    on_done: Callable[[], None] | None = None,
    lost: Callable[[T, str], R] | None = None,
) -> list[R]:
    """`[task(item) for item in items]`, spread over up to `jobs` processes.

    `on_done` is called in this process after each result arrives, so a caller can show
    progress. `lost(item, why)` stands for the result of an item whose worker died (why:
    "signal SIGSEGV"); without it such a death raises WorkerDied. An exception raised by
    `task` in a worker is raised here, as if the task had run in this process.
    """
    done = on_done or _nothing
    workers = worker_count(jobs, len(items))
    if workers <= 1 or len(items) <= SERIAL_LIMIT:
        return [_then(task(item), done) for item in items]
    import multiprocessing  # ~7 ms, and a one-post run never needs it

    global _forked_task
    fork = "fork" in multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if fork else None)
    chunk = max(1, min(16, len(items) // (workers * 8)))
    _forked_task = task if fork else None
    pool = _Pool(context, None if fork else task, workers)
    try:
        return pool.map(items, chunk, done, lost)
    finally:
        pool.stop()
        _forked_task = None


class _Worker:
    """One worker process, the pipes to and from it, and the indexes it holds, oldest first.

    Two one-way pipes (os.pipe), not one duplex Connection: that one is a socket pair, and
    a run must not open sockets (a sandbox may forbid them; tests do)."""

    def __init__(self, process: BaseProcess, to_worker: Connection, from_worker: Connection) -> None:
        self.process = process
        self.to_worker = to_worker
        self.from_worker = from_worker
        self.held: deque[int] = deque()


class _Pool(Generic[T, R]):
    """Workers that each take a chunk of indexes, answer one result per item, and are
    replaced when they die."""

    def __init__(self, context: BaseContext, task: Callable[[T], R] | None, size: int) -> None:
        self.context = context
        self.task = task  # None: the workers were forked and hold it already
        self.size = size
        self.workers: list[_Worker] = []

    def map(
        self, items: Sequence[T], chunk: int, done: Callable[[], None], lost: Callable[[T, str], R] | None
    ) -> list[R]:
        from multiprocessing.connection import wait

        results: dict[int, R] = {}
        waiting = deque(range(len(items)))
        self.workers = [self._start(items) for _ in range(self.size)]
        for worker in self.workers:
            self._hand_out(worker, items, waiting, chunk)
        while len(results) < len(items):
            by_handle: dict[Any, _Worker] = {}
            for worker in self.workers:
                by_handle[worker.from_worker] = by_handle[worker.process.sentinel] = worker
            for ready in wait(list(by_handle)):
                worker = by_handle[ready]
                if worker not in self.workers:
                    continue  # both its pipe and its sentinel were ready: handled once
                if not self._receive(worker, results, done):
                    self._replace(worker, items, results, done, lost)
                    worker = self.workers[-1]
                if not worker.held:
                    self._hand_out(worker, items, waiting, chunk)
        return [results[index] for index in range(len(items))]

    def _receive(self, worker: _Worker, results: dict[int, R], done: Callable[[], None]) -> bool:
        """Take every answer the worker has sent; False when it died instead."""
        try:
            while worker.from_worker.poll():
                index, failed, value = worker.from_worker.recv()
                if failed:
                    raise value
                worker.held.remove(index)
                results[index] = value
                done()
        except (EOFError, OSError):
            return False
        return worker.process.is_alive()

    def _replace(
        self,
        worker: _Worker,
        items: Sequence[T],
        results: dict[int, R],
        done: Callable[[], None],
        lost: Callable[[T, str], R] | None,
    ) -> None:
        """The dead worker's first held item is the one it died on (a worker that died idle
        held none); the rest go to its successor."""
        worker.process.join()
        why = _death(worker.process.exitcode)
        self.workers.remove(worker)
        worker.to_worker.close()
        worker.from_worker.close()
        successor = self._start(items)
        self.workers.append(successor)
        if worker.held:
            culprit = worker.held.popleft()
            if lost is None:
                raise WorkerDied(f"a worker process died ({why})")
            results[culprit] = lost(items[culprit], why)
            done()
        if worker.held:
            successor.held.extend(worker.held)
            successor.to_worker.send([(index, items[index]) for index in worker.held])

    def _hand_out(self, worker: _Worker, items: Sequence[T], waiting: deque[int], chunk: int) -> None:
        taken = [waiting.popleft() for _ in range(chunk_size(len(waiting), self.size, chunk))]
        if taken:
            worker.held.extend(taken)
            worker.to_worker.send([(index, items[index]) for index in taken])

    def _start(self, items: Sequence[T]) -> _Worker:
        tasks_in, tasks_out = self.context.Pipe(duplex=False)
        results_in, results_out = self.context.Pipe(duplex=False)
        process = self.context.Process(  # type: ignore[attr-defined]
            target=_serve, args=(tasks_in, results_out, self.task), daemon=True
        )
        process.start()
        tasks_in.close()
        results_out.close()
        return _Worker(process, tasks_out, results_in)

    def stop(self) -> None:
        """Tell every worker to finish; kill any that is still busy (Ctrl-C, an exception)."""
        for worker in self.workers:
            if worker.held or not worker.process.is_alive():
                worker.process.kill()
            else:
                try:
                    worker.to_worker.send(None)
                except OSError:
                    worker.process.kill()
        for worker in self.workers:
            worker.process.join()
            worker.to_worker.close()
            worker.from_worker.close()
        self.workers = []


def chunk_size(waiting: int, workers: int, most: int) -> int:
    """How many of the `waiting` items a worker takes next: up to `most`, fewer as the run
    nears its end (a quarter of each worker's share of what is left), so that no worker is
    still busy with a long chunk while the others have nothing left to do. On the corpus
    (1,264 files, 2 workers), chunks of 16 to the end left one worker idle for 2 % of the run
    (simulated from each file's time in one process; BENCHMARKS.md)."""
    return min(waiting, most, max(1, waiting // (4 * workers)))


def _serve(tasks: Connection, results: Connection, task: Callable[[Any], Any] | None) -> None:
    """A worker's life: answer each item of each chunk until told to stop (None)."""
    import signal  # only workers and the report of a death need it: not a run in one process

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    run = task or _forked_task
    assert run is not None, "worker started without a task"
    while (chunk := tasks.recv()) is not None:
        for index, item in chunk:
            try:
                results.send((index, False, run(item)))
            except Exception as error:  # raised by the task, or its result does not pickle
                try:
                    results.send((index, True, error))
                except Exception:  # nor does the exception
                    results.send((index, True, RuntimeError(f"{type(error).__name__}: {error}")))


def _death(exitcode: int | None) -> str:
    import signal

    if exitcode is not None and exitcode < 0:
        try:
            return f"signal {signal.Signals(-exitcode).name}"
        except ValueError:
            return f"signal {-exitcode}"
    return f"exit code {exitcode}"


def _then(result: R, done: Callable[[], None]) -> R:
    done()
    return result


def _nothing() -> None:
    pass
