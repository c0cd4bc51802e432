"""The demo school's mentoring pairs and lesson events (open lessons, visits, a subject week).

Three pairs: one active with a full log, one active with a thin log (quiet for over 30
days), and one that finished last year (its young teacher is now without a mentor).
Events are placed in the current year; those before the demo's day are held and
analysed, one is moved, one cancelled.
"""

from __future__ import annotations

import datetime as dt
from typing import Callable

from ubtui.domain.lessons import CANCELLED, HELD, MOVED, PLANNED, WEEK, Analysis, LessonEvent, Observer
from ubtui.domain.mentoring import FINISHED, LogEntry, MentorPlanItem, Mentorship
from ubtui.store import Store

PLAN = [
    ("Жаш мугалимдин окуу программасы жана календардык-тематикалык планы менен таанышуу", "сентябрь"),
    ("Сабактын планын биргелешип түзүү, сабактын структурасы", "сентябрь – октябрь"),
    ("Жаш мугалимдин сабактарына катышуу жана талдоо", "ай сайын"),
    ("Насаатчынын сабактарына катышуу", "ай сайын"),
    ("Баалоо критерийлери жана окуучулардын билимин баалоо", "ноябрь"),
    ("Ата-энелер менен иштөө, класстык жыйналышка даярдануу", "декабрь"),
    ("Жаш мугалимдин ачык сабагы", "апрель"),
    ("Жылдык отчет", "май"),
]
LOG = [
    (75, "joint_planning", "Календардык-тематикалык план бирге каралды, 1-чейректин сабактарынын пландары түзүлдү."),
    (60, "mentor_visit", "1-В класстагы окуу сабагына катыштым: убакытты бөлүштүрүү жакшырышы керек."),
    (48, "young_visit", "Насаатчынын 3-А класстагы математика сабагына катышты; топтук иштин ыкмаларын көрдү."),
    (40, "consultation", "Окуучулардын дептерлерин текшерүү жана баалоо критерийлери боюнча кеңеш."),
    (26, "mentor_visit", "Математика сабагы: көрсөтмө куралдар жакшы колдонулду, жыйынтыктоо бөлүгү кыска болду."),
    (12, "consultation", "Ата-энелер жыйналышына даярдануу, сүйлөй турган сөздүн планы."),
    (5, "young_visit", "Насаатчынын ачык сабагына катышты, өз сабагында колдонууга үч ыкма белгиледи."),
]
LAST_YEAR_LOG = [
    ("09-10", "joint_planning", "Англис тилинин календардык планы жана сабактын структурасы."),
    ("10-15", "mentor_visit", "2-класстагы сабак: оюн ыкмалары ийгиликтүү, тартип боюнча иштөө керек."),
    ("11-20", "young_visit", "Насаатчынын 5-класстагы сабагына катышты."),
    ("12-18", "consultation", "Окуучулардын оозеки кебин баалоо."),
    ("02-12", "mentor_visit", "Сабакта аудио материалдар туура колдонулду."),
    ("03-05", "consultation", "Ачык сабакка даярдануу."),
    ("04-16", "mentor_visit", "Ачык сабак: максаты аткарылды, окуучулар активдүү."),
]
REPORT = (
    "Жаш мугалим Нурланова А.Н. бир жыл ичинде сабактын структурасын, оюн технологияларын жана "
    "баалоо критерийлерин өздөштүрдү. 14 сабагына катышылды, ал насаатчынын 9 сабагына катышты. "
    "Ачык сабагы ийгиликтүү өттү. Сунуш: кийинки жылы өз алдынча билим алуу темасы боюнча иштөөнү улантуу."
)

