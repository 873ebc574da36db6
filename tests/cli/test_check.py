"""`hip-wizard check`: planted faults are each reported with their line; good trees pass with coverage."""

from __future__ import annotations

from .conftest import check_json

FAULTY = """\
id: faulty
title: Faulty tree
version: "1.0.0"
role: module
start: fall
nodes:
  fall:
    kind: question
    style: yes_no
    text: Did you fall and now cannot stand?
    why: A fall with no weight bearing can mean a broken hip.
    red_flag: emergency
    if_yes: rest
    if_no: loop-a
  rest:
    kind: outcome
    title: Rest at home
    referral: {urgency: self_care, reason: Rest.}
  loop-a:
    kind: question
    style: yes_no
    text: Loop A?
    why: Planted cycle.
    if_yes: loop-b
    if_no: nowhere
  loop-b:
    kind: info
    text: Loop B.
    next: loop-a
  orphan:
    kind: outcome
    title: Never reached
scenarios:
  - name: Wrong urgency expected
    given: {fall: true}
    expect: {urgency: emergency}
"""


def _line_of(text: str, needle: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), 1) if needle in line)


def test_every_planted_fault_is_reported_with_its_line(run_cli, write_tree):
    path = write_tree("faulty.yaml", FAULTY)
    code, report = check_json(run_cli, path)
    assert code == 1 and report["ok"] is False
    found = {(p["code"], p["line"]) for p in report["errors"] + report["warnings"]}
    assert ("reference", _line_of(FAULTY, "if_no: nowhere")) in found  # the dangling link's own line
    assert ("unreachable", _line_of(FAULTY, "orphan:")) in found
    assert any(code == "cycle" for code, _ in found)
    assert ("red-flag", _line_of(FAULTY, "red_flag: emergency")) in found  # "yes" reaches self-care


def test_red_flag_message_names_the_weak_outcome(run_cli, write_tree):
    code, report = check_json(run_cli, write_tree("faulty.yaml", FAULTY))
    message = next(p["message"] for p in report["errors"] if p["code"] == "red-flag")
    assert "self_care" in message and "faulty/rest" in message and "emergency" in message


def test_scenario_expecting_the_wrong_urgency_fails_at_its_line(run_cli, write_tree):
    fixed = FAULTY.replace("if_no: nowhere", "if_no: rest").replace("next: loop-a", "next: rest")
    path = write_tree("faulty.yaml", fixed)
    code, report = check_json(run_cli, path)
    scenario = [p for p in report["errors"] if p["code"] == "scenario"]
    assert code == 1 and len(scenario) == 1
    assert scenario[0]["line"] == _line_of(fixed, "- name: Wrong urgency")
    assert "expected urgency emergency, got self_care" in scenario[0]["message"]


def test_text_report_names_file_line_and_column(run_cli, write_tree):
    path = write_tree("faulty.yaml", FAULTY)
    code, out, _ = run_cli("check", path)
    assert code == 1
    assert f"{path}:{_line_of(FAULTY, 'orphan:')}:3: warning [orphan]: unreachable" in out


def test_entry_tree_must_screen_red_flags_first(run_cli, write_tree):
    path = write_tree("entry.yaml", """\
        id: no-screen
        title: Skips the screen
        version: "1"
        role: entry
        start: q
        nodes:
          q:
            kind: question
            style: yes_no
            text: Any pain?
            why: To start.
            if_yes: done
            if_no: done
          done:
            kind: outcome
            title: Done
        scenarios:
          - {name: yes, given: {q: true}, expect: {urgency: none}}
        """)
    code, report = check_json(run_cli, path)
    assert code == 1
    assert [p["code"] for p in report["errors"]] == ["red-flags-first"]


def test_entry_tree_that_hands_over_to_a_screen_first_passes(run_cli, write_tree):
    path = write_tree("entry.yaml", """\
        id: screened
        title: Screens first
        version: "1"
        role: entry
        start: hello
        nodes:
          hello: {kind: info, text: Hello., next: screen}
          screen: {kind: handover, tree: example-screen, next: done}
          done: {kind: outcome, title: Done, referral: {urgency: self_care, reason: Fine.}}
        scenarios:
          - {name: fine, given: {hello: true, example-screen/fever: false}, expect: {urgency: self_care}}
        """)
    code, report = check_json(run_cli, path)
    assert report["errors"] == [] and code == 0
    assert "screened/done" in report["outcomes_covered"]


