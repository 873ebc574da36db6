"""A tree file as read: its plain data and where each value was written, and how its bytes are read.

Apart from the YAML reader (`yamlsafe`) so that the app, starting from documents it checked on an earlier
run (`tui/library_cache.py`), unpickles them and builds the library without importing PyYAML at all.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

MAX_FILE_BYTES = 5_000_000

Path = tuple


@dataclass
class Document:
    """Parsed data plus where each value (by path of keys and indexes) starts in the file."""

    data: Any  # JSON-like: dicts, lists and YAML 1.2 core scalars, schema-checked by the loader
    positions: dict[Path, tuple[int, int]]

    def where(self, path: Path) -> tuple[int, int]:
        """The line and column of the value at `path`, or of its nearest ancestor that has one."""
        path = tuple(path)
        while path not in self.positions and path:
            path = path[:-1]
        return self.positions.get(path, (1, 1))


def read_capped(path) -> bytes:
    """A file's bytes, but never more than one past the cap: a huge file must not be read whole first."""
    with open(path, "rb") as handle:
        return handle.read(MAX_FILE_BYTES + 1)