ANALYSES = [
    Analysis("Сабактын максаты так коюлду, окуучулар топто активдүү иштешти, көрсөтмө куралдар колдонулду.",
             "Убакыт туура бөлүштүрүлгөн жок, жыйынтыктоо бөлүгү кыска болду.",
             "Рефлексияга көбүрөөк убакыт бөлүү; ыкманы УБнин мүчөлөрүнө сунуштоо.", "5"),
    Analysis("Жаңы материал түшүнүктүү берилди, санариптик ресурстар орундуу колдонулду.",
             "Айрым окуучулар сабакка тартылган жок.",
             "Дифференцияланган тапшырмаларды колдонуу.", "4"),
    Analysis("Окуучулардын өз алдынча иштөөсү жакшы уюштурулду.",
             "Үй тапшырмасы түшүндүрүлгөн жок.",
             "Үй тапшырмасын түшүндүрүүгө убакыт калтыруу.", "4"),
]


def _day(first: int, month: int, day: int) -> dt.date:
    return dt.date(first if month >= 7 else first + 1, month, day)


# (association index, kind, teacher index, month, day, class, subject, topic, lesson type, level, observers, extra)
EVENTS = [
    (0, "mutual_visit", 3, 10, 8, "3-А", "математика", "Эки орундуу сандарды кошуу", "аралаш сабак", "school", [9], {}),
    (0, "open_lesson", 1, 10, 15, "2-Б", "окуу", "Жомоктун түрлөрү", "жаңы билим берүү", "school", [0, 5, 9], {}),
    (0, "head_visit", 9, 10, 22, "1-В", "окуу", "«А» тыбышы жана тамгасы", "жаңы билим берүү", "school", [0], {}),
    (0, "extracurricular", 4, 10, 30, "4-Б", "", "«Алтын күз» майрамы", "", "school", [0, 8], {}),
    (0, "creative_report", 1, 11, 7, "", "окуу", "Окуу сабагында окуучулардын оозеки кебин өстүрүү", "", "school", [0, 2, 3], {}),
    (0, "open_lesson", 5, 11, 12, "2-А", "математика", "Көбөйтүү таблицасы: 3кө көбөйтүү", "бышыктоо", "school", [0, 3, 6], {}),
    (0, "mutual_visit", 7, 11, 14, "1-Б", "сабатка үйрөтүү", "«Ж» тамгасы", "аралаш сабак", "school", [6], {}),
    (0, "extracurricular", 7, 11, 18, "1-Б", "", "Китеп күнү", "", "school", [], {"cancel": "Карантин: сабактар токтотулду"}),
    (0, "open_lesson", 3, 11, 26, "3-А", "математика", "Маселе чыгаруу: калдыктуу бөлүү", "бышыктоо", "school", [0, 9],
     {"first": (11, 5)}),
    (0, "olympiad", 3, 12, 5, "4-класстар", "математика", "Мектептик математика олимпиадасы", "", "school", [0, 4], {}),
    (0, "open_lesson", 6, 12, 10, "3-Б", "окуу", "Ыр менен иштөө: «Мекеним»", "жаңы билим берүү", "school", [0, 7], {}),
    (0, "open_lesson", 7, 1, 21, "1-Б", "математика", "10 ичинде кошуу жана кемитүү", "бышыктоо", "school", [0, 9], {}),
    (0, "open_lesson", 4, 2, 11, "4-Б", "мекен таануу", "Кыргызстандын суулары", "жаңы билим берүү", "school", [0, 1], {"week": True}),
    (0, "week_event", 7, 2, 12, "1–4-класстар", "окуу", "«Мыкты окурман» сынагы", "", "school", [0, 1], {"week": True}),
    (0, "extracurricular", 8, 2, 13, "4-В", "эмгек", "«Чебер колдор» көргөзмөсү", "", "school", [0], {"week": True}),
    (0, "seminar_lesson", 2, 2, 25, "1-А", "окуу", "Сабатка үйрөтүүдө оюн ыкмалары", "практикалык сабак", "district", [0, 1, 3], {}),
    (0, "seminar_lesson", 5, 2, 25, "2-А", "математика", "Математикада функционалдык сабаттуулук", "практикалык сабак", "district", [0, 4], {}),
    (0, "open_lesson", 8, 3, 4, "4-В", "эмгек", "Кагаздан аппликация", "практикалык сабак", "school", [0, 2], {}),
    (0, "extracurricular", 0, 3, 20, "1–4-класстар", "", "Нооруз майрамы", "", "school", [], {}),
    (0, "open_lesson", 9, 4, 15, "1-В", "окуу", "Табышмактар", "бышыктоо", "school", [0, 3], {}),
    (0, "creative_report", 4, 4, 22, "", "мекен таануу", "Мекен таануу сабагында экологиялык тарбия берүү", "", "school", [0], {}),
    (1, "open_lesson", 1, 10, 29, "6-А", "кыргыз тили", "Зат атооч: жөндөмөлөр", "бышыктоо", "school", [0, 2], {}),
    (1, "open_lesson", 3, 12, 3, "7-Б", "орус тили", "Глагол: виды глагола", "жаңы билим берүү", "school", [0, 6], {}),
    (1, "creative_report", 2, 1, 28, "", "кыргыз адабияты", "Манас эпосун окутууда долбоордук ыкма", "", "school", [0], {}),
    (2, "open_lesson", 0, 10, 24, "10-А", "алгебра", "Квадраттык теңдемелер", "жаңы билим берүү", "school", [1, 6], {}),
    (2, "mutual_visit", 1, 10, 10, "5-А", "математика", "Жөнөкөй бөлчөктөр", "аралаш сабак", "school", [4], {}),
    (2, "head_visit", 4, 11, 6, "7-А", "информатика", "Алгоритм жана анын түрлөрү", "жаңы билим берүү", "school", [0], {}),
]


