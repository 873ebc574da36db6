"""`hip-wizard check`: everything an author needs to trust a set of trees, in one report.

Load problems (YAML, schema, references) come from the loader; graph checks, safety invariants and
scenario tests are small functions in the `CHECKS` table below, each yielding `Problem`s. Path counts and
outcome coverage are computed from memoised graph passes, never by enumerating paths.
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Callable, Iterator

from wizard.authoring import decided, safety, steps
from wizard.errors import Problem
from wizard.walk.graph import GraphInfo, children, reachable
from wizard.content.model import keyed_targets
from wizard.content.suggest import closest
from wizard.content.loader import Loaded, collect
from wizard.content.model import ENTRY_ROLES, Handover, Info, Library, Node, Outcome, Question, Tree
from wizard.authoring.scenarios import ScenarioResult, run_scenario
from wizard.text import terminal_safe


def _at(node_or_where, message: str, code: str, severity: str = "error", node: str | None = None) -> Problem:
    where = getattr(node_or_where, "where", node_or_where)
    return Problem(where.file, where.line, where.col, message, node=node, severity=severity, code=code)


# --- graph checks ----------------------------------------------------------------------------------------


def check_dead_ends(library: Library) -> Iterator[Problem]:
    """Every possible answer of every node must lead somewhere (outcomes end paths on purpose)."""
    for tree in library.trees.values():
        for node in tree.nodes.values():
            for keys, gap in _dead_answers(node):
                yield _at(node.where.at(*keys), f"dead end: {gap} leads nowhere; add `next`", "dead-end",
                          node=node.id)


def _dead_answers(node: Node) -> list[tuple[tuple, str]]:
    """(keys of the place to fix, what leads nowhere)."""
    if isinstance(node, Outcome) or node.next:
        return []
    if isinstance(node, Question) and node.style == "yes_no":
        return [((), name) for name, target in (("answer yes", node.if_yes), ("answer no", node.if_no))
                if not target]
    if isinstance(node, Question) and node.style == "single":
        return [(("options", i), f"option '{o.value}'") for i, o in enumerate(node.options) if not o.next]
    return [((), "this node")]


def check_cycles(library: Library) -> Iterator[Problem]:
    """A walk must always end: no loop inside a tree, and no tree that hands over back to itself."""
    colour: dict[str, int] = {}
    for tree in library.trees.values():
        for start in tree.nodes.values():
            yield from _cycles_from(start.qid, library, colour)


def _cycles_from(root: str, library: Library, colour: dict) -> Iterator[Problem]:
    if colour.get(root):
        return
    stack = [(root, iter(children(root, library)))]
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
            node = library.node(qid)
            yield _at(_link_where(node, kid), "cycle: " + " -> ".join(loop), "cycle", node=node.id)
        elif not colour.get(kid):
            colour[kid] = 1
            path.append(kid)
            stack.append((kid, iter(children(kid, library))))


def _link_where(node: Node, target: str):
    """Where `node`'s link to `target` is written (its `next:`, option or `tree:`), else the node."""
    if isinstance(node, Handover):
        return node.where.at("tree") if target.startswith(f"{node.target}/") else node.where.at("next")
    keys = next((keys for keys, _, t in keyed_targets(node) if t == target), ())
    return node.where.at(*keys)


def check_unreachable(library: Library) -> Iterator[Problem]:
    for tree in library.trees.values():
        if tree.start not in tree.nodes:
            continue
        reached = reachable(library.start_of(tree.id), library)
        for node in tree.nodes.values():
            if node.qid not in reached:
                yield _at(node, f"unreachable: no path from `start` ({tree.start}) leads here", "unreachable",
                          severity="warning", node=node.id)


