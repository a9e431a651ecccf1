"""OOXML plumbing for the fast XLSX/DOCX readers: zip parts, relationships, content types.

openpyxl and python-docx load every part of a package into object graphs; reading a script needs a
handful of parts, parsed by the standard library's expat (C) straight into ElementTree. The fast
readers promise the libraries' exact result: a shape they do not reproduce exactly raises
``Unsupported`` and the caller re-reads that file with the library (legacy.py), so an odd file costs
time, never a different answer. The libraries parse metadata parts with libxml2, so those parts must
be ``plain``: UTF-8 without DTDs, comments or processing instructions, where the two parsers agree.
"""
from __future__ import annotations

import io
import posixpath
import re
import zipfile
import zlib
import xml.etree.ElementTree as ET

from .archive import parsing


class Unsupported(Exception):
    """The fast path cannot promise the library's exact result for this file."""


# Bad or unusual input seen by a fast reader: re-read with the library, which has the last word
# (its result, or its one-line error). Programming errors (TypeError, AttributeError) are not here.
FALLBACK = (Unsupported, ET.ParseError, zipfile.BadZipFile, KeyError, ValueError, IndexError,
            OverflowError, EOFError, zlib.error, OSError, UnicodeError, RecursionError,
            NotImplementedError)

_RELATIONSHIP = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_DECLARATION = re.compile(rb"<\?xml\s[^>]*>")
_ENCODING = re.compile(rb"encoding\s*=\s*[\"']([^\"']*)[\"']")
_MARKUP = re.compile(rb"<[!?]")


def local(tag: str) -> str:
    """A tag without its namespace, as openpyxl's ``localname``."""
    return tag.rpartition("}")[2]


def plain(data: bytes) -> bytes:
    """``data`` when expat and libxml2 read it identically, else Unsupported."""
    if data[:2] in (b"\xff\xfe", b"\xfe\xff") or b"\x00" in data[:4]:
        raise Unsupported("UTF-16/32 XML")
    body = data[3:] if data.startswith(b"\xef\xbb\xbf") else data
    declaration = _DECLARATION.match(body)
    if declaration:
        encoding = _ENCODING.search(declaration.group())
        if encoding and encoding.group(1).lower() not in (b"utf-8", b"utf8"):
            raise Unsupported("XML not in UTF-8")
    if _MARKUP.search(body, declaration.end() if declaration else 0):
        raise Unsupported("DTD, comment, CDATA or processing instruction")
    return data


def fast_or_library(fast, library, raw: bytes, path: str, kind: str):
    """``fast(raw)``, or the library's reading (and its one-line error) when the fast path declines."""
    try:
        return fast(raw)
    except FALLBACK:
        pass
    with parsing(path, kind):
        return library(raw)


_MEMO: dict[tuple, object] = {}


def unparsed(data: bytes) -> None:
    """A part the library only reads (its CRC is checked), for ``Package.memo``."""


def parses(data: bytes) -> None:
    """A part the library parses with libxml2, for ``Package.memo``."""
    ET.fromstring(plain(data))


class Package:
    """A zip package: members by name, XML parts as ElementTree roots."""

    def __init__(self, raw: bytes):
        self.raw = raw
        self.zip = zipfile.ZipFile(io.BytesIO(raw))
        self.names = set(self.zip.namelist())

    def record(self, name: str) -> tuple:
        """What reading a member depends on: the central-directory facts and, from the local
        header, what zipfile checks (signature, flags, name) plus the compressed bytes. Equal records
        read back to equal bytes or fail alike, so a parse can be cached by record; the header's
        timestamp is left out, so the same template part saved at another time still matches."""
        info = self.zip.getinfo(name)
        at = info.header_offset
        header = self.raw[at:at + 30]
        if len(header) < 30:
            raise zipfile.BadZipFile("truncated local header")
        name_length = int.from_bytes(header[26:28], "little")
        start = at + 30 + name_length + int.from_bytes(header[28:30], "little")
        return (name, info.compress_type, info.flag_bits, info.CRC, info.file_size, info.compress_size,
                header[:4], header[6:8], self.raw[at + 30:at + 30 + name_length],
                self.raw[start:start + info.compress_size])

    def read(self, name: str) -> bytes:
        return self.zip.read(name)

    def memo(self, name: str, parse):
        """``parse(member bytes)``, once per distinct record: documents made from one template
        share most parts (styles, theme, settings …) byte for byte. ``parse`` must be a pure
        module-level function and its result must not be mutated."""
        key = (parse, self.record(name))
        if key in _MEMO:
            return _MEMO[key]
        value = parse(self.read(name))
        if len(_MEMO) >= 128:
            _MEMO.clear()
        _MEMO[key] = value
        return value

    def xml(self, name: str) -> ET.Element:
        """A metadata part the library parses with libxml2."""
        return ET.fromstring(plain(self.read(name)))

    def content_types(self) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
        """[Content_Types].xml: ([(part name, type)] overrides, [(extension, type)] defaults)."""
        overrides, defaults = [], []
        for child in self.xml("[Content_Types].xml"):
            kind = local(child.tag)
            if kind == "Override":
                overrides.append((child.attrib["PartName"], child.attrib["ContentType"]))
            elif kind == "Default":
                defaults.append((child.attrib["Extension"], child.attrib["ContentType"]))
            else:
                raise Unsupported(f"[Content_Types].xml: {kind}")
        return overrides, defaults

    def relationships(self, rels: str) -> list[tuple[str, str, str, bool]]:
        """(id, type, target part name without the leading slash, external?) of a .rels part.

        Targets resolve against the folder that holds the ``_rels`` folder, as both libraries do.
        """
        base = posixpath.dirname(posixpath.dirname(rels))
        out = []
        for child in self.xml(rels):
            attrs = child.attrib
            if child.tag != _RELATIONSHIP or not {"Id", "Type", "Target"} <= set(attrs) \
                    or set(attrs) - {"Id", "Type", "Target", "TargetMode"}:
                raise Unsupported(f"{rels}: unusual relationship")
            target, external = attrs["Target"], attrs.get("TargetMode") == "External"
            if not external:
                target = target[1:] if target.startswith("/") else \
                    posixpath.normpath(posixpath.join(base, target))
                if target.startswith("..") or target.startswith("/"):
                    raise Unsupported(f"{rels}: target outside the package")
            out.append((attrs["Id"], attrs["Type"], target, external))
        if len({rel[0] for rel in out}) != len(out):
            raise Unsupported(f"{rels}: duplicate relationship ids")
        return out


def rels_name(part: str) -> str:
    """The .rels member of a part: ``xl/workbook.xml`` → ``xl/_rels/workbook.xml.rels``."""
    folder, name = posixpath.split(part)
    return posixpath.join(folder, "_rels", name + ".rels")
