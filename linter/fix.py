"""Applying rule fixes to script files: the only module that writes a user's script.

Readers hand the linter normalised text (one "\\n" per line end, no BOM), so an edit is located
again in the raw bytes: the finding's line and column index the decoded text with its own line
ends, and every byte that is not inside an edit is copied from the original file, never
re-encoded. An edit is refused unless the bytes there still spell the matched words, and
unless those words are literally what the rule matched (a 繁體 or full-width hit is reported,
never rewritten into simplified or half-width text). Fixing repeats until nothing changes, so
a second run is a no-op; the file is written atomically and only if its bytes have not changed
since they were read.
"""
from __future__ import annotations

import codecs
import difflib
import hashlib
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from .files import write_atomic
from .model import LivelintError, Violation
from .normalize import normalize

# Text formats whose lines and columns are the file's own; never containers (XLSX, DOCX).
FIXABLE = frozenset({".txt", ".text", ".md", ".markdown", ".csv", ".tsv", ".srt", ".vtt"})
MAX_PASSES = 10

_BOMS = ((codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
         (codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
         (codecs.BOM_UTF16_BE, "utf-16-be"))
_EOL = re.compile(r"\r\n|\r|\n")


@dataclass(frozen=True)
class Edit:
    start: int  # byte offsets into the raw file
    end: int
    replacement: bytes
    rule: str


@dataclass(frozen=True)
class FileFix:
    """What fixing did to one file: edits applied and the unified diff of the change."""

    path: str
    applied: int
    diff: str
    written: bool = True  # False for a --diff preview


def _codec(raw: bytes) -> tuple[int, str]:
    """(BOM length, codec) as the text reader decodes the same bytes."""
    for bom, codec in _BOMS:
        if raw.startswith(bom):
            return len(bom), codec
    try:
        raw.decode("utf-8")
        return 0, "utf-8"
    except UnicodeDecodeError:
        return 0, "gb18030"


def _wanted(v: Violation, unsafe: bool) -> bool:
    return (v.fix is not None and not v.suppressed and not v.baselined
            and (unsafe or v.fix.safety == "safe")
            and v.fix.end - v.fix.start == len(v.match)  # the fix rewrites exactly the match
            and normalize(v.match) == v.match)  # display-only spellings stay as written


def plan(path: str, raw: bytes, violations, unsafe: bool = False) -> list[Edit]:
    """Byte edits for the fixable findings, in file order, overlaps and mismatches dropped.

    A rule's fix rewrites exactly its match, so the finding's (line, column)–(end_line,
    end_column) locate the edit in the file; table and subtitle readers whose cells do not
    sit at those positions simply produce no edit, because the bytes there do not spell it.
    """
    if Path(path).suffix.lower() not in FIXABLE:
        return []
    bom, codec = _codec(raw)
    text = raw[bom:].decode(codec)
    starts = [0] + [m.end() for m in _EOL.finditer(text)]
    spans = []
    for v in violations:
        if not _wanted(v, unsafe) or v.line > len(starts) or v.end_line > len(starts):
            continue
        start = starts[v.line - 1] + v.column - 1
        end = starts[v.end_line - 1] + v.end_column - 1
        if _EOL.sub("\n", text[start:end]) == v.match:
            spans.append((start, end, v))
    edits, char, byte = [], 0, bom
    for start, end, v in sorted(spans, key=lambda s: (s[0], s[1])):
        if start < char:
            continue  # overlaps an earlier edit: the next pass sees it again
        before = text[char:start].encode(codec)
        old = text[start:end].encode(codec)
        if raw[byte:byte + len(before)] != before or \
                raw[byte + len(before):byte + len(before) + len(old)] != old:
            break  # the codec does not round-trip here: stop rather than guess
        begin = byte + len(before)
        edits.append(Edit(begin, begin + len(old), v.fix.replacement.encode(codec), v.rule))
        char, byte = end, begin + len(old)
    return edits


def apply(raw: bytes, edits: list[Edit]) -> bytes:
    """Splice the edits in; bytes outside them are copied untouched."""
    out, pos = [], 0
    for e in edits:
        out += [raw[pos:e.start], e.replacement]
        pos = e.end
    out.append(raw[pos:])
    return b"".join(out)


def fix_bytes(path: str, raw: bytes, result, lint: Callable[[bytes], object],
              unsafe: bool = False) -> tuple[bytes, object, int]:
    """Fix in memory until nothing changes: (new bytes, their FileReport, edits applied).

    ``result`` is the FileReport of ``raw``; ``lint`` re-checks edited bytes into a new one.
    """
    applied = 0
    for _ in range(MAX_PASSES):
        edits = plan(path, raw, result.violations, unsafe)
        if not edits:
            break
        raw = apply(raw, edits)
        applied += len(edits)
        result = lint(raw)
    return raw, result, applied


def fix_file(path: str, raw: bytes, result, lint: Callable[[bytes], object],
             unsafe: bool = False, write: bool = True):
    """Fix one file; return (report of the file as it now is, FileFix or None).

    With ``write`` the file is replaced atomically, and only when the bytes on disk still hash
    as they did when they were read; without it (a preview) the file and its report stay as is.
    """
    new, remaining, applied = fix_bytes(path, raw, result, lint, unsafe)
    if new == raw:
        return result, None
    fixed = FileFix(path, applied, _diff(path, raw, new), write)
    if not write:
        return result, fixed
    _write(path, raw, new)
    return remaining, fixed


def _write(path: str, original: bytes, new: bytes) -> None:
    target = os.path.realpath(path)  # a linked script is edited where it lives
    try:
        with open(target, "rb") as handle:
            on_disk = handle.read()
    except OSError as exc:
        raise LivelintError(f"cannot re-read file before fixing ({exc.strerror or exc})", path) from None
    if hashlib.sha256(on_disk).digest() != hashlib.sha256(original).digest():
        raise LivelintError("file changed since it was checked; fixes not written", path)
    try:
        write_atomic(target, new)
    except OSError as exc:
        raise LivelintError(f"cannot write fixes ({exc.strerror or exc})", path) from None


def _lines(text: str) -> list[str]:
    """Lines with their own ends, split exactly where the readers split them."""
    return [m.group() for m in re.finditer(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$", text)]


def _diff(path: str, old: bytes, new: bytes) -> str:
    bom, codec = _codec(old)
    name = Path(path).as_posix()
    lines = difflib.unified_diff(_lines(old[bom:].decode(codec)), _lines(new[bom:].decode(codec)),
                                 f"a/{name}", f"b/{name}")
    return "".join(line if line.endswith(("\n", "\r")) else line + "\n\\ No newline at end of file\n"
                   for line in lines)
