"""Reading regulation files (TOML) into [`Regulation`][steering.regulation.Regulation] values.

Loading is all or nothing: a file either becomes a valid regulation or raises
one [`RegulationFileError`][steering.errors.RegulationFileError] that lists every problem,
each naming the file, the path inside it, what was found and what is allowed.
"""

from __future__ import annotations

import os
import re
import tomllib
from pathlib import Path, PurePath
from typing import Any, NoReturn

import attrs
from cattrs import transform_error

try:  # The compiled tomli wheel is the stdlib's tomllib, built with mypyc: 3x faster.
    import tomli as _tomli
except ImportError:  # pragma: no cover - tomli is optional (the "fast" extra)
    _tomli = None  # type: ignore[assignment]
try:  # toml-rs (Rust) in its TOML 1.0 mode: tomllib's language, 2-3x faster than tomli.
    import toml_rs as _toml_rs
except ImportError:  # pragma: no cover - toml-rs is optional (the "fast" extra)
    _toml_rs = None  # type: ignore[assignment]


from steering._convert import describe_error, structure
from steering._escape import CONTROLS, visible
from steering._files import FileReadError, read_bounded
from steering.errors import Problem, RegulationFileError
from steering.limits import (
    MAX_ARRAY_ITEMS,
    MAX_BYTES,
    MAX_DELEGATIONS,
    MAX_DEPTH,
    MAX_NESTED_FILES,
    MAX_NESTING,
    MAX_POSTS,
    MAX_SOURCE_BYTES,
    MAX_STRING_CHARS,
)
from steering.regulation import Regulation
from steering.validation import validate


def _toml_1_0(module: object) -> bool:
    r"""Whether an installed tomli speaks TOML 1.0, the language of Python 3.11's tomllib.

    tomli 2.4 and later read TOML 1.1 (trailing commas and newlines in inline tables,
    ``\e`` and ``\xHH`` escapes, times without seconds), which ``tomllib`` refuses: a
    file must load, or not, whatever is installed, so such a tomli is not used.
    """
    version = str(getattr(module, "__version__", ""))
    try:
        parts = tuple(int(x) for x in version.split(".")[:2])
    except ValueError:
        return False
    return len(parts) == 2 and parts < (2, 4)


if _tomli is not None and not _toml_1_0(_tomli):  # pragma: no cover - depends on the install
    _tomli = None  # type: ignore[assignment]

#: The toml-rs releases whose TOML 1.0 mode was tested against ``tomllib``
#: (tests/test_toml_language.py, with the toml-test suite): from, and up to but not
#: including.
_TOML_RS_TESTED = ((0, 4, 3), (0, 5))


def _toml_rs_tested(module: object) -> bool:
    """Whether an installed toml-rs is a release tested to read what ``tomllib`` reads."""
    version = str(getattr(module, "__version__", ""))
    try:
        parts = tuple(int(x) for x in version.split(".")[:3])
    except ValueError:
        return False
    return len(parts) == 3 and _TOML_RS_TESTED[0] <= parts < _TOML_RS_TESTED[1]


if _toml_rs is not None and not _toml_rs_tested(_toml_rs):  # pragma: no cover - the install
    _toml_rs = None  # type: ignore[assignment]

#: toml-rs recurses without a limit, about 1 KiB of the thread's stack a level, and
#: a text nested deep enough crashes the process. A text with more opening brackets
#: than this (which bound its nesting, whatever its strings hold) is parsed by the
#: tomllib parser, which stops deep nesting with a ``RecursionError`` (tomli at 400
#: levels, the same bound: a text toml-rs is given, tomli parses too). Real files have
#: fewer (all but 59 of the 11,367 of the synthetic national registry, the Tùng Châu
#: preset); a larger one is read the same, only slower.
FAST_PARSE_BRACKETS = 400

__all__ = ["MAX_BYTES", "MAX_DEPTH", "MAX_SOURCE_BYTES", "load", "loads"]

