"""Quick re-test comparison: last full check against today, per self-test and side, per measure. Pure.

The seed's lesson is "test and re-test": improvement in one place can unmask a problem in another, so the
comparison reports every test on each side (better / same / worse / unclear), every measure with its change
and whether that change is for the better, and any finding that is new since last time. It only reads two
answer dicts and the library; the store and the front ends decide where the answers come from.

Which way is better for a measure is what its tree declares (`better: higher` or `better: lower`); a
measure that does not say is shown with its change and no verdict ("changed"). Nothing is guessed from ids.
"""

from __future__ import annotations

from dataclasses import dataclass

from wizard.content.model import Library, Measure, SelfTest
from wizard.wording import with_unit

BETTER, SAME, WORSE, UNCLEAR, CHANGED = "better", "same", "worse", "unclear", "changed"
HIGHER, LOWER = "higher", "lower"
POSITIVE, NEGATIVE = "positive", "negative"
SIDES = ("left", "right")

# A change smaller than this is reported, but flagged as smaller than what usually matters to people:
# about 2 points on a 0-10 pain scale (Farrar 2001).
MEANINGFUL_CHANGE: dict[str, float] = {"/10": 2.0}


@dataclass(frozen=True)
class SelfTestChange:
    """One self-test on one side (`side` is None for a test without sides)."""

    qid: str
    label: str
    side: str | None
    before: str | None
    after: str | None
    verdict: str


@dataclass(frozen=True)
class MeasureChange:
    qid: str
    label: str
    unit: str
    before: float | None
    after: float
    direction: str | None
    verdict: str
    small: bool = False

    @property
    def delta(self) -> float | None:
        return None if self.before is None else self.after - self.before


@dataclass(frozen=True)
class Comparison:
    tests: tuple[SelfTestChange, ...]
    measures: tuple[MeasureChange, ...]
    new_findings: tuple[str, ...]
    gone_findings: tuple[str, ...]
    not_repeated: tuple[str, ...]

    def count(self, verdict: str) -> int:
        changes: tuple[SelfTestChange | MeasureChange, ...] = (*self.tests, *self.measures)
        return sum(1 for c in changes if c.verdict == verdict)


def compare(library: Library, before: dict, after: dict, before_findings=(), after_findings=()) -> Comparison:
    """Compare today's answers (`after`) with last time's (`before`); qids match because both walks hand
    over to the same measure and self-test modules."""
    tests, measures = [], []
    for qid, value in after.items():
        node = library.node(qid) if _tracked(library, qid) else None
        if isinstance(node, SelfTest):
            tests += self_test_changes(node, before.get(qid), value)
        elif isinstance(node, Measure) and isinstance(value, (int, float)) and not isinstance(value, bool):
            measures.append(measure_change(node, before.get(qid), value))  # not `cannot`: nothing to compare
    return Comparison(
        tests=tuple(tests), measures=tuple(measures),
        new_findings=tuple(f for f in after_findings if f not in before_findings),
        gone_findings=tuple(f for f in before_findings if f not in after_findings),
        not_repeated=tuple(q for q in before if q not in after and _tracked(library, q)))


def _tracked(library: Library, qid: str) -> bool:
    """Self-tests and measures, except a red-flag screen's numbers (age is not progress)."""
    if not library.has_node(qid) or library.trees[qid.partition("/")[0]].role == "red_flags":
        return False
    return isinstance(library.node(qid), (SelfTest, Measure))


# --- self-tests --------------------------------------------------------------------------------------------


def side_state(result: object, side: str | None) -> str | None:
    """positive / negative / could_not / unsure for one side of a result word; None when there is none."""
    if not isinstance(result, str):
        return None
    if result in ("could_not", "unsure", POSITIVE, NEGATIVE):
        return result
    if result == "neither":
        return NEGATIVE
    return POSITIVE if result in (side, "both") else NEGATIVE


TEST_VERDICTS: dict[tuple[str | None, str | None], str] = {(POSITIVE, NEGATIVE): BETTER, (NEGATIVE, POSITIVE): WORSE,
                 (POSITIVE, POSITIVE): SAME, (NEGATIVE, NEGATIVE): SAME}


def self_test_changes(node: SelfTest, before: object, after: object) -> list[SelfTestChange]:
    sides = SIDES if node.sided else (None,)
    changes = []
    for side in sides:
        was, now = side_state(before, side), side_state(after, side)
        verdict = TEST_VERDICTS.get((was, now), UNCLEAR)
        changes.append(SelfTestChange(node.qid, node.label, side, was, now, verdict))
    return changes


# --- measures ----------------------------------------------------------------------------------------------


def direction_of(node: Measure) -> str | None:
    """Which way is better for this measure: HIGHER, LOWER or None, as its tree declares (`better:`)."""
    return node.better


def measure_change(node: Measure, before: object, after: float) -> MeasureChange:
    direction = direction_of(node)
    was = before if isinstance(before, (int, float)) and not isinstance(before, bool) else None
    verdict = UNCLEAR if was is None else _measure_verdict(after - was, direction)
    threshold = MEANINGFUL_CHANGE.get(node.unit.strip())
    small = bool(was is not None and threshold and 0 < abs(after - was) < threshold)
    return MeasureChange(node.qid, node.label, node.unit, was, after, direction, verdict, small)


def _measure_verdict(delta: float, direction: str | None) -> str:
    if delta == 0:
        return SAME
    if direction is None:
        return CHANGED
    return BETTER if (delta > 0) == (direction == HIGHER) else WORSE


# --- words -------------------------------------------------------------------------------------------------

STATE_WORDS = {POSITIVE: "positive", NEGATIVE: "negative", "could_not": "could not do it", "unsure": "unsure",
               None: "not done"}


def describe(comparison: Comparison, finding_names: dict[str, str] | None = None) -> list[str]:
    """The comparison as plain lines for the plain front end, the CLI and the TUI's result screen."""
    names = finding_names or {}
    lines = [_test_line(c) for c in comparison.tests] + [_measure_line(c) for c in comparison.measures]
    lines += [f"New since last time: {names.get(f, f)}" for f in comparison.new_findings]
    lines += [f"No longer found: {names.get(f, f)}" for f in comparison.gone_findings]
    return lines


def _test_line(change: SelfTestChange) -> str:
    side = f" ({change.side})" if change.side else ""
    return (f"{change.label}{side}: {change.verdict}, "
            f"{STATE_WORDS[change.before]} -> {STATE_WORDS[change.after]}")


def _measure_line(change: MeasureChange) -> str:
    if change.before is None:
        return f"{change.label}: {with_unit(_num(change.after), change.unit)} (not measured last time)"
    note = " (a small change)" if change.small else ""
    delta = change.after - change.before
    return (f"{change.label}: {change.verdict}{note}, {_num(change.before)} -> "
            f"{with_unit(_num(change.after), change.unit)} ({_signed(delta)})")


def _num(value: float) -> str:
    return f"{value:g}"


def _signed(value: float) -> str:
    return f"{value:+g}"
