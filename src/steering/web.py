"""A read-only HTTP API over regulations: ``steering serve`` (needs the ``web`` extra).

Every query of the Python API is an endpoint with the same parameters; answers
are the machine form the command line prints with ``--json`` (the ruling's
fields, its citations, and its explanation in the language asked), so a program
in any language gets what a Python caller gets. The regulations are loaded once,
at startup, from the shipped presets and from one folder the operator names; no
request names a path, nothing is written, and every worker holds the same
read-only data, so the service scales out behind any load balancer.

Framework: `Litestar <https://litestar.dev>`_, because it generates the OpenAPI
3.1 document from attrs classes (its ``AttrsSchemaPlugin``, enabled whenever
attrs is installed), which are the library's own types: the schema of a
ruling's citation, seal or signing form is the class the Python API returns.
It runs on any ASGI server; ``steering serve`` uses uvicorn with several workers.

Errors are RFC 9457 problem details (``application/problem+json`` with
``type``, ``title``, ``status``, ``detail`` and ``instance``), never a traceback:

| Error | Status |
| --- | --- |
| unknown regulation, post or other id | 404 |
| bad argument ([`QueryError`][steering.errors.QueryError], a malformed parameter) | 400 |
| uploaded file is not a valid regulation | 422 |
| upload larger than the limit | 413 |
| anything unexpected | 500 |
"""

from __future__ import annotations

import datetime as dt
import http
import logging
import os
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Annotated, Any, TypeVar, cast

import attrs
import pendulum

try:
    from litestar import Litestar, Request, Response, get, post
    from litestar.concurrency import sync_to_thread
    from litestar.config.cors import CORSConfig
    from litestar.datastructures import State
    from litestar.exceptions import HTTPException, ValidationException
    from litestar.openapi import OpenAPIConfig, ResponseSpec
    from litestar.openapi.plugins import SwaggerRenderPlugin
    from litestar.openapi.spec import OpenAPIFormat, OpenAPIType, Schema
    from litestar.params import HeaderParameter, Parameter, QueryParameter
    from litestar.plugins import OpenAPISchemaPlugin
    from litestar.typing import FieldDefinition
except ImportError as e:  # pragma: no cover - exercised only without the extra
    raise ImportError(
        "steering.web needs the 'web' extra: pip install -e '.[web]' (from a clone)"
    ) from e

from steering import __version__, presets
from steering.cli import jsonable, ruling_json
from steering.compare import compare, table
from steering.errors import (
    Problem,
    QueryError,
    RegulationFileError,
    SteeringError,
    UnknownIdError,
    UnknownPostError,
)
from steering.loader import MAX_BYTES, load, loads
from steering.regulation import PartialDate, Regulation
from steering.rules import (
    AttendanceCondition,
    Cadence,
    Citation,
    Delegation,
    Period,
    Seal,
    SigningForm,
)
from steering.ruling import LANGS, Question, Ruling, Status
from steering.schedule import CalendarGap, Occurrence, calendar_gaps
from steering.world import Change

__all__ = [
    "MAX_CALENDAR_DAYS",
    "MAX_FOLDER_FILES",
    "CalendarAnswer",
    "ComparisonAnswer",
    "ConfigError",
    "ParameterError",
    "ProblemDetails",
    "ProblemItem",
    "Registry",
    "RegulationSummary",
    "RulingAnswer",
    "TableAnswer",
    "UnknownRegulationError",
    "UploadTooLargeError",
    "ValidationAnswer",
    "app_from_env",
    "create_app",
    "load_registry",
    "unstructure_value",
]

_log = logging.getLogger("steering.web")
_T = TypeVar("_T")

#: The longest calendar range one request may ask for, in days (about ten years).
MAX_CALENDAR_DAYS = 3660

#: The most regulation files a served folder may hold (the 2025 structure has 3,321 communes).
MAX_FOLDER_FILES = 20_000

#: Environment variables ``steering serve`` passes to each worker.
ENV_DIR = "STEERING_SERVE_DIR"
ENV_CORS = "STEERING_SERVE_CORS"
ENV_MAX_UPLOAD = "STEERING_SERVE_MAX_UPLOAD"

_PROBLEM = "application/problem+json"
_TYPE = "urn:steering:problem:"


class ConfigError(SteeringError, ValueError):
    """The service cannot start: the regulation folder is missing, unreadable or clashes."""


class UnknownRegulationError(UnknownIdError):
    """No regulation the service holds has this id."""

    def __init__(self, found: str, allowed: Iterable[str]) -> None:
        super().__init__("regulation", found, allowed)


