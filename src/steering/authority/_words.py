"""Words the authority graph's answers are built from.

Condition, signing-form and looseness wordings, and small helpers that join names and
cite clauses.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import attrs

from steering import _authority_algo as algo
from steering import _matching as matching
from steering.rules import (
    WORDS,
    AttendanceCondition,
    Citation,
    SigningForm,
)
from steering.ruling import Ruling

_FORM_VI = {
    SigningForm.TM: "thay mặt tập thể (TM.)",
    SigningForm.KT: "ký thay (KT.)",
    SigningForm.Q: "quyền (Q.)",
    SigningForm.TL: "thừa lệnh (TL.)",
    SigningForm.TUQ: "thừa ủy quyền (TUQ.)",
    SigningForm.DIRECT: "ký trực tiếp, không có chữ viết tắt",
}


_FORM_EN = {
    SigningForm.TM: "on behalf of the collective (TM.)",
    SigningForm.KT: "for the head (KT.)",
    SigningForm.Q: "as acting head (Q.)",
    SigningForm.TL: "by order (TL.)",
    SigningForm.TUQ: "by written authorisation (TUQ.)",
    SigningForm.DIRECT: "in their own name, with no prefix",
}


def _join(items: Sequence[str], word: str) -> str:
    if not items:
        return ""
    if len(items) == 1:
        return items[0]
    return f"{', '.join(items[:-1])} {word} {items[-1]}"


def _cite(citations: Iterable[Citation], lang: str) -> str:
    labels: list[str] = []
    for c in citations:
        label = c.label(lang)
        if c.words != "text":  # a paraphrase or translation says so wherever it is cited
            label += f" ({WORDS[c.words][0 if lang == 'vi' else 1]})"
        if label not in labels:
            labels.append(label)
    return "; ".join(labels)


def _noted_last(ruling: Ruling, note_vi: str, note_en: str) -> Ruling:
    """``ruling`` with a note at the end of its explanations, said once.

    A ruling built on another (signature_block on acting_for) carries the note of the
    first: it is moved last, not repeated.
    """
    if ruling.text_vi.endswith(note_vi):
        return ruling
    vi = ruling.text_vi.replace(f" {note_vi}", "")
    en = ruling.text_en.replace(f" {note_en}", "")
    return attrs.evolve(ruling, text_vi=f"{vi} {note_vi}", text_en=f"{en} {note_en}")


def _unique(items: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(items))


def _unique_cites(items: Iterable[Citation]) -> tuple[Citation, ...]:
    return tuple(dict.fromkeys(items))


def _lines(lines: Sequence[str]) -> str:
    # No quotation marks: the lines are composed by the decree's forms, not quoted from
    # the text (issue 12: quotation marks only around the text's own words).
    return " / ".join(lines)


def _verbatim(part: str, whole: str) -> bool:
    """Whether ``part`` stands word for word in ``whole`` (up to whitespace and case)."""
    return " ".join(part.split()).casefold() in " ".join(whole.split()).casefold()


def _unique_conds(items: Iterable[AttendanceCondition]) -> tuple[AttendanceCondition, ...]:
    return tuple(dict.fromkeys(items))


_LOOSE_VI = {
    matching.Looseness.NO_UNIT: "thiếu từ chỉ đơn vị hành chính",
    matching.Looseness.SPELLING: "khác dấu",
    matching.Looseness.UNIT_DIFFERS: "từ chỉ đơn vị hành chính khác với phụ lục",
    matching.Looseness.FRAGMENT: "chỉ là một phần của tên",
    matching.Looseness.EXTRA_WORDS: "có thêm từ ngoài tên",
}


_LOOSE_EN = {
    matching.Looseness.NO_UNIT: "no unit word",
    matching.Looseness.SPELLING: "other diacritics",
    matching.Looseness.UNIT_DIFFERS: "a unit word the annex does not use",
    matching.Looseness.FRAGMENT: "only part of a name",
    matching.Looseness.EXTRA_WORDS: "words besides a name",
}


def _loose_words(found: matching.LocalityMatch, province: str) -> tuple[str, str]:
    """Why a locality match is loose, in Vietnamese and English."""
    order = list(matching.Looseness)
    reasons = sorted(found.reasons, key=order.index)
    vi = [_LOOSE_VI[r] for r in reasons if r in _LOOSE_VI]
    en = [_LOOSE_EN[r] for r in reasons if r in _LOOSE_EN]
    if matching.Looseness.PROVINCE in found.reasons:
        vi.append(f"cũng là tên tỉnh {province}, mà phân công không giao cả tỉnh")
        en.append(f"also the name of tỉnh {province}, which the assignment gives to no one")
    return "; ".join(vi), "; ".join(en)


def _asked(kinds: Sequence[str], document: str | None) -> tuple[str, ...]:
    """The document kinds a question is about: those matching ``document``, or all of them."""
    if document is None:
        return tuple(kinds)
    return tuple(k for k in kinds if algo.document_matches(document, (k,)))
