"""The shape of the trees as a graph: successors, children, reachability, longest paths and path counts.

The one traversal shared by the engine (progress, "because you said"), the author checks (`lint`) and the
safety proofs (`safety`): `children` (a handover's called tree included) and `post_order` (one memoised
pass over everything below a node). Everything is computed by
memoised post-order passes, never by enumerating paths and never by recursion, so a 10,000-node chain
costs linear time and no stack. Trees are meant to be acyclic (`check` reports cycles); on a cycle these
functions stay finite and simply stop counting at the repeated node.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeGuard, TypeVar

from wizard.content.model import Handover, Library, Node, Outcome, targets

T = TypeVar("T")


def successors(node: Node, library: Library) -> list[str]:
    """Nodes of the same tree that can follow `node` (a handover continues at its `next`)."""
    if isinstance(node, Outcome) and node.ends_walk:
        return []
    return list(dict.fromkeys(t for _, t in targets(node) if library.has_node(t)))


def edge_counts(node: Node, library: Library) -> dict[str, int]:
    """target -> how many distinct edges lead there (two options with the same `next` are two paths)."""
    ways: dict[str, int] = {}
    if isinstance(node, Outcome) and node.ends_walk:
        return ways
    for _, target in targets(node):
        if library.has_node(target):
            ways[target] = ways.get(target, 0) + 1
    return ways


def children(qid: str, library: Library) -> list[str]:
    """What can follow `qid`, plus the start of the tree a (live) handover calls: every next step of a walk."""
    node = library.node(qid)
    kids = successors(node, library)
    if isinstance(node, Handover) and node.target in library.trees:
        kids.append(library.start_of(node.target))
    return kids


def post_order(root: str, memo: dict[str, T], kids: Callable[[str], list[str]],
               combine: Callable[[str], T]) -> T:
    """Fill `memo` for `root` and everything below it, children before parents, without recursion.

    `combine(qid)` runs once a node's children are in `memo` (on a cycle, the repeated child is simply
    missing, so `combine` must read `memo` with a default)."""
    stack, open_ = [(root, False)], set()
    while stack:
        qid, ready = stack.pop()
        if qid in memo:
            continue
        if ready:
            memo[qid] = combine(qid)
            open_.discard(qid)
            continue
        open_.add(qid)
        stack.append((qid, True))
        stack += [(k, False) for k in kids(qid) if k not in memo and k not in open_]
    return memo[root]


def reachable(start: str, library: Library) -> set[str]:
    """Every node of `start`'s tree reachable from it, itself included: one pass, linear in the tree."""
    seen, frontier = {start}, [start]
    while frontier:
        for kid in successors(library.node(frontier.pop()), library):
            if kid not in seen:
                seen.add(kid)
                frontier.append(kid)
    return seen


class GraphInfo:
    """Memoised facts about one library's graph. Build once per library and reuse."""

    def __init__(self, library: Library):
        self.library = library
        self._longest: dict[str, int] = {}
        self._paths: dict[str, tuple[int, int]] = {}
        self._leads_to: dict[str, frozenset] = {}
        self._preds: dict[str, dict[str, list[str]]] = {}

    def _kids(self, qid: str) -> list[str]:
        return children(qid, self.library)

    def leads_to(self, target: str) -> frozenset:
        """Every node of the same tree from which `target` can be reached (itself included).

        One backward pass per target, cached: linear, where per-node forward sets would be quadratic.
        """
        if target not in self._leads_to:
            preds = self._predecessors(target.partition("/")[0])
            seen, frontier = {target}, [target]
            while frontier:
                for parent in preds.get(frontier.pop(), ()):
                    if parent not in seen:
                        seen.add(parent)
                        frontier.append(parent)
            self._leads_to[target] = frozenset(seen)
        return self._leads_to[target]

    def _predecessors(self, tree_id: str) -> dict[str, list[str]]:
        """Parents of each node of one tree (successors never leave their tree, so one tree is enough)."""
        if tree_id not in self._preds:
            preds = self._preds[tree_id] = {}
            for node in self.library.trees[tree_id].nodes.values():
                for kid in successors(node, self.library):
                    preds.setdefault(kid, []).append(node.qid)
        return self._preds[tree_id]

    def longest(self, qid: str) -> int:
        """The most asking steps a walk can still take from `qid` to the end of its tree (handovers included)."""
        memo = self._longest

        def combine(q: str) -> int:
            node = self.library.node(q)
            nested = memo.get(self.library.start_of(node.target), 0) if self._is_live_handover(node) else 0
            after = max((memo.get(n, 0) for n in successors(node, self.library)), default=0)
            return (1 if node.asks else 0) + nested + after
        return post_order(qid, memo, self._kids, combine)

    def paths(self, qid: str) -> int:
        """How many distinct structural walks lead from `qid` to an end (handovers multiply)."""
        returning, ending = self._path_split(qid)
        return returning + ending

    def _path_split(self, qid: str) -> tuple[int, int]:
        """(walks that reach the end of the tree and return, walks that end the whole walk on the way)."""
        memo = self._paths

        def combine(q: str) -> tuple[int, int]:
            node = self.library.node(q)
            if isinstance(node, Outcome) and node.ends_walk:
                return (0, 1)
            ways = edge_counts(node, self.library)
            after = (sum(memo.get(t, (0, 0))[0] * n for t, n in ways.items()),
                     sum(memo.get(t, (0, 0))[1] * n for t, n in ways.items())) if ways else (1, 0)
            if not self._is_live_handover(node):
                return after
            inner_ret, inner_end = memo.get(self.library.start_of(node.target), (0, 0))
            if node.ask_if is not None:  # skipped handovers are walks too
                inner_ret += 1
            return inner_ret * after[0], inner_end + inner_ret * after[1]
        return post_order(qid, memo, self._kids, combine)

    def tree_paths(self, tree_id: str) -> int:
        return self.paths(self.library.start_of(tree_id)) if tree_id in self.library.trees else 0

    def _is_live_handover(self, node: Node) -> TypeGuard[Handover]:
        return isinstance(node, Handover) and node.target in self.library.trees
