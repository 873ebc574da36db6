"""The plan builder: a walk's findings -> a short staged routine with a weekly schedule. Pure.

The seed's method is a daily routine of about 30 minutes, re-tested every few weeks, made harder only when
the re-tests say so. So the builder picks a few exercises (the catalogue's `plan:` says how many and how many
minutes), the most important finding's exercises first, only from the current stage and below, never one
that an advice item of the same plan contradicts (`excludes`) nor one whose caution holds for this person.
Relief positions and general activity (walking, cycling) are listed beside the routine, not inside it.
What the builder needs is declared in the catalogue; nothing here names a finding or an exercise.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from datetime import date, timedelta

from wizard.content.model import Advice, Exercise, Library, PlanRules, Where
from wizard.walk.cautions import offered
from wizard.walk.result import Result
from wizard.walk.side import personal_steps, sore_side

STAGE_NAMES = {1: "settle", 2: "build", 3: "return to activity"}
WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
# How many days a week -> which days: spread out, so that loading days have a rest day between them.
DAYS_FOR = {1: ("Wed",), 2: ("Tue", "Fri"), 3: ("Mon", "Wed", "Fri"), 4: ("Mon", "Tue", "Thu", "Fri"),
            5: WEEKDAYS[:5], 6: WEEKDAYS[:6], 7: WEEKDAYS}
_TIMES_A_WEEK = re.compile(r"(\d+)(?:\s*(?:to|-)\s*\d+)?\s+times? a week")
_ONCE_A_WEEK = re.compile(r"\bonce a week\b")
MAX_SIDE_ITEMS = 2  # relief positions, and activities: a couple of each is plenty to remember


@dataclass(frozen=True)
class PlanItem:
    """One exercise in the plan and the weekdays it is done on."""

    exercise: Exercise
    days: tuple[str, ...]

    @property
    def every_day(self) -> bool:
        return len(self.days) == len(WEEKDAYS)


@dataclass(frozen=True)
class Plan:
    """A staged plan: the routine (timed), relief positions, activity, advice, and its dates."""

    stage: int
    routine: tuple[PlanItem, ...]
    relief: tuple[PlanItem, ...]
    activity: tuple[PlanItem, ...]
    advice: tuple[Advice, ...]
    starts: date
    retest_on: date
    get_help_by: date
    side: str | None = None

    @property
    def stage_name(self) -> str:
        return STAGE_NAMES.get(self.stage, str(self.stage))

    @property
    def minutes(self) -> float:
        """One full session of the routine, every exercise once."""
        return sum(item.exercise.minutes for item in self.routine)

    @property
    def items(self) -> tuple[PlanItem, ...]:
        return self.routine + self.activity + self.relief

    @property
    def empty(self) -> bool:
        return not (self.items or self.advice)

    def week(self) -> tuple[tuple[str, tuple[str, ...], float], ...]:
        """(weekday, routine exercise names, minutes) for each day of the week."""
        return tuple((day, tuple(i.exercise.name for i in self.routine if day in i.days),
                      sum(i.exercise.minutes for i in self.routine if day in i.days)) for day in WEEKDAYS)


def days_for(frequency: str | None) -> tuple[str, ...]:
    """Weekdays for a dosage frequency: "3 times a week" -> Mon, Wed, Fri; daily, nightly, "when needed" -> all."""
    words = (frequency or "").lower()
    found = _TIMES_A_WEEK.search(words)
    if found:
        return DAYS_FOR[max(1, min(7, int(found.group(1))))]
    return DAYS_FOR[1] if _ONCE_A_WEEK.search(words) else WEEKDAYS


def rules_of(library: Library) -> PlanRules:
    """The catalogue's plan rules, or the defaults when no catalogue declares any."""
    return library.plan or PlanRules(where=Where("(defaults)"))


def build_plan(library: Library, result: Result, *, starts: date, stage: int = 1, answers: dict | None = None) -> Plan:
    """The plan for `result` at `stage`. `answers` (the walk's) name the sore side, filled into the steps, and
    decide the cautions: an exercise whose `unsafe_with` holds for this person is never offered.

    The routine has the catalogue's number of exercises and minutes when there are enough usable ones, and
    is empty when the walk calls for no exercise (see `_wants_routine`); relief and activity sit beside it."""
    rules, answers = rules_of(library), answers or {}
    findings = ordered_findings(rules, result)
    advice = tuple(a for a in _advice(library, result, findings) if offered(library, a.unsafe_with, answers))
    unsafe = {e.id for e in library.exercises.values() if not offered(library, e.unsafe_with, answers)}
    blocked = unsafe | {e for a in advice for e in a.excludes}
    side = sore_side(library, answers)
    _item = lambda e: PlanItem(_personal(e, side), days_for(e.dosage.frequency))  # noqa: E731
    usable = lambda e: e.id not in blocked and e.stage <= stage  # noqa: E731 - one-line filter
    groups = _routine_groups(library, result, findings, usable)
    wanted = _wants_routine(library, result, findings)
    routine = _pick_routine(rules, groups, rules.fill, library, usable) if wanted else []
    return Plan(
        stage=stage, routine=tuple(_item(e) for e in routine),
        relief=tuple(_item(e) for e in _side_items(library, result, findings, usable, "relief")),
        activity=tuple(_item(e) for e in _side_items(library, result, findings, usable, "activity")),
        advice=advice, starts=starts, retest_on=starts + timedelta(weeks=rules.retest_after_weeks),
        get_help_by=starts + timedelta(weeks=rules.get_help_after_weeks), side=side)