class UploadTooLargeError(SteeringError, ValueError):
    """An uploaded file is larger than the service accepts."""

    def __init__(self, limit: int, found: int | None) -> None:
        self.limit = limit
        size = f"{found} bytes" if found is not None else f"more than {limit} bytes"
        super().__init__(f"found {size}; allowed: at most {limit} bytes")


# ----------------------------------------------------------------- answer types


@attrs.frozen(kw_only=True)
class CaveatAnswer:
    """A caveat of steering.world, with its explanation in the language asked for."""

    kind: str
    since: dt.date
    decisive: bool
    change: Change | None = None
    successor: str = ""
    explanation: str


@attrs.frozen(kw_only=True)
class RulingAnswer:
    """A ruling as the API and ``steering ... --json`` give it.

    The fields of [`steering.Ruling`][steering.ruling.Ruling] (without its two cached texts), the
    explanation in the language asked, and the regulation's names for every id
    the answer mentions.
    """

    question: Question
    subject: str
    status: Status
    answer: tuple[str, ...] = ()
    citations: tuple[Citation, ...] = ()
    chain: tuple[str, ...] = ()
    absent: frozenset[str] = frozenset()
    on: dt.date | None = None
    seal: Seal | None = None
    signing_form: SigningForm | None = None
    documents: tuple[str, ...] = ()
    lines: tuple[str, ...] = ()
    allowed: bool | None = None
    conditions: tuple[AttendanceCondition, ...] = ()
    absence_conditions: tuple[AttendanceCondition, ...] = ()
    on_proposal_of: tuple[str, ...] = ()
    targets: tuple[str, ...] = ()
    delegation: Delegation | None = None
    unordered: bool = False
    candidates: tuple[str, ...] = ()
    caveats: tuple[CaveatAnswer, ...] = ()
    explanation: str
    names: dict[str, str] = attrs.Factory(dict)


@attrs.frozen(kw_only=True)
class RegulationSummary:
    """One regulation the service holds."""

    id: str
    title: str
    locality: str
    province: str
    level: str
    decision_number: str
    signed: str
    origin: str  # "preset" or "folder"


@attrs.frozen(kw_only=True)
class CalendarAnswer:
    """Dated meetings and report deadlines in a range, and what the regulation leaves undated."""

    regulation: str
    start: dt.date
    end: dt.date
    in_force_from: dt.date | None
    occurrences: tuple[Occurrence, ...]
    gaps: tuple[CalendarGap, ...]


@attrs.frozen(kw_only=True)
class ComparisonAnswer:
    """Every structural difference between two regulations (``steering compare --json``)."""

    a: str
    b: str
    count: int
    differences: tuple[dict[str, Any], ...]


@attrs.frozen(kw_only=True)
class TableAnswer:
    """Regulations side by side, one row each ([`steering.table`][steering.compare.table])."""

    rows: tuple[dict[str, Any], ...]


@attrs.frozen(kw_only=True)
class ValidationAnswer:
    """An uploaded regulation that is valid."""

    valid: bool
    regulation: str
    title: str
    bytes: int


@attrs.frozen(kw_only=True)
class ProblemItem:
    """One problem of an uploaded file: where in it, and what is wrong."""

    path: str
    message: str


@attrs.frozen(kw_only=True)
class ParameterError:
    """One request parameter that could not be read: its name, and why."""

    key: str
    message: str


@attrs.frozen(kw_only=True)
class ProblemDetails:
    """An error, as RFC 9457 problem details (``application/problem+json``).

    ``problems`` lists an uploaded file's problems (422); ``errors`` the request
    parameters that could not be read (400).
    """

    type: str
    title: str
    status: int
    detail: str
    instance: str
    problems: tuple[ProblemItem, ...] = ()
    errors: tuple[ParameterError, ...] = ()


class _WrittenFormSchema(OpenAPISchemaPlugin):
    """The schema of the values the library writes in a short form.

    A [`PartialDate`][steering.regulation.PartialDate] is written ``"2024-08"``, a
    [`Cadence`][steering.rules.Cadence] ``"quarterly"`` or ``{period, times}``
    ([`steering.schema`][steering.schema] describes the same forms for files), and the
    calendar's pendulum dates are ISO dates.
    """

    @staticmethod
    def is_plugin_supported_type(value: Any) -> bool:
        return value in (PartialDate, Cadence, pendulum.Date)

    def to_openapi_schema(self, field_definition: FieldDefinition,
                          schema_creator: Any) -> Schema:
        if field_definition.annotation is pendulum.Date:
            return Schema(type=OpenAPIType.STRING, format=OpenAPIFormat.DATE)
        if field_definition.annotation is PartialDate:
            return Schema(type=OpenAPIType.STRING, pattern=r"^[0-9]{4}(-[0-9]{2}){0,2}$",
                          description="A date, possibly partial: YYYY, YYYY-MM or YYYY-MM-DD")
        words = sorted(str(unstructure_value(Cadence(p))) for p in Period)
        return Schema(one_of=[
            Schema(type=OpenAPIType.STRING, enum=words),
            Schema(type=OpenAPIType.OBJECT, required=["period", "times"], properties={
                "period": Schema(type=OpenAPIType.STRING, enum=[p.value for p in Period]),
                "times": Schema(type=OpenAPIType.INTEGER, minimum=1),
            }),
        ], description="How often: a word (once per period) or {period, times}")


