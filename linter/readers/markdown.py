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
    blocks = []
    fence = None
    in_comment = False
    for i in range(_front_matter_end(lines), len(lines)):
        line, number = lines[i], i + 1
        if fence:
            if line.strip().startswith(fence):
                fence = None
            continue
        if in_comment:
            blocks.append(Block(line, number, kind="comment"))
            in_comment = "-->" not in line
            continue
        fence_match = _FENCE.match(line)
        if fence_match:
            fence = fence_match.group(1)
            continue
        if not line.strip() or _REF_DEF.match(line):
            continue
        if _COMMENT_LINE.match(line):
            blocks.append(Block(line, number, kind="comment"))
            continue
        if line.lstrip().startswith("<!--") and "-->" not in line:
            blocks.append(Block(line, number, kind="comment"))
            in_comment = True
            continue
        kind = "header" if _HEADING.match(line) else "text"
        blocks.append(Block(line, number, kind=kind, masks=_masks(line)))
    return Document(path, "markdown", encoding, tuple(blocks))
