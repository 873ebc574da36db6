"""Graph facts used for progress and by the author checks, on small shapes whose answers are known."""

from __future__ import annotations

from wizard.walk import graph as graph_module
from wizard.walk.engine import Session
from wizard.walk.graph import GraphInfo, reachable

from .conftest import outcome, single, tree, yes_no


def test_reachable_longest_and_paths_on_a_diamond(make_library):
    nodes = {"a": single(["x", "y", "z"], options=[{"value": "x", "label": "X", "next": "b"},
                                                   {"value": "y", "label": "Y", "next": "c"},
                                                   {"value": "z", "label": "Z", "next": "c"}]),
             "b": yes_no(next="d"), "c": {"kind": "info", "text": "Read", "next": "d"},
             "d": yes_no(if_yes="yes", if_no="no"), "yes": outcome("Y"), "no": outcome("N")}
    graph = GraphInfo(make_library(tree("t", nodes)))
    assert reachable("t/b", graph.library) == {"t/b", "t/d", "t/yes", "t/no"}
    assert graph.longest("t/a") == 3 and graph.longest("t/d") == 1 and graph.longest("t/yes") == 0
    assert graph.paths("t/a") == 3 * 2          # two options share `c`: still two paths
    assert graph.tree_paths("t") == 6 and graph.tree_paths("missing") == 0


def test_handover_adds_the_other_trees_steps_and_multiplies_paths(make_library):
    screen = tree("screen", {"q": yes_no(if_yes="bad", if_no="ok"), "bad": outcome("Bad", "emergency"),
                             "ok": outcome("Ok", None)})
    main = tree("main", {"go": {"kind": "handover", "tree": "screen", "next": "more"},
                         "more": yes_no(if_yes="a", if_no="b"), "a": outcome("A"), "b": outcome("B")})
    graph = GraphInfo(make_library(screen, main))
    assert graph.longest("main/go") == 2
    assert graph.paths("screen/q") == 2
    assert graph.tree_paths("main") == 1 + 1 * 2  # the emergency ends the walk; "ok" goes on to two ends
    assert "screen/q" not in reachable("main/go", graph.library)  # reachable stays inside one tree


def test_long_chain_needs_no_recursion(make_library):
    size = 2000  # past Python's default recursion limit
    nodes = {f"n{i}": yes_no(next=f"n{i + 1}") for i in range(size)}
    nodes[f"n{size}"] = outcome()
    graph = GraphInfo(make_library(tree("chain", nodes, start="n0")))
    assert graph.longest("chain/n0") == size and graph.paths("chain/n0") == 1
    assert len(reachable("chain/n0", graph.library)) == size + 1


def test_cycles_stay_finite(make_library):
    """`check` reports cycles; until then the graph functions must still return."""
    nodes = {"a": yes_no(if_yes="b", if_no="end"), "b": yes_no(next="a"), "end": outcome()}
    graph = GraphInfo(make_library(tree("t", nodes)))
    assert reachable("t/a", graph.library) >= {"t/a", "t/b", "t/end"}
    assert graph.longest("t/a") >= 1 and graph.paths("t/a") >= 1


def test_walking_one_tree_never_scans_the_others(make_library, monkeypatch):
    """"Because you said" needs each outcome's predecessors; they must come from the walked tree only, or a
    big author tree beside the bundled ones makes every scenario and every session pay for it."""
    big = {f"n{i}": yes_no(next=f"n{i + 1}") for i in range(2000)}
    big["n2000"] = outcome()
    small = {"q": yes_no(if_yes="a", if_no="b"), "a": outcome("A"), "b": outcome("B")}
    library = make_library(tree("big", big, start="n0"), tree("small", small))
    calls = []
    real = graph_module.successors
    monkeypatch.setattr(graph_module, "successors", lambda node, lib: calls.append(node.qid) or real(node, lib))
    session = Session(library, "small")
    session.answer(True)
    assert session.result().outcomes[0].reasons[0].qid == "small/q"
    assert not [q for q in calls if q.startswith("big/")]
