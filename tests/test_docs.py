"""Registry, files and docs in step.

Every preset id loads, validates and has a docs page; every file shipped is
registered; every public name is exported once, documented, and reachable from
the API reference; the code in the tutorial and how-to guides runs; the docs
build strictly; the notebook runs top to bottom.
"""

from __future__ import annotations

import importlib.util
import inspect
import os
import pkgutil
import re
import subprocess
import sys
import tomllib
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

import steering
from steering import presets

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
MKDOCS_YML = ROOT / "mkdocs.yml"
NOTEBOOK = DOCS / "notebooks" / "authority-chains.ipynb"
PRESET_DIR = ROOT / "src" / "steering" / "presets"


def _hooks() -> ModuleType:
    spec = importlib.util.spec_from_file_location("steering_docs_hooks", DOCS / "hooks.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


HOOKS = _hooks()


def _nav_files() -> list[str]:
    """Every page path named in the mkdocs nav (mkdocs.yml is YAML; the nav is simple enough
    to read line by line without a YAML dependency)."""
    text = MKDOCS_YML.read_text(encoding="utf-8")
    nav = text[text.index("\nnav:") :]
    return re.findall(r"([\w./-]+\.(?:md|ipynb))\s*$", nav, flags=re.MULTILINE)


def _reference_modules() -> dict[str, str]:
    """Module documented by each API reference page (``::: module``), by page path."""
    out: dict[str, str] = {}
    for page in sorted((DOCS / "reference").glob("*.md")):
        for m in re.finditer(r"^::: ([\w.]+)\s*$", page.read_text(encoding="utf-8"), re.M):
            out[m.group(1)] = f"reference/{page.name}"
    return out


# -- presets: registry, files, docs ------------------------------------------------


def test_registry_and_files_agree() -> None:
    """Every registered id has a TOML file and a source text; every shipped file is registered."""
    ids = set(presets.names())
    assert len(ids) == len(presets.names()), "an id is registered twice"
    files = {p.stem for p in PRESET_DIR.glob("*.toml")}
    sources = {p.stem for p in (PRESET_DIR / "sources").glob("*.txt")}
    assert files == ids
    assert sources == ids
    assert set(presets.names()) == {
        "thanh-hoa-2024",
        "thanh-hoa-2021",
        "dak-nong-2021",
        "tung-chau-2023",
        "vung-tau-2024",
    }


@pytest.mark.parametrize("preset_id", presets.names())
def test_every_preset_loads_validates_and_has_a_docs_page(preset_id: str) -> None:
    reg = presets.load(preset_id)
    assert reg.id == preset_id
    assert steering.validate(reg) == ()
    page = HOOKS.preset_page(preset_id)
    assert page.startswith("# ")
    assert f"presets/{preset_id}.md" in _nav_files()
    assert f"]({preset_id}.md)" in HOOKS.presets_index()


@pytest.mark.parametrize("preset_id", presets.names())
def test_every_rule_of_a_preset_is_quoted_on_its_page(preset_id: str) -> None:
    """The page lists every rule with its article/clause label and its verbatim quote."""
    reg = presets.load(preset_id)
    page = " ".join(HOOKS.preset_page(preset_id).split()).replace("\\", "")
    kinds = ("substitutions", "accountability", "directions", "reports", "seals", "signing",
             "convening", "meetings", "compositions", "attendance", "channels", "delegations")
    for kind in kinds:
        for rule in getattr(reg, kind):
            c = rule.citation
            assert f"**{c.label('vi')}**" in page, (kind, c.label("vi"))
            assert " ".join(c.quote.split()) in page, (kind, c.quote)


def test_a_silent_regulation_is_shown_as_not_specified() -> None:
    """Thanh Hóa 2024 says nothing about seals: its page says so rather than omitting it.

    Đắk Nông 2021, Điều 13 khoản 1, says the committee has no seal of its own: its page says
    that instead.
    """
    th = HOOKS.preset_page("thanh-hoa-2024")
    seals = th[th.index("### Seals (con dấu)") :]
    assert seals.split("\n\n", 2)[1] == "Not specified by this regulation."
    dn = HOOKS.preset_page("dak-nong-2021")
    assert "no seal of its own" in dn
    assert "**Điều 13 khoản 1**" in dn


# -- the public surface ---------------------------------------------------------------


def test_all_is_sorted_and_exported_once() -> None:
    names = list(steering.__all__)
    assert names == sorted(names)
    assert len(names) == len(set(names))
    for name in names:
        assert hasattr(steering, name), name


def _public_object(name: str) -> Any:
    return getattr(steering, name)


@pytest.mark.parametrize("name", steering.__all__)
def test_every_public_name_is_documented(name: str) -> None:
    obj = _public_object(name)
    doc = inspect.getdoc(obj)
    assert doc, f"steering.{name} has no docstring"
    first = doc.splitlines()[0]
    assert first.strip(), f"steering.{name}: the first docstring line is empty"


@pytest.mark.parametrize("name", steering.__all__)
def test_every_public_name_appears_in_the_api_reference(name: str) -> None:
    """The module that defines each public name has an API page in the nav, and the
    generated export table of reference/steering.md links the name."""
    obj = _public_object(name)
    module = obj.__name__ if inspect.ismodule(obj) else obj.__module__
    pages = _reference_modules()
    assert module in pages, f"steering.{name} is defined in {module}, which has no API page"
    assert pages[module] in _nav_files()
    assert f"[`{name}`]" in HOOKS.exports_table()
    if not inspect.ismodule(obj):
        assert name in vars(sys.modules[module]).get("__all__", [name]), (
            f"{module} does not list {name} in its __all__"
        )


def test_every_public_module_has_an_api_page() -> None:
    pages = _reference_modules()
    modules = ["steering"] + [
        f"steering.{m.name}"
        for m in pkgutil.iter_modules(steering.__path__)
        if not m.name.startswith("_") and m.name != "__main__"
    ]
    missing = [m for m in modules if m not in pages]
    assert missing == [], f"modules without an API page under docs/reference/: {missing}"
    for page in pages.values():
        assert page in _nav_files(), f"{page} is not in the mkdocs nav"


def test_every_nav_page_exists() -> None:
    generated = {f"presets/{pid}.md" for pid in presets.names()} | {"presets/index.md"}
    for page in _nav_files():
        assert page in generated or (DOCS / page).is_file(), page


def test_every_doc_page_is_in_the_nav() -> None:
    nav = set(_nav_files())
    pages = {
        p.relative_to(DOCS).as_posix()
        for p in DOCS.rglob("*.md")
        if "examples" not in p.parts
    }
    assert pages - nav == set()


# -- code in the docs runs ------------------------------------------------------------

_FENCE = re.compile(r"(<!-- no-run -->\s*\n)?```(\w+)\n(.*?)\n```", re.S)
_FILE = re.compile(r"<!-- file: ([\w.-]+) -->\s*\n```\w+\n(.*?)\n```", re.S)


def _blocks(page: Path, lang: str) -> list[str]:
    text = page.read_text(encoding="utf-8")
    return [m.group(3) for m in _FENCE.finditer(text) if m.group(2) == lang and not m.group(1)]


#: Packages of optional extras some pages use (the web API, rdflib for SPARQL).
_OPTIONAL = ("litestar", "httpx", "rdflib")

RUNNABLE = [
    DOCS / "tutorial.md",
    DOCS / "calendars.md",
    *sorted((DOCS / "how-to").glob("*.md")),
    DOCS / "schema" / "index.md",
]


@pytest.mark.parametrize("page", RUNNABLE, ids=[p.relative_to(DOCS).as_posix() for p in RUNNABLE])
def test_python_in_the_docs_runs(
    page: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every ``python`` block of a page runs, top to bottom, in one namespace.

    Files the page asks the reader to save (``<!-- file: name -->`` before the block) are
    saved first; blocks marked ``<!-- no-run -->`` are shown, not run.
    """
    blocks = _blocks(page, "python")
    assert blocks, f"{page.name} has no runnable Python"
    monkeypatch.chdir(tmp_path)  # blocks that write files write here
    for name, content in _FILE.findall(page.read_text(encoding="utf-8")):
        (tmp_path / name).write_text(content + "\n", encoding="utf-8")  # "save this as ..."
    namespace: dict[str, Any] = {"__name__": "__docs__"}
    for i, code in enumerate(blocks):
        try:
            exec(compile(code, f"{page.name}[block {i}]", "exec"), namespace)
        except ModuleNotFoundError as e:
            if e.name in _OPTIONAL:  # a page about an optional extra, which is not installed
                pytest.skip(f"{page.name} needs {e.name} (an optional extra)")
            pytest.fail(f"{page.name}, python block {i} failed: {type(e).__name__}: {e}\n{code}")
        except Exception as e:
            pytest.fail(f"{page.name}, python block {i} failed: {type(e).__name__}: {e}\n{code}")


def test_the_example_file_of_the_how_to_loads(tmp_path: Path) -> None:
    """The complete file at the top of "Write a regulation file" loads and validates."""
    page = DOCS / "how-to" / "write-a-regulation.md"
    text = _blocks(page, "toml")[0]
    path = tmp_path / "xa-vi-du-2025.toml"
    path.write_text(text, encoding="utf-8")
    reg = steering.load(path)
    assert steering.validate(reg) == ()
    assert reg.identity.decision_number == ""  # a draft: left blank, not invented
    assert str(reg.identity.signed) == "2025-08"  # "tháng 8 năm 2025"


def test_toml_fragments_of_the_how_to_parse() -> None:
    page = DOCS / "how-to" / "write-a-regulation.md"
    for block in _blocks(page, "toml"):
        tomllib.loads(block)


# -- the site builds, the notebook runs -------------------------------------------------


@pytest.mark.skipif(
    any(importlib.util.find_spec(m) is None for m in ("mkdocs", "material", "mkdocstrings")),
    reason="mkdocs, mkdocs-material or mkdocstrings not installed (dependency group 'docs')",
)
def test_docs_build_strictly(tmp_path: Path) -> None:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(tmp_path / "site")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    warnings = [ln for ln in done.stderr.splitlines() if "WARNING" in ln or "ERROR" in ln]
    assert done.returncode == 0, "\n".join(warnings) or done.stderr[-2000:]
    site = tmp_path / "site"
    for pid in presets.names():
        # Pages are files (use_directory_urls: false): the site opens from disk (issue #17).
        assert (site / "presets" / f"{pid}.html").is_file()
    assert (site / "schema" / "regulation.schema.json").is_file()
    pages = sorted(site.rglob("*.html"))
    assert pages
    # Docstrings' cross-references became links into the reference.
    ref = (site / "reference" / "authority.html").read_text(encoding="utf-8")
    assert 'href="ruling.html#steering.ruling.Ruling"' in ref
    for page in pages:
        html = page.read_text(encoding="utf-8")
        # The API reference links its cross-references: no reST role left raw (issue #17).
        text = re.sub(r"<[^>]+>", "", html)
        raw = re.findall(r":(?:class|meth|func|attr|data|mod|exc|obj):`", text)
        assert raw == [], f"{page.relative_to(site)}: raw reST roles {raw[:3]}"
        assert "Example::" not in text, page
        # No web font: nothing is fetched from a font CDN.
        assert "fonts.googleapis.com" not in html, page
        assert "fonts.gstatic.com" not in html, page
        # Every link within the site names a file, not a directory a browser would list.
        for href in re.findall(r'href="([^"#?:]+)"', html):
            if not href.startswith(("http", "//", "mailto")) and href.endswith("/"):
                raise AssertionError(f"{page.relative_to(site)} links to a directory: {href}")


@pytest.mark.slow
@pytest.mark.skipif(
    any(importlib.util.find_spec(m) is None for m in ("nbclient", "ipykernel", *_OPTIONAL)),
    reason="nbclient/ipykernel (dependency group 'notebook') or the web extra and rdflib "
    "(dependency group 'test') not installed",
)
def test_notebook_runs_top_to_bottom_and_its_stored_outputs_are_current() -> None:
    """The committed notebook is what scripts/make_notebook.py makes: its cells, executed
    from docs/notebooks/ as a reader's Jupyter would, with the outputs stored."""
    nbformat: Any = importlib.import_module("nbformat")
    module = _script("make_notebook")
    text = module.notebook_text()  # executes every cell
    nb = nbformat.reads(text, as_version=4)
    outputs = [out for c in nb.cells if c.cell_type == "code" for out in c.get("outputs", [])]
    assert [o for o in outputs if o.get("output_type") == "error"] == []
    assert [o for o in outputs if o.get("name") == "stderr"] == []
    assert sum(1 for c in nb.cells if c.cell_type == "code") >= 10
    # Every code cell that shows something has stored it; the graph is an inline picture.
    pictures = [o["data"]["image/svg+xml"] for o in outputs if "image/svg+xml" in o.get("data", {})]
    assert pictures
    for svg in pictures:
        assert re.findall(r"https?://[^\s\"']+", svg) == ["http://www.w3.org/2000/svg"]
    html = "".join(o["data"]["text/html"] for o in outputs if "text/html" in o.get("data", {}))
    assert "occurrences" in html  # the English notebook's views speak English
    assert NOTEBOOK.read_text(encoding="utf-8") == text, (
        "docs/notebooks/authority-chains.ipynb is out of date: run scripts/make_notebook.py")


def _script(name: str) -> Any:
    """Import scripts/<name>.py, a generator of committed docs files."""
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# -- printed answers in the docs are the library's answers ----------------------------


def test_authority_examples_show_what_the_library_answers() -> None:
    """docs/authority.md prints, under each query, its status, answer and both explanations;
    they must be what the library answers today (they had drifted: Đắk Nông's extraordinary
    conveners after Điều 6's reading of "Phó Trưởng ban", and reworded explanations).
    scripts/authority_examples.py regenerates them."""
    module = _script("authority_examples")
    text = (DOCS / "authority.md").read_text(encoding="utf-8")
    rendered, found = module.render(text)
    assert found >= 15
    assert rendered == text, "run: .venv/bin/python scripts/authority_examples.py"
