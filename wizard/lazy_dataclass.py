"""`dataclass`, applied when a class is first used rather than when its module is imported.

`dataclasses.dataclass` writes and compiles the source of six methods per frozen class; for the content
model, its conditions and the result (about 35 classes) that was the largest part of hip-wizard's own
import time, paid on every start although a warm start unpickles the library without calling one of
them. This decorator leaves stand-ins for those methods; the first call of any of them (or the first look
at the dataclass fields, as `fields`, `asdict` and `replace` do) runs the real `dataclass` on the class,
bases first, and then does what was asked. Afterwards the class is exactly what `@dataclass(...)` makes,
with the same constructor, frozen semantics, equality, hashing and repr.
"""

from __future__ import annotations

import dataclasses
import threading
from typing import TYPE_CHECKING

STANDINS = ("__init__", "__repr__", "__eq__", "__hash__", "__setattr__", "__delattr__")
ORDER = ("__lt__", "__le__", "__gt__", "__ge__")
FIELDS = "__dataclass_fields__"
_LOCK = threading.RLock()
_PENDING: dict[type, dict] = {}  # class -> the dataclass() options it waits to be processed with


def lazy_dataclass(cls: type | None = None, /, **options):
    """Use like `dataclasses.dataclass` (with or without options); `slots` is not supported."""
    if options.get("slots"):
        raise TypeError("lazy dataclass does not support slots=True; use dataclasses.dataclass")

    def wrap(klass: type) -> type:
        _PENDING[klass] = options
        for name in STANDINS + (ORDER if options.get("order") else ()):
            setattr(klass, name, _standin(klass, name))
        setattr(klass, FIELDS, _FieldsOnFirstLook(klass))
        return klass

    return wrap if cls is None else wrap(cls)


def ready(klass: type) -> type:
    """Run the real `dataclass` on `klass` (and on its pending bases first) if it has not been yet."""
    with _LOCK:
        if klass not in _PENDING:
            return klass
        for base in reversed(klass.__mro__[1:]):
            ready(base)
        options = _PENDING.pop(klass)
        for name in (*STANDINS, *(ORDER if options.get("order") else ()), FIELDS):
            delattr(klass, name)
        return dataclasses.dataclass(klass, **options)


def _standin(klass: type, name: str):
    def standin(self, *args, **kwargs):
        ready(klass)
        method = getattr(klass, name)
        if method is None:  # dataclass made it unhashable (eq without frozen)
            raise TypeError(f"unhashable type: {type(self).__name__!r}")
        return method(self, *args, **kwargs)
    standin.__name__ = standin.__qualname__ = name
    return standin


class _FieldsOnFirstLook:
    """`__dataclass_fields__` until the class is processed: looking at it processes the class."""

    def __init__(self, klass: type) -> None:
        self.klass = klass

    def __get__(self, instance, owner=None):
        ready(self.klass)
        return self.klass.__dict__[FIELDS]


field = dataclasses.field

if TYPE_CHECKING:  # type checkers see the real decorator: the classes end up exactly the same
    from dataclasses import dataclass
else:
    dataclass = lazy_dataclass
