"""`hip-wizard history`: what a person sees, what the CSV holds, and that nothing is deleted without a yes."""

from __future__ import annotations

import csv
import json
import io
import subprocess
import sys

import pytest

from wizard.commands.history import HistoryRequest, history_command
from wizard.history import views
from wizard.history.store import DB_NAME

from .helpers import CATALOGUE, FULL, TREES, walk, write_v1_file


def args(data_dir, **given) -> HistoryRequest:
    return HistoryRequest(data_dir=data_dir, **given)


def run(data_dir, library, stdin="", **given) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = history_command(args(data_dir, **given), stdin=io.StringIO(stdin), out=out, err=err,
                                       library=library)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def three_walks(store, library):
    """Pain falling, walking rising; the stance test positive on the left, then on neither side."""
    ids = []
    for pain, walking, stance in ((7, 50, "left"), (5, 70, "both"), (2, 90, "neither")):
        ids.append(walk(store, library, "full-check", {**FULL, "measures/pain": pain, "measures/walking": walking,
                                                        "side-tests/stance": stance})[0])
    walk(store, library, "full-check", {"full-check/intro": True})
    return ids


def test_sparkline_scales_to_the_measure_range():
    assert views.sparkline([0, 5, 10], 0, 10) == "▁▅█"
    assert views.sparkline([3, 3]) == "▄▄"
    assert views.sparkline([]) == ""


def test_one_walk_is_counted_in_the_singular(store, library, data_dir):
    walk(store, library, "full-check", {"full-check/intro": True})
    code, out, _ = run(data_dir, library)
    assert code == 0 and "History: 1 walk, kept in" in out


def test_history_lists_walks_with_date_check_urgency_and_findings(store, library, three_walks, data_dir):
    code, out, _ = run(data_dir, library)
    assert code == 0
    assert "History: 4 walks" in out
    assert "2026-03-01 09:" in out and "Full check (test)" in out
    assert "not finished" in out and "self-care" in out and "Outer hip tendon pattern (example)" in out
    assert "not a doctor" in out


def test_history_draws_measure_trends(store, library, three_walks, data_dir):
    _, out, _ = run(data_dir, library)
    pain = next(line for line in out.splitlines() if line.startswith("Pain today (/10)"))
    assert "▆▅▂" in pain and "7 -> 5 -> 2" in pain
    walking = next(line for line in out.splitlines() if line.startswith("Walking (%)"))
    assert "50 -> 70 -> 90" in walking


def test_history_shows_each_self_test_per_side_over_time(store, library, three_walks, data_dir):
    _, out, _ = run(data_dir, library)
    lines = out.splitlines()
    left = next(line for line in lines if line.startswith("Single-leg stance") and " left " in line)
    right = next(line for line in lines if line.startswith("Single-leg stance") and " right " in line)
    assert left.split()[-3:] == ["+", "+", "-"]
    assert right.split()[-3:] == ["-", "+", "-"]


def test_an_empty_history_says_where_it_will_be_kept(library, data_dir):
    code, out, _ = run(data_dir, library)
    assert code == 0 and "No history yet" in out and str(data_dir) in out


