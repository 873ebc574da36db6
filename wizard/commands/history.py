"""`hip-wizard history`: show past walks, export them as CSV, or delete one walk or all of them.

The views are pure (wizard/history/views.py); this module loads the trees, opens the store and asks before
deleting. Deleting asks first; with no one to ask (stdin closed) nothing is deleted.
"""

from __future__ import annotations

import shutil
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from wizard.content import loader
from wizard.content.model import Library
from wizard.errors import UserError
from wizard.history.store import Store
from wizard.history.views import is_terminal, export_csv, render, session_cells
from wizard.wording import walks

EXIT_OK, EXIT_REFUSED = 0, 1


@dataclass(frozen=True)
class HistoryRequest:
    """What `hip-wizard history` was asked to do (the parsed command line, typed)."""

    data_dir: Path | None = None
    trees: list[Path] = field(default_factory=list)
    export: str | None = None
    delete: str | None = None
    wipe: bool = False
    yes: bool = False


# --- delete and wipe ---------------------------------------------------------------------------------------


def confirm(question: str, stdin: TextIO | None, err: TextIO) -> bool | None:
    """True for yes, False for no, None when nobody can answer (stdin closed or empty)."""
    if stdin is None or stdin.closed:
        return None
    print(f"{question} [y/N] ", end="", file=err, flush=True)
    try:
        line = stdin.readline()
    except (OSError, ValueError):
        return None
    if not line:
        print(file=err)
        return None
    return line.strip().lower() in ("y", "yes")


def _delete_or_wipe(store: Store, library: Library, args: HistoryRequest, stdin: TextIO | None,
                    err: TextIO) -> int:
    target = store.resolve_id(args.delete) if args.delete else None
    if target:
        row = store.session(target)
        date, tree, *_ = session_cells(row, library)
        question, done = f"Delete the walk '{tree}' of {date} ({row.id})? This cannot be undone.", "Deleted."
    else:
        count = len(store.sessions())
        question, done = f"Delete ALL history ({walks(count)})? This cannot be undone.", "All history deleted."
    answer = True if args.yes else confirm(question, stdin, err)
    if answer is None:
        print("hip-wizard: nothing was deleted: there was no one to confirm (stdin is closed). "
              "Run it in a terminal, or add --yes.", file=err)
        return EXIT_REFUSED
    if not answer:
        print("Nothing was deleted.", file=err)
        return EXIT_OK
    if target:
        store.delete(target)
    else:
        store.wipe()
    print(done, file=err)
    return EXIT_OK


# --- the command -------------------------------------------------------------------------------------------


def _library(trees: list[Path], err: TextIO) -> Library:
    loaded = loader.collect(list(trees))
    if loaded.errors:
        print("hip-wizard: some trees could not be loaded (run `hip-wizard check`); "
              "names may be missing below.", file=err)
    return loaded.library


def history_command(args: HistoryRequest, stdin: TextIO | None = None, out: TextIO | None = None,
                    err: TextIO | None = None,
                    library: Library | None = None) -> int:
    """Show history, or export it, or delete from it; streams and library can be given for tests."""
    stdin = sys.stdin if stdin is None else stdin
    out, err = out or sys.stdout, err or sys.stderr
    if args.delete and args.wipe:
        raise UserError("use either --delete or --wipe, not both")
    library = library if library is not None else _library(args.trees, err)
    with Store.open(args.data_dir) as store:
        for notice in store.notices:
            print(f"hip-wizard: {notice}", file=err)
        if args.delete or args.wipe:
            return _delete_or_wipe(store, library, args, stdin, err)
        if args.export == "csv":
            export_csv(store, library, out)
            return EXIT_OK
        width = shutil.get_terminal_size().columns if is_terminal(out) else None
        print("\n".join(render(store, library, width)), file=out)
    return EXIT_OK
