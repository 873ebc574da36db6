"""Fit and finish: the question stays readable at any size, long text says it scrolls, keys and palette are
the app's own, and the same thing is said the same way on every screen."""

from __future__ import annotations

import importlib
import pkgutil

import pytest
from textual.app import App
from textual.binding import Binding
from textual.dom import DOMNode
from textual.widgets import Input

import wizard.tui
from wizard import wording
from wizard.content.model import Measure, Question, SelfTest
from wizard.content.loader import load
from wizard.tui import keymap
from wizard.tui.app import WizardApp
from wizard.tui.screens.emergency import EmergencyScreen
from wizard.tui.screens.help import HelpScreen
from wizard.tui.screens.result import ResultScreen
from wizard.tui.screens.review import ReviewScreen
from wizard.tui.screens.start import StartScreen
from wizard.tui.widgets.choices import Choices
from wizard.tui.widgets.progress_line import fitted_path
from wizard.tui.widgets.text_pane import MoreBelow, TextPane

from .conftest import screen_text, wait_for
from .test_walk import on, walk_to_stance


@pytest.fixture(scope="module")
def bundled():
    return load([])


# --- the layout rule ---------------------------------------------------------------------------------------

async def test_a_tiny_window_asks_for_room_instead_of_showing_answers_without_the_question(library):
    app = WizardApp(library, start_tree="example-screen")
    async with app.run_test(size=(20, 5)) as pilot:
        await wait_for(pilot, on(app, Question, "example-screen/fever"), "the red-flag question")
        await wait_for(pilot, lambda: app.screen.query_one("#too-small").display, "the too-small message")
        assert "make the window bigger or use --plain" in str(app.screen.query_one("#too-small").render())
        assert not app.screen.query_one("#step").display  # the answers are not on screen...
        await pilot.press("1", "y", "enter")
        await pilot.pause()
        assert app.session.answers == {}  # ...and cannot be given unseen
        await pilot.resize_terminal(80, 24)
        await wait_for(pilot, lambda: app.screen.query_one("#step").display, "the question once there is room")
        assert not app.screen.query_one("#too-small").display
        await pilot.press("n")
        await wait_for(pilot, lambda: app.session.answers == {"example-screen/fever": False}, "the answer")


async def test_a_long_self_test_says_more_below_and_page_down_moves_the_text_not_the_answer(bundled):
    app = WizardApp(bundled, start_tree="side-tests")
    async with app.run_test(size=(60, 20)) as pilot:
        await wait_for(pilot, on(app, SelfTest), "the first side test")
        pane, more, choices = app.screen.query_one(TextPane), app.screen.query_one(MoreBelow), app.screen.query_one(Choices)
        await wait_for(pilot, lambda: more.says_more, "the more-below line")
        assert choices.has_focus and choices.highlighted == 0
        for _ in range(6):
            await pilot.press("pagedown")
        await wait_for(pilot, lambda: not more.says_more, "the end of the text")
        assert pane.scroll_y > 0 and choices.highlighted == 0
        await pilot.press("pageup")
        await wait_for(pilot, lambda: more.says_more, "more below again after PageUp")
        assert app.session.answers == {}


async def test_more_below_leaves_with_the_long_text_and_stays_away_from_text_that_fits(library):
    """From a long self-test to a short measure on the same screen: the hint goes and stays gone (it once
    flickered on and off, the pane judging its new text against its old size)."""
    app = WizardApp(library, start_tree="example")
    async with app.run_test() as pilot:
        await walk_to_stance(app, pilot)
        more = app.screen.query_one(MoreBelow)
        await wait_for(pilot, lambda: more.says_more, "the stance test's more-below line")
        await pilot.press("4")
        await wait_for(pilot, on(app, Measure), "the pain measure")
        seen = set()
        for _ in range(20):
            await pilot.pause()
            seen.add(more.says_more)
        assert seen == {False}


