"""A quick re-test comes pre-filled with the areas whose self-tests were positive at the last full check."""

from __future__ import annotations

import io
from types import SimpleNamespace

import pytest

from wizard import plain
from wizard.walk.engine import Session
from wizard.content.loader import load
from wizard.history.retest import Baseline, suggest_from_last_check, suggested_areas
from wizard.authoring.scenarios import negative_answer
from wizard.history.store import Store


@pytest.fixture(scope="module")
def bundled():
    return load([])


def fill(store: Store, library, tree: str, given: dict) -> Session:
    """Walk `tree` to its end through a journal: `given` answers, else the negative / lowest / first one."""
    session, journal = Session(library, tree), store.journal()
    journal.begin(session)
    while session.current is not None:
        node = session.current
        value = given.get(node.qid, negative_answer(node))
        if value is None:
            value = node.min if node.kind == "measure" else node.options[0].value
        session.answer(value)
        journal.record(session)
    journal.finish(session)
    return session


OUTER_HIP = {"red-flags/who": "self", "red-flags/age": 45, "full-check/where": ["outside"],
             "side-tests/stance30": "left", "measures/pain": 4, "measures/walking": 80}


def test_areas_with_a_positive_test_are_suggested_and_others_are_not(bundled):
    baseline = Baseline("s1", "2026-11-01", {"side-tests/stance30": "left", "front-tests/fadir": "neither"}, ())
    assert suggested_areas(bundled, baseline, "quick-retest") == {"quick-retest/areas": ["side"]}


def test_a_retest_is_prefilled_from_the_last_full_check_but_not_answered(bundled, tmp_path):
    store = Store.open(tmp_path)
    last = fill(store, bundled, "full-check", OUTER_HIP)
    assert last.finished and last.path_answers["side-tests/stance30"] == "left"
    retest = Session(bundled, "quick-retest")
    assert suggest_from_last_check(store, bundled, retest) == {"quick-retest/areas": ["side"]}
    assert retest.previous_answer("quick-retest/areas") == ["side"]
    assert "quick-retest/areas" not in retest.answers


def test_without_a_full_check_nothing_is_suggested(bundled, tmp_path):
    retest = Session(bundled, "quick-retest")
    assert suggest_from_last_check(Store.open(tmp_path), bundled, retest) == {}
    assert retest.previous_answer("quick-retest/areas") is None


def test_plain_mode_offers_the_suggestion_and_enter_keeps_it(bundled, tmp_path):
    store = Store.open(tmp_path)
    fill(store, bundled, "full-check", OUTER_HIP)
    store.close()
    out = io.StringIO()
    args = SimpleNamespace(tree="quick-retest", trees=[], data_dir=tmp_path)
    probe = Session(bundled, "quick-retest")
    probe.answer("self")
    while probe.current.qid != "quick-retest/areas":
        probe.answer(False)
    lines = ["1"] + ["n"] * (len(probe.steps) - 1) + ["", "q"]  # myself, no warning signs, Enter at the areas
    plain.run_plain(args, io.StringIO("\n".join(lines) + "\n"), out)
    assert "Press Enter to keep: Outside of the hip" in out.getvalue()
    store = Store.open(tmp_path)
    saved = store.load(store.unfinished()[0].id)
    assert saved["tree"] == "quick-retest" and saved["answers"]["quick-retest/areas"] == ["side"]