# Control characters a file's text may not hold: every invisible control of
# steering._escape except tab, newline and carriage return (multi-line quotes).
_CONTROL = re.compile(
    "[" + "".join(re.escape(chr(p)) for p in sorted(CONTROLS) if chr(p) not in "\t\n\r") + "]"
)


def _too_deep(value: Any, depth: int, limit: int) -> bool:
    """Whether nesting below ``value`` (at ``depth``) passes ``limit``.

    Recursive, but never more than ``limit + 1`` calls deep: it stops as soon as
    the limit is passed, whatever the document's real depth.
    """
    if depth > limit:
        return True
    for x in value.values() if type(value) is dict else value:
        t = type(x)
        if (t is dict or t is list) and _too_deep(x, depth + 1, limit):
            return True
    return False


def _depth(value: Any, limit: int, path: str = "") -> str | None:
    """The path of the first place nesting exceeds ``limit``.

    Paths are built only once nesting is known to be too deep: the common case
    (a valid file) walks the document without formatting a string.
    """
    if not _too_deep(value, 0, limit):
        return None
    paths: list[tuple[Any, int, str]] = [(value, 0, path)]
    while paths:
        v, d, p = paths.pop()
        if d > limit:
            return p or "(top)"
        if isinstance(v, dict):
            paths.extend((x, d + 1, f"{p}.{k}" if p else str(k)) for k, x in v.items())
        elif isinstance(v, list):
            paths.extend((x, d + 1, f"{p}[{i}]") for i, x in enumerate(v))
    return None  # pragma: no cover - the first walk found a place too deep


def _parse_toml(raw: str) -> dict[str, Any]:
    """Parse TOML 1.0 with the fastest parser installed that reads exactly what tomllib reads.

    toml-rs first (its TOML 1.0 mode), for a text whose nesting it can take (see
    `FAST_PARSE_BRACKETS`) and that starts with no byte-order mark (toml-rs skips
    one, tomllib refuses it); then tomli 2.2-2.3 (tomllib's parser, compiled), else
    tomllib. A text toml-rs refuses is parsed again by the next, so a refusal is
    always worded by tomllib's parser: the messages do not depend on the install.
    """
    if (_toml_rs is not None and raw.count("[") + raw.count("{") <= FAST_PARSE_BRACKETS
            and not raw.startswith("\ufeff")):
        try:
            return _toml_rs.loads(raw, toml_version="1.0.0")
        except (KeyboardInterrupt, SystemExit):  # pragma: no cover - not the text's doing
            raise
        except BaseException:  # a refusal (or a Rust panic): the parser below says why
            pass
    if _tomli is not None:
        try:
            return _tomli.loads(raw)
        except _tomli.TOMLDecodeError as e:
            raise tomllib.TOMLDecodeError(str(e)) from None
    return tomllib.loads(raw)


# Strings and comments, each consumed in one pass: every branch starts on its
# own first character and, possessive, runs to its close or to the end of the
# line (of the text, for multi-line strings), so an unterminated string is
# consumed once instead of rescanned from every later position.
_STRING_OR_COMMENT = re.compile(
    r'"""(?:[^"\\]|\\[\s\S]|"(?!""))*+(?:"""|\Z)'
    r"|'''(?:[^']|'(?!''))*+(?:'''|\Z)"
    r'|"(?:[^"\\\n]|\\.)*+(?:"|(?=\n)|\Z)'
    r"|'[^'\n]*+(?:'|(?=\n)|\Z)"
    r"|#[^\n]*+"
)
_KEY_PART = r"(?:[A-Za-z0-9_-]++|\x00)"
# A dotted key starts where no key character stands before it, and its parts
# are taken possessively: no backtracking inside a long run of key characters.
_DEEP_KEY = re.compile(
    rf"(?<![A-Za-z0-9_\x00-]){_KEY_PART}(?:[ \t]*+\.[ \t]*+{_KEY_PART}){{{MAX_DEPTH},}}"
)


