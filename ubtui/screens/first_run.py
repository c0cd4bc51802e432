"""The first start on a new file: the school and its first association."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, Footer, Header, Input, RadioButton, RadioSet, Static

from ubtui.domain.associations import Association
from ubtui.domain.settings import SCHOOL_FIELDS, Settings, validate_settings
from ubtui.domain.validation import Problems
from ubtui.domain.years import default_year, year_label_for
from ubtui.errors import UserError
from ubtui.i18n import LANGUAGE_NAMES, LANGUAGES, N_, _, get_language
from ubtui.widgets.fields import Field
from ubtui.widgets.keys import key



class FirstRunScreen(Screen[None]):
    BINDINGS = [key("f2,ctrl+s", "save", N_("Save"))]
    AUTO_FOCUS = "#school_name"

    def compose(self) -> ComposeResult:
        yield Header(icon="≡")
        with VerticalScroll(id="first-run"):
            yield Static(_("Welcome! This file is new. Tell ubtui about the school; everything can be changed later in Settings."), classes="hint")
            with RadioSet(id="language"):
                for code in LANGUAGES:
                    yield RadioButton(LANGUAGE_NAMES[code], value=code == get_language(), id=f"lang-{code}")
            for name, label, required in SCHOOL_FIELDS:
                yield Field(_(label), Input(id=name), name=name, required=required)
            yield Field(_("First methodical association"), Input(placeholder=_("e.g. Primary grades"), id="association"), name="association", required=True)
            yield Field(_("Its head"), Input(id="head"), name="head")
            yield Button(_("Save and start") + " [F2]", id="save", variant="primary")
        yield Footer()

    @on(RadioSet.Changed, "#language")
    def _language(self, event: RadioSet.Changed) -> None:
        code = (event.pressed.id or "").removeprefix("lang-")
        if code in LANGUAGES and code != get_language():
            self.app.switch_language(code, remember=False)

    @on(Button.Pressed, "#save")
    def action_save(self) -> None:
        for field in self.query(Field):
            field.clear_error()
        values = {name: self.query_one(f"#{name}", Input).value.strip() for name, _l, _r in SCHOOL_FIELDS}
        settings = Settings(language=get_language(), **values)
        association = Association(
            name=self.query_one("#association", Input).value.strip(),
            head=self.query_one("#head", Input).value.strip(),
        )
        problems = validate_settings(settings)
        if not association.name:
            problems.add("association", _("The association's name is required."))
        if problems:
            self._show(problems)
            return
        store = self.app.store
        try:
            with store.batch():
                store.save_settings(settings)
                if store.current_year(self.app.today) is None:
                    store.years.save(default_year(int(year_label_for(self.app.today)[:4])))
                store.associations.save(association)
        except UserError as error:
            self.notify(str(error), severity="error")
            return
        self.app.start_home()

    def _show(self, problems: Problems) -> None:
        fields = {f.field_name: f for f in self.query(Field)}
        for name, messages in problems.by_field.items():
            if name in fields:
                fields[name].show_error(" ".join(messages))
        first = next(iter(problems.by_field))
        if first in fields:
            fields[first].control.focus()