def fill(store: Store, today: dt.date, ids: Callable[[], str]) -> None:
    """Write the pairs and events (inside the demo's batch)."""
    from ubtui.demo import people

    years = store.sorted_years()
    current = store.current_year(today)
    if current is None:
        return
    previous = [y for y in years if y.start < current.start]
    by_name = {t.full_name: t for t in store.teachers.all()}
    associations = {a.name: a for a in store.associations.all()}
    members = [
        (associations[name], [by_name[m].id for m in names])
        for name, _area, names in people.ASSOCIATIONS
    ]
    first = current.start.year

    def before(days: int) -> dt.date:
        return max(current.start, today - dt.timedelta(days=days))

    # 1. Primary: a full log, the last entry within the month.
    primary, pm = members[0]
    store.mentoring.save(Mentorship(
        id=ids(), mentor_id=pm[3], young_id=pm[9], association_id=primary.id, order_no="87",
        order_date=current.start - dt.timedelta(days=3), start=current.start, end=current.end,
        goals="Жаш мугалимге сабакты пландоодо, окуучулардын билимин баалоодо жана класс менен иштөөдө жардам берүү.",
        plan=[MentorPlanItem(id=ids(), activity=a, when=w, done=n < 4 and before(0) > current.start + dt.timedelta(days=30 * n))
              for n, (a, w) in enumerate(PLAN)],
        log=[LogEntry(id=ids(), date=before(days), kind=kind, note=note) for days, kind, note in LOG if before(days) <= today],
    ))
    # 2. Maths: a thin log — one entry in September.
    maths, mm = members[2]
    store.mentoring.save(Mentorship(
        id=ids(), mentor_id=mm[1], young_id=mm[4], association_id=maths.id, order_no="87",
        order_date=current.start - dt.timedelta(days=3), start=current.start, end=current.end,
        goals="Информатика сабагын пландоо, лабораториялык иштерди уюштуруу.",
        plan=[MentorPlanItem(id=ids(), activity=a, when=w) for a, w in PLAN[:4]],
        log=[LogEntry(id=ids(), date=current.start + dt.timedelta(days=9), kind="joint_planning",
                      note="Календардык-тематикалык план бирге каралды.")],
    ))
    # 3. Languages: last year's pair, finished with its report.
    if previous:
        last = previous[-1]
        languages, lm = members[1]
        log = []
        for stamp, kind, note in LAST_YEAR_LOG:
            month, day = (int(x) for x in stamp.split("-"))
            log.append(LogEntry(id=ids(), date=_day(last.start.year, month, day), kind=kind, note=note))
        store.mentoring.save(Mentorship(
            id=ids(), mentor_id=lm[4], young_id=lm[8], association_id=languages.id, order_no="92",
            order_date=last.start - dt.timedelta(days=2), start=last.start, end=last.end,
            goals="Англис тилин башталгыч класстарда окутуунун ыкмаларын өздөштүрүү.",
            plan=[MentorPlanItem(id=ids(), activity=a, when=w, done=True) for a, w in PLAN],
            log=log, report=REPORT, status=FINISHED,
        ))
    _events(store, today, ids, current, members, first)
    if previous:
        _last_year(store, ids, previous[-1], members[0])


