"""The facts of one version of the trees that a reviewer must see change: how each scenario story ends,
red-flag levels, nodes, options and their routes, self-test evidence, and how many steps stories take.

Stories are walked by `check`'s own scenario runner and their step counts summarised by `check`'s step
statistics, so a story here is a walk a person could take with that version, counted the same way.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from wizard.authoring.scenarios import ScenarioResult, run_scenario
from wizard.authoring.steps import step_stats
from wizard.content.model import Evidence, Handover, Library, Question, SelfTest, Tree, targets


@dataclass(frozen=True)
class Story:
    """How one scenario's walk ends; `problem` instead when it cannot be walked in this version."""

    urgency: str = "none"
    outcomes: tuple[str, ...] = ()
    findings: tuple[str, ...] = ()
    steps: int | None = None
    problem: str | None = None


@dataclass
class TreeFacts:
    tree: Tree
    stories: dict[str, Story] = field(default_factory=dict)
    red_flags: dict[str, str] = field(default_factory=dict)
    nodes: dict[str, str] = field(default_factory=dict)
    routes: dict[str, dict[str, str]] = field(default_factory=dict)
    evidence: dict[str, Evidence] = field(default_factory=dict)
    steps: dict[str, str] = field(default_factory=dict)  # "non-emergency"/"emergency" -> "min/median/max"


def facts_of(library: Library) -> dict[str, TreeFacts]:
    """tree id -> its facts, for every tree in the library."""
    results = [run_scenario(library, tree, s) for tree in library.trees.values() for s in tree.scenarios]
    stats = step_stats(library, results)
    facts = {}
    for tree in library.trees.values():
        facts[tree.id] = _tree_facts(tree, [r for r in results if r.tree == tree.id])
        facts[tree.id].steps = _spreads(stats.get(tree.id, {}))
    return facts


def _tree_facts(tree: Tree, results: list[ScenarioResult]) -> TreeFacts:
    facts = TreeFacts(tree, stories={r.scenario.name: story_of(r) for r in results})
    for node_id, node in tree.nodes.items():
        facts.nodes[node_id] = node.kind
        facts.routes[node_id] = routes_of(node)
        if isinstance(node, Question) and node.red_flag:
            facts.red_flags[node_id] = node.red_flag
        if isinstance(node, SelfTest):
            facts.evidence[node_id] = node.evidence
    return facts


def story_of(result: ScenarioResult) -> Story:
    """Where the walk ended, whether or not that is what the scenario expects; a walk that could not be
    finished (no step count) keeps its reason instead."""
    if result.steps is None:
        return Story(problem="; ".join(result.failures))
    return Story(urgency=result.urgency or "none", outcomes=tuple(sorted(result.reached)),
                 findings=tuple(result.findings), steps=result.steps)


def _spreads(parts: dict) -> dict[str, str]:
    """check's step statistics for one entry tree as 'min/median/max' per part that has scenarios."""
    return {label: f"{part['min']}/{part['median']:g}/{part['max']}"
            for name, label in (("other", "non-emergency"), ("emergency", "emergency"))
            if (part := parts.get(name)) and part["scenarios"]}


def routes_of(node) -> dict[str, str]:
    """Where each way out of a node leads, named as an author would: option 'x', if_yes, next, branch 2...
    Every option is listed (one without its own `next` follows the node's), so added options show."""
    named: dict[str, str] = {}
    for name, target in targets(node):
        if not name.startswith("option "):
            named[_free_key(named, name)] = _short(node, target)
    for option in getattr(node, "options", ()):
        named[f"option '{option.value}'"] = _short(node, option.next) if option.next else "(its next)"
    if isinstance(node, Handover):
        named["tree"] = node.target
    return named


def _free_key(named: dict, name: str) -> str:
    key, count = name, 1
    while key in named:
        count += 1
        key = f"{name} {count}"
    return key


def _short(node, target: str) -> str:
    """A target in the node's own tree by its node id; one elsewhere as tree/node."""
    return target.split("/", 1)[1] if target.startswith(f"{node.tree}/") else target
