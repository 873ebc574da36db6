"""One lock per walk, so a walk open in one hip-wizard window is never offered or resumed in another.

Why: two windows on the same history could otherwise both carry on one walk, and the later save would
silently replace the other's answers, even a finished walk. Each process that has a walk open holds an
exclusive `flock` on a small private file named after the walk. The kernel drops the lock when the process
ends, even on kill -9, so a lock is never left stale. Where locks cannot be taken (a read-only folder, a
system without flock), walks carry on unlocked as before.
"""

from __future__ import annotations

import os
from pathlib import Path

from wizard.errors import StateError

try:
    import fcntl
except ImportError:  # pragma: no cover - not POSIX
    fcntl = None  # type: ignore[assignment]  # no locks on this platform


class WalkInUse(StateError):
    """The walk is open in another hip-wizard window."""


class WalkLocks:
    """The locks this process holds on walks in one history folder."""

    def __init__(self, folder: Path):
        self.folder = Path(folder) / "locks"
        self.held: dict[str, int] = {}

    def _path(self, walk_id: str) -> Path:
        import hashlib  # only once a walk is locked or looked up: not on the way to the first screen
        return self.folder / f"{hashlib.sha256(walk_id.encode('utf-8', 'replace')).hexdigest()[:32]}.lock"

    def claim(self, walk_id: str) -> None:
        """Hold the walk's lock until `release_all`; `WalkInUse` if another process holds it."""
        if fcntl is None or walk_id in self.held:
            return
        try:
            self.folder.mkdir(mode=0o700, exist_ok=True)
            fd = os.open(self._path(walk_id), os.O_RDWR | os.O_CREAT, 0o600)
        except OSError:
            return  # nowhere to keep locks: carry on as before
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(fd)
            raise WalkInUse("that walk is open in another hip-wizard window; carry on there, or close it "
                            "there first") from None
        self.held[walk_id] = fd

    def in_use(self, walk_id: str) -> bool:
        """True when another process holds the walk's lock (our own walks are never "in use")."""
        if fcntl is None or walk_id in self.held:
            return False
        try:
            fd = os.open(self._path(walk_id), os.O_RDONLY)
        except OSError:
            return False
        try:
            fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
            return False
        except OSError:
            return True
        finally:
            os.close(fd)

    def forget(self, walk_id: str) -> None:
        """A deleted walk: let go of its lock and remove the lock file."""
        fd = self.held.pop(walk_id, None)
        if fd is not None:
            os.close(fd)
        try:
            os.unlink(self._path(walk_id))
        except OSError:
            pass

    def release_all(self) -> None:
        for fd in self.held.values():
            os.close(fd)
        self.held.clear()
