"""The Textual app: the shell around the screens (header, keys, year and association)."""

from __future__ import annotations

import datetime as dt
import importlib
import os
import sys
from dataclasses import dataclass
from typing import Iterable

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.command import CommandPalette
from textual.screen import ModalScreen, Screen

from ubtui import i18n
from ubtui.domain.associations import Association
from ubtui.domain.years import AcademicYear
from ubtui.errors import UserError
from ubtui.i18n import N_, _
from ubtui.screens.home import HomeScreen
from ubtui.store import Store
from ubtui.widgets.keys import key, key_label
from ubtui.widgets.plain import plain_wanted, use_plain
from ubtui.widgets.textual_i18n import retranslate_bindings


@dataclass(frozen=True)
class Area:
    """A place reachable from the home screen and by its F-key from anywhere."""

    id: str
    title: str  # msgid
    key: str
    key_label: str
    screen_path: str  # "module:Class", imported when first opened
    letters: str = ""  # keys that also open it from the home screen ("m,ь"), for terminals that keep F11/F12

    def label(self) -> str:
        return _(self.title)

    @property
    def screen(self) -> type[Screen]:
        return load_screen(self.screen_path)


def load_screen(path: str) -> type[Screen]:
    """A screen class by "module:Class", imported on first use: start-up imports only the home screen."""
    module_name, _sep, name = path.partition(":")
    first_time = module_name not in sys.modules
    screen = getattr(importlib.import_module(module_name), name)
    if first_time:  # classes made after start-up need their key descriptions translated too
        retranslate_bindings()
    return screen


FIRST_RUN = "ubtui.screens.first_run:FirstRunScreen"
HELP = "ubtui.screens.help:HelpScreen"
PICK = "ubtui.screens.pickers:PickScreen"
SETTINGS = "ubtui.screens.settings:SettingsScreen"
WHOLE_SCHOOL = "*"  # the association picker's choice of every association (never a record id: ids are uuids)

AREAS: list[Area] = [
    Area("teachers", N_("Teachers"), "f3", "F3", "ubtui.screens.teachers:TeachersScreen"),
    Area("sessions", N_("Sessions"), "f4", "F4", "ubtui.screens.sessions:SessionsScreen"),
    Area("plan", N_("Work plan"), "f5", "F5", "ubtui.screens.plan:PlanScreen"),
    Area("courses", N_("Courses"), "f6", "F6", "ubtui.screens.courses:CoursesScreen"),
    Area("mentoring", N_("Mentoring"), "f11", "F11", "ubtui.screens.mentoring:MentoringScreen", "m,ь"),
    Area("lessons", N_("Open lessons"), "f12", "F12", "ubtui.screens.lessons:LessonsScreen", "o,щ"),
    Area("settings", N_("Settings"), "f9", "F9", SETTINGS),
]


