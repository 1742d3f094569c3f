"""Subcommands over a whole regulation.

presets, show, validate, compare, coverage, draft, table, export and serve.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import sys
from pathlib import Path
from typing import Any

from steering import presets, world
from steering._escape import json_text, visible
from steering._json import jsonable
from steering.cli import _common
from steering.cli._common import (
    _PROG,
    EXIT_ANSWER,
    EXIT_NO_ANSWER,
    UsageError,
    _Context,
)
from steering.errors import Problem, RegulationFileError
from steering.loader import load as load_file
from steering.regulation import Level
from steering.roles import Post, WorkingGroup
from steering.text import word


def _cmd_presets(ctx: _Context) -> int:
    args = ctx.args
    if args.locality:
        return _succession(ctx, args.locality, args.on)
    if args.on is not None:
        raise UsageError("--on needs --locality (the regulation in force there on DATE), e.g. "
                         f"'{_PROG} presets --locality \"Thanh Hóa\" --on {args.on.isoformat()}'")
    rows = []
    for pid in presets.names():
        reg = presets.load(pid)
        idn = reg.identity
        rows.append({
            "id": pid,
            "title": idn.title,
            "locality": idn.locality,
            "province": idn.province,
            "level": idn.level.value,
            "decision_number": idn.decision_number,
            "signed": str(idn.signed),
        })
    if ctx.json:
        ctx.dump(rows)
        return EXIT_ANSWER
    ctx.print(f"{ctx.t('presets')}:")
    ctx.table(
        [ctx.t("id"), ctx.t("locality"), ctx.t("level"), ctx.t("decision"), ctx.t("signed")],
        [[r["id"], r["locality"], _level_word(r["level"], ctx.lang == "vi"),
          r["decision_number"] or ctx.t("no_number"),
          ctx.day(presets.load(r["id"]).identity.signed)]
         for r in rows],
    )
    return EXIT_ANSWER


def _level_word(level: str, vi: bool) -> str:
    """A level in the answer's language: "tỉnh" / "province"."""
    known = {x.value: x for x in Level}
    return word(known[level], "vi" if vi else "en") if level in known else level


def _succession(ctx: _Context, locality: str, on: dt.date | None) -> int:
    terms = presets.succession(locality)
    if on is None:
        if ctx.json:
            ctx.dump([jsonable(t) for t in terms])
            return EXIT_ANSWER
        name = presets._written_name(terms)
        ctx.print(f"{ctx.t('succession')} ({name}):")
        for t in terms:
            extra = "" if t.shipped else f" {ctx.t('not_shipped')}"
            ctx.print(f"  {ctx.day(t.starts) if t.starts else '?'}  {t.describe(ctx.lang)}{extra}")
        return EXIT_ANSWER
    try:
        reg = presets.in_force(locality, on)
    except presets.SuccessionError as e:
        if e.reason == "unknown_locality":
            raise
        if ctx.json:
            ctx.dump({"status": e.reason, "answer": None, "on": on.isoformat(),
                      "candidates": [jsonable(t) for t in e.candidates],
                      "explanation": e.explain(ctx.lang),
                      "caveats": [k.explain(ctx.lang) for k in e.caveats]})
        else:
            ctx.print(e.explain(ctx.lang))
        return EXIT_NO_ANSWER
    # What the world did around it (tỉnh Thanh Hóa kept; its districts ended): steering.world.
    cav = world.caveats(reg, on)
    if ctx.json:
        ctx.dump({"status": "decided", "answer": reg.id, "on": on.isoformat(),
                  "caveats": [k.explain(ctx.lang) for k in cav]})
    else:
        ctx.print(f"{ctx.t('in_force')} ({reg.identity.locality}, {ctx.day(on)}): {reg.id}")
        for k in cav:
            ctx.print(f"  - {k.explain(ctx.lang)}")
    return EXIT_ANSWER


