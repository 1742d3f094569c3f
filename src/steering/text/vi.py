"""Vietnamese: every reason in the regulations' own words.

One entry per kind of reason ([`steering.reasons`][steering.reasons]); changing a word
is changing one line here.
"""

from __future__ import annotations

from collections.abc import Iterable

from steering import reasons as r
from steering._text import vi_date
from steering.rules import Citation
from steering.text import Catalogue
from steering.text._common import cite as _cite
from steering.text._common import join, quoted
from steering.text._common import names as _names

SAY = Catalogue("vi")


def name(named: r.Named) -> str:
    """A post's or body's name."""
    return named.vi


def names(items: Iterable[r.Named], word: str = "và") -> str:
    """Names joined: "A, B và C"."""
    return _names(items, "vi", word)


def cite(citations: Iterable[Citation]) -> str:
    """The clauses' labels: "Điều 3 khoản 2; Điều 4"."""
    return _cite(citations, "vi")


# -- who acts for an absent post ---------------------------------------------------


@SAY.on(r.ActsInPerson)
def _(x: r.ActsInPerson) -> str:
    return f"{name(x.post)} không vắng mặt nên tự mình đảm nhiệm."


@SAY.on(r.NoSubstitute)
def _(x: r.NoSubstitute) -> str:
    return f"Quy chế không quy định ai thay {name(x.post)} khi vắng mặt."


@SAY.on(r.SubstituteOnlyWhen)
def _(x: r.SubstituteOnlyWhen) -> str:
    return (f"Quy chế chỉ quy định người thay {name(x.post)} khi {names(x.needed)} cùng vắng mặt "
            f"({cite(x.citations)}); trường hợp này không được quy định.")


@SAY.on(r.NoSubstituteLeft)
def _(x: r.NoSubstituteLeft) -> str:
    if len(x.substitutes) == 1:
        who = f"người quy chế giao thay là {names(x.substitutes)} cũng vắng mặt"
    else:
        who = f"những người quy chế giao thay là {names(x.substitutes)} cũng đều vắng mặt"
    return (f"{name(x.post)} vắng mặt và {who} ({cite(x.citations)}); quy chế không quy định ai "
            "thay tiếp, nên không có ai đảm nhiệm.")


@SAY.on(r.SubstituteActs)
def _(x: r.SubstituteActs) -> str:
    tried = f"{names(x.tried)} cũng vắng mặt ({cite(x.tried_citations)}), nên " if x.tried else ""
    together = " cùng được" if len(x.acting) > 1 else ""
    scope = f" {x.scope}" if x.scope else f" thay {x.title}"
    return (f"Khi {names(x.when_absent)} vắng mặt, {tried}{names(x.acting)}{together}{scope} "
            f"({cite((x.citation,))}).")


@SAY.on(r.NotOrdered)
def _(x: r.NotOrdered) -> str:
    return f"Quy chế không quy định thứ tự giữa {names(x.posts)}."


@SAY.on(r.AbsentWithHolder)
def _(x: r.AbsentWithHolder) -> str:
    said = "; ".join(f"{name(post)} cũng vắng mặt vì người giữ chức vụ này đồng thời là {name(via)}"
                     for post, via in x.pairs)
    return f"Lưu ý: {said} ({cite(x.citations)})."


@SAY.on(r.AuthorisationPartial)
def _(x: r.AuthorisationPartial) -> str:
    return (f"{name(x.post)} được {name(x.delegator)} ủy quyền ký {quoted(x.kinds)} "
            f"({cite((x.citation,))}); “{x.document}” không trùng văn bản nào được liệt kê mà "
            "chỉ cùng loại, nên chưa xác định được văn bản này có thuộc phạm vi ủy quyền hay "
            "không.")


# -- notes every ruling may carry ----------------------------------------------------


@SAY.on(r.OnlyWhenSetUp)
def _(x: r.OnlyWhenSetUp) -> str:
    return (f"Lưu ý: {join(x.groups, 'và')} chỉ được thành lập khi cần thiết "
            f"({cite(x.citations)}); câu trả lời áp dụng khi đã được thành lập.")


@SAY.on(r.RestsOnReplaced)
def _(x: r.RestsOnReplaced) -> str:
    said = "; ".join(f"{c.label('vi')} thuộc {c.document}, văn bản mà quy chế này thay thế "
                     f"({by.label('vi')})" for c, by in x.hits)
    return f"Lưu ý: {said}."


@SAY.on(r.NotYetInForce)
def _(x: r.NotYetInForce) -> str:
    return (f"Lưu ý: ngày {vi_date(x.on)}, quy chế này chưa có hiệu lực "
            f"(sớm nhất từ {vi_date(x.first)}).")


@SAY.on(r.StartUnknown)
def _(x: r.StartUnknown) -> str:
    bounds = [f"không trước {vi_date(x.not_before)}"] if x.not_before else []
    bounds += [f"không sau {vi_date(x.not_after)}"] if x.not_after else []
    signed = "chưa rõ" + (f" ({', '.join(bounds)})" if bounds else "")
    return (f"Lưu ý: ngày ký quy chế {signed}; không rõ quy chế đã có hiệu lực vào ngày được "
            "hỏi chưa.")


@SAY.on(r.AsWritten)
def _(x: r.AsWritten) -> str:
    answer = f" (trả lời: {', '.join(x.answer)})" if x.answer else ""
    return f"Theo văn bản: {SAY.render(x.reasons)}{answer}"


@SAY.on(r.Worded)
def _(x: r.Worded) -> str:
    return x.vi
