"""Build docs/notebooks/authority-chains.ipynb from the cells below, reproducibly.

The notebook is generated, never edited by hand: change a cell here and run

    .venv/bin/python scripts/make_notebook.py

The script executes the notebook with nbclient, from ``docs/notebooks/`` as a
reader's Jupyter would, and stores the outputs (so a reader on a forge sees the
answers, and the authority graph as an inline SVG picture), with the volatile
parts (timings) left out. ``tests/test_docs.py`` builds it again and checks the
committed notebook is exactly what this script makes, outputs included.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOK = ROOT / "docs" / "notebooks" / "authority-chains.ipynb"

#: (kind, source) in order; kind is "md" or "code".
CELLS: list[tuple[str, str]] = [
    ("md", """\
# Authority chains: who acts, which seal, when, and how provinces differ

This notebook walks a newcomer through `steering`: the operating regulations
(*Quy chế hoạt động*) of Vietnamese steering committees for digital transformation
(*Ban Chỉ đạo chuyển đổi số*) as typed, cited data. Every answer names the article
(*Điều*) and clause (*khoản*) it rests on.

1. The presets
2. Acting chains: who leads when the head is away
3. Seals and signing forms
4. A year's calendar
5. Comparing provinces, and one province over time
6. Your own regulation file
7. The web API, for programs in other languages
8. The organisation vocabularies: W3C ORG and SPARQL

Run it from `docs/notebooks/` with the package installed (`pip install -e .`)."""),
    ("code", """\
import datetime as dt
from pathlib import Path

import steering

steering.display_language("en")  # tables and pictures in English; the regulations' words stay
%load_ext steering._display"""),
    ("md", """\
## 1. The presets

Five real regulations ship with the library. `steering.table` lines them up, one row each
(a `None` cell means the regulation does not specify it)."""),
    ("code", """\
steering.presets.names()"""),
    ("code", """\
regs = {pid: steering.presets.load(pid) for pid in steering.presets.names()}
for row in steering.table(regs.values(), lang="en"):
    print(f"{row['id']:15} {row['level']:9} {row['signed']:11} {row['regular_meeting']}")"""),
    ("md", """\
A regulation renders as a table of its identity and posts. Đắk Nông's committee was set
up by Quyết định 2044/QĐ-BCĐ of 25/11/2021:"""),
    ("code", """\
dak_nong = regs["dak-nong-2021"]
dak_nong"""),
    ("md", """\
## 2. Acting chains

Authority questions go to the regulation's authority graph. Đắk Nông, Điều 5 khoản 1:
*"Khi Trưởng ban vắng mặt, Phó Trưởng ban Thường trực thay mặt Trưởng ban"*; Điều 6
khoản 1: when both are away, the deputies act. Mark more and more posts absent and
watch the chain:"""),
    ("code", """\
g = dak_nong.authority()
absent = set()
for post in ["head", "standing_deputy", "deputy_tttt", "deputy_vpubnd"]:
    absent.add(post)
    ruling = g.acting_for("head", absent=absent)
    cited = ", ".join(c.label() for c in ruling.citations)
    print(f"absent {sorted(absent)}\\n  -> {ruling.status}: {ruling.answer} ({cited})")"""),
    ("md", """\
When every substitute the regulation names is away, the answer is `nobody_available`,
never a guess. A ruling explains itself, in Vietnamese or English:"""),
    ("code", """\
ruling = g.acting_for("head", absent={"head", "standing_deputy"})
print(ruling.explain("vi"))
print()
print(ruling.explain("en"))"""),
    ("code", """\
