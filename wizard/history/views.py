"""History views: past walks, measures over time, each self-test per side over time, as text or CSV.

The views (sparkline, trends, self-test table) are pure functions of the store's rows and the library, so the
TUI's history screen shows exactly what `hip-wizard history` (wizard/commands/history.py) prints. Nothing here
loads trees, YAML or JSON Schema: the app's history screen imports this module. Labels come from the row saved with each
answer (so history still reads sensibly after a tree changed) and fall back to the loaded trees for rows
migrated from schema 1.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, replace
from datetime import datetime
from typing import TextIO, cast

from wizard.history.compare import SIDES, side_state
from wizard.content.model import Library, Measure
from wizard.history.store import AnswerRow, SessionRow, Store
from wizard.errors import StateError
from wizard.text import terminal_safe
from wizard.wording import HISTORY_DISCLAIMER, walks

BARS = "▁▂▃▄▅▆▇█"
TEST_MARKS = {"positive": "+", "negative": "-", "could_not": "x", "unsure": "?", None: "."}
NO_SIDE = ""  # the side cell of a test done on neither side alone: blank, since "-" already means negative
MARKS_KEY = "+ positive, - negative, ? unsure, x could not do it, . not done"
MAX_TEST_COLUMNS = 8
SIDE_WORDS = ("left", "right", "both", "neither")
TREND_HEAD = ("Measure", "Trend", "Latest values", "From - to")


# --- pure views --------------------------------------------------------------------------------------------


def sparkline(values: list[float], low: float | None = None, high: float | None = None) -> str:
    """One bar a value, scaled to [low, high] (the measure's range when known, else the values' own)."""
    if not values:
        return ""
    low = min(values) if low is None else low
    high = max(values) if high is None else high
    if high <= low:
        return BARS[3] * len(values)
    top = len(BARS) - 1
    return "".join(BARS[max(0, min(top, round((v - low) / (high - low) * top)))] for v in values)


def when(iso: str) -> str:
    """A stored UTC time as the person's local date and time."""
    try:
        return datetime.fromisoformat(iso).astimezone().strftime("%Y-%m-%d %H:%M")
    except ValueError:
        return iso[:16]


def resolve(rows: list[AnswerRow], library: Library) -> list[AnswerRow]:
    """Measures and self-tests worth charting: kind, label and unit filled from the loaded trees where a
    (schema 1) row lacks them; answers from red-flag screens (such as age) are not progress and are left out."""
    out = []
    for row in rows:
        if row.kind is None and library.has_node(row.qid):
            node = library.node(row.qid)
            row = replace(row, kind=node.kind, label=node.label, unit=getattr(node, "unit", None))
        if row.kind in ("measure", "self_test") and not _screening(library, row.qid):
            out.append(row)
    return out


def _screening(library: Library, qid: str) -> bool:
    tree = library.trees.get(qid.partition("/")[0])
    return tree is not None and tree.role == "red_flags"


@dataclass(frozen=True)
class Trend:
    qid: str
    label: str
    unit: str
    points: tuple[tuple[str, float], ...]
    low: float | None = None
    high: float | None = None

    @property
    def values(self) -> list[float]:
        return [v for _, v in self.points]

    @property
    def spark(self) -> str:
        return sparkline(self.values, self.low, self.high)

    @property
    def name(self) -> str:
        return f"{self.label} ({self.unit})" if self.unit else self.label

    @property
    def latest(self) -> str:
        """The last six values, oldest first."""
        return " -> ".join(f"{v:g}" for v in self.values[-6:])

    @property
    def span(self) -> str:
        return f"{when(self.points[0][0])[:10]} to {when(self.points[-1][0])[:10]}"


def measure_trends(rows: list[AnswerRow], library: Library) -> list[Trend]:
    """One trend a measure, oldest value first, in the order measures were first met."""
    series: dict[str, list[AnswerRow]] = {}
    for row in rows:
        if row.kind == "measure" and _is_number(row.value):
            series.setdefault(row.qid, []).append(row)
    return [_trend(qid, found, library) for qid, found in series.items()]


MAX_CHARTS = 4


def walk_trends(store: Store, library: Library, session_id: str | None) -> list[Trend]:
    """The measures of walks up to and including `session_id` that have changed over at least two walks
    (pain, walking, balance...), for the charts in a summary; empty without history or with one walk."""
    if session_id is None:
        return []
    try:
        upto = store.session(session_id).started
    except StateError:
        return []
    rows = [r for r in resolve(store.answer_rows(), library) if r.started <= upto]
    return [t for t in measure_trends(rows, library) if len(t.points) >= 2][:MAX_CHARTS]


