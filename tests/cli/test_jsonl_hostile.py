"""The JSON-lines protocol under hostile input: every line gets one JSON reply, the output is always UTF-8,
and the process never dies with a traceback (attack run F5, F6, F7)."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys

from hypothesis import HealthCheck, given, settings, strategies as st

from wizard.content import loader
from wizard.play import MAX_LINE, run_jsonl
from wizard.walk.engine import Session

LIBRARY = loader.load([])
TO_MULTI = b'{"answer": true}\n{"answer": false}\n{"answer": "groin"}\n'  # example: up to a multi choice


def _walk(data: bytes) -> tuple[int, list[dict]]:
    """Feed bytes through text streams over bytes, like sys.stdin/stdout, so the byte-level paths are used."""
    stdin = io.TextIOWrapper(io.BytesIO(data), encoding="utf-8", errors="surrogateescape")
    raw = io.BytesIO()
    stdout = io.TextIOWrapper(raw, encoding="utf-8", errors="surrogateescape", write_through=True)
    code = run_jsonl(Session(LIBRARY, "example"), stdin, stdout)
    stdout.flush()
    text = raw.getvalue().decode("utf-8")  # strict: every byte out must be UTF-8
    return code, [json.loads(line) for line in text.splitlines()]


def test_deep_nesting_gets_an_error_message_and_the_walk_goes_on():
    for line in ("[" * 100_000, '{"answer": ' + "[" * 2000 + "]" * 2000 + "}", '{"a":' * 50_000):
        code, messages = _walk(line.encode() + b"\n" + b'{"answer": true}\n')
        assert [m["type"] for m in messages[:3]] == ["ask", "error", "ask"], line[:20]
        assert "nests too deeply" in messages[1]["message"]
        assert messages[2]["id"] == messages[0]["id"] == "example/welcome"


def test_lone_surrogates_come_back_as_valid_utf8():
    code, messages = _walk(TO_MULTI + b'{"answer": ["\\ud800"]}\n{"command": "edit", "id": "\\udc80x", "answer": true}\n')
    errors = [m["message"] for m in messages if m["type"] == "error"]
    assert len(errors) == 2 and "\ufffd" in errors[0] and "\ufffd" in errors[1]


def test_bytes_that_are_not_utf8_are_refused_by_message():
    code, messages = _walk(TO_MULTI + b'{"answer": "\xff\xfe"}\n{"command": "quit"}\n')
    assert messages[-3]["type"] == "error" and "not UTF-8" in messages[-3]["message"]
    assert messages[-1] == {"type": "stopped", "reason": "quit"}


def test_an_over_long_line_is_refused_whole_and_its_tail_never_runs():
    long = b'{"x":"' + b"A" * (MAX_LINE + 10) + b'{"command":"quit"}\n'
    code, messages = _walk(b'{"answer": true}\n' + long + b'{"answer": true}\n')
    assert [m["type"] for m in messages] == ["ask", "ask", "error", "ask", "result"]
    assert "longer than" in messages[2]["message"]


def test_strict_stdio_and_raw_bytes_in_the_real_program():
    feed = TO_MULTI + b'{"answer": "\xff\xfe"}\n{"answer": ["\\ud800"]}\n' + b"[" * 5000 + b"\n"
    env = {**os.environ, "PYTHONIOENCODING": "utf-8:strict"}
    proc = subprocess.run([sys.executable, "-m", "wizard", "play", "example", "--jsonl"], input=feed,
                          capture_output=True, timeout=60, env=env)
    assert proc.returncode == 1 and proc.stderr == b""
    messages = [json.loads(line) for line in proc.stdout.decode("utf-8").splitlines()]
    assert [m["type"] for m in messages].count("error") == 3 and messages[-1]["type"] == "stopped"


JSON = st.recursive(st.none() | st.booleans() | st.integers() | st.floats() | st.text(),
                    lambda kids: st.lists(kids, max_size=4) | st.dictionaries(st.text(max_size=8), kids, max_size=4),
                    max_leaves=20)
MESSAGES = JSON | st.fixed_dictionaries({"answer": JSON}) | st.fixed_dictionaries(
    {"command": st.sampled_from(["back", "edit", "nope"]), "id": st.text(max_size=30), "answer": JSON})


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.binary(max_size=200) | MESSAGES.map(lambda m: json.dumps(m).encode()), max_size=12))
def test_any_bytes_or_json_get_json_replies(lines):
    data = b"".join(line.replace(b"\n", b" ") + b"\n" for line in lines)
    code, messages = _walk(data)
    assert code in (0, 1) and messages and messages[-1]["type"] in ("result", "stopped", "ask")
    replies = [m for m in messages if m["type"] in ("error", "ask", "result", "stopped")]
    assert len(replies) == len(messages)
