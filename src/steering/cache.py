"""The warm path of a registry: a content-keyed columnar store (issue #15).

Loading thousands of regulation files parses and checks every one of them. A
national question that a table answers ("which committees give the standing deputy
no substitute?") needs only each regulation's row, so
[`load_many`][steering.registry.load_many] with ``cache_dir=`` keeps those rows in an
Arrow IPC file and, on the next run, reads a file again only when its content
changed.

**Keyed by content.** An entry holds the SHA-256 of the regulation file, of its
source text and of every nested regulation file (and their source texts) it read,
with the library version and the store's format. Opening a registry hashes those
files again: an entry is used only when every hash is equal, so an edit to the
file, its source text or a sub-committee's file is a miss, and the same content
under another name is a hit. A file that failed to load is never cached: its
problems are found again on every run, so fixing a missing source text is seen.

**Executes nothing.** The store is an Arrow IPC file of strings (the rows as JSON
text); reading it runs no code from it (no pickle). A store that is missing,
truncated, of another version or not a store at all is a miss, never an error.

**Where.** ``cache_dir=`` names the folder; [`default_cache_dir`][steering.cache.default_cache_dir]
gives ``$STEERING_CACHE_DIR``, else ``$XDG_CACHE_HOME/steering``, else
``~/.cache/steering``. The library reads and writes nowhere else, and only when asked.
"""

from __future__ import annotations

import array
import contextlib
import hashlib
import importlib
import importlib.util
import json
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import attrs

from steering._files import FileReadError, read_bounded
from steering.errors import QueryError
from steering.limits import MAX_BYTES, MAX_SOURCE_BYTES
from steering.loader import confined_path
from steering.regulation import Regulation

__all__ = ["ENV_CACHE_DIR", "STORE_FORMAT", "Entry", "default_cache_dir", "dependencies",
           "pyarrow_module", "read_store", "store_path", "write_store"]

#: The environment variable naming the cache folder.
ENV_CACHE_DIR = "STEERING_CACHE_DIR"
#: The store's own format; a store of another format is ignored. It changes when the
#: rows change for the same file (2: cadences and attendance worded by one table each;
#: 3: columns of large strings).
STORE_FORMAT = "3"
_LANGS = ("vi", "en")


def default_cache_dir() -> Path:
    """``$STEERING_CACHE_DIR``, else ``$XDG_CACHE_HOME/steering``, else ``~/.cache/steering``."""
    if os.environ.get(ENV_CACHE_DIR):
        return Path(os.environ[ENV_CACHE_DIR])
    xdg = os.environ.get("XDG_CACHE_HOME")
    return (Path(xdg) if xdg else Path.home() / ".cache") / "steering"


@attrs.frozen(kw_only=True)
class Entry:
    """One regulation file of a registry, as the store keeps it.

    Attributes:
        path: The file, resolved.
        deps: The files its answers rest on, resolved: itself first, then its
            source text and its nested regulation files (and theirs).
        hashes: The SHA-256 of each of ``deps``, in the same order.
        regulation: The regulation's id.
        rows: Its row of [`steering.table`][steering.compare.table], by language, as JSON text.

    """

    path: str
    deps: tuple[str, ...]
    hashes: tuple[str, ...]
    regulation: str
    rows: tuple[tuple[str, str], ...]

    def row(self, lang: str) -> dict[str, Any]:
        """The table row in ``lang``."""
        found: dict[str, Any] = json.loads(dict(self.rows)[lang])
        return found


def _sha(path: str | Path, limit: int) -> str | None:
    try:
        return hashlib.sha256(read_bounded(path, limit)).hexdigest()
    except (FileReadError, OSError):
        return None


def dependencies(reg: Regulation, file: Path, *, resolved: bool = False) -> tuple[Path, ...]:
    """Every file ``reg`` (loaded from ``file``) was built from, resolved, each once.

    Itself first, then its source text, then its nested regulation files and theirs,
    in a stable order. ``resolved``: ``file`` is resolved already (not again).
    """
    out: list[Path] = []

    def walk(r: Regulation, f: Path) -> None:
        f = f if resolved and f is file else f.resolve()
        if f in out:
            return
        out.append(f)
        if r.source:
            with contextlib.suppress(FileReadError):
                out.append(confined_path(f.parent, r.source))
        children = dict(r.nested)
        for g in r.working_groups:
            if g.regulation and g.id in children:
                with contextlib.suppress(FileReadError):
                    walk(children[g.id], confined_path(f.parent, g.regulation))

    walk(reg, file)
    return tuple(dict.fromkeys(out))


def hashes_of(deps: Iterable[str | Path]) -> tuple[str, ...] | None:
    """The SHA-256 of each file, or ``None`` when one cannot be read."""
    out = []
    for i, d in enumerate(deps):
        toml = os.path.splitext(os.path.basename(d))[1] == ".toml"  # Path(d).suffix, faster
        h = _sha(d, MAX_BYTES if i == 0 or toml else MAX_SOURCE_BYTES)
        if h is None:
            return None
        out.append(h)
    return tuple(out)


def entry_for(reg: Regulation, file: Path, *, resolved: bool = False) -> Entry | None:
    """The store's entry for a regulation just loaded from ``file`` (``None``: unreadable).

    ``resolved``: ``file`` is resolved already.
    """
    from steering.compare import rows_in  # noqa: PLC0415 - the engines load lazily

    deps = dependencies(reg, file, resolved=resolved)
    hashes = hashes_of(deps)
    if hashes is None:
        return None
    rows = tuple((lang, json.dumps(row, ensure_ascii=False))
                 for lang, row in rows_in(reg, _LANGS).items())
    return Entry(path=str(deps[0]), deps=tuple(map(str, deps)), hashes=hashes,
                 regulation=reg.id, rows=rows)


