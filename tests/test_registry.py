"""Many regulations at once (issue #15): per-file isolation, questions of every committee,
and the national picture handed to DuckDB as Parquet."""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import steering
from steering.cli import main
from steering.errors import QueryError
from steering.limits import MAX_BYTES
from steering.registry import LoadFailure, load_many

EXAMPLES = Path(__file__).parent.parent / "docs" / "examples"
GOOD = (EXAMPLES / "minh-son-2025.toml").read_text(encoding="utf-8")


def good(folder: Path, name: str) -> Path:
    """A valid regulation file (the Minh Sơn example under another id), with its source."""
    shutil.copy(EXAMPLES / "minh-son-2025.txt", folder / "minh-son-2025.txt")
    path = folder / f"{name}.toml"
    path.write_text(GOOD.replace('id = "minh-son-2025"', f'id = "{name}"', 1), encoding="utf-8")
    return path


#: Broken files of every kind: (file name, text or None for a special file).
BROKEN: dict[str, str] = {
    "bad-toml": "id = \n[[[",
    "bad-reference": GOOD.replace('substitutes = ["standing_deputy"]',
                                  'substitutes = ["chairman"]', 1),
    "missing-source": GOOD.replace('source = "minh-son-2025.txt"',
                                   'source = "no-such-file.txt"', 1),
    "oversized": "# " + "x" * (MAX_BYTES + 10) + "\n",
    "control-character": GOOD.replace("Quy chế hoạt động", "Quy chế\x1b[31m hoạt động", 1),
    "not-utf8": "",  # written as bytes by write_broken
    "empty": "",
}


def write_broken(folder: Path, kind: str) -> Path:
    path = folder / f"{kind}.toml"
    text = BROKEN[kind]
    if kind == "not-utf8":
        path.write_bytes(b'id = "x"\n\xff\xfe')
    else:
        path.write_text(text.replace('id = "minh-son-2025"', f'id = "{kind}"', 1),
                        encoding="utf-8")
    return path


def mixed_folder(tmp_path: Path) -> list[Path]:
    """Good files beside broken ones of every kind; returns the good ones."""
    goods = [good(tmp_path, f"tinh-{i}") for i in range(3)]
    for k in BROKEN:
        write_broken(tmp_path, k)
    # A link out of the folder, a folder named *.toml, and a second file with a taken id.
    outside = tmp_path.parent / "outside-registry.toml"
    outside.write_text(GOOD, encoding="utf-8")
    (tmp_path / "link-out.toml").symlink_to(outside)
    (tmp_path / "folder.toml").mkdir()
    dup = tmp_path / "zz-duplicate.toml"
    dup.write_text(GOOD.replace('id = "minh-son-2025"', 'id = "tinh-0"', 1), encoding="utf-8")
    if hasattr(os, "mkfifo"):
        os.mkfifo(tmp_path / "pipe.toml")
    return goods


@pytest.mark.parametrize(("workers", "cached"), [(1, False), (2, False), (2, True)])
def test_every_good_file_loads_and_every_broken_one_is_reported(
        tmp_path: Path, workers: int, cached: bool) -> None:
    folder = tmp_path / "registry"
    folder.mkdir()
    goods = mixed_folder(folder)
    broken = [folder / f"{k}.toml" for k in BROKEN]

    reg = load_many(folder, workers=workers,
                    cache_dir=tmp_path / "cache" if cached else None)

    assert [r.id for r in reg.regulations] == [g.stem for g in goods]
    failed = {Path(f.path).name: f for f in reg.failures}
    expected = {p.name for p in broken} | {"link-out.toml", "folder.toml", "zz-duplicate.toml"}
    if hasattr(os, "mkfifo"):
        expected.add("pipe.toml")
    assert set(failed) == expected
    for f in reg.failures:
        assert isinstance(f, LoadFailure)
        assert f.problems, f.path
        assert all(p.message for p in f.problems)
    assert "chairman" in failed["bad-reference.toml"].explain()
    assert failed["missing-source.toml"].problems[0].path == "source"
    assert "outside" in failed["link-out.toml"].explain()
    assert "already the id of" in failed["zz-duplicate.toml"].explain()
    assert len(failed["bad-reference.toml"].problems) >= 1


def test_workers_give_what_one_process_gives(tmp_path: Path) -> None:
    """Two worker processes: the same regulations, the same failures, in the same order;
    through a cache they send back rows, and each regulation is built here on access."""
    folder = tmp_path / "registry"
    folder.mkdir()
    mixed_folder(folder)
    one = load_many(folder)
    two = load_many(folder, workers=2)
    assert two.regulations == one.regulations
    assert two.failures == one.failures
    cached = load_many(folder, workers=2, cache_dir=tmp_path / "cache")
    assert cached.failures == one.failures
    assert not cached._built  # nothing was built in this process
    assert cached.table() == one.table()
    assert cached.table(lang="en") == one.table(lang="en")
    assert cached.regulations == one.regulations


