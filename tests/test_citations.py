"""Every citation of every preset quotes its source verbatim, in the article and clause it cites."""

from __future__ import annotations

import pytest

import steering
from steering.rules import OWN_PARTS, Citation
from steering.sources import SourceText, check_quote
from steering.validation._citations import _citations

PRESETS = steering.presets.names()


def _source(preset_id: str) -> SourceText:
    return SourceText.parse(steering.presets.source_path(preset_id).read_text(encoding="utf-8"))


@pytest.mark.parametrize("preset_id", PRESETS)
def test_every_quote_is_found_where_it_is_cited(preset_id: str) -> None:
    reg = steering.presets.load(preset_id)
    source = _source(preset_id)
    cites = list(_citations(reg, ""))
    own = [(path, c) for path, c in cites if c.document in OWN_PARTS]
    assert len(own) >= 20, "a preset cites its regulation throughout"
    misplaced = {path: why for path, c in own if (why := check_quote(c, source))}
    assert misplaced == {}


@pytest.mark.parametrize("preset_id", PRESETS)
def test_every_rule_cites_an_article_of_the_regulation(preset_id: str) -> None:
    """Rules (as opposed to identity facts) point at a numbered article or the annex."""
    reg = steering.presets.load(preset_id)
    rule_fields = (
        "substitutions",
        "accountability",
        "directions",
        "reports",
        "seals",
        "signing",
        "convening",
        "meetings",
        "compositions",
        "attendance",
        "channels",
    )
    for name in rule_fields:
        for i, rule in enumerate(getattr(reg, name)):
            c: Citation = rule.citation
            assert c.document in OWN_PARTS, f"{name}[{i}]"
            assert c.article is not None or c.document == "annex", f"{name}[{i}] has no article"


def test_the_checker_catches_a_quote_in_the_wrong_article() -> None:
    source = _source("dak-nong-2021")
    right = Citation(
        document="regulation",
        article=13,
        clause=1,
        quote="Ban Chỉ đạo không sử dụng con dấu riêng.",
    )
    assert check_quote(right, source) is None
    wrong_article = Citation(document="regulation", article=12, clause=1, quote=right.quote)
    why = check_quote(wrong_article, source)
    assert why is not None
    assert "Điều 12" in why
    assert "it is in regulation Điều 13" in why
    wrong_clause = Citation(document="regulation", article=13, clause=2, quote=right.quote)
    assert check_quote(wrong_clause, source) is not None
    altered = Citation(
        document="regulation", article=13, clause=1, quote="Ban Chỉ đạo sử dụng con dấu riêng."
    )
    assert check_quote(altered, source) is not None


def test_the_checker_ignores_whitespace_and_markdown_only() -> None:
    source = _source("vung-tau-2024")
    spaced = Citation(
        document="regulation",
        article=11,
        clause=2,
        quote="báo cáo định kỳ   trước ngày 15\nhàng tháng/quý/năm hoặc đột xuất",
    )
    assert check_quote(spaced, source) is None
    no_diacritics = Citation(
        document="regulation", article=11, clause=2, quote="bao cao dinh ky truoc ngay 15"
    )
    assert check_quote(no_diacritics, source) is not None


def test_missing_article_is_reported() -> None:
    source = _source("tung-chau-2023")
    c = Citation(document="regulation", article=40, quote="Ban Chỉ đạo")
    why = check_quote(c, source)
    assert why is not None
    assert "no Điều 40" in why
    decision = Citation(document="decision", article=1, quote="Ban Chỉ đạo")
    assert "no decision part" in (check_quote(decision, source) or "")


def test_source_parts_of_each_seed() -> None:
    """The splitter finds the decision, the regulation and the annex of each seed."""
    expected = {
        "thanh-hoa-2024": (2, 12, True),
        "thanh-hoa-2021": (2, 12, False),
        "dak-nong-2021": (2, 16, False),
        "tung-chau-2023": (0, 11, False),
        "vung-tau-2024": (3, 14, False),
    }
    for preset_id, (decision, regulation, annex) in expected.items():
        src = _source(preset_id)
        assert len(src.articles["decision"]) == decision, preset_id
        assert len(src.articles["regulation"]) == regulation, preset_id
        assert bool(src.parts["annex"]) is annex, preset_id