class UbtuiApp(App[int]):
    CSS_PATH = "app.tcss"
    TITLE = "ubtui"
    ENABLE_COMMAND_PALETTE = True
    BINDINGS = [
        key("f1", "help", N_("Help")),
        key("f7", "pick_year", N_("Year"), show=False),
        key("f8", "pick_association", N_("Association"), show=False),
        key("f10,ctrl+q", "quit", N_("Quit"), priority=True),
        # The palette's own binding, so its footer label is translated (Textual adds "palette" otherwise).
        key("ctrl+p", "command_palette", N_("palette"), show=False, priority=True),
        # Most terminals send Ctrl+Z for Ctrl+Я under a Cyrillic layout (the same key); those with
        # the kitty / modifyOtherKeys protocols report ctrl+я (and ctrl+н for Ctrl+Y's key).
        Binding("ctrl+z,ctrl+я", "undo", N_("Undo"), key_display="Ctrl+Z", show=False),
        Binding("ctrl+y,ctrl+н", "redo", N_("Redo"), key_display="Ctrl+Y", show=False),
    ]

    def push_screen(self, screen, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003, ANN201 -- App's own signature
        """Every screen shows its keys translated, however its class was imported (a class made after
        start-up has descriptions in English until translated)."""
        if isinstance(screen, Screen) and not getattr(type(screen), "_ubtui_translated", False):
            retranslate_bindings(screen)
            type(screen)._ubtui_translated = True
        return super().push_screen(screen, *args, **kwargs)

    def __init__(self, store: Store, *, language_forced: str | None = None, today: dt.date | None = None,
                 plain: bool = False) -> None:
        settings = store.settings()
        if language_forced is None and settings.language in i18n.LANGUAGES:
            i18n.set_language(settings.language)
        retranslate_bindings()
        # Plain mode (DESIGN §7): TERM=linux, an old Windows console, --plain or the setting.
        self.plain = plain_wanted(flag=plain, setting=settings.plain_display)
        self.console_mode = self.plain  # the screens' name for it
        super().__init__(ansi_color=self.plain or None)
        if self.plain:
            use_plain(self)
        for area in AREAS:  # every area's F-key works from any screen
            self._bindings.bind(area.key, f"open_area('{area.id}')", area.label(), show=False)
        self.store = store
        self._shown_read_only = False
        self._today = today
        self.year: AcademicYear | None = None
        self.association: Association | None = None
        self.whole_school = False  # the home screen shows every association (F8 → all); the lists keep `association`
        self.exit_when_ready = os.environ.get("UBTUI_EXIT_WHEN_READY") == "1"

    # --- state --------------------------------------------------------------------

    @property
    def today(self) -> dt.date:
        return self._today or dt.date.today()

    def areas(self) -> Iterable[Area]:
        return AREAS

    def load_context(self) -> None:
        """Pick the current year and the remembered association."""
        if self.year is None or self.store.years.find(self.year.id) is None:
            self.year = self.store.current_year(self.today)
        else:
            self.year = self.store.years.get(self.year.id)
        chosen = None if self.association is None else self.store.associations.find(self.association.id)
        self.association = chosen or self.store.chosen_association()
        self._update_titles()

    def _update_titles(self) -> None:
        settings = self.store.settings()
        title = settings.school_title() or "ubtui"
        self._shown_read_only = self.store.read_only
        if self.store.read_only:  # first, so that a long school name never hides it
            title = f"{_('READ-ONLY')} ({self.read_only_reason(short=True)}) · {title}"
        self.title = title
        year = ""
        if self.year is not None:
            year = self.year.label + (" (" + _("archive") + ")" if self.year.closed else "")
        parts = [year, self.association.name if self.association else ""]
        self.sub_title = " · ".join(p for p in parts if p)

    # --- read-only ------------------------------------------------------------------------

    def read_only_reason(self, *, short: bool = False) -> str:
        """Why the file cannot be changed: a few words for the header, or the store's full sentence."""
        school = self.store.school
        full = getattr(school, "read_only_reason", "") or _("The file is open read-only.")
        if not short:
            return full
        if school.problems:
            return _("content not sound")
        if school.holder:
            return _("another ubtui has it open")
        if full != _("The file is open read-only."):
            return _("changed outside ubtui")
        return _("opened read-only")

    def refuse_edit(self, year: AcademicYear | None = None) -> bool:
        """Editing actions ask this first: on a read-only file, or when `year` (the year the
        screen edits) is closed, say why at once and refuse."""
        if not self.store.read_only:
            if year is None or not year.closed:
                return False
            from ubtui.store.years import closed_message

            self.notify(closed_message(year.label), title=_("Nothing can be changed"), severity="warning", markup=False)
            return True
        if not self._shown_read_only:
            self._update_titles()
        self.notify(self.read_only_reason(), title=_("Nothing can be changed"), severity="warning", markup=False)
        return True

    def context_changed(self) -> None:
        """Settings changed years or associations: reload and redraw the titles."""
        self.load_context()
        screen = self.screen
        if isinstance(screen, HomeScreen):
            screen.refresh_view()

    # --- start ----------------------------------------------------------------------

    def on_mount(self) -> None:
        if self.console_mode:
            self.theme = "ansi-dark"
            self.add_class("-console")
        if self.store.read_only:  # the header keeps a short mark; this says it in full once
            self.notify(self.read_only_reason(), severity="error" if self.store.school.problems else "warning",
                        timeout=30, markup=False)
        # A save that finds the file changed by another program turns the school read-only:
        # the header says so, and the message stays until it is dismissed.
        self.store.school.read_only_listeners.append(self._turned_read_only)
        if self.store.is_set_up():
            self.start_home()
        else:
            self.push_screen(load_screen(FIRST_RUN)())
        if self.exit_when_ready:
            self.call_after_refresh(self.exit, 0)

    def _turned_read_only(self, reason: str) -> None:
        self._update_titles()  # the header's mark, with the reason, stays as long as the file is open
        self.notify(reason, severity="error", timeout=24 * 3600)

    def start_home(self) -> None:
        self.load_context()
        while len(self.screen_stack) > 1:
            self.pop_screen()
        self.push_screen(HomeScreen())

    # --- actions ----------------------------------------------------------------------

    def open_area(self, area_id: str) -> None:
        if not self.store.is_set_up():
            return
        for area in AREAS:
            if area.id == area_id:
                if not isinstance(self.screen, area.screen):
                    self.push_screen(area.screen())
                return

    def action_open_area(self, area_id: str) -> None:
        self.open_area(area_id)

    def action_help(self) -> None:
        from ubtui.screens.help import key_groups

        self.push_screen(load_screen(HELP)(key_groups(self.screen)))

    def action_pick_year(self) -> None:
        years = list(reversed(self.store.sorted_years()))
        if not years or not self.store.is_set_up():
            return
        choices = [(y.id, y.label + ("  (" + _("closed") + ")" if y.closed else "")) for y in years]

        def chosen(year_id: str | None) -> None:
            if year_id:
                self.year = self.store.years.get(year_id)
                self.context_changed()

        self.push_screen(load_screen(PICK)(_("Academic year"), choices, self.year.id if self.year else None), chosen)

    def action_pick_association(self) -> None:
        items = self.store.sorted_associations()
        if not items:
            return
        choices = [(WHOLE_SCHOOL, _("All associations (the whole school)"))] + [(a.id, a.name) for a in items]

        def chosen(association_id: str | None) -> None:
            if not association_id:
                return
            self.whole_school = association_id == WHOLE_SCHOOL
            if self.whole_school:
                self.context_changed()
                return
            self.association = self.store.associations.get(association_id)
            if not self.store.read_only:
                try:
                    self.store.remember_choice(association_id=association_id)
                except UserError as error:
                    self.notify(str(error), severity="error")
            self.context_changed()

        current = WHOLE_SCHOOL if self.whole_school else (self.association.id if self.association else None)
        self.push_screen(load_screen(PICK)(_("Methodical association"), choices, current), chosen)

    def open_attention(self, figure) -> None:  # noqa: ANN001 -- a domain.compliance.Figure
        """Open the screen where a home line is fixed, already filtered (domain.attention)."""
        from ubtui.domain import attention as a

        target = figure.target
        if not target or not self.store.is_set_up():
            return
        if figure.association_id and (found := self.store.associations.find(figure.association_id)) is not None:
            self.association = found  # the whole school's line: the first association behind
            self._update_titles()
        if target == a.YEARS:
            settings = load_screen(SETTINGS)()
            self.push_screen(settings)
            self.call_after_refresh(self._show_tab, "tab-years")
            return
        if target == a.DECISIONS:
            screen = load_screen("ubtui.screens.sessions_decisions:DecisionsScreen")()  # translated keys
            screen.filter = "overdue" if figure.preset == a.OVERDUE else "open"
            self.push_screen(screen)
            return
        if target == a.PLAN:
            from ubtui.domain.plans import OVERDUE as PLAN_OVERDUE

            plan_screen = load_screen("ubtui.screens.plan:PlanScreen")  # first: its keys get translated
            from ubtui.screens.plan import ALL

            self.push_screen(plan_screen(status=PLAN_OVERDUE if figure.preset == a.OVERDUE else ALL))
            return
        area = next((x for x in AREAS if x.id == target), None)
        if area is None:
            return
        screen = area.screen()
        if self.whole_school and hasattr(screen, "whole_school"):
            screen.whole_school = True  # teachers, mentoring: the whole school's list
        if target == a.TEACHERS and figure.preset == a.OVERDUE:
            screen.only_overdue = True
        if target == a.COURSES and figure.preset == a.DUE:
            screen.only_due = True
        self.push_screen(screen)

    def switch_language(self, code: str, remember: bool = True) -> None:
        """Change the language now; rebuild the screens so every word changes."""
        i18n.set_language(code)
        if remember and self.store.is_set_up() and not self.store.read_only:
            try:
                self.store.remember_choice(language=code)
            except UserError as error:
                self.notify(str(error), severity="error")
        retranslate_bindings(self)
        on_settings = isinstance(self.screen, load_screen(SETTINGS))
        if self.store.is_set_up():
            self.start_home()
            if on_settings:
                self.push_screen(load_screen(SETTINGS)())
                self.call_after_refresh(self._show_language_tab)
        else:
            self.pop_screen()
            self.push_screen(load_screen(FIRST_RUN)())

    def _show_language_tab(self) -> None:
        self._show_tab("tab-language")

    def _show_tab(self, tab: str) -> None:
        from textual.widgets import TabbedContent

        if isinstance(self.screen, load_screen(SETTINGS)):
            self.screen.query_one(TabbedContent).active = tab

    # --- Textual's own words, translated --------------------------------------------------

    def notify(self, message: str, *, markup: bool = False, **options) -> None:  # type: ignore[override]
        """Messages name teachers, associations, files: never markup unless a caller asks."""
        super().notify(message, markup=markup, **options)

    def get_key_display(self, binding) -> str:  # type: ignore[no-untyped-def]
        """Keys as printed on the keyboard (`Ctrl+P`, `PgDn`, `↑`), not Textual's `^p`."""
        return binding.key_display or key_label(binding.key.split(",")[0].strip())

    def action_command_palette(self) -> None:
        if not CommandPalette.is_open(self):
            self.push_screen(CommandPalette(placeholder=_("Search for commands…"), id="--command-palette"))

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield SystemCommand(_("Help"), _("Keys and how ubtui works"), self.action_help)
        for area in AREAS:
            yield SystemCommand(area.label(), f"{area.key_label}", lambda a=area.id: self.open_area(a))
        yield SystemCommand(_("Academic year"), _("Choose the academic year"), self.action_pick_year)
        yield SystemCommand(_("Methodical association"), _("Choose the methodical association"), self.action_pick_association)
        yield SystemCommand(_("Copy to USB"), _("The school's packet for the district, written and verified (U on the home screen)"),
                            self.action_copy_to_usb)
        yield SystemCommand(_("Quit"), _("Quit the application as soon as possible"), self.action_quit)

    def action_copy_to_usb(self) -> None:
        from ubtui.screens.usb import CopyToUsbScreen

        self.push_screen(CopyToUsbScreen(self.store.path))

    # --- undo ------------------------------------------------------------------------

    def action_undo(self) -> None:
        self._undo_or_redo(self.store.undo, _("Undone: {what}"), _("Nothing to undo in this run."))

    def action_redo(self) -> None:
        self._undo_or_redo(self.store.redo, _("Redone: {what}"), _("Nothing to redo."))

    def _undo_or_redo(self, step, done: str, nothing: str) -> None:  # noqa: ANN001
        """Undo works on saved changes, from any list or view; not under an open form, whose
        save would write its fields back over the undone change (a text field's own Ctrl+Z
        undoes typing there)."""
        screen = self.screen
        if isinstance(screen, ModalScreen) or getattr(screen, "holds_a_form", False) or getattr(
            screen, "has_unsaved_changes", lambda: False
        )():
            self.notify(_("Close the form first: Ctrl+Z undoes saved changes."), severity="warning")
            return
        try:
            what = step()
        except UserError as error:  # read-only, or the disk refused: nothing changed
            self.notify(str(error), severity="error", timeout=8, markup=False)
            return
        if what is None:
            self.notify(nothing)
            return
        self.data_changed()
        self.notify(done.format(what=what), markup=False)

    def data_changed(self) -> None:
        """The file changed under the screens (an undo): every open screen reads it again; one
        whose record is gone (a teacher whose creation was undone) is closed."""
        self.load_context()
        for screen in reversed(self.screen_stack):
            for name in ("reload", "refresh_view", "reload_tables"):
                method = getattr(screen, name, None)
                if method is None:
                    continue
                try:
                    method()
                except LookupError:
                    while self.screen_stack[-1] is not screen:
                        self.pop_screen()
                    self.pop_screen()
                break
        settings = load_screen(SETTINGS)
        if isinstance(self.screen, settings):  # its fields hold what was there before: open it anew
            self.pop_screen()
            self.push_screen(settings())

    async def action_quit(self) -> None:
        """Quit at once, unless a screen holds typed text that is not saved: then ask
        save and quit / quit without saving / stay."""
        unsaved = [s for s in self.screen_stack if getattr(s, "has_unsaved_changes", lambda: False)()]
        if not unsaved:
            self.exit(0)
            return
        quit_screen = load_screen("ubtui.screens.sessions_modals:QuitScreen")
        if isinstance(self.screen, quit_screen):
            return

        async def answered(answer: str | None) -> None:
            if answer == "discard":
                self.exit(0)
            elif answer == "save":
                await self._save_and_quit(unsaved)

        self.push_screen(quit_screen(), answered)

    async def _save_and_quit(self, unsaved: list[Screen]) -> None:
        """Save every screen with typed text, the top one first; the first that cannot be saved
        stays open with its problems shown, and nothing quits."""
        for screen in reversed(unsaved):
            save = getattr(screen, "save_for_quit", None)
            if save is None:
                continue
            saved = save()
            if hasattr(saved, "__await__"):
                saved = await saved
            if not saved:
                return
        # A form whose caller stores the record was dismissed: let its callback run first.
        self.screen.call_next(self.exit, 0)

    def _print_error_renderables(self) -> None:
        """A crash leaves one translated line on screen; the traceback goes to the log."""
        if not self._exit_renderables:
            return
        from rich.console import Console

        from ubtui.paths import log_dir

        where = ""
        try:
            folder = log_dir()
            folder.mkdir(parents=True, exist_ok=True)
            log = folder / "crash.log"
            with open(log, "a", encoding="utf-8") as handle:
                console = Console(file=handle, width=120, no_color=True)
                for renderable in self._exit_renderables:
                    console.print(renderable)
            where = _(" (details: {log})").format(log=log)
        except OSError:
            pass
        self._exit_renderables.clear()
        self.error_console.print(_("ubtui stopped because of an internal error; your saved data is safe.") + where, markup=False)

    def action_help_quit(self) -> None:
        self.notify(_("Press [b]{key}[/b] to quit the app").format(key="F10"), title=_("Do you want to quit?"), markup=True)
