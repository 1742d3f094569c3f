"""steering: operating regulations of Vietnamese steering committees as typed, cited data.

Load a shipped preset or your own regulation file, validate it, and ask it
questions::

    import steering
    reg = steering.presets.load("dak-nong-2021")
    steering.validate(reg)                       # () when valid
    reg.authority().acting_for("head", absent={"head"})
"""

from __future__ import annotations

from steering import presets
from steering.authority import AuthorityGraph
from steering.compare import Comparison, compare, table
from steering.errors import (
    PresetNotFoundError,
    Problem,
    QueryError,
    RegulationFileError,
    SteeringError,
    UnknownIdError,
    UnknownPostError,
)
from steering.loader import load, loads
from steering.regulation import PartialDate, Regulation
from steering.roles import Body, Post, Role, WorkingGroup
from steering.rules import Cadence, Citation
from steering.ruling import Ruling, Status
from steering.schedule import CalendarGap, Occurrence, calendar_gaps
from steering.validation import validate
from steering.workdays import (
    ShiftPolicy,
    WorkingDays,
    add_working_days,
    is_working_day,
    next_working_day,
)

__version__ = "0.1.0"

__all__ = [
    "AuthorityGraph",
    "Body",
    "Cadence",
    "CalendarGap",
    "Citation",
    "Comparison",
    "Occurrence",
    "PartialDate",
    "Post",
    "PresetNotFoundError",
    "Problem",
    "QueryError",
    "Regulation",
    "RegulationFileError",
    "Role",
    "Ruling",
    "ShiftPolicy",
    "Status",
    "SteeringError",
    "UnknownIdError",
    "UnknownPostError",
    "WorkingDays",
    "WorkingGroup",
    "add_working_days",
    "calendar_gaps",
    "compare",
    "is_working_day",
    "load",
    "loads",
    "next_working_day",
    "presets",
    "table",
    "validate",
]
