"""The standards bridge: Popolo JSON and W3C ORG in JSON-LD say what the Python API says.

The JSON-LD is parsed by rdflib and asked SPARQL questions; the answers must be the
head, the standing deputy and the reporting lines (accountability, "chịu trách nhiệm
trước") the Python API gives, for every preset. Popolo output is checked against the
required fields and properties of the Popolo schemas (tests/popolo_fields.py).
"""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from hypothesis import given

import steering
from popolo_fields import DATE_PATTERN, PROPERTIES, REQUIRED
from steering.regulation import Regulation
from steering.roles import Role
from steering.standards import to_org_jsonld, to_popolo
from strategies import regulations

rdflib = pytest.importorskip("rdflib", reason="rdflib not installed (dependency group 'test')")

# rdflib's JSON-LD parser uses its own deprecated ConjunctiveGraph internally.
pytestmark = pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated:DeprecationWarning")

PRESETS = steering.presets.names()
PREFIXES = """
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
"""


def _graph(reg: Regulation) -> Any:
    return rdflib.Graph().parse(data=json.dumps(to_org_jsonld(reg)), format="json-ld")


def _select(g: Any, query: str) -> list[tuple[str, ...]]:
    return sorted(tuple(str(v) for v in row) for row in g.query(PREFIXES + query))


def _reporting_lines(reg: Regulation) -> set[tuple[str, str]]:
    graph = reg.authority()
    lines: set[tuple[str, str]] = set()
    for node in (*(p.id for p in reg.posts), *(g.id for g in reg.working_groups)):
        ruling = graph.accountable_to(node)
        if ruling.decided:
            lines.update((node, t) for t in ruling.answer)
    return lines


@pytest.mark.parametrize("preset", PRESETS)
def test_sparql_head_matches_the_python_api(preset: str) -> None:
    reg = steering.presets.load(preset)
    rows = _select(_graph(reg), """
        SELECT ?id WHERE {
          ?agent org:headOf ?committee ; org:holds ?post .
          ?committee skos:notation "committee" .
          ?post skos:notation ?id .
        }""")
    assert rows == [(reg.head.id,)]


@pytest.mark.parametrize("preset", PRESETS)
def test_sparql_standing_deputy_matches_the_python_api(preset: str) -> None:
    reg = steering.presets.load(preset)
    rows = _select(_graph(reg), """
        SELECT ?id ?title WHERE {
          ?post a org:Post ; org:role ?role ; skos:notation ?id ; skos:prefLabel ?title .
          ?role skos:notation "standing_deputy" .
        }""")
    expected = sorted((p.id, p.title) for p in reg.posts_with_role(Role.STANDING_DEPUTY))
    assert expected, f"{preset} names a standing deputy"
    assert rows == expected


@pytest.mark.parametrize("preset", PRESETS)
def test_sparql_reporting_lines_match_accountable_to(preset: str) -> None:
    reg = steering.presets.load(preset)
    rows = _select(_graph(reg), """
        SELECT ?from ?to WHERE {
          ?s org:reportsTo ?o . ?s skos:notation ?from . ?o skos:notation ?to .
        }""")
    assert set(rows) == _reporting_lines(reg)
    assert len(rows) == len(set(rows))


@pytest.mark.parametrize("preset", PRESETS)
def test_every_reporting_line_keeps_its_clauses(preset: str) -> None:
    reg = steering.presets.load(preset)
    g = _graph(reg)
    cited = _select(g, """
        SELECT ?from ?to ?label WHERE {
          ?st a rdf:Statement ; rdf:predicate org:reportsTo ;
              rdf:subject/skos:notation ?from ; rdf:object/skos:notation ?to ;
              dcterms:source ?c .
          ?c dcterms:bibliographicCitation ?quote ; rdfs:label ?label .
          FILTER(lang(?label) = "vi")
        }""")
    graph = reg.authority()
    expected = set()
    for a, b in _reporting_lines(reg):
        for c in graph.accountable_to(a).citations:
            expected.add((a, b, c.label("vi")))
    assert set(cited) == expected


@pytest.mark.parametrize("preset", PRESETS)
def test_every_post_is_an_org_post_with_its_citation(preset: str) -> None:
    reg = steering.presets.load(preset)
    rows = _select(_graph(reg), """
        SELECT ?id ?quote WHERE {
          ?post a org:Post ; skos:notation ?id ;
                dcterms:source/dcterms:bibliographicCitation ?quote .
        }""")
    assert rows == sorted((p.id, p.citation.quote) for p in reg.posts)


@pytest.mark.parametrize("preset", PRESETS)
def test_working_groups_are_units_of_the_committee(preset: str) -> None:
    reg = steering.presets.load(preset)
    rows = _select(_graph(reg), """
        SELECT ?id WHERE {
          ?g a org:OrganizationalUnit ; org:unitOf/skos:notation "committee" ; skos:notation ?id .
        }""")
    assert rows == sorted((g.id,) for g in reg.working_groups)


