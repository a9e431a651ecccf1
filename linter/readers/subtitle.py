"""SRT and WebVTT transcripts: every cue text line is a block at its physical line.

The cue start is the time context, as an offset from ``session.start`` (``+HH:MM:SS``), because
a recording's clock starts when the stream does. Speaker tags in the text (主播：…) are found by
the segmenter; a VTT voice span ``<v 主播>`` names the speaker of the rest of its cue. Markup —
``<i>``, ``<b>``, ``<v …>``, ``<c.x>``, timestamps, ASS overrides like ``{\\an8}``, entities — is
masked, not removed, so columns stay true to the file. VTT ``NOTE`` blocks are comments and
carry suppression directives for the next cue line; STYLE and REGION blocks are skipped. Damaged
files are read leniently: a text line outside any cue is still linted, without a time.
"""
from __future__ import annotations

from pathlib import Path

import regex

from ..model import Block, Document
from .decode import decode

_TIMING = regex.compile(r"\s*(?:(?P<h>\d{1,5}):)?(?P<m>\d{1,2}):(?P<s>\d{2})(?:[,.]\d{1,3})?\s*-->")
_MARKUP = regex.compile(r"<[^<>\n]*>|\{\\[^{}\n]*\}|&(?:amp|lt|gt|nbsp|lrm|rlm|#\d{1,6});")
_VOICE = regex.compile(r"<v(?:\.[^\s>]*)?[ \t]+(?P<name>[^<>\n]+?)\s*>")
_NOTE = regex.compile(r"NOTE(?:\s|$)")
_SKIPPED = regex.compile(r"(?:STYLE|REGION)\s*$")


def _timing(line: str) -> regex.Match | None:
    """The cue timing line's match; the substring test spares most lines a regex call."""
    return _TIMING.match(line) if "-->" in line else None


def _masks(line: str) -> tuple[tuple[int, int], ...]:
    if "<" not in line and "{" not in line and "&" not in line:  # no markup possible
        return ()
    return tuple(m.span() for m in _MARKUP.finditer(line))


def _offset(m: regex.Match) -> str:
    seconds = int(m.group("h") or 0) * 3600 + int(m.group("m")) * 60 + int(m.group("s"))
    return f"+{seconds // 3600:02d}:{seconds % 3600 // 60:02d}:{seconds % 60:02d}"


def read(path: str, raw: bytes) -> Document:
    text, encoding = decode(raw, path)
    vtt = Path(path).suffix.lower() == ".vtt"
    lines = text.split("\n")
    blocks: list[Block] = []
    start = 0
    if vtt and lines and lines[0].startswith("WEBVTT"):
        while start < len(lines) and lines[start].strip() and not _timing(lines[start]):
            start += 1  # the header block (a cue right after it, without a blank line, is kept)
    time = voice = None
    fresh = True  # at the start of a blank-line separated block
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
        timing = _timing(line)
        if fresh and vtt and not timing:
            if _NOTE.match(line):
                noting = True
                blocks.append(Block(line, number, kind="comment"))
                fresh = False
                continue
            if _SKIPPED.match(line):
                skipping = True
                continue
        identifier = (not timing and index + 1 < len(lines) and _timing(lines[index + 1])
                      and (fresh or line.strip().isdigit()))
        fresh = False
        if identifier:
            continue
        if timing:
            time, voice = _offset(timing), None
            continue
        found = _VOICE.search(line) if "<v" in line else None
        if found:
            voice = found.group("name").strip()
        blocks.append(Block(line, number, speaker=voice, time=time, masks=_masks(line)))
    return Document(path, "vtt" if vtt else "srt", encoding, tuple(blocks))
