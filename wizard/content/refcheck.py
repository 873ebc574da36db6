"""Cross-reference checks that need the whole library: targets, trees, catalogue ids, conditions, scenarios.

These run at load time because a dangling reference would otherwise surface as a crash mid-walk, in front
of a person in pain. Each check is a small generator of `Problem`s, assembled from a table by node kind.
"""

from __future__ import annotations

import difflib
from typing import Iterator

from wizard.content import conditions
from wizard.content.suggest import did_you_mean
from wizard.content.answers import check_answer
from wizard.errors import AnswerError, Problem
from wizard.content.model import Library, Node, Outcome, Question, Tree, Where, keyed_targets, qualify


def cross_references(library: Library) -> list[Problem]:
    problems: list[Problem] = []
    for tree in library.trees.values():
        problems += _tree_problems(tree, library)
    for exercise in library.exercises.values():
        for i, finding in enumerate(exercise.serves):
            if finding not in library.findings:
                problems.append(_at(exercise.where.at("serves", i), f"exercise '{exercise.id}' serves unknown "
                                    f"finding '{finding}'{did_you_mean(finding, library.findings)}"))
        problems += [_at(exercise.where, m) for m in _after_messages(exercise, library)]
        problems += [_at(exercise.unsafe_where or exercise.where, f"exercise '{exercise.id}': {message}")
                     for message in unknown_cautions(exercise.unsafe_with, library)]
    for advice in library.advice.values():
        problems += [_at(advice.where, f"advice '{advice.id}' excludes unknown exercise '{e}'")
                     for e in advice.excludes if e not in library.exercises]
        problems += [_at(advice.where, f"advice '{advice.id}' serves unknown finding '{f}'")
                     for f in advice.serves if f not in library.findings]
        problems += [_at(advice.where, f"advice '{advice.id}': {message}")
                     for message in unknown_cautions(advice.unsafe_with, library)]
    if library.plan is not None:
        problems += [_at(library.plan.where, m) for m in _plan_messages(library.plan, library)]
    for caution in library.cautions.values():
        problems += [_at(caution.where, f"caution '{caution.id}': {message}")
                     for message in _caution_messages(caution, library)]
    return problems


def _after_messages(exercise, library: Library) -> Iterator[str]:
    """`after` names exercises that must come first, so each must exist and sit at an earlier stage."""
    for other in exercise.after:
        if other not in library.exercises:
            yield f"exercise '{exercise.id}' comes after unknown exercise '{other}'"
        elif library.exercises[other].stage >= exercise.stage:
            yield (f"exercise '{exercise.id}' (stage {exercise.stage}) comes after '{other}', which is stage "
                   f"{library.exercises[other].stage}: give it a lower stage")


def _plan_messages(rules, library: Library) -> Iterator[str]:
    yield from (f"plan priority names unknown finding '{f}'" for f in rules.priority if f not in library.findings)
    yield from (f"plan advice names unknown advice '{a}'" for a in rules.advice if a not in library.advice)
    yield from (f"plan fill names unknown exercise '{e}'" for e in rules.fill if e not in library.exercises)
    for span, (low, high) in (("exercises", rules.exercises), ("minutes", rules.minutes)):
        if low > high:
            yield f"plan {span}: min {low:g} is more than max {high:g}"
    for name, rule in (("progress", rules.progress), ("step_back", rules.step_back)):
        if rule.when is not None:
            yield from (f"plan {name}: {m}" for m in conditions.check_condition(rule.when, library))


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
        yield _at(tree.where.at("start"), f"`start` names '{tree.start}', which is not a node of this tree"
                  f"{did_you_mean(tree.start, tree.nodes)}")
    for node in tree.nodes.values():
        for keys, message in _node_messages(node, library):
            yield _at(node.where.at(*keys), message, node.id)
        for message in unknown_cautions(node.unsafe_with, library):
            yield _at(node.unsafe_where or node.where, message, node.id)
    for scenario in tree.scenarios:
        for keys, message in _scenario_messages(scenario, tree, library):
            yield _at(scenario.where.at(*keys), f"scenario '{scenario.name}': {message}", code="scenario")
    for invariant in tree.invariants:
        for message in _invariant_messages(invariant, library):
            yield _at(invariant.where.at("when", "answer"), f"invariant '{invariant.name}': {message}")


def _node_messages(node: Node, library: Library) -> Iterator[tuple[tuple, str]]:
    """(keys of the field at fault, message) for everything wrong in one node."""
    for keys, name, target in keyed_targets(node):
        if not library.has_node(target):
            missing = target.split("/", 1)[1]
            yield keys, (f"{name} leads to '{missing}', which is not a node of this tree"
                         f"{did_you_mean(missing, library.trees[node.tree].nodes)}")
    if node.ask_if is not None and node.next is None:
        yield ("ask_if",), "a node with `ask_if` needs a `next` for when it is skipped"
    if node.unsafe_with and node.next is None:
        yield ("unsafe_with",), "a node with `unsafe_with` needs a `next` for when it is not offered"
    for keys, condition in [(("ask_if",), node.ask_if)] + [(("branches", i, "if"), b.condition)
                                                          for i, b in enumerate(node.branches)]:
        yield from ((keys, message) for message in conditions.check_condition(condition, library))
    yield from _KIND_CHECKS.get(node.kind, lambda n, lib: iter(()))(node, library)