def ordered_findings(rules: PlanRules, result: Result) -> list[str]:
    """Finding ids in the catalogue's priority order; findings it does not rank keep the walk's order after."""
    found = [f.finding.id for f in result.findings]
    rank = {f: n for n, f in enumerate(rules.priority)}
    return sorted(found, key=lambda f: (rank.get(f, len(rank)), found.index(f)))


def _advice(library: Library, result: Result, findings: list[str]) -> tuple[Advice, ...]:
    """The outcomes' advice, then catalogue advice that serves a finding of this walk."""
    serving = [a for f in findings for a in library.advice.values() if f in a.serves]
    always = [library.advice[a] for a in rules_of(library).advice if a in library.advice]
    return tuple(dict.fromkeys([*result.advice, *serving, *always]))


def _serving(library: Library, finding: str, usable) -> list[Exercise]:
    """A finding's exercises, the highest usable stage first (the plan grows with the stages)."""
    mine = [e for e in library.exercises.values() if finding in e.serves and usable(e)]
    return sorted(mine, key=lambda e: -e.stage)


def _wants_routine(library: Library, result: Result, findings: list[str]) -> bool:
    """A routine only where the trees or the findings call for exercise at all: a walk whose outcomes name
    only walking (a hernia, a replaced hip to be checked) gets no general fill routine."""
    serving = any(e.in_routine and f in e.serves for f in findings for e in library.exercises.values())
    return serving or any(e.in_routine for e in result.exercises)


def _routine_groups(library: Library, result: Result, findings: list[str], usable) -> list[list[Exercise]]:
    groups = [[e for e in _serving(library, f, usable) if e.in_routine] for f in findings]
    groups.append([e for e in result.exercises if e.in_routine and usable(e)])
    return [g for g in groups if g]


def _pick_routine(rules: PlanRules, groups: list[list[Exercise]], fill: tuple[str, ...], library: Library,
                  usable) -> list[Exercise]:
    """Take one exercise from each finding in turn (most important first), then the fill list, until the
    routine is long enough; never more exercises or minutes than the rules allow."""
    chosen: list[Exercise] = []
    queues = [list(g) for g in groups]
    extra = [library.exercises[e] for e in fill if e in library.exercises and usable(library.exercises[e])]
    while not _full_enough(rules, chosen):
        candidate = _next_candidate(queues, extra, chosen)
        if candidate is None:
            break
        if _fits(rules, chosen, candidate):
            chosen.append(candidate)
    return chosen


def _next_candidate(queues: list[list[Exercise]], extra: list[Exercise], chosen: list[Exercise]) -> Exercise | None:
    """Round-robin over the findings' queues; when they are empty, the fill list in order. Exercises are told
    apart by id: the walk's own copies carry the sore side in their steps, so they differ from the catalogue's."""
    taken = {e.id for e in chosen}
    while any(queues):
        queue = queues.pop(0)
        candidate = queue.pop(0) if queue else None
        if queue:
            queues.append(queue)
        if candidate is not None and candidate.id not in taken:
            return candidate
    while extra:
        candidate = extra.pop(0)
        if candidate.id not in taken:
            return candidate
    return None


def _full_enough(rules: PlanRules, chosen: list[Exercise]) -> bool:
    minutes = sum(e.minutes for e in chosen)
    return len(chosen) >= rules.exercises[1] or (len(chosen) >= rules.exercises[0] and minutes >= rules.minutes[0])


def _fits(rules: PlanRules, chosen: list[Exercise], candidate: Exercise) -> bool:
    return sum(e.minutes for e in chosen) + candidate.minutes <= rules.minutes[1]


def _side_items(library: Library, result: Result, findings: list[str], usable, kind: str) -> list[Exercise]:
    """Relief positions or activities: those serving the findings; the outcomes' own only if none do."""
    serving = [e for f in findings for e in _serving(library, f, usable) if e.kind == kind]
    listed = [e for e in result.exercises if e.kind == kind and usable(e)]
    return _unique(serving or listed)[:MAX_SIDE_ITEMS]


def _unique(exercises: list[Exercise]) -> list[Exercise]:
    """First of each exercise id, in order (the walk's side-filled copies differ from the catalogue's)."""
    first: dict[str, Exercise] = {}
    for exercise in exercises:
        first.setdefault(exercise.id, exercise)
    return list(first.values())


def _personal(exercise: Exercise, side: str | None) -> Exercise:
    """The exercise with `{side leg}` and friends in its steps filled for this person's sore side."""
    if "{" not in "".join(exercise.steps):
        return exercise
    return dataclasses.replace(exercise, steps=personal_steps(exercise.steps, side))
