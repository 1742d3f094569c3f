"""Sizes a maintainer can read (issue #11): no module past about 600 lines, no function
past about 60, except where the docstring says why.

Read from the source with ``ast``. "About": a module may run to 650 lines and a
function body (its docstring not counted) to 65 before it must say, in its docstring,
why it is longer ("Past 600 lines: ..." or "Past 60 lines: ...").
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parent.parent / "src" / "steering"
FILES = sorted(SRC.rglob("*.py"))


def _body_lines(fn: ast.FunctionDef | ast.AsyncFunctionDef) -> int:
    lines = (fn.end_lineno or fn.lineno) - fn.lineno + 1
    first = fn.body[0]
    if ast.get_docstring(fn) is not None and isinstance(first, ast.Expr):
        lines -= (first.end_lineno or first.lineno) - first.lineno + 1
    return lines


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(SRC)))
def test_a_long_module_says_why(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    lines = text.count("\n")
    if lines > 650:
        doc = ast.get_docstring(ast.parse(text)) or ""
        assert "Past 600 lines" in doc, f"{lines} lines and no 'Past 600 lines: why'"


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(SRC)))
def test_a_long_function_says_why(path: Path) -> None:
    long = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if (isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
                and _body_lines(node) > 65
                and "Past 60 lines" not in (ast.get_docstring(node) or "")):
            long.append(f"{node.name} ({_body_lines(node)} lines)")
    assert not long, f"past 60 lines with no 'Past 60 lines: why': {long}"
