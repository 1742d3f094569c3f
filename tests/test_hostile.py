"""Hostile input: mutated preset files and raw text or bytes fed to the loader.

Property (design notes section 8): whatever the input, ``steering.loads``
returns a valid :class:`~steering.Regulation` or raises one
:class:`~steering.RegulationFileError` whose message names the file and, for
structural problems, the path inside it. Nothing else escapes (no bare
``KeyError``, ``UnicodeError``, ``RecursionError``, cattrs or networkx error);
nothing is half-built (a failed load leaves the presets as they were); size and
depth are bounded by limits with clear errors.

The number of inputs tried, by kind, is printed in the terminal summary
("hostile inputs tried"), from :data:`strategies.HOSTILE_COUNTS`.
"""

from __future__ import annotations

import copy
import datetime as dt
import tomllib
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import tomli_w
from hypothesis import given, settings
from hypothesis import strategies as st

import steering
from steering.loader import MAX_BYTES, MAX_DEPTH
from steering.regulation import Regulation
from strategies import HOSTILE_COUNTS, regulations, to_toml

PRESET_DIR = Path(steering.presets.__file__).parent
PRESETS: dict[str, tuple[str, str, dict[str, Any]]] = {}
for _path in sorted(PRESET_DIR.glob("*.toml")):
    _text = _path.read_text(encoding="utf-8")
    PRESETS[_path.stem] = (str(_path), _text, tomllib.loads(_text))
PRESET_IDS = sorted(PRESETS)

#: Mutating the presets is the heart of this suite: twice the profile's examples.
_profile = settings.get_profile(settings.get_current_profile_name())
_HEAVY = settings(_profile, max_examples=2 * _profile.max_examples)


def outcome(data: str | bytes, file: str, kind: str, *, structural: bool) -> Regulation | None:
    """Load ``data``; assert it is a valid regulation or a well-formed RegulationFileError."""
    HOSTILE_COUNTS[kind] += 1
    try:
        reg = steering.loads(data, file=file)
    except steering.RegulationFileError as e:
        error = e
    else:
        assert isinstance(reg, Regulation)
        assert steering.validate(reg) == ()
        return reg
    message = str(error)
    assert message.startswith(f"{file}: "), message[:200]
    assert error.file == file
    assert error.problems, "an error lists at least one problem"
    assert all(p.file == file for p in error.problems)
    assert all(p.message for p in error.problems)
    if structural:
        assert any(p.path for p in error.problems), message[:500]
        for p in error.problems:
            if p.path:
                assert f"  - {p.path}: " in message
    return None


# -- structural mutations of the presets' parsed documents ---------------------------------


#: What the mutators draw with: ``st.DrawFn`` inside a composite, ``data.draw`` in a test.
Draw = Callable[[st.SearchStrategy[Any]], Any]


def _slots(doc: Any, path: str = "") -> list[tuple[Any, Any, str]]:
    """Every (container, key, path) in a parsed document, in document order."""
    out: list[tuple[Any, Any, str]] = []
    stack: list[tuple[Any, str]] = [(doc, path)]
    while stack:
        node, p = stack.pop()
        if isinstance(node, dict):
            for k, v in node.items():
                sub = f"{p}.{k}" if p else k
                out.append((node, k, sub))
                stack.append((v, sub))
        elif isinstance(node, list):
            for i, v in enumerate(node):
                sub = f"{p}[{i}]"
                out.append((node, i, sub))
                stack.append((v, sub))
    return out


_other_values = st.one_of(
    st.integers(-(2**63), 2**63 - 1),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
    st.text(max_size=20),
    st.dates(),
    st.datetimes(),
    st.times(),
    st.lists(st.integers(), max_size=3),
    st.dictionaries(st.text(min_size=1, max_size=5), st.integers(), max_size=3),
    st.just([]),
    st.just({}),
)


@st.composite
def structural_mutants(draw: st.DrawFn) -> tuple[str, str, str]:
    """A preset document with one to three structural mutations, as TOML text."""
    name = draw(st.sampled_from(PRESET_IDS))
    file, _, parsed = PRESETS[name]
    doc = copy.deepcopy(parsed)
    kinds = []
    for _ in range(draw(st.integers(1, 3))):
        kind = draw(st.sampled_from(("delete_key", "change_type", "swap_ids", "dangle_id",
                                     "inject_cycle", "duplicate_row")))
        kinds.append(kind)
        _MUTATE[kind](draw, doc)
    return file, tomli_w.dumps(doc), "+".join(sorted(set(kinds)))


