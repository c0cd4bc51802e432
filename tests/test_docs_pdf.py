"""The documents a secretary files without retyping (issue 11) and any text a form accepts
printing in every document (issue 9): word order, wording, composition, layout, the printer."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from ubtui.domain.people import Person
from ubtui import cli, i18n
from ubtui.domain.composition import composition
from ubtui.domain.courses import DUE, OK, OVERDUE, Course, course_status
from ubtui.domain.names import genitive, names_count, signature_name
from ubtui.domain.plans import MOVED, Due
from ubtui.domain.sessions import Person, Vote
from ubtui.domain.settings import Rules, Settings, deputy_from_line
from ubtui.domain.teachers import Teacher
from ubtui.reports import DOCUMENTS, Options, build_pdf

DAY = dt.date(2025, 11, 20)  # the demo's day (conftest.DEMO_DAY)


def pages_text(data: bytes) -> list[str]:
    return [page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages]


def flat(text: str) -> str:
    return " ".join(text.split())


def text_of(data: bytes) -> str:
    return flat(" ".join(pages_text(data)))


# --- names ------------------------------------------------------------------------------------------


def test_signature_name_puts_the_initials_first():
    assert signature_name("Жээнтева Зуура Эркиновна") == "З.Э. Жээнтева"
    assert signature_name("Талантбек кызы Айпери") == "А. Талантбек кызы"
    assert signature_name("Жээнтева З.Э.") == "Жээнтева З.Э."  # typed with initials: kept
    assert signature_name("Айпери") == "Айпери"


@pytest.mark.parametrize(("name", "expected"), [
    ("Токтогул Сатылганов атындагы №12 орто мектеби", "Токтогул Сатылганов атындагы №12 орто мектебинин"),
    ("№5 гимназиясы", "№5 гимназиясынын"),
    ("Ала-Тоо лицейи", "Ала-Тоо лицейинин"),
    ("Ош мектеп", "Ош мектептин"),
    ("№3 орто мектебинин", "№3 орто мектебинин"),
])
def test_the_genitive_is_derived_from_the_name(name, expected):
    assert genitive(name) == expected


def test_the_school_writes_its_name_and_the_number_goes_in_its_place():
    settings = Settings(school_name="Токтогул Сатылганов атындагы орто мектеби", school_number="12")
    assert settings.school_title("ky") == "Токтогул Сатылганов атындагы №12 орто мектеби"
    assert settings.school_genitive() == "Токтогул Сатылганов атындагы №12 орто мектебинин"
    settings.school_genitive_override = "Токтогул Сатылганов атындагы №12 мектебинин"
    assert settings.school_genitive() == "Токтогул Сатылганов атындагы №12 мектебинин"
    settings.school_name_ru = "Средняя школа №12"
    assert settings.school_title("ru") == "Средняя школа №12"
    assert settings.school_title("ky").startswith("Токтогул")


def test_a_typed_position_naming_a_role_is_stored_as_the_role_and_translates():
    deputy = deputy_from_line("Осмонова Айгүл; Директордун окуу-тарбия иштери боюнча орун басары")
    assert (deputy.role, deputy.position) == ("deputy_teaching", "")
    i18n.set_language("ru")
    assert deputy.position_text() == "Заместитель директора по учебно-воспитательной работе"
    other = deputy_from_line("Сыдыкова Н.; завхоз")
    assert (other.role, other.position_text()) == ("", "завхоз")


def test_names_count():
    assert names_count("Асанова Г.") == 1
    assert names_count("Асанова Г., Жапарова Р.") == 2
    assert names_count("Асанова Г. жана Жапарова Р.") == 2


# --- courses: a new teacher is not overdue ----------------------------------------------------------


def test_a_teacher_in_her_first_five_years_without_a_course_is_due_five_years_after_she_started():
    rules = Rules()
    at = dt.date(2026, 12, 1)
    started = dt.date(2024, 12, 1)
    status = course_status([], at, rules, teaching_start=started)
    assert status.state == OK and status.due == dt.date(2029, 12, 1)
    assert course_status([], dt.date(2029, 6, 1), rules, teaching_start=started).state == DUE
    assert course_status([], dt.date(2029, 12, 2), rules, teaching_start=started).state == "never"  # urgent again
    # Short of the hours in her first years: still due at the start + 5 years, not overdue.
    short = Course(teacher_id="t", end=dt.date(2025, 6, 1), hours=36)
    assert course_status([short], at, rules, teaching_start=started).due == dt.date(2029, 12, 1)
    # Without a start date the old rule stands.
    assert course_status([], at, rules).state == "never"


def test_the_course_list_prints_the_young_teachers_status_and_due_date(demo_store):
    today = DAY
    teacher = demo_store.save_teacher(Teacher(full_name="Жаңыбаева Айгерим Таалайбековна",
                                              pedagogical_start=dt.date(2024, 9, 1), total_start=dt.date(2024, 9, 1),
                                              birth_date=dt.date(2001, 3, 3)))
    data = build_pdf("courses", demo_store, Options(association="all", today=today))
    text = text_of(data)
    assert "Кийинки курстун мөөнөтү" in text
    assert "Күбөлүк тапшырылды" in text
    row = text[text.index("Жаңыбаева Айгерим"):][:200]
    assert "01.09.2029" in row and "мөөнөтү өтүп кеткен" not in row
    assert demo_store.course_status_of(teacher, today).state == OK


# --- the information bank's composition --------------------------------------------------------------


def _numbers_after(text: str, label: str, count: int) -> list[int]:
    """The `count` numbers printed after `label`'s column headings in the extracted text."""
    tail = text[text.index(label) + len(label):].split()
    numbers = [int(word) for word in tail if word.isdigit()]
    return numbers[:count]