def check_unused_entries(library: Library) -> Iterator[Problem]:
    outcomes = [n for t in library.trees.values() for n in t.nodes.values() if isinstance(n, Outcome)]
    for section in ("findings", "exercises", "advice"):
        used = {entry for o in outcomes for entry in getattr(o, section)} | _used_by_plans(library, section, outcomes)
        for entry_id, entry in getattr(library, section).items():
            if entry_id not in used:
                yield _at(entry, f"{section} entry '{entry_id}' is not used by any outcome", "unused",
                          severity="warning")


def _used_by_plans(library: Library, section: str, outcomes: list[Outcome]) -> set[str]:
    """Exercises and advice the plan builder can give: serving a finding some outcome records, or named by
    the catalogue's plan rules (every plan's advice, the fill list)."""
    if section == "findings":
        return set()
    found = {f for o in outcomes for f in o.findings}
    entries = getattr(library, section).values()
    named = set(library.plan.advice if section == "advice" else library.plan.fill) if library.plan else set()
    return named | {e.id for e in entries if found & set(e.serves)}


def check_plan_stage_one(library: Library) -> Iterator[Problem]:
    """The first plan is stage 1: warn about a finding whose own exercises cannot give a stage-1 routine,
    because its plan would then be made mostly of the general fill list."""
    for finding in library.findings.values():
        mine = [e for e in library.exercises.values() if finding.id in e.serves and e.in_routine]
        if mine and not any(e.stage == 1 for e in mine):
            yield _at(finding, f"finding '{finding.id}' has no stage-1 exercise, so its first plan cannot start "
                      "with its own exercises (give one of them `stage: 1`)", "plan-stage", severity="warning")


# --- safety ----------------------------------------------------------------------------------------------


def check_entry_screens_first(library: Library) -> Iterator[Problem]:
    """Every entry tree hands over to a red-flag screen before it asks anything else."""
    for tree in library.trees.values():
        if tree.role in ENTRY_ROLES and not _screens_first(tree, library):
            yield _at(tree.where, f"entry tree '{tree.id}' must hand over to a red-flag screen (a tree with "
                      "`role: red_flags`) before anything but info steps", "red-flags-first")


def _screens_first(tree: Tree, library: Library) -> bool:
    node, seen = tree.nodes.get(tree.start), set()
    while isinstance(node, Info) and node.ask_if is None and node.next and node.id not in seen:
        seen.add(node.id)
        node = library.node(node.next) if library.has_node(node.next) else None
    return (isinstance(node, Handover) and node.ask_if is None and node.target in library.trees
            and library.trees[node.target].role == "red_flags")


def check_safety(library: Library) -> Iterator[Problem]:
    """Red flags and author invariants, proved over every path with one set of memoised guarantees."""
    guarantees = safety.Guarantees(library)
    yield from _red_flags(library, guarantees)
    yield from _invariants(library, guarantees)


def _red_flags(library: Library, guarantees: safety.Guarantees) -> Iterator[Problem]:
    for tree in library.trees.values():
        for node in tree.nodes.values():
            if isinstance(node, Question) and node.red_flag:
                broken = safety.violation(guarantees, node, True, node.red_flag)
                if broken:
                    yield _at(node.where.at("red_flag"), f"red flag ({node.red_flag}): {broken}", "red-flag",
                              node=node.id)
            if isinstance(node, Question) and node.style == "multi":
                yield from _checklist_red_flags(guarantees, node)


def _checklist_red_flags(guarantees: safety.Guarantees, node: Question) -> Iterator[Problem]:
    """A ticked red-flag option must guarantee its level whatever else is ticked, like a yes answer."""
    for i, option in enumerate(node.options):
        if option.red_flag:
            broken = safety.violation(guarantees, node, option.value, option.red_flag)
            if broken:
                yield _at(node.where.at("options", i, "red_flag"), f"red flag ({option.red_flag}) on option "
                          f"'{option.value}': {broken}", "red-flag", node=node.id)


