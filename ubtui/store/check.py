"""`ubtui check FILE`: a verdict on a school file without changing it."""

from __future__ import annotations

from pathlib import Path

from ubtui.i18n import _, ngettext
from ubtui.store.errors import DamagedFile
from ubtui.store.oserrors import describe_os_error
from ubtui.store.schoolfile import META, parse


def check_file(path: Path) -> str:
    """A one-line summary of a good school file; raises a FileProblem otherwise."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as error:
        raise DamagedFile(describe_os_error(error, path).rstrip(".")) from None
    document = parse(data)
    meta = document[META]["1"]
    settings = next(iter(document.get("settings", {}).values()), {})
    records = sum(len(table) for name, table in document.items() if name != META)
    school = settings.get("school_name") or _("(school not named yet)")
    summary = _("OK: school file «{school}», schema {schema}, generation {generation}").format(
        school=school, schema=meta["schema"], generation=meta.get("generation", 0)
    )
    summary += ", " + ngettext("{n} record", "{n} records", records).format(n=records)
    summary += ", " + _("checksum matches")
    if data.startswith(b"\xef\xbb\xbf"):
        summary += " " + _("(it begins with a byte-order mark, which the next save removes)")
    return summary
