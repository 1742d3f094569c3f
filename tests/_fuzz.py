"""Hostile values for the fuzz harness past ``loads()`` (tests/test_fuzz_doors.py).

Two families:

- **file fields**: values a stranger may write into any field of a regulation
  file (wrong types, huge or negative numbers, control characters, bidi
  overrides, very long strings, NUL, dotted keys, deep nesting, unknown keys,
  traversal in ``source``). Lone surrogates cannot be written in TOML text and
  are left out here (they are tried as arguments instead).
- **door arguments**: values a caller may pass to a public function (ids with
  a trailing newline, ``None``, numbers, bytes, sets, lone surrogates,
  100 KB strings, dates as strings, naive or far-off dates, wrong enums).

:data:`FUZZ_COUNTS` tallies how many inputs each door saw; ``conftest.py``
prints it at the end of the session ("fuzz inputs by door").
"""

from __future__ import annotations

import collections
import copy
import datetime as dt
import os
import tomllib
from pathlib import Path
from typing import Any

import pendulum
import tomli_w
from hypothesis import strategies as st

import steering

#: Inputs tried, by door (``load``, ``query:acting_for``, ``cli:show``, ...).
FUZZ_COUNTS: collections.Counter[str] = collections.Counter()


class Mutant(tuple[str, str, str, dict[str, Any]]):
    """``(preset, kind, path, document)``, shown by what changed (a document is long)."""

    def __repr__(self) -> str:
        name, kind, path, doc = self
        value: Any = doc
        for part in path.replace("[", ".[").split("."):
            if not part:
                continue
            try:
                value = value[int(part[1:-1])] if part.startswith("[") else value[part]
            except (KeyError, IndexError, TypeError, ValueError):
                value = "?"
                break
        shown = repr(value)
        if len(shown) > 160:
            shown = f"{shown[:150]}... ({len(shown)} chars)"
        return f"Mutant({name!r}, {kind!r}, {path!r} = {shown})"


class Short(tuple[str, str]):
    """``(what, text)`` shown with the text cut short."""

    def __repr__(self) -> str:
        what, text = self
        return f"Short({what!r}, {text[:120]!r}... ({len(text)} chars))"


#: ``FUZZ_SURVEY=1``: a foreign exception is recorded here (door: type: message) instead
#: of failing the test, so one run lists every distinct one; never set in CI.
SURVEY = bool(os.environ.get("FUZZ_SURVEY"))
FOREIGN: collections.Counter[str] = collections.Counter()


def tally(door: str) -> None:
    """Count one input for ``door``."""
    FUZZ_COUNTS[door] += 1


PRESET_DIR = Path(steering.presets.__file__).parent
PRESET_IDS = tuple(sorted(p.stem for p in PRESET_DIR.glob("*.toml")))
#: Each preset's parsed document, read once.
DOCS: dict[str, dict[str, Any]] = {
    name: tomllib.loads((PRESET_DIR / f"{name}.toml").read_text(encoding="utf-8"))
    for name in PRESET_IDS
}

# -- text -------------------------------------------------------------------------------

#: Characters that must never reach a terminal, XML, iCalendar or Markdown raw.
CONTROL = ("\x00", "\x01", "\x07", "\x08", "\x0b", "\x0c", "\r", "\x1b", "\x1b[31m",
           "\x1b]0;owned\x07", "\x7f", "\x85", "\x9b", "\u2028", "\u2029")
#: Bidirectional overrides and invisible characters.
BIDI = ("\u202e", "\u202d", "\u2066", "\u2067", "\u2068", "\u2069", "\u200f", "\u200e",
        "\ufeff", "\u200b")
