"""Nodes and results as plain JSON messages: the JSON-lines protocol and anything else that needs them.

One message per line goes out for every step (`{"type": "ask", ...}`) and one comes back
(`{"answer": ...}` or `{"command": "back" | "quit"}` or `{"command": "edit", "id": qid, "answer": ...}`).
Errors are messages too (`{"type": "error", "message": ...}`), never a traceback.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict
from typing import Any

from wizard.walk.engine import Session
from wizard.walk.progress import expected
from wizard.content.model import Info, Measure, Question, SelfTest


def ask_message(session: Session) -> dict:
    """Everything a client needs to show the current step and validate its answer."""
    node = session.current
    if node is None:
        raise ValueError("the walk has ended: there is no step to ask")
    progress, worst = expected(session), session.progress
    message = {"type": "ask", "id": node.qid, "kind": node.kind, "title": node.title,
               "progress": {"done": progress.done, "remaining": progress.remaining, "at_most": worst.remaining},
               "previous": session.previous_answer(node.qid)}
    message.update(_DETAILS[type(node)](node))
    return {k: v for k, v in message.items() if v is not None}


def _question(node: Question) -> dict:
    options = [{"value": o.value, "label": o.label, "exclusive": o.exclusive or None} for o in node.options]
    answers = {"yes_no": "true or false", "single": "one option value", "multi": "a list of option values"}
    return {"style": node.style, "text": node.text, "help": node.help, "why": node.why,
            "options": [{k: v for k, v in o.items() if v is not None} for o in options] or None,
            "answer_with": answers[node.style]}


def _self_test(node: SelfTest) -> dict:
    return {"text": node.text, "why": node.why, "steps": list(node.steps), "stop_rule": node.stop_rule,
            "positive_feels": node.positive_feels, "who": node.who, "sided": node.sided,
            "hold_seconds": node.hold_seconds,
            "evidence": {k: v for k, v in asdict(node.evidence).items() if v is not None},
            "results": list(node.results), "answer_with": "one of results"}


def _measure(node: Measure) -> dict:
    return {"text": node.text, "help": node.help, "why": node.why, "unit": node.unit, "min": node.min,
            "max": node.max, "integer": node.integer, "cannot_do": node.cannot_do, "hold_seconds": node.hold_seconds,
            "answer_with": "a number in range" + (' or "cannot"' if node.cannot_do else "")}


def _info(node: Info) -> dict:
    return {"text": node.text, "answer_with": "true once read"}


_DETAILS: dict[type, Callable[[Any], dict]] = {
    Question: _question, SelfTest: _self_test, Measure: _measure, Info: _info}


def error_message(text: str) -> dict:
    return {"type": "error", "message": text}

