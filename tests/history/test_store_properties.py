"""Whatever a person does (answer, go back, change an earlier answer), the store holds exactly the session's
state after each journal call, and its answer rows are exactly the answers on the current path."""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings, strategies as st

from wizard.walk.engine import Session
from wizard.content.model import Measure, Question, SelfTest

TREES = ("full-check", "quick-retest")
ACTIONS = st.lists(st.tuples(st.sampled_from(("answer", "answer", "answer", "back", "edit")),
                             st.integers(0, 1000), st.integers(0, 1000)), max_size=14)


def value_for(node, k: int):
    """A valid answer for `node`, picked by `k`."""
    if isinstance(node, Question):
        if node.style == "yes_no":
            return bool(k % 2)
        if node.style == "single":
            return node.options[k % len(node.options)].value
        return [o.value for n, o in enumerate(node.options) if not o.exclusive and k >> n & 1]
    if isinstance(node, SelfTest):
        return node.results[k % len(node.results)]
    if isinstance(node, Measure):
        return int(node.min + k % (node.max - node.min + 1)) if node.integer else node.min + (k % 97) / 96 * (
            node.max - node.min)
    return True


def act(session: Session, action: str, k: int, j: int) -> None:
    if action == "back":
        session.back()
    elif action == "edit" and session.steps:
        node = session.steps[j % len(session.steps)]
        session.edit(node.qid, value_for(node, k))
    elif session.current is not None:
        session.answer(value_for(session.current, k))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(tree=st.sampled_from(TREES), actions=ACTIONS)
def test_the_store_always_holds_the_sessions_exact_state(store, library, tree, actions):
    store.conn.execute("PRAGMA synchronous = OFF")  # this property is about content; durability is tested by kill
    session, journal = Session(library, tree), store.journal()
    session_id = journal.begin(session)
    for action, k, j in actions:
        act(session, action, k, j)
        journal.record(session)
        assert store.load(session_id) == json.loads(json.dumps(session.to_dict()))
        rows = {r.qid: r.value for r in store.answer_rows(("question", "self_test", "measure", "info"))
                if r.session_id == session_id}
        assert rows == session.path_answers
        row = store.session(session_id)
        assert row.status == session.status
        assert (row.urgency is not None) == (session.finished and session.result().urgency is not None)
