"""Untrusted paths (issue #10): devices, FIFOs, folders, and ``source`` leaving its folder.

A regulation file and every path it names come from a stranger. Each of
``/dev/zero``, a FIFO with no writer, a symlink to a device and a folder must
give a :class:`~steering.RegulationFileError` naming the path, promptly: every
case runs in a subprocess (``sys.executable -c ...``) with a timeout and a
memory limit, so a regression (an endless read, a blocked ``open``) fails the
test instead of hanging or exhausting the machine.

``source`` is confined to the regulation file's own folder: an absolute path,
a ``..`` leaving the folder or a symlink escaping it is refused before any
read, so a crafted file cannot use quote checking as an oracle on a secret
file (the problems are the same whether its guesses are right or wrong).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tomllib
from pathlib import Path
from typing import Any

import pytest
import tomli_w

import steering

TIMEOUT = 20
PRESET_DIR = Path(steering.presets.__file__).parent
_SRC = str(Path(steering.__file__).parent.parent)

#: Runs in the child: load ``path`` (or run the CLI on it) and print what happened as JSON.
_CHILD = r"""
import json, resource, sys
resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))  # a runaway read fails, not the machine
door, path = sys.argv[1], sys.argv[2]
import steering
if door == "load":
    try:
        steering.load(path)
    except steering.RegulationFileError as e:
        print(json.dumps({"outcome": "RegulationFileError", "file": e.file, "message": str(e)}))
    except BaseException as e:
        print(json.dumps({"outcome": type(e).__name__, "message": str(e)[:300]}))
    else:
        print(json.dumps({"outcome": "loaded"}))
else:
    import contextlib, io
    from steering import cli
    err = io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
        rc = cli.main(["validate", path])
    print(json.dumps({"outcome": "exit", "rc": rc, "stderr": err.getvalue()}))
