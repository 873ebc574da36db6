"""Turn each side of `hip-wizard diff` into a loaded library: a folder (or file) of trees as it is, or a
git revision of the repository we are in, whose trees folder is read with `git archive` into a temporary
folder (the working copy is never touched)."""

from __future__ import annotations

import io
import subprocess
import tarfile
import tempfile
from pathlib import Path

from wizard.content import loader
from wizard.content.model import Library
from wizard.errors import StateError

SHOWN = 5  # problems listed when a side does not load


def load_sides(old: str, new: str, folder: str, scratch: Path) -> tuple[Library, Library]:
    """Both sides' trees, each an existing path or else a git revision whose `folder` is read. Both are
    loaded alone or, when either needs them (an author's trees may hand over to bundled ones), both beside
    the bundled trees, which are then the same on both sides and add no changes."""
    paths = [_where(side, folder, scratch) for side in (old, new)]
    alone = [loader.collect([path], bundled=False) for path in paths]
    loaded = alone if not any(side.errors for side in alone) else \
        [loader.collect([path], bundled=True) for path in paths]
    if any(side.errors for side in loaded):
        loaded = alone  # report the problems of the trees themselves, not clashes with the bundled ones
    return _library(loaded[0], old, paths[0], folder), _library(loaded[1], new, paths[1], folder)


def working_copy(folder: str) -> str:
    """The default new side: `folder` here, or else the working copy's `folder` at the repository's top."""
    if Path(folder).exists():
        return folder
    return str(Path(_git(["rev-parse", "--show-toplevel"], folder).decode().strip()) / folder)


def _where(side: str, folder: str, scratch: Path) -> Path:
    path = Path(side)
    return path if path.exists() else _extract(side, folder, scratch)


def _library(loaded: loader.Loaded, label: str, path: Path, folder: str) -> Library:
    if loaded.errors:
        raise StateError(_not_loading(loaded.errors, label, path, folder))
    if not loaded.library.trees:
        raise StateError(f"{label} holds no trees")
    return loaded.library


def _not_loading(errors: list, label: str, path: Path, folder: str) -> str:
    """The first problems, causes before the broken links they lead to, a revision's files as REV:path."""
    causes = sorted(errors, key=lambda problem: problem.code == "reference")
    extracted = f"{path.parents[len(Path(folder).parts) - 1]}/" if not Path(label).exists() else None
    lines = [str(problem).replace(extracted, f"{label}:") if extracted else str(problem)
             for problem in causes[:SHOWN]]
    more = [f"... and {len(errors) - SHOWN} more"] if len(errors) > SHOWN else []
    return (f"the trees of {label} do not load with this hip-wizard ({len(errors)} problems; "
            f"`hip-wizard check` shows them all):\n" + "\n".join(f"  {line}" for line in lines + more))


def _extract(revision: str, folder: str, scratch: Path) -> Path:
    root = _git(["rev-parse", "--show-toplevel"], revision).decode().strip()
    _git(["-C", root, "rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}"], revision)
    archive = _git(["-C", root, "archive", "--format=tar", revision, "--", folder], revision)
    target = Path(tempfile.mkdtemp(dir=scratch))
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(target, filter="data")
    return target / folder


def _git(argv: list[str], revision: str) -> bytes:
    try:
        done = subprocess.run(["git", *argv], capture_output=True, timeout=60)
    except OSError as exc:
        raise StateError(f"{revision!r} is not a folder, and git is not available to read it as a revision "
                         f"({exc.strerror})") from None
    if done.returncode != 0:
        reason = done.stderr.decode(errors="replace").strip().splitlines()
        raise StateError(f"{revision!r} is neither a folder nor a git revision here"
                         + (f" (git: {reason[-1]})" if reason else ""))
    return done.stdout
