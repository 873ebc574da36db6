"""`hip-wizard catalogue`: the finding, exercise and advice ids an outcome can name, with their names.

Why: an author writing `exercises: [...]` needs the exact ids, and an installed hip-wizard keeps its
catalogue inside site-packages where nobody should have to dig. `check` points here on an unknown id.
"""

from __future__ import annotations

import json
import sys

from wizard.content import loader
from wizard.content.model import Library
from wizard.text import terminal_safe

SECTIONS = ("findings", "exercises", "advice")


def entries(library: Library) -> dict[str, dict[str, str]]:
    """{section: {id: name}} for every catalogue entry loaded, ids sorted."""
    def name(entry) -> str:
        return str(getattr(entry, "name", None) or getattr(entry, "title", ""))
    return {s: {i: name(e) for i, e in sorted(getattr(library, s).items())} for s in SECTIONS}


def catalogue_command(args) -> int:
    table = entries(loader.load(args.trees))
    if args.json:
        json.dump(table, sys.stdout, indent=2)
        sys.stdout.write("\n")
        return 0
    lines = []
    for section, rows in table.items():
        lines.append(f"{section} ({len(rows)}):")
        width = max((len(i) for i in rows), default=0)
        lines += [f"  {entry_id:<{width}}  {name}" for entry_id, name in rows.items()]
    print(terminal_safe("\n".join(lines)))
    return 0
