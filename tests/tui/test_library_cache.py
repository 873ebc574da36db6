"""The warm-start cache gives the same library as a fresh load, and never a stale or foreign one."""

from __future__ import annotations

import os
import pickle
import shutil

from wizard.content import loader, yamlsafe
from wizard.tui import library_cache
from wizard.tui.library_cache import load_library

from .conftest import EXAMPLES


def trees(tmp_path):
    folder = tmp_path / "trees"
    shutil.copytree(EXAMPLES, folder)
    return folder


def test_second_load_comes_from_the_cache_and_matches(tmp_path, monkeypatch):
    folder, cache = trees(tmp_path), tmp_path / "cache"
    first, problems = load_library([folder], cache, bundled=False)
    assert not problems and (cache / "library.pickle").stat().st_mode & 0o777 == 0o600
    monkeypatch.setattr("wizard.content.loader.collect", lambda *a, **k: (_ for _ in ()).throw(AssertionError("loaded")))
    second, _ = load_library([folder], cache, bundled=False)
    assert second.trees.keys() == first.trees.keys()
    assert second.node("example/where") == first.node("example/where")


def test_an_edited_tree_is_loaded_again(tmp_path):
    folder, cache = trees(tmp_path), tmp_path / "cache"
    load_library([folder], cache, bundled=False)
    path = folder / "example.yaml"
    path.write_text(path.read_text().replace("Where do you feel the pain most?", "Where is it worst?"))
    library, _ = load_library([folder], cache, bundled=False)
    assert library.node("example/where").text == "Where is it worst?"


def test_trees_with_errors_are_reported_and_not_cached(tmp_path):
    folder, cache = trees(tmp_path), tmp_path / "cache"
    (folder / "broken.yaml").write_text("id: [\n")
    _, problems = load_library([folder], cache, bundled=False)
    assert any("broken.yaml" in p.file for p in problems)
    assert not (cache / "library.pickle").exists()


def test_a_cache_file_others_can_write_is_ignored(tmp_path, monkeypatch):
    folder, cache = trees(tmp_path), tmp_path / "cache"
    load_library([folder], cache, bundled=False)
    for cached in cache.glob("*.pickle"):  # the library and the checked documents alike
        os.chmod(cached, 0o666)
    calls = []
    real = library_cache.pickle.loads
    monkeypatch.setattr(library_cache.pickle, "loads", lambda data: calls.append(1) or real(data))
    load_library([folder], cache, bundled=False)
    assert calls == []


def test_a_damaged_cache_file_is_rebuilt(tmp_path):
    folder, cache = trees(tmp_path), tmp_path / "cache"
    cache.mkdir()
    (cache / "library.pickle").write_bytes(b"not a pickle")
    os.chmod(cache / "library.pickle", 0o600)
    library, problems = load_library([folder], cache, bundled=False)
    assert not problems and "example" in library.trees