def unstructure_value(value: Any) -> Any:
    """A model value in the regulation format's plain data (the CLI's ``show --json``)."""
    from steering._convert import unstructure  # noqa: PLC0415 - the one serialiser of files

    return unstructure(value)


# ----------------------------------------------------------------- the regulations


@attrs.frozen
class Registry:
    """The regulations the service answers about, loaded once and never changed."""

    regulations: Mapping[str, Regulation]
    origins: Mapping[str, str]
    max_upload: int = MAX_BYTES

    def get(self, reg_id: str) -> Regulation:
        """The regulation with this id.

        Raises:
            UnknownRegulationError: No regulation has it.

        """
        reg = self.regulations.get(reg_id)
        if reg is None:
            raise UnknownRegulationError(reg_id, self.regulations)
        return reg


def load_registry(folder: str | os.PathLike[str] | None = None, *,
                  max_upload: int = MAX_BYTES) -> Registry:
    """The presets, and every ``*.toml`` regulation directly inside ``folder``.

    Raises:
        ConfigError: ``folder`` is not a readable folder; it holds more than
            `MAX_FOLDER_FILES` files, a link out of it, or
            something that is
            not a regular file; one of its files is not a valid regulation (naming
            the file and its first problem); or two regulations share an id.

    """
    regs: dict[str, Regulation] = {pid: presets.load(pid) for pid in presets.names()}
    origins = dict.fromkeys(regs, "preset")
    if folder is not None:
        root = Path(folder)
        if not root.is_dir():
            raise ConfigError(f"{str(root)!r} is not a folder; allowed: a folder of "
                              "regulation files (*.toml)")
        try:
            base = root.resolve()
            files = sorted(root.glob("*.toml"))
        except OSError as e:
            raise ConfigError(f"cannot read {str(root)!r}: {e.strerror or e}") from None
        if len(files) > MAX_FOLDER_FILES:
            raise ConfigError(f"{root}: found {len(files)} regulation files; allowed: at most "
                              f"{MAX_FOLDER_FILES}")
        for path in files:
            # Regular files inside the folder only: a link out of it, a directory or a
            # pipe named *.toml is refused (a pipe would block the read).
            target = path.resolve()
            if not target.is_relative_to(base):
                raise ConfigError(f"{path}: links to {str(target)!r}, outside {str(base)!r}; "
                                  "allowed: files inside the folder")
            if not target.is_file():
                raise ConfigError(f"{path}: not a regular file; allowed: regulation files")
            try:
                reg = load(path)
            except RegulationFileError as e:
                first = e.problems[0] if e.problems else Problem(path="", message=str(e))
                where = f"{first.path}: " if first.path else ""
                raise ConfigError(f"{path}: {where}{first.message} "
                                  f"({len(e.problems)} problem(s))") from None
            if reg.id in regs:
                raise ConfigError(f"{path}: regulation id {reg.id!r} is already taken by "
                                  f"{'a preset' if origins[reg.id] == 'preset' else 'a file'}; "
                                  "allowed: an id no other regulation has")
            regs[reg.id] = reg
            origins[reg.id] = "folder"
    if max_upload < 1:
        raise ConfigError(f"found an upload limit of {max_upload}; allowed: at least 1 byte")
    return Registry(regulations=regs, origins=origins, max_upload=max_upload)


# ----------------------------------------------------------------- requests


def _registry(request: Request[Any, Any, Any]) -> Registry:
    registry: Registry = request.app.state.registry
    return registry


def _lang(lang: str | None, accept_language: str | None) -> str:
    """``?lang=`` if given, else the best of ``Accept-Language`` we speak, else Vietnamese."""
    if lang is not None:
        if lang not in LANGS:
            raise QueryError(f"found lang={lang!r}; allowed: {', '.join(LANGS)}")
        return lang
    best: tuple[float, int, str] | None = None
    for i, part in enumerate((accept_language or "").split(",")):
        tag, _, params = part.strip().partition(";")
        primary = tag.strip().lower().split("-")[0]
        if primary not in LANGS:
            continue
        q = 1.0
        for p in params.split(";"):
            key, _, value = p.strip().partition("=")
            if key == "q":
                try:
                    q = float(value)
                except ValueError:
                    q = 0.0
        if q > 0 and (best is None or (q, -i) > (best[0], best[1])):
            best = (q, -i, primary)
    return best[2] if best is not None else "vi"


