"""Fuzz harness past ``loads()``: hostile values through every public door (issue #10).

What every door promises (design notes, bad-input policy; docs/security.md):

- only documented errors escape: a :class:`~steering.SteeringError` subclass
  (``RegulationFileError`` for files, ``QueryError`` / ``UnknownPostError`` for
  arguments, an error that is both a ``SteeringError`` and a ``TypeError`` for
  wrong types); never a bare ``ValueError``, ``KeyError``, ``AssertionError``,
  ``RecursionError`` or a networkx / icalendar / cattrs error;
- the CLI answers with exit code 0 or 1, or 2 with one line on stderr, never a
  traceback or "internal error";
- outputs parse back in the program they are meant for: iCalendar with
  ``icalendar``, GraphML with networkx and ``xml.etree``, DOT with pydot,
  JSON with ``json``, HTML with :mod:`html.parser` (no element or attribute
  name comes from file text), Mermaid with no ``%%`` directive and no fence
  break from file text, the terminal with no control character from a file;
- work stays within bounds, counted rather than timed: a year's calendar has
  at most (months in span + 1) x (sum of cadence ``times``) occurrences, a
  ruling's text grows at most linearly with the question asked, query caches
  do not keep megabytes of arguments.

FIFOs and devices are given to ``load`` only in subprocesses
(tests/test_untrusted_paths.py); here paths are regular files, symlinks,
loops, folders and names that cannot exist.

How many inputs each door saw is printed at the end of the session
("fuzz inputs by door", from :data:`_fuzz.FUZZ_COUNTS`).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import gc
import html.parser
import io
import json
import os
import shutil
import tempfile
import tracemalloc
import unicodedata
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from functools import cache
from pathlib import Path
from typing import Any

import icalendar
import networkx as nx
import pydot
import pytest
from hypothesis import Phase, given, settings
from hypothesis import strategies as st

import _fuzz
import steering
from _fuzz import (
    DOCS,
    PRESET_DIR,
    PRESET_IDS,
    dump,
    field_mutants,
    hostile_absent,
    hostile_dates,
    hostile_flags,
    hostile_ids,
    hostile_langs,
    hostile_text,
    raw_mutants,
    tally,
    text_mutants,
)
from steering import cli, exports
from steering._display import graph_markdown
from steering.authority import AuthorityGraph
from steering.ics import from_ics, to_ics
from steering.regulation import Regulation
from steering.ruling import Ruling, Status
from steering.schedule import Occurrence, calendar, calendar_gaps

STAMP = dt.datetime(2024, 1, 1, tzinfo=dt.UTC)


def fuzz(n: int) -> settings:
    """This test's example budget: ``n`` under the ``ci`` profile, a quarter under ``dev``.

    ``FUZZ_NO_SHRINK=1`` skips shrinking, to survey every distinct failure quickly.
    """
    profile = settings.get_profile(settings.get_current_profile_name())
    scale = 1.0 if profile.max_examples >= 200 else 0.25
    extra: dict[str, Any] = {}
    if os.environ.get("FUZZ_NO_SHRINK"):
        extra["phases"] = (Phase.explicit, Phase.reuse, Phase.generate)
    return settings(profile, max_examples=max(5, int(n * scale)), **extra)


# -- the model, read once ----------------------------------------------------------------


@cache
def preset(name: str) -> Regulation:
    return steering.presets.load(name)


@cache
def graph(name: str) -> AuthorityGraph:
    return preset(name).authority()


def attempt(door: str, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    """Call ``fn``; a documented error is returned, anything else propagates and fails."""
    tally(door)
    try:
        return fn(*args, **kwargs)
    except steering.SteeringError as e:
        error = e
    except Exception as e:
        if not _fuzz.SURVEY:
            raise
        kind = f"{door}: {type(e).__name__}"
        seen = [k for k in _fuzz.FOREIGN if k.startswith(f"{kind} (")]
        first = f"{kind} (e.g. {' '.join(str(e).split())[:80]})"
        _fuzz.FOREIGN[seen[0] if seen else first] += 1
        return steering.SteeringError(f"survey: {type(e).__name__}")
    assert str(error).strip(), f"{door}: an error says what went wrong"
    return error


def controls(text: str, allowed: str = "\n") -> list[str]:
    """The control characters (Unicode category Cc) in ``text``, except ``allowed``."""
    return sorted({repr(c) for c in text if unicodedata.category(c) == "Cc" and c not in allowed})


# -- outputs that must parse back ----------------------------------------------------------


class _Tags(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: set[str] = set()
        self.attrs: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        self.attrs.update(a for a, _ in attrs)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)


def html_names(text: str) -> tuple[set[str], set[str]]:
    """The element and attribute names an HTML parser finds in ``text``."""
    p = _Tags()
    p.feed(text)
    p.close()
    return p.tags, p.attrs


@cache
def safe_html_names() -> tuple[frozenset[str], frozenset[str]]:
    """Element and attribute names the library itself writes (from the clean presets)."""
    tags: set[str] = set()
    attrs: set[str] = set()
    for name in PRESET_IDS:
        reg = preset(name)
        for text in (reg._repr_html_(), steering.compare(reg, preset(PRESET_IDS[0]))._repr_html_()):
            t, a = html_names(text)
            tags |= t
            attrs |= a
    return frozenset(tags), frozenset(attrs)


def check_html(text: str, where: str) -> None:
    tags, attrs = html_names(text)
    safe_tags, safe_attrs = safe_html_names()
    assert tags <= safe_tags, f"{where}: elements from file text: {sorted(tags - safe_tags)}"
    assert attrs <= safe_attrs, f"{where}: attributes from file text: {sorted(attrs - safe_attrs)}"


def check_graph_outputs(g: AuthorityGraph) -> None:
    """Every export of ``g`` parses back with the node and edge counts of the graph."""
    nxg = g.to_networkx()
    n_nodes, n_edges = nxg.number_of_nodes(), nxg.number_of_edges()

    tally("export:mermaid")
    mermaid = g.to_mermaid()
    assert "%%" not in mermaid, "a Mermaid directive or comment from file text"
    assert "```" not in mermaid, "a Markdown fence inside the Mermaid text"
    assert not controls(mermaid), f"control characters in Mermaid: {controls(mermaid)}"
    tally("export:markdown")
    md = graph_markdown(g)
    assert md.count("```") == 2, "file text closed or opened a Markdown fence"
    tally("export:svg")
    svg = g.to_svg()
    ET.fromstring(svg)  # well-formed: no name from the file broke out of its text node
    assert "<script" not in svg

    tally("export:dot")
    dot = g.to_dot()
    assert not controls(dot), f"control characters in DOT: {controls(dot)}"
    parsed = pydot.graph_from_dot_data(dot)
    assert parsed is not None
    assert len(parsed) == 1
    names = {n.get_name() for n in parsed[0].get_nodes()} - {"node", "edge", "graph"}
    assert len(names) == n_nodes
    assert len(parsed[0].get_edges()) == n_edges

    tally("export:graphml")
    gml = g.to_graphml()
    ET.fromstring(gml.encode("utf-8"))  # well-formed XML
    back = nx.read_graphml(io.BytesIO(gml.encode("utf-8")))
    assert back.number_of_nodes() == n_nodes
    assert back.number_of_edges() == n_edges

    tally("export:node_link")
    data = json.loads(exports.to_node_link_json(g))
    assert len(data["nodes"]) == n_nodes
    assert json.loads(json.dumps(g.to_node_link(), ensure_ascii=False)) == data


def year_in_force(reg: Regulation) -> tuple[dt.date, dt.date]:
    first = reg.in_force_from
    return first, dt.date(first.year, 12, 31) if first.month < 12 else dt.date(first.year + 1,
                                                                                 12, 31)


def cadence_bound(reg: Regulation, start: dt.date, end: dt.date) -> int:
    """The most occurrences the rules of ``reg`` can date in ``[start, end]``."""
    months = (end.year - start.year) * 12 + end.month - start.month + 1
    per_month = sum(c.times for m in reg.meetings for c in m.cadences)
    per_month += sum(c.times for r in reg.reports for c in r.cadences)
    return (months + 1) * per_month


#: A year's calendar larger than this means a count was not bounded at load.
MAX_YEAR_OCCURRENCES = 100_000


def check_calendar(reg: Regulation, start: dt.date, end: dt.date,
                   result: tuple[Occurrence, ...]) -> None:
    bound = cadence_bound(reg, start, end)
    assert len(result) <= bound, f"{len(result)} occurrences; rules allow at most {bound}"
    for o in result:
        assert start <= o.closes <= end, o
        assert o.opens <= o.closes, o
    assert list(result) == sorted(result, key=lambda o: o.sort_key)


def check_ics(reg: Regulation, occ: tuple[Occurrence, ...]) -> None:
    tally("export:ics")
    data = to_ics(occ, regulation=reg, stamp=STAMP)
    assert isinstance(data, bytes)
    assert b"\r" not in data.replace(b"\r\n", b""), "a bare CR in iCalendar output"
    cal = icalendar.Calendar.from_ical(data)
    components = [c for c in cal.walk() if c.name in {"VEVENT", "VTODO"}]
    assert len(components) == len(occ), "file text added or removed a component"
    tally("door:from_ics")
    back = from_ics(data)
    assert len(back) == len(occ)
    assert [o.closes for o in back] == [o.closes for o in occ]


def run_cli(argv: list[str]) -> tuple[int, str, str]:
    """``steering.cli.main(argv)`` in process, stdout and stderr captured."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            rc = cli.main(argv)
        except SystemExit as e:  # argparse must never exit on its own
            pytest.fail(f"SystemExit({e.code}) escaped cli.main({argv!r}): {err.getvalue()!r}")
    return rc, out.getvalue(), err.getvalue()


