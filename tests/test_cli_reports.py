"""`ubtui print staff|courses` and `ubtui report staff|courses` as DESIGN §8 describes them."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from pypdf import PdfReader

from ubtui import cli
from ubtui.store import Store



def run(capsysbinary, *args: str) -> tuple[int, bytes, str]:
    code = cli.main(list(args))
    captured = capsysbinary.readouterr()
    return code, captured.out, captured.err.decode("utf-8")


def active_names(path: Path) -> list[str]:
    with Store.open(path, read_only=True) as store:
        return [t.full_name for t in store.sorted_teachers()]


def test_report_staff_csv_has_a_bom_and_one_row_per_active_teacher(demo_path, capsysbinary):
    with Store.open(demo_path) as store:
        store.retire_teacher(store.find_teacher("Кадыров").id)
    code, out, err = run(capsysbinary, "--db", str(demo_path), "report", "staff", "--association", "all", "--format", "csv")
    assert code == 0, err
    assert out.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(out.decode("utf-8-sig"))))
    header, body = rows[0], rows[1:]
    assert (header[0], header[2], header[-1]) == ("№", "Аты-жөнү", "Өз алдынча билим алуу темасы")
    assert all(len(row) == len(header) for row in body)
    names = active_names(demo_path)
    assert len(body) == len(names) == 28
    assert sorted(row[2] for row in body) == sorted(names)
    assert "Кадыров Нурбек Шаршенович" not in names
    assert any(row[2] == "Үсөнова Бермет Нурлановна" and row[1] == "Башталгыч класстар" for row in body)


def test_report_courses_csv_in_russian_puts_the_overdue_first(demo_path, capsysbinary):
    code, out, err = run(capsysbinary, "--db", str(demo_path), "--lang", "ru", "report", "courses", "--association", "all", "--format", "csv")
    assert code == 0, err
    rows = list(csv.reader(io.StringIO(out.decode("utf-8-sig"))))
    status = rows[0].index("Статус")
    states = [row[status] for row in rows[1:]]
    assert states[0] == "просрочено"
    assert "в норме" in states and states.index("в норме") > states.index("курсов не было")


def test_report_text_is_a_table(demo_path, capsysbinary):
    code, out, err = run(capsysbinary, "--db", str(demo_path), "report", "courses", "--association", "all")
    assert code == 0, err
    text = out.decode("utf-8")
    assert not text.startswith("\ufeff")
    assert "Квалификацияны жогорулатуу курстары" in text and "Жээнбеков Нурсултан" in text
    assert "│" in text or "|" in text


def test_print_staff_writes_a_pdf_and_leaves_the_school_file_alone(demo_path, tmp_path, capsysbinary):
    before = demo_path.read_bytes()
    target = tmp_path / "out" / "bank.pdf"
    target.parent.mkdir()
    code, out, err = run(capsysbinary, "--db", str(demo_path), "print", "staff", "--association", "all", "-o", str(target))
    assert code == 0, err
    assert out.decode().strip() == str(target.resolve())
    assert PdfReader(target).pages[0].extract_text()
    assert demo_path.read_bytes() == before
    assert not (demo_path.parent / "backups").exists()
    assert not target.with_name("bank.pdf.tmp").exists()


def test_print_without_o_names_the_file_in_the_current_folder(demo_path, tmp_path, monkeypatch, capsysbinary):
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    code, out, err = run(capsysbinary, "--db", str(demo_path), "print", "courses", "--association", "all", "--year", "2025-2026")
    assert code == 0, err
    written = work / "courses_2025-2026.pdf"
    assert written.read_bytes().startswith(b"%PDF")
    assert out.decode().strip() == str(written.resolve())


def test_print_into_a_folder_and_for_one_teacher(demo_path, tmp_path, capsysbinary):
    code, out, err = run(
        capsysbinary, "--db", str(demo_path), "--lang", "ru", "print", "courses", "--teacher", "Токтогулова",
        "-o", str(tmp_path),
    )
    assert code == 0, err
    written = Path(out.decode().strip())
    assert written.parent == tmp_path.resolve() and written.name.startswith("courses_")
    text = " ".join((page.extract_text() or "") for page in PdfReader(written).pages)
    assert "профессиональная переподготовка" in " ".join(text.split())


@pytest.mark.parametrize(
    ("language", "args", "expected"),
    [
        ("ky", ("print", "staff", "--association", "Химия"), "«Химия» усулдук бирикмеси жок"),
        ("ru", ("print", "staff", "--association", "Химия"), "нет методического объединения «Химия»"),
        ("ky", ("report", "courses", "--year", "2001-2002"), "«2001-2002» окуу жылы жок"),
        ("ru", ("print", "courses", "--teacher", "Никто"), "«Никто»"),
    ],
)
def test_a_missing_name_exits_1_with_one_translated_line(demo_path, tmp_path, capsysbinary, language, args, expected):
    code, out, err = run(capsysbinary, "--db", str(demo_path), "--lang", language, *args, "-o", str(tmp_path / "x.pdf")) \
        if args[0] == "print" else run(capsysbinary, "--db", str(demo_path), "--lang", language, *args)
    assert code == 1
    assert out == b""
    lines = err.strip().splitlines()
    assert len(lines) == 1 and expected in lines[0], err
    assert not (tmp_path / "x.pdf").exists()


def test_a_missing_school_file_exits_1(tmp_path, capsysbinary):
    code, _out, err = run(capsysbinary, "--db", str(tmp_path / "none.json"), "report", "staff")
    assert code == 1 and len(err.strip().splitlines()) == 1 and "none.json" in err
    assert not (tmp_path / "none.json").exists()


def test_an_unwritable_target_exits_1(demo_path, tmp_path, capsysbinary):
    code, _out, err = run(capsysbinary, "--db", str(demo_path), "print", "staff", "-o", str(tmp_path / "no" / "dir" / "x.pdf"))
    assert code == 1 and len(err.strip().splitlines()) == 1


@pytest.mark.parametrize(
    "args",
    [
        ("print", "nonsense"),
        ("report", "staff", "--format", "xlsx"),
        ("print", "staff", "--session", "two"),
        ("report",),
    ],
)
def test_bad_usage_exits_2(demo_path, capsysbinary, args):
    with pytest.raises(SystemExit) as caught:
        cli.main(["--db", str(demo_path), *args])
    assert caught.value.code == 2


def test_without_association_the_chosen_one_is_used(demo_path, capsysbinary):
    """DESIGN §8: the association last chosen in the TUI, else the first."""
    import csv
    import io

    from ubtui.store import Store

    with Store.open(demo_path) as store:
        chosen = store.sorted_associations()[-1]
        settings = store.settings()
        settings.last_association_id = chosen.id
        store.save_settings(settings)
        members = {t.full_name for t in store.teachers_of(chosen.id)}
    code, out, _err = run(capsysbinary, "--db", str(demo_path), "report", "staff", "--format", "csv")
    assert code == 0
    rows = list(csv.reader(io.StringIO(out.decode("utf-8-sig"))))[1:]
    names = {cell for row in rows for cell in row} & (members | {"x"})
    assert names == members