def _ids(values: Sequence[str] | None) -> frozenset[str]:
    """Ids given repeated (``absent=a&absent=b``) or comma-separated (``absent=a,b``)."""
    return frozenset(x.strip() for v in values or () for x in v.split(",") if x.strip())


def _json(content: Any, documented_as: type[_T]) -> Response[_T]:
    """A JSON response of data already in its machine form; ``documented_as`` is its schema."""
    return cast("Response[_T]", Response(content=content))


def _answer(ruling: Ruling, reg: Regulation, lang: str) -> Response[RulingAnswer]:
    return _json(ruling_json(ruling, reg, lang), RulingAnswer)


_Lang = Annotated[str | None, QueryParameter(
    name="lang", required=False,
    description="Language of the explanation: vi or en (overrides Accept-Language)")]
_AcceptLanguage = Annotated[str | None, HeaderParameter(
    name="Accept-Language", required=False, description="vi or en; the default is vi")]
_REG = Parameter(description="A regulation id (see GET /regulations)")
_Post = Annotated[str, QueryParameter(
    description="A post id, e.g. head (see GET /regulations/{regulation})")]
_On = Annotated[dt.date | None, QueryParameter(
    required=False, description="The date asked about (YYYY-MM-DD)")]
_Document = Annotated[str | None, QueryParameter(
    required=False, description="The kind of document (as the regulation names it)")]
_Transitive = Annotated[bool, QueryParameter(
    required=False, description="Follow the relation upward (default: false)")]
_Start = Annotated[dt.date, QueryParameter(description="First day (YYYY-MM-DD), included")]
_End = Annotated[dt.date, QueryParameter(description="Last day (YYYY-MM-DD), included")]
_RegId = Annotated[str, QueryParameter(description="A regulation id (see GET /regulations)")]
# "body" is the request body's name in Litestar: the query parameter keeps the API's name.
_Body = Annotated[str, QueryParameter(
    name="body", required=False, description="'committee' (default) or a working group id")]

_ABSENT_SELF = Parameter(
    default=None, required=False,
    description="Absent post ids, repeated or comma-separated (default: the post itself)")
_ABSENT = Parameter(default=None, required=False,
                    description="Absent post ids, repeated or comma-separated (default: none)")
_KIND = Parameter(description="regular, extraordinary or expanded")
_Collective = Annotated[str, QueryParameter(
    name="collective", description="The collective's id, e.g. 'thuong_truc'")]
_Domain = Annotated[str | None, QueryParameter(
    required=False, description="The domain asked about, e.g. 'chuyển đổi số'")]
_MeetingDay = Annotated[dt.date, QueryParameter(description="The meeting day (YYYY-MM-DD)")]
_MeetingKind = Annotated[str, QueryParameter(
    required=False, description="regular (default), extraordinary or expanded")]
_ChairedBy = Annotated[str | None, QueryParameter(
    required=False, description="For a conclusion notice: the post that chaired")]
_PROCEDURE = Parameter(description="written_opinion, conclusion_notice, referral or "
                       "report_before_meeting")
_TARGET = Parameter(description="A locality or sector, e.g. 'Đông Sơn' (diacritics optional)")
_REGS = Parameter(default=None, required=False,
                  description="Regulation ids, repeated or comma-separated (default: all)")

_ERRORS = {
    code: ResponseSpec(data_container=ProblemDetails, media_type=_PROBLEM, description=text)
    for code, text in (
        (400, "A bad argument"),
        (404, "Unknown regulation, post or id"),
    )
}


def _query(**kwargs: Any) -> get:
    """The route decorator's arguments every query shares."""
    return get(sync_to_thread=False, responses=_ERRORS, tags=["queries"], **kwargs)


# ----------------------------------------------------------------- endpoints


@get("/health", sync_to_thread=False, tags=["service"])
def health(request: Request[Any, Any, Any]) -> dict[str, Any]:
    """Liveness and what the service holds."""
    return {"status": "ok", "version": __version__,
            "regulations": len(_registry(request).regulations)}


@get("/openapi.json", sync_to_thread=False, include_in_schema=False)
def openapi_json(request: Request[Any, Any, Any]) -> dict[str, Any]:
    """The OpenAPI document (also at ``/docs/openapi.json``)."""
    schema: dict[str, Any] = request.app.openapi_schema.to_schema()
    return schema