def _trend(qid: str, rows: list[AnswerRow], library: Library) -> Trend:
    node = library.node(qid) if library.has_node(qid) else None
    low, high = (node.min, node.max) if isinstance(node, Measure) else (None, None)
    last = rows[-1]
    points = tuple((r.started, cast(float, r.value)) for r in rows)  # measure_trends kept numbers only
    return Trend(qid, clean(last.label or qid), clean(last.unit or ""), points, low, high)


def _is_number(value: object) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


@dataclass(frozen=True)
class SelfTestTable:
    """Self-test results per side (rows) over walks (columns); cells are TEST_MARKS keys."""

    columns: tuple[tuple[str, str], ...]  # (session id, started)
    rows: tuple[tuple[str, str | None, tuple[str | None, ...]], ...]  # (label, side, cell per column)


def self_test_table(rows: list[AnswerRow], limit: int = MAX_TEST_COLUMNS) -> SelfTestTable:
    """The last `limit` walks that did any self-test; sided tests get a row per side."""
    tests = [r for r in rows if r.kind == "self_test"]
    columns = list(dict.fromkeys((r.session_id, r.started) for r in tests))[-limit:]
    results = {(r.qid, r.session_id): r.value for r in tests}
    labels = {r.qid: clean(r.label or r.qid) for r in tests}
    table = []
    for qid, label in labels.items():
        sided = any(value in SIDE_WORDS for (q, _), value in results.items() if q == qid)
        for side in SIDES if sided else (None,):
            cells = tuple(side_state(results[(qid, sid)], side) if (qid, sid) in results else None
                          for sid, _ in columns)
            table.append((label, side, cells))
    return SelfTestTable(tuple(columns), tuple(table))


def column_titles(table: SelfTestTable) -> list[str]:
    """Dates, or month-day and time when two walks fall on one day."""
    stamps = [when(started) for _, started in table.columns]
    days = [s[:10] for s in stamps]
    return days if len(set(days)) == len(days) else [s[5:] for s in stamps]


def clean(text: object) -> str:
    return terminal_safe(text).replace("\n", " ").replace("\t", " ")


def tree_name(library: Library, tree_id: str) -> str:
    tree = library.trees.get(tree_id)
    return clean(tree.title if tree else tree_id)


def finding_names(library: Library, ids: tuple[str, ...]) -> str:
    return "; ".join(clean(library.findings[f].name if f in library.findings else f) for f in ids) or "-"


URGENCY_SHORT = {"emergency": "emergency", "urgent": "urgent", "routine": "routine", "self_care": "self-care"}
STATUS_WORDS = {"in_progress": "not finished", "finished": "finished", "emergency": "stopped: emergency"}


def session_cells(row: SessionRow, library: Library) -> tuple[str, str, str, str, str]:
    """(date, tree, status, urgency, findings) as the list shows them."""
    return (when(row.started), tree_name(library, row.tree_id), STATUS_WORDS.get(row.status, row.status),
            URGENCY_SHORT.get(row.urgency, "-") if row.urgency else "-", finding_names(library, row.findings))


# --- text output -------------------------------------------------------------------------------------------


def render(store: Store, library: Library, width: int | None = None) -> list[str]:
    """The history as text lines; the walks table is cut to `width` columns when given (a terminal)."""
    sessions = store.sessions()
    if not sessions:
        return [f"No history yet. Walks you take are saved here, privately: {store.path}"]
    rows = resolve(store.answer_rows(), library)
    short = store.short_ids()
    lines = [f"History: {walks(len(sessions))}, kept in {store.path}",
             "Use an id with `hip-wizard export ID` or `hip-wizard history --delete ID`.", ""]
    table = _table(("Id", "Date", "Check", "Status", "Urgency", "Findings"),
                   [(short[r.id], *session_cells(r, library)) for r in sessions])
    lines += [fit(line, width) if width else line for line in table] + [""]
    lines += _trend_lines(measure_trends(rows, library))
    lines += _test_lines(self_test_table(rows))
    lines += comparison_lines(store, library)
    return lines + [DISCLAIMER]


