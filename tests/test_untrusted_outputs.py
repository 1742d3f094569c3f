"""Text from a file is text: every output escapes a name for where it goes (design notes section 8).

A regulation's names come from a stranger. The loader may refuse control
characters, but a :class:`~steering.Regulation` can be built in Python with any
string, so these tests take a preset and give every name a hostile string
(``strategies.with_names``; no file involved), then read each output back with
the parser of its destination:

- Mermaid: one line per node and edge, generated ids, no ``%%``, quote, angle
  bracket, backtick or bare ``#`` in a label; the entity codes decode to the name;
- Markdown: markdown-it (CommonMark) sees one fenced ``mermaid`` block and nothing else;
- GraphML: an XML parser and ``networkx.read_graphml`` read it, with the same counts;
- DOT: pydot reads it, with the same counts and labels;
- iCalendar: icalendar reads it, as many components as occurrences, ``from_ics``
  gives them back, nothing injected even under ``python -O``, no bare CR;
- HTML: Python's HTML parser sees only the renderer's own elements and attributes;
- terminal: nothing the CLI prints holds a control character but its own newlines;
  ``--json`` parses to the hostile values themselves.
"""

from __future__ import annotations

import datetime as dt
import html
import io
import json
import re
import subprocess
import sys
import textwrap
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import icalendar
import networkx as nx
import pydot
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

import steering
import strategies
from steering import cli
from steering._display import (
    _CELL,
    comparison_html,
    graph_markdown,
    occurrences_html,
    regulation_html,
    ruling_html,
)
from steering._escape import (
    CONTROLS,
    markdown_fence,
    mermaid_label,
    text_value,
    visible,
    xml_text,
)
from steering.compare import compare
from steering.errors import QueryError
from steering.ics import MAX_JSON_DEPTH, from_ics, to_ics
from steering.regulation import Regulation
from steering.schedule import Occurrence

D = dt.date
PRESETS = steering.presets.names()
#: Every hostile payload at once, in every name: the fixed worst case.
ALL = list(strategies.HOSTILE_PAYLOADS)
#: Exporting a hostile preset costs tens of milliseconds; a few dozen examples suffice.
FEW = settings(max_examples=min(settings().max_examples, 30),
               suppress_health_check=[HealthCheck.too_slow])

names = st.lists(strategies.hostile_text(), min_size=1, max_size=12)


def hostile(preset: str, texts: list[str]) -> Regulation:
    strategies.HOSTILE_COUNTS["outputs:regulation"] += 1
    return strategies.with_names(steering.presets.load(preset), texts)


def _controls_in(text: str, allowed: str = "") -> set[str]:
    return {ch for ch in text if ord(ch) in CONTROLS and ch not in allowed}


# ----------------------------------------------------------------- Mermaid and Markdown

_ENTITY = re.compile(r"#(quot|\d+);")
_NODE = re.compile(r'    (n\d+)\["(.*)<br/><small>(.*)</small>"\]')
_EDGE = re.compile(r'    (n\d+) -->\|"(.*)"\| (n\d+)')


def _decode(label: str) -> str:
    return _ENTITY.sub(lambda m: '"' if m[1] == "quot" else chr(int(m[1])), label)


def _flat(text: str) -> str:
    """What a Mermaid label shows for ``text``: line breaks as spaces, controls visible."""
    breaks = dict.fromkeys((0x0A, 0x0B, 0x0C, 0x0D, 0x1C, 0x1D, 0x1E, 0x85, 0x2028, 0x2029), " ")
    return visible(text.replace("\r\n", " ").translate(breaks))


