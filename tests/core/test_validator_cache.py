"""Compiled schema validators are kept in the user cache between runs, and a cache file is trusted only
when it is the user's own, private and for exactly these schemas; otherwise it is compiled again."""

from __future__ import annotations

import os

import pytest
from fastjsonschema import JsonSchemaException

from wizard.content.validator_cache import compiled_validators

SCHEMAS = {"age": {"type": "integer", "minimum": 0}, "name": {"type": "string", "pattern": "^[a-z]+$"}}


def agrees(validators) -> None:
    validators["age"](3)
    validators["name"]("hip")
    for name, bad in (("age", -1), ("age", "three"), ("name", "Hip!")):
        with pytest.raises(JsonSchemaException):
            validators[name](bad)


def only_file(folder):
    [path] = folder.glob("validators-*.marshal")
    return path


def test_the_compiled_validators_are_saved_privately_and_used_next_time(tmp_path):
    agrees(compiled_validators(SCHEMAS, tmp_path))
    path = only_file(tmp_path)
    assert path.stat().st_mode & 0o777 == 0o600
    stamp = path.stat().st_mtime_ns
    agrees(compiled_validators(SCHEMAS, tmp_path))
    assert path.stat().st_mtime_ns == stamp, "the second run reads the file instead of compiling again"


def test_a_changed_schema_gets_its_own_file_and_the_old_one_goes(tmp_path):
    compiled_validators(SCHEMAS, tmp_path)
    old = only_file(tmp_path)
    stricter = {**SCHEMAS, "age": {"type": "integer", "minimum": 18}}
    with pytest.raises(JsonSchemaException):
        compiled_validators(stricter, tmp_path)["age"](3)
    assert only_file(tmp_path) != old


@pytest.mark.parametrize("spoil", ["damaged", "writable-by-others"])
def test_a_damaged_or_shared_cache_file_is_compiled_again(tmp_path, spoil):
    compiled_validators(SCHEMAS, tmp_path)
    path = only_file(tmp_path)
    if spoil == "damaged":
        path.write_bytes(b"not marshal data")
    else:
        os.chmod(path, 0o666)
    agrees(compiled_validators(SCHEMAS, tmp_path))
    assert path.stat().st_mode & 0o777 == 0o600 and path.read_bytes() != b"not marshal data"


def test_without_a_cache_folder_that_can_be_written_it_still_validates(tmp_path):
    blocked = tmp_path / "file-not-folder"
    blocked.write_text("")
    agrees(compiled_validators(SCHEMAS, blocked))
