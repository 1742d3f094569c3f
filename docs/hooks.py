"""mkdocs hooks: one generated page per shipped preset, listing its rules with citations.

mkdocs loads this file through ``hooks:`` in ``mkdocs.yml``. The pages are built
from the presets at build time (never committed), so they cannot fall behind
the TOML files. ``tests/test_docs.py`` imports :func:`preset_page` and
:func:`presets_index` to check every preset id has a page.

Every rule is shown with its article/clause label and the verbatim quote it
rests on; a rule kind the regulation does not state is shown as "not
specified", never left out silently.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from typing import Any

import steering
from steering import presets
from steering.regulation import Regulation
from steering.rules import Cadence, Citation, Period, Seal, SealKind

__all__ = [
    "cli_help",
    "exports_table",
    "format_reference",
    "on_files",
    "on_page_markdown",
    "preset_page",
    "presets_index",
]

log = logging.getLogger("mkdocs.plugins.steering")

PRESET_DIR = "presets"

_PERIOD_EN = {
    Period.MONTH: "month",
    Period.QUARTER: "quarter",
    Period.HALF_YEAR: "half-year",
    Period.YEAR: "year",
}


# -- text helpers -------------------------------------------------------------------


def _md(text: str) -> str:
    """Escape the characters Markdown would read as markup in regulation text."""
    for ch in "\\`*_[]<>|":
        text = text.replace(ch, "\\" + ch)
    return text


def _cell(text: str) -> str:
    """Text for a table cell: escaped, on one line."""
    return _md(" ".join(text.split()))


def _cite(c: Citation) -> str:
    """A citation as a quoted block: label in both languages, then the verbatim quote."""
    head = f"**{c.label('vi')}** ({c.label('en')})"
    quote = " ".join(c.quote.split())
    return f"> {head}: “{_md(quote)}”"


def _who(reg: Regulation, ids: Iterable[str]) -> str:
    names = []
    for i in ids:
        try:
            name = reg.name_of(i)
        except steering.SteeringError:
            name = i
        names.append(f"{_md(name)} (`{i}`)")
    return ", ".join(names) if names else "—"


def _cadence(c: Cadence) -> str:
    period = _PERIOD_EN[c.period]
    return f"once a {period}" if c.times == 1 else f"{c.times} times a {period}"


def _cadences(cs: Iterable[Cadence]) -> str:
    words = [_cadence(c) for c in cs]
    return "; ".join(words) if words else "cadence not specified"


def _seal(seal: Seal) -> str:
    if seal.kind is SealKind.NONE:
        return "no seal of its own"
    if seal.kind is SealKind.OWN_AGENCY:
        return "the seal of the signer's own agency"
    return f"the seal of {_md(seal.agency)}"


def _note(note: str, indent: str = "    ") -> list[str]:
    """The reading a preset takes, under the rule it qualifies (indented into a list item)."""
    return [f"{indent}*Reading taken:* {_md(note)}", ""] if note else []


def _item(summary: str, citation: Citation, note: str = "") -> list[str]:
    """One rule: a bullet with its summary, the quoted clause, any reading taken."""
    lines = [f"- {summary}", ""]
    lines.extend("    " + ln for ln in _cite(citation).splitlines())
    lines.append("")
    if note:
        lines.extend(_note(note))
    return lines


# -- sections ------------------------------------------------------------------------


def _identity(reg: Regulation) -> list[str]:
    ident = reg.identity
    eff = ident.effective
    effective = eff.kind.value.replace("_", " ")
    if eff.date is not None:
        effective += f" ({eff.date})"
    rows = [
        ("Preset id", f"`{reg.id}`"),
        ("Title", _cell(ident.title)),
        ("Decision number", _cell(ident.decision_number) or "left blank in the text"),
        ("Issuer", _cell(ident.issuer) or "not specified"),
        ("Signed", f"{ident.signed} ({_cell(ident.signed_citation.quote)})"),
        ("Effective", effective),
        ("Level", ident.level.value),
        ("Locality", _cell(ident.locality)),
        ("Province", _cell(ident.province) or "—"),
    ]
    if ident.signature is not None:
        sig = ident.signature
        block = " / ".join(_cell(x) for x in sig.lines)
        form = sig.form.value or "direct"
        rows.append(("Signature block", f"{block} (form `{form}`, role `{sig.role.value}`)"))
    for r in ident.replaces:
        what = " ".join(x for x in (r.number, str(r.date) if r.date else "") if x)
        if r.preset:
            what += f" (preset [`{r.preset}`]({r.preset}.md))"
        rows.append(("Replaces", _cell(what) if not r.preset else what))
    out = ["| | |", "| --- | --- |"]
    out += [f"| {k} | {v} |" for k, v in rows]
    return ["## Identity", "", *out, ""]


def _committee(reg: Regulation) -> list[str]:
    com = reg.committee
    out = ["## Committee", "", f"**{_md(com.name)}**", ""]
    if com.standing_agency:
        out += [f"Standing agency: {_who(reg, [com.standing_agency])}.", ""]
    else:
        out += ["Standing agency: not specified.", ""]
    if com.part_time is not None:
        out += ["Members work part time (kiêm nhiệm):", "", _cite(com.part_time), ""]
    else:
        out += ["Part-time (kiêm nhiệm) status: not specified.", ""]
    for title, provisions in (
        ("Functions", com.functions),
        ("Working principles", com.principles),
        ("Working forms", com.working_forms),
    ):
        out += [f"### {title}", ""]
        if not provisions:
            out += ["Not specified.", ""]
        for p in provisions:
            if p.topic:
                out += [f"- {_md(p.topic)}", "", "    " + _cite(p.citation), ""]
            else:
                out += ["- " + _cite(p.citation).removeprefix("> "), ""]
    out += ["### Funding", ""]
    if not com.funding:
        out += ["Not specified.", ""]
    for f in com.funding:
        manager = _who(reg, [f.manager]) if f.manager else "not specified"
        out += _item(f"Source: {_md(f.source)}; managed by {manager}", f.citation)
    return out


def _posts(reg: Regulation) -> list[str]:
    out = [
        "## Posts",
        "",
        "| id | role | title | ex officio holder | agency | established in |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for p in reg.posts:
        title = _cell(p.title) + (" (several)" if p.plural else "")
        if p.group:
            title += f" — group `{p.group}`"
        if p.concurrent_with:
            title += " — also holds " + ", ".join(f"`{c}`" for c in p.concurrent_with)
        out.append(
            f"| `{p.id}` | `{p.role.value}` | {title} | {_cell(p.office) or '—'} "
            f"| {_cell(p.agency) or '—'} | {p.citation.label('vi')} |"
        )
    out.append("")
    for p in reg.posts:
        if not p.duties:
            continue
        out += [f"### Duties of {_md(p.title)} (`{p.id}`)", ""]
        for d in p.duties:
            out += ["- " + _cite(d.citation).removeprefix("> "), ""]
    return out


def _groups_and_bodies(reg: Regulation) -> list[str]:
    out = ["## Working groups", ""]
    if not reg.working_groups:
        out += ["None established by this regulation.", ""]
    for g in reg.working_groups:
        lead = _who(reg, [g.lead]) if g.lead else "lead not specified"
        out += _item(f"`{g.id}`: **{_md(g.name)}** ({g.kind.value}); lead: {lead}", g.citation)
    out += ["## Outside bodies named by the rules", ""]
    if not reg.bodies:
        out += ["None.", ""]
    else:
        out += ["| id | name | kind |", "| --- | --- | --- |"]
        out += [f"| `{b.id}` | {_cell(b.name)} | `{b.kind.value}` |" for b in reg.bodies]
        out.append("")
    return out


def _rules(reg: Regulation) -> list[str]:  # noqa: PLR0915 - one small renderer per rule kind
    out: list[str] = ["## Rules, by kind", ""]

    def section(title: str, items: tuple[Any, ...], render: Callable[[Any], list[str]]) -> None:
        nonlocal out
        out += [f"### {title}", ""]
        if not items:
            out += ["Not specified by this regulation.", ""]
            return
        for it in items:
            out += render(it)

    def substitution(s: Any) -> list[str]:
        also = f", with {_who(reg, s.also_absent)} also absent" if s.also_absent else ""
        scope = f"; scope: {_md(s.scope)}" if s.scope else ""
        return _item(
            f"Rank {s.rank}: when {_who(reg, [s.principal])} is absent{also}, "
            f"{_who(reg, s.substitutes)} {'acts' if len(s.substitutes) == 1 else 'act'}{scope}",
            s.citation,
            s.note,
        )

    def accountability(a: Any) -> list[str]:
        matter = f" for {_md(a.matter)}" if a.matter else ""
        return _item(f"{_who(reg, [a.subject])} answers to {_who(reg, a.to)}{matter}",
                     a.citation, a.note)

    def direction(d: Any) -> list[str]:
        matter = f": {_md(d.matter)}" if d.matter else ""
        return _item(f"{_who(reg, d.subjects)} direct {_who(reg, d.objects)}{matter}",
                     d.citation, d.note)

    def report(r: Any) -> list[str]:
        parts = [f"`{r.id}`: {_who(reg, r.reporters)} report to {_who(reg, r.recipients)}"]
        if r.through:
            parts.append(f"through {_who(reg, r.through)}")
        if r.consult:
            parts.append(f"consulting {_who(reg, r.consult)} first")
        if r.subject:
            parts.append(f"on {_md(r.subject)}")
        if r.cadences:
            parts.append(_cadences(r.cadences))
        elif r.periodic:
            parts.append("periodic, cadence not specified")
        if r.ad_hoc:
            parts.append("also ad hoc")
        if r.deadline is not None:
            d = r.deadline
            when = f"before day {d.day}" if d.before else f"by day {d.day}"
            month = " of the month after the period" if d.month_offset else ""
            parts.append(f"deadline {when}{month}")
        else:
            parts.append("no deadline of its own")
        return _item("; ".join(parts), r.citation, r.note)

    def seal(s: Any) -> list[str]:
        docs = f" for {', '.join(map(_md, s.documents))}" if s.documents else ""
        return _item(f"{_who(reg, s.posts)}: {_seal(s.seal)}{docs}", s.citation, s.note)

    def signing(s: Any) -> list[str]:
        docs = ", ".join(map(_md, s.documents)) if s.documents else "documents in their remit"
        return _item(f"{_who(reg, s.posts)} sign {docs}", s.citation, s.note)

    def convene(c: Any) -> list[str]:
        text = (f"{c.meeting.value} meeting of {_who(reg, [c.body])}: "
                f"convened by {_who(reg, c.conveners)}")
        if c.on_proposal_of:
            text += f" on the proposal of {_who(reg, c.on_proposal_of)}"
        if c.chairs:
            text += ", who also chair it"
        return _item(text, c.citation, c.note)

    def meeting(m: Any) -> list[str]:
        text = f"{m.kind.value} meetings of {_who(reg, [m.body])}: {_cadences(m.cadences)}"
        if m.condition:
            text += f"; {_md(m.condition)}"
        if m.participants:
            text += f"; participants: {_md(m.participants)}"
        return _item(text, m.citation, m.note)

    def composition(c: Any) -> list[str]:
        return _item(f"Who attends meetings of {_who(reg, [c.body])} is decided by "
                     f"`{c.decided_by}`", c.citation, c.note)

    def attendance(a: Any) -> list[str]:
        duty = "must attend" if a.must_attend else "need not attend every meeting"
        parts = [f"{_who(reg, a.posts)} {duty} meetings of {_who(reg, [a.body])}"]
        if a.absence_conditions:
            conds = ", ".join(c.value for c in a.absence_conditions)
            parts.append(f"absence requires: {conds}")
        proxy = {True: "may send a proxy", False: "may not send a proxy",
                 None: "proxy: not specified"}[a.proxy_allowed]
        if a.proxy_conditions:
            proxy += " (" + ", ".join(c.value for c in a.proxy_conditions) + ")"
        parts.append(proxy)
        return _item("; ".join(parts), a.citation, a.note)

    def channel(c: Any) -> list[str]:
        text = f"**{_md(c.name)}** ({c.kind})"
        if c.platform:
            text += f" on {_md(c.platform)}"
        if c.excludes:
            text += "; not for: " + ", ".join(map(_md, c.excludes))
        if c.administrator:
            text += f"; run by {_who(reg, [c.administrator])}"
        return _item(text, c.citation, c.note)

    def delegation(d: Any) -> list[str]:
        return _item(
            f"{_who(reg, [d.delegator])} authorises {_who(reg, [d.delegate])} (TUQ.) for "
            f"{', '.join(map(_md, d.documents))} from {d.start} to {d.end}",
            d.citation, d.note,
        )

    section("Substitution when absent (vắng mặt)", reg.substitutions, substitution)
    section("Accountability (chịu trách nhiệm trước)", reg.accountability, accountability)
    section("Direction (chỉ đạo, phân công)", reg.directions, direction)
    section("Reports (chế độ báo cáo)", reg.reports, report)
    section("Seals (con dấu)", reg.seals, seal)
    section("Signing (ký văn bản)", reg.signing, signing)
    section("Convening meetings (triệu tập)", reg.convening, convene)
    section("Meeting cadences (họp định kỳ)", reg.meetings, meeting)
    section("Who attends (thành phần)", reg.compositions, composition)
    section("Attendance and proxies (dự họp, ủy quyền dự họp)", reg.attendance, attendance)
    section("Information channels", reg.channels, channel)
    section("Written authorisations (ủy quyền, TUQ.)", reg.delegations, delegation)

    out += ["### Monitoring (phân công theo dõi)", ""]
    mon = reg.monitoring
    if mon is None:
        out += ["Not specified by this regulation.", ""]
    else:
        excl = "each locality to exactly one member" if mon.exclusive_localities else \
            "localities may be shared"
        out += [f"Basis ({excl}):", "", _cite(mon.basis), ""]
        out += _note(mon.note, indent="")
        out += ["| member | sectors, agencies and localities | cited |", "| --- | --- | --- |"]
        for a in mon.assignments:
            targets = "; ".join(_cell(t.text) for t in a.targets)
            out.append(f"| {_who(reg, [a.post])} | {targets} | {a.citation.label('vi')} |")
        out.append("")
    return out


def preset_page(preset_id: str) -> str:
    """The Markdown page of one preset: identity, committee, posts and every rule, cited."""
    reg = presets.load(preset_id)
    out = [
        f"# {_md(reg.identity.title)}",
        "",
        f"Preset `{reg.id}`: {reg.identity.level.value} level, "
        f"{_md(reg.identity.locality)}. Load it with",
        "",
        "```python",
        "import steering",
        f'reg = steering.presets.load("{reg.id}")',
        "```",
        "",
        "This page is generated from the preset file at build time. Every rule is "
        "quoted from the regulation with its article (Điều), clause (khoản) and point "
        "(điểm). Where the regulation says nothing, the page says *not specified*.",
        "",
    ]
    out += _identity(reg)
    out += _committee(reg)
    out += _posts(reg)
    out += _groups_and_bodies(reg)
    out += _rules(reg)
    if reg.notes:
        out += ["## Readings taken where the text is ambiguous", ""]
        out += [f"- {_md(n)}" for n in reg.notes]
        out.append("")
    return "\n".join(out).rstrip() + "\n"


def presets_index() -> str:
    """The index page of the presets: one row per shipped preset."""
    out = [
        "# Presets",
        "",
        "The regulations shipped with steering, each encoded in full from its text and "
        "cited clause by clause. `steering.presets.names()` lists their ids.",
        "",
        "| id | regulation | level | signed | rules |",
        "| --- | --- | --- | --- | --- |",
    ]
    for pid in presets.names():
        try:
            reg = presets.load(pid)
        except steering.SteeringError as e:
            log.warning("preset %s left out of the index: %s", pid, str(e).splitlines()[0])
            continue
        n = sum(
            len(getattr(reg, k))
            for k in ("substitutions", "accountability", "directions", "reports", "seals",
                      "signing", "convening", "meetings", "compositions", "attendance",
                      "channels", "delegations")
        )
        number = reg.identity.decision_number or "(number left blank)"
        out.append(
            f"| [`{pid}`]({pid}.md) | {_cell(number)}: {_cell(reg.identity.title)} "
            f"| {reg.identity.level.value} | {reg.identity.signed} | {n} |"
        )
    return "\n".join(out) + "\n"


def _pages() -> dict[str, str]:
    pages = {f"{PRESET_DIR}/index.md": presets_index()}
    for pid in presets.names():
        try:
            pages[f"{PRESET_DIR}/{pid}.md"] = preset_page(pid)
        except steering.SteeringError as e:
            log.warning("preset %s has no docs page: %s", pid, str(e).splitlines()[0])
    return pages


def on_files(files: Any, config: Any) -> Any:
    """Add one generated page per preset (mkdocs hook)."""
    from mkdocs.structure.files import File  # noqa: PLC0415 - only mkdocs needs it

    for uri, content in _pages().items():
        files.append(File.generated(config, uri, content=content))
    return files


def exports_table() -> str:
    """A table of ``steering.__all__``: each name, what it is, and a link to its reference."""
    import inspect  # noqa: PLC0415 - only this table needs it

    out = ["| name | kind | documented in |", "| --- | --- | --- |"]
    for name in steering.__all__:
        obj = getattr(steering, name)
        if inspect.ismodule(obj):
            module, kind, target = obj.__name__, "module", obj.__name__
        else:
            module = getattr(obj, "__module__", "steering")
            kind = "class" if inspect.isclass(obj) else "function" if callable(obj) else "value"
            target = f"{module}.{name}"
        out.append(f"| [`{name}`][{target}] | {kind} | `{module}` |")
    return "\n".join(out) + "\n"


def on_page_markdown(markdown: str, page: Any, config: Any, files: Any) -> str:
    """Fill the ``<!-- exports -->`` marker of the API reference (mkdocs hook)."""
    if "<!-- exports -->" in markdown:
        markdown = markdown.replace("<!-- exports -->", exports_table())
    if "<!-- cli-help -->" in markdown:
        markdown = markdown.replace("<!-- cli-help -->", cli_help())
    if "<!-- format-reference -->" in markdown:
        markdown = markdown.replace("<!-- format-reference -->", format_reference())
    return markdown


def _schema_type(node: dict[str, Any]) -> str:  # noqa: PLR0911 - one return per node shape
    """A schema node in a few words: ``string``, ``array of Post``, ``one of 'a', 'b'``."""
    if "$ref" in node:
        name = node["$ref"].rsplit("/", 1)[-1]
        return f"[{name}](#{name.lower()})"
    if "enum" in node:
        return "one of " + ", ".join(f"`{v!r}`" if v == "" else f"`{v}`" for v in node["enum"])
    if node.get("type") == "array":
        return "array of " + _schema_type(node["items"])
    if "anyOf" in node:
        return " or ".join(_schema_type(n) for n in node["anyOf"])
    kind = str(node.get("type", "any"))
    if node.get("format") == "date":
        return "date (`YYYY-MM-DD`)"
    if "pattern" in node:
        return f"{kind} matching `{node['pattern']}`"
    return kind


def _desc(text: str) -> str:
    """Our own docstring words for a table cell: keep code spans, escape what breaks tables."""
    text = " ".join(text.split())
    return text.replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;")


def format_reference() -> str:
    """Every table of the file format, field by field, generated from the JSON Schema."""
    from steering.schema import json_schema  # noqa: PLC0415 - only this page needs it

    schema = json_schema()
    defs = schema["$defs"]
    out: list[str] = []

    def table(title: str, node: dict[str, Any]) -> None:
        out.extend([f"### {title}", "", _desc(node.get("description", "")), ""])
        if "properties" not in node:
            out.extend([f"Written as: {_schema_type(node)}.", ""])
            return
        required = set(node.get("required", ()))
        out.extend(["| key | type | required | default | meaning |",
                    "| --- | --- | --- | --- | --- |"])
        for key, prop in node["properties"].items():
            need = "**yes**" if key in required else "no"
            default = f"`{prop['default']!r}`" if "default" in prop else "—"
            default = default.replace("'", '"').replace("False", "false").replace("True", "true")
            meaning = _desc(prop.get("description", ""))
            out.append(f"| `{key}` | {_schema_type(prop)} | {need} | {default} | {meaning} |")
        out.append("")

    table("Regulation", schema)
    for name, node in defs.items():
        if "enum" in node:
            continue
        table(name, node)
    out.extend(["### Enumerations", "", "| name | values | meaning |", "| --- | --- | --- |"])
    for name, node in defs.items():
        if "enum" in node:
            values = ", ".join(f"`{v}`" if v else '`""`' for v in node["enum"])
            out.append(f'| <a id="{name.lower()}"></a>{name} | {values} '
                       f"| {_desc(node.get('description', ''))} |")
    return "\n".join(out) + "\n"


def cli_help() -> str:
    """The ``--help`` of the ``steering`` command and of each subcommand, as shown in a shell."""
    import argparse  # noqa: PLC0415 - only this page needs it
    import os  # noqa: PLC0415

    from steering.cli import build_parser  # noqa: PLC0415

    old = os.environ.get("COLUMNS")
    os.environ["COLUMNS"] = "88"  # argparse wraps help to the terminal width; fix it
    try:
        parser = build_parser()
        out = ["```text", parser.format_help().rstrip(), "```", ""]
        # argparse has no public way to list subparsers.
        subs = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
        for action in subs:
            for name, sub in action.choices.items():
                out += [f"### `steering {name}`", "", "```text", sub.format_help().rstrip(),
                        "```", ""]
    finally:
        if old is None:
            os.environ.pop("COLUMNS", None)
        else:
            os.environ["COLUMNS"] = old
    return "\n".join(out)