def test_the_bank_prints_the_composition_the_domain_counts(demo_store):
    options = Options(association="all", today=DAY)
    data = build_pdf("staff", demo_store, options)
    text = text_of(data)
    assert "Усулдук бирикмелердин мугалимдери жөнүндө маалымат банкы, сандык жана сапаттык курамы" in text
    teachers = [t for t in demo_store.sorted_teachers() if t.active]
    courses: dict[str, list[Course]] = {}
    for course in demo_store.courses.all():
        courses.setdefault(course.teacher_id, []).append(course)
    school = composition(teachers, DAY, demo_store.settings().rules, courses)
    block = text[text.index("Мектептин мугалимдеринин сандык жана сапаттык курамы"):]
    assert _numbers_after(block, "орто кесиптик", 3) == list(school.education.values())
    assert _numbers_after(block, "анын ичинде мөөнөтү өткөн", 5) == [*school.categories.values(),
                                                                     school.expired_categories]
    assert _numbers_after(block, "20 + жыл", 5) == [school.experience[k] for k in ("0-3", "3-5", "5-10", "10-20", "20+")]
    assert _numbers_after(block, "жаш мугалимдер", 2) == [school.total, school.young]
    assert school.total == len(teachers) and sum(school.courses.values()) == school.total


def test_an_expired_category_is_flagged_and_dates_say_ж(demo_store):
    teacher = demo_store.sorted_teachers()[0]
    teacher.category, teacher.category_date, teacher.category_expires = "first", dt.date(2020, 4, 20), dt.date(2025, 4, 20)
    demo_store.save_teacher(teacher)
    text = text_of(build_pdf("staff", demo_store, Options(association="all", today=DAY)))
    assert "20.04.2025-ж. чейин мөөнөтү өттү" in text


def test_one_association_gets_the_singular_title(demo_store):
    association = demo_store.sorted_associations()[0]
    text = text_of(build_pdf("staff", demo_store, Options(association=association.id, today=DAY)))
    assert f"«{association.name}» усулдук бирикмесинин мугалимдери жөнүндө маалымат банкы" in text


# --- the plan ---------------------------------------------------------------------------------------------


def _plan(store):
    association = store.chosen_association()
    year = store.current_year(DAY)
    return association, year, store.plans.find(association.id, year.id)


def test_the_plan_title_is_one_phrase_and_the_approval_names_the_school_in_the_genitive(demo_store):
    association, year, _plan_ = _plan(demo_store)
    text = text_of(build_pdf("plan", demo_store, Options(today=DAY)))
    assert f"«{association.name}» усулдук бирикмесинин {year.label}-окуу жылына карата ИШ ПЛАНЫ" in text
    assert "Токтогул Сатылганов атындагы №12 орто мектебинин директору" in text
    assert "№12 Токтогул" not in text
    assert "УБнин" in text and "отурумунда каралды" in text
    assert "Б.Т. Абдыкадыров" in text  # initials first


