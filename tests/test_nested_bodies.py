"""Sub-committees with their own regulation file, leadership collectives, meeting
purposes inside a cadence, and reports due before every meeting (issue #13 items 3-5).

The example is docs/examples/vinh-mau-2025.toml (an invented province, its text in
vinh-mau-2025.txt) and the own regulation of its Tiểu ban Dữ liệu số beside it. Each
test states what the text says and cites the clause.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import steering
from steering.cli import main
from steering.compare import facts
from steering.errors import QueryError, RegulationFileError, UnknownFactError, UnknownIdError
from steering.ics import from_ics, to_ics
from steering.limits import MAX_NESTING
from steering.roles import GroupKind
from steering.ruling import Status

EXAMPLES = Path(__file__).parent.parent / "docs" / "examples"
PARENT = EXAMPLES / "vinh-mau-2025.toml"
CHILD = EXAMPLES / "vinh-mau-2025-tieu-ban-du-lieu.toml"


@pytest.fixture(scope="module")
def reg() -> steering.Regulation:
    return steering.load(PARENT)


# -- a sub-committee with its own regulation ---------------------------------------


def test_the_sub_committee_has_its_own_regulation(reg: steering.Regulation) -> None:
    # Quy chế Điều 4 khoản 1: "Tiểu ban Dữ liệu số hoạt động theo Quy chế riêng do Trưởng
    # Tiểu ban ban hành."
    group = next(g for g in reg.working_groups if g.id == "tieu_ban_du_lieu")
    assert group.kind is GroupKind.SUB_COMMITTEE
    child = reg.body_regulation("tieu_ban_du_lieu")
    assert child.id == "vinh-mau-2025-tieu-ban-du-lieu"
    assert child == steering.load(CHILD)
    # Its own head, standing agency and seal: Điều 1 khoản 1, Điều 2, Điều 5 of its text.
    assert child.head.office == "Giám đốc Công an tỉnh"
    assert child.authority().standing_agency().answer == ("standing_agency",)
    seal = child.authority().seal_for("head")
    assert seal.status is Status.DECIDED
    assert "con dấu của Công an tỉnh" in seal.text_vi
    # Điều 3: "Khi Trưởng Tiểu ban vắng mặt, Phó Trưởng Tiểu ban điều hành hoạt động".
    assert child.authority().acting_for("head").answer == ("deputy",)


def test_the_childs_number_is_unknown_and_its_date_bounded(reg: steering.Regulation) -> None:
    # Its copy reads "Số: ...../QĐ-TBDL" and "ngày ... tháng ... năm 2025"; the preamble
    # cites "Quyết định số 21/QĐ-BCĐ ngày 03/11/2025", so it was signed no earlier.
    idn = reg.body_regulation("tieu_ban_du_lieu").identity
    assert idn.number_text("vi") == "(số chưa rõ)"
    assert str(idn.signed) == "2025"
    assert idn.signing_window() == (dt.date(2025, 11, 3), dt.date(2025, 12, 31))


def test_an_inline_sub_committee_and_an_optional_advisory_group(
    reg: steering.Regulation,
) -> None:
    # Điều 4 khoản 2: "Trưởng Tiểu ban Hạ tầng số chịu trách nhiệm trước Trưởng Ban."
    graph = reg.authority()
    assert graph.accountable_to("tb_ht_lead").answer == ("head",)
    with pytest.raises(QueryError, match="no regulation file of its own"):
        reg.body_regulation("tieu_ban_ha_tang")
    with pytest.raises(UnknownIdError):
        reg.body_regulation("nowhere")
    # Điều 4 khoản 3: the advisory group is set up "khi cần thiết": answers say so.
    ruling = graph.accountable_to("tu_van_member")
    assert "khi cần thiết" in ruling.text_vi


def test_loaded_from_a_string_the_child_is_not_invented() -> None:
    text = PARENT.read_text(encoding="utf-8")
    bare = steering.loads(text, source_text=(EXAMPLES / "vinh-mau-2025.txt").read_text(
        encoding="utf-8"))
    with pytest.raises(UnknownFactError, match="was not read"):
        bare.body_regulation("tieu_ban_du_lieu")
    assert steering.loads(text, base=EXAMPLES).body_regulation("tieu_ban_du_lieu").id \
        == "vinh-mau-2025-tieu-ban-du-lieu"


# -- nested files are files from strangers ------------------------------------------


def _folder(tmp_path: Path) -> Path:
    for name in ("vinh-mau-2025.toml", "vinh-mau-2025.txt",
                 "vinh-mau-2025-tieu-ban-du-lieu.toml", "vinh-mau-2025-tieu-ban-du-lieu.txt"):
        shutil.copy(EXAMPLES / name, tmp_path / name)
    return tmp_path


def _with_reference(folder: Path, file: str, ref: str) -> Path:
    path = folder / file
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('regulation = "vinh-mau-2025-tieu-ban-du-lieu.toml"',
                                 f'regulation = "{ref}"'), encoding="utf-8")
    return path


@pytest.mark.parametrize(("ref", "says"), [
    ("../outside.toml", "leads outside the regulation's folder"),
    ("/etc/passwd", "absolute path"),
    ("missing.toml", "cannot read"),
])
def test_a_reference_outside_the_folder_is_refused_before_reading(
    tmp_path: Path, ref: str, says: str
) -> None:
    folder = tmp_path / "f"
    folder.mkdir()
    _folder(folder)
    (tmp_path / "outside.toml").write_text("not read", encoding="utf-8")
    path = _with_reference(folder, "vinh-mau-2025.toml", ref)
    with pytest.raises(RegulationFileError) as e:
        steering.load(path)
    problems = [p for p in e.value.problems if p.path == "working_groups[0].regulation"]
    assert problems
    assert says in problems[0].message


def test_a_link_out_of_the_folder_and_a_fifo_are_refused(tmp_path: Path) -> None:
    import os

    folder = tmp_path / "f"
    folder.mkdir()
    _folder(folder)
    (tmp_path / "secret.toml").write_text("format = 1\n", encoding="utf-8")
    (folder / "link.toml").symlink_to(tmp_path / "secret.toml")
    path = _with_reference(folder, "vinh-mau-2025.toml", "link.toml")
    with pytest.raises(RegulationFileError) as e:
        steering.load(path)
    messages = [p.message for p in e.value.problems if p.path == "working_groups[0].regulation"]
    assert messages
    assert "leads outside the regulation's folder" in messages[0]
    os.mkfifo(folder / "pipe.toml")  # reading it would block forever
    path = _with_reference(folder, "vinh-mau-2025.toml", "pipe.toml")
    path.write_text(path.read_text(encoding="utf-8").replace('"link.toml"', '"pipe.toml"'),
                    encoding="utf-8")
    with pytest.raises(RegulationFileError) as e:
        steering.load(path)
    assert any(p.path == "working_groups[0].regulation" and "regular file" in p.message
               for p in e.value.problems), e.value


def test_a_cycle_of_files_is_refused(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    # The child names the parent back as the own regulation of one of its groups.
    child = folder / "vinh-mau-2025-tieu-ban-du-lieu.toml"
    child.write_text(child.read_text(encoding="utf-8") + (
        '\n[[working_groups]]\nid = "loop"\nname = "Vòng"\nregulation = "vinh-mau-2025.toml"\n'
        'citation = { document = "regulation", article = 2, quote = "Công an tỉnh" }\n'),
        encoding="utf-8")
    with pytest.raises(RegulationFileError) as e:
        steering.load(folder / "vinh-mau-2025.toml")
    messages = [p.message for p in e.value.problems]
    assert any("found a cycle of regulation files" in m for m in messages), messages


def test_a_chain_deeper_than_the_limit_is_refused(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    child_text = (folder / "vinh-mau-2025-tieu-ban-du-lieu.toml").read_text(encoding="utf-8")
    # child -> c1 -> c2 -> ... each naming the next.
    names = [f"c{i}.toml" for i in range(MAX_NESTING + 1)]
    for i, name in enumerate(names):
        nxt = names[i + 1] if i + 1 < len(names) else None
        extra = (f'\n[[working_groups]]\nid = "g"\nname = "G"\nregulation = "{nxt}"\n'
                 'citation = { document = "regulation", article = 2, quote = "Công an tỉnh" }\n'
                 ) if nxt else ""
        (folder / name).write_text(child_text.replace(
            'id = "vinh-mau-2025-tieu-ban-du-lieu"', f'id = "c{i}"') + extra, encoding="utf-8")
    with pytest.raises(RegulationFileError) as e:
        steering.load(folder / names[0])
    assert any(f"allowed: at most {MAX_NESTING}" in p.message for p in e.value.problems)
    # One level less loads.
    assert steering.load(folder / names[1]).body_regulation("g").id == "c2"


def test_a_file_named_many_times_is_read_once(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    parent = folder / "vinh-mau-2025.toml"
    more = "".join(
        f'\n[[working_groups]]\nid = "again{i}"\nname = "Lại {i}"\n'
        'regulation = "vinh-mau-2025-tieu-ban-du-lieu.toml"\n'
        'citation = { document = "regulation", article = 6, quote = "Sở Khoa học" }\n'
        for i in range(40))
    parent.write_text(parent.read_text(encoding="utf-8") + more, encoding="utf-8")
    reg = steering.load(parent)
    children = {id(child) for _, child in reg.nested}
    assert len(reg.nested) == 41
    assert len(children) == 1


def test_an_invalid_child_fails_the_parent_naming_both(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    child = folder / "vinh-mau-2025-tieu-ban-du-lieu.toml"
    child.write_text(child.read_text(encoding="utf-8").replace('principal = "head"',
                                                               'principal = "nobody"'),
                     encoding="utf-8")
    with pytest.raises(RegulationFileError) as e:
        steering.load(folder / "vinh-mau-2025.toml")
    files = {Path(p.file).name for p in e.value.problems}
    assert files == {"vinh-mau-2025.toml", "vinh-mau-2025-tieu-ban-du-lieu.toml"}


# -- a leadership collective ---------------------------------------------------------


def test_the_collective_is_its_posts(reg: steering.Regulation) -> None:
    # Điều 2: "Thường trực Ban Chỉ đạo gồm Trưởng Ban và Phó Trưởng Ban thường trực."
    ruling = reg.authority().collective("thuong_truc")
    assert ruling.answer == ("head", "standing_deputy")
    assert ruling.citations[0].quote.startswith("Thường trực Ban Chỉ đạo gồm")
    away = reg.authority().collective("thuong_truc", absent={"head"})
    assert away.answer == ("standing_deputy",)
    assert "Vắng: Trưởng Ban" in away.text_vi
    gone = reg.authority().collective("thuong_truc", absent={"head", "standing_deputy"})
    assert gone.status is Status.NOBODY_AVAILABLE
    assert reg.name_of("thuong_truc") == "Thường trực Ban Chỉ đạo"
    with pytest.raises(UnknownIdError):
        reg.authority().collective("lanh_dao")


@pytest.mark.parametrize(("posts", "path"), [
    ("[]", "collectives[0].posts"),
    ('["head", "nobody"]', "collectives[0].posts[1]"),
    ('["head", "head"]', "collectives[0].posts[1]"),
])
def test_a_collective_of_unknown_or_no_posts_is_refused(posts: str, path: str) -> None:
    text = PARENT.read_text(encoding="utf-8").replace(
        'posts = ["head", "standing_deputy"]', f"posts = {posts}")
    with pytest.raises(RegulationFileError) as e:
        steering.loads(text, base=EXAMPLES)
    assert path in {p.path for p in e.value.problems}


# -- meeting purposes and joint participants ----------------------------------------


def test_the_second_and_fourth_sittings_are_the_reviews(reg: steering.Regulation) -> None:
    # Điều 5 khoản 1: "Phiên họp quý II là phiên sơ kết 6 tháng; phiên họp quý IV là phiên
    # tổng kết năm, có sự tham dự của Chủ tịch UBND các xã, phường."
    sittings = [o for o in reg.calendar(dt.date(2026, 1, 1), dt.date(2026, 12, 31))
                if o.kind == "regular_meeting"]
    assert [o.period for o in sittings] == ["2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4"]
    q1, q2, q3, q4 = sittings
    assert q2.title.endswith("kiêm sơ kết 6 tháng")
    assert q4.title.endswith("kiêm tổng kết năm")
    assert "kiêm" not in q1.title
    assert "kiêm" not in q3.title
    assert q4.participants == "Chủ tịch UBND các xã, phường"
    assert q2.participants == ""
    assert [c.quote for c in q2.citations][1] == "Phiên họp quý II là phiên sơ kết 6 tháng"
    # iCalendar carries the purpose and the participants, and reads back the same.
    back = from_ics(to_ics(tuple(sittings), regulation=reg))
    assert [o.title for o in back] == [o.title for o in sittings]
    assert back[3].participants == q4.participants
    # compare and show state them.
    _, _, _, side = facts(reg)["meetings:committee:regular"]
    assert "kiêm tổng kết năm cùng với Chủ tịch UBND các xã, phường" in side.text_vi


@given(st.integers(2000, 2100))
def test_each_year_has_one_six_month_and_one_year_review(year: int) -> None:
    occs = REG.calendar(dt.date(year, 1, 1), dt.date(year, 12, 31), in_force_only=False)
    titles = [o.title for o in occs if o.kind == "regular_meeting"]
    assert sum(t.endswith("sơ kết 6 tháng") for t in titles) == 1
    assert sum(t.endswith("tổng kết năm") for t in titles) == 1


REG = steering.load(PARENT)


@pytest.mark.parametrize(("old", "new", "path"), [
    ('period = "quarter"\nwhich = [2]', 'period = "month"\nwhich = [2]',
     "meetings[0].purposes[0].period"),
    ('period = "quarter"\nwhich = [2]', 'period = "quarter"\nwhich = [5]',
     "meetings[0].purposes[0].which[0]"),
    ('cadences = ["quarterly"]\n', "", "meetings[0].purposes"),
])
def test_a_purpose_that_fits_no_sitting_is_refused(old: str, new: str, path: str) -> None:
    text = PARENT.read_text(encoding="utf-8")
    assert old in text
    with pytest.raises(RegulationFileError) as e:
        steering.loads(text.replace(old, new, 1), base=EXAMPLES)
    assert path in {p.path for p in e.value.problems}


# -- a report due before every meeting ------------------------------------------------


def test_each_sub_committee_reports_before_each_sitting(reg: steering.Regulation) -> None:
    # Điều 5 khoản 3: "Các Tiểu ban báo cáo kết quả hoạt động với Ban Chỉ đạo trước mỗi
    # phiên họp định kỳ."
    occs = reg.calendar(dt.date(2026, 1, 1), dt.date(2026, 12, 31))
    before = [o for o in occs if o.rule == "procedures[1]"]
    assert len(before) == 8  # two sub-committees x four sittings
    assert {o.body for o in before} == {"working_group:tieu_ban_du_lieu",
                                        "working_group:tieu_ban_ha_tang"}
    for o in before:
        assert o.kind == "report"
        assert o.due is None  # the sitting's day is not fixed: neither is the report's
        assert o.status == "not_specified"
        assert o.citations[0].quote.startswith("Các Tiểu ban báo cáo kết quả")


def test_the_written_opinion_procedure(reg: steering.Regulation) -> None:
    # Điều 5 khoản 2: "Trường hợp không tổ chức họp được, Trưởng Ban quyết định lấy ý kiến
    # các thành viên bằng văn bản; Sở Khoa học và Công nghệ tổng hợp ý kiến".
    ruling = reg.authority().procedure("written_opinion")
    assert ruling.status is Status.DECIDED
    assert "Trưởng Ban quyết định" in ruling.text_vi


def test_cli_show_lists_the_nested_shapes(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["show", str(PARENT)]) == 0
    out = capsys.readouterr().out
    assert "tiểu ban" in out
    assert "tập thể lãnh đạo" in out
    assert "quy chế riêng" in out
    assert main(["validate", str(PARENT)]) == 0


def test_cli_and_web_answer_the_collective_as_python(
    reg: steering.Regulation, capsys: pytest.CaptureFixture[str]
) -> None:
    pytest.importorskip("litestar")
    from litestar.testing import TestClient

    from steering.web import create_app

    ruling = reg.authority().collective("thuong_truc", absent={"head"})
    assert main(["--json", "collective", str(PARENT), "thuong_truc", "--absent", "head"]) == 0
    cli = json.loads(capsys.readouterr().out)
    assert cli["answer"] == ["standing_deputy"]
    assert cli["explanation"] == ruling.explain("vi")
    with TestClient(create_app(EXAMPLES)) as client:
        r = client.get("/regulations/vinh-mau-2025/collective",
                       params={"collective": "thuong_truc", "absent": "head"})
        assert r.status_code == 200, r.text
        assert r.json() == cli
        missing = client.get("/regulations/vinh-mau-2025/collective",
                             params={"collective": "lanh_dao"})
        assert missing.status_code == 404


def test_compare_states_procedures_notices_and_collectives(reg: steering.Regulation) -> None:
    hoa_lam = steering.load(EXAMPLES / "hoa-lam-2025.toml")
    found = facts(reg)
    # Điều 2 of Vĩnh Mẫu: the collective and its posts.
    _, _, _, side = found["posts:collective[thuong truc ban chi dao]"]
    assert side.text_vi == "Thường trực Ban Chỉ đạo gồm: Trưởng Ban, Phó Trưởng Ban thường trực"
    # Điều 5 khoản 2: written opinions decided by the head, gathered by the standing agency.
    _, _, _, side = found["procedures:committee:written_opinion"]
    assert "Trưởng Ban quyết định" in side.text_vi
    # Hòa Lâm Điều 5 khoản 2 has a notice period; Vĩnh Mẫu says none.
    diff = steering.compare(hoa_lam, reg)
    notice = [d for d in diff if d.key == "meetings:committee:notice:all"]
    assert len(notice) == 1
    assert "ít nhất 2 ngày làm việc" in notice[0].a.text_vi
    assert not notice[0].b.specified
    kinds = {d.key for d in diff if d.aspect.value == "procedures"}
    assert "procedures:committee:report_before_meeting" in kinds
    assert "procedures:committee:conclusion_notice:head" in kinds
