"""One TOML language whatever is installed (issue #15, issue #11 item 7).

Python 3.11's ``tomllib`` reads TOML 1.0. The loader parses with faster parsers when they
are installed (the ``fast`` extra), and only with parsers that read the same language:
toml-rs in its TOML 1.0 mode (a text with few enough brackets; a refusal goes on to the
next parser, to be worded by tomllib's), then the compiled tomli (only below 2.4: tomli 2.4
and later read TOML 1.1, which ``tomllib`` refuses). The tests here hold the parsers
together, over the toml-test suite and generated documents: same documents accepted,
same values.
"""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
import tomllib
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from steering import loader
from strategies import regulations, to_toml

#: Forms TOML 1.1 added, each refused by tomllib (3.11) and so by the loader.
TOML_1_1 = [
    "a = {x = 1,}",
    "a = {\nx = 1}",
    's = "\\e"',
    's = "\\x41"',
    "t = 12:30",
    "d = 2024-01-01T12:30",
]


#: The toml-test suite's cases (tests/fixtures/toml-test/cases.json says which commit).
TOML_TEST = json.loads((Path(__file__).parent / "fixtures" / "toml-test" / "cases.json")
                       .read_text(encoding="utf-8"))["cases"]

#: The parsers the loader may be left with, by what is installed.
SETUPS = ["as installed", "tomli", "tomllib"]


@pytest.fixture(params=SETUPS)
def setup(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """The loader with the parsers of one install: all, tomli only, tomllib only."""
    if request.param != "as installed":
        monkeypatch.setattr(loader, "_toml_rs", None)
    if request.param == "tomllib":
        monkeypatch.setattr(loader, "_tomli", None)
    return str(request.param)


def typed(value: Any) -> Any:
    """``value`` with the exact type of every part (a dict subclass is not a dict)."""
    if type(value) is dict:
        return ("dict", [(typed(k), typed(v)) for k, v in value.items()])
    if type(value) is list:
        return ("list", [typed(v) for v in value])
    return (type(value), type(getattr(value, "tzinfo", None)), repr(value))


def both(doc: str) -> tuple[Any, Any]:
    """What tomllib and the loader's parser make of ``doc`` (the exception type on refusal)."""
    out: list[Any] = []
    for parse in (tomllib.loads, loader._parse_toml):
        try:
            out.append(parse(doc))
        except tomllib.TOMLDecodeError:
            out.append(tomllib.TOMLDecodeError)
    return out[0], out[1]


@pytest.mark.parametrize("doc", TOML_1_1)
def test_toml_1_1_forms_are_refused_as_tomllib_refuses_them(doc: str) -> None:
    expected, got = both(doc)
    assert expected is tomllib.TOMLDecodeError
    assert got is tomllib.TOMLDecodeError


@pytest.mark.skipif(importlib.util.find_spec("tomli") is None, reason="tomli not installed")
def test_the_fast_parser_is_in_use_and_speaks_toml_1_0() -> None:
    import tomli

    assert loader._toml_1_0(tomli)
    assert vars(loader)["_tomli"] is tomli


@pytest.mark.skipif(importlib.util.find_spec("toml_rs") is None, reason="toml-rs not installed")
def test_toml_rs_is_in_use_and_a_tested_release() -> None:
    import toml_rs

    assert loader._toml_rs_tested(toml_rs)
    assert vars(loader)["_toml_rs"] is toml_rs


def test_a_toml_rs_release_not_tested_is_not_used() -> None:
    assert not loader._toml_rs_tested(SimpleNamespace(__version__="0.4.2"))
    assert not loader._toml_rs_tested(SimpleNamespace(__version__="0.5.0"))
    assert not loader._toml_rs_tested(SimpleNamespace(__version__="1.0.0"))
    assert not loader._toml_rs_tested(SimpleNamespace(__version__="0.4"))
    assert not loader._toml_rs_tested(SimpleNamespace(__version__="dev"))
    assert not loader._toml_rs_tested(SimpleNamespace())
    assert loader._toml_rs_tested(SimpleNamespace(__version__="0.4.3"))
    assert loader._toml_rs_tested(SimpleNamespace(__version__="0.4.10"))


@pytest.mark.parametrize("case", TOML_TEST, ids=[c["name"] for c in TOML_TEST])
def test_the_toml_test_suite_reads_as_tomllib_reads_it(case: dict[str, Any], setup: str) -> None:
    """Each toml-test case: accepted or refused as tomllib does, to the same values.

    tomllib's verdict is the suite's for every TOML 1.0 case but the two that start
    with a byte-order mark (the loader drops one before parsing).
    """
    expected, got = both(case["text"])
    if expected is tomllib.TOMLDecodeError:
        assert got is tomllib.TOMLDecodeError
    else:
        assert typed(got) == typed(expected)
    if case["toml"] == "1.0.0" and not case["text"].startswith("\ufeff"):
        assert (expected is not tomllib.TOMLDecodeError) == case["valid"]


def test_a_refusal_is_worded_by_tomllibs_parser(setup: str) -> None:
    doc = "a = 1\nb = [1, 2\nc = 3\n"
    with pytest.raises(tomllib.TOMLDecodeError) as ours:
        loader._parse_toml(doc)
    with pytest.raises(tomllib.TOMLDecodeError) as theirs:
        tomllib.loads(doc)
    assert str(ours.value) == str(theirs.value)


#: Texts nested as deep as their opening brackets allow, by shape.
_NESTED = {
    "arrays": 'n = FAST_PARSE_BRACKETS; text = "a = " + "[" * n + "]" * n',
    "inline tables": 'n = FAST_PARSE_BRACKETS; text = "a = " + "{a = " * n + "1" + "}" * n',
    "both": 'n = FAST_PARSE_BRACKETS // 2; text = "a = " + "[{a = " * n + "1" + "}]" * n',
}


@pytest.mark.skipif(importlib.util.find_spec("toml_rs") is None, reason="toml-rs not installed")
@pytest.mark.parametrize("shape", sorted(_NESTED))
def test_the_deepest_text_toml_rs_is_given_parses_in_a_1_mib_thread(shape: str) -> None:
    """toml-rs recurses without a limit; the loader gives it no deeper text than this.

    A text of `FAST_PARSE_BRACKETS` opening brackets, all nested, parsed by toml-rs in a
    thread of 1 MiB of stack (glibc's default is 8 MiB). In a child process: a crash
    fails the test, not the run.
    """
    program = "\n".join([
        "import threading, toml_rs",
        "from steering.loader import FAST_PARSE_BRACKETS",
        _NESTED[shape],
        "assert text.count('[') + text.count('{') <= FAST_PARSE_BRACKETS",
        "out = []",
        "threading.stack_size(1024 * 1024)",
        "parse = lambda: out.append(toml_rs.loads(text, toml_version='1.0.0'))",
        "t = threading.Thread(target=parse)",
        "t.start(); t.join()",
        "print('parsed' if out else 'failed')",
    ])
    done = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True,
                          timeout=60, check=False)
    assert done.returncode == 0, done.stderr[-500:]
    assert done.stdout.strip() == "parsed"