def _deep_key(text: str) -> str | None:
    """Why ``text`` holds a dotted key deeper than `MAX_DEPTH`, or ``None``.

    Checked before parsing because ``tomllib`` takes time quadratic in the
    number of parts of a dotted key: a 100 KB key of 50,000 parts would take
    minutes. Lines with few dots (every real file) skip the check. Both
    expressions run in time linear in the text (see the comments above).
    """
    if not any(line.count(".") > MAX_DEPTH for line in text.splitlines()):
        return None
    # Strings and comments may hold any number of dots; blank them out first.
    bare = _STRING_OR_COMMENT.sub(lambda m: "\x00" + "\n" * m.group().count("\n"), text)
    m = _DEEP_KEY.search(bare)
    if m is None:
        return None
    line = bare.count("\n", 0, m.start()) + 1
    parts = m.group().count(".") + 1
    return (
        f"found a dotted key of {parts} parts at line {line}, nesting deeper than "
        f"{MAX_DEPTH} levels; allowed: at most {MAX_DEPTH}"
    )


def _path(nodes: list[tuple[int, str | int]], at: int, key: str | int) -> str:
    parts: list[str | int] = [key]
    while at > 0:
        at, k = nodes[at]
        parts.append(k)
    out = ""
    for k in reversed(parts):
        out += f"[{k}]" if isinstance(k, int) else (f".{k}" if out else k)
    return out


def _plainly_within_bounds(raw: str) -> bool:
    """Whether the TOML text alone shows that no value can break a bound `_text_problems` checks.

    With no control character and no backslash in the text, no key or string holds a
    control character (only an escape could make one); no string is longer than the
    text; and no array (of posts, of written authorisations, of anything) has more items
    than the text has commas and opening brackets. Most real files pass, and skip the walk.
    """
    return (
        len(raw) <= MAX_STRING_CHARS
        and "\\" not in raw
        and _CONTROL.search(raw) is None
        and raw.count(",") + raw.count("[") < min(MAX_ARRAY_ITEMS, MAX_POSTS, MAX_DELEGATIONS)
    )


def _text_problems(doc: dict[str, Any], file: str) -> list[Problem]:
    """Control characters, over-long strings and over-long arrays, each with its path.

    One iterative walk, linear in the document; a path is formatted only for a
    value that has a problem. At most 100 problems are listed.
    """
    problems: list[Problem] = []
    nodes: list[tuple[int, str | int]] = [(0, "")]  # (parent node, key) per container
    stack: list[tuple[Any, int]] = [(doc, 0)]

    def add(at: int, key: str | int, message: str) -> None:
        problems.append(Problem(path=_path(nodes, at, key), message=message, file=file))

    while stack and len(problems) < 100:
        value, at = stack.pop()
        items: Any = value.items() if type(value) is dict else enumerate(value)
        for key, v in items:
            if type(key) is str and _CONTROL.search(key):
                add(at, visible(key), "found a control character in a key; allowed: text")
            if type(v) is str:
                if len(v) > MAX_STRING_CHARS:
                    add(at, key, f"found a string of {len(v)} characters; allowed: at most "
                        f"{MAX_STRING_CHARS}")
                m = _CONTROL.search(v)
                if m is not None:
                    add(at, key, f"found the control character {visible(m.group())!r} at "
                        f"character {m.start()}; allowed: text (tab, newline and carriage "
                        "return are the only controls a value may hold)")
            elif type(v) is dict or type(v) is list:
                if type(v) is list and len(v) > MAX_ARRAY_ITEMS:
                    add(at, key, f"found an array of {len(v)} items; allowed: at most "
                        f"{MAX_ARRAY_ITEMS}")
                    continue
                nodes.append((at, key))
                stack.append((v, len(nodes) - 1))
    for key, most in (("posts", MAX_POSTS), ("delegations", MAX_DELEGATIONS)):
        items = doc.get(key)
        if type(items) is list and len(items) > most:
            problems.append(Problem(path=key, message=f"found {len(items)} {key}; allowed: at "
                                    f"most {most}", file=file))
    return problems


