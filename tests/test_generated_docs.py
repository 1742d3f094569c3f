"""The reference sections generated into the repository Markdown are current."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent


def _gen_docs() -> Any:
    spec = importlib.util.spec_from_file_location("gen_docs", ROOT / "scripts" / "gen_docs.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_generated_sections_are_current() -> None:
    """Run scripts/gen_docs.py after changing the format, the command or the exports."""
    gen = _gen_docs()
    assert gen.sections(write=False) == []
    for rel, name, _ in gen.SECTIONS:
        page = (ROOT / rel).read_text(encoding="utf-8")
        # Generated once, between its markers: the site build (docs/hooks.py) fills only a
        # bare placeholder, which is gone, so nothing is inserted twice.
        assert page.count(f"<!-- generated: {name} -->") == 1
        assert page.count(f"<!-- end generated: {name} -->") == 1
        assert f"<!-- {name} -->" not in page


def test_a_section_is_replaced_not_appended() -> None:
    gen = _gen_docs()
    page = "a\n<!-- x -->\nb\n"
    once = gen._with_section(page, "x", "one")
    assert once == "a\n<!-- generated: x -->\none\n<!-- end generated: x -->\nb\n"
    assert gen._with_section(once, "x", "two") == once.replace("one", "two")
