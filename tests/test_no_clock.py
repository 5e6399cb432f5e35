"""No test reads a clock: speed is judged by counting work (tests/growth.py), never by timing it.

A timed assertion passes on an idle machine and fails on a loaded one (the wall-clock 30x cap
of the old C001 growth test did, in a suite run on a loaded 2-core machine). Waiting with a
timeout, as a guard against a hang, is not reading a clock and stays allowed.
"""

from __future__ import annotations

import ast

import pytest

from tests.conftest import ROOT

CLOCKS = {
    "time": {
        "time",
        "time_ns",
        "perf_counter",
        "perf_counter_ns",
        "monotonic",
        "monotonic_ns",
        "process_time",
        "process_time_ns",
        "thread_time",
        "thread_time_ns",
        "clock_gettime",
        "clock_gettime_ns",
    },
    "timeit": {"*"},
    "resource": {"getrusage"},
    "datetime": {"now", "utcnow", "today"},
}


def clock_reads(source: str) -> list[str]:
    """`module.name` for each clock a module's code imports or calls (comments and strings aside)."""
    tree = ast.parse(source)
    modules = {  # the name each module goes by here: `import time as t` reads clocks as `t.time()`
        alias.asname or alias.name: alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.Import)
        for alias in node.names
    }
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [alias.name for alias in node.names if CLOCKS.get(alias.name) == {"*"}]
        elif isinstance(node, ast.ImportFrom) and node.module in CLOCKS:
            names = CLOCKS[node.module]
            found += [f"{node.module}.{a.name}" for a in node.names if "*" in names or a.name in names]
        elif isinstance(node, ast.Attribute):
            module = modules.get(_owner(node.value), _owner(node.value))
            if node.attr in CLOCKS.get(module, ()):
                found.append(f"{module}.{node.attr}")
    return found


def _owner(node: ast.expr) -> str:
    """`time` in `time.perf_counter`, `datetime` in `datetime.datetime.now`."""
    if isinstance(node, ast.Name):
        return node.id
    return node.attr if isinstance(node, ast.Attribute) else ""


def test_no_test_reads_a_clock() -> None:
    reads = {
        path.name: clock_reads(path.read_text(encoding="utf-8"))
        for path in sorted((ROOT / "tests").rglob("*.py"))
    }
    assert {name: found for name, found in reads.items() if found} == {}


@pytest.mark.parametrize(
    "source",
    [
        "import time\nstart = time.perf_counter()\n",
        "import time\nassert time.process_time() < 1\n",
        "import time as clock\nstarted = clock.time()\n",
        "from time import monotonic as now\n",
        "import timeit\n",
        "from timeit import timeit\n",
        "import resource\nresource.getrusage(resource.RUSAGE_SELF)\n",
        "import datetime\nstarted = datetime.datetime.now()\n",
    ],
)
def test_a_clock_read_is_found(source: str) -> None:
    assert clock_reads(source) != []


def test_sleeping_and_timeouts_are_not_clock_reads() -> None:
    source = "import time\ntime.sleep(2)\nsubprocess.run(['x'], timeout=60)\n# time.perf_counter()\n"
    assert clock_reads(source) == []