def _title_cell(p: Post, vi: bool) -> str:
    """A post's title, with the number of seats where the text gives one, and its note."""
    title = p.title
    if p.count is not None:
        title += f" ({p.count} người)" if vi else f" ({p.count} seats)"
    elif "count" in p.unknown:
        title += " (số người chưa rõ)" if vi else " (number of seats unknown)"
    if p.note:
        title += f" [{'ghi chú' if vi else 'note'}: {p.note}]"
    return title


def _group_cell(g: WorkingGroup, vi: bool) -> str:
    """A group's name, and the notes that change how to read it."""
    cell = g.name
    if g.optional is not None:
        cell += " (thành lập khi cần thiết)" if vi else " (set up when needed)"
    if g.regulation:
        cell += f" (quy chế riêng: {g.regulation})" if vi else f" (own regulation: {g.regulation})"
    return cell


def _holder_cell(p: Post, vi: bool) -> str:
    """Who holds a post, and the other posts the same person holds (``concurrent_with``)."""
    who = p.holder_text("vi" if vi else "en") or "-"
    if p.concurrent_with:
        others = ", ".join(p.concurrent_with)
        who += f" (đồng thời là {others})" if vi else f" (also holds {others})"
    return who


def _cmd_show(ctx: _Context) -> int:
    # Only this command needs these.
    from steering._convert import unstructure  # noqa: PLC0415
    from steering.compare import aspect_label, facts  # noqa: PLC0415

    reg = _common.load_regulation(ctx.args.regulation)
    if ctx.json:
        ctx.dump(unstructure(reg))
        return EXIT_ANSWER
    idn = reg.identity
    number = idn.number_text(ctx.lang)
    vi = ctx.lang == "vi"
    level_word = _level_word(idn.level.value, vi)
    level = f"cấp {level_word}" if vi else f"level: {level_word}"
    ctx.print(f"{reg.id}: {idn.title}")
    signed = ctx.day(idn.signed) if idn.signed is not None else idn.signed_text(ctx.lang)
    ctx.print(f"{ctx.t('decision')} {number}, {ctx.t('signed')} {signed}; "
              f"{idn.locality} ({level})")
    if reg.applies_to is not None:
        # Whom the regulation binds, in its own words (Điều 1 khoản 2 of each preset).
        binds = "; ".join(reg.applies_to.subjects)
        ctx.print(f"{'Áp dụng đối với' if vi else 'Applies to'}: {binds} "
                  f"({reg.applies_to.citation.label(ctx.lang)})")
    ctx.print()
    ctx.print(f"{ctx.t('posts')} ({len(reg.posts)}):")
    ctx.table(
        [ctx.t("id"), ctx.t("role"), ctx.t("title"), ctx.t("holder")],
        [[p.id, word(p.role, "vi" if vi else "en"), _title_cell(p, vi), _holder_cell(p, vi)]
         for p in reg.posts],
    )
    if reg.working_groups or reg.bodies or reg.collectives:
        # The ids other commands take (convene --body, accountable ...), with the text's names.
        ctx.print()
        n = len(reg.working_groups) + len(reg.bodies) + len(reg.collectives)
        ctx.print(f"{'Tổ giúp việc và các chủ thể khác' if vi else 'Working groups and bodies'} "
                  f"({n}):")
        ctx.table(
            [ctx.t("id"), ctx.t("kind"), "tên" if vi else "name"],
            [[g.id, word(g.kind, "vi" if vi else "en"), _group_cell(g, vi)]
             for g in reg.working_groups]
            + [[b.id, ctx.t("body"), b.name] for b in reg.bodies]
            + [[c.id, "tập thể lãnh đạo" if vi else "leadership collective",
                f"{c.name} ({', '.join(c.posts)})"] for c in reg.collectives],
        )
    ctx.print()
    ctx.print(f"{ctx.t('rules')}:")
    for key, (aspect, subject_vi, subject_en, side) in facts(reg).items():
        if aspect in ("identity", "posts") or key.endswith(":depth"):
            continue
        if aspect == "monitoring" and key != "monitoring:annex":
            continue
        subject = subject_vi if vi else subject_en
        head = aspect_label(aspect, ctx.lang)
        label = f"{head}: {subject}" if subject else head
        ctx.print(f"  [{label}] {side.cited(ctx.lang)}")
    later = world.known_changes(reg)
    if later:
        ctx.print()
        ctx.print(f"{ctx.t('after_text')}:")
        for k in later:
            ctx.print(f"  - {k.explain(ctx.lang)}")
    return EXIT_ANSWER




