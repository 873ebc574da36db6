"""Every kind of bad file gets one clean `LoadError` naming the file, line and column; nothing else escapes.

Authors see these messages in `hip-wizard check` and at start-up, so each test asserts what they would read.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

from wizard.content import yamlsafe
from wizard.errors import LoadError

from .conftest import collect, load, outcome, tree, write, yes_no

BILLION_LAUGHS = b"""id: x
title: x
lol1: &lol1 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]
lol2: &lol2 [*lol1, *lol1, *lol1, *lol1, *lol1, *lol1, *lol1, *lol1, *lol1]
lol3: &lol3 [*lol2, *lol2, *lol2, *lol2, *lol2, *lol2, *lol2, *lol2, *lol2]
lol4: &lol4 [*lol3, *lol3, *lol3, *lol3, *lol3, *lol3, *lol3, *lol3, *lol3]
lol5: &lol5 [*lol4, *lol4, *lol4, *lol4, *lol4, *lol4, *lol4, *lol4, *lol4]
lol6: &lol6 [*lol5, *lol5, *lol5, *lol5, *lol5, *lol5, *lol5, *lol5, *lol5]
lol7: &lol7 [*lol6, *lol6, *lol6, *lol6, *lol6, *lol6, *lol6, *lol6, *lol6]
lol8: &lol8 [*lol7, *lol7, *lol7, *lol7, *lol7, *lol7, *lol7, *lol7, *lol7]
lol9: &lol9 [*lol8, *lol8, *lol8, *lol8, *lol8, *lol8, *lol8, *lol8, *lol8]
"""

# name -> (file bytes, words the message must contain, line the problem must point at)
BAD_FILES = {
    "empty": (b"", "empty", 1),
    "only-comments": (b"# a comment\n# another\n", "empty", 1),
    "a-list": (b"- id: a\n- id: b\n", "must be a mapping", 1),
    "a-scalar": (b"just some words\n", "must be a mapping", 1),
    "broken-yaml": (b"id: x\ntitle: [unclosed, list\nversion: '1'\n", "not valid YAML", 3),
    "python-tag": (b"id: x\ntitle: !!python/object/apply:os.system ['echo pwned']\n", "tags such as", 2),
    "custom-tag": (b"id: x\ntitle: !custom hello\n", "tags such as !custom", 2),
    "alias-bomb": (BILLION_LAUGHS, "anchors (&lol1) are not allowed", 3),
    "plain-alias": (b"id: x\ntitle: *nothing\n", "not", 2),
    "deep-flow": (b"id: " + b"[" * 5000 + b"]" * 5000 + b"\n", "nests deeper than", 1),
    "deep-block": ("".join(f"{' ' * i}k{i}:\n" for i in range(1000)).encode() + b" " * 1000 + b"end: 1\n",
                   "nests deeper than", yamlsafe.MAX_DEPTH + 1),
    "huge-scalar": (b"id: x\ntitle: " + b"a" * (yamlsafe.MAX_SCALAR_CHARS + 1) + b"\n", "the limit is", 2),
    "oversize": (b"id: x\n# " + b"x" * yamlsafe.MAX_FILE_BYTES + b"\n", "the limit is", 1),
    "latin-1": ("id: x\ntitle: Caf\u00e9\n".encode("latin-1"), "not UTF-8", 2),
    "binary": (b"id: x\x00\x01\x02\ntitle: y\n", "binary", 1),
    "two-documents": (b"id: a\ntitle: A\n---\nid: b\n", "more than one YAML document", 3),
    "list-as-key": (b"? [a, b]\n: c\n", "mapping key must be a plain word", 1),
    "huge-integer": (b"id: x\ntitle: " + b"7" * 5000 + b"\n", "number is too long", 2),
    "overflowing-float": (b"id: x\ntitle: 1" + b"0" * 400 + b".5\n", "number is too large", 2),
    "empty-key": (b"id: x\n? \n: c\n", "mapping key must be a plain word", 2),
}


@pytest.mark.parametrize("name", sorted(BAD_FILES))
def test_bad_file_gives_one_clean_problem_naming_file_and_line(tmp_path, name):
    raw, words, line = BAD_FILES[name]
    path = write(tmp_path, f"{name}.yaml", raw)
    loaded = collect(path)
    assert len(loaded.errors) == 1, loaded.problems
    problem = loaded.errors[0]
    assert problem.file == str(path)
    assert words in problem.message
    assert problem.line == line
    assert str(problem).startswith(f"{path}:{line}:")
    assert loaded.library.trees == {}


@pytest.mark.parametrize("name", sorted(BAD_FILES))
def test_load_raises_only_load_error_and_its_text_names_the_file(tmp_path, name):
    path = write(tmp_path, f"{name}.yaml", BAD_FILES[name][0])
    with pytest.raises(LoadError) as caught:
        load(path)
    assert str(path) in str(caught.value)
    assert "Traceback" not in str(caught.value)


def test_duplicate_key_names_both_lines(tmp_path):
    path = write(tmp_path, "dup.yaml", b"id: a\ntitle: A\nversion: '1'\nid: b\n")
    [problem] = collect(path).errors
    assert (problem.line, problem.col) == (4, 1)
    assert "duplicate key 'id'" in problem.message
    assert "line 1" in problem.message and "line 4" in problem.message


def test_duplicate_node_ids_are_caught_too(tmp_path):
    text = ("id: t\ntitle: T\nversion: '1'\nstart: a\nnodes:\n"
            "  a: {kind: outcome, title: A}\n  a: {kind: outcome, title: B}\n")
    [problem] = collect(write(tmp_path, "dup.yaml", text)).errors
    assert "duplicate key 'a'" in problem.message and problem.line == 7


def test_alias_bomb_is_refused_at_the_first_anchor_before_any_alias_is_expanded():
    """The bomb never gets built: the reader stops at the first anchor it meets, on line 3."""
    with pytest.raises(LoadError) as caught:
        yamlsafe.read(BILLION_LAUGHS, "bomb.yaml")
    [problem] = caught.value.problems
    assert (problem.line, problem.col) == (3, 7)
    assert "&lol1" in problem.message


def test_tags_are_refused_before_anything_is_constructed(tmp_path, monkeypatch):
    called = []
    monkeypatch.setattr("os.system", lambda *a: called.append(a))
    collect(write(tmp_path, "t.yaml", b"x: !!python/object/apply:os.system ['true']\n"))
    assert called == []


@pytest.mark.parametrize("text,expected", [
    ("no", "no"), ("on", "on"), ("off", "off"), ("yes", "yes"), ("y", "y"), ("010", "010"), ("0o17", "0o17"),
    ("0x1F", "0x1F"), ("1:20", "1:20"), ("2020-01-01", "2020-01-01"), ("1_000", "1_000"), (".inf", ".inf"),
    ("true", True), ("false", False), ("null", None), ("~", None), ("12", 12), ("-3", -3), ("2.5", 2.5),
    ("'true'", "true"), ('"12"', "12"),
])
def test_yaml_1_1_surprises_stay_the_strings_the_author_wrote(text, expected):
    data = yamlsafe.read(f"value: {text}\n".encode(), "t.yaml").data["value"]
    assert data == expected and type(data) is type(expected)


def test_surprising_words_work_as_option_values_and_dates_in_a_real_tree(tmp_path):
    text = """id: words
