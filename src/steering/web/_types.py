"""The web API's answer and problem types, its bounds, and its errors."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any, TypeVar

import attrs
import pendulum
from litestar.openapi.spec import OpenAPIFormat, OpenAPIType, Schema
from litestar.plugins import OpenAPISchemaPlugin
from litestar.typing import FieldDefinition

from steering.errors import (
    SteeringError,
    UnknownIdError,
)
from steering.regulation import PartialDate
from steering.rules import (
    AttendanceCondition,
    Cadence,
    Citation,
    Delegation,
    Period,
    Seal,
    SigningForm,
)
from steering.ruling import Question, Status
from steering.schedule import CalendarGap, Occurrence
from steering.world import CaveatKind, Change

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

    kind: CaveatKind
    since: dt.date
    decisive: bool
    change: Change | None = None
    successor: str = ""
    reasons: tuple[dict[str, Any], ...] = ()
    explanation: str


@attrs.frozen(kw_only=True)
class RulingAnswer:
    """A ruling as the API and ``steering ... --json`` give it.

    The fields of [`steering.Ruling`][steering.ruling.Ruling] (without its two cached texts), its
    typed reasons (each an object whose ``reason`` names its kind, e.g.
    ``substitute_acts``, with the reason's fields), the explanation in the language
    asked, and the regulation's names for every id the answer mentions.
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
    reasons: tuple[dict[str, Any], ...] = ()
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
