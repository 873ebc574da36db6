"""`hip-wizard diff` on two versions of a small tree with a known set of changes (before/ -> after/).

The changes, as a reviewer should see them (each exactly once):
- demo-screen: the `fever` red flag lowered from emergency to urgent (lowered);
- demo: the groin story's referral routine -> self_care, because see-someone was downgraded (lowered);
- demo: info nodes `sitting-tip` and `groin-check` added on the groin route, `note` removed after the stance
  test (so `stance` next is re-routed), option `back` added, option `stairs` removed, option `groin`
  re-routed, the stance test's specificity changed, and the non-emergency stories' answered steps
  (min/median/max, as `check` counts them) 4/5/6 -> 4/6/7.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from wizard.authoring.diff.changes import compare
from wizard.authoring.diff.facts import facts_of
from wizard.cli import main
from wizard.content import loader

HERE = Path(__file__).parent
BEFORE, AFTER = HERE / "before", HERE / "after"
ROOT = HERE.parents[1]

EXPECTED = {
    ("demo-screen", "red-flag", "fever", "emergency", "urgent", True),
    ("demo", "story", "Office worker with groin pain and high pain scores", "urgency routine",
     "urgency self_care", True),
    ("demo", "node", "sitting-tip", None, "info", False),
    ("demo", "node", "groin-check", None, "info", False),
    ("demo", "node", "note", "info", None, False),
    ("demo", "route", "stance next", "note", "pain", False),
    ("demo", "option", "where option 'back'", None, "activities", False),
    ("demo", "option", "activities option 'stairs'", "(its next)", None, False),
    ("demo", "route", "where option 'groin'", "activities", "sitting-tip", False),
    ("demo", "evidence", "stance", "specificity 0.97", "specificity 0.9", False),
    ("demo", "steps", "answered steps, non-emergency scenarios (min/median/max)", "4/5/6", "4/6/7", False),
}


def changes_between(old: Path, new: Path):
    return compare(facts_of(loader.load([old], bundled=False)), facts_of(loader.load([new], bundled=False)))


def test_each_known_change_is_reported_once():
    found = [(c.tree, c.kind, c.subject, c.before, c.after, c.lowered) for c in changes_between(BEFORE, AFTER)]
    assert sorted(found, key=str) == sorted(EXPECTED, key=str)


def test_the_same_trees_have_no_changes(capsys):
    assert main(["diff", str(BEFORE), str(BEFORE)]) == 0
    assert "No changes a patient would notice." in capsys.readouterr().out


def test_lowered_changes_come_first_and_fail_the_review(capsys):
    assert main(["diff", str(BEFORE), str(AFTER)]) == 1
    out = capsys.readouterr().out
    lowered_at, tree_at = out.index("Lowered: less urgent"), out.index("\ndemo:\n")
    assert lowered_at < tree_at
    assert out.index("red flag fever lowered: emergency -> urgent") < tree_at
    assert out.count("re-routed where option 'groin': activities -> sitting-tip") == 1
    assert out.count("Office worker with groin pain") == 1
    assert out.rstrip().endswith("11 changes, 2 lowered.")


def test_allow_lower_lets_the_review_pass(capsys):
    assert main(["diff", str(BEFORE), str(AFTER), "--allow-lower"]) == 0
    assert "Lowered: less urgent" in capsys.readouterr().out


def test_raising_is_not_blocked(capsys):
    assert main(["diff", str(AFTER), str(BEFORE)]) == 0
    assert "red flag fever raised: urgent -> emergency" in capsys.readouterr().out


def test_json_and_markdown_carry_the_same_changes(capsys):
    main(["diff", str(BEFORE), str(AFTER), "--format", "json"])
    report = json.loads(capsys.readouterr().out)
    assert report["lowered"] == 2 and len(report["changes"]) == len(EXPECTED)
    main(["diff", str(BEFORE), str(AFTER), "--format", "markdown"])
    markdown = capsys.readouterr().out
    assert markdown.startswith("## hip-wizard diff")
    assert markdown.index("### **Lowered") < markdown.index("### `demo`")
    assert sum(line.startswith("- ") for line in markdown.splitlines()) == len(EXPECTED)


@pytest.fixture
def repository(tmp_path):
    """A git repository whose committed trees are before/ and whose working copy holds after/."""
    if not shutil.which("git"):
        pytest.skip("git is not installed")
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "t",
           "GIT_COMMITTER_EMAIL": "t@example.org"}
    shutil.copytree(BEFORE, tmp_path / "trees")
    for argv in (["init", "-q"], ["add", "trees"], ["commit", "-q", "-m", "before"]):
        subprocess.run(["git", *argv], cwd=tmp_path, env=env, check=True)
    shutil.rmtree(tmp_path / "trees")
    shutil.copytree(AFTER, tmp_path / "trees")
    return tmp_path


def run_diff(cwd: Path, *argv: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "wizard", "diff", *argv], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=60)


def test_a_git_revision_compares_with_the_working_trees(repository):
    done = run_diff(repository, "HEAD", "--format", "json")
    assert done.returncode == 1, done.stderr
    assert len(json.loads(done.stdout)["changes"]) == len(EXPECTED)
    assert run_diff(repository, "HEAD", "HEAD").stdout.strip().endswith("No changes a patient would notice.")
    (repository / "docs").mkdir()
    from_below = run_diff(repository / "docs", "HEAD", "--format", "json")  # the working trees are found from below
    assert len(json.loads(from_below.stdout)["changes"]) == len(EXPECTED), from_below.stderr


def test_neither_a_folder_nor_a_revision_is_a_clear_error(repository):
    done = run_diff(repository, "no-such-branch")
    assert done.returncode == 1
    assert "'no-such-branch' is neither a folder nor a git revision" in done.stderr
    assert "Traceback" not in done.stderr


def test_a_side_that_does_not_load_is_a_clear_error(tmp_path, capsys):
    (tmp_path / "bad.yaml").write_text("id: bad\ntitle: Bad\nversion: '1'\nstart: nowhere\nnodes: {}\n",
                                       encoding="utf-8")
    assert main(["diff", str(BEFORE), str(tmp_path)]) == 1
    error = capsys.readouterr().err
    assert "do not load" in error and "bad.yaml" in error and "Traceback" not in error


PROBE = "import sys, wizard.authoring.diff.command, wizard.authoring.hook; " \
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich', 'textual_serve')))"


def test_diff_and_the_hook_load_no_user_interface():
    done = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, timeout=60, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


AUTHOR_TREE = """\
id: mine
title: My stairs check
version: "1.0.0"
role: entry
start: safety
nodes:
  safety:
    kind: handover
    title: Safety question
    tree: example-screen
    next: stairs
  stairs:
    kind: question
    style: yes_no
    title: Stairs
    text: Do stairs make the pain worse?
    why: Pain on stairs points to the joint or the tendons around it.
    if_yes: see
    if_no: fine
  see:
    kind: outcome
    title: See a physiotherapist
    text: Stairs pain that does not settle is worth a look.
    referral: {urgency: routine, reason: It may need a tailored plan.}
  fine:
    kind: outcome
    title: Keep moving
    text: Keep moving.
    referral: {urgency: self_care, reason: Mild pain usually settles.}