async def test_question_mark_asks_why_instead_of_typing_into_a_number_field(library):
    app = WizardApp(library, start_tree="example")
    async with app.run_test() as pilot:
        await walk_to_stance(app, pilot)
        await pilot.press("4")
        await wait_for(pilot, on(app, Measure), "the pain measure")
        await pilot.press("question_mark")
        await wait_for(pilot, lambda: app.screen.query_one("#why").display, "the why panel")
        assert app.screen.query_one(Input).value == ""
        why = str(app.screen.query_one("#why").render())
        assert "Help:" not in why and "0 means no pain" not in why  # the help is on the screen already
        assert "0 to 10 /10" not in screen_text(app)


def test_the_path_is_fitted_to_the_line_with_whole_crumbs_only():
    labels = ("Who the answers are about", "Age", "Cramping leg pain at a set walking distance")
    assert fitted_path(labels, 200) == " › ".join(labels)
    short = fitted_path(labels, 50)
    assert short == "… › Cramping leg pain at a set walking distance" and len(short) <= 50
    assert fitted_path(labels, 10) == ""


# --- keys, help and palette --------------------------------------------------------------------------------

def _app_classes():
    """Every screen and widget class the app defines (imported so none is missed)."""
    for info in pkgutil.walk_packages(wizard.tui.__path__, "wizard.tui."):
        importlib.import_module(info.name)
    found, todo = set(), [DOMNode]
    while todo:
        for sub in todo.pop().__subclasses__():
            todo.append(sub)
            if sub.__module__.startswith("wizard."):
                found.add(sub)
    return found


def test_every_binding_in_the_app_is_in_the_keymap_and_a_person_may_remap_it(tmp_path):
    classes = _app_classes()
    assert {"HistoryScreen", "ContinueButton", "WalkScreen", "WizardApp"} <= {c.__name__ for c in classes}
    bindings = list({b.id: b for cls in classes for b in cls.__dict__.get("BINDINGS", [])}.values())
    assert bindings and all(isinstance(b, Binding) for b in bindings)
    assert {b.id for b in bindings} <= keymap.binding_ids()
    path = tmp_path / "keymap.toml"
    path.write_text("[keys]\n" + "".join(f'{b.id} = "f12"\n' for b in bindings), encoding="utf-8")
    remap, problems = keymap.read_user_keymap(path)
    assert problems == [] and set(remap) == {b.id for b in bindings}


async def test_f1_lists_the_apps_own_keys_first_and_the_generic_ones_behind_more(library):
    app = WizardApp(library, start_tree="example")
    async with app.run_test() as pilot:
        await walk_to_stance(app, pilot)
        await pilot.press("4")
        await wait_for(pilot, on(app, Measure), "the pain measure")
        await pilot.press("f1")
        await wait_for(pilot, lambda: isinstance(app.screen, HelpScreen), "the help")
        rows = [line for line in app.screen.text.split("## Keys here")[1].splitlines() if line.startswith("| `")]
        ours = {b.description for group in _keymap_groups() for b in group}
        assert rows and all(row.split("|")[2].strip() in ours for row in rows)
        assert rows[0].split("|")[2].strip() == "Back"
        assert "Paste" in app.screen.more or "Delete" in app.screen.more  # the text field's own keys, folded
        assert app.screen.query_one("#more-keys").collapsed


def _keymap_groups():
    return [value for name, value in vars(keymap).items() if name.isupper() and isinstance(value, list)]


TEXTUAL_DEFAULTS_WE_DO_NOT_SUPPORT = {"Keys", "Maximize", "Minimize", "Screenshot"}