"""


def run_child(door: str, path: Path) -> dict[str, Any]:
    """Run the door on ``path`` in a fresh interpreter; a hang is a failure."""
    env = {**os.environ, "PYTHONPATH": _SRC}
    try:
        done = subprocess.run(
            [sys.executable, "-c", _CHILD, door, str(path)],
            capture_output=True, text=True, timeout=TIMEOUT, env=env, check=False,
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"{door}({path}) did not answer within {TIMEOUT} s")
    lines = done.stdout.strip().splitlines()
    assert lines, f"{door}({path}) printed nothing; stderr: {done.stderr[-1000:]}"
    result: dict[str, Any] = json.loads(lines[-1])
    return result


@pytest.fixture
def specials(tmp_path: Path) -> dict[str, Path]:
    fifo = tmp_path / "fifo.toml"
    os.mkfifo(fifo)
    dev_link = tmp_path / "zero.toml"
    dev_link.symlink_to("/dev/zero")
    null_link = tmp_path / "null.toml"
    null_link.symlink_to("/dev/null")
    folder = tmp_path / "folder.toml"
    folder.mkdir()
    return {"dev_zero": Path("/dev/zero"), "fifo": fifo, "symlink_to_dev_zero": dev_link,
            "symlink_to_dev_null": null_link, "folder": folder}


CASES = ("dev_zero", "fifo", "symlink_to_dev_zero", "symlink_to_dev_null", "folder")


@pytest.mark.parametrize("case", CASES)
def test_load_refuses_what_is_not_a_regular_file(specials: dict[str, Path], case: str) -> None:
    path = specials[case]
    got = run_child("load", path)
    assert got["outcome"] == "RegulationFileError", got
    assert got["file"] == str(path)
    assert str(path) in got["message"]


@pytest.mark.parametrize("case", CASES)
def test_cli_validate_refuses_what_is_not_a_regular_file(specials: dict[str, Path],
                                                         case: str) -> None:
    path = specials[case]
    got = run_child("cli", path)
    assert got["rc"] in {1, 2}, got
    assert "internal error" not in got["stderr"]
    assert "Traceback" not in got["stderr"]


# -- source confined to the regulation's folder ---------------------------------------------


def _preset_doc(name: str = "dak-nong-2021") -> dict[str, Any]:
    return tomllib.loads((PRESET_DIR / f"{name}.toml").read_text(encoding="utf-8"))


def _layout(tmp_path: Path) -> tuple[Path, Path]:
    """A folder ``regs`` for the regulation and a folder ``secret`` beside it."""
    regs, secret = tmp_path / "regs", tmp_path / "secret"
    regs.mkdir()
    secret.mkdir()
    text = (PRESET_DIR / "sources" / "dak-nong-2021.txt").read_text(encoding="utf-8")
    (secret / "secret.txt").write_text(text, encoding="utf-8")
    return regs, secret


def _write(regs: Path, doc: dict[str, Any], name: str = "reg.toml") -> Path:
    path = regs / name
    path.write_text(tomli_w.dumps(doc), encoding="utf-8")
    return path


def _outcome(path: Path) -> list[tuple[str, str]]:
    """The problems loading ``path`` gives (empty when it loads)."""
    try:
        steering.load(path)
    except steering.RegulationFileError as e:
        return [(p.path, p.message) for p in e.problems]
    return []


@pytest.mark.parametrize("how", ["absolute", "dotdot", "symlink_file", "symlink_folder"])
def test_source_outside_the_folder_is_refused(tmp_path: Path, how: str) -> None:
    regs, secret = _layout(tmp_path)
    if how == "absolute":
        source = str(secret / "secret.txt")
    elif how == "dotdot":
        source = "../secret/secret.txt"
    elif how == "symlink_file":
        (regs / "link.txt").symlink_to(secret / "secret.txt")
        source = "link.txt"
    else:
        (regs / "sources").symlink_to(secret)
        source = "sources/secret.txt"
    doc = _preset_doc()
    doc["source"] = source
    problems = _outcome(_write(regs, doc))
    assert problems, f"a source {how} outside the folder was accepted"
    assert any(path == "source" for path, _ in problems), problems
    assert not any(path.endswith(".quote") for path, _ in problems), (
        "quotes were checked against a file outside the folder")


@pytest.mark.parametrize("how", ["dotdot", "absolute", "symlink_file"])
def test_quote_checking_is_no_oracle_on_a_secret(tmp_path: Path, how: str) -> None:
    """A file guessing a secret's content gets the same problems, right guess or wrong."""
    regs, secret = _layout(tmp_path)
    if how == "symlink_file":
        (regs / "link.txt").symlink_to(secret / "secret.txt")
        source = "link.txt"
    else:
        source = str(secret / "secret.txt") if how == "absolute" else "../secret/secret.txt"
    right = _preset_doc()
    right["source"] = source
    wrong = _preset_doc()
    wrong["source"] = source
    # The guess: one citation's quote; right is the secret's own words, wrong is not.
    wrong["posts"][0]["citation"]["quote"] = "mật khẩu là hunter2"
    right_problems = _outcome(_write(regs, right, "right.toml"))
    wrong_problems = _outcome(_write(regs, wrong, "wrong.toml"))
    assert right_problems == wrong_problems, (
        f"right guess: {right_problems[:3]}; wrong guess: {wrong_problems[:3]}")
    assert right_problems, "a source outside the folder is refused either way"


def test_loads_without_origin_reads_no_file(tmp_path: Path) -> None:
    """``loads(text)`` with no file name resolves ``source`` against nothing: no read."""
    _, secret = _layout(tmp_path)
    doc = _preset_doc()
    doc["source"] = str(secret / "secret.txt")
    wrong = _preset_doc()
    wrong["source"] = str(secret / "secret.txt")
    wrong["posts"][0]["citation"]["quote"] = "mật khẩu là hunter2"

    def problems(d: dict[str, Any]) -> list[tuple[str, str]]:
        try:
            steering.loads(tomli_w.dumps(d))
        except steering.RegulationFileError as e:
            return [(p.path, p.message) for p in e.problems]
        return []

    assert problems(doc) == problems(wrong)
