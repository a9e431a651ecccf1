"""The floor: the raw C-level building blocks on the same text, with no rule logic.

Per file: read and decode, width fold (``str.translate`` with a dense list table), OpenCC t2s,
one Aho-Corasick pass over the same terms, then the claim regexes: livelint's own claim
patterns (``CLAIMS``, a JSON list written by the runner), each one ``finditer`` pass over the
text. ``--minimal`` runs instead the three-kind regex below (prices, times, quantities), the
floor's first definition, kept for comparison. Run as its own process
(``python -m benchmarks.floor [--minimal] TERMS CLAIMS FILE…``) so that it pays start-up like
livelint does; whatever livelint costs above this is its own logic.
"""
from __future__ import annotations

import json
import sys

MINIMAL = (r"(?P<price>(?:到手价|原价|划线价|价格是?)\s*\d+(?:\.\d+)?\s*元?|\d+(?:\.\d+)?\s*元)"
          r"|(?P<time>\d{1,2}\s*[:：]\s*\d{2}|\d{1,2}\s*点(?:\s*\d{1,2}\s*分)?)"
          r"|(?P<qty>(?:最后|仅剩|只剩|还剩)?\s*\d+(?:\.\d+)?\s*(?:万|千|百)?\s*(?:件|单|份|盒|瓶|分钟|秒))")


def fold_table() -> list[int]:
    table = list(range(0x10000))
    for code in range(0xFF01, 0xFF5F):
        table[code] = code - 0xFEE0
    table[0x3000] = 0x20
    for code in range(ord("A"), ord("Z") + 1):
        table[code] = code + 32
    for code in range(0xFF21, 0xFF3B):
        table[code] = code - 0xFEE0 + 32
    return table


def main(argv: list[str]) -> int:
    import ahocorasick_rs as ac
    import opencc
    import regex

    minimal = argv[:1] == ["--minimal"]
    terms_file, claims_file, paths = argv[minimal], argv[minimal + 1], argv[minimal + 2:]
    with open(terms_file, encoding="utf-8") as handle:
        terms = [t for t in handle.read().split("\n") if t]
    with open(claims_file, encoding="utf-8") as handle:
        patterns = [MINIMAL] if minimal else json.load(handle)
    automaton = ac.AhoCorasick(terms)
    claims = [regex.compile(p) for p in patterns]
    table = fold_table()
    t2s = opencc.OpenCC("t2s")
    hits = 0
    for path in paths:
        with open(path, "rb") as handle:
            text = handle.read().decode("utf-8")
        view = t2s.convert(text).translate(table)
        hits += len(automaton.find_matches_as_indexes(view, overlapping=True))
        hits += sum(1 for pattern in claims for _ in pattern.finditer(view))
    sys.stdout.write(f"{hits}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
