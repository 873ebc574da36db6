"""Scripted play and the JSON-lines protocol: same walk as the app, clean errors, never a traceback."""

from __future__ import annotations

import io
import json
import subprocess
import sys

from wizard.content import loader
from wizard.walk.engine import Session
from wizard.play import run_jsonl

FINISHED = "welcome: true\nexample-screen/fever: false\nwhere: outside\nstance: left\n"


def test_play_prints_the_markdown_summary_of_the_walk(run_cli, tmp_path):
    answers = tmp_path / "answers.yaml"
    answers.write_text(FINISHED)
    code, out, err = run_cli("play", "example", "--answers", answers)
    assert code == 0 and err == ""
    assert "Outer hip tendon pattern" in out and "Positive on the left" in out


def test_play_json_summary_carries_findings_and_urgency(run_cli, tmp_path):
    answers = tmp_path / "answers.json"
    answers.write_text(json.dumps({"welcome": True, "example-screen/fever": True}))
    code, out, _ = run_cli("play", "example", "--answers", answers, "--format", "json")
    summary = json.loads(out)
    assert code == 0 and summary["status"] == "emergency"


def test_missing_answer_stops_with_a_message_and_the_unfinished_summary(run_cli, tmp_path):
    answers = tmp_path / "answers.yaml"
    answers.write_text("welcome: true\n")
    code, out, err = run_cli("play", "example", "--answers", answers)
    assert code == 1
    assert "stopped at 'example-screen/fever'" in err
    assert "Unfinished" in out or "unfinished" in out


def test_answer_of_the_wrong_type_is_named(run_cli, tmp_path):
    answers = tmp_path / "answers.yaml"
    answers.write_text("welcome: true\nexample-screen/fever: no\n")  # "no" is a string, not false
    code, _, err = run_cli("play", "example", "--answers", answers)
    assert code == 1 and "example-screen/fever" in err and "yes or no" in err


def test_hostile_answers_files_get_clean_errors(run_cli, tmp_path):
    cases = {"tag.yaml": "welcome: !!python/object/apply:os.system ['true']\n", "list.yaml": "- 1\n",
             "bin.yaml": "\x00\x01", "dup.yaml": "welcome: true\nwelcome: false\n"}
    for name, text in cases.items():
        path = tmp_path / name
        path.write_text(text)
        code, out, err = run_cli("play", "example", "--answers", path)
        assert code == 1 and str(path) in err and "Traceback" not in err, name


def _jsonl(lines: list[str]) -> tuple[int, list[dict]]:
    session = Session(loader.load([]), "example")
    out = io.StringIO()
    code = run_jsonl(session, io.StringIO("".join(line + "\n" for line in lines)), out)
    return code, [json.loads(line) for line in out.getvalue().splitlines()]


def test_jsonl_walks_to_a_result():
    code, messages = _jsonl(['{"answer": true}', '{"answer": false}', '{"answer": "outside"}', '{"answer": "both"}'])
    assert code == 0
    assert [m["type"] for m in messages] == ["ask"] * 4 + ["result"]
    assert messages[3]["kind"] == "self_test" and "neither" in messages[3]["results"]
    assert messages[-1]["summary"]["status"] == "finished"


def test_jsonl_errors_are_json_and_the_question_is_asked_again():
    code, messages = _jsonl(['{"answer": true}', "not json", '{"answer": "no"}', "[1]", '{"command": "quit"}'])
    kinds = [m["type"] for m in messages]
    assert kinds == ["ask", "ask", "error", "ask", "error", "ask", "error", "ask", "stopped"]
    assert all(m["id"] == "example-screen/fever" for m in messages[1:-1] if m["type"] == "ask")


def test_jsonl_back_and_edit_change_the_path():
    code, messages = _jsonl(['{"answer": true}', '{"answer": false}', '{"command": "back"}',
                             '{"answer": false}', '{"command": "edit", "id": "example-screen/fever", "answer": true}'])
    assert messages[3]["id"] == "example-screen/fever" and messages[3]["previous"] is False
    assert messages[-1]["type"] == "result" and messages[-1]["summary"]["status"] == "emergency"


def test_jsonl_end_of_input_is_reported():
    code, messages = _jsonl(['{"answer": true}'])
    assert code == 1 and messages[-1] == {"type": "stopped", "reason": "input ended before the walk finished"}


def test_real_program_speaks_jsonl_over_pipes():
    feed = '{"answer": true}\n{"answer": true}\n'
    proc = subprocess.run([sys.executable, "-m", "wizard", "play", "example", "--jsonl"], input=feed,
                          capture_output=True, text=True, timeout=60)
    messages = [json.loads(line) for line in proc.stdout.splitlines()]
    assert proc.returncode == 0 and proc.stderr == ""
    assert messages[-1]["type"] == "result" and messages[-1]["summary"]["status"] == "emergency"


def test_unlisted_negative_answers_what_the_file_leaves_out(run_cli, tmp_path):
    """Author review item 16: as in scenarios, so red-flag screens need not be listed one by one."""
    answers = tmp_path / "answers.yaml"
    answers.write_text("unlisted: negative\nwhere: outside\nstance: left\n")
    code, out, err = run_cli("play", "example", "--answers", answers)
    assert code == 0 and err == ""
    assert "Positive on the left" in out
    answers.write_text("where: outside\n")
    code, _, err = run_cli("play", "example", "--answers", answers)
    assert code == 1 and "stopped at 'example/welcome'" in err, "without the setting, nothing is assumed"
