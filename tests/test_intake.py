"""Reading texts: UTF-8, legacy TCVN3 and VNI, .docx, PDF; the splitter on what is read.

Fixtures are built here, for an invented commune (xã Hòa Vân Thử).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from steering.errors import SteeringError
from steering.intake import TCVN3, VNI, IntakeError, detect_legacy, from_tcvn3, from_vni, read_text
from steering.sources import SourceText

TEXT = (
    "QUY CHẾ\n"
    "Điều 1. Trưởng ban\n"
    "1. Khi Trưởng ban vắng mặt, Phó Trưởng ban thay mặt Trưởng ban điều hành công việc.\n"
    "2. Ban Chỉ đạo họp định kỳ mỗi quý một lần.\n"
    "Điều 2. Con dấu\n"
    "Ban Chỉ đạo không có con dấu riêng, sử dụng con dấu của Ủy ban nhân dân xã.\n"
)
_TO_TCVN3 = {v: k for k, v in TCVN3.items()}
# One ".Vn" font holds ASCII, Đ and the lower-case accented letters: an accented
# capital ("Ủy") is typed in another font, so the fixture writes it in lower case.
LOWER = "".join(
    ch if ch.isascii() or ch in _TO_TCVN3 else ch.lower() for ch in TEXT.split("\n", 1)[1]
)
_TO_VNI = {v: k for k, v in VNI.items()}


def _tcvn3(text: str) -> str:
    return "".join(_TO_TCVN3.get(ch, ch) for ch in text)


def _vni(text: str) -> str:
    return "".join(_TO_VNI.get(ch, ch) for ch in text)


def test_the_tables_cover_every_vietnamese_letter() -> None:
    letters = "aăâeêioôơuưyđ"
    tones = ["", "\u0301", "\u0300", "\u0309", "\u0303", "\u0323"]
    import unicodedata

    every = {unicodedata.normalize("NFC", b + t) for b in letters if b != "đ" for t in tones}
    every.discard("đ")
    every |= {"đ"}
    plain = set("aeiouy")
    assert every - plain <= set(TCVN3.values())  # the ABC ".Vn" font: lower case
    upper = {ch.upper() for ch in every}
    assert (every | upper) - plain - {ch.upper() for ch in plain} <= set(VNI.values())
    assert from_tcvn3(_tcvn3(LOWER)) == LOWER
    assert from_vni(_vni(TEXT)) == TEXT


def test_tcvn3_bytes_in_a_text_file_are_detected_and_converted(tmp_path: Path) -> None:
    legacy = _tcvn3(LOWER)
    assert "ChØ ®¹o" in legacy  # how such a file shows in a Unicode editor
    path = tmp_path / "quy-che.txt"
    path.write_bytes(legacy.encode("latin-1"))
    got = read_text(path)
    assert got.text == LOWER
    assert got.encoding == "TCVN3 (ABC)"
    assert got.notes == (
        "quy-che.txt: not UTF-8; read as 8-bit Windows-1252 bytes",
        "quy-che.txt: converted from the legacy TCVN3 (ABC) encoding to Unicode NFC",
    )
    src = SourceText.parse(got.text)
    assert sorted(src.articles["regulation"]) == [1, 2]


def test_vni_text_pasted_as_unicode_is_detected_and_converted(tmp_path: Path) -> None:
    legacy = _vni(TEXT)
    assert "Chæ ñaïo" in legacy
    path = tmp_path / "quy-che.md"
    path.write_text(legacy, encoding="utf-8")
    got = read_text(path)
    assert got.format == "markdown"
    assert got.encoding == "VNI"
    assert got.text == TEXT
    assert got.notes == ("quy-che.md: converted from the legacy VNI encoding to Unicode NFC",)
    src = SourceText.parse(got.text)
    assert sorted(src.articles["regulation"]) == [1, 2]


def test_unicode_text_is_left_as_it_is(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(TEXT, encoding="utf-8")
    got = read_text(path)
    assert (got.text, got.encoding, got.notes) == (TEXT, "", ())
    assert detect_legacy(TEXT) == (TEXT, "")
    decomposed = tmp_path / "b.txt"
    import unicodedata

    decomposed.write_text(unicodedata.normalize("NFD", TEXT), encoding="utf-8")
    got = read_text(decomposed)
    assert got.text == TEXT
    assert got.notes == ("b.txt: normalised to Unicode NFC",)


def test_docx_paragraphs_and_an_annex_table_are_read_in_order(tmp_path: Path) -> None:
    docx = pytest.importorskip("docx")
    document = docx.Document()
    for line in TEXT.rstrip("\n").split("\n"):
        document.add_paragraph(line)
    document.add_paragraph("Phụ lục")
    table = document.add_table(rows=3, cols=3)
    for r, row in enumerate(
        [
            ("STT", "Thành viên", "Địa bàn"),
            ("1.", "Công chức Văn hóa", "Thôn Đông"),
            ("2.", "Công chức Tư pháp", "Thôn Tây"),
        ]
    ):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    path = tmp_path / "quy-che.docx"
    document.save(str(path))
    got = read_text(path)
    assert got.format == "docx"
    assert got.text.startswith(TEXT)
    src = SourceText.parse(got.text)
    assert src.problems == ()
    assert sorted(src.articles["regulation"]) == [1, 2]
    rows = [u.text for u in src.units() if u.kind == "row"]
    assert rows == ["1.\tCông chức Văn hóa\tThôn Đông", "2.\tCông chức Tư pháp\tThôn Tây"]


def test_a_docx_typed_in_a_tcvn3_font_is_converted(tmp_path: Path) -> None:
    docx = pytest.importorskip("docx")
    document = docx.Document()
    for line in _tcvn3(LOWER).rstrip("\n").split("\n"):
        document.add_paragraph(line)
    path = tmp_path / "cu.docx"
    document.save(str(path))
    got = read_text(path)
    assert got.encoding == "TCVN3 (ABC)"
    assert got.text == LOWER.rstrip("\n")


def test_a_scanned_pdf_is_refused_with_a_clear_error(tmp_path: Path) -> None:
    pypdf = pytest.importorskip("pypdf")
    writer = pypdf.PdfWriter()
    writer.add_blank_page(width=595, height=842)
    path = tmp_path / "scan.pdf"
    with path.open("wb") as f:
        writer.write(f)
    with pytest.raises(IntakeError, match=r"no text layer \(a scan\)") as err:
        read_text(path)
    assert isinstance(err.value, SteeringError)
    assert "scan.pdf" in str(err.value)


def test_bad_files_are_refused(tmp_path: Path) -> None:
    with pytest.raises(IntakeError, match=r"allowed: \.txt, \.md, \.docx or \.pdf"):
        read_text(tmp_path / "x.odt")
    with pytest.raises(IntakeError, match="found no such file"):
        read_text(tmp_path / "x.txt")
    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"not a zip")
    pytest.importorskip("docx")
    with pytest.raises(IntakeError, match=r"not a readable \.docx"):
        read_text(broken)


PDF = Path(__file__).parent / "fixtures" / "intake" / "tieu-ban.pdf"
EXAMPLES = Path(__file__).parent.parent / "docs" / "examples"


def test_a_pdf_with_a_text_layer_reads_as_its_text() -> None:
    """tieu-ban.pdf (built by scripts/make_pdf_fixture.py from an example's .txt, with
    DejaVu Sans) reads back as the same words: page lines wrap, nothing else changes."""
    pytest.importorskip("pypdf")
    import steering

    got = read_text(PDF)
    assert got.format == "pdf"
    txt = (EXAMPLES / "vinh-mau-2025-tieu-ban-du-lieu.txt").read_text(encoding="utf-8")
    assert got.text.split() == txt.split()
    # The splitter finds the decision's and the regulation's articles in it...
    source = SourceText.parse(got.text)
    assert [n for n, _ in source.articles_of("regulation")] == [1, 2, 3, 4, 5]
    assert [n for n, _ in source.articles_of("decision")] == [1, 2]
    # ... and every quote of the hand-made file is found, in its clause, in the PDF's text.
    toml = (EXAMPLES / "vinh-mau-2025-tieu-ban-du-lieu.toml").read_text(encoding="utf-8")
    reg = steering.loads(toml, source_text=got.text)
    assert steering.validate(reg) == ()
