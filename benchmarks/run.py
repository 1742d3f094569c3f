"""Benchmarks for steering at national scale (never timed assertions: this prints figures).

Run from the repository root::

    .venv/bin/python benchmarks/run.py            # full run, a few minutes
    .venv/bin/python benchmarks/run.py --quick    # smoke run, under a minute
    .venv/bin/python benchmarks/run.py --json out.json

Each measurement runs in a fresh subprocess so import caches, peak memory
(``resource.getrusage(...).ru_maxrss``) and timings do not leak between them:

1. ``import steering``: median wall time of several fresh interpreters.
2. Load + validate + graph build for the 2025 structure (34 provinces, 3,321
   communes) and the pre-2025 one (63 provinces, 705 district-level units,
   10,599 communes): TOML text is generated in memory by ``registry.py`` and
   goes through ``steering.loads`` (which validates) and ``reg.authority()``.
3. Query latency, warm (median and p99 of single calls): ``acting_for``,
   ``seal_for``, and "may this post convene an extraordinary meeting?" both as
   ``post in g.conveners("extraordinary").answer`` and with pycasbin
   (an RBAC enforcer per committee holding the same permission).
4. One year of calendars (2025) for every committee of the pre-2025 structure.
5. Peak memory of the pre-2025 process after loading everything (and after calendars).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import random
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

TARGETS = {
    "import_ms": 250.0,
    "load_pre2025_s": 5.0,
    "peak_rss_pre2025_mib": 1024.0,
    "query_median_us": 5.0,
    "casbin_ratio": 5.0,
    "calendar_pre2025_s": 3.0,
}


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    k = min(len(ordered) - 1, max(0, round(q / 100 * (len(ordered) - 1))))
    return ordered[k]


def _rss_mib() -> float:
    # Linux reports ru_maxrss in KiB.
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _time_calls(fn: Any, args: list[Any], repeat: int) -> list[float]:
    """Per-call latency in microseconds, each call timed on its own (warm)."""
    for a in args:  # warm-up: fill caches, resolve lookups
        fn(*a)
    clock = time.perf_counter_ns
    out: list[float] = []
    for _ in range(repeat):
        for a in args:
            t0 = clock()
            fn(*a)
            out.append((clock() - t0) / 1000)
    return out


def _clock_overhead_us() -> float:
    clock = time.perf_counter_ns
    samples = []
    for _ in range(10_000):
        t0 = clock()
        samples.append((clock() - t0) / 1000)
    return statistics.median(samples)


# -- phases (each runs in its own process) -------------------------------------------


def phase_import(_: argparse.Namespace) -> dict[str, Any]:
    t0 = time.perf_counter()
    import steering  # noqa: F401

    return {"import_s": time.perf_counter() - t0}


def phase_load(args: argparse.Namespace) -> dict[str, Any]:
    import registry

    import steering

    comms = registry.committees(args.structure)
    if args.limit:
        rng = random.Random(1)
        comms = [c for c in comms if c.level != "commune"][: args.limit // 10] + rng.sample(
            [c for c in comms if c.level == "commune"], args.limit
        )
    # Generation is timed on its own, then each text is generated again just
    # before it is loaded and dropped after, as files read one at a time would
    # be: peak memory then measures the regulations and graphs, not 200 MiB of
    # TOML strings held at once.
    t0 = time.perf_counter()
    total_bytes = sum(len(registry.toml_for(c).encode("utf-8")) for c in comms)
    gen_s = time.perf_counter() - t0
    rss_before = _rss_mib()

    clock = time.perf_counter
    load_s = 0.0
    regs = []
    for c in comms:
        text = registry.toml_for(c)
        t0 = clock()
        regs.append(steering.loads(text, file=f"{c.id}.toml"))
        load_s += clock() - t0
    t0 = time.perf_counter()
    graphs = [reg.authority() for reg in regs]
    graph_s = time.perf_counter() - t0
    out: dict[str, Any] = {
        "structure": args.structure,
        "committees": len(regs),
        "posts": sum(len(r.posts) for r in regs),
        "toml_mib": total_bytes / 2**20,
        "generate_s": gen_s,
        "load_validate_s": load_s,
        "graph_s": graph_s,
        "load_validate_graph_s": load_s + graph_s,
        "per_committee_ms": (load_s + graph_s) / len(regs) * 1000,
        "rss_before_load_mib": rss_before,
        "peak_rss_after_load_mib": _rss_mib(),
    }
    if args.calendars:
        t0 = time.perf_counter()
        n_occ = sum(len(r.calendar(dt.date(2025, 1, 1), dt.date(2025, 12, 31))) for r in regs)
        out["calendar_year_s"] = time.perf_counter() - t0
        out["calendar_occurrences"] = n_occ
        out["peak_rss_after_calendars_mib"] = _rss_mib()
    if args.queries:
        out.update(_queries(regs, graphs, args))
    return out


def _queries(regs: list[Any], graphs: list[Any], args: argparse.Namespace) -> dict[str, Any]:
    import casbin  # type: ignore[import-untyped]
    from casbin import model as casbin_model

    rng = random.Random(7)
    sample = rng.sample(range(len(regs)), min(args.sample, len(regs)))
    acting_args: list[tuple[str, frozenset[str]]] = []
    acting_fns: list[Any] = []
    seal_fns: list[Any] = []
    seal_args: list[tuple[str]] = []
    for i in sample:
        g, reg = graphs[i], regs[i]
        ids = [p.id for p in reg.posts]
        for absent in ({"head"}, {"head", "standing_deputy"},
                       {"head", "standing_deputy", "deputy_0"}, {"member_0"}):
            acting_fns.append(g.acting_for)
            acting_args.append(("head", frozenset(absent)))
        for p in rng.sample(ids, 4):
            seal_fns.append(g.seal_for)
            seal_args.append((p,))

    def call_each(fns: list[Any], argl: list[Any], repeat: int) -> list[float]:
        clock = time.perf_counter_ns
        for f, a in zip(fns, argl, strict=True):
            f(*a)
        out: list[float] = []
        for _ in range(repeat):
            for f, a in zip(fns, argl, strict=True):
                t0 = clock()
                f(*a)
                out.append((clock() - t0) / 1000)
        return out

    acting = call_each(acting_fns, acting_args, args.repeat)
    seal = call_each(seal_fns, seal_args, args.repeat)

    # "May this post convene an extraordinary meeting?"
    model_text = """
