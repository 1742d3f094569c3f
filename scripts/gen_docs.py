"""Regenerate the committed, generated parts of the docs.

    .venv/bin/python scripts/gen_docs.py            # write the schema and generated sections
    .venv/bin/python scripts/gen_docs.py --check    # exit 1 if it is out of date
    .venv/bin/python scripts/gen_docs.py --presets OUT_DIR   # also write the preset pages

The JSON Schema is committed (so it can be fetched from the repository) and
``tests/test_schema.py`` checks it is up to date. The file-format reference, the
command's usage and the export table are generated into the repository Markdown
(between ``<!-- generated: NAME -->`` lines, see SECTIONS) so they read on the
forge; ``tests/test_generated_docs.py`` checks they are current. The preset pages are not
committed: ``docs/hooks.py`` generates them at every ``mkdocs build``;
``--presets`` writes them out for a look without building the site.
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
from pathlib import Path
from types import ModuleType

from steering import presets
from steering.schema import schema_text

ROOT = Path(__file__).resolve().parent.parent
SCHEMA = ROOT / "docs" / "schema" / "regulation.schema.json"


def _hooks() -> ModuleType:
    spec = importlib.util.spec_from_file_location("steering_docs_hooks", ROOT / "docs" / "hooks.py")
    if spec is None or spec.loader is None:
        raise SystemExit("cannot load docs/hooks.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# Markdown sections generated into the repository, so that they read on the forge
# without building the site: (page, name, generator in docs/hooks.py).
SECTIONS = (
    ("docs/how-to/write-a-regulation.md", "format-reference", "format_reference"),
    ("docs/reference/cli.md", "cli-help", "cli_help"),
    ("docs/reference/steering.md", "exports", "exports_table"),
)


def _with_section(page: str, name: str, body: str) -> str:
    """The page with its generated section ``name`` holding ``body``.

    The section sits between ``<!-- generated: NAME -->`` and ``<!-- end generated:
    NAME -->``; a bare ``<!-- NAME -->`` placeholder is replaced by such a section.
    """
    start, end = f"<!-- generated: {name} -->", f"<!-- end generated: {name} -->"
    block = f"{start}\n{body.strip()}\n{end}"
    if start in page and end in page:
        head, rest = page.split(start, 1)
        return head + block + rest.split(end, 1)[1]
    return page.replace(f"<!-- {name} -->", block)


def sections(*, write: bool) -> list[str]:
    """Regenerate the sections (when ``write``); the pages that were (or would be) changed."""
    hooks = _hooks()
    changed: list[str] = []
    for rel, name, fn in SECTIONS:
        path = ROOT / rel
        page = path.read_text(encoding="utf-8")
        new = _with_section(page, name, getattr(hooks, fn)())
        if new != page:
            changed.append(rel)
            if write:
                path.write_text(new, encoding="utf-8")
    return changed


def main(argv: list[str] | None = None) -> int:
    """Write (or check) the generated docs files."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only check the schema is current")
    parser.add_argument("--presets", metavar="OUT_DIR", help="write the preset pages here")
    args = parser.parse_args(argv)

    text = schema_text()
    current = SCHEMA.read_text(encoding="utf-8") if SCHEMA.exists() else ""
    if args.check:
        stale = sections(write=False)
        if current != text or stale:
            out_of_date = [str(SCHEMA.relative_to(ROOT))] if current != text else []
            print(f"{', '.join(out_of_date + stale)} out of date; run scripts/gen_docs.py")
            return 1
        print(f"{SCHEMA.relative_to(ROOT)} and the generated sections are up to date")
        return 0
    for rel in sections(write=True):
        print(f"wrote the generated section of {rel}")
    if current != text:
        SCHEMA.parent.mkdir(parents=True, exist_ok=True)
        SCHEMA.write_text(text, encoding="utf-8")
        print(f"wrote {SCHEMA.relative_to(ROOT)}")
    if args.presets:
        hooks = _hooks()
        out = Path(args.presets)
        out.mkdir(parents=True, exist_ok=True)
        (out / "index.md").write_text(hooks.presets_index(), encoding="utf-8")
        for pid in presets.names():
            page = hooks.preset_page(pid)
            (out / f"{pid}.md").write_text(page, encoding="utf-8")
        print(f"wrote {len(presets.names()) + 1} preset pages to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
