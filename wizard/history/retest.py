"""A re-test's baseline: the last finished walk of the tree it names, and today's walk against it.

A `role: retest` tree names its `baseline` tree; both hand over to the same measure and self-test modules, so
their qids match. This module finds the right earlier walk, feeds both answer sets to `compare`, re-judges
the baseline's findings with today's re-tested answers, and works out the plan's stage from the chain of
re-tests since that baseline (see `walk/plan.py` and the catalogue's `plan:` rules).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from wizard.history.compare import BETTER, WORSE, Comparison, compare, describe
from wizard.walk.engine import Session
from wizard.walk.plan import STAGE_NAMES, rules_of
from wizard.walk.result import Result
from wizard.walk.resume import restore
from wizard.errors import AnswerError, StateError
from wizard.content.conditions import POSITIVE_ON, AnswerIs
from wizard.content.model import Handover, Library, Question, SelfTest, StageRule
from wizard.history.store import Store


@dataclass(frozen=True)
class Baseline:
    """Last time: which walk, when, the answers that counted and the findings the person was shown."""

    session_id: str
    when: str
    answers: dict
    findings: tuple[str, ...]
    tree_id: str = ""

    @property
    def day(self) -> date:
        return datetime.fromisoformat(self.when).astimezone().date()

    def last_time(self, qid: str) -> object | None:
        """Last time's answer to `qid`, for showing beside a test ("last time: positive on the left")."""
        return self.answers.get(qid)


def baseline_tree(library: Library, tree_id: str) -> str | None:
    """The tree a re-test compares with (its `baseline`), or None for a tree that is not a re-test."""
    tree = library.trees.get(tree_id)
    return tree.baseline if tree is not None and tree.role == "retest" else None


def find_baseline(store: Store, library: Library, exclude: str | None = None,
                  tree_ids: tuple[str, ...] = ()) -> Baseline | None:
    """The most recent finished walk of `tree_ids` (default: every re-test's baseline tree) other than
    `exclude` (today's walk), or None if there is none."""
    tree_ids = tree_ids or tuple(filter(None, (baseline_tree(library, t) for t in library.retest_trees())))
    session_id = store.latest_finished(tree_ids, exclude) if tree_ids else None
    if session_id is None:
        return None
    row = store.session(session_id)
    return Baseline(session_id, row.updated, _counted_answers(library, store.load(session_id)), row.findings,
                    row.tree_id)


def _counted_answers(library: Library, saved: dict) -> dict:
    """Answers on that walk's path; if its tree is gone, every saved answer (stale ones are ignored later)."""
    try:
        session, _ = restore(library, saved)
    except StateError:
        answers = saved.get("answers") if isinstance(saved, dict) else None
        return dict(answers) if isinstance(answers, dict) else {}
    return session.path_answers


def compare_with_baseline(store: Store, library: Library, session: Session,
                          session_id: str | None = None) -> Comparison | None:
    """Today's walk (saved as `session_id`, if it is) against the last full check before it; None if none."""
    tree = baseline_tree(library, session.tree_id)
    baseline = find_baseline(store, library, exclude=session_id, tree_ids=(tree,)) if tree else None
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
        session, _ = restore(library, store.load(latest))
    except StateError:
        return None
    comparison = compare_with_baseline(store, library, session, latest)
    return (latest, comparison) if comparison is not None else None


def suggested_areas(library: Library, baseline: Baseline, tree_id: str) -> dict[str, list[str]]:
    """qid -> option values to pre-select: the areas whose self-tests were positive at the last full check.

    Read from the tree itself: each handover that is asked only when an area is picked (`ask_if: {answer:
    areas, is: front}`) names the test module for that area, so no area list is written down twice.
    """
    tree = library.trees.get(tree_id)
    picks: dict[str, list[str]] = {}
    for node in (tree.nodes.values() if tree else ()):
        area = _area_condition(node)
        if area and _any_positive(library, baseline.answers, node.target):
            picks.setdefault(area.ref, []).append(str(area.value))
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


def suggest_from_last_check(store: Store, library: Library, session: Session,
                            today: date | None = None) -> dict[str, list[str]]:
    """Pre-fill a re-test from the last finished full check; returns what was suggested (empty if nothing).

    Also answers the tree's `plan_weeks` question ("6 weeks on the plan?") with No when the last check is
    younger than that, so the person is not asked what the date already says."""
    tree = baseline_tree(library, session.tree_id)
    if tree is None or session.answers:
        return {}
    baseline = find_baseline(store, library, tree_ids=(tree,))
    if baseline is None:
        return {}
    _presume_weeks(library, session, baseline, today or date.today())
    picks = suggested_areas(library, baseline, session.tree_id)
    for qid, values in list(picks.items()):
        try:
            session.suggest(qid, values)
        except AnswerError:  # the area question is no longer a multi choice with these options
            del picks[qid]
    return picks


def _presume_weeks(library: Library, session: Session, baseline: Baseline, today: date) -> None:
    weeks_since = (today - baseline.day).days / 7
    for node in library.trees[session.tree_id].nodes.values():
        if isinstance(node, Question) and node.plan_weeks and weeks_since < node.plan_weeks:
            session.presume(node.qid, False)


# --- re-judging and stages ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class StageStep:
    """What one re-test did to the plan's stage, and why, in words for the person."""

    before: int
    after: int
    reasons: tuple[str, ...] = ()  # what the comparison does not say (too early); the changes are its lines

    @property
    def headline(self) -> str:
        name = STAGE_NAMES.get(self.after, str(self.after))
        if self.after > self.before:
            return f"Next stage unlocked: stage {self.after} ({name})"
        if self.after < self.before:
            return f"Stepped back to stage {self.after} ({name})"
        return f"Staying at stage {self.after} ({name})"


