"""The protocol PDF: the standard form in Kyrgyz and Russian, user text printed literally, long items,
drafts marked, the year's book with its contents, fonts embedded, and the print commands."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import re
import subprocess
import sys

import pytest
from pypdf import PdfReader

from ubtui import i18n
from ubtui.domain.sessions import AgendaItem, Decision, Speaker, Vote
from ubtui.errors import UserError
from ubtui.reports import Options, build_pdf, build_table
from ubtui.reports.protocol import protocol_book, render_protocols
from ubtui.domain.people import Person, display_name
from ubtui.store import Store

from conftest import DEMO_DAY

YEAR = "2025-2026"


def pages_text(data: bytes) -> list[str]:
    return [page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages]


def flat(text: str) -> str:
    return " ".join(text.split())


def assert_fonts_embedded(data: bytes) -> None:
    seen = 0
    for page in PdfReader(io.BytesIO(data)).pages:
        for ref in (page.get("/Resources") or {}).get("/Font", {}).values():
            font = ref.get_object()
            for part in [font, *[c.get_object() for c in font.get("/DescendantFonts") or []]]:
                name = str(part.get("/BaseFont"))
                assert "PTSerif" in name or "PTSans" in name, name
                descriptor = part.get("/FontDescriptor")
                if descriptor is not None:
                    assert "/FontFile2" in descriptor.get_object(), name
                    seen += 1
    assert seen
    assert b"Helvetica" not in data


def _first(store: Store):
    association = store.sorted_associations()[0]
    year = store.find_year(YEAR)
    return association, year


def test_protocol_in_kyrgyz_has_the_standard_form_and_the_data(demo_store: Store):
    association, year = _first(demo_store)
    session = demo_store.sessions.by_number(association.id, year.id, 1)
    data = build_pdf("protocol", demo_store, Options(year=YEAR, association=association.name, session=1))
    pages = pages_text(data)
    text = flat(" ".join(pages))
    for label in ("ПРОТОКОЛУ", "КҮН ТАРТИБИ:", "УГУЛДУ:", "ЧЫГЫП СҮЙЛӨДҮ:", "ТОКТОМ КЫЛАТ:", "Төрага:", "Катчы:",
                  "Катышкандар:", "Катышпагандар:", "Чакырылгандар:", "Добуш берүү:", "28-август 2025-ж."):
        assert label in text, label
    assert f"«{association.name}» усулдук бирикмесинин отурумунун №1 ПРОТОКОЛУ" in text
    people = demo_store.teachers_by_id()
    for entry in session.present():
        assert display_name(entry, people) in text
    for entry in session.absent():
        assert f"{display_name(entry, people)} ({entry.reason})" in text
    for number, item in enumerate(session.agenda, 1):
        assert flat(item.title) in text
        for m, decision in enumerate(item.decisions, 1):
            assert f"{number}.{m}." in text
            assert flat(decision.text) in text
    assert "жооптуу:" in text and "мөөнөтү:" in text
    assert "/Г.Э. Жумабаева/" in text  # the signature lines, initials first (DESIGN §4)
    assert "ДОЛБООР" not in text  # held, not a draft
    assert f"1 / {len(pages)}" in pages[0] and f"{len(pages)} / {len(pages)}" in pages[-1]
    assert_fonts_embedded(data)


def test_protocol_in_russian(demo_store: Store):
    association, year = _first(demo_store)
    session = demo_store.sessions.by_number(association.id, year.id, 2)
    i18n.set_language("ru")
    data = build_pdf("protocol", demo_store, Options(year=YEAR, session=2))
    text = flat(" ".join(pages_text(data)))
    for label in ("ПРОТОКОЛ №2 заседания ШМО", "ПОВЕСТКА ДНЯ:", "СЛУШАЛИ:", "ВЫСТУПИЛИ:", "ПОСТАНОВИЛИ:",
                  "Председатель:", "Секретарь:", "Присутствовали:", "Отсутствовали:", "31 октября 2025 г.",
                  "Голосовали:", "«за» —", "ответственный:", "срок:"):
        assert label in text, label
    people = demo_store.teachers_by_id()
    for entry in session.absent():
        assert f"{display_name(entry, people)} ({entry.reason})" in text
    for speaker in session.agenda[0].speakers:
        assert display_name(speaker, people) in text
    assert flat(session.agenda[0].decisions[0].text) in text
    assert_fonts_embedded(data)


def _custom_session(store: Store, **changes):
    association, year = _first(store)
    session = store.sessions.new(association, year, DEMO_DAY)
    for name, value in changes.items():
        setattr(session, name, value)
    return store.sessions.save(session)


def test_a_three_page_item_and_markup_print_literally(demo_store: Store):
    association, year = _first(demo_store)
    paragraphs = [f"{n}-абзац. <b>калың эмес</b> & <i>жантык эмес</i> < > &amp; " + "Окуучулардын билим сапаты талданды. " * 14
                  for n in range(1, 61)]
    one_long_line = "Бир узун сап: " + "Мугалимдер ачык сабак өткөрүштү жана талдашты. " * 300 + "АЯГЫ"
    session = _custom_session(
        demo_store,
        status="held",
        agenda=[
            AgendaItem(title="Узун маселе <b>жөнүндө</b> & башкалар", rapporteur=Person(guest="Асанова Г.М."),
                       heard="\n".join(paragraphs),
                       speakers=[Speaker(guest="Жапарова Р.А. <script>", text="Сөз & <u>сөз</u>\nэкинчи сап")],
                       decisions=[Decision(text="Текст <b>бекитилсин</b> & < >", responsible=[Person(guest="Мамбетова & Ко")],
                                           due=dt.date(2025, 12, 20))],
                       vote=Vote(8, 1, 0)),
            AgendaItem(title="Экинчи маселе", heard=one_long_line, decisions=[Decision(text="Эсептелсин.")]),
        ],
    )
    data = render_protocols(protocol_book(demo_store, association, year, [session]))
    pages = pages_text(data)
    assert len(pages) >= 5  # the first item alone takes three pages and more
    text = flat(" ".join(pages))
    assert "Узун маселе <b>жөнүндө</b> & башкалар" in text
    assert "1-абзац. <b>калың эмес</b> & <i>жантык эмес</i> < > &amp;" in text
    assert "60-абзац." in text and "АЯГЫ" in text  # nothing cut off at a page break
    assert "Жапарова Р.А. <script>:" in text and "Сөз & <u>сөз</u>" in text
    assert "1.1. Текст <b>бекитилсин</b> & < >" in text and "Мамбетова & Ко" in text
    assert "макул — 8, каршы — 1, калыс калгандар — 0" in text
    assert_fonts_embedded(data)


def test_a_draft_is_marked_in_both_languages(demo_store: Store):
    association, year = _first(demo_store)
    draft = _custom_session(demo_store)
    assert draft.status == "draft"
    book = protocol_book(demo_store, association, year, [draft])
    assert "ДОЛБООР" in " ".join(pages_text(render_protocols(book)))
    i18n.set_language("ru")
    assert "ЧЕРНОВИК" in " ".join(pages_text(render_protocols(book)))
    held = protocol_book(demo_store, association, year, [dataclasses.replace(draft, status="held")])
    assert "ЧЕРНОВИК" not in " ".join(pages_text(render_protocols(held)))


def test_the_years_book_has_a_title_page_contents_and_each_protocol_on_a_new_page(demo_store: Store):
    association, year = _first(demo_store)
    last = demo_store.find_year("2024-2025")
    data = build_pdf("protocols", demo_store, Options(year=last.label, association=association.name))
    pages = pages_text(data)
    cover = flat(pages[0])
    assert f"«{association.name}» усулдук бирикмесинин отурумдарынын ПРОТОКОЛДОРУ" in cover
    assert "2024-2025-окуу жылы" in cover and "Мазмуну" in cover
    sessions = demo_store.sessions.of(association.id, last.id)
    assert len(sessions) == 5
    for session in sessions:
        found = re.search(rf"№{session.number} протокол[^\n]*\n[ .]*(\d+)", pages[0])
        assert found, pages[0]
        start = int(found.group(1))  # the page the contents give
        first_page = flat(pages[start - 1])
        assert f"№{session.number} ПРОТОКОЛУ" in first_page
        assert first_page.index(f"№{session.number} ПРОТОКОЛУ") < 200  # at the top of its page
    assert "практикалык семинар" in flat(" ".join(pages))
    assert_fonts_embedded(data)


def test_progress_is_reported_per_protocol(demo_store: Store):
    association, year = _first(demo_store)
    seen: list[tuple[int, int]] = []
    render_protocols(protocol_book(demo_store, association, year), lambda done, total: seen.append((done, total)))
    assert seen == [(1, 2), (2, 2)]


def test_print_errors_are_clear(demo_store: Store):
    with pytest.raises(UserError, match="№9"):
        build_pdf("protocol", demo_store, Options(year=YEAR, session=9))
    with pytest.raises(UserError, match="--session"):
        build_pdf("protocol", demo_store, Options(year=YEAR))


def test_report_protocols_table(demo_store: Store):
    table = build_table("protocols", demo_store, Options(year=YEAR))
    assert [row[0] for row in table.rows] == ["1", "2"]
    assert all(row[-1] == "толук" for row in table.rows)


def test_cli_prints_protocols(demo_path, tmp_path):
    def run(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [sys.executable, "-m", "ubtui", "--db", str(demo_path), *args],
            capture_output=True, text=True, cwd=tmp_path, timeout=120,
        )

    done = run("print", "protocol", "--session", "2", "--year", YEAR)
    assert done.returncode == 0, done.stderr
    assert (tmp_path / f"protocol-2_{YEAR}.pdf").is_file()
    done = run("--lang", "ru", "print", "protocols", "--year", YEAR, "-o", str(tmp_path / "year.pdf"))
    assert done.returncode == 0, done.stderr
    assert "ПОСТАНОВИЛИ:" in flat(" ".join(pages_text((tmp_path / "year.pdf").read_bytes())))
    missing = run("print", "protocol", "--session", "7", "--year", YEAR)
    assert missing.returncode == 1
    assert len(missing.stderr.strip().splitlines()) == 1 and "№7" in missing.stderr
    assert "Traceback" not in missing.stderr
