"""Exporters are pure functions of a Summary: importing and running every one loads no Textual or Rich."""

from __future__ import annotations

import json
import subprocess
import sys

from .conftest import EXAMPLES

PROBE = """
import json, sys
from pathlib import Path
from wizard.content import loader
from wizard.walk.engine import Session
from wizard.report import FORMATS, render
from wizard.report import files
from wizard.report.summary import build_summary
library = loader.load([Path(sys.argv[1])], bundled=False)
summary = build_summary(Session(library, "example", {"example/welcome": True}))
for fmt in FORMATS:
    render(summary, fmt)
print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich'))))
"""


def test_rendering_every_format_loads_no_user_interface():
    done = subprocess.run([sys.executable, "-c", PROBE, str(EXAMPLES)], capture_output=True, text=True,
                          timeout=60)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == []
