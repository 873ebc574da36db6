"""Cross-reference checks that need the whole library: targets, trees, catalogue ids, conditions, scenarios.

These run at load time because a dangling reference would otherwise surface as a crash mid-walk, in front
of a person in pain. Each check is a small generator of `Problem`s, assembled from a table by node kind.
"""

from __future__ import annotations

import difflib
from typing import Iterator

from wizard.content import conditions
from wizard.content.answers import check_answer
from wizard.errors import AnswerError, Problem
from wizard.content.model import Library, Node, Outcome, Question, Tree, Where, qualify


def cross_references(library: Library) -> list[Problem]:
    problems: list[Problem] = []
    for tree in library.trees.values():
        problems += _tree_problems(tree, library)
    for exercise in library.exercises.values():
        for finding in exercise.serves:
            if finding not in library.findings:
                problems.append(_at(exercise.where, f"exercise '{exercise.id}' serves unknown finding '{finding}'"))
        problems += [_at(exercise.unsafe_where or exercise.where, f"exercise '{exercise.id}': {message}")
                     for message in unknown_cautions(exercise.unsafe_with, library)]
    for caution in library.cautions.values():
        problems += [_at(caution.where, f"caution '{caution.id}': {message}")
                     for message in _caution_messages(caution, library)]
    return problems


def unknown_cautions(ids: tuple[str, ...], library: Library) -> Iterator[str]:
    """A sentence (with a did-you-mean) for every `unsafe_with` id that no catalogue defines."""
    for caution in ids:
        if caution not in library.cautions:
            close = difflib.get_close_matches(caution, list(library.cautions), n=1)
            hint = f" (did you mean '{close[0]}'?)" if close else ""
            known = ", ".join(library.cautions) or "none"
            yield f"`unsafe_with` names caution '{caution}', which no catalogue defines{hint}; known cautions: {known}"


def _caution_messages(caution, library: Library) -> Iterator[str]:
    unqualified = sorted(r[1:] for r in conditions.refs(caution.when) if r.startswith("/"))
    for ref in unqualified:
        yield f"`when` names '{ref}' without its tree; write it as tree-id/node-id"
    if not unqualified:
        yield from conditions.check_condition(caution.when, library)


def _at(where: Where, message: str, node: str | None = None, code: str = "reference") -> Problem:
    return Problem(where.file, where.line, where.col, message, node=node, code=code)


def _tree_problems(tree: Tree, library: Library) -> Iterator[Problem]:
    if tree.start not in tree.nodes:
        yield _at(tree.where, f"`start` names '{tree.start}', which is not a node of this tree")
    for node in tree.nodes.values():
        for message in _node_messages(node, library):
            yield _at(node.where, message, node.id)
        for message in unknown_cautions(node.unsafe_with, library):
            yield _at(node.unsafe_where or node.where, message, node.id)
    for scenario in tree.scenarios:
        for message in _scenario_messages(scenario, tree, library):
            yield _at(scenario.where, f"scenario '{scenario.name}': {message}", code="scenario")
    for invariant in tree.invariants:
        for message in _invariant_messages(invariant, library):
            yield _at(invariant.where, f"invariant '{invariant.name}': {message}")


def targets(node: Node) -> list[tuple[str, str]]:
    """(field name, qualified target) for every node this one can lead to directly."""
    found = [("next", node.next)] + [("branch", b.next) for b in node.branches]
    if isinstance(node, Question):
        found += [("if_yes", node.if_yes), ("if_no", node.if_no)]
        found += [(f"option '{o.value}'", o.next) for o in node.options]
    return [(name, target) for name, target in found if target]


def _node_messages(node: Node, library: Library) -> Iterator[str]:
    for name, target in targets(node):
        if not library.has_node(target):
            yield f"{name} leads to '{target.split('/', 1)[1]}', which is not a node of this tree"
    if node.ask_if is not None and node.next is None:
        yield "a node with `ask_if` needs a `next` for when it is skipped"
    if node.unsafe_with and node.next is None:
        yield "a node with `unsafe_with` needs a `next` for when it is not offered"
    for condition in [node.ask_if] + [b.condition for b in node.branches]:
        yield from conditions.check_condition(condition, library)
    yield from _KIND_CHECKS.get(node.kind, lambda n, lib: iter(()))(node, library)


def _question_messages(node: Question, library: Library) -> Iterator[str]:
    if node.style == "yes_no":
        if node.options:
            yield "a yes_no question has no `options`; use `if_yes` / `if_no`"
    else:
        if len(node.options) < 2:
            yield f"a {node.style} question needs at least two `options`"
        if node.if_yes or node.if_no:
            yield "`if_yes` / `if_no` belong to yes_no questions only"
        if node.red_flag:
            yield "`red_flag` belongs to yes_no questions only (in a checklist, put it on the options)"
        if node.likely is not None:
            yield "a question's own `likely` belongs to yes_no questions; mark the likely option instead"
    if node.style != "multi" and any(o.red_flag for o in node.options):
        yield "an option's `red_flag` works only in multi-choice questions (checklists)"
    yield from _side_messages(node)
    values = [o.value for o in node.options]
    for value in {v for v in values if values.count(v) > 1}:
        yield f"option value '{value}' is used twice"
    if node.style != "single" and any(o.next for o in node.options):
        yield "an option's `next` works only in single-choice questions; use `branches` for multi choice"
    if node.style != "multi" and node.at_least_one:
        yield "`at_least_one` works only in multi-choice questions"
    if node.style != "multi" and any(o.exclusive for o in node.options):
        yield "`exclusive` works only in multi-choice questions"


def _side_messages(node: Question) -> Iterator[str]:
    if node.sets != "side":
        return
    if node.style != "single":
        yield "`sets: side` works only in single-choice questions"
    odd = [o.value for o in node.options if o.value not in ("left", "right", "both")]
    if odd:
        yield f"`sets: side` needs option values among left, right, both; not {', '.join(odd)}"


def _measure_messages(node, library: Library) -> Iterator[str]:
    if node.min >= node.max:
        yield f"`min` ({node.min}) must be below `max` ({node.max})"


def _handover_messages(node, library: Library) -> Iterator[str]:
    if node.target not in library.trees:
        known = ", ".join(sorted(library.trees)) or "none"
        yield f"hands over to tree '{node.target}', which is not loaded (loaded trees: {known})"


def _outcome_messages(node: Outcome, library: Library) -> Iterator[str]:
    for section in ("findings", "exercises", "advice"):
        table = getattr(library, section)
        for entry in getattr(node, section):
            if entry not in table:
                yield f"{section} entry '{entry}' is not in any catalogue"


_KIND_CHECKS = {
    "question": _question_messages,
    "measure": _measure_messages,
    "handover": _handover_messages,
    "outcome": _outcome_messages,
}


def _scenario_messages(scenario, tree: Tree, library: Library) -> Iterator[str]:
    for ref, value in scenario.given.items():
        qid = qualify(tree.id, ref)
        if not library.has_node(qid):
            yield f"`given` names '{ref}', which does not exist"
            continue
        try:
            check_answer(library.node(qid), value)
        except AnswerError as exc:
            yield f"`given` {ref}: {exc}"
    for ref in scenario.expect.get("outcomes", ()):
        qid = qualify(tree.id, ref)
        if not library.has_node(qid) or library.node(qid).kind != "outcome":
            yield f"`expect` names outcome '{ref}', which is not an outcome node"
    for ref in scenario.expect.get("not_asked", ()):
        if not library.has_node(qualify(tree.id, ref)):
            yield f"`expect` not_asked names '{ref}', which does not exist"
    for section in ("findings", "not_findings"):
        for finding in scenario.expect.get(section, ()):
            if finding not in library.findings:
                yield f"`expect` names finding '{finding}', which is not in any catalogue"


def _invariant_messages(invariant, library: Library) -> Iterator[str]:
    if not library.has_node(invariant.node):
        yield f"names '{invariant.node.split('/', 1)[1]}', which is not a node of this tree"
        return
    node = library.node(invariant.node)
    allowed = conditions.possible_values(node)
    if not isinstance(node, Question) or node.style == "multi" or allowed is None:
        yield "`when` must name a yes_no or single-choice question"
    elif not any(conditions.same(invariant.value, a) for a in allowed):
        yield f"'{invariant.node}' can never be {invariant.value!r}"
