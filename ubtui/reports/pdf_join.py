"""Joining the PDFs ubtui made into one (the folder bundle), with no PDF library beyond ReportLab.

It reads what ReportLab writes: numbered objects listed in a classic cross-reference table,
streams with a direct `/Length`.  Each page is copied with every object it reaches (its content,
fonts, images), renumbered; the pages of all documents go under one page tree.  Outlines and
other objects no page reaches are left behind.  A file of another shape raises `ValueError`.
"""

from __future__ import annotations

import re
from typing import Sequence

_REF = re.compile(rb"(\d+) 0 R\b")
_STREAM = re.compile(rb">>\s*stream(?:\r\n|\n)")
_XREF_ROW = re.compile(rb"(\d{10}) (\d{5}) ([nf])")


def _objects(data: bytes) -> tuple[dict[int, tuple[bytes, bytes | None]], bytes]:
    """Every object of a file as {number: (dictionary part, stream bytes or None)}, and the trailer."""
    start = data.rfind(b"startxref")
    if start < 0:
        raise ValueError("no startxref")
    xref_at = int(data[start + 9:].split()[0])
    if not data.startswith(b"xref", xref_at):
        raise ValueError("not a classic cross-reference table")
    lines = data[xref_at:].split(b"trailer", 1)
    trailer = lines[1]
    body = lines[0].splitlines()[1:]
    objects: dict[int, tuple[bytes, bytes | None]] = {}
    number = 0
    for line in body:
        line = line.strip()
        if not line:
            continue
        parts = line.split()
        if len(parts) == 2:  # a subsection header: first number, count
            number = int(parts[0])
            continue
        row = _XREF_ROW.match(line)
        if row is None:
            raise ValueError("a bad cross-reference row")
        if row.group(3) == b"n":
            objects[number] = _read_object(data, int(row.group(1)), number)
        number += 1
    return objects, trailer


def _read_object(data: bytes, offset: int, number: int) -> tuple[bytes, bytes | None]:
    head = f"{number} 0 obj".encode()
    if not data.startswith(head, offset):
        raise ValueError(f"object {number} is not where the table says")
    at = offset + len(head)
    end = data.index(b"endobj", at)
    keyword = _STREAM.search(data, at, end + 6)
    if keyword is None:
        return data[at:end].strip(), None
    stream_at = keyword.start() + 2
    dictionary = data[at:stream_at].strip()
    length = re.search(rb"/Length (\d+)\s*(?=/|>>)", dictionary)
    if length is None:
        raise ValueError("a stream without a direct length")
    begin = keyword.end()
    stream = data[begin:begin + int(length.group(1))]
    return dictionary, stream


def _ref_of(text: bytes, key: bytes) -> int:
    found = re.search(rb"/" + key + rb" (\d+) 0 R", text)
    if found is None:
        raise ValueError(f"no /{key.decode()}")
    return int(found.group(1))


def _pages(objects: dict[int, tuple[bytes, bytes | None]], node: int) -> list[int]:
    """The page objects under a page-tree node, in order."""
    text = objects[node][0]
    if re.search(rb"/Type /Page\b(?!s)", text):
        return [node]
    kids = re.search(rb"/Kids \[([^\]]*)\]", text)
    if kids is None:
        raise ValueError("a page tree node without kids")
    pages: list[int] = []
    for kid in _REF.findall(kids.group(1)):
        pages.extend(_pages(objects, int(kid)))
    return pages


def page_count(data: bytes) -> int:
    objects, trailer = _objects(data)
    catalog = objects[_ref_of(trailer, b"Root")][0]
    return len(_pages(objects, _ref_of(catalog, b"Pages")))


def join_pdfs(documents: Sequence[bytes], *, title: str = "") -> bytes:
    """One PDF with the pages of every document, in order."""
    out: list[tuple[bytes, bytes | None]] = [(b"", None)]  # object n is out[n - 1]; 1 is the page tree
    tree = 1
    page_numbers: list[int] = []
    for data in documents:
        objects, trailer = _objects(data)
        catalog = objects[_ref_of(trailer, b"Root")][0]
        pages = _pages(objects, _ref_of(catalog, b"Pages"))
        mapping: dict[int, int] = {}

        def number_for(old: int) -> int:
            out.append((b"", None))
            mapping[old] = len(out)
            return mapping[old]

        for page in pages:  # pages first, so a link from one page to another finds it
            number_for(page)
        queue = list(pages)
        while queue:
            text = objects[queue.pop()][0]
            text = re.sub(rb"/Parent \d+ 0 R", b"", text)
            for ref in map(int, _REF.findall(text)):
                if ref not in mapping and ref in objects:
                    number_for(ref)
                    queue.append(ref)
        for old, new in mapping.items():
            text, stream = objects[old]
            if old in pages:
                text = re.sub(rb"/Parent \d+ 0 R", b"", text)
            text = _REF.sub(lambda m: b"%d 0 R" % mapping.get(int(m.group(1)), 0), text)
            if old in pages:  # the page's parent is the one page tree
                text = text.rstrip()[:-2] + b" /Parent %d 0 R >>" % tree
            out[new - 1] = (text, stream)
        page_numbers += [mapping[p] for p in pages]
    kids = " ".join(f"{n} 0 R" for n in page_numbers)
    out[0] = (f"<< /Type /Pages /Count {len(page_numbers)} /Kids [ {kids} ] >>".encode(), None)
    out.append((b"<< /Type /Catalog /Pages %d 0 R >>" % tree, None))
    catalog_number = len(out)
    hex_title = title.encode("utf-16-be").hex().upper()
    out.append((f"<< /Producer (ubtui) /Creator (ubtui) /Title <FEFF{hex_title}> >>".encode(), None))
    return _write(out, catalog_number, len(out))


def _write(objects: list[tuple[bytes, bytes | None]], root: int, info: int) -> bytes:
    parts = [b"%PDF-1.4\n%\x93\x8c\x8b\x9e ubtui\n"]
    offsets = []
    size = len(parts[0])
    for number, (text, stream) in enumerate(objects, 1):
        if stream is not None:
            chunk = b"%d 0 obj\n" % number + text + b"\nstream\n" + stream + b"\nendstream\nendobj\n"
        else:
            chunk = b"%d 0 obj\n" % number + text + b"\nendobj\n"
        offsets.append(size)
        parts.append(chunk)
        size += len(chunk)
    parts.append(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    parts += [b"%010d 00000 n \n" % offset for offset in offsets]
    parts.append(b"trailer\n<< /Size %d /Root %d 0 R /Info %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, root, info, size))
    return b"".join(parts)
