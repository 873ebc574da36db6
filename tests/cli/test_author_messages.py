"""What an author sees from `check` (new-user-and-author review items 4, 17, 18, 28): reference errors come
from the loader with the key's own line:col and a "did you mean", scenarios never run on a library with
errors (so no traceback), one root cause gives one message, and the author's own trees get their own line."""

from __future__ import annotations

import pytest

MINE = """\
id: knee-or-hip
title: Knee or hip
version: "1"
start: screen
nodes:
  screen:
    kind: handover
    tree: {tree}
    next: squat
  squat:
    kind: question
    style: yes_no
    text: Does a squat hurt?
    why: It loads the hip.
    if_yes: {node}
    if_no: rest
  knee-squat:
    kind: outcome
    title: Knee
    exercises: [{exercise}]
    advice: [{advice}]
    findings: [{finding}]
  rest:
    kind: outcome
    title: Rest
scenarios:
  - name: squat hurts
    given: {{squat: true, red-flags-short/about: self, hip-operations/hip-op: none}}
    unlisted: negative
    expect: {{outcomes: [knee-squat]}}
"""
GOOD = dict(tree="red-flags-short", node="knee-squat", exercise="sit-to-stand", advice="graded-load",
            finding="hip-at-knee")
TYPOS = {"tree": ("red-flags-shrt", "red-flags-short"), "node": ("knee-sqat", "knee-squat"),
         "exercise": ("sit-to-stnd", "sit-to-stand"), "advice": ("graded-loads", "graded-load"),
         "finding": ("hip-at-knees", "hip-at-knee")}


def _where(text: str, needle: str) -> str:
    """line:col of the first `needle` in `text` (1-based), as check reports it."""
    for number, line in enumerate(text.splitlines(), 1):
        if needle in line:
            return f"{number}:{line.index(needle) + 1}"
    raise AssertionError(needle)


@pytest.mark.parametrize("kind", TYPOS)
def test_a_planted_reference_error_is_a_message_at_its_key_never_a_traceback(run_cli, write_tree, kind):
    wrong, right = TYPOS[kind]
    text = MINE.format(**{**GOOD, kind: wrong})
    path = write_tree("mine.yaml", text)
    code, out, err = run_cli("check", path)
    errors = [line for line in out.splitlines() if ": error" in line]
    assert code == 1 and "Traceback" not in err and len(errors) == 1, out
    column = _where(text, wrong) if kind in ("exercise", "advice", "finding") else _where(text, f": {wrong}")
    if kind not in ("exercise", "advice", "finding"):  # a mapping entry: the key's column
        line = column.split(":")[0]
        column = f"{line}:{text.splitlines()[int(line) - 1].index(text.splitlines()[int(line) - 1].strip()) + 1}"
    assert errors[0].startswith(f"{path}:{column}: error [") and f"did you mean '{right}'?" in errors[0]
    assert "scenarios: not run" in out and "not reached:" not in out and "outcome coverage: 1" not in out


def test_a_next_typo_is_one_message_with_its_follow_ons_counted(run_cli, write_tree):
    path = write_tree("mine.yaml", MINE.format(**{**GOOD, "node": "knee-sqat"}))
    code, out, _ = run_cli("check", path)
    mine = [line for line in out.splitlines() if line.startswith(str(path))]
    assert len(mine) == 1 and "(and 1 follow-on problem: nodes it cut off from `start`)" in mine[0]
    assert "unreachable" not in out and "scenario 'squat hurts'" not in out and "run `hip-wizard check`" not in out


def test_a_cycle_is_not_buried_under_coverage_lines(run_cli, write_tree):
    path = write_tree("mine.yaml", MINE.format(**GOOD).replace("if_no: rest", "if_no: screen"))
    code, out, _ = run_cli("check", path)
    assert code == 1 and "cycle:" in out
    assert "not reached:" not in out and "scenarios: not run" in out


def test_check_file_ends_with_a_line_for_the_authors_own_tree(run_cli, write_tree):
    path = write_tree("mine.yaml", MINE.format(**GOOD))
    code, out, _ = run_cli("check", path)
    assert code == 0
    assert out.strip().splitlines()[-1] == (f"your tree knee-or-hip ({path}): 4 nodes; scenarios 1/1 passed; "
                                            "outcomes reached 1/2 (not reached: rest)")
    code, out, _ = run_cli("check", path, "--json")
    assert '"ran": true' in out


SLIPS = """\
id: slips
title: Slips
version: "1"
start: q
nodes:
  q:
    kind: question
    style: single
    text: Where?
    why: Because.
    nxt: o
    options:
      - {value: a, label: A, next: o}
      - {value: b, label: B}
  o:
    kind: outcome
    title: Out
"""


def test_schema_and_graph_problems_point_at_the_key_at_fault(run_cli, write_tree):
    path = write_tree("slips.yaml", SLIPS)
    code, out, _ = run_cli("check", path)
    assert f"{path}:{_where(SLIPS, 'nxt:')}: error [q]: unknown field `nxt` (did you mean `next`?)" in out
    fixed = SLIPS.replace("    nxt: o\n", "")
    path = write_tree("slips.yaml", fixed)
    code, out, _ = run_cli("check", path)
    assert f"{path}:{_where(fixed, '{value: b')}: error [q]: dead end: option 'b' leads nowhere" in out


def test_an_answers_file_in_the_trees_folder_gets_a_hint(run_cli, tmp_path):
    """Author review item 15: the docs' own `play --answers` example invites keeping it beside the tree."""
    (tmp_path / "answers.yaml").write_text("unlisted: negative\nwhere: outside\nexample/stance: left\n")
    code, out, _ = run_cli("check", tmp_path)
    assert code == 1
    assert f"{tmp_path / 'answers.yaml'}:1:1: error: this looks like an answers file" in out
    assert "keep it outside the trees folder" in out and "missing" not in out


def test_catalogue_lists_every_id_an_outcome_can_name(run_cli):
    """Author review item 16: no digging through site-packages for exercise ids."""
    import json

    from wizard.content.loader import load
    library = load([])
    code, out, _ = run_cli("catalogue", "--json")
    table = json.loads(out)
    assert code == 0 and set(table["exercises"]) == set(library.exercises)
    assert table["exercises"]["sit-to-stand"] == library.exercises["sit-to-stand"].name
    assert table["advice"]["graded-load"] == library.advice["graded-load"].title
    code, out, _ = run_cli("catalogue")
    line = next(line for line in out.splitlines() if line.split()[:1] == ["hip-at-knee"])
    assert library.findings["hip-at-knee"].name in line


def test_a_condition_naming_a_mistyped_node_gets_a_hint(run_cli, write_tree):
    text = MINE.format(**GOOD).replace("    if_no: rest\n", "    if_no: rest\n    ask_if: {answer: sqat, is: true}\n"
                                         "    next: rest\n")
    path = write_tree("mine.yaml", text)
    code, out, _ = run_cli("check", path)
    line = next(line for line in out.splitlines() if "the condition names" in line)
    assert line.startswith(f"{path}:{_where(text, 'ask_if')}:") and "did you mean 'squat'?" in line
