"""The regulations a server answers about: the presets and one folder, loaded once."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

import attrs

from steering import presets
from steering.errors import (
    Problem,
    RegulationFileError,
)
from steering.loader import MAX_BYTES, load
from steering.regulation import Regulation
from steering.web._types import MAX_FOLDER_FILES, ConfigError, UnknownRegulationError

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
