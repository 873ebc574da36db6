"""Plain mode: the whole walk as numbered prompts, with why, back, review/edit, quit and safe text."""

from __future__ import annotations

import io

import pytest
from types import SimpleNamespace

from wizard import plain
from wizard.history.journal import NullJournal


class _NoHistory:
    """A store with nothing in it whose journal is given (NullJournal: keeps nothing)."""

    notices: tuple = ()

    def __init__(self, journal=None):
        self._journal = journal or NullJournal()

    def unfinished(self):
        return []

    def journal(self):
        return self._journal

    def close(self):
        pass


def _run(lines: list[str], tree: str | None = "example", trees=(), journal=None, data_dir=None) -> tuple[int, str]:
    """Run plain mode on `lines`; with `data_dir`, against a real history store there."""
    args = SimpleNamespace(tree=tree, trees=list(trees), data_dir=data_dir)
    out = io.StringIO()
    original = plain.open_store
    if data_dir is None:
        plain.open_store = lambda args, front: _NoHistory(journal)
    try:
        code = plain.run_plain(args, io.StringIO("".join(line + "\n" for line in lines)), out)
    finally:
        plain.open_store = original
    return code, out.getvalue()


def test_a_walk_ends_with_the_summary():
    code, out = _run(["", "n", "1", "1"])
    assert code == 0
    assert "STOP RULE: Stop at once if the pain goes above 7" in out
    assert "Outer hip tendon pattern" in out and "Positive on the left" in out


def test_why_shows_the_reason_and_evidence_then_asks_again():
    code, out = _run(["", "n", "1", "?", "4", "3"])
    assert "Why this is asked: Outer hip pain that comes on" in out
    assert "Source: Lequesne 2008; Grimaldi 2017" in out
    assert "Keep moving" in out


def test_bad_input_is_explained_and_asked_again():
    code, out = _run(["", "maybe", "n", "7", "1", "9", "1"])
    assert "Type 1 or y for yes, 2 or n for no." in out and "Type a number from 1 to 2." in out
    assert "Type a number from 1 to 6." in out and "Sorry: result number" not in out
    assert code == 0 and "Outer hip tendon pattern" in out


@pytest.mark.parametrize("yes, no", [("1", "2"), ("y", "n"), ("Yes", "No")])
def test_yes_no_takes_the_apps_numbers_and_the_letters(yes, no):
    code, out = _run(["", no, "1", "1"])
    assert "  1. Yes\n  2. No" in out and "Outer hip tendon pattern" in out and "EMERGENCY" not in out
    code, out = _run(["", yes])
    assert "EMERGENCY" in out


def test_progress_and_range_are_said_as_the_app_says_them():
    code, out = _run(["", "n", "1", "4", "11", "3"])
    assert "Step 1 · about 4 more" in out and "Step 5 · last step" in out and "about 0 more" not in out
    assert "Range: 0 to 10, whole numbers" in out and "/10" not in out.split("# Hip check summary")[0]
    assert "That does not fit: enter a number from 0 to 10." in out


def test_input_closed_at_the_resume_question_ends_the_line_and_says_so(tmp_path):
    _run(["", "q"], data_dir=tmp_path)
    code, out = _run([], data_dir=tmp_path)
    assert code == 0 and out.endswith("Carry on? 1 (yes) or 2 (no): \nInput ended, so nothing was started.\n")


def test_resume_takes_1_for_yes(tmp_path):
    _run(["", "n", "q"], data_dir=tmp_path)
    code, out = _run(["1", "1", "1"], data_dir=tmp_path)
    assert "Where do you feel the pain most?" in out.split("Carry on?")[1] and "Outer hip tendon pattern" in out


def test_back_returns_to_the_previous_step():
    code, out = _run(["", "n", "b", "y"])
    assert out.count("Fever with a hot, painful joint\n") == 2
    assert "EMERGENCY: Call emergency services" in out


def test_review_changes_an_earlier_answer_and_the_walk_reroutes():
    code, out = _run(["", "n", "1", "r", "2", "y"])
    assert "2. Fever with a hot, painful joint: No" in out
    assert "Answer changed. Later answers that still apply are kept." in out  # as the app says it
    assert "EMERGENCY" in out and "Outer hip tendon pattern" not in out.split("EMERGENCY")[1].split("Findings")[0]


def test_quit_without_history_says_answers_are_lost():
    code, out = _run(["", "q"])
    assert code == 0 and "not saved and are now lost" in out


def test_end_of_input_counts_as_quit():
    code, out = _run([""])
    assert code == 0 and "Stopped." in out


def test_menu_lists_trees_when_none_is_named():
    code, out = _run(["9", "1", "q"], tree=None)
    assert "Which check would you like to do?" in out and "Type a number from 1 to" in out


def test_escape_sequences_and_bidi_controls_are_stripped(tmp_path):
    (tmp_path / "evil.yaml").write_text(
        'id: evil\ntitle: Evil\nversion: "1"\nstart: q\nnodes:\n'
        '  q: {kind: question, style: yes_no, text: "Red \\e]0;pwned\\a \\e[2J \\u202eevil \\x9b", '
        'why: W., if_yes: a, if_no: a}\n  a: {kind: outcome, title: A}\n')
    code, out = _run(["q"], tree="evil", trees=[tmp_path])
    assert "\x1b" not in out and "\u202e" not in out and "\x9b" not in out and "\x07" not in out
    assert "Red ]0;pwned [2J evil" in out


