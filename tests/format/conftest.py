"""Small trees for the format features: cautions, checklists, the sore side, step counts and progress.

Each test builds only the trees it names (no bundled trees), so a planted fault is the only fault.
"""

from __future__ import annotations

import pytest

from tests.core.conftest import collect, load, measure, multi, outcome, self_test, single, tree, write, yes_no  # noqa: F401

CAUTIONS = {
    "catalogue": "safety",
    "cautions": {
        "replaced": {"title": "Hip replacement", "says": "After a hip replacement this position can dislocate the hip.",
                     "when": {"answer": "screen/op", "is": "replacement"}},
        "fell": {"title": "A fall", "says": "After a fall, a doctor should check the hip first.",
                 "when": {"answer": "screen.fall", "is": True}},
    },
    "exercises": {
        "deep-squat": {"name": "Deep squat", "kind": "strengthening", "target": "hips",
                       "steps": ["Stand with your {side leg} a little back.", "Squat down."],
                       "dosage": {"text": "10 a day"}, "minutes": 3, "unsafe_with": ["replaced"]},
        "bridge": {"name": "Bridge", "kind": "strengthening", "target": "buttocks",
                   "steps": ["Lie on your back.", "Lift your hips."], "dosage": {"text": "10 a day"}, "minutes": 3},
    },
}


def screen(**op_extra) -> dict:
    """A red-flag screen that asks about a hip operation and a fall."""
    return tree("screen", {
        "op": single(["none", "replacement"], next="fall", **op_extra), "fall": yes_no("Did you fall?", next="clear"),
        "clear": outcome("Clear", urgency=None),
    }, role="red_flags")


def entry(nodes: dict, tree_id: str = "walk", **extra) -> dict:
    return tree(tree_id, {"screen": {"kind": "handover", "tree": "screen", "next": next(iter(nodes))}, **nodes},
                start="screen", role="entry", **extra)


@pytest.fixture
def build(tmp_path):
    """Write trees and the safety catalogue; return the `Loaded` (problems included, nothing raised)."""
    def make(*trees: dict, catalogue: dict = CAUTIONS):
        paths = [write(tmp_path, f"{t['id']}.yaml", t) for t in trees]
        paths.append(write(tmp_path, "safety.yaml", catalogue))
        return collect(*paths)
    return make


def walk_tree(**fadir_extra) -> dict:
    """Entry tree: screen, then FADIR (unsafe after a replacement), pain, then an outcome with a plan."""
    return entry({
        "fadir": self_test(**{"title": "FADIR", "unsafe_with": ["replaced"], "next": "pain", **fadir_extra}),
        "pain": measure(next="end"),
        "end": outcome("Plan", exercises=["deep-squat", "bridge"]),
    })


WHICH = {"kind": "question", "style": "single", "text": "Which side hurts?", "why": "To test that side first.",
         "sets": "side", "next": "stance",
         "options": [{"value": "left", "label": "Left"}, {"value": "right", "label": "Right"},
                     {"value": "both", "label": "Both"}]}
SIGNS = {"kind": "question", "style": "multi", "text": "Tick any you have", "why": "Warning signs.",
         "options": [{"value": "fever", "label": "A fever", "red_flag": "emergency"},
                     {"value": "night", "label": "Pain every night", "red_flag": "urgent"},
                     {"value": "none", "label": "None of these", "exclusive": True}],
         "branches": [{"if": {"answer": "signs", "is": "fever"}, "next": "call"},
                      {"if": {"answer": "signs", "is": "night"}, "next": "doctor"}], "next": "extra"}


def sidewalk_tree(folder):
    """A tree that asks the sore side, a sided self-test and a warning-sign checklist; written to `folder`."""
    nodes = {"which": WHICH,
             "stance": self_test(title="Stance", steps=["Stand on your {side leg} first.", "Then the {other leg}."],
                                 next="signs"),
             "signs": SIGNS, "extra": yes_no("Anything else?", if_yes="more", if_no="fine"),
             "more": yes_no("Tell us more?", next="fine"),
             "call": outcome("Call now", "emergency"), "doctor": outcome("Doctor today", "urgent"),
             "fine": outcome("Self-care")}
    return write(folder, "sidewalk.yaml", tree("sidewalk", nodes))