@dataclass(frozen=True)
class RetestView:
    """Everything a re-test's summary adds: the baseline, the comparison, re-judged findings and the stage."""

    baseline: Baseline | None
    baseline_title: str
    comparison: Comparison | None
    result: Result | None
    stage: StageStep | None

    def change_lines(self, finding_names: dict[str, str]) -> tuple[str, ...]:
        """The comparison in plain lines ("Pain: now 3 (was 6)"), so the summary need not know how to compare."""
        return tuple(describe(self.comparison, finding_names)) if self.comparison is not None else ()


def rejudge(library: Library, baseline: Baseline, session: Session) -> Result:
    """The baseline walk replayed with today's re-tested answers in place of last time's: a finding whose
    tests are still positive stays, one whose tests are now negative goes, exactly as the baseline tree
    decides. Only answers both walks share are replaced, so today's walk never re-routes the old one."""
    today = session.path_answers
    merged = {**baseline.answers, **{q: v for q, v in today.items() if q in baseline.answers}}
    return Session(library, baseline.tree_id, merged).result()


def verdict(comparison: Comparison) -> str | None:
    """better: something improved and nothing got worse; worse: more got worse than better; else None."""
    better, worse = comparison.count(BETTER), comparison.count(WORSE)
    if better and not worse:
        return BETTER
    return WORSE if worse > better else None


def next_stage(library: Library, stage: int, before: dict, after: dict,
               days: tuple[date, date] | None = None) -> StageStep:
    """Apply the catalogue's progress / step-back rules to one re-test (`after`) against the walk before it.

    `days`: (the walk before, this re-test). A stage moves up only from the plan's re-test date on (the
    catalogue's `retest_after_weeks` after the walk before): a re-test the same afternoon, however good,
    cannot judge a plan nobody has done yet. Stepping back needs no wait."""
    rules = rules_of(library)
    comparison = compare(library, before, after)
    overall = verdict(comparison)
    if _holds(rules.step_back, after, overall, either=True) and stage > 1:
        return StageStep(stage, stage - 1)
    if _holds(rules.progress, after, overall, either=False) and stage < rules.stages:
        before_day, today = days or (date.min, date.max)  # no days: no wait (as before the wait existed)
        opens = before_day + timedelta(weeks=rules.retest_after_weeks)
        if today >= opens:
            return StageStep(stage, stage + 1)
        return StageStep(stage, stage, (too_early(stage + 1, opens),))
    return StageStep(stage, stage)


def too_early(stage: int, opens: date) -> str:
    return f"Too early to move on: stage {stage} can open from your re-test date, {opens.day} {opens:%b %Y}."


def _holds(rule: StageRule, answers: dict, overall: str | None, either: bool) -> bool:
    parts = []
    if rule.when is not None:
        parts.append(rule.when.evaluate(answers))
    if rule.retest is not None:
        parts.append(overall == rule.retest)
    return bool(parts) and (any(parts) if either else all(parts))


def retest_view(store: Store, library: Library, session: Session, session_id: str | None = None) -> RetestView | None:
    """For a finished re-test: its baseline, comparison, re-judged findings and plan stage; None for a walk that
    is not a re-test. With no baseline in the store, a view that says so (baseline None)."""
    tree = baseline_tree(library, session.tree_id)
    if tree is None or not session.finished:
        return None
    title = library.trees[tree].title if tree in library.trees else tree
    baseline = find_baseline(store, library, exclude=session_id, tree_ids=(tree,))
    if baseline is None:
        return RetestView(None, title, None, None, None)
    result = rejudge(library, baseline, session)
    findings = tuple(f.finding.id for f in result.findings)
    comparison = compare(library, baseline.answers, session.path_answers, baseline.findings, findings)
    stage = _stage_chain(store, library, session, session_id, baseline)
    return RetestView(baseline, title, comparison, result, stage)


def _stage_chain(store: Store, library: Library, session: Session, session_id: str | None,
                 baseline: Baseline) -> StageStep:
    """Stage 1 at the baseline, then each finished re-test since it, in order, then today's walk."""
    earlier = [row for row in reversed(store.sessions())
               if row.tree_id == session.tree_id and row.status == "finished" and row.id != session_id
               and row.updated > baseline.when]
    stage, before, since = 1, baseline.answers, baseline.day
    for row in earlier:
        answers, day = _counted_answers(library, store.load(row.id)), _day(row.updated)
        step = next_stage(library, stage, before, answers, (since, day))
        stage, before, since = step.after, answers, (day if step.after != step.before else since)
    return next_stage(library, stage, before, session.path_answers, (since, _day_of(store, session_id)))


def _day_of(store: Store, session_id: str | None) -> date:
    """The day a saved walk was last answered (a past re-test opened again), else today."""
    try:
        return _day(store.session(session_id).updated) if session_id else date.today()
    except StateError:  # not saved (no history kept for it): it is today's walk
        return date.today()


def _day(when: str) -> date:
    return datetime.fromisoformat(when).astimezone().date()


def retest_intro(store: Store, library: Library, tree_id: str) -> str | None:
    """What a re-test says before its first question: which check it compares with and when, or that
    there is none yet (so the person is not told only at the end). None for a tree that is not a re-test."""
    tree = baseline_tree(library, tree_id)
    if tree is None:
        return None
    title = library.trees[tree].title if tree in library.trees else tree
    baseline = find_baseline(store, library, tree_ids=(tree,))
    if baseline is None:
        return (f"There is no finished {title} to compare with yet. This re-test will record your numbers; "
                f"do the {title} for findings and a plan.")
    moment = datetime.fromisoformat(baseline.when).astimezone()
    return f"This re-test compares with your {title} of {moment:%d %b %Y, %H:%M}."

