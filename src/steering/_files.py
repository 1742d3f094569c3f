"""Reading files from strangers: regular files only, bounded, and never blocking.

``Path.read_bytes()`` trusts ``st_size``, which is 0 for ``/dev/zero`` (an
endless read), and ``open()`` on a FIFO waits for a writer forever. Here the
file is opened without blocking, checked to be a regular file on the opened
descriptor (so a symlink to a device is caught too, and nothing can swap the
file between the check and the read), and read in chunks up to the limit plus
one byte.
"""

from __future__ import annotations

import os
import stat

__all__ = ["FileReadError", "read_bounded"]

_CHUNK = 64 * 1024


class FileReadError(Exception):
    """A file that cannot be read: the message says what was found and what is allowed."""


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def read_bounded(path: str | os.PathLike[str], limit: int) -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes.

    Raises:
        FileReadError: The path cannot be opened, is not a regular file (a
            folder, a FIFO, a device, a socket, or a link to one), or holds
            more than ``limit`` bytes.

    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path, flags)
    except IsADirectoryError:
        raise FileReadError("found a folder; allowed: a regular file") from None
    except (OSError, ValueError) as e:  # ValueError: a NUL in the path
        why = e.strerror if isinstance(e, OSError) and e.strerror else str(e)
        raise FileReadError(f"cannot read the file: {why}") from None
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise FileReadError(f"found {_kind(mode)}; allowed: a regular file")
        chunks: list[bytes] = []
        size = 0
        while size <= limit:
            chunk = os.read(fd, min(_CHUNK, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        if size > limit:
            raise FileReadError(f"found more than {limit} bytes; allowed: at most {limit} bytes")
        return b"".join(chunks)
    except OSError as e:
        raise FileReadError(f"cannot read the file: {e.strerror or e}") from None
    finally:
        os.close(fd)
