"""The engines on the shipped presets: helpers, and the checks every preset passes.

Each preset's module (``tests/presets/test_<preset>.py``) holds what its regulation says,
article by article: the model's facts, then ``TestAuthority`` (who acts, seals, signing,
accountability, meetings, as the graph answers) and ``TestCalendar`` (its meetings and
reports over whole years), then ``TestEveryPreset``, a `PresetCase` that runs the checks
every preset passes on it (the holidays package's per-country test style).
"""

from __future__ import annotations

import datetime as dt
import functools
from collections import Counter
from pathlib import Path
from typing import Any, ClassVar

import steering
from steering.authority import AuthorityGraph
from steering.rules import MeetingKind, Period
from steering.ruling import Ruling, Status
from steering.schedule import (
    CalendarGap,
    Occurrence,
    calendar_gaps,
)
from steering.sources import SourceText, check_quote
from steering.workdays import DEADLINE_SHIFT_CITATION, is_working_day

ND30 = "Nghị định 30/2020/NĐ-CP"


@functools.cache
def graph(preset: str) -> AuthorityGraph:
    return steering.presets.load(preset).authority()


def labels(r: Ruling) -> list[str]:
    return [c.label() for c in r.citations]


def assert_ruling(
    r: Ruling,
    status: Status | str,
    answer: tuple[str, ...] | None = None,
    cite: str | tuple[str, ...] = (),
) -> None:
    """Status, answer, and that every cited label in ``cite`` is among the ruling's citations."""
    assert r.status == status, r.explain("en")
    if answer is not None:
        assert r.answer == answer, r.explain("en")
    for c in (cite,) if isinstance(cite, str) else cite:
        assert c in labels(r), f"{c} not in {labels(r)}"
        assert c in r.explain("vi"), r.explain("vi")
    assert r.explain("vi")
    assert r.explain("en")


D = dt.date


QUARTERS_2025 = [
    (D(2025, 1, 1), D(2025, 3, 31)),
    (D(2025, 4, 1), D(2025, 6, 30)),
    (D(2025, 7, 1), D(2025, 9, 30)),
    (D(2025, 10, 1), D(2025, 12, 31)),
]


HALVES_2026 = [(D(2026, 1, 1), D(2026, 6, 30)), (D(2026, 7, 1), D(2026, 12, 31))]


QUARTER_CUTOFFS_2025 = [
    (D(2024, 12, 15), D(2025, 3, 14)),
    (D(2025, 3, 15), D(2025, 6, 14)),  # 14/06/2025: a Saturday
    (D(2025, 6, 15), D(2025, 9, 14)),  # 14/09/2025: a Sunday
    (D(2025, 9, 15), D(2025, 12, 14)),  # 14/12/2025: a Sunday
]


def year(preset: str, y: int, **options: Any) -> tuple[Occurrence, ...]:
    reg = steering.presets.load(preset)
    return reg.calendar(D(y, 1, 1), D(y, 12, 31), **options)  # type: ignore[no-any-return]


def pick(
    occs: tuple[Occurrence, ...], body: str, kind: str, cadence: Period | None = None
) -> list[Occurrence]:
    return [
        o
        for o in occs
        if o.body == body and o.kind == kind and (cadence is None or o.cadence is cadence)
    ]


def occ_cites(preset: str, occs: list[Occurrence], article: int, clause: int, words: str) -> None:
    """Every occurrence cites Điều ``article`` khoản ``clause`` of the regulation first,
    its quote contains ``words``, and the quote is found in that clause of the source text."""
    assert occs, "no occurrence to check"
    source = SourceText.parse(steering.presets.source_path(preset).read_text(encoding="utf-8"))
    for o in occs:
        c = o.citations[0]
        assert (c.document, c.article, c.clause) == ("regulation", article, clause), c.label()
        assert words in c.quote
        assert check_quote(c, source) is None, check_quote(c, source)


