"""Honest progress: "about N more" follows this person's answers, and shrinks one step at a time."""

from __future__ import annotations

import random

from hypothesis import given
from hypothesis import strategies as st

from tests.core.strategies import TREES, library_data, load_valid, random_answer
from wizard.content.answers import check_answer
from wizard.walk.engine import Session
from wizard.walk.progress import expected, expected_minutes, expected_path, likely_answer, minutes_words

from .conftest import outcome, self_test, single, tree, yes_no


def _long_nodes() -> dict:
    """`more` leads to four extra questions; most people say no (the default)."""
    extra = {f"q{i}": yes_no(f"Extra {i}?", next=f"q{i + 1}" if i < 4 else "test") for i in range(1, 5)}
    return {"more": yes_no("Anything else?", if_yes="q1", if_no="test"), **extra,
            "test": self_test(minutes=5, next="end"), "end": outcome()}


def _long_and_short(build):
    return build(tree("long", _long_nodes())).library


def test_expected_remaining_follows_the_likely_answers_not_the_longest_path(build):
    session = Session(_long_and_short(build), "long")
    assert session.progress.remaining == 6  # the worst case: yes, four extras, the test
    assert expected(session).remaining == 2  # no, then the test
    session.answer(True)
    assert expected(session).remaining == 5  # the answer added four steps, and only those


def test_a_likely_mark_changes_the_assumption(build):
    library = build(tree("long", {"more": yes_no("Anything else?", likely=True, if_yes="q1", if_no="end"),
                                  "q1": yes_no(next="end"), "end": outcome()})).library
    assert expected(Session(library, "long")).remaining == 2
    options = single(["a", "b"], next="end")
    options["options"][1]["likely"] = True
    marked = build(tree("pick", {"which": options, "end": outcome()})).library
    assert likely_answer(marked.node("pick/which")) == "b"


def test_welcome_minutes_add_up_the_expected_path(build):
    library = _long_and_short(build)
    assert expected_minutes(library, "long") == 5 + 0.25
    assert minutes_words(5.25) == "about 5 minutes" and minutes_words(23) == "about 25 minutes"


@TREES
@given(trees=library_data(), rng=st.randoms(use_true_random=False))
def test_progress_never_jumps_by_more_than_the_steps_an_answer_adds(folder, trees, rng):
    library = load_valid(folder, trees)
    session = Session(library, "main")
    while not session.finished:
        before = expected_path(library, "main", session.answers)
        remaining = expected(session).remaining
        node = session.current
        likely = rng.random() < 0.5
        value = likely_answer(node) if likely else random_answer(node, random.Random(rng.random()))
        session.answer(check_answer(node, value))
        after = expected_path(library, "main", session.answers)
        assert session.expected_path() == after  # the session's memo follows every answer
        now = expected(session).remaining if not session.finished else 0
        if likely:
            assert after == before and (now == remaining - 1 or session.finished)
        added = len([q for q in after if q not in before])
        assert now <= remaining - 1 + added
        assert now >= 0


def test_a_welcome_step_can_say_the_estimate(build):
    welcome = {"kind": "info", "text": "This takes {minutes}. Stop if anything hurts.", "next": "more"}
    data = tree("long", {"welcome": welcome, **_long_nodes()}, start="welcome")
    session = Session(build(data).library, "long")
    assert session.current.text == "This takes about 6 minutes. Stop if anything hurts."


def test_the_summary_copy_of_the_welcome_says_the_same_time_as_the_welcome_did(build):
    """QA: the welcome said "about 10 minutes" and the summary's copy of it "a few minutes"."""
    welcome = {"kind": "info", "text": "This takes {minutes}. Stop if anything hurts.", "next": "more"}
    data = tree("long", {"welcome": welcome, **_long_nodes()}, start="welcome")
    session = Session(build(data).library, "long")
    read = session.current.text
    session.answer(True)
    assert session.steps[0].text == read == "This takes about 6 minutes. Stop if anything hurts."
