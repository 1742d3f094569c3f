"""Notebook display: regulations, rulings, calendars and comparisons as HTML tables."""

from __future__ import annotations

import datetime as dt
import re
from types import SimpleNamespace

import attrs
import pytest

from steering import presets
from steering._display import (
    HTMLView,
    Picture,
    comparison_html,
    html,
    load_ipython_extension,
    occurrences_html,
    regulation_html,
    ruling_html,
)
from steering.compare import compare


def rows(text: str) -> int:
    """Number of body rows of the HTML tables in ``text``."""
    return len(re.findall(r"<tr><td>", text))


def test_regulation_html_lists_posts_and_cited_rules() -> None:
    """Đắk Nông: 9 posts; the committee has no seal of its own (Điều 13 khoản 1)."""
    reg = presets.load("dak-nong-2021")
    out = reg._repr_html_()
    assert out == regulation_html(reg)
    assert out.startswith('<div class="steering">')
    assert "Ban Chỉ đạo chuyển đổi số tỉnh Đắk Nông" in out
    assert "2044/QĐ-BCĐ" in out
    for p in reg.posts:
        assert f"<td>{p.id}</td>" in out
    assert "không sử dụng con dấu riêng" in out
    assert "Điều 13 khoản 1" in out
    # the verbatim quote is on hover, escaped as an attribute
    assert 'title="Ban Chỉ đạo không sử dụng con dấu riêng."' in out


def test_html_is_escaped() -> None:
    reg = presets.load("dak-nong-2021")
    evil = attrs.evolve(reg, committee=attrs.evolve(reg.committee, name="<script>x</script>"))
    out = regulation_html(evil)
    assert "<script>" not in out
    assert "&lt;script&gt;x&lt;/script&gt;" in out


def test_ruling_html() -> None:
    """Đắk Nông Điều 6 khoản 1: head and standing deputy absent -> the deputies."""
    reg = presets.load("dak-nong-2021")
    ruling = reg.authority().acting_for("head", absent={"head", "standing_deputy"})
    out = ruling_html(ruling)
    assert '<span class="status-decided">decided</span>' in out
    assert "deputy_tttt, deputy_vpubnd" in out
    assert "head → " in out  # the chain tried
    assert "Điều 6 khoản 1" in out
    assert "«Khi Trưởng ban, Phó Trưởng ban Thường trực vắng mặt" in out
    assert ruling_html(ruling, "en") != out
    assert "Article 6(1)" in ruling_html(ruling, "en")
    assert html(ruling) == out


def test_not_specified_ruling_html() -> None:
    """Thanh Hóa 2024 has no seal clause: the committee's seal is not specified."""
    ruling = presets.load("thanh-hoa-2024").authority().seal_for("committee")
    out = ruling_html(ruling)
    assert "status-not_specified" in out
    assert "không quy định" in out


def test_occurrences_html() -> None:
    """Đắk Nông 2024: 12 occurrences (Điều 11 khoản 1 and 3, Điều 10 khoản 6)."""
    reg = presets.load("dak-nong-2021")
    occ = reg.calendar(dt.date(2024, 1, 1), dt.date(2024, 12, 31))
    out = occurrences_html(occ)
    assert rows(out) == len(occ) == 12
    assert "<p>12 mốc</p>" in out
    assert "<td>2024-03-31</td>" in out
    assert "Điều 11 khoản 1" in out
    assert "12 occurrences" in occurrences_html(occ, "en")
    assert html(occ) == out
    assert HTMLView(occ)._repr_html_() == out
    assert repr(HTMLView(occ)) == repr(occ)


def test_comparison_html() -> None:
    """Thanh Hóa: 2021 Điều 2 khoản 6 seal clause, absent in 2024."""
    c = compare(presets.load("thanh-hoa-2021"), presets.load("thanh-hoa-2024"))
    out = c._repr_html_()
    assert out == comparison_html(c)
    assert rows(out) == len(c)
    assert "<th>thanh-hoa-2021</th><th>thanh-hoa-2024</th>" in out
    assert "Điều 2 khoản 6" in out
    assert '<span class="ns">không quy định</span>' in out
    assert '<span class="ns">not specified</span>' in comparison_html(c, "en")


def test_html_of_other_values_is_none() -> None:
    assert html((1, 2)) is None
    assert html([]) is None
    assert html("text") is None
    assert HTMLView(3)._repr_html_() is None


def test_deterministic() -> None:
    a = regulation_html(presets.load("thanh-hoa-2024"))
    b = regulation_html(presets.load("thanh-hoa-2024"))
    assert a == b


def test_picture_of_the_authority_graph() -> None:
    g = presets.load("dak-nong-2021").authority()
    md = Picture(g)._repr_markdown_()
    assert md.startswith("```mermaid\nflowchart")
    assert md.endswith("```\n")
    assert repr(Picture(g)) == g.to_mermaid()


def test_ipython_extension_registers_formatters() -> None:
    formatters = pytest.importorskip("IPython.core.formatters")
    html_f = formatters.HTMLFormatter()
    md_f = formatters.MarkdownFormatter()
    shell = SimpleNamespace(
        display_formatter=SimpleNamespace(formatters={"text/html": html_f, "text/markdown": md_f})
    )
    load_ipython_extension(shell)
    reg = presets.load("dak-nong-2021")
    ruling = reg.authority().acting_for("head", absent={"head"})
    assert "Điều 5 khoản 1" in html_f(ruling)
    occ = reg.calendar(dt.date(2024, 1, 1), dt.date(2024, 3, 31))
    assert "<p>" in html_f(occ)
    assert html_f((1, 2)) is None  # other tuples keep their plain display
    assert html_f(reg).startswith('<div class="steering">')  # via _repr_html_
    assert md_f(reg.authority()).startswith("```mermaid")


def test_regulation_html_speaks_vietnamese() -> None:
    """Vũng Tàu is a district-level city: "cấp huyện", roles and aspects in Vietnamese words,
    not enum values ("district", "standing_deputy", "substitution")."""
    out = regulation_html(presets.load("vung-tau-2024"))
    assert "(cấp huyện)" in out
    assert "(district)" not in out
    assert "<td>Phó Trưởng ban Thường trực</td>" in out
    assert "<td>standing_deputy</td><td>standing_deputy</td>" not in out
    assert "<td>Thay thế khi vắng mặt</td>" in out
    assert "<td>substitution</td>" not in out
