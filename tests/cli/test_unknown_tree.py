"""An unknown tree gets one answer on every command: the same sentence on stderr, exit code 2, nothing saved."""

from __future__ import annotations

import pytest

from wizard.errors import UnknownTree

COMMANDS = {
    "run": ["run", "nope"],
    "run --plain": ["run", "--plain", "nope"],
    "play": ["play", "nope", "--answers", "answers.yaml"],
    "play --jsonl": ["play", "nope", "--jsonl"],
    "graph": ["graph", "nope"],
}


@pytest.mark.parametrize("command", COMMANDS)
def test_unknown_tree_is_one_sentence_on_stderr_with_exit_2(run_cli, tmp_path, command):
    data = tmp_path / "history"
    code, out, err = run_cli("--data-dir", data, *COMMANDS[command])
    assert (code, out) == (2, "")
    # (without a terminal, `run` first says it falls back to --plain; the error is the last line either way)
    last = err.splitlines()[-1]
    assert last.startswith("hip-wizard: there is no tree called 'nope'; known trees: ") and "full-check" in last
    assert "Traceback" not in err
    assert not data.exists(), "a typo must not create a history file"


def test_the_sentence_lists_the_known_trees_in_order():
    assert str(UnknownTree("nope", ["b", "a"])) == "there is no tree called 'nope'; known trees: a, b"
    assert str(UnknownTree("nope", [])) == "there is no tree called 'nope'; known trees: none"
