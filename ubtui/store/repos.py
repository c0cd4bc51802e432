"""Repositories: typed records (domain dataclasses) in and out of TinyDB tables."""

from __future__ import annotations

from typing import Callable, Generic, Iterable, Iterator, Sequence, TypeVar

from tinydb import Query

from ubtui.domain.records import Record, utc_now
from ubtui.domain.validation import Problems, ValidationError
from ubtui.i18n import _
from ubtui.store.jsonio import collector_paused

R = TypeVar("R", bound=Record)
Validator = Callable[[R, list[R]], Problems]


def cut(text: str, limit: int = 40) -> str:
    """A record's text short enough to name it in a message."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


class NotFound(LookupError):
    pass


class _OnDemand(Sequence[R]):
    """The table's records for a validator, made only if it looks at them (saving stays linear
    for validators that ignore them, e.g. when the demo school saves hundreds of plan items)."""

    def __init__(self, make: Callable[[], list[R]]) -> None:
        self._make = make
        self._items: list[R] | None = None

    def _list(self) -> list[R]:
        if self._items is None:
            self._items = self._make()
        return self._items

    def __getitem__(self, index):  # type: ignore[no-untyped-def]
        return self._list()[index]

    def __len__(self) -> int:
        return len(self._list())

    def __iter__(self) -> Iterator[R]:
        return iter(self._list())


class Repository(Generic[R]):
    """One table of one record type; the screens see dataclasses, never dicts."""

    def __init__(self, school: "School", table: str, kind: type[R], validator: Validator | None = None,  # noqa: F821
                 describe: Callable[[R], str] | None = None) -> None:
        """`describe` names a record for the undo list ("teacher Асанова", translated)."""
        self.school = school
        self.table = school.db.table(table)
        self.kind = kind
        self.validator = validator
        self.describe = describe

    def what(self, record: R) -> str:
        return self.describe(record) if self.describe is not None else self.table.name

    def all(self) -> list[R]:
        with collector_paused():
            return [self.kind.from_dict(doc) for doc in self.table.all()]

    def where(self, keep: Callable[[dict], bool]) -> list[R]:
        """The records whose stored form `keep` accepts, made into records only then."""
        with collector_paused():
            return [self.kind.from_dict(doc) for doc in self.table.all() if keep(doc)]

    def ids(self) -> set[str]:
        """The ids of the table's records, without making the records."""
        return {doc["id"] for doc in self.table.all()}

    def get(self, record_id: str) -> R:
        doc = self.table.get(Query().id == record_id)
        if doc is None:
            raise NotFound(record_id)
        return self.kind.from_dict(doc)

    def find(self, record_id: str) -> R | None:
        doc = self.table.get(Query().id == record_id)
        return None if doc is None else self.kind.from_dict(doc)

    def validate(self, record: R) -> Problems:
        if self.validator is None:
            return Problems()
        return self.validator(record, _OnDemand(self.all))  # type: ignore[arg-type]

    def save(self, record: R) -> R:
        """Insert or update by `id`, after validation; sets the timestamps."""
        with self.school.label(_("{what} saved").format(what=self.what(record))):
            return self._save(record)

    def _save(self, record: R) -> R:
        existing = self.table.get(Query().id == record.id)
        self.school.guard_change(self.table.name, existing, record)
        problems = self.validate(record)
        if problems:
            raise ValidationError(problems)
        self.school._check_writable()
        now = utc_now()
        record.updated_at = now
        if existing is None:
            record.created_at = record.created_at or now
            self.table.insert(record.to_dict())
        else:
            record.created_at = existing.get("created_at") or now
            self.table.update(record.to_dict(), doc_ids=[existing.doc_id])
        return record

    def save_many(self, records: Iterable[R]) -> None:
        with self.school.batch():
            for record in records:
                self.save(record)

    def delete(self, record_id: str) -> None:
        self.school._check_writable()
        found = self.find(record_id)
        with self.school.label(_("{what} deleted").format(what=self.what(found) if found is not None else self.table.name)):
            self._delete(record_id)

    def _delete(self, record_id: str) -> None:
        existing = self.table.get(Query().id == record_id)
        if existing is not None:
            self.school.guard_change(self.table.name, existing, None)
        removed = self.table.remove(Query().id == record_id)
        if not removed:
            raise NotFound(record_id)