#: Strings that mean something to the programs outputs go to.
PAYLOADS = (
    '%%{init: {"theme": "dark", "themeCSS": "body{display:none}"}}%%',
    "%%{init}%%",
    "%% comment",
    '"]\n    evil["x',
    "</small>```\n<img src=x onerror=alert(1)>\n```",
    "```",
    '<script>alert("x")</script>',
    '"><svg onload=alert(1)>',
    "<b onclick=x>",
    "&amp;&lt;&#x3c;",
    "<![CDATA[x]]>",
    "]]>",
    "<!-- x -->",
    "\nEND:VEVENT\nBEGIN:VEVENT\nSUMMARY:injected\n",
    "\r\nX-INJECTED:1",
    "a;b,c\\n",
    "digraph { a -> b }",
    '"; b [label="x"]; c="',
    "{{7*7}}",
    "${HOME}",
    "#",
    "`",
    "|",
    "\\",
    "a.b.c",
    '"a"."b".c',
)
_VI = "Trưởng ban Phó Trưởng ban Thường trực Ủy viên Đông Sơn"


@st.composite
def hostile_text(draw: st.DrawFn, *, long: bool = True) -> str:
    """A string a stranger might write: payloads, control and bidi characters, long runs."""
    kind = draw(st.sampled_from(("payload", "control", "bidi", "mixed", "long", "unicode")))
    if kind == "payload":
        return draw(st.sampled_from(PAYLOADS))
    if kind == "control":
        return _VI + draw(st.sampled_from(CONTROL)) + _VI
    if kind == "bidi":
        return draw(st.sampled_from(BIDI)) + _VI
    if kind == "mixed":
        parts = draw(st.lists(st.sampled_from((*PAYLOADS, *CONTROL, *BIDI, _VI)), min_size=2,
                              max_size=5))
        return "".join(parts)
    if kind == "long" and long:
        n = draw(st.sampled_from((1_000, 10_000, 100_000)))
        return draw(st.sampled_from(("x", "Đ", "a.", "\n", "<", "%"))) * n
    return draw(st.text(st.characters(codec="utf-8"), max_size=30))


def _deep(depth: int, leaf: Any, *, as_dict: bool) -> Any:
    value = leaf
    for _ in range(depth):
        value = {"k": value} if as_dict else [value]
    return value


#: Values for a field of a regulation file (all writable as TOML).
file_values: st.SearchStrategy[Any] = st.one_of(
    hostile_text(),
    st.sampled_from((2**63 - 1, -(2**63), -1, 0, 10**18, 1_000_000)),
    st.integers(),
    st.sampled_from((float("nan"), float("inf"), -0.0, 1e308)),
    st.booleans(),
    st.dates(),
    st.datetimes(),
    st.datetimes(timezones=st.just(dt.UTC)),
    st.times(),
    st.just([]),
    st.just({}),
    st.builds(lambda d, a: _deep(d, "x", as_dict=a), st.integers(5, 60), st.booleans()),
    st.dictionaries(st.sampled_from(("unknown", "a.b", "", "id", "__class__", "\u202e")),
                    st.integers(), min_size=1, max_size=3),
    st.lists(st.one_of(st.integers(), st.text(max_size=5)), min_size=1, max_size=4),
)

#: ``source`` values that leave the regulation's folder or are not a regular file there.
ESCAPING_SOURCES = (
    "/etc/hostname",
    "/etc/passwd",
    "../__init__.py",
    "../../../../../../../../etc/hostname",
    "sources/../../loader.py",
    "sources/../../../steering/py.typed",
)
#: ``source`` values inside the folder that are not a regular text file.
ODD_SOURCES = ("sources", ".", "", "sources/", "sources/ghost.txt", "sources/\x00.txt",
               "dak-nong-2021.toml")

#: Keys whose string values are free text (names, titles, topics), by preset field name.
TEXT_KEYS = frozenset({
    "topic", "matter", "note", "name", "title", "text", "agency", "scope", "documents",
    "office", "issuer", "locality", "decision_number", "participants", "forms", "lines",
    "platform", "condition", "excludes", "number",
})


