"""Messages the screens post to the app; the app alone talks to the Session."""

from __future__ import annotations

from textual.message import Message

from wizard.lazy_dataclass import dataclass  # made on first use: see there why


@dataclass
class Answered(Message):
    """The person answered (or changed the answer to) the node `qid`."""

    qid: str
    value: object


@dataclass
class GoBack(Message):
    """Undo the last answer on the path."""


@dataclass
class StartWalk(Message):
    """Start a new walk through the entry tree `tree_id`."""

    tree_id: str


@dataclass
class OpenPastWalk(Message):
    """Show a finished walk from the history: its summary, with export."""

    session_id: str


@dataclass
class ResumeWalk(Message):
    """Resume the unfinished session `session_id` from history."""

    session_id: str


@dataclass
class ShowReview(Message):
    """Open the list of answers so far."""


@dataclass
class EditAnswer(Message):
    """Change the earlier answer to the node `qid`."""

    qid: str


@dataclass
class NewCheck(Message):
    """Leave this walk for the start screen."""


@dataclass
class ShowHistory(Message):
    """Open past walks."""


@dataclass
class AskExport(Message):
    """Offer the export dialog (format and folder) for `summary`, the one the result screen shows."""

    summary: object
