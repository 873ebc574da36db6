"""Honest progress: how many more steps this person can expect, from the answers they have given.

The engine's `Session.progress` counts the longest path left, a worst case that made a 50-step walk look
like 100. Here the walk is replayed once with the real answers and, for every node not answered yet, the
answer an author marks `likely` (else the first option, "no", nothing ticked, a negative test, the middle
of a measure's range). The path that follows is the expected path: its length is "about N more", and its
self-tests' `minutes` give the welcome screen's time estimate. If the person gives the assumed answer the
count drops by exactly one; any other answer changes it only by the steps that answer adds or removes.
"""

from __future__ import annotations

from wizard.content.model import Info, Library, Measure, Node, Question, SelfTest
from wizard.walk.engine import Progress, Walker
from wizard.walk.graph import GraphInfo

TEST_MINUTES = 2.0       # a self-test without `minutes`: both sides, reading included
STEP_MINUTES = 0.25      # any other screen: about fifteen seconds to read and answer


def likely_answer(node: Node) -> object:
    """The answer assumed for a node nobody has answered yet."""
    if isinstance(node, Question):
        return _likely_choice(node)
    if isinstance(node, SelfTest):
        return "neither" if node.sided else "negative"
    if isinstance(node, Measure):
        middle = (node.min + node.max) / 2
        return int(middle) if node.integer else middle
    return True if isinstance(node, Info) else None


def _likely_choice(node: Question) -> object:
    if node.style == "yes_no":
        return bool(node.likely)
    marked = [o.value for o in node.options if o.likely]
    if node.style == "multi":
        alone = [o.value for o in node.options if o.exclusive][:1] if node.at_least_one else []
        return marked or alone
    return marked[0] if marked else node.options[0].value


class _Assumed(dict):
    """The real answers, plus the likely answer for any node the walk reaches unanswered."""

    def __init__(self, library: Library, answers: dict):
        super().__init__(answers)
        self.library = library

    def __contains__(self, qid: object) -> bool:
        return True

    def __missing__(self, qid: str) -> object:
        value = likely_answer(self.library.node(qid))
        self[qid] = value
        return value


def expected_path(library: Library, tree_id: str, answers: dict, graph: GraphInfo | None = None) -> list[str]:
    """Every step (answered or assumed) of the walk the current answers make most likely, in order."""
    walker = Walker(library, graph or GraphInfo(library), _Assumed(library, answers))
    return list(walker.run(tree_id).steps)


def expected(session) -> Progress:
    """`Progress(done, remaining)` for this session, `remaining` counted along the expected path."""
    done = len(session.walk.steps)
    if session.current is None:
        return Progress(done, 0)
    return Progress(done, max(len(session.expected_path()) - done, 1))


def expected_minutes(library: Library, tree_id: str, answers: dict | None = None,
                     graph: GraphInfo | None = None) -> float:
    """About how many minutes a walk takes along the expected path (pass `graph` when asking for several
    trees of one library: its memoised facts are then shared)."""
    return path_minutes(library, expected_path(library, tree_id, answers or {}, graph))


def path_minutes(library: Library, path: list[str]) -> float:
    """Each self-test's `minutes` (or a default), and a few seconds for every other screen."""
    return sum(_minutes(library.node(q)) for q in path)


def _minutes(node: Node) -> float:
    if isinstance(node, SelfTest):
        return node.minutes or TEST_MINUTES
    return STEP_MINUTES


def minutes_words(minutes: float) -> str:
    """"about 15 minutes", rounded to 5 minutes above 10 so it does not promise false precision."""
    rounded = max(1, round(minutes)) if minutes < 10 else 5 * round(minutes / 5)
    return f"about {rounded} minute{'s' if rounded != 1 else ''}"
