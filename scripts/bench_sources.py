"""Time the source-text splitter and quote checks on hostile and large inputs.

Run: ``PYTHONPATH=src python scripts/bench_sources.py``. Prints one line per case:
the input's size and the best of three wall-clock times. Each case doubles in
size; a linear splitter doubles in time.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from steering.rules import Citation
from steering.sources import SourceText, check_quote


def _best(fn: Callable[[], object]) -> float:
    best = float("inf")
    for _ in range(3):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best


def _blank_runs(size: int) -> str:
    """Runs of blank lines and spaces between clause-like lines: the old splitter was quadratic."""
    unit = "Điều 1. A\n" + " \n" * 2000
    return (unit * (size // len(unit) + 1))[:size]


def _article(n: int) -> str:
    clauses = "\n".join(
        f"{k}. Ban Chỉ đạo họp định kỳ mỗi quý một lần, nội dung {n}-{k}." for k in range(1, 9)
    )
    return f"Điều {n}. Điều khoản {n}\n{clauses}\n"


def _large_source(size: int) -> str:
    parts: list[str] = []
    total, n = 0, 1
    while total < size:
        parts.append(_article(n))
        total += len(parts[-1])
        n += 1
    return "".join(parts)


def main() -> None:
    """Print the timings."""
    print("splitter, runs of blank lines:")
    for kb in (80, 160, 320, 640):
        text = _blank_runs(kb * 1024)
        print(f"  {kb:5d} KB  {_best(lambda text=text: SourceText.parse(text)):.3f} s")
    print("200 quotes, none where cited (each searched in the whole text):")
    for kb in (350, 700, 1400):
        text = _large_source(kb * 1024)
        cites = [
            Citation(document="regulation", article=1, clause=1, quote=f"nội dung {n}-3")
            for n in range(2, 202)
        ]

        def run(text: str = text, cites: list[Citation] = cites) -> None:
            src = SourceText.parse(text)
            for c in cites:
                check_quote(c, src)

        print(f"  {kb:5d} KB  {_best(run):.3f} s")


if __name__ == "__main__":
    main()