def _question_messages(node: Question, library: Library) -> Iterator[tuple[tuple, str]]:
    if node.style == "yes_no":
        if node.options:
            yield ("options",), "a yes_no question has no `options`; use `if_yes` / `if_no`"
    else:
        if len(node.options) < 2:
            yield ("options",), f"a {node.style} question needs at least two `options`"
        if node.if_yes or node.if_no:
            yield ("if_yes" if node.if_yes else "if_no",), "`if_yes` / `if_no` belong to yes_no questions only"
        if node.red_flag:
            yield ("red_flag",), "`red_flag` belongs to yes_no questions only (in a checklist, put it on the options)"
        if node.likely is not None:
            yield ("likely",), "a question's own `likely` belongs to yes_no questions; mark the likely option instead"
        if node.plan_weeks:
            yield ("plan_weeks",), "`plan_weeks` belongs to yes_no questions only"
    for i, option in enumerate(node.options):
        if node.style != "multi" and option.red_flag:
            yield ("options", i, "red_flag"), "an option's `red_flag` works only in multi-choice questions (checklists)"
    yield from ((("sets",), message) for message in _side_messages(node))
    values = [o.value for o in node.options]
    for i, value in enumerate(values):
        if value in values[:i]:
            yield ("options", i, "value"), f"option value '{value}' is used twice"
    if node.style != "multi" and node.at_least_one:
        yield ("at_least_one",), "`at_least_one` works only in multi-choice questions"
    for i, option in enumerate(node.options):
        if node.style != "single" and option.next:
            yield (("options", i, "next"), "an option's `next` works only in single-choice questions; "
                   "use `branches` for multi choice")
        if node.style != "multi" and option.exclusive:
            yield ("options", i, "exclusive"), "`exclusive` works only in multi-choice questions"


def _side_messages(node: Question) -> Iterator[str]:
    if node.sets != "side":
        return
    if node.style != "single":
        yield "`sets: side` works only in single-choice questions"
    odd = [o.value for o in node.options if o.value not in ("left", "right", "both")]
    if odd:
        yield f"`sets: side` needs option values among left, right, both; not {', '.join(odd)}"


def _measure_messages(node, library: Library) -> Iterator[tuple[tuple, str]]:
    if node.min >= node.max:
        yield ("min",), f"`min` ({node.min}) must be below `max` ({node.max})"


def _handover_messages(node, library: Library) -> Iterator[tuple[tuple, str]]:
    if node.target not in library.trees:
        known = ", ".join(sorted(library.trees)) or "none"
        yield ("tree",), (f"hands over to tree '{node.target}', which is not loaded"
                          f"{did_you_mean(node.target, library.trees)} (loaded trees: {known})")


def _outcome_messages(node: Outcome, library: Library) -> Iterator[tuple[tuple, str]]:
    for section in ("findings", "exercises", "advice"):
        table = getattr(library, section)
        for i, entry in enumerate(getattr(node, section)):
            if entry not in table:
                yield (section, i), (f"{section} entry '{entry}' is not in any catalogue"
                                     f"{did_you_mean(entry, table)} (see `hip-wizard catalogue`)")


_KIND_CHECKS = {
    "question": _question_messages,
    "measure": _measure_messages,
    "handover": _handover_messages,
    "outcome": _outcome_messages,
}


def _scenario_messages(scenario, tree: Tree, library: Library) -> Iterator[tuple[tuple, str]]:
    for ref, value in scenario.given.items():
        qid = qualify(tree.id, ref)
        if not library.has_node(qid):
            yield ("given", ref), f"`given` names '{ref}', which does not exist{_node_hint(qid, library)}"
            continue
        try:
            check_answer(library.node(qid), value)
        except AnswerError as exc:
            yield ("given", ref), f"`given` {ref}: {exc}"
    for i, ref in enumerate(scenario.expect.get("outcomes", ())):
        qid = qualify(tree.id, ref)
        if not library.has_node(qid) or library.node(qid).kind != "outcome":
            outcomes = [n.id for n in tree.nodes.values() if n.kind == "outcome"]
            yield (("expect", "outcomes", i), f"`expect` names outcome '{ref}', which is not an outcome node"
                   f"{did_you_mean(ref, outcomes)}")
    for i, ref in enumerate(scenario.expect.get("not_asked", ())):
        if not library.has_node(qualify(tree.id, ref)):
            yield (("expect", "not_asked", i), f"`expect` not_asked names '{ref}', which does not exist"
                   f"{_node_hint(qualify(tree.id, ref), library)}")
    for section in ("findings", "not_findings"):
        for i, finding in enumerate(scenario.expect.get(section, ())):
            if finding not in library.findings:
                yield (("expect", section, i), f"`expect` names finding '{finding}', which is not in any "
                       f"catalogue{did_you_mean(finding, library.findings)}")


def _node_hint(qid: str, library: Library) -> str:
    tree_id, _, node_id = qid.partition("/")
    if tree_id not in library.trees:
        return f" (there is no tree '{tree_id}'{did_you_mean(tree_id, library.trees)})"
    return did_you_mean(node_id, library.trees[tree_id].nodes)


def _invariant_messages(invariant, library: Library) -> Iterator[str]:
    if not library.has_node(invariant.node):
        tree_id, _, node_id = invariant.node.partition("/")
        yield (f"names '{node_id}', which is not a node of this tree"
               f"{did_you_mean(node_id, library.trees[tree_id].nodes)}")
        return
    node = library.node(invariant.node)
    allowed = conditions.possible_values(node)
    if not isinstance(node, Question) or node.style == "multi" or allowed is None:
        yield "`when` must name a yes_no or single-choice question"
    elif not any(conditions.same(invariant.value, a) for a in allowed):
        yield f"'{invariant.node}' can never be {invariant.value!r}"