def check_mermaid(reg: Regulation) -> None:
    g = reg.authority().to_networkx()
    text = reg.authority().to_mermaid()
    lines = text.splitlines()
    # Python's splitlines also splits on U+2028, NEL, VT ...: each still one line.
    assert len(lines) == 1 + g.number_of_nodes() + g.number_of_edges()
    assert lines[0] == "flowchart BT"
    labels: dict[str, str] = {}
    for line in lines[1:]:
        node, edge = _NODE.fullmatch(line), _EDGE.fullmatch(line)
        assert node or edge, line
        parts = node.group(2, 3) if node else edge.group(2)  # type: ignore[union-attr]
        for part in (parts if isinstance(parts, tuple) else (parts,)):
            bare = _ENTITY.sub("", part)
            assert not set(bare) & set('"%#<>&|`[]{}();\\'), part
            assert not _controls_in(bare), part
        if node:
            labels[_decode(node[3])] = _decode(node[2])
    assert "%%" not in text
    assert "`" not in text
    # The entity codes decode back to the names, flattened to one line.
    for n, data in g.nodes(data=True):
        assert labels[_flat(str(n))] == _flat(str(data.get("label", n)))


@pytest.mark.parametrize("preset", PRESETS)
def test_mermaid_keeps_every_hostile_name_inside_its_label(preset: str) -> None:
    check_mermaid(hostile(preset, ALL))


@FEW
@given(st.sampled_from(PRESETS), names)
def test_mermaid_labels_hold_any_name(preset: str, texts: list[str]) -> None:
    check_mermaid(hostile(preset, texts))


def test_a_mermaid_init_directive_in_a_name_is_shown_not_obeyed() -> None:
    label = mermaid_label('%%{init: {"theme": "dark"}}%%')
    assert label == "#37;#37;#123;init: #123;#quot;theme#quot;: #quot;dark#quot;#125;#125;#37;#37;"
    assert mermaid_label("Trưởng ban Đắk Nông") == "Trưởng ban Đắk Nông"


def check_markdown(reg: Regulation) -> None:
    graph = reg.authority()
    md = graph_markdown(graph)
    tokens = MarkdownIt("commonmark").parse(md)
    assert [t.type for t in tokens] == ["fence"]
    assert tokens[0].info == "mermaid"
    assert tokens[0].content == graph.to_mermaid()
    rendered = MarkdownIt("commonmark").render(md)
    assert rendered.startswith('<pre><code class="language-mermaid">')
    assert rendered.count("<") == 4  # <pre><code ...> and </code></pre>, nothing from a name


@pytest.mark.parametrize("preset", PRESETS)
def test_a_title_cannot_close_the_markdown_fence(preset: str) -> None:
    check_markdown(hostile(preset, ALL))


@settings(max_examples=min(settings().max_examples, 60))
@given(st.lists(st.sampled_from(("`", "~", "\n", " ", "a", "<b>", "#"))).map("".join),
       st.integers(0, 3))
def test_no_content_closes_its_fence(content: str, indent: int) -> None:
    """CommonMark: whatever the content (backtick runs, tildes, indented fences), one block."""
    content = textwrap.indent(content, " " * indent)
    strategies.HOSTILE_COUNTS["outputs:markdown_fence"] += 1
    tokens = MarkdownIt("commonmark").parse(markdown_fence(content, "mermaid"))
    assert [t.type for t in tokens] == ["fence"]
    expected = content if content.endswith("\n") or not content else content + "\n"
    assert tokens[0].content == (expected or "\n")


# ----------------------------------------------------------------- GraphML and DOT


def check_graphml(reg: Regulation) -> None:
    graph = reg.authority()
    g = graph.to_networkx()
    text = graph.to_graphml()
    root = ET.fromstring(text.encode("utf-8"))  # well-formed XML 1.0
    assert root.tag.endswith("graphml")
    back = nx.read_graphml(io.BytesIO(text.encode("utf-8")))
    assert back.number_of_nodes() == g.number_of_nodes()
    assert back.number_of_edges() == g.number_of_edges()
    for n, data in g.nodes(data=True):
        assert back.nodes[xml_text(str(n))]["label"] == xml_text(str(data["label"]))


@pytest.mark.parametrize("preset", PRESETS)
def test_graphml_stays_well_formed_xml(preset: str) -> None:
    check_graphml(hostile(preset, ALL))


@FEW
@given(st.sampled_from(PRESETS), names)
def test_graphml_reads_back_for_any_name(preset: str, texts: list[str]) -> None:
    check_graphml(hostile(preset, texts))


