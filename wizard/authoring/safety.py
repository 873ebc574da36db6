"""Safety invariants proved over every path, without enumerating paths.

For each node we compute the *guaranteed level*: the lowest, over all paths from that node, of the most
urgent referral the path reaches. A red-flag "yes" (or an author invariant) holds when the guaranteed level
of every place the answer can lead is at least the declared urgency. Because a path through a handover is
"anything in the called tree, then anything after", and those choices are independent, the guaranteed
level of a handover is max(guaranteed level of the called tree, guaranteed level after it): one linear pass.
Conditions are treated as "could go either way", so the proof is conservative: it may warn about a path
that conditions make impossible, but it never misses a real one.
"""

from __future__ import annotations

from dataclasses import dataclass

from wizard.content import conditions
from wizard.walk.graph import children, post_order, successors
from wizard.content.model import URGENCIES, URGENCY_RANK, Handover, Library, Node, Outcome, Question

NONE = -1


@dataclass(frozen=True)
class Weakest:
    """The guaranteed level from a node, and an outcome on the weakest path (for the message)."""

    rank: int
    witness: str | None


class Guarantees:
    """Memoised guaranteed levels for one library."""

    def __init__(self, library: Library):
        self.library = library
        self.memo: dict[str, Weakest] = {}

    def of(self, qid: str) -> Weakest:
        return post_order(qid, self.memo, lambda q: children(q, self.library),
                          lambda q: self._combine(self.library.node(q)))

    def _get(self, qid: str | None) -> Weakest:
        return self.memo.get(qid, Weakest(NONE, None)) if qid else Weakest(NONE, None)

    def _combine(self, node: Node) -> Weakest:
        after = min((self._get(s) for s in successors(node, self.library)),
                    key=lambda w: w.rank, default=Weakest(NONE, None))
        if isinstance(node, Outcome):
            own = Weakest(URGENCY_RANK[node.referral.urgency] if node.referral else NONE, node.qid)
            return own if node.ends_walk or own.rank >= after.rank else after
        if isinstance(node, Handover) and node.ask_if is None and node.target in self.library.trees:
            inside = self._get(self.library.start_of(node.target))
            return inside if inside.rank >= after.rank else after
        return after


def answer_targets(node: Question, value: object) -> list[str]:
    """Everywhere a given answer to `node` may lead. Branches are tried in order: each counts as possible,
    and one whose condition this answer alone makes true (whatever the other answers) stops the list there."""
    found: list[str | None] = []
    for branch in node.branches:
        found.append(branch.next)
        if holds_given(branch.condition, node.qid, value):
            return [t for t in found if t]
    if node.style == "yes_no":
        found.append((node.if_yes if value else node.if_no) or node.next)
    else:
        option = node.option(value) if isinstance(value, str) else None
        found.append((option.next if option and option.next else None) or node.next)
    return [t for t in found if t]


def holds_given(condition: object, qid: str, value: object) -> bool:
    """True when `condition` must hold once `qid` is answered `value` (a multi answer: at least that option
    ticked), whatever every other answer is. Conservative: False whenever it cannot tell."""
    if isinstance(condition, conditions.All):
        return all(holds_given(c, qid, value) for c in condition.items)
    if isinstance(condition, conditions.AnyOf):
        return any(holds_given(c, qid, value) for c in condition.items)
    if isinstance(condition, conditions.AtLeastOf):
        return sum(holds_given(c, qid, value) for c in condition.items) >= condition.count
    if getattr(condition, "ref", None) != qid:
        return False
    if isinstance(condition, conditions.AnswerIs):
        return conditions.same(condition.value, value)
    if isinstance(condition, conditions.AnswerIn):
        return any(conditions.same(v, value) for v in condition.values)
    return isinstance(condition, conditions.Answered) and condition.flag


def level_name(rank: int) -> str:
    return URGENCIES[rank] if rank >= 0 else "no referral"


def violation(guarantees: Guarantees, node: Question, value: object, level: str) -> str | None:
    """None when every path through `value` reaches `level` or higher, else a sentence saying how it fails."""
    targets = answer_targets(node, value)
    if not targets:
        return f"answer {value!r} leads nowhere, so it cannot reach {level}"
    for target in targets:
        weakest = guarantees.of(target)
        if weakest.rank < URGENCY_RANK[level]:
            via = f" (e.g. via '{weakest.witness}')" if weakest.witness else ""
            return (f"after answer {_shown(value)}, a path reaches only {level_name(weakest.rank)}{via}; "
                    f"it must reach {level}")
    return None


def _shown(value: object) -> str:
    return ("yes" if value else "no") if isinstance(value, bool) else repr(value)