def test_workers_from_a_program_on_standard_input_are_refused_clearly(tmp_path: Path) -> None:
    """``python -`` has no file the workers could import again: a clear error, not a dead pool."""
    folder = tmp_path / "registry"
    folder.mkdir()
    mixed_folder(folder)
    program = (
        "import steering\n"
        "try:\n"
        f"    steering.load_many({str(folder)!r}, workers=2)\n"
        "except steering.QueryError as e:\n"
        "    print('refused:', e)\n"
        f"print(len(steering.load_many({str(folder)!r}, workers=1)))\n"
    )
    src = Path(steering.__file__).parent.parent
    done = subprocess.run([sys.executable, "-"], input=program, capture_output=True, text=True,
                          env={**os.environ, "PYTHONPATH": str(src)}, timeout=120, check=True)
    assert "refused: workers=2: worker processes import the main program again" in done.stdout
    assert "'<stdin>' is not a file they can read" in done.stdout
    assert done.stdout.strip().splitlines()[-1] == str(len(load_many(folder)))


@pytest.mark.parametrize("workers", [0, -1, 65, True, 2.0, "2", None])
def test_workers_must_be_a_small_positive_integer(tmp_path: Path, workers: object) -> None:
    good(tmp_path, "tinh-0")
    with pytest.raises(QueryError, match=r"workers: found .*allowed: an integer from 1 to 64"):
        load_many(tmp_path, workers=workers)  # type: ignore[arg-type]


@settings(max_examples=15, deadline=None)
@given(st.lists(st.sampled_from(["good", *BROKEN]), min_size=1, max_size=8))
def test_isolation_holds_for_any_mix(tmp_path_factory: pytest.TempPathFactory,
                                     kinds: list[str]) -> None:
    folder = tmp_path_factory.mktemp("mix")
    names = []
    for i, kind in enumerate(kinds):
        if kind == "good":
            names.append((good(folder, f"f{i:02d}-good").name, True))
        else:
            p = write_broken(folder, kind)
            target = folder / f"f{i:02d}-{kind}.toml"
            p.rename(target)
            names.append((target.name, False))
    reg = load_many(folder)
    assert [f"{r.id}.toml" for r in reg.regulations] == sorted(n for n, ok in names if ok)
    assert sorted(Path(f.path).name for f in reg.failures) == sorted(n for n, ok in names if not ok)


def test_a_list_of_files_and_the_presets() -> None:
    reg = load_many([EXAMPLES / "minh-son-2025.toml"])
    assert [r.id for r in reg] == ["minh-son-2025"]
    assert [r.id for r in load_many("presets")] == list(steering.presets.names())
    with pytest.raises(QueryError, match="not a folder"):
        load_many(EXAMPLES / "minh-son-2025.toml")
    with pytest.raises(QueryError, match="allowed: a path"):
        load_many([3])  # type: ignore[list-item]


def test_one_question_of_every_committee() -> None:
    reg = load_many("presets")
    rows = reg.ask("seal_for", "head")
    assert [r["regulation"] for r in rows] == list(steering.presets.names())
    by = {r["regulation"]: r for r in rows}
    # Đắk Nông Điều 13 khoản 4: the head uses the seal of UBND tỉnh; Thanh Hóa 2024 is silent.
    assert by["dak-nong-2021"]["status"] == "decided"
    assert by["thanh-hoa-2024"]["status"] == "not_specified"
    # A role id asks each post of the role: Thanh Hóa 2024 names 24 member posts.
    members = [r for r in reg.ask("accountable_to", "member") if r["regulation"] ==
               "thanh-hoa-2024"]
    assert len(members) == 24
    assert reg.ask("seal_for", "nobody-here")[0]["status"] == "no_such_post"
    with pytest.raises(QueryError, match="allowed: acting_for"):
        reg.ask("delete_everything", "head")


def test_compare_to_a_reference() -> None:
    reg = load_many("presets")
    out = reg.compare_to(reg.get("dak-nong-2021"))
    assert list(out) == list(steering.presets.names())
    assert len(out["dak-nong-2021"]) == 0
    assert len(out["thanh-hoa-2024"]) > 0


# -- the hand-off to DuckDB -----------------------------------------------------------

