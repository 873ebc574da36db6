"""With the real history store: quitting mid-walk asks nothing and loses nothing; the walk resumes; export
writes a file and says where."""

from __future__ import annotations

from wizard.content.loader import load
from wizard.history.store import Store
from wizard.tui.app import WizardApp
from wizard.tui.screens.history import HistoryScreen
from wizard.tui.screens.result import ResultScreen
from wizard.tui.screens.start import StartScreen
from wizard.tui.widgets.tick_list import TickList
from wizard.walk.engine import Session

from tests.history.helpers import CATALOGUE, FULL, OUTER_HIP, RETEST, TREES, fill, walk

from .conftest import Notes, Posted, on, screen_text, wait_for, walk_to_stance


async def test_quit_mid_walk_keeps_answers_and_the_walk_resumes_where_it_stopped(library, tmp_path):
    posted = Posted()
    with Store.open(tmp_path) as store:
        app = WizardApp(library, journal=store.journal(), store=store, start_tree="example")
        async with app.run_test(message_hook=posted) as pilot:
            await walk_to_stance(app, pilot)
            await pilot.press("ctrl+q")
            await wait_for(pilot, posted.exit_requested, "the app to exit without asking")
    with Store.open(tmp_path) as store:
        again = WizardApp(library, journal=store.journal(), store=store)
        await _resume_at_stance(again)


async def test_a_walk_nobody_answered_leaves_no_history_and_its_first_answer_writes_it_once(library, tmp_path):
    """Opening a check and leaving it leaves no "Resume ... step 1" row; the first answer puts the walk in
    the history, and later answers keep writing that same row."""
    with Store.open(tmp_path) as store:
        app = WizardApp(library, journal=store.journal(), store=store, start_tree="example")
        async with app.run_test() as pilot:
            await wait_for(pilot, lambda: app.session is not None and app.session.current is not None, "a step")
            await pilot.pause()
            assert store.sessions() == []
            await pilot.press("enter")
            await wait_for(pilot, lambda: store.unfinished(), "the walk in the history")
            await pilot.press("n")
            await wait_for(pilot, lambda: len(app.session.answers) == 2, "the second answer")
        rows = store.sessions()
        assert [row.tree_id for row in rows] == ["example"] and len(store.load(rows[0].id)["answers"]) == 2


async def _resume_at_stance(again: WizardApp) -> None:
    async with again.run_test() as pilot:
        await wait_for(pilot, on(again, StartScreen), "the start screen")
        assert "Resume: Example walk (every node kind)" in screen_text(again)
        await pilot.press("1")
        await wait_for(pilot, lambda: getattr(again.screen, "node", None) is not None
                       and again.screen.node.qid == "example/stance", "the stance test, where the walk stopped")
        assert again.session.answers["example/where"] == "outside"


async def test_export_key_writes_a_summary_and_says_where(library, tmp_path, monkeypatch):
    monkeypatch.setattr("wizard.report.files.default_folder", lambda: tmp_path / "exports")
    app = WizardApp(library, start_tree="example")
    async with app.run_test() as pilot:
        notes = Notes(app)
        await walk_to_stance(app, pilot)
        await pilot.press("1")
        await wait_for(pilot, on(app, ResultScreen), "the result")
        await pilot.press("e")
        from wizard.tui.screens.export import ExportScreen
        await wait_for(pilot, on(app, ExportScreen), "the export dialog")
        assert "FHIR" in screen_text(app) and str(tmp_path / "exports") in str(app.screen.query_one("#folder").value)
        await pilot.press("1")
        await wait_for(pilot, lambda: "Markdown summary saved to" in notes, "the export notice")
        await pilot.press("e")
        await wait_for(pilot, on(app, ExportScreen), "the export dialog again")
        app.screen.query_one("#folder").value = str(tmp_path / "elsewhere")
        await pilot.press("2")
        await wait_for(pilot, lambda: "HTML summary saved to" in notes, "the HTML export notice")
        await pilot.press("e")  # the folder just chosen is offered again, not the default
        await wait_for(pilot, on(app, ExportScreen), "the export dialog a third time")
        assert app.screen.query_one("#folder").value == str(tmp_path / "elsewhere")
    written = list((tmp_path / "exports").glob("*.md"))
    assert len(written) == 1 and str(written[0]) in notes.seen[-2]
    assert "Outer hip tendon pattern" in written[0].read_text()
    assert len(list((tmp_path / "elsewhere").glob("*.html"))) == 1


async def test_h_opens_the_history_screen_when_history_is_kept(library, tmp_path):
    with Store.open(tmp_path) as store:
        app = WizardApp(library, journal=store.journal(), store=store)
        async with app.run_test() as pilot:
            await wait_for(pilot, on(app, StartScreen), "the start screen")
            await pilot.press("h")
            await wait_for(pilot, lambda: isinstance(app.screen, HistoryScreen), "the history screen")