@get("/regulations", sync_to_thread=False, tags=["regulations"])
def list_regulations(request: Request[Any, Any, Any]) -> list[RegulationSummary]:
    """Every regulation the service holds: the presets, then the operator's folder."""
    registry = _registry(request)
    out = []
    for rid, reg in registry.regulations.items():
        idn = reg.identity
        out.append(RegulationSummary(
            id=rid, title=idn.title, locality=idn.locality, province=idn.province,
            level=idn.level.value, decision_number=idn.decision_number,
            signed=idn.signed_text("en"), origin=registry.origins[rid],
        ))
    return out


@get("/regulations/{regulation:str}", sync_to_thread=False, tags=["regulations"],
     responses=_ERRORS)
def show_regulation(
    request: Request[Any, Any, Any], regulation: str = _REG,
) -> Response[Regulation]:
    """The whole regulation as data (the regulation-file format; ``steering show --json``)."""
    return _json(unstructure_value(_registry(request).get(regulation)), Regulation)


@_query(path="/regulations/{regulation:str}/acting-for")
def acting_for(
    request: Request[Any, Any, Any],
    *,
    post: _Post,
    regulation: str = _REG,
    absent: list[str] | None = _ABSENT_SELF,
    on: _On = None,
    lang: _Lang = None,
    accept_language: _AcceptLanguage = None,
) -> Response[RulingAnswer]:
    """Who acts for ``post`` when the posts in ``absent`` are absent (``acting_for``)."""
    reg = _registry(request).get(regulation)
    away = _ids(absent) if absent is not None else frozenset({post})
    ruling = reg.authority().acting_for(post, absent=away, on=on)
    return _answer(ruling, reg, _lang(lang, accept_language))


@_query(path="/regulations/{regulation:str}/seal-for")
def seal_for(
    request: Request[Any, Any, Any],
    *,
    post: _Post,
    regulation: str = _REG,
    document: _Document = None,
    on: _On = None,
    lang: _Lang = None,
    accept_language: _AcceptLanguage = None,
) -> Response[RulingAnswer]:
    """Which seal ``post`` uses and which signing form applies (``seal_for``)."""
    reg = _registry(request).get(regulation)
    ruling = reg.authority().seal_for(post, document=document, on=on)
    return _answer(ruling, reg, _lang(lang, accept_language))


@_query(path="/regulations/{regulation:str}/signature-block")
def signature_block(
    request: Request[Any, Any, Any],
    *,
    post: _Post,
    regulation: str = _REG,
    absent: list[str] | None = _ABSENT,
    on: _On = None,
    document: _Document = None,
    lang: _Lang = None,
    accept_language: _AcceptLanguage = None,
) -> Response[RulingAnswer]:
    """The lines a document signed by ``post`` carries (``signature_block``)."""
    reg = _registry(request).get(regulation)
    ruling = reg.authority().signature_block(post, absent=_ids(absent), on=on,
                                             document=document)
    return _answer(ruling, reg, _lang(lang, accept_language))


@_query(path="/regulations/{regulation:str}/accountable-to")
def accountable_to(
    request: Request[Any, Any, Any],
    *,
    post: _Post,
    regulation: str = _REG,
    transitive: _Transitive = False,
    lang: _Lang = None,
    accept_language: _AcceptLanguage = None,
) -> Response[RulingAnswer]:
    """To whom ``post`` answers ("chịu trách nhiệm trước"; ``accountable_to``)."""
    reg = _registry(request).get(regulation)
    ruling = reg.authority().accountable_to(post, transitive=transitive)
    return _answer(ruling, reg, _lang(lang, accept_language))


@_query(path="/regulations/{regulation:str}/reports-to")
def reports_to(
    request: Request[Any, Any, Any],
    *,
    post: _Post,
    regulation: str = _REG,
    lang: _Lang = None,
    accept_language: _AcceptLanguage = None,
) -> Response[RulingAnswer]:
    """To whom ``post`` sends its reports (``reports_to``)."""
    reg = _registry(request).get(regulation)
    ruling = reg.authority().reports_to(post)
    return _answer(ruling, reg, _lang(lang, accept_language))


@_query(path="/regulations/{regulation:str}/conveners")
def conveners(
    request: Request[Any, Any, Any],
    *,
    kind: str = _KIND,
    regulation: str = _REG,
    body_: _Body = "committee",
    lang: _Lang = None,
    accept_language: _AcceptLanguage = None,
) -> Response[RulingAnswer]:
    """Who may convene a kind of meeting of ``body`` (``conveners``)."""
    reg = _registry(request).get(regulation)
    ruling = reg.authority().conveners(kind, body=body_)
    return _answer(ruling, reg, _lang(lang, accept_language))