title: 1:20
version: "1.0"
reviewed: 2020-01-01
start: q
nodes:
  q:
    kind: question
    style: single
    text: Pick
    why: To test words.
    options:
      - {value: no, label: No}
      - {value: on, label: On}
    next: end
  end: {kind: outcome, title: 010}
"""
    library = load(write(tmp_path, "words.yaml", text))
    built = library.trees["words"]
    assert built.title == "1:20" and built.reviewed == "2020-01-01"
    assert [o.value for o in built.nodes["q"].options] == ["no", "on"]
    assert built.nodes["end"].title == "010"


def test_keys_keep_the_spelling_the_author_wrote(tmp_path):
    """`true:` and `null:` as keys are names, not a boolean and a null (`True` would fail the id rule)."""
    data = yamlsafe.read(b"true: 1\nTrue: 2\nnull: 3\n10: 4\n", "t.yaml").data
    assert data == {"true": 1, "True": 2, "null": 3, "10": 4}


def test_unknown_field_suggests_the_close_spelling(tmp_path):
    nodes = {"q": yes_no(if_yes="end", if_no="end", wyh="typo"), "end": outcome()}
    [problem] = collect(write(tmp_path, "t.yaml", tree("t", nodes))).errors
    assert "unknown field `wyh` (did you mean `why`?)" in problem.message
    assert problem.node == "q"


def test_bad_node_kind_is_named(tmp_path):
    nodes = {"q": {"kind": "questoin", "text": "x"}, "end": outcome()}
    [problem] = collect(write(tmp_path, "t.yaml", tree("t", nodes))).errors
    assert "`kind` must be one of question" in problem.message and "'questoin'" in problem.message
    assert problem.node == "q"


def test_every_error_of_a_file_is_reported_at_once_with_its_own_line_and_node(tmp_path):
    text = """id: t
title: T
version: "1"
start: a
nodes:
  a:
    kind: question
    style: yes_no
    text: Is it?
    if_yes: b
    if_no: b
  b:
    kind: measure
    text: How much?
    why: To know.
    unit: "%"
    min: 0
    max: lots
