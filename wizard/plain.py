"""`hip-wizard run --plain`: the same walk as numbered line prompts, for screen readers, pipes and simple terminals.

It drives the same `Session` as the full-screen app and offers the same features: `?` for why, `b` to go
back, `r` to review and change any answer, `q` to quit, and the full summary at the end. All tree text is
passed through `terminal_safe` before it is printed. It says things in the app's words (`wizard.wording`), and
a yes/no takes the app's numbers (1 yes, 2 no) as well as y and n, everywhere.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any, Callable, TextIO, TypeVar

from wizard.content import loader
from wizard.content.answers import check_answer, describe_answer, parse_measure, parse_number
from wizard.walk.progress import expected, expected_minutes, minutes_words
from wizard.walk.engine import Session
from wizard.errors import AnswerError, StateError, UnknownTree
from wizard.history.journal import GuardedJournal, Journal, NullJournal
from wizard.content.model import Info, Library, Measure, Node, Question, SelfTest
from wizard.text import terminal_safe
from wizard import wording

T = TypeVar("T")

if TYPE_CHECKING:  # the store (sqlite) is imported only when history is used
    from wizard.history.store import Store

DISCLAIMER = wording.START_DISCLAIMER
HELP = "Type your answer, or: ? why this is asked   b back   r review and change answers   q quit"
YES, NO = {"y", "yes", "1"}, {"n", "no", "2"}  # 1 and 2 as well: the TUI numbers yes and no


class Quit(Exception):
    """The person asked to stop, or input ended."""


class PlainFrontEnd:
    """One walk over stdin/stdout (or any pair of text streams)."""

    def __init__(self, library: Library, stdin: TextIO, stdout: TextIO, journal: Journal | None = None):
        self.library, self.stdin, self.stdout = library, stdin, stdout
        self.journal: Journal = journal or NullJournal()
        # set by run_plain when there is a history: session -> RetestView | None
        self.retest_view: Callable[[Session], Any] | None = None

    def say(self, text: str = "") -> None:
        self.stdout.write(terminal_safe(text) + "\n")
        self.stdout.flush()

    def ask(self, prompt: str) -> str:
        self.stdout.write(terminal_safe(prompt) + " ")
        self.stdout.flush()
        line = self.stdin.readline()
        if not line:
            self.stdout.write("\n")  # input ended: do not leave the prompt hanging without a line end
            raise Quit()
        return line.strip()

    # --- the walk ----------------------------------------------------------------------------------------

    def run(self, session: Session, begun: bool = False) -> int:
        if not begun and session.answers:  # else its first answer begins it: a walk nobody answered is not kept
            self.journal.begin(session)
        self.say(DISCLAIMER)
        self.say(HELP)
        try:
            while session.current is not None:
                self._step(session)
        except Quit:
            return self._quit(session)
        self.journal.finish(session)
        self._show_result(session)
        return 0

    def _step(self, session: Session) -> None:
        node = session.current
        if node is None:  # the walk has ended; the caller shows the result
            return
        progress = expected(session)
        self.say("\n" + wording.progress(progress.done + 1, progress.remaining))
        self._show(node)
        value = self._read_answer(session, node)
        if value is not _HANDLED:
            session.answer(value)
            self.journal.record(session)

    def _read_answer(self, session: Session, node: Node) -> object:
        kept = session.previous_answer(node.qid)
        if kept is not None and not isinstance(node, Info):
            self.say(f"Press Enter to keep: {describe_answer(node, kept)}")
        while True:
            text = self.ask(_PROMPTS[type(node)](node))
            if not text and kept is not None and not isinstance(node, Info):
                return kept
            command = _COMMANDS.get(text.lower())
            if command:
                return command(self, session, node)
            try:
                return _checked(node, PARSERS[type(node)](node, text))
            except AnswerError as exc:
                self.say(f"{exc} {HELP}")

    def _quit(self, session: Session) -> int:
        if not session.answers:  # nothing answered: nothing saved, nothing lost
            self.say("\n" + wording.STOPPED)
        elif self.journal.keeps_history:
            self.say("\n" + wording.STOPPED_SAVED)
        else:
            self.say("\n" + wording.STOPPED_LOST)
        return 0

    # --- commands ----------------------------------------------------------------------------------------

    def _why(self, session: Session, node: Node) -> object:
        self.say(f"Why this is asked: {getattr(node, 'why', None) or wording.WHY_DEFAULT}")
        evidence = getattr(node, "evidence", None)
        if evidence:
            self.say(f"If positive: {evidence.positive_means}")
            self.say(f"If negative: {evidence.negative_means}")
            self.say(f"Source: {evidence.source}")
        return self._read_answer(session, node)

    def _back(self, session: Session, node: Node) -> object:
        if not session.back():
            self.say("This is the first step; there is nothing to go back to.")
            return self._read_answer(session, node)
        self.journal.record(session)
        return _HANDLED

    def _review(self, session: Session, node: Node) -> object:
        steps = session.steps
        if not steps:
            self.say("No answers yet.")
            return self._read_answer(session, node)
        for number, step in enumerate(steps, 1):
            self.say(f"{number}. {step.label}: {describe_answer(step, session.answers[step.qid])}")
        choice = parse_number(self.ask("Number of the answer to change (Enter to keep all):") or "0")
        if isinstance(choice, int) and 1 <= choice <= len(steps):
            self._edit(session, steps[choice - 1])
        return _HANDLED

    def _edit(self, session: Session, node: Node) -> None:
        self._show(node)
        value = self._read_answer(session, node)
        if value is not _HANDLED:
            changed = session.answers.get(node.qid) != value
            session.edit(node.qid, value)
            self.journal.record(session)
            if changed:
                self.say(wording.ANSWER_CHANGED)

    def _stop(self, session: Session, node: Node) -> object:
        raise Quit()

    # --- showing -----------------------------------------------------------------------------------------

    def _show(self, node: Node) -> None:
        self.say(node.title or "")
        for line in _DESCRIBE[type(node)](node):
            self.say(line)

    def _show_result(self, session: Session) -> None:
        from wizard.report import render
        from wizard.report.summary import build_summary
        if session.status == "emergency":
            referral = session.result().referral
            self.say("\n" + "!" * 60)
            self.say("EMERGENCY: " + ((referral.action or referral.reason) if referral else ""))
            self.say(wording.EMERGENCY_CALL)
            self.say("!" * 60)
        self.say("")
        retest = self.retest_view(session) if self.retest_view is not None else None
        self.say(render(build_summary(session, retest=retest), "md"))


_HANDLED = object()
_COMMANDS: dict[str, Callable] = {"?": PlainFrontEnd._why, "b": PlainFrontEnd._back, "r": PlainFrontEnd._review,
                                  "q": PlainFrontEnd._stop}


def _checked(node: Node, value: object) -> object:
    """The parsed answer, or AnswerError with what to type instead (the app's words for the same fault)."""
    if value is None:
        raise AnswerError(_what_to_type(node))
    try:
        check_answer(node, value)
    except AnswerError as exc:
        raise AnswerError(wording.does_not_fit(exc)) from None
    return value


def _what_to_type(node: Node) -> str:
    if isinstance(node, Question) and node.style == "yes_no":
        return "Type 1 or y for yes, 2 or n for no."
    if isinstance(node, Question) and node.style == "multi":
        return f"Type the numbers of all that apply, from 1 to {len(node.options)}, or {_none_number(node)} for none."
    count = len(node.options) if isinstance(node, Question) else len(getattr(node, "results", ()))
    return wording.pick_a_number(count)


def _none_number(node: Question) -> int:
    """What to type for "none of these": the list's own "None of these" option when it has one (so the prompt
    and the numbered list agree), else 0."""
    return next((i for i, o in enumerate(node.options, 1) if o.exclusive), 0)


def _numbered(labels: list[str]) -> list[str]:
    return [f"  {i}. {label}" for i, label in enumerate(labels, 1)]


def _describe_question(node: Question) -> list[str]:
    lines = [node.text] + ([node.help] if node.help else [])
    if node.style == "yes_no":
        return lines + _numbered([wording.YES, wording.NO])
    return lines + _numbered([o.label for o in node.options])


def _describe_test(node: SelfTest) -> list[str]:
    lines = [node.text, "Steps:"] + _numbered(list(node.steps))
    lines += [f"STOP RULE: {node.stop_rule}", f"{wording.POSITIVE_FEELS}{node.positive_feels}",
              wording.WHO.get(node.who, node.who)]
    if node.hold_seconds:
        lines.append(f"Hold for {node.hold_seconds} seconds (count or use a clock).")
    return lines + ["Your result:"] + _numbered([wording.RESULT_LABELS[r] for r in node.results])


def _describe_measure(node: Measure) -> list[str]:
    cannot = [f"Type c for: {node.cannot_do}"] if node.cannot_do else []
    timer = [f"Time it with a clock or a phone: up to {node.hold_seconds} seconds."] if node.hold_seconds else []
    return [node.text] + ([node.help] if node.help else []) + [f"Range: {_range(node)}"] + timer + cannot


def _range(node: Measure) -> str:
    return wording.number_range(node.min, node.max, node.unit, node.integer)


_DESCRIBE: dict[type, Callable[[Any], list[str]]] = {
    Question: _describe_question, SelfTest: _describe_test, Measure: _describe_measure, Info: lambda node: [node.text]}


def _pick(options: list[T], text: str) -> T | None:
    number = parse_number(text)
    return options[number - 1] if isinstance(number, int) and 1 <= number <= len(options) else None


def _parse_question(node: Question, text: str) -> object:
    if node.style == "yes_no":
        word = text.lower()
        return True if word in YES else False if word in NO else None
    values = [o.value for o in node.options]
    if node.style == "single":
        return _pick(values, text)
    if text.strip() == "0":
        none = _none_number(node)
        return [values[none - 1]] if none else []
    picked = [_pick(values, part) for part in text.replace(",", " ").split()]
    return picked if picked and None not in picked else None


def _parse_measure(node: Measure, text: str) -> object:
    number = parse_measure(node, text)
    if number is None:
        what = wording.type_a_number(node.min, node.max, node.unit, node.integer)
        raise AnswerError(what[:-1] + ", or c." if node.cannot_do else what)
    return number


PARSERS = {
    Question: _parse_question,
    SelfTest: lambda node, text: _pick(list(node.results), text),
    Measure: _parse_measure,
    Info: lambda node, text: True,
}

_PROMPTS = {
    Question: lambda n: {"yes_no": "Answer 1 (yes) or 2 (no):", "single": "Number:",
                         "multi": f"Numbers of all that apply, separated by spaces ({_none_number(n)} for none):",
                         }[n.style],
    SelfTest: lambda n: "Number of your result:",
    Measure: lambda n: f"Number ({_range(n)}):",
    Info: lambda n: "Press Enter to continue:",
}


def choose_tree(library: Library, front: PlainFrontEnd) -> str:
    entries = library.entries() or sorted(library.trees.values(), key=lambda t: t.title)
    front.say("Which check would you like to do?")
    for line in _numbered([f"{t.title} ({minutes_words(expected_minutes(library, t.id))})" for t in entries]):
        front.say(line)
    while True:
        picked = _pick(entries, front.ask("Number:"))
        if picked:
            return picked.id
        front.say(wording.pick_a_number(len(entries)))


def open_store(args, front: PlainFrontEnd):
    """The history store, or None (said plainly) when it cannot be opened; the walk works either way."""
    from wizard.history.store import Store, data_dir_for_run
    data_dir, author_notice = data_dir_for_run(args.data_dir, list(args.trees), getattr(args, "watch", False))
    if author_notice:
        front.say(author_notice)
    try:
        store = Store.open(data_dir)
    except StateError as exc:
        front.say(f"{exc}. This check will not be saved.")
        return None
    for notice in store.notices:
        front.say(notice)
    return store


def offer_resume(store, library: Library, front: PlainFrontEnd):
    """(session, journal) for an unfinished walk the person chooses to carry on, else None."""
    rows = [r for r in store.unfinished() if r.tree_id in library.trees] if store else []
    if not rows:
        return None
    from wizard.history.views import resume_label
    row = rows[0]
    label = resume_label(library, row, store.load(row.id))
    if front.ask(f"You have an unfinished walk: {label}. Carry on? 1 (yes) or 2 (no):").lower() not in YES:
        if front.ask("Discard it, so it is not offered again? 1 (yes) or 2 (no):").lower() in YES:
            store.delete(row.id)
            front.say("Discarded.")
        return None
    session, notes, journal = store.resume(row.id, library)
    for note in notes:
        front.say(note)
    return session, journal


def attach_history(store: Store, library: Library, session: Session, journal: Journal,
                   front: PlainFrontEnd) -> None:
    """A re-test says up front what it compares with, and its summary carries the comparison and stage."""
    from wizard.history.retest import retest_intro, retest_view
    intro = retest_intro(store, library, session.tree_id)
    if intro and not session.finished:
        front.say(intro)
    front.retest_view = lambda s: retest_view(store, library, s, journal.id_of(s))


def run_plain(args, stdin: TextIO = sys.stdin, stdout: TextIO = sys.stdout) -> int:
    library = loader.load(args.trees)
    if args.tree and args.tree not in library.trees:  # before the store, so a typo creates no history file
        raise UnknownTree(args.tree, library.trees)
    front = PlainFrontEnd(library, stdin, stdout)
    store = open_store(args, front)
    try:
        return _walk_plain(args, library, front, store)
    finally:
        if store:
            store.close()  # also lets go of the walk's lock (see history.walk_lock)


def _walk_plain(args, library: Library, front: PlainFrontEnd, store) -> int:
    try:
        resumed = offer_resume(store, library, front)
        session, journal = resumed or (None, store.journal() if store else NullJournal())
        if session is None:
            tree_id = args.tree if args.tree else choose_tree(library, front)
            session = Session(library, tree_id)
            if store:
                from wizard.history.retest import suggest_from_last_check
                suggest_from_last_check(store, library, session)
    except Quit:
        front.say(wording.INPUT_ENDED)  # `ask` has ended the prompt's line
        return 0
    front.journal = GuardedJournal(journal, front.say)
    if store and session.tree_id in library.retest_trees():
        attach_history(store, library, session, journal, front)
    return front.run(session, begun=resumed is not None)
