"""Proof that every caution is decided before a test that names it: dominance over every walk, no path listing.

A node passes a question when the walk went through it, answered or skipped by its `ask_if`; either way its
contribution to a caution's `when` is settled. For each tree, one forward pass in topological order gives
`passed(n)`: the nodes every path from the tree's start goes through before `n` (a must-analysis: the
intersection over parents). A handover adds what every path through the called tree passes (its summary),
unless it has an `ask_if` and may be skipped. Because "every path" is an intersection, what holds inside a
called tree is `entry(tree) | passed(n)`, where `entry(tree)` is the intersection over every place that
hands over to it, reached from one entry tree. A node naming caution C is safe when every question in C's
`when` is in that set, or cannot be asked at all in walks from that entry tree (it stays unanswered, so a
caution may name one question per entry tree, e.g. `any: [full-check/operation, quick-retest/operation]`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

from wizard.content import conditions
from wizard.content.model import ENTRY_ROLES, Handover, Library, Node, Outcome, Tree
from wizard.walk.graph import successors


@dataclass(frozen=True)
class TooLate:
    """A node that can be reached before `question`, which its caution depends on, has been passed."""

    node: Node
    caution: str
    question: str
    entry: str


class Passes:
    """Memoised per-tree must-analysis for one library. Only `tracked` nodes (the questions cautions depend
    on) are kept in the sets, so the pass stays linear in the number of nodes on large trees."""

    def __init__(self, library: Library, tracked: frozenset):
        self.library, self.tracked = library, tracked
        self._local: dict[str, dict[str, frozenset]] = {}
        self._through: dict[str, frozenset] = {}
        self._open: set[str] = set()

    def local(self, tree_id: str) -> dict[str, frozenset]:
        """qid -> nodes passed on every path from the tree's start to it (it excluded); reachable nodes only."""
        if tree_id not in self._local:
            self._local[tree_id] = self._forward(self.library.trees[tree_id])
        return self._local[tree_id]

    def through(self, tree_id: str) -> frozenset:
        """Nodes passed on every walk through the tree that returns (an emergency end does not return)."""
        if tree_id not in self._through:
            if tree_id in self._open:  # a handover cycle: `check` reports it; claim nothing
                return frozenset()
            self._open.add(tree_id)
            local = self.local(tree_id)
            exits = [self.after(self.library.node(q), local[q]) for q in local if self._returns(q)]
            self._through[tree_id] = frozenset.intersection(*exits) if exits else frozenset()
            self._open.discard(tree_id)
        return self._through[tree_id]

    def _returns(self, qid: str) -> bool:
        node = self.library.node(qid)
        return not successors(node, self.library) and not (isinstance(node, Outcome) and node.ends_walk)

    def after(self, node: Node, before: frozenset) -> frozenset:
        """What is passed once the walk leaves `node`, given what was passed before it."""
        out = before | {node.qid} if node.qid in self.tracked else before
        if isinstance(node, Handover) and node.ask_if is None and node.target in self.library.trees:
            out |= self.through(node.target)
        return out

    def _forward(self, tree: Tree) -> dict[str, frozenset]:
        start = f"{tree.id}/{tree.start}"
        order, kids = _topological(start, self.library)
        passed: dict[str, frozenset] = {start: frozenset()} if order else {}
        for qid in order:
            out = self.after(self.library.node(qid), passed[qid])
            for kid in kids[qid]:
                passed[kid] = passed[kid] & out if kid in passed else out
        return passed


def _topological(start: str, library: Library) -> tuple[list[str], dict[str, list[str]]]:
    """Nodes reachable from `start` in topological order ([] when they hold a cycle, reported elsewhere),
    and each one's successors (worked out once)."""
    kids: dict[str, list[str]] = {}
    frontier, seen, indegree = [start], {start}, {start: 0}
    while frontier:
        qid = frontier.pop()
        kids[qid] = successors(library.node(qid), library)
        for kid in kids[qid]:
            indegree[kid] = indegree.get(kid, 0) + 1
            if kid not in seen:
                seen.add(kid)
                frontier.append(kid)
    order, ready = [], [start]
    while ready:
        qid = ready.pop()
        order.append(qid)
        for kid in kids[qid]:
            indegree[kid] -= 1
            if indegree[kid] == 0:
                ready.append(kid)
    return (order if len(order) == len(kids) else []), kids


def entry_facts(passes: Passes, entry: str) -> dict[str, frozenset]:
    """tree id -> nodes passed on every walk from entry tree `entry` before that tree is handed over to."""
    library = passes.library
    found: dict[str, frozenset] = {entry: frozenset()}
    for tree_id in _trees_in_call_order(entry, library):
        if tree_id not in found:  # handed over to only from nodes no walk reaches
            continue
        for qid, before in passes.local(tree_id).items():
            node = library.node(qid)
            if isinstance(node, Handover) and node.target in library.trees:
                at_call = found[tree_id] | before
                found[node.target] = found[node.target] & at_call if node.target in found else at_call
    return found


def _trees_in_call_order(entry: str, library: Library) -> list[str]:
    """Trees reachable from `entry` by handovers, each after every tree that hands over to it."""
    calls: dict[str, set[str]] = {}
    frontier = [entry]
    while frontier:
        tree_id = frontier.pop()
        if tree_id in calls:
            continue
        calls[tree_id] = {n.target for n in library.trees[tree_id].nodes.values()
                          if isinstance(n, Handover) and n.target in library.trees}
        frontier += calls[tree_id]
    indegree = {t: 0 for t in calls}
    for targets in calls.values():
        for target in targets:
            indegree[target] += 1
    order, ready = [], [entry] if indegree.get(entry) == 0 else []
    while ready:
        tree_id = ready.pop()
        order.append(tree_id)
        for target in calls[tree_id]:
            indegree[target] -= 1
            if indegree[target] == 0:
                ready.append(target)
    return order


def too_late(library: Library) -> Iterator[TooLate]:
    """Every (node, caution, question) where, from some entry tree, the node can come before the question."""
    tracked = frozenset(q for c in library.cautions.values() for q in conditions.refs(c.when))
    unsafe = any(n.unsafe_with for t in library.trees.values() for n in t.nodes.values())
    if not unsafe or not tracked:
        return
    passes, seen = Passes(library, tracked), set()
    for entry in (t.id for t in library.trees.values() if t.role in ENTRY_ROLES):
        facts = entry_facts(passes, entry)
        never = tracked - frozenset().union(*(passes.local(t).keys() for t in facts))  # never asked: settled
        for tree_id, before_tree in facts.items():
            for qid, before in passes.local(tree_id).items():
                node = library.node(qid)
                for caution, question in _missing(node, before_tree | before | never, library):
                    if (qid, caution, question) not in seen:
                        seen.add((qid, caution, question))
                        yield TooLate(node, caution, question, entry)


def _missing(node: Node, passed: frozenset, library: Library) -> Iterator[tuple[str, str]]:
    for caution_id in node.unsafe_with:
        caution = library.cautions.get(caution_id)
        if caution is None:
            continue  # an unknown id is a load error already
        for question in sorted(conditions.refs(caution.when) - passed):
            yield caution_id, question
