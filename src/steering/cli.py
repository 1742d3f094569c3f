"""The ``steering`` command: ask a regulation questions from the shell.

Every subcommand takes a regulation as a preset id (``dak-nong-2021``) or the
path of a TOML file in the same format, answers in a sentence or a table in
Vietnamese or English (``--lang vi|en``), or prints the machine form with
``--json`` (the attribute names of the Python API: ``status``, ``answer``,
``citations`` ...).

Exit codes: 0 the question has an answer; 1 it has none (the regulation does
not specify it, or nobody is available), or validation found problems; 2 bad
usage or bad input, with one line on standard error and no traceback.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import re
import sys
import textwrap
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any, NoReturn, TextIO

from steering import __version__, presets, world
from steering._escape import json_text, terminal, visible
from steering._json import jsonable
from steering._text import fold, vi_date
from steering._vocab import GROUP_KIND_WORDS, LEVEL_WORDS
from steering.errors import Problem, RegulationFileError, SteeringError
from steering.loader import MAX_BYTES
from steering.loader import load as load_file
from steering.regulation import Regulation
from steering.roles import Post, WorkingGroup

__all__ = ["jsonable", "main", "ruling_json"]

#: Exit code: the question has an answer.
EXIT_ANSWER = 0
#: Exit code: the question has no answer, or validation found problems.
EXIT_NO_ANSWER = 1
#: Exit code: bad usage or bad input.
EXIT_USAGE = 2

_PROG = "steering"
#: Columns the command's text fits by default (``--wide`` lifts the limit).
WIDTH = 100


class UsageError(SteeringError):
    """The command line or its input cannot be used (exit code 2)."""


class _Parser(argparse.ArgumentParser):
    """An argument parser whose errors are one line on stderr and exit code 2."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{message} (see '{self.prog} --help')")


# ----------------------------------------------------------------- words

_T = {
    "vi": {
        "presets": "Các bộ quy chế có sẵn",
        "posts": "Chức danh",
        "rules": "Quy tắc",
        "decision": "Quyết định",
        "no_number": "(chưa số)",
        "in_force_unknown": "Ngày ký quy chế {date}: mục nào trước khi quy chế chắc chắn có "
                            "hiệu lực thì chưa xác định (status not_specified).",
        "signed": "ký",
        "level": "cấp",
        "valid": "hợp lệ",
        "problems": "vấn đề",
        "occurrences": "mốc",
        "no_occurrences": "Không có mốc nào trong khoảng này.",
        "in_force_on_date": "Quy chế có hiệu lực từ {date} ({basis}): không có mốc nào trước đó.",
        "in_force_on_signing": "Quy chế có hiệu lực từ ngày ký, {date} ({basis}): không có "
        "mốc nào trước đó.",
        "in_force_not_specified": "Quy chế không nêu ngày có hiệu lực; ngày ký là {date} "
        "({basis}): không có mốc nào trước ngày ký.",
        "gaps": "Quy chế có nêu nhưng không cho biết ngày",
        "due": "hạn nộp",
        "no_deadline": "không quy định",
        "moved_from": "dời từ",
        "missing_cadence": "định kỳ, không nêu kỳ hạn",
        "missing_deadline": "không quy định hạn báo cáo",
        "written": "Đã ghi lịch vào",
        "in_force": "Quy chế có hiệu lực",
        "after_text": "Sau văn bản (sắp xếp đơn vị hành chính, quyết định thay thế)",
        "not_decided_from": "Từ {date}, các mốc trên không còn chắc chắn (trạng thái "
        "not_specified):",
        "succession": "Các quyết định theo thời gian",
        "not_shipped": "(không có sẵn)",
        "id": "mã",
        "role": "vai trò",
        "title": "chức danh",
        "holder": "người giữ",
        "locality": "địa phương",
        "body": "chủ thể",
        "kind": "loại",
        "opens": "từ",
        "closes": "đến",
        "cited": "căn cứ",
        "status": "trạng thái",
        "this_year": "Không nêu --from/--to: lấy năm hiện tại theo đồng hồ máy, {year}.",
        "problem": "vấn đề",
        "file": "(cả tệp)",
    },
    "en": {
        "presets": "Shipped regulations",
        "posts": "Posts",
        "rules": "Rules",
        "decision": "Decision",
        "no_number": "(no number)",
        "in_force_unknown": "The regulation's signing date is {date}: an item before it is "
                            "surely in force is not decided (status not_specified).",
        "signed": "signed",
        "level": "level",
        "valid": "valid",
        "problems": "problems",
        "occurrences": "occurrences",
        "no_occurrences": "No occurrences in this range.",
        "in_force_on_date": "The regulation is in force from {date} ({basis}): nothing is dated "
        "before that.",
        "in_force_on_signing": "The regulation is in force from signing, {date} ({basis}): "
        "nothing is dated before that.",
        "in_force_not_specified": "The regulation states no effective date; it was signed on "
        "{date} ({basis}): nothing is dated before signing.",
        "gaps": "Stated but left undated",
        "due": "due",
        "no_deadline": "not specified",
        "moved_from": "moved from",
        "missing_cadence": "periodic, period not stated",
        "missing_deadline": "no deadline stated",
        "written": "Calendar written to",
        "in_force": "Regulation in force",
        "after_text": "After the text (reorganisation, replacing decisions)",
        "not_decided_from": "From {date} the items above are not decided (status "
        "not_specified):",
        "succession": "Decisions over time",
        "not_shipped": "(not shipped)",
        "id": "id",
        "role": "role",
        "title": "title",
        "holder": "holder",
        "locality": "locality",
        "body": "body",
        "kind": "kind",
        "opens": "from",
        "closes": "to",
        "cited": "cited",
        "status": "status",
        "this_year": "No --from/--to given: the current year by this computer's clock, {year}.",
        "problem": "problem",
        "file": "(file)",
    },
}


# ----------------------------------------------------------------- machine form


def _names(reg: Regulation, ids: Iterable[str]) -> dict[str, str]:
    """Each id's name in the regulation's words, told apart where posts share a title.

    A title several posts share gets its office ("Phó Trưởng ban (Giám đốc Sở
    Thông tin và Truyền thông)"), so no two ids read alike.
    """
    titles: dict[str, int] = {}
    for post in reg.posts:
        titles[post.title] = titles.get(post.title, 0) + 1
    posts = {post.id: post for post in reg.posts}
    out: dict[str, str] = {}
    for i in ids:
        try:
            name = reg.name_of(i)
        except SteeringError:
            continue
        p = posts.get(i)
        extra = (p.office or p.agency) if p is not None and titles[p.title] > 1 else ""
        out[i] = f"{name} ({extra})" if extra else name
    return out


def ruling_json(ruling: Any, reg: Regulation, lang: str) -> dict[str, Any]:
    """A ruling's machine form: `Ruling.to_dict` and the regulation's names of its ids."""
    data: dict[str, Any] = ruling.to_dict(lang)
    data["names"] = _names(reg, (*ruling.answer, *ruling.candidates, *ruling.chain, ruling.subject))
    return data