def _pick(draw: Draw, doc: Any, want: Callable[[Any, Any], bool]) -> tuple[Any, Any, str]:
    slots = [s for s in _slots(doc) if want(s[0], s[1])]
    if not slots:
        return doc, None, ""
    return slots[draw(st.integers(0, len(slots) - 1))]


def _delete_key(draw: Draw, doc: Any) -> None:
    node, key, _ = _pick(draw, doc, lambda n, _k: isinstance(n, dict))
    if key is not None:
        del node[key]


def _change_type(draw: Draw, doc: Any) -> None:
    node, key, _ = _pick(draw, doc, lambda _n, _k: True)
    if key is None:
        return
    new = draw(_other_values)
    if type(new) is type(node[key]):
        new = [new]
    if isinstance(node, list) and node and not isinstance(new, type(node[0])):
        pass  # TOML arrays may mix types since 1.0
    node[key] = new


def _posts(doc: Any) -> list[dict[str, Any]]:
    """The post tables of a (possibly already mutated) document: an earlier mutation
    may have turned ``posts`` into a scalar."""
    posts = doc.get("posts", [])
    if not isinstance(posts, list):
        return []
    return [p for p in posts if isinstance(p, dict) and "id" in p]


def _post_ids(doc: Any) -> list[str]:
    return [p["id"] for p in _posts(doc)]


def _swap_ids(draw: Draw, doc: Any) -> None:
    posts = _posts(doc)
    if len(posts) < 2:
        return
    a, b = draw(st.lists(st.sampled_from(range(len(posts))), min_size=2, max_size=2,
                         unique=True))
    posts[a]["id"], posts[b]["id"] = posts[b]["id"], posts[a]["id"]


def _dangle_id(draw: Draw, doc: Any) -> None:
    """Point a reference at another post, or at nothing."""
    ids = _post_ids(doc)
    node, key, _ = _pick(draw, doc, lambda n, k: isinstance(n[k], str) and n[k] in ids)
    if key is not None:
        node[key] = draw(st.sampled_from([*ids, "ghost", "committee", "", "Head"]))


def _inject_cycle(draw: Draw, doc: Any) -> None:
    ids = _post_ids(doc) or ["head"]
    a = draw(st.sampled_from(ids))
    b = draw(st.sampled_from(ids))
    cite = {"document": "regulation", "article": 1, "quote": "vắng mặt"}
    if draw(st.booleans()):
        doc.setdefault("substitutions", []).extend([
            {"principal": a, "substitutes": [b], "rank": 77, "citation": cite},
            {"principal": b, "substitutes": [a], "rank": 78, "citation": cite},
        ])
    else:
        doc.setdefault("accountability", []).extend([
            {"subject": a, "to": [b], "citation": cite},
            {"subject": b, "to": [a], "citation": cite},
        ])


def _duplicate_row(draw: Draw, doc: Any) -> None:
    node, key, _ = _pick(draw, doc, lambda n, _k: isinstance(n, list))
    if key is not None:
        node.insert(key, copy.deepcopy(node[key]))


_MUTATE: dict[str, Callable[[Draw, Any], None]] = {
    "delete_key": _delete_key,
    "change_type": _change_type,
    "swap_ids": _swap_ids,
    "dangle_id": _dangle_id,
    "inject_cycle": _inject_cycle,
    "duplicate_row": _duplicate_row,
}


@_HEAVY
@given(structural_mutants())
def test_structurally_mutated_presets_load_or_name_file_and_path(
    mutant: tuple[str, str, str],
) -> None:
    file, text, kind = mutant
    outcome(text, file, f"structural:{kind.split('+')[0]}", structural=True)


# -- byte-level mutations ------------------------------------------------------------------

_ENCODINGS = ("utf-16", "utf-16-le", "utf-16-be", "utf-32", "cp1258", "latin-1", "cp1252")


@st.composite
def byte_mutants(draw: st.DrawFn) -> tuple[str, bytes, str]:
    """A preset file truncated, re-encoded, spliced or with bytes flipped."""
    name = draw(st.sampled_from(PRESET_IDS))
    file, text, _ = PRESETS[name]
    data = text.encode("utf-8")
    kind = draw(st.sampled_from(("truncate", "reencode", "splice_text", "splice_bytes",
                                 "flip_bytes", "bom", "nfd")))
    if kind == "truncate":
        data = data[: draw(st.integers(0, len(data)))]
    elif kind == "reencode":
        enc = draw(st.sampled_from(_ENCODINGS))
        source = unicodedata.normalize("NFD", text) if enc == "cp1258" else text
        data = source.encode(enc, errors="replace")
        kind = f"reencode:{enc}"
    elif kind == "splice_text":
        at = draw(st.integers(0, len(text)))
        data = (text[:at] + draw(st.text(max_size=40)) + text[at:]).encode("utf-8")
    elif kind == "splice_bytes":
        at = draw(st.integers(0, len(data)))
        data = data[:at] + draw(st.binary(max_size=40)) + data[at:]
    elif kind == "flip_bytes":
        buf = bytearray(data)
        for _ in range(draw(st.integers(1, 8))):
            i = draw(st.integers(0, len(buf) - 1))
            buf[i] = draw(st.integers(0, 255))
        data = bytes(buf)
    elif kind == "bom":
        data = b"\xef\xbb\xbf" + data
    else:
        data = unicodedata.normalize("NFD", text).encode("utf-8")
    return file, data, kind