@_query(path="/regulations/{regulation:str}/standing-agency")
def standing_agency(
    request: Request[Any, Any, Any],
    *,
    regulation: str = _REG,
    domain: _Domain = None,
    lang: _Lang = None,
    accept_language: _AcceptLanguage = None,
) -> Response[RulingAnswer]:
    """Which standing agency serves the committee, by domain (``standing_agency``)."""
    reg = _registry(request).get(regulation)
    ruling = reg.authority().standing_agency(domain)
    return _answer(ruling, reg, _lang(lang, accept_language))


@_query(path="/regulations/{regulation:str}/collective")
def collective(
    request: Request[Any, Any, Any],
    *,
    collective_: _Collective,
    regulation: str = _REG,
    absent: list[str] | None = _ABSENT,
    on: _On = None,
    lang: _Lang = None,
    accept_language: _AcceptLanguage = None,
) -> Response[RulingAnswer]:
    """Who a leadership collective is made of, and who of it is present (``collective``)."""
    reg = _registry(request).get(regulation)
    away = _ids(absent) if absent is not None else frozenset()
    ruling = reg.authority().collective(collective_, absent=away, on=on)
    return _answer(ruling, reg, _lang(lang, accept_language))


@_query(path="/regulations/{regulation:str}/notice")
def notice(
    request: Request[Any, Any, Any],
    *,
    meeting_day: _MeetingDay,
    regulation: str = _REG,
    body_: _Body = "committee",
    kind: _MeetingKind = "regular",
    lang: _Lang = None,
    accept_language: _AcceptLanguage = None,
) -> Response[RulingAnswer]:
    """By when the notice of a meeting must go out (``notice_for``)."""
    reg = _registry(request).get(regulation)
    ruling = reg.authority().notice_for(meeting_day, body=body_, kind=kind)
    return _answer(ruling, reg, _lang(lang, accept_language))


@_query(path="/regulations/{regulation:str}/procedure")
def procedure(
    request: Request[Any, Any, Any],
    *,
    kind: str = _PROCEDURE,
    regulation: str = _REG,
    body_: _Body = "committee",
    chaired_by: _ChairedBy = None,
    lang: _Lang = None,
    accept_language: _AcceptLanguage = None,
) -> Response[RulingAnswer]:
    """Who does a procedure of a body's meetings, and who decides (``procedure``)."""
    reg = _registry(request).get(regulation)
    ruling = reg.authority().procedure(kind, body=body_, chaired_by=chaired_by)
    return _answer(ruling, reg, _lang(lang, accept_language))


@_query(path="/regulations/{regulation:str}/proxy")
def proxy(
    request: Request[Any, Any, Any],
    *,
    post: _Post,
    regulation: str = _REG,
    body_: _Body = "committee",
    lang: _Lang = None,
    accept_language: _AcceptLanguage = None,
) -> Response[RulingAnswer]:
    """Whether someone may attend a meeting of ``body`` for ``post`` (``proxy``)."""
    reg = _registry(request).get(regulation)
    ruling = reg.authority().proxy(post, body=body_)
    return _answer(ruling, reg, _lang(lang, accept_language))


@_query(path="/regulations/{regulation:str}/monitor-of")
def monitor_of(
    request: Request[Any, Any, Any],
    *,
    locality_or_sector: str = _TARGET,
    regulation: str = _REG,
    on: _On = None,
    lang: _Lang = None,
    accept_language: _AcceptLanguage = None,
) -> Response[RulingAnswer]:
    """Which member monitors a locality or sector (``monitor_of``), on a date if given."""
    reg = _registry(request).get(regulation)
    ruling = reg.authority().monitor_of(locality_or_sector, on=on)
    return _answer(ruling, reg, _lang(lang, accept_language))


@_query(path="/regulations/{regulation:str}/monitored-by")
def monitored_by(
    request: Request[Any, Any, Any],
    *,
    post: _Post,
    regulation: str = _REG,
    lang: _Lang = None,
    accept_language: _AcceptLanguage = None,
) -> Response[RulingAnswer]:
    """Which localities and sectors ``post`` monitors (``monitored_by``)."""
    reg = _registry(request).get(regulation)
    ruling = reg.authority().monitored_by(post)
    return _answer(ruling, reg, _lang(lang, accept_language))


def _occurrences(reg: Regulation, start: dt.date, end: dt.date) -> tuple[Occurrence, ...]:
    if (end - start).days > MAX_CALENDAR_DAYS:
        raise QueryError(f"found a range of {(end - start).days + 1} days; allowed: at most "
                         f"{MAX_CALENDAR_DAYS + 1} days per request")
    occurrences: tuple[Occurrence, ...] = reg.calendar(start, end)
    return occurrences