def comparison_lines(store: Store, library: Library) -> list[str]:
    """The latest walk against the full check before it (what a quick re-test is for)."""
    from wizard.history.compare import describe
    from wizard.history.retest import latest_comparison
    found = latest_comparison(store, library)
    if found is None:
        return []
    names = {f: finding.name for f, finding in library.findings.items()}
    return ["Latest walk compared with the full check before it",
            *(f"  {clean(line)}" for line in describe(found[1], names)), ""]


def _trend_lines(trends: list[Trend]) -> list[str]:
    if not trends:
        return []
    table = [(t.name, t.spark, t.latest, t.span) for t in trends]
    return ["Measures over time (oldest first)", *_table(TREND_HEAD, table), ""]


def _test_lines(table: SelfTestTable) -> list[str]:
    if not table.rows:
        return []
    head = ("Self-test", "Side", *column_titles(table))
    body = [(label, side or NO_SIDE, *(TEST_MARKS[c] for c in cells)) for label, side, cells in table.rows]
    return ["Self-tests per side over time", *_table(head, body), f"({MARKS_KEY})", ""]


def is_terminal(out: TextIO) -> bool:
    """Whether `out` is a terminal, so tables may be cut to its width."""
    isatty = getattr(out, "isatty", None)
    return bool(isatty and isatty())


def fit(line: str, width: int) -> str:
    """One table line cut to the terminal width (the last column, findings, gives way), marked with '…'."""
    return line if len(line) <= width else line[:max(width - 1, 1)] + "…"


def _table(head: tuple, body: list[tuple]) -> list[str]:
    widths = [max(len(str(r[i])) for r in (head, *body)) for i in range(len(head))]
    fmt = lambda row: "  ".join(str(c).ljust(w) for c, w in zip(row, widths, strict=True)).rstrip()  # noqa: E731
    return [fmt(head), fmt(tuple("-" * w for w in widths)), *(fmt(r) for r in body)]


DISCLAIMER = HISTORY_DISCLAIMER


# --- CSV ---------------------------------------------------------------------------------------------------

CSV_HEADER = ("session", "started", "updated", "check", "status", "urgency", "findings",
              "question_id", "kind", "question", "answer", "unit")
ALL_KINDS = ("question", "self_test", "measure", "info")


def export_csv(store: Store, library: Library, out: TextIO) -> None:
    """One row per answer (a walk with no answers gets one row), oldest walk first."""
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_HEADER)
    answers: dict[str, list[AnswerRow]] = {}
    for row in store.answer_rows(ALL_KINDS):
        answers.setdefault(row.session_id, []).append(row)
    for session in reversed(store.sessions()):
        head = (session.id, session.started, session.updated, session.tree_id, session.status,
                session.urgency or "", ";".join(session.findings))
        for answer in answers.get(session.id) or (None,):
            writer.writerow([_cell(c) for c in (*head, *_answer_cells(answer, library))])


def _answer_cells(row: AnswerRow | None, library: Library) -> tuple:
    if row is None:
        return ("",) * 5
    node = library.node(row.qid) if row.kind is None and library.has_node(row.qid) else None
    label = row.label or (node.label if node else "")
    return row.qid, row.kind or (node.kind if node else ""), label, _answer_text(row.value), row.unit or ""


def _answer_text(value: object) -> object:
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list):
        return ";".join(map(str, value))
    return value


def _cell(value: object) -> object:
    """Text that a spreadsheet would run as a formula gets a leading apostrophe."""
    if isinstance(value, str):
        value = clean(value)
        if value.lstrip(" \t\r\n\u200b\u200c\u200d\u2060\ufeff")[:1] in ("=", "+", "-", "@"):
            return "'" + value
    return value


# --- resuming ----------------------------------------------------------------------------------------------


def resume_label(library: Library, row: SessionRow, saved: dict) -> str:
    """"Full hip check, started 3 Mar 14:05, step 12 of about 30": what to call an unfinished walk."""
    from wizard.walk.resume import restore
    from wizard.walk.progress import expected
    started = datetime.fromisoformat(row.started).astimezone()
    label = f"{tree_name(library, row.tree_id)}, started {started.day} {started:%b %H:%M}"
    try:
        session, _ = restore(library, saved)
    except (StateError, KeyError, TypeError, ValueError):
        return label
    progress = expected(session)
    return f"{label}, step {progress.done + 1} of about {progress.done + progress.remaining}"