def check_cli(argv: list[str]) -> tuple[int, str, str]:
    tally(f"cli:{argv[0] if argv else '(none)'}")
    rc, out, err = run_cli(argv)
    assert rc in {0, 1, 2}, rc
    assert "Traceback" not in err
    assert "internal error" not in err, err[:500]
    assert not controls(out, "\n\t"), f"control characters reach the terminal: {controls(out)}"
    assert not controls(err, "\n"), f"control characters reach the terminal: {controls(err)}"
    if rc == 2:
        assert err.endswith("\n")
        assert err.count("\n") == 1, f"exit 2 gives one line on stderr: {err[:500]!r}"
        assert err.startswith("steering: error: "), err[:200]
    elif "--json" in argv:
        json.loads(out)
    return rc, out, err


# -- 1. file fields --------------------------------------------------------------------------


def _escapes(source: str) -> bool:
    """Whether ``source`` leaves the preset folder (absolute, or ``..`` past its root).

    Every escaping value of ``_fuzz.ESCAPING_SOURCES`` names a file outside the
    folder once resolved, so a loader that resolves and then confines refuses it too.
    """
    if source.startswith("/"):
        return True
    depth = 0
    for part in source.split("/"):
        if part == "..":
            depth -= 1
            if depth < 0:
                return True
        elif part not in {"", "."}:
            depth += 1
    return False


