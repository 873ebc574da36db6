"""Editors show a property's `description` as help while an author types: every property must have one."""

from __future__ import annotations

from wizard.content.schema_check import tree_schema


def _target(schema: dict, ref: str) -> dict:
    node = schema
    for part in ref.removeprefix("#/").split("/"):
        node = node[part]
    return node


def _undocumented(schema: dict, node: object, path: str, inside_if: bool = False):
    if isinstance(node, list):
        for i, item in enumerate(node):
            yield from _undocumented(schema, item, f"{path}/{i}", inside_if)
        return
    if not isinstance(node, dict):
        return
    for name, prop in (node.get("properties") or {}).items():
        described = "description" in prop or ("$ref" in prop and "description" in _target(schema, prop["$ref"]))
        if not described and not inside_if:
            yield f"{path}/properties/{name}"
    for key, value in node.items():
        yield from _undocumented(schema, value, f"{path}/{key}", inside_if or key == "if")


def test_every_property_in_the_tree_schema_has_a_description():
    schema = tree_schema()
    assert list(_undocumented(schema, schema, "")) == []


def test_the_schema_refuses_unknown_keys_everywhere_an_author_writes():
    schema = tree_schema()
    for name, definition in schema["$defs"].items():
        if definition.get("type") == "object" and "properties" in definition and name not in ("common", "node"):
            assert definition.get("additionalProperties") is False, name
