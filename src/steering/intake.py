"""Read a regulation's text from the forms offices circulate: text, Markdown, .docx, PDF.

[`read_text`][steering.intake.read_text] returns Unicode NFC text and notes saying what was done to
it. Plain text and Markdown are read as UTF-8 (a file that is not UTF-8 is read
as 8-bit Windows-1252 bytes, then checked for a legacy encoding). ``.docx``
needs ``python-docx`` and PDF ``pypdf`` (``pip install -e '.[intake]'`` from a clone).

Legacy Vietnamese encodings are detected and converted to Unicode NFC, and the
conversion is reported:

- **TCVN3 (ABC, the ``.VnTime`` fonts)**: one byte per letter, the table of
  TCVN 5712:1993 for bytes ``0xA1``-``0xFF`` (`TCVN3`); text typed in a
  ``.Vn`` font shows these letters as Latin-1 characters (``Qui chÕ``).
- **VNI (VNI-Windows, the ``VNI-Times`` fonts)**: a base letter followed by
  one mark character (``Quy cheá``), after the VNI key table (`VNI`).

A text is converted only when the converted text reads as Vietnamese
markedly better than the text as found ([`detect_legacy`][steering.intake.detect_legacy]).
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import attrs

from steering._text import nfc
from steering.errors import SteeringError

__all__ = [
    "TCVN3",
    "VNI",
    "Intake",
    "IntakeError",
    "detect_legacy",
    "from_tcvn3",
    "from_vni",
    "read_text",
]


class IntakeError(SteeringError, ValueError):
    """A text file cannot be read: names the file, what was found and what is allowed."""


# TCVN 5712:1993 (VN3, the ABC ".Vn" fonts): code points of bytes 0xA1..0xFF, in order.
_TCVN3_CODES = (
    0x0102,
    0x00C2,
    0x00CA,
    0x00D4,
    0x01A0,
    0x01AF,
    0x0110,
    0x0103,
    0x00E2,
    0x00EA,
    0x00F4,
    0x01A1,
    0x01B0,
    0x0111,
    0x1EB0,
    0x0300,
    0x0309,
    0x0303,
    0x0301,
    0x0323,
    0x00E0,
    0x1EA3,
    0x00E3,
    0x00E1,
    0x1EA1,
    0x1EB2,
    0x1EB1,
    0x1EB3,
    0x1EB5,
    0x1EAF,
    0x1EB4,
    0x1EAE,
    0x1EA6,
    0x1EA8,
    0x1EAA,
    0x1EA4,
    0x1EC0,
    0x1EB7,
    0x1EA7,
    0x1EA9,
    0x1EAB,
    0x1EA5,
    0x1EAD,
    0x00E8,
    0x1EC2,
    0x1EBB,
    0x1EBD,
    0x00E9,
    0x1EB9,
    0x1EC1,
    0x1EC3,
    0x1EC5,
    0x1EBF,
    0x1EC7,
    0x00EC,
    0x1EC9,
    0x1EC4,
    0x1EBE,
    0x1ED2,
    0x0129,
    0x00ED,
    0x1ECB,
    0x00F2,
    0x1ED4,
    0x1ECF,
    0x00F5,
    0x00F3,
    0x1ECD,
    0x1ED3,
    0x1ED5,
    0x1ED7,
    0x1ED1,
    0x1ED9,
    0x1EDD,
    0x1EDF,
    0x1EE1,
    0x1EDB,
    0x1EE3,
    0x00F9,
    0x1ED6,
    0x1EE7,
    0x0169,
    0x00FA,
    0x1EE5,
    0x1EEB,
    0x1EED,
    0x1EEF,
    0x1EE9,
    0x1EF1,
    0x1EF3,
    0x1EF7,
    0x1EF9,
    0x00FD,
    0x1EF5,
    0x1ED0,
)
#: TCVN3 character (as a Latin-1 code point) -> Unicode.
TCVN3: dict[str, str] = {chr(0xA1 + i): chr(c) for i, c in enumerate(_TCVN3_CODES)}

_TONES = ("", "\u0301", "\u0300", "\u0309", "\u0303", "\u0323")  # none, sắc, huyền, hỏi, ngã, nặng
# VNI-Windows: each base letter's six forms (no tone, then the tones above), as typed.
_VNI_UPPER = (
    ("A", ("A", "AÙ", "AØ", "AÛ", "AÕ", "AÏ")),
    ("Â", ("AÂ", "AÁ", "AÀ", "AÅ", "AÃ", "AÄ")),
    ("Ă", ("AÊ", "AÉ", "AÈ", "AÚ", "AÜ", "AË")),
    ("E", ("E", "EÙ", "EØ", "EÛ", "EÕ", "EÏ")),
    ("Ê", ("EÂ", "EÁ", "EÀ", "EÅ", "EÃ", "EÄ")),
    ("O", ("O", "OÙ", "OØ", "OÛ", "OÕ", "OÏ")),
    ("Ô", ("OÂ", "OÁ", "OÀ", "OÅ", "OÃ", "OÄ")),
    ("Ơ", ("Ô", "ÔÙ", "ÔØ", "ÔÛ", "ÔÕ", "ÔÏ")),
    ("U", ("U", "UÙ", "UØ", "UÛ", "UÕ", "UÏ")),
    ("Ư", ("Ö", "ÖÙ", "ÖØ", "ÖÛ", "ÖÕ", "ÖÏ")),
    ("I", ("I", "Í", "Ì", "Æ", "Ó", "Ò")),
    ("Y", ("Y", "YÙ", "YØ", "YÛ", "YÕ", "Î")),
)


def _vni_table() -> dict[str, str]:
    table: dict[str, str] = {"Ñ": "Đ", "ñ": "đ"}
    for base, forms in _VNI_UPPER:
        for tone, form in zip(_TONES, forms, strict=True):
            letter = unicodedata.normalize("NFC", base + tone)
            if form != base:
                table[form] = letter
            lower = form.lower()
            if lower != base.lower():
                table[lower] = letter.lower()
    return table


#: VNI-Windows sequence (one or two characters) -> Unicode letter.
VNI: dict[str, str] = _vni_table()

_VIET = frozenset(
    {
        "của",
        "các",
        "và",
        "được",
        "điều",
        "quyết",
        "định",
        "trưởng",
        "chỉ",
        "đạo",
        "thực",
        "hiện",
        "nhiệm",
        "vụ",
        "người",
        "những",
        "theo",
        "tỉnh",
        "xã",
        "huyện",
        "phó",
        "thành",
        "viên",
        "họp",
        "quy",
        "chế",
        "ủy",
        "ban",
        "nhân",
        "dân",
        "số",
        "ngày",
        "tháng",
        "năm",
    }
)
_WORD = re.compile(r"\w+")


def from_tcvn3(text: str) -> str:
    """Convert TCVN3 (ABC) text, its bytes read as Latin-1 characters, to Unicode NFC."""
    return nfc("".join(TCVN3.get(ch, ch) for ch in text))


def from_vni(text: str) -> str:
    """Convert VNI-Windows text, read as Windows-1252 characters, to Unicode NFC."""
    out: list[str] = []
    i, n = 0, len(text)
    while i < n:
        pair = text[i : i + 2]
        if len(pair) == 2 and pair in VNI:
            out.append(VNI[pair])
            i += 2
        else:
            out.append(VNI.get(text[i], text[i]))
            i += 1
    return nfc("".join(out))


def _score(text: str) -> int:
    return sum(1 for w in _WORD.findall(text.lower()) if w in _VIET)


def detect_legacy(text: str) -> tuple[str, str]:
    """The text in Unicode and the legacy encoding it was found in (``""`` when none).

    Converts with each table and keeps the reading with the most common
    Vietnamese words, if it has at least twice as many (and three more) as
    the text as found.
    """
    if not any(0xA0 <= ord(ch) <= 0xFF for ch in text):
        return text, ""
    found = _score(text)
    best, best_score, name = text, found, ""
    for label, convert in (("TCVN3 (ABC)", from_tcvn3), ("VNI", from_vni)):
        candidate = convert(text)
        score = _score(candidate)
        if score > best_score:
            best, best_score, name = candidate, score, label
    if name and best_score >= 2 * found + 3:
        return best, name
    return text, ""


@attrs.frozen
class Intake:
    """A text read for drafting or checking.

    Attributes:
        text: The text, Unicode NFC, lines as found.
        format: ``"text"``, ``"markdown"``, ``"docx"`` or ``"pdf"``.
        encoding: The legacy encoding converted from, or ``""``.
        notes: What was done to the text, one sentence each.

    """

    text: str
    format: str
    encoding: str = ""
    notes: tuple[str, ...] = ()


def _docx_text(path: Path) -> str:
    try:
        import docx  # noqa: PLC0415 - optional extra
    except ImportError:
        raise IntakeError(
            f"{path}: found a .docx file, and python-docx is not installed; allowed: "
            "pip install -e '.[intake]' (from a clone), or save the document as plain text"
        ) from None
    try:
        document = docx.Document(str(path))
    except Exception as e:  # python-docx raises several kinds on a bad archive
        raise IntakeError(f"{path}: found a file that is not a readable .docx ({e})") from None
    lines: list[str] = []
    body = document.element.body
    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            lines.append("".join(t.text or "" for t in child.iter() if t.tag.endswith("}t")))
        elif tag == "tbl":
            for row in child.iter():
                if not row.tag.endswith("}tr"):
                    continue
                cells = [
                    "".join(t.text or "" for t in cell.iter() if t.tag.endswith("}t"))
                    for cell in row
                    if cell.tag.endswith("}tc")
                ]
                lines.append("\t".join(cells))
    return "\n".join(lines)


def _pdf_text(path: Path) -> str:
    try:
        import pypdf  # noqa: PLC0415 - optional extra
    except ImportError:
        raise IntakeError(
            f"{path}: found a PDF, and pypdf is not installed; allowed: "
            "pip install -e '.[intake]' (from a clone), or save the document as plain text"
        ) from None
    try:
        reader = pypdf.PdfReader(str(path))
        pages = [page.extract_text() or "" for page in reader.pages]
    except Exception as e:  # pypdf raises several kinds on a bad file
        raise IntakeError(f"{path}: found a file that is not a readable PDF ({e})") from None
    text = "\n".join(pages)
    if sum(1 for ch in text if not ch.isspace()) < 20 * max(1, len(pages)):
        raise IntakeError(
            f"{path}: found a PDF of {len(pages)} page(s) with no text layer (a scan); "
            "allowed: a PDF with text, a .docx, or a text file (run OCR first, then check "
            "every quote against the paper)"
        )
    return text


def read_text(path: str | Path) -> Intake:
    """Read a regulation's text: ``.txt``/``.md``, ``.docx`` or ``.pdf``.

    Raises:
        IntakeError: The file cannot be read, is of another kind, needs an
            optional package that is not installed, or is a scan with no text.

    """
    p = Path(path)
    suffix = p.suffix.lower()
    notes: list[str] = []
    if suffix not in {".txt", ".md", ".markdown", ".docx", ".pdf", ""}:
        raise IntakeError(f"{p}: found a {suffix!r} file; allowed: .txt, .md, .docx or .pdf")
    if not p.is_file():
        raise IntakeError(f"{p}: found no such file; allowed: a readable file")
    if suffix == ".docx":
        raw, fmt = _docx_text(p), "docx"
    elif suffix == ".pdf":
        raw, fmt = _pdf_text(p), "pdf"
    else:
        fmt = "markdown" if suffix in {".md", ".markdown"} else "text"
        try:
            data = p.read_bytes()
        except OSError as e:
            raise IntakeError(f"{p}: cannot be read ({e.strerror or e})") from None
        try:
            raw = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            raw = data.decode("cp1252", errors="replace")
            notes.append(f"{p.name}: not UTF-8; read as 8-bit Windows-1252 bytes")
    text, encoding = detect_legacy(raw)
    if encoding:
        notes.append(f"{p.name}: converted from the legacy {encoding} encoding to Unicode NFC")
    elif nfc(raw) != raw:
        notes.append(f"{p.name}: normalised to Unicode NFC")
    return Intake(nfc(text), fmt, encoding, tuple(notes))
