"""`hip-wizard-check`, the pre-commit hook: check the tree files a commit changes, loaded together with the
rest of the author's trees (so handovers and catalogue entries between files resolve), and fail only on
problems in the changed files; a broken file the commit does not touch is left to its own commit.

pre-commit passes the changed files' paths; the rest of the trees is the top folder of each changed file
(e.g. `trees/` for `trees/back/x.yaml`), or the folders given with `--trees`.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from wizard.authoring.lint import run_checks
from wizard.content.loader import collect
from wizard.text import terminal_safe


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    changed = {Path(name).resolve() for name in args.files}
    if not changed:
        return 0
    report = run_checks(collect(args.trees or _top_folders(args.files)))
    mine = [p for p in report.problems if Path(p.file).resolve() in changed]
    for problem in mine:
        print(terminal_safe(str(problem)))
    errors = sum(p.severity == "error" for p in mine)
    print(f"hip-wizard check: {len(changed)} changed file{'s' * (len(changed) != 1)}, {errors} errors, "
          f"{len(mine) - errors} warnings")
    return 1 if errors else 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="hip-wizard-check", description=__doc__.split("\n\n")[0])
    parser.add_argument("files", nargs="*", type=Path, help="changed tree files (pre-commit passes these)")
    parser.add_argument("--trees", action="append", type=Path, default=[], metavar="DIR",
                        help="folder holding the rest of your trees; repeatable (default: each file's top folder)")
    return parser


def _top_folders(files: list[Path]) -> list[Path]:
    """The first folder of each relative path (a file at the top level stands for itself)."""
    tops = [Path(f.parts[0]) if len(f.parts) > 1 and not f.is_absolute() else f for f in files]
    return list(dict.fromkeys(tops))


if __name__ == "__main__":
    sys.exit(main())