@_HEAVY
@given(byte_mutants())
def test_byte_mutated_presets_load_or_raise_one_error(mutant: tuple[str, bytes, str]) -> None:
    file, data, kind = mutant
    reg = outcome(data, file, f"bytes:{kind.split(':')[0]}", structural=False)
    if kind in ("bom", "nfd"):
        assert reg is not None, kind
        assert reg == steering.presets.load(Path(file).stem)


@pytest.mark.parametrize("enc", ["utf-16", "utf-16-le", "utf-32", "cp1258", "latin-1"])
@pytest.mark.parametrize("name", PRESET_IDS)
def test_a_file_in_another_encoding_is_refused_with_the_encoding_named(name: str,
                                                                      enc: str) -> None:
    file, text, _ = PRESETS[name]
    source = unicodedata.normalize("NFD", text) if enc == "cp1258" else text
    HOSTILE_COUNTS[f"encoding:{enc}"] += 1
    with pytest.raises(steering.RegulationFileError) as info:
        steering.loads(source.encode(enc, errors="replace"), file=file)
    assert str(info.value).startswith(f"{file}: ")
    assert "UTF-8" in str(info.value)


# -- raw hypothesis text and bytes ---------------------------------------------------------


@given(st.text())
def test_raw_text_loads_or_raises_one_error(text: str) -> None:
    outcome(text, "raw.toml", "raw:text", structural=False)


_odd_chars = st.characters(codec=None, categories=["Co", "Cn", "Cc", "Mn"])
_surrogate = st.sampled_from(["\ud800", "\udbff", "\udc00", "\udfff"])


@given(st.builds(lambda a, s, b: a + s + b, st.text(_odd_chars), _surrogate | st.just(""),
                 st.text(_odd_chars)))
def test_raw_text_with_surrogates_and_controls(text: str) -> None:
    """Hypothesis never draws lone surrogates by itself; they are spliced in here."""
    outcome(text, "surrogates.toml", "raw:odd_text", structural=False)


@given(st.binary())
def test_raw_bytes_load_or_raise_one_error(data: bytes) -> None:
    outcome(data, "raw.bin", "raw:bytes", structural=False)


_toml_scalars = st.one_of(st.integers(-(2**63), 2**63 - 1), st.booleans(), st.text(max_size=20),
                          st.floats(), st.dates())
_toml_docs = st.recursive(
    st.dictionaries(st.text(min_size=1, max_size=8), _toml_scalars, max_size=4),
    lambda inner: st.dictionaries(
        st.sampled_from(["id", "format", "identity", "committee", "posts", "substitutions",
                         "role", "title", "citation", "quote", "x"]),
        st.one_of(inner, st.lists(inner, max_size=3), _toml_scalars),
        max_size=5,
    ),
    max_leaves=20,
)


@given(_toml_docs)
def test_well_formed_toml_of_the_wrong_shape_names_a_path(doc: dict[str, Any]) -> None:
    outcome(tomli_w.dumps(doc), "shape.toml", "raw:toml_shape", structural=True)


@given(regulations(), st.data())
def test_generated_regulation_with_one_key_deleted(reg: Regulation, data: st.DataObject) -> None:
    doc = tomllib.loads(to_toml(reg))
    _delete_key(data.draw, doc)
    outcome(tomli_w.dumps(doc), "generated.toml", "generated:delete_key", structural=True)


# -- size and depth limits -------------------------------------------------------------------


