"""Tree text is shown literally: markup shows as typed and runs nothing; control and bidi characters go."""

from __future__ import annotations


import pytest

from wizard.content.model import Question
from wizard.content.loader import load
from wizard.tui.app import WizardApp
from wizard.tui.safe_text import clean, literal
from wizard.tui.screens.result import ResultScreen
from wizard.tui.screens.start import StartScreen

from .conftest import on, screen_text, wait_for

HOSTILE = r'''
id: hostile
title: "[bold]x[/bold] title"
version: "1.0.0"
role: entry
start: q
nodes:
  q:
    kind: question
    style: single
    title: "[@click=app.quit]Quit me[/]"
    text: "Pick [/ one \e[31mRED\e[0m \x9b2J done \u202eevil\u202c end"
    why: "Because [link=file:///etc/passwd]here[/link] \e]8;;http://x\e\\ now"
    options:
      - value: a
        label: "[@click=app.quit]A option[/]"
        next: out
      - value: b
        label: "[/"
        next: out
  out:
    kind: outcome
    title: "[red]Out[/red]"
    text: "[@click=app.bell]ring[/] \e[2J"
    referral: {urgency: self_care, reason: "[b]because[/b]"}
'''


@pytest.fixture
def hostile(tmp_path):
    (tmp_path / "hostile.yaml").write_text(HOSTILE, encoding="utf-8")
    return load([tmp_path], bundled=False)


@pytest.mark.parametrize("raw, shown", [
    ("a\x1b[31mred", "a[31mred"),
    ("csi\x9b2J", "csi2J"),
    ("bidi \u202eevil\u202c \u2066x\u2069 \u200f", "bidi evil x "),
    ("bell\x07 del\x7f nul\x00 cr\r", "bell del nul cr"),
    ("tab\there\nnext line", "tab here\nnext line"),
    ("[bold]x[/bold] [/ [@click=app.quit]", "[bold]x[/bold] [/ [@click=app.quit]"),
])
def test_clean_strips_controls_and_keeps_everything_else(raw, shown):
    assert clean(raw) == shown
    assert literal(raw).plain == shown


async def test_hostile_tree_renders_literally_and_runs_nothing(hostile):
    app = WizardApp(hostile)
    actions = []
    app.action_bell = lambda: actions.append("bell")
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, StartScreen))
        assert "[bold]x[/bold] title" in screen_text(app)
        await pilot.press("1")
        await wait_for(pilot, on(app, Question), "the hostile question")
        text = screen_text(app)
        assert "[@click=app.quit]Quit me[/]" in text
        assert "Pick [/ one [31mRED[0m 2J done evil end" in text
        assert "[@click=app.quit]A option[/]" in text and "2  [/" in text
        assert not any(ch in text for ch in "\x1b\x9b\u202e\u202c")
        await pilot.click("#title", offset=(3, 0))  # clicking the would-be link runs nothing
        await pilot.press("question_mark")
        assert "[link=file:///etc/passwd]here[/link] ]8;;http://x\\ now" in str(app.screen.query_one("#why").render())
        await pilot.press("2")
        await wait_for(pilot, lambda: isinstance(app.screen, ResultScreen), "the result")
        result = screen_text(app)
        assert "[red]Out[/red]" in result and "[@click=app.bell]ring[/] [2J" in result
        assert "[b]because[/b]" in result
        for widget in app.screen.query("Static"):
            await pilot.click(widget)
        assert app.is_running and actions == []
