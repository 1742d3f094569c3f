"""Scaling benchmark: adversarial-but-valid regulation files at 1x, 10x and 100x (issue #10).

Run from the repository root::

    .venv/bin/python benchmarks/scaling.py                 # 1x, 10x, 100x; prints a table
    .venv/bin/python benchmarks/scaling.py --write         # and writes it into docs/benchmarks.md
    .venv/bin/python benchmarks/scaling.py --sizes 1 10 --timeout 60

Each file is valid (it loads and validates clean when every step is linear)
but built to hit the slow paths a stranger could aim at: a long substitution
chain, many posts, many report rules, many monitored localities, long
strings, crafted dotted-key runs (``aaaa.b.b.b... = 1``) in comments and
strings, and runs of blank lines in the source text. At 100x the TOML file
is about 1 MB (the loader's size limit is 1 MiB) and its source text is
about as large again.

Steps, each timed in its own fresh interpreter with a timeout (a quadratic
step shows as ``timeout`` instead of hanging): ``load`` (parse + validate,
source quotes checked), ``validate`` (on a model loaded with
``check=False``), ``show`` (the CLI in process, output to a ``StringIO``),
``compare`` (``compare(reg, reg)``), ``html`` (``_repr_html_``),
``calendar`` (one year), and the exports ``mermaid``, ``dot``, ``graphml``,
``node-link`` and ``ics``. Only the step itself is timed; the load before it
is not. Figures are wall-clock seconds of one run: a guide to growth, not a
precise measurement. Nothing here is asserted by a test.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "benchmarks.md"
START, END = "<!-- scaling:start -->", "<!-- scaling:end -->"
STEPS = ("load", "validate", "show", "compare", "html", "calendar", "mermaid", "dot",
         "graphml", "node-link", "ics")

# -- the adversarial files ----------------------------------------------------------------


def _q(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)  # a TOML basic string


def _cite(article: int | None, quote: str, document: str = "regulation") -> str:
    where = f", article = {article}" if article is not None else ""
    return f"{{ document = {_q(document)}{where}, quote = {_q(quote)} }}"


def _chunks(text: str) -> list[str]:
    """``text`` in pieces of at most the longest string a file may hold."""
    from steering.limits import MAX_STRING_CHARS

    return [text[i : i + MAX_STRING_CHARS] for i in range(0, len(text), MAX_STRING_CHARS)]


def build(k: int, folder: Path) -> Path:
    """Write ``scale-{k}.toml`` and its source text into ``folder``; return the TOML path."""
    n_mem, chain, n_rep, n_loc = 10 * k, 6 * k, 4 * k, 20 * k
    run = 40 * k  # crafted key runs and blank-line runs grow with the file
    key_run = "a" * run + ".b" * 15 + " = 1"
    blank = "\n" * run

    member_titles = [f"Ủy viên số {i} (Sở {i % 17})" for i in range(n_mem)]
    subst = [f"Khi Ủy viên số {i} vắng mặt, Ủy viên số {i + 1} thay mặt." for i in range(chain)]
    reports = [f"Ủy viên số {i} báo cáo hằng tháng trước ngày 20." for i in range(n_rep)]
    src = [
        "QUYẾT ĐỊNH",
        "Điều 1. Ban hành kèm theo Quyết định này Quy chế hoạt động. Ký ngày 01/03/2024.",
        "Điều 2. Quyết định này có hiệu lực thi hành kể từ ngày ký.",
        blank,
        "QUY CHẾ",
        "Điều 1. Phạm vi điều chỉnh",
        f"Quy chế này quy định hoạt động của Ban Chỉ đạo. {key_run}",
        blank,
        "Điều 2. Trưởng ban",
        "Trưởng ban Ban Chỉ đạo lãnh đạo toàn diện.",
        blank,
        "Điều 3. Phó Trưởng ban",
        "Phó Trưởng ban Thường trực giúp Trưởng ban.",
        "Ủy viên thường trực điều phối.",
        "Cơ quan thường trực là Sở Khoa học và Công nghệ.",
        blank,
        "Điều 4. Thành viên",
        *member_titles,
        blank,
        "Điều 5. Thay thế khi vắng mặt",
        "Khi Trưởng ban vắng mặt, Phó Trưởng ban Thường trực thay mặt.",
        *subst,
        blank,
        "Điều 6. Trách nhiệm",
        "Các thành viên chịu trách nhiệm trước Trưởng ban.",
        blank,
        "Điều 7. Họp",
        "Ban Chỉ đạo họp định kỳ một quý một lần do Trưởng ban triệu tập.",
        blank,
        "Điều 8. Báo cáo",
        *reports,
        blank,
        "Phụ lục",
        "Phân công theo dõi địa bàn",
    ]
    sources = folder / "sources"
    sources.mkdir(exist_ok=True)
    (sources / f"scale-{k}.txt").write_text("\n".join(src) + "\n", encoding="utf-8")

    out = [
        "# Adversarial but valid: see benchmarks/scaling.py.",
        *(f"# {key_run}" for _ in range(5)),
        "format = 1",
        f'id = "scale-{k}"',
        f'source = "sources/scale-{k}.txt"',
        # Long strings, each within steering.limits.MAX_STRING_CHARS (a longer one is refused).
        "notes = [" + ", ".join(_q(x) for x in (key_run, *_chunks("x" * (1_000 * k)),
                                                   *_chunks(key_run * 3))) + "]",
        "",
        "[identity]",
        'title = "Quy chế hoạt động của Ban Chỉ đạo chuyển đổi số tỉnh Thử Nghiệm"',
        'decision_number = "1/QĐ-BCĐ"',
        'issuer = "Ban Chỉ đạo chuyển đổi số tỉnh Thử Nghiệm"',
        'signed = "2024-03-01"',
        f"signed_citation = {_cite(1, 'Ký ngày 01/03/2024', 'decision')}",
        'level = "province"',
        'locality = "Thử Nghiệm"',
        "",
        "[identity.effective]",
        'kind = "on_signing"',
        f"citation = {_cite(2, 'có hiệu lực thi hành kể từ ngày ký', 'decision')}",
        "",
        "[committee]",
        f"name = {_q('Ban Chỉ đạo chuyển đổi số tỉnh Thử Nghiệm ' + key_run)}",
        'standing_agency = "standing_agency"',
        "",
    ]

    def post(pid: str, role: str, title: str, article: int) -> None:
        out.extend(["[[posts]]", f'id = "{pid}"', f'role = "{role}"', f"title = {_q(title)}",
                    f"citation = {_cite(article, title)}", ""])

    post("head", "head", "Trưởng ban", 2)
    post("standing_deputy", "standing_deputy", "Phó Trưởng ban Thường trực", 3)
    post("standing_member", "standing_member", "Ủy viên thường trực", 3)
    for i, title in enumerate(member_titles):
        post(f"member_{i}", "member", title, 4)
    post("standing_agency", "standing_agency", "Cơ quan thường trực", 3)

    out.extend(["[[substitutions]]", 'principal = "head"', "rank = 1",
                'substitutes = ["standing_deputy"]',
                f"citation = {_cite(5, 'Khi Trưởng ban vắng mặt, Phó Trưởng ban Thường trực')}",
                ""])
    for i, line in enumerate(subst):
        out.extend(["[[substitutions]]", f'principal = "member_{i}"', "rank = 1",
                    f'substitutes = ["member_{i + 1}"]', f"citation = {_cite(5, line)}", ""])
    for i in range(n_mem):
        out.extend(["[[accountability]]", f'subject = "member_{i}"', 'to = ["head"]',
                    f"citation = {_cite(6, 'chịu trách nhiệm trước Trưởng ban')}", ""])
    out.extend(["[[meetings]]", 'body = "committee"', 'cadences = ["quarterly"]',
                f"citation = {_cite(7, 'họp định kỳ một quý một lần')}", "",
                "[[convening]]", 'body = "committee"', 'meeting = "regular"',
                'conveners = ["head"]', f"citation = {_cite(7, 'do Trưởng ban triệu tập')}", ""])
    for i, line in enumerate(reports):
        out.extend(["[[reports]]", f'id = "r{i}"', f'reporters = ["member_{i}"]',
                    'recipients = ["head"]', "periodic = true", 'cadences = ["monthly"]',
                    "deadline = { day = 20 }", f"citation = {_cite(8, line)}", ""])
    annex = _cite(None, "Phân công theo dõi địa bàn", "annex")
    out.extend(["[monitoring]", f"basis = {annex}", ""])
    per = max(1, n_loc // n_mem)
    for m in range(n_mem):
        targets = ", ".join(
            f'{{ text = "xã Địa Bàn {j}", kind = "locality", name = "Địa Bàn {j}", unit = "xã" }}'
            for j in range(m * per, (m + 1) * per)
        )
        out.extend(["[[monitoring.assignments]]", f'post = "member_{m}"', f"targets = [{targets}]",
                    f"citation = {annex}", ""])
    path = folder / f"scale-{k}.toml"
    path.write_text("\n".join(out) + "\n", encoding="utf-8")
    return path


# -- one step in a fresh interpreter --------------------------------------------------------

_CHILD = r"""
import contextlib, datetime as dt, io, json, sys, time
step, path = sys.argv[1], sys.argv[2]
import steering
from steering import cli, exports
from steering.ics import to_ics

