"""Scenario tests: walk a tree with a patient story's answers and compare the result with what the author expects.

They drive the real engine, so a passing scenario is a walk a person could actually take.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from wizard.walk.engine import MAX_WALK, Session, WalkError
from wizard.errors import AnswerError
from wizard.content.model import Info, Library, Measure, Node, Question, Scenario, SelfTest, Tree, qualify


@dataclass
class ScenarioResult:
    tree: str
    scenario: Scenario
    failures: list[str] = field(default_factory=list)
    reached: list[str] = field(default_factory=list)
    urgency: str | None = None
    steps: int | None = None
    status: str | None = None
    findings: list[str] = field(default_factory=list)

    @property
    def emergency(self) -> bool:
        """True for a walk that ended at an emergency (counted apart in the step statistics)."""
        return self.status == "emergency" or self.urgency == "emergency"

    @property
    def passed(self) -> bool:
        return not self.failures

    def as_dict(self) -> dict:
        where = self.scenario.where
        return {"tree": self.tree, "name": self.scenario.name, "passed": self.passed, "failures": self.failures,
                "file": where.file, "line": where.line, "urgency": self.urgency or "none", "outcomes": self.reached,
                "steps": self.steps}


def _nothing_to_tick(node: Question) -> list:
    """A checklist with nothing to report: empty, or where an empty answer is refused, its "None of these";
    a list that must have a tick and offers no "none" (where it hurts) gets its likely or first option."""
    if not node.at_least_one:
        return []
    alone = [o.value for o in node.options if o.exclusive]
    likely = [o.value for o in node.options if o.likely]
    return (alone or likely or [node.options[0].value])[:1]


def negative_answer(node: Node) -> object:
    """The "nothing found" answer used for questions a scenario leaves out with `unlisted: negative`."""
    if isinstance(node, Question) and node.style == "yes_no":
        return False
    if isinstance(node, Question) and node.style == "multi":
        return _nothing_to_tick(node)
    if isinstance(node, SelfTest):
        return "neither" if node.sided else "negative"
    if isinstance(node, Info):
        return True
    return None


def run_scenario(library: Library, tree: Tree, scenario: Scenario) -> ScenarioResult:
    result = ScenarioResult(tree.id, scenario)
    given = {qualify(tree.id, ref): value for ref, value in scenario.given.items()}
    try:
        session = _walk(library, tree.id, given, scenario.unlisted, result)
    except WalkError as exc:
        result.failures.append(str(exc))
        return result
    if session is not None:
        _compare(session, given, scenario.expect, tree.id, result)
    return result


def _walk(library: Library, tree_id: str, given: dict, unlisted: str, result: ScenarioResult) -> Session | None:
    session = Session(library, tree_id)
    for _ in range(MAX_WALK):
        node = session.current
        if node is None:
            return session
        value = given[node.qid] if node.qid in given else (negative_answer(node) if unlisted == "negative" else None)
        if value is None:
            result.failures.append(f"the walk asks '{node.qid}' ({_kind(node)}), which `given` does not answer")
            return None
        try:
            session.answer(value)
        except AnswerError as exc:
            result.failures.append(f"answer for '{node.qid}' does not fit: {exc}")
            return None
    raise WalkError("the walk did not end")


def _kind(node: Node) -> str:
    if isinstance(node, Measure):
        return "a measure: always give it"
    if isinstance(node, Question):
        return f"{node.style} question"
    return node.kind


def _compare(session: Session, given: dict, expect: dict, tree_id: str, result: ScenarioResult) -> None:
    outcome = session.result()
    result.reached = [o.qid for o in outcome.outcomes]
    result.urgency = outcome.urgency
    result.steps, result.status = len(session.walk.steps), session.status
    failures = result.failures
    shown = [ref for ref in expect.get("not_asked", ()) if qualify(tree_id, ref) in session.walk.steps]
    if shown:
        failures.append(f"asked what it must not: {', '.join(shown)}")
    unused = sorted(set(given) - set(session.walk.steps))
    if unused:
        failures.append(f"`given` answers questions this walk never asks: {', '.join(unused)}")
    if "urgency" in expect and (outcome.urgency or "none") != expect["urgency"]:
        failures.append(f"expected urgency {expect['urgency']}, got {outcome.urgency or 'none'}")
    for ref in expect.get("outcomes", ()):
        if qualify(tree_id, ref) not in result.reached:
            failures.append(f"expected to reach outcome '{ref}'; reached: {', '.join(result.reached) or 'none'}")
    found = {f.finding.id for f in outcome.findings}
    result.findings = sorted(found)
    if "findings" in expect and found != set(expect["findings"]):
        failures.append(f"expected findings {sorted(expect['findings'])}, got {sorted(found)}")
    unwanted = found & set(expect.get("not_findings", ()))
    if unwanted:
        failures.append(f"findings that must not appear did: {', '.join(sorted(unwanted))}")
