"""Lint many files over a process pool; results come back in input order whatever the pool size.

A handful of files is linted in-process: starting workers costs more than it saves.
Workers are forked where the platform allows it, so they inherit the plan (rules may
hold things that do not pickle) and only paths and results cross process boundaries.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Sequence
from typing import TYPE_CHECKING

from seolint.findings import FileError, FileResult

if TYPE_CHECKING:
    from seolint.cache import Cache
    from seolint.document import Format
    from seolint.engine import Plan

SERIAL_LIMIT = 8  # at most this many files are linted without a pool
Outcome = FileResult | FileError

_worker_state: tuple[Plan, Format, Cache | None] | None = None


def default_jobs() -> int:
    """The CPUs this process may use (cgroup/affinity aware where the OS tells)."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return os.cpu_count() or 1


def lint_files(
    paths: Sequence[str], plan: Plan, stdin_format: Format, jobs: int, cache: Cache | None
) -> list[Outcome]:
    """One outcome per path, in the order of `paths`."""
    workers = min(jobs, len(paths))
    if workers <= 1 or len(paths) <= SERIAL_LIMIT or "-" in paths:
        return [lint_one(path, plan, stdin_format, cache) for path in paths]
    global _worker_state
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    _worker_state = (plan, stdin_format, cache)
    if context.get_start_method() == "fork":
        from seolint.parse import format_for, preload

        preload({fmt for path in paths if (fmt := format_for(path))})
    try:
        initargs = () if context.get_start_method() == "fork" else (_worker_state,)
        with context.Pool(workers, _init_worker, initargs) as pool:
            chunk = max(1, min(16, len(paths) // (workers * 8)))
            return pool.map(_lint_in_worker, paths, chunksize=chunk)
    finally:
        _worker_state = None


def lint_one(path: str, plan: Plan, stdin_format: Format, cache: Cache | None) -> Outcome:
    from seolint.engine import DraftError, lint_path

    try:
        return lint_path(path, plan, stdin_format, cache)
    except DraftError as error:
        return FileError(path, str(error), error.detail)


def _init_worker(state: tuple[Plan, Format, Cache | None] | None = None) -> None:
    global _worker_state
    if state is not None:
        _worker_state = state


def _lint_in_worker(path: str) -> Outcome:
    assert _worker_state is not None, "worker started without a plan"
    plan, stdin_format, cache = _worker_state
    return lint_one(path, plan, stdin_format, cache)
