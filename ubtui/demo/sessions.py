"""The demo school's sessions: last year's five (all complete) and this year's first two.

The agendas follow the usual cycle (glossary: №1 late August … №5 May).  Due dates
of this year's decisions are placed around the demo's day, so that some decisions
are done, some open and some overdue whenever the demo is built.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Callable

from ubtui.domain.associations import Association
from ubtui.domain.people import Person
from ubtui.domain.sessions import AgendaItem, Attendance, Decision, Guest, Session, Speaker, Vote, short_name
from ubtui.domain.years import AcademicYear, year_label_for
from ubtui.store import Store

DEPUTY = Guest("Осмонова Айгүл Жолдошевна", "директордун окуу-тарбия иштери боюнча орун басары")
METHODIST = Guest("Сыдыкова Нургүл Асановна", "директордун илимий-усулдук иштери боюнча орун басары")
MEMBERS = "УБ мүчөлөрү"

# Per association (in the order of people.ASSOCIATIONS): the subjects as a phrase, the week,
# the methodical theme, and the young teacher with the mentor (indexes into the members).
FLAVOURS = [
    {
        "subjects": "башталгыч класстарда",
        "week": "Башталгыч класстар жумалыгы",
        "theme": "Башталгыч класстарда окуучулардын функционалдык сабаттуулугун калыптандыруу",
        "young": 9,
        "mentor": 3,
        "seminar": "Сабакта окуучулардын окуу сабаттуулугун өнүктүрүү",
    },
    {
        "subjects": "кыргыз тили, орус тили жана англис тили сабактарында",
        "week": "Тил жана адабият жумалыгы",
        "theme": "Окуучулардын коммуникативдик компетенцияларын тил сабактарында өнүктүрүү",
        "young": 8,
        "mentor": 4,
        "seminar": "Тил сабактарында сын ой жүгүртүүнү өнүктүрүү технологиялары",
    },
    {
        "subjects": "математика жана табигый илимдер сабактарында",
        "week": "Математика жана табигый илимдер жумалыгы",
        "theme": "Окуучулардын изилдөө көндүмдөрүн табигый-математикалык сабактар аркылуу өнүктүрүү",
        "young": 4,
        "mentor": 1,
        "seminar": "Табигый илимдер сабагында лабораториялык жана практикалык иштер",
    },
]

REASONS = ["оорусу боюнча", "квалификацияны жогорулатуу курсунда", "иш сапарында, райондук семинарда", "үй-бүлөлүк себеп менен"]


@dataclass
class D:
    """A decision: text, who answers for it, due = session date + `days`; `state` done / open / overdue / not_done."""

    text: str
    responsible: int | str  # a member index, or a group by name
    days: int | None
    state: str = "done"


@dataclass
class I:  # noqa: E742 (a short name in a table of data)
    title: str
    heard: str
    speakers: list[tuple[int, str]] = field(default_factory=list)  # (member index, what they said)
    decisions: list[D] = field(default_factory=list)
    vote: bool = False
    rapporteur: int = 0  # member index


def _agenda(number: int, f: dict, m: list[str], year: str, previous: str, topics: dict[str, str]) -> list[I]:
    """The items of session №`number` for one association (`m`: member names, head first)."""
    head, secretary = 0, 1  # member indexes: a decision's responsible is a member or a group (MEMBERS)
    young, mentor = m[f["young"]], m[f["mentor"]]
    if number == 1:
        return [
            I(
                f"{previous}-окуу жылындагы усулдук бирикменин ишинин анализи жөнүндө",
                "Өткөн окуу жылында усулдук бирикме беш отурум жана бир практикалык семинар "
                f"өткөргөнүн, пландагы иштердин негизги бөлүгү аткарылганын айтты. {f['subjects'].capitalize()} "
                "окуучулардын жетишүүсү 98%, билим сапаты 54% түздү. Мугалимдер ачык сабактарды графикке ылайык "
                "өткөрүштү, окуучулар райондук олимпиадада байгелүү орундарды алышты.\n"
                "Кемчиликтер: бири-биринин сабагына катышуу аз болду, жаш мугалимдерге усулдук жардам жетишсиз көрсөтүлдү.",
                [(2, "Ачык сабактар графикке ылайык өткөрүлдү. Бул жылы бири-биринин сабагына катышууну күчөтүп, "
                     "ар бир катышуудан кийин сабакты талдоону жазуу керек деп эсептейм.")],
                [
                    D(f"Усулдук бирикменин {previous}-окуу жылындагы иши канааттандырарлык деп эсептелсин.", MEMBERS, None),
                    D("Бири-биринин сабагына катышуунун графиги түзүлүп, УБнин папкасына тиркелсин.", 1, 21,
                      "overdue"),
                ],
            ),
            I(
                f"{year}-окуу жылына усулдук бирикменин иш планын бекитүү жөнүндө",
                "Усулдук бирикменин жаңы окуу жылына иш планынын долбоору тааныштырылды. План төрт бөлүмдөн "
                "турат: уюштуруу иштери, мүчөлөрдүн укуктук сабаттуулугун жогорулатуу, предметтердин окутулушун "
                f"көзөмөлдөө жана усулдук иштер. Усулдук тема: «{f['theme']}».",
                [(3, "Планга предметтик жумалыкты жана практикалык семинарды кошуу сунушталат.")],
                [
                    D(f"Усулдук бирикменин {year}-окуу жылына иш планы бекитилсин.", head, 4),
                    D("Иш план мектептин окуу-тарбия иштери боюнча орун басарына макулдашууга берилсин.", head, 5),
                ],
                vote=True,
            ),
            I(
                "Мугалимдердин өз алдынча билим алуу темалары жөнүндө",
                "Ар бир мугалим өз алдынча билим алуу темасын тандап, жыл ичинде ал боюнча иштеп, жыл аягында "
                "чыгармачыл отчет бериши керектиги эскертилди.",
                [(5, f"Менин темам: «{topics.get(m[5], 'Сабакта заманбап технологияларды колдонуу')}». "
                     "Жыл ичинде эки ачык сабак өткөрүп, тажрыйбамды бөлүшөм.")],
                [
                    D("Мугалимдердин өз алдынча билим алуу темалары жактырылсын.", MEMBERS, None),
                    D("Ар бир мугалим өз темасы боюнча жеке иш планын УБ жетекчисине тапшырсын.", MEMBERS, 30, "overdue"),
                ],
            ),
            I(
                "Жаш мугалимдерге насаатчыларды бекитүү жөнүндө",
                f"Жаш мугалим {young} менен иштөө үчүн тажрыйбалуу мугалим {mentor} насаатчы болуп "
                "сунушталганын айтты.",
                [(f["mentor"], "Насаатчылык планын түзүп, жаш мугалимдин сабактарына ай сайын катышам.")],
                [
                    D(f"{mentor} жаш мугалим {young} үчүн насаатчы болуп бекитилсин.", head, 3),
                    D("Насаатчылык иш планы түзүлүп, УБнин отурумунда талкуулансын.", f["mentor"], 60, "open"),
                ],
            ),
        ]
    if number == 2:
        return [
            I(
                "Биринчи чейректин жыйынтыгы жөнүндө",
                f"Биринчи чейректе окуу программалары толук аткарылганын, {f['subjects']} окуучулардын "
                "жетишүүсү 97%, билим сапаты 52% түзгөнүн билдирди. Төрт окуучу бир нече сабактан артта калууда.",
                [
                    (2, "Артта калган окуучулар менен сабактан кийин кошумча иштөө керек. Ата-энелер менен да "
                        "жолугушуу өткөрүү зарыл."),
                    (6, "Ар бир класс боюнча жетишүүнүн таблицасын түзүп, экинчи чейректе салыштырып көрөлү."),
                ],
                [
                    D("Артта калган окуучулар менен кошумча сабактардын графиги түзүлсүн.", MEMBERS, 14, "overdue"),
                    D("Экинчи чейректин жыйынтыгы боюнча жетишүүнүн салыштырма таблицасы даярдалсын.", secretary, 56,
                      "open"),
                ],
                vote=True,
            ),
            I(
                "Предметтик олимпиадалардын мектептик турунун жыйынтыгы жөнүндө",
                "Мектептик турга 46 окуучу катышканын, анын ичинен 9 окуучу жеңүүчү болгонун айтты.",
                [(7, "Жеңүүчүлөрдү райондук турга даярдоо үчүн жумасына эки жолу кошумча сабак өткөрөм.")],
                [
                    D("Мектептик турдун жеңүүчүлөрү райондук турга даярдалсын.", 7, 30, "open"),
                    D("Олимпиаданын жыйынтыгы боюнча маалымат мектептин сайтына жана тактасына илинсин.", secretary, 7),
                ],
                rapporteur=3,
            ),
            I(
                "Жаш мугалимдер менен иштөө жөнүндө",
                f"Жаш мугалим {young} менен аткарылган иштер тууралуу маалымат берди: "
                "сегиз сабакка катышып, талдоо жүргүзүлдү, календардык-тематикалык план бирге түзүлдү.",
                [(f["young"], "Насаатчымдын жардамы менен сабактын структурасын жакшы түшүнө баштадым.")],
                [D("Насаатчылар жаш мугалимдердин сабактарына айына экиден кем эмес катышсын.", f["mentor"], None,
                   "open")],
                rapporteur=f["mentor"],
            ),
        ]
    if number == 3:
        return [
            I(
                "Биринчи жарым жылдыктын жыйынтыгы жөнүндө",
                f"Биринчи жарым жылдыкта окуу программаларынын аткарылышын, {f['subjects']} билим "
                "сапатынын 55% түзгөнүн, административдик текшерүү иштеринин жыйынтыгын тааныштырды.",
                [(4, "Текшерүү иштеринде окуучулар маселе чыгарууда көбүрөөк ката кетиришти. Ушуга көңүл буруу керек.")],
                [
                    D("Биринчи жарым жылдыктын жыйынтыгы эске алынсын.", MEMBERS, None),
                    D("Текшерүү иштериндеги типтүү каталар боюнча кошумча көнүгүүлөр даярдалсын.", MEMBERS, 21),
                ],
            ),
            I(
                "Предметтик жумалыкты даярдоо жөнүндө",
                f"«{f['week']}» иш-чараларынын планы сунушталды: ачык сабактар, викторина, "
                "дубал гезит сынагы жана класстан тышкаркы иш-чаралар.",
                [(8, "Викторинаны 4-7-класстар үчүн өзүм уюштурам.")],
                [D(f"«{f['week']}» планы бекитилсин.", 2, 30)],
                rapporteur=2,
            ),
        ]
    if number == 4:
        return [
            I(
                f"Практикалык семинар: «{f['seminar']}»",
                f"Семинардын максаты түшүндүрүлдү. {short_name(m[4])} жана {short_name(m[6])} ачык сабактарды "
                "өткөрүштү; катышуучулар сабактарды талдап, колдонулган ыкмаларды баалашты.",
                [
                    (5, "Сабакта топтук иш жакшы уюштурулду, окуучулардын активдүүлүгү жогору болду."),
                    (7, "Убакытты бөлүштүрүүгө көңүл буруу керек: бышыктоо этабына убакыт аз калды."),
                ],
                [
                    D("Ачык сабактардагы ыкмалар УБ мүчөлөрүнүн ишинде колдонууга сунушталсын.", MEMBERS, None),
                    D("Семинардын материалдары УБнин папкасына тиркелсин.", secretary, 7),
                ],
            ),
            I(
                "Үчүнчү чейректин жыйынтыгы жөнүндө",
                "Үчүнчү чейректин жыйынтыгы, окуу программаларынын аткарылышы тааныштырылды.",
                [],
                [D("Төртүнчү чейрекке окуучуларды жыйынтыктоочу текшерүүгө даярдоо планы түзүлсүн.", MEMBERS, 14)],
            ),
        ]
    return [
        I(
            "Окуу жылынын жыйынтыгы жөнүндө",
            f"Окуу жылынын жыйынтыгы чыгарылды: программалар толук аткарылды, {f['subjects']} билим "
            "сапаты 56% түздү, беш окуучу райондук олимпиадада байгелүү орун алды.",
            [(3, "Жыл ичинде бири-биринин сабагына катышуу жакшырды, бирок ата-энелер менен иштөөнү күчөтүү керек.")],
            [D("Усулдук бирикменин окуу жылындагы иши канааттандырарлык деп эсептелсин.", MEMBERS, None)],
        ),
        I(
            "Насаатчылардын отчеттору жөнүндө",
            "Жаш мугалим менен жыл бою аткарылган иштер боюнча отчет берилди.",
            [],
            [D("Насаатчылардын отчеттору кабыл алынсын.", head, None)],
            rapporteur=f["mentor"],
        ),
        I(
            "Кийинки окуу жылынын милдеттери жөнүндө",
            "Кийинки окуу жылына усулдук тема жана негизги милдеттер сунушталды.",
            [(2, "Кийинки жылы санариптик ресурстарды колдонуу боюнча семинар өткөрүүнү сунуштайм.")],
            [D("Кийинки окуу жылынын милдеттери иш планга киргизилсин.", head, 90)],
        ),
    ]


def _dates(year: AcademicYear) -> list[dt.date]:
    """The five sessions' days in a year: late August, end of Q1, January, March (a seminar), May."""
    first = year.start.year
    return [
        dt.date(first, 8, 28),
        dt.date(first, 10, 31),
        dt.date(first + 1, 1, 14),
        dt.date(first + 1, 3, 19),
        dt.date(first + 1, 5, 27),
    ]


