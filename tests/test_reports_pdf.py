"""The printed information bank and course list: text, fonts, escaping, pages, both languages."""

from __future__ import annotations

import datetime as dt
import io
import re
import subprocess
import sys

import pytest
from pypdf import PdfReader

from ubtui import i18n
from ubtui.domain.associations import Association
from ubtui.domain.courses import Course
from ubtui.domain.settings import Settings
from ubtui.domain.teachers import Award, Teacher
from ubtui.errors import UserError
from ubtui.reports import DOCUMENTS, TABLES, Options, build_pdf, build_table, default_file_name

DAY = dt.date(2025, 11, 20)


def pages_text(data: bytes) -> list[str]:
    return [page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages]


def flat(text: str) -> str:
    """Extracted text with line breaks as spaces (a wrapped cell still reads as one phrase)."""
    return " ".join(text.split())


def fonts_of(data: bytes) -> list[dict]:
    """Every font dictionary the pages use (descendants of Type0 fonts included)."""
    found = []
    for page in PdfReader(io.BytesIO(data)).pages:
        resources = page.get("/Resources") or {}
        fonts = resources.get("/Font") or {}
        for ref in fonts.values():
            font = ref.get_object()
            found.append(font)
            for child in font.get("/DescendantFonts") or []:
                found.append(child.get_object())
    return found


def assert_fonts_embedded_and_pt(data: bytes) -> None:
    fonts = fonts_of(data)
    assert fonts, "the PDF uses no fonts at all?"
    for font in fonts:
        name = str(font.get("/BaseFont"))
        assert "Helvetica" not in name and ("PTSerif" in name or "PTSans" in name), name
        descriptor = font.get("/FontDescriptor")
        if descriptor is not None:
            descriptor = descriptor.get_object()
            assert any(key in descriptor for key in ("/FontFile2", "/FontFile", "/FontFile3")), name
        else:
            assert font.get("/Subtype") == "/Type0", name
    assert b"Helvetica" not in data


@pytest.fixture
def store(demo_store):
    return demo_store