@fuzz(120)
@given(field_mutants())
def test_hostile_field_values_load_or_refuse(mutant: tuple[str, str, str, dict[str, Any]]) -> None:
    """One field of a preset replaced by a hostile value: a valid regulation or a
    RegulationFileError naming the file, never a foreign exception; a ``source``
    leaving the folder is refused at ``source`` before it is read."""
    name, kind, path, doc = mutant
    file = str(PRESET_DIR / f"{name}.toml")
    text = dump(doc)
    result = attempt(f"load:field:{kind}", steering.loads, text, file=file, base=PRESET_DIR)
    if isinstance(result, steering.SteeringError):
        assert isinstance(result, steering.RegulationFileError), type(result)
        assert result.file == file
        assert str(result).startswith(f"{file}: ")
        assert result.problems
        if kind == "source:escape":
            assert any(p.path == "source" for p in result.problems), str(result)[:500]
            assert not any(p.path.endswith(".quote") for p in result.problems), (
                "a quote was checked against a file outside the folder")
        return
    assert kind != "source:escape" or not _escapes(doc["source"]), (
        f"source {doc['source']!r} outside the folder was read")
    assert isinstance(result, Regulation)
    assert steering.validate(result) == ()
    # What loaded must go through the doors that read the whole model.
    start, end = year_in_force(result)
    bound = cadence_bound(result, start, end)
    assert bound <= MAX_YEAR_OCCURRENCES, f"{path}: load accepted {bound} occurrences a year"
    occ = attempt("door:calendar", result.calendar, start, end)
    assert not isinstance(occ, steering.SteeringError) or isinstance(occ, steering.QueryError)
    if isinstance(occ, tuple):
        check_calendar(result, start, end, occ)


@fuzz(80)
@given(raw_mutants())
def test_raw_toml_insertions_load_or_refuse(mutant: tuple[str, str]) -> None:
    """Dotted-key runs, crafted key runs, unterminated strings and blank-line runs."""
    what, text = mutant
    result = attempt(f"load:raw:{what}", steering.loads, text, file="crafted.toml")
    if isinstance(result, steering.SteeringError):
        assert isinstance(result, steering.RegulationFileError), type(result)
        assert str(result).startswith("crafted.toml: ")
    else:
        assert isinstance(result, Regulation)


