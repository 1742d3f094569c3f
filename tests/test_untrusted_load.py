"""Regulation files from strangers: what a file may reach, and what it may cost (issue #10).

The subprocess tests of devices and FIFOs live in tests/test_untrusted_paths.py;
the fuzz harness over every door in tests/test_fuzz_doors.py.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import steering
import strategies
from steering import loader, schema
from steering.errors import ArgumentTypeError, RegulationFileError
from steering.limits import MAX_CADENCE_TIMES, MAX_STRING_CHARS
from steering.regulation import Regulation

PRESET = "tung-chau-2023"


def _copy_preset(folder: Path) -> Path:
    """The Tùng Châu preset and its source text, copied into ``folder``."""
    toml = steering.presets.path(PRESET)
    src = steering.presets.source_path(PRESET)
    shutil.copy(toml, folder / toml.name)
    (folder / "sources").mkdir(exist_ok=True)
    shutil.copy(src, folder / "sources" / src.name)
    return folder / toml.name


def _with(text: str, key: str, value: str) -> str:
    """The TOML text with the top-level ``key`` set to the TOML literal ``value``."""
    pattern = re.compile(rf"^{re.escape(key)} = .*$", re.M)
    assert pattern.search(text), key
    return pattern.sub(lambda _: f"{key} = {value}", text, count=1)


def _problems(path: Path) -> list[tuple[str, str]]:
    try:
        steering.load(path)
    except RegulationFileError as e:
        return [(p.path, p.message) for p in e.problems]
    return []


# -- the source stays in its folder ------------------------------------------------------


@pytest.mark.parametrize("guess_is_right", [True, False])
def test_a_secret_outside_the_folder_is_no_oracle(tmp_path: Path, guess_is_right: bool) -> None:
    """A file that cites a secret next door gets the same problems for a right or wrong guess."""
    secret = tmp_path / "secret.txt"
    secret.write_text("Điều 1. Mật khẩu là hunter2.\n", encoding="utf-8")
    folder = tmp_path / "upload"
    folder.mkdir()
    reg_file = _copy_preset(folder)
    text = reg_file.read_text(encoding="utf-8")
    guess = "hunter2" if guess_is_right else "hunter3"
    text = _with(text, "source", json.dumps("../secret.txt"))
    text = text.replace('quote = "', f'quote = "{guess} ', 1)
    reg_file.write_text(text, encoding="utf-8")
    problems = _problems(reg_file)
    assert problems == [("source", "found '../secret.txt', which leads outside the regulation's "
                         "folder; allowed: a relative path to a regular file inside the "
                         "regulation's folder")]


@pytest.mark.parametrize(
    ("source", "found"),
    [
        ("/etc/passwd", "found the absolute path '/etc/passwd'"),
        ("../../../../etc/passwd", "leads outside the regulation's folder"),
        ("sources/../../x.txt", "leads outside the regulation's folder"),
        ("link.txt", "leads outside the regulation's folder"),
    ],
)
def test_a_source_outside_the_folder_is_refused_before_reading(
    tmp_path: Path, source: str, found: str
) -> None:
    (tmp_path / "outside.txt").write_text("x", encoding="utf-8")
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "link.txt").symlink_to(tmp_path / "outside.txt")
    reg_file = _copy_preset(folder)
    reg_file.write_text(_with(reg_file.read_text(encoding="utf-8"), "source",
                              json.dumps(source)), encoding="utf-8")
    problems = _problems(reg_file)
    assert [p for p, _ in problems] == ["source"]
    assert found in problems[0][1]


def test_a_source_inside_the_folder_by_a_detour_is_read(tmp_path: Path) -> None:
    """``sources/../sources/x.txt`` stays inside: it loads and every quote is checked."""
    reg_file = _copy_preset(tmp_path)
    src = steering.presets.source_path(PRESET).name
    text = _with(reg_file.read_text(encoding="utf-8"), "source",
                 json.dumps(f"sources/../sources/{src}"))
    reg_file.write_text(text, encoding="utf-8")
    reg = steering.load(reg_file)
    assert reg.source_text == steering.presets.source_path(PRESET).read_text(encoding="utf-8")


def test_loads_from_a_string_reads_no_file(tmp_path: Path) -> None:
    """With no base folder a string's ``source`` is not read, whatever ``file`` says."""
    text = _with(steering.presets.path(PRESET).read_text(encoding="utf-8"), "source",
                 json.dumps("/etc/passwd"))
    reg = steering.loads(text, file=str(tmp_path / "x.toml"))
    assert reg.source_text is None
    given_text = steering.presets.source_path(PRESET).read_text(encoding="utf-8")
    assert steering.loads(text, source_text=given_text).source_text == given_text


def test_the_source_is_read_once_and_validate_reads_nothing(tmp_path: Path) -> None:
    reg_file = _copy_preset(tmp_path)
    reg = steering.load(reg_file)
    shutil.rmtree(tmp_path / "sources")
    assert steering.validate(reg) == ()


