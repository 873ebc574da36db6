"""Files -> a checked `Library`: safe YAML, then JSON Schema, then the model, then cross-references.

Every problem carries file:line:col and, inside a tree, the node id. Problems of every file are collected
and reported together; only `LoadError` ever leaves this module.
"""

from __future__ import annotations

import errno
import hashlib
import os
import stat
from dataclasses import dataclass, field
from pathlib import Path

from wizard.content import conditions
from wizard.content import placeholders
from wizard.content import refcheck
from wizard.errors import LoadError, Problem
from wizard.content.model import (Advice, Branch, Caution, Dosage, Evidence, Exercise, Finding, Handover, Info,
                                  Invariant, Library, Measure, Option, Outcome, PlanRules, Question, Referral,
                                  Scenario, SelfTest, StageRule, StepBudget, Tree, Where, qualify)
from wizard.content.document import Document, read_capped

YAML_SUFFIXES = (".yaml", ".yml")


def bundled_trees_dir() -> Path:
    """The trees shipped with hip-wizard: inside the wheel, or beside the package in a source checkout."""
    here = Path(__file__).resolve().parent.parent  # the wizard package
    inside = here / "trees"
    return inside if inside.is_dir() else here.parent / "trees"


def find_files(paths: list[Path]) -> tuple[list[Path], list[Problem]]:
    """YAML files named directly or found (recursively) in folders, in a stable order.

    Nothing an author pointed at is skipped in silence: a looping or dangling link, a folder that cannot be
    read, or a device or pipe with a YAML name is a problem, so `check` never passes without the tree.
    """
    found: list[Path] = []
    problems: list[Problem] = []
    for path in paths:
        if path.is_dir():
            files, trouble = _walk_folder(path)
            found, problems = found + files, problems + trouble
        elif (why := _unusable(path)) is not None:
            problems.append(Problem(str(path), 1, 1, why, code="missing-file"))
        else:
            found.append(path)
    return found, problems


def _walk_folder(folder: Path) -> tuple[list[Path], list[Problem]]:
    found, problems = [], []

    def unreadable(exc: OSError) -> None:
        problems.append(Problem(str(exc.filename or folder), 1, 1, f"cannot read this folder: "
                                f"{exc.strerror or exc}; no tree in it was loaded", code="unreadable"))

    for root, _, names in os.walk(folder, onerror=unreadable):
        for path in (Path(root) / n for n in names if Path(n).suffix in YAML_SUFFIXES):
            why = _unusable(path)
            if why is None:
                found.append(path)
            elif not (path.name.startswith(".#") and path.is_symlink()):  # editors' lock links: not trees
                problems.append(Problem(str(path), 1, 1, why, code="unreadable"))
    return sorted(found), problems


def _unusable(path: Path) -> str | None:
    """Why a path cannot be read as a tree file, in words; None when it is a regular file."""
    try:
        mode = path.stat().st_mode
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "a symbolic link that loops back on itself; nothing was read"
        if path.is_symlink():
            return "a symbolic link to a file that does not exist; nothing was read"
        if exc.errno in (errno.ENOENT, errno.ENOTDIR):
            return "no such file or folder"
        return f"cannot read it: {exc.strerror or exc}"
    if not stat.S_ISREG(mode):
        return "not a regular file (a device, pipe or socket); it was not read"
    return None


@dataclass
class Loaded:
    """What loading produced: the library (possibly partial) and every problem found."""

    library: Library
    problems: list[Problem] = field(default_factory=list)
    documents: dict = field(default_factory=dict)  # sha256 of a file's bytes -> its checked Document (see collect)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]


def collect(paths: list[Path], bundled: bool = True, known: dict | None = None) -> Loaded:
    """Load the bundled trees (unless told not to) plus `paths`, collecting every problem.

    `known`: documents that passed the safe reading and the schema check before, by the sha256 of their
    file's bytes (the app keeps them between runs): a file with the same bytes skips both. With `known`,
    the result's `documents` holds every file of this load that passed, for next time."""
    roots = ([bundled_trees_dir()] if bundled else []) + [Path(p) for p in paths]
    files, problems = find_files(_unique(roots))
    library = Library()
    documents: dict | None = {} if known is not None else None
    for path in _unique(files):
        problems += _load_file(path, library, known or {}, documents)
    problems += refcheck.cross_references(library)
    return Loaded(library, sorted(set(problems)), documents or {})