def _cmd_compare(ctx: _Context) -> int:
    from steering.compare import compare  # noqa: PLC0415 - only this command needs it

    a = _common.load_regulation(ctx.args.a)
    b = _common.load_regulation(ctx.args.b)
    result = compare(a, b)
    if ctx.json:
        ctx.dump(result.to_dict(ctx.lang))
    elif ctx.args.details:
        ctx.print(result.explain(ctx.lang))
    else:
        _compare_summary(ctx, result)
    return EXIT_ANSWER


def _compare_summary(ctx: _Context, result: Any) -> None:
    """The head line, then how many differences each aspect has; details on request."""
    from steering.compare import aspect_label  # noqa: PLC0415

    vi = ctx.lang == "vi"
    ctx.print(result.explain(ctx.lang).split("\n", 1)[0])
    counts: dict[Any, list[int]] = {}
    for d in result:
        row = counts.setdefault(d.aspect, [0, 0, 0])
        row[("added", "removed", "changed").index(d.change.value)] += 1
    rows = [[aspect_label(aspect, ctx.lang), str(sum(n)), str(n[0]), str(n[1]), str(n[2])]
            for aspect, n in counts.items()]
    if rows:
        ctx.table(["khía cạnh" if vi else "aspect", "số điểm" if vi else "differences",
                   f"chỉ {result.b}" if vi else f"only {result.b}",
                   f"chỉ {result.a}" if vi else f"only {result.a}",
                   "khác nhau" if vi else "changed"], rows)
        a, b = ctx.args.a, ctx.args.b
        ctx.print(f"Xem từng điểm, có trích dẫn: steering compare {a} {b} --details" if vi
                  else f"Each difference, cited: steering --lang en compare {a} {b} --details")


def _cmd_coverage(ctx: _Context) -> int:
    from steering.coverage import coverage  # noqa: PLC0415 - only this command needs it

    result = coverage(_common.load_regulation(ctx.args.regulation))
    if ctx.json:
        ctx.dump(result.to_dict())
    else:
        rows = list(result.rows(only_gaps=ctx.args.gaps))
        lines = result.table(only_gaps=ctx.args.gaps).split("\n")
        ctx.print(lines[0])
        if rows:
            ctx.table(["unit", "status", "cited by", "text"], rows)
        for line in lines[1 + len(rows):]:
            ctx.print(line)
    return EXIT_NO_ANSWER if result.uncited() or result.wrong else EXIT_ANSWER


def _cmd_draft(ctx: _Context) -> int:
    from steering.draft import draft  # noqa: PLC0415 - only this command needs it
    from steering.intake import read_text  # noqa: PLC0415

    intake = read_text(ctx.args.text)
    for line in intake.notes:
        sys.stderr.write(f"{_PROG}: {line}\n")
    name = Path(ctx.args.text).name
    result = draft(intake.text, source_name=Path(name).with_suffix(".txt").name,
                   file_id=Path(name).stem)
    if ctx.args.output:
        from steering.schema import schema_text  # noqa: PLC0415

        _write(Path(ctx.args.output), result.text)
        schema = Path(ctx.args.output).parent / "regulation.schema.json"
        if not schema.exists():
            _write(schema, schema_text())
        if Path(name).suffix != ".txt" or intake.notes:
            _write(Path(ctx.args.output).parent / Path(name).with_suffix(".txt").name, intake.text)
    else:
        ctx.print(result.text.rstrip("\n"))
    return EXIT_NO_ANSWER if result.missing else EXIT_ANSWER