@fuzz(30)
@given(text_mutants())
def test_file_text_is_escaped_in_every_output(mutant: tuple[str, str, str, dict[str, Any]]) -> None:
    """Hostile names, titles and topics: refused at load, or escaped wherever they go."""
    name, _, _, doc = mutant
    reg = attempt("load:text", steering.loads, dump(doc), file="hostile.toml")
    if isinstance(reg, steering.SteeringError):
        assert isinstance(reg, steering.RegulationFileError), type(reg)
        return
    g = reg.authority()
    check_graph_outputs(g)
    tally("export:html")
    check_html(reg._repr_html_(), "Regulation._repr_html_")
    tally("door:compare")
    comparison = steering.compare(preset(name), reg)
    check_html(comparison._repr_html_(), "Comparison._repr_html_")
    for lang in ("vi", "en"):
        text = comparison.explain(lang)
        assert len(text) <= 4 * (len(dump(doc)) + len(dump(DOCS[name]))) + 10_000
    tally("door:table")
    json.dumps(steering.table([preset(name), reg]), ensure_ascii=False, default=str)
    start, end = year_in_force(reg)
    tally("door:calendar")
    occ = reg.calendar(start, end)
    check_calendar(reg, start, end, occ)
    check_ics(reg, occ)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "hostile.toml"
        path.write_text(dump(doc), encoding="utf-8")
        for argv in (["show", str(path)], ["--json", "show", str(path)],
                     ["calendar", str(path), "--from", start.isoformat(), "--to",
                      end.isoformat()],
                     ["validate", str(path)]):
            check_cli(argv)


# -- 2. load on paths (regular files, symlinks, loops, folders) ------------------------------


@pytest.fixture(scope="module")
def folder() -> Iterator[Path]:
    tmp = Path(tempfile.mkdtemp(prefix="steering-fuzz-"))
    base = tmp / "regs"
    base.mkdir()
    doc = dict(DOCS["dak-nong-2021"])
    doc.pop("source")
    (base / "good.toml").write_text(dump(doc), encoding="utf-8")
    (base / "empty.toml").write_bytes(b"")
    (base / "bom.toml").write_bytes(b"\xef\xbb\xbf" + dump(doc).encode())
    (base / "utf16.toml").write_bytes(dump(doc).encode("utf-16"))
    (base / "dir.toml").mkdir()
    (base / "link.toml").symlink_to(base / "good.toml")
    (base / "loop_a.toml").symlink_to(base / "loop_b.toml")
    (base / "loop_b.toml").symlink_to(base / "loop_a.toml")
    (base / "broken.toml").symlink_to(base / "ghost.toml")
    (base / "dirlink.toml").symlink_to(base / "dir.toml")
    (tmp / "outside.toml").write_text(dump(doc), encoding="utf-8")
    (base / "escape.toml").symlink_to(tmp / "outside.toml")
    big = base / "big.toml"
    big.write_bytes(b"# " + b"x" * (steering.loader.MAX_BYTES + 10) + b"\n")
    (base / "unreadable.toml").write_text(dump(doc), encoding="utf-8")
    (base / "unreadable.toml").chmod(0)
    yield base
    (base / "unreadable.toml").chmod(0o600)
    shutil.rmtree(tmp)


_PATH_NAMES = ("good.toml", "empty.toml", "bom.toml", "utf16.toml", "dir.toml", "link.toml",
               "loop_a.toml", "broken.toml", "dirlink.toml", "escape.toml", "big.toml",
               "unreadable.toml", "ghost.toml", ".", "..", "../outside.toml", "../regs/good.toml",
               "good.toml/", "good.toml/x", "good.toml\x00", "\x00", "", "x" * 5000,
               "\ud800.toml", "good.toml\n")


@fuzz(60)
@given(st.sampled_from(_PATH_NAMES), st.sampled_from(("str", "path", "bytes")))
def test_load_paths_in_a_folder(folder: Path, name: str, as_: str) -> None:
    """``load`` on files, symlinks, loops, folders and impossible names: a regulation
    or a RegulationFileError naming the path (str, PathLike); wrong types a SteeringError."""
    full = str(folder / name) if name else ""
    arg: Any = {"str": full, "path": Path(full), "bytes": os.fsencode(full)
                if "\ud800" not in full else full.encode("utf-8", "surrogatepass")}[as_]
    result = attempt(f"load:path:{as_}", steering.load, arg)
    if isinstance(result, Regulation):
        # The caller chose the path: a symlink or ".." out of the folder is theirs to take;
        # pathlib drops a trailing slash, so "good.toml/" names the regular file.
        readable = {"good.toml", "link.toml", "escape.toml", "../regs/good.toml",
                    "../outside.toml", "bom.toml", "good.toml/"}
        if os.access(folder / "good.toml", os.R_OK) and os.geteuid() == 0:
            readable.add("unreadable.toml")  # mode 0 does not stop root
        assert name in readable
        return
    if as_ == "bytes" and not isinstance(result, steering.RegulationFileError):
        return  # a wrong type: any SteeringError (attempt let nothing else through)
    assert isinstance(result, steering.RegulationFileError), type(result)
    assert result.problems