def _dump(data: Any, out: TextIO) -> None:
    # Vietnamese stays readable; C1, bidi and line-separator characters become \u escapes.
    out.write(json_text(json.dumps(data, ensure_ascii=False, indent=2, sort_keys=False)))
    out.write("\n")


# ----------------------------------------------------------------- input


def load_regulation(ref: str) -> Regulation:
    """A preset id or the path of a regulation file.

    Raises:
        UsageError: Neither a preset nor a readable file; or the file is not a
            valid regulation (the message is one line, naming the first problem
            and how many there are).

    """
    if ref in presets.names():
        return presets.load(ref)
    p = Path(ref)
    shown = visible(repr(ref if len(ref) <= 80 else ref[:77] + "..."))
    try:
        exists = p.exists()
    except (OSError, ValueError) as e:  # a name too long, a NUL
        raise UsageError(f"{shown} cannot be a file here ({getattr(e, 'strerror', None) or e}); "
                         f"allowed: a preset id ({', '.join(presets.names())}) or a regulation "
                         "file") from None
    if not exists:
        raise UsageError(
            f"{shown} is neither a preset id ({', '.join(presets.names())}) nor an existing file"
        )
    if p.is_dir():
        raise UsageError(f"{ref!r} is a directory; allowed: a preset id or a regulation file")
    try:
        return load_file(p)
    except RegulationFileError as e:
        raise UsageError(_one_line(e)) from None


def _one_line(e: RegulationFileError) -> str:
    n = len(e.problems)
    if not e.problems:
        return str(e).splitlines()[0]
    first = e.problems[0]
    where = f"{first.path}: " if first.path else ""
    more = f" (and {n - 1} more; run 'steering validate {e.file}')" if n > 1 else ""
    message = " ".join(first.message.split())
    return f"{e.file}: {where}{message}{more}"


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"found {text!r}; allowed: a date YYYY-MM-DD"
        ) from None


def _ids(text: str) -> frozenset[str]:
    return frozenset(x.strip() for x in text.split(",") if x.strip())


# ----------------------------------------------------------------- output


_NARROWEST = 10