def _write(path: Path, text: str) -> None:
    try:
        path.write_text(text, encoding="utf-8")
    except OSError as e:
        raise UsageError(f"cannot write {str(path)!r}: {e.strerror or e}") from None


def _years(text: str | None) -> range:
    if not text:
        return range(0)
    m = re.fullmatch(r"([0-9]{4})(?:-([0-9]{4}))?", text)
    if m is None or int(m[2] or m[1]) < int(m[1]):
        raise UsageError(f"--years: found {text!r}; allowed: YYYY or YYYY-YYYY")
    first, last = int(m[1]), int(m[2] or m[1])
    if not 1901 <= first <= last <= 2100 or last - first > 10:
        raise UsageError(f"--years: found {text!r}; allowed: at most 11 years in 1901-2100")
    return range(first, last + 1)


def _cmd_table(ctx: _Context) -> int:
    from steering.cache import default_cache_dir  # noqa: PLC0415 - only this command
    from steering.registry import LoadFailure, Registry, load_many  # noqa: PLC0415

    a = ctx.args
    years = _years(a.years)
    cache = a.cache_dir or (default_cache_dir() if a.cache else None)
    loaded: list[Registry] = []
    failures: list[LoadFailure] = []
    for src in a.sources or ["presets"]:
        if src != "presets" and not Path(src).is_dir():
            one: Registry = load_many([src], cache_dir=cache)
        else:
            one = load_many(src, recursive=a.recursive, progress=a.progress,
                            cache_dir=None if src == "presets" else cache,
                            workers=a.workers)
        loaded.append(one)
        failures += one.failures
    for f in failures:
        print(visible(f.explain()), file=sys.stderr)
    if a.parquet:
        from steering.columnar import write_parquet  # noqa: PLC0415 - only with --parquet

        regs = [reg for one in loaded for reg in one.regulations]
        written = write_parquet(regs, a.parquet, lang=ctx.lang, years=years,
                                progress=a.progress)
        for name, path in written.items():
            ctx.print(f"{name}: {path}")
    else:
        # From a cache, the rows come from the store: no regulation is built.
        rows = tuple(row for one in loaded
                     for row in one.table(lang=ctx.lang, progress=a.progress))
        if ctx.json:
            ctx.dump({"regulations": list(rows),
                      "failures": [{"path": f.path, "problems": [
                          {"path": p.path, "message": p.message} for p in f.problems]}
                          for f in failures]})
        else:
            cols = ("id", "level", "locality", "posts", "head_substitute_ids",
                    "regular_meeting_periods")
            ctx.table(list(cols), [["-" if r[c] is None else str(r[c]) for c in cols]
                                   for r in rows])
    return EXIT_NO_ANSWER if failures else EXIT_ANSWER


def _cmd_validate(ctx: _Context) -> int:
    report: list[dict[str, Any]] = []
    for ref in ctx.args.files:
        problems: tuple[Problem, ...]
        name = str(presets.path(ref)) if ref in presets.names() else ref
        try:
            load_file(name)
            problems = ()
        except RegulationFileError as e:
            problems = e.problems or (Problem(path="", message=str(e), file=name),)
        report.append({
            "file": ref,
            "valid": not problems,
            "problems": [{"path": p.path, "message": p.message} for p in problems],
        })
    bad = sum(1 for r in report if not r["valid"])
    if ctx.json:
        ctx.dump(report)
    else:
        for r in report:
            n = len(r["problems"])
            if r["valid"]:
                ctx.print(f"{r['file']}: {ctx.t('valid')}")
                continue
            ctx.print(f"{r['file']}: {n} {ctx.t('problem' if n == 1 else 'problems')}")
            for p in r["problems"]:
                where = p["path"] or ctx.t("file")
                message = " ".join(p["message"].split())
                ctx.print(f"  - {where}: {_problem_vi(message) if ctx.lang == 'vi' else message}")
                if p["path"] == "source":
                    ctx.print(_source_hint(r["file"], ctx.lang))
    return EXIT_NO_ANSWER if bad else EXIT_ANSWER


