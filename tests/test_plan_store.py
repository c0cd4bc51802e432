"""Work plans in the school file: starting from the template or last year's plan, never
overwriting unasked; ordering, marking, archive years, the demo and the home screen's figures."""

from __future__ import annotations

import datetime as dt

import pytest

from ubtui import i18n
from ubtui.domain.associations import Association
from ubtui.domain.plan_template import ITEMS
from ubtui.domain.plans import DONE, MOVED, PARTLY, PLANNED, Due, PlanItem, approval_state
from ubtui.domain.settings import Settings
from ubtui.domain.teachers import Teacher
from ubtui.domain.validation import ValidationError
from ubtui.domain.years import default_year
from ubtui.store import Store
from ubtui.store.overview import overview
from ubtui.store.plans import NoPreviousPlan, PlanExists, PlanReadOnly

from conftest import DEMO_DAY


@pytest.fixture
def school(empty_store: Store):
    """Two open years and one association, nothing else."""
    with empty_store.batch():
        empty_store.save_settings(Settings(school_name="Ала-Тоо орто мектеби", director="Абдыкадыров Бакыт"))
        for first in (2024, 2025):
            empty_store.years.save(default_year(first))
        empty_store.associations.save(Association(name="Тилдер"))
    return empty_store


def ids(store: Store):
    association = store.associations.all()[0]
    years = {y.label: y for y in store.years.all()}
    return association, years["2024-2025"], years["2025-2026"]


def generation(store: Store) -> int:
    return store.school.meta["generation"]


def test_start_from_the_template_in_one_write(school: Store):
    association, _last, year = ids(school)
    before = generation(school)
    plan = school.plans.start_from_template(association.id, year.id, language="ky")
    assert generation(school) == before + 1
    items = school.plans.items_of(plan)
    assert len(items) == len(ITEMS)
    assert [i.section for i in items][:1] == ["I"] and {i.section for i in items} == {"I", "II", "III", "IV"}
    assert items[0].content == ITEMS[0].ky
    assert plan.goal and plan.tasks and plan.language == "ky"
    again = Store.open(school.path, read_only=True)  # it reached the disk
    assert len(again.plans.items_of(again.plans.find(association.id, year.id))) == len(ITEMS)
    ru = school.plans.start_from_template(association.id, ids(school)[1].id, language="ru")
    assert school.plans.items_of(ru)[0].content == ITEMS[0].ru


def test_starting_again_never_overwrites_unasked(school: Store):
    association, _last, year = ids(school)
    plan = school.plans.start_from_template(association.id, year.id)
    first = school.plans.items_of(plan)[0]
    school.plans.mark(first.id, DONE, note="Өткөрүлдү")
    before = generation(school)
    with pytest.raises(PlanExists) as caught:
        school.plans.start_from_template(association.id, year.id)
    assert caught.value.items == len(ITEMS)
    with pytest.raises(PlanExists):
        school.plans.start_empty(association.id, year.id)
    assert generation(school) == before
    assert school.plans.items.get(first.id).status == DONE
    # Asked and answered yes: the old plan and its items are gone, a fresh one is there.
    fresh = school.plans.start_from_template(association.id, year.id, replace=True)
    assert fresh.id != plan.id
    assert school.plans.items.find(first.id) is None
    assert len(school.plans.plans.all()) == 1
    assert all(i.status == PLANNED for i in school.plans.items_of(fresh))