def _table(headers: Sequence[str], rows: Sequence[Sequence[str]], width: int | None = None) -> str:
    """A plain-text table with columns padded to their widest cell.

    With ``width``, the widest columns are narrowed (to no less than 10
    characters) until a line fits, and their cells wrap onto further lines.
    """
    rows = [[visible(cell) for cell in row] for row in rows]
    widths = [len(h) for h in headers]
    for row in rows:
        for i, cell in enumerate(row):
            widths[i] = max(widths[i], len(cell))
    if width is not None:
        while sum(widths) + 2 * (len(widths) - 1) > width:
            i = max(range(len(widths)), key=lambda k: (widths[k], -k))
            if widths[i] <= _NARROWEST:
                break
            over = sum(widths) + 2 * (len(widths) - 1) - width
            second = max((w for k, w in enumerate(widths) if k != i), default=0)
            widths[i] = max(_NARROWEST, widths[i] - over, min(widths[i] - 1, second))
    lines = ["  ".join(h.ljust(widths[i]) for i, h in enumerate(headers)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    for row in rows:
        cells = [textwrap.wrap(cell, widths[i], break_on_hyphens=False) or [""]
                 for i, cell in enumerate(row)]
        for k in range(max(len(c) for c in cells)):
            lines.append("  ".join(
                (c[k] if k < len(c) else "").ljust(widths[i]) for i, c in enumerate(cells)
            ).rstrip())
    return "\n".join(lines)


def _wrap(line: str, width: int) -> list[str]:
    """One line as lines of at most ``width`` characters, continuations indented."""
    if len(line) <= width:
        return [line]
    lead = len(line) - len(line.lstrip(" "))
    body = line[lead:]
    extra = 2 if body.startswith(("- ", "[")) else 0
    return textwrap.wrap(body, width, initial_indent=" " * lead,
                         subsequent_indent=" " * (lead + extra + 2),
                         break_on_hyphens=False) or [line]


def _status_code(status: Any) -> int:
    return EXIT_ANSWER if str(getattr(status, "value", status)) == "decided" else EXIT_NO_ANSWER


class _Context:
    """What every command handler needs: the options and where to write."""

    def __init__(self, args: argparse.Namespace, out: TextIO) -> None:
        self.args = args
        self.out = out
        self.lang: str = args.lang
        self.json: bool = args.json
        self.width: int | None = None if getattr(args, "wide", False) else WIDTH

    def t(self, key: str) -> str:
        return _T[self.lang][key]

    def day(self, value: object) -> str:
        """A date as the answer's language writes it: 19/10/2018 (vi), 2018-10-19 (en)."""
        return vi_date(value) if self.lang == "vi" else str(value)

    def print(self, text: str = "", *, wrap: bool = True) -> None:
        # Text from a file is text: no escape sequence, CR or bidi override reaches the terminal.
        safe = terminal(text)
        if wrap and self.width is not None:
            safe = "\n".join(w for line in safe.split("\n") for w in _wrap(line, self.width))
        self.out.write(safe + "\n")

    def table(self, headers: Sequence[str], rows: Sequence[Sequence[str]]) -> None:
        self.print(_table(headers, rows, self.width), wrap=False)

    def dump(self, data: Any) -> None:
        _dump(data, self.out)

    def ruling(self, ruling: Any, reg: Regulation) -> int:
        if self.json:
            self.dump(ruling_json(ruling, reg, self.lang))
        else:
            _print_ruling(self, ruling)
        return _status_code(ruling.status)


def _print_ruling(ctx: _Context, ruling: Any) -> None:
    ctx.print(ruling.explain(ctx.lang))
    for c in ruling.citations:
        ctx.print(f"  - {c.label(ctx.lang)}: {c.shown(ctx.lang)}")


# ----------------------------------------------------------------- commands


def _cmd_presets(ctx: _Context) -> int:
    args = ctx.args
    if args.locality:
        return _succession(ctx, args.locality, args.on)
    if args.on is not None:
        raise UsageError("--on needs --locality (the regulation in force there on DATE), e.g. "
                         f"'{_PROG} presets --locality \"Thanh Hóa\" --on {args.on.isoformat()}'")
    rows = []
    for pid in presets.names():
        reg = presets.load(pid)
        idn = reg.identity
        rows.append({
            "id": pid,
            "title": idn.title,
            "locality": idn.locality,
            "province": idn.province,
            "level": idn.level.value,
            "decision_number": idn.decision_number,
            "signed": str(idn.signed),
        })
    if ctx.json:
        ctx.dump(rows)
        return EXIT_ANSWER
    ctx.print(f"{ctx.t('presets')}:")
    ctx.table(
        [ctx.t("id"), ctx.t("locality"), ctx.t("level"), ctx.t("decision"), ctx.t("signed")],
        [[r["id"], r["locality"], _level_word(r["level"], ctx.lang == "vi"),
          r["decision_number"] or ctx.t("no_number"),
          ctx.day(presets.load(r["id"]).identity.signed)]
         for r in rows],
    )
    return EXIT_ANSWER


def _level_word(level: str, vi: bool) -> str:
    """A level in the answer's language: "tỉnh" / "province"."""
    words = LEVEL_WORDS.get(level, (level, level))
    return words[0] if vi else words[1]


def _succession(ctx: _Context, locality: str, on: dt.date | None) -> int:
    terms = presets.succession(locality)
    if on is None:
        if ctx.json:
            ctx.dump([jsonable(t) for t in terms])
            return EXIT_ANSWER
        name = presets._written_name(terms)
        ctx.print(f"{ctx.t('succession')} ({name}):")
        for t in terms:
            extra = "" if t.shipped else f" {ctx.t('not_shipped')}"
            ctx.print(f"  {ctx.day(t.starts) if t.starts else '?'}  {t.describe(ctx.lang)}{extra}")
        return EXIT_ANSWER
    try:
        reg = presets.in_force(locality, on)
    except presets.SuccessionError as e:
        if e.reason == "unknown_locality":
            raise
        if ctx.json:
            ctx.dump({"status": e.reason, "answer": None, "on": on.isoformat(),
                      "candidates": [jsonable(t) for t in e.candidates],
                      "explanation": e.explain(ctx.lang),
                      "caveats": [k.explain(ctx.lang) for k in e.caveats]})
        else:
            ctx.print(e.explain(ctx.lang))
        return EXIT_NO_ANSWER
    # What the world did around it (tỉnh Thanh Hóa kept; its districts ended): steering.world.
    cav = world.caveats(reg, on)
    if ctx.json:
        ctx.dump({"status": "decided", "answer": reg.id, "on": on.isoformat(),
                  "caveats": [k.explain(ctx.lang) for k in cav]})
    else:
        ctx.print(f"{ctx.t('in_force')} ({reg.identity.locality}, {ctx.day(on)}): {reg.id}")
        for k in cav:
            ctx.print(f"  - {k.explain(ctx.lang)}")
    return EXIT_ANSWER


def _title_cell(p: Post, vi: bool) -> str:
    """A post's title, with the number of seats where the text gives one, and its note."""
    title = p.title
    if p.count is not None:
        title += f" ({p.count} người)" if vi else f" ({p.count} seats)"
    elif "count" in p.unknown:
        title += " (số người chưa rõ)" if vi else " (number of seats unknown)"
    if p.note:
        title += f" [{'ghi chú' if vi else 'note'}: {p.note}]"
    return title


def _group_cell(g: WorkingGroup, vi: bool) -> str:
    """A group's name, and the notes that change how to read it."""
    cell = g.name
    if g.optional is not None:
        cell += " (thành lập khi cần thiết)" if vi else " (set up when needed)"
    if g.regulation:
        cell += f" (quy chế riêng: {g.regulation})" if vi else f" (own regulation: {g.regulation})"
    return cell


def _holder_cell(p: Post, vi: bool) -> str:
    """Who holds a post, and the other posts the same person holds (``concurrent_with``)."""
    who = p.holder_text("vi" if vi else "en") or "-"
    if p.concurrent_with:
        others = ", ".join(p.concurrent_with)
        who += f" (đồng thời là {others})" if vi else f" (also holds {others})"
    return who


def _cmd_show(ctx: _Context) -> int:
    # Only this command needs these.
    from steering._convert import unstructure  # noqa: PLC0415
    from steering._vocab import ROLE_WORDS  # noqa: PLC0415
    from steering.compare import aspect_label, facts  # noqa: PLC0415

    reg = load_regulation(ctx.args.regulation)
    if ctx.json:
        ctx.dump(unstructure(reg))
        return EXIT_ANSWER
    idn = reg.identity
    number = idn.number_text(ctx.lang)
    vi = ctx.lang == "vi"
    word = _level_word(idn.level.value, vi)
    level = f"cấp {word}" if vi else f"level: {word}"
    ctx.print(f"{reg.id}: {idn.title}")
    signed = ctx.day(idn.signed) if idn.signed is not None else idn.signed_text(ctx.lang)
    ctx.print(f"{ctx.t('decision')} {number}, {ctx.t('signed')} {signed}; "
              f"{idn.locality} ({level})")
    if reg.applies_to is not None:
        # Whom the regulation binds, in its own words (Điều 1 khoản 2 of each preset).
        binds = "; ".join(reg.applies_to.subjects)
        ctx.print(f"{'Áp dụng đối với' if vi else 'Applies to'}: {binds} "
                  f"({reg.applies_to.citation.label(ctx.lang)})")
    ctx.print()
    ctx.print(f"{ctx.t('posts')} ({len(reg.posts)}):")
    ctx.table(
        [ctx.t("id"), ctx.t("role"), ctx.t("title"), ctx.t("holder")],
        [[p.id, ROLE_WORDS[p.role][0 if vi else 1], _title_cell(p, vi), _holder_cell(p, vi)]
         for p in reg.posts],
    )
    if reg.working_groups or reg.bodies or reg.collectives:
        # The ids other commands take (convene --body, accountable ...), with the text's names.
        ctx.print()
        n = len(reg.working_groups) + len(reg.bodies) + len(reg.collectives)
        ctx.print(f"{'Tổ giúp việc và các chủ thể khác' if vi else 'Working groups and bodies'} "
                  f"({n}):")
        ctx.table(
            [ctx.t("id"), ctx.t("kind"), "tên" if vi else "name"],
            [[g.id, GROUP_KIND_WORDS[g.kind][0 if vi else 1], _group_cell(g, vi)]
             for g in reg.working_groups]
            + [[b.id, ctx.t("body"), b.name] for b in reg.bodies]
            + [[c.id, "tập thể lãnh đạo" if vi else "leadership collective",
                f"{c.name} ({', '.join(c.posts)})"] for c in reg.collectives],
        )
    ctx.print()
    ctx.print(f"{ctx.t('rules')}:")
    for key, (aspect, subject_vi, subject_en, side) in facts(reg).items():
        if aspect in ("identity", "posts") or key.endswith(":depth"):
            continue
        if aspect == "monitoring" and key != "monitoring:annex":
            continue
        subject = subject_vi if vi else subject_en
        head = aspect_label(aspect, ctx.lang)
        label = f"{head}: {subject}" if subject else head
        ctx.print(f"  [{label}] {side.cited(ctx.lang)}")
    later = world.known_changes(reg)
    if later:
        ctx.print()
        ctx.print(f"{ctx.t('after_text')}:")
        for k in later:
            ctx.print(f"  - {k.explain(ctx.lang)}")
    return EXIT_ANSWER



def _graph(reg: Regulation) -> Any:
    return reg.authority()


def _posts_of(reg: Regulation, ref: str) -> list[str]:
    """``ref`` as post ids: itself when it names a node, else every post of a role of that id.

    Post ids differ between presets ("member" in Đắk Nông, "member_so_tttt" ... in
    Thanh Hóa 2024); a role id answers for every post of the role.
    """
    try:
        return list(reg.posts_for(ref))
    except SteeringError:
        return [ref]  # neither a node nor a role: the query names the unknown id


def _for_each_post(ctx: _Context, reg: Regulation, ask: Callable[[str], Any]) -> int:
    """Ask ``ask`` of the post asked about, or of every post of the role asked about."""
    posts = _posts_of(reg, ctx.args.post)
    if len(posts) == 1:
        return ctx.ruling(ask(posts[0]), reg)
    rulings = [ask(p) for p in posts]
    if ctx.json:
        ctx.dump({"role": ctx.args.post, "posts": posts,
                  "rulings": [ruling_json(r, reg, ctx.lang) for r in rulings]})
    else:
        vi = ctx.lang == "vi"
        ctx.print(f"{ctx.args.post} là mã vai trò ({len(posts)} chức danh); trả lời cho từng "
                  "chức danh." if vi else f"{ctx.args.post} is a role id ({len(posts)} posts); "
                  "answered for each post.")
        for p, r in zip(posts, rulings, strict=True):
            ctx.print()
            ctx.print(f"[{p}]")
            _print_ruling(ctx, r)
    return max(_status_code(r.status) for r in rulings)


def _cmd_acting(ctx: _Context) -> int:
    a = ctx.args
    reg = load_regulation(a.regulation)
    # No --absent: the post asked about is away, as in the Python API (absent=None).
    return _for_each_post(ctx, reg, lambda p: _graph(reg).acting_for(p, absent=a.absent, on=a.on))


def _document_kinds(reg: Regulation) -> list[str]:
    """Every document kind the regulation's seal, signing and authorisation clauses name."""
    kinds = [d for r in reg.seals for d in r.documents]
    kinds += [d for s in reg.signing for d in s.documents]
    kinds += [d for g in reg.delegations for d in g.documents]
    return _unique(kinds)


def _cmd_seal(ctx: _Context) -> int:
    a = ctx.args
    reg = load_regulation(a.regulation)
    code = _for_each_post(ctx, reg,
                          lambda p: _graph(reg).seal_for(p, document=a.document, on=a.on))
    kinds = _document_kinds(reg)
    if a.document and not ctx.json and not any(
            fold(a.document) in fold(k) or fold(k) in fold(a.document) for k in kinds):
        # Not silently answered as if no document were given: say the kind is not the text's.
        listed = "; ".join(kinds) or ("(không có)" if ctx.lang == "vi" else "(none)")
        ctx.print()
        ctx.print(f"Lưu ý: quy chế không nêu loại văn bản {a.document!r}; câu trả lời trên là cho "
                  f"văn bản nói chung. Các loại văn bản quy chế nêu: {listed}."
                  if ctx.lang == "vi" else
                  f"Note: the regulation names no document kind {a.document!r}; the answer above "
                  f"is for documents in general. The kinds it names: {listed}.")
    return code


def _cmd_accountable(ctx: _Context) -> int:
    a = ctx.args
    reg = load_regulation(a.regulation)
    return _for_each_post(ctx, reg,
                          lambda p: _graph(reg).accountable_to(p, transitive=a.transitive))


def _cmd_convene(ctx: _Context) -> int:
    a = ctx.args
    reg = load_regulation(a.regulation)
    ruling = _graph(reg).conveners(a.kind, body=a.body)
    return ctx.ruling(ruling, reg)


def _cmd_monitor(ctx: _Context) -> int:
    a = ctx.args
    reg = load_regulation(a.regulation)
    ruling = _graph(reg).monitor_of(a.target, on=a.on)
    return ctx.ruling(ruling, reg)


def _cmd_agency(ctx: _Context) -> int:
    reg = load_regulation(ctx.args.regulation)
    return ctx.ruling(_graph(reg).standing_agency(ctx.args.domain), reg)


def _cmd_collective(ctx: _Context) -> int:
    a = ctx.args
    reg = load_regulation(a.regulation)
    return ctx.ruling(_graph(reg).collective(a.collective, absent=a.absent or (), on=a.on), reg)


def _cmd_notice(ctx: _Context) -> int:
    a = ctx.args
    reg = load_regulation(a.regulation)
    return ctx.ruling(_graph(reg).notice_for(a.day, body=a.body, kind=a.kind), reg)


def _cmd_procedure(ctx: _Context) -> int:
    a = ctx.args
    reg = load_regulation(a.regulation)
    return ctx.ruling(_graph(reg).procedure(a.kind, body=a.body, chaired_by=a.chaired_by), reg)


def _add_procedure(add: Callable[..., argparse.ArgumentParser], reg_help: str) -> None:
    """The subcommands on a committee's procedure: agency, collective, notice, procedure."""
    p = add("agency", "which standing agency serves the committee, by domain", _cmd_agency)
    p.add_argument("regulation", help=reg_help)
    p.add_argument("--domain", help="the domain asked about, e.g. 'chuyển đổi số'")
    p = add("collective", "who a leadership collective is made of, and who is present",
            _cmd_collective)
    p.add_argument("regulation", help=reg_help)
    p.add_argument("collective", help="the collective's id (e.g. thuong_truc)")
    p.add_argument("--absent", type=_ids, metavar="A,B", help="absent post ids")
    p.add_argument("--on", type=_date, metavar="DATE", help="the date asked about (YYYY-MM-DD)")
    p = add("notice", "by when the notice of a meeting must go out", _cmd_notice)
    p.add_argument("regulation", help=reg_help)
    p.add_argument("day", type=_date, metavar="DATE", help="the meeting day (YYYY-MM-DD)")
    p.add_argument("--body", default="committee", help="the body that meets (default: committee)")
    p.add_argument("--kind", default="regular", choices=["regular", "extraordinary", "expanded"],
                   help="the kind of meeting (default: regular)")
    p = add("procedure", "who does a procedure (written opinions, conclusion notice, referral)",
            _cmd_procedure)
    p.add_argument("regulation", help=reg_help)
    p.add_argument("kind", choices=["written_opinion", "conclusion_notice", "referral",
                                    "report_before_meeting"], help="the procedure")
    p.add_argument("--body", default="committee", help="the body (default: committee)")
    p.add_argument("--chaired-by", dest="chaired_by", metavar="POST",
                   help="for a conclusion notice: the post that chaired the meeting")


def _print_past(ctx: _Context, unknown: dt.date | None, past: Sequence[Any]) -> None:
    """After a calendar: from when its items are not decided, and why (steering.world)."""
    if past and unknown is not None:
        ctx.print()
        ctx.print(ctx.t("not_decided_from").format(date=ctx.day(unknown)))
        for k in past:
            ctx.print(f"  - {k.explain(ctx.lang)}")


def _print_in_force(ctx: _Context, reg: Regulation, start: dt.date, first: dt.date | None) -> None:
    """Say when the range begins before the regulation can be in force, or that nobody knows."""
    if reg.identity.signed is None and (first is None or first != reg.in_force_window[1]):
        ctx.print(ctx.t("in_force_unknown").format(date=reg.identity.signed_text(ctx.lang)))
        return
    if first is None or start >= first:
        return
    # The range begins before the regulation can be in force: say so, citing why.
    idn = reg.identity
    eff = idn.effective
    on_date = eff.kind.value == "on_date" and eff.date is not None
    known: object = ctx.day(eff.date if on_date else idn.signed)
    cite = (eff.citation or idn.signed_citation) if on_date else idn.signed_citation
    bound = None if on_date else idn.signed_not_before
    if bound is not None:
        # Thanh Hóa 2024: "năm 2024", and its preamble cites an act of 24/04/2024.
        known = (f"{known}, {'không sớm hơn' if ctx.lang == 'vi' else 'not before'} "
                 f"{ctx.day(bound.date)}")
    basis = ", ".join(_unique(
        c.label(ctx.lang)
        for c in (eff.citation, cite, bound.citation if bound else None) if c
    ))
    which = "in_force_on_date" if on_date else f"in_force_{eff.kind.value}"
    ctx.print(ctx.t(which).format(date=known, basis=basis))


def _cmd_calendar(ctx: _Context) -> int:
    a = ctx.args
    reg = load_regulation(a.regulation)
    start, end, clock_note = _range(ctx)
    occurrences = reg.calendar(start, end, reviews=ctx.args.reviews)
    if a.ics:
        _write_ics(reg, occurrences, Path(a.ics), a.deadlines)
    from steering.schedule import calendar_gaps  # noqa: PLC0415 - only here

    gaps = calendar_gaps(reg)
    # None when the signing date is unknown and unbounded (unknown = ["signed"]).
    first = reg.in_force_window[0]
    # Past a reorganisation or a successor's start the items are not decided: say why.
    unknown = world.applicability_unknown_from(reg)
    past = world.caveats(reg, end) if unknown is not None and unknown <= end else ()
    if ctx.json:
        ctx.dump({
            "regulation": reg.id,
            "start": start.isoformat(),
            "end": end.isoformat(),
            "occurrences": [o.to_dict() for o in occurrences],
            "gaps": [jsonable(g) for g in gaps],
            "in_force_from": first.isoformat() if first is not None else None,
            "not_decided_from": unknown.isoformat() if past and unknown else None,
            "caveats": [k.explain(ctx.lang) for k in past],
            "ics": a.ics,
            "range_from_clock": bool(clock_note),
        })
        return EXIT_ANSWER
    if clock_note:
        ctx.print(clock_note)
    _print_in_force(ctx, reg, start, first)
    if occurrences:
        ctx.print(f"{reg.id}: {len(occurrences)} {ctx.t('occurrences')} "
                  f"({ctx.day(start)} – {ctx.day(end)})")
        rows = []
        for o in occurrences:
            # A report's window ends at its data cut-off; its due date has a column of
            # its own, so a cut-off is never read as a deadline the regulation left open.
            until = o.data_period_end if o.kind == "report" and o.data_period_end else o.closes
            rows.append([
                ctx.day(o.opens),
                ctx.day(until),
                _due_cell(ctx, o),
                _kind_words(o.kind, ctx.lang),
                (o.title if ctx.lang == "vi" and o.title else _title_en(reg, o))
                # The clause's own qualifier (Tùng Châu Điều 7 khoản 1: "căn cứ tình hình thực tế").
                + (f" ({o.condition})" if o.condition else ""),
                "; ".join(_unique(c.label(ctx.lang) for c in o.citations[:1])),
            ])
        ctx.table(
            [ctx.t("opens"), ctx.t("closes"), ctx.t("due"), ctx.t("kind"), ctx.t("body"),
             ctx.t("cited")],
            rows,
        )
    else:
        ctx.print(ctx.t("no_occurrences"))
    _print_past(ctx, unknown, past)
    if gaps:
        ctx.print()
        ctx.print(f"{ctx.t('gaps')}:")
        grouped: dict[tuple[str, str, str, str], list[str]] = {}
        for g in gaps:
            key = (g.rule, g.kind, g.missing, g.citation.label(ctx.lang))
            grouped.setdefault(key, []).append(_body_name(reg, g.body))
        for (_, kind, missing, cited), bodies in grouped.items():
            ctx.print(f"  - {', '.join(_unique(bodies))} ({_kind_words(kind, ctx.lang)}): "
                      f"{ctx.t('missing_' + missing)} ({cited})")
    if a.ics:
        ctx.print()
        ctx.print(f"{ctx.t('written')} {a.ics}")
    return EXIT_ANSWER


_KIND_WORDS = {
    "report": ("báo cáo", "report"),
    "regular_meeting": ("họp định kỳ", "regular meeting"),
    "extraordinary_meeting": ("họp đột xuất", "extraordinary meeting"),
    "expanded_meeting": ("họp mở rộng", "expanded meeting"),
}


def _range(ctx: _Context) -> tuple[dt.date, dt.date, str]:
    """The calendar's first and last day, and a note when they come from the clock."""
    a = ctx.args
    clock_note = ""
    if a.start is None and a.end is None:
        # The library never reads the clock; the command line may, and says so.
        year = dt.date.today().year
        a.start = dt.date(year, 1, 1)
        clock_note = ctx.t("this_year").format(year=year)
    start: dt.date = a.start or dt.date(a.end.year, 1, 1)
    end: dt.date = a.end or dt.date(start.year, 12, 31)
    return start, end, clock_note


def _kind_words(kind: str, lang: str) -> str:
    words = _KIND_WORDS.get(kind)
    return kind.replace("_", " ") if words is None else words[0 if lang == "vi" else 1]


def _due_cell(ctx: _Context, o: Any) -> str:
    if o.kind != "report":
        return "-"
    if o.due is None:
        return ctx.t("no_deadline")
    moved = f" ({ctx.t('moved_from')} {ctx.day(o.shifted_from)})" if o.shifted_from else ""
    return f"{ctx.day(o.due)}{moved}"


def _body_name(reg: Regulation, body: str) -> str:
    """The regulation's words for an occurrence's ``body`` ("working_group" included)."""
    if body == "working_group" and reg.working_groups:
        return reg.working_groups[0].name
    node = body.removeprefix("working_group:")
    try:
        return reg.name_of(node)
    except (SteeringError, KeyError):
        return body


def _title_en(reg: Regulation, o: Any) -> str:
    """An occurrence's line in English; names keep the regulation's words."""
    code: str = o.period or ""
    year, _, part = code.partition("-")
    if part.startswith(("Q", "H")):
        when = f"{part[0]}{part[1:]} {year}"
    elif part:
        when = f"{int(part)}/{year}"
    else:
        when = year
    times = f" ({o.sequence} of {o.times})" if o.times > 1 else ""
    return f"{_body_name(reg, o.body)}: {_kind_words(o.kind, 'en')} {when}{times}".strip()


def _unique(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(items))


def _write_ics(reg: Regulation, occurrences: Sequence[Any], path: Path, deadlines: str) -> None:
    from steering.ics import to_ics  # noqa: PLC0415 - only --ics needs icalendar

    payload = to_ics(occurrences, regulation=reg, deadlines=deadlines)
    try:
        path.write_bytes(payload)
    except OSError as e:
        raise UsageError(f"cannot write {str(path)!r}: {e.strerror or e}") from None


def _cmd_compare(ctx: _Context) -> int:
    from steering.compare import compare  # noqa: PLC0415 - only this command needs it

    a = load_regulation(ctx.args.a)
    b = load_regulation(ctx.args.b)
    result = compare(a, b)
    if ctx.json:
        ctx.dump(result.to_dict(ctx.lang))
    elif ctx.args.details:
        ctx.print(result.explain(ctx.lang))
    else:
        _compare_summary(ctx, result)
    return EXIT_ANSWER


def _compare_summary(ctx: _Context, result: Any) -> None:
    """The head line, then how many differences each aspect has; details on request."""
    from steering.compare import aspect_label  # noqa: PLC0415

    vi = ctx.lang == "vi"
    ctx.print(result.explain(ctx.lang).split("\n", 1)[0])
    counts: dict[Any, list[int]] = {}
    for d in result:
        row = counts.setdefault(d.aspect, [0, 0, 0])
        row[("added", "removed", "changed").index(d.change.value)] += 1
    rows = [[aspect_label(aspect, ctx.lang), str(sum(n)), str(n[0]), str(n[1]), str(n[2])]
            for aspect, n in counts.items()]
    if rows:
        ctx.table(["khía cạnh" if vi else "aspect", "số điểm" if vi else "differences",
                   f"chỉ {result.b}" if vi else f"only {result.b}",
                   f"chỉ {result.a}" if vi else f"only {result.a}",
                   "khác nhau" if vi else "changed"], rows)
        a, b = ctx.args.a, ctx.args.b
        ctx.print(f"Xem từng điểm, có trích dẫn: steering compare {a} {b} --details" if vi
                  else f"Each difference, cited: steering --lang en compare {a} {b} --details")


def _cmd_coverage(ctx: _Context) -> int:
    from steering.coverage import coverage  # noqa: PLC0415 - only this command needs it

    result = coverage(load_regulation(ctx.args.regulation))
    if ctx.json:
        ctx.dump(result.to_dict())
    else:
        rows = list(result.rows(only_gaps=ctx.args.gaps))
        lines = result.table(only_gaps=ctx.args.gaps).split("\n")
        ctx.print(lines[0])
        if rows:
            ctx.table(["unit", "status", "cited by", "text"], rows)
        for line in lines[1 + len(rows):]:
            ctx.print(line)
    return EXIT_NO_ANSWER if result.uncited() or result.wrong else EXIT_ANSWER


def _cmd_draft(ctx: _Context) -> int:
    from steering.draft import draft  # noqa: PLC0415 - only this command needs it
    from steering.intake import read_text  # noqa: PLC0415

    intake = read_text(ctx.args.text)
    for line in intake.notes:
        sys.stderr.write(f"{_PROG}: {line}\n")
    name = Path(ctx.args.text).name
    result = draft(intake.text, source_name=Path(name).with_suffix(".txt").name,
                   file_id=Path(name).stem)
    if ctx.args.output:
        from steering.schema import schema_text  # noqa: PLC0415

        _write(Path(ctx.args.output), result.text)
        schema = Path(ctx.args.output).parent / "regulation.schema.json"
        if not schema.exists():
            _write(schema, schema_text())
        if Path(name).suffix != ".txt" or intake.notes:
            _write(Path(ctx.args.output).parent / Path(name).with_suffix(".txt").name, intake.text)
    else:
        ctx.print(result.text.rstrip("\n"))
    return EXIT_NO_ANSWER if result.missing else EXIT_ANSWER


def _write(path: Path, text: str) -> None:
    try:
        path.write_text(text, encoding="utf-8")
    except OSError as e:
        raise UsageError(f"cannot write {str(path)!r}: {e.strerror or e}") from None


def _years(text: str | None) -> range:
    if not text:
        return range(0)
    m = re.fullmatch(r"([0-9]{4})(?:-([0-9]{4}))?", text)
    if m is None or int(m[2] or m[1]) < int(m[1]):
        raise UsageError(f"--years: found {text!r}; allowed: YYYY or YYYY-YYYY")
    first, last = int(m[1]), int(m[2] or m[1])
    if not 1901 <= first <= last <= 2100 or last - first > 10:
        raise UsageError(f"--years: found {text!r}; allowed: at most 11 years in 1901-2100")
    return range(first, last + 1)


def _cmd_table(ctx: _Context) -> int:
    from steering.cache import default_cache_dir  # noqa: PLC0415 - only this command
    from steering.registry import LoadFailure, Registry, load_many  # noqa: PLC0415

    a = ctx.args
    years = _years(a.years)
    cache = a.cache_dir or (default_cache_dir() if a.cache else None)
    loaded: list[Registry] = []
    failures: list[LoadFailure] = []
    for src in a.sources or ["presets"]:
        if src != "presets" and not Path(src).is_dir():
            one: Registry = load_many([src], cache_dir=cache)
        else:
            one = load_many(src, recursive=a.recursive, progress=a.progress,
                            cache_dir=None if src == "presets" else cache,
                            workers=a.workers)
        loaded.append(one)
        failures += one.failures
    for f in failures:
        print(visible(f.explain()), file=sys.stderr)
    if a.parquet:
        from steering.columnar import write_parquet  # noqa: PLC0415 - only with --parquet

        regs = [reg for one in loaded for reg in one.regulations]
        written = write_parquet(regs, a.parquet, lang=ctx.lang, years=years,
                                progress=a.progress)
        for name, path in written.items():
            ctx.print(f"{name}: {path}")
    else:
        # From a cache, the rows come from the store: no regulation is built.
        rows = tuple(row for one in loaded
                     for row in one.table(lang=ctx.lang, progress=a.progress))
        if ctx.json:
            ctx.dump({"regulations": list(rows),
                      "failures": [{"path": f.path, "problems": [
                          {"path": p.path, "message": p.message} for p in f.problems]}
                          for f in failures]})
        else:
            cols = ("id", "level", "locality", "posts", "head_substitute_ids",
                    "regular_meeting_periods")
            ctx.table(list(cols), [["-" if r[c] is None else str(r[c]) for c in cols]
                                   for r in rows])
    return EXIT_NO_ANSWER if failures else EXIT_ANSWER


def _cmd_validate(ctx: _Context) -> int:
    report: list[dict[str, Any]] = []
    for ref in ctx.args.files:
        problems: tuple[Problem, ...]
        name = str(presets.path(ref)) if ref in presets.names() else ref
        try:
            load_file(name)
            problems = ()
        except RegulationFileError as e:
            problems = e.problems or (Problem(path="", message=str(e), file=name),)
        report.append({
            "file": ref,
            "valid": not problems,
            "problems": [{"path": p.path, "message": p.message} for p in problems],
        })
    bad = sum(1 for r in report if not r["valid"])
    if ctx.json:
        ctx.dump(report)
    else:
        for r in report:
            n = len(r["problems"])
            if r["valid"]:
                ctx.print(f"{r['file']}: {ctx.t('valid')}")
                continue
            ctx.print(f"{r['file']}: {n} {ctx.t('problem' if n == 1 else 'problems')}")
            for p in r["problems"]:
                where = p["path"] or ctx.t("file")
                message = " ".join(p["message"].split())
                ctx.print(f"  - {where}: {_problem_vi(message) if ctx.lang == 'vi' else message}")
                if p["path"] == "source":
                    ctx.print(_source_hint(r["file"], ctx.lang))
    return EXIT_NO_ANSWER if bad else EXIT_ANSWER


#: The fixed phrases of the loader's and validator's messages, in Vietnamese.
_PROBLEM_VI = (
    (re.compile(r"^required key missing$"), "thiếu khóa bắt buộc"),
    (re.compile(r"^unknown key (.*); allowed keys: (.*)$"),
     r"khóa không hợp lệ \1; khóa được phép: \2"),
    (re.compile(r"^found (.*), which names no (.*); allowed: (.*)$"),
     r"gặp \1, không phải mã \2 nào; được phép: \3"),
    (re.compile(r"^found invalid TOML: (.*)$"), r"TOML không hợp lệ: \1"),
    (re.compile(r"^cannot read the file: (.*)$"), r"không đọc được tệp: \1"),
    (re.compile(r"^found (.*?); allowed: (.*)$"), r"gặp \1; được phép: \2"),
)


def _source_hint(file: str, lang: str) -> str:
    """How to copy a preset's source text beside a preset copied as a template."""
    folder = Path(file).parent / "sources"
    shipped = presets.path(presets.names()[0]).parent / "sources"
    if lang == "vi":
        return (f"    (tệp quy chế chép từ bộ có sẵn cần chép cả văn bản nguồn: chép tệp .txt "
                f"tương ứng trong {shipped} vào {folder}, hoặc sửa khóa 'source')")
    return (f"    (a preset copied as a template needs its source text too: copy the matching "
            f".txt from {shipped} into {folder}, or change the 'source' key)")


def _problem_vi(message: str) -> str:
    """A problem line's frame in Vietnamese; the values found and allowed stay as written."""
    for pattern, words in _PROBLEM_VI:
        if pattern.match(message):
            return pattern.sub(words, message, count=1)
    return message


_EXPORTS = ("popolo", "org-jsonld", "graphml", "mermaid", "dot")


def _cmd_export(ctx: _Context) -> int:
    a = ctx.args
    reg = load_regulation(a.regulation)
    if a.format in ("popolo", "org-jsonld"):
        from steering.standards import to_org_jsonld, to_popolo  # noqa: PLC0415 - only here

        data = to_popolo(reg) if a.format == "popolo" else to_org_jsonld(reg, base=a.base)
        text = json_text(json.dumps(data, ensure_ascii=False, indent=2)) + "\n"
    else:
        graph = reg.authority()
        text = {"graphml": graph.to_graphml, "mermaid": graph.to_mermaid,
                "dot": graph.to_dot}[a.format]()
    if a.output:
        try:
            Path(a.output).write_text(text, encoding="utf-8")
        except OSError as e:
            raise UsageError(f"cannot write {a.output!r}: {e.strerror or e}") from None
    else:
        ctx.out.write(text)
    return EXIT_ANSWER


def _cmd_serve(ctx: _Context) -> int:
    a = ctx.args
    try:
        import uvicorn  # noqa: PLC0415 - the web extra is optional

        from steering import web  # noqa: PLC0415
    except ImportError:
        raise UsageError(
            "serve needs the 'web' extra: pip install -e '.[web]' (from a clone)"
        ) from None
    # Load once here so a bad folder fails now, in one line, before any worker starts.
    web.load_registry(a.dir, max_upload=a.max_upload)
    os.environ[web.ENV_DIR] = a.dir or ""
    os.environ[web.ENV_CORS] = ",".join(a.cors_origin or ())
    os.environ[web.ENV_MAX_UPLOAD] = str(a.max_upload)
    uvicorn.run("steering.web:app_from_env", factory=True, host=a.host, port=a.port,
                workers=a.workers, log_level="info")
    return EXIT_ANSWER


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"found {text!r}; allowed: a whole number >= 1")
    return value


# ----------------------------------------------------------------- parser


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the ``steering`` command."""
    common = _Parser(add_help=False)
    common.add_argument("--lang", choices=("vi", "en"), default=argparse.SUPPRESS,
                        help="language of the answer (default: vi)")
    common.add_argument("--json", action="store_true", default=argparse.SUPPRESS,
                        help="print the machine form (JSON)")
    common.add_argument("--wide", action="store_true", default=argparse.SUPPRESS,
                        help=f"do not wrap text at {WIDTH} columns")
    reg_help = "a preset id (see 'steering presets') or the path of a regulation file (TOML)"

    parser = _Parser(
        prog=_PROG,
        description="Ask a steering committee's operating regulation (Quy chế hoạt động) "
        "who acts, which seal, who convenes, who monitors, when to meet and report.",
        epilog="Exit codes: 0 answered; 1 no answer (not specified, nobody available) or "
        "validation problems; 2 bad usage or bad input.",
    )
    parser.add_argument("--version", action="version", version=f"{_PROG} {__version__}")
    parser.add_argument("--lang", choices=("vi", "en"), default="vi",
                        help="language of the answer (default: vi)")
    parser.add_argument("--json", action="store_true", default=False,
                        help="print the machine form (JSON)")
    parser.add_argument("--wide", action="store_true", default=False,
                        help=f"do not wrap text at {WIDTH} columns")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    def add(name: str, help_: str, fn: Callable[[_Context], int]) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_, description=help_, parents=[common])
        p.set_defaults(handler=fn)
        return p

    p = add("presets", "list the shipped regulations, or a locality's succession", _cmd_presets)
    p.add_argument("--locality", help="show this locality's decisions over time")
    p.add_argument("--on", type=_date, help="with --locality: the regulation in force on DATE")

    p = add("show", "show a regulation: identity, posts and rules with citations", _cmd_show)
    p.add_argument("regulation", help=reg_help)

    p = add("acting", "who acts for a post when posts are absent", _cmd_acting)
    p.add_argument("regulation", help=reg_help)
    p.add_argument("post", help="the post acted for (a post id, e.g. head; or a role id, "
                   "e.g. deputy, for every post of that role)")
    p.add_argument("--absent", type=_ids, metavar="A,B",
                   help="absent post ids, comma-separated (default: the post itself)")
    p.add_argument("--on", type=_date, metavar="DATE", help="the date asked about (YYYY-MM-DD)")

    p = add("seal", "which seal and signing form a post uses", _cmd_seal)
    p.add_argument("regulation", help=reg_help)
    p.add_argument("post", help="a post id, a working group id, or 'committee' (or a role "
                   "id, e.g. member, for every post of that role)")
    p.add_argument("--document", metavar="KIND", help="the kind of document to be sealed")
    p.add_argument("--on", type=_date, metavar="DATE", help="the date (for written authorisations)")

    p = add("accountable", "to whom a post answers", _cmd_accountable)
    p.add_argument("regulation", help=reg_help)
    p.add_argument("post", help="a post, working group or body id (or a role id, e.g. "
                   "member, for every post of that role)")
    p.add_argument("--transitive", action="store_true", help="follow the relation upward")

    p = add("convene", "who may convene a kind of meeting", _cmd_convene)
    p.add_argument("regulation", help=reg_help)
    p.add_argument("kind", choices=("regular", "extraordinary", "expanded"),
                   help="the kind of meeting")
    groups = "; ".join(f"{pid}: {', '.join(g.id for g in presets.load(pid).working_groups)}"
                       for pid in presets.names())
    p.add_argument("--body", default="committee",
                   help="'committee' (default) or a working group id (listed by 'steering show "
                   f"REGULATION'; in the presets: {groups})")

    p = add("monitor", "which member monitors a locality or sector", _cmd_monitor)
    p.add_argument("regulation", help=reg_help)
    p.add_argument("target", help="a locality or sector, e.g. 'Đông Sơn' or 'TP Thanh Hóa'")
    p.add_argument("--on", type=_date, metavar="DATE",
                   help="the date asked about (a district-level unit ended on 2025-07-01)")

    _add_procedure(add, reg_help)
    _add_calendars(add, reg_help)
    _add_doors(add, reg_help)
    return parser


def _add_calendars(add: Callable[..., argparse.ArgumentParser], reg_help: str) -> None:
    """The subcommands over whole regulations: calendar, compare and validate."""
    p = add("calendar", "dated meetings and report deadlines, optionally as iCalendar",
            _cmd_calendar)
    p.add_argument("regulation", help=reg_help)
    p.add_argument("--from", dest="start", type=_date, metavar="DATE",
                   help="first day (YYYY-MM-DD; default: 1 January of --to's year)")
    p.add_argument("--to", dest="end", type=_date, metavar="DATE",
                   help="last day (YYYY-MM-DD; default: 31 December of --from's year)")
    p.add_argument("--ics", metavar="FILE", help="also write the calendar to FILE (iCalendar)")
    p.add_argument("--deadlines", choices=("event", "todo"), default="event",
                   help="with --ics: report deadlines as all-day events with a reminder "
                   "(event, the default; every calendar application imports them) or as "
                   "to-dos (todo)")
    p.add_argument("--reviews", choices=("combined", "separate"), default="combined",
                   help="'họp định kỳ theo quý, 6 tháng, năm': one sitting a quarter serving "
                   "the six-month and year reviews (combined, the default) or a sitting each")

    p = add("compare", "every structural difference between two regulations", _cmd_compare)
    p.add_argument("a", help=reg_help)
    p.add_argument("b", help=reg_help)
    p.add_argument("--details", action="store_true",
                   help="list every difference with what each side says and its citations "
                   "(default: a summary by aspect)")

    _coverage_parser(add("coverage", "which articles, clauses and points of the source text "
                         "the rules cite", _cmd_coverage), reg_help)
    _draft_parser(add("draft", "draft a regulation file from a regulation's text", _cmd_draft))
    p = add("validate", "check regulation files; list every problem", _cmd_validate)
    p.add_argument("files", nargs="+", metavar="FILE", help="regulation files or preset ids")
    p = add("table", "many regulations side by side, or as Parquet files for DuckDB", _cmd_table)
    p.add_argument("sources", nargs="*", metavar="DIR_OR_FILE",
                   help="folders of regulation files (*.toml), files, or 'presets' "
                   "(default: presets); a broken file is reported and the others load")
    p.add_argument("--parquet", metavar="OUT",
                   help="write regulations, posts, rules (and occurrences) as Parquet files in "
                   "the folder OUT (needs the arrow extra)")
    p.add_argument("--years", metavar="YYYY[-YYYY]",
                   help="with --parquet: also the calendars of these years (occurrences)")
    p.add_argument("--recursive", action="store_true", help="take files from sub-folders too")
    p.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None,
                   help="a progress bar while loading and tabulating (default: on a "
                   "terminal; needs the progress extra)")
    p.add_argument("--cache", action="store_true",
                   help="keep each file's row in a content-keyed store, so unchanged files are "
                   "not read again ($STEERING_CACHE_DIR, else ~/.cache/steering; needs the "
                   "arrow extra)")
    p.add_argument("--cache-dir", dest="cache_dir", metavar="DIR",
                   help="like --cache, with the store in DIR")
    p.add_argument("--workers", type=_positive, default=1,
                   help="load a folder in N processes (default: 1); with --cache each "
                   "sends back rows, not regulations")


def _add_doors(add: Callable[..., argparse.ArgumentParser], reg_help: str) -> None:
    """The subcommands that open the library to other programs: export and serve."""
    p = add("export", "the regulation as Popolo, W3C ORG (JSON-LD), GraphML, Mermaid or DOT",
            _cmd_export)
    p.add_argument("regulation", help=reg_help)
    p.add_argument("--format", required=True, choices=_EXPORTS, help="the output format")
    p.add_argument("--output", metavar="FILE", help="write to FILE instead of standard output")
    p.add_argument("--base", default="urn:steering:",
                   help="org-jsonld: prefix of the IRIs minted (default: urn:steering:)")

    p = add("serve", "a read-only HTTP API over the presets and a folder (needs the web extra)",
            _cmd_serve)
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1)")
    p.add_argument("--port", type=_positive, default=8000, help="port (default: 8000)")
    p.add_argument("--workers", type=_positive, default=1, help="worker processes (default: 1)")
    p.add_argument("--dir", metavar="DIR",
                   help="also serve every regulation file (*.toml) in DIR")
    p.add_argument("--cors-origin", action="append", metavar="ORIGIN",
                   help="allow browser calls from ORIGIN (repeatable; '*' for any)")
    p.add_argument("--max-upload", type=_positive, default=MAX_BYTES, metavar="BYTES",
                   help=f"largest file POST /validate accepts (default: {MAX_BYTES})")


def _coverage_parser(p: argparse.ArgumentParser, reg_help: str) -> None:
    p.add_argument("regulation", help=reg_help)
    p.add_argument("--gaps", action="store_true",
                   help="list only the clauses no rule cites and no 'Not encoded:' note explains")


def _draft_parser(p: argparse.ArgumentParser) -> None:
    p.add_argument("text", help="the regulation's text: .txt, .md, .docx or .pdf (text layer)")
    p.add_argument("-o", "--output", metavar="FILE",
                   help="write the draft to FILE (and the text, as Unicode, beside it)")


def _utf8(stream: TextIO) -> None:
    reconfigure = getattr(stream, "reconfigure", None)
    if reconfigure is not None and (stream.encoding or "").lower().replace("-", "") != "utf8":
        reconfigure(encoding="utf-8")


def main(argv: Sequence[str] | None = None) -> int:  # noqa: PLR0911 - one exit per outcome
    """Run the ``steering`` command; returns the exit code."""
    _utf8(sys.stdout)
    _utf8(sys.stderr)
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
        if getattr(args, "handler", None) is None:
            raise UsageError(f"a command is required (see '{_PROG} --help')")
        return int(args.handler(_Context(args, sys.stdout)))
    except UsageError as e:
        return _fail(str(e))
    except RegulationFileError as e:
        return _fail(_one_line(e))
    except SteeringError as e:
        return _fail(" ".join(str(e).split()))
    except BrokenPipeError:
        # The reader went away (``steering show x | head``): not an error of ours.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_ANSWER
    except KeyboardInterrupt:
        return 130
    except Exception as e:  # the command never shows a traceback
        if os.environ.get("STEERING_DEBUG"):
            raise
        return _fail(f"internal error: {type(e).__name__}: {' '.join(str(e).split())} "
                     "(please report; set STEERING_DEBUG=1 for the traceback)")


def _fail(message: str) -> int:
    sys.stderr.write(f"{_PROG}: error: {visible(message)}\n")
    return EXIT_USAGE