def test_change_events_follow_the_replacement_clauses() -> None:
    # Thanh Hóa 2024, Điều 2 of the decision: "thay thế Quyết định số 1943/QĐ-BCĐ ngày
    # 06/6/2022 ..." and 1969/QĐ-BCĐ; Thanh Hóa 2021 replaces 4095/QĐ-BCĐ of 19/10/2018.
    for preset in PRESETS:
        reg = steering.presets.load(preset)
        rows = _select(_graph(reg), """
            SELECT ?number ?quote WHERE {
              ?e a org:ChangeEvent ; org:resultingOrganization/skos:notation "committee" ;
                 org:originalOrganization/dcterms:source/dcterms:identifier ?number ;
                 dcterms:source/dcterms:bibliographicCitation ?quote .
            }""")
        assert rows == sorted((r.number, r.citation.quote) for r in reg.identity.replaces)
    numbers = {r[0] for r in _select(_graph(steering.presets.load("thanh-hoa-2024")),
                                     "SELECT ?n WHERE { ?e a org:ChangeEvent ; "
                                     "org:originalOrganization/dcterms:source/"
                                     "dcterms:identifier ?n }")}
    assert numbers == {"1943/QĐ-BCĐ", "1969/QĐ-BCĐ"}


@pytest.mark.parametrize("preset", PRESETS)
def test_only_terms_the_org_ontology_defines(preset: str) -> None:
    """Every org: class and property used is in W3C ORG (rdflib's ORG namespace lists them)."""
    from rdflib.namespace import ORG

    g = _graph(steering.presets.load(preset))
    ns = str(ORG)
    used = {str(t) for triple in g for t in triple if str(t).startswith(ns)}
    assert used, "the graph uses the ORG vocabulary"
    for term in sorted(used):
        getattr(ORG, term.removeprefix(ns))  # raises AttributeError for an unknown term


@pytest.mark.parametrize("preset", PRESETS)
def test_jsonld_is_deterministic_and_keeps_diacritics(preset: str) -> None:
    reg = steering.presets.load(preset)
    first = json.dumps(to_org_jsonld(reg), ensure_ascii=False)
    assert first == json.dumps(to_org_jsonld(steering.presets.load(preset)), ensure_ascii=False)
    assert reg.committee.name in first
    assert json.dumps(to_popolo(reg)) == json.dumps(to_popolo(reg))


# -- Popolo ------------------------------------------------------------------------


def _check_popolo(data: dict[str, Any], reg: Regulation) -> None:
    assert data["persons"] == []  # no regulation names a person
    kinds = {"organizations": "organization", "posts": "post", "memberships": "membership"}
    ids: dict[str, set[str]] = {}
    for key, kind in kinds.items():
        items = data[key]
        for item in items:
            missing = REQUIRED[kind] - {k for k, v in item.items() if v not in (None, "")}
            assert not missing, f"{kind} {item.get('id')} lacks {sorted(missing)}"
            unknown = set(item) - PROPERTIES[kind] - {"citations"}
            assert not unknown, f"{kind} {item['id']} has {sorted(unknown)}"
            for field in ("founding_date", "dissolution_date", "start_date", "end_date"):
                if field in item:
                    assert re.match(DATE_PATTERN, item[field]), item[field]
            for c in item.get("citations", []):
                assert c["quote"]
                assert c["label"]
        ids[kind] = {i["id"] for i in items}
        assert len(ids[kind]) == len(items), f"duplicate {kind} ids"
    for item in data["posts"] + data["memberships"]:
        assert item["organization_id"] in ids["organization"]
    for m in data["memberships"]:
        assert m["post_id"] in ids["post"]
        if "on_behalf_of_id" in m:
            assert m["on_behalf_of_id"] in ids["organization"]
    for o in data["organizations"]:
        if "parent_id" in o:
            assert o["parent_id"] in ids["organization"]
    assert [p["label"] for p in data["posts"]] == [p.title for p in reg.posts]
    assert [p["role"] for p in data["posts"]] == [p.role.value for p in reg.posts]


@pytest.mark.parametrize("preset", PRESETS)
def test_popolo_has_the_required_fields_and_resolves_its_ids(preset: str) -> None:
    reg = steering.presets.load(preset)
    data = to_popolo(reg)
    _check_popolo(data, reg)
    classes = {o["classification"] for o in data["organizations"]}
    assert "steering_committee" in classes
    # The standing agency is an organisation, named as the regulation names it.
    standing = sorted(o["name"] for o in data["organizations"]
                      if o["classification"] == "standing_agency")
    assert standing == sorted(p.agency or p.title
                              for p in reg.posts_with_role(Role.STANDING_AGENCY))
    # Working groups are organisations inside the committee.
    groups = [o for o in data["organizations"] if o.get("parent_id")]
    assert sorted(o["name"] for o in groups) == sorted(g.name for g in reg.working_groups)


