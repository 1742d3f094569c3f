"""Signing forms of Nghị định 30/2020/NĐ-CP, Điều 13, read with a regulation's signature block.

Điều 13 distinguishes bodies that work under a head (chế độ thủ trưởng,
khoản 1: the head signs in their own name, a deputy signs "KT." for the head)
from bodies that work collectively (chế độ tập thể, khoản 2: the head signs
"TM." on behalf of the collective, a deputy signs "TM." and "KT."). A
steering regulation does not say which regime it follows; its issuing
decision's signature block shows it:

* "TM. BAN CHỈ ĐẠO / TRƯỞNG BAN" (Đắk Nông 2021): collective;
* "KT. TRƯỞNG BAN / PHÓ TRƯỞNG BAN" (Thanh Hóa 2024) or plain
  "TRƯỞNG BAN" (Thanh Hóa 2021, Vũng Tàu 2024): head regime;
* no signature block (Tùng Châu 2023): not specified.

Khoản 1 also says a deputy put in charge signs "as a deputy signing for the
head" (KT.), which is how an acting substitute signs. Khoản 3 governs written
authorisation (TUQ.): in writing, bounded in time and content, never
re-delegated, with the delegating agency's seal.

The quotes below were checked against a stored copy of the decree's text.
"""

from __future__ import annotations

import enum

import attrs

from steering import national_law
from steering.regulation import SignatureBlock
from steering.roles import Post, Role
from steering.rules import Citation, SigningForm

__all__ = [
    "DECREE",
    "ND30_ACTING",
    "ND30_COLLECTIVE_DEPUTY",
    "ND30_COLLECTIVE_HEAD",
    "ND30_HEAD_REGIME",
    "ND30_TL",
    "ND30_TUQ",
    "Regime",
    "Signing",
    "SigningStyle",
    "acting_signing",
    "delegated_signing",
    "own_signing",
    "style_from",
]

#: The outside instrument that defines the signing forms.
DECREE = national_law.instrument("nd-30-2020").document

# Nghị định 30/2020/NĐ-CP, Điều 13, quoted in data/national_law.toml (steering.national_law).
ND30_HEAD_REGIME = national_law.citation("nd30.head_regime")
ND30_ACTING = national_law.citation("nd30.acting")
ND30_COLLECTIVE_HEAD = national_law.citation("nd30.collective_head")
ND30_COLLECTIVE_DEPUTY = national_law.citation("nd30.collective_deputy")
ND30_TUQ = national_law.citation("nd30.tuq")
ND30_TL = national_law.citation("nd30.tl")

_DEPUTIES = (Role.STANDING_DEPUTY, Role.DEPUTY)


class Regime(enum.Enum):
    """How the committee signs, as its own signature block shows."""

    HEAD = "head"  # chế độ thủ trưởng (Điều 13 khoản 1)
    COLLECTIVE = "collective"  # chế độ tập thể (Điều 13 khoản 2)
    UNKNOWN = "unknown"  # the regulation has no signature block


@attrs.frozen(kw_only=True)
class SigningStyle:
    """The lines a committee's documents use, read off its own signature block.

    Attributes:
        regime: Head or collective regime, or unknown.
        collective: The collective's line after "TM." ("BAN CHỈ ĐẠO").
        head: The head's title line ("TRƯỞNG BAN").
        deputy: A deputy's title line ("PHÓ TRƯỞNG BAN").
        block: The signature block read, if any.
        office_line: The block prints the signer's office under the title
            ("PHÓ CHỦ TỊCH UBND TỈNH", Thanh Hóa 2024); only then do other
            posts' blocks carry their office. Đắk Nông's block ("TM. BAN CHỈ
            ĐẠO / TRƯỞNG BAN") prints none, so none is added.

    """

    regime: Regime
    collective: str = "BAN CHỈ ĐẠO"
    head: str = "TRƯỞNG BAN"
    deputy: str = "PHÓ TRƯỞNG BAN"
    block: SignatureBlock | None = None
    office_line: bool = False


def _strip(prefix: str, line: str) -> str:
    return line[len(prefix) :].strip() if line.startswith(prefix) else line.strip()


def style_from(block: SignatureBlock | None) -> SigningStyle:
    """Read the committee's signing style off its issuing decision's signature block."""
    if block is None or not block.lines:
        return SigningStyle(regime=Regime.UNKNOWN)
    lines = block.lines
    office_line = bool(block.office)
    if block.form is SigningForm.TM or lines[0].startswith("TM."):
        head = lines[1] if len(lines) > 1 else "TRƯỞNG BAN"
        head = _strip("KT.", head)
        return SigningStyle(
            regime=Regime.COLLECTIVE,
            collective=_strip("TM.", lines[0]),
            head=head,
            deputy=f"PHÓ {head}",
            block=block,
            office_line=office_line,
        )
    if block.form is SigningForm.KT or lines[0].startswith("KT."):
        head = _strip("KT.", lines[0])
        deputy = lines[1] if len(lines) > 1 else f"PHÓ {head}"
        return SigningStyle(
            regime=Regime.HEAD, head=head, deputy=deputy, block=block, office_line=office_line
        )
    head = lines[0].strip()
    return SigningStyle(
        regime=Regime.HEAD, head=head, deputy=f"PHÓ {head}", block=block, office_line=office_line
    )


