"""`hip-wizard graph TREE`: a tree as Mermaid or Graphviz dot, with urgency shown on every outcome.

Both formats are built from one list of nodes and edges (`layout`), so they can never disagree. Labels are
escaped for each format: tree text is data, not diagram syntax.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass

from wizard.content import conditions as c
from wizard.content import loader
from wizard.errors import UnknownTree
from wizard.content.model import Condition, Handover, Node, Outcome, Question, Tree
from wizard.text import terminal_safe

SHORT = 40


@dataclass(frozen=True)
class Box:
    id: str
    label: str
    shape: str  # step | handover | outcome
    urgency: str | None = None


@dataclass(frozen=True)
class Edge:
    source: str
    target: str
    label: str = ""
    dotted: bool = False


def layout(tree: Tree) -> tuple[list[Box], list[Edge]]:
    boxes = [_box(node) for node in tree.nodes.values()]
    edges = [edge for node in tree.nodes.values() for edge in _edges(node)]
    return boxes, edges


def _short(text: str, limit: int = SHORT) -> str:
    text = " ".join(terminal_safe(text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _box(node: Node) -> Box:
    if isinstance(node, Outcome):
        urgency = node.referral.urgency if node.referral else None
        words = urgency.replace("_", " ").upper() if urgency else "no referral"
        return Box(node.id, f"{_short(node.label)} [{words}]", "outcome", urgency)
    if isinstance(node, Handover):
        return Box(node.id, f"{_short(node.title or node.target)} (tree {node.target})", "handover")
    return Box(node.id, f"{node.kind}: {_short(node.label)}", "step")


def _edges(node: Node) -> list[Edge]:
    local = lambda qid: qid.split("/", 1)[1]  # noqa: E731
    edges = [Edge(node.id, local(b.next), "if " + describe(b.condition)) for b in node.branches]
    if isinstance(node, Question):
        edges += _answer_edges(node, local)
    if node.next:
        edges.append(Edge(node.id, local(node.next), "otherwise" if edges else ""))
    if node.ask_if is not None and node.next:
        edges.append(Edge(node.id, local(node.next), "skipped unless " + describe(node.ask_if), dotted=True))
    return edges


def _answer_edges(node: Question, local) -> list[Edge]:
    if node.style == "yes_no":
        pairs = [("yes", node.if_yes), ("no", node.if_no)]
    else:
        pairs = [(_short(o.label, 24), o.next) for o in node.options]
    return [Edge(node.id, local(target), label) for label, target in pairs if target]


def describe(condition: Condition) -> str:
    """A condition in a few words, for edge labels."""
    if isinstance(condition, (c.All, c.AnyOf)):
        word = " and " if isinstance(condition, c.All) else " or "
        return "(" + word.join(describe(i) for i in condition.items) + ")"
    if isinstance(condition, c.Not):
        return "not " + describe(condition.item)
    if isinstance(condition, c.AtLeastOf):
        return f"{condition.count} of {len(condition.items)}"
    return _LEAF_WORDS[type(condition)](condition)


_LEAF_WORDS = {
    c.AnswerIs: lambda x: f"{_ref(x.ref)} = {_value(x.value)}",
    c.AnswerIn: lambda x: f"{_ref(x.ref)} in {', '.join(map(_value, x.values))}",
    c.AnswerAtLeast: lambda x: f"{_ref(x.ref)} ≥ {x.bound}",
    c.AnswerAtMost: lambda x: f"{_ref(x.ref)} ≤ {x.bound}",
    c.Answered: lambda x: f"{_ref(x.ref)} {'answered' if x.flag else 'not answered'}",
    c.Positive: lambda x: f"{_ref(x.ref)} positive" + ("" if x.side == "any" else f" ({x.side})"),
}


def _ref(qid: str) -> str:
    return qid.split("/", 1)[1]


def _value(value: object) -> str:
    return ("yes" if value else "no") if isinstance(value, bool) else str(value)


# --- Mermaid ---------------------------------------------------------------------------------------------

URGENCY_COLOURS = {"emergency": "#b00020", "urgent": "#e65100", "routine": "#1565c0", "self_care": "#2e7d32"}


def _mermaid_id(node_id: str) -> str:
    return "n_" + node_id.replace("-", "_")


def _mermaid_text(text: str) -> str:
    return re.sub(r'["<>#&|`]', lambda m: f"#{ord(m.group())};", text)


def mermaid(tree: Tree) -> str:
    boxes, edges = layout(tree)
    shapes = {"step": ('["', '"]'), "handover": ('[["', '"]]'), "outcome": ('(["', '"])')}
    lines = ["flowchart TD"]
    for box in boxes:
        left, right = shapes[box.shape]
        style = f":::{box.urgency}" if box.urgency else ""
        lines.append(f"  {_mermaid_id(box.id)}{left}{_mermaid_text(box.label)}{right}{style}")
    for edge in edges:
        arrow = "-.->" if edge.dotted else "-->"
        label = f'|"{_mermaid_text(edge.label)}"|' if edge.label else ""
        lines.append(f"  {_mermaid_id(edge.source)} {arrow}{label} {_mermaid_id(edge.target)}")
    lines += [f"  classDef {u} fill:{col},color:#fff" for u, col in URGENCY_COLOURS.items()]
    return "\n".join(lines) + "\n"


# --- dot -------------------------------------------------------------------------------------------------


def _dot_text(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ") + '"'


def dot(tree: Tree) -> str:
    boxes, edges = layout(tree)
    shapes = {"step": "box", "handover": "box3d", "outcome": "ellipse"}
    lines = [f"digraph {_dot_text(tree.id)} {{", "  rankdir=TB;", "  node [fontname=Helvetica];"]
    for box in boxes:
        colour = f', style=filled, fillcolor="{URGENCY_COLOURS[box.urgency]}", fontcolor=white' if box.urgency else ""
        lines.append(f"  {_dot_text(box.id)} [label={_dot_text(box.label)}, shape={shapes[box.shape]}{colour}];")
    for edge in edges:
        extra = ", style=dashed" if edge.dotted else ""
        lines.append(f"  {_dot_text(edge.source)} -> {_dot_text(edge.target)} [label={_dot_text(edge.label)}{extra}];")
    return "\n".join(lines + ["}"]) + "\n"


def graph_command(args) -> int:
    library = loader.load(args.trees)
    tree = library.trees.get(args.tree)
    if tree is None:
        raise UnknownTree(args.tree, library.trees)
    sys.stdout.write((mermaid if args.format == "mermaid" else dot)(tree))
    return 0
