"""The errors hip-wizard reports to people, and the problem records load errors carry.

Authors fix files by line number, so every problem knows where it is; `check` reports all problems of a
file at once, so errors are collected as `Problem` records rather than raised one at a time. Each error type
maps to one exit code in `wizard.cli.EXIT_CODES`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from wizard.lazy_dataclass import dataclass, field  # made on first use: see there why

_LINE_ENDS = re.compile(r"\r\n|[\n\r\v\f\x1c-\x1e\x85\u2028\u2029]")


def one_line(text: object) -> str:
    """Text with every kind of line end folded to " / ", so one problem stays one line of a report."""
    return _LINE_ENDS.sub(" / ", str(text))


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong (or worth a look) in an author's file."""

    file: str
    line: int
    col: int
    message: str
    node: str | None = None
    severity: str = "error"
    code: str = "error"

    def __str__(self) -> str:
        where = f"{one_line(self.file)}:{self.line}:{self.col}"
        node = f" [{one_line(self.node)}]" if self.node else ""
        return f"{where}: {self.severity}{node}: {one_line(self.message)}"

    def as_dict(self) -> dict:
        return {
            "file": self.file, "line": self.line, "col": self.col, "node": self.node,
            "severity": self.severity, "code": self.code, "message": self.message,
        }


@dataclass
class WizardError(Exception):
    """Raised for bad input anywhere in hip-wizard; carries every problem found, best first."""

    problems: list[Problem] = field(default_factory=list)

    def __post_init__(self) -> None:
        super().__init__(self.__str__())

    def __str__(self) -> str:
        return "\n".join(str(p) for p in self.problems)


class LoadError(WizardError):
    """A tree or catalogue file (or a set of them) could not be loaded."""


class AnswerError(ValueError):
    """An answer does not fit the node it was given to."""


class StateError(ValueError):
    """Saved session state (a resume file, a history row, an answers file) cannot be used as it is."""


class UserError(Exception):
    """The command line asked for something that cannot be done as asked (an unknown tree, a bad id, a file
    that already exists). The CLI prints the message on stderr, without a traceback, and exits with the
    code its table (`wizard.cli.EXIT_CODES`) gives."""


class UnknownTree(UserError, KeyError):
    """No loaded tree has this id. One wording for every command; `known` lists what the person could use.

    Also a KeyError, as a lookup of a missing key is, for callers that look trees up by id."""

    def __init__(self, tree_id: str, known: Iterable[str]):
        self.tree_id, self.known = tree_id, sorted(known)
        super().__init__(f"there is no tree called '{tree_id}'; known trees: {', '.join(self.known) or 'none'}")

    def __str__(self) -> str:  # KeyError would show the message in quotes
        return str(self.args[0])