"""
    errors = collect(write(tmp_path, "t.yaml", text)).errors
    by_node = {p.node: p for p in errors}
    assert set(by_node) == {"a", "b"}
    assert "missing `why`" in by_node["a"].message and by_node["a"].line == 6
    assert "expected number" in by_node["b"].message and (by_node["b"].line, by_node["b"].col) == (18, 5)


def test_cross_reference_errors_carry_file_line_col_and_node(tmp_path):
    text = """id: t
title: T
version: "1"
start: a
nodes:
  a:
    kind: question
    style: yes_no
    text: Is it?
    why: To know.
    if_yes: nowhere
    if_no: b
  b:
    kind: handover
    tree: missing-tree
    next: c
  c:
    kind: outcome
    title: End
    findings: [no-such-finding]
"""
    path = write(tmp_path, "t.yaml", text)
    shown = sorted(str(p) for p in collect(path).errors)
    assert shown == [  # each at the key or list item at fault, not the node's first line
        f"{path}:11:5: error [a]: if_yes leads to 'nowhere', which is not a node of this tree",
        f"{path}:15:5: error [b]: hands over to tree 'missing-tree', which is not loaded (loaded trees: t)",
        f"{path}:20:16: error [c]: findings entry 'no-such-finding' is not in any catalogue "
        "(see `hip-wizard catalogue`)",
    ]


def test_condition_values_are_checked_type_strictly_at_load(tmp_path):
    nodes = {"q": yes_no(branches=[{"if": {"answer": "q", "is": "no"}, "next": "end"}], next="end"),
             "end": outcome()}
    [problem] = collect(write(tmp_path, "t.yaml", tree("t", nodes))).errors
    assert "can never be 'no'" in problem.message and "true, false" in problem.message


def test_duplicate_tree_ids_across_files_name_the_other_file(tmp_path):
    first = write(tmp_path, "a.yaml", tree("same", {"end": outcome()}))
    second = write(tmp_path, "b.yaml", tree("same", {"end": outcome()}))
    [problem] = collect(first, second).errors
    assert problem.file == str(second) and str(first) in problem.message
    assert "tree id 'same' is already used" in problem.message


def test_problems_from_several_files_are_all_reported(tmp_path):
    empty = write(tmp_path, "empty.yaml", b"")
    binary = write(tmp_path, "bin.yaml", b"\x00")
    good = write(tmp_path, "good.yaml", tree("good", {"end": outcome(urgency=None)}))
    loaded = collect(empty, binary, good)
    assert {p.file for p in loaded.errors} == {str(empty), str(binary)}
    assert list(loaded.library.trees) == ["good"]


def test_a_missing_path_is_a_problem_not_a_crash(tmp_path):
    [problem] = collect(tmp_path / "nope.yaml").errors
    assert "no such file or folder" in problem.message


def test_an_unreadable_path_is_a_problem_not_a_crash(tmp_path):
    folder = tmp_path / "looks-like-a-file.yaml"
    folder.mkdir()
    (folder / "inner.yaml").write_bytes(b"")
    [problem] = collect(folder).errors
    assert problem.file.endswith("inner.yaml")


@pytest.mark.parametrize("text", ["", "   ", "\n"])
def test_empty_or_blank_text_is_one_problem_not_two(tmp_path, text):
    nodes = {"q": yes_no(text=text, if_yes="end", if_no="end"), "end": outcome()}
    [problem] = collect(write(tmp_path, "t.yaml", tree("t", nodes))).errors
    assert problem.node == "q" and "must not be" in problem.message


def test_a_huge_file_is_refused_without_reading_it_whole(tmp_path):
    """A 2 GB file under a 1 GB memory limit: the size cap must apply before the bytes are read."""
    huge = tmp_path / "huge.yaml"
    with huge.open("wb") as handle:
        handle.truncate(2 * 1024**3)  # sparse: costs no disk
    script = (
        "import resource, sys\n"
        "resource.setrlimit(resource.RLIMIT_AS, (1024**3, 1024**3))\n"
        "from wizard.content import loader\n"
        "print(loader.collect([sys.argv[1]], bundled=False).problems[0].message)\n"
    )
    done = subprocess.run([sys.executable, "-c", script, str(huge)], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-500:]
    assert "the limit is" in done.stdout


def test_a_flood_of_unknown_keys_gives_one_short_line(tmp_path):
    """Attack run observation: 300k unknown keys made a 7 MB message; five are named, the rest counted."""
    text = 'id: t\ntitle: T\nversion: "1"\nstart: a\nnodes: {a: {kind: outcome, title: A}}\n'
    text += "".join(f"k{i}: 1\n" for i in range(2000))
    [problem] = collect(write(tmp_path, "t.yaml", text)).errors
    assert "and 1,995 more unknown fields" in problem.message and len(problem.message) < 1000
