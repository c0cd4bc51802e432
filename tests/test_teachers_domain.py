"""Teachers and courses: derived figures, the course rule at its boundaries, validation, the store."""

from __future__ import annotations

import datetime as dt

import pytest

from ubtui import i18n
from ubtui.domain.associations import Association, Member
from ubtui.domain.courses import (
    DUE,
    NEVER,
    OK,
    OVERDUE,
    Course,
    course_status,
    course_warnings,
    status_choices,
    validate_course,
)
from ubtui.domain.settings import Rules, Settings
from ubtui.domain.teachers import (
    Award,
    Teacher,
    add_months,
    add_years,
    award_choices,
    category_choices,
    education_choices,
    find_duplicate,
    full_years,
    split_list,
    teacher_warnings,
    validate_teacher,
)
from ubtui.domain.validation import ValidationError
from ubtui.store import store as store_module
from ubtui.store.store import TeacherInUse

AT = dt.date(2025, 9, 1)
RULES = Rules()  # 72 hours within 5 years, young below 3 years


def course(end: dt.date, hours: int = 72, kind: str = "course", start: dt.date | None = None) -> Course:
    return Course(teacher_id="t", title="Курс", start=start or end - dt.timedelta(days=11), end=end, hours=hours, kind=kind)


# --- dates and derived figures ----------------------------------------------------------------


def test_full_years_counts_an_anniversary_as_a_whole_year():
    assert full_years(dt.date(2000, 9, 1), dt.date(2025, 9, 1)) == 25
    assert full_years(dt.date(2000, 9, 2), dt.date(2025, 9, 1)) == 24
    assert full_years(None, AT) is None
    assert full_years(dt.date(2030, 1, 1), AT) == 0


def test_add_years_and_months_clamp_to_real_days():
    assert add_years(dt.date(2020, 2, 29), 5) == dt.date(2025, 2, 28)
    assert add_years(dt.date(2020, 2, 29), 4) == dt.date(2024, 2, 29)
    assert add_months(dt.date(2025, 1, 31), 1) == dt.date(2025, 2, 28)
    assert add_months(dt.date(2025, 3, 15), -15) == dt.date(2023, 12, 15)


def test_age_and_experience_at_a_date():
    teacher = Teacher(
        full_name="Үсөнова Бермет",
        birth_date=dt.date(1990, 9, 2),
        total_start=dt.date(2010, 8, 15),
        pedagogical_start=dt.date(2012, 9, 1),
    )
    assert teacher.age(AT) == 34
    assert teacher.age(AT + dt.timedelta(days=1)) == 35
    assert teacher.total_experience(AT) == 15
    assert teacher.pedagogical_experience(AT) == 13
    assert Teacher().age(AT) is None and Teacher().pedagogical_experience(AT) is None


@pytest.mark.parametrize(
    ("start", "young"),
    [
        (dt.date(2022, 9, 2), True),  # one day short of 3 years
        (dt.date(2022, 9, 1), False),  # exactly 3 years: no longer young
        (dt.date(2025, 9, 1), True),  # the first day
        (None, False),  # unknown: not flagged
    ],
)
def test_young_teacher_flag_at_its_boundary(start, young):
    assert Teacher(pedagogical_start=start).is_young(AT, RULES) is young


def test_young_teacher_follows_the_setting():
    teacher = Teacher(pedagogical_start=dt.date(2021, 9, 1))  # 4 years
    assert not teacher.is_young(AT, Rules(young_teacher_years=3))
    assert teacher.is_young(AT, Rules(young_teacher_years=5))


def test_split_list():
    assert split_list(" математика, физика;; химия ,") == ["математика", "физика", "химия"]


# --- the course rule ---------------------------------------------------------------------------------


def test_never_without_a_qualifying_course():
    status = course_status([], AT, RULES)
    assert (status.state, status.due, status.hours_in_period, status.last_course) == (NEVER, None, 0, None)
    seminar_only = course_status([course(dt.date(2025, 3, 1), hours=72, kind="seminar")], AT, RULES)
    assert seminar_only.state == NEVER


def test_exactly_five_years_still_counts_and_is_due_that_day():
    status = course_status([course(dt.date(2020, 9, 1))], AT, RULES)
    assert status.state == DUE
    assert status.due == AT
    assert status.hours_in_period == 72


def test_one_day_past_five_years_is_overdue():
    status = course_status([course(dt.date(2020, 8, 31))], AT, RULES)
    assert status.state == OVERDUE
    assert status.due == dt.date(2025, 8, 31)
    assert status.hours_in_period == 0


