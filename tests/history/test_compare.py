"""Re-test comparison: per test and side, measures with direction, new findings; and the store's baseline."""

from __future__ import annotations

import pytest

from wizard.history import compare as cmp
from wizard.content.model import Measure, Where
from wizard.history.retest import compare_with_baseline, find_baseline

from .helpers import FULL, RETEST, walk

def by_key(comparison):
    tests = {(c.qid.split("/")[1], c.side): c.verdict for c in comparison.tests}
    measures = {c.qid.split("/")[1]: c for c in comparison.measures}
    return tests, measures


def test_each_side_of_each_test_is_better_same_or_worse(library):
    result = cmp.compare(library, FULL, RETEST)
    tests, _ = by_key(result)
    assert tests == {("stance", "left"): "better", ("stance", "right"): "worse", ("press", None): "worse"}


def test_measures_know_which_way_is_better(library):
    _, measures = by_key(cmp.compare(library, FULL, RETEST))
    assert (measures["pain"].verdict, measures["pain"].delta) == ("better", -3)
    assert (measures["walking"].verdict, measures["walking"].delta) == ("better", 15)
    assert measures["hold"].verdict == "same"
    _, worse = by_key(cmp.compare(library, FULL, {**RETEST, "measures/pain": 7, "measures/hold": 10}))
    assert (worse["pain"].verdict, worse["pain"].small, worse["hold"].verdict) == ("worse", True, "worse")


@pytest.mark.parametrize("better", ["higher", "lower", None])
def test_direction_is_what_the_tree_declares_never_a_guess_from_the_id(better):
    node = Measure(id="pain-walking-seconds", tree="t", kind="measure", where=Where("x"), text="?", why="?",
                   unit="/10", min=0, max=10, better=better)
    assert cmp.direction_of(node) == better
    change = cmp.measure_change(node, 4, 6)
    assert change.verdict == {"higher": "better", "lower": "worse", None: "changed"}[better]


def test_could_not_or_unsure_is_unclear_not_better(library):
    tests, _ = by_key(cmp.compare(library, FULL, {**RETEST, "side-tests/stance": "could_not"}))
    assert tests[("stance", "left")] == tests[("stance", "right")] == "unclear"


def test_new_and_gone_findings_and_tests_not_repeated(library):
    partial = {"measures/pain": 5}
    result = cmp.compare(library, FULL, partial, before_findings=("a",), after_findings=("b",))
    assert (result.new_findings, result.gone_findings) == (("b",), ("a",))
    assert set(result.not_repeated) == {"measures/walking", "measures/hold", "side-tests/stance", "side-tests/press"}


def test_describe_says_it_in_plain_lines(library):
    lines = cmp.describe(cmp.compare(library, FULL, RETEST, (), ("example-tendon",)),
                         {"example-tendon": "Outer hip tendon"})
    assert "Single-leg stance (left): better, positive -> negative" in lines
    assert "Pain today: better, 6 -> 3/10 (-3)" in lines
    assert "New since last time: Outer hip tendon" in lines


def test_the_baseline_is_the_last_finished_full_check_not_todays_walk(store, library):
    assert find_baseline(store, library) is None
    walk(store, library, "full-check", {**FULL, "measures/pain": 9})
    last, _ = walk(store, library, "full-check", {**FULL, "side-tests/stance": "neither"})
    walk(store, library, "full-check", {"full-check/intro": True})
    today, session = walk(store, library, "quick-retest", RETEST)
    baseline = find_baseline(store, library, exclude=today)
    assert baseline.session_id == last and baseline.last_time("measures/pain") == 6
    result = compare_with_baseline(store, library, session, today)
    assert result.new_findings == ("example-tendon",)
    assert (result.count("better"), result.count("worse"), result.count("same")) == (2, 2, 2)


def test_a_finished_full_check_is_not_its_own_baseline(store, library):
    only, session = walk(store, library, "full-check", FULL)
    assert compare_with_baseline(store, library, session, only) is None


def test_every_bundled_measure_knows_which_way_is_better():
    """A new measure in the bundled trees must get a direction (node table, id word or unit), or the
    re-test could only say "changed"."""
    from wizard.content import loader
    loaded = loader.collect([])
    assert not loaded.errors, f"the bundled trees must load (see `hip-wizard check`): {loaded.errors[0]}"
    tracked = [t for t in loaded.library.trees.values() if t.role != "red_flags"]  # age is not a progress measure
    measures = [n for t in tracked for n in t.nodes.values() if isinstance(n, Measure)]
    assert measures, "the bundled trees track measures"
    assert [n.qid for n in measures if cmp.direction_of(n) is None] == []