@pytest.mark.parametrize("extra", [0, 1])
def test_toml_rs_is_given_no_text_with_more_brackets_than_the_bound(
        extra: int, monkeypatch: pytest.MonkeyPatch) -> None:
    given: list[str] = []

    def spy(text: str, **_: Any) -> Any:
        given.append(text)
        return tomllib.loads(text)

    monkeypatch.setattr(loader, "_toml_rs", SimpleNamespace(loads=spy))
    n = loader.FAST_PARSE_BRACKETS + extra  # opening brackets, side by side
    text = "a = [" + "{b = 1}, [1], " * ((n - 1) // 2) + "[2]" * ((n - 1) % 2) + "]"
    assert text.count("[") + text.count("{") == n
    assert typed(loader._parse_toml(text)) == typed(tomllib.loads(text))
    assert given == ([text] if extra == 0 else [])
    with pytest.raises(tomllib.TOMLDecodeError):  # a mark toml-rs would skip, tomllib refuses
        loader._parse_toml("\ufeffa = 1")
    assert "\ufeffa = 1" not in given


def test_text_deeper_than_toml_rs_may_take_is_refused_by_tomllibs_parser(setup: str) -> None:
    """100,000 nested arrays: no crash, tomllib's parser stops it (RecursionError)."""
    with pytest.raises(RecursionError):
        loader._parse_toml("a = " + "[" * 100_000 + "]" * 100_000)


def test_a_tomli_that_speaks_toml_1_1_is_not_used() -> None:
    assert not loader._toml_1_0(SimpleNamespace(__version__="2.4.0"))
    assert not loader._toml_1_0(SimpleNamespace(__version__="3.0"))
    assert not loader._toml_1_0(SimpleNamespace(__version__="unknown"))
    assert not loader._toml_1_0(SimpleNamespace())
    assert loader._toml_1_0(SimpleNamespace(__version__="2.3.0"))


_PIECES = st.sampled_from([
    "a = 1", "a = 1,", "b = 'x'", 'c = "\\u00e9"', 'c = "\\e"', "d = [1, 2,]", "e = {x = 1}",
    "e = {x = 1,}", "f = 1979-05-27", "g = 07:32", "g = 07:32:00", "[t]", "[[u]]", "h.i = 2",
    "j = \"\"\"\nline\"\"\"", "# comment", "k = 0x1F", "l = inf", "m = nan", "n = +1_000",
    "o = 1e3", "p = true", "= 3", "q = [\n1,\n]", "r = {}", "s = \"\\x41\"", "v = '''x'''",
    "a.b = 1", "w = 1979-05-27T07:32Z", "x = 1979-05-27 07:32:00",
    "y = 1979-05-27T07:32:00.999999999-07:30", "y = 1979-05-27T00:32:00.5+00:00",
    "z = 99999999999999999999", "z = 9223372036854775807", "z = -0", "z = 0o17", "z = 0b101",
    "f = -0.0", "f = 6.626e-34", "f = 1_000.5", "f = .5", "f = 5.", "f = -inf",
    '"tên có dấu" = "Bí thư Tỉnh ủy"', "'quoted.key' = 1", 'k."x y".z = 1', "ê = 1",
    's = "Tr\\u01b0\\u1edfng ban"', 's = "\\U0001F600"', "s = 'C:\\path'", 's = "\\ud800"',
    "[a.b]", "[[a.b]]", "[ t . u ]", "a = [[1], ['x']]", "a = [{x = 1}, {x = [2]}]",
    "t = 07:32:00.123", "d = 2024-02-30", "d = 1979-05-27T25:00:00", "\ttab = 1", "x=1\r",
])


@settings(max_examples=1500)
@given(st.lists(_PIECES, max_size=8).map("\n".join))
def test_the_loader_reads_exactly_what_tomllib_reads(doc: str) -> None:
    expected, got = both(doc)
    if expected is tomllib.TOMLDecodeError:
        assert got is tomllib.TOMLDecodeError, doc
    else:
        assert typed(got) == typed(expected), doc  # repr: nan is not equal to itself


@settings(max_examples=20, deadline=None)
@given(regulations())
def test_regulation_files_parse_the_same(reg: Any) -> None:
    text = to_toml(reg)
    assert typed(loader._parse_toml(text)) == typed(tomllib.loads(text))