def test_the_standing_agency_as_each_regulation_names_it() -> None:
    # Đắk Nông 2021 Điều 9: "Nhiệm vụ cơ quan thường trực (Sở Thông tin và Truyền thông)";
    # Tùng Châu 2023 names an official: "Cơ quan thường trực Ban Chỉ đạo (Công chức Văn hóa
    # và Thông tin xã)": the organisation keeps the title, the official is the membership.
    def standing(pid: str) -> tuple[list[str], list[str]]:
        data = to_popolo(steering.presets.load(pid))
        orgs = [o for o in data["organizations"] if o["classification"] == "standing_agency"]
        ids = {o["id"] for o in orgs}
        held = [m["label"] for m in data["memberships"] if m.get("on_behalf_of_id") in ids]
        return [o["name"] for o in orgs], held

    assert standing("dak-nong-2021")[0] == ["Sở Thông tin và Truyền thông"]
    names, held = standing("tung-chau-2023")
    assert names == ["Cơ quan thường trực Ban Chỉ đạo"]
    assert held == ["Công chức Văn hóa và Thông tin xã"]
    assert standing("thanh-hoa-2021")[0] == ["Cơ quan Thường trực"]  # the text names none


def test_popolo_memberships_where_the_regulation_names_the_holder() -> None:
    # Đắk Nông 2021 Điều 13 khoản 2: "Trưởng ban là Chủ tịch UBND tỉnh sử dụng con dấu
    # của UBND tỉnh": the head's seat is held ex officio by the province chairman.
    data = to_popolo(steering.presets.load("dak-nong-2021"))
    by_post = {m["post_id"]: m for m in data["memberships"]}
    head = by_post["dak-nong-2021/post/head"]
    assert head["label"] == "Chủ tịch UBND tỉnh"
    assert head["on_behalf_of_id"] == "dak-nong-2021/agency/UBND tỉnh"
    assert head["start_date"] == "2021-11-25"  # in force from signing, 25/11/2021
    # Thanh Hóa 2024 is dated "năm 2024": the dates stay as precise as the text.
    posts = to_popolo(steering.presets.load("thanh-hoa-2024"))["posts"]
    assert {p["start_date"] for p in posts} == {"2024"}


@given(regulations())
def test_any_regulation_exports_consistently(reg: Regulation) -> None:
    _check_popolo(to_popolo(reg), reg)
    g = _graph(reg)
    heads = _select(g, "SELECT ?id WHERE { ?a org:headOf ?c ; org:holds/skos:notation ?id }")
    assert heads == [(reg.head.id,)]
    posts = _select(g, "SELECT ?id WHERE { ?p a org:Post ; skos:notation ?id }")
    assert posts == sorted((p.id,) for p in reg.posts)


# -- steering export ---------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["popolo", "org-jsonld", "graphml", "mermaid", "dot"])
def test_cli_export_writes_each_format(
    fmt: str, capsys: pytest.CaptureFixture[str], tmp_path: Any,
) -> None:
    from steering.cli import main

    reg = steering.presets.load("vung-tau-2024")
    graph = reg.authority()
    expected: Any = {
        "popolo": lambda: to_popolo(reg),
        "org-jsonld": lambda: to_org_jsonld(reg),
        "graphml": graph.to_graphml,
        "mermaid": graph.to_mermaid,
        "dot": graph.to_dot,
    }[fmt]()
    assert main(["export", reg.id, "--format", fmt]) == 0
    out = capsys.readouterr().out
    if isinstance(expected, dict):
        assert json.loads(out) == expected
    else:
        assert out == expected
    target = tmp_path / f"out.{fmt}"
    assert main(["export", reg.id, "--format", fmt, "--output", str(target)]) == 0
    assert target.read_text(encoding="utf-8") == out


def test_cli_export_refuses_an_unknown_format(capsys: pytest.CaptureFixture[str]) -> None:
    from steering.cli import main

    assert main(["export", "dak-nong-2021", "--format", "xml"]) == 2
    err = capsys.readouterr().err
    assert "invalid choice" in err
    assert "Traceback" not in err


def test_cli_export_org_jsonld_with_a_published_base(capsys: pytest.CaptureFixture[str]) -> None:
    from steering.cli import main

    assert main(["export", "dak-nong-2021", "--format", "org-jsonld",
                 "--base", "https://data.example.gov.vn/steering/"]) == 0
    g = rdflib.Graph().parse(data=capsys.readouterr().out, format="json-ld")
    heads = _select(g, "SELECT ?post WHERE { ?a org:headOf ?c ; org:holds ?post }")
    assert heads == [("https://data.example.gov.vn/steering/dak-nong-2021/post/head",)]