@pytest.mark.parametrize("name", PRESET_IDS)
@pytest.mark.parametrize("how", ["comment", "string", "rows"])
def test_a_file_grown_past_the_size_limit_is_refused_with_its_size(name: str, how: str) -> None:
    file, text, doc = PRESETS[name]
    if how == "comment":
        big = text + ("# " + "Ban Chỉ đạo " * 80 + "\n") * (MAX_BYTES // 900 + 10)
    elif how == "string":
        big = text + f'\n[x]\ny = "{"đ" * MAX_BYTES}"\n'
    else:
        grown = copy.deepcopy(doc)
        big = text
        while len(big.encode("utf-8")) <= MAX_BYTES:
            grown["posts"] = grown["posts"] * 2
            big = tomli_w.dumps(grown)
    assert len(big.encode("utf-8")) > MAX_BYTES
    HOSTILE_COUNTS[f"size:{how}"] += 1
    with pytest.raises(steering.RegulationFileError) as info:
        steering.loads(big, file=file)
    assert str(info.value).startswith(f"{file}: ")
    assert f"allowed: at most {MAX_BYTES} bytes" in str(info.value)


def test_a_file_just_under_the_size_limit_still_loads() -> None:
    file, text, _ = PRESETS["dak-nong-2021"]
    pad = MAX_BYTES - len(text.encode("utf-8")) - 200
    big = text + ("#" + " " * 98 + "\n") * (pad // 100)
    assert len(big.encode("utf-8")) <= MAX_BYTES
    HOSTILE_COUNTS["size:just_under"] += 1
    assert steering.loads(big, file=file) == steering.presets.load("dak-nong-2021")


@pytest.mark.parametrize("depth", [MAX_DEPTH + 1, 100, 1_000, 50_000])
@pytest.mark.parametrize("shape", ["array", "inline_table", "dotted_key", "table_header"])
def test_deep_nesting_is_refused_with_a_clear_error(depth: int, shape: str) -> None:
    file, text, _ = PRESETS["dak-nong-2021"]
    if shape == "array":
        extra = "deep = " + "[" * depth + "1" + "]" * depth
    elif shape == "inline_table":
        extra = "deep = " + "{a = " * depth + "1" + "}" * depth
    elif shape == "dotted_key":
        extra = "deep." + ".".join(["a"] * depth) + " = 1"
    else:
        extra = "[deep." + ".".join(["a"] * depth) + "]\nb = 1"
    HOSTILE_COUNTS[f"depth:{shape}"] += 1
    data = text.replace("format = 1\n", f"format = 1\n{extra}\n", 1) if shape != "table_header" \
        else text + "\n" + extra + "\n"
    with pytest.raises(steering.RegulationFileError) as info:
        steering.loads(data, file=file)
    message = str(info.value)
    assert message.startswith(f"{file}: ")
    assert "nesting" in message or "bytes" in message or "unknown key" in message, message[:300]


def test_nothing_is_half_built_after_failures() -> None:
    """A failed load changes nothing: the same text loads to the same value before and after."""
    cached = {n: steering.presets.load(n) for n in steering.presets.names()}
    before = {name: steering.loads(PRESETS[name][1], file=PRESETS[name][0]) for name in PRESET_IDS}
    for name in PRESET_IDS:
        file, text, _ = PRESETS[name]
        for cut in (0, 10, len(text) // 2):
            HOSTILE_COUNTS["half_built:truncate"] += 1
            with pytest.raises(steering.RegulationFileError):
                steering.loads(text[:cut] + "\x00", file=file)
    after = {name: steering.loads(PRESETS[name][1], file=PRESETS[name][0]) for name in PRESET_IDS}
    assert after == before
    assert all(steering.presets.load(n) is cached[n] for n in cached)


def test_a_date_outside_the_range_is_a_clean_error() -> None:
    file, text, _ = PRESETS["dak-nong-2021"]
    bad = text.replace('signed = "2021-11-25"', f"signed = {dt.date.max.isoformat()}T23:59:59")
    HOSTILE_COUNTS["value:datetime"] += 1
    with pytest.raises(steering.RegulationFileError) as info:
        steering.loads(bad, file=file)
    assert any(p.path == "identity.signed" for p in info.value.problems)


@pytest.mark.parametrize("name", PRESET_IDS)
def test_the_stdlib_parser_and_the_fast_parser_agree(name: str,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """``steering.loads`` uses toml-rs, then compiled tomli, when installed, else tomllib:
    the same regulations, and the same refusals."""
    import steering.loader

    file, text, _ = PRESETS[name]
    broken = text[: len(text) // 3] + '\nx = "unterminated\n'
    regs = []
    for without in ((), ("_toml_rs",), ("_toml_rs", "_tomli")):
        for parser in without:
            monkeypatch.setattr(steering.loader, parser, None)
        regs.append(steering.loads(text, file=file))
        with pytest.raises(steering.RegulationFileError) as info:
            steering.loads(broken, file=file)
        # tomli and tomllib may word the syntax error differently (tomli is newer).
        assert str(info.value).startswith(f"{file}: 1 problem")
        assert "found invalid TOML" in str(info.value)
    assert regs[0] == regs[1] == regs[2]
