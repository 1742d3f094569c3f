"""Build tests/fixtures/intake/tieu-ban.pdf: a PDF with a text layer, for the intake tests.

The fixture is committed; this script says how it was made. It needs fpdf2 (not a
dependency of the project: ``python -m venv /tmp/pdf && /tmp/pdf/bin/pip install fpdf2``)
and the DejaVu Sans font (Debian package fonts-dejavu-core), which has every Vietnamese
glyph. The text is docs/examples/vinh-mau-2025-tieu-ban-du-lieu.txt, an invented
regulation, one line of the file per line of the page (long lines wrap).

Run: ``/tmp/pdf/bin/python scripts/make_pdf_fixture.py``
"""

import datetime as dt
from pathlib import Path

from fpdf import FPDF  # type: ignore[import-not-found]

ROOT = Path(__file__).resolve().parent.parent
TEXT = ROOT / "docs" / "examples" / "vinh-mau-2025-tieu-ban-du-lieu.txt"
OUT = ROOT / "tests" / "fixtures" / "intake" / "tieu-ban.pdf"
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"


def main() -> None:
    pdf = FPDF(format="A4")
    # A fixed date in the file, not the clock: the same bytes every run.
    pdf.set_creation_date(dt.datetime(2025, 12, 10, tzinfo=dt.timezone.utc))
    pdf.add_font("DejaVu", fname=FONT)
    pdf.set_font("DejaVu", size=11)
    pdf.add_page()
    for line in TEXT.read_text(encoding="utf-8").splitlines():
        pdf.multi_cell(0, 6, line or " ", new_x="LMARGIN", new_y="NEXT")
    OUT.parent.mkdir(parents=True, exist_ok=True)
    pdf.output(str(OUT))
    print(f"wrote {OUT} ({OUT.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
