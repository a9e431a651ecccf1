"""Corpus writers, one per script format: suffix → function(lines) -> bytes.

Adding a format is adding one function and one registry entry. A format is used only when
livelint has a reader for it at run time (``linter.readers.REGISTRY``), so the benchmark picks
up new readers by itself and says which writers it skipped.
"""
from __future__ import annotations

import csv
import io
from typing import Callable


def _tagged(line) -> str:
    return f"{line.speaker}：{line.text}" if line.speaker else line.text


def plain(lines) -> str:
    """The script as a .txt: ``[20:05] 主播：…`` lines and ``【…】`` headers."""
    out = []
    for line in lines:
        if line.speaker is None:
            out.append(f"【{line.text}】")
        else:
            out.append(f"[{line.clock}] {_tagged(line)}")
    return "\n".join(out) + "\n"


def txt(lines) -> bytes:
    return plain(lines).encode("utf-8")


def md(lines) -> bytes:
    out = ["---", "title: 基准测试脚本", "---", ""]
    for line in lines:
        if line.speaker is None:
            out += ["", f"## {line.text}", ""]
        else:
            out.append(f"[{line.clock}] **{line.speaker}**：{line.text}")
            out.append("")
    return ("\n".join(out) + "\n").encode("utf-8")


def _rows(lines):
    return [(line.clock, line.speaker or "", line.text if line.speaker else f"【{line.text}】")
            for line in lines]


def csv_(lines) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(("时间", "说话人", "话术"))
    writer.writerows(_rows(lines))
    return buffer.getvalue().encode("utf-8")


def _cue_time(seconds: int, sep: str) -> str:
    return f"{seconds // 3600:02d}:{seconds // 60 % 60:02d}:{seconds % 60:02d}{sep}000"


def _cues(lines, sep: str):
    for i, line in enumerate(lines, start=1):
        start, end = line.seconds, line.seconds + 4
        yield i, f"{_cue_time(start, sep)} --> {_cue_time(end, sep)}", _tagged(line)


def srt(lines) -> bytes:
    out = [f"{i}\n{timing}\n{text}\n" for i, timing, text in _cues(lines, ",")]
    return "\n".join(out).encode("utf-8")


def vtt(lines) -> bytes:
    out = ["WEBVTT\n"] + [f"{timing}\n{text}\n" for _, timing, text in _cues(lines, ".")]
    return "\n".join(out).encode("utf-8")


def xlsx(lines) -> bytes:
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet("话术")
    sheet.append(("时间", "说话人", "话术"))
    for row in _rows(lines):
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def docx(lines) -> bytes:
    from docx import Document

    doc = Document()
    for line in lines:
        if line.speaker is None:
            doc.add_heading(line.text, level=2)
        else:
            doc.add_paragraph(f"[{line.clock}] {_tagged(line)}")
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


WRITERS: dict[str, Callable] = {
    ".txt": txt, ".md": md, ".csv": csv_, ".srt": srt, ".vtt": vtt, ".xlsx": xlsx, ".docx": docx,
}


def available(sample) -> tuple[tuple[str, ...], dict[str, str]]:
    """(formats livelint reads now, {skipped format: why}). Each candidate is probed with a
    written ``sample`` script, so a reader that rejects what we write is skipped, not fatal."""
    import tempfile
    from pathlib import Path

    from linter.readers import REGISTRY, read

    used, skipped = [], {}
    with tempfile.TemporaryDirectory() as tmp:
        for suffix, write in WRITERS.items():
            if suffix not in REGISTRY:
                skipped[suffix] = "no livelint reader yet"
                continue
            probe = Path(tmp) / f"probe{suffix}"
            probe.write_bytes(write(sample))
            try:
                blocks = read(str(probe)).blocks
            except Exception as exc:  # any failure only removes the format from the corpus
                skipped[suffix] = f"reader rejected the generated file ({exc})"
                continue
            if not blocks:
                skipped[suffix] = "reader found no text in the generated file"
                continue
            used.append(suffix)
    return tuple(used), skipped
