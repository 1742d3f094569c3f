"""The ``steering`` command, run as a subprocess: every subcommand, human and JSON output,
presets and a user's file, bad usage and bad files.

Each answer is checked against what the regulation says and the clause it says it in.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from icalendar import Calendar

import steering
from steering import presets
from steering.cli import main

ROOT = Path(__file__).resolve().parents[1]
USER_FILE = ROOT / "docs" / "examples" / "minh-son-2025.toml"
README_ARGS = ("acting", "dak-nong-2021", "head", "--absent", "head,standing_deputy")


def run(*args: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """``python -m steering ARGS``, capturing UTF-8 output."""
    return subprocess.run(
        [sys.executable, "-m", "steering", *map(str, args)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
        cwd=cwd,
    )


def run_json(*args: str | Path) -> tuple[int, Any]:
    """``python -m steering ARGS --json``: the exit code and the parsed JSON."""
    proc = run(*args, "--json")
    assert proc.stderr == "", proc.stderr
    return proc.returncode, json.loads(proc.stdout)


def call(capsys: pytest.CaptureFixture[str], *args: str | Path) -> tuple[int, str, str]:
    """The same command in this process (fast): exit code, stdout, stderr."""
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def call_json(capsys: pytest.CaptureFixture[str], *args: str | Path) -> tuple[int, Any]:
    code, out, err = call(capsys, *args, "--json")
    assert err == "", err
    return code, json.loads(out)


class _Proc:
    """An in-process result shaped like ``CompletedProcess`` for :func:`assert_usage_error`."""

    def __init__(self, code: int, out: str, err: str) -> None:
        self.returncode, self.stdout, self.stderr = code, out, err


def assert_usage_error(proc: subprocess.CompletedProcess[str] | _Proc, *words: str) -> None:
    """Exit 2, exactly one line on stderr, no traceback, nothing on stdout."""
    assert proc.returncode == 2, (proc.returncode, proc.stdout, proc.stderr)
    assert "Traceback" not in proc.stderr
    lines = proc.stderr.splitlines()
    assert len(lines) == 1, proc.stderr
    assert lines[0].startswith("steering: error: ")
    assert proc.stdout == ""
    for w in words:
        assert w in lines[0], (w, lines[0])


def cite_of(data: dict[str, Any], article: int, clause: int | None) -> dict[str, Any]:
    """The JSON citation of the regulation's Điều ``article`` khoản ``clause``."""
    for c in data["citations"]:
        if c["document"] == "regulation" and c["article"] == article and c["clause"] == clause:
            return c  # type: ignore[no-any-return]
    raise AssertionError(f"no citation of Điều {article} khoản {clause}: {data['citations']}")


@pytest.fixture(scope="module")
def bad_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The Đắk Nông preset with two independent mistakes: an unknown role and a dangling id."""
    d = tmp_path_factory.mktemp("bad")
    (d / "sources").mkdir()
    shutil.copy(presets.source_path("dak-nong-2021"), d / "sources" / "dak-nong-2021.txt")
    text = presets.path("dak-nong-2021").read_text(encoding="utf-8")
    text = text.replace('role = "standing_member"', 'role = "vice"', 1)
    text = text.replace("rank = 2", 'rank = "two"', 1)
    path = d / "bad.toml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def dangling_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Structurally fine, but a substitution names a post that does not exist (validation)."""
    d = tmp_path_factory.mktemp("dangling")
    (d / "sources").mkdir()
    shutil.copy(presets.source_path("dak-nong-2021"), d / "sources" / "dak-nong-2021.txt")
    text = presets.path("dak-nong-2021").read_text(encoding="utf-8")
    text = text.replace('substitutes = ["standing_deputy"]', 'substitutes = ["ghost"]', 1)
    text = text.replace('subject = "wg_lead"', 'subject = "phantom"', 1)
    path = d / "dangling.toml"
    path.write_text(text, encoding="utf-8")
    return path


# ----------------------------------------------------------------- the README's command


def test_readme_command_answers_in_a_sentence() -> None:
    """Đắk Nông Điều 6 khoản 1: head and standing deputy absent -> the (two) deputies act."""
    proc = run(*README_ARGS)
    assert proc.returncode == 0, proc.stderr
    # The first answer is one sentence, wrapped at 100 columns (issue #17 item 2).
    lines = proc.stdout.splitlines()
    assert max(len(line) for line in lines) <= 100
    first = " ".join(line.strip() for line in lines[:lines.index(next(
        line for line in lines if line.startswith("  - ")))])
    assert first.startswith("Khi Trưởng ban")
    assert "Phó Trưởng ban (Giám đốc Sở Thông tin và Truyền thông)" in first
    assert "Phó Trưởng ban (Chánh Văn phòng UBND tỉnh)" in first
    assert "(Điều 6 khoản 1)" in first
    assert proc.stderr == ""