@fuzz(40)
@given(st.one_of(st.none(), st.integers(), st.just(["good.toml"]), st.just(object()),
                 st.just(3.5), hostile_text(long=False)))
def test_load_and_loads_refuse_wrong_types(value: Any) -> None:
    """``load`` and ``loads`` given what is no path or text: a SteeringError."""
    for door, fn in (("load:type", steering.load), ("loads:type", steering.loads)):
        result = attempt(door, fn, value)
        assert not isinstance(result, Regulation) or isinstance(value, str)


# -- 3. queries ---------------------------------------------------------------------------------


def _query_call(draw: st.DrawFn, name: str) -> tuple[str, Callable[..., Any], tuple[Any, ...],
                                                    dict[str, Any]]:
    g = graph(name)
    reg = preset(name)
    ids = tuple(reg.node_ids())
    pid = hostile_ids(ids)
    method = draw(st.sampled_from(("acting_for", "seal_for", "signature_block", "accountable_to",
                                   "reports_to", "conveners", "proxy", "monitor_of",
                                   "monitored_by")))
    kw: dict[str, Any] = {}
    if method == "acting_for":
        args: tuple[Any, ...] = (draw(pid), draw(hostile_absent(ids)), draw(hostile_dates))
    elif method == "seal_for":
        args = (draw(pid), draw(st.one_of(st.none(), hostile_text(long=False))))
        kw = {"on": draw(hostile_dates), "delegations": draw(st.one_of(
            st.none(), st.just([]), st.just(reg.delegations), st.just(["x"]), st.just("x"),
            st.just([None])))}
    elif method == "signature_block":
        args = (draw(pid), draw(hostile_absent(ids)), draw(hostile_dates))
        kw = {"document": draw(st.one_of(st.none(), hostile_text(long=False), st.integers())),
              "delegations": draw(st.one_of(st.none(), st.just([]), st.just("x")))}
    elif method == "accountable_to":
        args = (draw(pid),)
        kw = {"transitive": draw(hostile_flags)}
    elif method in {"conveners"}:
        args = (draw(st.one_of(st.sampled_from(("regular", "extraordinary", "expanded")), pid)),
                draw(pid))
    elif method == "proxy":
        args = (draw(pid), draw(pid))
    elif method == "monitor_of":
        args = (draw(st.one_of(hostile_text(), pid,
                               st.sampled_from(("Đông Sơn", "huyện Đông Sơn", "h Đông Sơn",
                                                "TP Thanh Hóa", "Gia Nghĩa"))),),)
    else:
        args = (draw(pid),)
    return method, getattr(g, method), args, kw


@st.composite
def query_calls(draw: st.DrawFn) -> tuple[str, str, Callable[..., Any], tuple[Any, ...],
                                          dict[str, Any]]:
    name = draw(st.sampled_from(PRESET_IDS))
    return (name, *_query_call(draw, name))


def _size(value: Any) -> int:
    try:
        return len(repr(value))
    except Exception:  # a generator or odd object: count it as small
        return 100


@fuzz(400)
@given(query_calls())
def test_every_query_checks_its_arguments(
    call: tuple[str, str, Callable[..., Any], tuple[Any, ...], dict[str, Any]],
) -> None:
    """Each AuthorityGraph query: a Ruling about a real id, or a documented error."""
    name, method, fn, args, kw = call
    result = attempt(f"query:{method}", fn, *args, **kw)
    if isinstance(result, steering.SteeringError):
        return
    assert isinstance(result, Ruling), type(result)
    assert result.status in set(Status)
    if method != "monitor_of":
        subject = args[0]
        assert isinstance(subject, str | steering.rules.MeetingKind), (
            f"{method} answered for a {type(subject).__name__}")
        if method not in {"conveners"}:
            assert subject in preset(name).node_ids(), f"{method} answered for {subject!r}"
    # Work within bounds: a ruling's text grows with the regulation and the question only.
    room = 20 * len(dump(DOCS[name])) + 4 * sum(_size(a) for a in (*args, *kw.values()))
    assert _size(result) <= room, f"{method}: ruling of {_size(result)} characters"


