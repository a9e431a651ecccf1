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

import re
from pathlib import Path

import regex

from ..model import Block, Document
from .decode import decode

_TIMING = regex.compile(r"\s*(?:(?P<h>\d{1,5}):)?(?P<m>\d{1,2}):(?P<s>\d{2})(?:[,.]\d{1,3})?\s*-->")
# The usual timing line, ``HH:MM:SS,mmm -->`` in ASCII digits with minutes and seconds under 60.
# _TIMING's first (greedy) try matches such a line, taking the same digits as h, m and s, and
# the offset needs no carrying: it is the line's own first eight characters, without a regex.
_CANONICAL = re.compile(r"[0-9]{2}:[0-5][0-9]:[0-5][0-9][,.][0-9]{3} -->")
_MARKUP = regex.compile(r"<[^<>\n]*>|\{\\[^{}\n]*\}|&(?:amp|lt|gt|nbsp|lrm|rlm|#\d{1,6});")
_VOICE = regex.compile(r"<v(?:\.[^\s>]*)?[ \t]+(?P<name>[^<>\n]+?)\s*>")
_NOTE = regex.compile(r"NOTE(?:\s|$)")
_SKIPPED = regex.compile(r"(?:STYLE|REGION)\s*$")


def _masks(line: str) -> tuple[tuple[int, int], ...]:
    if "<" not in line and "{" not in line and "&" not in line:  # no markup possible
        return ()
    return tuple(m.span() for m in _MARKUP.finditer(line))


def _cue_time(line: str) -> str | None:
    """The offset a cue timing line starts at, None when ``line`` is not one."""
    if _CANONICAL.match(line):
        return "+" + line[:8]
    m = _TIMING.match(line)
    if m is None:
        return None
    hours, minutes, seconds = m.group("h", "m", "s")
    seconds = int(hours or 0) * 3600 + int(minutes) * 60 + int(seconds)
    return f"+{seconds // 3600:02d}:{seconds % 3600 // 60:02d}:{seconds % 60:02d}"


def read(path: str, raw: bytes) -> Document:
    text, encoding = decode(raw, path)
    vtt = Path(path).suffix.lower() == ".vtt"
    lines = text.split("\n")
    # Every line's cue time (None: not a timing line), found once: a line is also looked at as
    # the line after an identifier. The substring test spares most lines a regex call. The
    # trailing None stands for the line after the last one.
    timings = [_cue_time(line) if "-->" in line else None for line in lines]
    timings.append(None)
    make = Block.make
    blocks: list[Block] = []
    append = blocks.append
    start = 0
    if vtt and lines and lines[0].startswith("WEBVTT"):
        while start < len(lines) and lines[start].strip() and not timings[start]:
            start += 1  # the header block (a cue right after it, without a blank line, is kept)
    time = voice = None
    fresh = True  # at the start of a blank-line separated block
    skipping = noting = False
    for index in range(start, len(lines)):
        line = lines[index]
        if not line or line.isspace():
            fresh, skipping, noting = True, False, False
            continue
        if skipping:
            continue
        if noting:
            append(make(line, index + 1, 1, "comment"))
            continue
        timing = timings[index]
        if timing:
            fresh = False
            time, voice = timing, None
            continue
        if fresh and vtt:
            if line.startswith("NOTE") and _NOTE.match(line):
                noting = True
                append(make(line, index + 1, 1, "comment"))
                fresh = False
                continue
            if line.startswith(("STYLE", "REGION")) and _SKIPPED.match(line):
                skipping = True
                continue
        if timings[index + 1] and (fresh or line.strip().isdigit()):
            fresh = False
            continue  # a cue identifier
        fresh = False
        if "<v" in line:
            found = _VOICE.search(line)
            if found:
                voice = found.group("name").strip()
        append(make(line, index + 1, 1, "text", voice, time, None, None, None, _masks(line)))
    return Document(path, "vtt" if vtt else "srt", encoding, tuple(blocks))
