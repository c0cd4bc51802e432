"""The seal is checked over the bytes of the file as written (no second rendering), and a file
laid out otherwise (the same content pretty-printed) is still checked the old way."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ubtui.store import packet, schoolfile
from ubtui.store.errors import DamagedFile

DEMO = Path(__file__).parent.parent / "fixtures" / "demo_school.json"


def test_a_school_file_as_written_is_checked_without_rendering_it(monkeypatch) -> None:
    data = DEMO.read_bytes()
    monkeypatch.setattr(schoolfile, "seal_text", lambda document: pytest.fail("rendered again"))
    assert schoolfile.parse(data)["meta"]["1"]["file_id"]
    written, body = schoolfile.render_with_body(schoolfile.parse(data))
    document = schoolfile.parse(written)  # what render wrote is sealed as the old rule seals it
    monkeypatch.undo()
    assert document["meta"]["1"]["sha256"] == schoolfile.sha256_text(schoolfile.seal_text(document))
    assert body == schoolfile.body_text(document).encode("utf-8")  # the body comes as the UTF-8 it was written in


def test_the_same_content_laid_out_otherwise_still_opens_and_a_change_does_not() -> None:
    document = json.loads(DEMO.read_bytes())
    pretty = json.dumps(document, ensure_ascii=False, indent=1).encode("utf-8")
    assert schoolfile.parse(pretty)["meta"]["1"]["sha256"] == document["meta"]["1"]["sha256"]
    name = next(iter(document["teachers"].values()))["full_name"]
    changed = DEMO.read_bytes().replace(json.dumps(name, ensure_ascii=False).encode("utf-8"), b'"Someone Else"', 1)
    with pytest.raises(DamagedFile):
        schoolfile.parse(changed)


def test_a_packet_as_written_is_checked_over_its_bytes(monkeypatch) -> None:
    import datetime as dt

    document = schoolfile.parse(DEMO.read_bytes())
    data = packet.build_packet(document, full=False, now=dt.datetime(2025, 11, 20, tzinfo=dt.timezone.utc))
    tables = {name: table for name, table in document.items() if name != "meta"}
    expected = schoolfile.sha256_text(schoolfile.canonical(packet.strip_private(tables)))
    monkeypatch.setattr(packet, "canonical", lambda value: pytest.fail("rendered again") if "teachers" in value else json.dumps(
        value, ensure_ascii=False, sort_keys=True, separators=(",", ":")))
    assert packet.read_received(data).public_sha256() == expected
    monkeypatch.undo()
    edited = json.loads(data)
    pretty = json.dumps(edited, ensure_ascii=False, indent=1).encode("utf-8")
    assert packet.read_received(pretty).public_sha256() == expected
    edited["tables"]["teachers"][next(iter(edited["tables"]["teachers"]))]["full_name"] = "Someone Else"
    with pytest.raises(DamagedFile):
        packet.read_received(json.dumps(edited, ensure_ascii=False).encode("utf-8"))
