"""Find literal strings one of which every match of a regex must contain (no Django).

The detector tests these with `in` (fast, in C) before running a rule's regex, so that most
rules never run on a note that cannot match them.
"""

from __future__ import annotations

import re
from re import _constants as sc  # type: ignore[attr-defined]
from re import _parser as sp  # type: ignore[attr-defined]
from typing import Any

MIN_LENGTH = 3


def _required(items: Any) -> set[str] | None:
    """Return strings one of which appears in every match of `items`, or None if unknown."""
    candidates: list[set[str]] = []
    run: list[str] = []

    def flush() -> None:
        if run:
            candidates.append({"".join(run)})
            run.clear()

    for op, av in items:
        if op is sc.LITERAL:
            run.append(chr(av))
            continue
        if op is sc.AT:  # \b and anchors take no room; a literal run goes on across them
            continue
        flush()
        found: set[str] | None = None
        if op is sc.SUBPATTERN:
            found = _required(av[-1])
        elif op is sc.BRANCH:
            branches = [_required(branch) for branch in av[1]]
            if all(branch is not None for branch in branches):
                found = set().union(*branches)  # type: ignore[arg-type]
        elif op in (sc.MAX_REPEAT, sc.MIN_REPEAT) and av[0] >= 1:
            found = _required(av[2])
        if found:
            candidates.append(found)
    flush()
    usable = [_minimal(c) for c in candidates if c and min(len(s) for s in c) >= MIN_LENGTH]
    if not usable:
        return None
    # The cheapest test has the fewest strings; among those, the longest (rarest) ones.
    return min(
        usable, key=lambda c: (len(c) if min(map(len, c)) >= 4 else 100 + len(c), -min(map(len, c)))
    )


def _minimal(strings: set[str]) -> set[str]:
    """Drop strings that contain another one of the set: finding the shorter one is enough."""
    stripped = {s.strip() or s for s in strings}
    return {s for s in stripped if not any(o != s and o in s for o in stripped)}


def required_literals(pattern: str) -> set[str] | None:
    """Return strings one of which every match of `pattern` contains, or None if unknown."""
    return _required(sp.parse(pattern))


def _trie_pattern(words: list[str]) -> str:
    root: dict[str, Any] = {}
    for word in words:
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[""] = True

    def build(node: dict[str, Any]) -> str:
        branches = [re.escape(char) + build(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return build(root)


class LiteralFinder:
    """Tell which of many literal strings occur in a text, in one regex pass.

    A trie-shaped pattern reports, at every position, the longest literal starting there;
    the literals it contains (shorter ones, at any offset) are then present as well.
    """

    def __init__(self, literals: set[str]) -> None:
        ordered = sorted(literals)
        self._pattern = re.compile("(?=(" + _trie_pattern(ordered) + "))") if ordered else None
        self._contains = {a: frozenset(b for b in ordered if b in a) for a in ordered}

    def present(self, text: str) -> set[str]:
        """Return the literals found in `text`."""
        if self._pattern is None:
            return set()
        found: set[str] = set()
        for longest in set(self._pattern.findall(text)):
            if longest:
                found |= self._contains[longest]
        return found