@_query(path="/regulations/{regulation:str}/calendar")
def calendar_json(
    request: Request[Any, Any, Any],
    *,
    start: _Start,
    end: _End,
    regulation: str = _REG,
) -> Response[CalendarAnswer]:
    """Meetings and report deadlines closing in ``[start, end]`` (``reg.calendar``)."""
    reg = _registry(request).get(regulation)
    occurrences = _occurrences(reg, start, end)
    return _json({
        "regulation": reg.id,
        "start": start.isoformat(),
        "end": end.isoformat(),
        "in_force_from": (first.isoformat() if (first := reg.in_force_window[0]) else None),
        "occurrences": [jsonable(o) for o in occurrences],
        "gaps": [jsonable(g) for g in calendar_gaps(reg)],
    }, CalendarAnswer)


@_query(path="/regulations/{regulation:str}/calendar.ics", media_type="text/calendar")
def calendar_ics(
    request: Request[Any, Any, Any],
    *,
    start: _Start,
    end: _End,
    regulation: str = _REG,
) -> Response[bytes]:
    """The same calendar as iCalendar (RFC 5545), for any calendar application."""
    from steering.ics import to_ics  # noqa: PLC0415 - only this endpoint needs icalendar

    reg = _registry(request).get(regulation)
    payload = to_ics(_occurrences(reg, start, end), regulation=reg)
    return Response(content=payload, media_type="text/calendar", headers={
        "Content-Disposition": f'attachment; filename="{reg.id}.ics"'})


@_query(path="/compare")
def compare_regulations(
    request: Request[Any, Any, Any],
    *,
    a: _RegId,
    b: _RegId,
    lang: _Lang = None,
    accept_language: _AcceptLanguage = None,
) -> Response[ComparisonAnswer]:
    """Every structural difference between regulations ``a`` and ``b`` (``compare``)."""
    registry = _registry(request)
    result = compare(registry.get(a), registry.get(b))
    language = _lang(lang, accept_language)
    return _json({
        "a": result.a,
        "b": result.b,
        "count": len(result),
        "differences": jsonable(list(result.rows(language))),
    }, ComparisonAnswer)


@_query(path="/table")
def regulations_table(
    request: Request[Any, Any, Any],
    *,
    regulation: list[str] | None = _REGS,
    lang: _Lang = None,
    accept_language: _AcceptLanguage = None,
) -> Response[TableAnswer]:
    """Regulations side by side, one row each (``table``)."""
    registry = _registry(request)
    ids = [x.strip() for v in regulation or () for x in v.split(",") if x.strip()]
    regs = [registry.get(i) for i in ids] if ids else list(registry.regulations.values())
    rows = table(regs, lang=_lang(lang, accept_language))
    return _json({"rows": jsonable(list(rows))}, TableAnswer)


@post("/validate", status_code=200, tags=["regulations"], responses={
    413: ResponseSpec(data_container=ProblemDetails, media_type=_PROBLEM,
                      description="The upload is larger than the limit"),
    422: ResponseSpec(data_container=ProblemDetails, media_type=_PROBLEM,
                      description="Not a valid regulation: every problem, with its path"),
})
async def validate_upload(request: Request[Any, Any, Any]) -> ValidationAnswer:
    """Check an uploaded regulation file (the raw TOML as the request body).

    The size is checked before the body is read (``Content-Length``) and again
    while it streams in; the file is never written anywhere and is loaded with
    [`steering.loads`][steering.loader.loads], so the library's own bounds apply. An upload has no
    folder, so a ``source`` it names is not read.
    """
    limit = _registry(request).max_upload
    declared = request.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > limit:
        raise UploadTooLargeError(limit, int(declared))
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise UploadTooLargeError(limit, None)
        chunks.append(chunk)
    data = b"".join(chunks)
    # Parsing and validating a large file takes a while: off the event loop.
    reg = await sync_to_thread(loads, data, max_bytes=limit)
    return ValidationAnswer(valid=True, regulation=reg.id, title=reg.identity.title,
                            bytes=len(data))


# ----------------------------------------------------------------- errors


def _problem(request: Request[Any, Any, Any], status: int, kind: str, detail: str,
             **extra: Any) -> Response[Any]:
    body = {
        "type": _TYPE + kind,
        "title": http.HTTPStatus(status).phrase,
        "status": status,
        "detail": " ".join(detail.split()),
        "instance": request.url.path,
        **extra,
    }
    return Response(content=body, status_code=status, media_type=_PROBLEM)


