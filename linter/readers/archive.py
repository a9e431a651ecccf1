"""Office files (XLSX, DOCX) are zip archives: check the archive before a parser sees it.

Third-party parsers raise a zoo of exceptions on damaged input (BadZipFile, KeyError, XML
syntax errors, ValueError …). ``parsing`` turns any of them into one LivelintError naming the
file, so a truncated download is exit 2 with a clear line, never a traceback. Only the calls into
the parser are wrapped; our own code runs outside, so its bugs are not disguised as bad input.
"""
from __future__ import annotations

import io
import zipfile
from contextlib import contextmanager

from ..model import LivelintError

MAX_UNPACKED = 1024 * 1024 * 1024  # declared uncompressed size: refuse zip bombs


def check_zip(raw: bytes, path: str, kind: str, member: str) -> None:
    """Refuse empty, truncated, non-zip or wrong-kind files with a one-line error."""
    if not raw:
        raise LivelintError(f"empty file; expected a {kind} document", path)
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, OSError, ValueError, NotImplementedError):
        raise LivelintError(f"not a valid {kind} file (truncated, damaged or not a zip archive;"
                            f" old .xls/.doc files must be saved as .xlsx/.docx)", path) from None
    names = {info.filename for info in infos}
    if member not in names:
        raise LivelintError(f"not a {kind} file (the archive has no {member})", path)
    unpacked = sum(info.file_size for info in infos)
    if unpacked > MAX_UNPACKED:
        raise LivelintError(f"{kind} unpacks to {unpacked} bytes (limit {MAX_UNPACKED})", path)


@contextmanager
def parsing(path: str, kind: str):
    """Any exception from the wrapped parser calls becomes one LivelintError line."""
    try:
        yield
    except LivelintError:
        raise
    except Exception as exc:  # noqa: BLE001 -- untrusted input into third-party parsers
        detail = " ".join(str(exc).split())[:160]
        raise LivelintError(f"cannot read {kind} (damaged file: {type(exc).__name__}"
                            f"{': ' + detail if detail else ''})", path) from None
