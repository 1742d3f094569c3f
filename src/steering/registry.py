"""Many regulations at once: a folder, a list of files or the presets, each file isolated.

A researcher comparing committees across provinces loads hundreds or thousands of
files, written by many hands. [`load_many`][steering.registry.load_many] loads each
on its own: a file that cannot be read, is not TOML, breaks a reference, lacks its
source text or is too large is reported in
`Registry.failures` with every problem
found, and every other file loads. Nothing is half-loaded: a regulation is in
the registry whole, or its file is in the failures.

The registry then asks one question of every committee
([`Registry.ask`][steering.registry.Registry.ask]), lines them up
([`Registry.table`][steering.registry.Registry.table]), compares each with a
reference ([`Registry.compare_to`][steering.registry.Registry.compare_to]), and
hands the lot to DuckDB, Polars or Spark as Parquet
([`steering.columnar`][steering.columnar]).

A folder is read like any untrusted input (``docs/security.md``): only regular
``*.toml`` files inside it (a link out of the folder is a failure, not a read), at
most `MAX_REGISTRY_FILES` of them, each
bounded as [`steering.load`][steering.loader.load] bounds one file.

**Workers.** ``workers=2`` or more loads the files in that many processes. With a
cache (``cache_dir=``) a worker loads its files, writes each one's row for the
store and sends back only the row, and the regulations are built in this process
when they are asked for: on two cores, about 2.3x one process before this release.
Without a cache a worker sends back each regulation whole, and unpickling it here
costs nearly as much as loading it, so two workers gain little (docs/benchmarks.md
gives the measured figures): use workers with a cache. Workers start with
``forkserver`` where the platform has it, else ``spawn``: a script that loads with
workers must guard its entry point (``if __name__ == "__main__":``), as any program
using `multiprocessing` must.
Results keep the order of the files whatever the workers' timing.
"""

from __future__ import annotations

import multiprocessing
import os
import stat
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Any

import attrs

from steering import _args, presets
from steering._escape import visible
from steering._progress import progress as show_progress
from steering.cache import (
    Entry,
    entry_for,
    pyarrow_module,
    read_store,
    still_valid,
    store_path,
    write_store,
)
from steering.errors import Problem, QueryError, SteeringError
from steering.limits import MAX_REGISTRY_FILES, MAX_WORKERS
from steering.loader import load
from steering.regulation import Regulation
from steering.ruling import Ruling

__all__ = ["QUESTIONS", "LoadFailure", "Registry", "load_many"]

#: The questions [`Registry.ask`][steering.registry.Registry.ask] asks of every
#: regulation: those about one post (a post id or a role id, see
#: [`Regulation.posts_for`][steering.regulation.Regulation.posts_for]).
QUESTIONS = ("acting_for", "seal_for", "signature_block", "accountable_to", "reports_to",
             "proxy", "monitored_by")


@attrs.frozen(kw_only=True)
class LoadFailure:
    """A file of the registry that did not load, with every problem found.

    Attributes:
        path: The file, as given or found in the folder.
        problems: What is wrong, each naming the path inside the file.

    """

    path: str
    problems: tuple[Problem, ...]

    def explain(self) -> str:
        """The failure in lines: the file, then each problem."""
        lines = [f"{self.path}: {len(self.problems)} problem(s)"]
        lines += [f"  - {p.path or '(file)'}: {p.message}" for p in self.problems]
        return "\n".join(lines)


