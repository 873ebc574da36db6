"""The pre-commit hook `hip-wizard-check`: changed tree files are checked with the rest of the author's
trees, and only problems in the changed files fail the commit."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from wizard.authoring.hook import main

ROOT = Path(__file__).resolve().parents[2]

GOOD = """\
id: good
title: Good tree
version: "1.0.0"
start: stairs
nodes:
  stairs:
    kind: question
    style: yes_no
    title: Stairs
    text: Do stairs make the pain worse?
    why: Pain on stairs points to the joint or the tendons around it.
    if_yes: advice
    if_no: fine
  advice:
    kind: handover
    title: Stairs advice
    tree: shared
    next: fine
  fine:
    kind: outcome
    title: Nothing to change
    text: Keep doing what you do.
"""

SHARED = """\
id: shared
title: Shared advice
version: "1.0.0"
start: advice
nodes:
  advice:
    kind: outcome
    title: Take the stairs slowly
    text: One step at a time, the good leg first going up.
"""

BROKEN = GOOD.replace("id: good", "id: broken").replace("if_no: fine", "if_no: nowhere")


@pytest.fixture
def author_repo(tmp_path, monkeypatch):
    """An author's repository: trees/good.yaml hands over to the tree in trees/shared.yaml; trees/broken.yaml is broken."""
    trees = tmp_path / "trees"
    trees.mkdir()
    for name, text in (("good", GOOD), ("shared", SHARED), ("broken", BROKEN)):
        (trees / f"{name}.yaml").write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_a_good_change_passes_with_the_rest_of_the_trees_loaded(author_repo, capsys):
    assert main(["trees/good.yaml"]) == 0
    assert "1 changed file, 0 errors" in capsys.readouterr().out


def test_a_broken_change_fails_naming_the_file_and_line(author_repo, capsys):
    assert main(["trees/good.yaml", "trees/broken.yaml"]) == 1
    out = capsys.readouterr().out
    assert "trees/broken.yaml:" in out and "nowhere" in out
    assert "trees/good.yaml:" not in out


def test_without_the_rest_the_handover_would_not_resolve(author_repo, capsys):
    """--trees narrows the folders loaded; with only good.yaml its handover to `shared` is reported."""
    assert main(["trees/good.yaml", "--trees", "trees/good.yaml"]) == 1
    assert "shared" in capsys.readouterr().out


@pytest.mark.slow
def test_pre_commit_try_repo_runs_the_hook(author_repo, tmp_path):
    if not shutil.which("git"):
        pytest.skip("git is not installed")
    if shutil.which("pre-commit") is None and not _module("pre_commit"):
        pytest.skip("pre-commit is not installed (pip install '.[test]')")
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"), "GIT_AUTHOR_NAME": "t",
           "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"}
    for argv in (["init", "-q"], ["add", "trees"], ["commit", "-q", "-m", "trees"]):
        subprocess.run(["git", *argv], cwd=author_repo, env=env, check=True)
    good = _try_repo(author_repo, env, "trees/good.yaml", "trees/shared.yaml")
    assert good.returncode == 0, good.stdout + good.stderr
    broken = _try_repo(author_repo, env, "trees/broken.yaml")
    assert broken.returncode == 1, broken.stdout + broken.stderr
    assert "trees/broken.yaml:" in broken.stdout and "nowhere" in broken.stdout


def _try_repo(repo: Path, env: dict, *files: str) -> subprocess.CompletedProcess:
    argv = [sys.executable, "-m", "pre_commit", "try-repo", str(ROOT), "hip-wizard-check", "--files", *files]
    return subprocess.run(argv, cwd=repo, env=env, capture_output=True, text=True, timeout=600)


def _module(name: str) -> bool:
    import importlib.util
    return importlib.util.find_spec(name) is not None
