"""Load benchmark of ``steering serve`` on loopback, beside the same questions in Python.

Run from the repository root (needs the ``web`` extra and httpx)::

    .venv/bin/python benchmarks/web_load.py            # full run, about a minute
    .venv/bin/python benchmarks/web_load.py --quick    # smoke run
    .venv/bin/python benchmarks/web_load.py --no-write # print only

For one worker and for two, it starts ``steering serve`` on 127.0.0.1 (never any
other address), waits for ``/health``, and sends a bounded number of requests
(and stops at a time limit) from a fixed number of concurrent connections:

* a cached query: who acts for the head of Đắk Nông when the head and the
  standing deputy are away (the authority graph memoises the ruling);
* a calendar: Đắk Nông's meetings and reports for 2024, as JSON.

It reports requests per second and p50/p99 latency, and times the same two
questions through the Python API (the ruling with its explanation, and
``reg.calendar``), so the overhead of the door is a ratio. Results go to
docs/benchmarks.md between ``<!-- web:start -->`` and ``<!-- web:end -->``.
The load generator runs on the same machine as the server: both compete for the
cores, so the figures are a floor, not a capacity plan.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import os
import platform
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs" / "benchmarks.md"
HOST = "127.0.0.1"  # loopback only: this script never targets another address
START, END = "<!-- web:start -->", "<!-- web:end -->"

QUERY = "/regulations/dak-nong-2021/acting-for?post=head&absent=head,standing_deputy&lang=en"
CALENDAR = "/regulations/dak-nong-2021/calendar?start=2024-01-01&end=2024-12-31"


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    k = min(len(ordered) - 1, max(0, round(q / 100 * (len(ordered) - 1))))
    return ordered[k]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return int(s.getsockname()[1])


def _start(workers: int) -> tuple[subprocess.Popen[bytes], str]:
    port = _free_port()
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    cmd = [sys.executable, "-m", "steering", "serve", "--host", HOST, "--port", str(port),
           "--workers", str(workers)]
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://{HOST}:{port}"
    import httpx

    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(base + "/health", timeout=1).status_code == 200:
                # Every worker answers: ask a few times so each has imported what it needs.
                for _ in range(4 * workers):
                    httpx.get(base + QUERY, timeout=10)
                    httpx.get(base + CALENDAR, timeout=10)
                return proc, base
        except httpx.HTTPError:
            time.sleep(0.2)
    proc.terminate()
    raise SystemExit("the server did not start within 60 s")


async def _load(base: str, path: str, total: int, concurrency: int,
                limit_s: float) -> dict[str, float]:
    import httpx

    assert base.startswith(f"http://{HOST}:"), "loopback only"
    latencies: list[float] = []
    errors = 0
    sent = 0
    stop = time.monotonic() + limit_s

    async def worker(client: httpx.AsyncClient) -> None:
        nonlocal sent, errors
        while sent < total and time.monotonic() < stop:
            sent += 1
            t0 = time.perf_counter()
            r = await client.get(path)
            latencies.append(time.perf_counter() - t0)
            if r.status_code != 200:
                errors += 1

    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=30) as client:
        t0 = time.perf_counter()
        await asyncio.gather(*(worker(client) for _ in range(concurrency)))
        wall = time.perf_counter() - t0
    return {
        "requests": len(latencies),
        "errors": errors,
        "rps": len(latencies) / wall,
        "p50_ms": 1000 * _percentile(latencies, 50),
        "p99_ms": 1000 * _percentile(latencies, 99),
    }


def _python_api(repeat: int) -> dict[str, dict[str, float]]:
    """The same two questions through the Python API, per call (warm)."""
    sys.path.insert(0, str(ROOT / "src"))
    import steering
    from steering.cli import jsonable, ruling_json

    reg = steering.presets.load("dak-nong-2021")
    g = reg.authority()

    def query() -> Any:
        ruling = g.acting_for("head", absent={"head", "standing_deputy"})
        return ruling_json(ruling, reg, "en")

    def calendar() -> Any:
        return [jsonable(o) for o in reg.calendar(dt.date(2024, 1, 1), dt.date(2024, 12, 31))]

    out = {}
    for name, fn, n in (("query", query, repeat), ("calendar", calendar, max(50, repeat // 20))):
        fn()
        times = []
        for _ in range(n):
            t0 = time.perf_counter()
            fn()
            times.append(time.perf_counter() - t0)
        out[name] = {"p50_ms": 1000 * statistics.median(times),
                     "p99_ms": 1000 * _percentile(times, 99)}
    return out


def run(requests: int, concurrency: int, limit_s: float) -> dict[str, Any]:
    results: dict[str, Any] = {"python": _python_api(2000), "http": {}}
    for workers in (1, 2):
        proc, base = _start(workers)
        try:
            for name, path, n in (("query", QUERY, requests),
                                  ("calendar", CALENDAR, max(100, requests // 4))):
                # Under load (throughput), then one connection at a time (the door's latency).
                results["http"][f"{name}/{workers}"] = asyncio.run(
                    _load(base, path, n, concurrency, limit_s))
                results["http"][f"{name}/{workers}/single"] = asyncio.run(
                    _load(base, path, max(50, n // 4), 1, limit_s))
        finally:
            proc.terminate()
            proc.wait(timeout=30)
    results["setup"] = {"requests": requests, "concurrency": concurrency, "limit_s": limit_s,
                        "python": platform.python_version(), "cpus": os.cpu_count(),
                        "machine": platform.machine()}
    return results


def section(results: dict[str, Any]) -> str:
    s = results["setup"]
    py = results["python"]
    lines = [
        START,
        "## The web API under load (loopback)",
        "",
        f"`benchmarks/web_load.py`: `steering serve` on 127.0.0.1, {s['concurrency']} concurrent "
        f"connections from an httpx client on the same machine ({s['cpus']} CPUs, shared; "
        f"Python {s['python']}), at most {s['requests']} requests per query "
        f"(a quarter of that per calendar) or {s['limit_s']:.0f} s. The client competes with "
        "the server for the cores: the figures are a floor. "
        "The Python column is the same question in-process, "
        "warm: the ruling with its explanation serialised as the API sends it, and "
        "`reg.calendar` for 2024 serialised the same way.",
        "",
        "| question | workers | requests | req/s | p50 / p99 under load (ms) "
        "| p50 / p99, one connection (ms) | Python p50 (ms) | p50 ratio HTTP/Python |",
        "| --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    labels = {"query": "cached query (acting_for, Đắk Nông)",
              "calendar": "calendar 2024 (Đắk Nông, JSON)"}
    for name in ("query", "calendar"):
        for workers in (1, 2):
            h = results["http"][f"{name}/{workers}"]
            one = results["http"][f"{name}/{workers}/single"]
            ratio = one["p50_ms"] / py[name]["p50_ms"]
            errors = h["errors"] + one["errors"]
            count = f"{h['requests']}" + (f" ({errors} errors)" if errors else "")
            lines.append(
                f"| {labels[name]} | {workers} | {count} | {h['rps']:.0f} "
                f"| {h['p50_ms']:.1f} / {h['p99_ms']:.1f} "
                f"| {one['p50_ms']:.2f} / {one['p99_ms']:.2f} | {py[name]['p50_ms']:.3f} "
                f"| {ratio:.0f}x |"
            )
    lines += [
        "",
        "Reading it: req/s and the first latency pair are measured with "
        f"{s['concurrency']} connections (latency there includes queueing); the ratio uses "
        "one connection at a time, so it is the door's own cost. A cached answer costs "
        "microseconds in Python; over HTTP the cost is the door (parsing, routing, JSON, "
        "the socket), so the ratio is large for the query and smaller for the calendar, "
        "whose own work weighs more. With two workers the server "
        "shares two cores with the client, so it scales less than two-fold here; on a "
        "machine of its own, or behind a load balancer across machines, each worker adds "
        "its share (the service is stateless).",
        END,
    ]
    return "\n".join(lines) + "\n"


def write(text: str) -> None:
    doc = DOCS.read_text(encoding="utf-8")
    if START in doc and END in doc:
        head, rest = doc.split(START, 1)
        _, tail = rest.split(END + "\n", 1) if END + "\n" in rest else rest.split(END, 1)
        doc = head + text + tail
    else:
        doc = doc.rstrip("\n") + "\n\n" + text
    DOCS.write_text(doc, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a smoke run")
    parser.add_argument("--requests", type=int, default=3000)
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--limit", type=float, default=20.0, help="seconds per measurement")
    parser.add_argument("--no-write", action="store_true", help="do not update the docs")
    parser.add_argument("--json", metavar="FILE", help="also write the raw figures")
    a = parser.parse_args()
    requests = 300 if a.quick else a.requests
    results = run(requests, a.concurrency, 5.0 if a.quick else a.limit)
    text = section(results)
    print(text)
    if a.json:
        Path(a.json).write_text(json.dumps(results, indent=2), encoding="utf-8")
    if not a.no_write and not a.quick:
        write(text)


if __name__ == "__main__":
    main()
