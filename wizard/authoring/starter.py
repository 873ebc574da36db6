"""`hip-wizard new ID`: a commented starter tree that already passes `hip-wizard check`.

Authors learn the format fastest from a working file they can change; the template shows a question, a
branch, a measure, two outcomes with urgency, and scenario tests that cover both outcomes.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from wizard.errors import StateError, UserError

ID_PATTERN = re.compile(r"[a-z][a-z0-9-]{0,63}")

TEMPLATE = """\
# yaml-language-server: $schema={schema}
# A starter tree written by `hip-wizard new`. Check it with:  hip-wizard check {file}
# Try it with:  hip-wizard run {id} --trees {file}      The full format: docs/authoring.md in the hip-wizard source.
id: {id}
title: {title}
version: "0.1.0"
description: What this tree asks about, in a sentence.
authors: [Your name]
reviewed: "{today}"
# role: module means other trees hand over to this one. Use `role: entry` to list it in the menu; an
# entry tree must hand over to a red-flag screen first (e.g. `kind: handover` with `tree: red-flags`).
role: module
start: stairs
nodes:
  stairs:
    kind: question
    style: yes_no            # yes_no, single (with options) or multi (with options)
    title: Pain on stairs
    text: Does climbing stairs bring on your hip pain?
    why: Pain on stairs loads the hip muscles and joint, so it helps tell which one is sore.
    if_yes: pain
    if_no: no-pattern
  pain:
    kind: measure
    title: Pain on stairs
    text: How bad is the pain on stairs, from 0 to 10?
    help: 0 means no pain; 10 means the worst pain you can imagine.
    why: A number lets you see change when you re-test.
    unit: "/10"
    min: 0
    max: 10
    integer: true
    branches:                # tried in order; the first that holds decides
      - if: {{answer: pain, at_least: 7}}
        next: get-checked
    next: no-pattern
  get-checked:
    kind: outcome
    title: Worth getting checked
    text: Strong pain on stairs deserves a look by a physiotherapist.
    referral:
      urgency: routine       # emergency, urgent, routine or self_care
      to: GP or physiotherapist
      reason: Strong pain with everyday activity should be examined in person.
  no-pattern:
    kind: outcome
    title: Nothing specific
    text: These answers do not point to a particular pattern.
    referral:
      urgency: self_care
      reason: Stay active and re-test in two weeks.
scenarios:                   # `hip-wizard check` walks each story and compares the result
  - name: Strong pain on stairs
    given: {{stairs: true, pain: 8}}
    expect: {{urgency: routine, outcomes: [get-checked]}}
  - name: Mild pain on stairs
    given: {{stairs: true, pain: 3}}
    expect: {{urgency: self_care, outcomes: [no-pattern]}}
  - name: No pain on stairs
    given: {{stairs: false}}
    expect: {{urgency: self_care, outcomes: [no-pattern]}}
"""


SCHEMA = Path(__file__).resolve().parent.parent / "schema" / "tree.schema.json"
SCHEMA_NAME = SCHEMA.name  # the copy beside the author's file, named by its modeline


def starter_text(tree_id: str, path: Path, today: str) -> str:
    title = tree_id.replace("-", " ").capitalize()
    return TEMPLATE.format(id=tree_id, title=title, today=today, schema=SCHEMA_NAME, file=path)


def place_schema(folder: Path) -> Path:
    """Put (or refresh) the schema beside the author's trees, so the modeline names a real file wherever
    the folder is moved or shared, with no path into one virtual environment."""
    from wizard.fileio import write_private
    target = folder / SCHEMA_NAME
    text = SCHEMA.read_bytes()
    if not (target.is_file() and target.read_bytes() == text):
        write_private(target, text)
    return target


def new_command(args) -> int:
    from datetime import date
    if not ID_PATTERN.fullmatch(args.id):
        raise UserError(f"'{args.id}' is not a valid id: "
                         "use lower-case letters, digits and dashes, starting with a letter")
    path = args.output or Path(f"{args.id}.yaml")
    try:
        with open(path, "x", encoding="utf-8") as handle:
            handle.write(starter_text(args.id, path, date.today().isoformat()))
    except FileExistsError:
        raise UserError(f"{path} already exists; choose another id or -o FILE") from None
    except OSError as exc:
        raise StateError(f"cannot write {path}: {exc.strerror or exc}") from None
    schema = place_schema(path.parent if str(path.parent) else Path("."))
    print(f"wrote {path} and, for your editor, {schema}; check it with: hip-wizard check {path}", file=sys.stderr)
    return 0
