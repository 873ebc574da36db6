"""The core (engine, loader, author checks, summaries, exporters) must work without Textual or Rich loaded.

Run in a fresh interpreter so that nothing this test process already imported can hide a stray import.
"""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys

import pytest

CORE = ["wizard.walk.engine", "wizard.content.loader", "wizard.content.conditions", "wizard.content.answers", "wizard.walk.graph",
        "wizard.walk.resume", "wizard.walk.result", "wizard.content.refcheck", "wizard.content.schema_check", "wizard.content.yamlsafe"]
OPTIONAL = ["wizard.authoring.lint", "wizard.authoring.scenarios", "wizard.authoring.safety", "wizard.report.summary", "wizard.report",
            "wizard.report.command", "wizard.history.store", "wizard.play", "wizard.plain", "wizard.protocol",
            "wizard.authoring.graphviz", "wizard.authoring.starter", "wizard.cli"]

PROBE = """
import importlib, json, sys
for name in sys.argv[1:]:
    importlib.import_module(name)
print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich'))))
"""


def _present(name: str) -> bool:
    try:
        return importlib.util.find_spec(name) is not None
    except ImportError:
        return False


@pytest.mark.parametrize("name", CORE + OPTIONAL)
def test_module_imports_without_textual_or_rich(name):
    if not _present(name):
        pytest.skip(f"{name} does not exist yet")
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
