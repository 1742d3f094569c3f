"""Subcommands that ask the authority graph one question each.

acting, seal, accountable, convene, monitor, agency, collective, notice, procedure.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any

from steering import presets
from steering._text import fold
from steering._text import unique as _unique
from steering.cli import _common
from steering.cli._common import (
    _Context,
    _date,
    _ids,
    _print_ruling,
    _status_code,
)
from steering.errors import SteeringError
from steering.regulation import Regulation
from steering.ruling import ruling_json


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
    reg = _common.load_regulation(a.regulation)
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
    reg = _common.load_regulation(a.regulation)
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
    reg = _common.load_regulation(a.regulation)
    return _for_each_post(ctx, reg,
                          lambda p: _graph(reg).accountable_to(p, transitive=a.transitive))


def _cmd_convene(ctx: _Context) -> int:
    a = ctx.args
    reg = _common.load_regulation(a.regulation)
    ruling = _graph(reg).conveners(a.kind, body=a.body)
    return ctx.ruling(ruling, reg)


def _cmd_monitor(ctx: _Context) -> int:
    a = ctx.args
    reg = _common.load_regulation(a.regulation)
    ruling = _graph(reg).monitor_of(a.target, on=a.on)
    return ctx.ruling(ruling, reg)


def _cmd_agency(ctx: _Context) -> int:
    reg = _common.load_regulation(ctx.args.regulation)
    return ctx.ruling(_graph(reg).standing_agency(ctx.args.domain), reg)


def _cmd_collective(ctx: _Context) -> int:
    a = ctx.args
    reg = _common.load_regulation(a.regulation)
    return ctx.ruling(_graph(reg).collective(a.collective, absent=a.absent or (), on=a.on), reg)


def _cmd_notice(ctx: _Context) -> int:
    a = ctx.args
    reg = _common.load_regulation(a.regulation)
    return ctx.ruling(_graph(reg).notice_for(a.day, body=a.body, kind=a.kind), reg)


def _cmd_procedure(ctx: _Context) -> int:
    a = ctx.args
    reg = _common.load_regulation(a.regulation)
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


def _add_questions(add: Callable[..., argparse.ArgumentParser], reg_help: str) -> None:
    """The subcommands that ask one question: acting, seal, accountable, convene, monitor."""
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