def still_valid(entry: Entry) -> bool:
    """Whether every file the entry rests on still has the content it had."""
    return hashes_of(entry.deps) == entry.hashes


def store_path(cache_dir: str | os.PathLike[str], key: str) -> Path:
    """The store of one registry (``key``: the folder and options it was loaded with)."""
    digest = hashlib.sha256(key.encode("utf-8", "surrogateescape")).hexdigest()[:32]
    return Path(cache_dir).expanduser() / f"registry-{digest}.arrow"


_NO_PYARROW = ("the registry cache needs pyarrow; install it with: "
               "pip install -e '.[arrow]' (from a clone)")


def pyarrow_module() -> Any:
    """pyarrow, imported (a `QueryError` naming the extra when it is not installed)."""
    try:
        return importlib.import_module("pyarrow")
    except ImportError:
        raise QueryError(_NO_PYARROW) from None


def _version() -> str:
    from steering import __version__  # noqa: PLC0415 - the package's own version

    return f"{__version__}/{STORE_FORMAT}"


def read_store(path: Path) -> dict[str, Entry]:
    """The entries of a store, by resolved file path; empty for anything not a valid store."""
    if not path.is_file():  # nothing to read: pyarrow is imported when the store is written
        if importlib.util.find_spec("pyarrow") is None:
            raise QueryError(_NO_PYARROW)
        return {}
    pa = pyarrow_module()
    ipc = importlib.import_module("pyarrow.ipc")
    try:
        with pa.memory_map(str(path), "r") as source:
            table = ipc.open_file(source).read_all()
        meta = table.schema.metadata or {}
        if meta.get(b"steering") != _version().encode():
            return {}
        cols = table.to_pydict()
        out = {}
        for i, p in enumerate(cols["path"]):
            deps, hashes = tuple(cols["deps"][i]), tuple(cols["hashes"][i])
            rows = tuple((lang, cols[f"row_{lang}"][i]) for lang in _LANGS)
            if not (deps and len(deps) == len(hashes) and all(
                    isinstance(x, str) for x in (*deps, *hashes, p, *dict(rows).values()))):
                return {}
            out[p] = Entry(path=p, deps=deps, hashes=hashes,
                           regulation=str(cols["regulation"][i]), rows=rows)
        return out
    except Exception:
        return {}


def _encoded(entry: Entry) -> tuple[bytes, list[bytes], list[bytes], bytes, list[bytes]] | None:
    """An entry's strings as UTF-8 (``None``: a path that is not text, kept out of the store)."""
    try:
        return (entry.path.encode(), [d.encode() for d in entry.deps],
                [h.encode() for h in entry.hashes], entry.regulation.encode(),
                [dict(entry.rows)[lang].encode() for lang in _LANGS])
    except UnicodeEncodeError:  # a file name of bytes that are not UTF-8
        return None


def _offsets(pa: Any, lengths: Iterable[int]) -> Any:
    out = array.array("q", [0])
    total = 0
    for n in lengths:
        total += n
        out.append(total)
    return pa.py_buffer(out)


def _strings(pa: Any, values: list[bytes]) -> Any:
    """A string column built from its buffers (``pa.array`` would import pandas, 0.3 s)."""
    data = pa.py_buffer(b"".join(values))
    return pa.Array.from_buffers(pa.large_string(), len(values),
                                 [None, _offsets(pa, map(len, values)), data])


def _string_lists(pa: Any, values: list[list[bytes]]) -> Any:
    flat = _strings(pa, [x for v in values for x in v])
    return pa.Array.from_buffers(pa.large_list(pa.large_string()), len(values),
                                 [None, _offsets(pa, map(len, values))], children=[flat])


def write_store(path: Path, entries: Iterable[Entry]) -> None:
    """Write a store atomically (a temporary file, then a rename); a failure writes nothing.

    An entry whose file name is not UTF-8 text is left out: that file is read again
    each time, as if it had changed.
    """
    pa = pyarrow_module()
    ipc = importlib.import_module("pyarrow.ipc")
    items = [e for e in map(_encoded, entries) if e is not None]
    s = pa.large_string()
    schema = pa.schema([("path", s), ("deps", pa.large_list(s)), ("hashes", pa.large_list(s)),
                        ("regulation", s), *((f"row_{lang}", s) for lang in _LANGS)],
                       metadata={"steering": _version()})
    columns = [
        _strings(pa, [e[0] for e in items]),
        _string_lists(pa, [e[1] for e in items]),
        _string_lists(pa, [e[2] for e in items]),
        _strings(pa, [e[3] for e in items]),
        *(_strings(pa, [e[4][i] for e in items]) for i in range(len(_LANGS))),
    ]
    table = pa.Table.from_arrays(columns, schema=schema)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".registry-", suffix=".tmp", dir=path.parent)
        os.close(fd)
        with pa.OSFile(tmp, "wb") as sink, ipc.new_file(sink, schema) as writer:
            writer.write_table(table)
        os.replace(tmp, path)
    except OSError as e:
        raise QueryError(f"cannot write the registry cache {str(path)!r}: "
                         f"{e.strerror or e}") from None
