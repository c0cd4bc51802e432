"""The quantitative and qualitative make-up of a group of teachers (seed 001 §6.9).

The information bank prints these counts per association and for the school; each is a
pure function of the teacher records (and their courses) at a date, so the screens, the
year report and the district can use the same figures.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ubtui.domain.courses import STATUS_ORDER, Course, course_status
from ubtui.domain.settings import Rules
from ubtui.domain.teachers import AWARD_LEVELS, CATEGORIES, EDUCATION_LEVELS, Teacher

UNKNOWN = "unknown"
# Teaching-experience bands in full years: [low, high) — 0–3, 3–5, 5–10, 10–20, 20 and more.
EXPERIENCE_BANDS = ((0, 3), (3, 5), (5, 10), (10, 20), (20, None))
# Age bands: under 30, 30–39, 40–49, 50–59, 60 and more (pension age).
AGE_BANDS = ((None, 30), (30, 40), (40, 50), (50, 60), (60, None))
NO_AWARD = "none"


def band_key(band: tuple[int | None, int | None]) -> str:
    low, high = band
    if low is None:
        return f"<{high}"
    if high is None:
        return f"{low}+"
    return f"{low}-{high}"


def _band_of(value: int | None, bands: tuple[tuple[int | None, int | None], ...]) -> str:
    if value is None:
        return UNKNOWN
    for low, high in bands:
        if (low is None or value >= low) and (high is None or value < high):
            return band_key((low, high))
    return UNKNOWN


def category_expired(teacher: Teacher, at: dt.date) -> bool:
    """A category whose validity ended before `at` (a category "until 20.04.2025" on 1 December 2026)."""
    return teacher.category != "none" and teacher.category_expires is not None and teacher.category_expires < at


@dataclass(frozen=True)
class Composition:
    """Counts of one group at a date; every mapping keeps a fixed order of its keys."""

    total: int
    education: dict[str, int]
    categories: dict[str, int]
    expired_categories: int
    experience: dict[str, int]  # band key ("0-3", …, "20+") or UNKNOWN
    ages: dict[str, int]  # band key ("<30", …, "60+") or UNKNOWN
    young: int
    awards: dict[str, int]  # teachers with an award of that level (highest level each), or NO_AWARD
    courses: dict[str, int]  # course status → teachers


def _counter(keys: list[str]) -> dict[str, int]:
    return dict.fromkeys(keys, 0)


def _award_level(teacher: Teacher) -> str:
    levels = [a.level for a in teacher.awards if a.title.strip() and a.level in AWARD_LEVELS]
    order = list(AWARD_LEVELS)
    return min(levels, key=order.index) if levels else NO_AWARD


def composition(
    teachers: list[Teacher], at: dt.date, rules: Rules, courses: dict[str, list[Course]] | None = None
) -> Composition:
    """The make-up of `teachers` at `at`: education, category (expired ones counted apart),
    teaching-experience and age bands, young teachers, awards by highest level, course status.

    `courses` maps a teacher id to her courses (missing: none).
    """
    courses = courses or {}
    education = _counter(list(EDUCATION_LEVELS))
    categories = _counter(list(CATEGORIES))
    experience = _counter([band_key(b) for b in EXPERIENCE_BANDS] + [UNKNOWN])
    ages = _counter([band_key(b) for b in AGE_BANDS] + [UNKNOWN])
    awards = _counter(list(AWARD_LEVELS) + [NO_AWARD])
    statuses = _counter(list(STATUS_ORDER))
    expired = young = 0
    for teacher in teachers:
        education[teacher.education] = education.get(teacher.education, 0) + 1
        categories[teacher.category] = categories.get(teacher.category, 0) + 1
        expired += category_expired(teacher, at)
        experience[_band_of(teacher.pedagogical_experience(at), EXPERIENCE_BANDS)] += 1
        ages[_band_of(teacher.age(at), AGE_BANDS)] += 1
        young += teacher.is_young(at, rules)
        awards[_award_level(teacher)] += 1
        state = course_status(courses.get(teacher.id, []), at, rules, teacher.pedagogical_start).state
        statuses[state] += 1
    return Composition(len(teachers), education, categories, expired, experience, ages, young, awards, statuses)
