"""The package's shape: imports flow one way between rooms, no cycles, and rooms small enough to see across."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "pipeline"

#: room -> the rooms its modules may import (besides their own room and the package root's __version__)
MAY_IMPORT = {
    "core": set(),
    "stages": {"core"},
    "run": {"core", "stages"},
    "tools": {"core", "stages", "run"},
    "interface": {"core", "stages", "run", "tools"},
}
MAX_MODULE_LINES = 900
MAX_CLASS_LINES = 300


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _room(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 2 or (len(parts) == 2 and parts[1] in MAY_IMPORT) else "interface"


MODULES = {_module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _imports(module: str) -> set[tuple[str, int]]:
    """Every package module ``module`` imports, at the top or inside a function, with the line."""
    path = MODULES[module]
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")
                anchor = anchor[:len(anchor) - node.level + 1]
                base = ".".join(anchor + ([base] if base else []))
            names = [f"{base}.{alias.name}" for alias in node.names] + [base]
        else:
            continue
        for name in names:
            # the longest known module the name starts with (``pipeline.run.runner.run_pipeline`` -> the module)
            while name and name not in MODULES:
                name = name.rpartition(".")[0]
            if name and name != module:
                found.add((name, node.lineno))
    return found


GRAPH = {module: _imports(module) for module in MODULES}


@pytest.mark.parametrize("module", sorted(MODULES))
def test_imports_flow_one_way(module):
    room = _room(module)
    allowed = MAY_IMPORT[room] | {room}
    wrong = sorted(f"line {line}: {target} ({_room(target)})" for target, line in GRAPH[module]
                   if target != "pipeline" and _room(target) not in allowed)
    assert not wrong, f"{module} ({room}) may import only {sorted(allowed)}: {wrong}"


def test_the_package_root_is_only_the_version_and_the_notebook_shortcut():
    """Any room may read ``pipeline.__version__``, so the root itself imports nothing at import time."""
    tree = ast.parse(MODULES["pipeline"].read_text(encoding="utf-8"))
    top_level = [node for node in tree.body if isinstance(node, (ast.Import, ast.ImportFrom))]
    assert [node.module for node in top_level if isinstance(node, ast.ImportFrom)] == ["__future__"]


def test_no_import_cycles():
    """No two modules import each other, directly or through others (Tarjan's strongly connected components)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    cycles: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target, _ in GRAPH[node]:
            if target == "pipeline" or not target.startswith("pipeline"):
                continue
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                cycles.append(sorted(component))

    for module in sorted(GRAPH):
        if module not in index:
            visit(module)
    assert not cycles, f"import cycles: {cycles}"


def test_the_checker_sees_a_cycle_and_a_wrong_direction():
    """The rules above can fail: a lazy import inside a function counts as an import."""
    engine_targets = {target for target, _ in GRAPH["pipeline.run.engine"]}
    assert "pipeline.stages.nlp" in engine_targets  # imported inside a function, still seen
    assert _room("pipeline.stages.dates") == "stages" and _room("pipeline.cli") == "interface"
    assert _room("pipeline.run") == "run" and _room("pipeline") == "interface"


@pytest.mark.parametrize("module", sorted(MODULES))
def test_rooms_are_small_enough_to_see_across(module):
    source = MODULES[module].read_text(encoding="utf-8")
    lines = len(source.splitlines())
    assert lines <= MAX_MODULE_LINES, f"{module} has {lines} lines (at most {MAX_MODULE_LINES}): split it by concern"
    big = [f"{node.name} ({node.end_lineno - node.lineno + 1} lines)" for node in ast.walk(ast.parse(source))
           if isinstance(node, ast.ClassDef) and node.end_lineno - node.lineno + 1 > MAX_CLASS_LINES]
    assert not big, f"{module}: classes over {MAX_CLASS_LINES} lines: {big}"


@pytest.mark.parametrize("module", sorted(MODULES))
def test_every_module_says_what_its_room_is_for(module):
    docstring = ast.get_docstring(ast.parse(MODULES[module].read_text(encoding="utf-8")))
    if MODULES[module].name == "__main__.py":
        return
    assert docstring and docstring.strip(), f"{module} has no opening docstring"
