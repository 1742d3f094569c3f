"""The source-text splitter: the genre's layout, excerpts, markers, annexes, other instruments.

Fixtures are small texts built here for invented localities (xã Hòa Vân Thử,
huyện Lam Sơn Giả): none is a real regulation.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import steering
from steering.rules import Citation
from steering.sources import SourceText, check_quote, normalize_for_match, quote_status

DECISION = """ỦY BAN NHÂN DÂN XÃ HÒA VÂN THỬ
Số: 12/QĐ-BCĐ
Hòa Vân Thử, ngày 05 tháng 3 năm 2025

QUYẾT ĐỊNH
Ban hành Quy chế hoạt động của Ban Chỉ đạo chuyển đổi số xã Hòa Vân Thử

Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;

QUYẾT ĐỊNH:
Điều 1. Ban hành kèm theo Quyết định này Quy chế hoạt động của Ban Chỉ đạo.
Điều 2. Quyết định này có hiệu lực kể từ ngày ký.
TRƯỞNG BAN
Nguyễn Văn Thử
"""

REGULATION = """QUY CHẾ
Hoạt động của Ban Chỉ đạo chuyển đổi số xã Hòa Vân Thử
Chương I
QUY ĐỊNH CHUNG
Điều 1. Phạm vi điều chỉnh
1. Quy chế này quy định nguyên tắc làm việc của Ban Chỉ đạo.
2. Quy chế này áp dụng đối với các thành viên Ban Chỉ đạo.
Điều 2. Trưởng ban
1. Chỉ đạo chung hoạt động của Ban Chỉ đạo.
2. Khi Trưởng ban vắng mặt, Phó Trưởng ban thay mặt Trưởng ban điều hành công việc:
a) ký các văn bản của Ban Chỉ đạo;
b) chủ trì các cuộc họp.
Chương II
CHẾ ĐỘ LÀM VIỆC
Điều 3. Họp
Ban Chỉ đạo họp định kỳ mỗi quý một lần.
"""


def _cite(
    document: str, article: int | None, clause: int | None, quote: str, point: str = ""
) -> Citation:
    return Citation(document=document, article=article, clause=clause, point=point, quote=quote)


def test_decision_and_regulation_are_split_where_numbering_restarts() -> None:
    src = SourceText.parse(DECISION + REGULATION)
    assert src.problems == ()
    assert sorted(src.articles["decision"]) == [1, 2]
    assert sorted(src.articles["regulation"]) == [1, 2, 3]
    # The regulation starts at its title, not at its Điều 1: the title and Chương I are its own.
    assert src.parts["regulation"].startswith("QUY CHẾ")
    assert "Chương I" not in src.parts["decision"]
    assert check_quote(_cite("decision", 2, None, "có hiệu lực kể từ ngày ký"), src) is None
    assert check_quote(_cite("regulation", 2, 2, "ký các văn bản", "a"), src) is None
    wrong = check_quote(_cite("regulation", 2, 2, "chủ trì các cuộc họp", "a"), src)
    assert wrong is not None
    assert "điểm a" in wrong


def test_a_text_with_no_issuing_decision_is_the_regulation_alone() -> None:
    src = SourceText.parse(REGULATION)
    assert src.problems == ()
    assert src.parts["decision"] == ""
    assert sorted(src.articles["regulation"]) == [1, 2, 3]
    why = check_quote(_cite("decision", 1, None, "Ban hành"), src)
    assert why == "the source text has no decision part"


def test_units_list_every_part_chapter_article_clause_and_point_in_order() -> None:
    src = SourceText.parse(DECISION + REGULATION)
    units = [(u.kind, u.document, u.article, u.clause, u.point) for u in src.units()]
    reg = [u for u in units if u[1] == "regulation"]
    assert reg == [
        ("part", "regulation", None, None, ""),
        ("chapter", "regulation", None, None, ""),
        ("article", "regulation", 1, None, ""),
        ("clause", "regulation", 1, 1, ""),
        ("clause", "regulation", 1, 2, ""),
        ("article", "regulation", 2, None, ""),
        ("clause", "regulation", 2, 1, ""),
        ("clause", "regulation", 2, 2, ""),
        ("point", "regulation", 2, 2, "a"),
        ("point", "regulation", 2, 2, "b"),
        ("chapter", "regulation", None, None, ""),
        ("article", "regulation", 3, None, ""),
    ]
    lines = (DECISION + REGULATION).split("\n")
    for u in src.units():
        if u.kind in {"article", "clause", "point"}:
            assert normalize_for_match(u.text).startswith(
                normalize_for_match(lines[u.line - 1])[:10]
            ), u


EXCERPT_WITH_GAP = """Điều 1. Phạm vi
1. Quy chế này quy định nguyên tắc làm việc.
Điều 2. Trưởng ban
1. Chỉ đạo chung.
Điều 3. Phó Trưởng ban
1. Giúp Trưởng ban.
Điều 8. Con dấu
Ban Chỉ đạo không có con dấu riêng, sử dụng con dấu của Ủy ban nhân dân xã.
"""


def test_a_gap_in_the_numbering_is_reported_with_its_line_and_never_absorbed() -> None:
    src = SourceText.parse(EXCERPT_WITH_GAP)
    assert len(src.problems) == 1
    problem = src.problems[0]
    assert problem.startswith("line 7: 'Điều 8.' follows 'Điều 3.' (line 5)")
    assert "articles 4-7 are missing" in problem
    assert "'#: gap'" in problem
    assert "'#: excerpt'" in problem
    # Điều 8 is its own article, not the tail of Điều 3: a quote of it cited as Điều 3 is wrong.
    assert sorted(src.articles["regulation"]) == [1, 2, 3, 8]
    seal = "không có con dấu riêng"
    assert check_quote(_cite("regulation", 8, None, seal), src) is None
    why = check_quote(_cite("regulation", 3, None, seal), src)
    assert why is not None
    assert "it is in regulation Điều 8" in why


@pytest.mark.parametrize(
    "marked",
    [
        "#: excerpt\n" + EXCERPT_WITH_GAP,
        EXCERPT_WITH_GAP.replace("Điều 8.", "#: gap\nĐiều 8."),
        EXCERPT_WITH_GAP.replace("Điều 8.", "[...]\nĐiều 8."),
        EXCERPT_WITH_GAP.replace("Điều 8.", "…\nĐiều 8."),
    ],
)
def test_a_marked_excerpt_or_gap_is_clean(marked: str) -> None:
    src = SourceText.parse(marked)
    assert src.problems == ()
    assert sorted(src.articles["regulation"]) == [1, 2, 3, 8]
    # The editor's line is not text: a quote of it is not found.
    assert check_quote(_cite("regulation", 3, None, "gap"), src) is not None


def test_an_excerpt_of_clauses_keeps_the_clause_numbers_it_shows() -> None:
    text = (
        "#: excerpt\nĐiều 5. Ủy viên\n1. Tham mưu.\n...\n"
        "4. Báo cáo Trưởng ban.\n6. Thực hiện nhiệm vụ khác.\n"
    )
    src = SourceText.parse(text)
    assert src.problems == ()
    assert check_quote(_cite("regulation", 5, 4, "Báo cáo Trưởng ban."), src) is None
    assert check_quote(_cite("regulation", 5, 6, "nhiệm vụ khác"), src) is None
    assert "khoản 2" in (check_quote(_cite("regulation", 5, 2, "Tham mưu"), src) or "")


def test_the_regulation_marker_splits_a_text_whose_numbering_does_not_restart() -> None:
    unmarked = DECISION + REGULATION.replace("Điều 1. Phạm vi", "Điều 3. Phạm vi").replace(
        "Điều 2. Trưởng ban", "Điều 4. Trưởng ban"
    ).replace("Điều 3. Họp", "Điều 5. Họp")
    src = SourceText.parse(unmarked)
    assert len(src.problems) == 1
    assert src.problems[0].startswith("line 15: a title 'QUY CHẾ' follows 'Điều 1.' (line 11)")
    assert "'#: regulation'" in src.problems[0]
    marked = (
        DECISION
        + "#: regulation\n#: excerpt\n"
        + REGULATION.replace("Điều 1. Phạm vi", "Điều 3. Phạm vi")
        .replace("Điều 2. Trưởng ban", "Điều 4. Trưởng ban")
        .replace("Điều 3. Họp", "Điều 5. Họp")
    )
    src = SourceText.parse(marked)
    assert src.problems == ()
    assert sorted(src.articles["decision"]) == [1, 2]
    assert sorted(src.articles["regulation"]) == [3, 4, 5]


def test_a_third_numbering_is_reported_not_hidden() -> None:
    src = SourceText.parse(DECISION + REGULATION + "Điều 1. Một văn bản khác\nNội dung khác.\n")
    assert len(src.problems) == 1
    assert "'Điều 1.' follows 'Điều 3.'" in src.problems[0]
    assert "'#: document NAME'" in src.problems[0]
    # Its text is still where a reader sees it (in Điều 3), not dropped.
    assert "Nội dung khác." in src.articles["regulation"][3]


def test_an_unknown_editor_line_is_reported() -> None:
    src = SourceText.parse("#: regulaton\n" + REGULATION)
    assert len(src.problems) == 1
    assert src.problems[0].startswith("line 1: found editor line '#: regulaton'")


ANNEX_TABLE = """Điều 1. Phân công
Các Ủy viên theo dõi địa bàn theo Phụ lục kèm theo.
Phụ lục
PHÂN CÔNG THEO DÕI
| STT | Thành viên | Địa bàn |
|---|---|---|
| 1 | Công chức Văn hóa - Xã hội | Thôn Đông Thử |
| 2 | Công chức Địa chính | Thôn Tây Thử |
3.\tCông chức Tư pháp\t- Thôn Nam Thử - Thôn Bắc Thử
"""


def test_an_annex_table_is_its_own_part_with_numbered_rows() -> None:
    src = SourceText.parse(ANNEX_TABLE)
    assert src.problems == ()
    assert sorted(src.articles["regulation"]) == [1]
    assert src.parts["annex"].startswith("Phụ lục")
    # "theo Phụ lục kèm theo" inside a sentence does not start the annex.
    assert "kèm theo" in src.articles["regulation"][1]
    rows = [(u.clause, u.line) for u in src.units() if u.kind == "row"]
    assert rows == [(1, 7), (2, 8), (3, 9)]
    for quote in ("1 Công chức Văn hóa - Xã hội Thôn Đông Thử", "Công chức Tư pháp - Thôn Nam Thử"):
        assert check_quote(_cite("annex", None, None, quote), src) is None
    assert check_quote(_cite("annex", None, None, "Thôn Giữa Thử"), src) is not None


OTHER = """#: document Quyết định 99/QĐ-UBND
Điều 1. Thành lập Ban Chỉ đạo chuyển đổi số xã Hòa Vân Thử gồm các ông, bà có tên sau.
"""


def test_a_quote_of_another_instrument_is_checked_when_the_file_gives_it() -> None:
    src = SourceText.parse(REGULATION + OTHER)
    assert src.problems == ()
    assert sorted(src.articles["regulation"]) == [1, 2, 3]
    good = _cite("Quyết định  99/QĐ-UBND", 1, None, "Thành lập Ban Chỉ đạo")
    assert quote_status(good, src).status == "verified"
    bad = _cite("Quyết định 99/QĐ-UBND", 1, None, "Giải thể Ban Chỉ đạo")
    assert quote_status(bad, src).status == "wrong"
    assert check_quote(bad, src) is not None
    elsewhere = _cite("Quyết định 100/QĐ-UBND", 1, None, "bất kỳ")
    result = quote_status(elsewhere, src)
    assert result.status == "unchecked"
    assert "#: document Quyết định 100/QĐ-UBND" in result.message
    assert check_quote(elsewhere, src) is None
    # The other instrument's text is not the regulation's: its quote cited there is wrong.
    mislabeled = _cite("regulation", 3, None, "Thành lập Ban Chỉ đạo")
    why = check_quote(mislabeled, src) or ""
    assert "it is in Quyết định 99/QĐ-UBND Điều 1" in why


def test_markdown_bold_heads_run_into_a_chapter_line_are_split() -> None:
    text = (
        "Chương I**QUY ĐỊNH CHUNG****Điều 1.** Phạm vi\n1. Nội dung một.\n**Điều 2.** Đối tượng\n"
    )
    src = SourceText.parse(text)
    assert src.problems == ()
    assert sorted(src.articles["regulation"]) == [1, 2]
    line_of = {u.article: u.line for u in src.units() if u.kind == "article"}
    assert line_of == {1: 1, 2: 3}
    # A plain reference in a sentence is not a head.
    ref = SourceText.parse("Điều 1. Phạm vi\nThực hiện theo Điều 5. Nội dung.\nĐiều 2. Khác\n")
    assert ref.problems == ()
    assert sorted(ref.articles["regulation"]) == [1, 2]


@given(
    st.lists(
        st.sampled_from(
            [
                "",
                " ",
                "Điều 1. A",
                "1. b",
                "a) c",
                "- d",
                "#: gap",
                "Phụ lục",
                "Chương I",
                "QUY CHẾ",
                "#: x",
                "**Điều 2.**",
                "| 1 | x |",
            ]
        ),
        max_size=40,
    )
)
def test_parse_never_raises_and_keeps_every_line_of_text(lines: list[str]) -> None:
    text = "\n".join(lines)
    src = SourceText.parse(text)
    kept = "\n".join(src.parts.values())
    for line in lines:
        if line.strip() and not line.startswith("#:"):
            assert line in kept


def test_validate_reports_the_layout_problems_of_the_source_text(tmp_path: Path) -> None:
    """A gap in the source's numbering surfaces in validate with its line, next to the quotes."""
    example = Path(__file__).parent.parent / "docs" / "examples"
    text = (example / "minh-son-2025.txt").read_text(encoding="utf-8")
    (tmp_path / "minh-son-2025.txt").write_text(
        text.replace("Điều 9. Con dấu", "Điều 12. Con dấu"), encoding="utf-8"
    )
    toml = (example / "minh-son-2025.toml").read_text(encoding="utf-8")
    (tmp_path / "minh-son-2025.toml").write_text(toml, encoding="utf-8")
    reg = steering.load(tmp_path / "minh-son-2025.toml", check=False)
    messages = [str(p) for p in steering.validate(reg) if p.path == "source"]
    assert len(messages) == 1
    assert "source text line 72: 'Điều 12.' follows 'Điều 8.' (line 68)" in messages[0]
    assert "articles 9-11 are missing" in messages[0]
    # The source is read once, at load: validate reads no file, so a mended text needs a load.
    (tmp_path / "minh-son-2025.txt").write_text(text, encoding="utf-8")
    assert [p for p in steering.validate(reg) if p.path == "source"] != []
    mended = steering.load(tmp_path / "minh-son-2025.toml", check=False)
    assert [p for p in steering.validate(mended) if p.path == "source"] == []