def test_copy_last_years_plan_shifts_dates_and_resets_statuses(school: Store):
    association, last, year = ids(school)
    old = school.plans.start_from_template(association.id, last.id)
    old.theme = "Окуучулардын функционалдык сабаттуулугу"
    old.approved_by, old.approved_on = "Абдыкадыров Бакыт", dt.date(2024, 8, 29)
    school.plans.save_plan(old)
    items = school.plans.items_of(old)
    dated = school.plans.save_item(PlanItem(plan_id=old.id, section="III", content="Ачык сабак: 5-класс",
                                            due=Due.on(dt.date(2024, 10, 15))))
    school.plans.mark(dated.id, DONE, note="Өткөрүлдү", done_on=dt.date(2024, 10, 15))
    school.plans.mark(items[1].id, PARTLY, note="жарым-жартылай")
    school.plans.mark(items[2].id, MOVED, moved_to=Due.in_months(11))
    new = school.plans.copy_previous(association.id, year.id)
    copied = school.plans.items_of(new)
    assert len(copied) == len(items) + 1
    assert all(i.status == PLANNED and not i.note and i.done_on is None and i.moved_to is None for i in copied)
    assert [i.content for i in copied] == [i.content for i in school.plans.items_of(old)]
    shifted = next(i for i in copied if i.content == "Ачык сабак: 5-класс")
    assert shifted.due == Due.on(dt.date(2025, 10, 15))
    assert copied[0].due == items[0].due  # months stay months
    assert new.theme == old.theme and new.approved_on is None and not new.approved_by
    # The old plan is untouched.
    assert school.plans.items.get(dated.id).status == DONE
    with pytest.raises(PlanExists):
        school.plans.copy_previous(association.id, year.id)


def test_copy_needs_an_earlier_plan(school: Store):
    association, _last, year = ids(school)
    with pytest.raises(NoPreviousPlan):
        school.plans.copy_previous(association.id, year.id)


def test_items_keep_their_order_and_move_within_their_section(school: Store):
    association, _last, year = ids(school)
    plan = school.plans.start_from_template(association.id, year.id)
    section_two = [i for i in school.plans.items_of(plan) if i.section == "II"]
    first, second = section_two[0], section_two[1]
    assert school.plans.move_item(second.id, -1)
    again = [i.id for i in school.plans.items_of(plan) if i.section == "II"]
    assert again[:2] == [second.id, first.id]
    assert not school.plans.move_item(second.id, -1)  # already first in its section
    last = again[-1]
    assert not school.plans.move_item(last, 1)
    # A new item goes to its section's end; a custom section follows IV.
    added = school.plans.save_item(PlanItem(plan_id=plan.id, section="II", content="Жаңы иш-чара"))
    assert [i.id for i in school.plans.items_of(plan) if i.section == "II"][-1] == added.id
    custom = school.plans.save_item(PlanItem(plan_id=plan.id, section="Предметтик жумалык", content="Жумалык"))
    assert school.plans.plans.get(plan.id).custom_sections == ["Предметтик жумалык"]
    assert school.plans.items_of(plan)[-1].id == custom.id
    # Deleting renumbers the section.
    school.plans.delete_item(again[0])
    assert [i.order for i in school.plans.items_of(plan) if i.section == "II"] == list(range(1, len(again) + 1))


def test_marking_records_the_day_and_note(school: Store):
    association, _last, year = ids(school)
    plan = school.plans.start_from_template(association.id, year.id)
    item = school.plans.items_of(plan)[0]
    done = school.plans.mark(item.id, DONE, note="  УБнин №1 отурумунда каралды ")
    assert (done.status, done.note, done.done_on) == (DONE, "УБнин №1 отурумунда каралды", DEMO_DAY)
    moved = school.plans.mark(item.id, MOVED, moved_to=Due.in_months(12))
    assert moved.done_on is None and moved.moved_to == Due.in_months(12)
    with pytest.raises(ValidationError):
        school.plans.mark(item.id, MOVED)  # moved to when?
    assert school.plans.items.get(item.id).moved_to == Due.in_months(12)


