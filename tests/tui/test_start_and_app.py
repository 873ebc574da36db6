"""Start screen (entries, resume), F1 help, the command palette, binding ids and NO_COLOR."""

from __future__ import annotations

from dataclasses import dataclass

from textual.widgets import Markdown

from wizard.content.model import Info, Question
from wizard.walk.engine import Session
from wizard.content.loader import load
from wizard.tui import keymap
from wizard.tui.app import WizardApp
from wizard.tui.screens.help import HelpScreen
from wizard.tui.screens.start import StartScreen
from wizard.history.journal import NullJournal

from .conftest import Notes, on, screen_text, wait_for


async def test_start_screen_shows_disclaimer_and_entry_trees_and_starts_one(entry_trees):
    library = load([entry_trees], bundled=False)
    app = WizardApp(library)
    async with app.run_test() as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, StartScreen))
        text = screen_text(app)
        assert "not a doctor" in text and "000 in Australia" in text
        assert "1  Tiny check  (about 1 minute)" in text and "A two-question entry tree for the TUI tests." in text
        assert "Example walk" not in text  # modules are not offered in the menu
        await pilot.press("1")
        await wait_for(pilot, on(app, Question), "the first question")
        assert app.session.tree_id == "tiny-check" and app.screen.node.qid == "example-screen/fever"


@dataclass
class Row:
    id: str
    tree_id: str
    started: str


class FakeStore:
    def __init__(self, saved):
        self.saved = saved

    def unfinished(self):
        return [Row("s7", "example", "2026-11-20T10:00:41.658451"),
                Row("s8", "tree-since-removed", "2026-11-19T09:00:00+00:00")]

    def load(self, session_id):
        assert session_id == "s7"
        return self.saved

    def claim(self, session_id):
        """No other window holds it."""


async def test_resume_offers_unfinished_sessions_and_continues_where_they_stopped(library):
    saved = Session(library, "example", {"example/welcome": True, "example/gone": 1}).to_dict()
    app = WizardApp(library, store=FakeStore(saved))
    async with app.run_test() as pilot:
        notes = Notes(app)
        await wait_for(pilot, lambda: isinstance(app.screen, StartScreen))
        assert "Resume: Example walk (every node kind), started 20 Nov 10:00, step 2 of about 5" in screen_text(app)
        assert "tree-since-removed" not in screen_text(app)
        await pilot.press("1")
        await wait_for(pilot, on(app, Question), "the resumed walk")
        assert app.screen.node.qid == "example-screen/fever"
        assert "that question no longer exists" in notes


async def test_history_key_only_when_a_store_is_given(library):
    app = WizardApp(library)
    async with app.run_test() as pilot:
        notes = Notes(app)
        await wait_for(pilot, lambda: isinstance(app.screen, StartScreen))
        assert "history" not in {a.binding.action for a in app.screen.active_bindings.values() if a.enabled}
        await pilot.press("h")
        assert isinstance(app.screen, StartScreen) and not notes.seen


async def test_f1_shows_help_for_the_screen_underneath_with_its_keys(library):
    app = WizardApp(library, start_tree="example")
    async with app.run_test(size=(100, 40)) as pilot:
        await wait_for(pilot, on(app, Info))
        await pilot.press("enter")
        await wait_for(pilot, on(app, Question))
        await pilot.press("f1")
        await wait_for(pilot, lambda: isinstance(app.screen, HelpScreen), "the help screen")
        source = app.screen.query_one(Markdown).source
        assert "# Answering a question" in source and "| `?`, `f2` | Why? |" in source
        await pilot.press("escape")
        await wait_for(pilot, on(app, Question), "the question again")


async def test_command_palette_offers_the_main_actions(library):
    app = WizardApp(library, start_tree="example")
    async with app.run_test() as pilot:
        await wait_for(pilot, on(app, Info))
        titles = {command.title for command in app.get_system_commands(app.screen)}
        assert {"Help", "Review answers", "New check", "Theme", "Quit"} <= titles
        assert "Export as Markdown" not in titles  # only once there is a result