def test_readme_command_through_the_console_script() -> None:
    script = Path(sys.executable).with_name("steering")
    if not script.exists():
        pytest.skip("the console script is not installed next to this interpreter")
    proc = subprocess.run(
        [str(script), *README_ARGS], capture_output=True, text=True, encoding="utf-8",
        timeout=120, check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert "Điều 6 khoản 1" in proc.stdout


def test_acting_english() -> None:
    proc = run(*README_ARGS, "--lang", "en")
    assert proc.returncode == 0
    assert "act for Trưởng ban" in proc.stdout
    assert "(Article 6(1))" in proc.stdout


def test_global_options_before_the_command(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = call(capsys, "--lang", "en", "--json", *README_ARGS)
    assert code == 0
    data = json.loads(out)
    assert "Article 6(1)" in data["explanation"]


def test_acting_json_mirrors_the_ruling() -> None:
    code, data = run_json(*README_ARGS)
    assert code == 0
    assert data["question"] == "acting_for"
    assert data["status"] == "decided"
    assert sorted(data["answer"]) == ["deputy_tttt", "deputy_vpubnd"]
    assert data["absent"] == ["head", "standing_deputy"]
    assert data["unordered"] is True
    c = cite_of(data, 6, 1)
    assert set(c) == {"document", "article", "clause", "point", "quote", "part", "words"}
    assert c["quote"].startswith("Khi Trưởng ban, Phó Trưởng ban Thường trực vắng mặt")
    assert data["names"]["deputy_tttt"] == "Phó Trưởng ban (Giám đốc Sở Thông tin và Truyền thông)"
    assert "Điều 6 khoản 1" in data["explanation"]


def test_acting_nobody_available_exits_1() -> None:
    """Every substitute Đắk Nông names (Điều 5 khoản 1, Điều 6 khoản 1) absent: nobody."""
    absent = "head,standing_deputy,deputy_tttt,deputy_vpubnd"
    proc = run("acting", "dak-nong-2021", "head", "--absent", absent)
    assert proc.returncode == 1
    assert "không còn ai" in proc.stdout or "vắng" in proc.stdout
    code, data = run_json("acting", "dak-nong-2021", "head", "--absent", absent)
    assert code == 1
    assert data["status"] == "nobody_available"
    assert data["answer"] == []


def test_acting_default_absent_is_the_post_and_on_is_recorded(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Đắk Nông Điều 5 khoản 1: head absent -> the standing deputy."""
    code, data = call_json(capsys, "acting", "dak-nong-2021", "head", "--on", "2024-05-02")
    assert code == 0
    assert data["answer"] == ["standing_deputy"]
    assert data["on"] == "2024-05-02"
    assert cite_of(data, 5, 1)


def test_acting_not_specified_exits_1(capsys: pytest.CaptureFixture[str]) -> None:
    """Thanh Hóa 2024 names a substitute only for the head alone (Điều 4 khoản 1)."""
    code, data = call_json(
        capsys, "acting", "thanh-hoa-2024", "head", "--absent", "head,standing_deputy"
    )
    assert code == 1
    assert data["status"] in ("not_specified", "nobody_available")


# ----------------------------------------------------------------- seal, accountable, convene


def test_seal_committee_has_no_seal_of_its_own() -> None:
    """Đắk Nông Điều 13 khoản 1: 'Ban Chỉ đạo không sử dụng con dấu riêng.'"""
    proc = run("seal", "dak-nong-2021", "committee")
    assert proc.returncode == 0
    assert "không sử dụng con dấu riêng" in proc.stdout
    assert "Điều 13 khoản 1" in proc.stdout
    code, data = run_json("seal", "dak-nong-2021", "committee")
    assert code == 0
    assert data["seal"] == {"kind": "none", "agency": ""}
    assert cite_of(data, 13, 1)["quote"] == "Ban Chỉ đạo không sử dụng con dấu riêng."


def test_seal_head_uses_the_peoples_committee_seal(capsys: pytest.CaptureFixture[str]) -> None:
    """Đắk Nông Điều 13 khoản 2: the head uses the seal of UBND tỉnh."""
    code, data = call_json(capsys, "seal", "dak-nong-2021", "head", "--lang", "en")
    assert code == 0
    assert data["seal"] == {"kind": "agency", "agency": "UBND tỉnh"}
    assert "the seal of UBND tỉnh" in data["explanation"]
    assert cite_of(data, 13, 2)


def test_seal_not_specified_in_thanh_hoa_2024_exits_1(capsys: pytest.CaptureFixture[str]) -> None:
    """Thanh Hóa 2024 has no seal clause (unlike 2021 Điều 2 khoản 6)."""
    code, data = call_json(capsys, "seal", "thanh-hoa-2024", "head")
    assert code == 1
    assert data["status"] == "not_specified"
    assert data["seal"] is None


def test_seal_with_document_on_a_user_file() -> None:
    """minh-son-2025 Điều 9 khoản 1: the other deputies use their own agency's seal."""
    proc = run("seal", USER_FILE, "deputy_pct", "--document", "báo cáo")
    assert proc.returncode == 0, proc.stderr
    assert "con dấu của cơ quan mình" in proc.stdout
    assert "Điều 9 khoản 1" in proc.stdout


def test_accountable(capsys: pytest.CaptureFixture[str]) -> None:
    """Đắk Nông Điều 10 khoản 1: the working-group lead answers to the head."""
    proc = run("accountable", "dak-nong-2021", "wg_lead")
    assert proc.returncode == 0
    assert "Điều 10 khoản 1" in proc.stdout
    code, data = call_json(capsys, "accountable", "dak-nong-2021", "wg_lead", "--transitive")
    assert code == 0
    assert data["answer"] == ["head"]
    assert cite_of(data, 10, 1)["quote"].startswith("chịu trách nhiệm trước Trưởng ban")


def test_convene_extraordinary_2024_head_and_deputies() -> None:
    """Thanh Hóa 2024 Điều 7 khoản 1: extraordinary meetings by the head and the deputies."""
    code, data = run_json("convene", "thanh-hoa-2024", "extraordinary")
    assert code == 0
    assert "head" in data["answer"]
    assert "standing_deputy" in data["answer"]
    assert cite_of(data, 7, 1)["quote"].endswith("theo chỉ đạo của Trưởng Ban, Phó Trưởng Ban.")


def test_convene_extraordinary_2021_head_only(capsys: pytest.CaptureFixture[str]) -> None:
    """Thanh Hóa 2021 Điều 7 khoản 1: extraordinary meetings by the head only."""
    code, data = call_json(capsys, "convene", "thanh-hoa-2021", "extraordinary")
    assert code == 0
    assert data["answer"] == ["head"]
    assert cite_of(data, 7, 1)


def test_convene_human_output_on_user_file() -> None:
    """minh-son-2025 Điều 7 khoản 1: on the proposal of the working-group lead."""
    proc = run("convene", USER_FILE, "extraordinary", "--lang", "en")
    assert proc.returncode == 0, proc.stderr
    assert "Article 7(1)" in proc.stdout


def test_convene_bad_kind_is_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert_usage_error(_Proc(*call(capsys, "convene", "dak-nong-2021", "weekly")),
                       "invalid choice", "weekly")


# ----------------------------------------------------------------- monitor


def test_monitor_forgiving_name(capsys: pytest.CaptureFixture[str]) -> None:
    """Thanh Hóa 2024 annex row 24: Ngân hàng Nhà nước (Chi nhánh Thanh Hóa) follows Đông Sơn."""
    proc = run("monitor", "thanh-hoa-2024", "dong son")
    assert proc.returncode == 0
    assert "Ngân hàng Nhà nước, Chi nhánh Thanh Hóa" in proc.stdout
    assert "Phụ lục" in proc.stdout
    code, data = call_json(capsys, "monitor", "thanh-hoa-2024", "Đông Sơn")
    assert code == 0
    assert len(data["answer"]) == 1
    assert any(c["document"] == "annex" for c in data["citations"])


def test_monitor_without_annex_is_not_specified(capsys: pytest.CaptureFixture[str]) -> None:
    """Đắk Nông has no monitoring annex: not specified, exit 1."""
    code, data = call_json(capsys, "monitor", "dak-nong-2021", "Gia Nghĩa")
    assert code == 1
    assert data["status"] == "not_specified"


# ----------------------------------------------------------------- calendar


def test_calendar_human_and_json() -> None:
    """Đắk Nông Điều 11 khoản 1 and 3: committee and working group meet quarterly (8 windows);
    Điều 10 khoản 6: the working group reports quarterly (4 reports)."""
    proc = run("calendar", "dak-nong-2021", "--from", "2024-01-01", "--to", "2024-12-31")
    assert proc.returncode == 0, proc.stderr
    assert "12 mốc" in proc.stdout
    assert "Điều 11 khoản 1" in proc.stdout
    code, data = run_json("calendar", "dak-nong-2021", "--from", "2024-01-01")
    assert code == 0
    assert data["end"] == "2024-12-31"
    occ = data["occurrences"]
    assert len(occ) == 12
    meetings = [o for o in occ if o["kind"] == "regular_meeting"]
    assert len(meetings) == 8
    assert {o["body"] for o in meetings} == {"committee", "working_group"}
    first = next(o for o in meetings if o["body"] == "committee")
    assert (first["opens"], first["closes"]) == ("2024-01-01", "2024-03-31")
    assert first["citations"][0]["article"] == 11
    assert {"body", "kind", "opens", "closes", "citations"} <= set(first)


def test_calendar_user_file_and_ics(tmp_path: Path) -> None:
    """The --ics file holds one event or to-do per occurrence the command lists."""
    ics = tmp_path / "minh-son.ics"
    proc = run("calendar", USER_FILE, "--from", "2026-01-01", "--to", "2026-12-31", "--ics", ics)
    assert proc.returncode == 0, proc.stderr
    assert str(ics) in proc.stdout
    code, data = run_json("calendar", USER_FILE, "--from", "2026-01-01", "--to", "2026-12-31")
    assert code == 0
    cal = Calendar.from_ical(ics.read_bytes())
    components = cal.walk("VEVENT") + cal.walk("VTODO")
    assert len(components) == len(data["occurrences"]) > 0
    assert "Tổ giúp việc" in ics.read_bytes().decode("utf-8")


def test_calendar_without_dates_takes_this_year_and_says_so(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """The library never reads the clock; the command line may, and says so (issue #17)."""
    year = dt.date.today().year
    code, out, err = call(capsys, "calendar", "dak-nong-2021")
    assert code == 0, err
    assert out.splitlines()[0] == (
        f"Không nêu --from/--to: lấy năm hiện tại theo đồng hồ máy, {year}."
    )
    assert f"(01/01/{year} – 31/12/{year})" in out
    code, data = call_json(capsys, "calendar", "dak-nong-2021")
    assert (data["start"], data["end"]) == (f"{year}-01-01", f"{year}-12-31")
    assert data["range_from_clock"] is True
    code, data = call_json(capsys, "calendar", "dak-nong-2021", "--from", "2026-01-01")
    assert data["range_from_clock"] is False


def test_calendar_reversed_range_is_bad_input(capsys: pytest.CaptureFixture[str]) -> None:
    assert_usage_error(
        _Proc(*call(capsys, "calendar", "dak-nong-2021", "--from", "2024-12-31", "--to",
                    "2024-01-01")),
        "after",
    )


# ----------------------------------------------------------------- compare


def test_compare_thanh_hoa_human() -> None:
    """2021 has a seal clause (Điều 2 khoản 6), 2024 has none."""
    proc = run("compare", "thanh-hoa-2021", "thanh-hoa-2024", "--details")
    assert proc.returncode == 0
    assert proc.stdout.startswith("So sánh thanh-hoa-2021")
    assert "Điều 2 khoản 6" in proc.stdout
    assert "không quy định" in proc.stdout
    en = run("compare", "thanh-hoa-2021", "thanh-hoa-2024", "--lang", "en", "--details")
    assert "Article 2(6)" in en.stdout
    assert "not specified" in en.stdout


def test_compare_json_rows_cited_on_both_sides() -> None:
    code, data = run_json("compare", "thanh-hoa-2021", "thanh-hoa-2024")
    assert code == 0
    assert (data["a"], data["b"]) == ("thanh-hoa-2021", "thanh-hoa-2024")
    assert data["count"] == len(data["differences"]) > 0
    row = next(d for d in data["differences"] if d["key"] == "seals:head")
    assert row["a"]["citations"][0]["article"] == 2
    assert row["a"]["citations"][0]["clause"] == 6
    assert row["b"] == {"specified": False, "text": "không quy định", "value": [],
                        "citations": [], "cited": "không quy định"}
    for d in data["differences"]:
        for side in (d["a"], d["b"]):
            if not side["specified"]:
                assert side["citations"] == []


def test_compare_preset_with_user_file(capsys: pytest.CaptureFixture[str]) -> None:
    code, data = call_json(capsys, "compare", "dak-nong-2021", USER_FILE)
    assert code == 0
    assert data["b"] == "minh-son-2025"
    keys = {d["key"] for d in data["differences"]}
    assert "substitution:head:depth" in keys  # 2 tiers (Điều 5-6) against 3 (Điều 4)


# ----------------------------------------------------------------- validate


def test_validate_presets_and_user_file() -> None:
    proc = run("validate", *presets.names(), USER_FILE)
    assert proc.returncode == 0, proc.stdout
    assert proc.stdout.count("hợp lệ") == len(presets.names()) + 1


def test_validate_lists_every_problem(
    bad_file: Path, dangling_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    proc = run("validate", bad_file, dangling_file, "dak-nong-2021")
    assert proc.returncode == 1
    out = proc.stdout
    assert "vice" in out
    assert "'two'" in out
    assert "ghost" in out
    assert "phantom" in out
    assert "dak-nong-2021: hợp lệ" in out
    code, data = call_json(capsys, "validate", bad_file, dangling_file, "dak-nong-2021")
    assert code == 1
    assert [r["valid"] for r in data] == [False, False, True]
    assert len(data[0]["problems"]) >= 2
    assert len(data[1]["problems"]) >= 2
    paths = {p["path"] for p in data[1]["problems"]}
    assert any(p.startswith("substitutions[") for p in paths)
    assert any(p.startswith("accountability[") for p in paths)


def test_validate_unreadable_and_malformed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "nope.toml"
    broken = tmp_path / "broken.toml"
    broken.write_text("id = [", encoding="utf-8")
    latin = tmp_path / "latin.toml"
    latin.write_bytes("title = 'Thanh Hóa'".encode("latin-1"))
    code, data = call_json(capsys, "validate", missing, broken, latin)
    assert code == 1
    assert [r["valid"] for r in data] == [False, False, False]
    assert "cannot read" in data[0]["problems"][0]["message"]
    assert "TOML" in data[1]["problems"][0]["message"]
    assert "UTF-8" in data[2]["problems"][0]["message"]


# ----------------------------------------------------------------- presets and show


def test_presets_lists_every_id(capsys: pytest.CaptureFixture[str]) -> None:
    proc = run("presets")
    assert proc.returncode == 0
    for pid in presets.names():
        assert pid in proc.stdout
    code, data = call_json(capsys, "presets")
    assert code == 0
    assert [r["id"] for r in data] == list(presets.names())
    dn = next(r for r in data if r["id"] == "dak-nong-2021")
    assert (dn["decision_number"], dn["signed"]) == ("2044/QĐ-BCĐ", "2021-11-25")


def test_presets_succession_on_a_date(capsys: pytest.CaptureFixture[str]) -> None:
    """In 2023 Thanh Hóa ran under 1943/QĐ-BCĐ of 06/6/2022, replaced by the 2024 decision
    (Điều 2) and not shipped: no answer, exit 1."""
    proc = run("presets", "--locality", "Thanh Hóa", "--on", "2023-03-01")
    assert proc.returncode == 1
    assert "1943/QĐ-BCĐ" in proc.stdout
    code, data = call_json(capsys, "presets", "--locality", "thanh hoa", "--on", "2021-06-01")
    assert code == 0
    assert data["answer"] == "thanh-hoa-2021"
    code, data = call_json(capsys, "presets", "--locality", "Thanh Hóa")
    assert code == 0
    assert [t["preset"] for t in data] == ["", "thanh-hoa-2021", "", "thanh-hoa-2024"]


def test_presets_unknown_locality_is_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert_usage_error(
        _Proc(*call(capsys, "presets", "--locality", "Atlantis", "--on", "2024-01-01")), "Atlantis"
    )


def test_show_human() -> None:
    proc = run("show", "dak-nong-2021")
    assert proc.returncode == 0
    assert "2044/QĐ-BCĐ" in proc.stdout
    assert "deputy_vpubnd" in proc.stdout
    assert "không sử dụng con dấu riêng (Điều 13 khoản 1)" in proc.stdout


def test_show_json_is_the_file_format(tmp_path: Path) -> None:
    """The JSON of ``show`` is the regulation format; written back as TOML it loads equal."""
    tomli_w = pytest.importorskip("tomli_w")
    import steering

    code, data = run_json("show", USER_FILE)
    assert code == 0
    assert data["id"] == "minh-son-2025"
    shutil.copy(USER_FILE.with_suffix(".txt"), tmp_path / "minh-son-2025.txt")
    path = tmp_path / "again.toml"
    path.write_text(tomli_w.dumps(_drop_none(data)), encoding="utf-8")
    assert steering.load(path) == steering.load(USER_FILE)


def _drop_none(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _drop_none(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [_drop_none(v) for v in value]
    return value


def test_python_dash_m_help() -> None:
    proc = run("--help")
    assert proc.returncode == 0
    for cmd in ("presets", "show", "acting", "seal", "accountable", "convene", "monitor",
                "calendar", "compare", "validate"):
        assert cmd in proc.stdout


# ----------------------------------------------------------------- bad usage, bad input


@pytest.mark.parametrize(
    ("args", "words"),
    [
        ((), ("command is required",)),
        (("frob",), ("invalid choice", "frob")),
        (("acting",), ("required",)),
        (("acting", "dak-nong-2021"), ("required", "post")),
        (("acting", "dak-nong-2021", "head", "--on", "2024-13-01"), ("2024-13-01",)),
        (("acting", "dak-nong-2021", "head", "--absent", "head,bogus"), ("bogus", "valid post")),
        (("acting", "dak-nong-2021", "nobody"), ("nobody",)),
        (("--lang", "fr", "presets"), ("fr",)),
        (("acting", "no-such-preset", "head"), ("no-such-preset", "dak-nong-2021")),
        (("seal", "dak-nong-2021", "ghost"), ("ghost",)),
        (("accountable", "dak-nong-2021", "ghost"), ("ghost",)),
        (("show", "dak-nong-2021", "--bogus-flag"), ("--bogus-flag",)),
        (("compare", "dak-nong-2021"), ("required",)),
        (("validate",), ("required",)),
    ],
)
def test_bad_usage_exits_2_with_one_line(
    args: tuple[str, ...], words: tuple[str, ...], capsys: pytest.CaptureFixture[str]
) -> None:
    assert_usage_error(_Proc(*call(capsys, *args)), *words)


@pytest.mark.parametrize(
    "args",
    [
        (),
        ("frob",),
        ("acting", "dak-nong-2021", "head", "--on", "tomorrow"),
        ("acting", "dak-nong-2021", "head", "--absent", "head,bogus"),
        ("convene", "dak-nong-2021", "weekly"),
    ],
)
def test_bad_usage_in_a_subprocess(args: tuple[str, ...]) -> None:
    """The same, through the real interpreter: no traceback, one line, exit 2."""
    assert_usage_error(run(*args))


def test_bad_files_exit_2_with_one_line(bad_file: Path, dangling_file: Path,
                                        tmp_path: Path) -> None:
    broken = tmp_path / "broken.toml"
    broken.write_text("[identity\n", encoding="utf-8")
    latin = tmp_path / "latin.toml"
    latin.write_bytes("id = 'Thanh Hóa'".encode("latin-1"))
    empty = tmp_path / "empty.toml"
    empty.write_text("", encoding="utf-8")
    assert_usage_error(run("show", broken), str(broken), "TOML")
    assert_usage_error(run("acting", latin, "head"), "UTF-8")
    assert_usage_error(run("show", empty), str(empty))
    assert_usage_error(run("seal", bad_file, "head"), str(bad_file), "steering validate")
    assert_usage_error(run("compare", "dak-nong-2021", dangling_file), "ghost")
    assert_usage_error(run("show", tmp_path), "directory")
    assert_usage_error(run("calendar", tmp_path / "missing.toml", "--from", "2024-01-01"),
                       "neither a preset id")


def test_ics_to_an_unwritable_place_is_bad_input(tmp_path: Path) -> None:
    target = tmp_path / "no" / "such" / "dir" / "x.ics"
    assert_usage_error(
        run("calendar", "dak-nong-2021", "--from", "2024-01-01", "--ics", target), "cannot write"
    )


# ----------------------------------------------------------------- QA regressions: words


def test_show_speaks_vietnamese_not_ids(capsys: pytest.CaptureFixture[str]) -> None:
    """``show --lang vi``: the level, roles and rule headings in Vietnamese; no English
    aspect ids ("substitution", "channels") and no enum values ("district")."""
    code, out, _ = call(capsys, "show", "vung-tau-2024")
    assert code == 0
    assert "thành phố Vũng Tàu (cấp huyện)" in out
    assert "district" not in out
    substitution = "[Thay thế khi vắng mặt: Trưởng ban] 1) Phó Trưởng ban Thường trực"
    assert f"{substitution} (Điều 4 khoản 1)" in out
    assert "[Con dấu: Trưởng ban] con dấu của UBND thành phố (Điều 10 khoản 1)" in out
    assert "[Kênh thông tin: nhóm trao đổi]" in out
    for english in ("[substitution", "[seals", "[channels", "[part_time", "[standing_agency"):
        assert english not in out
    rows = {line.split()[0]: line for line in out.splitlines() if line.startswith("deputy_vhtt")}
    assert "Phó Trưởng ban " in rows["deputy_vhtt"]
    assert " deputy " not in rows["deputy_vhtt"]
    code, out, _ = call(capsys, "--lang", "en", "show", "vung-tau-2024")
    assert "(level: district)" in out
    assert "[Substitution when absent: Trưởng ban]" in out
    assert "[Channels: chat group]" in out


def test_show_no_empty_rule_cited_as_the_heading(capsys: pytest.CaptureFixture[str]) -> None:
    """Vũng Tàu Điều 5 gives the deputy's report no cadence; ``show`` prints no empty rule
    attributed to the decision's heading."""
    code, out, _ = call(capsys, "show", "vung-tau-2024")
    assert code == 0
    assert "]  (phần đầu Quyết định)" not in out
    assert "(kỳ báo cáo)]  " not in out


def test_calendar_human_words_and_due_column(capsys: pytest.CaptureFixture[str]) -> None:
    """Vũng Tàu Điều 11 khoản 2, "trước ngày 15 hàng tháng": the February 2026 report is due
    14/02, a Saturday in the Tết break, so 23/02 (Bộ luật Dân sự Điều 148). The table names
    the kind in words, shows the due date apart from the data cut-off, and says "không quy
    định" where the regulation sets no deadline (the compiled report of the Cơ quan thường
    trực)."""
    code, out, _ = call(capsys, "--wide", "calendar", "vung-tau-2024", "--from", "2026-02-01",
                        "--to", "2026-02-28")
    assert code == 0
    assert "regular_meeting" not in out
    member = next(line for line in out.splitlines() if "thành viên Ban Chỉ đạo: báo cáo" in line)
    assert "15/01/2026  14/02/2026  23/02/2026 (dời từ 14/02/2026)  báo cáo" in member
    agency = next(line for line in out.splitlines() if "Cơ quan thường trực: báo cáo" in line)
    assert "14/02/2026  không quy định" in agency
    assert "hạn nộp" in out


def test_calendar_gaps_name_bodies_in_words(capsys: pytest.CaptureFixture[str]) -> None:
    """Thanh Hóa 2024 Điều 7 khoản 3: "Tổ công tác họp định kỳ hoặc đột xuất", no period; the
    gap names the Tổ công tác and says what is missing, with no raw ids."""
    code, out, _ = call(capsys, "calendar", "thanh-hoa-2024", "--from", "2026-01-01", "--to",
                        "2026-12-31")
    assert code == 0
    gaps = out.split("Quy chế có nêu nhưng không cho biết ngày:")[1]
    assert ("  - Tổ công tác giúp việc Ban Chỉ đạo (họp định kỳ): định kỳ, không nêu kỳ hạn "
            "(Điều 7 khoản 3)") in gaps
    for raw in ("working_group", "member_so_tttt", "regular_meeting", ": cadence", ": deadline"):
        assert raw not in gaps
    code, out, _ = call(capsys, "--wide", "--lang", "en", "calendar", "tung-chau-2023", "--from",
                        "2026-01-01", "--to", "2026-03-31")
    assert "regular meeting" in out
    assert "Tổ công tác giúp việc Ban Chỉ đạo: report Q1 2026" in out
    assert "no deadline stated (Article 6(9))" in out


def test_json_names_tell_posts_of_one_title_apart(capsys: pytest.CaptureFixture[str]) -> None:
    """Đắk Nông Điều 6 khoản 1: two "Phó Trưởng ban" act; the JSON ``names`` say which is which
    (Điều 13 khoản 4 and 5 name their offices)."""
    code, data = call_json(capsys, "acting", "dak-nong-2021", "head", "--absent",
                           "head,standing_deputy")
    assert code == 0
    assert data["names"]["deputy_tttt"] == "Phó Trưởng ban (Giám đốc Sở Thông tin và Truyền thông)"
    assert data["names"]["deputy_vpubnd"] == "Phó Trưởng ban (Chánh Văn phòng UBND tỉnh)"
    assert data["names"]["head"] == "Trưởng ban"


# ----------------------------------------------------------------- what a person sees (#17)

WIDE_COMMANDS = [
    ("show", "thanh-hoa-2024"),
    ("show", "vung-tau-2024"),
    ("--lang", "en", "show", "dak-nong-2021"),
    ("calendar", "vung-tau-2024", "--from", "2025-01-01", "--to", "2025-12-31"),
    ("--lang", "en", "calendar", "thanh-hoa-2021", "--from", "2026-01-01"),
    ("compare", "thanh-hoa-2021", "thanh-hoa-2024"),
    ("compare", "dak-nong-2021", "tung-chau-2023"),
    ("acting", "dak-nong-2021", "head", "--absent", "head,standing_deputy"),
    ("coverage", "dak-nong-2021"),
    ("presets",),
    ("presets", "--locality", "Thanh Hóa"),
]


def _letters(text: str) -> Counter[str]:
    return Counter(c for c in text if not c.isspace() and c != "-")


@pytest.mark.parametrize("argv", WIDE_COMMANDS, ids=lambda a: "-".join(a[:3]))
def test_text_fits_100_columns_unless_wide(
    capsys: pytest.CaptureFixture[str], argv: tuple[str, ...],
) -> None:
    """Every line fits 100 columns; --wide prints the same words on longer lines."""
    _, out, err = call(capsys, *argv)
    assert not err
    assert max(len(line) for line in out.splitlines()) <= 100
    _, wide, _ = call(capsys, "--wide", *argv)
    # Wrapping moves words and splits table cells, and never loses or adds a character.
    assert _letters(wide) == _letters(out)
    # Some output really is wider than 100 columns: the option changes something.
    if max(len(line) for line in wide.splitlines()) > 100:
        assert wide != out


def test_wrapping_keeps_every_word(capsys: pytest.CaptureFixture[str]) -> None:
    """A ruling's sentence wrapped at 100 columns has the same words as unwrapped."""
    argv = ("acting", "dak-nong-2021", "head", "--absent", "head,standing_deputy")
    _, out, _ = call(capsys, *argv)
    _, wide, _ = call(capsys, "--wide", *argv)
    assert out.split() == wide.split()
    assert max(len(line) for line in wide.splitlines()) > 100


def test_vietnamese_dates_in_vietnamese_text(capsys: pytest.CaptureFixture[str]) -> None:
    """Dates in Vietnamese sentences are dd/mm/yyyy (19/10/2018), ISO in English."""
    _, out, _ = call(capsys, "presets", "--locality", "Thanh Hóa")
    # Thanh Hóa 2021 Điều 2 replaces Quyết định 4095/QĐ-BCĐ ngày 19/10/2018.
    assert "ngày 19/10/2018" in out
    assert "2018-10-19" not in out
    _, out, _ = call(capsys, "--lang", "en", "presets", "--locality", "Thanh Hóa")
    assert "of 2018-10-19" in out
    # Đắk Nông 2044/QĐ-BCĐ, signed "ngày 25 tháng 11 năm 2021".
    _, out, _ = call(capsys, "show", "dak-nong-2021")
    assert "ký 25/11/2021" in out
    _, out, _ = call(capsys, "acting", "dak-nong-2021", "head", "--on", "2020-05-02")
    assert "ngày 02/05/2020" in " ".join(out.split())
    assert "2020-05-02" not in out


def test_validate_counts_in_words_and_speaks_vietnamese(
    capsys: pytest.CaptureFixture[str], tmp_path: Path,
) -> None:
    """'1 problem', not '1 problems'; under --lang vi the lines' frame is Vietnamese; a preset
    copied as a template is told how to copy its source text."""
    copy = tmp_path / "dak-nong-2021.toml"
    shutil.copy(presets.path("dak-nong-2021"), copy)
    code, out, _ = call(capsys, "--lang", "en", "validate", str(copy))
    assert code == 1
    assert f"{copy}: 1 problem\n" in out
    assert "copy the matching .txt" in out
    code, out, _ = call(capsys, "validate", str(copy))
    assert f"{copy}: 1 vấn đề\n" in out
    assert "source: không đọc được tệp" in " ".join(out.split())
    assert "which cannot be read" not in out
    bad = tmp_path / "bad.toml"
    bad.write_text('id = "x"\n[identity]\ntitle = 1\n', encoding="utf-8")
    _, out, _ = call(capsys, "validate", str(bad))
    assert "thiếu khóa bắt buộc" in out
    assert "required key missing" not in out
    _, out, _ = call(capsys, "--lang", "en", "validate", str(bad))
    assert "problems\n" in out


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["--version"])
    assert info.value.code == 0
    assert capsys.readouterr().out.strip() == f"steering {steering.__version__}"


def test_compare_summary_first_details_on_request(capsys: pytest.CaptureFixture[str]) -> None:
    """Two provinces' regulations differ at many points: the default is one line per aspect
    (Đắk Nông 2021 Điều 13 has seal clauses Thanh Hóa 2024 lacks), --details lists each."""
    code, out, _ = call(capsys, "compare", "dak-nong-2021", "thanh-hoa-2024")
    assert code == 0
    assert len(out.splitlines()) < 30
    assert "Con dấu" in out
    assert "--details" in out
    _, details, _ = call(capsys, "compare", "dak-nong-2021", "thanh-hoa-2024", "--details")
    assert len(details.splitlines()) > 200
    # A deputy of Đắk Nông with no counterpart in Thanh Hóa 2024 is said as such.
    flat = " ".join(details.split())
    assert ("[Chịu trách nhiệm trước: Phó Trưởng ban (Chánh Văn phòng UBND tỉnh)] dak-nong-2021: "
            "Trưởng ban, Phó Trưởng ban Thường trực (Điều 6 khoản 2) thanh-hoa-2024: không có chức "
            "danh hay chủ thể tương ứng") in flat


def test_a_role_id_answers_for_every_post_of_the_role(capsys: pytest.CaptureFixture[str]) -> None:
    """Thanh Hóa 2024 names its members by agency (member_so_tttt ...): 'member' asks each."""
    reg = presets.load("thanh-hoa-2024")
    members = [p.id for p in reg.posts if p.role.value == "member"]
    assert len(members) > 1
    code, data = call_json(capsys, "accountable", "thanh-hoa-2024", "member")
    assert data["posts"] == members
    g = reg.authority()
    assert [r["answer"] for r in data["rulings"]] == [
        list(g.accountable_to(m).answer) for m in members
    ]
    assert code == max(0 if g.accountable_to(m).decided else 1 for m in members)
    code, out, _ = call(capsys, "--lang", "en", "accountable", "thanh-hoa-2024", "member")
    assert out.startswith(f"member is a role id ({len(members)} posts)")
    assert "[member_so_tttt]" in out
    # A post id still answers for that post alone; an unknown id is still refused.
    code, data = call_json(capsys, "accountable", "dak-nong-2021", "member")
    assert data["subject"] == "member"
    assert_usage_error(_Proc(*call(capsys, "accountable", "thanh-hoa-2024", "membre")), "membre")


def test_silently_ignored_input_is_said(capsys: pytest.CaptureFixture[str]) -> None:
    """Issue #17 item 9: a document kind the regulation does not name is said to be so (Đắk
    Nông Điều 13 names 'thông báo', 'biên bản họp' ...); --on needs --locality; bodies and
    working groups are listed by show; dir(steering) shows no typing helpers."""
    _, out, _ = call(capsys, "seal", "dak-nong-2021", "head", "--document", "xyz-nonsense")
    assert "quy chế không nêu loại văn bản 'xyz-nonsense'" in " ".join(out.split())
    _, out, _ = call(capsys, "seal", "dak-nong-2021", "head", "--document", "thông báo")
    assert "không nêu loại văn bản" not in " ".join(out.split())
    assert_usage_error(_Proc(*call(capsys, "presets", "--on", "2024-01-01")), "--locality")
    _, out, _ = call(capsys, "show", "dak-nong-2021")
    assert "to_giup_viec" in out
    assert "agency_heads" in out
    names = dir(steering)
    for helper in ("Any", "TYPE_CHECKING", "import_module", "annotations"):
        assert helper not in names
    assert set(steering.__all__) <= set(names)


def test_wording_slips_of_item_10(capsys: pytest.CaptureFixture[str]) -> None:
    """Thanh Hóa 2024's signature block is a deputy's «KT. TRƯỞNG BAN»: the head's answer says
    whose block it is; compare --json rows carry where a heading fact is read, as the text."""
    _, out, _ = call(capsys, "--lang", "en", "seal", "thanh-hoa-2024", "head")
    assert "block is a deputy's, signing for the head" in " ".join(out.split())
    _, data = call_json(capsys, "compare", "dak-nong-2021", "thanh-hoa-2024")
    row = next(r for r in data["differences"] if r["key"] == "identity:decision_number")
    assert row["a"]["cited"] == "2044/QĐ-BCĐ (phần đầu Quyết định)"
