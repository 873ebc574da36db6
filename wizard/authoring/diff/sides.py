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


def load_side(side: str, folder: str, scratch: Path) -> Library:
    """The trees of `side`: an existing path, else a git revision whose `folder` is read."""
    path = Path(side)
    if path.exists():
        return _load(path, side)
    return _load(_extract(side, folder, scratch), side)


def _load(path: Path, label: str) -> Library:
    loaded = loader.collect([path], bundled=False)
    if loaded.errors:
        first = loaded.errors[0]
        raise StateError(f"the trees of {label} do not load ({len(loaded.errors)} problems; fix them first). "
                         f"The first: {first}")
    if not loaded.library.trees:
        raise StateError(f"{label} holds no trees")
    return loaded.library


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