def test_the_monthly_title_says_карата_once(demo_store):
    association, year, _p = _plan(demo_store)
    text = text_of(build_pdf("plan", demo_store, Options(today=DAY, month=10)))
    assert f"{year.label}-окуу жылынын октябрь айына карата ИШ ПЛАНЫ" in text
    assert text.count("карата") == 1
    assert "БЕКИТЕМ" not in text  # the monthly plan is not the director's yearly approval


def test_the_clean_copy_has_no_fulfilment_column_and_a_moved_item_keeps_its_first_due(demo_store):
    _association, _year, plan = _plan(demo_store)
    items = demo_store.plans.items_of(plan)
    item = items[0]
    item.due, item.status, item.moved_to = Due.in_months(11), MOVED, Due.in_months(1)
    item.done_on, item.note = None, ""
    demo_store.plans.save_item(item)
    full = text_of(build_pdf("plan", demo_store, Options(today=DAY)))
    assert "Аткарылышы" in full and "январь айына жылдырылды" in full
    clean = text_of(build_pdf("plan", demo_store, Options(today=DAY, clean=True)))
    assert "Аткарылышы" not in clean
    assert "аткарылды" not in clean and "жылдырылды" not in clean
    start = clean.index(item.content[:30].strip())
    assert "Ноябрь" in clean[start:start + len(item.content) + 80]


def test_months_are_lowercase_in_the_middle_of_a_list(demo_store):
    _association, _year, plan = _plan(demo_store)
    item = demo_store.plans.items_of(plan)[0]
    item.due = Due.in_months(9, 1)
    demo_store.plans.save_item(item)
    assert "Сентябрь, январь" in text_of(build_pdf("plan", demo_store, Options(today=DAY)))


# --- the protocol ---------------------------------------------------------------------------------------


def _session(store):
    association = store.chosen_association()
    year = store.current_year(DAY)
    return store.sessions.of(association.id, year.id)[0]


def test_the_protocol_writes_калыс_калгандар_the_place_and_one_responsible(demo_store):
    session = _session(demo_store)
    session.agenda[0].vote = Vote(9, 0, 0)
    session.agenda[0].decisions[0].responsible = [Person(guest="Асанова Г.М.")]
    demo_store.sessions.save(session)
    text = text_of(build_pdf("protocol", demo_store, Options(session=session.number, today=DAY)))
    assert "калыс калгандар — 0" in text
    assert "Кара-Булак айылы, Кемин району" in text
    i18n.set_language("ru")
    ru = text_of(build_pdf("protocol", demo_store, Options(session=session.number, today=DAY)))
    assert "ответственный: Асанова Г.М." in ru
    assert "с. Кара-Булак" in ru


def test_a_draft_protocol_has_lines_to_write_on(demo_store):
    session = _session(demo_store)
    session.status = "draft"
    for item in session.agenda:
        item.heard, item.speakers, item.decisions = "", [], []
    demo_store.sessions.save(session)
    data = build_pdf("protocol", demo_store, Options(session=session.number, today=DAY))
    text = text_of(data)
    assert "УГУЛДУ:" in text and "…" not in text.split("ТОКТОМ КЫЛАТ:")[1][:5]
    # ruled lines are drawn as paths: many more line segments than a held protocol's signature lines
    assert data.count(b" l") + data.count(b" l\n") > 20 or b"re" in data


def test_the_protocol_book_cover_has_dates_sheets_and_the_storage_note(demo_store):
    data = build_pdf("protocols", demo_store, Options(today=DAY))
    cover = flat(pages_text(data)[0])
    assert "Мектепте 3 жыл сакталат, андан кийин 10 жыл архивде сакталат." in cover
    assert f"Барактардын саны: {len(pages_text(data))}" in cover
    assert "Башталды:" in cover and "Бүттү:" in cover


# --- Russian documents, footer, layout ------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["plan", "staff", "courses", "protocol", "protocols"])
def test_russian_documents_have_no_kyrgyz_labels_from_settings(demo_store, kind):
    from ubtui.domain.settings import ROLES

    settings = demo_store.settings()
    kyrgyz = [i18n.catalog("ky")[msgid][0] for msgid in ROLES.values()]  # the roles as Kyrgyz writes them
    kyrgyz += [settings.place_text("ky"), settings.school_genitive(), settings.school_title("ky")]
    i18n.set_language("ru")
    options = Options(today=DAY, session=1 if kind == "protocol" else None,
                      association="all" if kind in ("staff", "courses") else None)
    text = text_of(build_pdf(kind, demo_store, options))
    assert not [label for label in kyrgyz if label in text]
    assert "Средняя школа №12 имени Токтогула Сатылганова" in text
    if kind == "plan":
        assert "УТВЕРЖДАЮ" in text and "Директор школы" in text


