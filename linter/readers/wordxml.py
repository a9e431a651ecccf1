"""DOCX body → ("p", text, heading?) and ("t", rows) items, without python-docx on the common path.

python-docx opens a package by walking its relationship graph: every reachable part must exist and
have a content type, and the parts it models (document, styles, numbering, headers …) must parse.
The fast path checks the same and then reads only document.xml and the style names; a package
whose main parts are found another way than python-docx finds them falls back to it (ooxml.py).
The walk mirrors legacy.docx_items, python-docx's own, which the tests hold it to.
"""
from __future__ import annotations

import posixpath
import xml.etree.ElementTree as ET

from .ooxml import Package, Unsupported, fast_or_library, parses, plain, rels_name, unparsed

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
# not part of the paragraph's own text: tracked deletions, moved-away text, text boxes, duplicates
SKIP = {W + "del", W + "moveFrom", W + "txbxContent", W + "pPr", W + "rPr", _MC_FALLBACK}
CHARS = {W + "tab": "\t", W + "cr": "\n", W + "noBreakHyphen": "-"}
HEADING_STYLES = ("heading", "title", "subtitle", "标题", "副标题")

_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml."
DOCUMENT, STYLES = _CT + "document.main+xml", _CT + "styles+xml"
# content types python-docx parses when it opens a package
MODELLED = {DOCUMENT, STYLES, _CT + "comments+xml", _CT + "footer+xml", _CT + "header+xml",
            _CT + "numbering+xml", _CT + "settings+xml",
            "application/vnd.openxmlformats-package.core-properties+xml"}
_T, _BR, _TYPE = W + "t", W + "br", W + "type"
_STYLE_TYPES = ("paragraph", "character", "table", "numbering")  # python-docx fails on others


def items(path: str, raw: bytes) -> list[tuple]:
    """The body's items; LivelintError (via python-docx) on a damaged file."""
    from . import legacy

    return fast_or_library(read, legacy.docx_items, raw, path, "DOCX")


def read(raw: bytes) -> list[tuple]:
    """The fast path; raises one of ooxml.FALLBACK when python-docx must decide."""
    package = Package(raw)
    document, styles = _parts(package)
    root = ET.fromstring(plain(package.read(document)))
    body = root.find(W + "body")
    if root.tag != W + "document" or body is None:
        raise Unsupported("no w:document/w:body")
    names = package.memo(styles, style_names)  # a template's styles.xml: ~300 KB, the largest part
    out: list[tuple] = []
    _walk(body, names, out)
    return out


def _parts(package: Package) -> tuple[str, str]:
    """(document part, styles part), after the checks python-docx makes when it opens the package:
    every part reachable through relationships is read (a damaged one fails its CRC check), needs a
    content type, and parses if python-docx models it."""
    overrides, defaults = package.content_types()
    by_name = {name.lower(): kind for name, kind in overrides}
    by_ext = {ext.lower(): kind for ext, kind in defaults}
    reachable: dict[str, str] = {}  # part → content type, in python-docx's walk order
    related: dict[str, list] = {}

    def visit(source: str) -> None:
        rels = rels_name(source) if source else "_rels/.rels"
        related[source] = package.relationships(rels) if rels in package.names else []
        for _, _, target, external in related[source]:
            if external or target in reachable:
                continue
            package.zip.getinfo(target)  # KeyError: a missing part
            name = "/" + target.lower()
            reachable[target] = by_name[name] if name in by_name \
                else by_ext[posixpath.splitext(target)[1][1:].lower()]  # KeyError: no content type
            visit(target)

    visit("")
    document = _only(related[""], _REL + "officeDocument")
    styles = _only(related[document], _REL + "styles")
    if reachable[document] != DOCUMENT or reachable[styles] != STYLES:
        raise Unsupported("unusual document or styles content type")
    for part, kind in reachable.items():
        if part not in (document, styles):  # those two are read by the caller
            package.memo(part, parses if kind in MODELLED else unparsed)
    return document, styles


def _only(rels: list, kind: str) -> str:
    matching = [rel for rel in rels if rel[1] == kind]
    if len(matching) != 1 or matching[0][3]:
        raise Unsupported(f"not exactly one internal {kind.rsplit('/', 1)[1]} relationship")
    return matching[0][2]


def style_names(data: bytes) -> dict[str, str]:
    """Style id → name from styles.xml, as python-docx's ``{s.style_id: s.name}``."""
    root = ET.fromstring(plain(data))
    if root.tag != W + "styles":
        raise Unsupported("styles part is not w:styles")
    names = {}
    for style in root.iterfind(W + "style"):
        if style.get(W + "type") not in _STYLE_TYPES:
            raise Unsupported("unknown style type")
        name = style.find(W + "name")
        names[style.get(W + "styleId")] = "" if name is None else name.attrib[W + "val"]
    return names


def _walk(parent, names: dict, out: list) -> None:
    for child in parent:
        tag = child.tag
        if tag == W + "p":
            out.append(("p", paragraph_text(child), _is_heading(child, names)))
        elif tag == W + "tbl":
            rows = []
            for tr in child.iterfind(W + "tr"):
                row: list = []  # (grid column, columns spanned, text)
                for tc in tr.iterfind(W + "tc"):
                    text = "\n".join(paragraph_text(p) for p in tc.iterfind(W + "p"))
                    row.append((sum(c[1] for c in row), max(1, _grid_span(tc)), text))
                rows.append(row)
            out.append(("t", rows))
        elif tag == W + "sdt":
            content = child.find(W + "sdtContent")
            if content is not None:
                _walk(content, names, out)


def _grid_span(tc) -> int:
    props = tc.find(W + "tcPr")
    span = None if props is None else props.find(W + "gridSpan")
    return 1 if span is None else int(span.attrib[W + "val"])


def _is_heading(paragraph, names: dict) -> bool:
    props = paragraph.find(W + "pPr")
    if props is None:
        return False
    if props.find(W + "outlineLvl") is not None:
        return True
    style = props.find(W + "pStyle")
    if style is None:
        return False
    style = style.attrib[W + "val"]
    return bool(style) and names.get(style, style).strip().lower().startswith(HEADING_STYLES)


def paragraph_text(paragraph) -> str:
    """A paragraph's text as it will read once tracked changes are accepted (insertions in)."""
    out: list[str] = []
    _collect(paragraph, out.append)
    return "".join(out)


def _collect(element, emit) -> None:
    for child in element:
        tag = child.tag
        if tag == _T:
            emit(child.text or "")
        elif tag in SKIP:
            continue
        elif tag == _BR:
            emit("\n" if child.get(_TYPE) in (None, "textWrapping") else "")
        elif tag in CHARS:
            emit(CHARS[tag])
        elif len(child):
            _collect(child, emit)
