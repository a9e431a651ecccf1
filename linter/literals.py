"""Required literals of a regex: strings of which every match must contain at least one.

The built-in term rules carry ~170 regexes, each a full pass over every document (twice with
the squeezed view) — most of livelint's time, although most of them never match a given
script. When none of a pattern's required literals occurs in the text, the pattern cannot
match, so the matcher skips it: the result is the same, only cheaper.

The analysis is conservative: a small parser for the syntax the rule files use (groups,
alternation, classes, escapes, quantifiers, lookarounds, anchors); anything else (inline flags,
backreferences, POSIX or nested classes, …) means "no requirement", i.e. always run.
"""
from __future__ import annotations

from dataclasses import dataclass

_LIMIT = 256  # most strings an exact set may hold before it is given up
_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "f": "\f", "v": "\v", "a": "\a"}
_HEX = {"x": 2, "u": 4, "U": 8}


class _Unsupported(Exception):
    pass


@dataclass(frozen=True)
class _Node:
    exact: frozenset | None  # every string the node can match, when that set is small
    need: frozenset | None  # every match contains one of these (None: no requirement)


_ANY = _Node(None, None)
_EMPTY = _Node(frozenset({""}), None)


def _literal(ch: str) -> _Node:
    return _Node(frozenset({ch}), frozenset({ch}))


_KNOWN: dict[str, frozenset | None] = {}  # pattern -> requirement (usercache.py keeps it across runs)
_LEARNED: set[str] = set()  # patterns analysed by this process


def required(pattern: str) -> frozenset | None:
    """Strings of which any match of ``pattern`` contains one, or None if not known."""
    if pattern not in _KNOWN:
        _KNOWN[pattern] = _analyse(pattern)
        _LEARNED.add(pattern)
    return _KNOWN[pattern]


def remember(known: dict[str, frozenset | None]) -> None:
    """Requirements worked out by an earlier run: the analysis costs ~0.15 ms a pattern, and
    start-up would otherwise pay it for every built-in regex and claim kind (~40 ms)."""
    _KNOWN.update(known)


def learned() -> dict[str, frozenset | None]:
    """Every requirement known, if this process analysed any pattern itself; else empty."""
    return dict(_KNOWN) if _LEARNED else {}


def _analyse(pattern: str) -> frozenset | None:
    try:
        parser = _Parser(pattern)
        node = parser.alternation()
        if parser.pos != len(pattern):
            return None
    except (_Unsupported, IndexError, ValueError):
        return None
    need = node.need
    return need if need and "" not in need else None


def _best(candidates) -> frozenset | None:
    """The most selective requirement: longest shortest string, then fewest strings."""
    usable = [c for c in candidates if c and "" not in c]
    return max(usable, key=lambda c: (min(map(len, c)), -len(c)), default=None)


def _product(a: frozenset, b: frozenset) -> frozenset | None:
    if len(a) * len(b) > _LIMIT:
        return None
    return frozenset(x + y for x in a for y in b)


class _Parser:
    def __init__(self, text: str):
        self.text, self.pos = text, 0

    def peek(self) -> str:
        return self.text[self.pos] if self.pos < len(self.text) else ""

    def take(self) -> str:
        ch = self.text[self.pos]
        self.pos += 1
        return ch

    def alternation(self) -> _Node:
        branches = [self.sequence()]
        while self.peek() == "|":
            self.pos += 1
            branches.append(self.sequence())
        exact = None
        if all(b.exact is not None for b in branches):
            exact = frozenset().union(*(b.exact for b in branches))
            exact = exact if len(exact) <= _LIMIT else None
        needs = [b.need for b in branches]
        need = None if any(n is None for n in needs) else frozenset().union(*needs)
        return _Node(exact, need)

    def sequence(self) -> _Node:
        candidates, run, whole = [], frozenset({""}), True
        while self.peek() not in ("", "|", ")"):
            node = self.quantified(self.atom())
            joined = _product(run, node.exact) if node.exact is not None else None
            if joined is not None:
                run = joined
            else:  # the run of exactly known strings ends here
                candidates.append(run)
                run, whole = (node.exact if node.exact is not None else frozenset({""})), False
            candidates.append(node.need)
        candidates.append(run)
        return _Node(run if whole else None, _best(candidates))

    def quantified(self, node: _Node) -> _Node:
        ch = self.peek()
        if ch in ("*", "+", "?"):
            self.pos += 1
            low, high = {"*": (0, None), "+": (1, None), "?": (0, 1)}[ch]
        elif ch == "{":
            end = self.text.index("}", self.pos)
            body = self.text[self.pos + 1:end]
            low_text, comma, high_text = body.partition(",")
            if not (low_text or high_text) or not all(p.isdigit() for p in (low_text, high_text) if p):
                raise _Unsupported(body)  # a "{" that is not a quantifier
            self.pos = end + 1
            low = int(low_text or 0)
            high = (int(high_text) if high_text else None) if comma else low
        else:
            return node
        if self.peek() in ("?", "+"):  # lazy or possessive: the same strings can match
            self.pos += 1
        if low == 0:
            exact = node.exact | {""} if high == 1 and node.exact is not None else None
            return _Node(exact, None)
        return _Node(node.exact if low == high == 1 else None, node.need)

    def atom(self) -> _Node:
        ch = self.take()
        if ch == "(":
            return self.group()
        if ch == "[":
            self.charclass()
            return _ANY
        if ch == "\\":
            return self.escape()
        if ch == ".":
            return _ANY
        if ch in "^$":
            return _EMPTY
        if ch in "*+?{":
            raise _Unsupported(ch)
        return _literal(ch)

    def group(self) -> _Node:
        lookaround = False
        if self.peek() == "?":
            self.pos += 1
            kind = self.take()
            if kind in "=!":
                lookaround = True
            elif kind == "<" and self.peek() in "=!":
                self.pos += 1
                lookaround = True
            elif kind == "P" and self.peek() == "<":
                self.pos = self.text.index(">", self.pos) + 1
            elif kind != ":":
                raise _Unsupported("(?" + kind)  # inline flags, atomic groups, conditionals …
        node = self.alternation()
        if self.take() != ")":
            raise _Unsupported(")")
        return _EMPTY if lookaround else node

    def charclass(self) -> None:
        """Skip a class; any "[" inside (nested or POSIX class) is not analysed."""
        if self.peek() == "^":
            self.pos += 1
        if self.peek() == "]":
            self.pos += 1
        while (ch := self.take()) != "]":
            if ch == "[":
                raise _Unsupported("[")
            if ch == "\\":
                self.take()

    def escape(self) -> _Node:
        ch = self.take()
        if ch in "dDsSwW":
            return _ANY
        if ch in "bBAZ":
            return _EMPTY
        if ch in "pP":
            if self.peek() == "{":
                self.pos = self.text.index("}", self.pos) + 1
            else:
                self.take()
            return _ANY
        if ch in _ESCAPES:
            return _literal(_ESCAPES[ch])
        if ch in _HEX:
            digits = self.text[self.pos:self.pos + _HEX[ch]]
            if len(digits) != _HEX[ch]:
                raise _Unsupported(ch)
            self.pos += _HEX[ch]
            return _literal(chr(int(digits, 16)))
        if ch.isalnum() or ch == "_":
            raise _Unsupported("\\" + ch)  # backreferences, \N{…}, \G, \K, \X …
        return _literal(ch)
