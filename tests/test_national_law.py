"""National law as data (issue #11 item 5): the provisions the engines cite come from
``data/national_law.toml``, each with its instrument, article, clause and verbatim quote."""

from __future__ import annotations

import datetime as dt
import unicodedata

from steering import _signing, national_law, schedule, workdays
from steering.rules import Period


def test_every_provision_names_a_dated_instrument_and_quotes_it() -> None:
    provisions = national_law.provisions()
    assert len(provisions) == 11
    for key, c in provisions.items():
        assert c.article is not None, key
        assert c.clause is not None, key
        assert c.quote.strip(), key
        assert unicodedata.is_normalized("NFC", c.quote), key
    nd30 = national_law.instrument("nd-30-2020")
    assert (nd30.number, nd30.issuer, nd30.date) == ("30/2020/NĐ-CP", "Chính phủ",
                                                     dt.date(2020, 3, 5))
    assert national_law.instrument("nd-09-2019").date == dt.date(2019, 1, 24)
    assert national_law.instrument("blds-2015").number == "91/2015/QH13"


def test_the_engines_cite_the_data() -> None:
    # Nghị định 30/2020/NĐ-CP Điều 13 khoản 3: "Người được ký thừa ủy quyền không được ủy
    # quyền lại cho người khác ký."
    assert _signing.ND30_TUQ is national_law.citation("nd30.tuq")
    assert "không được ủy quyền lại" in _signing.ND30_TUQ.quote
    assert _signing.ND30_TUQ.label("vi").startswith("Điều 13 khoản 3")
    # Nghị định 09/2019/NĐ-CP Điều 12: one cut-off per period.
    for period in Period:
        assert schedule.DATA_PERIOD_CITATIONS[period] is national_law.citation(
            f"nd09.period.{period.value}")
    assert schedule.DATA_PERIOD_CITATIONS[Period.MONTH].quote.startswith(
        "Báo cáo định kỳ hằng tháng: Tính từ ngày 15 tháng trước đến ngày 14")
    # Bộ luật Dân sự 2015 Điều 148 khoản 5.
    shift = workdays.DEADLINE_SHIFT_CITATION
    assert (shift.document, shift.article, shift.clause) == ("Bộ luật Dân sự 2015", 148, 5)
    assert "ngày làm việc tiếp theo ngày nghỉ đó" in shift.quote
