"""The bounds every regulation file and its source text are held to.

A regulation file comes from a stranger (an application's user uploads it, a
researcher downloads it). Each bound below is checked when the file is loaded,
before the work it would cost is done, and a file past one is refused with a
[`RegulationFileError`][steering.errors.RegulationFileError] naming the file, the path inside
it, what was found and what is allowed. The bounds are generous: the largest
shipped preset uses a small fraction of each (``docs/security.md`` lists them
with the error each gives).
"""

from __future__ import annotations

__all__ = [
    "MAX_ARRAY_ITEMS",
    "MAX_BYTES",
    "MAX_CADENCE_TIMES",
    "MAX_DELEGATIONS",
    "MAX_DEPTH",
    "MAX_MONTH_OFFSET",
    "MAX_NESTED_FILES",
    "MAX_NESTING",
    "MAX_POSTS",
    "MAX_REGISTRY_FILES",
    "MAX_SOURCE_BYTES",
    "MAX_STRING_CHARS",
    "MAX_WORKERS",
    "MAX_YEAR",
    "MIN_YEAR",
]

#: Largest regulation file accepted (bytes). The largest shipped preset is
#: under 100 KiB.
MAX_BYTES = 1024 * 1024
#: Largest source text (the regulation's own words, ``source = "..."``) read
#: (bytes). The longest seed is about 23 KB; a regulation with long annexes
#: stays well under this.
MAX_SOURCE_BYTES = 4 * 1024 * 1024
#: Deepest nesting of tables and arrays, and most parts of a dotted key.
MAX_DEPTH = 16
#: Most items in any one array of the file (posts, rules of one kind, targets,
#: quotes ...). A 1 MiB file cannot hold many more of anything real.
MAX_ARRAY_ITEMS = 10_000
#: Most posts of one regulation (the largest preset has 32).
MAX_POSTS = 2_000
#: Most written authorisations (``[[delegations]]``) in one file: checking that none
#: re-delegates compares those that overlap in time, pair by pair.
MAX_DELEGATIONS = 1_000
#: Longest string value (characters). A quote of a whole article fits.
MAX_STRING_CHARS = 20_000
#: Most times per period a cadence may ask for ("mỗi tháng 2 lần"): a
#: calendar's size grows with it.
MAX_CADENCE_TIMES = 31
#: Latest month after the reporting period a deadline may fall in.
MAX_MONTH_OFFSET = 12
#: First and last year a calendar, a deadline or a local day off may fall in: the
#: years the lunar calendar of the `holidays` package covers.
MIN_YEAR = 1901
MAX_YEAR = 2100
#: Most files [`load_many`][steering.registry.load_many] takes from one folder or list
#: (the country had 11,367 committees before 2025).
MAX_REGISTRY_FILES = 100_000
#: Most worker processes [`load_many`][steering.registry.load_many] starts.
MAX_WORKERS = 64
#: Deepest chain of regulation files one file may reach through its bodies'
#: ``regulation = "..."`` (a committee, its sub-committee, the sub-committee's group).
MAX_NESTING = 3
#: Most distinct regulation files one load may read through those references.
MAX_NESTED_FILES = 64