def test_author_invariant_is_proved_over_every_path(run_cli, write_tree):
    path = write_tree("inv.yaml", """\
        id: inv
        title: Invariant
        version: "1"
        start: child
        nodes:
          child:
            kind: question
            style: yes_no
            text: Is this about a child with a new limp?
            why: Children are never routed to self-care.
            if_yes: limp-days
            if_no: ok
          limp-days:
            kind: question
            style: single
            text: How long?
            why: Duration matters.
            options:
              - {value: short, label: Under a week, next: ok}
              - {value: long, label: Over a week, next: see-gp}
          see-gp: {kind: outcome, title: GP today, referral: {urgency: urgent, reason: Long limp.}}
          ok: {kind: outcome, title: OK, referral: {urgency: self_care, reason: Fine.}}
        invariants:
          - name: a child with a limp is never self-care
            when: {answer: child, is: true}
            then: {urgency_at_least: urgent}
        """)
    code, report = check_json(run_cli, path)
    broken = [p for p in report["errors"] if p["code"] == "invariant"]
    assert code == 1 and len(broken) == 1 and "inv/ok" in broken[0]["message"]


def test_coverage_lists_outcomes_no_scenario_reaches(run_cli, write_tree):
    path = write_tree("cov.yaml", """\
        id: cov
        title: Coverage
        version: "1"
        start: q
        nodes:
          q: {kind: question, style: yes_no, text: Q?, why: W., if_yes: a, if_no: b}
          a: {kind: outcome, title: A}
          b: {kind: outcome, title: B}
        scenarios:
          - {name: yes only, given: {q: true}, expect: {outcomes: [a]}}
        """)
    code, report = check_json(run_cli, path)
    assert code == 0
    assert "cov/b" in report["outcomes_uncovered"] and "cov/a" in report["outcomes_covered"]
    assert report["paths"]["cov"] == 2


def test_path_counts_follow_handovers_and_emergency_exits(run_cli):
    code, report = check_json(run_cli)
    # example: 5 walks after the screen returns, plus 1 that ends at the screen's emergency
    assert report["paths"]["example"] == 6 and report["paths"]["example-screen"] == 2


def test_bundled_trees_pass_with_no_errors_no_warnings_and_full_coverage(run_cli):
    code, report = check_json(run_cli)
    assert report["errors"] == [] and report["warnings"] == []
    assert code == 0
    assert report["outcomes_uncovered"] == [] and report["coverage"] == 1.0


def test_missing_path_is_a_clean_error(run_cli, tmp_path):
    code, out, err = run_cli("check", tmp_path / "nope.yaml")
    assert code == 1 and "no such file or folder" in out and "Traceback" not in out + err


def test_escape_sequences_in_a_tree_never_reach_the_terminal(run_cli, write_tree):
    path = write_tree("esc.yaml", 'id: esc\ntitle: Esc\nversion: "1"\nstart: q\nnodes:\n'
                                  '  q: {kind: question, style: yes_no, text: Q?, why: W., if_yes: a, if_no: a,\n'
                                  '      "\\e]0;owned\\a\\e[2J": 1}\n'
                                  '  a: {kind: outcome, title: A}\n')
    code, out, err = run_cli("check", path)
    assert code == 1 and "unknown field" in out
    assert "\x1b" not in out + err and "\x07" not in out + err


FORGED = """\
id: forger
title: Forger
version: "1"
start: q
nodes:
  q: {kind: question, style: yes_no, text: Hurts?, why: Because., if_yes: o, if_no: o}
  o: {kind: outcome, title: Out}
scenarios:
  - name: "x\\n/tmp/fake.yaml:1:1: error: FORGED LINE\\r\\u2028\\n0 files, 0 trees; 0 errors"
    given: {q: true}
    expect: {outcomes: [q]}
"""


def test_newlines_in_author_text_cannot_forge_report_lines(run_cli, write_tree):
    """Attack run F4: a scenario name with line ends stays on its problem's one line."""
    path = write_tree("forger.yaml", FORGED)
    code, out, _ = run_cli("check", path)
    problem_lines = [line for line in out.splitlines() if "FORGED" in line]
    assert code == 1 and problem_lines and "\u2028" not in out
    assert all(line.startswith(f"{path}:") for line in problem_lines)
    assert not any(line.startswith("0 files") for line in out.splitlines())
