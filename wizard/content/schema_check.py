"""JSON Schema validation of tree and catalogue files, with plain-language messages and positions.

The shipped schema is the single source of truth (editors use it too). For speed and for clearer messages a
tree's nodes are validated one by one against the schema of their own kind, instead of letting the
validator try every kind's `if` on every node; the result is the same set of errors.

Valid input is the common case, so each part is first checked by a validator that fastjsonschema compiles
from the same schema (about fifty times faster); only a part that fails goes through jsonschema, whose
detailed errors become the plain messages below.
"""

from __future__ import annotations

import copy
import difflib
import json
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Iterator

import fastjsonschema

from wizard.content.validator_cache import compiled_validators
from wizard.content.document import Document

if TYPE_CHECKING:  # jsonschema (~30 ms to import) is loaded only when a part fails and needs its messages
    from jsonschema import Draft202012Validator
    from jsonschema.exceptions import ValidationError

NODE_KINDS = ("question", "self_test", "measure", "info", "handover", "outcome")


@cache
def tree_schema() -> dict:
    """The shipped tree/catalogue schema (package data)."""
    text = resources.files("wizard.schema").joinpath("tree.schema.json").read_text("utf-8")
    return json.loads(text)


def _pointing_at(definition: str, root: dict | None = None) -> dict:
    """The whole schema's definitions, entered at one of them."""
    root = root or tree_schema()
    schema = {k: v for k, v in root.items() if k not in ("if", "then", "else", "$schema", "$id")}
    schema["$ref"] = f"#/$defs/{definition}"
    return schema


@cache
def _schemas() -> dict[str, dict]:
    shallow = copy.deepcopy(tree_schema())
    shallow["$defs"]["tree_file"]["properties"]["nodes"]["additionalProperties"] = {"type": "object"}
    table = {"tree": _pointing_at("tree_file", shallow), "catalogue": _pointing_at("catalogue_file")}
    table.update({kind: _pointing_at(f"{kind}_node") for kind in NODE_KINDS})
    return table


@cache
def validators() -> dict[str, Draft202012Validator]:
    """One detailed validator per file kind and per node kind, built once."""
    from jsonschema import Draft202012Validator
    return {kind: Draft202012Validator(schema) for kind, schema in _schemas().items()}


@cache
def fast_validators() -> dict:
    """The same table compiled by fastjsonschema, for the yes/no answer on valid input (compiled code is
    kept in the user cache between runs, see validator_cache)."""
    return compiled_validators(_schemas())


def _is_valid(kind: str, instance: object) -> bool:
    try:
        fast_validators()[kind](instance)
    except fastjsonschema.JsonSchemaException:
        return False
    return True


def schema_errors(doc: Document) -> Iterator[tuple[tuple, str]]:
    """(path, message) for every schema error in the document, nodes included."""
    data = doc.data
    if not isinstance(data, dict):
        yield (), "the file must be a mapping of keys (id, title, nodes...), not a list or a single value"
        return
    kind = "catalogue" if "catalogue" in data else "tree"
    yield from _errors(kind, data, ())
    nodes = data.get("nodes") if kind == "tree" else None
    if isinstance(nodes, dict):
        for node_id, node in nodes.items():
            yield from _node_errors(node, ("nodes", node_id))


def _node_errors(node: object, path: tuple) -> Iterator[tuple[tuple, str]]:
    if not isinstance(node, dict):
        return  # already reported by the shallow tree schema
    kind = node.get("kind")
    if kind not in NODE_KINDS:
        yield path, f"`kind` must be one of {', '.join(NODE_KINDS)}" + (f", not {kind!r}" if kind else "")
        return
    yield from _errors(kind, node, path)


def _errors(kind: str, instance: object, base: tuple) -> Iterator[tuple[tuple, str]]:
    if _is_valid(kind, instance):
        return
    for error in sorted(validators()[kind].iter_errors(instance), key=lambda e: list(map(str, e.absolute_path))):
        yield base + tuple(error.absolute_path) + _first_unknown_key(error), plain_message(error)


def _first_unknown_key(error: ValidationError) -> tuple:
    """For an unknown field, the field itself, so the message points at the misspelled key's line."""
    if error.validator != "additionalProperties" or not isinstance(error.instance, dict):
        return ()
    allowed = error.schema.get("properties", {})
    return next(((k,) for k in error.instance if k not in allowed), ())


def plain_message(error: ValidationError) -> str:
    """Turn a jsonschema error into a sentence an author can act on."""
    handler = _MESSAGES.get(error.validator)
    return handler(error) if handler else error.message


def _required(error: ValidationError) -> str:
    missing = [name for name in error.validator_value if name not in error.instance]
    return "missing " + ", ".join(f"`{m}`" for m in missing)


def _additional(error: ValidationError) -> str:
    allowed = list(error.schema.get("properties", {}))
    extra = [k for k in error.instance if k not in allowed]
    parts = []
    for key in extra[:MAX_NAMED]:  # a hostile file with 300,000 keys still gets one short line
        close = difflib.get_close_matches(str(key)[:100], allowed, n=1)
        parts.append(f"unknown field `{str(key)[:60]}`" + (f" (did you mean `{close[0]}`?)" if close else ""))
    more = f"; and {len(extra) - MAX_NAMED:,} more unknown fields" if len(extra) > MAX_NAMED else ""
    return "; ".join(parts) + more + f". Allowed here: {', '.join(allowed)}"


MAX_NAMED = 5


def _type(error: ValidationError) -> str:
    want = error.validator_value
    want = " or ".join(want) if isinstance(want, list) else want
    return f"expected {want}, got {_json_type(error.instance)} {_short(error.instance)}"


def _enum(error: ValidationError) -> str:
    return f"{_short(error.instance)} is not allowed here; use one of: " + ", ".join(map(str, error.validator_value))


def _pattern(error: ValidationError) -> str:
    if error.validator_value == "\\S":
        return "this text must not be blank"
    if "a-z" in error.validator_value:
        return (f"{_short(error.instance)} is not a valid id: "
                "use lower-case letters, digits and dashes, starting with a letter")
    expected = error.schema.get("description", error.validator_value)
    return f"{_short(error.instance)} does not have the expected form ({expected})"


def _min_length(error: ValidationError) -> str:
    return "this text must not be empty"


def _one_of(error: ValidationError) -> str:
    return ("not a valid condition: use exactly one of `all`, `any`, `not`, `at_least` with `of`, "
            "`positive` (with optional `side`), or `answer` with one of `is`, `in`, `at_least`, `at_most`, `answered`")


def _json_type(value: object) -> str:
    names = {bool: "boolean", int: "number", float: "number", str: "text", list: "list", dict: "mapping"}
    return names.get(type(value), "null")


def _short(value: object) -> str:
    text = json.dumps(value, ensure_ascii=False, default=str)
    return text if len(text) <= 60 else text[:57] + "..."


_MESSAGES = {
    "required": _required,
    "additionalProperties": _additional,
    "type": _type,
    "enum": _enum,
    "pattern": _pattern,
    "minLength": _min_length,
    "oneOf": _one_of,
    "minProperties": lambda e: "this needs more entries" if e.instance else "this must not be empty",
    "maxProperties": lambda e: _one_of(e),
    "maxLength": lambda e: f"this text is {len(e.instance)} characters; the limit is {e.validator_value}",
    "minimum": lambda e: f"{e.instance} is below the minimum {e.validator_value}",
    "maximum": lambda e: f"{e.instance} is above the maximum {e.validator_value}",
    "minItems": lambda e: f"needs at least {e.validator_value} item(s)",
}
