"""``python -m steering``: the same command as ``steering``."""

from __future__ import annotations

import sys

from steering.cli import main

if __name__ == "__main__":
    sys.exit(main())
