"""The fast validator (fastjsonschema) and the detailed one (jsonschema) must agree on every node.

`check` trusts the fast one to say "valid"; if it ever accepted what jsonschema rejects, an error would go
unreported. Hypothesis throws near-miss nodes at both and compares their verdicts.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from wizard.content import schema_check

words = st.sampled_from(["a", "q1", "Bad Id", "", "  ", "x" * 70, "yes_no", "single", "multi", "left"])
scalars = st.one_of(words, st.booleans(), st.integers(-2, 700), st.floats(-1, 2, allow_nan=False), st.none())
values = st.recursive(scalars, lambda inner: st.one_of(st.lists(inner, max_size=3),
                                                       st.dictionaries(words, inner, max_size=3)), max_leaves=6)
KEYS = ["kind", "style", "text", "why", "options", "if_yes", "if_no", "next", "red_flag", "ask_if", "branches",
        "title", "steps", "stop_rule", "positive_feels", "who", "evidence", "unit", "min", "max", "tree",
        "referral", "findings", "value", "label", "answer", "is", "all", "positive", "side"]
nodes = st.builds(lambda kind, extra: {**extra, "kind": kind},
                  st.sampled_from(schema_check.NODE_KINDS),
                  st.dictionaries(st.sampled_from(KEYS), values, max_size=6))

VALID = [
    {"kind": "question", "style": "yes_no", "text": "Q?", "why": "W.", "if_yes": "a", "if_no": "b"},
    {"kind": "question", "style": "single", "text": "Q?", "why": "W.",
     "options": [{"value": "a", "label": "A"}, {"value": "b", "label": "B"}], "ask_if": {"answer": "x", "is": True}, "next": "c"},
    {"kind": "measure", "text": "M", "why": "W.", "unit": "/10", "min": 0, "max": 10,
     "branches": [{"if": {"all": [{"answer": "m", "at_least": 3}, {"positive": "t", "side": "left"}]}, "next": "x"}]},
    {"kind": "outcome", "title": "T", "referral": {"urgency": "urgent", "reason": "R"}},
]


@settings(max_examples=300, deadline=None)
@given(nodes)
def test_fast_and_detailed_validators_agree(node):
    kind = node["kind"]
    detailed = not any(True for _ in schema_check.validators()[kind].iter_errors(node))
    assert schema_check._is_valid(kind, node) == detailed


def test_known_good_nodes_pass_both_and_a_blank_text_fails_both():
    for node in VALID:
        assert schema_check._is_valid(node["kind"], node)
        assert schema_check.validators()[node["kind"]].is_valid(node)
    blank = dict(VALID[0], text="   ")
    assert not schema_check._is_valid("question", blank)
    assert not schema_check.validators()["question"].is_valid(blank)


near_misses = st.builds(
    lambda base, drop, key, value: {**{k: v for k, v in base.items() if k != drop}, **({key: value} if key else {})},
    st.sampled_from(VALID), st.sampled_from(KEYS + [None]), st.sampled_from(KEYS + [None]), values)


@settings(max_examples=300, deadline=None)
@given(near_misses)
def test_validators_agree_on_near_misses_of_valid_nodes(node):
    kind = node.get("kind")
    if kind not in schema_check.NODE_KINDS:
        return
    assert schema_check._is_valid(kind, node) == schema_check.validators()[kind].is_valid(node)
