"""The fastjsonschema validators, compiled once per schema and kept between runs, keyed by the schema's hash.

fastjsonschema turns each schema into Python source; generating and compiling it takes about 90 ms, in
every `check`, `play`, `history` and cold app start, for the same schemas every time. The compiled code
objects are saved in the user cache folder in one file whose name is the sha256 of the schemas, the
fastjsonschema version and the Python bytecode version, and loaded from there next time (about 1 ms).
Because the file is executed, it is used only when it is the user's own and not writable by others, as
with the library cache; anything missing, damaged or foreign is simply compiled again. Never required:
without a cache folder everything works, only slower.
"""

from __future__ import annotations

import marshal
import os
from pathlib import Path
from typing import Callable

CACHE_ENV = "HIP_WIZARD_CACHE_DIR"
PREFIX = "validators-"


def cache_dir() -> Path | None:
    """The user cache folder ($HIP_WIZARD_CACHE_DIR, else the platform's), or None without platformdirs."""
    if os.environ.get(CACHE_ENV):
        return Path(os.environ[CACHE_ENV])
    try:
        import platformdirs
    except ImportError:
        return None
    return Path(platformdirs.user_cache_dir("hip-wizard", appauthor=False))


def compiled_validators(schemas: dict[str, dict], folder: Path | None = None) -> dict[str, Callable]:
    """name -> fastjsonschema validator for each schema, from the cache when it holds these schemas."""
    import fastjsonschema
    folder = cache_dir() if folder is None else folder
    path = folder / f"{PREFIX}{_key(schemas, fastjsonschema.VERSION)}.marshal" if folder else None
    codes = _read(path) if path else None
    if codes is None or codes.keys() != schemas.keys():
        codes = {name: compile(fastjsonschema.compile_to_code(schema), f"<schema {name}>", "exec")
                 for name, schema in schemas.items()}
        if path:
            _write(path, codes)
    return {name: _function(code) for name, code in codes.items()}


def _key(schemas: dict, version: str) -> str:
    import hashlib  # here, not at the top: the app imports this module on every start just for cache_dir
    import json
    from importlib.util import MAGIC_NUMBER  # the bytecode version: marshal data is only good for it
    digest = hashlib.sha256(json.dumps(schemas, sort_keys=True).encode())
    digest.update(f"|{version}|".encode() + MAGIC_NUMBER)
    return digest.hexdigest()


def _function(code) -> Callable:
    namespace: dict = {}
    exec(code, namespace)
    return namespace["validate"]


def _read(path: Path) -> dict | None:
    try:
        stat = path.stat()
        if stat.st_uid != os.getuid() or stat.st_mode & 0o022:
            return None
        codes = marshal.loads(path.read_bytes())
    except Exception:  # missing, damaged or from another version: compile again
        return None
    return codes if isinstance(codes, dict) else None


def _write(path: Path, codes: dict) -> None:
    """Atomically, private, and replacing the files of older schemas; a cache that cannot be written only
    costs time."""
    import tempfile
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        handle, temp = tempfile.mkstemp(dir=path.parent, prefix=".validators-")
        with os.fdopen(handle, "wb") as out:
            out.write(marshal.dumps(codes))
        os.chmod(temp, 0o600)
        os.replace(temp, path)
        for old in path.parent.glob(f"{PREFIX}*.marshal"):
            if old != path:
                old.unlink(missing_ok=True)
    except OSError:
        return
