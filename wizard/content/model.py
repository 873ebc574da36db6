"""The content model: frozen dataclasses that the loader builds and the engine walks.

Nothing here reads files or talks to people. Node references are resolved by the loader into qualified ids
(`tree-id/node-id`) so that the engine never has to guess which tree a name belongs to.
"""

from __future__ import annotations

from dataclasses import field
from typing import Mapping, Protocol

from wizard.lazy_dataclass import dataclass  # made on first use: see there why

from wizard.wording import RESULT_LABELS, URGENCY_WORDS  # noqa: F401  (re-exported: callers import them here)

URGENCIES = ("self_care", "routine", "urgent", "emergency")
URGENCY_RANK = {name: rank for rank, name in enumerate(URGENCIES)}

SIDED_RESULTS = ("left", "right", "both", "neither", "could_not", "unsure")
UNSIDED_RESULTS = ("positive", "negative", "could_not", "unsure")

Answer = bool | str | int | float | list[str]


def qualify(tree_id: str, ref: str) -> str:
    """`node` in `tree` -> `tree/node`; an already qualified ref is returned as is (`tree.node` is accepted
    as another spelling of `tree/node`, since ids never contain dots)."""
    if "/" in ref:
        return ref
    return ref.replace(".", "/", 1) if "." in ref else f"{tree_id}/{ref}"


@dataclass(frozen=True)
class Where:
    """Where something was written: file, line and column (1-based).

    `at(*keys)` finds a key or value written inside it (a node's `next:`, its third option), so a problem
    points at what is wrong rather than the node's first line; `positions` is the whole file's map of paths
    to line and column (shared, not copied), `prefix` this spot's path in it.
    """

    file: str
    line: int = 1
    col: int = 1
    prefix: tuple = field(default=(), compare=False, repr=False)
    positions: Mapping | None = field(default=None, compare=False, repr=False)

    def at(self, *keys) -> "Where":
        """Where the value at `keys` below this spot starts (or its nearest known parent, or this spot)."""
        path, positions = self.prefix + keys, self.positions or {}
        while len(path) > len(self.prefix) and path not in positions:
            path = path[:-1]
        spot = positions.get(path) if len(path) > len(self.prefix) else None
        return Where(self.file, spot[0], spot[1], path, self.positions) if spot else self


@dataclass(frozen=True)
class Option:
    value: str
    label: str
    next: str | None = None
    exclusive: bool = False
    red_flag: str | None = None
    likely: bool = False


@dataclass(frozen=True)
class Evidence:
    source: str
    positive_means: str
    negative_means: str
    sensitivity: float | None = None
    specificity: float | None = None
    lr_positive: float | None = None
    lr_negative: float | None = None


@dataclass(frozen=True)
class Referral:
    urgency: str
    reason: str
    to: str | None = None
    action: str | None = None

    @property
    def rank(self) -> int:
        return URGENCY_RANK[self.urgency]


class Condition(Protocol):
    """A parsed condition (wizard/content/conditions.py): true or false for a set of answers."""

    def evaluate(self, answers: dict) -> bool: ...


@dataclass(frozen=True)
class Branch:
    condition: Condition
    next: str


@dataclass(frozen=True, kw_only=True)
class Node:
    """Fields every node kind shares. `qid` is `tree-id/node-id`; `next` and branch targets are qids."""

    id: str
    tree: str
    kind: str
    where: Where
    title: str | None = None
    ask_if: Condition | None = None
    next: str | None = None
    branches: tuple[Branch, ...] = ()
    sources: tuple[str, ...] = ()
    unsafe_with: tuple[str, ...] = ()
    unsafe_where: Where | None = None

    @property
    def qid(self) -> str:
        return f"{self.tree}/{self.id}"

    @property
    def asks(self) -> bool:
        """True for nodes that wait for the person (everything but handover and outcome)."""
        return self.kind in ASKING_KINDS

    @property
    def label(self) -> str:
        return self.title or getattr(self, "text", None) or self.id


