"""Print, under each query example of docs/authority.md, what the library answers.

The section "Examples of every query kind" shows a ``python`` block per query,
followed by its status, answer and both explanations. Those lines are generated:
after a change to a preset or an explanation, run

    .venv/bin/python scripts/authority_examples.py

``tests/test_docs.py`` checks the committed page is exactly what this script makes.
"""

from __future__ import annotations

import ast
import datetime as dt
import re
import sys
from pathlib import Path
from typing import Any

import steering
from steering.rules import Citation, Delegation

ROOT = Path(__file__).resolve().parent.parent
PAGE = ROOT / "docs" / "authority.md"
SECTION = "## Examples of every query kind"

_EXAMPLE = re.compile(r"(```python\n(.*?)```\n\n)((?:- (?:status|vi|en):[^\n]*\n)+)", re.S)


def _namespace() -> dict[str, Any]:
    # The written authorisation the TUQ. examples use.
    tuq = Delegation(
        delegator="head", delegate="wg_lead", documents=("giấy mời họp",),
        start=dt.date(2025, 1, 1), end=dt.date(2025, 1, 31), reference="01/GUQ-BCĐ",
        citation=Citation(document="Giấy ủy quyền 01/GUQ-BCĐ", quote="ủy quyền ký giấy mời họp"),
    )
    return {"steering": steering, "date": dt.date, "tuq": tuq}


def _answer(code: str, namespace: dict[str, Any]) -> str:
    tree = ast.parse(code)
    last = tree.body[-1]
    if not isinstance(last, ast.Expr):
        raise SystemExit(f"the last line of an example must be an expression:\n{code}")
    exec(compile(ast.Module(tree.body[:-1], []), "authority.md", "exec"), namespace)
    r = eval(compile(ast.Expression(last.value), "authority.md", "eval"), namespace)
    status = f"- status: `{r.status.value}`; answer: `{r.answer!r}`"
    if r.lines:
        status += f"; lines: `{' / '.join(r.lines)}`"
    return f"{status}\n- vi: {r.explain('vi')}\n- en: {r.explain('en')}\n"


def render(text: str) -> tuple[str, int]:
    """The page with every example's printed answer regenerated, and how many examples."""
    start = text.index(SECTION)
    namespace = _namespace()
    count = 0

    def sub(m: re.Match[str]) -> str:
        nonlocal count
        count += 1
        return m.group(1) + _answer(m.group(2), namespace)

    return text[:start] + _EXAMPLE.sub(sub, text[start:]), count


def main() -> int:
    """Rewrite docs/authority.md in place."""
    text = PAGE.read_text(encoding="utf-8")
    new, count = render(text)
    PAGE.write_text(new, encoding="utf-8")
    state = "updated" if new != text else "unchanged"
    print(f"{PAGE.relative_to(ROOT)}: {count} examples, {state}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
