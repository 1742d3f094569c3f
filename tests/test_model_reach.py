"""What a committee calls itself, how many seats a plural post has, and notes on posts
(issue #13 item 7)."""

from __future__ import annotations

from pathlib import Path

import attrs
import pytest

import steering
from steering.cli import main
from steering.errors import RegulationFileError
from steering.regulation import CommitteeKind

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
