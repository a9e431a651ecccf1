"""Bytes → text for plain-text formats: BOMs, UTF-8, GB18030, and line ends.

Windows editors in China still save GBK/GB18030; phones and ASR tools save UTF-8 or UTF-16.
Decoding is strict: a file that none of these explain is refused, never guessed with
replacement characters, because a garbled script cannot be reviewed.
"""
from __future__ import annotations

import codecs

from ..model import LivelintError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le", "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "utf-32"),
    (codecs.BOM_UTF8, "utf-8", "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16"),
)


def decode(raw: bytes, path: str) -> tuple[str, str]:
    """Return (text with "\\n" line ends, encoding name for the report)."""
    text = None
    encoding = "utf-8"
    for bom, codec, name in _BOMS:
        if raw.startswith(bom):
            try:
                text = raw[len(bom):].decode(codec)
            except UnicodeDecodeError as exc:
                raise LivelintError(f"invalid {name} at byte {exc.start + len(bom)}", path) from None
            encoding = name
            break
    if text is None:
        if b"\x00" in raw:
            raise LivelintError("binary file (contains NUL bytes); expected a text script", path)
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as utf8_error:
            try:
                text = raw.decode("gb18030")
                encoding = "gb18030"
            except UnicodeDecodeError:
                raise LivelintError(
                    f"cannot decode as UTF-8 (bad byte at {utf8_error.start}) or GB18030", path
                ) from None
    if "\x00" in text:
        raise LivelintError("binary file (contains NUL characters); expected a text script", path)
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text, encoding
