"""The registry's warm path: a content-keyed columnar store (issue #15, "A warm path
that does not rebuild objects").

The store never changes an answer: a registry opened through it gives the same rows,
regulations and failures as one loaded without it. An entry is used only while every
file it rests on (the regulation file, its source text, its nested regulation files)
has the content it had; anything that is not a valid store is a miss.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import sys
from pathlib import Path

import pytest

import steering
from steering.cache import read_store, store_path
from steering.errors import QueryError
from steering.registry import load_many

pa = pytest.importorskip("pyarrow", reason="the 'arrow' extra is not installed")

EXAMPLES = Path(__file__).parent.parent / "docs" / "examples"
PRESETS = steering.presets.path("dak-nong-2021").parent


def _registry_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "reg"
    shutil.copytree(PRESETS / "sources", folder / "sources")
    for pid in steering.presets.names():
        shutil.copy(steering.presets.path(pid), folder / f"{pid}.toml")
    for f in EXAMPLES.iterdir():
        shutil.copy(f, folder / f.name)
    return folder


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return _registry_folder(tmp_path)


def test_warm_answers_equal_cold_answers(folder: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    plain = load_many(folder)
    cold = load_many(folder, cache_dir=cache)
    warm = load_many(folder, cache_dir=cache)
    assert len(plain) == len(cold) == len(warm) == 5 + 5  # presets and examples
    # Warm: nothing parsed, nothing built until asked.
    assert warm.cached
    assert warm._built == {}
    for lang in ("vi", "en"):
        assert warm.table(lang=lang) == cold.table(lang=lang) == plain.table(lang=lang)
    assert warm._built == {}
    # One regulation asked for: that one is built, and equals the plain load.
    assert warm.get("vung-tau-2024") == plain.get("vung-tau-2024")
    assert list(warm._built) == [str((folder / "vung-tau-2024.toml").resolve())]
    assert warm.regulations == plain.regulations
    assert warm.failures == plain.failures == ()
    question = ("seal_for", "head")
    assert warm.ask(*question) == plain.ask(*question)


def _rows(reg: steering.registry.Registry) -> dict[str, dict[str, object]]:
    return {str(r["id"]): r for r in reg.table()}


def test_an_edited_file_is_read_again(folder: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    load_many(folder, cache_dir=cache)
    path = folder / "hoa-lam-2025.toml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('locality = "Hòa Lâm"', 'locality = "Hòa Lâm Mới"'),
                    encoding="utf-8")
    warm = load_many(folder, cache_dir=cache)
    assert list(warm._built) == [str(path.resolve())]
    assert _rows(warm)["hoa-lam-2025"] == _rows(load_many(folder))["hoa-lam-2025"]
    assert _rows(warm)["hoa-lam-2025"]["locality"] == "Hòa Lâm Mới"


def test_an_edited_source_text_is_read_again(folder: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    load_many(folder, cache_dir=cache)
    source = folder / "sources" / "tung-chau-2023.txt"
    source.write_text(source.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    warm = load_many(folder, cache_dir=cache)
    assert list(warm._built) == [str((folder / "tung-chau-2023.toml").resolve())]


def test_an_edited_nested_file_invalidates_its_parent(folder: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    load_many(folder, cache_dir=cache)
    child = folder / "vinh-mau-2025-tieu-ban-du-lieu.toml"
    child.write_text(child.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    warm = load_many(folder, cache_dir=cache)
    assert set(warm._built) == {str(child.resolve()), str((folder / "vinh-mau-2025.toml")
                                                          .resolve())}


def test_a_failure_is_never_cached(folder: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    source = folder / "sources" / "thanh-hoa-2021.txt"
    kept = source.read_bytes()
    source.unlink()
    first = load_many(folder, cache_dir=cache)
    assert [Path(f.path).name for f in first.failures] == ["thanh-hoa-2021.toml"]
    source.write_bytes(kept)
    again = load_many(folder, cache_dir=cache)
    assert again.failures == ()
    assert "thanh-hoa-2021" in _rows(again)


@pytest.mark.parametrize("content", [b"", b"not an arrow file", b"ARROW1\x00\x00garbage" * 9])
def test_a_store_that_is_not_one_is_a_miss(
    folder: Path, tmp_path: Path, content: bytes
) -> None:
    cache = tmp_path / "cache"
    load_many(folder, cache_dir=cache)
    (store,) = cache.glob("registry-*.arrow")
    store.write_bytes(content)
    assert read_store(store) == {}
    warm = load_many(folder, cache_dir=cache)
    assert len(warm._built) == len(warm)  # every file read again
    assert warm.table() == load_many(folder).table()
    assert read_store(store)  # and the store written anew


def test_another_library_version_is_a_miss(
    folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = tmp_path / "cache"
    load_many(folder, cache_dir=cache)
    monkeypatch.setattr(steering, "__version__", "9.9.9")
    warm = load_many(folder, cache_dir=cache)
    assert len(warm._built) == len(warm)


def test_the_store_holds_strings_only(folder: Path, tmp_path: Path) -> None:
    """Reading it executes nothing: no pickled object, no extension type."""
    cache = tmp_path / "cache"
    load_many(folder, cache_dir=cache)
    (store,) = cache.glob("registry-*.arrow")
    table = pa.ipc.open_file(pa.memory_map(str(store), "r")).read_all()
    for field in table.schema:
        assert field.type in (pa.large_string(), pa.large_list(pa.large_string())), field
    assert store == store_path(cache, "\n".join((str(folder.resolve()), "*.toml", "False")))


@pytest.mark.skipif(sys.platform != "linux", reason="file names of any bytes: Linux")
def test_a_file_name_that_is_not_text_loads_and_is_not_cached(folder: Path,
                                                              tmp_path: Path) -> None:
    """A name of bytes that are not UTF-8 cannot be a store's string: read each time."""
    odd = folder / os.fsdecode(b"odd-\xff.toml")
    (folder / "hoa-lam-2025.toml").rename(odd)
    cache = tmp_path / "cache"
    cold = load_many(folder, cache_dir=cache)
    warm = load_many(folder, cache_dir=cache)
    plain = load_many(folder)
    assert len(cold) == len(warm) == len(plain) == 10
    assert warm.table() == plain.table()
    assert list(warm._built) == [str(odd.resolve())]  # the one file read again
    (store,) = cache.glob("registry-*.arrow")
    assert str(odd.resolve()) not in read_store(store)
    assert len(read_store(store)) == 9


def test_a_duplicate_id_is_a_failure_warm_too(folder: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    shutil.copy(folder / "hoa-lam-2025.toml", folder / "zz-copy.toml")
    cold = load_many(folder, cache_dir=cache)
    warm = load_many(folder, cache_dir=cache)
    plain = load_many(folder)
    assert [f.path for f in warm.failures] == [f.path for f in cold.failures] \
        == [f.path for f in plain.failures]
    assert [Path(f.path).name for f in plain.failures] == ["zz-copy.toml"]


def test_without_pyarrow_the_cache_says_which_extra_before_loading(
        folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec",
                        lambda name, *a: None if name == "pyarrow" else real(name, *a))
    monkeypatch.setitem(sys.modules, "pyarrow", None)  # an import of it fails
    with pytest.raises(QueryError, match=r"needs pyarrow.*\[arrow\]"):
        steering.load_many(folder, cache_dir=tmp_path / "cache")
