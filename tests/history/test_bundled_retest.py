"""The contract with the bundled trees: full-check and quick-retest share qids, so a re-test compares.

Answers are chosen by a simple rule (no to every yes/no question, the first option, every area or place but
never a ticked warning sign, a middle number), stored through the journal as a front end would, and compared with `compare_with_baseline`.
"""

from __future__ import annotations

import pytest

from wizard.content import loader
from wizard.walk.engine import Session
from wizard.content.model import Measure, Question, SelfTest
from wizard.history.retest import compare_with_baseline


@pytest.fixture(scope="module")
def bundled():
    loaded = loader.collect([])
    assert not loaded.errors, f"the bundled trees must load (see `hip-wizard check`): {loaded.errors[0]}"
    assert {"full-check", "quick-retest"} <= loaded.library.trees.keys(), "both are bundled"
    return loaded.library


def rule(node, side: str):
    if isinstance(node, Question):
        if node.style == "yes_no":
            return False
        if node.style == "single":
            return node.options[0].value
        if any(o.red_flag for o in node.options):  # a checklist of warning signs: tick none
            return []
        return [o.value for o in node.options if not o.exclusive]
    if isinstance(node, SelfTest):
        return side if node.sided else ("positive" if side != "neither" else "negative")
    if isinstance(node, Measure):
        return node.min if node.integer is False else int((node.min + node.max) // 2)
    return True


def walk_by_rule(store, library, tree: str, side: str) -> tuple[str, Session]:
    session, journal = Session(library, tree), store.journal()
    session_id = journal.begin(session)
    while session.current is not None:
        session.answer(rule(session.current, side))
        journal.record(session)
    journal.finish(session)
    return session_id, session


def test_a_quick_retest_compares_with_the_last_full_check(store, bundled):
    walk_by_rule(store, bundled, "full-check", "left")
    today, session = walk_by_rule(store, bundled, "quick-retest", "neither")
    comparison = compare_with_baseline(store, bundled, session, today)
    assert comparison is not None and comparison.tests and comparison.measures
    done_before = [c for c in comparison.tests if c.before is not None]  # the full check skips tests that do not fit
    assert {c.verdict for c in done_before if c.side == "left"} == {"better"}
    assert {c.verdict for c in done_before if c.side == "right"} == {"same"}
    assert {c.verdict for c in comparison.tests if c.before is None} <= {"unclear"}
    shared = [c for c in comparison.measures if not c.qid.startswith(f"{session.tree_id}/")]
    assert shared and all(c.before is not None for c in shared)  # today-only measures (next-day pain) have no before


def test_red_flag_numbers_are_not_compared(store, bundled):
    walk_by_rule(store, bundled, "full-check", "left")
    today, session = walk_by_rule(store, bundled, "quick-retest", "left")
    comparison = compare_with_baseline(store, bundled, session, today)
    screens = {t.id for t in bundled.trees.values() if t.role == "red_flags"}
    compared = [c.qid for c in (*comparison.tests, *comparison.measures)] + list(comparison.not_repeated)
    assert compared and not [qid for qid in compared if qid.split("/")[0] in screens]