def _unquote_dot(value: str) -> str:
    assert value.startswith('"'), value
    assert value.endswith('"'), value
    out, i, body = [], 0, value[1:-1]
    while i < len(body):
        if body[i] == "\\" and i + 1 < len(body):
            out.append({"n": "\n"}.get(body[i + 1], body[i + 1]))
            i += 2
        else:
            out.append(body[i])
            i += 1
    return "".join(out)


def _dot_shown(text: str) -> str:
    """What DOT keeps of ``text``: line breaks as newlines, other controls visible."""
    return text_value(text).replace("\r\n", "\n").replace("\r", "\n")


def check_dot(reg: Regulation) -> None:
    graph = reg.authority()
    g = graph.to_networkx()
    text = graph.to_dot()
    graphs = pydot.graph_from_dot_data(text)
    assert graphs is not None
    (parsed,) = graphs
    nodes = {_unquote_dot(n.get_name()): n for n in parsed.get_nodes() if n.get_name() != "node"}
    assert len(nodes) == g.number_of_nodes()
    assert len(parsed.get_edges()) == g.number_of_edges()
    for n, data in g.nodes(data=True):
        label = _unquote_dot(nodes[_dot_shown(str(n))].get("label"))
        assert label == _dot_shown(f"{data['label']}\n({n})")
    assert not _controls_in(text, "\n\t")


# pydot's grammar still calls pyparsing's camelCase names, which warn; not ours to fix.
_PYDOT_WARNINGS = pytest.mark.filterwarnings("ignore:.*deprecated.*:DeprecationWarning")


@_PYDOT_WARNINGS
@pytest.mark.parametrize("preset", PRESETS)
def test_dot_reads_back_with_hostile_names(preset: str) -> None:
    check_dot(hostile(preset, ALL))


@_PYDOT_WARNINGS
@settings(max_examples=min(settings().max_examples, 10),
          suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(PRESETS), names)
def test_dot_reads_back_for_any_name(preset: str, texts: list[str]) -> None:
    check_dot(hostile(preset, texts))


def test_node_link_json_parses_to_the_names_themselves() -> None:
    from steering.exports import to_node_link_json

    reg = hostile("dak-nong-2021", ALL)
    text = to_node_link_json(reg.authority())
    assert not _controls_in(text, "\n")
    data = json.loads(text)
    labels = {n["id"]: n["label"] for n in data["nodes"]}
    assert labels["head"] == next(p.title for p in reg.posts if p.id == "head")


# ----------------------------------------------------------------- iCalendar


def year(reg: Regulation, y: int = 2026) -> tuple[Occurrence, ...]:
    return tuple(reg.calendar(D(y, 1, 1), D(y, 12, 31)))


_PROPERTY = re.compile(rb"[A-Z][A-Z0-9-]*[;:]")


def check_ics(reg: Regulation) -> None:
    occs = year(reg)
    data = to_ics(occs, regulation=reg)
    assert not re.search(rb"\r(?!\n)", data), "a bare CR was written"
    assert not re.search(rb"(?<!\r)\n", data), "a bare LF was written"
    lines = data.replace(b"\r\n ", b"").split(b"\r\n")  # unfolded content lines
    assert lines.pop() == b""
    assert all(_PROPERTY.match(line) for line in lines)
    # Deadlines are all-day events by default (issue #17); to-dos only on request.
    assert lines.count(b"BEGIN:VEVENT") == len(occs)
    assert lines.count(b"BEGIN:VTODO") == 0
    assert sum(line.startswith(b"X-WR-CALNAME") for line in lines) == 1
    cal = icalendar.Calendar.from_ical(data)
    comps = [c for c in cal.walk() if c.name in {"VEVENT", "VTODO"}]
    assert len(comps) == len(occs)
    assert {c.name for c in cal.subcomponents} <= {"VEVENT", "VTODO", "VTIMEZONE"}
    for comp, occ in zip(comps, occs, strict=True):
        assert str(comp["uid"]) == occ.uid
        summary = str(comp["summary"])
        assert not _controls_in(summary, "\n\t")
    assert from_ics(data) == occs


