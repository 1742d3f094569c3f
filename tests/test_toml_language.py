"""One TOML language whatever is installed (issue #15, issue #11 item 7).

Python 3.11's ``tomllib`` reads TOML 1.0. The loader parses with the compiled tomli when
it is installed (the ``fast`` extra: 3x faster), and only with a tomli that reads the same
language: tomli 2.4 and later read TOML 1.1, which ``tomllib`` refuses. The tests here hold
the two parsers together: same documents accepted, same values.
"""

from __future__ import annotations

import importlib.util
import tomllib
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
])


@settings(max_examples=300)
@given(st.lists(_PIECES, max_size=8).map("\n".join))
def test_the_loader_reads_exactly_what_tomllib_reads(doc: str) -> None:
    expected, got = both(doc)
    if expected is tomllib.TOMLDecodeError:
        assert got is tomllib.TOMLDecodeError, doc
    else:
        assert repr(got) == repr(expected), doc  # repr: nan is not equal to itself


@settings(max_examples=20, deadline=None)
@given(regulations())
def test_regulation_files_parse_the_same(reg: Any) -> None:
    text = to_toml(reg)
    assert loader._parse_toml(text) == tomllib.loads(text)
