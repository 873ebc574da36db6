"""Resume in the real app with the real store: a walk left part-way is offered, restored at the same step
with the same answers, and keeps writing to the same saved walk."""

from __future__ import annotations

import time

from wizard.tui.app import WizardApp
from wizard.tui.messages import Answered
from wizard.tui.screens.start import StartScreen

from .helpers import FULL, walk


async def until(pilot, condition, limit: float = 10.0) -> None:
    deadline = time.monotonic() + limit
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("the app never reached the expected state")
        await pilot.pause()


async def test_an_unfinished_walk_is_offered_and_resumed_exactly(store, library):
    part = {q: FULL[q] for q in list(FULL)[:3]}
    session_id, before = walk(store, library, "full-check", part)
    app = WizardApp(library, store.journal(), store)
    async with app.run_test(size=(120, 40)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, StartScreen))
        await pilot.press("1")
        await until(pilot, lambda: app.session is not None)
        assert app.session.answers == before.answers
        assert app.session.current.qid == before.current.qid == "measures/hold"
        app.post_message(Answered("measures/hold", 25))
        await until(pilot, lambda: store.load(session_id)["answers"].get("measures/hold") == 25)
    assert [row.id for row in store.sessions()] == [session_id]
