"""Which cautions hold for a person, and whether a test or exercise may be offered to them.

Pure functions over a `Library` and answers: the engine uses them to skip a test, the result to list the
cautions and drop unsafe exercises, and the plan builder to do the same. `check` proves separately that
every caution is decided (all its questions passed) before any node that names it can be reached.
"""

from __future__ import annotations

from wizard.content.model import Library


def active_cautions(library: Library, answers: dict) -> tuple[str, ...]:
    """Ids of the cautions whose `when` holds over `answers`, in catalogue order."""
    return tuple(c.id for c in library.cautions.values() if c.when.evaluate(answers))


def blocking_caution(library: Library, unsafe_with: tuple[str, ...], answers: dict) -> str | None:
    """The first of `unsafe_with` that holds over `answers` (why not to offer it), or None when it is safe."""
    for caution_id in unsafe_with:
        caution = library.cautions.get(caution_id)
        if caution is not None and caution.when.evaluate(answers):
            return caution_id
    return None


def offered(library: Library, unsafe_with: tuple[str, ...], answers: dict) -> bool:
    """True when nothing in `unsafe_with` holds: an exercise or test may be offered."""
    return blocking_caution(library, unsafe_with, answers) is None
