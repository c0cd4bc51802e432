"""The first-steps guide (`ubtui print guide`): one page in Kyrgyz, then one in Russian.

How to open ubtui, add a teacher, record a session, print, and copy to a USB stick — what a
teacher needs on the first day, printed with the same fonts, margins and footer as the other
documents.  The text is in the translation catalogs like every other string; the guide needs
no school file.
"""

from __future__ import annotations

from ubtui import i18n
from ubtui.i18n import N_, _

LANGUAGES = ("ky", "ru")

# (heading, steps); each step is one short paragraph.
STEPS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        N_("1. Open ubtui"),
        (
            N_("Windows: double-click the ubtui shortcut on the desktop. Linux: choose ubtui in the menu "
               "(Office), or type ubtui in a terminal and press Enter."),
            N_("The first time, a short form asks for the school and its first association: fill it in and "
               "press F2. To look around first, ubtui --demo opens a demo school."),
            N_("Keys: F1 help (every key of the screen), F2 new or save, Enter open, Esc back, F10 quit."),
        ),
    ),
    (
        N_("2. Add a teacher"),
        (
            N_("Press F3 (Teachers), then F2. Type the full name, subjects, category and the start of "
               "teaching; F2 saves."),
            N_("Enter opens a teacher: there F2 adds a qualification course and w an award."),
        ),
    ),
    (
        N_("3. Record a session"),
        (
            N_("Press F4 (Sessions), then F2: a new session starts from the typical agenda of its place "
               "in the year."),
            N_("Fill in the date, the chair and the secretary; on the attendance tab Space marks who was "
               "absent; on each agenda item write what was heard, who spoke and the decisions. "
               "Ctrl+PgDn goes to the next tab; F2 saves as you go."),
        ),
    ),
    (
        N_("4. Print"),
        (
            N_("Press p: on the sessions list it prints the protocol, on the work plan the plan, on the "
               "teachers the information bank."),
            N_("The PDF goes to the ubtui folder in Documents and opens; o then sends it to the printer."),
        ),
    ),
    (
        N_("5. Copy to a USB stick"),
        (
            N_("Put the stick in, press U on the home screen, choose the stick and confirm. ubtui writes "
               "the school's packet for the district and checks it; take the stick out only when it "
               "says so."),
            N_("Everything is kept in one file (Linux: ~/.local/share/ubtui/ubtui.json, Windows: "
               "%LOCALAPPDATA%\\ubtui\\ubtui.json); ubtui backs it up itself before changes."),
        ),
    ),
)


def guide_pdf(store: object = None, _options: object = None) -> bytes:
    """The guide's two pages.  No school file is needed; given one, its name is in the footer.
    The footer's page numbers are in the language chosen (the pages are in both)."""
    from reportlab.platypus import PageBreak

    from ubtui.reports import pdf

    before = i18n.get_language()
    page = pdf.Page()
    st = pdf.styles(10.5)
    story: list = []
    names: list[str] = []
    try:
        for number, language in enumerate(LANGUAGES):
            i18n.set_language(language)
            if number:
                story.append(PageBreak())
            names.append(_("First steps"))
            story.append(pdf.para(_("ubtui: first steps"), st.title))
            story.append(pdf.para(_("The record book of the methodical associations, on this computer, without the internet."),
                                  st.subtitle))
            for heading, steps in STEPS:
                story.append(pdf.para(_(heading), st.heading))
                story.extend(pdf.para(_(step), st.body) for step in steps)
            story.append(pdf.para(_("Help: F1 on any screen; the commands: ubtui --help."), st.small))
        i18n.set_language(before)
        school = store.settings().school_title() if store is not None else "ubtui"  # type: ignore[attr-defined]
        return page.render(story, title=_("ubtui: first steps"), footer=pdf.footer_text(school, " / ".join(names)))
    finally:
        i18n.set_language(before)