#: The fixed phrases of the loader's and validator's messages, in Vietnamese.
_PROBLEM_VI = (
    (re.compile(r"^required key missing$"), "thiếu khóa bắt buộc"),
    (re.compile(r"^unknown key (.*); allowed keys: (.*)$"),
     r"khóa không hợp lệ \1; khóa được phép: \2"),
    (re.compile(r"^found (.*), which names no (.*); allowed: (.*)$"),
     r"gặp \1, không phải mã \2 nào; được phép: \3"),
    (re.compile(r"^found invalid TOML: (.*)$"), r"TOML không hợp lệ: \1"),
    (re.compile(r"^cannot read the file: (.*)$"), r"không đọc được tệp: \1"),
    (re.compile(r"^found (.*?); allowed: (.*)$"), r"gặp \1; được phép: \2"),
)


def _source_hint(file: str, lang: str) -> str:
    """How to copy a preset's source text beside a preset copied as a template."""
    folder = Path(file).parent / "sources"
    shipped = presets.path(presets.names()[0]).parent / "sources"
    if lang == "vi":
        return (f"    (tệp quy chế chép từ bộ có sẵn cần chép cả văn bản nguồn: chép tệp .txt "
                f"tương ứng trong {shipped} vào {folder}, hoặc sửa khóa 'source')")
    return (f"    (a preset copied as a template needs its source text too: copy the matching "
            f".txt from {shipped} into {folder}, or change the 'source' key)")


def _problem_vi(message: str) -> str:
    """A problem line's frame in Vietnamese; the values found and allowed stay as written."""
    for pattern, words in _PROBLEM_VI:
        if pattern.match(message):
            return pattern.sub(words, message, count=1)
    return message


_EXPORTS = ("popolo", "org-jsonld", "graphml", "mermaid", "dot")


def _cmd_export(ctx: _Context) -> int:
    a = ctx.args
    reg = _common.load_regulation(a.regulation)
    if a.format in ("popolo", "org-jsonld"):
        from steering.standards import to_org_jsonld, to_popolo  # noqa: PLC0415 - only here

        data = to_popolo(reg) if a.format == "popolo" else to_org_jsonld(reg, base=a.base)
        text = json_text(json.dumps(data, ensure_ascii=False, indent=2)) + "\n"
    else:
        graph = reg.authority()
        text = {"graphml": graph.to_graphml, "mermaid": graph.to_mermaid,
                "dot": graph.to_dot}[a.format]()
    if a.output:
        try:
            Path(a.output).write_text(text, encoding="utf-8")
        except OSError as e:
            raise UsageError(f"cannot write {a.output!r}: {e.strerror or e}") from None
    else:
        ctx.out.write(text)
    return EXIT_ANSWER


def _cmd_serve(ctx: _Context) -> int:
    a = ctx.args
    try:
        import uvicorn  # noqa: PLC0415 - the web extra is optional

        from steering import web  # noqa: PLC0415
    except ImportError:
        raise UsageError(
            "serve needs the 'web' extra: pip install -e '.[web]' (from a clone)"
        ) from None
    # Load once here so a bad folder fails now, in one line, before any worker starts.
    web.load_registry(a.dir, max_upload=a.max_upload)
    os.environ[web.ENV_DIR] = a.dir or ""
    os.environ[web.ENV_CORS] = ",".join(a.cors_origin or ())
    os.environ[web.ENV_MAX_UPLOAD] = str(a.max_upload)
    uvicorn.run("steering.web:app_from_env", factory=True, host=a.host, port=a.port,
                workers=a.workers, log_level="info")
    return EXIT_ANSWER
