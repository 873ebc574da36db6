"""Write a session's summary into a folder the person can find (Documents/hip-wizard by default).

Used by the app's export key, which then says where the file went. File names carry the tree and the date
and never overwrite an earlier export; the write itself is atomic and private (`wizard.fileio`).
"""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path

from wizard.fileio import WriteError, reason, write_private
from wizard.report.summary import Summary, build_summary
from wizard.report import render
from wizard.report import suffix

FOLDER_NAME = "hip-wizard"
MAX_TRIES = 1000


def default_folder() -> Path:
    """Documents/hip-wizard under the person's home (platformdirs knows where Documents is)."""
    import platformdirs
    return Path(platformdirs.user_documents_dir()) / FOLDER_NAME


def export_session(session, fmt: str, folder: Path | None = None, *, when: datetime | None = None,
                   notes: tuple[str, ...] = ()) -> Path:
    """Render the session's summary as `fmt` into a new file in `folder`; return where it went."""
    summary = build_summary(session, when=when, notes=notes)
    return export_summary(summary, fmt, folder)


def export_summary(summary: Summary, fmt: str, folder: Path | None = None) -> Path:
    text = render(summary, fmt)
    target = Path(folder) if folder is not None else default_folder()
    _make_folder(target)
    return write_private(_free_name(target, file_stem(summary), suffix(fmt)), text)


def file_stem(summary: Summary) -> str:
    """hip-check-TREE-YYYY-MM-DD-HHMMSS: sorts by date and says what it is."""
    tree = re.sub(r"[^A-Za-z0-9_-]+", "-", summary.tree.id).strip("-") or "session"
    return f"hip-check-{tree}-{summary.created:%Y-%m-%d-%H%M%S}"


def _free_name(folder: Path, stem: str, ending: str) -> Path:
    for n in range(1, MAX_TRIES):
        candidate = folder / (f"{stem}{ending}" if n == 1 else f"{stem}-{n}{ending}")
        if not candidate.exists():
            return candidate
    raise WriteError(f"cannot write into {folder}: too many exports named {stem}")


def _make_folder(folder: Path) -> None:
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError as exc:
        raise WriteError(f"cannot create the folder {folder}: {reason(exc)}; nothing was written") from None
    if not folder.is_dir():
        raise WriteError(f"cannot write into {folder}: it is not a folder; nothing was written")