@attrs.frozen(kw_only=True, eq=False)
class Registry:
    """Regulations loaded together, in a stable order, and the files that failed.

    Two registries are equal only when they are the same object (one opened from a
    cache builds its regulations as they are asked for): compare their
    ``regulations``, ``failures`` or ``table()`` instead.

    Attributes:
        regulations: Every regulation that loaded, in the order of its file (a folder's
            files sorted by name; a list in its own order; the presets in theirs).
            Opened from a cache, they are built on first access, each from its file.
        failures: Every file that did not load, in the same order.

    """

    _regulations: tuple[Regulation, ...] | None = attrs.field(default=None, alias="regulations")
    failures: tuple[LoadFailure, ...] = ()
    #: Opened from a cache (``load_many(cache_dir=)``): each file's entry, in order.
    _entries: tuple[Entry, ...] = attrs.field(default=(), alias="entries", eq=False,
                                              repr=False)
    #: Regulations built so far, by resolved file path (loaded, or built on access).
    _built: dict[str, Regulation] = attrs.field(factory=dict, alias="built", eq=False,
                                                repr=False)

    @property
    def regulations(self) -> tuple[Regulation, ...]:
        """Every regulation, built from its file on first access when opened from a cache."""
        if self._regulations is None:
            built = tuple(self._build(e) for e in self._entries)
            object.__setattr__(self, "_regulations", built)
            return built
        return self._regulations

    def _build(self, entry: Entry) -> Regulation:
        reg = self._built.get(entry.path)
        if reg is None:
            reg = load(entry.path)
            if reg.id != entry.regulation:
                raise QueryError(f"{visible(entry.path)!r} changed since the registry was "
                                 "opened; open it again")
            self._built[entry.path] = reg
        return reg

    @property
    def cached(self) -> bool:
        """Whether the registry was opened through a cache (``load_many(cache_dir=)``)."""
        return bool(self._entries)

    def __len__(self) -> int:
        return len(self._entries) if self._regulations is None else len(self._regulations)

    def __iter__(self) -> Iterator[Regulation]:
        return iter(self.regulations)

    def get(self, regulation_id: str) -> Regulation:
        """The regulation with this id (from a cache, only that one is built).

        Raises:
            QueryError: No regulation of the registry has this id.

        """
        regulation_id = _args.as_text(regulation_id, "regulation_id")
        if self._regulations is None:
            for entry in self._entries:
                if entry.regulation == regulation_id:
                    return self._build(entry)
        else:
            for reg in self._regulations:
                if reg.id == regulation_id:
                    return reg
        raise QueryError(f"no regulation {regulation_id!r} in the registry; it holds "
                         f"{len(self)} (see Registry.regulations)")

    def table(self, *, lang: str = "vi", as_dataframe: bool = False,
              progress: bool | None = False) -> Any:
        """One row per regulation ([`steering.table`][steering.compare.table]).

        Opened from a cache, the rows are read from the store: no regulation is built.
        ``progress`` shows a bar while the rows are computed (as in `load_many`).
        """
        from steering.compare import COLUMNS, table  # noqa: PLC0415 - engines load lazily

        if self._regulations is not None or not self._entries:
            regs = show_progress(self.regulations, progress, total=len(self),
                                 desc="table", unit="committee")
            return table(regs, lang=lang, as_dataframe=as_dataframe)
        lang = _args.as_lang(lang)
        rows = tuple(e.row(lang) for e in self._entries)
        if not as_dataframe:
            return rows
        from steering.compare._model import _pandas  # noqa: PLC0415 - the optional import, worded

        return _pandas().DataFrame.from_records(list(rows), columns=list(COLUMNS)) \
            .set_index("id")

    def ask(self, question: str, ref: str, *, lang: str = "vi",
            **options: Any) -> tuple[dict[str, Any], ...]:
        """The same question of every committee: one row per regulation and post.

        ``ref`` is a post id or a role id ("member", "standing_deputy"): post ids
        differ between regulations, so a role id asks the question of each post of
        that role ([`Regulation.posts_for`][steering.regulation.Regulation.posts_for]).
        A regulation with no such post gets one row of status ``"no_such_post"``;
        nothing is skipped silently.

        Args:
            question: One of `QUESTIONS`.
            ref: A post id or a role id.
            lang: The language of the ``explanation`` column.
            **options: The question's own arguments (``absent=``, ``on=``,
                ``document=``, ``transitive=`` ...).

        Returns:
            Rows with ``regulation``, ``post``, ``status``, ``answer`` (post ids
            joined by ``,``), ``citations`` (labels joined by ``; ``) and
            ``explanation``.

        Raises:
            QueryError: ``question`` is not one of `QUESTIONS`, or an option is
                refused by the question.

        """
        question = _args.as_text(question, "question")
        if question not in QUESTIONS:
            raise QueryError(f"question: found {visible(repr(question))}; allowed: "
                             f"{', '.join(QUESTIONS)}")
        ref = _args.as_text(ref, "ref")
        lang = _args.as_lang(lang)
        rows: list[dict[str, Any]] = []
        for reg in self.regulations:
            try:
                posts = reg.posts_for(ref)
            except SteeringError:
                rows.append({"regulation": reg.id, "post": None, "status": "no_such_post",
                             "answer": None, "citations": None, "explanation": None})
                continue
            ask: Callable[..., Ruling] = getattr(reg.authority(), question)
            for post in posts:
                r = ask(post, **options)
                rows.append({
                    "regulation": reg.id,
                    "post": post,
                    "status": r.status.value,
                    "answer": ",".join(r.answer) or None,
                    "citations": "; ".join(c.label(lang) for c in r.citations) or None,
                    "explanation": r.explain(lang),
                })
        return tuple(rows)

    def compare_to(self, reference: Regulation) -> dict[str, Any]:
        """Each regulation compared with ``reference`` (see `steering.compare`).

        Returns:
            A dict from regulation id to its
            [`Comparison`][steering.compare.Comparison] with ``reference``, in registry order.

        """
        from steering.compare import compare  # noqa: PLC0415 - the engines load lazily

        if not isinstance(reference, Regulation):
            raise QueryError(f"reference: found {type(reference).__name__}; allowed: a "
                             "Regulation")
        return {reg.id: compare(reference, reg) for reg in self.regulations}