async def test_export_says_clearly_when_it_is_not_available(library, monkeypatch):
    import sys
    monkeypatch.setitem(sys.modules, "wizard.report.files", None)
    app = WizardApp(library, start_tree="example")
    async with app.run_test():
        notes = Notes(app)
        app.export_session("md")
        assert "Export is not available in this version." in notes


async def test_export_writes_a_file_and_says_where(library, monkeypatch, tmp_path):
    import sys
    import types
    written = tmp_path / "summary.md"
    module = types.ModuleType("wizard.report.files")
    module.export_summary = lambda summary, fmt: written
    monkeypatch.setitem(sys.modules, "wizard.report.files", module)
    app = WizardApp(library, start_tree="example")
    async with app.run_test():
        notes = Notes(app)
        app.export_session("md")
        assert f"Markdown summary saved to {written}" in notes


def test_every_binding_has_an_id_for_remapping():
    groups = [getattr(keymap, name) for name in dir(keymap) if name.isupper()]
    bindings = [b for group in groups for b in group]
    assert bindings and all(b.id for b in bindings)


async def test_bindings_can_be_remapped_by_id(library):
    app = WizardApp(library, start_tree="example")
    async with app.run_test() as pilot:
        await wait_for(pilot, on(app, Info))
        await pilot.press("enter")
        await wait_for(pilot, on(app, Question))
        app.set_keymap({"why": "w"})
        await pilot.press("w")
        assert app.screen.query_one("#why").display


async def test_no_color_is_respected(library, monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    app = WizardApp(library, start_tree="example")
    async with app.run_test() as pilot:
        await wait_for(pilot, on(app, Info))
        assert app.no_color


class ResumingJournal(NullJournal):
    """Records what the app reports; what it does not override keeps nothing, as NullJournal."""

    keeps_history = True

    def __init__(self):
        self.calls = []

    def begin(self, session):
        self.calls.append("begin")

    def resume(self, session_id, session):
        self.calls.append(("resume", session_id))

    def record(self, session):
        self.calls.append("record")

    def finish(self, session):
        self.calls.append("finish")


async def test_resumed_walk_keeps_writing_under_its_old_id(library):
    saved = Session(library, "example", {"example/welcome": True}).to_dict()
    journal = ResumingJournal()
    app = WizardApp(library, journal=journal, store=FakeStore(saved))
    async with app.run_test() as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, StartScreen))
        await pilot.press("1")
        await wait_for(pilot, on(app, Question), "the resumed walk")
        await pilot.press("n")
        await wait_for(pilot, lambda: "record" in journal.calls, "the answer to be recorded")
    assert journal.calls[0] == ("resume", "s7") and "begin" not in journal.calls


async def test_a_keymap_file_remaps_keys_and_a_bad_entry_is_reported(library, tmp_path):
    path = tmp_path / "keymap.toml"
    path.write_text('[keys]\nwhy = "w"\nback = "left"\nnonsense = "x"\n')
    app = WizardApp(library, start_tree="example", keymap_path=path)
    notes = Notes(app)
    async with app.run_test() as pilot:
        assert "there is no key binding 'nonsense'" in notes
        await wait_for(pilot, on(app, Info))
        await pilot.press("enter")
        await wait_for(pilot, on(app, Question))
        await pilot.press("w")
        assert app.screen.query_one("#why").display
        await pilot.press("left")  # the remapped back key closes the why panel first
        assert not app.screen.query_one("#why").display
        await pilot.press("left")
        await wait_for(pilot, on(app, Info), "the welcome step again")


def test_an_unreadable_keymap_file_is_a_problem_not_a_crash(tmp_path):
    path = tmp_path / "keymap.toml"
    path.write_text("[keys\n")
    remap, problems = keymap.read_user_keymap(path)
    assert remap == {} and "cannot read the key map" in problems[0]
    assert keymap.read_user_keymap(tmp_path / "missing.toml") == ({}, [])