@pytest.mark.parametrize("preset", PRESETS)
def test_icalendar_holds_hostile_names_as_text(preset: str) -> None:
    check_ics(hostile(preset, ALL))


@settings(max_examples=min(settings().max_examples, 15),
          suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(PRESETS), names)
def test_icalendar_round_trips_any_name(preset: str, texts: list[str]) -> None:
    check_ics(hostile(preset, texts))


def test_commas_semicolons_and_newlines_are_escaped_by_icalendar() -> None:
    """RFC 5545 section 3.3.11: TEXT escapes ``,`` ``;`` ``\\`` and line breaks."""
    reg = hostile("dak-nong-2021", ["Ban Chỉ đạo, tỉnh; Đắk Nông\r\nX-INJECTED:1\rA\\B"])
    occs = year(reg)
    data = to_ics(occs, regulation=reg)
    unfolded = data.replace(b"\r\n ", b"")
    assert "X-WR-CALNAME:Ban Chỉ đạo\\, tỉnh\\;".encode() in unfolded
    assert b"\r\nX-INJECTED" not in unfolded
    assert b"\\nX-INJECTED:1\\nA\\\\B" in unfolded
    cal = icalendar.Calendar.from_ical(data)
    assert "X-INJECTED" not in cal
    assert all("X-INJECTED" not in c for c in cal.walk())


_PROBE = """
import datetime as dt, sys, attrs, steering
from steering.ics import to_ics
reg = steering.presets.load("dak-nong-2021")
name = "Ban\\r\\nBEGIN:VEVENT\\r\\nUID:injected\\r\\nSUMMARY:chen\\r\\nEND:VEVENT\\r\\nX-A:"
reg = attrs.evolve(reg, committee=attrs.evolve(reg.committee, name=name))
occs = reg.calendar(dt.date(2026, 1, 1), dt.date(2026, 12, 31))
sys.stdout.buffer.write(to_ics(occs, regulation=reg))
"""


@pytest.mark.parametrize("flags", [[], ["-O"]], ids=["asserts", "python-O"])
def test_a_committee_name_injects_no_vevent_even_without_asserts(flags: list[str]) -> None:
    """Issue 10 item 6: the name once raised AssertionError, and under -O wrote a whole VEVENT."""
    src = str(Path(steering.__file__).parents[1])
    out = subprocess.run(
        [sys.executable, *flags, "-c", _PROBE],
        capture_output=True, timeout=120, check=False, env={"PYTHONPATH": src},
    )
    assert out.returncode == 0, out.stderr.decode()
    cal = icalendar.Calendar.from_ical(out.stdout)
    uids = [str(c["uid"]) for c in cal.walk() if c.name in {"VEVENT", "VTODO"}]
    assert "injected" not in uids
    # One VEVENT per occurrence (deadlines are all-day events by default), none injected.
    assert out.stdout.count(b"\r\nBEGIN:VEVENT\r\n") == len(
        steering.presets.load("dak-nong-2021").calendar(D(2026, 1, 1), D(2026, 12, 31))
    )
    assert "BEGIN:VEVENT" in str(cal["x-wr-calname"])  # kept, as text


def _one_event(**replace: bytes) -> bytes:
    reg = steering.presets.load("dak-nong-2021")
    data = to_ics(year(reg)[:1], regulation=reg)
    for key, value in replace.items():
        line = re.search(rb"X-STEERING-" + key.encode() + rb":[^\r]*", data)
        assert line is not None
        data = data.replace(line[0], b"X-STEERING-" + key.encode() + b":" + value)
    return data


@pytest.mark.parametrize("depth", [MAX_JSON_DEPTH + 1, 10_000, 200_000])
def test_deeply_nested_json_is_a_query_error_not_a_recursion_error(depth: int) -> None:
    data = _one_event(CITATIONS=b"[" * depth + b"]" * depth)
    with pytest.raises(QueryError, match="nested deeper"):
        from_ics(data)


