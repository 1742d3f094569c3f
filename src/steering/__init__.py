"""steering: operating regulations of Vietnamese steering committees as typed, cited data.

Load a shipped preset or your own regulation file, validate it, and ask it
questions:

```python
import steering
reg = steering.presets.load("dak-nong-2021")
steering.validate(reg)                       # () when valid
reg.authority().acting_for("head", absent={"head"})
```
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from steering import presets

# Imported eagerly: the function ``compare`` shares its name with its module,
# and a lazy attribute would be shadowed by the submodule once imported.
from steering.compare import Comparison, compare, table
from steering.coverage import Coverage, coverage  # eager too: same name as its module
from steering.errors import (
    ArgumentTypeError,
    HolidayDataWarning,
    PresetNotFoundError,
    Problem,
    QueryError,
    RegulationFileError,
    SteeringError,
    SteeringWarning,
    UnknownFactError,
    UnknownIdError,
    UnknownPostError,
)
from steering.loader import load, loads
from steering.regulation import PartialDate, Regulation
from steering.roles import Body, Post, Role, WorkingGroup
from steering.rules import Cadence, Citation
from steering.validation import validate

if TYPE_CHECKING:  # the engines load on first use; see __getattr__
    from steering.authority import AuthorityGraph
    from steering.ruling import Ruling, Status
    from steering.schedule import CalendarGap, Occurrence, calendar_gaps
    from steering.standards import to_org_jsonld, to_popolo
    from steering.workdays import (
        ShiftPolicy,
        WorkingDays,
        add_working_days,
        is_working_day,
        next_working_day,
    )

# Names served from the engine modules, imported only when first used: the
# engines pull in networkx, holidays and icalendar, which a program that only
# loads and validates regulations does not need to pay for at import time.
_LAZY = {
    "AuthorityGraph": "steering.authority",
    "Ruling": "steering.ruling",
    "Status": "steering.ruling",
    "CalendarGap": "steering.schedule",
    "Occurrence": "steering.schedule",
    "calendar_gaps": "steering.schedule",
    "ShiftPolicy": "steering.workdays",
    "WorkingDays": "steering.workdays",
    "add_working_days": "steering.workdays",
    "is_working_day": "steering.workdays",
    "next_working_day": "steering.workdays",
    "to_org_jsonld": "steering.standards",
    "to_popolo": "steering.standards",
    "display_language": "steering.display",
    "Registry": "steering.registry",
    "load_many": "steering.registry",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'steering' has no attribute {name!r}")
    value = getattr(import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    # What a user may use: the public names, the version and the submodules; not the
    # names this file imports for itself (Any, TYPE_CHECKING, import_module, annotations).
    return sorted({*__all__, "__version__", *(
        name for name, value in globals().items()
        if type(value).__name__ == "module" and value.__name__.startswith("steering.")
        and not name.startswith("_")
    )})


__version__ = "0.1.0"

__all__ = [
    "ArgumentTypeError",
    "AuthorityGraph",
    "Body",
    "Cadence",
    "CalendarGap",
    "Citation",
    "Comparison",
    "Coverage",
    "HolidayDataWarning",
    "Occurrence",
    "PartialDate",
    "Post",
    "PresetNotFoundError",
    "Problem",
    "QueryError",
    "Registry",
    "Regulation",
    "RegulationFileError",
    "Role",
    "Ruling",
    "ShiftPolicy",
    "Status",
    "SteeringError",
    "SteeringWarning",
    "UnknownFactError",
    "UnknownIdError",
    "UnknownPostError",
    "WorkingDays",
    "WorkingGroup",
    "add_working_days",
    "calendar_gaps",
    "compare",
    "coverage",
    "display_language",
    "is_working_day",
    "load",
    "load_many",
    "loads",
    "next_working_day",
    "presets",
    "table",
    "to_org_jsonld",
    "to_popolo",
    "validate",
]
