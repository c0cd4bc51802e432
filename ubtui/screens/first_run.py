"""The first start on a new file: the school and its first association."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Button, Footer, Header, Input, RadioButton, RadioSet, Static

from ubtui.domain.associations import Association
from ubtui.domain.settings import SCHOOL_FIELDS, Settings, validate_settings
from ubtui.domain.teachers import Teacher, validate_teacher
from ubtui.domain.validation import Problems, ValidationError
from ubtui.domain.years import default_year, year_label_for
from ubtui.errors import UserError
from ubtui.i18n import LANGUAGE_NAMES, LANGUAGES, N_, _, get_language
from ubtui.widgets.fields import Field
from ubtui.widgets.focus import FieldScroll, no_scroller_stops
from ubtui.widgets.keys import key



class FirstRunScreen(Screen[None]):
    BINDINGS = [key("f2,ctrl+s", "save", N_("Save"))]
    AUTO_FOCUS = "#school_name"

    def compose(self) -> ComposeResult:
        yield Header(icon="≡")
        with FieldScroll(id="first-run"):
            yield Static(_("Welcome! This file is new. Tell ubtui about the school; everything can be changed later in Settings."), classes="hint")
            with RadioSet(id="language"):
                for code in LANGUAGES:
                    yield RadioButton(LANGUAGE_NAMES[code], value=code == get_language(), id=f"lang-{code}")
            for name, label, required in SCHOOL_FIELDS:
                yield Field(_(label), Input(id=name), name=name, required=required)
            yield Field(_("First methodical association"), Input(placeholder=_("e.g. Primary grades"), id="association"), name="association", required=True)
            yield Field(_("Its head"), Input(placeholder=_("full name; becomes a teacher record"), id="head"), name="head")
            yield Field(_("Its secretary"), Input(placeholder=_("full name (may be left empty)"), id="secretary"),
                        name="secretary")
            yield Button(_("Save and start") + " [F2]", id="save", variant="primary")
        yield Footer()

    def on_mount(self) -> None:
        no_scroller_stops(self)

    @on(RadioSet.Changed, "#language")
    def _language(self, event: RadioSet.Changed) -> None:
        code = (event.pressed.id or "").removeprefix("lang-")
        if code in LANGUAGES and code != get_language():
            self.app.switch_language(code, remember=False)

    def has_unsaved_changes(self) -> bool:
        """Asked by the app before it quits: anything typed counts."""
        return any(widget.value.strip() for widget in self.query(Input))

    def save_for_quit(self) -> bool:
        return self.save()

    @on(Button.Pressed, "#save")
    def action_save(self) -> None:
        if self.save():
            self.app.start_home()

    def save(self) -> bool:
        """Save the school, its first association and its head and secretary as teachers."""
        for field in self.query(Field):
            field.clear_error()
        values = {name: self.query_one(f"#{name}", Input).value.strip() for name, _l, _r in SCHOOL_FIELDS}
        settings = Settings(language=get_language(), **values)
        head = " ".join(self.query_one("#head", Input).value.split())
        secretary = " ".join(self.query_one("#secretary", Input).value.split())
        association = Association(
            name=self.query_one("#association", Input).value.strip(), head=head, secretary=secretary
        )
        problems = validate_settings(settings)
        if not association.name:
            problems.add("association", _("The association's name is required."))
        # The head and the secretary are teachers of the school: they become teacher records
        # (members of the new association) so nobody types them again.
        people = [(field, name) for field, name in (("head", head), ("secretary", secretary)) if name]
        if len(people) == 2 and head.casefold() == secretary.casefold():
            people = people[:1]
        teachers = [Teacher(full_name=name) for _field, name in people]
        for (field, _name), teacher in zip(people, teachers):
            for messages in validate_teacher(teacher, [], self.app.today).by_field.values():
                for message in messages:
                    problems.add(field, message)
        if problems:
            self._show(problems)
            return False
        store = self.app.store
        try:
            with store.batch():
                store.save_settings(settings)
                if store.current_year(self.app.today) is None:
                    store.years.save(default_year(int(year_label_for(self.app.today)[:4])))
                saved = store.associations.save(association)
                for teacher in teachers:
                    teacher.association_id = saved.id
                    store.save_teacher(teacher)
        except ValidationError as error:
            self._show(error.problems)
            return False
        except UserError as error:
            self.notify(str(error), severity="error")
            return False
        return True

    def _show(self, problems: Problems) -> None:
        fields = {f.field_name: f for f in self.query(Field)}
        for name, messages in problems.by_field.items():
            if name in fields:
                fields[name].show_error(" ".join(messages))
        first = next(iter(problems.by_field))
        if first in fields:
            fields[first].control.focus()
