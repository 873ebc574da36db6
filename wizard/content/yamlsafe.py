"""Read YAML the way an author meant it, and nothing more.

PyYAML's event stream (libyaml when present) is turned into plain values here, by our own small builder,
instead of by PyYAML's constructors. That one choice gives every guarantee the loader promises:

- tags (`!!python/object`, `!foo`) and anchors/aliases are refused at the first event, so alias bombs
  cost nothing;
- only YAML 1.2 core scalars are typed (`true`, `false`, `null`, plain decimal numbers); YAML 1.1 surprises
  such as `no`, `on`, `010`, `1:20` and dates stay the strings the author wrote;
- duplicate keys are reported with both lines;
- nesting depth is capped without recursion, and every value's position is kept for error messages.
"""

from __future__ import annotations

import math
import re

import yaml

from wizard.content.document import MAX_FILE_BYTES, Document, Path, read_capped  # noqa: F401 - re-exported
from wizard.errors import LoadError, Problem

Parser = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

MAX_DEPTH = 64
MAX_SCALAR_CHARS = 20_000
_TOO_DEEP = f"the file nests deeper than {MAX_DEPTH} levels"
MAX_NUMBER_DIGITS = 300

_INT = re.compile(r"[-+]?(0|[1-9][0-9]*)")
_FLOAT = re.compile(r"[-+]?(0|[1-9][0-9]*)\.[0-9]+([eE][-+]?[0-9]+)?")
_NULLS = {"", "~", "null", "Null", "NULL"}
_BOOLS = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}



def decode(raw: bytes, name: str) -> str:
    """Bytes to text, refusing oversize, binary and non-UTF-8 files with a plain sentence."""
    if len(raw) > MAX_FILE_BYTES:
        _fail(name, 1, 1, f"the file is too big: the limit is {MAX_FILE_BYTES:,} bytes")
    if b"\x00" in raw:
        _fail(name, 1, 1, "the file holds NUL bytes: it looks binary, not a YAML text file")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        _fail(name, line, 1, f"the file is not UTF-8 text (bad byte at offset {exc.start})")
    return text.removeprefix("\ufeff")


def parse(text: str, name: str) -> Document:
    """Text to a `Document`, or `LoadError` naming the file, line and column."""
    builder = _Builder(name)
    try:
        for event in yaml.parse(text, Loader=Parser):
            builder.feed(event)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        problem = str(exc.problem or exc.context)
        if "nesting depth" in problem:  # newer PyYAML refuses deep nesting itself, before we see the events
            _fail(name, line, col, _TOO_DEEP)
        _fail(name, line, col, f"this is not valid YAML: {problem}")
    except yaml.YAMLError as exc:
        _fail(name, 1, 1, f"this is not valid YAML: {exc}")
    return builder.result()


def _fail(name: str, line: int, col: int, message: str) -> None:
    raise LoadError([Problem(name, line, col, message, code="yaml")])


def resolve_plain(value: str) -> object:
    """Type a plain (unquoted) scalar by the YAML 1.2 core rules we accept; everything else is a string.

    Raises `ValueError` (with a plain sentence) for a number too long or too large to be a real value."""
    if value in _NULLS:
        return None
    if value in _BOOLS:
        return _BOOLS[value]
    if _INT.fullmatch(value):
        if len(value) > MAX_NUMBER_DIGITS:
            raise ValueError(f"this number is too long ({len(value):,} digits); write it as text in quotes")
        return int(value)
    if _FLOAT.fullmatch(value):
        number = float(value)
        if math.isinf(number):
            raise ValueError("this number is too large to use; write it as text in quotes")
        return number
    return value


class _Frame:
    """A mapping or sequence being built, with its path and the key waiting for a value."""

    __slots__ = ("container", "key", "key_lines", "path")

    def __init__(self, container, path):
        self.container = container
        self.path = path
        self.key = _NO_KEY
        self.key_lines: dict = {}


_NO_KEY = object()