def _events(store, today, ids, current, members, first) -> None:  # type: ignore[no-untyped-def]
    primary, pm = members[0]
    week = LessonEvent(
        id=ids(), association_id=primary.id, year_id=current.id, kind=WEEK, teacher_id=pm[0],
        date=_day(first, 2, 9), end=_day(first, 2, 14), topic="Башталгыч класстар жумалыгы",
        purpose="Окуучулардын окууга кызыгуусун арттыруу, мугалимдердин тажрыйбасын жайылтуу.",
        status=HELD if _day(first, 2, 14) < today else PLANNED,
    )
    store.lessons.repo.save(week)
    for number, (a, kind, t, month, day, class_name, subject, topic, lesson_type, level, observers, extra) in enumerate(EVENTS):
        association, ids_of = members[a]
        date = _day(first, month, day)
        event = LessonEvent(
            id=ids(), association_id=association.id, year_id=current.id, kind=kind, teacher_id=ids_of[t], date=date,
            class_name=class_name, subject=subject, topic=topic, lesson_type=lesson_type, level=level,
            purpose=_purpose(kind), observers=[Observer(teacher_id=ids_of[o]) for o in observers],
            week_id=week.id if extra.get("week") else "",
        )
        if level == "district":
            event.observers.append(Observer(name="Садыкова Гүлбара", position="райондук усулдук кабинеттин усулчусу"))
        if "first" in extra:
            event.first_date = _day(first, *extra["first"])
        if "cancel" in extra:
            event.status, event.reason = CANCELLED, extra["cancel"]
        elif date < today:
            event.status, event.analysis = HELD, ANALYSES[number % len(ANALYSES)]
        elif event.first_date is not None:
            event.status = MOVED
        store.lessons.repo.save(event)


def _purpose(kind: str) -> str:
    return {
        "open_lesson": "Тажрыйба алмашуу: сабакта колдонулган ыкмаларды УБнин мүчөлөрүнө көрсөтүү.",
        "seminar_lesson": "Практикалык семинардын ачык сабагы.",
        "mutual_visit": "Бири-биринин сабагына катышуу: ыкмаларды үйрөнүү.",
        "head_visit": "Жаш мугалимдин сабагына методикалык жардам көрсөтүү.",
        "creative_report": "Өз алдынча билим алуу темасы боюнча чыгармачыл отчет.",
    }.get(kind, "")


def _last_year(store, ids, last, primary_members) -> None:  # type: ignore[no-untyped-def]
    primary, pm = primary_members
    rows = [
        ("open_lesson", 2, 10, 16, "1-А", "окуу", "Тыбыш жана тамга"),
        ("seminar_lesson", 3, 2, 19, "3-А", "математика", "Маселе чыгарууда моделдөө"),
        ("open_lesson", 6, 3, 12, "3-Б", "окуу", "Аңгеме менен иштөө"),
        ("creative_report", 5, 4, 23, "", "математика", "Башталгыч класстарда оюн технологияларын колдонуу"),
    ]
    for number, (kind, t, month, day, class_name, subject, topic) in enumerate(rows):
        store.lessons.repo.save(LessonEvent(
            id=ids(), association_id=primary.id, year_id=last.id, kind=kind, teacher_id=pm[t],
            date=_day(last.start.year, month, day), class_name=class_name, subject=subject, topic=topic,
            purpose=_purpose(kind), observers=[Observer(teacher_id=pm[0])], status=HELD,
            analysis=ANALYSES[number % len(ANALYSES)],
        ))
