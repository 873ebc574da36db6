"""Saved sessions come back exactly, and a changed or damaged save is explained, never a crash."""

from __future__ import annotations

import json

import pytest

from wizard.walk.engine import Session
from wizard.walk.resume import restore
from wizard.errors import StateError

from .conftest import EXAMPLES, load, outcome, single, tree, write, yes_no

RUNNER = {"example/welcome": True, "example-screen/fever": False, "example/where": "outside", "example/stance": "left"}


def round_trip(session: Session) -> tuple[Session, list[str]]:
    return restore(session.library, json.loads(json.dumps(session.to_dict())))


@pytest.mark.parametrize("count", range(len(RUNNER) + 1))
def test_round_trip_keeps_current_node_steps_and_result(examples, count):
    session = Session(examples, "example", dict(list(RUNNER.items())[:count]))
    again, notes = round_trip(session)
    assert notes == []
    assert again.current == session.current and again.steps == session.steps
    assert again.status == session.status and again.result() == session.result()


def test_saved_dict_names_tree_versions_and_hashes(examples):
    saved = Session(examples, "example", dict(RUNNER)).to_dict()
    assert saved["tree"] == "example" and saved["format"] == 1
    assert set(saved["trees"]) == {"example", "example-screen"}
    assert saved["trees"]["example"]["hash"] == examples.trees["example"].content_hash


def test_changed_tree_gives_notes_and_drops_answers_that_no_longer_fit(tmp_path):
    first = tree("t", {"a": yes_no(if_yes="b", if_no="end"), "b": single(["x", "y"], next="c"),
                       "c": yes_no(next="end"), "end": outcome()})
    path = write(tmp_path, "t.yaml", first)
    old = Session(load(path), "t", {"t/a": True, "t/b": "y", "t/c": False})
    saved = json.loads(json.dumps(old.to_dict()))
    second = tree("t", {"a": yes_no(if_yes="b", if_no="end"), "b": single(["x", "z"], next="end"),
                        "end": outcome()}, version="1.1.0")
    write(tmp_path, "t.yaml", second)
    session, notes = restore(load(path), saved)
    assert any("has changed since this session was saved (version 1.0.0 -> 1.1.0)" in n for n in notes)
    assert any("answer to 'Pick one' was dropped" in n for n in notes)
    assert any("'t/c' was dropped: that question no longer exists" in n for n in notes)
    assert session.answers == {"t/a": True}
    assert session.current.qid == "t/b"


def test_unchanged_tree_gives_no_notes(tmp_path):
    path = write(tmp_path, "t.yaml", tree("t", {"a": yes_no(next="end"), "end": outcome()}))
    saved = Session(load(path), "t", {"t/a": True}).to_dict()
    assert restore(load(path), saved)[1] == []


@pytest.mark.parametrize("data,words", [
    ("not a dict", "not a saved hip-wizard session"),
    ({}, "not a saved hip-wizard session"),
    ({"format": 2, "tree": "example", "answers": {}}, "format 1"),
    ({"format": 1, "tree": "example"}, "damaged"),
    ({"format": 1, "tree": 5, "answers": {}}, "damaged"),
    ({"format": 1, "tree": "example", "answers": [], "trees": {}}, "damaged"),
    ({"format": 1, "tree": "gone", "answers": {}}, "'gone', which is not loaded"),
])
def test_damaged_saves_raise_state_error_with_a_sentence(examples, data, words):
    with pytest.raises(StateError, match=words.replace("(", r"\(").replace(")", r"\)")):
        restore(examples, data)


def test_hostile_answers_are_dropped_one_by_one(examples):
    data = {"format": 1, "tree": "example", "trees": {"example": "junk", "gone": {}},
            "answers": {"example/welcome": True, "example-screen/fever": "no", "example/tendon": True,
                        "nowhere": 1, "example/where": {"a": 1}}}
    session, notes = restore(examples, data)
    assert session.answers == {"example/welcome": True}
    assert session.current.qid == "example-screen/fever"
    assert len(notes) == 6  # two tree notes, four dropped answers


def test_resume_from_the_real_example_folder_after_a_reload(examples):
    session = Session(examples, "example", dict(RUNNER))
    again, notes = restore(load(EXAMPLES), session.to_dict())
    assert notes == [] and again.result() == session.result()


def test_an_edit_without_a_new_version_is_not_reported_as_version_x_to_x(tmp_path):
    path = write(tmp_path, "t.yaml", tree("t", {"a": yes_no(next="end"), "end": outcome()}))
    saved = Session(load(path), "t", {"t/a": True}).to_dict()
    write(tmp_path, "t.yaml", tree("t", {"a": yes_no(next="b"), "b": yes_no(next="end"), "end": outcome()}))
    [note] = restore(load(path), saved)[1]
    assert "has changed since this session was saved; answers that still fit are kept" in note
    assert "version" not in note
