"""Safe YAML loading for manifests, rules and laws, with a line for every key path.

Only the safe loader is used, anchors/aliases are refused (no alias bombs, and shared files never
need them), duplicate keys are errors, and every mapping key and sequence item records its line
so validation errors can say ``file:line: key.path: problem``.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .model import LivelintError

KeyPath = tuple  # of str | int
MAX_BYTES = 16 * 1024 * 1024  # hand-written data; pure-Python YAML parses ~0.2 MB/s: minutes at most


@lru_cache(maxsize=1)
def _loader():
    """The loader class, built on the first parse: importing yaml costs ~14 ms, and a run whose
    manifest comes from the cache (usercache.load_yaml) parses no YAML at all."""
    import yaml

    class _Loader(yaml.SafeLoader):
        pass

    compose_node = yaml.composer.Composer.compose_node

    def _no_alias(loader, *args, **kwargs):
        event = loader.peek_event()
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            raise yaml.constructor.ConstructorError(
                None, None, "anchors and aliases are not allowed", event.start_mark)
        return compose_node(loader, *args, **kwargs)

    def _timestamp_as_text(loader, node):
        return loader.construct_scalar(node)

    _Loader.compose_node = _no_alias  # type: ignore[assignment]
    # Dates stay strings: the manifest validator parses them itself so that a timezone-less
    # datetime or a bad date can be reported with its key path instead of silently coerced.
    _Loader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp_as_text)
    return _Loader


@dataclass(frozen=True)
class Loaded:
    data: object
    lines: dict  # KeyPath -> 1-based line
    path: str

    def line(self, key: KeyPath) -> int | None:
        while key:
            if key in self.lines:
                return self.lines[key]
            key = key[:-1]
        return self.lines.get((), None)

    def error(self, key: KeyPath, message: str) -> LivelintError:
        return LivelintError(message, self.path, self.line(key), format_key(key) or None)


def format_key(key: KeyPath) -> str:
    out = ""
    for part in key:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


def _walk(node, key: KeyPath, lines: dict):
    import yaml  # already imported by the parse this walks

    lines[key] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        seen: dict = {}
        out = {}
        for k_node, v_node in node.value:
            if not isinstance(k_node, yaml.ScalarNode):
                raise LivelintError("mapping keys must be plain scalars", None,
                                    k_node.start_mark.line + 1, format_key(key) or None)
            k = k_node.value
            if k in seen:
                raise LivelintError(f"duplicate key (first at line {seen[k]})", None,
                                    k_node.start_mark.line + 1, format_key(key + (k,)))
            seen[k] = k_node.start_mark.line + 1
            out[k] = _walk(v_node, key + (k,), lines)
            lines[key + (k,)] = k_node.start_mark.line + 1
        return out
    if isinstance(node, yaml.SequenceNode):
        return [_walk(item, key + (i,), lines) for i, item in enumerate(node.value)]
    return None  # scalars are constructed by the loader below


def loads(text: str, path: str) -> Loaded:
    """Parse YAML text; raise LivelintError with file and line on any problem."""
    import yaml

    try:
        loader = _loader()(text)
        try:
            node = loader.get_single_node()
            data = loader.construct_document(node) if node is not None else None
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        raise LivelintError(f"YAML error: {exc.problem or exc.context}", path, line) from None
    except yaml.reader.ReaderError as exc:  # a control character; its text spans lines
        line = text.count("\n", 0, exc.position) + 1
        raise LivelintError(f"YAML error: character {chr(exc.character)!r} is not allowed", path,
                            line) from None
    except yaml.YAMLError as exc:
        raise LivelintError("YAML error: " + " ".join(str(exc).split()), path) from None
    except RecursionError:
        raise LivelintError("YAML nesting too deep", path) from None
    except ValueError as exc:  # e.g. an integer beyond Python's 4300-digit conversion limit
        raise LivelintError("YAML error: " + " ".join(str(exc).split()), path) from None
    lines: dict = {}
    if node is not None:
        try:
            _walk(node, (), lines)
        except LivelintError as exc:
            exc.path = path
            raise LivelintError(exc.message, path, exc.line, exc.key) from None
    return Loaded(data, lines, path)


def _special(p: Path) -> bool:
    """A FIFO would block the run forever, a device never end."""
    return p.is_fifo() or p.is_char_device() or p.is_block_device() or p.is_socket()


def load(path: str | Path, cached: bool = False) -> Loaded:
    """Read and parse a YAML file; ``cached``: served from the user cache when this code has
    parsed the same text before (usercache.load_yaml), for the files every run reads."""
    p = Path(path)
    if _special(p):
        raise LivelintError("not a regular file (FIFO, socket or device)", str(path))
    try:
        size = p.stat().st_size
        if size > MAX_BYTES:
            raise LivelintError(f"file too large ({size} bytes; limit {MAX_BYTES})", str(path))
        raw = p.read_bytes()
    except OSError as exc:
        raise LivelintError(f"cannot read file ({exc.strerror or exc})", str(path)) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise LivelintError(f"not valid UTF-8 (byte {exc.start})", str(path)) from None
    if cached:
        from .usercache import load_yaml

        return load_yaml(text, str(path))
    return loads(text, str(path))
