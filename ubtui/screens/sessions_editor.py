"""The session editor: built for typing a protocol by keyboard, during the session or from notes.

Tabs: the session's header, the attendance (Space marks a member absent and asks
why), then one tab per agenda item with what was heard, who spoke and the
decisions.  Long texts are TextAreas (a paste of many lines keeps them all).
F2 saves at any point (as a draft until the status says held); leaving with
unsaved changes asks first.
"""

from __future__ import annotations

import asyncio
import copy
import dataclasses
from typing import Any, Iterable, Mapping

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import DataTable, Footer, Header, Input, Label, Select, Static, TabbedContent, TabPane, TextArea

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
from ubtui.screens.editing import EditsTheYear, edits
from ubtui.i18n import N_, _
from ubtui.screens.confirm import ConfirmScreen
from ubtui.screens.sessions_modals import LeaveScreen, ReasonScreen
from ubtui.widgets.cells import Table
from ubtui.widgets.fields import DateInput, date_input, date_problem, read_date
from ubtui.widgets.focus import FieldScroll, first_field, focus_first_field, next_tab_id, no_scroller_stops, tab_bindings
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
SessionEditor .line > Input.-invalid { background: $error 20%; border: none; }
SessionEditor .line > Input.-invalid:focus { background: $error 30%; border: none; }
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
SessionEditor .problem { color: $error; height: auto; display: none; padding-left: 14; }
SessionEditor .problem.-shown { display: block; }
SessionEditor .problem.wide { padding-left: 0; }
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


def _problem(name: str = "", *, wide: bool = False) -> Static:
    """Where the problem of the field above is said (hidden while there is none)."""
    return Static("", classes="problem" + (" wide" if wide else "") + (f" problem-{name}" if name else ""), markup=False)


def _say(widget: Static, message: str) -> None:
    widget.update(message)
    widget.set_class(bool(message), "-shown")


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
        yield _problem("due")

    def read(self, label: str, problems: Problems, where: str) -> Decision:
        due_input = self.query_one(".due", Input)
        problem = date_problem(due_input)
        if problem:
            problems.add(f"{where}/due-{label}", problem)
        due = read_date(due_input)
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


class AgendaItemEditor(FieldScroll):
    """An agenda item: title, rapporteur, heard, speakers, decisions, vote."""

    def __init__(self, item: AgendaItem, people: list[tuple[str, str]]) -> None:
        super().__init__(classes="pane item")
        self.item = item
        self.people = people

    def on_mount(self) -> None:
        _plain_for_console(self)

    def compose(self) -> ComposeResult:
        yield _problem("item", wide=True)
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
        yield _problem("vote")

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
            elif f"{where}/vote" not in problems.by_field:
                votes.append(None)
                problems.add(f"{where}/vote", _("The vote must be whole numbers, 0 or more."))
            else:
                votes.append(None)
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


class ItemPlaceholder(Static):
    """An agenda item whose editor is not built yet: it is made when its tab is first shown, or
    when a problem of the item is to be shown in it (a protocol of four items with speakers and
    decisions is ~400 widgets; the Session tab alone, ~70)."""

    def __init__(self, item: AgendaItem) -> None:
        super().__init__("", classes="item-placeholder")
        self.item = item


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


