"""Regenerate the committed, generated parts of the docs.

    .venv/bin/python scripts/gen_docs.py            # write docs/schema/regulation.schema.json
    .venv/bin/python scripts/gen_docs.py --check    # exit 1 if it is out of date
    .venv/bin/python scripts/gen_docs.py --presets OUT_DIR   # also write the preset pages

The JSON Schema is committed (so it can be fetched from the repository) and
``tests/test_schema.py`` checks it is up to date. The preset pages are not
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


def main(argv: list[str] | None = None) -> int:
    """Write (or check) the generated docs files."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only check the schema is current")
    parser.add_argument("--presets", metavar="OUT_DIR", help="write the preset pages here")
    args = parser.parse_args(argv)

    text = schema_text()
    current = SCHEMA.read_text(encoding="utf-8") if SCHEMA.exists() else ""
    if args.check:
        if current != text:
            print(f"{SCHEMA.relative_to(ROOT)} is out of date; run scripts/gen_docs.py")
            return 1
        print(f"{SCHEMA.relative_to(ROOT)} is up to date")
        return 0
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
