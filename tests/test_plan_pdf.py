"""The printed work plan and monthly plan, the plan report, and the `print plan` / `report plan` commands."""

from __future__ import annotations

import csv
import io

import pytest
from pypdf import PdfReader

from ubtui import cli, i18n
from ubtui.domain.plans import DONE, MOVED, NOT_DONE, PARTLY, Due, PlanItem
from ubtui.errors import UserError
from ubtui.reports import DOCUMENTS, TABLES, Options, build_pdf, build_table, default_file_name
from ubtui.store import Store

from conftest import DEMO_DAY

PRIMARY = "Башталгыч класстар"


def pages_text(data: bytes) -> list[str]:
    return [page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages]


def flat(text: str) -> str:
    return " ".join(text.split())


def assert_fonts_embedded(data: bytes) -> None:
    fonts = []
    for page in PdfReader(io.BytesIO(data)).pages:
        for ref in ((page.get("/Resources") or {}).get("/Font") or {}).values():
            font = ref.get_object()
            fonts.append(font)
            fonts.extend(child.get_object() for child in font.get("/DescendantFonts") or [])
    assert fonts
    for font in fonts:
        name = str(font.get("/BaseFont"))
        assert "PTSerif" in name or "PTSans" in name, name
        descriptor = font.get("/FontDescriptor")
        if descriptor is not None:
            assert "/FontFile2" in descriptor.get_object(), name
    assert b"Helvetica" not in data


def options(**extra) -> Options:
    return Options(association=extra.pop("association", PRIMARY), today=DEMO_DAY, **extra)


def test_plan_is_registered():
    assert "plan" in DOCUMENTS and "plan" in TABLES


def test_plan_pdf_in_kyrgyz(demo_store: Store):
    i18n.set_language("ky")
    data = build_pdf("plan", demo_store, options())
    text = flat(" ".join(pages_text(data)))
    for words in ("БЕКИТЕМ", "МАКУЛДАШЫЛДЫ", "Токтогул Сатылганов атындагы №12 орто мектебинин директору", "Б.Т. Абдыкадыров",
                  "29-август 2025-ж.", "«Башталгыч класстар» усулдук бирикмесинин 2025-2026-окуу жылына карата ИШ ПЛАНЫ",
                  "Усулдук тема:", "Максаты:", "Милдеттери:",
                  "Иш-чаранын мазмуну", "Аткаруу мөөнөтү", "Жооптуулар", "Аткарылышы",
                  "I. Уюштуруу иштери", "II. Усулдук бирикме мүчөлөрүнүн укуктук сабаттуулугун жогорулатуу",
                  "III. Предметтердин окутулушун көзөмөлдөө", "IV. Усулдук иштер",
                  "Насаатчылык иштерин уюштуруу", "аткарылды", "Жыл бою", "УБ жетекчиси"):
        assert words in text, words
    year = demo_store.current_year(DEMO_DAY)
    plan = demo_store.plans.find(demo_store.find_association(PRIMARY).id, year.id)
    statuses = {i.status for i in demo_store.plans.items_of(plan)}
    if PARTLY in statuses:
        assert "жарым-жартылай аткарылды" in text
    if MOVED in statuses:
        assert "жылдырылды" in text
    assert_fonts_embedded(data)
    assert len(pages_text(data)) >= 2


def test_plan_pdf_in_russian(demo_store: Store):
    i18n.set_language("ru")
    data = build_pdf("plan", demo_store, options())
    text = flat(" ".join(pages_text(data)))
    for words in ("УТВЕРЖДАЮ", "СОГЛАСОВАНО", "29 августа 2025 г.", "ПЛАН РАБОТЫ",
                  "Содержание работы", "Сроки", "Ответственные", "Отметка о выполнении",
                  "I. Организационная работа", "IV. Методическая работа", "выполнено", "В течение года"):
        assert words in text, words
    assert "БЕКИТЕМ" not in text
    assert_fonts_embedded(data)