def _decode(data: bytes, file: str) -> str:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        line = data[: e.start].count(b"\n") + 1
        raise RegulationFileError(
            file,
            [
                Problem(
                    path="",
                    message=f"found bytes that are not UTF-8 at byte {e.start} (line {line}); "
                    "allowed: UTF-8 text (save the file as UTF-8)",
                    file=file,
                )
            ],
        ) from None
    return text.removeprefix("\ufeff")


def _error_problems(exc: Exception, file: str) -> list[Problem]:
    problems = []
    for msg in transform_error(exc, path="$", format_exception=describe_error):
        text, _, where = msg.rpartition(" @ ")
        path = where.removeprefix("$").removeprefix(".")
        problems.append(Problem(path=path, message=text, file=file))
    return problems


def _bytes_of(text: object, file: str) -> bytes:
    """The UTF-8 bytes of ``text`` (a ``str`` or bytes-like), or the problem with it."""
    if isinstance(text, str):
        try:
            return text.encode("utf-8")
        except UnicodeEncodeError as e:
            line = text.count("\n", 0, e.start) + 1
            raise RegulationFileError(
                file,
                [
                    Problem(
                        path="",
                        message=f"found a lone surrogate {text[e.start]!r} at character "
                        f"{e.start} (line {line}); allowed: Unicode text that can be "
                        "saved as UTF-8",
                        file=file,
                    )
                ],
            ) from None
    elif isinstance(text, bytes | bytearray | memoryview):
        return bytes(text)
    else:
        raise RegulationFileError(
            file,
            [Problem(path="", message=f"found {type(text).__name__}; allowed: str or bytes",
                     file=file)],
        )


def _refuse(file: str, message: str, *, path: str = "") -> NoReturn:
    """Refuse a file for one problem (``path`` empty: the file as a whole)."""
    raise RegulationFileError(file, [Problem(path=path, message=message, file=file)]) from None


def loads(
    text: str | bytes,
    *,
    file: str = "<string>",
    check: bool = True,
    max_bytes: int = MAX_BYTES,
    base: str | os.PathLike[str] | None = None,
    source_text: str | None = None,
    _chain: tuple[Path, ...] = (),
    _memo: dict[Path, Regulation] | None = None,
) -> Regulation:
    """Load a regulation from TOML text.

    Text from a string reads no file: the quotes are checked against a source
    text only when the caller gives it (``source_text``) or names the folder its
    ``source`` lies in (``base``; the file is then confined to that folder, as
    [`load`][steering.loader.load] confines it to the regulation file's own folder).
    The own regulation files of its bodies (``working_groups[].regulation``) are
    read from ``base`` the same way, each once, at most `MAX_NESTING` deep.

    Args:
        text: The TOML text (``bytes`` must be UTF-8; a leading byte-order mark
            is dropped from ``str`` and ``bytes`` alike).
        file: The name to report in errors (and kept as ``Regulation.origin``).
        check: Run [`steering.validate`][steering.validation.validate] and refuse a regulation with
            problems.
        base: The folder the file's ``source`` is read from; ``None`` reads nothing.
        source_text: The regulation's source text, given directly (no file is read).
        max_bytes: Largest input accepted.

    Raises:
        RegulationFileError: The text is not a valid regulation; lists every problem.

    """
    data = _bytes_of(text, file)
    if len(data) > max_bytes:
        _refuse(file, f"found {len(data)} bytes; allowed: at most {max_bytes} bytes")
    # Not NFC-normalised here: composing the raw text would merge a TOML escape
    # with a following combining mark ("\\n" + U+0303 -> "\\ñ"). Every string
    # field of the model normalises itself to NFC when built.
    raw = text.removeprefix("\ufeff") if isinstance(text, str) else _decode(data, file)
    deep_key = _deep_key(raw)
    if deep_key is not None:
        _refuse(file, deep_key)
    try:
        doc = _parse_toml(raw)
    except tomllib.TOMLDecodeError as e:
        _refuse(file, f"found invalid TOML: {e}")
    except RecursionError:
        _refuse(file, f"found nesting too deep to parse; allowed: at most {MAX_DEPTH} levels")
    text_problems = [] if _plainly_within_bounds(raw) else _text_problems(doc, file)
    if text_problems:
        raise RegulationFileError(file, text_problems)
    deep = _depth(doc, MAX_DEPTH)
    if deep is not None:
        _refuse(file, f"found nesting deeper than {MAX_DEPTH} levels; allowed: at most "
                f"{MAX_DEPTH}", path=deep)
    try:
        reg: Regulation = structure(doc, Regulation)
    except Exception as e:
        raise RegulationFileError(file, _error_problems(e, file)) from None
    source_text, source_problems = _source(reg, file, base, source_text)
    nested, nested_problems = _nested(reg, file, base, check=check, chain=_chain,
                                      memo={} if _memo is None else _memo)
    reg = attrs.evolve(reg, origin=file if file != "<string>" else "", source_text=source_text,
                       nested=nested)
    if check:
        problems = (*source_problems, *nested_problems, *validate(reg))
        if problems:
            raise RegulationFileError(file, problems)
    return reg


