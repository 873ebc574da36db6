"""A warm start for the app: the checked Library from the last run, reused while no tree file has changed.

Loading runs YAML parsing, JSON Schema (jsonschema alone takes ~0.1 s to import) and cross-reference checks
on every tree: about a second of a cold start, to rebuild exactly what the last run built. The cache key
is every tree file's path, mtime and size plus those of every module of the package (wizard/**/*.py), so any edit (or
upgrade) rebuilds it. Only libraries that loaded without errors are cached. The file is the user's own (0600, in
the user cache folder) and is ignored unless owned by them and not writable by others, because it is
unpickled. Nothing here decides anything; a miss simply calls the loader.
"""

from __future__ import annotations

import copyreg
import io
import os
import pickle
from collections.abc import Callable
from functools import partial
from pathlib import Path

import wizard
from wizard.content.model import Tree, Where

YAML_SUFFIXES = (".yaml", ".yml")


def bundled_dir() -> Path:
    """Same answer as `loader.bundled_trees_dir()`, without importing the loader (and jsonschema)."""
    here = Path(wizard.__file__).resolve().parent
    inside = here / "trees"
    return inside if inside.is_dir() else here.parent / "trees"


def cache_dir() -> Path | None:
    from wizard.content.validator_cache import cache_dir as user_cache_dir  # one folder for every cache
    return user_cache_dir()


def load_library(paths: list[Path], folder: Path | None = None, bundled: bool = True,
                 later: list[Callable[[], None]] | None = None):
    """(library, problems) as `loader.collect` gives them, from the cache when nothing has changed; when
    something has, only the tree files whose bytes changed are parsed and schema-checked again.

    `later`: the cache files to write are appended here as calls, for the app to make once its first screen
    is drawn (they serve the next start, not this one); without it they are written at once."""
    folder = cache_dir() if folder is None else folder
    roots = ([bundled_dir()] if bundled else []) + [Path(p).resolve() for p in paths]
    code = code_key()
    key = cache_key(roots, code)
    cached = _read(folder, LIBRARY, key) if folder else None
    if cached is not None:
        return cached, []
    from wizard.content.loader import collect
    known = (_read(folder, DOCUMENTS, code) or {}) if folder else None
    loaded = collect(list(paths), bundled, known=known)
    save = later.append if later is not None else (lambda write: write())
    if folder and loaded.documents.keys() != (known or {}).keys():  # unchanged documents need no new copy
        save(partial(_write, folder, DOCUMENTS, code, loaded.documents))
    if folder and not loaded.errors:
        save(partial(_write, folder, LIBRARY, key, loaded.library))
    return loaded.library, loaded.problems


def code_key() -> str:
    """The package's version and every module and schema file's path, mtime and size: any edit or upgrade
    changes it. Kept as the text itself (a few kB), not a digest: comparing it costs nothing, and hashing
    meant importing hashlib on every start."""
    package = Path(wizard.__file__).resolve().parent
    return "".join([f"hip-wizard {wizard.__version__}\n", *map(_stamp, _package_files(package))])


def _package_files(package: Path) -> list[Path]:
    """Every module and schema file (os.walk without the bytecode folders: several times quicker than rglob)."""
    found = []
    for folder, subfolders, names in os.walk(package):
        subfolders[:] = sorted(d for d in subfolders if d != "__pycache__")
        found += [Path(folder, n) for n in sorted(names) if n.endswith(".py") or n.endswith(".schema.json")]
    return found


def cache_key(roots: list[Path], code: str | None = None) -> str:
    return (code or code_key()) + "".join(map(_stamp, _tree_files(roots)))


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
    return f"{path}|{stat.st_mtime_ns}|{stat.st_size}\n"  # roots are resolved, so their files' paths are too


LIBRARY = "library.pickle"  # the checked Library, for exactly these tree files
DOCUMENTS = "documents.pickle"  # each tree file's parsed, schema-checked document, by its bytes' sha256


def _read(folder: Path, name: str, key: str):
    path = folder / name
    try:
        stat = path.stat()
        if stat.st_uid != os.getuid() or stat.st_mode & 0o022:
            return None
        saved_key, payload = pickle.loads(path.read_bytes())
    except Exception:  # missing, damaged or from another version: rebuild it
        return None
    return payload if saved_key == key else None


def _write(folder: Path, name: str, key: str, payload) -> None:
    import tempfile  # only on a miss: keeps the warm start lean
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        handle, temp = tempfile.mkstemp(dir=folder, prefix=".library-")
        with os.fdopen(handle, "wb") as out:
            out.write(_for_walking((key, payload)))
        os.chmod(temp, 0o600)
        os.replace(temp, folder / name)
    except OSError:
        return  # a cache that cannot be written only costs time


class _WalkingPickler(pickle.Pickler):
    """Leaves out what only authors' tools read: each file's map of line numbers (`Where.positions`, for
    pointing a `check` message at the exact key) and the trees' scenarios. They were two thirds of the cached
    library, read on every start by an app that never uses them. Instances are rebuilt as pickle always
    rebuilds them (no constructor call), so unpickling still runs none of the model's dataclass code."""

    def reducer_override(self, obj):
        if type(obj) is Where and obj.positions is not None:
            return copyreg.__newobj__, (Where,), {**obj.__dict__, "prefix": (), "positions": None}
        if type(obj) is Tree and obj.scenarios:
            return copyreg.__newobj__, (Tree,), {**obj.__dict__, "scenarios": ()}
        return NotImplemented


def _for_walking(payload) -> bytes:
    buffer = io.BytesIO()
    _WalkingPickler(buffer, protocol=pickle.HIGHEST_PROTOCOL).dump(payload)
    return buffer.getvalue()