def test_an_unapproved_plan_leaves_lines_to_sign(demo_store: Store):
    i18n.set_language("ky")
    association = demo_store.find_association(PRIMARY)
    year = demo_store.current_year(DEMO_DAY)
    plan = demo_store.plans.find(association.id, year.id)
    plan.approved_by, plan.approved_position, plan.approved_on = "", "", None
    plan.agreed_by, plan.agreed_position, plan.agreed_on = "", "", None
    demo_store.plans.save_plan(plan)
    text = flat(" ".join(pages_text(build_pdf("plan", demo_store, options()))))
    assert "БЕКИТЕМ" in text and "«___» ____________ 20___-ж." in text
    assert "МАКУЛДАШЫЛДЫ" not in text


def test_user_text_is_escaped_long_items_wrap_and_the_header_repeats(demo_store: Store):
    i18n.set_language("ky")
    association = demo_store.find_association(PRIMARY)
    year = demo_store.current_year(DEMO_DAY)
    plan = demo_store.plans.find(association.id, year.id)
    plan.theme = "Тема <b>калың</b> & «тырмакча»"
    demo_store.plans.save_plan(plan)
    demo_store.plans.save_item(PlanItem(plan_id=plan.id, section="III", content="<i>Ачык</i> сабак & талдоо",
                                        due=Due.in_months(12)))
    long_text = " ".join(f"сөз{n}" for n in range(1, 180))
    demo_store.plans.save_item(PlanItem(plan_id=plan.id, section="IV", content=long_text, due=Due.in_months(3)))
    for n in range(60):  # enough rows for several pages
        demo_store.plans.save_item(PlanItem(plan_id=plan.id, section="Кошумча иштер", content=f"Кошумча иш №{n}",
                                            due=Due.in_months(4)))
    data = build_pdf("plan", demo_store, options())
    pages = pages_text(data)
    text = flat(" ".join(pages))
    assert "Тема <b>калың</b> & «тырмакча»" in text
    assert "<i>Ачык</i> сабак & талдоо" in text
    assert "V. Кошумча иштер" in text and "Кошумча иш №59" in text
    # The long item is printed whole, over several lines of its cell.
    raw = " ".join(pages)
    assert "сөз1 " in raw and "сөз179" in raw
    first, last = raw.index("сөз1 "), raw.index("сөз179")
    assert raw[first:last].count("\n") >= 5
    assert len(pages) >= 3
    for page in pages[1:]:
        assert "Иш-чаранын мазмуну" in page and "Аткарылышы" in page  # the header row repeats
    for number, page in enumerate(pages, 1):
        assert f"{number} / {len(pages)}" in page


def test_the_monthly_plan(demo_store: Store):
    i18n.set_language("ky")
    data = build_pdf("plan", demo_store, options(month=10))
    text = flat(" ".join(pages_text(data)))
    assert "2025-2026-окуу жылынын октябрь айына карата ИШ ПЛАНЫ" in text
    assert "олимпиадалардын материалдарын" in text  # due October–November
    assert "Мектеп компонентиндеги сааттарды бөлүштүрүү" not in text  # due August
    assert "Милдеттери:" not in text  # the monthly plan is the table
    assert default_file_name("plan", demo_store, options(month=10)) == "plan_2025-2026_10.pdf"
    i18n.set_language("ru")
    assert "ПЛАН РАБОТЫ методического объединения «Башталгыч класстар» на октябрь" in flat(" ".join(pages_text(build_pdf("plan", demo_store, options(month=10)))))


def test_plan_table(demo_store: Store):
    i18n.set_language("ky")
    table = build_table("plan", demo_store, options())
    year = demo_store.current_year(DEMO_DAY)
    plan = demo_store.plans.find(demo_store.find_association(PRIMARY).id, year.id)
    items = demo_store.plans.items_of(plan)
    assert len(table.rows) == len(items)
    assert table.rows[0][:2] == ["I. Уюштуруу иштери", "I.1"]
    assert table.headers[2:5] == ["Иш-чаранын мазмуну", "Аткаруу мөөнөтү", "Жооптуулар"]
    done = [row for row, item in zip(table.rows, items) if item.status == DONE]
    assert done and all(row[5] == "аткарылды" and row[7] for row in done)
    november = build_table("plan", demo_store, options(month=11))
    assert 0 < len(november.rows) < len(items)