def _source(
    reg: Regulation, file: str, base: str | os.PathLike[str] | None, given: object
) -> tuple[str | None, list[Problem]]:
    """The source text: the one given, else the one read under ``base``, else none."""
    if given is not None:
        if isinstance(given, str):
            return given, []
        return None, [Problem(path="source", message=f"found source_text of type "
                              f"{type(given).__name__}; allowed: str", file=file)]
    if base is None or not reg.source:
        return None, []
    try:
        return read_source(base, reg.source), []
    except FileReadError as e:
        return None, [Problem(path="source", message=str(e), file=file)]


def _nested(
    reg: Regulation, file: str, base: str | os.PathLike[str] | None, *, check: bool,
    chain: tuple[Path, ...], memo: dict[Path, Regulation],
) -> tuple[tuple[tuple[str, Regulation], ...], list[Problem]]:
    """The own regulations of ``reg``'s bodies, read from ``base``; problems, each located.

    A file that reaches itself again (a cycle), a chain deeper than `MAX_NESTING` or
    more than `MAX_NESTED_FILES` files is refused, naming the chain. Each file is read
    once per load (``memo``), so the work is linear in the files' size. Nothing is
    read without a folder.
    """
    wanted = [(i, g) for i, g in enumerate(reg.working_groups) if g.regulation]
    if base is None or not wanted:
        return (), []
    out: list[tuple[str, Regulation]] = []
    problems: list[Problem] = []
    for i, g in wanted:
        path = f"working_groups[{i}].regulation"
        try:
            target = confined_path(base, g.regulation)
        except FileReadError as e:
            problems.append(Problem(path=path, message=str(e), file=file))
            continue
        here = (*chain, Path(file).resolve()) if file != "<string>" else chain
        if target in here:
            shown = " -> ".join(visible(p.name) for p in (*here, target))
            problems.append(Problem(path=path, message=f"found a cycle of regulation files "
                                    f"({shown}); allowed: a file reached once", file=file))
            continue
        if len(here) >= MAX_NESTING:
            problems.append(Problem(path=path, message=f"found regulation files nested "
                                    f"{len(here) + 1} deep; allowed: at most {MAX_NESTING}",
                                    file=file))
            continue
        if target in memo:
            out.append((g.id, memo[target]))
            continue
        if len(memo) >= MAX_NESTED_FILES:
            problems.append(Problem(path=path, message=f"found more than {MAX_NESTED_FILES} "
                                    "regulation files reached from one file; allowed: at most "
                                    f"{MAX_NESTED_FILES}", file=file))
            continue
        name = visible(str(Path(file).parent / g.regulation)) if file != "<string>" \
            else visible(g.regulation)
        try:
            data = read_bounded(target, MAX_BYTES)
            child = loads(data, file=name, check=check, base=target.parent, _chain=here,
                          _memo=memo)
        except FileReadError as e:
            problems.append(Problem(path=path, message=str(e), file=file))
            continue
        except RegulationFileError as e:
            problems.append(Problem(path=path, message=f"found {visible(g.regulation)!r}, "
                                    f"which is not a valid regulation "
                                    f"({len(e.problems)} problem(s) below)", file=file))
            problems.extend(e.problems)
            continue
        memo[target] = child
        out.append((g.id, child))
    return tuple(out), problems