[request_definition]
r = sub, obj, act
[policy_definition]
p = sub, obj, act
[role_definition]
g = _, _
[policy_effect]
e = some(where (p.eft == allow))
[matchers]
m = g(r.sub, p.sub) && r.obj == p.obj && r.act == p.act
"""
    ours_fns: list[Any] = []
    cached_fns: list[Any] = []
    casbin_fns: list[Any] = []
    q_args: list[tuple[str]] = []
    agree = 0
    for i in sample:
        g, reg = graphs[i], regs[i]
        m = casbin_model.Model()
        m.load_model_from_text(model_text)
        enforcer = casbin.Enforcer(m)
        ruling = g.conveners("extraordinary")
        for post in ruling.answer:
            enforcer.add_policy(f"role:{reg.post(post).role.value}:{post}", "committee",
                                "convene_extraordinary")
        for p in reg.posts:
            enforcer.add_grouping_policy(p.id, f"role:{p.role.value}:{p.id}")

        def ours(post: str, g: Any = g) -> bool:
            return post in g.conveners("extraordinary").answer

        def cached(post: str, answer: tuple[str, ...] = ruling.answer) -> bool:
            return post in answer

        def theirs(post: str, e: Any = enforcer) -> bool:
            return bool(e.enforce(post, "committee", "convene_extraordinary"))

        for p in rng.sample([p.id for p in reg.posts], 4):
            agree += ours(p) == theirs(p)
            ours_fns.append(ours)
            cached_fns.append(cached)
            casbin_fns.append(theirs)
            q_args.append((p,))
    conv = call_each(ours_fns, q_args, args.repeat)
    conv_cached = call_each(cached_fns, q_args, args.repeat)
    cas = call_each(casbin_fns, q_args, max(1, args.repeat // 4))

    def stats(xs: list[float]) -> dict[str, float]:
        return {"median_us": statistics.median(xs), "p99_us": _percentile(xs, 99),
                "calls": len(xs)}

    return {
        "clock_overhead_us": _clock_overhead_us(),
        "acting_for": stats(acting),
        "seal_for": stats(seal),
        "conveners_check": stats(conv),
        "conveners_check_ruling_kept": stats(conv_cached),
        "pycasbin_enforce": stats(cas),
        "casbin_agrees": f"{agree}/{len(q_args)}",
    }


PHASES = {"import": phase_import, "load": phase_load}


# -- driver ------------------------------------------------------------------------------


def _sub(*argv: str) -> dict[str, Any]:
    cmd = [sys.executable, str(Path(__file__).resolve()), "--phase", *argv]
    done = subprocess.run(cmd, capture_output=True, text=True, check=False,
                          env={**os.environ, "PYTHONHASHSEED": "0"})
    if done.returncode != 0:
        sys.stderr.write(done.stderr)
        raise SystemExit(f"phase {argv} failed")
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def _machine() -> dict[str, Any]:
    cpu = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        cpu = platform.processor()
    mem = ""
    try:
        kib = int(Path("/proc/meminfo").read_text().split()[1])
        mem = f"{kib / 2**20:.1f} GiB"
    except (OSError, ValueError, IndexError):
        pass
    import steering

    return {
        "nproc": os.cpu_count(),
        "cpu": cpu,
        "ram": mem,
        "python": platform.python_version(),
        "platform": platform.platform(),
        "steering": steering.__version__,
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="smoke run on a sample, < 1 minute")
    ap.add_argument("--json", type=Path, help="also write the figures to this file")
    ap.add_argument("--phase", choices=sorted(PHASES), help=argparse.SUPPRESS)
    ap.add_argument("--structure", default="pre2025", help=argparse.SUPPRESS)
    ap.add_argument("--limit", type=int, default=0, help=argparse.SUPPRESS)
    ap.add_argument("--calendars", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--queries", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--sample", type=int, default=200, help=argparse.SUPPRESS)
    ap.add_argument("--repeat", type=int, default=20, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.phase:
        print(json.dumps(PHASES[args.phase](args)))
        return

    quick = args.quick
    results: dict[str, Any] = {"machine": _machine(), "quick": quick}
    print(f"machine: {results['machine']}")
    runs = 3 if quick else 9
    imports = [_sub("import")["import_s"] * 1000 for _ in range(runs)]
    results["import_ms"] = {"median": statistics.median(imports), "runs": imports}
    print(f"import steering: median {statistics.median(imports):.1f} ms over {runs} fresh "
          f"interpreters (target <= {TARGETS['import_ms']:.0f} ms)")

    limit = ["--limit", "600"] if quick else []
    a = _sub("load", "--structure", "2025", *limit)
    results["load_2025"] = a
    print(f"(a) 2025: {a['committees']} committees, {a['posts']} posts, "
          f"{a['toml_mib']:.1f} MiB TOML: load+validate {a['load_validate_s']:.2f} s, "
          f"graphs {a['graph_s']:.2f} s, total {a['load_validate_graph_s']:.2f} s "
          f"({a['per_committee_ms']:.2f} ms each); peak RSS {a['peak_rss_after_load_mib']:.0f} MiB")

    b = _sub("load", "--structure", "pre2025", "--calendars", "--queries",
             "--sample", "50" if quick else "300", "--repeat", "5" if quick else "30",
             *(["--limit", "1000"] if quick else []))
    results["load_pre2025"] = b
    print(f"(b) pre-2025: {b['committees']} committees, {b['posts']} posts, "
          f"{b['toml_mib']:.1f} MiB TOML: load+validate {b['load_validate_s']:.2f} s, "
          f"graphs {b['graph_s']:.2f} s, total {b['load_validate_graph_s']:.2f} s "
          f"({b['per_committee_ms']:.2f} ms each; target <= {TARGETS['load_pre2025_s']} s "
          "for all 11,367)")
    print(f"    peak RSS after load {b['peak_rss_after_load_mib']:.0f} MiB, after calendars "
          f"{b['peak_rss_after_calendars_mib']:.0f} MiB (target <= 1024 MiB)")
    print(f"    one year of calendars: {b['calendar_year_s']:.2f} s, "
          f"{b['calendar_occurrences']} occurrences (target <= {TARGETS['calendar_pre2025_s']} s)")
    for key in ("acting_for", "seal_for", "conveners_check", "conveners_check_ruling_kept",
                "pycasbin_enforce"):
        s = b[key]
        print(f"    {key:<28} median {s['median_us']:8.2f} us   p99 {s['p99_us']:8.2f} us   "
              f"({s['calls']} calls)")
    ratio = b["pycasbin_enforce"]["median_us"] / b["conveners_check"]["median_us"]
    ratio_kept = b["pycasbin_enforce"]["median_us"] / b["conveners_check_ruling_kept"]["median_us"]
    results["casbin_ratio"] = {"conveners_call": ratio, "ruling_kept": ratio_kept}
    print(f"    pycasbin / ours: {ratio:.1f}x (conveners() each time), {ratio_kept:.1f}x "
          f"(ruling kept); answers agree on {b['casbin_agrees']} (target >= 5x)")
    print(f"    clock overhead per timed call: {b['clock_overhead_us']:.3f} us (included above)")
    if args.json:
        args.json.write_text(json.dumps(results, indent=2, ensure_ascii=False), "utf-8")
        print(f"wrote {args.json}")


if __name__ == "__main__":
    main()
