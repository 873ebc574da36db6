"""The walk: a pure `Session` over a `Library`, with no I/O and no user interface.

The whole state is the answers given. The path is never stored as state: it is what replaying the answers
from the entry tree gives, so editing an early answer re-routes the walk and keeps every later answer that
still lies on the new path, while answers that no longer apply simply stop counting (they are kept, and
count again if the person edits their way back). Every front end drives this one class.

The replay is incremental, so an answer costs the same at step 90 as at step 5: a new answer to the node
the walk stopped at continues from there, and a changed earlier answer replays from that step only, from a
mark the walker left when it first passed it. Both give exactly what a replay from the start would.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import cast

from wizard.content import conditions
from wizard.content.answers import check_answer
from wizard.errors import AnswerError, StateError, UnknownTree
from wizard.walk.cautions import blocking_caution
from wizard.walk.graph import GraphInfo, successors
from wizard.walk.side import has_placeholders, personal, sore_side
from wizard.content.model import Handover, Library, Node, Outcome, Question
from wizard.walk.result import Reason, Result, build_result

FORMAT_VERSION = 1
MAX_WALK = 100_000


class WalkError(StateError):
    """The trees do not let the walk finish (a cycle or a broken reference that `check` would report).

    A `StateError`, so every front end shows it as a plain sentence rather than a traceback."""


@dataclass
class Frame:
    """One tree being walked: where to return to, and the answers that decided its path so far."""

    tree: str
    returns_to: str | None
    inherited: tuple[str, ...] = ()
    decisions: list[tuple[str | None, str | None, tuple[str, ...], tuple[str, ...]]] = field(default_factory=list)


@dataclass
class Reached:
    """An outcome the walk passed through, with the qids of the answers that led to it."""

    qid: str
    reasons: tuple[str, ...]


@dataclass
class Walk:
    steps: list[str] = field(default_factory=list)
    current: str | None = None
    outcomes: list[Reached] = field(default_factory=list)
    pending_returns: tuple[str, ...] = ()
    status: str = "in_progress"
    not_offered: list[tuple[str, str]] = field(default_factory=list)


class Walker:
    """Replays a walk from the entry tree over the answers (a dict it reads, never writes).

    While it goes it leaves a mark at each answered node: enough to stand there again (how many steps,
    outcomes and caution-skipped nodes came before, and each open tree's frame with how many decisions it
    had). Frames and the lists
    in them are only ever appended to while live, and copied when a mark is restored, so a mark stays true.
    """

    def __init__(self, library: Library, graph: GraphInfo, answers: dict):
        self.library, self.graph, self.answers = library, graph, answers
        self.on_path: dict = {}
        self.walk = Walk()
        self.frames: list[Frame] = []
        self.marks: dict[str, tuple] = {}

    def run(self, tree_id: str) -> Walk:
        return self._go(self._enter(tree_id, None, ()))

    def resume(self) -> Walk:
        """Go on from the node the walk stopped at, now that it has an answer."""
        walk = self.walk
        self.walk = Walk(list(walk.steps), None, list(walk.outcomes), not_offered=list(walk.not_offered))
        return self._go(walk.current)

    def rewind(self, qid: str) -> Walk:
        """Replay from answered node `qid` on (its answer, or a later one, changed); earlier steps stand."""
        steps_before, outcomes_before, skipped_before, frames = self.marks[qid]
        steps = self.walk.steps[:steps_before]
        for later in self.walk.steps[steps_before:]:
            self.marks.pop(later, None)
        self.walk = Walk(steps, None, self.walk.outcomes[:outcomes_before],
                         not_offered=self.walk.not_offered[:skipped_before])
        self.on_path = {q: self.answers[q] for q in steps}
        self.frames = [Frame(f.tree, f.returns_to, f.inherited, f.decisions[:n]) for f, n in frames]
        return self._go(qid)

    def first_change(self, qids) -> str | None:
        """Of the nodes whose answers changed, the one to replay from; None when only a full replay will do."""
        order = {q: self.marks[q][0] if q in self.marks else len(self.walk.steps) for q in qids
                 if q in self.marks or q == self.walk.current}
        return min(order, key=lambda q: order[q]) if len(order) == len(qids) and order else None

    def _go(self, position: str | None) -> Walk:
        for _ in range(MAX_WALK):
            if position is None or self.walk.status != "in_progress":
                return self.walk
            if not self.library.has_node(position):
                raise WalkError(f"the walk reached '{position}', which does not exist (run `hip-wizard check`)")
            position = self._visit(self.library.node(position))
        raise WalkError("the walk did not end; the trees may contain a cycle (run `hip-wizard check`)")

    def _enter(self, tree_id: str, returns_to: str | None, inherited: tuple) -> str:
        if tree_id not in self.library.trees:
            raise WalkError(f"the walk hands over to tree '{tree_id}', which is not loaded")
        self.frames.append(Frame(tree_id, returns_to, inherited))
        return self.library.start_of(tree_id)

    def _visit(self, node: Node) -> str | None:
        if node.ask_if is not None and not node.ask_if.evaluate(self.on_path):
            return node.next
        if node.unsafe_with and self._not_offered(node):
            return node.next
        if isinstance(node, Handover):
            support = conditions.supporting_refs(node.ask_if, self.on_path) if node.ask_if is not None else set()
            reasons = self.frames[-1].inherited + tuple(sorted(support & self.on_path.keys()))
            return self._enter(node.target, node.next, reasons)
        if isinstance(node, Outcome):
            return self._reach(node)
        if node.qid not in self.answers:
            self.walk.current = node.qid
            self.walk.pending_returns = tuple(f.returns_to for f in reversed(self.frames) if f.returns_to)
            return None
        return self._answered(node)

    def _not_offered(self, node: Node) -> bool:
        """True (and noted for the summary) when a caution that holds makes `node` unsafe for this person."""
        caution = blocking_caution(self.library, node.unsafe_with, self.on_path)
        if caution and all(q != node.qid for q, _ in self.walk.not_offered):
            self.walk.not_offered.append((node.qid, caution))
        return caution is not None

    def _answered(self, node: Node) -> str | None:
        if node.qid not in self.on_path:  # a module handed over to twice is asked (and counted) once
            self.marks[node.qid] = (len(self.walk.steps), len(self.walk.outcomes), len(self.walk.not_offered),
                                    tuple((f, len(f.decisions)) for f in self.frames))
            self.walk.steps.append(node.qid)
        self.on_path[node.qid] = self.answers[node.qid]
        chosen, because, own = next_after(node, self.on_path)
        options = tuple(successors(node, self.library))
        self.frames[-1].decisions.append((node.qid if own else None, chosen, options, because))
        return chosen if chosen else self._leave()

    def _reach(self, node: Outcome) -> str | None:
        if all(r.qid != node.qid for r in self.walk.outcomes):
            self.walk.outcomes.append(Reached(node.qid, self._reasons_for(node.qid)))
        if node.ends_walk:
            self.walk.status = "emergency" if node.referral and node.referral.urgency == "emergency" else "finished"
            return None
        return node.next or self._leave()

    def _leave(self) -> str | None:
        frame = self.frames.pop()
        if not self.frames:
            self.walk.status = "finished"
            return None
        return frame.returns_to

    def _reasons_for(self, outcome: str) -> tuple[str, ...]:
        """Answers in this tree whose choice mattered for reaching `outcome`, plus why the tree was entered."""
        frame = self.frames[-1]
        found = list(frame.inherited)
        leads = self.graph.leads_to(outcome)
        for qid, chosen, options, because in frame.decisions:
            if chosen in leads and any(o not in leads for o in options if o != chosen):
                found += [q for q in (qid, *because) if q]
        return tuple(dict.fromkeys(found))


def next_after(node: Node, answers: dict) -> tuple[str | None, tuple[str, ...], bool]:
    """Where an answered node leads, the other answers a taken branch rests on, and whether the node's own
    answer counts as a reason (not when a branch was taken on other answers alone)."""
    for branch in node.branches:
        if branch.condition.evaluate(answers):
            support = conditions.supporting_refs(branch.condition, answers)
            return branch.next, tuple(sorted(support - {node.qid})), node.qid in support
    if isinstance(node, Question):
        value = answers[node.qid]
        if node.style == "yes_no":
            target = node.if_yes if value else node.if_no
            return target or node.next, (), True
        option = node.option(value) if node.style == "single" else None
        if option and option.next:
            return option.next, (), True
    return node.next, (), True


@dataclass(frozen=True)
class Progress:
    done: int
    remaining: int

    @property
    def fraction(self) -> float:
        total = self.done + self.remaining
        return self.done / total if total else 1.0


class Session:
    """One person's walk through an entry tree. Pure: no files, no screen, no clock."""

    def __init__(self, library: Library, tree_id: str, answers: dict | None = None):
        if tree_id not in library.trees:
            raise UnknownTree(tree_id, library.trees)
        self.library, self.tree_id = library, tree_id
        self.graph = GraphInfo(library)
        self.answers: dict = dict(answers or {})
        self._stash: dict = {}
        self._walk: Walk | None = None
        self._walker: Walker | None = None
        self._changed: set[str] = set()
        self._expected: tuple[dict, list[str]] | None = None  # (answers, expected path) for those answers

    # --- the walk ----------------------------------------------------------------------------------------

    @property
    def walk(self) -> Walk:
        if self._walk is None:
            self._walk = self._replay()
        return self._walk

    def _replay(self) -> Walk:
        """The walk for the answers now: continued or replayed from the first changed step when the last
        walk over this same answers dict allows it, else from the start (a walk that failed is not kept)."""
        walker, changed = self._walker, self._changed
        self._walker, self._changed = None, set()
        start = walker.first_change(changed) if walker and walker.answers is self.answers and changed else None
        if walker is None or start is None:
            walker = Walker(self.library, self.graph, self.answers)
            walk = walker.run(self.tree_id)
        else:
            walk = walker.resume() if start == walker.walk.current else walker.rewind(start)
        self._walker = walker
        return walk

    @property
    def current(self) -> Node | None:
        """The node waiting for an answer (its text filled for the sore side), or None once the walk has ended."""
        return self.shown(self.walk.current) if self.walk.current else None

    @property
    def side(self) -> str | None:
        """The sore side from a `sets: side` answer on the path (left, right, both), or None."""
        return sore_side(self.library, self.path_answers)

    @property
    def steps(self) -> list[Node]:
        """The nodes answered on the current path, in order (text filled for the sore side). A `{minutes}` in a
        step reads as it did on the walk's first screen (the estimate before any answer), so the summary's copy
        says the same time as the welcome the person read, not a vaguer "a few minutes"."""
        side, minutes = self.side, None
        if any("{minutes}" in (getattr(self.library.node(q), "text", None) or "") for q in self.walk.steps):
            from wizard.walk.progress import expected_minutes, minutes_words  # progress builds on this module
            minutes = minutes_words(expected_minutes(self.library, self.tree_id, {}, self.graph))
        return [personal(self.library.node(q), side, minutes) for q in self.walk.steps]

    def shown(self, qid: str) -> Node:
        """A node as this person reads it: its `{side}` (and `{minutes}`) placeholders filled from their answers."""
        node = self.library.node(qid)
        if not has_placeholders(node):  # most nodes: no need for the side (a pass over the whole path)
            return node
        minutes = self._minutes() if "{minutes}" in (getattr(node, "text", None) or "") else None
        return personal(node, self.side, minutes)

    def _minutes(self) -> str:
        from wizard.walk.progress import minutes_words, path_minutes  # progress builds on this module
        return minutes_words(path_minutes(self.library, self.expected_path()))

    def expected_path(self) -> list[str]:
        """The steps the current answers make most likely (`wizard.walk.progress`), worked out once per set of
        answers: a step's progress line, its `{minutes}` and the step count all ask for it."""
        if self._expected is None or self._expected[0] != self.answers:
            from wizard.walk.progress import expected_path  # progress builds on this module
            path = expected_path(self.library, self.tree_id, self.answers, self.graph)
            self._expected = (dict(self.answers), path)
        return self._expected[1]

    @property
    def path_answers(self) -> dict:
        """qid -> answer for the answers that count: those on the current path."""
        return {q: self.answers[q] for q in self.walk.steps}

    @property
    def status(self) -> str:
        """in_progress, finished or emergency."""
        return self.walk.status

    @property
    def finished(self) -> bool:
        return self.walk.status != "in_progress"

    @property
    def progress(self) -> Progress:
        remaining = 0
        if self.walk.current:
            remaining = self.graph.longest(self.walk.current)
            remaining += sum(self.graph.longest(r) for r in self.walk.pending_returns)
        return Progress(len(self.walk.steps), remaining)

    # --- changing answers --------------------------------------------------------------------------------

    def answer(self, value: object) -> None:
        """Answer the current node. Raises `AnswerError` for a value that does not fit it."""
        node = self.current
        if node is None:
            raise AnswerError("the walk has ended; there is nothing to answer")
        self._set(node, value)

    def edit(self, qid: str, value: object) -> None:
        """Change an earlier answer on the path (or answer the current node); the walk re-routes."""
        if qid not in self.walk.steps and qid != self.walk.current:
            raise AnswerError(f"'{qid}' is not on this walk's path")
        self._set(self.library.node(qid), value)

    def back(self) -> bool:
        """Undo the last answer on the path; False when there is nothing to go back to."""
        if not self.walk.steps:
            return False
        last = self.walk.steps[-1]
        self._stash[last] = self.answers.pop(last)
        self._changed.add(last)
        self._walk = None
        return True

    def suggest(self, qid: str, value: object) -> None:
        """Pre-fill a node that has no answer yet (e.g. last time's areas), without answering it for the person."""
        if qid not in self.answers and self.library.has_node(qid):
            self._stash[qid] = check_answer(self.library.node(qid), value)

    def presume(self, qid: str, value: object) -> None:
        """Answer a question ahead of time from what the app already knows (the date of the last check), so
        the walk does not ask it; it stays on the path and can be changed from the review like any answer."""
        if qid not in self.answers and self.library.has_node(qid):
            self._set(self.library.node(qid), value)

    def previous_answer(self, qid: str) -> object | None:
        """The answer given before (kept after `back`), for pre-filling a screen."""
        return self.answers.get(qid, self._stash.get(qid))

    def _set(self, node: Node, value: object) -> None:
        self.answers[node.qid] = check_answer(node, value)
        self._stash.pop(node.qid, None)
        self._changed.add(node.qid)
        self._walk = None

    # --- results -----------------------------------------------------------------------------------------

    def result(self) -> Result:
        """Findings (each with the answers that led to it), the most urgent referral and the plan."""
        reached = [(cast(Outcome, self.library.node(r.qid)), r.reasons) for r in self.walk.outcomes]
        return build_result(self.library, reached, self.path_answers, self.status, self.walk.not_offered)

    def reason(self, qid: str) -> Reason:
        return Reason.of(self.shown(qid), self.answers[qid])

    # --- persistence -------------------------------------------------------------------------------------

    def to_dict(self) -> dict:
        """Plain JSON-ready state: the answers plus which tree versions they were given against."""
        used = {self.tree_id} | {q.split("/", 1)[0] for q in self.answers}
        return {
            "format": FORMAT_VERSION,
            "tree": self.tree_id,
            "trees": {t: {"version": self.library.trees[t].version, "hash": self.library.trees[t].content_hash}
                      for t in sorted(used) if t in self.library.trees},
            "answers": dict(self.answers),
        }


__all__ = ["Progress", "Session", "WalkError", "next_after"]
