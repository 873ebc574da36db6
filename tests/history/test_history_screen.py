"""The TUI history screen, driven with Pilot on a minimal app: what it shows, delete/wipe after a yes."""

from __future__ import annotations

import time
from pathlib import Path

from textual.app import App
from textual.widgets import Button, DataTable, Static

from wizard.tui.screens.confirm import ConfirmScreen
from wizard.history.store import transaction
from wizard.tui.screens.history import PAGE, TREND_WALKS, HistoryScreen

from .helpers import FULL, walk

RETEST = {"measures/pain": 2, "measures/walking": 90, "measures/hold": 30,
          "side-tests/stance": "neither", "side-tests/press": "positive", "quick-retest/wrap": False}


class HostApp(App):
    """Just enough app to push the history screen, as the real app does on `h`."""

    def __init__(self, store, library):
        super().__init__()
        self.store, self.library = store, library

    def on_mount(self) -> None:
        self.push_screen(HistoryScreen(self.store))


def fill(store, library) -> list[str]:
    """A full check, another two weeks later, then a quick re-test two weeks after that."""
    walks = [("full-check", {**FULL, "measures/pain": 7, "measures/walking": 50}),
             ("full-check", {**FULL, "measures/pain": 5, "side-tests/stance": "both"}),
             ("quick-retest", RETEST)]
    ids = []
    for tree, answers in walks:
        ids.append(walk(store, library, tree, answers)[0])
        store.clock.jump(days=14)
    return ids


async def until(pilot, condition, limit: float = 10.0) -> None:
    """Let the app run until `condition()` holds; fail after `limit` seconds (never a fixed sleep)."""
    deadline = time.monotonic() + limit
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("the screen never reached the expected state")
        await pilot.pause()


def table_text(app, table_id: str) -> list[list[str]]:
    table = app.screen.query_one(table_id, DataTable)
    return [[str(c) for c in table.get_row_at(r)] for r in range(table.row_count)]


async def test_the_screen_lists_walks_trends_and_tests(store, library):
    fill(store, library)
    app = HostApp(store, library)
    async with app.run_test(size=(120, 50)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, HistoryScreen))
        sessions = table_text(app, "#sessions")
        assert [row[1] for row in sessions] == ["Quick re-test (test)", "Full check (test)", "Full check (test)"]
        trends = {row[0]: row for row in table_text(app, "#trends")}
        assert trends["Pain today (/10)"][2] == "7 -> 5 -> 2"
        tests = {(row[0], row[1]): row[2:] for row in table_text(app, "#tests")}
        assert tests[("Single-leg stance", "left")] == ["+", "+", "-"]
        assert tests[("Single-leg stance", "right")] == ["-", "+", "-"]
        comparison = str(app.screen.query_one("#comparison", Static).render())
        assert "Pain today: better, 5 -> 2/10 (-3)" in comparison
        assert "Wall press: worse, negative -> positive" in comparison


async def confirm(pilot, app, button: str) -> None:
    await until(pilot, lambda: isinstance(app.screen, ConfirmScreen))
    app.screen.query_one(f"#{button}", Button).press()
    await until(pilot, lambda: isinstance(app.screen, HistoryScreen))


async def test_delete_removes_the_highlighted_walk_after_a_yes(store, library):
    ids = fill(store, library)
    app = HostApp(store, library)
    async with app.run_test(size=(120, 50)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, HistoryScreen))
        app.screen.query_one("#sessions", DataTable).move_cursor(row=1)
        await pilot.press("d")
        await confirm(pilot, app, "yes")
        assert [r.id for r in store.sessions()] == [ids[2], ids[0]]
        assert len(table_text(app, "#sessions")) == 2


async def test_keep_or_escape_deletes_nothing(store, library):
    fill(store, library)
    app = HostApp(store, library)
    async with app.run_test(size=(120, 50)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, HistoryScreen))
        await pilot.press("d")
        await confirm(pilot, app, "no")
        await pilot.press("w")
        await until(pilot, lambda: isinstance(app.screen, ConfirmScreen))
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, HistoryScreen))
        assert len(store.sessions()) == 3


