"""Repositories: typed records (domain dataclasses) in and out of TinyDB tables."""

from __future__ import annotations

from typing import Callable, Generic, Iterable, Iterator, Sequence, TypeVar

from tinydb import Query

from ubtui.domain.records import Record, utc_now
from ubtui.domain.validation import Problems, ValidationError

R = TypeVar("R", bound=Record)
Validator = Callable[[R, list[R]], Problems]


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

    def __init__(self, school: "School", table: str, kind: type[R], validator: Validator | None = None) -> None:  # noqa: F821
        self.school = school
        self.table = school.db.table(table)
        self.kind = kind
        self.validator = validator

    def all(self) -> list[R]:
        return [self.kind.from_dict(doc) for doc in self.table.all()]

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
        problems = self.validate(record)
        if problems:
            raise ValidationError(problems)
        self.school._check_writable()
        now = utc_now()
        record.updated_at = now
        existing = self.table.get(Query().id == record.id)
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
        removed = self.table.remove(Query().id == record_id)
        if not removed:
            raise NotFound(record_id)
