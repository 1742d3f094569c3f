"""The JSON Schema of the regulation format: generated from the model, published, and
in agreement with the loader on every shipped file and on malformed ones."""

from __future__ import annotations

import copy
import datetime as dt
import enum
import json
import tomllib
import typing
from pathlib import Path
from typing import Any

import attrs
import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import steering
from steering import presets
from steering._convert import unstructure
from steering.errors import RegulationFileError
from steering.regulation import Regulation
from steering.schema import json_schema, schema_text

ROOT = Path(__file__).resolve().parent.parent
PUBLISHED = ROOT / "docs" / "schema" / "regulation.schema.json"
EXAMPLES = sorted((ROOT / "docs" / "examples").glob("*.toml"))


def _iso(value: Any) -> Any:
    """TOML values as JSON sees them: bare TOML dates become ISO strings."""
    if isinstance(value, dict):
        return {k: _iso(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_iso(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def _no_none(value: Any) -> Any:
    """Unstructured data as a file writes it: TOML has no null, the key is left out."""
    if isinstance(value, dict):
        return {k: _no_none(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [_no_none(v) for v in value]
    return value


def _validator() -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(
        json_schema(), format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )


def _schema_errors(doc: Any) -> list[str]:
    return [e.message for e in _validator().iter_errors(doc)]


def _preset_doc(preset_id: str) -> dict[str, Any]:
    with presets.path(preset_id).open("rb") as f:
        doc: dict[str, Any] = _iso(tomllib.load(f))
    return doc


def _model_classes() -> set[type]:
    """Every attrs class reachable from Regulation through field types."""
    seen: set[type] = set()
    todo: list[Any] = [Regulation]
    while todo:
        t = todo.pop()
        args = typing.get_args(t)
        if args:
            todo.extend(args)
            continue
        if isinstance(t, type) and attrs.has(t) and t not in seen:
            seen.add(t)
            todo.extend(typing.get_type_hints(t).values())
    return seen


def test_schema_is_valid_draft_2020_12() -> None:
    schema = json_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(schema)


def test_published_schema_is_up_to_date() -> None:
    """docs/schema/regulation.schema.json is exactly what json_schema() generates.

    Regenerate with ``python scripts/gen_docs.py``.
    """
    assert PUBLISHED.read_text(encoding="utf-8") == schema_text()


def test_generation_is_deterministic() -> None:
    assert schema_text() == schema_text()
    assert list(json_schema()["$defs"]) == sorted(json_schema()["$defs"])


def test_every_model_field_is_in_the_schema_with_its_required_status() -> None:
    defs = json_schema()["$defs"]
    for cls in _model_classes() - {Regulation}:
        if cls.__name__ in {"PartialDate", "Cadence"}:
            continue  # written as strings or words, not as tables of their fields
        node = defs[cls.__name__]
        assert node["additionalProperties"] is False, cls.__name__
        names = {f.name for f in attrs.fields(cls)}
        assert set(node["properties"]) == names, cls.__name__
        required = {f.name for f in attrs.fields(cls) if f.default is attrs.NOTHING}
        assert set(node.get("required", ())) == required, cls.__name__
    root = json_schema()
    from_file = {f.name for f in attrs.fields(Regulation)} - {"origin", "nested"}
    assert set(root["properties"]) == from_file
    assert set(root["required"]) == {"id", "identity", "committee"}


def test_enums_list_exactly_their_values() -> None:
    defs = json_schema()["$defs"]
    for name, node in defs.items():
        cls = getattr(steering.rules, name, None) or getattr(steering.roles, name, None)
        cls = cls or getattr(steering.regulation, name, None)
        if isinstance(cls, type) and issubclass(cls, enum.Enum):
            assert node["enum"] == [m.value for m in cls], name


def test_role_enum_is_the_design_vocabulary() -> None:
    """Design notes §3: the role ids every regulation of the genre uses."""
    assert json_schema()["$defs"]["Role"]["enum"] == [
        "head",
        "standing_deputy",
        "deputy",
        "standing_member",
        "member",
        "wg_lead",
        "wg_member",
        "standing_agency",
    ]


@pytest.mark.parametrize("preset_id", presets.names())
def test_every_preset_file_validates_against_the_schema(preset_id: str) -> None:
    if not presets.path(preset_id).exists():
        pytest.skip(f"{preset_id}.toml not written yet")
    assert _schema_errors(_preset_doc(preset_id)) == []


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.name for p in EXAMPLES])
def test_every_docs_example_validates_against_the_schema(path: Path) -> None:
    with path.open("rb") as f:
        doc = _iso(tomllib.load(f))
    assert _schema_errors(doc) == []
    steering.load(path)  # and the loader agrees


def test_unstructured_preset_validates_against_the_schema() -> None:
    reg = presets.load("dak-nong-2021")
    assert _schema_errors(_no_none(unstructure(reg))) == []


# -- schema and loader agree on malformed files ---------------------------------


def _tables(doc: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Paths of every table (dict) inside a parsed file, except free-form cadence tables."""
    out: list[tuple[Any, ...]] = []
    if isinstance(doc, dict):
        if not (set(doc) <= {"period", "times"} and "period" in doc):
            out.append(path)
        for k, v in doc.items():
            out.extend(_tables(v, (*path, k)))
    elif isinstance(doc, list):
        for i, v in enumerate(doc):
            out.extend(_tables(v, (*path, i)))
    return out


def _at(doc: Any, path: tuple[Any, ...]) -> Any:
    for p in path:
        doc = doc[p]
    return doc


def _loader_rejects(doc: dict[str, Any]) -> bool:
    import tomli_w

    try:
        steering.loads(tomli_w.dumps(doc), check=False)
    except RegulationFileError:
        return True
    return False


DAK_NONG = _preset_doc("dak-nong-2021")
DAK_NONG_TABLES = _tables(DAK_NONG)


@settings(max_examples=40, deadline=None)
@given(st.sampled_from(DAK_NONG_TABLES), st.sampled_from(["extra", "quote_", "role_id"]))
def test_an_unknown_key_anywhere_is_rejected_by_schema_and_loader(
    path: tuple[Any, ...], key: str
) -> None:
    doc = copy.deepcopy(DAK_NONG)
    _at(doc, path)[key] = "x"
    assert _schema_errors(doc)
    assert _loader_rejects(doc)


@pytest.mark.parametrize(
    ("where", "value"),
    [
        (("posts", 0, "role"), "vice"),  # unknown role
        (("posts", 0, "plural"), "false"),  # string, not boolean
        (("posts", 0, "concurrent_with"), "head"),  # string, not array
        (("identity", "level"), "hamlet"),  # unknown level
        (("identity", "signed"), "25/11/2021"),  # not YYYY[-MM[-DD]]
        (("meetings", 0, "cadences"), ["weekly"]),  # unknown cadence word
        (("meetings", 0, "cadences"), [{"period": "quarter", "times": 0}]),  # times < 1
        (("seals", 0, "seal", "kind"), "stamp"),  # unknown seal kind
        (("substitutions", 0, "rank"), "1"),  # string, not integer
        (("identity", "signature", "form"), "KT"),  # signing forms end with a dot
    ],
)
def test_a_wrong_value_is_rejected_by_schema_and_loader(
    where: tuple[Any, ...], value: Any
) -> None:
    doc = copy.deepcopy(DAK_NONG)
    _at(doc, where[:-1])[where[-1]] = value
    assert _schema_errors(doc)
    assert _loader_rejects(doc)


@pytest.mark.parametrize(
    "where",
    [("id",), ("identity",), ("posts", 0, "citation"), ("posts", 0, "role"), ("seals", 0, "seal")],
)
def test_a_missing_required_key_is_rejected_by_schema_and_loader(where: tuple[Any, ...]) -> None:
    doc = copy.deepcopy(DAK_NONG)
    del _at(doc, where[:-1])[where[-1]]
    assert any("is a required property" in m for m in _schema_errors(doc))
    assert _loader_rejects(doc)


def test_partial_dates_accept_what_the_loader_accepts() -> None:
    """A draft's signing date may be partial ("tháng 8 năm 2024")."""
    for signed in ["2024", "2024-08", "2024-08-15", 2024]:
        doc = copy.deepcopy(DAK_NONG)
        doc["identity"]["signed"] = signed
        assert _schema_errors(doc) == [], signed


def test_schema_text_is_json_with_vietnamese_intact() -> None:
    text = schema_text()
    assert json.loads(text) == json_schema()
    assert "một quý một lần" in text  # diacritics not escaped (Cadence docstring)


@given(st.data())
def test_every_generated_regulation_file_validates_against_the_schema(data: st.DataObject) -> None:
    """Whatever the loader accepts (here: files written from generated regulations) the schema
    accepts too."""
    from strategies import regulations, to_toml

    reg = data.draw(regulations())
    doc = _iso(tomllib.loads(to_toml(reg)))
    assert _schema_errors(doc) == []
