"""Draft a regulation file from a regulation's text: identity, posts and candidate rules.

[`draft`][steering.draft.draft] reads a text in the genre's layout (see
[`steering.sources`][steering.sources])
and proposes what it can find with the genre's phrasing, each candidate with
its verbatim quote, its exact citation and how it was found:

- ``pattern``: a pattern of the catalogue (`PATTERNS`) matched exactly,
  every field read off the sentence: written into the draft as a rule;
- ``guess``: a pattern matched but a field could not be read (a post not
  named, a body not known): written as a commented-out rule for the author.

What it cannot decide is left out (not specified), never invented; every
clause no candidate cites is listed at the end of the draft, as a comment with
its text. The draft loads with [`steering.load`][steering.loader.load] when the text names its
head and a signing date; otherwise the comment at its top says what is missing.
"""

from __future__ import annotations

from steering.draft._candidates import Candidate, Draft
from steering.draft._catalogue import PATTERNS, Pattern
from steering.draft._render import _Render

__all__ = ["PATTERNS", "Candidate", "Draft", "Pattern", "draft"]


# Re-exported: documented, pickled and shown under this package's public name.
for _public in (Candidate, Draft, Pattern):
    _public.__module__ = __name__


class _Drafter(_Render):
    """Reads a text once and proposes its posts and rules (one family of patterns per module)."""


def draft(
    text: str,
    *,
    source_name: str = "",
    file_id: str = "draft",
    schema: str = "./regulation.schema.json",
) -> Draft:
    """Draft a regulation file from a regulation's text.

    Args:
        text: The regulation's text (decision, regulation, annex), as Unicode.
        source_name: The text's file name, written as the draft's ``source``
            so that loading the draft checks every quote.
        file_id: The draft's ``id``.
        schema: Where the JSON Schema is, for the ``#:schema`` line that
            Taplo / Even Better TOML read to complete keys and flag errors
            (``steering draft -o`` writes ``regulation.schema.json`` beside
            the draft); ``""`` for none.

    """
    return _Drafter(text).render(source_name, file_id, schema)
