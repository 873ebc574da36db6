"""A lazily made dataclass behaves exactly like `@dataclass` with the same options, whichever use comes
first: construction, equality, hashing, repr, assignment, `fields`/`asdict`/`replace`, sorting, or an
instance that arrived by unpickling (the library cache) before the class was ever used."""

from __future__ import annotations

import dataclasses
import pickle
import re

import pytest

from wizard import lazy_dataclass


_made = iter(range(10**6))


def twins(**options):
    """The same little class hierarchy made by `dataclasses.dataclass` and by the lazy decorator, as fresh
    module-level classes (so nothing has used them yet, and pickle can find them by name)."""
    made = []
    for decorate in (dataclasses.dataclass, lazy_dataclass.dataclass):
        number = next(_made)

        class Base:
            id: str
            where: int = 1

        class Child(Base):
            text: str = "t"
            items: tuple = ()

        for cls in (Base, Child):
            cls.__name__ = cls.__qualname__ = f"{cls.__name__}{number}"
            globals()[cls.__name__] = cls
        made.append((decorate(**options)(Base), decorate(**options)(Child)))
    return made


def same(text: str) -> str:
    """A repr with the class numbers taken out, so a twin's repr can be compared with the other's."""
    return re.sub(r"(Base|Child)[0-9]+", r"\1", text)


def outcome(use, cls):
    """What a use gives, or the kind of error it raises (both twins must agree on either)."""
    try:
        return use(cls)
    except Exception as exc:
        return type(exc)


FIRST_USES = {
    "construct": lambda cls: same(repr(cls("a", 2, "x"))),
    "fields": lambda cls: [f.name for f in dataclasses.fields(cls)],
    "repr of an unpickled one": lambda cls: same(repr(pickle.loads(pickle.dumps(_bare(cls))))),
    "equality of unpickled ones": lambda cls: pickle.loads(pickle.dumps(_bare(cls))) == _bare(cls),
    "hash of an unpickled one": lambda cls: hash(pickle.loads(pickle.dumps(_bare(cls)))),
    "asdict of an unpickled one": lambda cls: dataclasses.asdict(pickle.loads(pickle.dumps(_bare(cls)))),
}


def _bare(cls):
    """An instance made without calling __init__, the way unpickling makes one."""
    obj = object.__new__(cls)
    obj.__dict__.update(id="a", where=2, text="x", items=())
    return obj


@pytest.mark.parametrize("first", FIRST_USES)
@pytest.mark.parametrize("options", [{"frozen": True}, {"frozen": True, "order": True}, {}])
def test_the_first_use_of_any_kind_gives_what_dataclass_gives(first, options):
    (real_base, real), (lazy_base, lazy) = twins(**options)
    assert outcome(FIRST_USES[first], lazy) == outcome(FIRST_USES[first], real)
    a, b = lazy("a", 2, "x"), real("a", 2, "x")
    assert same(repr(a)) == same(repr(b)) and dataclasses.asdict(a) == dataclasses.asdict(b)
    assert a == lazy("a", 2, "x") and a != lazy("b")
    if options.get("frozen"):
        assert hash(a) == hash(b)
    assert dataclasses.replace(a, text="y").text == "y" and lazy_base("z").where == 1
    with pytest.raises(TypeError):
        lazy(1, 2, 3, 4, 5)


def test_frozen_stays_frozen_and_order_sorts_even_on_first_use():
    (_, _), (_, lazy) = twins(frozen=True, order=True)
    with pytest.raises(dataclasses.FrozenInstanceError):
        _bare(lazy).text = "changed"
    (_, _), (_, ordered) = twins(frozen=True, order=True)
    assert sorted([_bare(ordered), ordered("0")])[0].id == "0"


def test_keyword_only_classes_keep_their_signature():
    (_, real), (_, lazy) = twins(frozen=True, kw_only=True)
    assert lazy(id="a", text="x") == lazy(id="a", text="x")
    with pytest.raises(TypeError):
        lazy("a")
    with pytest.raises(TypeError):
        real("a")
