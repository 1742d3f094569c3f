"""presets.succession and presets.in_force: which regulation was in force, and when we cannot say.

Thanh Hóa's succession as the texts give it:

- Quyết định 4095/QĐ-BCĐ of 19/10/2018, replaced by thanh-hoa-2021 (its decision, Điều 2);
  not shipped.
- thanh-hoa-2021: in force from signing (decision Điều 2), signed in 01/2021 (day left blank).
- Quyết định 1943/QĐ-BCĐ of 06/6/2022 (with 1969/QĐ-BCĐ of 08/6/2022), replaced by
  thanh-hoa-2024 (its decision, Điều 2); not shipped.
- thanh-hoa-2024: in force from signing (decision Điều 2), signed in 2024 (day and month blank).
"""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

import steering
from steering import presets, reasons, text
from steering.errors import QueryError, SteeringError
from steering.presets import SuccessionError, Term, in_force, succession


def reason(locality: str, on: dt.date) -> SuccessionError:
    with pytest.raises(SuccessionError) as info:
        in_force(locality, on)
    return info.value


def test_thanh_hoa_succession() -> None:
    terms = succession("Thanh Hóa")
    assert [t.preset for t in terms] == ["", "thanh-hoa-2021", "", "thanh-hoa-2024"]
    old, th21, mid, th24 = terms
    assert (old.number, str(old.starts), old.replaced_by) == (
        "4095/QĐ-BCĐ", "2018-10-19", "thanh-hoa-2021"
    )
    assert (mid.number, str(mid.starts), mid.replaced_by) == (
        "1943/QĐ-BCĐ, 1969/QĐ-BCĐ", "2022-06-06", "thanh-hoa-2024"
    )
    assert mid.citation is not None
    assert (mid.citation.document, mid.citation.article) == ("decision", 2)
    assert "1943/QĐ-BCĐ ngày 06/6/2022" in mid.citation.quote
    assert not mid.shipped
    assert mid.basis == "replaced"
    assert (str(th21.starts), th21.basis) == ("2021-01", "signed")
    assert (str(th24.starts), th24.basis) == ("2024", "signed")
    assert th24.citation is not None
    assert th24.citation.quote == "Quyết định này có hiệu lực kể từ ngày ký"


@pytest.mark.parametrize("name", ["Thanh Hóa", "thanh hoa", "THANH HOÁ", "thanh-hoa",
                                  "Tỉnh Thanh Hóa"])
def test_locality_names_are_forgiving(name: str) -> None:
    assert [t.preset for t in succession(name)][-1] == "thanh-hoa-2024"


def test_in_force_2021_regulation() -> None:
    """From its signing month (01/2021) until the 2022 decision took over."""
    assert in_force("Thanh Hóa", dt.date(2021, 2, 1)).id == "thanh-hoa-2021"
    assert in_force("Thanh Hóa", dt.date(2022, 6, 5)).id == "thanh-hoa-2021"


def test_in_force_2024_regulation_after_2024() -> None:
    assert in_force("Thanh Hóa", dt.date(2025, 1, 1)).id == "thanh-hoa-2024"
    assert in_force("thanh hoa", dt.date(2030, 6, 1)).id == "thanh-hoa-2024"


def test_2022_decision_was_in_force_but_is_not_shipped() -> None:
    """On 06/6/2022 Quyết định 1943/QĐ-BCĐ took over; it is named by the 2024 decision only."""
    for day in (dt.date(2022, 6, 6), dt.date(2023, 5, 1), dt.date(2023, 12, 31)):
        e = reason("Thanh Hóa", day)
        assert e.reason == "not_shipped"
        assert [t.number for t in e.candidates] == ["1943/QĐ-BCĐ, 1969/QĐ-BCĐ"]
        assert "1943/QĐ-BCĐ" in str(e)
        assert "not shipped" in str(e)
        assert "thanh-hoa-2024" in str(e)


def test_a_date_in_2024_is_uncertain() -> None:
    """The 2024 decision's signing day and month are blank ("ngày tháng năm 2024"), but its
    preamble cites "số 1655/QĐ-UBND ngày 24/04/2024": it was signed on a day from 24/04 to
    31/12/2024. Before 24/04 the 2022 decisions were in force; after, it is uncertain."""
    e = reason("Thanh Hóa", dt.date(2024, 6, 1))
    assert e.reason == "uncertain"
    assert [t.preset for t in e.candidates] == ["", "thanh-hoa-2024"]
    assert "2024-04-24 to 2024-12-31" in str(e)
    assert reason("Thanh Hóa", dt.date(2024, 12, 30)).reason == "uncertain"
    assert in_force("Thanh Hóa", dt.date(2024, 12, 31)).id == "thanh-hoa-2024"
    early = reason("Thanh Hóa", dt.date(2024, 3, 1))
    assert early.reason == "not_shipped"
    assert early.candidates[0].number == "1943/QĐ-BCĐ, 1969/QĐ-BCĐ"


