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

import http
import logging
import os
from collections.abc import Sequence
from typing import Any

try:
    from litestar import Litestar, Request, Response
    from litestar.config.cors import CORSConfig
    from litestar.datastructures import State
    from litestar.exceptions import HTTPException, ValidationException
    from litestar.openapi import OpenAPIConfig
    from litestar.openapi.plugins import SwaggerRenderPlugin
except ImportError as e:  # pragma: no cover - exercised only without the extra
    raise ImportError(
        "steering.web needs the 'web' extra: pip install -e '.[web]' (from a clone)"
    ) from e

from steering import __version__
from steering.errors import (
    RegulationFileError,
    SteeringError,
    UnknownIdError,
    UnknownPostError,
)
from steering.loader import MAX_BYTES
from steering.web._registry import Registry, load_registry
from steering.web._routes import (
    accountable_to,
    acting_for,
    calendar_ics,
    calendar_json,
    collective,
    compare_regulations,
    conveners,
    health,
    list_regulations,
    monitor_of,
    monitored_by,
    notice,
    openapi_json,
    procedure,
    proxy,
    regulations_table,
    reports_to,
    seal_for,
    show_regulation,
    signature_block,
    standing_agency,
    validate_upload,
)
from steering.web._types import (
    _PROBLEM,
    _TYPE,
    ENV_CORS,
    ENV_DIR,
    ENV_MAX_UPLOAD,
    MAX_CALENDAR_DAYS,
    MAX_FOLDER_FILES,
    CalendarAnswer,
    ComparisonAnswer,
    ConfigError,
    ParameterError,
    ProblemDetails,
    ProblemItem,
    RegulationSummary,
    RulingAnswer,
    TableAnswer,
    UnknownRegulationError,
    UploadTooLargeError,
    ValidationAnswer,
    _WrittenFormSchema,
    unstructure_value,
)

__all__ = [
    "ENV_CORS",
    "ENV_DIR",
    "ENV_MAX_UPLOAD",
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