def test_an_oversized_source_is_refused(tmp_path: Path) -> None:
    reg_file = _copy_preset(tmp_path)
    src = next((tmp_path / "sources").iterdir())
    with src.open("ab") as f:
        f.truncate(loader.MAX_SOURCE_BYTES + 1)
    problems = _problems(reg_file)
    assert problems[0][0] == "source"
    assert f"allowed: at most {loader.MAX_SOURCE_BYTES} bytes" in problems[0][1]


def test_a_folder_given_as_the_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(RegulationFileError, match="found a folder; allowed: a regular file"):
        steering.load(tmp_path)


@pytest.mark.parametrize("bad", [None, 3, b"x.toml", ["x.toml"], object()])
def test_load_takes_paths_only(bad: object) -> None:
    with pytest.raises(RegulationFileError, match=r"allowed: a path \(str or os.PathLike\)"):
        steering.load(bad)  # type: ignore[arg-type]


def test_a_nul_in_a_path_is_a_file_error() -> None:
    with pytest.raises(RegulationFileError, match="cannot read the file"):
        steering.load("a\x00b.toml")


@pytest.mark.parametrize("bad", [None, "x", {}, 3])
def test_validate_refuses_what_is_not_a_regulation(bad: object) -> None:
    with pytest.raises(ArgumentTypeError, match="allowed: a Regulation"):
        steering.validate(bad)  # type: ignore[arg-type]


# -- text is text ------------------------------------------------------------------------


@pytest.mark.parametrize("control", ["\x00", "\x1b[31m", "\x0b", "\x7f", "\x9b", "\u202e",
                                     "\u2066", "\u2028"])
def test_control_characters_are_refused_with_their_path(control: str) -> None:
    text = steering.presets.path(PRESET).read_text(encoding="utf-8")
    text = text.replace('title = "', f'title = "{json.dumps(control)[1:-1]}', 1)
    with pytest.raises(RegulationFileError) as e:
        steering.loads(text)
    (problem,) = e.value.problems
    assert problem.path.endswith("title")
    assert "found the control character" in problem.message
    assert "allowed: text" in problem.message


def test_tabs_and_newlines_are_text() -> None:
    text = steering.presets.path(PRESET).read_text(encoding="utf-8")
    steering.loads(text.replace('title = "', 'title = "a\\tb\\nc ', 1))


_ID_LIKE = st.text(alphabet="abz09_-\n \tĐ.", max_size=8)


@given(_ID_LIKE)
def test_the_loader_and_the_json_schema_agree_on_ids(candidate: str) -> None:
    """A post id passes validation exactly when it matches the schema's pattern (ECMA ``$``)."""
    pattern = schema.json_schema()["$defs"]["Post"]["properties"]["id"]["pattern"]
    # ECMA-262 ``^...$`` without the m flag matches the whole string, like fullmatch.
    schema_ok = re.fullmatch(pattern.removeprefix("^").removesuffix("$"), candidate) is not None
    reg = steering.presets.load(PRESET)
    last = len(reg.posts) - 1
    renamed = attrs.evolve(reg.posts[last], id=candidate)
    bad = [p for p in steering.validate(attrs.evolve(reg, posts=(*reg.posts[:last], renamed)))
           if p.path.startswith(f"posts[{last}].id")]
    assert (not bad) == schema_ok


def test_an_id_with_a_trailing_newline_is_not_an_id() -> None:
    reg = steering.presets.load(PRESET)

    post = attrs.evolve(reg.posts[-1], id="deputy\n")
    problems = steering.validate(attrs.evolve(reg, posts=(*reg.posts[:-1], post)))
    assert any(p.path == f"posts[{len(reg.posts) - 1}].id" for p in problems)


@pytest.mark.parametrize("date", ["２０２４-01-01", "2024-01-01\n", "2024-1-1", "24-01-01"])
def test_dates_are_ascii_digits_matched_whole(date: str) -> None:
    with pytest.raises(ValueError, match="not a date"):
        steering.PartialDate.parse(date)


def test_december_of_year_9999_has_an_end() -> None:
    assert steering.PartialDate.parse("9999-12").latest().isoformat() == "9999-12-31"


def test_a_bom_in_a_string_is_dropped_like_in_bytes() -> None:
    text = steering.presets.path(PRESET).read_text(encoding="utf-8")
    assert steering.loads("\ufeff" + text) == steering.loads(b"\xef\xbb\xbf" + text.encode())


# -- bounds ------------------------------------------------------------------------------


def test_an_unknown_format_is_refused() -> None:
    text = _with(steering.presets.path(PRESET).read_text(encoding="utf-8"), "format", "2")
    with pytest.raises(RegulationFileError, match="format: found 2; allowed: 1"):
        steering.loads(text)


