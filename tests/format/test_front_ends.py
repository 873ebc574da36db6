"""The sore side, checklists and honest progress as a person meets them in plain mode and JSON lines."""

from __future__ import annotations

import io
import json
from types import SimpleNamespace

from wizard import plain
from wizard.content.loader import load
from wizard.play import run_jsonl
from wizard.walk.engine import Session

from .conftest import sidewalk_tree


def _plain(folder, lines: list[str]) -> str:
    args = SimpleNamespace(tree="sidewalk", trees=[sidewalk_tree(folder)], data_dir=None)
    out = io.StringIO()
    original = plain.open_store
    plain.open_store = lambda args, front: None
    try:
        plain.run_plain(args, io.StringIO("".join(line + "\n" for line in lines)), out)
    finally:
        plain.open_store = original
    return out.getvalue()


def test_plain_mode_names_the_side_and_two_ticks_reach_the_most_urgent_level(tmp_path):
    out = _plain(tmp_path, ["2", "4", "2 1"])
    assert "1. Stand on your right leg first." in out and "2. Then the left leg." in out
    assert "EMERGENCY" in out


def test_plain_mode_counts_down_the_expected_steps(tmp_path):
    out = _plain(tmp_path, ["1", "4", "3", "2"])
    counts = [line for line in out.splitlines() if line.startswith("Step ")]
    assert counts == ["Step 1, about 3 more after this", "Step 2, about 2 more after this",
                      "Step 3, about 1 more after this", "Step 4, the last step, as far as your answers show"]
    assert "Self-care" in out


def test_plain_mode_takes_2_for_no_and_ends_the_line_when_input_ends(tmp_path):
    out = _plain(tmp_path, ["1", "4", "3"])
    assert out.endswith("\n") and "Answer y or n (1 yes, 2 no): \n" in out


def test_jsonl_sends_filled_text_and_expected_progress(tmp_path):
    session = Session(load([sidewalk_tree(tmp_path)]), "sidewalk")
    out = io.StringIO()
    run_jsonl(session, io.StringIO('{"answer": "left"}\n{"command": "quit"}\n'), out)
    messages = [json.loads(line) for line in out.getvalue().splitlines()]
    stance = messages[1]
    assert stance["steps"][0] == "Stand on your left leg first."
    assert stance["progress"] == {"done": 1, "remaining": 3, "at_most": 4}
