"""Property tests: the loader never raises on any input, and walks over any valid tree always end well.

Example counts are modest so the suite stays fast; the strategies live in `strategies.py`.
"""

from __future__ import annotations

import copy
import json
import random

from hypothesis import given
from hypothesis import strategies as st

from wizard.content.answers import check_answer
from wizard.walk.engine import Session
from wizard.walk.resume import restore
from wizard.authoring import lint

from .conftest import EXAMPLES, collect, tree_text
from .strategies import FAST, TREES, library_data, load_valid, random_answer

KEYS = ["id", "title", "version", "start", "nodes", "kind", "style", "text", "why", "next", "options", "value",
        "label", "if_yes", "if_no", "branches", "if", "answer", "is", "in", "at_least", "at_most", "of", "all",
        "any", "not", "positive", "side", "ask_if", "tree", "referral", "urgency", "reason", "findings",
        "scenarios", "given", "expect", "invariants", "when", "then", "urgency_at_least", "catalogue",
        "exercises", "dosage", "steps", "min", "max", "unit", "evidence", "source", "end_walk", "a", "q"]
YAML_WORDS = ["no", "kind: ", "nodes:\n  ", "- ", "!!str ", "&a ", "*a", "---\n", "? ", "|\n  ", "%YAML 1.1\n",
              "%TAG ! tag:x,2000:\n", "id: t\n", "<<: "]
SCALARS = st.one_of(st.none(), st.booleans(), st.integers(-5, 20), st.floats(allow_nan=False, allow_infinity=False),
                    st.sampled_from(["question", "yes_no", "single", "outcome", "handover", "a", "q", "main",
                                     "emergency", "1.0", "left", "", "a/b"]), st.text(max_size=8))
JSONISH = st.recursive(SCALARS, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.dictionaries(st.sampled_from(KEYS), inner, max_size=5)), max_leaves=25)


def _collect_quietly(folder, raw: bytes):
    path = folder / "fuzz.yaml"
    path.write_bytes(raw)
    loaded = collect(path, EXAMPLES / "example-catalogue.yaml")  # must not raise, whatever the bytes
    assert all(p.file and p.line >= 1 and p.col >= 1 and p.message for p in loaded.problems)
    return loaded


@FAST
@given(raw=st.binary(max_size=400))
def test_arbitrary_bytes_never_raise(folder, raw):
    _collect_quietly(folder, raw)


@FAST
@given(parts=st.lists(st.sampled_from(list("ab01 :-[]{}&*!|>'\"#?,%@`\n\t~.\u00e9\x07") + YAML_WORDS), max_size=80))
def test_yaml_ish_text_never_raises(folder, parts):
    _collect_quietly(folder, "".join(parts).encode("utf-8"))


@FAST
@given(data=st.dictionaries(st.sampled_from(KEYS), JSONISH, max_size=8))
def test_random_mappings_never_raise(folder, data):
    _collect_quietly(folder, json.dumps(data).encode())


def _paths_in(value, path=()):
    yield path
    children = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else ()
    for key, child in children:
        yield from _paths_in(child, path + (key,))


@TREES
@given(trees=library_data(), junk=JSONISH, pick=st.randoms(use_true_random=False))
def test_a_valid_tree_with_one_random_mutation_never_raises(folder, trees, junk, pick):
    """Near-valid trees reach the model builder and cross-reference checks: the likeliest place for a crash."""
    main = copy.deepcopy(trees[1])
    path = pick.choice(list(_paths_in(main))[1:])
    parent = main
    for key in path[:-1]:
        parent = parent[key]
    parent[path[-1]] = junk
    (folder / "sub.yaml").write_text(tree_text(trees[0]))
    (folder / "main.yaml").write_text(tree_text(main))
    loaded = collect(folder / "sub.yaml", folder / "main.yaml", EXAMPLES / "example-catalogue.yaml")
    assert all(p.line >= 1 for p in loaded.problems)


def asking_count(library) -> int:
    return sum(n.asks for t in library.trees.values() for n in t.nodes.values())


def random_walk(session: Session, rng: random.Random, stop_after: int | None = None) -> Session:
    for _ in range(asking_count(session.library) if stop_after is None else stop_after):
        if session.finished:
            break
        session.answer(check_answer(session.current, random_answer(session.current, rng)))
    return session


@TREES
@given(trees=library_data(), rng=st.randoms(use_true_random=False))
def test_generated_valid_trees_load_and_every_random_walk_ends_at_an_outcome(folder, trees, rng):
    library = load_valid(folder, trees)
    session = random_walk(Session(library, "main"), rng)
    assert session.finished and session.status in ("finished", "emergency")
    result = session.result()
    assert result.outcomes, "the walk ended without reaching any outcome"
    last = result.outcomes[-1]
    if session.status == "emergency":
        assert last.referral.urgency == "emergency"
    else:
        ended_here = library.node(last.qid)
        assert ended_here.end_walk or (last.qid.startswith("main/") and ended_here.next is None)
    assert session.progress.remaining == 0 and session.progress.done == len(session.steps)


@TREES
@given(trees=library_data(), rng=st.randoms(use_true_random=False), stop=st.integers(0, 12))
def test_session_survives_a_json_round_trip(folder, trees, rng, stop):
    library = load_valid(folder, trees)
    session = random_walk(Session(library, "main"), rng, stop)
    again, notes = restore(library, json.loads(json.dumps(session.to_dict())))
    assert notes == []
    assert again.current == session.current and again.steps == session.steps
    assert again.status == session.status and again.result() == session.result()
    assert again.progress == session.progress


@TREES
@given(trees=library_data(), rng=st.randoms(use_true_random=False))
def test_editing_an_earlier_answer_keeps_later_answers_on_the_new_path(folder, trees, rng):
    library = load_valid(folder, trees)
    session = random_walk(Session(library, "main"), rng)
    if not session.steps:
        return
    before = dict(session.answers)
    target = rng.choice(session.steps)
    new_value = check_answer(target, random_answer(target, rng))
    session.edit(target.qid, new_value)
    for qid, value in session.path_answers.items():
        assert value == (new_value if qid == target.qid else before[qid])
    if session.current is not None:
        assert session.current.qid not in before, "an answer already given was asked for again"
    random_walk(session, rng)
    assert session.finished


@TREES
@given(trees=library_data(), rng=st.randoms(use_true_random=False))
def test_check_passes_generated_trees_and_replays_a_random_walk_as_a_scenario(folder, trees, rng):
    """The author tooling agrees with the engine: a walk a person took, written down as a scenario, passes."""
    session = random_walk(Session(load_valid(folder, trees), "main"), rng)
    result = session.result()
    expect = {"urgency": result.urgency or "none", "outcomes": [o.qid for o in result.outcomes],
              "findings": sorted({f.finding.id for f in result.findings})}
    trees[1]["scenarios"] = [{"name": "a random walk", "given": session.path_answers, "expect": expect}]
    for data in trees:
        (folder / f"{data['id']}.yaml").write_text(tree_text(data))
    report = lint.run_checks(collect(*(folder / f"{d['id']}.yaml" for d in trees), EXAMPLES))
    assert report.errors == [], "\n".join(map(str, report.errors))
    assert [r.passed for r in report.scenarios if r.tree == "main"] == [True]
