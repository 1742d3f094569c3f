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
from steering.errors import QueryError


def plain(text: str) -> str:
    """``text`` without the cells' inline styles, to read the cells."""
    return re.sub(r' style="[^"]*"', "", text)


def rows(text: str) -> int:
    """Number of body rows of the HTML tables in ``text``."""
    return len(re.findall(r"<tr><td[ >]", text))


def test_regulation_html_lists_posts_and_cited_rules() -> None:
    """Đắk Nông: 9 posts; the committee has no seal of its own (Điều 13 khoản 1)."""
    reg = presets.load("dak-nong-2021")
    out = reg._repr_html_()
    assert out == regulation_html(reg)
    assert out.startswith('<div class="steering">')
    assert "Ban Chỉ đạo chuyển đổi số tỉnh Đắk Nông" in out
    assert "2044/QĐ-BCĐ" in out
    for p in reg.posts:
        assert f"<td>{p.id}</td>" in plain(out)
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
    assert "<td>2024-03-31</td>" in plain(out)
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
    assert "<th>thanh-hoa-2021</th><th>thanh-hoa-2024</th>" in plain(out)
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


def test_picture_of_the_authority_graph_is_offline_svg() -> None:
    import xml.etree.ElementTree as ET

    reg = presets.load("dak-nong-2021")
    g = reg.authority()
    svg = Picture(g, "en")._repr_svg_()
    root = ET.fromstring(svg)  # well-formed XML
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    # Nothing fetched: no URL but the SVG namespace, no script, no external font.
    assert re.findall(r"https?://[^\s\"']+", svg) == ["http://www.w3.org/2000/svg"]
    assert "<script" not in svg
    assert "@import" not in svg
    assert "<image" not in svg
    # Every post is drawn (its id under its box), and the legend speaks the language asked.
    for p in reg.posts:
        assert f">{p.id}</text>" in svg
    assert "acts for" in svg
    assert "thay khi vắng mặt" in Picture(g, "vi")._repr_svg_()
    assert g._repr_svg_() == Picture(g)._repr_svg_()
    assert repr(Picture(g)) == g.to_mermaid()


def test_picture_ranks_posts_top_to_bottom() -> None:
    reg = presets.load("dak-nong-2021")
    svg = reg.authority().to_svg()
    y = {m[1]: float(m[0]) for m in re.findall(r'y="([0-9.]+)"[^>]*>([a-z_0-9]+)</text>', svg)}
    assert y["head"] < y["standing_deputy"] < y["member"]


def test_tables_are_left_aligned_inline() -> None:
    # JupyterLab right-aligns cells and its sanitiser drops <style>: every cell styles itself.
    html_text = regulation_html(presets.load("thanh-hoa-2024"))
    cells = re.findall(r"<t[dh]( [^>]*)?>", html_text)
    assert cells
    assert all(c and "text-align:left" in c for c in cells)


def test_views_follow_the_display_language() -> None:
    import steering

    reg = presets.load("vung-tau-2024")
    occs = reg.calendar(dt.date(2026, 1, 1), dt.date(2026, 3, 31))
    try:
        assert steering.display_language() == "vi"
        assert "mốc" in str(HTMLView(occs)._repr_html_())
        assert "<b>Chức danh</b>" in reg._repr_html_()
        steering.display_language("en")
        assert "occurrences" in str(HTMLView(occs)._repr_html_())
        assert "<b>Posts</b>" in reg._repr_html_()
        assert "differences" in compare(reg, presets.load("tung-chau-2023"))._repr_html_()
        with pytest.raises(QueryError):
            steering.display_language("fr")
    finally:
        steering.display_language("vi")


def test_ipython_extension_registers_formatters() -> None:
    formatters = pytest.importorskip("IPython.core.formatters")
    html_f = formatters.HTMLFormatter()
    svg_f = formatters.SVGFormatter()
    shell = SimpleNamespace(display_formatter=SimpleNamespace(formatters={"text/html": html_f}))
    load_ipython_extension(shell)
    reg = presets.load("dak-nong-2021")
    ruling = reg.authority().acting_for("head", absent={"head"})
    assert "Điều 5 khoản 1" in html_f(ruling)
    occ = reg.calendar(dt.date(2024, 1, 1), dt.date(2024, 3, 31))
    assert "<p>" in html_f(occ)
    assert html_f((1, 2)) is None  # other tuples keep their plain display
    assert html_f(reg).startswith('<div class="steering">')  # via _repr_html_
    assert svg_f(reg.authority()).startswith("<svg")  # via _repr_svg_: a picture offline


def test_regulation_html_speaks_vietnamese() -> None:
    """Vũng Tàu is a district-level city: "cấp huyện", roles and aspects in Vietnamese words,
    not enum values ("district", "standing_deputy", "substitution")."""
    out = regulation_html(presets.load("vung-tau-2024"))
    assert "(cấp huyện)" in out
    assert "(district)" not in out
    assert "<td>Phó Trưởng ban Thường trực</td>" in plain(out)
    assert "<td>standing_deputy</td><td>standing_deputy</td>" not in plain(out)
    assert "<td>Thay thế khi vắng mặt</td>" in plain(out)
    assert "<td>substitution</td>" not in plain(out)


def test_a_label_cited_many_times_is_shown_once() -> None:
    # thanh-hoa-2024 cites each of its 24 member agencies to the annex ("Phụ lục").
    c = compare(presets.load("thanh-hoa-2021"), presets.load("thanh-hoa-2024"))
    for row in comparison_html(c, "vi").split("<tr>"):
        assert row.count(">Phụ lục</span>") <= 2  # at most once per side
