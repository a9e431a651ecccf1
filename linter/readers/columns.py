"""Script tables → Blocks: which column is what, and one row's cells as blocks.

Shared by CSV/TSV, XLSX and DOCX tables. A header row is found by its column names (Chinese or
English, or the names given in config ``columns``); Chinese headers are head-final compounds
(商品话术 is a script column, 话术备注 a remarks column), so when a header contains several known
names the one that ends last decides. Only ``text`` columns are linted; time, speaker, product
and remarks become the Block's context. Positions: the line is the table row, the column is the
code-point offset inside the cell plus one (a line break inside a cell counts as one character),
so ``cell_value[column - 1:end_column - 1]`` is always the match.
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass, replace
from datetime import datetime, time, timedelta
from functools import lru_cache
from typing import Callable, Sequence

import regex

from ..model import Block
from ..segment import ROLE_WORDS
from .settings import COLUMN_ROLES, ReaderSettings

DEFAULT_NAMES: dict[str, tuple[str, ...]] = {
    "time": ("时间", "时间段", "时间点", "时段", "time", "timestamp"),
    "section": ("环节", "流程", "section", "stage"),
    "speaker": ("角色", "人员", "说话人", "讲解人", "speaker", "role"),
    "text": ("话术", "台词", "内容", "口播", "script", "text", "lines"),
    "product": ("商品", "产品", "链接", "product", "sku", "link"),
    "note": ("备注", "注释", "remark", "remarks", "note", "notes", "comment", "comments"),
}
HEADER_SCAN = 20  # rows searched for the header row
_MAX_HEADER = 12  # longer cells are content, never column names
_BRACKETS = regex.compile(r"[（(\[【][^)）\]】]*[)）\]】]")
_CJK_SPACE = regex.compile(r"(?<=[^\x00-\x7f])\s+|\s+(?=[^\x00-\x7f])")
_SPEAKER_HEADER = regex.compile("(?:" + "|".join(ROLE_WORDS) + r")\w{0,4}")
_LINE = regex.compile(r"[^\r\n]+")
_CLOCK = regex.compile(r"\s*(\+)?(\d{1,2})\s*(?::|点|时)\s*(半|\d{1,2})?\s*分?\s*(?::\s*(\d{1,2}))?")


@dataclass(frozen=True)
class Column:
    index: int
    role: str
    speaker: str | None = None  # a text column named after its speaker: 主播 / 助播话术


@dataclass(frozen=True)
class Layout:
    header: int | None  # 0-based index of the header row; None: no header, every cell is text
    columns: tuple[Column, ...] = ()

    def first(self, role: str) -> Column | None:
        return next((c for c in self.columns if c.role == role), None)


def _norm(value) -> str:
    text = " ".join(_BRACKETS.sub("", unicodedata.normalize("NFKC", cell_text(value))).lower().split())
    return _CJK_SPACE.sub("", text).strip(":*# ")


def _occurrence(header: str, name: str) -> int:
    """End offset of ``name`` in ``header`` (whole words for ASCII names), or -1."""
    if name.isascii():
        m = None
        for m in regex.finditer(rf"(?<![a-z]){regex.escape(name)}(?![a-z])", header):
            pass
        return m.end() if m else -1
    at = header.rfind(name)
    return at + len(name) if at >= 0 else -1


def classify(value, settings: ReaderSettings) -> tuple[Column | None, bool]:
    """(column with index 0, exact?) for one header cell; None when it names no role."""
    header = _norm(value)
    if not header or len(header) > _MAX_HEADER:
        return None, False
    configured = dict(settings.columns)
    for role, names in configured.items():
        if header in (_norm(n) for n in names):
            return _column(role, header, header), True
    best = None  # (end, length, role, name)
    for role in COLUMN_ROLES:
        if role in configured:
            continue
        for name in DEFAULT_NAMES[role]:
            if header == name:
                return _column(role, header, name), True
            end = _occurrence(header, name)
            if end >= 0 and (best is None or (end, len(name)) > best[:2]):
                best = (end, len(name), role, name)
    if best:
        return _column(best[2], header, best[3]), False
    if "text" not in configured and _SPEAKER_HEADER.fullmatch(header):  # 主播 | 助播 | 气氛组 columns
        return Column(0, "text", header), False
    return None, False


def _column(role: str, header: str, name: str) -> Column:
    if role != "text":
        return Column(0, role)
    prefix = header[:header.find(name)] if name in header else ""
    if prefix and any(prefix.startswith(w) for w in ROLE_WORDS):
        return Column(0, "text", prefix)
    return Column(0, "text")


def detect(rows: Sequence[Sequence], settings: ReaderSettings) -> Layout:
    """The first row that names a text column (and another column, or the text one exactly)."""
    for index, row in enumerate(rows[:HEADER_SCAN]):
        found, exact = [], []
        for col, value in enumerate(row):
            column, is_exact = classify(value, settings)
            if column:
                found.append(Column(col, column.role, column.speaker))
                exact.append(is_exact)
        if any(c.role == "text" for c in found) and (len(found) >= 2 or all(exact)):
            return Layout(index, tuple(found))
    return Layout(None)


@lru_cache(maxsize=4096)
def column_letter(index: int) -> str:
    """0-based column index → spreadsheet letters (0 → A, 26 → AA); cached, one call per cell."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.isoformat(sep=" ")
    return str(value)


