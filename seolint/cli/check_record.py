"""`seolint check` over folders, replayed from a record of the same run when nothing it
read has changed (seolint.cache.runs): a warm run reads one file and imports no rule.

Only runs whose result the record can hold whole are recorded: folders walked (whose
trees hold every config and site the run used), with the cache on, nothing fixed, no
standard input, no change set from git, and no file that could not be read (a worker
that died is not a fact).
"""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from seolint.cache.runs import Inputs, RunRecords
    from seolint.cli.check import CheckOptions
    from seolint.findings.records import RunResult, Severity
    from seolint.lint.settings import Settings

# Reporters that describe every known rule (the rule modules must be loaded for them).
NEEDS_RULES = frozenset({"html", "junit", "junit-rules", "sarif"})
# The options that decide a run's result; the others decide only how it is shown.
_DECIDING = (
    "paths",
    "select",
    "ignore",
    "config_path",
    "fail_on",
    "encoding",
    "max_file_size",
    "respect_gitignore",
    "force_exclude",
    "no_site",
    "extend_exclude",
    "report_unused_suppressions",
)


class Recorder:
    """One run's record: replayed when its inputs are unchanged, else written after the run."""

    def __init__(self, records: RunRecords, cwd: Path, given: list[Path]) -> None:
        self._records = records
        self._cwd = cwd
        self._given = given  # absolute
        self._inputs: Inputs | None = None
        self._started = time.perf_counter()

    def replay(self) -> tuple[RunResult, Severity] | None:
        """The recorded result and fail level, when nothing the run read has changed."""
        value = self._records.replay()
        if not isinstance(value, dict):
            return None
        try:
            return _result(value, time.perf_counter() - self._started), _severity(value["fail_on"])
        except (TypeError, ValueError, KeyError):
            return None

    def start(self) -> None:
        """Sign the inputs now, before the run reads them: a file changed while it runs
        does not match next time."""
        from seolint.cache.runs import Unrecordable, snapshot

        try:
            self._inputs = snapshot(self._cwd, self._given)
        except (Unrecordable, OSError):  # a folder that vanished or cannot be listed mid-walk
            self._inputs = None

    def finish(self, result: RunResult, settings: Settings, fail_on: Severity) -> None:
        """Write the record, when the run read nothing outside what it signs."""
        from seolint.cache.runs import extra_inputs

        if self._inputs is None or result.errors or any(f.errors for f in result.files):
            return
        sources = settings.sources()
        folders = [top for top in self._given if top.is_dir()]
        if not all(any(_inside(root, top) for top in folders) for root in sources.roots):
            return
        outside = sorted({path for path in sources.files if not any(_inside(path, top) for top in folders)})
        self._records.save([*self._inputs, *extra_inputs(outside)], _value(result, fail_on))


def recorder(options: CheckOptions, paths: list[str]) -> Recorder | None:
    """The run's recorder, or None when this kind of run is not recorded."""
    if options.no_cache or options.fix or options.diff or options.diff_base is not None:
        return None
    if options.stdin_filename is not None or "-" in paths or options.show_settings:
        return None
    if options.output_format in NEEDS_RULES:
        return None
    if not any(map(os.path.isdir, paths)):
        return None  # a one-file run (an editor, a hook) would sign a whole site each time
    from seolint.cache.runs import RunRecords, run_key

    cwd = Path.cwd()
    deciding = tuple((name, getattr(options, name)) for name in _DECIDING)
    records = RunRecords.open(cwd, run_key(deciding, str(cwd)))
    given = [Path(os.path.abspath(p)) for p in paths]
    return Recorder(records, cwd, given) if records is not None else None


def _inside(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


def _value(result: RunResult, fail_on: Severity) -> dict[str, Any]:
    from seolint.cache.store import result_to_json

    return {
        "files": [result_to_json(file._replace(facts=None)) for file in result.files],
        "sites": [
            [*site[:3], [list(p) for p in site.unpublished], [list(p) for p in site.not_checked]]
            for site in result.sites
        ],
        "fail_on": int(fail_on),
    }


def _result(value: dict[str, Any], elapsed: float) -> RunResult:
    from seolint.cache.store import belongs_to, result_from_json
    from seolint.findings.records import RunResult, SiteSummary

    files = tuple(map(result_from_json, value["files"]))
    if not all(belongs_to(file, file.path) for file in files):
        raise ValueError("a finding outside its file")
    sites = tuple(
        SiteSummary(
            _text(root),
            _text(generator),
            _count(pages),
            tuple((_text(why), _count(n)) for why, n in unpublished),
            tuple((_text(why), _count(n)) for why, n in not_checked),
        )
        for root, generator, pages, unpublished, not_checked in value["sites"]
    )
    return RunResult(files, (), elapsed, sites=sites)


def _severity(level: object) -> Severity:
    from seolint.findings.records import Severity

    if type(level) is not int:
        raise TypeError("fail level")
    return Severity(level)


def _text(value: object) -> str:
    if type(value) is not str:
        raise TypeError("expected a string")
    return value


def _count(value: object) -> int:
    if type(value) is not int:
        raise TypeError("expected a count")
    return value
