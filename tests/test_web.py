"""The web API (``steering serve``), through an HTTP client against the app.

Every endpoint answers what the Python API answers (the ruling JSON of
``steering ... --json``), in both languages; bad input gets RFC 9457 problem
details with a 4xx status and no traceback; an upload over the limit is refused
before it is read; the OpenAPI document is valid and every answer fits it.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

pytest.importorskip("litestar", reason="the 'web' extra is not installed")
pytest.importorskip("httpx", reason="httpx not installed (dependency group 'test')")

from litestar.testing import TestClient

import steering
from steering.cli import jsonable, ruling_json
from steering.ics import to_ics
from steering.web import (
    ENV_CORS,
    ENV_DIR,
    ConfigError,
    RulingAnswer,
    app_from_env,
    create_app,
    load_registry,
    unstructure_value,
)

EXAMPLES = Path(__file__).resolve().parent.parent / "docs" / "examples"
PROBLEM_KEYS = {"type", "title", "status", "detail", "instance"}


@pytest.fixture(scope="module")
def client() -> Iterator[TestClient[Any]]:
    with TestClient(create_app()) as c:
        yield c


@pytest.fixture(scope="module")
def openapi(client: TestClient[Any]) -> dict[str, Any]:
    doc: dict[str, Any] = client.get("/openapi.json").json()
    return doc


def _fits(doc: dict[str, Any], component: str, value: Any) -> None:
    """``value`` is valid against a component schema of the OpenAPI document."""
    from jsonschema import Draft202012Validator

    schema = {**doc, "$ref": f"#/components/schemas/{component}"}
    errors = sorted(Draft202012Validator(schema).iter_errors(value), key=str)
    assert not errors, "\n".join(f"{list(e.absolute_path)}: {e.message}" for e in errors[:5])


def _problem(r: Any, status: int) -> dict[str, Any]:
    assert r.status_code == status, r.text
    assert r.headers["content-type"].startswith("application/problem+json")
    body: dict[str, Any] = r.json()
    assert set(body) >= PROBLEM_KEYS
    assert body["status"] == status
    assert "Traceback" not in r.text
    assert 'File "' not in r.text
    return body


# -- every query answers what the Python API answers ------------------------------------

DAK = "dak-nong-2021"
THANH_HOA = "thanh-hoa-2021"

# (regulation, endpoint, query, the same question through the Python API)
QUERIES: list[tuple[str, str, dict[str, Any], Any]] = [
    # Đắk Nông Điều 5 khoản 1, Điều 6 khoản 1: head and standing deputy away -> the deputies.
    (DAK, "acting-for", {"post": "head", "absent": "head,standing_deputy"},
     lambda g: g.acting_for("head", absent={"head", "standing_deputy"})),
    (DAK, "acting-for", {"post": "head", "on": "2024-05-02"},
     lambda g: g.acting_for("head", absent={"head"}, on=dt.date(2024, 5, 2))),
    # Đắk Nông Điều 13 khoản 4: the deputy from Sở TT&TT uses that department's seal.
    (DAK, "seal-for", {"post": "deputy_tttt"}, lambda g: g.seal_for("deputy_tttt")),
    (DAK, "signature-block", {"post": "head", "absent": "head"},
     lambda g: g.signature_block("head", absent={"head"})),
    (DAK, "accountable-to", {"post": "deputy_tttt"}, lambda g: g.accountable_to("deputy_tttt")),
    (DAK, "accountable-to", {"post": "member", "transitive": "true"},
     lambda g: g.accountable_to("member", transitive=True)),
    (DAK, "reports-to", {"post": "standing_agency"}, lambda g: g.reports_to("standing_agency")),
    (DAK, "conveners", {"kind": "regular"}, lambda g: g.conveners("regular")),
    (DAK, "conveners", {"kind": "regular", "body": "to_giup_viec"},
     lambda g: g.conveners("regular", body="to_giup_viec")),
    (DAK, "proxy", {"post": "member"}, lambda g: g.proxy("member")),
    # Thanh Hóa 2021 annex: members follow districts and sectors.
    (THANH_HOA, "monitor-of", {"locality_or_sector": "Đông Sơn"},
     lambda g: g.monitor_of("Đông Sơn")),
    (THANH_HOA, "monitored-by", {"post": "member"}, lambda g: g.monitored_by("member")),
    # After 01/07/2025 the district-level unit no longer exists (steering.world): not decided.
    (THANH_HOA, "monitor-of", {"locality_or_sector": "Đông Sơn", "on": "2026-01-01"},
     lambda g: g.monitor_of("Đông Sơn", on=dt.date(2026, 1, 1))),
    # Đắk Nông names one standing agency, and no notice period and no procedures.
    (DAK, "standing-agency", {}, lambda g: g.standing_agency()),
    (DAK, "notice", {"meeting_day": "2026-11-18"}, lambda g: g.notice_for("2026-11-18")),
    (DAK, "procedure", {"kind": "written_opinion"}, lambda g: g.procedure("written_opinion")),
]


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize(("reg_id", "endpoint", "params", "ask"), QUERIES,
                         ids=[f"{q[1]}-{i}" for i, q in enumerate(QUERIES)])
def test_query_answers_like_the_python_api(  # noqa: PLR0917 - parametrised
    client: TestClient[Any], openapi: dict[str, Any], lang: str,
    reg_id: str, endpoint: str, params: dict[str, Any], ask: Any,
) -> None:
    reg = steering.presets.load(reg_id)
    expected = json.loads(json.dumps(ruling_json(ask(reg.authority()), reg, lang)))
    r = client.get(f"/regulations/{reg_id}/{endpoint}", params={**params, "lang": lang})
    assert r.status_code == 200, r.text
    assert r.json() == expected
    assert r.json()["explanation"] == ask(reg.authority()).explain(lang)
    _fits(openapi, "RulingAnswer", r.json())


def test_accept_language_chooses_the_explanation(client: TestClient[Any]) -> None:
    reg = steering.presets.load(DAK)
    ruling = reg.authority().acting_for("head", absent={"head"})
    url = f"/regulations/{DAK}/acting-for?post=head"
    cases = {
        None: "vi",  # the default
        "en-GB,en;q=0.9": "en",
        "fr-FR, vi;q=0.4, en;q=0.3": "vi",
        "fr, en;q=0.8, vi;q=0.5": "en",
        "de": "vi",
    }
    for header, lang in cases.items():
        headers = {"Accept-Language": header} if header else {}
        assert client.get(url, headers=headers).json()["explanation"] == ruling.explain(lang)
    # ?lang= wins over the header.
    r = client.get(url + "&lang=vi", headers={"Accept-Language": "en"})
    assert r.json()["explanation"] == ruling.explain("vi")


def test_absent_may_be_repeated_or_comma_separated(client: TestClient[Any]) -> None:
    url = f"/regulations/{DAK}/acting-for"
    a = client.get(url, params=[("post", "head"), ("absent", "head"),
                                ("absent", "standing_deputy")]).json()
    b = client.get(url, params={"post": "head", "absent": "head, standing_deputy"}).json()
    assert a == b
    assert a["answer"] == ["deputy_tttt", "deputy_vpubnd"]


_DAK_POSTS = [p.id for p in steering.presets.load(DAK).posts]


@given(absent=st.sets(st.sampled_from(_DAK_POSTS)), post=st.sampled_from(_DAK_POSTS))
def test_acting_for_matches_for_any_absences(
    client: TestClient[Any], absent: set[str], post: str,
) -> None:
    reg = steering.presets.load(DAK)
    r = client.get(f"/regulations/{DAK}/acting-for",
                   params=[("post", post), *(("absent", a) for a in sorted(absent))]
                   if absent else {"post": post})
    away = absent or {post}
    assert r.json() == json.loads(json.dumps(
        ruling_json(reg.authority().acting_for(post, absent=away), reg, "vi")))


_REGISTRY = load_registry()


def test_ruling_answer_mirrors_the_ruling() -> None:
    """The documented answer type has the ruling's fields (its reasons typed), the
    explanation and the names."""
    import attrs

    ruling = {f.name for f in attrs.fields(steering.Ruling)}
    answer = {f.name for f in attrs.fields(RulingAnswer)}
    assert answer == ruling | {"explanation", "names"}


# -- regulations, calendars, compare, table ---------------------------------------------


def test_health(client: TestClient[Any]) -> None:
    r = client.get("/health")
    assert r.status_code == 200
    assert r.json() == {"status": "ok", "version": steering.__version__,
                        "regulations": len(steering.presets.names())}


def test_list_and_show(client: TestClient[Any], openapi: dict[str, Any]) -> None:
    listing = client.get("/regulations").json()
    assert [r["id"] for r in listing] == list(steering.presets.names())
    dak = next(r for r in listing if r["id"] == DAK)
    assert dak["decision_number"] == "2044/QĐ-BCĐ"
    assert dak["origin"] == "preset"
    _fits(openapi, "RegulationSummary", dak)
    for pid in steering.presets.names():
        shown = client.get(f"/regulations/{pid}").json()
        assert shown == json.loads(json.dumps(unstructure_value(steering.presets.load(pid))))
        _fits(openapi, "Regulation", shown)


def test_calendar_json_and_ics(client: TestClient[Any], openapi: dict[str, Any]) -> None:
    reg = steering.presets.load(DAK)
    start, end = dt.date(2024, 1, 1), dt.date(2024, 12, 31)
    r = client.get(f"/regulations/{DAK}/calendar", params={"start": "2024-01-01",
                                                           "end": "2024-12-31"})
    assert r.status_code == 200
    body = r.json()
    occurrences = reg.calendar(start, end)
    assert body["occurrences"] == json.loads(json.dumps([jsonable(o) for o in occurrences]))
    assert body["in_force_from"] == "2021-11-25"  # in force from signing, 25/11/2021
    assert len(body["occurrences"]) > 0
    _fits(openapi, "CalendarAnswer", body)
    ics = client.get(f"/regulations/{DAK}/calendar.ics",
                     params={"start": "2024-01-01", "end": "2024-12-31"})
    assert ics.status_code == 200
    assert ics.headers["content-type"].startswith("text/calendar")
    assert ics.content == to_ics(occurrences, regulation=reg)


def test_compare_and_table(client: TestClient[Any], openapi: dict[str, Any]) -> None:
    a, b = steering.presets.load("thanh-hoa-2021"), steering.presets.load("thanh-hoa-2024")
    for lang in ("vi", "en"):
        r = client.get("/compare", params={"a": a.id, "b": b.id, "lang": lang})
        result = steering.compare(a, b)
        assert r.json()["count"] == len(result) > 0
        assert r.json()["differences"] == json.loads(json.dumps(jsonable(list(
            result.rows(lang)))))
        _fits(openapi, "ComparisonAnswer", r.json())
        t = client.get("/table", params={"regulation": f"{a.id},{b.id}", "lang": lang})
        assert t.json()["rows"] == json.loads(json.dumps(jsonable(list(
            steering.table([a, b], lang=lang)))))
    everything = client.get("/table").json()["rows"]
    assert [row["id"] for row in everything] == list(steering.presets.names())


# -- uploads -----------------------------------------------------------------------------


def test_validate_a_valid_upload(client: TestClient[Any]) -> None:
    data = steering.presets.path(DAK).read_bytes()
    r = client.post("/validate", content=data, headers={"Content-Type": "application/toml"})
    assert r.status_code == 200, r.text
    assert r.json() == {"valid": True, "regulation": DAK,
                        "title": steering.presets.load(DAK).identity.title, "bytes": len(data)}


def test_an_upload_names_no_file_that_is_read(client: TestClient[Any]) -> None:
    # A regulation naming a source text: an upload has no folder, so nothing is read
    # (had the file been read, its quotes would not match and validation would fail).
    text = steering.presets.path(DAK).read_text(encoding="utf-8")
    text = text.replace('source = "', 'source = "../../../../etc/passwd#', 1)
    assert "etc/passwd" in text
    r = client.post("/validate", content=text.encode())
    assert r.status_code == 200, r.text


def test_validate_an_invalid_upload(client: TestClient[Any]) -> None:
    body = _problem(client.post("/validate", content=b"id = 'x'\n[identity]\n"), 422)
    assert body["problems"]
    assert all({"path", "message"} == set(p) for p in body["problems"])
    bad = _problem(client.post("/validate", content=b"= not toml ="), 422)
    assert "invalid TOML" in bad["problems"][0]["message"]
    _problem(client.post("/validate", content=b"\xff\xfe\x00"), 422)


def test_an_upload_over_the_limit_is_refused() -> None:
    with TestClient(create_app(max_upload=1000)) as c:
        # Declared too large: refused from the header, before the body is read.
        r = c.post("/validate", content=b"x" * 1001)
        body = _problem(r, 413)
        assert "1000" in body["detail"]

        # Streamed without a length: refused once the limit is passed.
        def chunks() -> Iterator[bytes]:
            for _ in range(100):
                yield b"#" * 100

        _problem(c.post("/validate", content=chunks()), 413)
        assert c.post("/validate", content=b"# small\n").status_code == 422


# -- bad input ---------------------------------------------------------------------------


@pytest.mark.parametrize(("url", "status", "kind"), [
    ("/regulations/no-such", 404, "unknown-regulation"),
    ("/regulations/no-such/acting-for?post=head", 404, "unknown-regulation"),
    (f"/regulations/{DAK}/acting-for?post=nobody", 404, "unknown-post"),
    (f"/regulations/{DAK}/acting-for?post=head&absent=ghost", 404, "unknown-post"),
    (f"/regulations/{DAK}/acting-for", 400, "bad-argument"),
    (f"/regulations/{DAK}/acting-for?post=head&on=31/12/2024", 400, "bad-argument"),
    (f"/regulations/{DAK}/acting-for?post=head&lang=fr", 400, "bad-argument"),
    (f"/regulations/{DAK}/conveners?kind=weekly", 400, "bad-argument"),
    (f"/regulations/{DAK}/conveners?kind=regular&body=nowhere", 404, "unknown-id"),
    (f"/regulations/{DAK}/accountable-to?post=head&transitive=maybe", 400, "bad-argument"),
    (f"/regulations/{DAK}/calendar?start=2024-12-31&end=2024-01-01", 400, "bad-argument"),
    (f"/regulations/{DAK}/calendar?start=1900-01-01&end=2100-12-31", 400, "bad-argument"),
    (f"/regulations/{DAK}/calendar.ics?start=2024-01-01", 400, "bad-argument"),
    ("/compare?a=dak-nong-2021&b=nope", 404, "unknown-regulation"),
    ("/table?regulation=nope", 404, "unknown-regulation"),
    ("/no/such/endpoint", 404, "not-found"),
])
def test_bad_input_gets_problem_details(
    client: TestClient[Any], openapi: dict[str, Any], url: str, status: int, kind: str,
) -> None:
    body = _problem(client.get(url), status)
    assert body["type"].endswith(kind)
    assert body["instance"] == url.split("?", maxsplit=1)[0]
    assert body["detail"]
    _fits(openapi, "ProblemDetails", body)


def test_wrong_method_gets_problem_details(client: TestClient[Any]) -> None:
    _problem(client.delete("/regulations"), 405)
    _problem(client.get("/validate"), 405)


def test_an_unexpected_error_shows_no_traceback(monkeypatch: pytest.MonkeyPatch) -> None:
    import steering.web._routes

    def boom(*_: Any) -> Any:
        raise RuntimeError("secret internals")

    monkeypatch.setattr(steering.web._routes, "ruling_json", boom)
    with TestClient(create_app(registry=_REGISTRY)) as c:
        body = _problem(c.get(f"/regulations/{DAK}/acting-for?post=head"), 500)
    assert "secret" not in json.dumps(body)


# -- OpenAPI, CORS, configuration ---------------------------------------------------------


def test_openapi_document_is_valid(client: TestClient[Any], openapi: dict[str, Any]) -> None:
    from openapi_spec_validator import validate

    validate(openapi)
    assert openapi["openapi"].startswith("3.1")
    paths = set(openapi["paths"])
    for endpoint in ("acting-for", "seal-for", "signature-block", "accountable-to",
                     "reports-to", "conveners", "proxy", "monitor-of", "monitored-by",
                     "calendar", "calendar.ics"):
        assert f"/regulations/{{regulation}}/{endpoint}" in paths
    assert {"/health", "/regulations", "/regulations/{regulation}", "/compare", "/table",
            "/validate"} <= paths
    # The library's own types are the schema: a citation is steering.Citation's fields.
    import attrs

    cit = openapi["components"]["schemas"]["Citation"]["properties"]
    assert set(cit) == {f.name for f in attrs.fields(steering.Citation)}
    assert client.get("/docs/openapi.json").json() == openapi
    docs = client.get("/docs")
    assert docs.status_code == 200
    assert "swagger" in docs.text.lower()


def test_cors_is_off_unless_configured() -> None:
    origin = {"Origin": "https://app.example.gov.vn"}
    with TestClient(create_app(registry=_REGISTRY)) as c:
        r = c.get("/health", headers=origin)
        assert "access-control-allow-origin" not in r.headers
    app = create_app(registry=_REGISTRY, cors_origins=["https://app.example.gov.vn"])
    with TestClient(app) as c:
        r = c.get("/health", headers=origin)
        assert r.headers["access-control-allow-origin"] == "https://app.example.gov.vn"
        pre = c.options("/regulations", headers={**origin,
                                                 "Access-Control-Request-Method": "GET"})
        assert pre.status_code in (200, 204)
        other = c.get("/health", headers={"Origin": "https://evil.example"})
        assert other.headers.get("access-control-allow-origin") != "https://evil.example"


def _folder(tmp_path: Path) -> Path:
    tmp_path.mkdir(exist_ok=True)
    for name in ("minh-son-2025.toml", "minh-son-2025.txt"):
        shutil.copy(EXAMPLES / name, tmp_path / name)
    return tmp_path


def test_a_folder_the_operator_names(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = _folder(tmp_path)
    monkeypatch.setenv(ENV_DIR, str(folder))
    monkeypatch.setenv(ENV_CORS, "")
    with TestClient(app_from_env()) as c:
        listing = c.get("/regulations").json()
        assert listing[-1]["id"] == "minh-son-2025"
        assert listing[-1]["origin"] == "folder"
        reg = steering.load(folder / "minh-son-2025.toml")
        r = c.get("/regulations/minh-son-2025/acting-for", params={"post": "head"})
        assert r.json() == json.loads(json.dumps(ruling_json(
            reg.authority().acting_for("head", absent={"head"}), reg, "vi")))


def test_a_folder_that_cannot_be_served(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="not a folder"):
        load_registry(tmp_path / "missing")
    clash = _folder(tmp_path / "clash")
    toml = clash / "minh-son-2025.toml"
    toml.write_text(toml.read_text(encoding="utf-8").replace(
        'id = "minh-son-2025"', f'id = "{DAK}"', 1), encoding="utf-8")
    with pytest.raises(ConfigError, match="already taken"):
        load_registry(clash)
    outside = tmp_path / "outside"
    outside.mkdir()
    shutil.copy(EXAMPLES / "minh-son-2025.toml", outside / "elsewhere.toml")
    linked = tmp_path / "linked"
    linked.mkdir()
    (linked / "link.toml").symlink_to(outside / "elsewhere.toml")
    with pytest.raises(ConfigError, match="outside"):
        load_registry(linked)
    odd = tmp_path / "odd"
    (odd / "folder.toml").mkdir(parents=True)
    with pytest.raises(ConfigError, match="not a regular file"):
        load_registry(odd)
    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / "bad.toml").write_text("id = 'x'\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"bad\.toml"):
        load_registry(broken)


# -- steering serve, with uvicorn, on loopback --------------------------------------------


def test_serve_runs_uvicorn_with_two_workers_on_loopback(tmp_path: Path) -> None:
    import os
    import socket
    import subprocess
    import sys
    import time
    import urllib.request

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    src = str(Path(__file__).resolve().parent.parent / "src")
    env = {**os.environ, "PYTHONPATH": src + os.pathsep + os.environ.get("PYTHONPATH", "")}
    cmd = [sys.executable, "-m", "steering", "serve", "--host", "127.0.0.1", "--port",
           str(port), "--workers", "2", "--dir", str(_folder(tmp_path / "regs"))]
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        body = None
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and body is None:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=2) as r:
                    body = json.loads(r.read())
            except OSError:
                time.sleep(0.3)
        assert body == {"status": "ok", "version": steering.__version__,
                        "regulations": len(steering.presets.names()) + 1}
    finally:
        proc.terminate()
        _, err = proc.communicate(timeout=30)
    assert b"Traceback" not in err


def test_a_role_id_is_answered_with_the_posts_to_ask(client: TestClient[Any]) -> None:
    # One ruling per request: a role id ("member") gets the posts of that role to ask for.
    r = client.get("/regulations/thanh-hoa-2024/accountable-to", params={"post": "member"})
    assert r.status_code == 404
    detail = r.json()["detail"]
    assert "is a role id" in detail
    assert "member_so_tttt" in detail