class _Recorder:
    keeps_history = True

    def __init__(self):
        self.calls = []
        self.begun = set()

    def begin(self, session):
        self.begun.add(id(session))
        self.calls.append("begin")

    def record(self, session):
        if id(session) not in self.begun:  # as the store's journal: the first answer begins the walk
            self.begin(session)
        self.calls.append(len(session.path_answers))

    def finish(self, session):
        self.calls.append(session.status)


def test_every_answer_and_back_is_journaled_and_quit_says_it_is_saved():
    journal = _Recorder()
    code, out = _run(["", "n", "b", "n", "q"], journal=journal)
    assert journal.calls == ["begin", 1, 2, 1, 2]
    assert "Your answers are saved" in out


def test_finished_walk_is_journaled_as_finished():
    journal = _Recorder()
    _run(["", "y"], journal=journal)
    assert journal.calls[-1] == "emergency"


def test_quit_with_history_then_resume_carries_on_at_the_same_step(tmp_path):
    code, out = _run(["", "n", "q"], data_dir=tmp_path)
    assert "Your answers are saved" in out
    code, out = _run(["y", "1", "1"], data_dir=tmp_path)
    assert "You have an unfinished walk: Example walk (every node kind), started " in out
    assert ", step 3 of about " in out
    assert "Where do you feel the pain most?" in out.split("Carry on?")[1].split("Step")[1]
    assert "Outer hip tendon pattern" in out


def test_declining_resume_starts_fresh(tmp_path):
    _run(["", "q"], data_dir=tmp_path)
    code, out = _run(["n", "n", "", "y"], data_dir=tmp_path)
    assert "EMERGENCY" in out


def test_declining_resume_can_discard_the_unfinished_walk_so_it_does_not_pile_up(tmp_path):
    from wizard.history.store import Store
    _run(["", "q"], data_dir=tmp_path)
    code, out = _run(["n", "y", "", "q"], data_dir=tmp_path)
    assert "Discarded." in out
    with Store.open(tmp_path) as store:
        assert len(store.unfinished()) == 1  # only the walk just started and left, not the discarded one


def test_unusable_history_folder_is_said_and_the_walk_goes_on(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    code, out = _run(["", "y"], data_dir=blocker / "sub")
    assert "cannot open the history" in out and "will not be saved" in out
    assert "EMERGENCY" in out


class _Failing(_Recorder):
    def record(self, session):
        from wizard.errors import StateError
        raise StateError("disk full")


def test_a_failed_save_is_reported_once_and_the_walk_goes_on():
    code, out = _run(["", "n", "1", "1"], journal=_Failing())
    assert out.count("could not be saved (disk full)") == 1
    assert "Outer hip tendon pattern" in out


def test_a_checklist_with_none_of_these_asks_for_that_number_and_0_still_means_none():
    """QA: the prompt said "0 for none" while "7. None of these" was on screen; now they agree, and 0 still works."""
    code, out = _run(["", "1", "60", "0", "q"], tree="full-check")
    hip_now = out[out.index("Do any of these hip signs fit"):]
    assert "7. None of these" in hip_now and "(7 for none)" in hip_now and "0 for none" not in hip_now
    assert "Now signs from the back, belly and blood vessels" in hip_now


OWN_TREE = """\
id: own-check
title: Own check
version: "1.0.0"
start: sore
nodes:
  sore:
    kind: question
    style: yes_no
    title: Sore today
    text: Is your hip sore today?
    why: It decides which advice fits.
    if_yes: out
    if_no: out
  out:
    kind: outcome
    title: Done
    text: Keep moving.
    referral: {urgency: self_care, reason: Nothing to act on.}
"""


def _own_trees(folder):
    folder.mkdir()
    (folder / "own.yaml").write_text(OWN_TREE, encoding="utf-8")
    return folder


def test_a_run_with_own_trees_keeps_its_walks_apart_from_the_persons_history(tmp_path):
    from wizard.history.store import Store, author_data_dir, default_data_dir
    args = SimpleNamespace(tree="own-check", trees=[_own_trees(tmp_path / "mine")], data_dir=None)
    out = io.StringIO()
    plain.run_plain(args, io.StringIO("n\n"), out)  # one answer: a walk is kept
    assert f"kept apart from your own history, in {author_data_dir()}" in out.getvalue()
    with Store.open(author_data_dir()) as authors:
        assert [row.tree_id for row in authors.sessions()] == ["own-check"]
    assert not (default_data_dir() / "history.sqlite3").exists()


def test_an_explicit_data_dir_keeps_an_authors_walks_where_asked(tmp_path):
    from wizard.history.store import Store
    args = SimpleNamespace(tree="own-check", trees=[_own_trees(tmp_path / "mine")], data_dir=tmp_path / "data")
    out = io.StringIO()
    plain.run_plain(args, io.StringIO("n\n"), out)  # one answer: a walk is kept
    assert "kept apart" not in out.getvalue()
    with Store.open(tmp_path / "data") as store:
        assert [row.tree_id for row in store.sessions()] == ["own-check"]


def test_quitting_before_the_first_answer_leaves_nothing_to_resume(tmp_path):
    """A walk nobody answered is not kept: no "Resume ... step 1" row waits in the menu next time."""
    from wizard.history.store import Store
    args = SimpleNamespace(tree="own-check", trees=[_own_trees(tmp_path / "mine")], data_dir=tmp_path / "data")
    out = io.StringIO()
    plain.run_plain(args, io.StringIO("q\n"), out)
    with Store.open(tmp_path / "data") as store:
        assert store.sessions() == []
    assert out.getvalue().rstrip().endswith("Stopped.")  # not "your answers are saved": there were none