def load(paths: list[Path] | None = None, bundled: bool = True) -> Library:
    """Like `collect`, but raise `LoadError` if anything is wrong; for front ends."""
    loaded = collect(paths or [], bundled)
    if loaded.errors:
        raise LoadError(loaded.errors)
    return loaded.library


def _unique(paths: list[Path]) -> list[Path]:
    seen, out = set(), []
    for path in paths:
        try:
            key = path.resolve()
        except (OSError, RuntimeError):  # a link loop; find_files reports it
            key = path.absolute()
        if key not in seen:
            seen.add(key)
            out.append(path)
    return out


def _load_file(path: Path, library: Library, known: dict, documents: dict | None) -> list[Problem]:
    name = str(path)
    try:
        raw = read_capped(path)
    except LoadError as exc:
        return exc.problems
    except OSError as exc:
        return [Problem(name, 1, 1, f"cannot read the file: {exc.strerror or exc}", code="io")]
    digest = hashlib.sha256(raw).hexdigest()
    doc = known.get(digest)
    if doc is None:
        from wizard.content.yamlsafe import read  # only for a file not checked before: PyYAML is not free
        try:
            doc = read(raw, name)
        except LoadError as exc:
            return exc.problems
        problems = _content_problems(name, doc)
        if problems:
            return problems
    if documents is not None:
        documents[digest] = doc
    library.files.append(name)
    builder = _add_catalogue if "catalogue" in doc.data else _add_tree
    return builder(doc, name, digest, library)


def _content_problems(name: str, doc: Document) -> list[Problem]:
    """What is wrong with a file's content alone (so a file whose bytes passed before needs no second look)."""
    if _looks_like_answers(doc.data):
        return [Problem(name, 1, 1, "this looks like an answers file (node id: answer), not a tree: keep it "
                        "outside the trees folder and pass it with `hip-wizard play TREE --answers FILE`",
                        code="answers-file")]
    from wizard.content.schema_check import schema_errors  # with fastjsonschema: only for files read anew
    problems = [_problem(name, doc, p, m, "schema") for p, m in schema_errors(doc)]
    if problems:
        return problems
    return [_problem(name, doc, p, m, "placeholder") for p, m in placeholders.unknown_placeholders(doc.data)]


def _looks_like_answers(data: object) -> bool:
    """A mapping of plain answers (true, "outside", [a, b], 6) with none of a tree's or catalogue's keys."""
    if not isinstance(data, dict) or not data or {"id", "nodes", "catalogue", "start", "title"} & set(data):
        return False
    plain = (str, int, float, bool)
    return all(isinstance(v, plain) or (isinstance(v, list) and all(isinstance(x, plain) for x in v))
               for v in data.values())


def _problem(name: str, doc: Document, path: tuple, message: str, code: str) -> Problem:
    line, col = doc.where(path)
    node = path[1] if len(path) >= 2 and path[0] == "nodes" else None
    return Problem(name, line, col, message, node=node, code=code)


# --- building the model ----------------------------------------------------------------------------------


def _add_tree(doc: Document, name: str, digest: str, library: Library) -> list[Problem]:
    data = doc.data
    if data["id"] in library.trees:
        other = library.trees[data["id"]].where.file
        return [_problem(name, doc, ("id",), f"tree id '{data['id']}' is already used by {other}", "duplicate-tree")]
    at = lambda *path: Where(name, *doc.where(path), path, doc.positions)  # noqa: E731 - tiny local helper
    nodes = {nid: _build_node(nid, raw, data["id"], at("nodes", nid), at("nodes", nid, "unsafe_with"))
             for nid, raw in data["nodes"].items()}
    library.trees[data["id"]] = Tree(
        id=data["id"], title=data["title"], version=data["version"], start=data["start"], nodes=nodes,
        where=at(), content_hash=digest, role=data.get("role", "module"), baseline=data.get("baseline"),
        description=data.get("description"),
        authors=tuple(data.get("authors", ())), reviewed=data.get("reviewed"), sources=tuple(data.get("sources", ())),
        scenarios=tuple(_scenario(s, at("scenarios", i)) for i, s in enumerate(data.get("scenarios", ()))),
        invariants=tuple(_invariant(v, data["id"], at("invariants", i))
                         for i, v in enumerate(data.get("invariants", ()))),
        step_budget=StepBudget(at("step_budget"), **data["step_budget"]) if "step_budget" in data else None,
    )
    return []


