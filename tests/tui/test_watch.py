"""Author mode (`--watch`): saving a tree reloads it, the walk resumes at the same step, errors are shown."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from wizard.content.model import Info, Question
from wizard.errors import LoadError, UnknownTree
from wizard.content.loader import load
from wizard.tui.library_cache import load_library
from wizard.tui.app import WizardApp, run_app
from wizard.tui.screens.problems import ProblemsScreen
from wizard.history.journal import NullJournal

from .conftest import on, screen_text, wait_for

OLD = "Where do you feel the pain most?"
NEW = "Where is the pain at its worst?"


async def walk_to_where(app, pilot):
    await wait_for(pilot, on(app, Info))
    await pilot.press("enter")
    await wait_for(pilot, on(app, Question))
    await pilot.press("n")
    await wait_for(pilot, lambda: getattr(app.screen, "node", None) and app.screen.node.id == "where")


async def test_saved_tree_reloads_and_walk_resumes_at_the_same_step(entry_trees):
    app = WizardApp(load([entry_trees], bundled=False), start_tree="example", watch_paths=[entry_trees],
                    bundled=False)
    tree_file = entry_trees / "example.yaml"
    async with app.run_test() as pilot:
        await walk_to_where(app, pilot)
        tree_file.write_text(tree_file.read_text().replace(OLD, NEW))
        await wait_for(pilot, lambda: NEW in screen_text(app), "the edited question text")
        assert app.screen.node.qid == "example/where" and app.session.answers["example-screen/fever"] is False


async def test_broken_tree_shows_problems_with_file_and_line_then_recovers(entry_trees):
    app = WizardApp(load([entry_trees], bundled=False), start_tree="example", watch_paths=[entry_trees],
                    bundled=False)
    tree_file = entry_trees / "example.yaml"
    good = tree_file.read_text()
    async with app.run_test() as pilot:
        await walk_to_where(app, pilot)
        tree_file.write_text(good.replace("    style: single\n", "    style: single\n   bad: [\n", 1))
        await wait_for(pilot, lambda: isinstance(app.screen, ProblemsScreen) and f"{tree_file}:" in screen_text(app),
                       "the problems screen naming the file")
        tree_file.write_text(good.replace(OLD, NEW))
        await wait_for(pilot, lambda: on(app, Question)() and NEW in screen_text(app),
                       "the walk again, with the edit")
        assert app.screen.node.qid == "example/where"


def test_run_app_reports_load_errors_without_a_traceback(tmp_path, monkeypatch):
    monkeypatch.setenv("HIP_WIZARD_CACHE_DIR", str(tmp_path / "cache"))
    (tmp_path / "bad.yaml").write_text("id: [\n")
    with pytest.raises(LoadError) as caught:
        run_app(SimpleNamespace(trees=[tmp_path], tree=None, watch=False, data_dir=None))
    assert f"{tmp_path / 'bad.yaml'}:" in str(caught.value)


def test_run_app_names_an_unknown_tree(entry_trees, monkeypatch, tmp_path):
    monkeypatch.setattr("wizard.tui.app.load_library", lambda paths, **kw: load_library(paths, tmp_path, bundled=False, **kw))
    with pytest.raises(UnknownTree, match=r"no tree called 'nope'; known trees: .*tiny-check"):
        run_app(SimpleNamespace(trees=[entry_trees], tree="nope", watch=False, data_dir=None))


class IdJournal(NullJournal):
    """Records what the app reports; what it does not override keeps nothing, as NullJournal."""

    keeps_history = True

    def __init__(self):
        self.ids, self.calls = {}, []

    def begin(self, session):
        self.ids[id(session)] = f"s{len(self.ids) + 1}"
        self.calls.append(("begin", self.ids[id(session)]))

    def resume(self, session_id, session):
        self.ids[id(session)] = session_id
        self.calls.append(("resume", session_id))

    def id_of(self, session):
        return self.ids.get(id(session))

    def record(self, session):
        if id(session) not in self.ids:  # as the store's journal: the first answer puts the walk in the history
            self.begin(session)
        self.calls.append(("record", self.ids.get(id(session))))

    def finish(self, session):
        pass


async def test_reloaded_walk_keeps_its_history_id(entry_trees):
    journal = IdJournal()
    app = WizardApp(load([entry_trees], bundled=False), journal=journal, start_tree="example",
                    watch_paths=[entry_trees], bundled=False)
    tree_file = entry_trees / "example.yaml"
    async with app.run_test() as pilot:
        await walk_to_where(app, pilot)
        tree_file.write_text(tree_file.read_text().replace(OLD, NEW))
        await wait_for(pilot, lambda: NEW in screen_text(app), "the edited question text")
        await pilot.press("1")
        await wait_for(pilot, lambda: app.screen.node.id == "stance", "the next step")
    assert [c for c in journal.calls if c[0] == "begin"] == [("begin", "s1")]
    assert journal.calls[-1] == ("record", "s1")
