"""History: past walks, measures over time as sparklines, each self-test per side over time; delete or wipe.

Everything shown is computed by the pure views in `wizard.history.views`, so the screen and `hip-wizard
history` always agree; this screen only lays them out and asks before deleting anything. Saved text is shown
as literal `rich.text.Text` (DataTable would parse plain strings as markup).
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import DataTable, Static

from wizard.history import views
from wizard.content.model import Library
from wizard.history.store import Store
from wizard.tui.safe_text import clean, literal
from wizard.tui import keymap
from wizard.tui.screens.confirm import ConfirmScreen
from wizard.tui.widgets.key_bar import KeyBar
from wizard.wording import walks

SESSION_COLUMNS = ("Date", "Check", "Status", "Urgency", "Findings")
TREND_COLUMNS = views.TREND_HEAD
PAGE = 50  # walks listed at a time: a long history opens as fast as a short one; more come as you scroll
TREND_WALKS = 60  # measures and self-tests are charted from the latest walks only (a note says so)
TREND_HEADING = "Measures over time (oldest first)"
TESTS_HEADING = "Self-tests per side over time"


CHARTS = 2


def cell(text: object) -> Text:
    return Text(clean(text), no_wrap=True)


class HistoryScreen(Screen):
    """Shows the store's history; `d` deletes the highlighted walk and `w` wipes all, each after a yes."""

    BINDINGS = keymap.HISTORY
    HELP_TOPIC = "history"
    DEFAULT_CSS = """
    HistoryScreen DataTable { height: auto; max-height: 14; margin-bottom: 1; }
    HistoryScreen .heading { text-style: bold; margin-top: 1; }
    HistoryScreen #history-disclaimer { color: $text-muted; margin-top: 1; }
    HistoryScreen #trend-charts { height: auto; margin-bottom: 1; }
    HistoryScreen .trend-chart { height: 3; width: 48; }
    """

    def __init__(self, store: Store, library: Library | None = None) -> None:
        super().__init__()
        self.store, self._library = store, library
        self.total = self.shown = 0

    @property
    def library(self) -> Library:
        return self._library or getattr(self.app, "library", None) or Library()

    def compose(self) -> ComposeResult:
        with VerticalScroll():
            yield Static(literal(("History", "bold")), id="history-title", markup=False)
            yield Static("", id="history-summary", markup=False)
            yield DataTable(id="sessions", cursor_type="row", zebra_stripes=True)
            yield Static(literal(TREND_HEADING), id="trends-heading", classes="heading", markup=False)
            yield DataTable(id="trends", cursor_type="none", show_cursor=False)
            yield Vertical(id="trend-charts")
            yield Static(literal(TESTS_HEADING), id="tests-heading", classes="heading", markup=False)
            yield Static(literal((views.MARKS_KEY, "dim")), markup=False)
            yield DataTable(id="tests", cursor_type="none", show_cursor=False)
            yield Static("", id="comparison", markup=False)
            yield Static(literal(views.DISCLAIMER), id="history-disclaimer", markup=False)
        yield KeyBar()

    def on_mount(self) -> None:
        self.refresh_history()
        self.query_one("#sessions", DataTable).focus()

    # --- filling the tables --------------------------------------------------------------------------------

    def refresh_history(self) -> None:
        """Re-read the store and redraw every part (after a delete, or when first shown)."""
        self.total, self.shown = self.store.session_count(), 0
        rows = views.resolve(self.store.answer_rows(last=TREND_WALKS), self.library)
        self._fill_sessions()
        trends = views.measure_trends(rows, self.library)
        self._fill_trends(trends)
        self._fill_charts(trends)
        self._fill_tests(views.self_test_table(rows))
        self._fill_comparison()
        self._note_limits()

    def _note_limits(self) -> None:
        """The summary line, and on the chart headings how many walks they cover when not all of them."""
        count = self.total
        summary = (f"{walks(count)}, kept privately in {self.store.path}" if count else
                   f"No history yet. Walks you take are saved here, privately: {self.store.path}")
        if self.shown < count:
            summary += f". Listing the latest {self.shown}: scroll down or press m for more."
        self.query_one("#history-summary", Static).update(literal((summary, "dim")))
        latest = f" - the latest {TREND_WALKS} of {count} walks" if count > TREND_WALKS else ""
        self.query_one("#trends-heading", Static).update(literal(TREND_HEADING + latest))
        self.query_one("#tests-heading", Static).update(literal(TESTS_HEADING + latest))

    def _fill_sessions(self) -> None:
        table = self.query_one("#sessions", DataTable)
        table.clear(columns=True)
        table.add_columns(*SESSION_COLUMNS)
        self._list_more()

    def _list_more(self) -> None:
        """The next page of walks, read from the store only when it is listed."""
        table = self.query_one("#sessions", DataTable)
        page = self.store.sessions(limit=PAGE, offset=self.shown)
        for row in page:
            table.add_row(*(cell(c) for c in views.session_cells(row, self.library)), key=row.id)
        self.shown += len(page)
        self.refresh_bindings()

    def action_more(self) -> None:
        if self.shown < self.total:
            self._list_more()
            self._note_limits()

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        """Reaching the last listed walk lists the next page, so scrolling simply goes on."""
        if event.data_table.id == "sessions" and event.cursor_row >= self.shown - 1:
            self.action_more()

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        return self.shown < self.total if action == "more" else True

    def _fill_trends(self, trends) -> None:
        table = self.query_one("#trends", DataTable)
        table.clear(columns=True)
        table.add_columns(*TREND_COLUMNS)
        for trend in trends:
            table.add_row(cell(trend.name), Text(trend.spark, style="bold"), cell(trend.latest), cell(trend.span))

    def _fill_charts(self, trends) -> None:
        """A small chart for each of the first measures (pain and walking in the bundled checks), beside
        the sparklines: the values over time, oldest on the left, with the values written above it."""
        from textual.widgets import Sparkline
        box = self.query_one("#trend-charts", Vertical)
        box.remove_children()
        charted = [t for t in trends if len(t.points) >= 2][:CHARTS]
        box.mount_all([widget for t in charted for widget in (
            Static(literal((t.name, "bold"), f"  {t.latest}"), markup=False),
            Sparkline(t.values, summary_function=max, classes="trend-chart"))])

    def _fill_tests(self, table_data: views.SelfTestTable) -> None:
        table = self.query_one("#tests", DataTable)
        table.clear(columns=True)
        table.add_columns("Self-test", "Side", *views.column_titles(table_data))
        for label, side, cells in table_data.rows:
            table.add_row(cell(label), cell(side or views.NO_SIDE), *(cell(views.TEST_MARKS[c]) for c in cells))

    def _fill_comparison(self) -> None:
        lines = views.comparison_lines(self.store, self.library)
        self.query_one("#comparison", Static).update(literal("\n".join(lines)))

    # --- actions -------------------------------------------------------------------------------------------

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        """Enter on a walk: a finished one opens its summary (with export); an unfinished one carries on."""
        if event.data_table.id != "sessions" or event.row_key.value is None:
            return
        event.stop()
        from wizard.tui.messages import OpenPastWalk, ResumeWalk
        row = self.store.session(event.row_key.value)
        self.post_message(ResumeWalk(row.id) if row.status == "in_progress" else OpenPastWalk(row.id))

    def highlighted_id(self) -> str | None:
        table = self.query_one("#sessions", DataTable)
        if table.row_count == 0:
            return None
        return table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value

    def action_delete(self) -> None:
        session_id = self.highlighted_id()
        if session_id is None:
            self.notify("There is nothing to delete.")
            return
        date, tree, *_ = views.session_cells(self.store.session(session_id), self.library)
        question = f"Delete the walk '{tree}' of {date}? This cannot be undone."
        self.app.push_screen(ConfirmScreen(question, "Delete", "Keep"),
                             lambda yes: self._deleted(yes, session_id))

    def _deleted(self, yes: bool | None, session_id: str) -> None:
        if yes:
            self.store.delete(session_id)
            self.notify("Walk deleted.")
            self.refresh_history()

    def action_wipe(self) -> None:
        count = len(self.store.sessions())
        if not count:
            self.notify("There is nothing to delete.")
            return
        question = f"Delete ALL history ({walks(count)})? This cannot be undone."
        self.app.push_screen(ConfirmScreen(question, "Delete all", "Keep"), self._wiped)

    def _wiped(self, yes: bool | None) -> None:
        if yes:
            self.store.wipe()
            self.notify("All history deleted.")
            self.refresh_history()

    def action_close(self) -> None:
        self.dismiss()
