"""`hip-wizard diff OLD [NEW]`: report what a content change does to patients; exit 1 on anything lowered
unless `--allow-lower`, so a review (or CI) can block it."""

from __future__ import annotations

import tempfile
from pathlib import Path

from wizard.authoring.diff.changes import compare
from wizard.authoring.diff.facts import facts_of
from wizard.authoring.diff.render import RENDERERS
from wizard.authoring.diff.sides import load_sides, working_copy
from wizard.text import terminal_safe


def diff_command(args) -> int:
    new = args.new if args.new is not None else working_copy(args.path)
    with tempfile.TemporaryDirectory(prefix="hip-wizard-diff-") as scratch:
        old_library, new_library = load_sides(args.old, new, args.path, Path(scratch))
    changes = compare(facts_of(old_library), facts_of(new_library))
    report = RENDERERS[args.format](changes, args.old, new)
    print(report if args.format == "json" else terminal_safe(report))
    return 1 if any(c.lowered for c in changes) and not args.allow_lower else 0
