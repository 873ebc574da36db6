"""Hypothesis strategies that build random VALID trees: acyclic, every node kind, every condition form.

Nodes are numbered in walk order and only ever lead to later nodes, so the trees are acyclic by
construction; every asking node always has somewhere to go, so every walk must end at an outcome.
Conditions only name nodes that come earlier (or the node itself, for its own branches) and only use
values those nodes can produce, so a tree built here must load with no problems at all.
"""

from __future__ import annotations

import copy
import random

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

from wizard.content.model import SIDED_RESULTS, UNSIDED_RESULTS, Info, Measure, Question, SelfTest

from .conftest import EXAMPLES, collect, measure, multi, outcome, self_test, single, tree_text, yes_no

FAST = settings(max_examples=60, deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
TREES = settings(FAST, max_examples=40)

ASKING = ("yes_no", "single", "multi", "self_test", "unsided_test", "measure", "info")
BRANCHING = ("yes_no", "single", "multi", "self_test", "unsided_test", "measure")
URGENCY = st.sampled_from(["urgent", "routine", "self_care", None, "routine", "emergency"])
FINDINGS = {"findings": ["example-tendon"], "exercises": ["example-isometric"], "advice": ["example-sleep"]}


def _values(kind: str, node: dict) -> list:
    """The answers a node of this kind can give (measures: a few in range)."""
    table = {"yes_no": [True, False], "self_test": list(SIDED_RESULTS), "unsided_test": list(UNSIDED_RESULTS),
             "measure": [0, 3, 10], "info": [True]}
    return table.get(kind) or [o["value"] for o in node["options"]]


def _pick(draw, items: list):
    return items[draw(st.integers(0, len(items) - 1))]


def _some(draw, items: list, most: int) -> list:
    return [_pick(draw, items) for _ in range(draw(st.integers(1, most)))]


LEAF_FORMS = {
    "yes_no": lambda d, n, v: [{"answer": n, "is": _pick(d, v)}],
    "single": lambda d, n, v: [{"answer": n, "is": _pick(d, v)}, {"answer": n, "in": _some(d, v, 2)}],
    "multi": lambda d, n, v: [{"answer": n, "is": _pick(d, v)}],
    "self_test": lambda d, n, v: [{"positive": n, "side": _pick(d, ["any", "left", "right", "both"])},
                                  {"answer": n, "in": _some(d, v, 3)}],
    "unsided_test": lambda d, n, v: [{"positive": n}, {"answer": n, "is": _pick(d, v)}],
    "measure": lambda d, n, v: [{"answer": n, "at_least": _pick(d, v)}, {"answer": n, "at_most": _pick(d, v)}],
    "info": lambda d, n, v: [],
}


@st.composite
def leaf_condition(draw, known: list[tuple[str, str, dict]]):
    """One leaf naming a known node, with a value that node can really produce."""
    name, kind, node = _pick(draw, known)
    answered = {"answer": name, "answered": _pick(draw, [True, False])}
    forms = LEAF_FORMS[kind](draw, name, _values(kind, node)) + [answered]
    return _pick(draw, forms)


@st.composite
def condition(draw, known: list, depth: int = 2):
    """A leaf, or all / any / not / at-least-of around smaller conditions (hand-rolled: st.recursive is slow
    to build afresh for every node)."""
    form = _pick(draw, ["leaf", "leaf", "all", "any", "not", "of"]) if depth else "leaf"
    if form == "leaf":
        return draw(leaf_condition(known))
    if form == "not":
        return {"not": draw(condition(known, depth - 1))}
    items = [draw(condition(known, depth - 1)) for _ in range(draw(st.integers(1, 3)))]
    if form == "of":
        return {"at_least": draw(st.integers(1, len(items))), "of": items}
    return {form: items}


def _asking_node(draw, kind: str, later) -> dict:
    """A node of `kind` whose every way on goes to a later node."""
    builders = {
        "yes_no": lambda: yes_no(if_yes=later(), if_no=later()) if draw(st.booleans()) else yes_no(next=later()),
        "single": lambda: _single(draw, later),
        "multi": lambda: multi(["a", "b", "c"], next=later(),
                               options=[{"value": "a", "label": "A"}, {"value": "b", "label": "B"},
                                        {"value": "none", "label": "None", "exclusive": True}]),
        "self_test": lambda: self_test(next=later()),
        "unsided_test": lambda: self_test(sided=False, next=later()),
        "measure": lambda: measure(next=later()),
        "info": lambda: {"kind": "info", "text": "Read this.", "next": later()},
    }
    return builders[kind]()


def _red_flag(draw, node: dict, target: str, nodes: dict) -> None:
    """A red-flag yes/no: "yes" goes straight to an outcome at least as urgent as the flag says."""
    level = _pick(draw, ["routine", "urgent", "emergency"])
    higher = {"routine": ["routine", "urgent", "emergency"], "urgent": ["urgent", "emergency"],
              "emergency": ["emergency"]}[level]
    node.update(red_flag=level, if_yes=target, if_no=node.get("if_no") or node.pop("next"))
    nodes[target] = outcome(f"Warning sign {target}", _pick(draw, higher))


def _single(draw, later) -> dict:
    values = draw(st.lists(st.sampled_from(["no", "on", "left", "right", "maybe"]), min_size=2, max_size=4,
                           unique=True))
    node = single(values, next=later())
    for option in node["options"]:
        if draw(st.booleans()):
            option["next"] = later()
    return node


def _later(names: list[str], i: int):
    """Mostly the next node or the one after (so walks are long), sometimes any later node."""
    return st.one_of(st.just(names[i + 1]), st.sampled_from(names[i + 1:i + 3]), st.sampled_from(names[i + 1:]))


@st.composite
def tree_data(draw, tree_id: str = "main", sub: str | None = None, max_asking: int = 8) -> dict:
    """One valid tree; with `sub`, some nodes hand over to that tree."""
    count = draw(st.integers(min(3, max_asking), max_asking))
    ends = draw(st.integers(1, 3))
    names = [f"n{i}" for i in range(count)] + [f"end{i}" for i in range(ends)]
    nodes, known = {}, []
    for i in range(count):
        later = lambda i=i: draw(_later(names, i))  # noqa: E731
        kinds = list(ASKING) + (["handover"] if sub else []) + ["outcome_next"]
        kind = draw(st.sampled_from(kinds))
        if kind == "handover":
            node = {"kind": "handover", "tree": sub, "next": later()}
        elif kind == "outcome_next":
            node = outcome(f"Note {i}", draw(st.sampled_from(["urgent", "routine", "self_care", None])), next=later())
        else:
            node = _asking_node(draw, kind, later)
        own = known + ([(names[i], kind, node)] if kind in ASKING and kind != "info" else [])
        flagged = kind == "yes_no" and _pick(draw, [False, False, True])
        if flagged:
            _red_flag(draw, node, f"flag{i}", nodes)
        elif own and kind in BRANCHING and draw(st.booleans()):
            node["branches"] = [{"if": draw(condition(own)), "next": later()}
                                for _ in range(draw(st.integers(1, 2)))]
        if known and kind != "outcome_next" and draw(st.integers(0, 3)) == 0:
            node["ask_if"] = draw(condition(known))
            node.setdefault("next", later())
        nodes[names[i]] = node
        if kind in ASKING:
            known.append((names[i], kind, node))
    for name in names[count:]:
        extra = copy.deepcopy(FINDINGS) if draw(st.booleans()) else {}
        if _pick(draw, [False] * 5 + [True]):
            extra["end_walk"] = True
        nodes[name] = outcome(f"Outcome {name}", draw(URGENCY), **extra)
    return {"id": tree_id, "title": f"Tree {tree_id}", "version": "1.0.0", "start": "n0", "nodes": nodes}


@st.composite
def library_data(draw) -> list[dict]:
    """A main tree that may hand over to a small module tree."""
    sub = draw(tree_data("sub", max_asking=3))
    return [sub, draw(tree_data("main", sub="sub", max_asking=10))]


def load_valid(folder, trees):
    for data in trees:
        (folder / f"{data['id']}.yaml").write_text(tree_text(data))
    loaded = collect(*(folder / f"{d['id']}.yaml" for d in trees), EXAMPLES / "example-catalogue.yaml")
    assert loaded.problems == [], "\n".join(map(str, loaded.problems))
    return loaded.library


def random_answer(node, rng: random.Random):
    """A valid answer a person could give to `node`."""
    if isinstance(node, Question):
        values = [o.value for o in node.options]
        if node.style == "yes_no":
            return rng.choice([True, False])
        if node.style == "single":
            return rng.choice(values)
        plain = [o.value for o in node.options if not o.exclusive]
        alone = [o.value for o in node.options if o.exclusive][:1]
        return rng.choice([alone, rng.sample(plain, rng.randint(0, len(plain)))])
    if isinstance(node, SelfTest):
        return rng.choice(node.results)
    if isinstance(node, Measure):
        return rng.randint(int(node.min), int(node.max))
    assert isinstance(node, Info)
    return True
