"""Reading regulation files (TOML) into :class:`~steering.regulation.Regulation` values.

Loading is all or nothing: a file either becomes a valid regulation or raises
one :class:`~steering.errors.RegulationFileError` that lists every problem,
each naming the file, the path inside it, what was found and what is allowed.
"""

from __future__ import annotations

import os
import re
import tomllib
from pathlib import Path
from typing import Any

import attrs
from cattrs import transform_error

try:  # The compiled tomli wheel is the stdlib's tomllib, built with mypyc: 3x faster.
    import tomli as _tomli
except ImportError:  # pragma: no cover - tomli is optional (the "fast" extra)
    _tomli = None  # type: ignore[assignment]

from steering._convert import describe_error, structure
from steering.errors import Problem, RegulationFileError
from steering.regulation import Regulation
from steering.validation import validate

__all__ = ["MAX_BYTES", "MAX_DEPTH", "load", "loads"]

#: Largest regulation file accepted (bytes). The largest real regulation in the
#: seeds encodes to well under 100 KiB.
MAX_BYTES = 1024 * 1024
#: Deepest nesting of tables and arrays accepted.
MAX_DEPTH = 16


def _depth(value: Any, limit: int, path: str = "") -> str | None:
    """The path of the first place nesting exceeds ``limit``, iteratively.

    Paths are built only once nesting is known to be too deep: the common case
    (a valid file) walks the document without formatting a string.
    """
    stack: list[tuple[Any, int]] = [(value, 0)]
    too_deep = False
    while stack:
        v, d = stack.pop()
        if d > limit:
            too_deep = True
            break
        if type(v) is dict:
            stack.extend((x, d + 1) for x in v.values() if type(x) is dict or type(x) is list)
        elif type(v) is list:
            stack.extend((x, d + 1) for x in v if type(x) is dict or type(x) is list)
    if not too_deep:
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
    """Parse TOML with tomli when installed (same parser, compiled), else tomllib."""
    if _tomli is not None:
        try:
            return _tomli.loads(raw)
        except _tomli.TOMLDecodeError as e:
            raise tomllib.TOMLDecodeError(str(e)) from None
    return tomllib.loads(raw)


_STRING_OR_COMMENT = re.compile(
    r'"""(?:[^\\]|\\.)*?"""|\'\'\'.*?\'\'\'|"(?:[^"\\\n]|\\.)*"|\'[^\'\n]*\'|#[^\n]*',
    re.DOTALL,
)
_KEY_PART = r"(?:[A-Za-z0-9_-]+|\x00)"
_DEEP_KEY = re.compile(rf"{_KEY_PART}(?:[ \t]*\.[ \t]*{_KEY_PART}){{{MAX_DEPTH},}}")


def _deep_key(text: str) -> str | None:
    """Why ``text`` holds a dotted key deeper than :data:`MAX_DEPTH`, or ``None``.

    Checked before parsing because ``tomllib`` takes time quadratic in the
    number of parts of a dotted key: a 100 KB key of 50,000 parts would take
    minutes. Lines with few dots (every real file) skip the check.
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


def loads(
    text: str | bytes,
    *,
    file: str = "<string>",
    check: bool = True,
    max_bytes: int = MAX_BYTES,
) -> Regulation:
    """Load a regulation from TOML text.

    Args:
        text: The TOML text (``bytes`` must be UTF-8).
        file: The name to report in errors; also where ``source`` is resolved from.
        check: Run :func:`steering.validate` and refuse a regulation with problems.
        max_bytes: Largest input accepted.

    Raises:
        RegulationFileError: The text is not a valid regulation; lists every problem.

    """
    if isinstance(text, str):
        try:
            data = text.encode("utf-8")
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
        data = bytes(text)
    else:
        raise RegulationFileError(
            file,
            [Problem(path="", message=f"found {type(text).__name__}; allowed: str or bytes",
                     file=file)],
        )
    if len(data) > max_bytes:
        raise RegulationFileError(
            file,
            [
                Problem(
                    path="",
                    message=f"found {len(data)} bytes; allowed: at most {max_bytes} bytes",
                    file=file,
                )
            ],
        )
    # Not NFC-normalised here: composing the raw text would merge a TOML escape
    # with a following combining mark ("\\n" + U+0303 -> "\\ñ"). Every string
    # field of the model normalises itself to NFC when built.
    raw = text if isinstance(text, str) else _decode(data, file)
    deep_key = _deep_key(raw)
    if deep_key is not None:
        raise RegulationFileError(file, [Problem(path="", message=deep_key, file=file)])
    try:
        doc = _parse_toml(raw)
    except tomllib.TOMLDecodeError as e:
        raise RegulationFileError(
            file, [Problem(path="", message=f"found invalid TOML: {e}", file=file)]
        ) from None
    except RecursionError:
        raise RegulationFileError(
            file,
            [
                Problem(
                    path="",
                    message=f"found nesting too deep to parse; allowed: at most {MAX_DEPTH} levels",
                    file=file,
                )
            ],
        ) from None
    deep = _depth(doc, MAX_DEPTH)
    if deep is not None:
        raise RegulationFileError(
            file,
            [
                Problem(
                    path=deep,
                    message=f"found nesting deeper than {MAX_DEPTH} levels; "
                    f"allowed: at most {MAX_DEPTH}",
                    file=file,
                )
            ],
        )
    try:
        reg: Regulation = structure(doc, Regulation)
    except Exception as e:
        raise RegulationFileError(file, _error_problems(e, file)) from None
    reg = attrs.evolve(reg, origin=file if file != "<string>" else "")
    if check:
        problems = validate(reg)
        if problems:
            raise RegulationFileError(file, problems)
    return reg


def load(
    path: str | os.PathLike[str], *, check: bool = True, max_bytes: int = MAX_BYTES
) -> Regulation:
    """Load a regulation file (TOML, UTF-8).

    Raises:
        RegulationFileError: The file cannot be read or is not a valid regulation;
            lists every problem with the file name and the path inside it.

    """
    p = Path(path)
    name = str(p)
    try:
        size = p.stat().st_size
        if size > max_bytes:
            raise RegulationFileError(
                name,
                [
                    Problem(
                        path="",
                        message=f"found {size} bytes; allowed: at most {max_bytes} bytes",
                        file=name,
                    )
                ],
            )
        data = p.read_bytes()
    except OSError as e:
        raise RegulationFileError(
            name, [Problem(path="", message=f"cannot read the file: {e.strerror or e}", file=name)]
        ) from None
    return loads(data, file=name, check=check, max_bytes=max_bytes)
