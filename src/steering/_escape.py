r"""Escaping text from a regulation file for where it goes.

A regulation file comes from a stranger, and a [`Regulation`][steering.regulation.Regulation]
can also be built in Python with any string in any field. Whatever a name
holds, an export must stay what it claims to be: a Mermaid label stays a
label, a Markdown fence stays closed, GraphML stays well-formed XML, an
iCalendar value stays one value, and the terminal receives no escape sequence.

Escape for the destination, not for the source: each function here names the
place its result goes. They share one idea of an *invisible control*:

- C0 controls (U+0000-U+001F), DEL (U+007F) and C1 controls (U+0080-U+009F),
  the raw material of terminal escape sequences (ESC, CSI, OSC, BEL, CR,
  backspace ...);
- the line and paragraph separators U+2028 and U+2029;
- the bidirectional formatting characters (U+061C, U+200E, U+200F,
  U+202A-U+202E, U+2066-U+2069), which reorder what a reader sees;
- lone surrogates (U+D800-U+DFFF), which no UTF-8 output can carry.

Such a character is rendered *visibly*, as the Python escape that names it
(``\x1b``, ``\u202e``), never dropped silently, so a reader sees that the
text held it. Vietnamese letters, in NFC or not, pass through unchanged.
"""

from __future__ import annotations

__all__ = [
    "json_text",
    "markdown_fence",
    "mermaid_label",
    "terminal",
    "text_value",
    "visible",
    "xml_text",
]


def _controls() -> frozenset[int]:
    points = set(range(0x00, 0x20)) | {0x7F} | set(range(0x80, 0xA0))
    points |= {0x2028, 0x2029}
    points |= {0x061C, 0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A)}
    points |= set(range(0xD800, 0xE000))
    return frozenset(points)


#: Code points rendered visibly by [`visible`][steering._escape.visible] (see the module notes).
CONTROLS = _controls()


def _name(point: int) -> str:
    return f"\\x{point:02x}" if point < 0x100 else f"\\u{point:04x}"


def _table(points: frozenset[int], keep: str = "") -> dict[int, str]:
    kept = {ord(c) for c in keep}
    return {p: _name(p) for p in points if p not in kept}


_VISIBLE = _table(CONTROLS)
_VISIBLE_LINES = _table(CONTROLS, keep="\n")
_VISIBLE_TEXT = _table(CONTROLS, keep="\t\n\r")


def visible(text: str) -> str:
    r"""``text`` with every invisible control written as its escape (``"\x1b"`` -> ``"\\x1b"``).

    The result is one line: newlines are rendered too.
    """
    return text.translate(_VISIBLE)


def terminal(text: str) -> str:
    r"""Text for a terminal: every control visible except the newline (``\n``).

    The command line passes everything it prints through this, so no escape
    sequence, carriage return, backspace or bidirectional override from a
    file reaches the terminal; the lines the command writes stay lines.
    """
    return text.translate(_VISIBLE_LINES)


def text_value(text: str) -> str:
    r"""Text for a value that escapes line breaks itself (iCalendar TEXT, HTML, DOT).

    Keeps tab, newline and carriage return, which the destination's own
    escaping handles (``icalendar`` writes ``\n`` for each line break, a lone
    CR included); every other control is made visible.
    """
    return text.translate(_VISIBLE_TEXT)


# XML 1.0 (Fifth Edition) section 2.2: Char ::= #x9 | #xA | #xD | [#x20-#xD7FF]
# | [#xE000-#xFFFD] | [#x10000-#x10FFFF]. Everything else cannot appear in a
# well-formed document, not even as a character reference. CR is allowed but a
# parser turns it into LF (section 2.11), so it is made visible too, to read
# back as written. C1 and bidirectional controls are allowed, but made visible
# like everywhere else (a GraphML file may well be printed to a terminal).
_XML_FORBIDDEN = frozenset(
    {*range(0x00, 0x09), 0x0B, 0x0C, 0x0D, *range(0x0E, 0x20), *range(0xD800, 0xE000),
     0xFFFE, 0xFFFF}
)
_XML = _table(_XML_FORBIDDEN | CONTROLS, keep="\t\n")


