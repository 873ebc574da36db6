"""Notice when an author saves a tree file (`--watch`), by polling modification times: no new dependency."""

from __future__ import annotations

from pathlib import Path

from wizard.tui.library_cache import YAML_SUFFIXES


class TreeWatcher:
    """`changed()` is True once after any YAML file under `paths` is added, removed or saved."""

    def __init__(self, paths) -> None:
        self.paths = [Path(p) for p in paths]
        self.seen = self.snapshot()

    def snapshot(self) -> dict[Path, tuple[int, int]]:
        found: dict[Path, tuple[int, int]] = {}
        for root in self.paths:
            files = root.rglob("*") if root.is_dir() else [root]
            for path in files:
                if path.suffix in YAML_SUFFIXES:
                    found[path] = _stamp(path)
        return found

    def changed(self) -> bool:
        now = self.snapshot()
        if now == self.seen:
            return False
        self.seen = now
        return True


def _stamp(path: Path) -> tuple[int, int]:
    """Modification time and size (size too, because two saves can share one coarse mtime)."""
    try:
        stat = path.stat()
    except OSError:  # removed or renamed between listing and stat: the next poll sees it settled
        return (-1, -1)
    return (stat.st_mtime_ns, stat.st_size)