class _Builder:
    """Consumes parser events and builds plain dicts, lists and scalars with positions."""

    def __init__(self, name: str):
        self.name = name
        self.stack: list[_Frame] = []
        self.positions: dict[Path, tuple[int, int]] = {}
        self.documents = 0
        self.root = None

    def feed(self, event) -> None:
        self._refuse_anchor_and_tag(event)
        handler = _HANDLERS.get(type(event))
        if handler:
            handler(self, event)

    def result(self) -> Document:
        if self.documents == 0 or self.root is None:
            _fail(self.name, 1, 1,
                  "the file is empty: a tree needs at least `id`, `title`, `version`, `start` and `nodes`")
        return Document(self.root, self.positions)

    def _refuse_anchor_and_tag(self, event) -> None:
        line, col = _mark(event)
        if isinstance(event, yaml.AliasEvent):
            _fail(self.name, line, col, f"aliases (*{event.anchor}) are not allowed; write the value out")
        if getattr(event, "anchor", None):
            _fail(self.name, line, col, f"anchors (&{event.anchor}) are not allowed; write values out in full")
        tag = getattr(event, "tag", None)
        if tag and tag != "!" and not isinstance(event, (yaml.DocumentStartEvent,)):
            _fail(self.name, line, col, f"tags such as {tag} are not allowed in tree files")

    def _document_start(self, event) -> None:
        self.documents += 1
        if self.documents > 1:
            _fail(self.name, *_mark(event), "the file holds more than one YAML document; use one per file")

    def _scalar(self, event) -> None:
        if len(event.value) > MAX_SCALAR_CHARS:
            _fail(self.name, *_mark(event),
                  f"a text of {len(event.value):,} characters; the limit is {MAX_SCALAR_CHARS:,}")
        plain = event.implicit[0] and not self._expecting_key()
        try:
            value = resolve_plain(event.value) if plain else event.value
        except ValueError as exc:
            _fail(self.name, *_mark(event), str(exc))
        self._add(value, event)

    def _expecting_key(self) -> bool:
        """Keys are names: `true:`, `null:` or `10:` keep the spelling the author wrote."""
        return bool(self.stack) and isinstance(self.stack[-1].container, dict) and self.stack[-1].key is _NO_KEY

    def _open(self, container, event) -> None:
        if len(self.stack) >= MAX_DEPTH:
            _fail(self.name, *_mark(event), _TOO_DEEP)
        path = self._add(container, event)
        self.stack.append(_Frame(container, path))

    def _close(self, event) -> None:
        self.stack.pop()

    def _add(self, value, event) -> Path:
        """Place a value in the open container (as a key or a value) and record where it started."""
        pos = _mark(event)
        if not self.stack:
            self.root = value
            self.positions[()] = pos
            return ()
        frame = self.stack[-1]
        if isinstance(frame.container, list):
            path = frame.path + (len(frame.container),)
            frame.container.append(value)
        elif frame.key is _NO_KEY:
            self._take_key(frame, value, pos)
            return frame.path
        else:
            path = frame.path + (frame.key,)
            frame.container[frame.key] = value
            frame.key = _NO_KEY
        self.positions.setdefault(path, pos)
        return path

    def _take_key(self, frame: _Frame, key: object, pos: tuple[int, int]) -> None:
        if not isinstance(key, (str, int, float, bool)) or key == "":
            _fail(self.name, *pos, "a mapping key must be a plain word, not empty, a list or a mapping")
        key = str(key) if not isinstance(key, str) else key
        if key in frame.key_lines:
            first = frame.key_lines[key]
            _fail(self.name, *pos, f"duplicate key '{key}' (first at line {first[0]}, again at line {pos[0]})")
        frame.key_lines[key] = pos
        frame.key = key
        self.positions[frame.path + (key,)] = pos


def _mark(event) -> tuple[int, int]:
    mark = event.start_mark
    return (mark.line + 1, mark.column + 1) if mark else (1, 1)


_HANDLERS = {
    yaml.DocumentStartEvent: _Builder._document_start,
    yaml.ScalarEvent: _Builder._scalar,
    yaml.MappingStartEvent: lambda b, e: b._open({}, e),
    yaml.SequenceStartEvent: lambda b, e: b._open([], e),
    yaml.MappingEndEvent: _Builder._close,
    yaml.SequenceEndEvent: _Builder._close,
}


def read(raw: bytes, name: str) -> Document:
    """Bytes of a file to a `Document`; the whole safe-reading pipeline in one call."""
    return parse(decode(raw, name), name)
