"""Markdown scripts: prose is linted; front matter, code, link targets and comments are not.

Masked spans stay in the block (so columns stay true) and are blanked in the matching view.
HTML comments on a line of their own become comment blocks, which carry suppressions.
"""
from __future__ import annotations

import re

from ..model import Block, Document
from .decode import decode

_FENCE = re.compile(r"^\s{0,3}(`{3,}|~{3,})")
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s")
_REF_DEF = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*\S")
# Inline spans that are not prose: an opener and the first closer after it. Scanned by hand
# rather than with one regex, because a regex retries every unclosed opener up to the end of
# the line, which is quadratic on a long line full of "](" or "<a".
_OPENERS = re.compile(
    r"<!--"                  # inline HTML comment, up to -->
    r"|\]\("                 # link / image target: ](url "title"), up to )
    r"|<(?:https?|mailto):"  # autolink, up to >
    r"|`"                    # inline code, up to the next backtick
    r"|</?[A-Za-z]"          # inline HTML tag, up to >
)
_CLOSERS = {"<!--": "-->", "](": ")", "`": "`"}  # every other opener closes at ">"
_COMMENT_LINE = re.compile(r"^\s*<!--(.*?)-->\s*$")


def _masks(line: str) -> tuple[tuple[int, int], ...]:
    if "<" not in line and "`" not in line and "](" not in line:  # no opener: most prose lines
        return ()
    spans = []
    last = {closer: line.rfind(closer) for closer in ("-->", ")", "`", ">")}
    pos = 0
    while True:
        m = _OPENERS.search(line, pos)
        if m is None:
            return tuple(spans)
        closer = _CLOSERS.get(m.group(), ">")
        if last[closer] < m.end():  # unclosed: O(1) instead of a scan to the end of the line
            pos = m.start() + 1
            continue
        end = line.find(closer, m.end()) + len(closer)
        spans.append((m.start() + 1 if m.group() == "](" else m.start(), end))
        pos = end


def _front_matter_end(lines: list[str]) -> int:
    if not lines or lines[0].strip() != "---":
        return 0
    for i in range(1, len(lines)):
        if lines[i].strip() in ("---", "..."):
            return i + 1
    return 0


def read(path: str, raw: bytes) -> Document:
    text, encoding = decode(raw, path)
    lines = text.split("\n")
    make = Block.make
    blocks = []
    append = blocks.append
    fence = None
    in_comment = False
    # Each regex below needs a fixed substring to match; testing for it first (in C) spares
    # the plain prose lines, which are most lines, every regex call.
    for i in range(_front_matter_end(lines), len(lines)):
        line = lines[i]
        if fence:
            if line.strip().startswith(fence):
                fence = None
            continue
        if in_comment:
            append(make(line, i + 1, 1, "comment"))
            in_comment = "-->" not in line
            continue
        if "```" in line or "~~~" in line:
            fence_match = _FENCE.match(line)
            if fence_match:
                fence = fence_match.group(1)
                continue
        if not line or line.isspace() or ("]:" in line and _REF_DEF.match(line)):
            continue
        if "<!--" in line:
            if _COMMENT_LINE.match(line):
                append(make(line, i + 1, 1, "comment"))
                continue
            if line.lstrip().startswith("<!--") and "-->" not in line:
                append(make(line, i + 1, 1, "comment"))
                in_comment = True
                continue
        kind = "header" if "#" in line and _HEADING.match(line) else "text"
        append(make(line, i + 1, 1, kind, None, None, None, None, None, _masks(line)))
    return Document(path, "markdown", encoding, tuple(blocks))
