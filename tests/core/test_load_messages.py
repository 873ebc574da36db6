"""Each schema or cross-reference mistake an author is likely to make gets one plain sentence at its node."""

from __future__ import annotations

import copy

import pytest

from .conftest import EXAMPLES, collect, measure, outcome, self_test, single, tree, write, yes_no


def base() -> dict:
    return tree("t", {
        "q": yes_no(if_yes="m", if_no="s"),
        "m": measure(ask_if={"answer": "q", "is": True}, next="end"),
        "s": single(["a", "b"], next="st"),
        "st": self_test(next="end"),
        "end": outcome(),
    })


def _set(*path_and_value):
    *path, key, value = path_and_value

    def change(data):
        for step in path:
            data = data[step]
        data[key] = value
    return change


def _scenario(given: dict, expect: dict):
    return _set("scenarios", [{"name": "x", "given": given, "expect": expect}])


def _ask_if(condition):
    return _set("nodes", "st", "ask_if", condition)


def _unsided_then_side(data):
    data["nodes"]["st"]["sided"] = False
    data["nodes"]["m"]["ask_if"] = {"positive": "st", "side": "left"}


MISTAKES = {
    "missing title": (lambda t: t.pop("title"), None, "missing `title`"),
    "bad tree id": (_set("id", "Bad_Id"), None, "is not a valid id"),
    "unquoted version": (_set("version", 1.0), None, "expected string, got number 1.0"),
    "text too long": (_set("nodes", "q", "text", "x" * 4001), "q", "the limit is 4000"),
    "unknown style": (_set("nodes", "q", "style", "maybe"), "q", "use one of: yes_no, single, multi"),
    "unknown urgency": (_set("nodes", "end", "referral", "urgency", "soon"), "end", "use one of: emergency"),
    "two condition forms": (_set("nodes", "m", "ask_if", {"answer": "q", "is": True, "in": [True]}), "m",
                            "not a valid condition"),
    "condition typo": (_set("nodes", "m", "ask_if", {"answr": "q", "is": True}), "m", "not a valid condition"),
    "is on a measure": (_ask_if({"answer": "m", "is": 3}), "st", "is a measure: compare it with at_least"),
    "bound out of range": (_ask_if({"answer": "m", "at_least": 30}), "st", "outside the range of 't/m' (0 to 10)"),
    "positive on a question": (_ask_if({"positive": "q"}), "st", "is not a self-test"),
    "side on an unsided test": (_unsided_then_side, "m", "has no sides"),
    "condition names a ghost": (_ask_if({"answer": "ghost", "is": True}), "st", "'t/ghost', which does not exist"),
    "impossible option value": (_ask_if({"answer": "s", "is": "c"}), "st",
                                "can never be 'c'; its answers are: 'a', 'b'"),
    "string for a boolean": (_ask_if({"answer": "q", "is": "true"}), "st", "can never be 'true'"),
    "min not below max": (_set("nodes", "m", "min", 10), "m", "`min` (10) must be below `max` (10)"),
    "options on yes_no": (_set("nodes", "q", "options", [{"value": "a", "label": "A"}, {"value": "b", "label": "B"}]),
                          "q", "a yes_no question has no `options`"),
    "duplicate option": (lambda t: t["nodes"]["s"]["options"][1].update(value="a"), "s",
                         "option value 'a' is used twice"),
    "red flag on single": (_set("nodes", "s", "red_flag", "urgent"), "s",
                           "`red_flag` belongs to yes_no questions only"),
    "exclusive on single": (lambda t: t["nodes"]["s"]["options"][0].update(exclusive=True), "s",
                            "`exclusive` works only in multi-choice"),
    "ask_if without next": (_set("nodes", "q", "ask_if", {"answer": "s", "is": "a"}), "q", "needs a `next`"),
    "start is a ghost": (_set("start", "ghost"), None, "`start` names 'ghost'"),
    "scenario names a ghost": (_scenario({"ghost": True}, {"urgency": "none"}),
                               None, "scenario 'x': `given` names 'ghost'"),
    "scenario answer does not fit": (_scenario({"q": "yes"}, {"urgency": "none"}),
                                     None, "scenario 'x': `given` q: answer yes or no"),
    "scenario expects a question": (_scenario({"q": True}, {"outcomes": ["q"]}),
                                    None, "`expect` names outcome 'q', which is not an outcome node"),
    "scenario expects a ghost finding": (_scenario({}, {"findings": ["nope"]}),
                                         None, "finding 'nope', which is not in any catalogue"),
    "invariant on a measure": (_set("invariants", [{"name": "x", "when": {"answer": "m", "is": 3},
                                                    "then": {"urgency_at_least": "urgent"}}]),
                               None, "`when` must name a yes_no or single-choice question"),
    "invariant value never given": (_set("invariants", [{"name": "x", "when": {"answer": "s", "is": "c"},
                                                         "then": {"urgency_at_least": "urgent"}}]),
                                    None, "'t/s' can never be 'c'"),
    "unknown catalogue entries": (_set("nodes", "end", "exercises", ["nope"]), "end",
                                  "exercises entry 'nope' is not in any catalogue"),
}


def test_the_base_tree_is_clean(tmp_path):
    assert collect(write(tmp_path, "t.yaml", base()), EXAMPLES).problems == []


@pytest.mark.parametrize("name", sorted(MISTAKES))
def test_mistake_gives_one_plain_sentence_at_its_node(tmp_path, name):
    change, node, words = MISTAKES[name]
    data = copy.deepcopy(base())
    change(data)
    path = write(tmp_path, "t.yaml", data)
    [problem] = collect(path, EXAMPLES).errors
    assert words in problem.message
    assert problem.node == node and problem.file == str(path) and problem.line > 1
