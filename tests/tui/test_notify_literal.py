"""Notifications show text literally (attack run F1): tree titles in resume and reload notes, key map
entries and folder paths never parse as markup, so nothing crashes and no link or action is made."""

from __future__ import annotations

from textual.widgets._toast import Toast

from wizard.content.loader import load
from wizard.tui.app import WizardApp

from .conftest import wait_for

PAYLOADS = ["Hip test [/R]", '[link="https://evil.example/phish"]see[/link]', '[@click=app.bell]click here[/]']
TREE = """\
id: marked
title: '{title}'
version: "1"
role: entry
start: q
nodes:
  q: {{kind: question, style: yes_no, title: Pain, text: Does it hurt?, why: Because., if_yes: o, if_no: o}}
  o: {{kind: outcome, title: Out}}
"""
TITLE = " ".join(PAYLOADS)


def _toasts(app) -> str:
    """Each notification as its toast draws it (where markup used to be parsed, and crash)."""
    return "\n".join(Toast(note).render().plain for note in app._notifications)


async def test_notes_keymap_problems_and_paths_show_as_typed(tmp_path):
    tree = tmp_path / "marked.yaml"
    tree.write_text(TREE.format(title=TITLE))
    keys = tmp_path / "keymap.toml"
    keys.write_text('[keys]\n"[/]" = "x"\n')
    app = WizardApp(load([tmp_path]), watch_paths=[tmp_path], keymap_path=keys, notices=[f"moved aside in /tmp/[/]/{PAYLOADS[1]}"])
    rung = []
    app.action_bell = lambda: rung.append(True)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, lambda: "[/]" in _toasts(app) and "moved aside" in _toasts(app), "both toasts")
        app.begin_walk(app._fresh_session("marked"))
        tree.write_text(TREE.format(title=TITLE).replace("Does it hurt?", "Does it ache?"))
        app.reload_trees()  # what --watch does on save: the note names the changed tree's title
        await wait_for(pilot, lambda: "Trees reloaded." in _toasts(app), "the reload toast")
        for toast in app.screen.query(Toast):  # clicking a would-be action link runs nothing
            await pilot.click(toast)
        await pilot.pause()
        shown = _toasts(app)
    assert app.return_code in (None, 0) and not rung
    assert "Trees reloaded." in shown and all(p in shown for p in PAYLOADS)