class SessionEditor(EditsTheYear, Screen[bool]):
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
        *tab_bindings(),  # at the screen, with priority: they work from every widget
    ]
    # The fields of the Session tab that have their own place for a problem.
    HEAD_FIELDS = ("date", "kind", "status", "place", "chair", "secretary", "guests")

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
        self._marked_tabs: set[str] = set()  # tabs holding a problem, labelled "(!)"
        self._focus_after_switch: Widget | None = None
        self._focused_by_step = False  # Ctrl+PgDn / Ctrl+PgUp focused the shown tab's field already

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
                with FieldScroll(classes="pane"):
                    date = date_input(session.date, id="date")
                    date.add_class("short")
                    yield _problem("head", wide=True)
                    yield _line(_("Date"), date)
                    yield _problem("date")
                    yield _line(_("Kind"), _select(KINDS, session.kind, id="kind"),
                                Label(_("Status"), classes="gap-label"), _select(STATUSES, session.status, id="status"))
                    yield _problem("kind")
                    yield _problem("status")
                    yield _line(_("Place"), Input(session.place, id="place"))
                    yield _problem("place")
                    yield _line(_("Chair of the session"), PersonField(session.chair, self.people, id="chair"))
                    yield _problem("chair")
                    yield _line(_("Secretary of the session"), PersonField(session.secretary, self.people, id="secretary"))
                    yield _problem("secretary")
                    yield Label(_("Invited (one per line: name; position)"), classes="caption")
                    guests = "\n".join("; ".join(p for p in (g.name, g.position) if p) for g in session.guests)
                    yield _text_area(guests, "guests", id="guests")
                    yield _problem("guests", wide=True)
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
                    yield _problem("attendance", wide=True)
                    yield AttendanceTable(id="attendance", cursor_type="row", zebra_stripes=True)
            for number, item in enumerate(session.agenda, 1):
                with TabPane(self._item_label(number), id=self._new_item_id()):
                    yield ItemPlaceholder(item)
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
        no_scroller_stops(self)
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

    @staticmethod
    def _typed(root: Widget) -> tuple[Any, ...]:
        """Every value typed under `root`, in order."""
        values: list[Any] = []
        for widget in root.query("Input, TextArea, Select"):
            if isinstance(widget, Input):
                values.append(widget.value)
            elif isinstance(widget, TextArea):
                values.append(widget.text)
            elif isinstance(widget, Select):
                values.append(widget.value)
        return tuple(values)

    def _state(self) -> tuple[Any, ...]:
        """Everything typed, to tell whether anything changed since the last save: the Session
        tab, the attendance, and each item (one not built yet is as it was: `None`)."""
        attendance = tuple((a.teacher_id, a.guest, a.present, a.reason) for a in self.attendance)
        items = tuple((pane.id, None if (editor := self._editor_in(pane)) is None else self._typed(editor))
                      for pane in self._item_panes())
        return self._typed(self.query_one("#tab-head", TabPane)), attendance, items

    def _take_snapshot(self) -> None:
        self._snapshot = self._state()

    def _item_built(self, pane_id: str, editor: AgendaItemEditor) -> None:
        """An item's editor was just built from the item: what it shows is the item as it was, so
        the snapshot takes it in place of the `None` (and a change typed in it counts)."""
        if self._snapshot:  # (taken once the form is first drawn)
            head, attendance, items = self._snapshot
            typed = self._typed(editor)
            self._snapshot = head, attendance, tuple(
                (pid, typed if pid == pane_id and values is None else values) for pid, values in items)

    @property
    def changed(self) -> bool:
        return self._state() != self._snapshot

    def has_unsaved_changes(self) -> bool:
        """Asked by the app before it quits."""
        return self.changed

    def read(self) -> tuple[Session, Problems]:
        """The session as the form has it, and what cannot be read (bad dates, votes)."""
        problems = Problems()
        date_widget = self.query_one("#date", Input)
        if problem := date_problem(date_widget):
            problems.add("date", problem)
        date = read_date(date_widget)
        guests = []
        for line in self.query_one("#guests", TextArea).text.splitlines():
            if line.strip():
                name, _sep, position = line.partition(";")
                guests.append(Guest(name.strip(), position.strip()))
        agenda = []
        for n, pane in enumerate(self._item_panes(), 1):
            editor = self._editor_in(pane)
            # an item not opened is as it was: taken whole, a copy
            agenda.append(copy.deepcopy(pane.query_one(ItemPlaceholder).item) if editor is None else editor.read(n, problems))
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
        """Save what the form has; on problems, say each beside its field. True when saved."""
        session, problems = self.read()
        self._show_problems(Problems())
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
        if self._unbuilt_for(problems):  # a problem of an item not opened yet: its editor first, then said
            self.run_worker(self._build_then_show(problems), group="problems", exclusive=True)
        else:
            self._show_problems(problems)
        return False

    def _unbuilt_for(self, problems: Problems) -> list[TabPane]:
        """The panes of the items named by `problems` whose editor is not built yet."""
        panes = self._item_panes()
        found: list[TabPane] = []
        for name in problems.by_field:
            number = name.partition("/")[0].removeprefix("item-")
            if name.startswith("item-") and number.isdigit() and 0 < int(number) <= len(panes):
                pane = panes[int(number) - 1]
                if self._editor_in(pane) is None and pane not in found:
                    found.append(pane)
        return found

    async def _build_then_show(self, problems: Problems) -> None:
        for pane in self._unbuilt_for(problems):
            await self._build_item(pane)
        self._show_problems(problems)

    def save_for_quit(self) -> bool:
        """F10 → save and quit."""
        return self.save()

    def _problem_place(self, name: str) -> tuple[str, Static, Widget | None]:
        """The tab, the place to say a problem of `name`, and the field to focus."""
        head = self.query_one("#tab-head", TabPane)
        if name in self.HEAD_FIELDS:
            field = self.query_one(f"#{name} Select") if name in ("chair", "secretary") else self.query_one(f"#{name}")
            return "tab-head", head.query_one(f".problem-{name}", Static), field
        if name == "attendance":
            pane = self.query_one("#tab-attendance", TabPane)
            return "tab-attendance", pane.query_one(".problem-attendance", Static), self.query_one("#attendance")
        where, _sep, detail = name.partition("/")
        number_text = where.removeprefix("item-")
        panes = self._item_panes()
        if where.startswith("item-") and number_text.isdigit() and 0 < int(number_text) <= len(panes):
            pane = panes[int(number_text) - 1]
            editor = self._editor_in(pane)
            if editor is None:  # not built (save builds it first): the item's tab is marked, the word goes on the Session tab
                return pane.id or "", head.query_one(".problem-head", Static), None
            if detail.startswith("due-"):
                index = int(detail.rpartition(".")[2]) - 1
                decisions = list(editor.query(DecisionEditor))
                if 0 <= index < len(decisions):
                    block = decisions[index]
                    return pane.id or "", block.query_one(".problem-due", Static), block.query_one(".due", Input)
            if detail == "vote":
                return pane.id or "", editor.query_one(".problem-vote", Static), editor.query_one(".vote-for", Input)
            return pane.id or "", editor.query_one(".problem-item", Static), editor.query_one(".item-title", Input)
        return "tab-head", head.query_one(".problem-head", Static), None

    def _show_problems(self, problems: Problems) -> None:
        """Every problem beside its field at once; each tab holding one is marked "(!)"; the
        first problem's tab is shown and its field focused.  An empty `problems` clears them."""
        for widget in self.query(".problem").results(Static):
            _say(widget, "")
        said: dict[int, tuple[Static, list[str]]] = {}
        marked: list[str] = []
        first: tuple[str, Widget | None] | None = None
        for name, messages in problems.by_field.items():
            tab, place, field = self._problem_place(name)
            said.setdefault(id(place), (place, []))[1].extend(messages)
            if tab not in marked:
                marked.append(tab)
            first = first or (tab, field)
        for place, messages in said.values():
            _say(place, " ".join(dict.fromkeys(messages)))
        self._marked_tabs = set(marked)
        self._label_tabs()
        if first is not None:
            tab, field = first
            tabs = self.query_one("#editor-tabs", TabbedContent)
            self._focus_after_switch = field
            if tabs.active != tab:
                tabs.active = tab
            elif field is not None:
                field.focus()

    def _label_tabs(self) -> None:
        """The tab labels, a tab holding a problem marked "(!)"."""
        tabs = self.query_one("#editor-tabs", TabbedContent)
        marked = self._marked_tabs
        labels = {"tab-head": _("Session"), "tab-attendance": _("Attendance")}
        for number, pane in enumerate(self._item_panes(), 1):
            labels[pane.id or ""] = self._item_label(number)
        for pane_id, label in labels.items():
            tabs.get_tab(pane_id).label = label + (" (!)" if pane_id in marked else "")

    def on_input_blurred(self, event: Input.Blurred) -> None:
        """Leaving a date field says at once what is wrong with it (or clears the message)."""
        if not isinstance(event.input, DateInput):
            return
        block = next((a for a in event.input.ancestors if isinstance(a, DecisionEditor)), None)
        place = block.query_one(".problem-due", Static) if block else self.query(".problem-date").first(Static)
        _say(place, date_problem(event.input))

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

    @staticmethod
    def _editor_in(pane: Widget) -> AgendaItemEditor | None:
        """The item's editor in its pane; None while the item is not built yet."""
        return next((child for child in pane.children if isinstance(child, AgendaItemEditor)), None)

    async def _build_item(self, pane: TabPane) -> AgendaItemEditor:
        """The item's editor, built now if it was not (the first time its tab is shown)."""
        editor = self._editor_in(pane)
        if editor is not None:
            return editor
        placeholder = pane.query_one(ItemPlaceholder)
        editor = AgendaItemEditor(placeholder.item, self.people)
        await pane.mount(editor, before=placeholder)
        await placeholder.remove()
        self._item_built(pane.id or "", editor)
        return editor

    def _current_item(self) -> AgendaItemEditor | None:
        tabs = self.query_one("#editor-tabs", TabbedContent)
        active = tabs.active
        if not active.startswith("tab-item-"):
            return None
        return self._editor_in(tabs.get_pane(active))

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
        self._marked_tabs = set()
        self._label_tabs()
        tabs.active = "tab-head"

    def _tab_ids(self) -> list[str]:
        return ["tab-head", "tab-attendance"] + [p.id or "" for p in self._item_panes()]

    async def action_next_tab(self) -> None:
        await self._step_tab(1)

    async def action_previous_tab(self) -> None:
        await self._step_tab(-1)

    async def _step_tab(self, step: int) -> None:
        """Ctrl+PgDn / Ctrl+PgUp: an item not built yet is built before its tab is shown. The
        keys pressed meanwhile wait for this action, so they reach the item's field, as a
        person typing on expects (built after the switch, they went to the tab left behind)."""
        tabs = self.query_one("#editor-tabs", TabbedContent)
        target = next_tab_id(tabs, step, self._tab_ids())
        if target is None:
            return
        if target.startswith("tab-item-"):
            await self._build_item(tabs.get_pane(target))
        tabs.active = target
        # The shown tab's field takes the focus here, with its cursor at the end and nothing
        # selected: what is typed next adds to the text. The keys pressed while an item was being
        # built come all at once, and a letter can then overtake an End (the letter goes straight
        # to the field, End only after the field passed it on), so a selected text was replaced.
        field = first_field(self, tabs.get_pane(target))
        if field is not None:
            self.set_focus(field, scroll_visible=True)
            taken = asyncio.Event()
            field.call_later(taken.set)  # behind the field's Focus in its queue: it has selected by then
            await taken.wait()
            if isinstance(field, Input):
                field.cursor_position = len(field.value)
        self._focused_by_step = True  # the switch's announcement focuses nothing again (it would select)

    @on(TabbedContent.TabActivated, "#editor-tabs")
    async def _tab_changed(self) -> None:
        """An item's tab shown the first time builds its editor; the shown tab's first field (or
        the field with a problem) takes the focus."""
        tabs = self.query_one("#editor-tabs", TabbedContent)
        if tabs.active.startswith("tab-item-"):
            await self._build_item(tabs.get_pane(tabs.active))
        self.refresh_bindings()
        field, self._focus_after_switch = self._focus_after_switch, None
        focused, self._focused_by_step = self._focused_by_step, False
        if field is not None:
            field.focus()
        elif not focused:
            focus_first_field(self, tabs)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("add_speaker", "add_decision", "remove"):
            try:
                return self._current_item() is not None or None
            except Exception:
                return None
        return True

