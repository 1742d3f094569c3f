"""Helpers every catalogue shares: joining names, citing clauses, quoting kinds."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from steering.reasons import Named, Reason
from steering.rules import WORDS, Citation


def join(items: Sequence[str], word: str) -> str:
    """``a, b word c``: items joined as a sentence lists them."""
    if not items:
        return ""
    if len(items) == 1:
        return items[0]
    return f"{', '.join(items[:-1])} {word} {items[-1]}"


def cite(citations: Iterable[Citation], lang: str) -> str:
    """The clauses' labels, each once, marking a paraphrase or translation as such."""
    labels: list[str] = []
    for c in citations:
        label = c.label(lang)
        if c.words != "text":  # a paraphrase or translation says so wherever it is cited
            label += f" ({WORDS[c.words][0 if lang == 'vi' else 1]})"
        if label not in labels:
            labels.append(label)
    return "; ".join(labels)


def names(items: Iterable[Named], lang: str, word: str) -> str:
    """The names of ``items`` in ``lang``, joined with ``word``."""
    return join([getattr(n, lang) for n in items], word)


def listed(items: Iterable[Named], lang: str) -> str:
    """The names of ``items`` in ``lang``, separated by commas only: "A, B, C"."""
    return ", ".join(getattr(n, lang) for n in items)


def quoted(kinds: Iterable[str]) -> str:
    """Document kinds in the regulation's words, each in quotation marks."""
    return ", ".join(f"“{d}”" for d in kinds)


def lines(items: Sequence[str]) -> str:
    """A signature block's lines, as printed one under another.

    No quotation marks: the lines are composed by the decree's forms, not quoted from
    the text (issue 12: quotation marks only around the text's own words).
    """
    return " / ".join(items)


if TYPE_CHECKING:
    from steering.text import Catalogue


def named_or_said(item: Named | Reason, say: Catalogue) -> str:
    """A post by its name in the catalogue's language, or a reason in its words."""
    return getattr(item, say.lang) if isinstance(item, Named) else say.say(item)


def as_clause(reasons: Iterable[Reason], say: Catalogue) -> str:
    """Reasons said one sentence each, as a clause after "but": its first letter lowered."""
    said = " ".join(say.render((x,)) for x in reasons)
    return said[:1].lower() + said[1:]
