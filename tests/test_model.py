"""The model: values, lookups, round trips, errors."""

from __future__ import annotations

import datetime as dt

import attrs
import pytest

import steering
from steering._convert import structure, unstructure
from steering.errors import UnknownPostError
from steering.regulation import PartialDate, Regulation
from steering.rules import Cadence, Citation, Period


def test_partial_dates() -> None:
    assert PartialDate.parse("2024") == PartialDate(2024)
    aug = PartialDate.parse("2024-08")
    assert (aug.earliest(), aug.latest()) == (dt.date(2024, 8, 1), dt.date(2024, 8, 31))
    assert PartialDate.parse("2024-02").latest() == dt.date(2024, 2, 29)
    assert PartialDate(2024).latest() == dt.date(2024, 12, 31)
    assert str(PartialDate.parse("2021-11-25")) == "2021-11-25"
    assert not aug.complete
    with pytest.raises(ValueError, match="YYYY"):
        PartialDate.parse("08/2024")
    with pytest.raises(ValueError, match="day is out of range"):
        PartialDate(2023, 2, 30)


def test_citation_labels() -> None:
    c = Citation(document="regulation", article=4, clause=2, point="a", quote="q")
    assert c.label() == "Điều 4 khoản 2 điểm a"
    assert c.label("en") == "Article 4(2)(a)"
    d = Citation(document="decision", article=2, quote="q")
    assert d.label() == "Điều 2 Quyết định"
    assert d.label("en") == "Article 2 of the issuing decision"
    assert Citation(document="annex", quote="q").label() == "Phụ lục"


def test_named_cadences() -> None:
    assert Cadence.quarterly() == Cadence(Period.QUARTER, 1)
    assert Cadence.half_yearly().period is Period.HALF_YEAR
    assert unstructure(Cadence(Period.MONTH, 2)) == {"period": "month", "times": 2}
    assert structure({"period": "month", "times": 2}, Cadence) == Cadence(Period.MONTH, 2)
    assert structure("yearly", Cadence) == Cadence.yearly()


def test_unknown_post_lists_valid_ids() -> None:
    reg = steering.presets.load("dak-nong-2021")
    with pytest.raises(UnknownPostError) as info:
        reg.post("vice")
    assert isinstance(info.value, KeyError)
    assert isinstance(info.value, steering.SteeringError)
    assert "'vice'" in str(info.value)
    assert "standing_deputy" in str(info.value)


def test_unknown_preset_lists_ids() -> None:
    with pytest.raises(steering.PresetNotFoundError) as info:
        steering.presets.load("ha-noi-2030")
    assert "dak-nong-2021" in str(info.value)


@pytest.mark.parametrize("preset_id", steering.presets.names())
def test_round_trip_of_each_preset(preset_id: str) -> None:
    reg = steering.presets.load(preset_id)
    assert structure(unstructure(reg), Regulation) == reg


def test_values_are_frozen() -> None:
    reg = steering.presets.load("dak-nong-2021")
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        reg.id = "x"  # type: ignore[misc]
    assert isinstance(reg.posts, tuple)
    assert hash(reg.posts[0]) == hash(reg.posts[0])


def test_node_names_use_the_regulations_words() -> None:
    reg = steering.presets.load("dak-nong-2021")
    assert reg.name_of("committee") == "Ban Chỉ đạo chuyển đổi số tỉnh Đắk Nông"
    assert reg.name_of("to_giup_viec") == "Tổ giúp việc Ban Chỉ đạo"
    assert reg.name_of("ubnd_tinh") == "UBND tỉnh"
    with pytest.raises(steering.UnknownIdError):
        reg.name_of("nowhere")