@dataclass(frozen=True, kw_only=True)
class Question(Node):
    style: str
    text: str
    why: str
    help: str | None = None
    options: tuple[Option, ...] = ()
    if_yes: str | None = None
    if_no: str | None = None
    red_flag: str | None = None
    plan_weeks: int | None = None
    sets: str | None = None
    likely: bool | None = None
    at_least_one: bool = False

    def option(self, value: str) -> Option | None:
        return next((o for o in self.options if o.value == value), None)


@dataclass(frozen=True, kw_only=True)
class SelfTest(Node):
    text: str
    why: str
    steps: tuple[str, ...]
    stop_rule: str
    positive_feels: str
    who: str
    evidence: Evidence
    sided: bool = True
    hold_seconds: int | None = None
    minutes: float | None = None

    @property
    def results(self) -> tuple[str, ...]:
        return SIDED_RESULTS if self.sided else UNSIDED_RESULTS


@dataclass(frozen=True, kw_only=True)
class Measure(Node):
    text: str
    why: str
    unit: str
    min: float
    max: float
    integer: bool = False
    help: str | None = None
    better: str | None = None
    cannot_do: str | None = None
    hold_seconds: int | None = None


@dataclass(frozen=True, kw_only=True)
class Info(Node):
    text: str


@dataclass(frozen=True, kw_only=True)
class Handover(Node):
    target: str


@dataclass(frozen=True, kw_only=True)
class Outcome(Node):
    text: str | None = None
    findings: tuple[str, ...] = ()
    exercises: tuple[str, ...] = ()
    advice: tuple[str, ...] = ()
    referral: Referral | None = None
    retest: str | None = None
    end_walk: bool = False

    @property
    def is_waypoint(self) -> bool:
        """True for an outcome that only closes a module ("tests done"): nothing to show on a summary."""
        return not (self.findings or self.exercises or self.advice or self.referral or self.retest)

    @property
    def ends_walk(self) -> bool:
        return self.end_walk or (self.referral is not None and self.referral.urgency == "emergency")


ENTRY_ROLES = ("entry", "retest")
ASKING_KINDS = frozenset({"question", "self_test", "measure", "info"})


def targets(node: Node) -> list[tuple[str, str]]:
    """(field name, qualified target) for every node this one can lead to directly.

    The one statement of "where a node's fields point", shared by the load-time reference check and the
    graph (wizard/walk/graph.py)."""
    return [(name, target) for _, name, target in keyed_targets(node)]


def keyed_targets(node: Node) -> list[tuple[tuple, str, str]]:
    """(keys in the file, field name, qualified target) for every node this one can lead to directly."""
    found: list[tuple[tuple, str, str | None]] = [(("next",), "next", node.next)]
    found += [(("branches", i, "next"), "branch", b.next) for i, b in enumerate(node.branches)]
    if isinstance(node, Question):
        found += [(("if_yes",), "if_yes", node.if_yes), (("if_no",), "if_no", node.if_no)]
        found += [(("options", i, "next"), f"option '{o.value}'", o.next) for i, o in enumerate(node.options)]
    return [(keys, name, target) for keys, name, target in found if target]


@dataclass(frozen=True)
class Scenario:
    name: str
    given: dict
    expect: dict
    unlisted: str
    where: Where


@dataclass(frozen=True)
class Invariant:
    name: str
    node: str
    value: object
    urgency_at_least: str
    where: Where


@dataclass(frozen=True)
class StepBudget:
    """The most answered steps a tree's scenarios may take (`check` errors above it)."""

    where: Where
    median: int | None = None
    max: int | None = None
    emergency: int | None = None


@dataclass(frozen=True)
class Tree:
    id: str
    title: str
    version: str
    start: str
    nodes: dict
    where: Where
    content_hash: str
    role: str = "module"
    baseline: str | None = None
    description: str | None = None
    authors: tuple[str, ...] = ()
    reviewed: str | None = None
    scenarios: tuple[Scenario, ...] = ()
    invariants: tuple[Invariant, ...] = ()
    sources: tuple[str, ...] = ()
    step_budget: StepBudget | None = None