@pytest.mark.parametrize(("hours", "state"), [(71, OVERDUE), (72, OK), (73, OK)])
def test_hours_at_the_threshold(hours, state):
    status = course_status([course(dt.date(2024, 3, 1), hours=hours)], AT, RULES)
    assert status.state == state
    assert status.hours_in_period == hours
    assert (status.due is None) == (state == OVERDUE)


def test_short_courses_add_up_and_the_older_one_sets_the_due_date():
    courses = [course(dt.date(2022, 5, 10), hours=36), course(dt.date(2024, 5, 10), hours=36)]
    status = course_status(courses, AT, RULES)
    assert status.state == OK
    assert status.hours_in_period == 72
    assert status.due == dt.date(2027, 5, 10)  # when the 2022 course drops out, 36 hours are left
    assert status.last_course is not None and status.last_course.end == dt.date(2024, 5, 10)


def test_retraining_counts_and_a_seminar_does_not():
    retraining = course_status([course(dt.date(2023, 6, 30), hours=520, kind="retraining")], AT, RULES)
    assert retraining.state == OK and retraining.due == dt.date(2028, 6, 30)
    mixed = course_status(
        [course(dt.date(2024, 1, 20), hours=36), course(dt.date(2024, 2, 20), hours=36, kind="seminar")], AT, RULES
    )
    assert mixed.state == OVERDUE
    assert mixed.hours_in_period == 36


def test_a_course_spanning_the_cut_off_counts_whole_from_its_end():
    # Began before 1 September 2020 (the cut-off), ended after it: all its hours count.
    spanning = course(dt.date(2020, 9, 10), start=dt.date(2020, 8, 20))
    status = course_status([spanning], AT, RULES)
    assert status.state == DUE
    assert status.hours_in_period == 72
    assert status.due == dt.date(2025, 9, 10)
    # Ended the day before the cut-off: nothing counts, however it began.
    ended_before = course(dt.date(2020, 8, 31), start=dt.date(2020, 8, 20))
    assert course_status([ended_before], AT, RULES).state == OVERDUE


def test_a_course_not_finished_yet_does_not_count():
    running = course(dt.date(2025, 9, 12), start=dt.date(2025, 8, 25))
    assert course_status([running], AT, RULES).state == NEVER
    assert course_status([running], dt.date(2025, 9, 12), RULES).state == OK


@pytest.mark.parametrize(
    ("end", "state"),
    [
        (dt.date(2021, 9, 1), DUE),  # due 1 September 2026: exactly 12 months ahead
        (dt.date(2021, 9, 2), OK),  # a day later: not yet
    ],
)
def test_due_within_twelve_months_boundary(end, state):
    assert course_status([course(end)], AT, RULES).state == state


def test_the_rule_is_a_setting():
    courses = [course(dt.date(2023, 3, 1), hours=40)]
    assert course_status(courses, AT, RULES).state == OVERDUE
    assert course_status(courses, AT, Rules(course_hours=36, course_period_years=3)).state == DUE  # due 1.3.2026
    assert course_status(courses, AT, Rules(course_hours=36, course_period_years=2)).state == OVERDUE


def test_urgency_orders_overdue_never_due_ok():
    statuses = [
        course_status([course(dt.date(2023, 1, 1))], AT, RULES),  # ok
        course_status([], AT, RULES),  # never
        course_status([course(dt.date(2021, 1, 1))], AT, RULES),  # due
        course_status([course(dt.date(2019, 1, 1))], AT, RULES),  # overdue since 2024
        course_status([course(dt.date(2020, 1, 1))], AT, RULES),  # overdue since 2025
    ]
    ordered = sorted(statuses, key=lambda s: s.urgency())
    assert [s.state for s in ordered] == [OVERDUE, OVERDUE, NEVER, DUE, OK]
    assert ordered[0].due == dt.date(2024, 1, 1)


def test_status_labels_are_translated_and_marked():
    i18n.set_language("ky")
    labels = dict((code, label) for label, code in status_choices())
    assert labels[OVERDUE] == "мөөнөтү өтүп кеткен"
    i18n.set_language("ru")
    assert course_status([], AT, RULES).label == "курсов не было"
    assert {course_status([], AT, RULES).mark} <= {"-"}


# --- validation ---------------------------------------------------------------------------------------------


