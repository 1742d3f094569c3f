"""The import contract (issue #11, "Layers you can see"): model, text, engines, doors.

Read from the source with ``ast``, so the test sees every import, including those a
test run would never execute:

- the **model** (the file format, its checks, the typed reasons) imports no text, no
  engine and no door at module level;
- the **text** layer (the catalogues that word the reasons) imports only the model;
- an **engine** (a family of questions over a regulation) imports no door at module
  level;
- a **door** (CLI, web, display, exports) may import anything;
- an import inside a function (loaded on first use) from the model or an engine to a
  later layer is one of the few listed in `LAZY_UP`, each with its reason: a new one
  fails here until it is listed (and docs/explanation/architecture.md says why);
- module-level imports form no cycle.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parent.parent / "src" / "steering"

MODEL = frozenset({
    "errors", "limits", "_text", "_escape", "_files", "_json", "_args", "rules", "roles",
    "regulation", "_convert", "schema", "sources", "validation", "loader", "_matching",
    "_authority_algo", "national_law", "days_off_law", "_progress", "reasons", "statements",
})
TEXT = frozenset({"text"})
ENGINES = frozenset({
    "authority", "agencies", "collectives", "procedure", "_signing", "ruling", "schedule",
    "workdays", "world", "compare", "coverage", "presets", "registry", "cache", "columnar",
    "standards", "draft", "intake",
})
DOORS = frozenset({"cli", "web", "_display", "display", "_svg", "exports", "ics",
                   "__main__", "__init__"})
LAYER = {**dict.fromkeys(MODEL, 0), **dict.fromkeys(TEXT, 1), **dict.fromkeys(ENGINES, 2),
         **dict.fromkeys(DOORS, 3)}

#: Imports inside a function from an earlier layer to a later one, and why each is there.
LAZY_UP = {
    # The documented façade: reg.authority(), reg.calendar(), reg._repr_html_().
    ("regulation", "authority"): "Regulation.authority() builds the graph",
    ("regulation", "schedule"): "Regulation.calendar() builds the calendar",
    ("regulation", "_display"): "Regulation._repr_html_ for notebooks",
    # A ruling and a comparison show themselves in a notebook and as JSON.
    ("ruling", "_display"): "Ruling._repr_html_ for notebooks",
    ("compare", "_display"): "Comparison._repr_html_ for notebooks",
    # The graph's own pictures and exports, asked for by name.
    ("authority", "exports"): "AuthorityGraph.to_mermaid/to_dot/... delegate to exports",
    ("authority", "_svg"): "AuthorityGraph.to_svg",
    ("authority", "display"): "the display language of AuthorityGraph._repr_html_",
}


def _module_name(path: Path) -> str:
    """A module's name in the contract: a subpackage (``authority``, ``presets``) is one."""
    rel = path.relative_to(SRC).with_suffix("")
    return rel.parts[0] if len(rel.parts) > 1 else rel.parts[-1]


def _imports(path: Path) -> tuple[set[str], set[str]]:
    """Steering modules imported at module level, and inside functions (or TYPE_CHECKING)."""
    top: set[str] = set()
    lazy: set[str] = set()

    def names(node: ast.Import | ast.ImportFrom) -> list[str]:
        if isinstance(node, ast.Import):
            return [a.name for a in node.names]
        if node.module == "steering":  # "from steering import _args": the submodules
            return [f"steering.{a.name}" for a in node.names]
        return [node.module] if node.module else []

    def visit(node: ast.AST, deferred: bool) -> None:
        for child in ast.iter_child_nodes(node):
            here = deferred or isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef) or (
                isinstance(child, ast.If) and "TYPE_CHECKING" in ast.unparse(child.test))
            if isinstance(child, ast.Import | ast.ImportFrom):
                for n in names(child):
                    parts = n.split(".")
                    if parts[0] == "steering" and len(parts) > 1:
                        (lazy if deferred else top).add(parts[1])
            visit(child, here)

    visit(ast.parse(path.read_text(encoding="utf-8")), False)
    return top, lazy


def _modules() -> dict[str, tuple[set[str], set[str]]]:
    out: dict[str, tuple[set[str], set[str]]] = {}
    for p in sorted(SRC.rglob("*.py")):
        top, lazy = out.setdefault(_module_name(p), (set(), set()))
        more_top, more_lazy = _imports(p)
        top |= more_top
        lazy |= more_lazy
    return out


MODULES = _modules()


def test_every_module_has_a_layer() -> None:
    assert set(MODULES) <= set(LAYER), sorted(set(MODULES) - set(LAYER))
    assert MODEL.isdisjoint(ENGINES | TEXT)
    assert TEXT.isdisjoint(ENGINES)
    assert DOORS.isdisjoint(MODEL | TEXT | ENGINES)


@pytest.mark.parametrize("module", sorted(MODULES))
def test_module_level_imports_go_down_the_layers(module: str) -> None:
    top, _ = MODULES[module]
    up = sorted(m for m in top if m in LAYER and LAYER[m] > LAYER[module])
    assert not up, f"{module} (layer {LAYER[module]}) imports {up} at module level"


@pytest.mark.parametrize("module", sorted(MODULES))
def test_deferred_imports_up_the_layers_are_the_listed_ones(module: str) -> None:
    _, lazy = MODULES[module]
    up = {m for m in lazy if m in LAYER and LAYER[m] > LAYER[module]}
    unlisted = sorted(m for m in up if (module, m) not in LAZY_UP)
    assert not unlisted, f"{module} imports {unlisted} inside a function: list it in LAZY_UP"


def test_every_listed_exception_is_still_used() -> None:
    for (module, target), why in LAZY_UP.items():
        assert target in MODULES[module][1], f"{module} -> {target} ({why}) is gone: unlist it"


def test_module_level_imports_form_no_cycle() -> None:
    graph = {m: {t for t in top if t in MODULES and t != m} for m, (top, _) in MODULES.items()}
    state: dict[str, int] = {}

    def walk(m: str, path: list[str]) -> None:
        state[m] = 1
        for t in sorted(graph[m]):
            if state.get(t) == 1:
                pytest.fail("import cycle: " + " -> ".join([*path[path.index(t):], t]))
            if t not in state:
                walk(t, [*path, t])
        state[m] = 2

    for m in sorted(graph):
        if m not in state:
            walk(m, [m])