def _common(node_id: str, raw: dict, tree_id: str, where: Where, unsafe_where: Where) -> dict:
    ask_if = raw.get("ask_if")
    return {
        "id": node_id, "tree": tree_id, "kind": raw["kind"], "where": where, "title": raw.get("title"),
        "unsafe_with": tuple(raw.get("unsafe_with", ())), "unsafe_where": unsafe_where,
        "ask_if": conditions.parse_condition(ask_if, tree_id) if ask_if else None,
        "next": _q(tree_id, raw.get("next")), "sources": tuple(raw.get("sources", ())),
        "branches": tuple(Branch(conditions.parse_condition(b["if"], tree_id), qualify(tree_id, b["next"]))
                          for b in raw.get("branches", ())),
    }


def _q(tree_id: str, ref: str | None) -> str | None:
    return qualify(tree_id, ref) if ref else None


def _question(common: dict, raw: dict) -> Question:
    tree = common["tree"]
    options = tuple(Option(o["value"], o["label"], _q(tree, o.get("next")), o.get("exclusive", False),
                           o.get("red_flag"), o.get("likely", False)) for o in raw.get("options", ()))
    return Question(**common, style=raw["style"], text=raw["text"], why=raw["why"], help=raw.get("help"),
                    options=options, if_yes=_q(tree, raw.get("if_yes")), if_no=_q(tree, raw.get("if_no")),
                    red_flag=raw.get("red_flag"), sets=raw.get("sets"), likely=raw.get("likely"),
                    at_least_one=raw.get("at_least_one", False), plan_weeks=raw.get("plan_weeks"))


def _self_test(common: dict, raw: dict) -> SelfTest:
    return SelfTest(**common, text=raw["text"], why=raw["why"], steps=tuple(raw["steps"]),
                    stop_rule=raw["stop_rule"], positive_feels=raw["positive_feels"], who=raw["who"],
                    evidence=Evidence(**raw["evidence"]), sided=raw.get("sided", True),
                    hold_seconds=raw.get("hold_seconds"), minutes=raw.get("minutes"))


def _measure(common: dict, raw: dict) -> Measure:
    return Measure(**common, text=raw["text"], why=raw["why"], unit=raw["unit"], min=raw["min"], max=raw["max"],
                   integer=raw.get("integer", False), help=raw.get("help"), cannot_do=raw.get("cannot_do"),
                   hold_seconds=raw.get("hold_seconds"), better=raw.get("better"))


def _outcome(common: dict, raw: dict) -> Outcome:
    referral = Referral(**raw["referral"]) if "referral" in raw else None
    return Outcome(**common, text=raw.get("text"), findings=tuple(raw.get("findings", ())),
                   exercises=tuple(raw.get("exercises", ())), advice=tuple(raw.get("advice", ())),
                   referral=referral, retest=raw.get("retest"), end_walk=raw.get("end_walk", False))


_NODE_BUILDERS = {
    "question": _question,
    "self_test": _self_test,
    "measure": _measure,
    "info": lambda common, raw: Info(**common, text=raw["text"]),
    "handover": lambda common, raw: Handover(**common, target=raw["tree"]),
    "outcome": _outcome,
}


def _build_node(node_id: str, raw: dict, tree_id: str, where: Where, unsafe_where: Where):
    return _NODE_BUILDERS[raw["kind"]](_common(node_id, raw, tree_id, where, unsafe_where), raw)


def _scenario(raw: dict, where: Where) -> Scenario:
    return Scenario(raw["name"], dict(raw["given"]), dict(raw["expect"]), raw.get("unlisted", "strict"), where)