def test_csv_export_has_one_row_per_answer(store, library, three_walks, data_dir):
    code, out, _ = run(data_dir, library, export="csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0
    assert len(rows) == 3 * len(FULL) + 1
    pains = [r["answer"] for r in rows if r["question_id"] == "measures/pain"]
    assert pains == ["7", "5", "2"]
    assert {r["unit"] for r in rows if r["question_id"] == "measures/walking"} == {"%"}
    assert rows[0]["urgency"] == "self_care" and rows[0]["findings"] == "example-tendon"


def test_csv_cells_that_a_spreadsheet_would_run_are_defused():
    assert views._cell("=HYPERLINK(\"x\")") == "'=HYPERLINK(\"x\")"
    assert views._cell("-2+3") == "'-2+3"
    assert views._cell(-2) == -2


def test_text_saved_in_history_cannot_drive_the_terminal(store, library, three_walks, data_dir):
    store.conn.execute("UPDATE answers SET label = 'Pain \x1b[2J\x1b]0;pwned\x07today' WHERE qid = 'measures/pain'")
    _, out, _ = run(data_dir, library)
    assert "\x1b" not in out and "\x07" not in out
    assert "Pain [2J]0;pwnedtoday (/10)" in out


def test_delete_asks_first_and_a_yes_deletes(store, library, three_walks, data_dir):
    code, _, err = run(data_dir, library, stdin="y\n", delete=three_walks[0])
    assert code == 0 and "This cannot be undone" in err and "Deleted." in err
    assert three_walks[0] not in [r.id for r in store.sessions()]


def test_delete_with_a_no_keeps_the_walk(store, library, three_walks, data_dir):
    code, _, err = run(data_dir, library, stdin="n\n", delete=three_walks[0])
    assert code == 0 and "Nothing was deleted" in err
    assert len(store.sessions()) == 4


def test_with_no_one_to_ask_nothing_is_deleted(store, library, three_walks, data_dir):
    code, _, err = run(data_dir, library, stdin="", wipe=True)
    assert code == 1 and "nothing was deleted" in err and "--yes" in err
    assert len(store.sessions()) == 4


def test_wipe_with_yes_does_not_ask(store, library, three_walks, data_dir):
    code, _, err = run(data_dir, library, stdin="n\n", wipe=True, yes=True)
    assert code == 0 and "[y/N]" not in err
    assert store.sessions() == []


def test_a_migrated_history_still_shows_trends(library, data_dir):
    write_v1_file(data_dir)
    _, out, _ = run(data_dir, library)
    assert "Walking (%)" in out and "Single-leg stance" in out


def test_the_command_line_refuses_to_delete_with_stdin_closed(store, library, three_walks, data_dir):
    done = subprocess.run([sys.executable, "-m", "wizard", "history", "--data-dir", str(data_dir), "--wipe"],
                          stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=60)
    assert done.returncode == 1 and "nothing was deleted" in done.stderr
    assert len(store.sessions()) == 4


def test_the_command_line_names_an_unknown_session(data_dir):
    done = subprocess.run([sys.executable, "-m", "wizard", "history", "--data-dir", str(data_dir), "--delete",
                           "no-such-walk", "--yes"], capture_output=True, text=True, timeout=60)
    assert done.returncode == 1 and "no saved session 'no-such-walk'" in done.stderr
    assert "Traceback" not in done.stderr


def test_a_corrupt_history_file_is_reported_and_moved_aside(library, data_dir):
    data_dir.mkdir(mode=0o700)
    (data_dir / DB_NAME).write_text("not a database")
    code, out, err = run(data_dir, library)
    assert code == 0 and "moved aside" in err and "No history yet" in out
    assert any(".broken-" in p.name for p in data_dir.iterdir())


def test_red_flag_screen_numbers_are_not_charted_as_progress(tmp_path, store, library, data_dir):
    from wizard.content import loader
    screen = tmp_path / "screen.yaml"
    screen.write_text("""
id: screen
title: Screen
version: "1"
role: red_flags
start: age
nodes:
  age: {kind: measure, text: How old are you?, why: Some causes depend on age., unit: years, min: 0, max: 120}
""")
    with_screen = loader.load([TREES, CATALOGUE, screen], bundled=False)
    session_id, _ = walk(store, with_screen, "screen", {"screen/age": 40})
    _, out, _ = run(data_dir, with_screen)
    assert "How old" not in out and "years" not in out


def test_delete_and_wipe_together_is_a_usage_error_that_deletes_nothing(store, three_walks, capsys):
    from wizard.cli import main
    assert main(["history", "--data-dir", str(store.path.parent), "--delete", three_walks[0], "--wipe"]) == 2
    assert "hip-wizard: use either --delete or --wipe, not both" in capsys.readouterr().err
    assert len(store.sessions()) == 4


@pytest.mark.parametrize("value", ["1e999", "-Infinity", "NaN", "[" * 5000 + "]" * 5000],
                         ids=["huge", "infinity", "nan", "deep"])
def test_history_and_export_survive_hostile_stored_values(store, library, data_dir, three_walks, value):
    """Attack run F8: a hand-edited value is left out of the charts, and the damaged walk says so."""
    store.conn.execute("UPDATE answers SET value = ? WHERE qid = 'measures/pain'", (value,))
    store.conn.execute("UPDATE sessions SET state = ? WHERE id = ?", ("[" * 5000 + "]" * 5000, three_walks[0]))
    code, out, err = run(data_dir, library)
    assert code == 0 and "Traceback" not in err
    from wizard.cli import main
    assert main(["export", three_walks[0], "--data-dir", str(data_dir)]) == 1


def test_csv_guard_sees_past_leading_blanks_and_invisible_characters():
    """Attack run observation: a tab or a zero-width space before `=` hid a formula from the guard."""
    for text in ("\t=HYPERLINK(1)", "\u200b=1+1", " +1", "\ufeff@SUM(1)"):
        assert str(views._cell(text)).startswith("'"), repr(text)
    assert views._cell("Outer hip") == "Outer hip"


def test_exporting_a_walk_of_an_unloaded_tree_says_to_add_trees(store, library, data_dir, capsys):
    """Author review item 20: the fix, not only the problem."""
    session_id, _ = walk(store, library, "full-check", FULL)
    state = store.load(session_id)
    store.conn.execute("UPDATE sessions SET state = ? WHERE id = ?",
                       (json.dumps({**state, "tree": "knee-or-hip"}), session_id))  # an author's own tree
    from wizard.cli import main
    assert main(["export", session_id, "--data-dir", str(data_dir)]) == 1
    assert "add --trees DIR" in capsys.readouterr().err


def _listed_ids(out: str) -> list[str]:
    table = out.split("\n\n")[1].splitlines()
    assert table[0].startswith("Id ")
    return [line.split()[0] for line in table[2:]]


def test_history_ids_are_short_and_work_with_export_and_delete(store, library, three_walks, data_dir, capsys,
                                                               monkeypatch):
    from wizard.commands import export
    monkeypatch.setattr(export.loader, "load", lambda trees: library)
    _, out, _ = run(data_dir, library)
    listed = _listed_ids(out)
    assert len(listed) == 4 and all(len(i) <= 8 for i in listed)
    assert sorted(store.resolve_id(i) for i in listed) == sorted(r.id for r in store.sessions())
    first = listed[-1]  # the oldest walk: the first of three_walks
    code = export.export_command([TREES, CATALOGUE], data_dir, first, "md", None)
    assert code == 0 and "Your answers" in capsys.readouterr().out
    code, _, err = run(data_dir, library, delete=first, yes=True)
    assert code == 0 and "Deleted." in err
    assert first not in _listed_ids(run(data_dir, library)[1])


def test_an_unknown_or_ambiguous_id_is_a_plain_error(store, library):
    from wizard.errors import StateError
    from wizard.walk.engine import Session
    for session_id in ("20261127-090000-aaaaaa", "20261128-090000-aaaaaa"):
        store.journal(session_id).begin(Session(library, "full-check"))
    assert sorted(store.short_ids().values()) == ["7-090000-aaaaaa", "8-090000-aaaaaa"]
    with pytest.raises(StateError, match="no saved session 'zzz'"):
        store.resolve_id("zzz")
    with pytest.raises(StateError, match="'aaaaaa' matches 2 saved sessions; type more"):
        store.resolve_id("aaaaaa")
    assert store.resolve_id("8-090000-aaaaaa") == "20261128-090000-aaaaaa"


def test_on_a_terminal_the_walks_table_fits_its_width(store, library, three_walks):
    lines = views.render(store, library, width=60)
    table = lines[3:9]
    assert table and all(len(line) <= 60 for line in table)
    assert any(line.endswith("…") for line in table)  # the findings column gave way