def confined_path(base: str | os.PathLike[str], relative: str) -> Path:
    """``relative`` resolved inside the folder ``base``, refused before anything is read.

    Raises:
        FileReadError: The path is empty, absolute, or leads outside the folder.

    """
    allowed = "allowed: a relative path to a regular file inside the regulation's folder"
    if not relative or "\x00" in relative:
        raise FileReadError(f"found {visible(relative)!r}; {allowed}")
    pure = PurePath(relative)
    if pure.is_absolute() or pure.drive or pure.root:
        raise FileReadError(f"found the absolute path {visible(relative)!r}; {allowed}")
    folder = Path(base).resolve()
    target = (folder / pure).resolve()
    if not target.is_relative_to(folder):
        raise FileReadError(f"found {visible(relative)!r}, which leads outside the regulation's "
                            f"folder; {allowed}")
    return target


def read_source(base: str | os.PathLike[str], source: str) -> str:
    """The text of a regulation's ``source``, confined to the folder ``base``.

    The path must be relative and, once symlinks are resolved, stay inside
    ``base``; it is refused *before* anything is read (so no answer depends on
    a file outside the folder, not even whether it exists). Then it must be a
    regular UTF-8 file of at most `MAX_SOURCE_BYTES` bytes,
    read once.

    Raises:
        FileReadError: The path escapes the folder or cannot be read; the
            message says what was found and what is allowed.

    """
    target = confined_path(base, source)
    data = read_bounded(target, MAX_SOURCE_BYTES)
    try:
        return data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as e:
        raise FileReadError(f"found bytes that are not UTF-8 at byte {e.start} of "
                            f"{visible(source)!r}; allowed: UTF-8 text") from None


def load(
    path: str | os.PathLike[str], *, check: bool = True, max_bytes: int = MAX_BYTES
) -> Regulation:
    """Load a regulation file (TOML, UTF-8).

    The file must be a regular file (a folder, a FIFO, a device, or a link to
    one is refused without reading), of at most ``max_bytes`` bytes; its
    ``source`` text is read from the file's own folder only (see
    [`read_source`][steering.loader.read_source]).

    Raises:
        RegulationFileError: The path is not a path, the file cannot be read, or
            it is not a valid regulation; lists every problem with the file name
            and the path inside it.

    """
    if isinstance(path, bytes) or not isinstance(path, str | os.PathLike):
        shown = visible(repr(path))[:80]
        raise RegulationFileError(shown, [Problem(
            path="", message=f"found {type(path).__name__} {shown}; allowed: a path "
            "(str or os.PathLike)", file=shown)])
    p = Path(path)
    name = visible(str(p))
    try:
        data = read_bounded(p, max_bytes)
    except FileReadError as e:
        raise RegulationFileError(name, [Problem(path="", message=str(e), file=name)]) from None
    return loads(data, file=name, check=check, max_bytes=max_bytes, base=p.parent)
