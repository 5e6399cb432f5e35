"""seolint's modules import each other in one direction only: no cycles, even lazy ones,
and no package imports one that comes later in the pipeline.

Data flows forward through the pipeline (DESIGN.md), so no module may import, at the
top or inside a function, one that imports it back. Imports under `if TYPE_CHECKING:`
never run and are left out of the cycle check, but not of the direction check: a type
named from a later stage is a dependency on it all the same. The graph is read from the
import statements themselves.
"""

from __future__ import annotations

import ast
from pathlib import Path

from tests.conftest import ROOT

PACKAGE = ROOT / "seolint"


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def runtime_nodes(tree: ast.AST) -> list[ast.AST]:
    """Every node of the module except the bodies of `if TYPE_CHECKING:` blocks."""
    found: list[ast.AST] = []
    pending = [tree]
    while pending:
        node = pending.pop()
        found.append(node)
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            pending.extend(node.orelse)
            continue
        pending.extend(ast.iter_child_nodes(node))
    return found


# The stages in pipeline order: a package may import only the ones before it (and itself).
STAGES = (
    "discover",
    "document",
    "findings",
    "site",
    "parse",
    "registry",
    "config",
    "cache",
    "sitewide",
    "checks",
    "lint",
    "fix",
    "report",
    "server",
    "cli",
)


def imported_modules(path: Path, modules: set[str], typing_too: bool = False) -> set[str]:
    """seolint modules that `path` imports when run (from-imports of names resolve to their
    module); with `typing_too`, also those it imports for type checking only."""
    found: set[str] = set()
    package = module_name(path) if path.name == "__init__.py" else module_name(path).rpartition(".")[0]
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree) if typing_too else runtime_nodes(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            found.add(base)
            found.update(f"{base}.{alias.name}" for alias in node.names)
    return {name for name in found if name in modules} - {module_name(path)}


def import_graph() -> dict[str, set[str]]:
    paths = sorted(PACKAGE.rglob("*.py"))
    modules = {module_name(p) for p in paths}
    graph = {module_name(p): imported_modules(p, modules) for p in paths}
    for name in graph:  # importing seolint.a.b runs seolint/a/__init__.py first
        graph[name] = {m for m in graph[name] if not name.startswith(m + ".")}
    return graph


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    done: set[str] = set()
    path: list[str] = []

    def visit(node: str) -> list[str] | None:
        if node in path:
            return [*path[path.index(node) :], node]
        if node in done:
            return None
        path.append(node)
        for target in sorted(graph.get(node, ())):
            cycle = visit(target)
            if cycle:
                return cycle
        path.pop()
        done.add(node)
        return None

    for start in sorted(graph):
        cycle = visit(start)
        if cycle:
            return cycle
    return None


def test_the_package_has_no_import_cycles() -> None:
    graph = import_graph()
    assert len(graph) > 30 and graph["seolint.lint.runner"]  # the walk really read the package
    assert find_cycle(graph) is None, " -> ".join(find_cycle(graph) or [])


def stage_of(module: str) -> str:
    """The pipeline stage of a module: its package right under seolint ("" for seolint itself)."""
    parts = module.split(".")
    return parts[1] if len(parts) > 2 or (len(parts) == 2 and parts[1] in STAGES) else ""


def backward_imports() -> list[str]:
    """Imports from a module of one stage into a later stage's module, as "a -> b"."""
    paths = sorted(PACKAGE.rglob("*.py"))
    modules = {module_name(p) for p in paths}
    found = []
    for path in paths:
        importer = module_name(path)
        found += [
            f"{importer} -> {target}"
            for target in sorted(imported_modules(path, modules, typing_too=True))
            if is_backward(importer, target)
        ]
    return found


def is_backward(importer: str, target: str) -> bool:
    """Whether `importer` reaches into a stage that comes after its own."""
    stage, wanted = stage_of(importer), stage_of(target)
    return bool(stage and wanted) and STAGES.index(wanted) > STAGES.index(stage)


def test_every_package_is_a_stage() -> None:
    packages = {p.parent.name for p in PACKAGE.glob("*/__init__.py")} - {"packs_data"}
    assert packages == set(STAGES)
    loose = {p.name for p in PACKAGE.glob("*.py")}
    assert loose == {"__init__.py", "__main__.py"}  # every module belongs to a stage


def test_no_package_imports_a_later_stage() -> None:
    assert backward_imports() == []


def test_a_backward_import_is_found() -> None:
    assert is_backward("seolint.parse.text", "seolint.cli.main")
    assert not is_backward("seolint.cli.main", "seolint.parse.text")
    assert not is_backward("seolint.parse.text", "seolint.parse.markdown.inline")
    assert not is_backward("seolint.parse.text", "seolint")  # the version, from anywhere


def test_each_package_says_its_job_and_what_it_may_import() -> None:
    for stage in STAGES[1:]:
        doc = ast.get_docstring(ast.parse((PACKAGE / stage / "__init__.py").read_text(encoding="utf-8")))
        assert doc and "import" in doc, stage


def test_type_checking_imports_are_not_edges() -> None:
    tree = ast.parse("from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    import a\nimport b\n")
    imports = [node for node in runtime_nodes(tree) if isinstance(node, ast.Import)]
    assert {alias.name for node in imports for alias in node.names} == {"b"}


def test_a_cycle_is_found() -> None:
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": set()}) is None