async def test_wipe_empties_history_after_a_yes(store, library):
    fill(store, library)
    app = HostApp(store, library)
    async with app.run_test(size=(120, 50)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, HistoryScreen))
        await pilot.press("w")
        await confirm(pilot, app, "yes")
        assert store.sessions() == []
        assert "No history yet" in str(app.screen.query_one("#history-summary", Static).render())
        assert table_text(app, "#sessions") == [] and table_text(app, "#trends") == []


async def test_escape_closes_the_screen(store, library):
    app = HostApp(store, library)
    async with app.run_test(size=(120, 50)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, HistoryScreen))
        await pilot.press("escape")
        await until(pilot, lambda: not isinstance(app.screen, HistoryScreen))


async def test_saved_text_is_never_markup(store, library):
    fill(store, library)
    store.conn.execute("UPDATE answers SET label = '[@click=app.quit]Pain [/' WHERE qid = 'measures/pain'")
    app = HostApp(store, library)
    async with app.run_test(size=(120, 50)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, HistoryScreen))
        names = [row[0] for row in table_text(app, "#trends")]
        assert "[@click=app.quit]Pain [/ (/10)" in names
        assert app.is_running


def test_history_screen_snapshot(snap_compare, store, library):
    fill(store, library)
    store.path = Path("/home/you/.local/share/hip-wizard/history.sqlite3")  # shown on screen; tmp_path varies
    assert snap_compare(HostApp(store, library), terminal_size=(110, 48))


def many_walks(store, library, count: int) -> None:
    """`count` full checks, the pain score counting down, one a day (copies of a real walk's rows)."""
    first, _ = walk(store, library, "full-check", FULL)
    rows = store.conn.execute("SELECT tree_id, started, updated, status, state, urgency, findings FROM sessions "
                              "WHERE id = ?", (first,)).fetchone()
    with transaction(store.conn):
        for n in range(1, count):
            day = f"2026-{3 + n // 28:02d}-{1 + n % 28:02d}T09:00:00+00:00"
            store.conn.execute("INSERT INTO sessions (id, tree_id, started, updated, status, state, urgency, "
                               "findings) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", (f"copy-{n}", rows[0], day, day, *rows[3:]))
            store.conn.execute("INSERT INTO answers SELECT ?, position, qid, kind, label, unit, "
                               "CASE WHEN qid = 'measures/pain' THEN ? ELSE value END FROM answers "
                               "WHERE session_id = ?", (f"copy-{n}", str(n % 11), first))


async def test_a_long_history_is_listed_a_page_at_a_time_and_charts_only_the_latest_walks(store, library):
    many_walks(store, library, 130)
    app = HostApp(store, library)
    async with app.run_test(size=(120, 50)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, HistoryScreen) and app.screen.shown)
        screen = app.screen
        summary = str(screen.query_one("#history-summary", Static).render())
        assert "130 walks" in summary and f"Listing the latest {PAGE}" in summary
        assert len(table_text(app, "#sessions")) == PAGE
        await pilot.press("m")
        await until(pilot, lambda: len(table_text(app, "#sessions")) == 2 * PAGE)
        table = screen.query_one("#sessions", DataTable)
        table.move_cursor(row=table.row_count - 1)
        await until(pilot, lambda: len(table_text(app, "#sessions")) == 130)
        assert "Listing the latest" not in str(screen.query_one("#history-summary", Static).render())
        assert not screen.check_action("more", ())
        heading = str(screen.query_one("#trends-heading", Static).render())
        assert f"the latest {TREND_WALKS} of 130 walks" in heading
        pain = {row[0]: row for row in table_text(app, "#trends")}["Pain today (/10)"]
        assert len(pain[1]) == TREND_WALKS


async def test_the_screen_charts_the_first_measures_over_time(store, library):
    from textual.widgets import Sparkline
    fill(store, library)
    app = HostApp(store, library)
    async with app.run_test(size=(120, 50)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, HistoryScreen) and app.screen.query(Sparkline))
        charts = list(app.screen.query(Sparkline))
        assert [list(c.data) for c in charts] == [[7, 5, 2], [50, 70, 90]]
        labels = str(app.screen.query_one("#trend-charts").children[0].render())
        assert labels.startswith("Pain today (/10)") and "7 -> 5 -> 2" in labels