def test_a_warm_start_imports_neither_the_schema_checker_nor_yaml(tmp_path):
    """What keeps the first question quick: on a cache hit, jsonschema and YAML are never imported."""
    import subprocess
    import sys
    folder, cache = trees(tmp_path), tmp_path / "cache"
    load_library([folder], cache, bundled=False)
    code = ("import sys, wizard.tui.app as a; a.load_library([sys.argv[1]], a.Path(sys.argv[2]), bundled=False); "
            "print(sorted(m for m in ('jsonschema', 'yaml', 'wizard.content.loader') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code, str(folder), str(cache)], capture_output=True, text=True)
    assert out.stdout.strip() == "[]", out.stderr


def test_rebuilding_from_checked_documents_imports_neither_yaml_nor_the_schema_checker(tmp_path):
    """A tree edit elsewhere or an upgrade drops the checked library; files whose bytes are unchanged are
    rebuilt from their checked documents without PyYAML or fastjsonschema being imported at all."""
    import subprocess
    import sys
    folder, cache = trees(tmp_path), tmp_path / "cache"
    load_library([folder], cache, bundled=False)
    (cache / "library.pickle").unlink()
    code = ("import sys, wizard.tui.app as a; lib, p = a.load_library([sys.argv[1]], a.Path(sys.argv[2]), "
            "bundled=False); print(sorted(lib.trees), sorted(m for m in ('yaml', 'fastjsonschema', "
            "'jsonschema', 'wizard.content.schema_check') if m in sys.modules), p)")
    out = subprocess.run([sys.executable, "-c", code, str(folder), str(cache)], capture_output=True, text=True)
    assert out.stdout.strip() == "['example', 'example-screen'] [] []", out.stderr


def test_after_an_edit_only_the_changed_file_is_parsed_and_checked_again(tmp_path, monkeypatch):
    folder, cache = trees(tmp_path), tmp_path / "cache"
    fresh, _ = load_library([folder], cache, bundled=False)
    parsed = []
    real = yamlsafe.read
    monkeypatch.setattr(yamlsafe, "read", lambda raw, name: parsed.append(name) or real(raw, name))
    path = folder / "example.yaml"
    path.write_text(path.read_text().replace("Where do you feel the pain most?", "Where is it worst?"))
    os.utime(folder / "example-screen.yaml")  # touched, same bytes: its checked document is reused
    library, problems = load_library([folder], cache, bundled=False)
    assert parsed == [str(path)] and not problems
    assert library.node("example/where").text == "Where is it worst?"
    assert library.node("example-screen/fever") == fresh.node("example-screen/fever")
    assert library.trees.keys() == fresh.trees.keys()


def test_the_cached_copy_leaves_out_author_data_and_walks_every_bundled_scenario_the_same(tmp_path):
    """The app's copy drops line-number maps and scenarios (read only by `check`): every bundled scenario's
    answers still walk to the same steps and outcome on it, and the file is much smaller than it was."""
    from wizard.walk.engine import Session
    cache = tmp_path / "cache"
    load_library([], cache)
    cached, _ = load_library([], cache)
    full = loader.collect([]).library
    assert all(not t.scenarios and t.where.positions is None for t in cached.trees.values())
    assert (cache / "library.pickle").stat().st_size < len(pickle.dumps(full)) / 2
    for tree in full.trees.values():
        for scenario in tree.scenarios:
            walked = [Session(lib, tree.id, dict(scenario.given)).walk for lib in (full, cached)]
            assert walked[0] == walked[1], scenario.name


def test_the_app_writes_the_cache_after_its_first_screen_and_only_what_changed(tmp_path):
    """`later` holds the writes back (the app makes them once its first screen is drawn); a rebuild from
    unchanged documents rewrites only the library, and a warm start writes nothing."""
    folder, cache = trees(tmp_path), tmp_path / "cache"
    later: list = []
    load_library([folder], cache, bundled=False, later=later)
    assert len(later) == 2 and not (cache / "library.pickle").exists()
    for write in later:
        write()
    (cache / "library.pickle").unlink()
    documents = (cache / "documents.pickle").stat().st_mtime_ns
    rebuilt: list = []
    load_library([folder], cache, bundled=False, later=rebuilt)
    for write in rebuilt:
        write()
    assert len(rebuilt) == 1 and (cache / "documents.pickle").stat().st_mtime_ns == documents
    warm: list = []
    library, _ = load_library([folder], cache, bundled=False, later=warm)
    assert warm == [] and "example" in library.trees


def test_a_warm_start_shows_the_first_question_without_generating_dataclass_code(tmp_path):
    """The model's classes are lazy dataclasses: their code is written only when one is built, hashed or
    replaced. The full check's welcome (its `{minutes}` filled in) once forced five of them (about 3 ms)."""
    import subprocess
    import sys
    load_library([], tmp_path)
    code = ("import sys; from wizard import lazy_dataclass as L; import wizard.tui.app as a; "
            "before = set(L._PENDING); lib, _ = a.load_library([], a.Path(sys.argv[1])); "
            "from wizard.walk.engine import Session; step = a.Step.current(Session(lib, 'full-check')); "
            "print('minutes' in step.node.text and '{' not in step.node.text, "
            "sorted(k.__name__ for k in before - set(L._PENDING)))")
    out = subprocess.run([sys.executable, "-c", code, str(tmp_path)], capture_output=True, text=True)
    assert out.stdout.strip() == "True []", out.stderr