ruling  # rendered as a table by %load_ext steering._display"""),
    ("md", """\
The whole graph (who acts for, answers to, reports to, directs whom) draws itself as a
self-contained SVG picture, posts ranked top to bottom: it needs no network, so it shows
offline and in the stored notebook. `g.to_mermaid()`, `g.to_dot()` and `g.to_graphml()`
give the same graph to other tools."""),
    ("code", """\
g"""),
    ("md", """\
## 3. Seals

Đắk Nông's Điều 13 says the committee has **no seal of its own** and which agency's seal
each leader uses. Ask every post:"""),
    ("code", """\
for post in dak_nong.posts:
    seal = g.seal_for(post.id)
    cited = ", ".join(c.label() for c in seal.citations[:1])
    print(f"{post.id:16} {seal.status:14} {seal.answer} {cited}")
print(g.seal_for("committee").explain("en"))"""),
    ("md", """\
Thanh Hóa's 2024 regulation says **nothing** about seals. That is *not specified*, a
different answer from *no seal*:"""),
    ("code", """\
thanh_hoa = regs["thanh-hoa-2024"]
th = thanh_hoa.authority()
print(th.seal_for("head").status)
print(th.seal_for("head").explain("en"))"""),
    ("md", """\
Thanh Hóa's annex assigns each of its 24 member agencies a sector and districts:"""),
    ("code", """\
for place in ["Huyện Đông Sơn", "Sầm Sơn", "Bim Sơn", "Sơn"]:
    r = th.monitor_of(place)
    print(r.status, "|", r.explain("en"))"""),
    ("md", """\
## 4. A year's calendar

`reg.calendar(start, end)` dates every meeting and report the regulation sets. Vũng Tàu
meets "theo quý, 6 tháng, năm" (Điều 9 khoản 1), read as one sitting a quarter whose second
and fourth are also the six-month and year meetings (option `reviews="separate"` lists them
apart), and sets report deadlines
(*"trước ngày 15"*, Điều 11 khoản 2); a deadline on a day off moves to the next working
day (Bộ luật Dân sự 2015, Điều 148)."""),
    ("code", """\
vung_tau = regs["vung-tau-2024"]
year = vung_tau.calendar(dt.date(2025, 1, 1), dt.date(2025, 12, 31))
meetings = [o for o in year if o.kind == "regular_meeting"]
print(len(year), "occurrences,", len(meetings), "of them meeting windows")
meetings  # rendered as a table"""),
    ("code", """\
shifted = [o for o in year if o.shifted_from is not None and o.body == "member"]
for o in shifted[:4]:
    print(o.period, "due", o.shifted_from, "-> moved to", o.due, "|", o.citations[-1].label())"""),
    ("md", """\
Where a regulation names no cadence or no deadline, nothing is invented:
`calendar_gaps` lists what stays undated."""),
    ("code", """\
for gap in steering.calendar_gaps(dak_nong):
    print(gap.body, gap.kind, "missing", gap.missing, "-", gap.citation.label())"""),
    ("md", """\
## 5. Comparing provinces

`steering.compare` lists every structural difference, each side cited."""),
    ("code", """\
diff = steering.compare(thanh_hoa, dak_nong)
print(len(diff), "differences; by aspect:")
for aspect in ["substitution", "seals", "meetings", "standing_agency"]:
    for d in diff.aspect(aspect)[:2]:
        print(f"[{d.label('en')}]")
        print("   thanh-hoa-2024:", d.a.cited("en"))
        print("   dak-nong-2021: ", d.b.cited("en"))"""),
    ("md", """\
The same works along one locality's succession: Thanh Hóa 2021 → 2022 (named by the 2024
text, not shipped) → 2024. `in_force` finds the regulation in force on a day, and says
so when that regulation is not shipped rather than answering with another one."""),
    ("code", """\
from steering.presets import in_force

print(in_force("Thanh Hóa", on=dt.date(2021, 6, 1)).id)
print(in_force("Thanh Hóa", on=dt.date(2025, 1, 1)).id)
try:
    in_force("Thanh Hóa", on=dt.date(2023, 1, 1))
except steering.SteeringError as e:
    print(type(e).__name__, "-", e)"""),
    ("code", """\
changes = steering.compare(regs["thanh-hoa-2021"], thanh_hoa)
changes  # rendered as a table"""),
    ("md", """\
## 6. Your own regulation file

A regulation you write uses the very same format. `docs/examples/minh-son-2025.toml`
encodes an invented province's Party-led committee after the 2025 reorganisation:
three deputies in a strict order and two helping groups."""),
    ("code", """\
mine = steering.load(Path("..") / "examples" / "minh-son-2025.toml")
print(mine.identity.title)
print(steering.validate(mine))
print(mine.authority().acting_for("head", absent={"head", "standing_deputy"}).explain("en"))"""),
    ("md", """\
## 7. The web API

`steering serve` answers the same questions over HTTP, as JSON with the citations and the
explanation in the language asked (`pip install -e '.[web]' (from a clone)`). The app can be called
in-process, as here, or run with uvicorn and called with `curl` from any language."""),
    ("code", """\
import logging

from litestar.testing import TestClient

from steering.web import create_app

with TestClient(create_app()) as client:
    logging.getLogger("httpx").setLevel(logging.WARNING)  # no request log in the output
    r = client.get("/regulations/dak-nong-2021/acting-for",
                   params={"post": "head", "absent": "head,standing_deputy"},
                   headers={"Accept-Language": "en"})
    print(r.status_code, r.json()["answer"])
    print(r.json()["explanation"])
    bad = client.get("/regulations/dak-nong-2021/acting-for", params={"post": "chairman"})
    print(bad.status_code, bad.headers["content-type"], bad.json()["detail"])"""),
    ("md", """\
## 8. W3C ORG and SPARQL

`steering.to_org_jsonld` writes a regulation in the W3C Organization Ontology: posts,
`org:headOf`, `org:reportsTo` from accountability, each with its clause. rdflib reads it
and answers SPARQL; here, every preset's reporting lines to the head."""),
    ("code", """\
import json

import rdflib

g = rdflib.Graph()
for pid in steering.presets.names():
    g.parse(data=json.dumps(steering.to_org_jsonld(regs[pid])), format="json-ld")
rows = g.query(\"\"\"
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?committee ?from WHERE {
  ?s org:reportsTo ?head ; skos:notation ?from .
  ?agent org:headOf ?c ; org:holds ?head . ?c skos:prefLabel ?committee .
} ORDER BY ?committee ?from\"\"\")
for row in rows:
    print(row.committee, "|", row["from"], "-> head")"""),
    ("md", """\
Next: the tutorial and how-to guides of the documentation, and one page per preset
listing every rule with its quote."""),
]