def test_the_preamble_bounds_the_2024_signing_date() -> None:
    """Thanh Hóa 2024 cannot be in force before 24/04/2024, so its calendar for 2024 holds
    nothing that closes before that day (its Q1 meeting, Điều 7 khoản 1, is left out)."""
    reg = presets.load("thanh-hoa-2024")
    bound = reg.identity.signed_not_before
    assert bound is not None
    assert bound.date == dt.date(2024, 4, 24)
    assert bound.citation.part == "preamble"
    assert reg.in_force_from == dt.date(2024, 4, 24)
    periods = [o.period for o in reg.calendar(dt.date(2024, 1, 1), dt.date(2024, 12, 31))
               if o.kind == "regular_meeting"]
    assert periods == ["2024-Q2", "2024-Q3", "2024-Q4"]


def test_a_bound_outside_the_signing_date_is_a_problem() -> None:
    text = presets.path("thanh-hoa-2024").read_text(encoding="utf-8").replace(
        "date = 2024-04-24", "date = 2023-04-24")
    with pytest.raises(steering.SteeringError, match=r"identity\.signed_not_before\.date: "
                       r"found 2023-04-24, outside the signing date 2024"):
        steering.loads(text, file=str(presets.path("thanh-hoa-2024")))


def test_january_2021_is_uncertain() -> None:
    e = reason("Thanh Hóa", dt.date(2021, 1, 15))
    assert e.reason == "uncertain"
    assert e.candidates[0].number == "4095/QĐ-BCĐ"
    assert e.candidates[1].preset == "thanh-hoa-2021"


def test_2018_decision_not_shipped_and_before_it_nothing_known() -> None:
    assert reason("Thanh Hóa", dt.date(2019, 5, 1)).reason == "not_shipped"
    e = reason("Thanh Hóa", dt.date(2017, 1, 1))
    assert e.reason == "before_known"
    assert "4095/QĐ-BCĐ" in str(e)


def test_dak_nong_in_force_from_signing() -> None:
    """Đắk Nông: 2044/QĐ-BCĐ, in force from signing on 25/11/2021 (decision Điều 2)."""
    assert in_force("Đắk Nông", dt.date(2021, 11, 25)).id == "dak-nong-2021"
    assert reason("Dak Nong", dt.date(2021, 11, 24)).reason == "before_known"


def test_vung_tau_known_to_the_month() -> None:
    """Vũng Tàu: a draft dated 8/2024, in force from signing: August 2024 is uncertain."""
    e = reason("Vũng Tàu", dt.date(2024, 8, 15))
    assert e.reason == "uncertain"
    assert [t.preset for t in e.candidates] == ["vung-tau-2024"]
    assert in_force("thành phố Vũng Tàu", dt.date(2024, 9, 1)).id == "vung-tau-2024"


def test_tung_chau_without_an_effective_clause_starts_at_signing() -> None:
    """Tùng Châu states no effective date: the signing date (30/03/2023) is taken, and said so."""
    (term,) = succession("Tùng Châu")
    assert (term.preset, str(term.starts), term.basis) == ("tung-chau-2023", "2023-03-30", "signed")
    assert in_force("xã Tùng Châu", dt.date(2023, 3, 30)).id == "tung-chau-2023"


def test_unknown_locality() -> None:
    with pytest.raises(SuccessionError, match=r"known localities: .*Thanh Hóa") as info:
        in_force("Hà Nội", dt.date(2024, 1, 1))
    assert info.value.reason == "unknown_locality"
    assert isinstance(info.value, SteeringError)
    assert isinstance(info.value, LookupError)
    # The Vietnamese message is Vietnamese (it was the English one).
    assert info.value.explain("vi").startswith("không có bộ quy chế có sẵn nào cho địa phương")