@fuzz(150)
@given(st.sampled_from(PRESET_IDS), st.data())
def test_regulation_lookups_check_their_arguments(name: str, data: st.DataObject) -> None:
    reg = preset(name)
    ids = tuple(reg.node_ids())
    value = data.draw(hostile_ids(ids))
    for door, fn in (("reg:post", reg.post), ("reg:posts_with_role", reg.posts_with_role),
                     ("reg:name_of", reg.name_of)):
        result = attempt(door, fn, value)
        if door == "reg:name_of" and isinstance(result, str):
            assert value in ids
    kind: Any = data.draw(st.one_of(st.none(), st.integers(), hostile_text(long=False),
                               st.just(reg), st.just({})))
    attempt("door:validate", steering.validate, kind)
    attempt("door:validate", steering.validate, reg, source=kind)


def test_query_caches_keep_no_megabytes_of_arguments() -> None:
    """100 distinct 100 KB questions to each of two queries: the caches keep little of them."""
    g = preset("thanh-hoa-2024").authority()
    gc.collect()
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        for i in range(100):
            for door, fn in (("cache:monitor_of", g.monitor_of), ("cache:acting_for",
                                                                   g.acting_for)):
                attempt(door, fn, f"{i:06d}" + "x" * 100_000)
        gc.collect()
        kept = tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()
    assert kept < 4_000_000, f"the caches keep {kept:,} bytes of questions (20 MB asked)"


# -- 4. calendars -------------------------------------------------------------------------------

_options = st.one_of(
    st.just({}),
    st.fixed_dictionaries({"in_force_only": hostile_flags}),
    st.fixed_dictionaries({"policy": st.sampled_from(("next_working_day", "previous_working_day",
                                                       "none", "bogus", None, 1, "\x00"))}),
    st.fixed_dictionaries({"workdays": st.sampled_from((None, "x", 1))}),
    st.fixed_dictionaries({"bogus": st.integers()}),
)


@fuzz(200)
@given(st.sampled_from(PRESET_IDS), hostile_dates, hostile_dates, _options)
def test_calendar_checks_its_arguments_and_bounds_its_work(
    name: str, start: Any, end: Any, options: dict[str, Any]
) -> None:
    reg = preset(name)
    result = attempt("door:calendar", reg.calendar, start, end, **options)
    if isinstance(result, steering.SteeringError):
        return
    assert isinstance(result, tuple)
    a = dt.date.fromisoformat(start) if isinstance(start, str) else start
    b = dt.date.fromisoformat(end) if isinstance(end, str) else end
    assert isinstance(a, dt.date)
    assert isinstance(b, dt.date)
    a = dt.date(a.year, a.month, a.day)
    b = dt.date(b.year, b.month, b.day)
    assert (b - a).days <= 366 * 200, "the calendar span is bounded"
    check_calendar(reg, a, b, result)


@fuzz(40)
@given(st.one_of(st.none(), st.integers(), st.just("dak-nong-2021"), st.just({}),
                 st.sampled_from(PRESET_IDS).map(preset)))
def test_calendar_functions_check_the_regulation(value: Any) -> None:
    attempt("door:calendar_gaps", calendar_gaps, value)
    attempt("door:schedule.calendar", calendar, value, dt.date(2024, 1, 1), dt.date(2024, 12, 31))


# -- 5. exports, iCalendar, compare, table --------------------------------------------------------


@fuzz(60)
@given(st.one_of(st.none(), st.integers(), st.just("graph"),
                 st.sampled_from(PRESET_IDS).map(preset)))
def test_exports_check_the_graph(value: Any) -> None:
    for door, fn in (("export:to_mermaid", exports.to_mermaid), ("export:to_dot", exports.to_dot),
                     ("export:to_graphml", exports.to_graphml),
                     ("export:to_node_link", exports.to_node_link),
                     ("export:to_node_link_json", exports.to_node_link_json)):
        result = attempt(door, fn, value)
        assert isinstance(result, steering.SteeringError), f"{door} exported a {type(value)}"


@st.composite
def ics_inputs(draw: st.DrawFn) -> tuple[Any, dict[str, Any]]:
    reg = preset(draw(st.sampled_from(PRESET_IDS)))
    occ = reg.calendar(*year_in_force(reg))
    items = draw(st.one_of(st.just(occ), st.just(occ[:1]), st.just(()), st.just([None]),
                           st.just("abc"), st.none(), st.just([1]), st.just(iter(occ)),
                           st.just([*occ, "x"])))
    kw = {
        "name": draw(st.one_of(st.just(""), hostile_text(long=False), st.none(), st.integers())),
        "regulation": draw(st.one_of(st.just(reg), st.none(), st.just("x"))),
        "stamp": draw(st.one_of(st.just(STAMP), st.none(), st.just(dt.datetime(2024, 1, 1)),
                                st.just("2024-01-01"), st.just(1))),
    }
    return items, kw