def slots(doc: Any) -> list[tuple[Any, Any, str]]:
    """Every ``(container, key, path)`` of a parsed document, in a fixed order."""
    out: list[tuple[Any, Any, str]] = []
    stack: list[tuple[Any, str]] = [(doc, "")]
    while stack:
        node, p = stack.pop()
        items = node.items() if isinstance(node, dict) else enumerate(node)
        for k, v in items:
            sub = (f"{p}.{k}" if p else str(k)) if isinstance(node, dict) else f"{p}[{k}]"
            out.append((node, k, sub))
            if isinstance(v, dict | list):
                stack.append((v, sub))
    return out


def _key_of(path: str) -> str:
    return path.rsplit(".", 1)[-1].split("[", 1)[0]


@st.composite
def field_mutants(draw: st.DrawFn) -> Mutant:
    """A preset's document with one field replaced by a hostile value.

    Returns ``(preset, kind, path, document)``; ``kind`` names the mutation
    (``value``, ``unknown_key``, ``source:escape``, ``source:odd``).
    """
    name = draw(st.sampled_from(PRESET_IDS))
    doc = copy.deepcopy(DOCS[name])
    kind = draw(st.sampled_from(("value", "value", "value", "unknown_key", "source:escape",
                                 "source:odd")))
    if kind == "source:escape":
        doc["source"] = draw(st.sampled_from(ESCAPING_SOURCES))
        return Mutant((name, kind, "source", doc))
    if kind == "source:odd":
        doc["source"] = draw(st.sampled_from(ODD_SOURCES))
        return Mutant((name, kind, "source", doc))
    everything = slots(doc)
    if kind == "unknown_key":
        tables = [(n, k, p) for n, k, p in everything if isinstance(n[k], dict)]
        node, key, path = tables[draw(st.integers(0, len(tables) - 1))]
        new_key = draw(st.sampled_from(("unknown", "a.b", "", " ", "\u202eid", "id\n", "ID")))
        if new_key in node[key]:
            new_key += "_x"
        node[key][new_key] = draw(file_values)
        return Mutant((name, kind, f"{path}.{new_key}", doc))
    node, key, path = everything[draw(st.integers(0, len(everything) - 1))]
    node[key] = draw(file_values)
    return Mutant((name, kind, path, doc))


@st.composite
def text_mutants(draw: st.DrawFn) -> Mutant:
    """A preset's document (source text dropped) with one to three free-text fields hostile.

    Such a document is a valid regulation unless the loader refuses the text
    itself (control characters): it exercises what outputs do with file text.
    """
    name = draw(st.sampled_from(PRESET_IDS))
    doc = copy.deepcopy(DOCS[name])
    doc.pop("source", None)
    text = [(n, k, p) for n, k, p in slots(doc)
            if isinstance(n[k], str) and _key_of(p) in TEXT_KEYS and n[k]]
    paths: list[str] = []
    for _ in range(draw(st.integers(1, 3))):
        node, key, path = text[draw(st.integers(0, len(text) - 1))]
        payload = draw(hostile_text(long=False))
        node[key] = draw(st.sampled_from((payload, node[key] + payload, payload + node[key])))
        paths.append(path)
    return Mutant((name, "text", paths[-1], doc))


def dump(doc: dict[str, Any]) -> str:
    """A document as TOML text."""
    return tomli_w.dumps(doc)


# -- raw text mutations (things a dict cannot say) --------------------------------------