def _invariant(raw: dict, tree_id: str, where: Where) -> Invariant:
    when = raw["when"]
    return Invariant(raw["name"], qualify(tree_id, when["answer"]), when["is"], raw["then"]["urgency_at_least"], where)


# --- catalogues ------------------------------------------------------------------------------------------


def _add_catalogue(doc: Document, name: str, digest: str, library: Library) -> list[Problem]:
    problems = []
    for section, build in _CATALOGUE_BUILDERS.items():
        table = getattr(library, section)
        for entry_id, raw in doc.data.get(section, {}).items():
            where = Where(name, *doc.where((section, entry_id)), (section, entry_id), doc.positions)
            if entry_id in table:
                other = table[entry_id].where.file
                problems.append(Problem(name, where.line, where.col,
                                        f"{section} entry '{entry_id}' is already defined in {other}",
                                        code="duplicate-entry"))
                continue
            table[entry_id] = build(entry_id, raw, where, Where(name, *doc.where((section, entry_id, "unsafe_with"))))
    if "plan" in doc.data:
        problems += _add_plan_rules(doc, name, library)
    return problems


def _add_plan_rules(doc: Document, name: str, library: Library) -> list[Problem]:
    """One catalogue says how plans are built; a second `plan:` section would make the rules ambiguous."""
    where = Where(name, *doc.where(("plan",)))
    if library.plan is not None:
        return [Problem(name, where.line, where.col, f"`plan` is already declared in {library.plan.where.file}",
                        code="duplicate-entry")]
    raw = doc.data["plan"]
    span = lambda key, default: (raw[key]["min"], raw[key]["max"]) if key in raw else default  # noqa: E731
    library.plan = PlanRules(
        where=where, priority=tuple(raw.get("priority", ())), fill=tuple(raw.get("fill", ())),
        advice=tuple(raw.get("advice", ())),
        exercises=span("exercises", (4, 6)), minutes=span("minutes", (20, 30)),
        get_help_after_weeks=raw.get("get_help_after_weeks", 8), retest_after_weeks=raw.get("retest_after_weeks", 3),
        progress=_stage_rule(raw.get("progress")), step_back=_stage_rule(raw.get("step_back")))
    return []


def _stage_rule(raw: dict | None) -> StageRule:
    if not raw:
        return StageRule()
    when = conditions.parse_condition(raw["when"], "") if "when" in raw else None
    return StageRule(when, raw.get("retest"))


def _exercise(entry_id: str, raw: dict, where: Where, unsafe_where: Where) -> Exercise:
    return Exercise(id=entry_id, name=raw["name"], kind=raw["kind"], target=raw["target"], steps=tuple(raw["steps"]),
                    dosage=Dosage(**raw["dosage"]), minutes=raw["minutes"], where=where,
                    cautions=tuple(raw.get("cautions", ())), unsafe_with=tuple(raw.get("unsafe_with", ())),
                    unsafe_where=unsafe_where, progression=raw.get("progression"),
                    regression=raw.get("regression"), serves=tuple(raw.get("serves", ())),
                    sources=tuple(raw.get("sources", ())), stage=raw.get("stage", 2), after=tuple(raw.get("after", ())))


_CATALOGUE_BUILDERS = {
    "findings": lambda i, raw, w, _: Finding(id=i, name=raw["name"], description=raw["description"], where=w,
                                             expect=raw.get("expect"), sources=tuple(raw.get("sources", ()))),
    "exercises": _exercise,
    "advice": lambda i, raw, w, _: Advice(id=i, title=raw["title"], text=raw["text"], where=w,
                                          sources=tuple(raw.get("sources", ())),
                                          excludes=tuple(raw.get("excludes", ())),
                                          serves=tuple(raw.get("serves", ())),
                                          unsafe_with=tuple(raw.get("unsafe_with", ()))),
    # refs in a catalogue have no tree of their own: an unqualified one is left as `/node` for refcheck to name
    "cautions": lambda i, raw, w, _: Caution(id=i, title=raw["title"], says=raw["says"], where=w,
                                             when=conditions.parse_condition(raw["when"], "")),
}