def test_a_good_teacher_passes():
    teacher = Teacher(
        full_name="Төлөгөнова Чолпон",
        birth_date=dt.date(1970, 6, 23),
        phone="0555 12-34-56",
        graduation_year=1992,
        total_start=dt.date(1989, 8, 15),
        pedagogical_start=dt.date(1990, 9, 1),
        category="highest",
        category_date=dt.date(2022, 4, 20),
        category_expires=dt.date(2027, 4, 20),
        awards=[Award("Райондук Ардак грамота", "district", 2011)],
        weekly_load=20.5,
    )
    assert not validate_teacher(teacher, [], today=AT)


@pytest.mark.parametrize(
    ("changes", "field", "ky"),
    [
        ({"full_name": "  "}, "full_name", "Мугалимдин аты-жөнүн жазыңыз."),
        ({"birth_date": dt.date(2025, 9, 2)}, "birth_date", "Туулган күнү келечекте."),
        ({"birth_date": dt.date(2015, 1, 1)}, "birth_date", "Бул туулган күн боюнча мугалим 15 жашка толо элек."),
        ({"phone": "0555 12-34-56 (үй)"}, "phone", "Телефон номеринде сандар, боштуктар жана + - ( ) гана болот."),
        ({"pedagogical_start": dt.date(1988, 1, 1), "total_start": dt.date(1990, 1, 1)}, "pedagogical_start",
         "Педагогикалык стаж жалпы стаждан мурун башталбайт."),
        ({"total_start": dt.date(2026, 1, 1)}, "total_start", "Стаждын башталышы келечекте."),
        ({"category": "мыкты"}, "category", "Квалификациялык категорияны тизмеден тандаңыз."),
        ({"weekly_load": 61}, "weekly_load", "Жумалык жүктөм 0дөн 60 саатка чейин болушу керек."),
        ({"awards": [Award("", "school", 2020)]}, "awards", "1-сыйлык: аталышын жазыңыз."),
        ({"graduation_year": 2026}, "graduation_year", "Бүтүргөн жылын 1920 – 2025 аралыгында жазыңыз."),
        ({"category_date": dt.date(2024, 1, 1), "category_expires": dt.date(2023, 1, 1)}, "category_expires",
         "Категориянын мөөнөтү ал берилгенден кийин бүтүшү керек."),
    ],
)
def test_teacher_problems_are_translated_per_field(changes, field, ky):
    teacher = Teacher(**{"full_name": "Асанова Гүлнара", "category": "first", **changes})
    i18n.set_language("ky")
    problems = validate_teacher(teacher, [], today=AT)
    assert ky in problems.by_field.get(field, []), problems.by_field
    i18n.set_language("ru")
    russian = validate_teacher(teacher, [], today=AT).by_field[field][0]
    assert russian != ky and russian.isascii() is False


def test_duplicate_name_and_birth_date_is_a_warning_not_an_error():
    first = Teacher(full_name="Асанова  Гүлнара Мамытовна", birth_date=dt.date(1977, 1, 9))
    again = Teacher(full_name="асанова гүлнара мамытовна", birth_date=dt.date(1977, 1, 9))
    namesake = Teacher(full_name="Асанова Гүлнара Мамытовна", birth_date=dt.date(1985, 5, 5))
    assert find_duplicate(again, [first]) is first
    assert find_duplicate(namesake, [first]) is None
    assert find_duplicate(first, [first]) is None  # itself, when edited
    assert not validate_teacher(again, [first], today=AT)
    i18n.set_language("ru")
    assert teacher_warnings(again, [first]) == ["Учитель с такими же ФИО и датой рождения уже есть. Всё равно сохранить?"]
    assert teacher_warnings(namesake, [first]) == []


@pytest.mark.parametrize(
    ("changes", "field", "ky"),
    [
        ({"end": dt.date(2025, 3, 1), "start": dt.date(2025, 3, 10)}, "end", "Курстун бүткөн күнү башталган күнүнөн мурун."),
        ({"hours": 0}, "hours", "Сааттар 0дөн чоң бүтүн сан болушу керек."),
        ({"hours": -72}, "hours", "Сааттар 0дөн чоң бүтүн сан болушу керек."),
        ({"title": ""}, "title", "Курстун аталышын жазыңыз."),
        ({"end": None}, "end", "Бүткөн күнүн жазыңыз."),
        ({"kind": "webinar"}, "kind", "Курстун түрүн тизмеден тандаңыз."),
    ],
)
def test_course_problems(changes, field, ky):
    good = dict(teacher_id="t", title="Критерийлер аркылуу баалоо", start=dt.date(2025, 3, 1), end=dt.date(2025, 3, 12))
    assert not validate_course(Course(**good))
    problems = validate_course(Course(**{**good, **changes}))
    assert ky in problems.by_field[field]