@fuzz(80)
@given(ics_inputs())
def test_to_ics_checks_its_arguments_and_writes_icalendar(call: tuple[Any, dict[str, Any]]) -> None:
    items, kw = call
    materialised = list(items) if isinstance(items, tuple | list) else None
    result = attempt("door:to_ics", to_ics, items, **kw)
    if isinstance(result, steering.SteeringError):
        return
    assert isinstance(result, bytes)
    assert b"\r" not in result.replace(b"\r\n", b""), "a bare CR in iCalendar output"
    cal = icalendar.Calendar.from_ical(result)
    if materialised is not None:
        assert len([c for c in cal.walk() if c.name in {"VEVENT", "VTODO"}]) == len(materialised)


def _ics_text() -> str:
    reg = preset("dak-nong-2021")
    return to_ics(reg.calendar(dt.date(2022, 1, 1), dt.date(2022, 6, 30)), regulation=reg,
                  stamp=STAMP).decode("utf-8")


@st.composite
def hostile_ics(draw: st.DrawFn) -> Any:  # noqa: PLR0911 - one return per kind of damage
    kind = draw(st.sampled_from(("text", "bytes", "deep_json", "swap", "cut", "flip", "junk")))
    base = _ics_text()
    if kind == "text":
        return draw(hostile_text())
    if kind == "bytes":
        return draw(st.binary(max_size=200))
    if kind == "deep_json":
        n = draw(st.sampled_from((10, 1_000, 100_000)))
        return base.replace("X-STEERING-CITATIONS:", "X-STEERING-CITATIONS:" + "[" * n, 1)
    if kind == "swap":
        return base.replace("X-STEERING-OPENS", "X-TMP").replace(
            "X-STEERING-CLOSES", "X-STEERING-OPENS").replace("X-TMP", "X-STEERING-CLOSES")
    if kind == "cut":
        return base[: draw(st.integers(0, len(base)))]
    if kind == "flip":
        i = draw(st.integers(0, len(base) - 1))
        char = draw(st.sampled_from(("\x00", ";", ":", "\r", "\n ", "\u202e", "x")))
        return base[:i] + char + base[i:]
    return draw(st.one_of(st.none(), st.integers(), st.just([base])))


@fuzz(120)
@given(hostile_ics())
def test_from_ics_reads_or_refuses(data: Any) -> None:
    result = attempt("door:from_ics", from_ics, data)
    if isinstance(result, steering.SteeringError):
        assert isinstance(result, steering.QueryError | TypeError), type(result)
        return
    assert isinstance(result, tuple)
    for o in result:
        assert isinstance(o, Occurrence)
        assert o.opens <= o.closes, f"an occurrence closes {o.closes} before it opens {o.opens}"


_regs_or_junk: st.SearchStrategy[Any] = st.one_of(
    st.sampled_from(PRESET_IDS).map(preset), st.none(), st.just("dak-nong-2021"), st.integers(),
    st.just({}))


@fuzz(60)
@given(_regs_or_junk, _regs_or_junk, hostile_langs, st.data())
def test_compare_and_table_check_their_arguments(a: Any, b: Any, lang: Any,
                                                 data: st.DataObject) -> None:
    comparison = attempt("door:compare", steering.compare, a, b)
    if isinstance(comparison, steering.Comparison):
        assert isinstance(a, Regulation)
        assert isinstance(b, Regulation)
        for door, fn, args in (
            ("comparison:explain", comparison.explain, (lang,)),
            ("comparison:rows", comparison.rows, (lang,)),
            ("comparison:aspect", comparison.aspect, (data.draw(hostile_text(long=False)),)),
            ("comparison:get", comparison.get, (data.draw(st.one_of(hostile_text(long=False),
                                                                     st.none())),)),
        ):
            attempt(door, fn, *args)
    regs = data.draw(st.one_of(st.lists(_regs_or_junk, max_size=3), st.none(), st.just("abc"),
                               st.just(iter([preset("dak-nong-2021")]))))
    result = attempt("door:table", steering.table, regs, lang=lang,
                     as_dataframe=data.draw(hostile_flags))
    if isinstance(result, tuple):
        json.dumps(result, ensure_ascii=False, default=str)


@fuzz(60)
@given(st.one_of(hostile_text(long=False), st.sampled_from(PRESET_IDS), st.none(), st.integers(),
                 st.just([]), st.just("../presets/dak-nong-2021")), hostile_dates)
def test_presets_doors_check_their_arguments(value: Any, on: Any) -> None:
    attempt("presets:load", steering.presets.load, value)
    attempt("presets:path", steering.presets.path, value)
    attempt("presets:succession", steering.presets.succession, value)
    attempt("presets:in_force", steering.presets.in_force, value, on)
    attempt("presets:in_force", steering.presets.in_force, "Thanh Hóa", on)


