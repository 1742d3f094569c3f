"""The JSON Schema (draft 2020-12) of the regulation file format, derived from the model.

The schema is not written by hand: [`json_schema`][steering.schema.json_schema] walks the attrs
classes
of [`steering.regulation`][steering.regulation], [`steering.roles`][steering.roles] and
[`steering.rules`][steering.rules]
field by field, so it cannot drift from what [`steering.load`][steering.loader.load] accepts.

The mapping follows the one converter (``steering._convert``):

- an attrs class is an object with ``additionalProperties: false``; fields
  without a default are ``required``;
- ``tuple[X, ...]`` is an array of ``X``; ``X | None`` is ``X`` whose key may be
  left out (TOML has no null);
- an enum is a string from its values;
- [`PartialDate`][steering.regulation.PartialDate] is ``"YYYY"``, ``"YYYY-MM"``,
  ``"YYYY-MM-DD"`` or a bare year;
- [`Cadence`][steering.rules.Cadence] is a word (``"quarterly"``) or a table
  ``{period, times}``;
- a date is a string of format ``date``. A TOML file may write dates bare
  (``signed = 2021-11-25``); validate TOML with this schema after turning such
  values into ISO strings.

Cross-object rules (one head, ids resolve, no cycles, every citation found in
the source text) are beyond a schema: [`steering.validate`][steering.validation.validate] checks
them.

For example:

```python
import json, steering.schema
print(json.dumps(steering.schema.json_schema(), indent=2, ensure_ascii=False))
```
"""

from __future__ import annotations

import datetime as dt
import enum
import inspect
import json
import re
import types
import typing
from typing import Any

import attrs

from steering.regulation import PartialDate, Regulation
from steering.rules import Cadence, Period

__all__ = ["SCHEMA_ID", "json_schema", "schema_text"]

#: The schema's ``$id``: the file name it is published under in the docs.
SCHEMA_ID = "regulation.schema.json"

_DRAFT = "https://json-schema.org/draft/2020-12/schema"

#: Fields the converter never reads from a file (see ``steering._convert``).
_OMITTED: dict[type, frozenset[str]] = {Regulation: frozenset({"origin", "nested"})}

#: Constraints ``steering.validate`` enforces on single values, where a schema
#: can state them too. The id pattern is the one ``validate`` checks.
_ID_PATTERN = "^[a-z][a-z0-9_]*$"
_EXTRA: dict[tuple[str, str], dict[str, Any]] = {
    ("Regulation", "id"): {"pattern": "^[a-z][a-z0-9_-]*$"},
    ("Post", "id"): {"pattern": _ID_PATTERN},
    ("WorkingGroup", "id"): {"pattern": _ID_PATTERN},
    ("Body", "id"): {"pattern": _ID_PATTERN},
}

#: Matches what ``PartialDate.parse`` accepts.
_PARTIAL_DATE_PATTERN = r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$"

_CADENCE_WORDS = ("monthly", "quarterly", "half_yearly", "yearly")

_ATTR_LINE = re.compile(r"^(\s*)([A-Za-z_][A-Za-z0-9_]*)(?:\s*\([^)]*\))?:\s*(.*)$")


