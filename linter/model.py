"""Data types passed between pipeline stages.

Every stage is a pure function from one of these types to the next, so each type is a frozen
dataclass. Positions are always offsets into the *original* text of a block; normalised text is
length-preserving (see normalize.py), so the same offsets index both.
"""
from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field
from functools import cached_property
from datetime import datetime

SEVERITIES = ("info", "warning", "error")
SEVERITY_RANK = {name: rank for rank, name in enumerate(SEVERITIES)}

CATEGORIES = (
    "absolute-claim",
    "false-scarcity",
    "false-urgency",
    "price-misrepresentation",
    "spec-mismatch",
    "unbacked-authority",
    "efficacy-claim",
    "fake-engagement",
    "misleading-guarantee",
    "meta",
)

ROLES = ("host", "co-host", "vibe-group", "floor", "guest")


@dataclass(frozen=True)
class Block:
    """A run of lintable source text as a reader found it.

    ``line``/``column`` locate ``text[0]`` in the source (1-based). Readers fill the context
    fields when the format carries them (table columns, subtitle cues); otherwise the segmenter
    derives them from the text.
    """

    text: str
    line: int
    column: int = 1
    kind: str = "text"  # text | header | comment
    speaker: str | None = None
    time: str | None = None
    product: str | None = None
    cell: str | None = None  # spreadsheet cell, e.g. "Sheet1!D12"
    note: str | None = None  # a table's remarks cell (carries suppression directives)
    masks: tuple[tuple[int, int], ...] = ()  # spans not to lint (link targets, inline code)

    @classmethod
    def make(cls, text: str, line: int, column: int = 1, kind: str = "text",
             speaker: str | None = None, time: str | None = None, product: str | None = None,
             cell: str | None = None, note: str | None = None,
             masks: tuple[tuple[int, int], ...] = ()) -> "Block":
        """The same Block as ``Block(...)``, built about three times faster.

        Readers build one Block per source line. The frozen dataclass ``__init__`` pays an
        ``object.__setattr__`` call per field to get past ``__setattr__``; this writes the
        instance ``__dict__`` directly, in field order, so the result is indistinguishable
        (equality, hashing, ``replace()``, pickling). tests/test_line_readers.py checks the
        signature against the fields, so a new field cannot be forgotten here.
        """
        block = object.__new__(cls)
        attrs = block.__dict__
        attrs["text"] = text
        attrs["line"] = line
        attrs["column"] = column
        attrs["kind"] = kind
        attrs["speaker"] = speaker
        attrs["time"] = time
        attrs["product"] = product
        attrs["cell"] = cell
        attrs["note"] = note
        attrs["masks"] = masks
        return block

    @cached_property  # computed once per block: position() is called for every finding
    def newlines(self) -> tuple[int, ...]:
        """Offsets of the newlines inside the block."""
        return tuple(i for i, c in enumerate(self.text) if c == "\n") if "\n" in self.text else ()

    def position(self, offset: int) -> tuple[int, int]:
        """(line, column) of ``text[offset]``, following newlines inside the block."""
        newlines = bisect_left(self.newlines, offset)
        if not newlines:
            return self.line, self.column + offset
        return self.line + newlines, offset - self.newlines[newlines - 1]

    def line_text(self, line: int) -> str:
        """The source line ``line`` (absolute) of a block that may span several lines."""
        index = line - self.line
        if not self.newlines:
            return self.text
        starts = (-1,) + self.newlines
        end = self.newlines[index] if index < len(self.newlines) else len(self.text)
        return self.text[starts[index] + 1:end]


@dataclass(frozen=True)
class Document:
    path: str
    format: str
    encoding: str
    blocks: tuple[Block, ...]


@dataclass(frozen=True)
class Speaker:
    label: str  # as written: "主播小雅", "气氛组"
    role: str | None  # one of ROLES, None when unknown


@dataclass(frozen=True)
class Segment:
    """One utterance: a block minus its speaker tag, with its resolved context."""

    block: Block
    start: int  # offsets into block.text
    end: int
    norm: str  # normalised text of the whole block (same length as block.text)
    speaker: Speaker | None = None
    time: datetime | None = None
    product: str | None = None  # sku, or a raw product hint without a manifest
    ambiguous: tuple[str, ...] = ()  # skus the line could refer to when undecidable

    @property
    def text(self) -> str:
        return self.block.text[self.start:self.end]


@dataclass(frozen=True)
class Citation:
    law: str
    article: int | None = None
    paragraph: int | None = None
    item: int | None = None
    text: str = ""

    def as_dict(self) -> dict:
        out: dict = {"law": self.law}
        for key in ("article", "paragraph", "item"):
            value = getattr(self, key)
            if value is not None:
                out[key] = value
        out["text"] = self.text
        return out


@dataclass(frozen=True)
class Fix:
    """Replace source[start:end] of a block with ``replacement``."""

    start: int
    end: int
    replacement: str
    safety: str = "unsafe"  # safe | unsafe

    def as_dict(self) -> dict:
        return {"replacement": self.replacement, "safety": self.safety}


@dataclass(frozen=True)
class Violation:
    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    rule: str
    name: str
    category: str
    severity: str
    message: str
    match: str
    speaker: str | None = None
    product: str | None = None
    citations: tuple[Citation, ...] = ()
    suggestion: str | None = None
    fix: Fix | None = None
    suppressed: bool = False
    justification: str | None = None
    cell: str | None = None
    source_line: str = field(default="", compare=False)
    baselined: bool = False  # known before adoption (--baseline): reported, never fails a run
    source_column: int = field(default=1, compare=False)  # column of source_line[0] (table cells)

    @property
    def sort_key(self) -> tuple:
        return (self.path, self.line, self.column, self.rule, self.end_line, self.end_column)

    def as_dict(self) -> dict:
        out = {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "rule": self.rule,
            "name": self.name,
            "category": self.category,
            "severity": self.severity,
            "message": self.message,
            "match": self.match,
            "speaker": self.speaker,
            "product": self.product,
            "citations": [c.as_dict() for c in self.citations],
            "suggestion": self.suggestion,
            "fix": self.fix.as_dict() if self.fix else None,
            "suppressed": self.suppressed,
        }
        if self.suppressed:
            out["justification"] = self.justification
        if self.cell:
            out["cell"] = self.cell
        if self.baselined:
            out["baselined"] = True
        return out


class LivelintError(Exception):
    """A user-facing error: bad input, config, manifest or rule. Exit code 2, one line."""

    def __init__(self, message: str, path: str | None = None, line: int | None = None,
                 key: str | None = None):
        self.message = message
        self.path = path
        self.line = line
        self.key = key
        super().__init__(self.__str__())

    def __str__(self) -> str:
        where = self.path or ""
        if self.path and self.line:
            where += f":{self.line}"
        if self.key:
            where = f"{where}: {self.key}" if where else self.key
        text = f"{where}: {self.message}" if where else self.message
        return " ".join(text.splitlines())  # one line, whatever a wrapped library error said
