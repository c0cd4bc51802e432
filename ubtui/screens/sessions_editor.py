"""The session editor: built for typing a protocol by keyboard, during the session or from notes.

Tabs: the session's header, the attendance (Space marks a member absent and asks
why), then one tab per agenda item with what was heard, who spoke and the
decisions.  Long texts are TextAreas (a paste of many lines keeps them all).
F2 saves at any point (as a draft until the status says held); leaving with
unsaved changes asks first.
"""

from __future__ import annotations

import dataclasses
from typing import Any, Iterable, Mapping

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import DataTable, Footer, Header, Input, Label, Select, Static, TabbedContent, TabPane, TextArea

from ubtui.domain.collation import name_key
from ubtui.domain.people import Person, PersonLike, display_name, is_empty
from ubtui.domain.sessions import (
    DECISION_STATUSES,
    KINDS,
    STATUSES,
    AgendaItem,
    Attendance,
    Decision,
    Guest,
    Session,
    Speaker,
    Vote,
    missing_parts,
    status_label,
)
from ubtui.domain.validation import Problems, ValidationError
from ubtui.errors import UserError
from ubtui.screens.editing import edits
from ubtui.i18n import N_, _
from ubtui.screens.confirm import ConfirmScreen
from ubtui.screens.sessions_modals import LeaveScreen, ReasonScreen
from ubtui.widgets.cells import Table
from ubtui.widgets.fields import date_input, read_date
from ubtui.widgets.keys import key
from ubtui.widgets.person import PersonField

EDITOR_CSS = """
SessionEditor #editor-title { height: 1; padding: 0 1; background: $primary 30%; }
SessionEditor #editor-tabs { height: 1fr; }
SessionEditor TabPane { padding: 0; }
SessionEditor .pane { height: 1fr; padding: 0 1; }
SessionEditor .caption { color: $text-muted; height: 1; margin-top: 1; }
SessionEditor .decision > .caption { margin-top: 0; }
SessionEditor .section { text-style: bold; color: $accent; height: 1; margin-top: 1; }
SessionEditor .line { height: 1; }
SessionEditor .line > Label { width: 14; color: $text-muted; }
SessionEditor .line > Input { width: 1fr; height: 1; border: none; padding: 0 1; background: $boost; }
SessionEditor .line > Input:focus { background: $primary 30%; }
SessionEditor .line > Input.-invalid { background: $error 20%; }
SessionEditor .line > Input.short { width: 14; }
SessionEditor .line > Input.number { width: 6; }
SessionEditor .line > Select { width: 18; }
SessionEditor .line > Label.gap { width: 1; }
SessionEditor .line > Label.gap-label { width: auto; padding: 0 1 0 2; }
SessionEditor TextArea { border: none; padding: 0 1; background: $boost; }
SessionEditor TextArea:focus { border: none; background: $primary 20%; }
SessionEditor .speakers, SessionEditor .decisions { height: auto; }
SessionEditor .block { height: auto; margin-top: 1; border-left: thick $primary 40%; padding-left: 1; }
SessionEditor #attendance { height: 1fr; }
SessionEditor #missing { height: auto; color: $warning; margin-top: 1; }
SessionEditor .caption-hint { margin-top: 1; padding: 0; }
"""


def ctrl(keys: str, action: str, description: str, display: str, **options: Any) -> Binding:
    """A Ctrl binding shown as `^N` (letters under a Cyrillic layout send the same control codes)."""
    return Binding(keys, action, description, key_display=display, **options)  # type: ignore[arg-type]


def _line(label: str, *controls: Widget, classes: str = "line") -> Horizontal:
    return Horizontal(Label(label), *controls, classes=classes)


def _select(options: dict[str, str], value: str, *, classes: str = "", id: str | None = None) -> Select[str]:
    return Select(
        [(_(label), code) for code, label in options.items()],
        value=value, allow_blank=False, prompt=_("Select"), compact=True, classes=classes, id=id,
    )


# Rows each kind of text gets (set on the widget: the app's stylesheet sizes every TextArea otherwise).
TEXT_ROWS = {"heard": 8, "speech": 4, "decision-text": 3, "guests": 4}


