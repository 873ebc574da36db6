"""`hip-wizard graph` and `hip-wizard new`: what authors use to see and start trees."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from .conftest import check_json


def test_mermaid_shows_urgency_on_every_outcome(run_cli):
    code, out, _ = run_cli("graph", "example")
    assert code == 0 and out.startswith("flowchart TD")
    assert 'n_see_someone(["Pain high enough to get checked [ROUTINE]"]):::routine' in out
    assert 'n_pain -->|"if pain ≥ 8"| n_see_someone' in out


def test_dot_output_has_edges_with_answer_labels(run_cli):
    code, out, _ = run_cli("graph", "example", "--format", "dot")
    assert code == 0 and out.startswith('digraph "example" {')
    assert '"where" -> "stance" [label="On the outside of the h…"];' in out


def test_labels_cannot_break_the_diagram_syntax(run_cli, write_tree, tmp_path):
    write_tree("quote.yaml", """\
        id: quote
        title: Quotes
        version: "1"
        start: q
        nodes:
          q: {kind: question, style: yes_no, text: 'Say "hi"] --> x', why: W., title: 'A "title"] | x', if_yes: a, if_no: a}
          a: {kind: outcome, title: 'End "}; digraph'}
        """)
    _, mermaid, _ = run_cli("graph", "quote", "--trees", tmp_path)
    _, dot, _ = run_cli("graph", "quote", "--trees", tmp_path, "--format", "dot")
    assert '"]' not in mermaid.split("n_q[", 1)[1].split("\n")[0][:-2]
    assert '\\"}; digraph' in dot
    if shutil.which("dot"):
        subprocess.run(["dot", "-Tsvg"], input=dot, text=True, check=True, capture_output=True)


def test_new_writes_a_starter_that_passes_check(run_cli, tmp_path):
    target = tmp_path / "starter.yaml"
    code, _, err = run_cli("new", "my-tree", "-o", target)
    assert code == 0 and "wrote" in err
    assert target.read_text().startswith("# yaml-language-server: $schema=")
    code, report = check_json(run_cli, target)
    assert code == 0 and report["errors"] == []
    assert [w for w in report["warnings"] if w["file"] == str(target)] == []
    assert {"my-tree/get-checked", "my-tree/no-pattern"} <= set(report["outcomes_covered"])


def test_new_never_overwrites_and_rejects_bad_ids(run_cli, tmp_path):
    target = tmp_path / "keep.yaml"
    target.write_text("precious")
    code, _, err = run_cli("new", "my-tree", "-o", target)
    assert code == 2 and "already exists" in err and target.read_text() == "precious"
    code, _, err = run_cli("new", "Bad Id", "-o", tmp_path / "x.yaml")
    assert code == 2 and "not a valid id" in err


@pytest.mark.parametrize("args", [["--version"], ["check", "--help"]])
def test_python_m_wizard_is_the_same_program(args):
    import sys
    proc = subprocess.run([sys.executable, "-m", "wizard", *args], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0 and ("hip-wizard" in proc.stdout)
