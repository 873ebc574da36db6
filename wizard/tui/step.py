"""What a step screen needs to know, read from the Session by the app (screens never touch the Session)."""

from __future__ import annotations

from dataclasses import dataclass

from wizard.walk.engine import Session
from wizard.walk.progress import expected
from wizard.content.model import Node


@dataclass(frozen=True)
class Step:
    """One node to show: where it sits in the walk and the answer given before, if any."""

    node: Node
    number: int
    remaining: int
    path: tuple[str, ...]
    previous: object = None
    editing: bool = False

    @classmethod
    def current(cls, session: Session) -> "Step":
        node = session.current
        if node is None:
            raise ValueError("the walk has ended: there is no step to show")
        progress = expected(session)
        return cls(node, progress.done + 1, progress.remaining, _path(session), session.previous_answer(node.qid))

    @classmethod
    def edit(cls, session: Session, qid: str) -> "Step":
        node = session.shown(qid)
        number = session.walk.steps.index(qid) + 1
        return cls(node, number, 0, (), session.answers.get(qid), editing=True)


def _path(session: Session) -> tuple[str, ...]:
    return tuple(node.label for node in session.steps)