# -- 6. every CLI subcommand, in process ----------------------------------------------------------

_CLI_DATES = st.one_of(st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2040, 12, 31)).map(
    dt.date.isoformat), st.sampled_from(("2024-13-01", "0001-01-01", "9999-12-31", "", "x",
                                         "２０２４-01-01", "2024-01-01\n", "-1")))
_CLI_TEXT = st.one_of(st.sampled_from(("head", "standing_deputy", "committee", "member",
                                       "Đông Sơn", "ghost", "", "head\n", "\x1b[31m", "-x",
                                       "%%{init}%%", "a,b,,", "x" * 10_000)),
                      hostile_text(long=False).filter(lambda s: "\x00" not in s))


@st.composite
def cli_argvs(draw: st.DrawFn) -> list[str]:  # noqa: PLR0912 - one branch per subcommand
    regs = st.one_of(st.sampled_from(PRESET_IDS), st.sampled_from(
        ("ghost", "", "-", ".", "/", "..", "dak-nong", "DAK-NONG-2021", " dak-nong-2021",
         str(PRESET_DIR / "dak-nong-2021.toml"), str(PRESET_DIR), str(PRESET_DIR / "sources"),
         str(PRESET_DIR / "sources" / "dak-nong-2021.txt"), "\ud800", "x" * 5000)))
    cmd = draw(st.sampled_from(("presets", "show", "acting", "seal", "accountable", "convene",
                                "monitor", "calendar", "compare", "validate", "bogus", "")))
    argv: list[str] = []
    if draw(st.booleans()):
        argv.append("--json")
    if draw(st.booleans()):
        argv += ["--lang", draw(st.sampled_from(("vi", "en", "fr", "")))]
    argv.append(cmd)
    if cmd == "presets":
        if draw(st.booleans()):
            argv += ["--locality", draw(_CLI_TEXT)]
        if draw(st.booleans()):
            argv += ["--on", draw(_CLI_DATES)]
    elif cmd in {"show"}:
        argv.append(draw(regs))
    elif cmd in {"acting", "seal", "accountable", "monitor"}:
        argv += [draw(regs), draw(_CLI_TEXT)]
        if cmd == "acting" and draw(st.booleans()):
            argv += ["--absent", draw(_CLI_TEXT)]
        if cmd in {"acting", "seal"} and draw(st.booleans()):
            argv += ["--on", draw(_CLI_DATES)]
        if cmd == "seal" and draw(st.booleans()):
            argv += ["--document", draw(_CLI_TEXT)]
        if cmd == "accountable" and draw(st.booleans()):
            argv.append("--transitive")
    elif cmd == "convene":
        argv += [draw(regs), draw(st.sampled_from(("regular", "extraordinary", "expanded",
                                                   "REGULAR", "")))]
        if draw(st.booleans()):
            argv += ["--body", draw(_CLI_TEXT)]
    elif cmd == "calendar":
        argv.append(draw(regs))
        start = draw(_CLI_DATES)
        argv += ["--from", start, "--to", draw(st.one_of(_CLI_DATES, st.just(start)))]
    elif cmd == "compare":
        argv += [draw(regs), draw(regs)]
    elif cmd == "validate":
        argv += draw(st.lists(regs, min_size=1, max_size=3))
    if draw(st.integers(0, 9)) == 0:
        argv.append(draw(st.sampled_from(("--bogus", "extra", "--json=1", "--on"))))
    return argv


@fuzz(100)
@given(cli_argvs())
def test_every_cli_subcommand_answers_or_fails_in_one_line(argv: list[str]) -> None:
    """``steering <command> ...`` in process: exit 0, 1, or 2 with one line on stderr."""
    check_cli(argv)


def test_cli_calendar_writes_icalendar_that_parses(tmp_path: Path) -> None:
    """``calendar --ics FILE`` writes what icalendar reads; a folder as FILE fails cleanly."""
    out = tmp_path / "cal.ics"
    rc, _, _ = check_cli(["calendar", "thanh-hoa-2024", "--from", "2024-01-01", "--to",
                          "2025-12-31", "--ics", str(out)])
    assert rc == 0
    cal = icalendar.Calendar.from_ical(out.read_bytes())
    assert [c for c in cal.walk() if c.name in {"VEVENT", "VTODO"}]
    for target in (tmp_path, tmp_path / "missing" / "x.ics"):
        rc, _, _ = check_cli(["calendar", "thanh-hoa-2024", "--from", "2024-01-01", "--to",
                              "2024-12-31", "--ics", str(target)])
        assert rc == 2
