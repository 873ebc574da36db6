"""Rebuild a `Session` from its saved dict, saying plainly what changed since it was saved.

Saved state comes from disk and may be old, hand-edited or hostile: every field is checked, answers that
no longer fit their (possibly edited) node are dropped with a note rather than crashing the walk.
"""

from __future__ import annotations

from wizard.content.answers import check_answer
from wizard.errors import AnswerError, StateError
from wizard.content.model import Library
from wizard.walk.engine import Session


def restore(library: Library, data: object) -> tuple[Session, list[str]]:
    """(session, notes) from a dict made by `Session.to_dict`; `StateError` when it cannot be used at all.

    Notes say plainly what changed since saving (tree edits, dropped answers)."""
    tree_id, answers, trees = _fields(data)
    if tree_id not in library.trees:
        raise StateError(f"the saved session is for tree '{tree_id}', which is not loaded; if it is one of "
                         "your own trees, add --trees DIR with the folder that holds it")
    notes = list(_tree_changes(library, trees))
    kept = {}
    for qid, value in answers.items():
        problem = _answer_problem(library, qid, value)
        if problem:
            notes.append(problem)
        else:
            kept[qid] = check_answer(library.node(qid), value)
    return Session(library, tree_id, kept), notes


def _fields(data: object) -> tuple[str, dict, dict]:
    if not isinstance(data, dict) or data.get("format") != 1:
        raise StateError("this is not a saved hip-wizard session (format 1)")
    tree_id, answers, trees = data.get("tree"), data.get("answers"), data.get("trees", {})
    if not isinstance(tree_id, str) or not isinstance(answers, dict) or not isinstance(trees, dict):
        raise StateError("the saved session is damaged: it needs `tree`, `answers` and `trees`")
    return tree_id, answers, trees


def _tree_changes(library: Library, trees: dict):
    for tree_id, saved in sorted(trees.items()):
        tree = library.trees.get(tree_id)
        if tree is None:
            yield f"tree '{tree_id}' is no longer available; its answers are ignored"
        elif not isinstance(saved, dict) or saved.get("hash") != tree.content_hash:
            old = saved.get("version", "?") if isinstance(saved, dict) else "?"
            versions = f" (version {old} -> {tree.version})" if old != tree.version else ""  # not "1.0 -> 1.0"
            yield (f"'{tree.title}' has changed since this session was saved{versions}; "
                   "answers that still fit are kept, and you may be asked some questions again")


def _answer_problem(library: Library, qid: object, value: object) -> str | None:
    if not isinstance(qid, str) or not library.has_node(qid):
        return f"the answer to '{qid}' was dropped: that question no longer exists"
    try:
        check_answer(library.node(qid), value)
    except AnswerError as exc:
        return f"the answer to '{library.node(qid).label}' was dropped: it no longer fits ({exc})"
    return None