@pytest.mark.parametrize("language", ["ky", "ru"])
@pytest.mark.parametrize("kind", sorted(DOCUMENTS))
def test_every_page_carries_the_same_footer(demo_store, kind, language):
    i18n.set_language(language)
    options = Options(today=DAY, session=1 if kind == "protocol" else None)
    pages = pages_text(build_pdf(kind, demo_store, options))
    school = demo_store.settings().school_title()
    for number, page in enumerate(pages, 1):
        last = flat(page)[-160:]
        assert school[:25] in flat(page), (kind, number)
        marker = (f"{number} / {len(pages)}-бет" if language == "ky" else f"стр. {number} / {len(pages)}")
        assert marker in last, (kind, number, last)


def _body_lines(page: str, footer_school: str) -> list[str]:
    lines = [line.strip() for line in page.splitlines() if line.strip()]
    return [line for line in lines if footer_school[:20] not in line and "-бет" not in line and "стр." not in line]


@pytest.mark.parametrize("language", ["ky", "ru"])
@pytest.mark.parametrize("kind", ["plan", "staff", "courses", "protocols"])
def test_no_page_holds_only_a_heading_or_a_summary(demo_store, kind, language):
    i18n.set_language(language)
    pages = pages_text(build_pdf(kind, demo_store, Options(today=DAY, association="all" if kind == "staff" else None)))
    school = demo_store.settings().school_title()
    headings = ("I. ", "II. ", "III. ", "IV. ", "Усулдук бирикме:", "Методическое объединение:", "Жыйынтыгы", "Итого")
    for number, page in enumerate(pages, 1):
        body = _body_lines(page, school)
        assert body, (kind, number, "an empty page")
        if len(body) <= 2:
            assert not any(line.startswith(headings) for line in body), (kind, number, body)
        # the last body line of a page is never a section row of the plan
        assert not (kind == "plan" and body[-1].startswith(("I. ", "II. ", "III. ", "IV. "))), (number, body[-1])


# --- any text a form accepts prints -----------------------------------------------------------------------


