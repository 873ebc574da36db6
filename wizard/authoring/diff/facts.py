"""The facts of one version of the trees that a reviewer must see change: how each scenario story ends,
red-flag levels, nodes, options and their routes, self-test evidence, and how many steps stories take.

Stories are walked by the same code as `check`'s scenario tests (scenarios._walk), so a story here is a
walk a person could take with that version.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from wizard.authoring.scenarios import ScenarioResult, _walk
from wizard.content.model import Evidence, Handover, Library, Question, SelfTest, Tree, qualify
from wizard.content.refcheck import targets
from wizard.walk.engine import WalkError


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


def facts_of(library: Library) -> dict[str, TreeFacts]:
    """tree id -> its facts, for every tree in the library."""
    return {tree.id: _tree_facts(library, tree) for tree in library.trees.values()}


def _tree_facts(library: Library, tree: Tree) -> TreeFacts:
    facts = TreeFacts(tree, stories={s.name: walk_story(library, tree, s) for s in tree.scenarios})
    for node_id, node in tree.nodes.items():
        facts.nodes[node_id] = node.kind
        facts.routes[node_id] = routes_of(node)
        if isinstance(node, Question) and node.red_flag:
            facts.red_flags[node_id] = node.red_flag
        if isinstance(node, SelfTest):
            facts.evidence[node_id] = node.evidence
    return facts


def walk_story(library: Library, tree: Tree, scenario) -> Story:
    """Walk the scenario's answers through this version and keep where it ends."""
    given = {qualify(tree.id, ref): value for ref, value in scenario.given.items()}
    record = ScenarioResult(tree.id, scenario)
    try:
        session = _walk(library, tree.id, given, scenario.unlisted, record)
    except WalkError as exc:
        return Story(problem=str(exc))
    if session is None:
        return Story(problem="; ".join(record.failures))
    result = session.result()
    return Story(urgency=result.urgency or "none", outcomes=tuple(sorted(o.qid for o in result.outcomes)),
                 findings=tuple(sorted({f.finding.id for f in result.findings})), steps=len(session.walk.steps))


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
