"""A finished, stopped or unfinished session -> one `Summary`: everything a person takes to a clinician.

The summary is a plain, frozen record built once from the session; every exporter (Markdown, HTML, JSON,
FHIR) renders this record and nothing else, so all formats tell the same story. Text is kept exactly as
the trees wrote it: escaping is the renderers' job, because each format escapes differently.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

import wizard
from wizard.content.answers import describe_answer
from wizard.content.model import Exercise, Info, Measure, Node, Question, SelfTest
from wizard.walk.plan import Plan, PlanItem, build_plan
from wizard.walk.result import Reason, Result
from wizard.wording import RESULT_LABELS, SUMMARY_DISCLAIMER, URGENCY_WORDS

STATUS_OF_SESSION = {"finished": "finished", "emergency": "emergency", "in_progress": "unfinished"}
STATUS_WORDS = {
    "finished": "Finished",
    "emergency": "Stopped early: a warning sign needs emergency care",
    "unfinished": "Unfinished: not every question was answered",
}
DISCLAIMER = SUMMARY_DISCLAIMER

# Which side a self-test result was positive on: result word -> (left, right).
SIDES = {
    "left": ("positive", "negative"), "right": ("negative", "positive"),
    "both": ("positive", "positive"), "neither": ("negative", "negative"),
    "could_not": ("could_not", "could_not"), "unsure": ("unsure", "unsure"),
}
SIDE_WORDS = {"positive": "Positive", "negative": "Negative",
              "could_not": RESULT_LABELS["could_not"], "unsure": RESULT_LABELS["unsure"]}

# Gentle work first, loading last: the order the daily routine is done in.
ROUTINE_ORDER = {"relief": 0, "mobility": 1, "stretch": 2, "strengthening": 3, "activity": 4}
NO_BASELINE = "There is no earlier full check to compare with yet, so this re-test starts your record."


@dataclass(frozen=True)
class TreeRef:
    id: str
    title: str
    version: str
    hash: str

    @property
    def short_hash(self) -> str:
        """What a page people read shows of the content hash (as git shows commits); JSON keeps all of it."""
        return self.hash[:12]


@dataclass(frozen=True)
class Side:
    side: str
    result: str
    label: str


@dataclass(frozen=True)
class Choice:
    """One picked option (or self-test result): its stored code and the label the person saw."""

    code: str
    label: str


@dataclass(frozen=True)
class AnswerLine:
    """One answer on the path, with the question as the person saw it."""

    qid: str
    kind: str
    title: str
    text: str
    value: object
    label: str
    sides: tuple[Side, ...] = ()
    choices: tuple[Choice, ...] = ()


@dataclass(frozen=True)
class MeasureLine:
    qid: str
    title: str
    value: int | float
    unit: str
    min: float
    max: float


@dataclass(frozen=True)
class ReasonLine:
    qid: str
    question: str
    answer: str


@dataclass(frozen=True)
class OutcomeLine:
    qid: str
    title: str
    text: str | None


@dataclass(frozen=True)
class FindingLine:
    id: str
    name: str
    description: str
    expect: str | None
    reasons: tuple[ReasonLine, ...]
    sources: tuple[str, ...] = ()


@dataclass(frozen=True)
class ReferralLine:
    urgency: str
    words: str
    reason: str
    to: str | None = None
    action: str | None = None


@dataclass(frozen=True)
class ExerciseLine:
    id: str
    name: str
    kind: str
    target: str
    steps: tuple[str, ...]
    dosage: str
    frequency: str | None
    minutes: float
    cautions: tuple[str, ...] = ()
    progression: str | None = None
    regression: str | None = None
    days: tuple[str, ...] = ()
    stage: int | None = None


@dataclass(frozen=True)
class AdviceLine:
    id: str
    title: str
    text: str


@dataclass(frozen=True)
class RoutineStep:
    exercise: str
    name: str
    dosage: str
    frequency: str | None
    minutes: float
    days: tuple[str, ...] = ()


@dataclass(frozen=True)
class Routine:
    steps: tuple[RoutineStep, ...] = ()

    @property
    def total_minutes(self) -> float:
        return sum(step.minutes for step in self.steps)


@dataclass(frozen=True)
class PlanDay:
    day: str
    exercises: tuple[str, ...]
    minutes: float


@dataclass(frozen=True)
class PlanLine:
    """The plan's frame: its stage, one session's minutes, the week, and the two dates that matter."""

    stage: int
    stage_name: str
    minutes: float
    starts: date
    retest_on: date
    get_help_by: date
    week: tuple[PlanDay, ...]
    side: str | None = None


@dataclass(frozen=True)
class TrendLine:
    """One measure over the walks so far, oldest first: what the charts in the exports draw."""

    title: str
    unit: str
    min: float | None
    max: float | None
    points: tuple[tuple[str, float], ...]


@dataclass(frozen=True)
class ChangeLine:
    """A re-test against the last full check: when that was, what changed, and what it did to the plan."""

    baseline_title: str
    baseline_when: datetime | None
    lines: tuple[str, ...]
    stage_headline: str | None = None
    stage_reasons: tuple[str, ...] = ()


@dataclass(frozen=True)
class Summary:
    """Everything the exporters show; built by `build_summary`, never by hand outside tests."""

    created: datetime
    app_version: str
    tree: TreeRef
    trees: tuple[TreeRef, ...]
    status: str
    answers: tuple[AnswerLine, ...]
    measures: tuple[MeasureLine, ...]
    outcomes: tuple[OutcomeLine, ...]
    findings: tuple[FindingLine, ...]
    referral: ReferralLine | None
    exercises: tuple[ExerciseLine, ...]
    advice: tuple[AdviceLine, ...]
    routine: Routine
    retests: tuple[str, ...]
    waiting_at: str | None = None
    notes: tuple[str, ...] = ()
    disclaimer: str = DISCLAIMER
    plan: PlanLine | None = None
    change: ChangeLine | None = None
    trends: tuple[TrendLine, ...] = ()

    @property
    def status_words(self) -> str:
        return STATUS_WORDS[self.status]


def build_summary(session, *, when: datetime | None = None, app_version: str = wizard.__version__,
                  notes: tuple[str, ...] | list[str] = (), retest=None, trends=()) -> Summary:
    """Summarise `session` as it stands now; `when` fixes the date (tests), else the local time now.

    `retest`: for a re-test, its `history.retest.RetestView` (baseline, comparison, re-judged findings, stage);
    the findings and the plan then come from the re-judged baseline, so a re-test keeps what it knows.
    The plan names the sore side and leaves out exercises a caution rules out (from the walk's answers).
    `trends`: `history.views.Trend`s (a measure's values over the walks so far) for the charts."""
    created = _local(when or datetime.now().astimezone())
    result = retest.result if retest is not None and retest.result is not None else session.result()
    plan = _plan(session, result, created, retest)
    exercises = plan.items if plan else ()
    trees = _trees(session)
    return Summary(
        created=created,
        app_version=app_version,
        tree=next(t for t in trees if t.id == session.tree_id),
        trees=trees,
        status=STATUS_OF_SESSION[session.status],
        answers=tuple(_answer(node, session.answers[node.qid]) for node in session.steps
                      if not isinstance(node, Info)),  # an info step was read, not answered
        measures=tuple(_measure(n, session.answers[n.qid]) for n in session.steps if _tracked(n, session)),
        outcomes=tuple(OutcomeLine(o.qid, o.title, o.text) for o in result.outcomes
                       if not session.library.node(o.qid).is_waypoint),
        findings=tuple(_finding(f) for f in result.findings),
        referral=_referral(session.result().referral),
        exercises=tuple(_exercise(i.exercise, i.days) for i in exercises),
        advice=tuple(AdviceLine(a.id, a.title, a.text) for a in (plan.advice if plan else ())),
        routine=_routine(plan.routine if plan else ()),
        retests=tuple(session.result().retests),
        waiting_at=session.current.label if session.current is not None else None,
        notes=tuple(notes) + tuple(skipped.sentence for skipped in result.not_offered),
        plan=_plan_line(plan) if plan and not plan.empty else None,
        change=_change(retest, session.library),
        trends=tuple(TrendLine(t.label, t.unit, t.low, t.high, tuple((_day(w), v) for w, v in t.points))
                     for t in trends),
    )


def _day(iso: str) -> str:
    """A stored time as the local date people read (no microseconds, no T)."""
    try:
        return f"{datetime.fromisoformat(iso).astimezone():%Y-%m-%d}"
    except ValueError:
        return iso[:10]


def _plan(session, result: Result, created: datetime, retest) -> Plan | None:
    """No plan after an emergency stop; a re-test's plan starts on its baseline's day, at its stage."""
    if session.status == "emergency" or not (result.exercises or result.findings or result.advice):
        return None
    stage = retest.stage.after if retest is not None and retest.stage is not None else 1
    baseline = retest.baseline if retest is not None else None
    starts = baseline.day if baseline is not None else created.date()
    answers = {**(retest.baseline.answers if baseline is not None else {}), **session.path_answers}
    return build_plan(session.library, result, starts=starts, stage=stage, answers=answers)


def _plan_line(plan: Plan) -> PlanLine:
    week = tuple(PlanDay(day, names, minutes) for day, names, minutes in plan.week())
    return PlanLine(plan.stage, plan.stage_name, plan.minutes, plan.starts, plan.retest_on, plan.get_help_by,
                    week, plan.side)


def _change(retest, library) -> ChangeLine | None:
    if retest is None:
        return None
    if retest.baseline is None:
        return ChangeLine(retest.baseline_title, None, (NO_BASELINE,))
    library_names = {f: finding.name for f, finding in library.findings.items()}
    when = datetime.fromisoformat(retest.baseline.when).astimezone().replace(microsecond=0)
    stage = retest.stage
    return ChangeLine(retest.baseline_title, when, retest.change_lines(library_names),
                      stage.headline if stage else None, stage.reasons if stage else ())


def _local(when: datetime) -> datetime:
    """A naive datetime is taken as local time, so every summary carries its UTC offset."""
    return when if when.tzinfo is not None else when.astimezone()


def _trees(session) -> tuple[TreeRef, ...]:
    saved = session.to_dict()["trees"]
    library = session.library
    return tuple(TreeRef(tid, library.trees[tid].title, info["version"], info["hash"])
                 for tid, info in saved.items())


def _answer(node: Node, value: object) -> AnswerLine:
    text = getattr(node, "text", None) or node.label
    sides = _sides(value) if isinstance(node, SelfTest) and node.sided and isinstance(value, str) else ()
    return AnswerLine(node.qid, node.kind, node.label, text, value, describe_answer(node, value), sides,
                      _choices(node, value))


def _choices(node: Node, value: object) -> tuple[Choice, ...]:
    """The picked options of a single or multi choice, or the result of a self-test; else nothing."""
    if isinstance(node, SelfTest):
        return (Choice(str(value), RESULT_LABELS.get(str(value), str(value))),)
    if isinstance(node, Question) and node.style in ("single", "multi"):
        labels = {o.value: o.label for o in node.options}
        picked = value if isinstance(value, list) else [value]
        return tuple(Choice(v, labels[v]) for v in picked if isinstance(v, str) and v in labels)
    return ()


def _sides(value: str) -> tuple[Side, ...]:
    left, right = SIDES[value]
    return Side("left", left, SIDE_WORDS[left]), Side("right", right, SIDE_WORDS[right])


def _tracked(node: Node, session) -> bool:
    """A number worth following from check to check: a measure that says which way is better (pain, walking,
    balance; not age), answered with a number."""
    return isinstance(node, Measure) and node.better is not None and _is_number(session.answers[node.qid])


def _is_number(value: object) -> bool:
    """A measure's `cannot` answer is not a number: it stays in the answers, out of the measures table."""
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _measure(node: Measure, value: int | float) -> MeasureLine:
    return MeasureLine(node.qid, node.label, value, node.unit, node.min, node.max)


def _reason(reason: Reason) -> ReasonLine:
    return ReasonLine(reason.qid, reason.question, reason.answer_text)


def _finding(found) -> FindingLine:
    finding = found.finding
    return FindingLine(finding.id, finding.name, finding.description, finding.expect,
                       tuple(_reason(r) for r in found.reasons), tuple(finding.sources))


def _referral(referral) -> ReferralLine | None:
    if referral is None:
        return None
    return ReferralLine(referral.urgency, URGENCY_WORDS[referral.urgency], referral.reason,
                        referral.to, referral.action)


def _exercise(exercise: Exercise, days: tuple[str, ...] = ()) -> ExerciseLine:
    return ExerciseLine(exercise.id, exercise.name, exercise.kind, exercise.target, tuple(exercise.steps),
                        exercise.dosage.text, exercise.dosage.frequency, exercise.minutes,
                        tuple(exercise.cautions), exercise.progression, exercise.regression, days, exercise.stage)


def _routine(items: tuple[PlanItem, ...]) -> Routine:
    ordered = sorted(items, key=lambda i: ROUTINE_ORDER.get(i.exercise.kind, len(ROUTINE_ORDER)))
    return Routine(tuple(RoutineStep(i.exercise.id, i.exercise.name, i.exercise.dosage.text,
                                     i.exercise.dosage.frequency, i.exercise.minutes, i.days) for i in ordered))