def test_the_general_help_names_every_binding_id_a_person_can_remap():
    from wizard.tui.screens.help import help_markdown
    text = help_markdown("general")
    missing = [i for i in keymap.binding_ids() if f"`{i}`" not in text and not i.startswith("pick-")]
    assert not missing


async def test_a_double_press_on_the_menu_starts_one_walk(entry_trees):
    from textual.events import Key
    app = WizardApp(load([entry_trees], bundled=False), journal=ResumingJournal())
    started: list = []
    begin_walk = app.begin_walk
    app.begin_walk = lambda session, resumed_id=None: started.append(session) or begin_walk(session, resumed_id)
    async with app.run_test() as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, StartScreen) and app.screen.is_mounted)
        for _ in range(2):
            app.post_message(Key("1", "1"))
        await wait_for(pilot, on(app, Question), "the first question")
        await pilot.pause()
    assert len(started) == 1


class BusyStore(FakeStore):
    def claim(self, session_id):
        from wizard.history.walk_lock import WalkInUse
        raise WalkInUse("that walk is open in another hip-wizard window; carry on there, or close it there first")


async def test_a_walk_taken_by_another_window_since_the_menu_was_drawn_is_not_resumed(library):
    """Attack run F9, in the app: the offer can be stale; taking the walk says why it cannot."""
    saved = Session(library, "example", {"example/welcome": True}).to_dict()
    app = WizardApp(library, store=BusyStore(saved))
    async with app.run_test() as pilot:
        notes = Notes(app)
        await wait_for(pilot, lambda: isinstance(app.screen, StartScreen))
        await pilot.press("1")
        await wait_for(pilot, lambda: "open in another hip-wizard window" in notes, "the in-use notice")
        assert isinstance(app.screen, StartScreen) and app.session is None


async def test_leaving_for_the_menu_again_and_again_never_piles_up_screens(entry_trees):
    """`run TREE` opens on the walk with the start screen's stand-in at the bottom; every return to the menu
    shows a fresh start screen (its list may have changed) and the screens under it never pile up."""
    library = load([entry_trees], bundled=False)
    app = WizardApp(library, start_tree="tiny-check")
    async with app.run_test() as pilot:
        for _ in range(3):
            await wait_for(pilot, lambda: app.session is not None and app.session.current is not None, "a walk")
            await pilot.press("escape")  # back from the first step: the menu
            await wait_for(pilot, lambda: isinstance(app.screen, StartScreen) and app.screen.is_mounted, "the menu")
            assert app.session is None and len(app.screen_stack) <= 2
            assert "Tiny check" in screen_text(app)
            await pilot.press("1")


async def test_that_was_the_first_step_goes_with_the_menu_it_is_about(entry_trees):
    """Back from the first step: the note stands over the menu, and starting a check takes it away (it
    stayed on for several steps of the next walk)."""
    library = load([entry_trees], bundled=False)
    app = WizardApp(library, start_tree="tiny-check")
    async with app.run_test() as pilot:
        await wait_for(pilot, lambda: app.session is not None and app.session.current is not None, "a walk")
        await pilot.press("escape")
        await wait_for(pilot, lambda: isinstance(app.screen, StartScreen) and app.screen.is_mounted, "the menu")
        notes = lambda: [n.message for n in app._notifications]  # noqa: E731
        await wait_for(pilot, lambda: "That was the first step." in notes(), "the note")
        await pilot.press("1")
        await wait_for(pilot, lambda: app.session is not None and app.session.current is not None, "a new walk")
        await pilot.pause()
        assert "That was the first step." not in notes()  # at once, not when the toast times out (5 s)


async def test_chores_wait_for_the_first_screen_and_then_run(library):
    """What `run_app` hands over (cache writes) runs once the first screen is up, never before mount."""
    app = WizardApp(library)
    ran: list = []
    app.after_first_frame.append(lambda: ran.append(app.screen.is_mounted))
    async with app.run_test() as pilot:
        await wait_for(pilot, lambda: ran, "the chore")
        assert ran == [True]