def _text_area(text: str, classes: str, *, id: str | None = None) -> TextArea:
    area = TextArea(text, soft_wrap=True, tab_behavior="focus", show_line_numbers=False, classes=classes, id=id)
    area.styles.height = TEXT_ROWS.get(classes, 6)
    return area


def _plain_for_console(root: Widget) -> None:
    """Under TERM=linux the app boxes every input; the one-line rows here have no room for a box."""
    if not getattr(root.app, "console_mode", False):
        return
    for widget in root.query("Input, TextArea, SelectCurrent"):
        widget.set_styles("border: none;")
    blocks = [root] if root.has_class("block") else []
    for block in [*blocks, *root.query(".block")]:
        block.set_styles("border-left: ascii ansi_blue;")


# --- the parts of an agenda item -------------------------------------------------------------------


class SpeakerEditor(Vertical):
    """Who spoke and what they said."""

    def __init__(self, speaker: Speaker, people: list[tuple[str, str]]) -> None:
        super().__init__(classes="block speaker")
        self.speaker = speaker
        self.people = people

    def on_mount(self) -> None:
        _plain_for_console(self)

    def compose(self) -> ComposeResult:
        yield _line(_("Who spoke"), PersonField(Person(self.speaker.teacher_id, self.speaker.guest), self.people,
                                                classes="speaker-name"))
        yield _text_area(self.speaker.text, "speech")

    def read(self) -> Speaker:
        who = self.query_one(".speaker-name", PersonField).person
        return Speaker(teacher_id=who.teacher_id, guest=who.guest, text=self.query_one(".speech", TextArea).text.strip())


class DecisionEditor(Vertical):
    """One resolution: the text, who is responsible, by when, and its status."""

    def __init__(self, decision: Decision, people: list[tuple[str, str]]) -> None:
        super().__init__(classes="block decision")
        self.decision = decision
        self.people = people

    def on_mount(self) -> None:
        _plain_for_console(self)

    def compose(self) -> ComposeResult:
        yield Label(_("Decision (what is to be done)"), classes="caption")
        yield _text_area(self.decision.text, "decision-text")
        for person in self.decision.responsible or [Person()]:  # one line per person responsible
            yield _line(_("Responsible"), PersonField(person, self.people, classes="responsible"))
        due = date_input(self.decision.due)
        due.add_class("due", "short")
        yield _line(_("Due date"), due, Label(" ", classes="gap"), _select(DECISION_STATUSES, self.decision.status,
                                                                          classes="decision-status"))

    def read(self, label: str, problems: Problems, where: str) -> Decision:
        due_input = self.query_one(".due", Input)
        due = None
        try:
            due = read_date(due_input)
        except ValueError:
            problems.add(where, _("Decision {label}: enter the due date as 30.08.2025.").format(label=label))
        status = str(self.query_one(".decision-status", Select).value)
        decision = dataclasses.replace(
            self.decision,
            text=self.query_one(".decision-text", TextArea).text.strip(),
            responsible=self._responsible(),
            due=due,
            status=status,
        )
        if status != "done":
            decision.done_on = None
        return decision

    def _responsible(self) -> list[Person]:
        return [p for p in (f.person for f in self.query(".responsible").results(PersonField)) if not p.is_empty()]

    def is_empty(self) -> bool:
        return not self.query_one(".decision-text", TextArea).text.strip() and not self._responsible() and not self.query_one(
            ".due", Input).value.strip()