def windows(occs: list[Occurrence]) -> list[tuple[D, D]]:
    return [(o.opens, o.closes) for o in occs]


def no_deadline_invented(occs: list[Occurrence]) -> None:
    for o in occs:
        assert o.status == "not_specified"
        assert o.due is None
        assert o.shifted_from is None
        assert o.closes == o.data_period_end
        assert DEADLINE_SHIFT_CITATION not in o.citations


def gaps(preset: str) -> Counter[tuple[str, str, str, str]]:
    return Counter(
        (g.body, g.kind, g.rule, g.missing) for g in calendar_gaps(steering.presets.load(preset))
    )


def _readings_section(preset: str) -> str:
    page = Path(__file__).resolve().parents[2] / "docs" / "calendars.md"
    text = page.read_text(encoding="utf-8")
    start = text.index(f"### {preset}\n")
    end = text.find("\n### ", start + 1)
    return text[start : end if end != -1 else len(text)]


def every_answer(g: AuthorityGraph, post: str) -> tuple[Ruling, ...]:
    """Every question asked of ``post``, as the shared checks ask it."""
    return (
        g.acting_for(post, absent={post}),
        g.seal_for(post),
        g.accountable_to(post),
        g.reports_to(post),
        g.proxy(post),
        g.monitored_by(post),
        g.signature_block(post),
    )


class PresetCase:
    """Checks every preset passes; a preset's module subclasses it with its ``preset``."""

    preset: ClassVar[str]

    def test_seal_and_signing_queries_are_total(self) -> None:
        g = graph(self.preset)
        for post in g.post_ids:
            r = g.seal_for(post)
            assert r.status in (Status.DECIDED, Status.NOT_SPECIFIED)
            assert (r.seal is None) == (r.status is Status.NOT_SPECIFIED)
            assert r.explain("vi")
            assert r.explain("en")

    def test_every_query_kind_answers_every_post(self) -> None:
        g = graph(self.preset)
        for post in g.post_ids:
            for r in every_answer(g, post):
                assert isinstance(r.status, Status)
                assert r.explain("vi")
                assert r.explain("en")
                hash(r)

    def test_explanations_start_with_a_capital(self) -> None:
        """Vũng Tàu writes "thành viên Ban Chỉ đạo" (Điều 6) in lower case; a sentence still opens
        with a capital letter, in both languages, whatever post it names first."""
        g = graph(self.preset)
        for post in g.post_ids:
            for r in every_answer(g, post):
                for lang in ("vi", "en"):
                    text = r.explain(lang)
                    assert text[:1].isupper(), text
                    assert ". thành viên" not in text, text

    def test_every_dated_occurrence_cites_a_meeting_or_report_clause_of_its_regulation(
        self,
    ) -> None:
        preset = self.preset
        reg = steering.presets.load(preset)
        rules = {m.citation for m in reg.meetings} | {r.citation for r in reg.reports}
        occs = year(preset, 2025)
        assert occs
        for o in occs:
            assert o.regulation == preset
            assert o.citations[0] in rules
            if o.due is not None:
                assert is_working_day(o.due)
        for g in calendar_gaps(reg):
            assert isinstance(g, CalendarGap)
            assert g.citation in rules

    def test_the_calendars_page_lists_every_reading_of_the_preset(self) -> None:
        """Every meeting or periodic-report rule that records a reading (a note on the rule or on
        its deadline) is listed, by its clause, under the preset on docs/calendars.md."""
        preset = self.preset
        reg = steering.presets.load(preset)
        section = _readings_section(preset)
        cited = [m.citation for m in reg.meetings if m.note and m.kind is MeetingKind.REGULAR]
        cited += [
            r.citation
            for r in reg.reports
            if (r.cadences or r.periodic) and (r.note or (r.deadline and r.deadline.note))
        ]
        assert cited, f"{preset} records no calendar reading"
        for c in cited:
            label = c.label()
            assert label in section, (
                f"docs/calendars.md does not list the reading of {label} under {preset}"
            )