def test_no_plan_is_a_clear_error(demo_store: Store):
    i18n.set_language("ky")
    association = demo_store.find_association(PRIMARY)
    year = demo_store.current_year(DEMO_DAY)
    demo_store.plans.delete_plan(demo_store.plans.find(association.id, year.id).id)
    with pytest.raises(UserError) as caught:
        build_pdf("plan", demo_store, options())
    assert "F5" in str(caught.value) and PRIMARY in str(caught.value)


# --- the command line ------------------------------------------------------------------------------



def run(capsysbinary, *args: str) -> tuple[int, bytes, str]:
    code = cli.main(list(args))
    captured = capsysbinary.readouterr()
    return code, captured.out, captured.err.decode("utf-8")


def test_cli_print_plan(demo_path, tmp_path, capsysbinary, no_crash_log):
    target = tmp_path / "plan.pdf"
    code, out, err = run(capsysbinary, "--db", str(demo_path), "--lang", "ru", "print", "plan",
                         "--association", "Тилдер", "--year", "2025-2026", "-o", str(target))
    assert code == 0, err
    assert str(target) in out.decode("utf-8")
    text = flat(" ".join(pages_text(target.read_bytes())))
    assert "УТВЕРЖДАЮ" in text and "«Тилдер жана адабият»" in text
    monthly = tmp_path / "m.pdf"
    code, _out, err = run(capsysbinary, "--db", str(demo_path), "print", "plan", "--month", "10", "-o", str(monthly))
    assert code == 0, err
    assert "октябрь айына карата ИШ ПЛАНЫ" in flat(" ".join(pages_text(monthly.read_bytes())))


def test_cli_report_plan(demo_path, capsysbinary, no_crash_log):
    code, out, err = run(capsysbinary, "--db", str(demo_path), "report", "plan", "--format", "csv")
    assert code == 0, err
    text = out.decode("utf-8")
    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text[1:])))
    assert rows[0][2] == "Иш-чаранын мазмуну" and len(rows) > 30
    code, out, err = run(capsysbinary, "--db", str(demo_path), "report", "plan", "--format", "text")
    assert code == 0, err
    assert "ИШ ПЛАНЫ" in out.decode("utf-8")


def test_cli_errors_are_one_line(demo_path, capsysbinary, no_crash_log):
    code, _out, err = run(capsysbinary, "--db", str(demo_path), "print", "plan", "--association", "Жок бирикме")
    assert code == 1 and err.count("\n") == 1 and "Жок бирикме" in err
    code, _out, err = run(capsysbinary, "--db", str(demo_path), "print", "plan", "--year", "2019-2020")
    assert code == 1 and "2019-2020" in err
    with pytest.raises(SystemExit) as caught:
        cli.main(["--db", str(demo_path), "print", "plan", "--month", "13"])
    assert caught.value.code == 2


def test_the_plan_modules_load_no_tui():
    import subprocess
    import sys

    code = (
        "import sys, ubtui.domain.plans, ubtui.domain.plan_template, ubtui.store.plans, ubtui.reports.plan;"
        "bad = [m for m in sys.modules if m.startswith(('textual', 'reportlab', 'babel', 'tabulate'))];"
        "print(bad); sys.exit(1 if bad else 0)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_last_years_plan_prints_from_the_archive(demo_store: Store):
    i18n.set_language("ky")
    data = build_pdf("plan", demo_store, options(year="2024-2025"))
    text = flat(" ".join(pages_text(data)))
    assert "2024-2025-окуу жылына карата" in text and "29-август 2024-ж." in text
    year = demo_store.find_year("2024-2025")
    plan = demo_store.plans.find(demo_store.find_association(PRIMARY).id, year.id)
    assert any(i.status == NOT_DONE for i in demo_store.plans.items_of(plan))
    assert "аткарылган жок" in text
