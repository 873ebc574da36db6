"""Plain mode: the whole walk as numbered prompts, with why, back, review/edit, quit and safe text."""

from __future__ import annotations

import io
from types import SimpleNamespace

from wizard import plain
from wizard.journal import NullJournal


def _run(lines: list[str], tree: str | None = "example", trees=(), journal=None) -> tuple[int, str]:
    args = SimpleNamespace(tree=tree, trees=list(trees), data_dir=None)
    out = io.StringIO()
    original = plain.open_journal
    plain.open_journal = lambda args: journal or NullJournal()
    try:
        code = plain.run_plain(args, io.StringIO("".join(line + "\n" for line in lines)), out)
    finally:
        plain.open_journal = original
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
    code, out = _run(["", "maybe", "n", "7", "1", "1"])
    assert "Sorry: answer y or n" in out and "Sorry: number" in out
    assert code == 0 and "Outer hip tendon pattern" in out


def test_back_returns_to_the_previous_step():
    code, out = _run(["", "n", "b", "y"])
    assert out.count("Fever with a hot, painful joint\n") == 2
    assert "EMERGENCY: Call emergency services" in out


def test_review_changes_an_earlier_answer_and_the_walk_reroutes():
    code, out = _run(["", "n", "1", "r", "2", "y"])
    assert "2. Fever with a hot, painful joint: No" in out
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

    def begin(self, session):
        self.calls.append("begin")

    def record(self, session):
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