class AgendaItemEditor(VerticalScroll):
    """An agenda item: title, rapporteur, heard, speakers, decisions, vote."""

    def __init__(self, item: AgendaItem, people: list[tuple[str, str]]) -> None:
        super().__init__(classes="pane item")
        self.item = item
        self.people = people

    def on_mount(self) -> None:
        _plain_for_console(self)

    def compose(self) -> ComposeResult:
        yield _line(_("Title"), Input(self.item.title, classes="item-title", placeholder=_("On … (… жөнүндө)")))
        yield _line(_("Rapporteur"), PersonField(self.item.rapporteur, self.people, classes="rapporteur"))
        yield Label(_("HEARD (the report)"), classes="section")
        yield _text_area(self.item.heard, "heard")
        yield Label(_("SPOKE (Ctrl+R adds a speaker)"), classes="section")
        with Vertical(classes="speakers"):
            for speaker in self.item.speakers:
                yield SpeakerEditor(speaker, self.people)
        yield Label(_("RESOLVED (Ctrl+T adds a decision)"), classes="section")
        with Vertical(classes="decisions"):
            for decision in self.item.decisions:
                yield DecisionEditor(decision, self.people)
        vote = self.item.vote
        numbers = ("", "", "") if vote is None else (str(vote.in_favour), str(vote.against), str(vote.abstained))
        yield Label(_("Vote (leave empty if there was none)"), classes="section")
        yield _line(
            _("In favour"), Input(numbers[0], classes="number vote-for"),
            Label(" " + _("against"), classes="gap-label"), Input(numbers[1], classes="number vote-against"),
            Label(" " + _("abstained"), classes="gap-label"), Input(numbers[2], classes="number vote-abstained"),
        )

    async def add_speaker(self) -> SpeakerEditor:
        editor = SpeakerEditor(Speaker(), self.people)
        await self.query_one(".speakers", Vertical).mount(editor)
        return editor

    async def add_decision(self) -> DecisionEditor:
        editor = DecisionEditor(Decision(), self.people)
        await self.query_one(".decisions", Vertical).mount(editor)
        return editor

    def read(self, number: int, problems: Problems) -> AgendaItem:
        where = f"item-{number}"
        speakers = [s.read() for s in self.query(SpeakerEditor)]
        decisions = [
            d.read(f"{number}.{m}", problems, where)
            for m, d in enumerate(self.query(DecisionEditor), 1)
        ]
        votes = []
        for name in ("vote-for", "vote-against", "vote-abstained"):
            text = self.query_one(f".{name}", Input).value.strip()
            if not text:
                votes.append(None)
            elif text.isdigit():
                votes.append(int(text))
            else:
                votes.append(None)
                problems.add(where, _("Item {n}: the vote must be whole numbers, 0 or more.").format(n=number))
        vote = None if all(v is None for v in votes) else Vote(*(v or 0 for v in votes))
        return dataclasses.replace(
            self.item,
            title=self.query_one(".item-title", Input).value.strip(),
            rapporteur=self.query_one(".rapporteur", PersonField).person,
            heard=self.query_one(".heard", TextArea).text.strip(),
            speakers=[s for s in speakers if not is_empty(s) or s.text],
            decisions=[d for d in decisions if d.text or d.responsible or d.due],
            vote=vote,
        )


# --- attendance -----------------------------------------------------------------------------------------


class AttendanceTable(Table):
    """Every member; Space marks present / absent, Enter edits the reason."""

    BINDINGS = [
        key("space", "toggle", N_("Present / absent")),
        key("enter", "reason", N_("Reason")),
    ]

    def action_toggle(self) -> None:
        self.screen.toggle_attendance(self.cursor_row)  # type: ignore[attr-defined]

    def action_reason(self) -> None:
        self.screen.ask_reason(self.cursor_row)  # type: ignore[attr-defined]


# --- the screen -----------------------------------------------------------------------------------------------