def _decision(spec: D, day: dt.date, today: dt.date, ids: Callable[[], str], closed: bool, people: list[Person]) -> Decision:
    due = day + dt.timedelta(days=spec.days) if spec.days is not None else None
    state = "done" if closed else spec.state  # last year's decisions were all followed up
    if state == "overdue" and due is not None:
        due = max(day + dt.timedelta(days=3), min(due, today - dt.timedelta(days=5)))
    elif state == "open" and due is not None:
        due = max(due, today + dt.timedelta(days=10))
    who = people[spec.responsible] if isinstance(spec.responsible, int) else Person.of_guest(spec.responsible)
    responsible = [Person(who.teacher_id, who.guest)]
    if state in ("done", "not_done"):
        finished = min(due or day + dt.timedelta(days=7), today)
        return Decision(id=ids(), text=spec.text, responsible=responsible, due=due, status=state,
                        done_on=finished if state == "done" else None)
    return Decision(id=ids(), text=spec.text, responsible=responsible, due=due, status="open")


def _session(
    association: Association, year: AcademicYear, number: int, day: dt.date, today: dt.date, flavour: dict,
    ids: Callable[[], str], topics: dict[str, str],
) -> Session:
    names = [m.name for m in association.members]
    previous = f"{year.start.year - 1}-{year.start.year}"
    held = day <= today
    specs = _agenda(number, flavour, names, year.label, previous, topics)
    people = [Person.of_teacher(m.teacher_id) if m.teacher_id else Person.of_guest(m.name) for m in association.members]
    attendance = [Attendance(teacher_id=p.teacher_id, guest=p.guest) for p in people]
    # One or two absent: never the chair, the secretary, a rapporteur or a speaker.
    busy = {0, 1} | {spec.rapporteur for spec in specs} | {i for spec in specs for i, _text in spec.speakers}
    free = [i for i in range(len(attendance)) if i not in busy]
    for k in range(min(len(free), 1 + number % 2)):
        index = free[(number * 3 + k * 2) % len(free)]
        if not attendance[index].present:
            continue
        attendance[index].present = False
        attendance[index].reason = REASONS[(number + k) % len(REASONS)]
    present = sum(1 for a in attendance if a.present)
    session = Session(
        id=ids(),
        association_id=association.id,
        year_id=year.id,
        number=number,
        date=day,
        place="Кара-Булак айылы, мектептин усулдук кабинети",
        kind="seminar" if number == 4 else "regular",
        status="held" if held else "draft",
        chair=people[0],
        secretary=people[1],
        attendance=attendance,
        guests=[DEPUTY] if number in (1, 5) else ([METHODIST] if number == 4 else []),
    )
    for spec in specs:
        item = AgendaItem(
            id=ids(),
            title=spec.title,
            rapporteur=Person(people[spec.rapporteur].teacher_id, people[spec.rapporteur].guest),
            heard=spec.heard,
            speakers=[Speaker(people[i].teacher_id, people[i].guest, text) for i, text in spec.speakers],
            vote=Vote(present, 0, 0) if spec.vote else None,
        )
        item.decisions = [_decision(d, day, today, ids, _past(year, today), people) for d in spec.decisions]
        session.agenda.append(item)
    return session


def _past(year: AcademicYear, today: dt.date) -> bool:
    """Last year (closed once the demo is filled): its sessions were all held, its decisions done."""
    return year.label != year_label_for(today)


def fill(store: Store, today: dt.date, ids: Callable[[], str]) -> None:
    """Add the sessions to a demo store being filled (inside its batch)."""
    from ubtui.demo import people

    by_name = {a.name: a for a in store.associations.all()}
    years = sorted(store.years.all(), key=lambda y: y.start)
    teachers = getattr(store, "teachers", None)
    topics = {t.full_name: t.self_education_topic for t in teachers.all()} if teachers is not None else {}
    for flavour, (name, _area, _members) in zip(FLAVOURS, people.ASSOCIATIONS):
        association = by_name[name]
        for year in years:
            days = _dates(year)
            if not _past(year, today):
                days = days[:2]
            for number, day in enumerate(days, 1):
                store.sessions.repo.save(_session(association, year, number, day, today, flavour, ids, topics))