def _failure(path: str, e: BaseException) -> LoadFailure:
    problems = getattr(e, "problems", None)
    if problems:
        return LoadFailure(path=path, problems=tuple(problems))
    message = str(e) if isinstance(e, SteeringError) else f"cannot read: {e}"
    return LoadFailure(path=path, problems=(Problem(path="", message=message, file=path),))


def _folder_files(root: Path, pattern: str, recursive: bool) -> list[Path]:
    if not root.is_dir():
        raise QueryError(f"{visible(str(root))!r} is not a folder; allowed: a folder of "
                         "regulation files, a list of files, or 'presets'")
    found = root.rglob(pattern) if recursive else root.glob(pattern)
    files: list[Path] = []
    for p in found:
        files.append(p)
        if len(files) > MAX_REGISTRY_FILES:
            raise QueryError(f"{visible(str(root))}: more than {MAX_REGISTRY_FILES} files "
                             f"match {pattern!r}; allowed: at most {MAX_REGISTRY_FILES}")
    # In the order of their parts (as Path orders them), keyed once: comparing Paths
    # rebuilds their parts at every comparison, a tenth of a second for a nation.
    return sorted(files, key=lambda p: p.parts)


def load_many(
    source: str | os.PathLike[str] | Iterable[str | os.PathLike[str]],
    *,
    pattern: str = "*.toml",
    recursive: bool = False,
    progress: bool | None = False,
    cache_dir: str | os.PathLike[str] | None = None,
    workers: int = 1,
) -> Registry:
    """Load many regulation files, each on its own (one broken file stops nothing).

    Args:
        source: A folder (its ``pattern`` files, sorted by name), a list of
            files (in its order), or ``"presets"`` for the shipped presets.
        pattern: The file names to take from a folder.
        recursive: Take matching files from sub-folders too.
        progress: Show a progress bar (needs the ``progress`` extra, tqdm);
            ``None`` shows one when standard error is a terminal.
        cache_dir: Keep each file's table row in a content-keyed store in this
            folder ([`steering.cache`][steering.cache], needs the ``arrow`` extra): a
            file read before with the same content (and the same source text and
            nested files) is not parsed again, and its regulation is built only
            when asked for. ``None`` (default) reads and writes no cache.
        workers: Load in this many processes (1, the default: in this one). See
            the module's notes: with a cache, workers send back rows, not objects.

    Returns:
        The regulations that loaded and the files that failed, each with every
        problem. A file whose regulation id another file already took is a failure
        too (ids name regulations).

    Raises:
        QueryError: ``source`` is neither a folder, a list of paths nor
            ``"presets"``; a folder holds more than `MAX_REGISTRY_FILES` files;
            ``workers`` is not an integer from 1 to `MAX_WORKERS`; or a worker
            process died.

    """
    workers = _workers(workers)
    if isinstance(source, str) and source == "presets":
        return Registry(regulations=tuple(presets.load(p) for p in presets.names()))
    if isinstance(source, str | os.PathLike):
        root = Path(source)
        files = _folder_files(root, _args.as_text(pattern, "pattern"), bool(recursive))
        base: Path | None = root.resolve()
    elif isinstance(source, Iterable) and not isinstance(source, bytes | Mapping):
        files = []
        for i, item in enumerate(source):
            if isinstance(item, bytes) or not isinstance(item, str | os.PathLike):
                raise QueryError(f"source[{i}]: found {type(item).__name__}; allowed: a path")
            files.append(Path(item))
            if len(files) > MAX_REGISTRY_FILES:
                raise QueryError(f"source: more than {MAX_REGISTRY_FILES} files; allowed: at "
                                 f"most {MAX_REGISTRY_FILES}")
        base = None
    else:
        raise QueryError(f"source: found {type(source).__name__}; allowed: a folder, a list "
                         "of files, or 'presets'")
    if cache_dir is not None:
        key = "\n".join((str(base), pattern, str(bool(recursive))) if base is not None
                         else (str(p.resolve()) for p in files))
        return _load_cached(files, base, store_path(cache_dir, key), progress, workers)
    jobs = [(str(path), None if base is None else str(base), False) for path in files]
    kept, failures = _collect(files, _run(jobs, progress, workers))
    regs = tuple(r for r in kept if isinstance(r, Regulation))
    return Registry(regulations=regs, failures=failures)