def check_cautions_decided(library: Library) -> Iterator[Problem]:
    """A test unsafe with a caution comes only after every question the caution depends on, on every path."""
    for late in decided.too_late(library):
        node = late.node
        yield _at(node.unsafe_where or node, f"'{node.id}' is unsafe with caution '{late.caution}', but in entry "
                  f"tree '{late.entry}' a walk can reach it before '{late.question}' is asked, so the caution may "
                  f"not be decided yet; ask '{late.question}' on every path before it", "caution-order",
                  node=node.id)


def _invariants(library: Library, guarantees: safety.Guarantees) -> Iterator[Problem]:
    for tree in library.trees.values():
        for inv in tree.invariants:
            node = library.node(inv.node) if library.has_node(inv.node) else None
            if isinstance(node, Question):
                broken = safety.violation(guarantees, node, inv.value, inv.urgency_at_least)
                if broken:
                    yield _at(inv.where, f"invariant '{inv.name}': {broken}", "invariant", node=node.id)


CHECKS: dict[str, Callable[[Library], Iterator[Problem]]] = {
    "dead-end": check_dead_ends,
    "cycle": check_cycles,
    "unreachable": check_unreachable,
    "unused": check_unused_entries,
    "plan-stage": check_plan_stage_one,
    "red-flags-first": check_entry_screens_first,
    "safety": check_safety,
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
    steps: dict | None = None
    ran: bool = True  # False when errors kept the scenarios from running (so coverage means nothing)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "warning"]


STRUCTURAL = ("cycle", "dead-end")  # a walk could loop or stall: scenarios cannot run


def run_checks(loaded: Loaded) -> Report:
    """Every check runs even when some files failed to load, so one report shows every fault at once; but
    scenarios run only on a library without errors, so a wrong id can never crash a scenario mid-walk."""
    library, problems = loaded.library, list(loaded.problems)
    for check in CHECKS.values():
        problems += check(library)
    ran = not any(p.severity == "error" and (p in loaded.problems or p.code in STRUCTURAL) for p in problems)
    results = _scenario_results(library) if ran else []
    problems += [_scenario_problem(r) for r in results if not r.passed]
    stats = steps.step_stats(library, results)
    problems += steps.budget_problems(library, stats)
    outcomes = sorted(n.qid for t in library.trees.values() for n in t.nodes.values() if isinstance(n, Outcome))
    covered = sorted({q for r in results for q in r.reached} & set(outcomes))
    graph = GraphInfo(library)
    paths = {t: graph.tree_paths(t) for t in sorted(library.trees) if library.trees[t].start in library.trees[t].nodes}
    return Report(loaded, fold_follow_ons(sorted(set(problems)), library), results, paths, outcomes, covered,
                  stats, ran)


def fold_follow_ons(problems: list[Problem], library: Library) -> list[Problem]:
    """One root cause, one message: a node cut off only because a link has a typo in it (it would be
    reached if the link led to the id it most looks like) is counted on that link's error as "and N
    follow-on problems" instead of listed as unreachable."""
    for tree in library.trees.values():
        roots = [p for p in problems if p.code == "reference" and p.file == tree.where.file
                 and ("leads to '" in p.message or "`start` names '" in p.message)]
        if not roots:
            continue
        reach = _reach_if_typos_fixed(tree, library)
        follow = [p for p in problems if p.code == "unreachable" and p.file == tree.where.file
                  and f"{tree.id}/{p.node}" in reach]
        if follow:
            counted = replace(roots[0], message=f"{roots[0].message} (and {len(follow)} follow-on problem"
                              f"{'s' * (len(follow) != 1)}: nodes it cut off from `start`)")
            problems = [counted if p is roots[0] else p for p in problems if p not in follow]
    return problems


def _reach_if_typos_fixed(tree: Tree, library: Library) -> set[str]:
    """The nodes of `tree` reached from `start` if every link to a missing id led to its closest id."""
    def fixed(qid: str) -> str | None:
        return qid if library.has_node(qid) else _closest_in(tree, qid.split("/", 1)[1])
    start = fixed(f"{tree.id}/{tree.start}")
    seen: set[str] = {start} if start else set()
    frontier = [start] if start else []
    while frontier:
        for _, _, target in keyed_targets(library.node(frontier.pop())):
            kid = fixed(target)
            if kid and kid not in seen:
                seen.add(kid)
                frontier.append(kid)
    return seen


def _closest_in(tree: Tree, node_id: str) -> str | None:
    guess = closest(node_id, tree.nodes)
    return f"{tree.id}/{guess}" if guess else None


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
        "scenarios": {"ran": report.ran, "passed": passed, "failed": len(report.scenarios) - passed,
                      "results": [r.as_dict() for r in report.scenarios]},
        "steps": report.steps or {},
    }


