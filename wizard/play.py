"""Headless walks: `hip-wizard play TREE --answers FILE` and the JSON-lines protocol (`--jsonl`).

Both drive the same `Session` as the app. The answers file is read with the same safe YAML reader as the
trees (JSON is accepted too), so a hostile answers file gets a clear message, never a traceback.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TextIO

from wizard.content import loader
from wizard import protocol
from wizard.walk.engine import Session
from wizard.errors import AnswerError, LoadError, StateError, UnknownTree
from wizard.content.model import Library, qualify
from wizard.text import terminal_safe
from wizard.content.yamlsafe import read, read_capped

MAX_LINE = 1_000_000


def play_command(args) -> int:
    library = loader.load(args.trees)
    if args.tree not in library.trees:
        raise UnknownTree(args.tree, library.trees)
    if args.jsonl:
        return run_jsonl(Session(library, args.tree), sys.stdin, sys.stdout, args.format)
    session, problems = play_answers(library, args.tree, read_answers(args.answers))
    for problem in problems:
        print(f"hip-wizard: {terminal_safe(problem)}", file=sys.stderr)
    sys.stdout.write(render(session, args.format))
    return 1 if problems and not session.finished else 0


def read_answers(path: Path) -> dict:
    """An answers file -> {ref: answer}; `StateError` with file:line when it cannot be used."""
    try:
        doc = read(read_capped(path), str(path))
    except OSError as exc:
        raise StateError(f"{path}: cannot read the answers file: {exc.strerror or exc}") from None
    except LoadError as exc:
        raise StateError(str(exc)) from None
    if not isinstance(doc.data, dict):
        raise StateError(f"{path}:1:1: the answers file must be a mapping of node id -> answer")
    return doc.data


def play_answers(library: Library, tree_id: str, answers: dict) -> tuple[Session, list[str]]:
    """Walk with the given answers until the walk ends or an answer is missing or wrong."""
    given = {qualify(tree_id, str(ref)): value for ref, value in answers.items()}
    session, problems = Session(library, tree_id), []
    while session.current is not None:
        node = session.current
        if node.qid not in given:
            problems.append(f"stopped at '{node.qid}' ({node.label}): the answers file has no answer for it")
            break
        try:
            session.answer(given[node.qid])
        except AnswerError as exc:
            problems.append(f"the answer for '{node.qid}' does not fit: {exc}")
            break
    unused = sorted(set(given) - set(session.walk.steps) - {session.walk.current})
    problems += [f"answer for '{q}' was not used: the walk did not ask it" for q in unused]
    return session, problems


def render(session: Session, fmt: str) -> str:
    from wizard.report import render as render_summary
    from wizard.report.summary import build_summary
    return render_summary(build_summary(session), fmt)


# --- JSON lines ------------------------------------------------------------------------------------------


def run_jsonl(session: Session, stdin: TextIO, stdout: TextIO, fmt: str = "json") -> int:
    """Questions out, answers in, one JSON object a line, until the walk ends or input does."""
    while session.current is not None:
        _send(stdout, protocol.ask_message(session))
        line = stdin.readline(MAX_LINE)
        if not line:
            _send(stdout, {"type": "stopped", "reason": "input ended before the walk finished"})
            return 1
        if _handle(session, line, stdout) == "quit":
            _send(stdout, {"type": "stopped", "reason": "quit"})
            return 0
    _send(stdout, {"type": "result", "summary": json.loads(render(session, "json"))})
    return 0


def _handle(session: Session, line: str, stdout: TextIO) -> str | None:
    try:
        message = json.loads(line)
        return _apply(session, message)
    except (ValueError, AnswerError) as exc:
        _send(stdout, protocol.error_message(_plain(exc)))
    return None


def _apply(session: Session, message: object) -> str | None:
    if not isinstance(message, dict):
        raise ValueError('send a JSON object such as {"answer": true} or {"command": "back"}')
    command = message.get("command")
    if command is None and "answer" in message:
        session.answer(message["answer"])
    elif command == "back":
        if not session.back():
            raise ValueError("there is no earlier step to go back to")
    elif command == "edit" and isinstance(message.get("id"), str) and "answer" in message:
        session.edit(message["id"], message["answer"])
    elif command == "quit":
        return "quit"
    else:
        raise ValueError('unknown message; use {"answer": ...}, {"command": "back"}, '
                         '{"command": "edit", "id": ..., "answer": ...} or {"command": "quit"}')
    return None


def _plain(exc: Exception) -> str:
    if isinstance(exc, json.JSONDecodeError):
        return f"that line is not valid JSON ({exc.msg} at column {exc.colno})"
    return str(exc)


def _send(stdout: TextIO, message: dict) -> None:
    stdout.write(json.dumps(message, ensure_ascii=False) + "\n")
    stdout.flush()
