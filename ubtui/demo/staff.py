"""The demo school's teachers and their courses, as data relative to the demo's day.

Ages, experience and course dates are given as "years / months before today", so
the demo looks the same whenever it is built: exactly three young teachers, and
every course status (in order, due within 12 months, overdue, no course) occurs.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field

from ubtui.domain.courses import Course
from ubtui.domain.teachers import Award, Teacher, add_months

KMU = "И. Арабаев атындагы Кыргыз мамлекеттик университети"
KUU = "Ж. Баласагын атындагы КУУ"
OSHMU = "Ош мамлекеттик университети"
IGU = "К. Тыныстанов атындагы Ысык-Көл мамлекеттик университети"
KRSU = "Б. Н. Ельцин атындагы Кыргыз-Россия Славян университети"
MANAS = "Кыргыз-Түрк «Манас» университети"
COLLEGE = "Токмок педагогикалык колледжи"

INSTITUTE = "Педагогикалык кызматкерлердин квалификациясын жогорулатуу жана кайра даярдоо республикалык институту"
ACADEMY = "Кыргыз билим берүү академиясы"
REGION_INSTITUTE = "Чүй облустук мугалимдердин квалификациясын жогорулатуу институту"
KMU_CENTRE = "И. Арабаев атындагы КМУнун кайра даярдоо борбору"
DISTRICT = "Кемин райондук билим берүү бөлүмү"

PRIMARY = "башталгыч класстардын мугалими"


@dataclass(frozen=True)
class C:
    """A course: ended `months` before today, lasted `days`."""

    months: int
    title: str
    organiser: str = INSTITUTE
    hours: int = 72
    kind: str = "course"
    days: int = 12
    handed_in: bool = True
    task_after: str = ""


@dataclass(frozen=True)
class T:
    name: str
    age: int
    birthday: tuple[int, int]  # month, day
    education: str
    institution: str
    specialty: str
    subjects: tuple[str, ...]
    classes: str
    load: float
    total: float  # years of work before today
    teaching: float  # years of teaching before today
    category: str
    topic: str
    position: str = PRIMARY
    category_years: int = 3  # years since the category was given
    awards: tuple[Award, ...] = ()
    courses: tuple[C, ...] = field(default_factory=tuple)


_PRIMARY_SUBJECTS = ("окуу", "математика", "мекен таануу", "эмгек")
_REPORT = "УБ отурумунда курс боюнча отчет берүү"

TEACHERS: tuple[T, ...] = (
    # --- Башталгыч класстар ---
    T("Жумабаева Гүлзат Эркиновна", 52, (3, 14), "higher", KMU,
      "Башталгыч билим берүүнүн педагогикасы жана методикасы", _PRIMARY_SUBJECTS, "4-А", 24, 30, 29, "highest",
      "Башталгыч класстарда окуучулардын функционалдык сабаттуулугун калыптандыруу",
      position="УБ жетекчиси, " + PRIMARY, category_years=2,
      awards=(Award("«Билим берүүнүн мыктысы» төш белгиси", "ministry", 2016),
              Award("Райондук Ардак грамота", "district", 2011)),
      courses=(C(70, "Башталгыч класстарда окууну окутуунун заманбап ыкмалары"),
               C(20, "Критерийлер аркылуу баалоо", REGION_INSTITUTE, task_after=_REPORT))),
    T("Бекмуратова Айнура Сапарбековна", 44, (11, 2), "higher", KMU,
      "Башталгыч билим берүүнүн педагогикасы жана методикасы", _PRIMARY_SUBJECTS, "2-Б", 22, 21, 21, "first",
      "Окуу сабагында окуучулардын оозеки кебин өстүрүү",
      courses=(C(30, "Жаңы муундагы предметтик стандарттарды ишке ашыруу", ACADEMY),)),
    T("Төлөгөнова Чолпон Кубанычбековна", 57, (6, 23), "secondary_vocational", COLLEGE,
      "Башталгыч класстарда окутуу", _PRIMARY_SUBJECTS, "1-А", 20, 37, 36, "highest",
      "Биринчи класстын окуучуларын мектепке ыңгайлаштыруу", category_years=4,
      awards=(Award("Кыргыз Республикасынын Ардак грамотасы", "state", 2014),),
      courses=(C(53, "Башталгыч класстарда окууну окутуунун заманбап ыкмалары", KMU_CENTRE),)),
    T("Асанова Гүлнара Мамытовна", 48, (1, 9), "higher", OSHMU,
      "Башталгыч билим берүүнүн педагогикасы жана методикасы", _PRIMARY_SUBJECTS, "3-А", 22, 25, 24, "first",
      "Математика сабагында логикалык ой жүгүртүүнү өнүктүрүү",
      courses=(C(66, "Математиканы башталгыч класстарда окутуу"),
               C(8, "Функционалдык сабаттуулук", DISTRICT, hours=18, kind="seminar", days=3))),
    T("Жапарова Роза Абдыкеримовна", 55, (9, 30), "secondary_vocational", COLLEGE,
      "Башталгыч класстарда окутуу", _PRIMARY_SUBJECTS, "4-Б", 22, 34, 33, "second",
      "Мекен таануу сабагында экологиялык тарбия берүү", category_years=6,
      courses=(C(15, "Инклюзивдик билим берүү", REGION_INSTITUTE),)),
    T("Курманалиева Жылдыз Токтогуловна", 39, (4, 17), "higher", IGU,
      "Башталгыч билим берүүнүн педагогикасы жана методикасы", _PRIMARY_SUBJECTS, "2-А", 20, 16, 15, "second",
      "Башталгыч класстарда оюн технологияларын колдонуу",
      courses=(C(57, "Критерийлер аркылуу баалоо", REGION_INSTITUTE),)),
    T("Үсөнова Бермет Нурлановна", 34, (8, 5), "higher", KMU,
      "Башталгыч билим берүүнүн педагогикасы жана методикасы", _PRIMARY_SUBJECTS, "3-Б", 18, 11, 10, "second",
      "Окуучулардын окуу сабаттуулугун бекемдөөдө китепкана сабактары",
      courses=(C(38, "Башталгыч класстарда окууну окутуунун заманбап ыкмалары"),)),
    T("Сатыбалдиева Мээрим Айбековна", 31, (12, 12), "higher", KUU,
      "Башталгыч билим берүүнүн педагогикасы жана методикасы", _PRIMARY_SUBJECTS, "1-Б", 20, 8, 7, "none",
      "Биринчи класста сабатка үйрөтүүнүн жаңы ыкмалары", category_years=0,
      courses=(C(68, "Башталгыч класстарда окууну окутуунун заманбап ыкмалары", KMU_CENTRE),
               C(26, "Санариптик сабаттуулук", DISTRICT, hours=24, kind="seminar", days=4))),
    T("Өмүрбекова Нурзат Эсенбековна", 42, (2, 28), "higher", OSHMU,
      "Башталгыч билим берүүнүн педагогикасы жана методикасы", _PRIMARY_SUBJECTS, "4-В", 24, 19, 18, "first",
      "Эмгек сабагында окуучулардын чыгармачылыгын өнүктүрүү",
      courses=(C(10, "Жаңы муундагы предметтик стандарттарды ишке ашыруу", ACADEMY),)),
    T("Талантбек кызы Айпери", 23, (5, 19), "incomplete_higher", KMU,
      "Башталгыч билим берүүнүн педагогикасы жана методикасы (сырттан окуу, 4-курс)", _PRIMARY_SUBJECTS, "1-В", 18,
      1.5, 1, "none", "Башталгыч класстарда көрсөтмө куралдарды колдонуу", category_years=0),
    # --- Тилдер жана адабият ---
    T("Мамбетова Гүлмира Токтобековна", 50, (10, 8), "higher", KMU, "Кыргыз тили жана адабияты",
      ("кыргыз тили", "кыргыз адабияты"), "9-А, 10-А, 11-А", 24, 28, 27, "highest",
      "Адабият сабагында окуучулардын чыгармачылык жөндөмүн өнүктүрүү",
      position="УБ жетекчиси, кыргыз тили жана адабияты мугалими",
      awards=(Award("Министрликтин Ардак грамотасы", "ministry", 2019),),
      courses=(C(29, "Кыргыз тилин жана адабиятын окутуунун актуалдуу маселелери", ACADEMY, task_after=_REPORT),)),
    T("Алымкулова Назгүл Жээнбековна", 41, (7, 1), "higher", KUU, "Кыргыз тили жана адабияты",
      ("кыргыз тили", "кыргыз адабияты"), "5-А, 6-А, 7-Б", 22, 18, 17, "first",
      "Кыргыз тили сабагында сын ой жүгүртүүнү өнүктүрүү технологиялары",
      courses=(C(49, "Кыргыз тилин жана адабиятын окутуунун актуалдуу маселелери", ACADEMY),)),
    T("Кадыров Нурбек Шаршенович", 46, (3, 3), "higher", OSHMU, "Кыргыз тили жана адабияты",
      ("кыргыз тили", "кыргыз адабияты"), "8-А, 8-Б, 9-Б", 20, 23, 20, "second",
      "Манас эпосун окутууда долбоордук ыкманы колдонуу",
      courses=(C(64, "Кыргыз тилин жана адабиятын окутуунун актуалдуу маселелери", ACADEMY),)),
    T("Исакова Светлана Ивановна", 54, (12, 25), "higher", KRSU, "Орус тили жана адабияты",
      ("орус тили", "орус адабияты"), "5-11-класстар", 24, 32, 31, "highest",
      "Орус тилин экинчи тил катары окутууда коммуникативдик ыкма", position="орус тили жана адабияты мугалими",
      awards=(Award("Облустук Ардак грамота", "region", 2017),),
      courses=(C(34, "Орус тилин окутуунун инновациялык ыкмалары", REGION_INSTITUTE),)),
    T("Эргешова Айзада Мукашовна", 36, (9, 9), "higher", MANAS, "Англис тили жана адабияты",
      ("англис тили",), "5-9-класстар", 21, 13, 12, "first",
      "Англис тили сабагында аудио жана видео материалдарды пайдалануу",
      courses=(C(22, "Англис тилин коммуникативдик ыкма менен окутуу", KUU),)),
    T("Токтогулова Динара Бакытовна", 38, (6, 6), "higher", KMU, "Кыргыз тили жана адабияты",
      ("кыргыз тили", "англис тили"), "5-Б, 6-Б, 7-А", 23, 15, 14, "second",
      "Англис тилин башталгыч деңгээлде окутуунун ыкмалары",
      courses=(C(40, "Англис тили мугалими (кесиптик кайра даярдоо)", KMU_CENTRE, hours=520, kind="retraining",
                 days=150),)),
    T("Шамшиева Асель Русланбековна", 33, (4, 30), "higher", KUU, "Орус тили жана адабияты",
      ("орус тили",), "5-А, 6-А, 7-А", 18, 10, 9, "none",
      "Орус тили сабагында окуучулардын сөздүк корун байытуу", category_years=0,
      courses=(C(62, "Орус тилин окутуунун инновациялык ыкмалары", REGION_INSTITUTE, handed_in=False),)),
    T("Абдраимов Эрлан Бакирович", 45, (1, 21), "higher", IGU, "Тарых жана кыргыз тили",
      ("кыргыз тили", "кыргыз адабияты"), "10-Б, 11-Б", 16, 22, 12, "first",
      "Кыргыз адабиятын окутууда театралдаштыруу ыкмасы", position="кыргыз тили жана адабияты мугалими",
      courses=(C(52, "Кыргыз тилин жана адабиятын окутуунун актуалдуу маселелери", ACADEMY),)),
    T("Нурланова Айгерим Нурлановна", 25, (11, 11), "higher", MANAS, "Англис тили жана адабияты",
      ("англис тили",), "2-4-класстар", 18, 2.5, 2, "none",
      "Кичи мектеп курагындагы балдарга англис тилин оюн аркылуу окутуу", category_years=0,
      courses=(C(4, "Англис тилин коммуникативдик ыкма менен окутуу", KUU, hours=36, days=6),)),
    # --- Математика жана табигый илимдер ---
    T("Сариев Жыргалбек Абдыкалыкович", 58, (5, 5), "higher", KUU, "Математика",
      ("математика", "алгебра", "геометрия"), "9-А, 10-А, 11-А", 27, 36, 35, "highest",
      "Математиканы окутууда санариптик ресурстарды пайдалануу",
      position="УБ жетекчиси, математика мугалими", category_years=1,
      awards=(Award("Кыргыз Республикасынын билим берүүсүнө эмгек сиңирген кызматкер", "state", 2019),
              Award("«Билим берүүнүн мыктысы» төш белгиси", "ministry", 2008)),
      courses=(C(44, "Математиканы окутуунун заманбап технологиялары", ACADEMY, task_after=_REPORT),)),
    T("Дүйшөнбиева Гүлнур Калысбековна", 43, (8, 21), "higher", KMU, "Математика жана информатика",
      ("математика", "информатика"), "5-А, 5-Б, 6-А", 24, 20, 20, "first",
      "Окуучулардын функционалдык сабаттуулугун калыптандыруу",
      courses=(C(12, "Математиканы окутуунун заманбап технологиялары", ACADEMY),)),
    T("Орозбаев Тынчтык Асылбекович", 49, (2, 14), "higher", KUU, "Физика",
      ("физика",), "7-11-класстар", 20, 26, 24, "first",
      "Физика сабагында лабораториялык иштердин ролу", position="физика мугалими",
      courses=(C(55, "Табигый илимдерди окутууда изилдөө ыкмасы", REGION_INSTITUTE),)),
    T("Качкынбаева Айжан Өмүралиевна", 40, (10, 27), "higher", OSHMU, "Химия жана биология",
      ("химия", "биология"), "8-11-класстар", 22, 17, 16, "second",
      "Химия сабагында тажрыйбалык иштер аркылуу кызыгууну арттыруу", position="химия жана биология мугалими",
      courses=(C(33, "Табигый илимдерди окутууда изилдөө ыкмасы", REGION_INSTITUTE),)),
    T("Жээнбеков Нурсултан Маратович", 24, (3, 8), "higher", MANAS, "Колдонмо информатика",
      ("информатика",), "5-11-класстар", 16, 1, 0.5, "none",
      "Информатика сабагында программалоонун негиздерин окутуу", position="информатика мугалими",
      category_years=0),
    T("Бообекова Сабира Ташкеновна", 47, (7, 13), "higher", IGU, "География",
      ("география",), "6-10-класстар", 18, 24, 23, "first",
      "География сабагында интерактивдүү карталарды колдонуу", position="география мугалими",
      awards=(Award("Мектептик Ардак грамота", "school", 2022),),
      courses=(C(18, "Жаңы муундагы предметтик стандарттарды ишке ашыруу", ACADEMY),)),
    T("Акматов Үмүтбек Дөөлөтович", 37, (12, 1), "higher", OSHMU, "Математика",
      ("математика",), "7-А, 7-Б, 8-А", 22, 14, 13, "second",
      "Геометрия маселелерин чыгарууда моделдөө ыкмасы", position="математика мугалими",
      courses=(C(69, "Математиканы окутуунун заманбап технологиялары", ACADEMY),
               C(30, "Математика боюнча олимпиадага даярдоо", DISTRICT, hours=24, kind="seminar", days=3))),
    T("Мырзакулова Гүлшайыр Ормоновна", 51, (9, 17), "higher", KMU, "Биология",
      ("биология",), "6-11-класстар", 20, 29, 28, "highest",
      "Биология сабагында долбоордук ыкманы колдонуу", position="биология мугалими",
      courses=(C(58, "Табигый илимдерди окутууда изилдөө ыкмасы", REGION_INSTITUTE),)),
    T("Турдубаев Алмаз Кенешбекович", 35, (6, 29), "higher", KUU, "Физика жана информатика",
      ("физика", "информатика"), "7-9-класстар", 19, 12, 6, "none",
      "Физика сабагында виртуалдык лабораторияларды колдонуу", position="физика жана информатика мугалими",
      category_years=0),
    T("Эсенкулова Жамила Сагынбаевна", 45, (4, 4), "higher", IGU, "Математика",
      ("алгебра", "геометрия"), "8-Б, 9-Б, 10-Б", 21, 22, 22, "second",
      "Критерийлер аркылуу баалоо системасын сабакта колдонуу", position="математика мугалими",
      courses=(C(25, "Критерийлер аркылуу баалоо", REGION_INSTITUTE),)),
)

_PHONE_PREFIXES = ("0555", "0700", "0702", "0772", "0777", "0505", "0557", "0990")


def _years_ago(today: dt.date, years: float) -> dt.date:
    return add_months(today, -round(years * 12))


def teachers_and_courses(
    today: dt.date, ids, association_ids: dict[str, str]  # type: ignore[no-untyped-def]
) -> tuple[list[Teacher], list[Course]]:
    """The demo's teacher records (association by member name) and their courses."""
    phones = random.Random(20250901)
    teachers, courses = [], []
    for spec in TEACHERS:
        month, day = spec.birthday
        birth = dt.date(today.year - spec.age, month, day)
        if birth > add_months(today, -12 * spec.age):  # the birthday is still ahead this year
            birth = birth.replace(year=birth.year - 1)
        total_start = _years_ago(today, spec.total).replace(month=8, day=15) if spec.total >= 1 else _years_ago(
            today, spec.total
        )
        teaching_start = _years_ago(today, spec.teaching)
        teaching_start = max(teaching_start, total_start)
        phone = f"{phones.choice(_PHONE_PREFIXES)} {phones.randint(10, 99)}-{phones.randint(10, 99)}-{phones.randint(10, 99)}"
        category_date = None
        if spec.category != "none":
            category_date = dt.date(today.year - spec.category_years, 4, 20)
            if category_date > today:
                category_date = category_date.replace(year=category_date.year - 1)
        teacher = Teacher(
            id=ids(),
            full_name=spec.name,
            birth_date=birth,
            phone=phone,
            education=spec.education,
            institution=spec.institution,
            graduation_year=min(total_start.year, today.year) if spec.education != "incomplete_higher" else None,
            specialty=spec.specialty,
            subjects=list(spec.subjects),
            classes=spec.classes,
            weekly_load=spec.load,
            total_start=total_start,
            pedagogical_start=teaching_start,
            category=spec.category,
            category_date=category_date,
            category_expires=None if category_date is None else category_date.replace(year=category_date.year + 5),
            awards=list(spec.awards),
            self_education_topic=spec.topic,
            position=spec.position if spec.position != PRIMARY or spec.subjects == _PRIMARY_SUBJECTS
            else f"{spec.subjects[0]} мугалими",
            association_id=association_ids.get(spec.name, ""),
        )
        teachers.append(teacher)
        for number, course in enumerate(spec.courses):
            end = add_months(today, -course.months)
            start = end - dt.timedelta(days=course.days - 1)
            courses.append(
                Course(
                    id=ids(),
                    teacher_id=teacher.id,
                    title=course.title,
                    organiser=course.organiser,
                    start=start,
                    end=end,
                    hours=course.hours,
                    kind=course.kind,
                    certificate_no=f"{end.year % 100:02d}-{1000 + len(courses) * 37 % 900:04d}" if course.kind != "seminar" else "",
                    certificate_handed_in=course.handed_in,
                    task_before="Курстун темасы боюнча суроолорду даярдап баруу" if number == 0 and course.task_after else "",
                    task_after=course.task_after,
                )
            )
    return teachers, courses