def time_text(value) -> str | None:
    """A time cell as ``HH:MM:SS`` (clock) or ``+HH:MM:SS`` (offset), None when not a time."""
    if isinstance(value, datetime):
        value = value.time()
    if isinstance(value, time):
        return f"{value.hour:02d}:{value.minute:02d}:{value.second:02d}"
    if isinstance(value, timedelta):
        seconds = int(value.total_seconds())
        if seconds < 0:
            return None
        return f"+{seconds // 3600:02d}:{seconds % 3600 // 60:02d}:{seconds % 60:02d}"
    if not isinstance(value, str):
        return None
    m = _CLOCK.match(unicodedata.normalize("NFKC", value))
    if not m:
        return None
    h = int(m.group(2))
    mi = 30 if m.group(3) == "半" else int(m.group(3) or 0)
    s = int(m.group(4) or 0)
    if mi > 59 or s > 59 or (h > 24 and not m.group(1)):
        return None
    return f"{m.group(1) or ''}{h:02d}:{mi:02d}:{s:02d}"


def product_text(value) -> str | None:
    """A product cell; a bare number is a link number (3 → 3号链接)."""
    text = cell_text(value).strip()
    if not text:
        return None
    return f"{text}号链接" if text.isdigit() else text


_NOWHERE = 1 << 62  # the index of an absent column: past the end of every row


class Rows:
    """Turns the rows of one table into Blocks, carrying the section across rows.

    Called once per row of every table, so a row's context cells are found by plain indexes
    worked out once per table, and a string cell (nearly every cell) skips ``cell_text``.
    """

    def __init__(self, layout: Layout, cell: Callable[[int, int], str | None]):
        self.layout = layout
        self.cell = cell  # (0-based row index, 0-based column) -> cell reference, or None
        self.role = {role: layout.first(role) for role in COLUMN_ROLES}
        self.texts = tuple(c for c in layout.columns if c.role == "text")
        self.section = ""
        self._at = tuple(self.role[r].index if self.role[r] else _NOWHERE
                         for r in ("time", "product", "speaker", "section", "note"))
        self._texts = tuple((c.index, c.speaker) for c in self.texts)

    def blocks(self, index: int, number: int, row: Sequence) -> list[Block]:
        """Blocks of the row at 0-based ``index`` whose reported line is ``number``."""
        header = self.layout.header
        if header is None or index < header:
            kind = "text" if header is None else "header"
            return [b for col, value in enumerate(row)
                    for b in self._lines(value, index, number, col, kind)]
        if index == header:
            return []
        width = len(row)
        at_time, at_product, at_speaker, at_section, at_note = self._at
        time = _time(row[at_time]) if at_time < width else None
        product = product_text(row[at_product]) if at_product < width else None
        speaker = _stripped(row[at_speaker]) if at_speaker < width else ""
        out: list[Block] = []
        if at_section < width:
            section = row[at_section]
            label = _stripped(section)
            if label and label != self.section:
                self.section = label
                out += self._lines(section, index, number, at_section, "header", time)
        for col, named in self._texts:
            if col < width and row[col] is not None:
                out += self._lines(row[col], index, number, col, "text", time, product,
                                   speaker or named)
        note = _stripped(row[at_note]) if at_note < width else ""
        if note:
            first = next((i for i, b in enumerate(out) if b.kind != "comment"), None)
            if first is None:  # a remarks-only row: its directive applies to the next row
                out.append(Block(note, number, kind="comment", cell=self.cell(index, at_note)))
            else:
                out[first] = replace(out[first], note=note)
        return out

    def _lines(self, value, index: int, number: int, col: int, kind: str = "text",
               time: str | None = None, product: str | None = None,
               speaker: str | None = None) -> list[Block]:
        """A cell's blocks: one per non-blank line; ``//`` lines of a text cell are comments,
        which carry no context."""
        text = value if type(value) is str else cell_text(value)
        if not text or text.isspace():
            return []
        ref = self.cell(index, col)
        make = Block.make
        if "\n" not in text and "\r" not in text:  # one line (most cells): what the loop would give
            if kind == "text" and "//" in text and text.lstrip().startswith("//"):
                return [make(text, number, 1, "comment", None, None, None, ref)]
            return [make(text, number, 1, kind, speaker, time, product, ref)]
        out = []
        for m in _LINE.finditer(text):
            line = m.group()
            if line.isspace():
                continue
            if kind == "text" and line.lstrip().startswith("//"):
                out.append(make(line, number, m.start() + 1, "comment", None, None, None, ref))
            else:
                out.append(make(line, number, m.start() + 1, kind, speaker, time, product, ref))
        return out


def _stripped(value) -> str:
    """``cell_text(value).strip()``; a string cell skips the type tests."""
    return value.strip() if type(value) is str else cell_text(value).strip()


@lru_cache(maxsize=4096)
def _time(value) -> str | None:
    """time_text, cached: a script repeats the same few time cells."""
    return time_text(value)
