"""Each format, for each way a walk can end, matches a reviewed golden file byte for byte.

A change in any exporter shows up here as a diff a reviewer can read. To accept a deliberate change, run
`UPDATE_GOLDEN=1 python -m pytest tests/export/test_golden.py` and review the diff in git.
"""

from __future__ import annotations

import os

import pytest

from wizard.report import FORMATS, render, suffix

from .conftest import GOLDEN, summary_for

CASES = [(walk, fmt) for walk in ("finished", "emergency", "unfinished", "measured") for fmt in FORMATS]


@pytest.mark.parametrize(("walk", "fmt"), CASES)
def test_export_matches_golden_file(library, walk, fmt):
    text = render(summary_for(library, walk), fmt)
    golden = GOLDEN / f"example-{walk}{suffix(fmt)}"
    if os.environ.get("UPDATE_GOLDEN"):
        golden.write_text(text, encoding="utf-8")
    assert golden.exists(), f"no golden file {golden.name}; run with UPDATE_GOLDEN=1 and review it"
    assert text == golden.read_text(encoding="utf-8")


def test_golden_files_are_all_in_use():
    """A stale golden file (a renamed case) would otherwise sit there unchecked."""
    expected = {f"example-{walk}{suffix(fmt)}" for walk, fmt in CASES}
    assert {p.name for p in GOLDEN.iterdir()} == expected