@dataclass(frozen=True)
class Finding:
    id: str
    name: str
    description: str
    where: Where
    expect: str | None = None
    sources: tuple[str, ...] = ()


@dataclass(frozen=True)
class Dosage:
    text: str
    sets: int | None = None
    reps: int | None = None
    hold_seconds: int | None = None
    frequency: str | None = None


@dataclass(frozen=True)
class Exercise:
    id: str
    name: str
    kind: str
    target: str
    steps: tuple[str, ...]
    dosage: Dosage
    minutes: float
    where: Where
    cautions: tuple[str, ...] = ()
    unsafe_with: tuple[str, ...] = ()
    unsafe_where: Where | None = None
    progression: str | None = None
    regression: str | None = None
    serves: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    stage: int = 2
    after: tuple[str, ...] = ()

    @property
    def in_routine(self) -> bool:
        """Relief positions and general activity (walking, cycling) sit beside the timed routine, not in it."""
        return self.kind not in ("relief", "activity")


@dataclass(frozen=True)
class Advice:
    id: str
    title: str
    text: str
    where: Where
    sources: tuple[str, ...] = ()
    excludes: tuple[str, ...] = ()
    serves: tuple[str, ...] = ()
    unsafe_with: tuple[str, ...] = ()  # cautions under which this advice would contradict them (left out)


@dataclass(frozen=True)
class StageRule:
    """When a re-test moves the plan a stage: an answer condition and/or the re-test's overall verdict."""

    when: Condition | None = None
    retest: str | None = None


@dataclass(frozen=True)
class PlanRules:
    """How the plan builder sizes and stages a plan; declared once, in a catalogue's `plan:` section."""

    where: Where
    priority: tuple[str, ...] = ()
    fill: tuple[str, ...] = ()
    advice: tuple[str, ...] = ()
    exercises: tuple[int, int] = (4, 6)
    minutes: tuple[float, float] = (20, 30)
    get_help_after_weeks: int = 8
    retest_after_weeks: int = 3
    stages: int = 3
    progress: StageRule = field(default_factory=StageRule)  # a factory: no StageRule is built at import
    step_back: StageRule = field(default_factory=StageRule)


@dataclass(frozen=True)
class Caution:
    """A reason not to offer some tests or exercises: `when` holds over the answers (refs are qualified)."""

    id: str
    title: str
    says: str
    when: Condition
    where: Where


@dataclass
class Library:
    """Every loaded tree and catalogue entry, looked up by id. Built once by the loader."""

    trees: dict[str, Tree] = field(default_factory=dict)
    findings: dict[str, Finding] = field(default_factory=dict)
    exercises: dict[str, Exercise] = field(default_factory=dict)
    advice: dict[str, Advice] = field(default_factory=dict)
    cautions: dict[str, Caution] = field(default_factory=dict)
    files: list[str] = field(default_factory=list)
    plan: PlanRules | None = None

    def node(self, qid: str) -> Node:
        tree_id, _, node_id = qid.partition("/")
        return self.trees[tree_id].nodes[node_id]

    def has_node(self, qid: str) -> bool:
        tree_id, _, node_id = qid.partition("/")
        return tree_id in self.trees and node_id in self.trees[tree_id].nodes

    def start_of(self, tree_id: str) -> str:
        tree = self.trees[tree_id]
        return f"{tree.id}/{tree.start}"

    def entries(self) -> list[Tree]:
        """Trees a person can start from the menu, in a stable order."""
        return sorted((t for t in self.trees.values() if t.role in ENTRY_ROLES), key=lambda t: t.title)

    def retest_trees(self) -> tuple[str, ...]:
        """Trees that re-test an earlier check (`role: retest`, with the `baseline` tree they compare with)."""
        return tuple(t.id for t in self.trees.values() if t.role == "retest")