def test_registry_names_its_kinds_without_loading_reportlab():
    code = (
        "import sys, ubtui.reports, ubtui.reports.staff, ubtui.reports.courses, ubtui.reports.pdf, ubtui.cli;"
        "ubtui.cli.build_parser();"
        "bad = [m for m in sys.modules if m.startswith(('reportlab', 'textual', 'tabulate'))];"
        "print(bad); sys.exit(1 if bad else 0)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert {"staff", "courses"} <= set(DOCUMENTS) and {"staff", "courses"} <= set(TABLES)


def test_staff_bank_in_kyrgyz(store):
    i18n.set_language("ky")
    data = build_pdf("staff", store, Options(association="all", today=DAY))
    assert data.startswith(b"%PDF")
    pages = pages_text(data)
    text = flat(" ".join(pages))
    assert "Усулдук бирикмелердин мугалимдери жөнүндө маалымат" in text
    assert "2025-2026-окуу жылы" in text and "20-ноябрь 2025-ж. абалы боюнча" in text
    for name in ("Үсөнова Бермет", "Өмүрбекова Нурзат", "Төлөгөнова Чолпон", "Дүйшөнбиева Гүлнур"):
        assert name in text
    assert "Усулдук бирикме: Тилдер жана адабият" in text
    assert "Кыргыз Республикасынын билим берүүсүнө эмгек сиңирген кызматкер (2019)" in text
    assert "жаш мугалим" in text and "Өз алдынча билим алуу темасы" in text
    assert "Сандык жана сапаттык курамы: «Тилдер жана адабият»" in text
    assert re.search(r"\b1 / (\d+)\b", pages[0]) and f"{len(pages)} / {len(pages)}" in pages[-1]
    assert_fonts_embedded_and_pt(data)


def test_staff_bank_in_russian_for_one_association(store):
    i18n.set_language("ru")
    data = build_pdf("staff", store, Options(association="Тилдер", today=DAY))
    text = flat(" ".join(pages_text(data)))
    assert "Банк данных об учителях методического объединения «Тилдер жана адабият»" in text
    assert "2025-2026 учебный год" in text and "по состоянию на 20 ноября 2025 г." in text
    assert "Исакова Светлана Ивановна" in text and "высшая" in text
    assert "Сариев" not in text  # another association
    assert_fonts_embedded_and_pt(data)


@pytest.mark.parametrize("language", ["ky", "ru"])
def test_course_list_has_the_statuses_and_the_overdue_first(store, language):
    i18n.set_language(language)
    data = build_pdf("courses", store, Options(association="all", today=DAY))
    text = flat(" ".join(pages_text(data)))
    labels = {
        "ky": ("мөөнөтү өтүп кеткен", "курстан өткөн эмес", "12 айдын ичинде өтүү керек", "талапка ылайык"),
        "ru": ("просрочено", "курсов не было", "срок в течение 12 месяцев", "в норме"),
    }[language]
    for label in labels:
        assert label in text
    positions = [text.index(label, text.index("№")) for label in labels]  # after the counts line
    assert positions == sorted(positions)
    assert "Жээнбеков Нурсултан" in text and "Талантбек кызы Айпери" in text
    assert_fonts_embedded_and_pt(data)


def test_one_teachers_course_history(store):
    i18n.set_language("ky")
    data = build_pdf("courses", store, Options(teacher="Мамбетова", today=DAY))
    text = flat(" ".join(pages_text(data)))
    assert "Мамбетова Гүлмира Токтобековна: бардык курстары" in text
    assert "Курстан кийинки тапшырма: УБ отурумунда курс боюнча отчет берүү" in text
    assert "Сариев" not in text


def test_user_text_prints_literally(empty_store):
    store = empty_store
    store.save_settings(Settings(school_name="«Ала-Тоо» & <i>мектеби</i>"))
    association = store.associations.save(Association(name="Тил <b>& адабият</b>"))
    store.save_teacher(
        Teacher(
            full_name="Асанов <b>Жоро</b> & Ко",
            association_id=association.id,
            specialty="Физика ✓ & <font color=red>астрономия</font>",
            self_education_topic="Биринчи сап\nЭкинчи сап",
            awards=[Award("<para>Грамота</para>", "school", 2020)],
        )
    )
    data = build_pdf("staff", store, Options(association="all", today=DAY))
    text = flat(" ".join(pages_text(data)))
    assert "Асанов <b>Жоро</b> & Ко" in text
    assert "Тил <b>& адабият</b>" in text
    squeezed = "".join(text.split())  # a narrow column wraps inside words
    assert "Физика+&<fontcolor=red>астрономия</font>" in squeezed  # ✓ is not in the font: "+"
    assert "<para>Грамота</para> (2020)" in text
    assert "«Ала-Тоо» & <i>мектеби</i>" in text
    raw = " ".join(pages_text(data))
    assert "Биринчи сап\nЭкинчи сап" in raw  # the line break is kept


def test_two_hundred_teachers_with_long_cells(empty_store):
    store = empty_store
    store.save_settings(Settings(school_name="Ош шаарындагы №1 мектеп"))
    with store.batch():
        association = store.associations.save(Association(name="Бардык мугалимдер"))
        for number in range(200):
            teacher = store.teachers.save(
                Teacher(
                    full_name=f"Миңбаева Өмүргүл Үсөн кызы {number:03d}",
                    birth_date=dt.date(1960 + number % 20, 1 + number % 12, 1 + number % 28),
                    association_id=association.id,
                    institution="Ж. Баласагын атындагы Кыргыз улуттук университети, " * (1 + number % 3),
                    specialty="Математика" if number % 7 else "м" * 190,  # an unbroken word, too
                    subjects=["математика", "физика"],
                    total_start=dt.date(2000, 9, 1),
                    pedagogical_start=dt.date(2001, 9, 1),
                    awards=[Award("Райондук Ардак грамота", "district", 2015)] * (number % 4),
                    self_education_topic="Окуучулардын функционалдык сабаттуулугун калыптандыруу. " * (1 + number % 5),
                )
            )
            if number % 2:
                store.courses.save(Course(teacher_id=teacher.id, title="Курс", end=dt.date(2023, 3, 1)))
    staff = build_pdf("staff", store, Options(association="all", today=DAY))
    pages = pages_text(staff)
    assert len(pages) > 10
    for number, page in enumerate(pages, 1):
        assert f"{number} / {len(pages)}" in page
        if "Аты-жөнү" not in page:  # only the composition tables after the last rows
            assert "Сандык жана сапаттык курамы" in page, f"the header row is missing on page {number}"
    text = flat(" ".join(pages))
    assert all(f"Миңбаева Өмүргүл Үсөн кызы {n:03d}" in text for n in (0, 99, 199))
    courses = build_pdf("courses", store, Options(association="all", today=DAY))
    assert "Миңбаева Өмүргүл Үсөн кызы 199" in flat(" ".join(pages_text(courses)))
    assert_fonts_embedded_and_pt(staff)


def test_an_empty_school_still_prints(empty_store):
    data = build_pdf("staff", empty_store, Options(today=DAY))
    assert "Мугалимдер азырынча жазыла элек." in flat(" ".join(pages_text(data)))
    assert build_table("courses", empty_store, Options(today=DAY)).rows == []


def test_unknown_names_are_user_errors_in_the_language(store):
    i18n.set_language("ky")
    with pytest.raises(UserError, match="«Химия» усулдук бирикмеси жок"):
        build_pdf("staff", store, Options(association="Химия"))
    i18n.set_language("ru")
    with pytest.raises(UserError, match="нет учебного года «1999-2000»"):
        build_pdf("courses", store, Options(year="1999-2000"))
    with pytest.raises(UserError, match="«ова»"):
        build_table("courses", store, Options(teacher="ова"))


def test_past_year_counts_at_its_end_and_keeps_who_left_later(store):
    teacher = store.find_teacher("Жапарова")
    assert teacher is not None
    store.retire_teacher(teacher.id, DAY)
    table = build_table("staff", store, Options(year="2024-2025", today=DAY))
    assert any(row[2] == teacher.full_name for row in table.rows)
    this_year = build_table("staff", store, Options(today=DAY))
    assert not any(row[2] == teacher.full_name for row in this_year.rows)
    assert default_file_name("staff", store, Options(year="2024-2025")) == "staff_2024-2025.pdf"


def test_a_cell_taller_than_a_page_is_cut_instead_of_failing():
    from ubtui.reports import pdf

    page = pdf.Page(landscape=True)
    huge = "Өтө узун текст " * 2000
    lines = "сап\n" * 1000
    story = [pdf.table(["№", "Текст", "Саптар"], [["1", huge, lines]], (1, 10, 3), page.width)]
    text = flat(" ".join(pages_text(page.render(story, footer="Мектеп"))))
    assert "Өтө узун текст" in text and "…" in text


def test_sheets_render_without_the_store(demo_path):
    """The screens read in the UI thread and render in a worker: rendering must not touch the store."""
    from ubtui.reports.courses import course_sheet, render_courses_pdf
    from ubtui.reports.staff import render_staff_pdf, staff_sheet
    from ubtui.store import Store

    with Store.open(demo_path, read_only=True) as store:
        staff = staff_sheet(store, Options(today=DAY))
        courses = course_sheet(store, Options(teacher="Токтогулова", today=DAY))
    assert not any(isinstance(v, Store) for v in (*vars(staff).values(), *vars(courses).values()))
    assert "Үсөнова Бермет" in flat(" ".join(pages_text(render_staff_pdf(staff))))
    text = flat(" ".join(pages_text(render_courses_pdf(courses))))
    assert "Токтогулова Динара Бакытовна: бардык курстары" in text and "кесиптик кайра даярдоо" in text