def _collect(files: list[Path], results: Iterable[Regulation | Entry | LoadFailure],
             ) -> tuple[list[Regulation | Entry], tuple[LoadFailure, ...]]:
    """The results in the files' order, a regulation id taken twice made a failure."""
    kept: list[Regulation | Entry] = []
    failures: list[LoadFailure] = []
    seen: dict[str, str] = {}
    for path, got in zip(files, results, strict=True):
        if isinstance(got, LoadFailure):
            failures.append(got)
            continue
        name = visible(str(path))
        ident = got.id if isinstance(got, Regulation) else got.regulation
        if ident in seen:
            failures.append(_taken(name, ident, seen))
        else:
            seen[ident] = name
            kept.append(got)
    return kept, tuple(failures)


def _workers(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= MAX_WORKERS:
        raise QueryError(f"workers: found {visible(repr(value))[:40]}; allowed: an integer "
                         f"from 1 to {MAX_WORKERS}")
    return value


#: One file to load: its path, the folder it must stay inside, and whether to send
#: back the store's entry (a cache) instead of the regulation.
_Job = tuple[str, str | None, bool]


def _load_one(job: _Job, built: dict[str, Regulation] | None = None,
              ) -> Regulation | Entry | LoadFailure:
    """Load one file (in this process or a worker): its regulation or entry, or its failure.

    ``built`` (one process only) keeps the regulation behind an entry.
    """
    path_text, base, want_entry = job
    path = Path(path_text)
    try:
        resolved = _inside(path, None if base is None else Path(base))
        reg = load(path)
        if not want_entry:
            return reg
        entry = entry_for(reg, resolved, resolved=True)
        if entry is None:  # a file it rests on vanished meanwhile: read it again
            raise QueryError("changed while it was read; allowed: files that stay")
    except (SteeringError, OSError) as e:
        return _failure(visible(path_text), e)
    if built is not None:
        built[entry.path] = reg
    return entry


def _run(jobs: list[_Job], progress: bool | None, workers: int,
         meanwhile: Callable[[], object] | None = None,
         ) -> Iterator[Regulation | Entry | LoadFailure]:
    """Each job's result, in the jobs' order: here, or in ``workers`` processes.

    ``meanwhile`` runs here once the workers have their jobs (what this process
    would otherwise do after them, such as importing pyarrow for the store).
    """
    if workers == 1 or len(jobs) < 2:
        for job in show_progress(jobs, progress):
            yield _load_one(job)
        return
    _check_main_importable(workers)
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")
    if "forkserver" in methods:
        context.set_forkserver_preload(["steering.registry", "steering.compare"])
    chunk = max(1, min(32, len(jobs) // (workers * 8)))
    try:
        with ProcessPoolExecutor(max_workers=min(workers, len(jobs)), mp_context=context) as pool:
            results = pool.map(_load_one, jobs, chunksize=chunk)
            if meanwhile is not None:
                meanwhile()
            yield from show_progress(results, progress, total=len(jobs))
    except BrokenProcessPool as e:
        raise QueryError(f"a worker process died ({e}); load again with workers=1 to see "
                         "which file, or with more memory") from None


def _check_main_importable(workers: int) -> None:
    """Refuse workers where they cannot start: a main program read from standard input.

    Worker processes import the main program again from its file; ``python -`` (a
    program piped in) has none, and every worker would die on start.
    """
    main = sys.modules.get("__main__")
    path = getattr(main, "__file__", None)
    if isinstance(path, str) and not os.path.isfile(path):
        raise QueryError(
            f"workers={workers}: worker processes import the main program again, and "
            f"{visible(path)!r} is not a file they can read (a program on standard input); "
            "allowed: workers=1 here, or the program in a file, `python -c` or a notebook"
        )


def _inside(path: Path, base: Path | None) -> Path:
    """``path`` resolved; refused when a folder's file links out of the folder."""
    return _within(path.resolve(), base)


def _within(resolved: Path, base: Path | None) -> Path:
    """A resolved path, refused when it is outside ``base``."""
    if base is not None and not resolved.is_relative_to(base):
        raise QueryError(f"links to {visible(str(resolved))!r}, outside the folder; "
                         "allowed: files inside the folder")
    return resolved


def _resolver(base: Path | None) -> Callable[[Path], str]:
    """`_inside` for many files, as text: each folder resolved once, each file by one ``lstat``.

    A file that is not a symbolic link resolves to its folder, resolved, and its
    name; a link (or a file that cannot be looked at) is resolved in full. The
    answers are `_inside`'s, at a quarter of the system calls.
    """
    folders: dict[Path, str | None] = {}  # resolved, or None: outside ``base``

    def resolve(path: Path) -> str:
        if os.name != "posix" or path.name in ("", ".", ".."):
            return str(_inside(path, base))
        try:
            link = stat.S_ISLNK(os.lstat(path).st_mode)
        except OSError:
            link = True
        if path.parent not in folders:
            folder = path.parent.resolve()
            inside = base is None or folder.is_relative_to(base)
            folders[path.parent] = os.path.join(folder, "") if inside else None
        folder_text = folders[path.parent]
        if link or folder_text is None:
            return str(_inside(path, base))
        return folder_text + path.name

    return resolve


def _taken(name: str, regulation_id: str, seen: dict[str, str]) -> LoadFailure:
    """The failure of a file whose regulation id an earlier file of the registry took."""
    return LoadFailure(path=name, problems=(Problem(
        path="id", message=f"found {regulation_id!r}, already the id of "
        f"{seen[regulation_id]}; allowed: an id no other file of the registry has",
        file=name),))


def _load_cached(files: list[Path], base: Path | None, store: Path,
                 progress: bool | None, workers: int) -> Registry:
    """`load_many` through a content-keyed store: unchanged files are not parsed again."""
    old = read_store(store)
    found: list[Entry | LoadFailure | None] = []
    jobs: list[_Job] = []
    resolve = _resolver(base)
    for path in files:
        try:
            # An empty store (a first load) has nothing to look up: each file is a job,
            # and the job checks the file stays inside the folder.
            entry = old.get(resolve(path)) if old else None
        except (SteeringError, OSError) as e:
            found.append(_failure(visible(str(path)), e))
            continue
        if entry is not None and still_valid(entry):
            found.append(entry)
        else:
            found.append(None)
            jobs.append((str(path), None if base is None else str(base), True))
    # In one process the loaded regulations are kept; workers send back rows only.
    built: dict[str, Regulation] = {}
    fresh = (_load_one(job, built) for job in jobs) if workers == 1 else \
        _run(jobs, None, workers, meanwhile=pyarrow_module)
    missed = iter(show_progress(fresh, progress, total=len(jobs)))
    kept, failures = _collect(files, (next(missed) if f is None else f for f in found))
    entries = [e for e in kept if isinstance(e, Entry)]
    if jobs or set(old) != {e.path for e in entries}:
        write_store(store, entries)
    return Registry(entries=tuple(entries), built=built, failures=failures)
