"""A save renders only the tables TinyDB changed and takes the others' text from the last save.
Whatever the changes (new, edited, deleted records, several tables at once, a batch, undo and
redo, a write that failed), the file on disk is exactly the full rendering of what is in memory."""

from __future__ import annotations

import random

import pytest

from tests.conftest import DEMO_DAY
from ubtui.domain.sessions import AgendaItem
from ubtui.domain.teachers import Teacher
from ubtui.store import SaveFailed, schoolfile
from ubtui.store.jsonio import canonical


def _assert_file_is_the_whole_rendering(store) -> None:
    data = store.school.path.read_bytes()
    document = schoolfile.parse(data)  # parses and checks the seal over the file as written
    memory = store.school._document
    assert canonical({k: v for k, v in document.items() if k != "meta"}) == \
        canonical({k: v for k, v in memory.items() if k != "meta"})
    # The pieces kept for the next save are the tables as they are now.
    for name, piece in store.school._pieces.items():
        assert piece == (f'"{name}":' + canonical(memory[name])).encode("utf-8"), name


@pytest.mark.parametrize("seed", range(4))
def test_every_save_writes_the_whole_document_as_it_is(demo_store, monkeypatch, seed):
    store = demo_store
    rng = random.Random(seed)
    rendered: list[set[str] | None] = []
    original = schoolfile.render_with_body

    def spy(document, pieces=None, changed=None):  # noqa: ANN001, ANN202
        rendered.append(None if not pieces else set(changed or ()))
        return original(document, pieces, changed)

    monkeypatch.setattr(schoolfile, "render_with_body", spy)
    association = store.sorted_associations()[0]
    year = store.current_year(DEMO_DAY)  # a closed year's sessions are not changed

    def add_teacher():
        store.save_teacher(Teacher(full_name=f"Жаңы Мугалим {rng.randrange(10**6)}", association_id=association.id))

    def edit_teacher():
        teacher = rng.choice(store.sorted_teachers())
        teacher.classes = rng.choice(["5а", "6б", "7в"])
        store.save_teacher(teacher)

    def delete_teacher():
        teachers = [t for t in store.sorted_teachers() if t.full_name.startswith("Жаңы")]
        if teachers:
            store.delete_teacher(rng.choice(teachers).id)

    def edit_session():
        session = rng.choice(store.sessions.in_year(year.id))
        session.agenda = [*session.agenda, AgendaItem(title=f"Кошумча маселе {rng.randrange(100)}")]
        store.sessions.save(session)

    def two_tables_in_a_batch():
        with store.school.batch():
            edit_teacher()
            edit_session()

    def undo():
        store.undo()

    def redo():
        store.redo()

    def failed_write():
        def refuse(*args, **kwargs):  # noqa: ANN002, ANN003
            raise OSError(28, "No space left on device")

        monkeypatch.setattr(schoolfile, "atomic_write", refuse)
        try:
            with pytest.raises(SaveFailed):
                edit_teacher()
        finally:
            monkeypatch.undo()
            monkeypatch.setattr(schoolfile, "render_with_body", spy)

    steps = [add_teacher, edit_teacher, delete_teacher, edit_session, two_tables_in_a_batch, undo, redo, failed_write]
    for _ in range(30):
        rng.choice(steps)()
        _assert_file_is_the_whole_rendering(store)
    # Most saves rendered only what they changed (one table, or two), not the eleven.
    partial = [r for r in rendered if r is not None]
    assert partial and all(len(r) <= 2 for r in partial)