#: Words for fields the model classes leave undocumented (they recur in every rule).
_FIELD_DOCS: dict[str, str] = {
    "citation": "Where the regulation says so: document part, article, clause, point "
    "and a verbatim quote.",
    "note": "The reading taken where the wording is ambiguous, and why.",
    "format": "Version of the file format; 1.",
    "id": "Stable id of the regulation (the preset id for shipped presets).",
    "identity": "Which regulation this is: title, number, issuer, signer, dates, level, "
    "locality.",
    "committee": "The committee as a whole: name, standing agency, functions, principles, "
    "part-time status, funding.",
    "posts": "Every seat on the committee and its working groups.",
    "working_groups": "Working groups, advisory groups or support offices that help the "
    "committee.",
    "bodies": "Bodies and offices outside the committee that rules name (Tỉnh ủy, HĐND, "
    "UBND ...).",
    "substitutions": "Who acts for a post when it is absent, in order.",
    "accountability": 'Who answers to whom ("chịu trách nhiệm trước").',
    "directions": 'Who directs whom ("chỉ đạo", "phân công nhiệm vụ").',
    "reports": "Report flows: who reports what to whom, through whom, how often, by when.",
    "seals": "Which seal each signer uses; a rule with kind none for no seal of its own. "
    "No rule at all means not specified.",
    "signing": "Who may sign which documents.",
    "convening": "Who may convene which kind of meeting.",
    "meetings": "How often each body meets.",
    "compositions": "Who decides who attends a body's meetings.",
    "attendance": "Attendance duties and proxy rules.",
    "monitoring": "The monitoring annex: which member follows which sector and locality; "
    "left out when the regulation has none.",
    "channels": "Information channels and their restrictions.",
    "delegations": "Written authorisations (ủy quyền, signed TUQ.).",
    "procedures": "Written opinions, conclusion notices, referral of differing opinions, "
    "reports before meetings: who does them, when, and who decides.",
    "notices": "How long before a meeting its notice must go out, in working days.",
    "local_days": "Days off and working days that the locality's own decisions set, each "
    "cited; every calendar and deadline follows them.",
    "source": "The source text the citations quote, relative to this file; quotes are "
    "checked against it.",
    "notes": "Readings taken for the regulation as a whole, where its text is ambiguous.",
}


def _summary(cls: type) -> str:
    doc = inspect.getdoc(cls) or ""
    return _plain(doc.split("\n\n", 1)[0].replace("\n", " ").strip())


def _attribute_docs(cls: type) -> dict[str, str]:
    """Field descriptions from the Google-style ``Attributes:`` section of a docstring."""
    doc = inspect.getdoc(cls) or ""
    lines = doc.splitlines()
    out: dict[str, str] = {}
    try:
        start = next(i for i, ln in enumerate(lines) if ln.strip() == "Attributes:")
    except StopIteration:
        return out
    indent: int | None = None
    current: str | None = None
    for line in lines[start + 1 :]:
        if not line.strip():
            current = None
            continue
        width = len(line) - len(line.lstrip())
        if indent is None:
            indent = width
        if width < indent:
            break
        m = _ATTR_LINE.match(line)
        if width == indent and m:
            current = m.group(2)
            out[current] = m.group(3).strip()
        elif current is not None:
            out[current] = f"{out[current]} {line.strip()}".strip()
    return {k: _plain(v) for k, v in out.items()}


def _plain(text: str) -> str:
    """Docstring markup to plain text: ```B``` -> ``B``, double backticks -> quotes."""
    text = re.sub(r":[a-z]+:`~?([^`]+)`", lambda m: m.group(1).rsplit(".", 1)[-1], text)
    text = text.replace("``None``", "left out")
    text = text.replace("``True``", "true").replace("``False``", "false")
    return text.replace("``", "`")


def _enum_schema(cls: type[enum.Enum]) -> dict[str, Any]:
    return {
        "type": "string",
        "enum": [m.value for m in cls],
        "description": _summary(cls),
    }