def test_short_retraining_is_warned():
    assert course_warnings(Course(kind="retraining", hours=72))
    assert not course_warnings(Course(kind="retraining", hours=520))
    assert not course_warnings(Course(kind="course", hours=72))


# --- choices ------------------------------------------------------------------------------------------------


def test_award_choices_are_the_glossary_s_in_each_language():
    i18n.set_language("ky")
    ky = award_choices()
    assert ("Кыргыз Республикасынын билим берүүсүнө эмгек сиңирген кызматкер", "state") in ky
    assert ("«Билим берүүнүн мыктысы» төш белгиси", "ministry") in ky
    i18n.set_language("ru")
    ru = award_choices()
    assert ("Народный учитель Кыргызской Республики", "state") in ru
    assert [level for _t, level in ru] == [level for _t, level in ky]
    assert {level for _t, level in ru} == {"state", "ministry", "region", "district", "school"}


def test_category_and_education_choices_use_the_glossary():
    i18n.set_language("ky")
    assert category_choices() == [
        ("жогорку", "highest"), ("биринчи (I)", "first"), ("экинчи (II)", "second"), ("категориясы жок", "none")
    ]
    i18n.set_language("ru")
    assert ("неполное высшее", "incomplete_higher") in education_choices()


# --- the store ----------------------------------------------------------------------------------------------


def test_round_trip_keeps_every_field(empty_store):
    teacher = Teacher(
        full_name="Саңкыбаева Жаңыл Үмөтовна",
        birth_date=dt.date(1980, 2, 29),
        phone="0700 11-22-33",
        education="incomplete_higher",
        institution="Ош мамлекеттик университети",
        graduation_year=2003,
        specialty="Химия жана биология",
        subjects=["химия", "биология"],
        classes="8-11",
        weekly_load=20.5,
        total_start=dt.date(2002, 8, 15),
        pedagogical_start=dt.date(2003, 9, 1),
        category="second",
        category_date=dt.date(2021, 4, 20),
        category_expires=dt.date(2026, 4, 20),
        awards=[Award("Мектептик Ардак грамота", "school", 2022)],
        self_education_topic="Химия сабагында тажрыйба",
        position="химия мугалими",
    )
    empty_store.save_teacher(teacher)
    assert empty_store.teachers.get(teacher.id) == teacher


def test_save_teacher_keeps_member_lists_in_step(empty_store):
    store = empty_store
    primary = store.associations.save(Association(name="Башталгыч класстар", members=[Member("Асанова Гүлнара")]))
    languages = store.associations.save(Association(name="Тилдер"))
    teacher = store.save_teacher(Teacher(full_name="Асанова Гүлнара", association_id=primary.id))
    # The member typed by name is linked, not doubled.
    assert store.associations.get(primary.id).members == [Member("Асанова Гүлнара", teacher.id)]
    assert store.members_of(store.associations.get(primary.id)) == [teacher]
    teacher.full_name = "Асанова Гүлнара Мамытовна"
    teacher.association_id = languages.id
    store.save_teacher(teacher)
    assert store.associations.get(primary.id).members == []
    assert store.associations.get(languages.id).members == [Member("Асанова Гүлнара Мамытовна", teacher.id)]
    store.retire_teacher(teacher.id, dt.date(2025, 11, 1))
    assert store.associations.get(languages.id).members == []
    left = store.teachers.get(teacher.id)
    assert (left.active, left.left_on) == (False, dt.date(2025, 11, 1))
    assert store.sorted_teachers() == [] and store.sorted_teachers(include_inactive=True) == [left]


def test_delete_takes_the_courses_along_unless_the_teacher_is_named(empty_store, monkeypatch):
    store = empty_store
    association = store.associations.save(Association(name="Тилдер"))
    kept = store.save_teacher(Teacher(full_name="Исакова Светлана", association_id=association.id))
    gone = store.save_teacher(Teacher(full_name="Кадыров Нурбек", association_id=association.id))
    store.courses.save(Course(teacher_id=gone.id, title="Курс", end=dt.date(2024, 1, 1)))
    store.courses.save(Course(teacher_id=kept.id, title="Курс", end=dt.date(2024, 1, 1)))
    assert store.delete_or_retire(gone.id) is True
    assert store.teachers.find(gone.id) is None and store.courses_of(gone.id) == []
    assert [m.teacher_id for m in store.associations.get(association.id).members] == [kept.id]

    def named_in_a_session(store_, teacher_id):
        return ["отурум №2 (2025-2026)"] if teacher_id == kept.id else []

    monkeypatch.setattr(store_module, "TEACHER_REFERENCES", [named_in_a_session])
    assert store.teacher_references(kept.id) == ["отурум №2 (2025-2026)"]
    with pytest.raises(TeacherInUse, match="отурум №2"):
        store.delete_teacher(kept.id)
    assert store.delete_or_retire(kept.id) is False
    assert store.teachers.get(kept.id).active is False
    assert len(store.courses_of(kept.id)) == 1  # a teacher who left keeps their history