def test_cadence_times_are_bounded() -> None:
    reg = steering.presets.load(PRESET)

    rule = next(r for r in reg.meetings if r.cadences)
    big = attrs.evolve(rule, cadences=(attrs.evolve(rule.cadences[0],
                                                    times=MAX_CADENCE_TIMES + 1),))
    bad = attrs.evolve(reg, meetings=tuple(big if r is rule else r for r in reg.meetings))
    problems = steering.validate(bad)
    assert any(p.path.endswith(".cadences[0].times")
               and f"allowed: 1-{MAX_CADENCE_TIMES}" in p.message for p in problems)


def test_month_offset_is_bounded() -> None:
    reg = steering.presets.load("vung-tau-2024")

    rule = next(r for r in reg.reports if r.deadline)
    assert rule.deadline is not None
    bad_rule = attrs.evolve(rule, deadline=attrs.evolve(rule.deadline, month_offset=-3))
    bad = attrs.evolve(reg, reports=tuple(bad_rule if r is rule else r for r in reg.reports))
    problems = steering.validate(bad)
    assert any(p.path.endswith("deadline.month_offset") and "allowed: 0-12" in p.message
               for p in problems)


def test_an_overlong_string_is_refused() -> None:
    text = steering.presets.path(PRESET).read_text(encoding="utf-8")
    text = text.replace('title = "', 'title = "' + "x" * (MAX_STRING_CHARS + 1), 1)
    with pytest.raises(RegulationFileError, match=f"allowed: at most {MAX_STRING_CHARS}"):
        steering.loads(text)


# -- linear pre-parse guards -------------------------------------------------------------


_CRAFTED = [
    "'a' * n + '.b' * 15 + ' = 1'",
    "'x = \"' + '\\\\\"' * n + '\\n' + '.a' * 20",
    "'x = \"\"\"' + '\\\\\"' * n + '.a' * 20",
    "('b.' * 20 + '\\n') * (n // 40)",
]


@pytest.mark.parametrize("expr", _CRAFTED)
def test_the_dotted_key_guard_is_linear_on_crafted_input(expr: str) -> None:
    """A 1 MiB crafted key run or string finishes at once (a subprocess, so a regression fails).

    Quadratic before (10 KB took 3.4 s, 40 KB 56 s: hours at 1 MiB); the timeout
    only catches a hang, it measures nothing (docs/benchmarks.md measures).
    """
    code = (f"import steering.loader as L; n = 1 << 19; text = {expr}; "
            "assert len(text) >= 1 << 19; L._deep_key(text); L._deep_key(text[: len(text) // 2])")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=60, check=False)
    assert done.returncode == 0, done.stderr


# -- rules that a stranger's file cannot bend ---------------------------------------------


def test_a_locality_spelled_with_another_unit_word_is_still_assigned_once() -> None:
    """'huyện' and 'h' name one unit: the exclusive-localities check is not bypassed."""
    reg = steering.presets.load("thanh-hoa-2024")
    mon = reg.monitoring
    assert mon is not None
    assert mon.exclusive_localities
    where, target = next(
        ((i, t) for i, a in enumerate(mon.assignments) for t in a.targets
         if t.kind.value == "locality" and t.unit == "huyện"))
    other = (where + 1) % len(mon.assignments)
    respelled = attrs.evolve(target, unit="h", text=f"H. {target.name}")
    changed = attrs.evolve(mon.assignments[other],
                           targets=(*mon.assignments[other].targets, respelled))
    assignments = tuple(changed if i == other else a for i, a in enumerate(mon.assignments))
    problems = steering.validate(attrs.evolve(reg, monitoring=attrs.evolve(
        mon, assignments=assignments)))
    assert [p.path for p in problems] == [
        f"monitoring.assignments[{other}].targets[{len(changed.targets) - 1}]"]
    assert "assigned again" in problems[0].message


def test_also_absent_may_not_name_the_substitute() -> None:
    reg = steering.presets.load("dak-nong-2021")
    s = reg.substitutions[0]
    bad = attrs.evolve(s, also_absent=(*s.also_absent, s.substitutes[0]))
    problems = steering.validate(attrs.evolve(reg, substitutions=(bad, *reg.substitutions[1:])))
    assert [p.path for p in problems] == ["substitutions[0].also_absent"]


def test_an_unknown_body_is_refused_alike_by_proxy_and_conveners() -> None:
    g = steering.presets.load("dak-nong-2021").authority()
    with pytest.raises(steering.UnknownIdError, match="unknown committee or working group id"):
        g.proxy("head", body="ghost")
    with pytest.raises(steering.UnknownIdError, match="unknown committee or working group id"):
        g.conveners("regular", body="ghost")


@given(strategies.regulations(), st.lists(strategies.hostile_text(), min_size=1, max_size=4))
def test_the_text_precheck_never_skips_a_problem(reg: Regulation, texts: list[str]) -> None:
    """The loader skips its walk over every string only when the raw text shows no string can
    break a bound (no control character, no escape, short enough, few arrays): never when the
    walk would have found a problem."""
    raw = strategies.to_toml(strategies.with_names(reg, texts))
    if loader._plainly_within_bounds(raw):
        assert loader._text_problems(tomllib.loads(raw), "f.toml") == []
