"""`hip-wizard export [SESSION] --format md|html|json|fhir [-o FILE]`: a saved session -> a summary.

The session comes from the history store as saved answers and is replayed against the trees loaded now;
if a tree has changed since, the summary says so in its notes. Without `-o` the summary is printed.
This is the command layer: the renderers in `wizard.report` stay pure functions of a `Summary`.
"""

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path

from wizard.content import loader
from wizard.content.model import Library
from wizard.errors import StateError
from wizard.fileio import write_private
from wizard.history.retest import RetestView, retest_view
from wizard.history.store import Store
from wizard.history.views import walk_trends
from wizard.report import render
from wizard.report.summary import build_summary
from wizard.walk.engine import Session
from wizard.walk.resume import restore


def export_command(trees: list[Path], data_dir: Path | None, session: str | None, fmt: str,
                   output: Path | None) -> int:
    """Print or write the summary of one saved session (default: the latest); 0 on success."""
    library = loader.load(trees)
    with Store.open(data_dir) as store:
        session_id = store.resolve_id(session) if session else store.latest_id()
        if session_id is None:
            raise StateError("there are no saved sessions yet: finish or start a check with `hip-wizard` first")
        walk, notes = restore(library, store.load(session_id))
        when = _saved_time(store, session_id)
        retest = _retest_view(store, library, walk, session_id)
        trends = walk_trends(store, library, session_id)
    text = render(build_summary(walk, when=when, notes=tuple(notes), retest=retest, trends=trends), fmt)
    if output is None:
        sys.stdout.write(text)
        return 0
    path = write_private(output, text)
    print(f"Saved the summary of session {session_id} to {path}", file=sys.stderr)
    return 0


def _retest_view(store: Store, library: Library, walk: Session, session_id: str) -> RetestView | None:
    """A re-test's comparison with the full check before it, as the app showed it; None for other walks."""
    if walk.tree_id not in library.retest_trees():
        return None
    return retest_view(store, library, walk, session_id)


def _saved_time(store: Store, session_id: str) -> datetime | None:
    """When the session was last changed, in local time; None (meaning now) if the store cannot say."""
    try:
        saved = datetime.fromisoformat(store.session(session_id).updated)
    except (TypeError, ValueError):
        return None
    return saved.astimezone() if saved.tzinfo else None
