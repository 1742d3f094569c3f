"""Snapshot every CLI answer for every preset, to compare a change's behaviour with main's.

Runs the ``steering`` command in process for every preset and every question kind
(show; acting for every post, alone absent and with the head and standing deputy
away; seal and signing for every post and the committee; accountable, plain and
transitive; convene for every meeting kind and body; monitor for every annex
target; calendars for 2025 and 2026; compare of every pair; validate; the
successions), in Vietnamese and English, as text and as ``--json``. Each answer is
written to its own file under OUT, with its exit code on the first line.

Usage::

    python scripts/snapshot_answers.py OUT
    # ... change the code ...
    python scripts/snapshot_answers.py OUT2 && diff -r OUT OUT2

The snapshot is a supplement to the tests, never the only check: differences are
read one by one, and the intended ones are listed in CHANGELOG.md.
"""

from __future__ import annotations

import contextlib
import io
import itertools
import sys
from pathlib import Path

import steering
from steering import cli


def _questions(name: str) -> list[list[str]]:
    reg = steering.presets.load(name)
    posts = [p.id for p in reg.posts]
    heads = [p.id for p in reg.posts if p.role.value in ("head", "standing_deputy")]
    qs: list[list[str]] = [["show", name], ["validate", name]]
    for p in posts:
        qs.append(["acting", name, p])
        qs.append(["acting", name, p, "--absent", ",".join(dict.fromkeys([p, *heads]))])
        qs.append(["acting", name, p, "--on", "2026-01-01"])
        qs.append(["seal", name, p])
        qs.append(["seal", name, p, "--document", "Báo cáo"])
        qs.append(["accountable", name, p])
        qs.append(["accountable", name, p, "--transitive"])
    qs.append(["seal", name, "committee"])
    bodies = ["committee", *(w.id for w in reg.working_groups)]
    for kind, body in itertools.product(("regular", "extraordinary", "expanded"), bodies):
        qs.append(["convene", name, kind, "--body", body])
    if reg.monitoring is not None:
        targets = {t.text for a in reg.monitoring.assignments for t in a.targets}
        targets |= {t.name for a in reg.monitoring.assignments for t in a.targets}
        for t in sorted(targets):
            qs.append(["monitor", name, t])
    for q in ("Thanh Hóa", "tỉnh Thanh Hóa", "Sơn", "Đông Sơn", "xyz"):
        qs.append(["monitor", name, q])
    for year in ("2025", "2026"):
        qs.append(["calendar", name, "--from", f"{year}-01-01", "--to", f"{year}-12-31"])
    return qs


def _run(argv: list[str]) -> str:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = cli.main(argv)
    return f"exit {code}\n{out.getvalue()}{err.getvalue()}"


def main(out_dir: str) -> int:
    """Write every answer under ``out_dir``; returns the number of answers."""
    root = Path(out_dir)
    root.mkdir(parents=True, exist_ok=True)
    names = steering.presets.names()
    questions: list[list[str]] = [["presets"]]
    for name in names:
        questions.extend(_questions(name))
    for a, b in itertools.combinations(names, 2):
        questions.append(["compare", a, b])
    for locality in ("Thanh Hóa", "Đắk Nông", "Vũng Tàu", "Tùng Châu"):
        for on in ("2022-01-01", "2025-01-01", "2026-01-01"):
            questions.append(["presets", "--locality", locality, "--on", on])
    n = 0
    for q in map(list, dict.fromkeys(map(tuple, questions))):
        for lang, form in itertools.product(("vi", "en"), ("text", "json")):
            argv = ["--lang", lang, *(["--json"] if form == "json" else []), *q]
            slug = "_".join(q).replace("/", "-").replace(" ", "-")[:150]
            (root / f"{slug}.{lang}.{form}.txt").write_text(_run(argv), encoding="utf-8")
            n += 1
    return n


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: python scripts/snapshot_answers.py OUT_DIR")
    print(f"{main(sys.argv[1])} answers written to {sys.argv[1]}")
