"""Map a function over items with a process pool; results in input order whatever the pool size.

It knows nothing of linting. A handful of items is mapped in-process: starting workers
costs more than it saves. Workers are forked where the platform allows it, so they
inherit the task and whatever the caller loaded (rules may hold things that do not
pickle); elsewhere the task must pickle. Workers ignore Ctrl-C: the parent alone stops
the pool, so an interrupt prints one line instead of a traceback per worker.
"""

from __future__ import annotations

import os
import signal
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")

SERIAL_LIMIT = 8  # at most this many items are mapped without a pool

_forked_task: Callable[[Any], Any] | None = None


def available_cpus() -> int:
    """The CPUs this process may use (cgroup/affinity aware where the OS tells)."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return os.cpu_count() or 1


def worker_count(jobs: int, items: int) -> int:
    """Workers actually started: never more than the items, nor than the CPUs available."""
    return max(1, min(jobs, items, available_cpus()))


def map_ordered(
    task: Callable[[T], R], items: Sequence[T], jobs: int, on_done: Callable[[], None] | None = None
) -> list[R]:
    """`[task(item) for item in items]`, spread over up to `jobs` processes.

    `on_done` is called in this process after each result arrives (in input order), so a
    caller can show progress.
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
    pool = context.Pool(workers, _ignore_interrupts)
    try:
        arriving = pool.imap(_run_forked if fork else task, items, chunksize=chunk)
        results: list[R] = [_then(result, done) for result in arriving]
    except BaseException:  # Ctrl-C, or a crash: stop the workers before anything else
        pool.terminate()
        raise
    else:
        pool.close()
    finally:
        pool.join()
        _forked_task = None
    return results


def _then(result: R, done: Callable[[], None]) -> R:
    done()
    return result


def _nothing() -> None:
    pass


def _ignore_interrupts() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _run_forked(item: Any) -> Any:
    assert _forked_task is not None, "worker forked without a task"
    return _forked_task(item)
