"""Excel workbooks (.xlsx, written by openpyxl): one sheet a table, byte-identical across runs.

Each sheet has a bold, frozen header row and columns sized to their text (Hangul
counted two wide, at most 60). Cells keep their Python type: ``int``, ``float``,
``Decimal`` and ``bool`` are numbers and booleans, ``date`` and ``datetime`` dates
with a date format, anything else text. Text is never a formula (``=…`` stays text)
and characters XML forbids are dropped. openpyxl stamps the time in the file's
properties and zip entries: both are fixed here, so the same table gives the same bytes.

Example::

    >>> data = workbook([("rows", ["이름", "n"], [["서문산성", 1]])])
    >>> data[:2], len(data) > 1000
    (b'PK', True)
"""

from __future__ import annotations

import io
import re
import unicodedata
import zipfile
from collections.abc import Iterable, Sequence
from datetime import date, datetime

SheetRows = Iterable[Sequence[object]]
FIXED_TIME = "2000-01-01T00:00:00Z"
_STAMP = re.compile(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*(</dcterms:)")
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
MAX_WIDTH = 60


def workbook(sheets: Sequence[tuple[str, Sequence[str], SheetRows]]) -> bytes:
    """The bytes of an .xlsx file with one sheet per ``(title, columns, rows)``."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    for empty in list(book.worksheets):
        book.remove(empty)
    for title, columns, rows in sheets:
        sheet = book.create_sheet(title=title[:31])
        sheet.append(list(columns))
        for header in sheet[1]:
            header.font = Font(bold=True)
        widths = [_width(str(c)) for c in columns]
        for row in rows:
            sheet.append([_value(v) for v in row])
            for cell, value in zip(sheet[sheet.max_row], row, strict=False):
                if isinstance(value, str) and value.startswith("="):
                    cell.data_type = "s"  # text, never a formula
                if isinstance(value, (date, datetime)):
                    cell.number_format = "yyyy-mm-dd" if type(value) is date else "yyyy-mm-dd hh:mm"
            widths = [max(w, _width(_shown(v))) for w, v in zip(widths, row, strict=False)]
        sheet.freeze_panes = "A2"
        for index, column_width in enumerate(widths, 1):
            letter = sheet.cell(row=1, column=index).column_letter
            sheet.column_dimensions[letter].width = min(column_width, MAX_WIDTH) + 2
    buffer = io.BytesIO()
    book.save(buffer)
    return _fixed(buffer.getvalue())


def _value(value: object) -> object:
    if isinstance(value, str):
        return _ILLEGAL.sub("", value)
    return value


def _shown(value: object) -> str:
    if isinstance(value, (date, datetime)):
        return "0000-00-00 00:00" if isinstance(value, datetime) else "0000-00-00"
    return "" if value is None else str(value)


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1 for ch in text)


def _fixed(data: bytes) -> bytes:
    """The workbook rezipped with fixed times (entries and document properties)."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename == "docProps/core.xml":
                content = _STAMP.sub(rb"\g<1>" + FIXED_TIME.encode() + rb"\g<2>", content)
            entry = zipfile.ZipInfo(info.filename, date_time=(2000, 1, 1, 0, 0, 0))
            target.writestr(entry, content, compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()
