"""Headless walks: `hip-wizard play TREE --answers FILE` and the JSON-lines protocol (`--jsonl`).

Both drive the same `Session` as the app. The answers file is read with the same safe YAML reader as the
trees (JSON is accepted too), so a hostile answers file gets a clear message, never a traceback.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Iterator, TextIO

from wizard.authoring.scenarios import negative_answer
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


UNLISTED = ("strict", "negative")


def play_answers(library: Library, tree_id: str, answers: dict) -> tuple[Session, list[str]]:
    """Walk with the given answers until the walk ends or an answer is missing or wrong. As in scenarios,
    `unlisted: negative` answers every question the file leaves out with its "nothing found" answer."""
    answers, unlisted = _unlisted(library, tree_id, dict(answers))
    given = {qualify(tree_id, str(ref)): value for ref, value in answers.items()}
    session, problems = Session(library, tree_id), []
    while session.current is not None:
        node = session.current
        default = negative_answer(node) if unlisted == "negative" else None
        if node.qid not in given and default is None:
            problems.append(f"stopped at '{node.qid}' ({node.label}): the answers file has no answer for it")
            break
        given.setdefault(node.qid, default)
        try:
            session.answer(given[node.qid])
        except AnswerError as exc:
            problems.append(f"the answer for '{node.qid}' does not fit: {exc}")
            break
    unused = sorted(set(given) - set(session.walk.steps) - {session.walk.current})
    problems += [f"answer for '{q}' was not used: the walk did not ask it" for q in unused]
    return session, problems


def _unlisted(library: Library, tree_id: str, answers: dict) -> tuple[dict, str]:
    """The answers without the `unlisted` setting, and the setting ("strict" unless the file says)."""
    setting = answers.get("unlisted")
    if setting in UNLISTED and not library.has_node(qualify(tree_id, "unlisted")):
        del answers["unlisted"]
        return answers, setting
    return answers, "strict"


def render(session: Session, fmt: str) -> str:
    from wizard.report import render as render_summary
    from wizard.report.summary import build_summary
    return render_summary(build_summary(session), fmt)


# --- JSON lines ------------------------------------------------------------------------------------------


def run_jsonl(session: Session, stdin: TextIO, stdout: TextIO, fmt: str = "json") -> int:
    """Questions out, answers in, one JSON object a line, until the walk ends or input does.

    Every line in gets exactly one reply, whatever its bytes: a line that is too long is refused whole (its
    tail never runs as a command), bytes that are not UTF-8 and JSON nested too deeply get error messages,
    and every line out is valid UTF-8 JSON even when the input held lone surrogates.
    """
    lines = _lines(stdin)
    while session.current is not None:
        _send(stdout, protocol.ask_message(session))
        line = next(lines, None)
        if line is None:
            _send(stdout, {"type": "stopped", "reason": "input ended before the walk finished"})
            return 1
        if _handle(session, line, stdout) == "quit":
            _send(stdout, {"type": "stopped", "reason": "quit"})
            return 0
    _send(stdout, {"type": "result", "summary": json.loads(render(session, "json"))})
    return 0


class _Refused(ValueError):
    """A line that cannot be read as text at all (too long, not UTF-8); answered with an error message."""


def _lines(stdin: TextIO) -> Iterator[str | _Refused]:
    """Lines of input as text, or a `_Refused` for a line that is over-long or not UTF-8; bytes when we can."""
    source = getattr(stdin, "buffer", stdin)
    while True:
        chunk = source.readline(MAX_LINE + 1)
        if not chunk:
            return
        ending: bytes | str = b"\n" if isinstance(chunk, bytes) else "\n"
        if len(chunk) > MAX_LINE and not chunk.endswith(ending):  # type: ignore[arg-type]  # same type as chunk
            _skip_rest(source)
            yield _Refused(f"that line is longer than {MAX_LINE:,} bytes; it was ignored whole")
            continue
        yield _decode(chunk)


def _skip_rest(source) -> None:
    """Read and drop the rest of an over-long line, a bounded chunk at a time."""
    while True:
        chunk = source.readline(MAX_LINE)
        if not chunk or chunk[-1:] in (b"\n", "\n"):
            return


def _decode(chunk: bytes | str) -> str | _Refused:
    if isinstance(chunk, str):
        return chunk
    try:
        return chunk.decode("utf-8")
    except UnicodeDecodeError as exc:
        return _Refused(f"that line is not UTF-8 text (bad byte at offset {exc.start})")


def _handle(session: Session, line: str | _Refused, stdout: TextIO) -> str | None:
    try:
        if isinstance(line, _Refused):
            raise line
        return _apply(session, json.loads(line))
    except RecursionError:
        _send(stdout, protocol.error_message("that line nests too deeply to read; send a flat JSON object"))
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


_SURROGATES = re.compile("[\ud800-\udfff]")
_LINE_BREAKS = re.compile("[\x85\u2028\u2029]")  # line ends to some readers (str.splitlines, JavaScript)


def _send(stdout: TextIO, message: dict) -> None:
    """One JSON line, always valid UTF-8: lone surrogates echoed from the input become U+FFFD, and
    characters that some readers take as line ends are escaped, so one message is always one line."""
    text = _SURROGATES.sub("\ufffd", json.dumps(message, ensure_ascii=False))
    text = _LINE_BREAKS.sub(lambda m: f"\\u{ord(m.group()):04x}", text) + "\n"
    target = getattr(stdout, "buffer", None)
    if target is None:
        stdout.write(text)
    else:
        stdout.flush()
        target.write(text.encode("utf-8"))
        target.flush()
