"""Atomic, private file writes: a file is replaced only by a complete new one, readable only by its owner.

Why: an export or a saved file that is half-written (disk full, power cut, read-only folder) is worse than
none, and health data must not be readable by other users. So the text goes to a temporary file in the
same folder (created 0600), is flushed to disk with fsync, and is then renamed over the target in one step.
On any failure the temporary file is removed, the old file is left as it was, and the error says why in
plain words.
"""

from __future__ import annotations

import errno
import os
import stat
import tempfile
from pathlib import Path

from wizard.errors import StateError

PRIVATE = 0o600
REASONS = {
    errno.ENOSPC: "the disk is full",
    errno.EDQUOT: "you are over your disk quota",
    errno.EROFS: "the folder is on a read-only file system",
    errno.EACCES: "permission denied (the folder may be read-only)",
    errno.EPERM: "permission denied (the folder may be read-only)",
    errno.ENOENT: "the folder does not exist",
    errno.ENOTDIR: "part of the path is not a folder",
    errno.EISDIR: "there is a folder with that name",
    errno.ENAMETOOLONG: "the file name is too long",
    errno.EIO: "the disk reported an input/output error",
}


class WriteError(StateError):
    """A file could not be written; the message says which file, why, and that the old one is untouched."""


def reason(exc: OSError) -> str:
    """An OSError in words a person can act on."""
    return REASONS.get(exc.errno or 0, exc.strerror or str(exc))


def write_private(path: Path, content: str | bytes) -> Path:
    """Write `content` (text is UTF-8) to `path` atomically with mode 0600; raise `WriteError` on failure."""
    path = Path(path)
    data = _encode(path, content)
    _refuse_special(path)
    try:
        temp = _write_temp(path, data)
    except OSError as exc:
        raise WriteError(_failed(path, exc)) from None
    try:
        os.replace(temp, path)
    except OSError as exc:
        _remove(temp)
        raise WriteError(_failed(path, exc)) from None
    _sync_folder(path.parent)
    return path


def _encode(path: Path, content: str | bytes) -> bytes:
    if isinstance(content, bytes):
        return content
    try:
        return content.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise WriteError(f"cannot write {path}: the text holds a character that cannot be saved as UTF-8 "
                         f"({content[exc.start]!r} at position {exc.start}); nothing was written") from None


def _write_temp(path: Path, data: bytes) -> str:
    """The data in a complete, fsynced, private temporary file beside `path`; removed again on failure."""
    fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        os.fchmod(fd, PRIVATE)
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view):]
        os.fsync(fd)
    except BaseException:
        os.close(fd)
        _remove(temp)
        raise
    os.close(fd)
    return temp


_SPECIAL = {stat.S_IFLNK: "a symbolic link", stat.S_IFCHR: "a device", stat.S_IFBLK: "a device",
            stat.S_IFIFO: "a named pipe", stat.S_IFSOCK: "a socket"}


def _refuse_special(path: Path) -> None:
    """Only a regular file is ever replaced: renaming over a device, pipe or link (as root, /dev/null or
    /dev/stdout) would swap a system file for one holding health data."""
    try:
        kind = _SPECIAL.get(stat.S_IFMT(os.lstat(path).st_mode))
    except OSError:
        return  # missing or unreachable: the write itself says why
    if kind:
        raise WriteError(f"cannot write {path}: it is {kind}, not a regular file; choose a file name "
                         "instead; nothing was written")


def _failed(path: Path, exc: OSError) -> str:
    try:
        kept = "the old file is unchanged" if os.path.lexists(path) else "nothing was written"
    except (OSError, ValueError):
        kept = "nothing was written"
    return f"cannot write {path}: {reason(exc)}; {kept}"


def _remove(temp: str) -> None:
    try:
        os.unlink(temp)
    except OSError:
        pass


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable; not every system can open a folder, and that is fine."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