YEAR = (dt.date(2025, 1, 1), dt.date(2025, 12, 31))
STAMP = dt.datetime(2025, 1, 1, tzinfo=dt.UTC)

def prepare(p):
    # What the step does on file p, as a function (the load before it is not timed).
    if step == "load":
        return lambda: steering.load(p)
    if step == "show":
        def show():
            with contextlib.redirect_stdout(io.StringIO()):
                assert cli.main(["show", p]) == 0
        return show
    reg = steering.load(p, check=False)
    if step == "validate":
        def check():
            problems = steering.validate(reg)
            assert not problems, problems[:3]
        return check
    if step == "compare":
        return lambda: steering.compare(reg, reg)
    if step == "html":
        return reg._repr_html_
    if step == "calendar":
        return lambda: reg.calendar(*YEAR)
    if step == "ics":
        occ = reg.calendar(*YEAR)
        return lambda: to_ics(occ, regulation=reg, stamp=STAMP)
    g = reg.authority()
    return {"mermaid": g.to_mermaid, "dot": g.to_dot, "graphml": g.to_graphml,
            "node-link": lambda: exports.to_node_link_json(g)}[step]

# Warm up on a shipped preset: imports and first-use tables are not the file's cost.
prepare(str(steering.presets.path("tung-chau-2023")))()
fn = prepare(path)
t = time.perf_counter()
fn()
print(json.dumps({"seconds": time.perf_counter() - t}))
"""


def run_step(step: str, path: Path, timeout: float) -> str:
    """The step's seconds as text, or ``timeout`` / the error it raised."""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "PYTHONHASHSEED": "0"}
    try:
        done = subprocess.run([sys.executable, "-c", _CHILD, step, str(path)],
                              capture_output=True, text=True, timeout=timeout, env=env,
                              check=False)
    except subprocess.TimeoutExpired:
        return "timeout"
    if done.returncode != 0:
        last = (done.stderr.strip().splitlines() or ["?"])[-1]
        return f"error ({last.split(':', 1)[0][:40]})"
    return f"{json.loads(done.stdout.strip().splitlines()[-1])['seconds']:.3f}"


