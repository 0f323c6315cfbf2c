"""The textual application of `figcheck view`: the list of rows on the left, the selected row's detail on the
right, a code filter above, the keys below. The only module of figcheck that imports textual."""

from __future__ import annotations

import os
import subprocess
from dataclasses import replace

from rich.text import Text
from textual.app import App, ComposeResult, SuspendNotSupported
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Footer, Input, OptionList, Static
from textual.widgets.option_list import Option

from figcheck.registry import SEVERITIES
from figcheck.results import FileResult
from figcheck.view.detail import detail, label
from figcheck.view.editor import editor_command
from figcheck.view.rows import Entry, Filter, Row, entries, place_of, selectable
from figcheck.view.words import words


def key_bindings(lang: str) -> list[Binding]:
    said = words(lang)
    return [
        Binding("j,down", "next", said["key_down"], show=False),
        Binding("k,up", "previous", said["key_up"], show=False),
        Binding("slash", "codes", said["key_codes"], key_display="/"),
        Binding("e", "severity('error')", said["key_error"]),
        Binding("w", "severity('warning')", said["key_warning"]),
        Binding("i", "severity('info')", said["key_info"]),
        Binding("p", "toggle_passed", said["key_passed"]),
        Binding("u", "toggle_unverifiable", said["key_unverifiable"]),
        Binding("o", "open", said["key_open"]),
        Binding("escape", "back", said["key_back"], show=False),
        Binding("q", "quit", said["key_quit"]),
    ]


class ViewApp(App[None]):
    """Browse the findings of one run (Chinese)."""

    CSS = """
    #status { height: 1; padding: 0 1; background: $boost; }
    #main { height: 1fr; }
    #rows { width: 45%; height: 1fr; text-wrap: nowrap; text-overflow: ellipsis; }
    #rows > .option-list--option-disabled { color: $text; }
    #pane { width: 1fr; height: 1fr; padding: 0 1; }
    """
    ENABLE_COMMAND_PALETTE = False
    BINDINGS = key_bindings("zh")
    LANG = "zh"

    def __init__(self, results: list[FileResult], show_passed: bool = False) -> None:
        super().__init__()
        self.results = results
        self.keep = Filter(passed=show_passed)
        self.found: list[Entry] = []
        self.said = words(self.LANG)
        self.title = self.said["title"]

    def compose(self) -> ComposeResult:
        yield Input(placeholder=self.said["placeholder"], id="codes")
        yield Static(id="status")
        with Horizontal(id="main"):
            yield OptionList(id="rows")
            with VerticalScroll(id="pane"):
                yield Static(id="detail")
        yield Footer()

    def on_mount(self) -> None:
        self._refill()
        self.query_one("#rows", OptionList).focus()

    @property
    def selected(self) -> Row | None:
        """The row under the cursor, or None when the list shows nothing."""
        index = self.query_one("#rows", OptionList).highlighted
        entry = self.found[index] if index is not None and index < len(self.found) else None
        return entry if isinstance(entry, Row) else None

    def _refill(self) -> None:
        """Rebuild the list for the current filter, keeping the selected row when it is still shown."""
        was = self.selected if self.found else None
        self.found = entries(self.results, self.keep)
        listing = self.query_one("#rows", OptionList)
        listing.set_options(
            Option(label(entry, self.LANG), disabled=not isinstance(entry, Row)) for entry in self.found
        )
        listing.highlighted = place_of(self.found, was)
        self._show()

    def _show(self) -> None:
        keep, said = self.keep, self.said
        self.query_one("#status", Static).update(
            Text(
                said["status"].format(
                    severity=said[keep.severity] if keep.severity else said["all"],
                    codes=", ".join(keep.prefixes()) or said["all"],
                    passed=said["shown" if keep.passed else "hidden"],
                    unverifiable=said["shown" if keep.unverifiable else "hidden"],
                    count=len(selectable(self.found)),
                )
            )
        )
        row = self.selected
        self.query_one("#detail", Static).update(detail(row, self.LANG) if row else Text(said["empty"]))

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self._show()

    def on_input_changed(self, event: Input.Changed) -> None:
        self.keep = replace(self.keep, codes=event.value)
        self._refill()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.action_back()

    def action_next(self) -> None:
        self.query_one("#rows", OptionList).action_cursor_down()

    def action_previous(self) -> None:
        self.query_one("#rows", OptionList).action_cursor_up()

    def action_codes(self) -> None:
        self.query_one("#codes", Input).focus()

    def action_back(self) -> None:
        self.query_one("#rows", OptionList).focus()

    def action_severity(self, level: str) -> None:
        """Show one severity; the same key again shows all."""
        if level in SEVERITIES:
            self.keep = replace(self.keep, severity="" if self.keep.severity == level else level)
            self._refill()

    def action_toggle_passed(self) -> None:
        self.keep = replace(self.keep, passed=not self.keep.passed)
        self._refill()

    def action_toggle_unverifiable(self) -> None:
        self.keep = replace(self.keep, unverifiable=not self.keep.unverifiable)
        self._refill()

    def action_open(self) -> None:
        """Open the selected row's file at its line in $EDITOR, the view suspended meanwhile."""
        row, said = self.selected, self.said
        if row is None:
            return
        editor = os.environ.get("EDITOR", "").strip()
        if not editor:
            self.notify(said["no_editor"], severity="warning", markup=False)
        elif row.path == "-":
            self.notify(said["stdin"], severity="warning", markup=False)
        elif not row.document.has_lines:
            where = row.document.locate(row.offset) or str(row.line)
            self.notify(said["no_lines"].format(path=row.path, where=where), severity="warning", markup=False)
        else:
            self._run_editor(editor, row)

    def _run_editor(self, editor: str, row: Row) -> None:
        try:
            command = editor_command(editor, row.path, row.line)
            with self.suspend():
                subprocess.run(command, check=False)
        except SuspendNotSupported:
            self.notify(self.said["no_suspend"], severity="error", markup=False)
        except (OSError, ValueError) as exc:  # no such program; unbalanced quotes in $EDITOR
            self.notify(self.said["editor_failed"].format(editor=editor, error=exc), severity="error", markup=False)


class EnglishViewApp(ViewApp):
    """The same in English (labels, status line, keys' descriptions)."""

    BINDINGS = key_bindings("en")
    LANG = "en"


def make_app(results: list[FileResult], lang: str = "zh", show_passed: bool = False) -> ViewApp:
    return (EnglishViewApp if lang == "en" else ViewApp)(results, show_passed)