@st.composite
def raw_mutants(draw: st.DrawFn) -> Short:
    """A preset's text with raw TOML inserted: dotted-key runs, comments, blank runs."""
    name = draw(st.sampled_from(PRESET_IDS))
    text = (PRESET_DIR / f"{name}.toml").read_text(encoding="utf-8")
    n = draw(st.integers(1, 300))
    what = draw(st.sampled_from(("dotted_key", "key_run", "comment_run", "string_run",
                                 "unterminated", "blank_lines", "table_dots")))
    insert = {
        "dotted_key": "a" + ".b" * n + " = 1\n",
        "key_run": "a" * n + ".b" * 15 + " = 1\n",
        "comment_run": "# " + "a" * n + ".b" * 15 + " = 1\n",
        "string_run": 'zz = "' + "a" * n + ".b" * 15 + ' = 1"\n',
        "unterminated": 'zz = "' + '\\"' * n + "\n",
        "blank_lines": "\n" * (n * 10),
        "table_dots": "[" + ".".join(["t"] * min(n, 200)) + "]\nx = 1\n",
    }[what]
    where = draw(st.sampled_from(("top", "end")))
    if where == "top":
        return Short((what, insert + text))
    return Short((what, text + "\n" + insert))


# -- arguments --------------------------------------------------------------------------

#: Strings that look like ids but are not quite one.
ODD_IDS = ("", " ", "head\n", "head ", " head", "HEAD", "Head", "head\x00", "\x00", "\ud800",
           "head\ud800", "committee\n", "ghost", "../head", "head,deputy", "*", ".*", "\u202ehead",
           "trưởng ban", "x" * 100_000, "%%{init}%%", "<b>")


def hostile_ids(real: tuple[str, ...]) -> st.SearchStrategy[Any]:
    """An id argument: a real one, a near miss, or something that is no id at all."""
    return st.one_of(
        st.sampled_from(real),
        st.sampled_from(ODD_IDS),
        st.none(),
        st.integers(),
        st.floats(),
        st.booleans(),
        st.just(b"head"),
        st.just(["head"]),
        st.just({"head": 1}),
        st.just(frozenset({"head"})),
        st.just(object()),
        st.text(max_size=20),
    )


def hostile_absent(real: tuple[str, ...]) -> st.SearchStrategy[Any]:
    """An ``absent`` argument: a set, list, string, generator, or junk."""
    ids = st.one_of(st.sampled_from(real), st.sampled_from(ODD_IDS))
    return st.one_of(
        st.frozensets(ids, max_size=4),
        st.lists(ids, max_size=4),
        st.sets(st.sampled_from(real), max_size=4),
        st.builds(iter, st.lists(st.sampled_from(real), max_size=3)),
        hostile_ids(real),
        st.just([None]),
        st.just([1, 2]),
        st.just([["head"]]),
    )


#: Date arguments: real dates, the far past and future, strings, datetimes, junk.
hostile_dates: st.SearchStrategy[Any] = st.one_of(
    st.dates(),
    st.sampled_from((dt.date.min, dt.date.max, dt.date(1900, 12, 31), dt.date(2101, 1, 1),
                     dt.date(2024, 2, 29))),
    st.datetimes(),
    st.datetimes(timezones=st.just(dt.UTC)),
    st.sampled_from(("2024-01-01", "2024-13-01", "2024-02-30", "２０２４-01-01", "2024-01-01\n",
                     "", "9999-12-31", "0001-01-01", "yesterday", "\x00")),
    st.builds(pendulum.date, st.integers(1990, 2030), st.integers(1, 12), st.integers(1, 28)),
    st.builds(lambda d: pendulum.datetime(d.year, d.month, d.day), st.dates()),
    st.none(),
    st.integers(),
    st.floats(),
    st.just([dt.date(2024, 1, 1)]),
)

#: Boolean flags: booleans and things that are not.
hostile_flags: st.SearchStrategy[Any] = st.one_of(
    st.booleans(), st.sampled_from(("no", "false", "", "yes", 0, 1, 2, None, 0.0, [], [False]))
)

#: Language arguments.
hostile_langs: st.SearchStrategy[Any] = st.one_of(
    st.sampled_from(("vi", "en")),
    st.sampled_from(("VI", "fr", "", "vi\n", "en ", None, 1, b"vi", ["vi"], "\ud800")),
)