def _ratio(value: str, base: str) -> str:
    try:
        v, b = float(value), float(base)
    except ValueError:
        return ""
    return f" ({v / b:.0f}x)" if b > 0 else ""


def table(sizes: list[int], timeout: float) -> str:
    """Build the files, run every step at every size, and return a Markdown table."""
    with tempfile.TemporaryDirectory(prefix="steering-scaling-") as tmp:
        paths = {k: build(k, Path(tmp)) for k in sizes}
        nbytes = {k: paths[k].stat().st_size for k in sizes}
        src_bytes = {k: (Path(tmp) / "sources" / f"scale-{k}.txt").stat().st_size for k in sizes}
        results: dict[str, dict[int, str]] = {}
        for step in STEPS:
            results[step] = {}
            for k in sizes:
                results[step][k] = run_step(step, paths[k], timeout)
                print(f"{step} {k}x: {results[step][k]}", file=sys.stderr)
    head = "| step | " + " | ".join(f"{k}x" for k in sizes) + " |"
    rule = "| --- |" + " ---: |" * len(sizes)
    lines = [
        head, rule,
        "| file bytes | " + " | ".join(f"{nbytes[k]:,}" for k in sizes) + " |",
        "| source text bytes | " + " | ".join(f"{src_bytes[k]:,}" for k in sizes) + " |",
    ]
    for step in STEPS:
        cells = [results[step][k] + ("" if i == 0 else _ratio(results[step][k],
                                                               results[step][sizes[i - 1]]))
                 for i, k in enumerate(sizes)]
        lines.append(f"| {step} (s) | " + " | ".join(cells) + " |")
    lines.append("")
    lines.append("Seconds of wall time per step, one run each, after a warm-up on a shipped "
                 "preset; in brackets the ratio to the size before (linear growth: about the "
                 f"ratio of file sizes). Timeout: {timeout:.0f} s. "
                 f"Python {platform.python_version()}, {os.cpu_count()} CPUs.")
    return "\n".join(lines)


def write(text: str) -> None:
    """Put ``text`` between the scaling markers of docs/benchmarks.md."""
    doc = DOC.read_text(encoding="utf-8")
    before, rest = doc.split(START, 1)
    _, after = rest.split(END, 1)
    DOC.write_text(f"{before}{START}\n{text}\n{END}{after}", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1, 10, 100])
    parser.add_argument("--timeout", type=float, default=120.0,
                        help="seconds allowed per step (default 120)")
    parser.add_argument("--write", action="store_true",
                        help="write the table into docs/benchmarks.md between the markers")
    args = parser.parse_args()
    text = table(sorted(args.sizes), args.timeout)
    print(text)
    if args.write:
        write(text)


if __name__ == "__main__":
    main()