async def test_the_palette_holds_the_apps_commands_and_no_textual_default_it_does_not_support(library):
    app = WizardApp(library, start_tree="example")
    async with app.run_test() as pilot:
        await walk_to_stance(app, pilot)
        await pilot.press("1")
        await wait_for(pilot, on(app, ResultScreen), "the result")
        commands = {c.title: c.help for c in app.get_system_commands(app.screen)}
        textual = {c.title: c.help for c in App.get_system_commands(app, app.screen)}
        assert not set(commands) & TEXTUAL_DEFAULTS_WE_DO_NOT_SUPPORT
        assert set(textual) - set(commands) - TEXTUAL_DEFAULTS_WE_DO_NOT_SUPPORT == set()  # nothing else dropped
        assert commands["Quit"] != textual["Quit"]  # not "as soon as possible"
        assert {"Help", "Review answers", "New check", "Theme", "Export as Markdown", "Export as HTML",
                "Export as JSON", "Export as FHIR"} <= set(commands)
        assert commands["Export as HTML"] == "Save an HTML summary of this session"
        await pilot.press("ctrl+p")  # our "commands" binding, which replaced Textual's "palette" one
        await wait_for(pilot, lambda: type(app.screen).__name__ == "CommandPalette", "the command palette")


async def test_every_screen_footer_says_commands_the_same_way(library, tmp_path):
    from wizard.history.store import Store
    with Store.open(tmp_path) as store:
        app = WizardApp(library, store=store)
        async with app.run_test() as pilot:
            await wait_for(pilot, lambda: isinstance(app.screen, StartScreen), "the start screen")
            await pilot.press("h")
            await wait_for(pilot, lambda: type(app.screen).__name__ == "HistoryScreen", "the history")
            footer = str(app.screen.query_one("#keys").render())
            assert "^p Commands" in footer and "palette" not in footer


# --- one voice ---------------------------------------------------------------------------------------------

async def test_emergency_numbers_are_the_same_on_the_start_and_emergency_screens(entry_trees):
    app = WizardApp(load([entry_trees], bundled=False))
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, StartScreen), "the start screen")
        assert wording.EMERGENCY_NUMBERS in screen_text(app)
        await pilot.press("1")
        await wait_for(pilot, on(app, Question, "example-screen/fever"), "the red flag")
        await pilot.press("y")
        await wait_for(pilot, lambda: isinstance(app.screen, EmergencyScreen), "the emergency screen")
        assert wording.EMERGENCY_NUMBERS in screen_text(app)


async def test_the_result_cites_answers_as_the_export_does(library):
    from wizard.report import render
    from wizard.report.summary import build_summary
    app = WizardApp(library, start_tree="example")
    async with app.run_test(size=(100, 50)) as pilot:
        await walk_to_stance(app, pilot)
        await pilot.press("1")
        await wait_for(pilot, on(app, ResultScreen), "the result")
        cited = [line.strip() for line in screen_text(app).splitlines() if line.strip().startswith("- ")]
        markdown = render(build_summary(app.session), "md")
        assert cited and all(line in markdown.splitlines() for line in cited)
        assert "because you said" not in screen_text(app) and wording.BECAUSE in screen_text(app)


async def test_the_answer_changed_note_goes_with_the_screen_it_was_about(library):
    app = WizardApp(library, start_tree="example")
    async with app.run_test(size=(100, 40), notifications=True) as pilot:
        await walk_to_stance(app, pilot)
        await pilot.press("r")
        await wait_for(pilot, lambda: isinstance(app.screen, ReviewScreen), "the review")
        await pilot.press("3")  # "where it hurts"
        await wait_for(pilot, lambda: on(app, Question)() and app.screen.editing, "the edit")
        await pilot.press("2")
        await wait_for(pilot, lambda: _toasts(app, wording.ANSWER_CHANGED), "the answer-changed note")
        await pilot.press("escape")  # on to the next screen: back one step
        # well before the toast's own timeout (app.NOTIFICATION_TIMEOUT), so only the screen change removes it
        await wait_for(pilot, lambda: not _toasts(app, wording.ANSWER_CHANGED), "the note to go", limit=2)


def _toasts(app, text: str) -> bool:
    return any(text in str(toast.render()) for toast in app.screen.query("Toast"))