def build() -> nbformat.NotebookNode:
    """The notebook, with fixed cell ids and no outputs yet, so its text is reproducible."""
    cells = []
    for i, (kind, source) in enumerate(CELLS):
        cell_id = f"cell-{i:02d}"
        if kind == "md":
            cells.append(new_markdown_cell(source, id=cell_id))  # type: ignore[no-untyped-call]
        else:
            cells.append(new_code_cell(source, id=cell_id))  # type: ignore[no-untyped-call]
    nb: nbformat.NotebookNode = new_notebook(cells=cells)  # type: ignore[no-untyped-call]
    nb.metadata = {
        "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
        "language_info": {"name": "python"},
    }
    return nb


def execute(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """Run every cell from docs/notebooks/ and keep the outputs, without volatile metadata."""
    from nbclient import NotebookClient  # noqa: PLC0415 - only when building

    where = {"metadata": {"path": str(NOTEBOOK.parent)}}
    NotebookClient(nb, timeout=120, kernel_name="python3", resources=where).execute()
    for cell in nb.cells:
        cell.metadata.pop("execution", None)
        merged: list[Any] = []
        for out in cell.get("outputs", []):
            out.get("metadata", {}).pop("execution", None)
            # A stream arrives in chunks that depend on timing: one output per stream.
            last = merged[-1] if merged else None
            if (out.get("output_type") == "stream" and last is not None
                    and last.get("output_type") == "stream" and last["name"] == out["name"]):
                last["text"] += out["text"]
            else:
                merged.append(out)
        if cell.cell_type == "code":
            cell.outputs = merged
    nb.metadata = {
        "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
        "language_info": {"name": "python"},
    }
    return nb


def notebook_text() -> str:
    """The notebook file's text: the cells, executed, with their outputs."""
    return str(nbformat.writes(execute(build()))) + "\n"  # type: ignore[no-untyped-call]


def main() -> int:
    """Write the notebook; with ``--check``, only report whether it is up to date."""
    text = notebook_text()
    if "--check" in sys.argv[1:]:
        current = NOTEBOOK.read_text(encoding="utf-8") if NOTEBOOK.exists() else ""
        if current != text:
            print(f"{NOTEBOOK} is out of date; run scripts/make_notebook.py")
            return 1
        return 0
    NOTEBOOK.parent.mkdir(parents=True, exist_ok=True)
    NOTEBOOK.write_text(text, encoding="utf-8")
    print(f"wrote {NOTEBOOK.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