class SessionEditor(Screen[bool]):
    """Returns True when the session was saved at least once."""

    holds_a_form = True  # the app's undo waits until the editor is closed
    DEFAULT_CSS = EDITOR_CSS
    BINDINGS = [
        key("f2,ctrl+s", "save", N_("Save")),
        key("escape", "leave", N_("Back")),
        ctrl("ctrl+n", "add_item", N_("New item"), "^N"),
        ctrl("ctrl+r", "add_speaker", N_("Speaker"), "^R"),
        ctrl("ctrl+t", "add_decision", N_("Decision"), "^T"),
        ctrl("ctrl+delete,ctrl+g", "remove", N_("Remove"), "^Del"),
        ctrl("ctrl+pagedown", "next_tab", N_("Next tab"), "^PgDn", show=False),
        ctrl("ctrl+pageup", "previous_tab", N_("Previous tab"), "^PgUp", show=False),
    ]

    def __init__(self, session: Session, *, people: Iterable[tuple[str, str]] = (),
                 teachers: Mapping[str, str] | None = None) -> None:
        """`people`: (name, teacher id) the pickers offer, in Kyrgyz order; `teachers`: id → name
        of every teacher (those who left too), to name who the session lists."""
        super().__init__()
        self.session = session
        self.people = list(people)
        self.teachers = dict(teachers or {})
        self.attendance = [dataclasses.replace(a) for a in session.attendance]
        self.saved_once = False
        self._item_serial = 0
        self._snapshot: tuple[Any, ...] = ()

    def name_of(self, ref: PersonLike) -> str:
        """A person as the session names them: frozen (closed year), today's name, or the guest's."""
        return display_name(ref, self.teachers, self.session.names)

    # --- layout ---------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        session = self.session
        yield Header(icon="≡")
        yield Static("", id="editor-title", markup=False)
        with TabbedContent(id="editor-tabs"):
            with TabPane(_("Session"), id="tab-head"):
                with VerticalScroll(classes="pane"):
                    date = date_input(session.date, id="date")
                    date.add_class("short")
                    yield _line(_("Date"), date)
                    yield _line(_("Kind"), _select(KINDS, session.kind, id="kind"),
                                Label(_("Status"), classes="gap-label"), _select(STATUSES, session.status, id="status"))
                    yield _line(_("Place"), Input(session.place, id="place"))
                    yield _line(_("Chair of the session"), PersonField(session.chair, self.people, id="chair"))
                    yield _line(_("Secretary of the session"), PersonField(session.secretary, self.people, id="secretary"))
                    yield Label(_("Invited (one per line: name; position)"), classes="caption")
                    guests = "\n".join("; ".join(p for p in (g.name, g.position) if p) for g in session.guests)
                    yield _text_area(guests, "guests", id="guests")
                    yield Static("", id="missing", markup=False)
                    yield Static(
                        _("Ctrl+PgDn / Ctrl+PgUp: the next / previous tab. F2 saves at any point; the session counts "
                          "as held once its status says so."),
                        classes="hint caption-hint",
                    )
            with TabPane(_("Attendance"), id="tab-attendance"):
                with Vertical(classes="pane"):
                    yield Static(_("Everyone is present unless marked: Space — present / absent, Enter — the reason."),
                                 classes="hint")
                    yield AttendanceTable(id="attendance", cursor_type="row", zebra_stripes=True)
            for number, item in enumerate(session.agenda, 1):
                with TabPane(self._item_label(number), id=self._new_item_id()):
                    yield AgendaItemEditor(item, self.people)
        yield Footer()

    def _new_item_id(self) -> str:
        self._item_serial += 1
        return f"tab-item-{self._item_serial}"

    @staticmethod
    def _item_label(number: int) -> str:
        return _("Item {n}").format(n=number)

    def on_mount(self) -> None:
        table = self.query_one("#attendance", AttendanceTable)
        table.add_column("№", key="n", width=3)
        table.add_column(_("Member"), key="name", width=32)
        table.add_column(_("Present"), key="present", width=10)
        table.add_column(_("Reason of absence"), key="reason", width=24)
        _plain_for_console(self)
        self._fill_attendance()
        self._update_title()
        self.call_after_refresh(self._take_snapshot)
        self.query_one("#date", Input).focus()

    def _fill_attendance(self, row: int | None = None) -> None:
        table = self.query_one("#attendance", AttendanceTable)
        with self.app.batch_update():
            table.clear()
            for n, entry in enumerate(self.attendance, 1):
                table.add_row(
                    str(n), self.name_of(entry), _("present") if entry.present else _("ABSENT"), entry.reason, key=str(n)
                )
            if row is not None and self.attendance:
                table.move_cursor(row=min(row, len(self.attendance) - 1))

    def _update_title(self) -> None:
        session = self.session
        present = sum(1 for a in self.attendance if a.present)
        parts = [
            _("Protocol №{n}").format(n=session.number) if session.number else _("New session"),
            status_label(session.status),
            _("present {n} of {m}").format(n=present, m=len(self.attendance)),
        ]
        self.query_one("#editor-title", Static).update(" · ".join(p for p in parts if p))
        missing = missing_parts(session, self.teachers)
        self.query_one("#missing", Static).update(
            _("The protocol still lacks: {what}").format(what="; ".join(missing)) if missing and session.created_at else ""
        )

    # --- reading the form -----------------------------------------------------------------------------

    def _state(self) -> tuple[Any, ...]:
        """Everything typed, to tell whether anything changed since the last save."""
        values: list[Any] = []
        for widget in self.query("Input, TextArea, Select"):
            if isinstance(widget, Input):
                values.append(widget.value)
            elif isinstance(widget, TextArea):
                values.append(widget.text)
            elif isinstance(widget, Select):
                values.append(widget.value)
        values.append(tuple((a.teacher_id, a.guest, a.present, a.reason) for a in self.attendance))
        values.append(len(self.query(AgendaItemEditor)))
        return tuple(values)

    def _take_snapshot(self) -> None:
        self._snapshot = self._state()

    @property
    def changed(self) -> bool:
        return self._state() != self._snapshot

    def has_unsaved_changes(self) -> bool:
        """Asked by the app before it quits."""
        return self.changed

    def read(self) -> tuple[Session, Problems]:
        """The session as the form has it, and what cannot be read (bad dates, votes)."""
        problems = Problems()
        date = None
        date_widget = self.query_one("#date", Input)
        try:
            date = read_date(date_widget)
        except ValueError:
            problems.add("date", _("Enter the date as day.month.year, e.g. 30.08.2025."))
        guests = []
        for line in self.query_one("#guests", TextArea).text.splitlines():
            if line.strip():
                name, _sep, position = line.partition(";")
                guests.append(Guest(name.strip(), position.strip()))
        agenda = [editor.read(n, problems) for n, editor in enumerate(self.query(AgendaItemEditor), 1)]
        session = dataclasses.replace(
            self.session,
            date=date,
            kind=str(self.query_one("#kind", Select).value),
            status=str(self.query_one("#status", Select).value),
            place=self.query_one("#place", Input).value.strip(),
            chair=self.query_one("#chair", PersonField).person,
            secretary=self.query_one("#secretary", PersonField).person,
            attendance=[dataclasses.replace(a) for a in self.attendance],
            guests=guests,
            agenda=agenda,
        )
        return session, problems

    # --- saving ------------------------------------------------------------------------------------------

    def save(self) -> bool:
        """Save what the form has; on a problem, say it and show where. True when saved."""
        session, problems = self.read()
        if not problems:
            try:
                saved = self.app.store.sessions.save(session)
            except ValidationError as error:
                problems = error.problems
            except UserError as error:
                self.notify(str(error), severity="error", timeout=8)
                return False
            else:
                self.session = saved
                self.saved_once = True
                self._take_snapshot()
                self._update_title()
                missing = missing_parts(saved, self.teachers)
                if missing:
                    self.notify(_("Saved. The protocol still lacks: {what}").format(what="; ".join(missing)), timeout=6)
                else:
                    self.notify(_("Saved. The protocol is complete."))
                return True
        self._show_problems(problems)
        return False

    def _show_problems(self, problems: Problems) -> None:
        self.notify(" ".join(m for ms in problems.by_field.values() for m in ms[:1])[:300], severity="error", timeout=8)
        name = next(iter(problems.by_field), "")
        tabs = self.query_one("#editor-tabs", TabbedContent)
        if name.startswith("item-"):
            number = int(name.split("-")[1]) if name.split("-")[1].isdigit() else 1
            panes = self._item_panes()
            if 0 < number <= len(panes):
                tabs.active = panes[number - 1].id or ""
        elif name == "attendance":
            tabs.active = "tab-attendance"
        else:
            tabs.active = "tab-head"
            if name in ("date", "place"):
                self.query_one(f"#{name}", Input).focus()
            elif name in ("chair", "secretary"):
                self.query_one(f"#{name} Select").focus()

    @edits
    def action_save(self) -> None:
        self.save()

    def action_leave(self) -> None:
        if not self.changed:
            self.dismiss(self.saved_once)
            return

        def answered(answer: str | None) -> None:
            if answer == "save":
                if self.save():
                    self.dismiss(True)
            elif answer == "discard":
                self.dismiss(self.saved_once)

        self.app.push_screen(LeaveScreen(), answered)

    # --- attendance ---------------------------------------------------------------------------------------

    def toggle_attendance(self, row: int) -> None:
        if not 0 <= row < len(self.attendance):
            return
        entry = self.attendance[row]
        if entry.present:
            self.ask_reason(row)
        else:
            entry.present, entry.reason = True, ""
            self._fill_attendance(row)
            self._update_title()

    def ask_reason(self, row: int) -> None:
        if not 0 <= row < len(self.attendance):
            return
        entry = self.attendance[row]

        def answered(reason: str | None) -> None:
            if reason is None:
                return
            entry.present, entry.reason = False, reason
            self._fill_attendance(row)
            self._update_title()

        self.app.push_screen(ReasonScreen(self.name_of(entry), entry.reason), answered)

    # --- agenda items --------------------------------------------------------------------------------------

    def _item_panes(self) -> list[TabPane]:
        return [pane for pane in self.query(TabPane) if (pane.id or "").startswith("tab-item-")]

    def _current_item(self) -> AgendaItemEditor | None:
        tabs = self.query_one("#editor-tabs", TabbedContent)
        active = tabs.active
        if not active.startswith("tab-item-"):
            return None
        return tabs.get_pane(active).query_one(AgendaItemEditor)

    async def action_add_item(self) -> None:
        tabs = self.query_one("#editor-tabs", TabbedContent)
        number = len(self._item_panes()) + 1
        editor = AgendaItemEditor(AgendaItem(), self.people)
        pane = TabPane(self._item_label(number), editor, id=self._new_item_id())
        await tabs.add_pane(pane)
        tabs.active = pane.id or ""
        editor.query_one(".item-title", Input).focus()

    async def action_add_speaker(self) -> None:
        item = self._current_item()
        if item is None:
            self.notify(_("Open an agenda item first (Ctrl+N adds one)."), severity="warning")
            return
        editor = await item.add_speaker()
        editor.query_one(".speaker-name Select").focus()

    async def action_add_decision(self) -> None:
        item = self._current_item()
        if item is None:
            self.notify(_("Open an agenda item first (Ctrl+N adds one)."), severity="warning")
            return
        editor = await item.add_decision()
        editor.query_one(".decision-text", TextArea).focus()

    def action_remove(self) -> None:
        """Remove the speaker or decision being edited, else the whole item (asks when it has text)."""
        item = self._current_item()
        if item is None:
            return
        focused = self.focused
        block: Widget | None = None
        node = focused
        while node is not None and node is not item:
            if isinstance(node, (SpeakerEditor, DecisionEditor)):
                block = node
                break
            node = node.parent  # type: ignore[assignment]
        if block is not None:
            self._remove_block(block)
            return
        number = self._item_panes().index(item.parent) + 1  # type: ignore[arg-type]
        question = _("Remove item {n} with everything typed in it?").format(n=number)
        self.app.push_screen(ConfirmScreen(question, yes=_("Remove")), lambda yes: self._remove_item(item) if yes else None)

    def _remove_block(self, block: Widget) -> None:
        empty = isinstance(block, DecisionEditor) and block.is_empty() or isinstance(block, SpeakerEditor) and not (
            not is_empty(block.read()) or block.read().text)
        if empty:
            block.remove()
            return
        what = _("this decision") if isinstance(block, DecisionEditor) else _("this speaker")
        self.app.push_screen(
            ConfirmScreen(_("Remove {what}?").format(what=what), yes=_("Remove")),
            lambda yes: block.remove() if yes else None,
        )

    async def _remove_item(self, item: AgendaItemEditor) -> None:
        tabs = self.query_one("#editor-tabs", TabbedContent)
        pane = item.parent
        assert isinstance(pane, TabPane) and pane.id
        await tabs.remove_pane(pane.id)
        for number, other in enumerate(self._item_panes(), 1):
            tabs.get_tab(other.id or "").label = self._item_label(number)
        tabs.active = "tab-head"

    def _tab_ids(self) -> list[str]:
        return ["tab-head", "tab-attendance"] + [p.id or "" for p in self._item_panes()]

    def action_next_tab(self) -> None:
        self._step_tab(1)

    def action_previous_tab(self) -> None:
        self._step_tab(-1)

    def _step_tab(self, step: int) -> None:
        tabs = self.query_one("#editor-tabs", TabbedContent)
        ids = self._tab_ids()
        index = ids.index(tabs.active) if tabs.active in ids else 0
        tabs.active = ids[(index + step) % len(ids)]

    @on(TabbedContent.TabActivated, "#editor-tabs")
    def _tab_changed(self) -> None:
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("add_speaker", "add_decision", "remove"):
            try:
                return self._current_item() is not None or None
            except Exception:
                return None
        return True