async def test_a_quick_retest_ends_with_a_comparison_against_the_last_full_check(tmp_path):
    library = load([TREES, CATALOGUE], bundled=False)
    with Store.open(tmp_path) as store:
        await _retest_after_a_full_check(library, store)


async def _retest_after_a_full_check(library, store: Store) -> None:
    walk(store, library, "full-check", FULL)
    session = Session(library, "quick-retest")
    *before, (last_qid, last_value) = [(q, RETEST[q]) for q in RETEST]
    for _qid, value in before:
        session.answer(value)
    assert session.current.qid == last_qid
    app = WizardApp(library, journal=store.journal(), store=store)
    async with app.run_test(size=(100, 40)) as pilot:
        await wait_for(pilot, on(app, StartScreen), "the start screen")
        app.begin_walk(session)
        await wait_for(pilot, lambda: getattr(app.screen, "node", None) is not None, "the last re-test step")
        await pilot.press("2" if last_value is False else "1")
        await wait_for(pilot, on(app, ResultScreen), "the result")
        text = str(app.screen.query_one("#change").render())
        assert "better" in text and "worse" in text and "Pain" in text
        assert "Compared with your Full check (test) of" in text


async def test_a_quick_retest_starts_with_last_times_positive_areas_ticked(tmp_path):
    bundled = load([])
    with Store.open(tmp_path) as store:
        await _retest_with_suggestions(bundled, store)


async def _retest_with_suggestions(bundled, store: Store) -> None:
    fill(store, bundled, "full-check", OUTER_HIP)
    app = WizardApp(bundled, journal=store.journal(), store=store, start_tree="quick-retest")
    async with app.run_test(size=(100, 40)) as pilot:
        await wait_for(pilot, lambda: app.session is not None and app.session.current is not None, "the walk")
        assert app.session.previous_answer("quick-retest/areas") == ["side"]
        while app.session.current.qid != "quick-retest/areas":
            node = app.session.current
            app.session.answer(node.options[0].value if node.style == "single" else [] if node.style == "multi" else False)
        app.begin_walk(app.session)
        await wait_for(pilot, lambda: app.screen.query(TickList), "the areas question")
        assert app.screen.query_one(TickList).selected == ["side"]


async def test_resume_rows_say_when_and_how_far_and_a_fresh_start_offers_to_discard(library, tmp_path):
    from wizard.tui.screens.confirm import ConfirmScreen
    store = Store.open(tmp_path)
    app = WizardApp(library, journal=store.journal(), store=store, start_tree="example")
    async with app.run_test() as pilot:
        await walk_to_stance(app, pilot)
        await pilot.press("ctrl+q")
        await wait_for(pilot, lambda: app._exit, "the app to exit")
    [left] = store.unfinished()
    again = WizardApp(library, journal=store.journal(), store=store)
    async with again.run_test(size=(110, 30)) as pilot:
        await wait_for(pilot, on(again, StartScreen), "the start screen")
        text = screen_text(again)
        assert "Resume: Example walk (every node kind), started " in text and ", step 4 of about 5" in text
        assert "T" not in text.split("started ")[1][:12]  # a date people read, not an ISO stamp
        from wizard.tui.messages import StartWalk
        again.post_message(StartWalk("example"))  # start the same check afresh
        await wait_for(pilot, on(again, ConfirmScreen), "the question whether to discard the unfinished walk")
        assert "You have an unfinished walk: Example walk" in screen_text(again)
        await pilot.press("escape")  # neither: back to the list, nothing started or discarded
        await wait_for(pilot, on(again, StartScreen), "the start screen again")
        assert again.session is None and left.id in [row.id for row in store.sessions()]
        again.post_message(StartWalk("example"))
        await wait_for(pilot, on(again, ConfirmScreen), "the question again")
        await pilot.click("#yes")
        await wait_for(pilot, lambda: getattr(again.screen, "node", None) is not None, "the first step")
        assert left.id not in [row.id for row in store.sessions()]


async def test_enter_on_a_past_walk_opens_its_summary_with_export(library, tmp_path):
    from wizard.tui.screens import history
    from wizard.tui.screens.export import ExportScreen
    store = Store.open(tmp_path)
    app = WizardApp(library, journal=store.journal(), store=store, start_tree="example")
    async with app.run_test(size=(110, 40)) as pilot:
        await walk_to_stance(app, pilot)
        await pilot.press("1")
        await wait_for(pilot, on(app, ResultScreen), "the result")
        app.action_history()
        await wait_for(pilot, lambda: isinstance(app.screen, history.HistoryScreen), "the history screen")
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, ResultScreen) and app.screen.past, "the past walk")
        assert "Outer hip tendon pattern" in screen_text(app) and "Your plan: stage 1 of 3" in screen_text(app)
        await pilot.press("e")
        await wait_for(pilot, on(app, ExportScreen), "the export dialog")
        await pilot.press("escape")
        await wait_for(pilot, on(app, ResultScreen), "the past walk again")
        await pilot.press("escape")
        await wait_for(pilot, lambda: isinstance(app.screen, history.HistoryScreen), "back to the history")
