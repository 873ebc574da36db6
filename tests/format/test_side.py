"""The sore side is asked once and then named in every text that says `{side ...}`."""

from __future__ import annotations

from pathlib import Path

import pytest

from wizard.walk.engine import Session
from wizard.walk.side import fill, personal

from .conftest import outcome, screen, self_test, tree

WHICH = {"kind": "question", "style": "single", "text": "Which side hurts?", "why": "To test that side first.",
         "sets": "side", "next": "stance",
         "options": [{"value": "left", "label": "Left"}, {"value": "right", "label": "Right"},
                     {"value": "both", "label": "Both"}]}


@pytest.mark.parametrize("text, side, expected", [
    ("Stand on your {side leg} first.", "left", "Stand on your left leg first."),
    ("Stand on your {side leg} first.", "both", "Stand on your sore leg first."),
    ("Stand on your {side leg} first.", None, "Stand on your sore leg first."),
    ("Then on your {other leg}.", "right", "Then on your left leg."),
    ("Then on your {other leg}.", "both", "Then on your other leg."),
    ("Start on the {side} side, then the {other side} side.", "left", "Start on the left side, then the right side."),
    ("Start on the {side} side, then the {other side} side.", None, "Start on the sore side, then the other side."),
    ("{Side hip} first.", "right", "Right hip first."),
    ("No placeholders here.", "left", "No placeholders here."),
])
def test_fill_reads_naturally_for_every_side(text, side, expected):
    assert fill(text, side) == expected


def _stance() -> dict:
    return self_test(title="Stance on the {side leg}", steps=["Stand on your {side leg}.", "Then your {other leg}."],
                     next="end")


def test_the_side_answer_fills_the_next_tests_words(build):
    library = build(screen(), tree("sided", {"which": WHICH, "stance": _stance(),
                                   "end": outcome("Plan", exercises=["deep-squat"])})).library
    session = Session(library, "sided")
    session.answer("right")
    assert session.current.steps == ("Stand on your right leg.", "Then your left leg.")
    assert session.current.title == "Stance on the right leg"
    assert library.node("sided/stance").steps[0] == "Stand on your {side leg}."  # the library is untouched
    session.answer("neither")
    assert session.result().exercises[0].steps[0] == "Stand with your right leg a little back."


def test_a_filled_node_is_the_record_replace_would_make_once_per_side(build):
    """`personal` copies the frozen record rather than rebuilding it: same record, made once per side."""
    import dataclasses
    library = build(screen(), tree("sided", {"which": WHICH, "stance": _stance(), "end": outcome()})).library
    node = library.node("sided/stance")
    left = personal(node, "left")
    assert left == dataclasses.replace(node, title="Stance on the left leg",
                                       steps=("Stand on your left leg.", "Then your right leg."))
    assert personal(node, "left") is left and personal(node, "right") is not left
    assert hash(left) == hash(dataclasses.replace(left))  # still a frozen, hashable record
    with pytest.raises(dataclasses.FrozenInstanceError):
        left.title = "changed"  # type: ignore[misc]


def test_without_a_side_answer_the_words_say_sore(build):
    library = build(screen(), tree("sided", {"stance": _stance(), "end": outcome()})).library
    assert Session(library, "sided").current.steps[0] == "Stand on your sore leg."


def test_an_unknown_placeholder_is_a_load_error_at_its_line(build):
    stance = _stance()
    stance["steps"] = ["Stand on your {sore leg}."]
    [problem] = build(screen(), tree("sided", {"which": WHICH, "stance": stance, "end": outcome()})).errors
    assert "unknown placeholder {sore leg}" in problem.message and "did you mean {side leg}" in problem.message
    lines = Path(problem.file).read_text(encoding="utf-8").splitlines()
    assert "{sore leg}" in lines[problem.line - 1]


def test_sets_side_needs_side_values(build):
    odd = {**WHICH, "options": [{"value": "left", "label": "Left"}, {"value": "unsure", "label": "Not sure"}]}
    [problem] = build(screen(), tree("sided", {"which": odd, "stance": _stance(), "end": outcome()})).errors
    assert "left, right, both" in problem.message and "unsure" in problem.message