def _words(length: int, word: str = "Өнүгүү") -> str:
    text = " ".join([word] * (length // (len(word) + 1) + 1))
    return text[:length]


def _fill_every_field(store) -> None:
    from ubtui.domain import plans as plan_rules
    from ubtui.domain import sessions as session_rules
    from ubtui.domain.teachers import NAME_MAX, TEXT_LIMITS, Award

    settings = store.settings()
    settings = dataclasses.replace(
        settings, school_name=_words(200, "мектеби"), school_name_ru=_words(200, "Школа"),
        school_genitive_override=_words(200, "мектебинин"), director=_words(120, "Абдыкадыров"),
        village=_words(200, "Кара-Булак"), district=_words(200, "Кемин"),
    )
    store.save_settings(settings)
    for teacher in store.sorted_teachers()[:3]:
        teacher.full_name = _words(NAME_MAX, "Жээнтева")
        for name, limit in TEXT_LIMITS.items():
            setattr(teacher, name, "1" * limit if name == "phone" else _words(limit))
        teacher.subjects = [_words(TEXT_LIMITS["classes"])]
        teacher.awards = [Award(_words(300), "state", 2020), Award(_words(300), "school", 2021)]
        store.teachers.save(teacher)
    association = store.chosen_association()
    association.head = _words(120, "Жумабаева")
    store.associations.save(association)
    year = store.current_year(DAY)
    plan = store.plans.find(association.id, year.id)
    plan.theme = plan.goal = _words(plan_rules.TEXT_MAX)
    plan.tasks = [_words(plan_rules.TEXT_MAX)] * 3
    plan.approved_by = _words(plan_rules.LINE_MAX, "Абдыкадыров")
    plan.approved_position = plan.agreed_position = _words(plan_rules.LINE_MAX, "директору")
    plan.agreed_by = _words(plan_rules.LINE_MAX, "Осмонова")
    store.plans.save_plan(plan)
    for item in store.plans.items_of(plan)[:4]:
        item.content = item.note = _words(plan_rules.TEXT_MAX)
        item.roles = [_words(plan_rules.LINE_MAX, "жетекчиси")] * 3
        item.status = "done"
        item.done_on = DAY
        store.plans.save_item(item)
    for session in store.sessions.of(association.id, year.id):
        session.place = _words(session_rules.NAME_MAX, "кабинети")
        session.chair = Person(guest=_words(session_rules.NAME_MAX, "Жумабаева"))
        session.secretary = Person(guest=_words(session_rules.NAME_MAX, "Бекмуратова"))
        item = session.agenda[0]
        item.title = _words(session_rules.TITLE_MAX)
        item.rapporteur = Person(guest=_words(session_rules.NAME_MAX, "Бекмуратова"))
        item.heard = _words(session_rules.TEXT_MAX)
        for decision in item.decisions:
            decision.text = _words(20_000)
            decision.responsible = [Person(guest=_words(session_rules.NAME_MAX, "Асанова"))] * 3
        store.sessions.save(session)
    for course in list(store.courses.all())[:3]:
        course.title = course.organiser = _words(300)
        course.certificate_no = _words(100, "№")
        store.courses.save(course)


KINDS = [
    ("protocol", ["--session", "1"]),
    ("protocols", []),
    ("plan", []),
    ("plan", ["--clean"]),
    ("plan", ["--month", "10"]),
    ("staff", ["--association", "all"]),
    ("courses", ["--association", "all"]),
]


@pytest.mark.parametrize("language", ["ky", "ru"])
def test_every_document_prints_every_field_at_its_maximum_length(demo_store, demo_path, tmp_path, language):
    _fill_every_field(demo_store)
    demo_store.close()
    for kind, extra in KINDS:
        out = tmp_path / f"{kind}-{len(extra)}-{language}.pdf"
        code = cli.main(["--db", str(demo_path), "--lang", language, "print", kind, "--year", "2025-2026", *extra,
                         "-o", str(out)])
        assert code == 0, (kind, extra)
        text = text_of(out.read_bytes())
        mark = "кыскартылды" if language == "ky" else "сокращено"
        assert "Өнүгүү" in text or "Жээнтева" in text, (kind, extra)
        if kind in ("plan", "staff", "courses"):
            assert mark in text or kind == "staff", (kind, extra)  # a long cell is cut with the mark


# --- to the printer -------------------------------------------------------------------------------------------


@pytest.mark.skipif(sys.platform.startswith("win"), reason="a fake lp is a shell script")
def test_a_saved_pdf_goes_to_lp_on_path(tmp_path, monkeypatch):
    from ubtui.screens.printing import send_to_printer

    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    record = tmp_path / "lp-args.txt"
    fake = bin_dir / "lp"
    fake.write_text(f'#!/bin/sh\nprintf "%s\\n" "$@" > "{record}"\n')
    fake.chmod(fake.stat().st_mode | stat.S_IEXEC)
    monkeypatch.setenv("PATH", str(bin_dir))
    pdf = tmp_path / "plan.pdf"
    pdf.write_bytes(b"%PDF-1.4\n")
    assert send_to_printer(pdf) is True
    assert record.read_text().splitlines() == [str(pdf)]


@pytest.mark.skipif(sys.platform.startswith("win"), reason="Windows prints through the shell's verb")
def test_without_a_printer_nothing_is_sent(tmp_path, monkeypatch):
    from ubtui.screens.printing import send_to_printer

    monkeypatch.setenv("PATH", str(tmp_path))  # no lp, no lpr
    pdf = tmp_path / "plan.pdf"
    pdf.write_bytes(b"%PDF-1.4\n")
    assert send_to_printer(pdf) is False


# --- a picture of a page of each document -------------------------------------------------------------------


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="pdftoppm is not installed")
@pytest.mark.parametrize("language", ["ky", "ru"])
def test_each_document_renders_to_png(demo_store, tmp_path, language):
    i18n.set_language(language)
    for kind in sorted(DOCUMENTS):
        pdf = tmp_path / f"{kind}.pdf"
        pdf.write_bytes(build_pdf(kind, demo_store, Options(today=DAY, session=1 if kind == "protocol" else None)))
        subprocess.run(["pdftoppm", "-png", "-r", "30", "-f", "1", "-l", "1", str(pdf), str(tmp_path / kind)],
                       check=True, env={**os.environ})
        pictures = list(tmp_path.glob(f"{kind}*.png"))
        assert pictures and pictures[0].stat().st_size > 2000, kind


# --- from the TUI: the clean copy and the printer ------------------------------------------------------------


def _fake_lp(tmp_path: Path, monkeypatch) -> Path:
    """An `lp` first on PATH that records its arguments; PDFs go to tmp_path/pdf, no viewer opens."""
    monkeypatch.setenv("PATH", f"{tmp_path / 'bin'}{os.pathsep}{os.environ.get('PATH', '')}")
    monkeypatch.setenv("UBTUI_PDF_DIR", str(tmp_path / "pdf"))
    monkeypatch.setenv("UBTUI_NO_VIEWER", "1")
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir(exist_ok=True)
    record = tmp_path / "lp-args.txt"
    fake = bin_dir / "lp"
    fake.write_text(f'#!/bin/sh\nprintf "%s\\n" "$@" >> "{record}"\n')
    fake.chmod(fake.stat().st_mode | stat.S_IEXEC)
    return record


@pytest.mark.skipif(sys.platform.startswith("win"), reason="a fake lp is a shell script")
async def test_the_plan_screen_prints_a_clean_copy_and_sends_it_to_the_printer(demo_store, tmp_path, monkeypatch):
    from ubtui.app import UbtuiApp

    record = _fake_lp(tmp_path, monkeypatch)
    app = UbtuiApp(demo_store, today=DAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f5")
        await pilot.pause()
        await pilot.press("o")  # nothing printed yet: says so, sends nothing
        await pilot.pause()
        assert not record.exists()
        await pilot.press("k")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("o")
        await pilot.pause()
        assert any("принтер" in n.message.casefold() for n in app._notifications)
    target = tmp_path / "pdf" / "plan_2025-2026_clean.pdf"
    assert record.read_text().splitlines() == [str(target)]
    text = text_of(target.read_bytes())
    assert "Аткарылышы" not in text and "ИШ ПЛАНЫ" in text


async def test_without_a_printer_the_screen_says_so_and_shows_the_path(demo_store, tmp_path, monkeypatch):
    from ubtui.app import UbtuiApp
    from ubtui.screens import printing

    monkeypatch.setattr(printing, "send_to_printer", lambda path: False)
    monkeypatch.setenv("UBTUI_PDF_DIR", str(tmp_path / "pdf"))
    monkeypatch.setenv("UBTUI_NO_VIEWER", "1")
    app = UbtuiApp(demo_store, today=DAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f6")
        await pilot.pause()
        await pilot.press("p")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("o")
        await pilot.pause()
        messages = [n.message for n in app._notifications]
    assert any("Принтер табылган жок" in m and str(tmp_path / "pdf") in m for m in messages), messages


async def test_settings_keep_the_russian_name_the_genitive_and_deputies_as_roles(demo_store):
    from textual.widgets import Input, TextArea

    from ubtui.app import UbtuiApp

    app = UbtuiApp(demo_store, today=DAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f9")
        await pilot.pause()
        for selector, text in (("#school_name_ru", "СШ 12"), ("#school_genitive_override", "Он экинчи мектебинин")):
            field = app.screen.query_one(selector, Input)
            field.focus()
            await pilot.pause()
            field.value = ""
            await pilot.press(*text)
        deputies = app.screen.query_one("#deputies", TextArea)
        deputies.focus()
        deputies.text = ""
        await pilot.press(*"Осмонова Айгүл; Заместитель директора по учебно-воспитательной работе")
        await pilot.press("f2")
        await pilot.pause()
    settings = demo_store.settings()
    assert settings.school_name_ru == "СШ 12" and settings.school_genitive() == "Он экинчи мектебинин"
    assert [(d.name, d.role, d.position) for d in settings.deputies] == [("Осмонова Айгүл", "deputy_teaching", "")]


@pytest.mark.skipif(sys.platform.startswith("win"), reason="a fake lp is a shell script")
async def test_the_sessions_screen_sends_the_printed_protocol_to_the_printer(demo_store, tmp_path, monkeypatch):
    from ubtui.app import UbtuiApp

    record = _fake_lp(tmp_path, monkeypatch)
    app = UbtuiApp(demo_store, today=DAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f4")
        await pilot.pause()
        await pilot.press("o")  # nothing printed yet: nothing is sent
        await pilot.pause()
        assert not record.exists()
        await pilot.press("p")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("o")
        await pilot.pause()
    sent = record.read_text().splitlines()
    assert len(sent) == 1 and Path(sent[0]).parent == tmp_path / "pdf"
    assert "ПРОТОКОЛУ" in text_of(Path(sent[0]).read_bytes())