@attrs.frozen(kw_only=True)
class Signing:
    """How one post signs: the form, the printed lines, and why.

    Attributes:
        form: The signing form, or ``None`` where the regulation does not settle it.
        lines: The lines printed above the signature (empty when ``form`` is ``None``).
        citations: The signature block and the decree clauses relied on.
        basis: A key naming the case, for explanations: ``"head"``,
            ``"deputy"``, ``"acting"``, ``"delegated"``, ``"unknown_regime"``,
            ``"no_standing"``.

    """

    form: SigningForm | None
    lines: tuple[str, ...] = ()
    citations: tuple[Citation, ...] = ()
    basis: str = ""


def _office(style: SigningStyle, post: Post) -> tuple[str, ...]:
    """The office line under the title, where the committee's own block prints one."""
    return (post.office.upper(),) if post.office and style.office_line else ()


def _block_cites(style: SigningStyle) -> tuple[Citation, ...]:
    return (style.block.citation,) if style.block else ()


def own_signing(style: SigningStyle, post: Post) -> Signing:
    """How ``post`` signs the committee's documents in its own right."""
    if post.role is not Role.HEAD and post.role not in _DEPUTIES:
        return Signing(form=None, basis="no_standing")
    if style.regime is Regime.UNKNOWN:
        return Signing(form=None, basis="unknown_regime")
    block = style.block
    if block is not None and block.post == post.id and block.role is post.role:
        # The regulation's own block, as printed, for the post that signed it.
        office = (block.office,) if block.office else ()
        lines = block.lines if block.lines[-1:] == office else (*block.lines, *office)
        decree = _decree_for(style, post)
        return Signing(
            form=block.form, lines=lines, citations=(block.citation, decree), basis=_basis(post)
        )
    collective = (f"TM. {style.collective}",) if style.regime is Regime.COLLECTIVE else ()
    if post.role is Role.HEAD:
        form = SigningForm.TM if style.regime is Regime.COLLECTIVE else SigningForm.DIRECT
        lines = (*collective, style.head, *_office(style, post))
    else:
        form = SigningForm.KT
        lines = (*collective, f"KT. {style.head}", style.deputy, *_office(style, post))
    return Signing(
        form=form,
        lines=lines,
        citations=(*_block_cites(style), _decree_for(style, post)),
        basis=_basis(post),
    )


def _basis(post: Post) -> str:
    return "head" if post.role is Role.HEAD else "deputy"


def _decree_for(style: SigningStyle, post: Post) -> Citation:
    if style.regime is Regime.COLLECTIVE:
        return ND30_COLLECTIVE_HEAD if post.role is Role.HEAD else ND30_COLLECTIVE_DEPUTY
    return ND30_HEAD_REGIME


def acting_signing(style: SigningStyle, principal: Post, substitute: Post) -> Signing:
    """How ``substitute`` signs while acting for an absent ``principal``.

    The substitute signs "as a deputy signing for the head" (KT. before the
    principal's title line), Điều 13 khoản 1.
    """
    if style.regime is Regime.UNKNOWN:
        return Signing(form=None, basis="unknown_regime")
    collective = (f"TM. {style.collective}",) if style.regime is Regime.COLLECTIVE else ()
    principal_line = style.head if principal.role is Role.HEAD else principal.title.upper()
    sub_line = style.deputy if substitute.role in _DEPUTIES else substitute.title.upper()
    lines = (*collective, f"KT. {principal_line}", sub_line, *_office(style, substitute))
    return Signing(
        form=SigningForm.KT,
        lines=lines,
        citations=(*_block_cites(style), ND30_ACTING),
        basis="acting",
    )


def delegated_signing(style: SigningStyle, delegator: Post, delegate: Post) -> Signing:
    """How ``delegate`` signs by written authorisation of ``delegator`` (TUQ., khoản 3)."""
    delegator_line = style.head if delegator.role is Role.HEAD else delegator.title.upper()
    lines = (f"TUQ. {delegator_line}", delegate.title.upper(), *_office(style, delegate))
    return Signing(
        form=SigningForm.TUQ,
        lines=lines,
        citations=(*_block_cites(style), ND30_TUQ),
        basis="delegated",
    )
