"""A child for tests/test_store_kill.py: save forever until killed.

    python tests/kill_writer.py SCHOOL_FILE SEED

Opens the school file, prints `ready` (or `readonly`), then keeps saving settings and
associations with Kyrgyz letters (ң ө ү), single saves and batches mixed, until the
parent kills it with SIGKILL.  After each write it prints nothing: output would only
slow the loop the parent is trying to interrupt.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

from ubtui.domain.associations import Association, Member
from ubtui.domain.settings import Settings
from ubtui.store import Store

NAMES = ["Башталгыч класстар", "Тилдер ң", "Математика ө", "Табигый илимдер ү", "Коомдук илимдер"]
PEOPLE = ["Сүйүнбаева Айнура", "Өскөнова Бүбүсара", "Үсөнов Мелис", "Түгөлбаев Нурлан", "Ңоо Кеңеш"]


def main(path: Path, seed: int) -> None:
    rng = random.Random(seed)
    store = Store.open(path)
    if store.read_only:
        print("readonly", flush=True)
        return
    by_name = {a.name: a for a in store.associations.all()}
    print("ready", flush=True)
    counter = 0
    while True:
        counter += 1
        roll = rng.random()
        if roll < 0.25:
            settings = store.settings()
            settings.school_name = f"«Ала-Тоо» орто мектеби ң ө ү №{counter}"
            settings.village = rng.choice(["Көк-Жар", "Үч-Коргон", "Ың-Суу"])
            store.save_settings(settings)
        elif roll < 0.85:
            name = rng.choice(NAMES)
            association = by_name.get(name) or Association(name=name)
            association.area = f"өзгөртүү {counter}: " + "ңөү" * rng.randint(1, 200)
            association.members = [Member(p) for p in rng.sample(PEOPLE, rng.randint(1, len(PEOPLE)))]
            by_name[name] = store.associations.save(association)
        else:
            with store.batch():
                for name in rng.sample(NAMES, 3):
                    association = by_name.get(name) or Association(name=name)
                    association.head = rng.choice(PEOPLE)
                    by_name[name] = store.associations.save(association)


if __name__ == "__main__":
    main(Path(sys.argv[1]), int(sys.argv[2]))
