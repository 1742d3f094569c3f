"""What a committee calls itself, how many seats a plural post has, and notes on posts
(issue #13 item 7)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import steering
from steering.cli import main
from steering.errors import RegulationFileError
from steering.regulation import CommitteeKind
from steering.schedule import with_local_days

EXAMPLE = Path(__file__).parent.parent / "docs" / "examples" / "minh-son-2025.toml"
TEXT = EXAMPLE.read_text(encoding="utf-8")


def variant(old: str, new: str) -> steering.Regulation:
    assert old in TEXT
    return steering.loads(TEXT.replace(old, new, 1), base=EXAMPLE.parent)


def test_every_preset_is_a_ban_chi_dao_by_default() -> None:
    for pid in steering.presets.names():
        assert steering.presets.load(pid).committee.kind is CommitteeKind.BAN_CHI_DAO


def test_a_council_is_called_a_council_where_it_has_no_name() -> None:
    reg = variant('[committee]\n', '[committee]\nkind = "hoi_dong"\n')
    assert reg.committee.kind is CommitteeKind.HOI_DONG
    # With its name the committee is called by its name; without one, by its kind.
    assert reg.name_of("committee") == reg.committee.name
    unnamed = attrs.evolve(reg, committee=attrs.evolve(reg.committee, name=""))
    assert unnamed.name_of("committee") == "Hội đồng"
    uy_ban = attrs.evolve(unnamed, committee=attrs.evolve(reg.committee, name="",
                                                          kind=CommitteeKind.UY_BAN))
    assert uy_ban.name_of("committee") == "Ủy ban"
    assert CommitteeKind.HOI_DONG.word("en") == "council"
    # A sentence about the committee's documents says what the body is.
    text = unnamed.authority().signature_block("member").explain("vi")
    assert text.endswith("ký văn bản của Hội đồng.")
    assert unnamed.authority().signature_block("member").explain("en").endswith(
        "signs the council's documents.")


def test_an_unknown_kind_is_refused_with_what_is_allowed() -> None:
    with pytest.raises(RegulationFileError, match=r"committee\.kind"):
        variant('[committee]\n', '[committee]\nkind = "politburo"\n')


def test_a_plural_post_with_its_count_and_a_note(capsys: pytest.CaptureFixture[str],
                                                 tmp_path: Path) -> None:
    old = 'title = "Ủy viên Ban Chỉ đạo"\nplural = true\n'
    new = old + 'count = 12\nnote = "Số lượng theo Quyết định thành lập"\n'
    reg = variant(old, new)
    member = reg.post("member")
    assert (member.count, member.note) == (12, "Số lượng theo Quyết định thành lập")
    path = tmp_path / "minh-son-2025.toml"
    path.write_text(TEXT.replace(old, new, 1), encoding="utf-8")
    (tmp_path / "minh-son-2025.txt").write_text(
        (EXAMPLE.parent / "minh-son-2025.txt").read_text(encoding="utf-8"), encoding="utf-8")
    assert main(["show", str(path), "--lang", "en", "--wide"]) == 0
    out = capsys.readouterr().out
    assert "Ủy viên Ban Chỉ đạo (12 seats) [note: Số lượng theo Quyết định thành lập]" in out
    c = steering.compare(steering.load(EXAMPLE), reg)
    assert any("[12 người]" in d.b.text("vi") for d in c.aspect("posts"))


@pytest.mark.parametrize("count", ["1", "0", "-3"])
def test_a_count_needs_a_plural_post_of_two_or_more(count: str) -> None:
    old = 'title = "Ủy viên Ban Chỉ đạo"\nplural = true\n'
    with pytest.raises(RegulationFileError, match="count"):
        variant(old, old + f"count = {count}\n")
    with pytest.raises(RegulationFileError, match="on a plural post"):
        variant(old, 'title = "Ủy viên Ban Chỉ đạo"\nplural = false\ncount = 3\n')


# -- provenance: the form of a citation's words, and instruments the file replaces --------


OLD_QUOTE = ('quote = "Phó Trưởng Ban là Giám đốc Sở Khoa học và Công nghệ, đồng thời là Tổ '
             'trưởng Tổ giúp việc." }')


def test_a_paraphrase_is_said_to_be_one_and_never_printed_in_the_texts_marks(
    capsys: pytest.CaptureFixture[str], tmp_path: Path,
) -> None:
    old = OLD_QUOTE
    assert old in TEXT
    new = old.replace(" }", ', words = "paraphrase" }')
    reg = variant(old, new)  # not checked against the source text: it is not the text's words
    c = reg.post("deputy_skhcn").citation
    assert c.words == "paraphrase"
    assert c.shown("en").startswith("(paraphrase, not the text's words) Phó Trưởng Ban")
    assert "«" not in c.shown("vi")
    # A paraphrase that is not in the source text still loads; the same as text does not.
    reworded = new.replace("đồng thời là", "kiêm")
    assert variant(old, reworded).post("deputy_skhcn").citation.words == "paraphrase"
    with pytest.raises(RegulationFileError, match="not found"):
        variant(old, old.replace("đồng thời là", "kiêm"))
    # Answers mark the label wherever the paraphrase is cited.
    ruling = reg.authority().acting_for("head", absent={"head", "standing_deputy", "deputy_pct",
                                                        "wg_lead"})
    assert "(diễn giải, không phải nguyên văn)" in ruling.explain("vi")
    path = tmp_path / "minh-son-2025.toml"
    path.write_text(TEXT.replace(old, new, 1), encoding="utf-8")
    (tmp_path / "minh-son-2025.txt").write_text(
        (EXAMPLE.parent / "minh-son-2025.txt").read_text(encoding="utf-8"), encoding="utf-8")
    assert main(["acting", str(path), "head", "--absent",
                 "head,standing_deputy,deputy_pct,wg_lead", "--lang", "en", "--wide"]) == 1
    out = capsys.readouterr().out
    assert "(paraphrase, not the text's words) Phó Trưởng Ban là" in out
    assert "«Phó Trưởng Ban là Giám đốc" not in out


def test_an_unknown_form_of_words_is_refused() -> None:
    old = OLD_QUOTE
    with pytest.raises(RegulationFileError, match="found 'rumour'; allowed: one of 'text'"):
        variant(old, old.replace(" }", ', words = "rumour" }'))


def test_a_rule_resting_on_a_replaced_decision_says_so() -> None:
    # thanh-hoa-2024 replaces Quyết định 1943/QĐ-BCĐ and 1969/QĐ-BCĐ (its Điều 3); a rule
    # cited to one of them is still answered, with a note that the decision was replaced.
    reg = steering.presets.load("thanh-hoa-2024")
    replaced = reg.identity.replaces[0]
    rule = reg.accountability[0]
    cite = attrs.evolve(rule.citation, document=f"Quyết định {replaced.number}")
    changed = attrs.evolve(reg, accountability=(attrs.evolve(rule, citation=cite),
                                                *reg.accountability[1:]))
    text = changed.authority().accountable_to(rule.subject).explain("vi")
    assert f"thuộc Quyết định {replaced.number}, văn bản mà quy chế này thay thế" in text
    assert replaced.citation.label("vi") in text
    assert "văn bản mà quy chế này thay thế" not in reg.authority().accountable_to(
        rule.subject).explain("vi")


# -- several standing agencies (issue #13 item 3) ---------------------------------------

HOA_LAM = EXAMPLE.parent / "hoa-lam-2025.toml"


def test_two_standing_agencies_each_for_its_domain() -> None:
    reg = steering.load(HOA_LAM)
    assert steering.validate(reg) == ()
    g = reg.authority()
    # Điều 2 khoản 1: "Sở Khoa học và Công nghệ là cơ quan thường trực của Ban Chỉ đạo về khoa
    # học, công nghệ, đổi mới sáng tạo và chuyển đổi số."
    r = g.standing_agency("chuyển đổi số")
    assert (r.status, r.answer) == (steering.Status.DECIDED, ("sa_skhcn",))
    assert r.citations[0].label("vi") == "Điều 2 khoản 1"
    assert "được hiểu là lĩnh vực" in r.explain("vi")  # a reading, said as one
    # Điều 2 khoản 2: "Công an tỉnh là cơ quan thường trực của Ban Chỉ đạo về Đề án 06 và cải
    # cách thủ tục hành chính."
    assert g.standing_agency("Đề án 06").answer == ("sa_cat",)
    # Asked with no domain: two answers, none decided.
    both = g.standing_agency()
    assert both.status is steering.Status.AMBIGUOUS
    assert both.candidates == ("sa_skhcn", "sa_cat")
    # A domain the text gives to nobody: not specified.
    assert g.standing_agency("y tế").status is steering.Status.NOT_SPECIFIED
    # Điều 1 khoản 3: "03 Ủy viên ...".
    assert reg.post("member").count == 3


def test_one_standing_agency_answers_as_before() -> None:
    reg = steering.presets.load("dak-nong-2021")
    r = reg.authority().standing_agency()
    assert r.status is steering.Status.DECIDED
    assert r.answer == (reg.committee.standing_agency,)
    assert steering.presets.load("thanh-hoa-2024").authority().standing_agency().status in (
        steering.Status.DECIDED, steering.Status.NOT_SPECIFIED)


def test_several_standing_agencies_need_a_domain_each() -> None:
    text = HOA_LAM.read_text(encoding="utf-8")
    bad = text.replace('domain = "Đề án 06 và cải cách thủ tục hành chính"\n', "", 1)
    with pytest.raises(RegulationFileError, match="a domain for each"):
        steering.loads(bad, base=HOA_LAM.parent)
    wrong = text.replace('post = "sa_cat"', 'post = "member"', 1)
    with pytest.raises(RegulationFileError, match="allowed: a post with role standing_agency"):
        steering.loads(wrong, base=HOA_LAM.parent)


def test_compare_lists_each_standing_agency_with_its_domain() -> None:
    c = steering.compare(steering.presets.load("dak-nong-2021"), steering.load(HOA_LAM))
    rows = c.aspect("standing_agency")
    assert rows
    assert "Công an tỉnh (về Đề án 06 và cải cách thủ tục hành chính)" in rows[0].b.text("vi")


def test_a_group_set_up_only_when_needed_is_said_to_be_so() -> None:
    # Điều 4: "Trưởng Ban quyết định thành lập Tổ giúp việc khi cần thiết."
    reg = steering.load(HOA_LAM)
    group = reg.working_groups[0]
    assert group.optional is not None
    r = reg.authority().accountable_to("wg_lead")
    assert r.status is steering.Status.DECIDED  # the text says to whom its lead answers ...
    assert "chỉ được thành lập khi cần thiết" in r.explain("vi")  # ... once it exists
    assert "is set up only when needed" in r.explain("en")
    assert group.optional in r.citations
    # Answers that do not concern the group carry no such note.
    assert "khi cần thiết" not in reg.authority().acting_for("head").explain("vi")


# -- procedure: notice before a meeting (issue #13 item 4, in part) --------------------


def test_how_much_notice_the_november_2026_meeting_must_get() -> None:
    # Điều 5 khoản 2: "Giấy mời và tài liệu họp được gửi đến các thành viên ít nhất 02 ngày
    # làm việc trước ngày họp." A meeting on Wednesday 18/11/2026: by Monday 16/11/2026.
    g = steering.load(HOA_LAM).authority()
    r = g.notice_for("2026-11-18")
    assert (r.status, r.answer) == (steering.Status.DECIDED, ("2026-11-16",))
    assert r.citations[0].label("vi") == "Điều 5 khoản 2"
    assert "không tính ngày họp" in r.explain("vi")  # the counting read, said as such
    # Across the days off: 01/01 and the swapped 02/01/2026, so by 30/12/2025.
    assert g.notice_for("2026-01-05").answer == ("2025-12-30",)
    # A regulation that sets no notice period: not specified.
    none = steering.presets.load("vung-tau-2024").authority().notice_for("2024-11-18")
    assert none.status is steering.Status.NOT_SPECIFIED
    with pytest.raises(steering.QueryError):
        g.notice_for("2026-11-18", kind="party")


@settings(max_examples=30, deadline=None)
@given(st.dates(dt.date(2026, 1, 10), dt.date(2026, 12, 20)), st.integers(1, 5))
def test_the_notice_deadline_is_a_working_day_n_working_days_before(day: dt.date,
                                                                    n: int) -> None:
    text = HOA_LAM.read_text(encoding="utf-8").replace("working_days = 2",
                                                        f"working_days = {n}", 1)
    reg = steering.loads(text, base=HOA_LAM.parent)
    last = dt.date.fromisoformat(reg.authority().notice_for(day).answer[0])
    days = with_local_days(reg)
    assert last < day
    assert days.is_working_day(last)
    between = [last + dt.timedelta(k) for k in range(1, (day - last).days)]
    assert sum(days.is_working_day(d) for d in between) == n - 1


def test_joint_participants_reach_the_calendar_ics_and_compare() -> None:
    # Điều 5 khoản 1: "Phiên họp định kỳ có sự tham dự của Thủ trưởng các sở, ngành và Chủ
    # tịch UBND các xã, phường."
    from steering.ics import from_ics, to_ics

    reg = steering.load(HOA_LAM)
    joint = "Thủ trưởng các sở, ngành và Chủ tịch UBND các xã, phường"
    meetings = [o for o in reg.calendar(dt.date(2026, 1, 1), dt.date(2026, 12, 31))
                if o.kind == "regular_meeting"]
    assert len(meetings) == 4
    assert all(o.participants == joint for o in meetings)
    ics = to_ics(meetings, regulation=reg)
    text = ics.decode("utf-8").replace("\r\n ", "").replace("\\,", ",")  # unfold, unescape
    assert f"Thành phần: {joint}" in text
    assert [o.participants for o in from_ics(ics)] == [joint] * 4
    c = steering.compare(steering.presets.load("dak-nong-2021"), reg)
    assert any(f"thành phần: {joint}" in d.b.text("vi") for d in c.aspect("meetings"))


def test_procedures_written_opinions_conclusion_notices_and_referral() -> None:
    g = steering.load(HOA_LAM).authority()
    # Điều 5 khoản 3: "Trường hợp không tổ chức họp được, Trưởng Ban quyết định lấy ý kiến các
    # thành viên bằng văn bản; Sở Khoa học và Công nghệ tổng hợp ý kiến."
    w = g.procedure("written_opinion")
    assert (w.status, w.answer, w.chain) == (steering.Status.DECIDED, ("sa_skhcn",), ("head",))
    assert "khi không tổ chức họp được" in w.explain("vi")
    # Điều 5 khoản 4: the office that issues the conclusion notice depends on who chaired.
    c = g.procedure("conclusion_notice")
    assert c.status is steering.Status.AMBIGUOUS
    assert set(c.candidates) == {"vp_ubnd", "vp_tinh_uy"}
    assert g.procedure("conclusion_notice", chaired_by="head").answer == ("vp_tinh_uy",)
    assert g.procedure("conclusion_notice", chaired_by="standing_deputy").answer == ("vp_ubnd",)
    # Điều 5 khoản 5: differing opinions go to the head for decision.
    r = g.procedure("referral")
    assert (r.answer, r.chain) == (("sa_skhcn",), ("head",))
    # The text sets no report before each meeting: not specified.
    assert g.procedure("report_before_meeting").status is steering.Status.NOT_SPECIFIED
    with pytest.raises(steering.QueryError):
        g.procedure("coffee")


def test_a_procedure_naming_an_unknown_actor_is_refused() -> None:
    text = HOA_LAM.read_text(encoding="utf-8").replace('actors = ["vp_ubnd"]',
                                                        'actors = ["vp_chinh_phu"]', 1)
    with pytest.raises(RegulationFileError, match=r"procedures\[1\]\.actors\[0\]"):
        steering.loads(text, base=HOA_LAM.parent)


def test_the_command_line_asks_the_same_procedure_questions(
    capsys: pytest.CaptureFixture[str],
) -> None:
    g = steering.load(HOA_LAM).authority()
    cases = [
        (["notice", str(HOA_LAM), "2026-11-18"], g.notice_for("2026-11-18")),
        (["agency", str(HOA_LAM), "--domain", "Đề án 06"], g.standing_agency("Đề án 06")),
        (["procedure", str(HOA_LAM), "conclusion_notice", "--chaired-by", "standing_deputy"],
         g.procedure("conclusion_notice", chaired_by="standing_deputy")),
    ]
    for argv, ruling in cases:
        assert main([*argv, "--json"]) == 0
        out = json.loads(capsys.readouterr().out)
        assert out["answer"] == list(ruling.answer)
        assert out["status"] == "decided"
        assert out["explanation"] == ruling.explain("vi")
    assert main(["agency", str(HOA_LAM)]) == 1  # two agencies, no domain: ambiguous
    capsys.readouterr()


# -- a national-level committee (issue #13 item 9, example 1) --------------------------

NATIONAL = EXAMPLE.parent / "uy-ban-vi-du-2025.toml"


def test_a_national_committee_with_the_prime_ministers_seal_and_a_shared_holder() -> None:
    reg = steering.load(NATIONAL)
    assert steering.validate(reg) == ()
    assert reg.committee.kind is CommitteeKind.UY_BAN
    g = reg.authority()
    # Điều 2 khoản 1: "Chủ tịch Ủy ban sử dụng con dấu của Thủ tướng Chính phủ."
    seal = g.seal_for("chair")
    assert seal.status is steering.Status.DECIDED
    assert seal.seal is not None
    assert seal.seal.agency == "Thủ tướng Chính phủ"
    # Điều 1 khoản 4: the Minister of Science and Technology is also the working group's
    # lead; away as lead, away as vice-chair: Điều 2 khoản 4 leaves the other vice-chair.
    r = g.acting_for("chair", absent={"chair", "standing_vice_chair", "wg_lead"})
    assert r.answer == ("vice_chair_ca",)
    assert "đồng thời là Tổ trưởng Tổ công tác giúp việc Ủy ban" in r.explain("vi")
    # The text gives the vice-chairs no seal of their own: not specified.
    assert g.seal_for("vice_chair_ca").status is steering.Status.NOT_SPECIFIED
    # Nothing names who acts for the standing vice-chair.
    assert g.acting_for("standing_vice_chair").status is steering.Status.NOT_SPECIFIED