def test_a_quote_full_of_brackets_is_not_nesting() -> None:
    reg = hostile("dak-nong-2021", ["[[[[[[[[{{{{{{{{ \\\" ]]]]"])
    occs = year(reg)
    assert from_ics(to_ics(occs, regulation=reg)) == occs


def test_an_occurrence_that_closes_before_it_opens_is_refused() -> None:
    data = _one_event(OPENS=b'"2026-03-31"', CLOSES=b'"2026-01-01"')
    with pytest.raises(QueryError, match="CLOSES: found 2026-01-01, before"):
        from_ics(data)


@pytest.mark.parametrize(
    "value",
    [b'[1]', b'[{"quote": 1, "extra": {}}]', b'[{"document": "d", "quote": "q", "article": 1,'
     b' "clause": null, "point": "", "part": "nonsense"}]'],
)
def test_garbled_citations_are_query_errors(value: bytes) -> None:
    with pytest.raises(QueryError, match="CITATIONS"):
        from_ics(_one_event(CITATIONS=value))


def test_from_ics_refuses_what_is_not_text() -> None:
    with pytest.raises(QueryError, match="allowed: iCalendar bytes or str"):
        from_ics(None)  # type: ignore[arg-type]


# ----------------------------------------------------------------- HTML


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, tuple[str, ...], str]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        names = tuple(a for a, _ in attrs)
        style = dict(attrs).get("style")
        # The renderer's own inline cell styles only: nothing from the file reaches them.
        assert style is None or style in _STYLES, style
        self.tags.append((tag, names, dict(attrs).get("class") or ""))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)

    def handle_data(self, data: str) -> None:
        self.text.append(data)

    def handle_comment(self, data: str) -> None:
        raise AssertionError(f"a comment from file text: {data!r}")

    def handle_pi(self, data: str) -> None:
        raise AssertionError(f"a processing instruction from file text: {data!r}")


def parse_html(text: str) -> _Tags:
    p = _Tags()
    p.feed(text)
    p.close()
    return p


_STYLES = {_CELL, f"{_CELL};background:#f3f3f3"}
_ELEMENTS = {"div", "style", "h4", "p", "b", "i", "br", "ul", "li", "table", "thead", "tbody",
             "tr", "th", "td", "span"}
_CLASSES = {"", "steering", "ns", "cite", "status-decided", "status-not_specified",
            "status-nobody_available"}


def check_html(text: str) -> _Tags:
    parsed = parse_html(text)
    for tag, attributes, cls in parsed.tags:
        assert tag in _ELEMENTS, tag
        assert set(attributes) <= {"class", "title", "style"}, attributes
        assert cls in _CLASSES, cls
    assert not _controls_in(text, "\n\t\r")
    return parsed


@pytest.mark.parametrize("preset", PRESETS)
def test_html_elements_come_only_from_the_renderer(preset: str) -> None:
    """A hostile regulation's HTML has the very elements of the same regulation with plain names."""
    reg = hostile(preset, ALL)
    # Distinct plain names where the hostile ones are distinct: rules grouped by name group alike.
    plain = strategies.with_names(steering.presets.load(preset),
                                  [f"tên số {i}" for i in range(len(ALL))])
    parsed = check_html(regulation_html(reg))
    assert parsed.tags == check_html(regulation_html(plain)).tags
    text = "".join(parsed.text)
    for p in reg.posts:
        assert text_value(p.title) in text  # shown as text, whole
    occs = year(reg)
    assert check_html(occurrences_html(occs)).tags == check_html(occurrences_html(year(plain))).tags
    check_html(comparison_html(compare(reg, plain)))
    check_html(comparison_html(compare(steering.presets.load(preset), reg), "en"))
    ruling = reg.authority().acting_for("head")
    check_html(ruling_html(ruling))
    check_html(ruling_html(ruling, "en"))


@FEW
@given(st.sampled_from(PRESETS), names)
def test_html_of_any_name_has_only_the_renderers_elements(preset: str, texts: list[str]) -> None:
    reg = hostile(preset, texts)
    text = "".join(check_html(regulation_html(reg)).text)
    assert text_value(reg.committee.name) in text
    assert check_html(ruling_html(reg.authority().acting_for("head"))).tags
    assert check_html(occurrences_html(year(reg))).tags


