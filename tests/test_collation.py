"""Kyrgyz alphabetical order (DESIGN §3) through one key, the same on screen and on paper."""

from __future__ import annotations

import random

from ubtui.app import UbtuiApp
from ubtui.domain import collation, teachers
from ubtui.domain.collation import KYRGYZ_ALPHABET, name_key, sorted_by_name
from ubtui.domain.teachers import Teacher
from ubtui.reports import Options
from ubtui.reports.staff import staff_sheet

from conftest import DEMO_DAY

# In Kyrgyz order: Е < Ё < Ж, Н < Ң < О, О < Ө < П, У < Ү < Ф; double blanks do not count.
ORDERED = [
    "Алиев Бакыт",
    "Ечкиев Марат",
    "Ёлкина Анна",
    "Жумабаев Нурлан",
    "Нуров Айбек",
    "Ңоо Тест",
    "Омурова Айгүл",
    "Өмүрбекова Нурзат",
    "Петров Иван",
    "Төлөгөнова  Чолпон",  # Тө before Ту: ө comes right after о
    "Турдубаев Азамат",
    "Усубалиев Канат",
    "Үсөнова Бермет",
    "Фомина Ольга",
]


def test_the_alphabet_and_the_key():
    assert KYRGYZ_ALPHABET.index("ң") == KYRGYZ_ALPHABET.index("н") + 1
    assert KYRGYZ_ALPHABET.index("ө") == KYRGYZ_ALPHABET.index("о") + 1
    assert KYRGYZ_ALPHABET.index("ү") == KYRGYZ_ALPHABET.index("у") + 1
    assert KYRGYZ_ALPHABET.index("ё") == KYRGYZ_ALPHABET.index("е") + 1
    shuffled = ORDERED[:]
    random.Random(8).shuffle(shuffled)
    assert sorted_by_name(shuffled) == ORDERED
    assert name_key("үсөнова") == name_key("ҮСӨНОВА")
    assert sorted(["Ү", "Я"], key=str) == ["Я", "Ү"]  # what code-point order would do
    assert teachers.name_key is collation.name_key  # the old import still works, with the same key


async def test_the_teachers_screen_and_the_staff_pdf_agree(demo_store):
    association = demo_store.chosen_association()
    shuffled = ORDERED[:]
    random.Random(3).shuffle(shuffled)
    for name in shuffled:
        demo_store.save_teacher(Teacher(full_name=name, association_id=association.id, subjects=["тарых"]))
    sheet = staff_sheet(demo_store, Options(association=association.id, today=DEMO_DAY))
    on_paper = [t.full_name for group in sheet.groups for t in group.teachers]
    app = UbtuiApp(demo_store, today=DEMO_DAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f3")
        await pilot.pause()
        screen = app.screen
        on_screen = [demo_store.teachers.get(row.id).full_name for row in screen._rows]
        table = screen.query_one("#teachers")
        first_rows = [str(table.get_row_at(i)[0]).removeprefix("* ") for i in range(5)]
    assert on_screen == on_paper
    assert on_screen == sorted(on_screen, key=name_key)
    added = [n for n in on_screen if n in ORDERED]
    assert added == [n for n in sorted_by_name(ORDERED)]
    assert first_rows == on_screen[:5]


def test_a_number_in_a_name_counts_as_a_number():
    from ubtui.domain.collation import numbered_key

    names = ["№12 орто мектеби", "№2 орто мектеби", "№1 орто мектеби", "Үч-Эмчек №3", "Ак-Суу мектеби", "№2а мектеби",
             "Үч-Эмчек №12"]
    assert sorted(names, key=numbered_key) == [  # letters before signs, as in name_key
        "Ак-Суу мектеби", "Үч-Эмчек №3", "Үч-Эмчек №12", "№1 орто мектеби", "№2 орто мектеби", "№2а мектеби",
        "№12 орто мектеби"]
    assert numbered_key("Ак  Суу") == numbered_key("ак суу")  # case and blanks do not count, as in name_key