class _Builder:
    """Walks the model and collects one ``$defs`` entry per class or enum."""

    def __init__(self) -> None:
        self.defs: dict[str, dict[str, Any]] = {}

    def ref(self, name: str) -> dict[str, Any]:
        return {"$ref": f"#/$defs/{name}"}

    def type_schema(self, t: Any) -> dict[str, Any]:  # noqa: PLR0911 - one branch per kind
        origin = typing.get_origin(t)
        args = typing.get_args(t)
        if origin in (typing.Union, types.UnionType):
            inner = [a for a in args if a is not type(None)]
            if len(inner) == 1:
                return self.type_schema(inner[0])
            return {"anyOf": [self.type_schema(a) for a in inner]}
        if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
            return {"type": "array", "items": self.type_schema(args[0])}
        if t is bool:
            return {"type": "boolean"}
        if t is int:
            return {"type": "integer"}
        if t is str:
            return {"type": "string"}
        if t is dt.date:
            return {"type": "string", "format": "date"}
        if t is PartialDate:
            return self.named("PartialDate", self.partial_date)
        if t is Cadence:
            return self.named("Cadence", self.cadence)
        if isinstance(t, type) and issubclass(t, enum.Enum):
            return self.named(t.__name__, lambda: _enum_schema(t))
        if isinstance(t, type) and attrs.has(t):
            return self.named(t.__name__, lambda: self.object_schema(t))
        raise TypeError(f"no JSON Schema mapping for {t!r}")

    def named(self, name: str, build: typing.Callable[[], dict[str, Any]]) -> dict[str, Any]:
        if name not in self.defs:
            self.defs[name] = {}  # placeholder: recursion stops here
            self.defs[name] = build()
        return self.ref(name)

    def partial_date(self) -> dict[str, Any]:
        return {
            "description": _summary(PartialDate)
            + " Also a bare year (integer) or, in TOML, a bare date.",
            "anyOf": [
                {"type": "string", "pattern": _PARTIAL_DATE_PATTERN},
                {"type": "integer", "minimum": 1, "maximum": 9999},
            ],
        }

    def cadence(self) -> dict[str, Any]:
        return {
            "description": _summary(Cadence)
            + ' Written as a word ("quarterly": once a quarter) or a table {period, times}.',
            "anyOf": [
                {"type": "string", "enum": list(_CADENCE_WORDS)},
                {
                    "type": "object",
                    "properties": {
                        "period": self.type_schema(Period),
                        "times": {"type": "integer", "minimum": 1, "default": 1},
                    },
                    "required": ["period"],
                    "additionalProperties": False,
                },
            ],
        }

    def object_schema(self, cls: type) -> dict[str, Any]:
        hints = typing.get_type_hints(cls)
        docs = _attribute_docs(cls)
        if cls is not Regulation:
            docs = {k: v for k, v in _FIELD_DOCS.items() if k in {"citation", "note"}} | docs
        else:
            docs = _FIELD_DOCS | docs
        omitted = _OMITTED.get(cls, frozenset())
        properties: dict[str, Any] = {}
        required: list[str] = []
        for field in attrs.fields(cls):
            if field.name in omitted:
                continue
            # Siblings of $ref (description, default) are allowed in 2020-12.
            prop = dict(self.type_schema(hints[field.name]))
            prop.update(_EXTRA.get((cls.__name__, field.name), {}))
            if field.name in docs:
                prop["description"] = docs[field.name]
            if field.default is attrs.NOTHING:
                required.append(field.name)
            else:
                default = _json_default(field.default)
                if default is not None:
                    prop["default"] = default
            properties[field.name] = prop
        out: dict[str, Any] = {
            "type": "object",
            "description": _summary(cls),
            "properties": properties,
            "additionalProperties": False,
        }
        if required:
            out["required"] = required
        return out


def _json_default(value: Any) -> Any:
    """Return a field default as JSON, or ``None`` where it has no file form."""
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, tuple):
        return [] if not value else None
    if isinstance(value, bool | int | str):
        return value
    return None


def json_schema() -> dict[str, Any]:
    """Build the JSON Schema (draft 2020-12) of a regulation file from the model classes.

    Returns:
        A fresh dict; ``$defs`` holds one entry per model class and enum, sorted
        by name, so the output is deterministic.

    """
    builder = _Builder()
    root = builder.object_schema(Regulation)
    defs = {name: builder.defs[name] for name in sorted(builder.defs)}
    return {
        "$schema": _DRAFT,
        "$id": SCHEMA_ID,
        "title": "steering regulation file (format 1)",
        **{k: v for k, v in root.items() if k != "description"},
        "description": (
            "One operating regulation (Quy chế hoạt động) of a steering committee, "
            "as read by steering.load(). Generated from the model classes by "
            "steering.schema.json_schema(); cross-object rules (one head, ids resolve, "
            "no cycles, citations found in the source) are checked by steering.validate()."
        ),
        "$defs": defs,
    }


def schema_text() -> str:
    """Render the schema as the JSON text published in the docs (2-space indent, final newline)."""
    return json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n"
