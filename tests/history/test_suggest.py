"""A quick re-test comes pre-filled with the areas whose self-tests were positive at the last full check."""

from __future__ import annotations

import io
from types import SimpleNamespace

import pytest

from wizard import plain
from wizard.walk.engine import Session
from wizard.content.loader import load
from wizard.history.retest import Baseline, suggest_from_last_check, suggested_areas
from wizard.history.store import Store

from .helpers import OUTER_HIP, fill


@pytest.fixture(scope="module")
def bundled():
    return load([])


def test_areas_with_a_positive_test_are_suggested_and_others_are_not(bundled):
    baseline = Baseline("s1", "2026-11-01", {"side-tests/stance30": "left", "front-tests/fadir": "neither"}, ())
    assert suggested_areas(bundled, baseline, "quick-retest") == {"quick-retest/areas": ["side"]}


def test_a_retest_is_prefilled_from_the_last_full_check_but_not_answered(bundled, tmp_path):
    with Store.open(tmp_path) as store:
        last = fill(store, bundled, "full-check", OUTER_HIP)
        assert last.finished and last.path_answers["side-tests/stance30"] == "left"
        retest = Session(bundled, "quick-retest")
        assert suggest_from_last_check(store, bundled, retest) == {"quick-retest/areas": ["side"]}
    assert retest.previous_answer("quick-retest/areas") == ["side"]
    assert "quick-retest/areas" not in retest.answers


def test_without_a_full_check_nothing_is_suggested(bundled, tmp_path):
    retest = Session(bundled, "quick-retest")
    with Store.open(tmp_path) as store:
        assert suggest_from_last_check(store, bundled, retest) == {}
    assert retest.previous_answer("quick-retest/areas") is None


def test_plain_mode_offers_the_suggestion_and_enter_keeps_it(bundled, tmp_path):
    with Store.open(tmp_path) as store:
        fill(store, bundled, "full-check", OUTER_HIP)
    out = io.StringIO()
    args = SimpleNamespace(tree="quick-retest", trees=[], data_dir=tmp_path)
    probe, lines = Session(bundled, "quick-retest"), []
    probe.answer("self")
    lines.append("1")  # myself
    while probe.current.qid != "quick-retest/areas":  # no warning sign ticked, no hip operation
        node = probe.current
        if node.style == "multi":
            probe.answer([]), lines.append("0")
        elif node.style == "single":
            probe.answer("none"), lines.append(str([o.value for o in node.options].index("none") + 1))
        else:
            probe.answer(False), lines.append("n")
    lines += ["", "q"]  # Enter at the areas keeps the suggestion
    plain.run_plain(args, io.StringIO("\n".join(lines) + "\n"), out)
    assert "Press Enter to keep: Outside of the hip" in out.getvalue()
    with Store.open(tmp_path) as store:
        saved = store.load(store.unfinished()[0].id)
    assert saved["tree"] == "quick-retest" and saved["answers"]["quick-retest/areas"] == ["side"]
