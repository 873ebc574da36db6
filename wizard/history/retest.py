"""The quick re-test's baseline: the last finished full check in the store, and today's walk against it.

The bundled `full-check` and `quick-retest` trees hand over to the same measure and self-test modules, so
their qids match; this module only finds the right earlier walk and feeds both answer sets to `compare`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from wizard.walk.engine import Session
from wizard.errors import AnswerError, StateError
from wizard.content.conditions import POSITIVE_ON, AnswerIs
from wizard.content.model import Handover, Library, SelfTest
from wizard.history.store import Store

if TYPE_CHECKING:  # compare is imported when a comparison is made, not when any walk starts
    from wizard.history.compare import Comparison

FULL_CHECK_TREES = ("full-check",)
RETEST_TREES = ("quick-retest",)


@dataclass(frozen=True)
class Baseline:
    """Last time: which walk, when, the answers that counted and the findings the person was shown."""

    session_id: str
    when: str
    answers: dict
    findings: tuple[str, ...]

    def last_time(self, qid: str) -> object | None:
        """Last time's answer to `qid`, for showing beside a test ("last time: positive on the left")."""
        return self.answers.get(qid)


def find_baseline(store: Store, library: Library, exclude: str | None = None,
                  tree_ids: tuple[str, ...] = FULL_CHECK_TREES) -> Baseline | None:
    """The most recent finished full check other than `exclude` (today's walk), or None if there is none."""
    session_id = store.latest_finished(tree_ids, exclude)
    if session_id is None:
        return None
    row = store.session(session_id)
    return Baseline(session_id, row.updated, _counted_answers(library, store.load(session_id)), row.findings)


def _counted_answers(library: Library, saved: dict) -> dict:
    """Answers on that walk's path; if its tree is gone, every saved answer (stale ones are ignored later)."""
    try:
        session, _ = Session.from_dict(library, saved)
    except StateError:
        answers = saved.get("answers") if isinstance(saved, dict) else None
        return dict(answers) if isinstance(answers, dict) else {}
    return session.path_answers


def compare_with_baseline(store: Store, library: Library, session: Session,
                          session_id: str | None = None) -> Comparison | None:
    """Today's walk (saved as `session_id`, if it is) against the last full check before it; None if none."""
    baseline = find_baseline(store, library, exclude=session_id)
    if baseline is None:
        return None
    findings = tuple(f.finding.id for f in session.result().findings) if session.finished else ()
    from wizard.history.compare import compare
    return compare(library, baseline.answers, session.path_answers, baseline.findings, findings)


def latest_comparison(store: Store, library: Library) -> tuple[str, Comparison] | None:
    """The most recent finished walk against the full check before it, for the history views; None when
    there is nothing to compare (no such pair, or the walk's tree is no longer loaded)."""
    latest = store.latest_id(finished_only=True)
    if latest is None:
        return None
    try:
        session, _ = Session.from_dict(library, store.load(latest))
    except StateError:
        return None
    comparison = compare_with_baseline(store, library, session, latest)
    return (latest, comparison) if comparison is not None else None


def suggested_areas(library: Library, baseline: Baseline, tree_id: str = "quick-retest") -> dict[str, list[str]]:
    """qid -> option values to pre-select: the areas whose self-tests were positive at the last full check.

    Read from the tree itself: each handover that is asked only when an area is picked (`ask_if: {answer:
    areas, is: front}`) names the test module for that area, so no area list is written down twice.
    """
    tree = library.trees.get(tree_id)
    picks: dict[str, list[str]] = {}
    for node in (tree.nodes.values() if tree else ()):
        area = _area_condition(node)
        if area and _any_positive(library, baseline.answers, node.target):
            picks.setdefault(area.ref, []).append(area.value)
    return picks


def _area_condition(node) -> AnswerIs | None:
    condition = getattr(node, "ask_if", None)
    if isinstance(node, Handover) and isinstance(condition, AnswerIs) and isinstance(condition.value, str):
        return condition
    return None


def _any_positive(library: Library, answers: dict, tree_id: str) -> bool:
    prefix = f"{tree_id}/"
    return any(q.startswith(prefix) and isinstance(library.node(q), SelfTest) and v in POSITIVE_ON["any"]
               for q, v in answers.items() if library.has_node(q))


def suggest_from_last_check(store: Store, library: Library, session: Session) -> dict[str, list[str]]:
    """Pre-fill a re-test from the last finished full check; returns what was suggested (empty if nothing)."""
    if session.tree_id not in RETEST_TREES or session.answers:
        return {}
    baseline = find_baseline(store, library)
    picks = suggested_areas(library, baseline, session.tree_id) if baseline else {}
    for qid, values in list(picks.items()):
        try:
            session.suggest(qid, values)
        except AnswerError:  # the area question is no longer a multi choice with these options
            del picks[qid]
    return picks