# ----------------------------------------------------------------- terminal


@pytest.fixture
def hostile_cli(monkeypatch: pytest.MonkeyPatch) -> Regulation:
    reg = hostile("dak-nong-2021", ALL)
    monkeypatch.setattr(cli._common, "load_regulation", lambda ref: reg)
    return reg


_COMMANDS = [
    ["show", "x"],
    ["show", "x", "--lang", "en"],
    ["acting", "x", "head"],
    ["seal", "x", "head"],
    ["calendar", "x", "--from", "2026-01-01", "--to", "2026-12-31"],
    ["compare", "x", "y"],
]


@pytest.mark.parametrize("argv", _COMMANDS, ids=" ".join)
def test_no_control_from_a_file_reaches_the_terminal(
    hostile_cli: Regulation, argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    cli.main(argv)
    out, err = capsys.readouterr()
    assert out
    assert not _controls_in(out, "\n"), sorted(_controls_in(out, "\n"))
    assert not _controls_in(err), err
    if argv[0] == "show":
        assert "\\x1b[31mđỏ\\x1b[0m" in out  # visible, Vietnamese intact
        assert "\\u202egnp.exe" in out


@pytest.mark.parametrize("argv", _COMMANDS, ids=" ".join)
def test_json_output_parses_to_the_hostile_values(
    hostile_cli: Regulation, argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    cli.main([*argv, "--json"])
    out, _ = capsys.readouterr()
    assert not _controls_in(out, "\n")
    data = json.loads(out)
    if argv[0] == "show":
        assert data["committee"]["name"] == hostile_cli.committee.name
        assert "Phó Trưởng ban Thường trực" in out  # Vietnamese readable, not \u-escaped


@pytest.mark.parametrize("fmt", ["popolo", "org-jsonld", "graphml", "mermaid", "dot"])
def test_export_to_the_terminal_carries_no_control(
    hostile_cli: Regulation, fmt: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["export", "x", "--format", fmt]) == cli.EXIT_ANSWER
    out, _ = capsys.readouterr()
    assert not _controls_in(out, "\n\t")
    if fmt in ("popolo", "org-jsonld"):
        assert hostile_cli.committee.name in json.dumps(json.loads(out), ensure_ascii=False)
    if fmt == "graphml":
        assert nx.read_graphml(io.BytesIO(out.encode("utf-8"))).number_of_nodes() > 0


def test_errors_on_stderr_are_one_visible_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def refuse(ref: str) -> Regulation:
        raise cli.UsageError(f"{ref}: \x1b[2J\x1b]0;pwned\x07 bad\r\nsecond line")

    monkeypatch.setattr(cli._common, "load_regulation", refuse)
    assert cli.main(["show", "đây\x1b[31m"]) == cli.EXIT_USAGE
    out, err = capsys.readouterr()
    assert out == ""
    assert err.count("\n") == 1
    assert not _controls_in(err, "\n")
    assert "đây\\x1b[31m" in err


def test_validate_names_a_hostile_file_visibly(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A file's name or text with escape sequences: shown visibly, whatever the loader says."""
    preset = Path(steering.presets.path("dak-nong-2021")).read_text(encoding="utf-8")
    text = preset.replace("Trưởng ban", "Trưởng\x1b[31m ban\x9b2J", 1)
    path = tmp_path / "quy\x1b]0;x\x07chế.toml"
    path.write_text(text, encoding="utf-8")
    cli.main(["validate", str(path)])
    out, err = capsys.readouterr()
    assert not _controls_in(out + err, "\n")
    assert "quy\\x1b]0;x\\x07chế.toml" in out + err


def test_html_escaping_of_a_payload_is_exact() -> None:
    """One payload, by hand: the text node holds it whole, escaped once."""
    reg = hostile("dak-nong-2021", ['<script>alert("x")</script> & \x1b[31m'])
    out = regulation_html(reg)
    assert html.escape('<script>alert("x")</script> & \\x1b[31m') in out
    assert "<script>" not in out
