"""The shipped presets: the five seed regulations, encoded and cited.

Each preset is a TOML file in this package, in the same format users write,
with its source text in ``sources/`` for citation checks.
"""

from __future__ import annotations

import functools
from importlib import resources
from pathlib import Path

from steering.errors import PresetNotFoundError
from steering.loader import load as _load_file
from steering.regulation import Regulation

__all__ = ["load", "names", "path", "source_path"]

#: Preset ids, in a fixed order: by locality, then date.
_PRESETS: tuple[str, ...] = (
    "thanh-hoa-2021",
    "thanh-hoa-2024",
    "dak-nong-2021",
    "tung-chau-2023",
    "vung-tau-2024",
)


def names() -> tuple[str, ...]:
    """The ids of the shipped presets."""
    return _PRESETS


def path(preset_id: str) -> Path:
    """The TOML file of a preset.

    Raises:
        PresetNotFoundError: No preset has this id; the message lists the ids.

    """
    if preset_id not in _PRESETS:
        raise PresetNotFoundError(preset_id, _PRESETS)
    return Path(str(resources.files(__name__).joinpath(f"{preset_id}.toml")))


def source_path(preset_id: str) -> Path:
    """The source text a preset's citations quote."""
    return path(preset_id).parent / "sources" / f"{preset_id}.txt"


@functools.cache
def load(preset_id: str) -> Regulation:
    """Load a shipped preset by id (cached: presets are immutable values).

    Raises:
        PresetNotFoundError: No preset has this id; the message lists the ids.

    """
    return _load_file(path(preset_id))
