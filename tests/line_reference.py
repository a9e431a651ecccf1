"""The plain per-line readers, as they were before their fast paths: the tests' reference.

tests/test_line_readers.py holds the readers to these over generated inputs. Each one is the
simplest statement of its format's rules: every regex tried on every line, every Block built
through the dataclass ``__init__``, every cell through ``cell_text``. Only the line loops are
here; decoding, header detection and the regexes are the readers' own.
"""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from linter.model import Block, Document
from linter.readers import markdown, subtitle
from linter.readers.columns import COLUMN_ROLES, _LINE, _time, cell_text, product_text
from linter.readers.decode import decode


def text_read(path: str, raw: bytes) -> Document:
    text, encoding = decode(raw, path)
    blocks = []
    for number, line in enumerate(text.split("\n"), start=1):
        stripped = line.lstrip()
        if not stripped:
            continue
        blocks.append(Block(line, number, kind="comment" if stripped.startswith("//") else "text"))
    return Document(path, "text", encoding, tuple(blocks))


def markdown_masks(line: str) -> tuple[tuple[int, int], ...]:
    spans, pos = [], 0
    while True:
        m = markdown._OPENERS.search(line, pos)
        if m is None:
            return tuple(spans)
        closer = markdown._CLOSERS.get(m.group(), ">")
        end = line.find(closer, m.end())
        if end < 0:
            pos = m.start() + 1
            continue
        end += len(closer)
        spans.append((m.start() + 1 if m.group() == "](" else m.start(), end))
        pos = end


def markdown_read(path: str, raw: bytes) -> Document:
    text, encoding = decode(raw, path)
    lines = text.split("\n")
    blocks = []
    fence = None
    in_comment = False
    for i in range(markdown._front_matter_end(lines), len(lines)):
        line, number = lines[i], i + 1
        if fence:
            if line.strip().startswith(fence):
                fence = None
            continue
        if in_comment:
            blocks.append(Block(line, number, kind="comment"))
            in_comment = "-->" not in line
            continue
        fence_match = markdown._FENCE.match(line)
        if fence_match:
            fence = fence_match.group(1)
            continue
        if not line.strip() or markdown._REF_DEF.match(line):
            continue
        if markdown._COMMENT_LINE.match(line):
            blocks.append(Block(line, number, kind="comment"))
            continue
        if line.lstrip().startswith("<!--") and "-->" not in line:
            blocks.append(Block(line, number, kind="comment"))
            in_comment = True
            continue
        kind = "header" if markdown._HEADING.match(line) else "text"
        blocks.append(Block(line, number, kind=kind, masks=markdown_masks(line)))
    return Document(path, "markdown", encoding, tuple(blocks))


def _offset(m) -> str:
    seconds = int(m.group("h") or 0) * 3600 + int(m.group("m")) * 60 + int(m.group("s"))
    return f"+{seconds // 3600:02d}:{seconds % 3600 // 60:02d}:{seconds % 60:02d}"


def subtitle_read(path: str, raw: bytes) -> Document:
    text, encoding = decode(raw, path)
    vtt = Path(path).suffix.lower() == ".vtt"
    lines = text.split("\n")
    timing_of = subtitle._TIMING.match
    blocks: list[Block] = []
    start = 0
    if vtt and lines and lines[0].startswith("WEBVTT"):
        while start < len(lines) and lines[start].strip() and not timing_of(lines[start]):
            start += 1
    time = voice = None
    fresh = True
    skipping = noting = False
    for index in range(start, len(lines)):
        line, number = lines[index], index + 1
        if not line.strip():
            fresh, skipping, noting = True, False, False
            continue
        if skipping:
            continue
        if noting:
            blocks.append(Block(line, number, kind="comment"))
            continue
        timing = timing_of(line)
        if fresh and vtt and not timing:
            if subtitle._NOTE.match(line):
                noting = True
                blocks.append(Block(line, number, kind="comment"))
                fresh = False
                continue
            if subtitle._SKIPPED.match(line):
                skipping = True
                continue
        identifier = (not timing and index + 1 < len(lines) and timing_of(lines[index + 1])
                      and (fresh or line.strip().isdigit()))
        fresh = False
        if identifier:
            continue
        if timing:
            time, voice = _offset(timing), None
            continue
        found = subtitle._VOICE.search(line)
        if found:
            voice = found.group("name").strip()
        masks = tuple(m.span() for m in subtitle._MARKUP.finditer(line))
        blocks.append(Block(line, number, speaker=voice, time=time, masks=masks))
    return Document(path, "vtt" if vtt else "srt", encoding, tuple(blocks))


def paragraph_blocks(text: str, line: int, kind: str) -> list[Block]:
    out, offset = [], 0
    for part in text.split("\n"):
        if part.strip():
            this = "comment" if kind == "text" and part.lstrip().startswith("//") else kind
            out.append(Block(part, line, offset + 1, this))
        offset += len(part) + 1
    return out


def _get(row, column):
    return row[column.index] if column is not None and column.index < len(row) else None


class Rows:
    """columns.Rows, one cell line at a time."""

    def __init__(self, layout, cell):
        self.layout, self.cell = layout, cell
        self.role = {role: layout.first(role) for role in COLUMN_ROLES}
        self.texts = tuple(c for c in layout.columns if c.role == "text")
        self.section = ""

    def blocks(self, index: int, number: int, row) -> list[Block]:
        layout, role = self.layout, self.role
        if layout.header is None or index < layout.header:
            kind = "text" if layout.header is None else "header"
            return [b for col, value in enumerate(row)
                    for b in self._lines(value, index, number, col, kind=kind)]
        if index == layout.header:
            return []
        time = _time(_get(row, role["time"]))
        product = product_text(_get(row, role["product"]))
        speaker = cell_text(_get(row, role["speaker"])).strip() or None
        out: list[Block] = []
        section = _get(row, role["section"])
        if cell_text(section).strip() and cell_text(section).strip() != self.section:
            self.section = cell_text(section).strip()
            out += self._lines(section, index, number, role["section"].index, kind="header", time=time)
        for column in self.texts:
            out += self._lines(_get(row, column), index, number, column.index, time=time,
                               product=product, speaker=speaker or column.speaker)
        note = cell_text(_get(row, role["note"])).strip()
        if note:
            first = next((i for i, b in enumerate(out) if b.kind != "comment"), None)
            if first is None:
                out.append(Block(note, number, kind="comment", cell=self.cell(index, role["note"].index)))
            else:
                out[first] = replace(out[first], note=note)
        return out

    def _lines(self, value, index, number, col, kind="text", **context) -> list[Block]:
        text = cell_text(value)
        if not text.strip():
            return []
        ref = self.cell(index, col)
        out = []
        for m in _LINE.finditer(text):
            line = m.group()
            if not line.strip():
                continue
            this = "comment" if kind == "text" and line.lstrip().startswith("//") else kind
            out.append(Block(line, number, m.start() + 1, this, cell=ref,
                             **(context if this != "comment" else {})))
        return out