scenarios:
  - name: Stairs hurt
    given: {example-screen/fever: false, stairs: true}
    expect: {urgency: routine, outcomes: [see]}
"""


def test_trees_that_hand_over_to_bundled_ones_are_compared_beside_them(tmp_path):
    """An author's entry tree uses a bundled red-flag screen; only the author's change is reported."""
    old, new = tmp_path / "old", tmp_path / "new"
    for folder, text in ((old, AUTHOR_TREE), (new, AUTHOR_TREE.replace("urgency: routine, reason", "urgency: "
                                                                          "self_care, reason"))):
        folder.mkdir()
        (folder / "mine.yaml").write_text(text, encoding="utf-8")
    done = run_diff(tmp_path, str(old), str(new), "--format", "json")
    assert done.returncode == 1, done.stderr
    [change] = json.loads(done.stdout)["changes"]
    assert (change["tree"], change["kind"], change["lowered"]) == ("mine", "story", True)
    assert (change["before"], change["after"]) == ("urgency routine", "urgency self_care")


def test_a_role_change_is_reported(tmp_path):
    """A tree leaving the menu (role entry -> module) is said, and its step statistics go with it."""
    shutil.copytree(AFTER, tmp_path / "module")
    demo = tmp_path / "module" / "demo.yaml"
    demo.write_text(demo.read_text(encoding="utf-8").replace("role: entry", "role: module"), encoding="utf-8")
    found = {(c.kind, c.before, c.after) for c in changes_between(AFTER, tmp_path / "module")}
    assert ("role", "entry", "module") in found
    assert ("steps", "4/6/7", None) in found
