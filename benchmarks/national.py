"""National registry benchmark (issue #15): load a folder of regulation files with
``steering.load_many``, export it as Parquet, answer a national question in DuckDB.

The synthetic registry (``benchmarks/registry.py``) is written as one TOML file per
committee into a folder; each phase runs in a fresh subprocess (``PYTHONHASHSEED=0``)
so timings and peak memory do not leak. ``--baseline SRC`` also times today's loader
(``steering.load`` file by file) from another checkout's ``src`` folder, side by side in
the same run.

Usage::

    python benchmarks/national.py [--structure 2025|pre2025] [--limit N] [--baseline SRC]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
SRC = HERE.parent / "src"


def _write(folder: Path, structure: str, limit: int) -> int:
    sys.path.insert(0, str(HERE))
    import registry as synth

    n = 0
    for name, text in synth.texts(structure):
        (folder / f"{name}.toml").write_text(text, encoding="utf-8")
        n += 1
        if limit and n >= limit:
            break
    return n


def _phase(kind: str, folder: str, out: str) -> dict[str, float]:
    t0 = time.perf_counter()
    if kind == "load_each":  # today's way: one steering.load per file, objects built
        import steering

        regs = [steering.load(p) for p in sorted(Path(folder).glob("*.toml"))]
        for r in regs:
            r.authority()
        figures = {"regulations": len(regs)}
    elif kind == "load_many":
        import steering

        reg = steering.load_many(folder)
        for r in reg:
            r.authority()
        figures = {"regulations": len(reg), "failures": len(reg.failures)}
    elif kind == "load_many_w2":  # two worker processes send back whole regulations
        import steering

        reg = steering.load_many(folder, workers=2)
        for r in reg:
            r.authority()
        figures = {"regulations": len(reg), "failures": len(reg.failures)}
    elif kind in ("cache_cold", "cache_cold_w2", "cache_warm"):
        # The national table through the content-keyed store (steering.cache): cold fills
        # it (with two workers for cache_cold_w2, each sending back rows), warm reads it;
        # no regulation object is built for the table.
        import steering

        workers = 2 if kind.endswith("_w2") else 1
        cache = Path(out) / ("cache_w2" if workers == 2 else "cache")
        reg = steering.load_many(folder, cache_dir=cache, workers=workers)
        rows = reg.table()
        figures = {"regulations": len(rows), "failures": len(reg.failures),
                   "built": len(reg._built)}
    elif kind == "table_plain":  # the same table, no cache: every file parsed and checked
        import steering

        reg = steering.load_many(folder)
        figures = {"regulations": len(reg.table())}
    elif kind == "parquet":
        import steering
        from steering.columnar import write_parquet

        reg = steering.load_many(folder)
        t1 = time.perf_counter()
        write_parquet(reg, out)
        figures = {"export_s": time.perf_counter() - t1}
    else:  # duckdb
        import duckdb

        sql = (f"SELECT count(DISTINCT p.regulation) FROM read_parquet('{out}/posts.parquet') p "
               f"WHERE p.role = 'standing_deputy' AND NOT EXISTS (SELECT 1 FROM "
               f"read_parquet('{out}/rules.parquet') r WHERE r.regulation = p.regulation AND "
               "r.kind = 'substitution' AND r.objects = p.post AND r.detail IS NULL)")
        figures = {"answer": duckdb.connect().execute(sql).fetchall()[0][0]}
    figures["seconds"] = time.perf_counter() - t0
    figures["peak_mib"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return figures


def _run(kind: str, folder: Path, out: Path, src: Path) -> dict[str, float]:
    env = {**os.environ, "PYTHONPATH": str(src), "PYTHONHASHSEED": "0"}
    done = subprocess.run([sys.executable, __file__, "--phase", kind, str(folder), str(out)],
                          capture_output=True, text=True, env=env, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--structure", default="2025", choices=["2025", "pre2025"])
    ap.add_argument("--limit", type=int, default=0, help="only the first N committees")
    ap.add_argument("--baseline", type=Path, help="another checkout's src, timed alike")
    ap.add_argument("--phase", nargs=3, help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.phase:
        print(json.dumps(_phase(*a.phase)))
        return
    with tempfile.TemporaryDirectory() as tmp:
        folder, out = Path(tmp) / "regs", Path(tmp) / "parquet"
        folder.mkdir()
        n = _write(folder, a.structure, a.limit)
        size = sum(p.stat().st_size for p in folder.iterdir()) / 2**20
        print(f"{n} committees ({a.structure}), {size:.1f} MiB of TOML")
        rows = []
        if a.baseline:
            rows.append(("baseline: steering.load per file + graph", _run("load_each", folder, out,
                                                                          a.baseline)))
        rows.append(("steering.load per file + graph", _run("load_each", folder, out, SRC)))
        rows.append(("steering.load_many + graph", _run("load_many", folder, out, SRC)))
        rows.append(("steering.load_many(workers=2) + graph", _run("load_many_w2", folder, out,
                                                                    SRC)))
        rows.append(("national table, no cache", _run("table_plain", folder, out, SRC)))
        rows.append(("national table, cache cold (fills it)", _run("cache_cold", folder, out,
                                                                    SRC)))
        rows.append(("national table, cache cold, 2 workers", _run("cache_cold_w2", folder,
                                                                   out, SRC)))
        rows.append(("national table, cache warm", _run("cache_warm", folder, out, SRC)))
        rows.append(("load_many + write_parquet", _run("parquet", folder, out, SRC)))
        rows.append(("DuckDB: the national question", _run("duckdb", folder, out, SRC)))
        for name, f in rows:
            extra = ", ".join(f"{k} {v:.2f}" if isinstance(v, float) else f"{k} {v}"
                              for k, v in f.items() if k not in ("seconds", "peak_mib"))
            print(f"| {name} | {f['seconds']:.2f} s | {f['peak_mib']:.0f} MiB | {extra} |")


if __name__ == "__main__":
    main()
