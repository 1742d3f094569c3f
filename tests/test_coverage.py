"""Coverage of the source text by citations: every preset, notes explaining gaps, the views."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import steering
from steering.cli import main
from steering.coverage import CoverageError, coverage, not_encoded
from steering.sources import SourceText

EXAMPLE = Path(__file__).parent.parent / "docs" / "examples" / "minh-son-2025.toml"


@pytest.mark.parametrize("preset_id", steering.presets.names())
def test_every_clause_of_every_preset_is_cited_or_explained(preset_id: str) -> None:
    reg = steering.presets.load(preset_id)
    cov = coverage(reg)
    assert [e.unit.where() for e in cov.uncited()] == []
    assert cov.wrong == ()
    assert cov.unread_notes == ()
    counts = cov.counts()
    # Most of each regulation is encoded; notes explain a handful of clauses only.
    assert counts["cited"] >= 40
    assert counts["explained"] <= 4


def test_the_example_is_fully_covered() -> None:
    cov = coverage(steering.load(EXAMPLE))
    assert cov.uncited() == ()
    assert cov.counts()["explained"] == 2


def test_a_citation_to_an_article_counts_for_the_clause_holding_its_quote() -> None:
    # Tùng Châu Điều 7 khoản 1: "Ban Chỉ đạo họp định kỳ sáu tháng một lần".
    reg = steering.presets.load("tung-chau-2023")
    cov = coverage(reg)
    by_where = {e.unit.where(): e for e in cov.entries}
    clause = by_where["regulation Điều 7 khoản 1"]
    assert clause.status == "cited"
    assert any(p.startswith("meetings[") for p in clause.cited_by)
    article = by_where["regulation Điều 7"]
    assert set(clause.cited_by) <= set(article.cited_by)


def test_notes_explain_only_the_units_they_name() -> None:
    explained, bad = not_encoded(
        (
            "Not encoded: Quyết định Điều 1, 3; Quy chế Điều 4 khoản 1-2, 5: why.",
            "Not encoded: Phụ lục: the table is read elsewhere.",
            "A reading, not an explanation: Điều 9 khoản 1.",
            "Not encoded: Điều x khoản 2: bad label.",
            "Not encoded: Quy chế Điều 2 with no reason",
        )
    )
    assert set(explained) == {
        ("decision", 1, None),
        ("decision", 3, None),
        ("regulation", 4, 1),
        ("regulation", 4, 2),
        ("regulation", 4, 5),
        ("annex", None, None),
    }
    assert explained[("regulation", 4, 5)] == "why."
    assert bad == [
        "'Điều x khoản 2'",
        "'Not encoded: Quy chế Điều 2 with no reason' (no ': reason' after the labels)",
    ]


def test_an_unexplained_clause_is_listed_with_its_line(tmp_path: Path) -> None:
    toml = EXAMPLE.read_text(encoding="utf-8").replace(
        "Not encoded: Quyết định Điều 1; ", "Not encoded: "
    )
    (tmp_path / "r.toml").write_text(toml, encoding="utf-8")
    (tmp_path / "minh-son-2025.txt").write_text(
        EXAMPLE.with_suffix(".txt").read_text(encoding="utf-8"), encoding="utf-8"
    )
    cov = coverage(steering.load(tmp_path / "r.toml"))
    assert [(e.unit.where(), e.unit.line) for e in cov.uncited()] == [("decision Điều 1", 10)]
    assert "decision Điều 1 (line 10)" in cov.table(only_gaps=True)
    data = json.loads(cov.to_json())
    assert data["counts"] == {"cited": 18, "explained": 1, "uncited": 1}
    uncited = [u for u in data["units"] if u["status"] == "uncited"]
    assert uncited[0]["text"].startswith("Điều 1. Ban hành kèm theo Quyết định này")
    html = cov._repr_html_()
    assert "<table>" in html
    assert "decision Điều 1 (line 10)" in html


def test_coverage_needs_a_source_text() -> None:
    reg = steering.loads(
        EXAMPLE.read_text(encoding="utf-8").replace('source = "minh-son-2025.txt"\n', "")
    )
    with pytest.raises(CoverageError, match="coverage needs the regulation's text"):
        coverage(reg)
    src = SourceText.parse(EXAMPLE.with_suffix(".txt").read_text(encoding="utf-8"))
    assert coverage(reg, source=src).uncited() == ()


def test_cli_coverage(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert main(["coverage", "thanh-hoa-2024", "--gaps"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("thanh-hoa-2024: 71 cited, 3 explained by a note, 0 uncited")
    assert main(["--json", "coverage", "dak-nong-2021"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["counts"]["uncited"] == 0
    assert {u["kind"] for u in data["units"]} >= {"part", "chapter", "article", "clause"}
    toml = EXAMPLE.read_text(encoding="utf-8").replace(
        "Not encoded: Quyết định Điều 1; ", "Not encoded: "
    )
    (tmp_path / "r.toml").write_text(toml, encoding="utf-8")
    (tmp_path / "minh-son-2025.txt").write_text(
        EXAMPLE.with_suffix(".txt").read_text(encoding="utf-8"), encoding="utf-8"
    )
    assert main(["coverage", str(tmp_path / "r.toml"), "--gaps"]) == 1
    assert "decision Điều 1 (line 10)  uncited" in capsys.readouterr().out