#: docs/how-to/national-analysis.md: which committees give the standing deputy no
#: substitute (no rule names one for when the standing deputy alone is away)?
NO_SUBSTITUTE_SQL = """
SELECT p.regulation
FROM read_parquet('{posts}') AS p
WHERE p.role = 'standing_deputy'
  AND NOT EXISTS (
    SELECT 1 FROM read_parquet('{rules}') AS r
    WHERE r.regulation = p.regulation AND r.kind = 'substitution'
      AND r.objects = p.post AND r.detail IS NULL)
ORDER BY p.regulation
"""


def test_parquet_read_back_by_duckdb_answers_as_the_python_api(tmp_path: Path) -> None:
    duckdb = pytest.importorskip("duckdb")
    pytest.importorskip("pyarrow")
    from steering.columnar import write_parquet

    reg = load_many([*(steering.presets.path(p) for p in steering.presets.names()),
                     EXAMPLES / "minh-son-2025.toml"])
    files = write_parquet(reg, tmp_path / "out", years=range(2026, 2027))
    con = duckdb.connect()
    sql = NO_SUBSTITUTE_SQL.format(posts=files["posts"], rules=files["rules"])
    by_sql = [row[0] for row in con.execute(sql).fetchall()]
    by_python = sorted({r["regulation"] for r in reg.ask("acting_for", "standing_deputy")
                        if r["status"] == "not_specified"})
    assert by_sql == by_python
    # Every table came back whole, citations kept.
    n = {name: con.execute(f"SELECT count(*) FROM read_parquet('{p}')").fetchall()[0][0]
         for name, p in files.items()}
    assert n["regulations"] == 6
    assert n["posts"] == sum(len(r.posts) for r in reg)
    year = (dt.date(2026, 1, 1), dt.date(2026, 12, 31))
    assert n["occurrences"] == sum(len(r.calendar(*year)) for r in reg)
    quotes = con.execute(f"SELECT count(*) FROM read_parquet('{files['rules']}') "
                         "WHERE quote IS NULL OR label IS NULL").fetchall()[0][0]
    assert quotes == 0


def test_cli_table_reports_broken_files_and_writes_parquet(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pytest.importorskip("pyarrow")
    good(tmp_path, "tinh-a")
    write_broken(tmp_path, "bad-reference")
    assert main(["table", str(tmp_path), "--json"]) == 1  # a failure: exit 1, others shown
    out = json.loads(capsys.readouterr().out)
    assert [r["id"] for r in out["regulations"]] == ["tinh-a"]
    assert out["failures"][0]["path"].endswith("bad-reference.toml")
    assert main(["table", "presets", "--parquet", str(tmp_path / "pq"), "--years", "2026"]) == 0
    assert sorted(p.name for p in (tmp_path / "pq").iterdir()) == [
        "occurrences.parquet", "posts.parquet", "regulations.parquet", "rules.parquet"]
    assert main(["table", "--years", "2026-2020"]) == 2


@pytest.mark.skipif(os.name != "posix", reason="symbolic links and lstat: POSIX")
@pytest.mark.parametrize("with_base", [True, False])
def test_many_files_resolve_as_one_file_does(tmp_path: Path, with_base: bool,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    """The warm path resolves a registry's files folder by folder (`_resolver`): the same
    paths, and the same refusals, as resolving each file in full (`_inside`)."""
    from steering.registry import _inside, _resolver

    root = tmp_path / "reg"
    (root / "sub" / "deeper").mkdir(parents=True)
    outside = tmp_path / "outside"
    outside.mkdir()
    for f in (root / "a.toml", root / "sub" / "b.toml", root / "sub" / "deeper" / "c.toml",
              outside / "x.toml"):
        f.write_text("", encoding="utf-8")
    (root / "in-link.toml").symlink_to(root / "a.toml")
    (root / "out-link.toml").symlink_to(outside / "x.toml")
    (root / "dangling.toml").symlink_to(root / "missing.toml")
    (root / "sub-link").symlink_to(root / "sub", target_is_directory=True)
    (root / "out-folder").symlink_to(outside, target_is_directory=True)
    monkeypatch.chdir(root / "sub")
    base = root.resolve() if with_base else None
    candidates = [
        root / "a.toml", root / "sub" / "b.toml", root / "sub" / "deeper" / "c.toml",
        root / "in-link.toml", root / "out-link.toml", root / "dangling.toml",
        root / "missing.toml", root / "sub-link" / "b.toml", root / "out-folder" / "x.toml",
        root / "sub" / ".." / "a.toml", Path("b.toml"), Path("deeper/c.toml"),
        Path("../a.toml"), Path(".."), Path("deeper/.."),
    ]
    resolve = _resolver(base)
    for path in candidates * 2:  # twice: the second time from the folders remembered
        try:
            expected: object = str(_inside(path, base))
        except QueryError as e:
            expected = str(e)
        try:
            got: object = resolve(path)
        except QueryError as e:
            got = str(e)
        assert got == expected, path
