"""`hip-wizard check`: everything an author needs to trust a set of trees, in one report.

Load problems (YAML, schema, references) come from the loader; graph checks, safety invariants and
scenario tests are small functions in the `CHECKS` table below, each yielding `Problem`s. Path counts and
outcome coverage are computed from memoised graph passes, never by enumerating paths.
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from typing import Callable, Iterator

from wizard.authoring import decided, safety, steps
from wizard.errors import Problem
from wizard.walk.graph import GraphInfo, successors
from wizard.content.loader import Loaded, collect
from wizard.content.model import Handover, Info, Library, Node, Outcome, Question, Tree
from wizard.authoring.scenarios import ScenarioResult, run_scenario
from wizard.text import terminal_safe


def _at(node_or_where, message: str, code: str, severity: str = "error", node: str | None = None) -> Problem:
    where = getattr(node_or_where, "where", node_or_where)
    return Problem(where.file, where.line, where.col, message, node=node, severity=severity, code=code)


# --- graph checks ----------------------------------------------------------------------------------------


def check_dead_ends(library: Library, graph: GraphInfo) -> Iterator[Problem]:
    """Every possible answer of every node must lead somewhere (outcomes end paths on purpose)."""
    for tree in library.trees.values():
        for node in tree.nodes.values():
            for gap in _dead_answers(node):
                yield _at(node, f"dead end: {gap} leads nowhere; add `next`", "dead-end", node=node.id)


def _dead_answers(node: Node) -> list[str]:
    if isinstance(node, Outcome) or node.next:
        return []
    if isinstance(node, Question) and node.style == "yes_no":
        return [name for name, target in (("answer yes", node.if_yes), ("answer no", node.if_no)) if not target]
    if isinstance(node, Question) and node.style == "single":
        return [f"option '{o.value}'" for o in node.options if not o.next]
    return ["this node"]


def check_cycles(library: Library, graph: GraphInfo) -> Iterator[Problem]:
    """A walk must always end: no loop inside a tree, and no tree that hands over back to itself."""
    colour: dict[str, int] = {}
    for tree in library.trees.values():
        for start in tree.nodes.values():
            yield from _cycles_from(start.qid, library, colour)


def _children(qid: str, library: Library) -> list[str]:
    node = library.node(qid)
    kids = successors(node, library)
    if isinstance(node, Handover) and node.target in library.trees:
        kids.append(library.start_of(node.target))
    return kids


def _cycles_from(root: str, library: Library, colour: dict) -> Iterator[Problem]:
    if colour.get(root):
        return
    stack = [(root, iter(_children(root, library)))]
    colour[root], path = 1, [root]
    while stack:
        qid, kids = stack[-1]
        kid = next(kids, None)
        if kid is None:
            colour[qid] = 2
            stack.pop()
            path.pop()
        elif colour.get(kid) == 1:
            loop = path[path.index(kid):] + [kid]
            yield _at(library.node(qid), "cycle: " + " -> ".join(loop), "cycle", node=library.node(qid).id)
        elif not colour.get(kid):
            colour[kid] = 1
            path.append(kid)
            stack.append((kid, iter(_children(kid, library))))


def check_unreachable(library: Library, graph: GraphInfo) -> Iterator[Problem]:
    for tree in library.trees.values():
        if tree.start not in tree.nodes:
            continue
        reached = _reachable_from(library.start_of(tree.id), library)
        for node in tree.nodes.values():
            if node.qid not in reached:
                yield _at(node, f"unreachable: no path from `start` ({tree.start}) leads here", "unreachable",
                          severity="warning", node=node.id)


def _reachable_from(start: str, library: Library) -> set[str]:
    """One breadth-first pass: linear, unlike per-node reachable sets."""
    seen, frontier = {start}, [start]
    while frontier:
        node = library.node(frontier.pop())
        for kid in successors(node, library):
            if kid not in seen:
                seen.add(kid)
                frontier.append(kid)
    return seen


def check_unused_entries(library: Library, graph: GraphInfo) -> Iterator[Problem]:
    outcomes = [n for t in library.trees.values() for n in t.nodes.values() if isinstance(n, Outcome)]
    for section in ("findings", "exercises", "advice"):
        used = {entry for o in outcomes for entry in getattr(o, section)}
        for entry_id, entry in getattr(library, section).items():
            if entry_id not in used:
                yield _at(entry, f"{section} entry '{entry_id}' is not used by any outcome", "unused",
                          severity="warning")


# --- safety ----------------------------------------------------------------------------------------------


def check_entry_screens_first(library: Library, graph: GraphInfo) -> Iterator[Problem]:
    """Every entry tree hands over to a red-flag screen before it asks anything else."""
    for tree in library.trees.values():
        if tree.role == "entry" and not _screens_first(tree, library):
            yield _at(tree.where, f"entry tree '{tree.id}' must hand over to a red-flag screen (a tree with "
                      "`role: red_flags`) before anything but info steps", "red-flags-first")


def _screens_first(tree: Tree, library: Library) -> bool:
    node, seen = tree.nodes.get(tree.start), set()
    while isinstance(node, Info) and node.ask_if is None and node.next and node.id not in seen:
        seen.add(node.id)
        node = library.node(node.next) if library.has_node(node.next) else None
    return (isinstance(node, Handover) and node.ask_if is None and node.target in library.trees
            and library.trees[node.target].role == "red_flags")


def check_red_flags(library: Library, graph: GraphInfo) -> Iterator[Problem]:
    guarantees = safety.Guarantees(library)
    for tree in library.trees.values():
        for node in tree.nodes.values():
            if isinstance(node, Question) and node.red_flag:
                broken = safety.violation(guarantees, node, True, node.red_flag)
                if broken:
                    yield _at(node, f"red flag ({node.red_flag}): {broken}", "red-flag", node=node.id)
            if isinstance(node, Question) and node.style == "multi":
                yield from _checklist_red_flags(guarantees, node)


def _checklist_red_flags(guarantees: safety.Guarantees, node: Question) -> Iterator[Problem]:
    """A ticked red-flag option must guarantee its level whatever else is ticked, like a yes answer."""
    for option in node.options:
        if option.red_flag:
            broken = safety.violation(guarantees, node, option.value, option.red_flag)
            if broken:
                yield _at(node, f"red flag ({option.red_flag}) on option '{option.value}': {broken}", "red-flag",
                          node=node.id)


def check_cautions_decided(library: Library, graph: GraphInfo) -> Iterator[Problem]:
    """A test unsafe with a caution comes only after every question the caution depends on, on every path."""
    for late in decided.too_late(library):
        node = late.node
        yield _at(node.unsafe_where or node, f"'{node.id}' is unsafe with caution '{late.caution}', but in entry "
                  f"tree '{late.entry}' a walk can reach it before '{late.question}' is asked, so the caution may "
                  f"not be decided yet; ask '{late.question}' on every path before it", "caution-order",
                  node=node.id)


def check_invariants(library: Library, graph: GraphInfo) -> Iterator[Problem]:
    guarantees = safety.Guarantees(library)
    for tree in library.trees.values():
        for inv in tree.invariants:
            node = library.node(inv.node) if library.has_node(inv.node) else None
            if isinstance(node, Question):
                broken = safety.violation(guarantees, node, inv.value, inv.urgency_at_least)
                if broken:
                    yield _at(inv.where, f"invariant '{inv.name}': {broken}", "invariant", node=node.id)


CHECKS: dict[str, Callable[[Library, GraphInfo], Iterator[Problem]]] = {
    "dead-end": check_dead_ends,
    "cycle": check_cycles,
    "unreachable": check_unreachable,
    "unused": check_unused_entries,
    "red-flags-first": check_entry_screens_first,
    "red-flag": check_red_flags,
    "invariant": check_invariants,
    "caution-order": check_cautions_decided,
}

# --- the report ------------------------------------------------------------------------------------------


@dataclass
class Report:
    loaded: Loaded
    problems: list[Problem]
    scenarios: list[ScenarioResult]
    paths: dict[str, int]
    outcomes: list[str]
    covered: list[str]
    steps: dict = None

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "warning"]


def run_checks(loaded: Loaded) -> Report:
    """Every check runs even when some files failed to load, so one report shows every fault at once."""
    library, problems = loaded.library, list(loaded.problems)
    graph = GraphInfo(library)
    for check in CHECKS.values():
        problems += check(library, graph)
    acyclic = not any(p.code == "cycle" for p in problems)
    results = _scenario_results(library) if acyclic else []
    problems += [_scenario_problem(r) for r in results if not r.passed]
    stats = steps.step_stats(library, results)
    problems += steps.budget_problems(library, stats)
    outcomes = sorted(n.qid for t in library.trees.values() for n in t.nodes.values() if isinstance(n, Outcome))
    covered = sorted({q for r in results for q in r.reached} & set(outcomes))
    paths = {t: graph.tree_paths(t) for t in sorted(library.trees) if library.trees[t].start in library.trees[t].nodes}
    return Report(loaded, sorted(set(problems)), results, paths, outcomes, covered, stats)


def _scenario_results(library: Library) -> list[ScenarioResult]:
    return [run_scenario(library, tree, s) for tree in library.trees.values() for s in tree.scenarios]


def _scenario_problem(result: ScenarioResult) -> Problem:
    return _at(result.scenario.where, f"scenario '{result.scenario.name}' failed: " + "; ".join(result.failures),
               "scenario", node=None)


def report_json(report: Report) -> dict:
    passed = sum(r.passed for r in report.scenarios)
    return {
        "ok": not report.errors,
        "files": len(report.loaded.library.files),
        "errors": [p.as_dict() for p in report.errors],
        "warnings": [p.as_dict() for p in report.warnings],
        "trees": {t.id: {"file": t.where.file, "version": t.version, "role": t.role, "nodes": len(t.nodes),
                         "paths": report.paths.get(t.id)} for t in report.loaded.library.trees.values()},
        "paths": report.paths,
        "outcomes": report.outcomes,
        "outcomes_covered": report.covered,
        "outcomes_uncovered": sorted(set(report.outcomes) - set(report.covered)),
        "coverage": round(len(report.covered) / len(report.outcomes), 4) if report.outcomes else 1.0,
        "scenarios": {"passed": passed, "failed": len(report.scenarios) - passed,
                      "results": [r.as_dict() for r in report.scenarios]},
        "steps": report.steps or {},
    }


def report_text(report: Report) -> str:
    library = report.loaded.library
    lines = [str(p) for p in report.problems]
    nodes = sum(len(t.nodes) for t in library.trees.values())
    passed = sum(r.passed for r in report.scenarios)
    uncovered = sorted(set(report.outcomes) - set(report.covered))
    lines += [
        "",
        f"{len(library.files)} files, {len(library.trees)} trees, {nodes} nodes; "
        f"{len(report.errors)} errors, {len(report.warnings)} warnings",
        f"scenarios: {passed} passed, {len(report.scenarios) - passed} failed",
        f"outcome coverage: {len(report.covered)}/{len(report.outcomes)} outcomes reached by a scenario",
    ]
    lines += [f"  not reached: {q}" for q in uncovered]
    entries = [t for t in library.trees.values() if t.role == "entry"] or list(library.trees.values())
    lines += [f"paths through {t.id}: {report.paths[t.id]:,}" for t in entries if t.id in report.paths]
    lines += steps.stats_lines(report.steps or {})
    return "\n".join(lines)


def check_command(args) -> int:
    report = run_checks(collect(list(args.paths) + list(args.trees)))
    if args.json:
        json.dump(report_json(report), sys.stdout, indent=2)
        sys.stdout.write("\n")
    else:
        print(terminal_safe(report_text(report)))
    return 1 if report.errors else 0
