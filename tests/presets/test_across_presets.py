"""Comparisons across presets: the same wording said once in two regulations."""

from __future__ import annotations

import pytest

from ._engines import assert_ruling, graph


@pytest.mark.parametrize("preset", ["thanh-hoa-2021", "tung-chau-2023"])
def test_same_conveners_in_two_clauses_said_once_dieu_3_khoan_3_and_dieu_7_khoan_1(
    preset: str,
) -> None:
    """Điều 3 khoản 3 (the Trưởng Ban convenes and chairs) and Điều 7 khoản 1 (extraordinary
    meetings at the Trưởng Ban's call) name the same convener: one statement, both cited."""
    r = graph(preset).conveners("extraordinary")
    assert_ruling(r, "decided", ("head",), ("Điều 3 khoản 3", "Điều 7 khoản 1"))
    vi = r.explain("vi")
    assert vi.count("triệu tập") == 1, vi
    assert "(Điều 3 khoản 3; Điều 7 khoản 1)" in vi
    assert r.explain("en").count("convene") == 1