@pytest.mark.parametrize(("locality", "on", "kind"), [
    ("Hà Nội", dt.date(2024, 1, 1), reasons.UnknownLocality),
    ("Thanh Hóa", dt.date(2022, 7, 1), reasons.NotShipped),
    ("Vũng Tàu", dt.date(2024, 8, 15), reasons.StartUncertain),
    ("Đắk Nông", dt.date(2025, 8, 1), reasons.Reorganised),
])
def test_why_is_a_typed_reason_and_the_messages_are_its_words(
    locality: str, on: dt.date, kind: type[reasons.Reason]
) -> None:
    with pytest.raises(SuccessionError) as info:
        in_force(locality, on)
    said = info.value.said
    assert isinstance(said, kind)
    assert str(info.value) == text.say(said, "en")
    assert info.value.explain("vi") == text.say(said, "vi")


@pytest.mark.parametrize("bad", ["01/01/2024", dt.datetime(2024, 1, 1, 12), None, 20240101])
def test_on_must_be_a_date(bad: object) -> None:
    with pytest.raises(QueryError, match=r"allowed: a date"):
        in_force("Thanh Hóa", bad)  # type: ignore[arg-type]


def test_on_may_be_an_iso_string_as_at_every_door() -> None:
    assert in_force("Thanh Hóa", "2025-01-01") is in_force(  # type: ignore[arg-type]
        "Thanh Hóa", dt.date(2025, 1, 1))


def test_describe() -> None:
    mid = succession("Thanh Hóa")[2]
    # Thanh Hóa 2024 Điều 2 replaces 1943/QĐ-BCĐ "ngày 06/6/2022" and 1969/QĐ-BCĐ
    # "ngày 08/6/2022": replaced together, each keeps its own date.
    assert mid.describe() == (
        "Quyết định 1943/QĐ-BCĐ of 2022-06-06 and 1969/QĐ-BCĐ of 2022-06-08"
    )
    assert mid.describe("vi") == (
        "Quyết định 1943/QĐ-BCĐ ngày 06/06/2022 và 1969/QĐ-BCĐ ngày 08/06/2022"
    )
    assert succession("Thanh Hóa")[1].describe() == (
        "thanh-hoa-2021 (decision with no number, 2021-01)"
    )
    assert succession("Thanh Hóa")[1].describe("vi") == (
        "thanh-hoa-2021 (Quyết định (chưa số), 01/2021)"
    )


def test_succession_errors_speak_vietnamese_and_name_the_locality_as_written() -> None:
    """Asked as "thanh hoa" on 01/01/2023, the answer names "Thanh Hóa" and the decisions
    the 2024 text (Điều 2) replaces, in either language."""
    with pytest.raises(SuccessionError) as info:
        in_force("thanh hoa", dt.date(2023, 1, 1))
    e = info.value
    assert str(e).startswith("Thanh Hóa: on 2023-01-01 the regulation in force was ")
    assert e.explain("vi").startswith("Thanh Hóa: ngày 01/01/2023 văn bản có hiệu lực là ")
    assert "không có sẵn trong bộ quy chế" in e.explain("vi")
    assert e.explain("en") == str(e)


def test_registry_is_intact() -> None:
    assert "thanh-hoa-2024" in presets.names()
    assert presets.path("thanh-hoa-2024").name == "thanh-hoa-2024.toml"
    assert presets.load("thanh-hoa-2024").id == "thanh-hoa-2024"


def _start(t: Term) -> dt.date:
    assert t.starts is not None
    return t.starts.earliest()


@given(st.dates(dt.date(2015, 1, 1), dt.date(2035, 12, 31)))
def test_in_force_is_consistent_with_the_succession(day: dt.date) -> None:
    """Any date: either a preset that had certainly started and not yet been followed by a
    successor that had certainly started, or an explicit reason."""
    terms = succession("Thanh Hóa")
    try:
        reg = in_force("Thanh Hóa", day)
    except SuccessionError as e:
        error: SuccessionError | None = e
    else:
        error = None
    if error is not None:
        assert error.reason in ("before_known", "not_shipped", "uncertain")
        assert error.candidates
        return
    i = next(i for i, t in enumerate(terms) if t.preset == reg.id)
    starts = terms[i].starts
    assert starts is not None
    assert starts.latest() <= day
    if i + 1 < len(terms):
        assert _start(terms[i + 1]) > day


@given(st.dates(dt.date(2015, 1, 1), dt.date(2035, 12, 31)),
       st.dates(dt.date(2015, 1, 1), dt.date(2035, 12, 31)))
def test_in_force_never_goes_back_in_time(d1: dt.date, d2: dt.date) -> None:
    early, late = sorted((d1, d2))
    order = [t.preset for t in succession("Thanh Hóa")]
    try:
        a = in_force("Thanh Hóa", early).id
        b = in_force("Thanh Hóa", late).id
    except SuccessionError:
        return
    assert order.index(a) <= order.index(b)