def xml_text(text: str) -> str:
    r"""Text that XML 1.0 can hold, with no invisible control but tab and newline.

    Characters XML forbids (NUL, ESC, VT, lone surrogates, U+FFFE ...), CR, and
    the other controls of [`CONTROLS`][steering._escape.CONTROLS] are written as their visible
    escape
    (``\x1b``).
    """
    return text.translate(_XML)


# JSON (RFC 8259) escapes C0 controls, '"' and '\' itself (json.dumps does);
# DEL, C1 controls, U+2028/U+2029, bidi controls and lone surrogates are legal
# raw in a JSON string but not harmless on a terminal or in a line-based format,
# so they are written as \uXXXX escapes: the JSON parses to the same value.
_JSON = {p: f"\\u{p:04x}" for p in CONTROLS if p >= 0x20}


def json_text(dumped: str) -> str:
    r"""JSON text (from `json.dumps` with ``ensure_ascii=False``) with every control escaped.

    Vietnamese stays readable; ``json.loads`` gives back the same value. Such
    characters can only occur inside JSON strings, where ``\uXXXX`` means them.
    """
    return dumped.translate(_JSON)


# Mermaid labels. Mermaid's flowchart syntax ("Entity codes to escape
# characters", https://mermaid.js.org/syntax/flowchart.html#entity-codes-to-escape-characters)
# reads ``#quot;`` and ``#<decimal>;`` inside a quoted label: "Numbers given are
# base 10, so ``#`` can be encoded as ``#35;``. It is also supported to use HTML
# character names." Every character that means something to Mermaid or to the
# HTML it renders labels into is written that way: '"' ends the label, '%%'
# starts a comment or a ``%%{init: ...}%%`` directive (which Mermaid obeys
# anywhere in the text), '#' starts an entity code, '<' '>' '&' are HTML, '|'
# ends an edge label, backticks start a Markdown string and can close the
# Markdown fence around the diagram, brackets and braces open node shapes.
# Letters (Vietnamese included), digits and plain punctuation stay as they are.
_MERMAID_PLAIN = frozenset(" .,:/-_'+=?!")
_LINE_BREAKS = dict.fromkeys((0x0A, 0x0B, 0x0C, 0x0D, 0x1C, 0x1D, 0x1E, 0x85, 0x2028, 0x2029), " ")


def mermaid_label(text: str) -> str:
    """Text for inside a double-quoted Mermaid label: one line, special characters as entity codes.

    Line breaks (LF, CR, VT, FF, NEL, U+2028 ...; Python's ``splitlines``) become
    a space; other controls are made
    visible first ([`visible`][steering._escape.visible]), then encoded.
    """
    flat = text.replace("\r\n", " ").translate(_LINE_BREAKS)
    out: list[str] = []
    for ch in visible(flat):
        if ch == '"':
            out.append("#quot;")
        elif ch.isalnum() or ch in _MERMAID_PLAIN:
            out.append(ch)
        else:
            out.append(f"#{ord(ch)};")
    return "".join(out)


def markdown_fence(content: str, info: str) -> str:
    """A fenced code block holding ``content`` that nothing in ``content`` can close.

    CommonMark (0.31, section 4.5): a backtick fence is closed only by a fence
    of at least as many backticks, so the fence is one backtick longer than the
    longest run of backticks in ``content`` (at least three).
    """
    longest = run = 0
    for ch in content:
        run = run + 1 if ch == "`" else 0
        longest = max(longest, run)
    fence = "`" * max(3, longest + 1)
    body = content if content.endswith("\n") else content + "\n"
    return f"{fence}{info}\n{body}{fence}\n"