def test_bad_items_are_refused_and_nothing_is_written(school: Store):
    i18n.set_language("ky")
    association, _last, year = ids(school)
    plan = school.plans.start_from_template(association.id, year.id)
    before = generation(school)
    with pytest.raises(ValidationError) as caught:
        school.plans.save_item(PlanItem(plan_id=plan.id, content="", due=Due.on(dt.date(2030, 1, 1))))
    assert {"content", "due"} <= set(caught.value.problems.by_field)
    with pytest.raises(ValidationError):
        school.plans.save_item(PlanItem(plan_id=plan.id, content="x", teacher_ids=["no-such-teacher"]))
    assert generation(school) == before


def test_a_closed_year_is_read_only(demo_store: Store):
    last = [y for y in demo_store.sorted_years() if y.closed][0]
    association = demo_store.chosen_association()
    plan = demo_store.plans.find(association.id, last.id)
    item = demo_store.plans.items_of(plan)[0]
    with pytest.raises(PlanReadOnly):
        demo_store.plans.mark(item.id, PLANNED)
    with pytest.raises(PlanReadOnly):
        demo_store.plans.start_from_template(association.id, last.id, replace=True)
    assert demo_store.plans.items.get(item.id).status == item.status


def test_a_teacher_named_in_a_plan_is_not_deleted(school: Store):
    association, _last, year = ids(school)
    teacher = school.save_teacher(Teacher(full_name="Мамбетова Гүлмира Токтобековна", association_id=association.id))
    plan = school.plans.start_from_template(association.id, year.id)
    item = school.plans.items_of(plan)[0]
    item.teacher_ids = [teacher.id]
    school.plans.save_item(item)
    i18n.set_language("ky")
    assert school.teacher_references(teacher.id) == ["2025-2026 окуу жылынын иш планы"]
    assert school.delete_or_retire(teacher.id, DEMO_DAY) is False
    assert school.teachers.get(teacher.id).active is False


def test_demo_plans(demo_store: Store):
    years = demo_store.sorted_years()
    last, current = years[0], years[1]
    for association in demo_store.sorted_associations():
        old = demo_store.plans.completion(demo_store.plans.find(association.id, last.id), last.end)
        assert old.done / old.total >= 0.8, association.name
        plan = demo_store.plans.find(association.id, current.id)
        now = demo_store.plans.completion(plan, DEMO_DAY)
        assert 0 < now.done < now.total and now.planned > 0 and now.overdue > 0
        items = demo_store.plans.items_of(plan)
        assert {"I", "II", "III", "IV"} <= {i.section for i in items}
        assert any(i.teacher_ids for i in items) and any(i.note for i in items)
    states = {a.name: approval_state(demo_store.plans.find(a.id, current.id), current, DEMO_DAY)
              for a in demo_store.associations.all()}
    assert states["Тилдер жана адабият"] == "late"
    assert states["Башталгыч класстар"] == "on_time"


def test_home_figures(demo_store: Store):
    i18n.set_language("ky")
    year = demo_store.current_year(DEMO_DAY)
    association = demo_store.find_association("Тилдер")
    figures = {f.label: f for f in overview(demo_store, year, association, DEMO_DAY)}
    assert figures["Иш планы"].value.startswith("кечигип бекитилген: 09.09.2025")
    assert figures["Иш планы"].level == "warning"
    plan = demo_store.plans.find(association.id, year.id)
    done = demo_store.plans.completion(plan, DEMO_DAY)
    assert figures["Мөөнөтү өткөн иш-чаралар"].value == str(done.overdue)
    assert figures["Пландын аткарылышы"].value.startswith(f"{done.done} / {done.total} (")
    whole = {f.label: f for f in overview(demo_store, year, None, DEMO_DAY)}
    assert whole["Бекитилген иш пландары"].value.startswith("3 / 3")  # and how many were late
    # A year with no plan yet: missing.
    demo_store.plans.delete_plan(plan.id)
    figures = {f.label: f for f in overview(demo_store, year, association, DEMO_DAY)}
    assert figures["Иш планы"].value == "түзүлө элек" and figures["Иш планы"].level == "error"
    assert "Мөөнөтү өткөн иш-чаралар" not in figures