def test_a_course_needs_a_teacher_on_file(empty_store):
    with pytest.raises(ValidationError) as caught:
        empty_store.courses.save(Course(teacher_id="nobody", title="Курс", end=dt.date(2024, 1, 1)))
    assert "teacher_id" in caught.value.problems.by_field


def test_who_is_due_is_sorted_by_urgency(empty_store):
    store = empty_store
    store.save_settings(Settings(school_name="Мектеп"))
    ends = {"Ok": dt.date(2024, 1, 1), "Due": dt.date(2021, 1, 1), "Overdue": dt.date(2019, 6, 1), "Never": None}
    for name, end in ends.items():
        teacher = store.save_teacher(Teacher(full_name=name))
        if end:
            store.courses.save(Course(teacher_id=teacher.id, title="Курс", end=end))
    pairs = store.course_statuses(dt.date(2025, 11, 20))
    assert [(t.full_name, s.state) for t, s in pairs] == [
        ("Overdue", OVERDUE), ("Never", NEVER), ("Due", DUE), ("Ok", OK)
    ]
    ok = store.find_teacher("ok")
    assert ok is not None and store.course_status_of(ok, dt.date(2025, 11, 20)).state == OK


def test_find_teacher_by_id_name_or_unique_part(demo_store):
    teacher = demo_store.find_teacher("Үсөнова")
    assert teacher is not None and teacher.full_name == "Үсөнова Бермет Нурлановна"
    assert demo_store.find_teacher(teacher.id) == teacher
    assert demo_store.find_teacher("ова") is None  # many match


# --- the demo --------------------------------------------------------------------------------------------


def test_demo_has_every_status_three_young_teachers_and_linked_members(demo_store):
    from conftest import DEMO_DAY

    rules = demo_store.settings().rules
    teachers = demo_store.sorted_teachers()
    assert 25 <= len(teachers) <= 35
    assert sum(t.is_young(DEMO_DAY, rules) for t in teachers) == 3
    states = {s.state for _t, s in demo_store.course_statuses(DEMO_DAY)}
    assert states == {OK, DUE, OVERDUE, NEVER}
    assert {t.category for t in teachers} == {"highest", "first", "second", "none"}
    assert any(t.awards for t in teachers)
    for teacher in teachers:
        assert not validate_teacher(teacher, [], today=DEMO_DAY), teacher.full_name
        assert teacher.birth_date and teacher.phone and teacher.institution and teacher.self_education_topic
    for association in demo_store.associations.all():
        linked = demo_store.members_of(association)
        assert len(linked) == len(association.members) > 0
        assert all(t.association_id == association.id for t in linked)
    ends = [c.end for c in demo_store.courses.all()]
    assert min(ends) >= add_years(DEMO_DAY, -6)


def test_demo_is_the_same_every_time_for_a_day(tmp_path):
    from ubtui.demo import write_demo
    from ubtui.store import Store

    def content(path):
        with Store.open(path, read_only=True) as store:
            return (
                [t.to_dict() | {"created_at": "", "updated_at": ""} for t in store.sorted_teachers()],
                sorted((c.id, c.end) for c in store.courses.all()),
            )

    first = write_demo(tmp_path / "a.json", today=dt.date(2025, 11, 20))
    second = write_demo(tmp_path / "b.json", today=dt.date(2025, 11, 20))
    assert content(first) == content(second)


def test_teachers_sort_in_kyrgyz_alphabetical_order(empty_store):
    for name in ("Үсөнова Бермет", "Турдубаев Алмаз", "Өмүрбекова Нурзат", "Төлөгөнова Чолпон", "Усубалиев Нур",
                 "Орозбаев Тынчтык", "Пазылов Азамат", "Ёлкин Иван", "Ешмамбетов Бакыт"):
        empty_store.save_teacher(Teacher(full_name=name))
    assert [t.full_name.split()[0] for t in empty_store.sorted_teachers()] == [
        "Ешмамбетов", "Ёлкин", "Орозбаев", "Өмүрбекова", "Пазылов", "Төлөгөнова", "Турдубаев", "Усубалиев", "Үсөнова"
    ]
