"""The core (engine, loader, author checks, summaries, exporters) must work without Textual or Rich loaded.

Run in a fresh interpreter so that nothing this test process already imported can hide a stray import.
The same rules are checked statically by the import-linter contracts in pyproject.toml (`lint-imports`).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "wizard"
# Only the Textual app may load a user-interface library; __main__ runs the program when imported;
# serve.server is textual-serve's (rich-using) server, imported by the `serve` command alone.
UI_ONLY = ("wizard.tui", "wizard.__main__", "wizard.serve.server")


def _modules() -> list[str]:
    """Every module of the package, found on disk, so a new module is checked without anyone listing it."""
    names = []
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        if not name.startswith(UI_ONLY):
            names.append(name)
    return names


CORE = _modules()

PROBE = """
import importlib, json, sys
for name in sys.argv[1:]:
    importlib.import_module(name)
print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich'))))
"""


def test_the_package_is_found_on_disk():
    assert {"wizard.walk.engine", "wizard.content.loader", "wizard.history.views", "wizard.cli"} <= set(CORE)


@pytest.mark.parametrize("name", CORE)
def test_module_imports_without_textual_or_rich(name):
    done = subprocess.run([sys.executable, "-c", PROBE, name], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == [], f"{name} pulled in a user-interface library"


def test_loading_and_walking_the_examples_needs_no_textual():
    script = PROBE.replace("print(", "from wizard.content import loader\nfrom wizard.walk.engine import Session\n"
                           "s = Session(loader.load(['trees/examples'], bundled=False), 'example')\n"
                           "s.answer(True)\nprint(")
    from .conftest import REPO
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60, cwd=REPO)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == []


def test_history_views_load_no_yaml_or_json_schema():
    """The app's history screen imports the views; opening History must not pay for the tree loader."""
    probe = PROBE.replace("('textual', 'rich')", "('yaml', 'jsonschema', 'fastjsonschema')")
    done = subprocess.run([sys.executable, "-c", probe, "wizard.history.views"], capture_output=True, text=True,
                          timeout=60)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == []
