"""Cross-reference checks that need the whole library: targets, trees, catalogue ids, conditions, scenarios.

These run at load time because a dangling reference would otherwise surface as a crash mid-walk, in front
of a person in pain. Each check is a small generator of `Problem`s, assembled from a table by node kind.
"""

from __future__ import annotations

from typing import Iterator

from wizard.content import conditions
from wizard.content.answers import check_answer
from wizard.errors import AnswerError, Problem
from wizard.content.model import Library, Node, Outcome, Question, Tree, Where, targets


def cross_references(library: Library) -> list[Problem]:
    problems: list[Problem] = []
    for tree in library.trees.values():
        problems += _tree_problems(tree, library)
    for exercise in library.exercises.values():
        for finding in exercise.serves:
            if finding not in library.findings:
                problems.append(_at(exercise.where, f"exercise '{exercise.id}' serves unknown finding '{finding}'"))
    return problems


def _at(where: Where, message: str, node: str | None = None, code: str = "reference") -> Problem:
    return Problem(where.file, where.line, where.col, message, node=node, code=code)


def _tree_problems(tree: Tree, library: Library) -> Iterator[Problem]:
    if tree.start not in tree.nodes:
        yield _at(tree.where, f"`start` names '{tree.start}', which is not a node of this tree")
    for node in tree.nodes.values():
        for message in _node_messages(node, library):
            yield _at(node.where, message, node.id)
    for scenario in tree.scenarios:
        for message in _scenario_messages(scenario, tree, library):
            yield _at(scenario.where, f"scenario '{scenario.name}': {message}", code="scenario")
    for invariant in tree.invariants:
        for message in _invariant_messages(invariant, library):
            yield _at(invariant.where, f"invariant '{invariant.name}': {message}")


def _node_messages(node: Node, library: Library) -> Iterator[str]:
    for name, target in targets(node):
        if not library.has_node(target):
            yield f"{name} leads to '{target.split('/', 1)[1]}', which is not a node of this tree"
    if node.ask_if is not None and node.next is None:
        yield "a node with `ask_if` needs a `next` for when it is skipped"
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
            yield "`red_flag` belongs to yes_no questions only"
    values = [o.value for o in node.options]
    for value in {v for v in values if values.count(v) > 1}:
        yield f"option value '{value}' is used twice"
    if node.style != "single" and any(o.next for o in node.options):
        yield "an option's `next` works only in single-choice questions; use `branches` for multi choice"
    if node.style != "multi" and any(o.exclusive for o in node.options):
        yield "`exclusive` works only in multi-choice questions"


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
        qid = ref if "/" in ref else f"{tree.id}/{ref}"
        if not library.has_node(qid):
            yield f"`given` names '{ref}', which does not exist"
            continue
        try:
            check_answer(library.node(qid), value)
        except AnswerError as exc:
            yield f"`given` {ref}: {exc}"
    for ref in scenario.expect.get("outcomes", ()):
        qid = ref if "/" in ref else f"{tree.id}/{ref}"
        if not library.has_node(qid) or library.node(qid).kind != "outcome":
            yield f"`expect` names outcome '{ref}', which is not an outcome node"
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
