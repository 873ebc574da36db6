"""A warm start for the app: the checked Library from the last run, reused while no tree file has changed.

Loading runs YAML parsing, JSON Schema (jsonschema alone takes ~0.1 s to import) and cross-reference checks
on every tree: about a second of a cold start, to rebuild exactly what the last run built. The cache key
is every tree file's path, mtime and size plus those of every module of the package (wizard/**/*.py), so any edit (or
upgrade) rebuilds it. Only libraries that loaded without errors are cached. The file is the user's own (0600, in
the user cache folder) and is ignored unless owned by them and not writable by others, because it is
unpickled. Nothing here decides anything; a miss simply calls the loader.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from pathlib import Path

import wizard
from wizard.content.validator_cache import cache_dir as user_cache_dir

YAML_SUFFIXES = (".yaml", ".yml")


def bundled_dir() -> Path:
    """Same answer as `loader.bundled_trees_dir()`, without importing the loader (and jsonschema)."""
    here = Path(wizard.__file__).resolve().parent
    inside = here / "trees"
    return inside if inside.is_dir() else here.parent / "trees"


def cache_dir() -> Path | None:
    return user_cache_dir()  # one folder for both caches


def load_library(paths: list[Path], folder: Path | None = None, bundled: bool = True):
    """(library, problems) as `loader.collect` gives them, from the cache when nothing has changed."""
    folder = cache_dir() if folder is None else folder
    roots = ([bundled_dir()] if bundled else []) + [Path(p) for p in paths]
    key = cache_key(roots)
    cached = _read(folder, key) if folder else None
    if cached is not None:
        return cached, []
    from wizard.content.loader import collect
    loaded = collect(list(paths), bundled)
    if folder and not loaded.errors:
        _write(folder, key, loaded.library)
    return loaded.library, loaded.problems


def cache_key(roots: list[Path]) -> str:
    digest = hashlib.sha256(wizard.__version__.encode())
    code = sorted(Path(wizard.__file__).resolve().parent.rglob("*.py"))
    for path in code + _tree_files(roots):
        digest.update(_stamp(path).encode())
    return digest.hexdigest()


def _tree_files(roots: list[Path]) -> list[Path]:
    files: list[Path] = []
    for root in roots:
        found = root.rglob("*") if root.is_dir() else [root]
        files += sorted(p for p in found if p.suffix in YAML_SUFFIXES)
    return files


def _stamp(path: Path) -> str:
    try:
        stat = path.stat()
    except OSError:
        return f"{path}|missing\n"
    return f"{path.resolve()}|{stat.st_mtime_ns}|{stat.st_size}\n"


def _file(folder: Path) -> Path:
    return folder / "library.pickle"


def _read(folder: Path, key: str):
    path = _file(folder)
    try:
        stat = path.stat()
        if stat.st_uid != os.getuid() or stat.st_mode & 0o022:
            return None
        saved_key, library = pickle.loads(path.read_bytes())
    except Exception:  # missing, damaged or from another version: rebuild it
        return None
    return library if saved_key == key else None


def _write(folder: Path, key: str, library) -> None:
    import tempfile  # only on a miss: keeps the warm start lean
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        handle, temp = tempfile.mkstemp(dir=folder, prefix=".library-")
        with os.fdopen(handle, "wb") as out:
            out.write(pickle.dumps((key, library), protocol=pickle.HIGHEST_PROTOCOL))
        os.chmod(temp, 0o600)
        os.replace(temp, _file(folder))
    except OSError:
        return  # a cache that cannot be written only costs time