def _on_steering_error(request: Request[Any, Any, Any], exc: Exception) -> Response[Any]:
    if isinstance(exc, UploadTooLargeError):
        return _problem(request, 413, "upload-too-large", str(exc))
    if isinstance(exc, RegulationFileError):
        problems = [{"path": p.path, "message": p.message} for p in exc.problems]
        n = len(problems)
        return _problem(request, 422, "invalid-regulation",
                        f"the file is not a valid regulation: {n} problem{'s' * (n != 1)}",
                        problems=problems)
    if isinstance(exc, UnknownRegulationError):
        return _problem(request, 404, "unknown-regulation", str(exc))
    if isinstance(exc, UnknownPostError):
        return _problem(request, 404, "unknown-post", str(exc))
    if isinstance(exc, UnknownIdError):
        return _problem(request, 404, "unknown-id", str(exc))
    return _problem(request, 400, "bad-argument", str(exc))


def _on_http_error(request: Request[Any, Any, Any], exc: Exception) -> Response[Any]:
    assert isinstance(exc, HTTPException)
    status = exc.status_code
    kinds = {400: "bad-argument", 404: "not-found", 405: "method-not-allowed",
             413: "upload-too-large"}
    extra: dict[str, Any] = {}
    if isinstance(exc, ValidationException) and isinstance(exc.extra, list):
        extra["errors"] = [
            {"key": str(e.get("key", "")), "message": str(e.get("message", ""))}
            for e in exc.extra if isinstance(e, dict)
        ]
    return _problem(request, status, kinds.get(status, "http-error"), str(exc.detail), **extra)


def _on_unexpected(request: Request[Any, Any, Any], exc: Exception) -> Response[Any]:
    _log.exception("unexpected error on %s", request.url.path, exc_info=exc)
    return _problem(request, 500, "internal-error",
                    f"internal error ({type(exc).__name__}); the server log has the details")


# ----------------------------------------------------------------- the app

_HANDLERS = [
    health, openapi_json, list_regulations, show_regulation, acting_for, seal_for,
    signature_block, accountable_to, reports_to, conveners, proxy, monitor_of, monitored_by,
    standing_agency, collective, notice, procedure, calendar_json, calendar_ics,
    compare_regulations, regulations_table, validate_upload,
]


def create_app(
    folder: str | os.PathLike[str] | None = None,
    *,
    cors_origins: Sequence[str] = (),
    max_upload: int = MAX_BYTES,
    registry: Registry | None = None,
) -> Litestar:
    """The ASGI application.

    Args:
        folder: A folder of regulation files (``*.toml``) served beside the presets;
            the operator names it, no request can.
        cors_origins: Origins allowed to call the API from a browser (none by default;
            ``"*"`` for any).
        max_upload: The largest file ``POST /validate`` accepts, in bytes (default:
            the loader's own limit).
        registry: Regulations already loaded ([`load_registry`][steering.web.load_registry]);
            overrides
            ``folder`` and ``max_upload``.

    Raises:
        ConfigError: The folder cannot be served (see
            [`load_registry`][steering.web.load_registry]).

    """
    reg = registry if registry is not None else load_registry(folder, max_upload=max_upload)
    cors = CORSConfig(allow_origins=list(cors_origins), allow_methods=["GET", "POST"],
                      allow_headers=["Accept-Language", "Content-Type"]) if cors_origins else None
    return Litestar(
        route_handlers=_HANDLERS,
        state=State({"registry": reg}),
        cors_config=cors,
        debug=False,
        plugins=[_WrittenFormSchema()],
        request_max_body_size=reg.max_upload,
        exception_handlers={
            SteeringError: _on_steering_error,
            HTTPException: _on_http_error,
            Exception: _on_unexpected,
        },
        openapi_config=OpenAPIConfig(
            title="steering",
            version=__version__,
            description="Operating regulations of Vietnamese steering committees "
            "(Ban Chỉ đạo chuyển đổi số) as cited, queryable data. Every answer names "
            "the article and clause it rests on.",
            path="/docs",
            render_plugins=[SwaggerRenderPlugin(path="/")],
        ),
    )


def app_from_env() -> Litestar:
    """The app ``steering serve`` starts in each worker, configured by the environment.

    ``STEERING_SERVE_DIR`` (a folder), ``STEERING_SERVE_CORS`` (origins, comma-separated)
    and ``STEERING_SERVE_MAX_UPLOAD`` (bytes).
    """
    folder = os.environ.get(ENV_DIR) or None
    origins = [o.strip() for o in os.environ.get(ENV_CORS, "").split(",") if o.strip()]
    limit = int(os.environ.get(ENV_MAX_UPLOAD) or MAX_BYTES)
    return create_app(folder, cors_origins=origins, max_upload=limit)