def report_text(report: Report, own_files: tuple[str, ...] = ()) -> str:
    """One problem a line, then totals; coverage only when the scenarios ran; then a line for each of the
    author's own trees (those from `own_files`), so their result is not lost among the bundled totals."""
    library = report.loaded.library
    lines = [str(p) for p in report.problems]
    nodes = sum(len(t.nodes) for t in library.trees.values())
    lines += ["", f"{len(library.files)} files, {len(library.trees)} trees, {nodes} nodes; "
                  f"{len(report.errors)} errors, {len(report.warnings)} warnings"]
    lines += _scenario_lines(report) if report.ran else [
        "scenarios: not run, because of the errors above; outcome coverage: not measured"]
    entries = [t for t in library.trees.values() if t.role in ENTRY_ROLES] or list(library.trees.values())
    lines += [f"paths through {t.id}: {report.paths[t.id]:,}" for t in entries if t.id in report.paths]
    lines += steps.stats_lines(report.steps or {})
    lines += [_own_tree_line(report, t) for t in library.trees.values() if t.where.file in own_files]
    return "\n".join(lines)


def _scenario_lines(report: Report) -> list[str]:
    passed = sum(r.passed for r in report.scenarios)
    uncovered = sorted(set(report.outcomes) - set(report.covered))
    return [f"scenarios: {passed} passed, {len(report.scenarios) - passed} failed",
            f"outcome coverage: {len(report.covered)}/{len(report.outcomes)} outcomes reached by a scenario",
            *(f"  not reached: {q}" for q in uncovered)]


def _own_tree_line(report: Report, tree: Tree) -> str:
    """`your tree ID (FILE): ...` with its own scenarios and coverage, or why they did not run."""
    head = f"your tree {tree.id} ({tree.where.file}): {len(tree.nodes)} nodes"
    if not report.ran:
        return f"{head}; scenarios not run (fix the errors above first)"
    mine = [r for r in report.scenarios if r.scenario in tree.scenarios]
    outcomes = [q for q in report.outcomes if q.startswith(f"{tree.id}/")]
    reached = [q for q in outcomes if q in report.covered]
    missing = [q.split("/", 1)[1] for q in outcomes if q not in reached]
    return (f"{head}; scenarios {sum(r.passed for r in mine)}/{len(mine)} passed; "
            f"outcomes reached {len(reached)}/{len(outcomes)}" + (f" (not reached: {', '.join(missing)})"
                                                                   if missing else ""))


def own_files(loaded: Loaded, paths: list) -> tuple[str, ...]:
    """The loaded files that came from paths the author named (not the bundled trees)."""
    named = [Path(p).absolute() for p in paths]
    return tuple(f for f in loaded.library.files
                 if any(Path(f).absolute() == n or n in Path(f).absolute().parents for n in named))


def check_command(args) -> int:
    paths = list(args.paths) + list(args.trees)
    loaded = collect(paths)
    report = run_checks(loaded)
    if args.json:
        json.dump(report_json(report), sys.stdout, indent=2)
        sys.stdout.write("\n")
    else:
        print(terminal_safe(report_text(report, own_files(loaded, paths))))
    return 1 if report.errors else 0
