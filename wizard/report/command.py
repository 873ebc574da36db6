"""`hip-wizard export [SESSION] --format md|html|json|fhir [-o FILE]`: a saved session -> a summary.

The session comes from the history store as saved answers and is replayed against the trees loaded now;
if a tree has changed since, the summary says so in its notes. Without `-o` the summary is printed.
"""

from __future__ import annotations

import sys
from datetime import datetime
from typing import Callable

from wizard.content import loader
from wizard.walk.engine import Session
from wizard.errors import StateError
from wizard.fileio import write_private
from wizard.report.summary import build_summary
from wizard.report import render


def _open_store(data_dir):
    from wizard.history.store import Store
    return Store.open(data_dir)


def export_command(args, *, open_store: Callable = _open_store) -> int:
    """Print or write the summary of one saved session (default: the latest); 0 on success."""
    library = loader.load(args.trees)
    store = open_store(args.data_dir)
    try:
        session_id = store.resolve_id(args.session) if args.session else store.latest_id()
        if session_id is None:
            raise StateError("there are no saved sessions yet: finish or start a check with `hip-wizard` first")
        session, notes = Session.from_dict(library, store.load(session_id))
        when = _saved_time(store, session_id)
        retest = _retest_view(store, library, session, session_id)
        trends = _trends(store, library, session_id)
    finally:
        _close(store)
    text = render(build_summary(session, when=when, notes=tuple(notes), retest=retest, trends=trends), args.format)
    if args.output is None:
        sys.stdout.write(text)
        return 0
    path = write_private(args.output, text)
    print(f"Saved the summary of session {session_id} to {path}", file=sys.stderr)
    return 0


def _retest_view(store, library, session: Session, session_id: str):
    """A re-test's comparison with the full check before it, as the app showed it; None for other walks."""
    if session.tree_id not in library.retest_trees() or not hasattr(store, "sessions"):
        return None
    from wizard.history.retest import retest_view
    return retest_view(store, library, session, session_id)


def _trends(store, library, session_id: str) -> list:
    if not hasattr(store, "answer_rows"):
        return []
    from wizard.history.views import walk_trends
    return walk_trends(store, library, session_id)


def _saved_time(store, session_id: str) -> datetime | None:
    """When the session was last changed, in local time; None (meaning now) if the store cannot say."""
    try:
        saved = datetime.fromisoformat(store.session(session_id).updated)
    except (AttributeError, TypeError, ValueError, StateError):
        return None
    return saved.astimezone() if saved.tzinfo else None


def _close(store) -> None:
    close = getattr(store, "close", None)
    if close is not None:
        close()
