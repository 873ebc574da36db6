"""What a walk adds up to: findings with the answers behind them, the most urgent referral and the plan.

Kept apart from the engine so that summaries and exporters can depend on these plain records without
knowing how a walk is replayed.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from wizard.lazy_dataclass import dataclass  # made on first use: see there why

from wizard.content.answers import describe_answer
from wizard.content.model import (URGENCY_RANK, Advice, Caution, Exercise, Finding, Library, Node, Outcome, Question,
                                  Referral)
from wizard.walk.cautions import active_cautions, offered
from wizard.walk.side import personal, personal_steps, sore_side


@dataclass(frozen=True)
class Reason:
    """One answer, in the words the person saw: "because you said ..."."""

    qid: str
    question: str
    answer: object
    answer_text: str

    @classmethod
    def of(cls, node: Node, value: object) -> "Reason":
        return cls(node.qid, node.label, value, describe_answer(node, value))


@dataclass(frozen=True)
class ReachedOutcome:
    qid: str
    title: str
    text: str | None
    referral: Referral | None
    reasons: tuple[Reason, ...]


@dataclass(frozen=True)
class FindingResult:
    finding: Finding
    reasons: tuple[Reason, ...]
    outcomes: tuple[str, ...]


@dataclass(frozen=True)
class NotOffered:
    """A test the walk skipped because a caution held: "FADIR was not offered: <caution.says>"."""

    qid: str
    title: str
    caution: Caution

    @property
    def sentence(self) -> str:
        return f"{self.title} was not offered: {self.caution.says}"


@dataclass(frozen=True)
class Result:
    status: str
    outcomes: tuple[ReachedOutcome, ...]
    findings: tuple[FindingResult, ...]
    referral: Referral | None
    referrals: tuple[Referral, ...]
    exercises: tuple[Exercise, ...]
    advice: tuple[Advice, ...]
    retests: tuple[str, ...]
    cautions: tuple[str, ...] = ()
    not_offered: tuple[NotOffered, ...] = ()

    @property
    def urgency(self) -> str | None:
        return self.referral.urgency if self.referral else None


def build_result(library: Library, reached: list[tuple[Outcome, tuple[str, ...]]], answers: dict,
                 status: str, not_offered: Sequence[tuple[str, str]] = ()) -> Result:
    """Combine the outcomes reached, in order, into one result. Exercises a caution rules out are dropped;
    the rest have their `{side}` placeholders filled for this person."""
    outcomes = tuple(_reached(library, node, reasons, answers) for node, reasons in reached)
    referrals = tuple(o.referral for o in outcomes if o.referral)
    return Result(
        status=status,
        outcomes=outcomes,
        findings=_findings(library, reached, outcomes),
        referral=max(referrals, key=lambda r: URGENCY_RANK[r.urgency], default=None),
        referrals=referrals,
        exercises=_exercises(library, reached, answers),
        advice=tuple(library.advice[a] for a in _unique(a for n, _ in reached for a in n.advice)
                     if offered(library, library.advice[a].unsafe_with, answers)),
        retests=tuple(_unique(n.retest for n, _ in reached if n.retest)),
        cautions=active_cautions(library, answers),
        not_offered=tuple(NotOffered(q, library.node(q).label, library.cautions[c]) for q, c in not_offered),
    )


def _exercises(library: Library, reached: list, answers: dict) -> tuple[Exercise, ...]:
    side = sore_side(library, answers)
    chosen = (library.exercises[e] for e in _unique(e for n, _ in reached for e in n.exercises))
    return tuple(dataclasses.replace(e, steps=personal_steps(e.steps, side)) if "{" in "".join(e.steps) else e
                 for e in chosen if offered(library, e.unsafe_with, answers))


def _reached(library: Library, node: Outcome, reasons: tuple, answers: dict) -> ReachedOutcome:
    side = sore_side(library, answers)
    because = tuple(Reason.of(personal(library.node(q), side), answers[q]) for q in reasons
                    if q in answers and not _all_clear(library.node(q), answers[q]))
    return ReachedOutcome(node.qid, node.label, node.text, node.referral, because)


def _all_clear(node: Node, value: object) -> bool:
    """A "no" to a red-flag question, or a checklist with no warning sign ticked: true of most people, so it
    never explains a finding (a page of "No" answers hid the answers that did)."""
    if not isinstance(node, Question):
        return False
    if node.red_flag:
        return value is False
    flagged = {o.value for o in node.options if o.red_flag}
    return bool(flagged) and not flagged & set(value if isinstance(value, list) else [value])


def _findings(library: Library, reached: list, outcomes: tuple[ReachedOutcome, ...]) -> tuple[FindingResult, ...]:
    by_finding: dict[str, tuple[list, list]] = {}
    for (node, _), outcome in zip(reached, outcomes, strict=True):
        for finding in node.findings:
            reasons, sources = by_finding.setdefault(finding, ([], []))
            reasons += [r for r in outcome.reasons if r not in reasons]
            sources.append(node.qid)
    return tuple(FindingResult(library.findings[f], tuple(r), tuple(s)) for f, (r, s) in by_finding.items())


def _unique(items) -> list:
    return list(dict.fromkeys(items))
