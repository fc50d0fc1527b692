"""Load the reader's cue lexicon from its data files and find every cue in a note in one pass.

Plain Python (no Django). The lexicon lives in `ruptures/lexicon/<language>/<file>.toml`,
one file per marker family plus `context.toml` (negation, plans, third parties, …) and
`lookalikes.toml` (clinical words that look like a marker). Each table of a file is a cue
family:

    [late_arrival]
    marker = "avoidance"          # the marker it is evidence for, or "context"
    cues = ["arriv~ en retard", "en retard de .. minutes"]
    examples = ["Elle est arrivée en retard de vingt minutes."]     # each must match
    counter_examples = ["Il parle du retard scolaire de son fils."]  # none may match

A cue is a sequence of words, written with or without accents (they are folded away):
- `word`   the word itself;
- `word~`  the word and its inflections (plural, feminine, verb forms), expanded here;
- `word*`  any word that starts with `word` (at least 3 letters);
- `a|b`    either word;
- `..`     0 to 3 words of any kind.
"""

from __future__ import annotations

import hashlib
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from itertools import compress
from pathlib import Path

from ruptures.clauses import tokenize
from ruptures.text import fold

LEXICON_DIR = Path(__file__).resolve().parent / "lexicon"
LANGUAGES = ("en", "fr")
GAP = ".."
MAX_GAP = 3
MIN_PREFIX = 3


class LexiconError(ValueError):
    """A lexicon file that cannot be read; the message names the file and the family."""


@dataclass(frozen=True)
class Family:
    name: str
    language: str
    marker: str  # a marker code or "context"
    cues: tuple[str, ...]
    examples: tuple[str, ...]
    counter_examples: tuple[str, ...]
    source: str  # the file it comes from, for messages


@dataclass(frozen=True)
class Match:
    family: str
    first: int  # index of the first token
    last: int  # index of the last token
    start: int  # character offsets in the text
    end: int


# --- inflections ------------------------------------------------------------------------


def _inflect_en(word: str) -> set[str]:
    forms = {word, word + "s", word + "es", word + "ed", word + "ing", word + "d"}
    if word.endswith("e"):
        forms |= {word[:-1] + "ing", word + "d", word + "s"}
    if word.endswith("y") and len(word) > 2 and word[-2] not in "aeiou":
        forms |= {word[:-1] + "ies", word[:-1] + "ied"}
    if (
        len(word) >= 3
        and word[-1] not in "aeiouwxy"
        and word[-2] in "aeiou"
        and word[-3] not in "aeiou"
    ):
        forms |= {word + word[-1] + "ed", word + word[-1] + "ing"}
    return forms


_FR_ER = (
    "e es ent er ez ons ais ait aient ai a as ant ee ees es era erai eras erons erez eront "
    "erait eraient iez ions erais".split()
)
_FR_IR = "is it issent issons issez i ie ies ir issait issaient issais issant ira irait".split()
_FR_RE = "s t ons ez ent ait aient ais u ue us ues ra rait re ant".split()


def _inflect_fr(word: str) -> set[str]:
    forms = {word, word + "s", word + "e", word + "es", word + "x"}
    # A word written as a verb's infinitive, its "-e" form or its bare stem ("annuler",
    # "change", "annul") gets the forms of a verb in -er.
    stem = word[:-2] if word.endswith("er") else word[:-1] if word.endswith("e") else word
    if len(stem) >= 3 and not word.endswith(("ir", "re")) and stem[-1] not in "aiouy":
        forms |= {stem + ending for ending in _FR_ER}
        if stem.endswith("g"):
            forms |= {stem + "eons", stem + "eait", stem + "eaient", stem + "eant"}
        if stem.endswith("c"):
            forms |= {stem[:-1] + "c" + e for e in ("ons", "ait", "aient", "ant")}
    elif word.endswith("ir") and len(word) > 3:
        forms |= {word[:-2] + ending for ending in _FR_IR}
    elif word.endswith("re") and len(word) > 3:
        forms |= {word[:-2] + ending for ending in _FR_RE}
    if word.endswith("eux"):
        forms |= {word[:-1] + "se", word[:-1] + "ses"}
    if word.endswith("if"):
        forms |= {word[:-1] + "ve", word[:-1] + "ves"}
    if word.endswith("al"):
        forms |= {word[:-1] + "ux", word + "e", word + "es"}
    if word.endswith("eur"):
        forms |= {word[:-1] + "se", word[:-1] + "ses", word[:-3] + "rice", word[:-3] + "rices"}
    if word.endswith("e"):
        forms |= {word + "s"}
    return forms


def inflections(word: str, language: str) -> set[str]:
    """Return a word's forms: plural, feminine, and (for a verb) its common conjugations."""
    return _inflect_fr(word) if language == "fr" else _inflect_en(word)


# --- cues as token patterns -------------------------------------------------------------


@dataclass(frozen=True)
class _Word:
    exact: frozenset[str]
    prefixes: tuple[str, ...]

    def accepts(self, token: str) -> bool:
        return token in self.exact or any(token.startswith(p) for p in self.prefixes)


def _parse_word(raw: str, language: str, where: str) -> _Word | None:
    """Turn one written word of a cue into the set of tokens it accepts (None: a gap)."""
    if raw == GAP:
        return None
    exact: set[str] = set()
    prefixes: list[str] = []
    for option in raw.split("|"):
        if option.endswith("*"):
            stem = option[:-1]
            if len(stem) < MIN_PREFIX:
                raise LexiconError(f"{where}: '{option}' is too short for a prefix")
            prefixes.append(stem)
        elif option.endswith("~"):
            exact |= inflections(option[:-1], language)
        else:
            exact.add(option)
    return _Word(frozenset(exact), tuple(prefixes))


def _variants(cue: str) -> list[str]:
    """Return the cues a written cue stands for: one, or one per alternative when an
    alternative is more than one word ("rdv|rendez-vous" becomes two cues)."""
    variants = [""]
    for raw in fold(cue.strip()).split():
        options = raw.split("|")
        several = len(options) > 1 and any(len(tokenize(o.rstrip("*~"))) > 1 for o in options)
        choices = options if several else [raw]
        variants = [f"{v} {c}".strip() for v in variants for c in choices]
    return variants


def _parse_cue(cue: str, language: str, where: str) -> list[_Word | None]:
    """Turn a written cue into its sequence of words; a written word that a note's tokens
    would cut in several ("passive-aggressive", "n'a", "10/10") becomes several words."""
    words: list[_Word | None] = []
    for raw in fold(cue.strip()).split():
        if raw == GAP:
            words.append(None)
            continue
        options = raw.split("|")
        pieces = []
        for option in options:
            mark = option[-1] if option[-1] in "*~" else ""
            stem = option[:-1] if mark else option
            tokens = [t[0] for t in tokenize(stem)]
            if not tokens:
                raise LexiconError(f"{where}: cue '{cue}' has a word with no letters: '{option}'")
            pieces.append((tokens, mark))
        if len(pieces) > 1 and any(len(tokens) > 1 for tokens, _ in pieces):
            raise LexiconError(f"{where}: cue '{cue}' needs splitting first (_variants)")
        if len(pieces) > 1:
            words.append(_parse_word("|".join(t[0] + m for t, m in pieces), language, where))
            continue
        tokens, mark = pieces[0]
        for token in tokens[:-1]:
            words.append(_parse_word(token, language, where))
        words.append(_parse_word(tokens[-1] + mark, language, where))
    if not words or words[0] is None or words[-1] is None:
        raise LexiconError(f"{where}: cue '{cue}' is empty or starts or ends with '..'")
    return words


# --- the matcher -------------------------------------------------------------------------


@dataclass(slots=True, eq=False)
class _Node:
    exact: dict[str, _Node] = field(default_factory=dict)
    prefixes: list[tuple[str, _Node]] = field(default_factory=list)
    gap: _Node | None = None
    ends: set[str] = field(default_factory=set)

    def child(self, word: _Word | None) -> list[_Node]:
        if word is None:
            if self.gap is None:
                self.gap = _Node()
            return [self.gap]
        # Alternatives share one next node, so that what follows is written once.
        target = _Node()
        for token in word.exact:
            target = self.exact.setdefault(token, target)
        for prefix in word.prefixes:
            for p, node in self.prefixes:
                if p == prefix:
                    target = node
                    break
            else:
                self.prefixes.append((prefix, target))
        return [target]


class Matcher:
    """All the cue families of a lexicon, compiled into one token trie."""

    def __init__(self, families: Iterable[Family]) -> None:
        self.root = _Node()
        self.families: dict[str, Family] = {}
        for family in families:
            self.families[family.name] = family
            where = f"{family.source} [{family.name}]"
            for cue in family.cues:
                for variant in _variants(cue):
                    self._add(_parse_cue(variant, family.language, where), family.name)
        self._starting: dict[str, tuple[_Node, ...]] = {}
        # Prefixes at the root are many: index them by their first three letters.
        self._root_prefixes: dict[str, list[tuple[str, _Node]]] = {}
        for prefix, node in self.root.prefixes:
            self._root_prefixes.setdefault(prefix[:MIN_PREFIX], []).append((prefix, node))

    def _add(self, words: list[_Word | None], name: str) -> None:
        nodes = [self.root]
        for word in words:
            nodes = [n for node in nodes for n in _distinct_children(node, word)]
        for node in nodes:
            node.ends.add(name)

    def _first_nodes(self, token: str) -> tuple[_Node, ...]:
        """Return the nodes a cue can start from with this token (remembered per token)."""
        nodes = []
        child = self.root.exact.get(token)
        if child is not None:
            nodes.append(child)
        for prefix, target in self._root_prefixes.get(token[:MIN_PREFIX], ()):
            if token.startswith(prefix):
                nodes.append(target)
        if len(self._starting) > 100_000:
            self._starting.clear()
        return tuple(nodes)

    def find(self, tokens: list[str], starts: list[int], ends: list[int]) -> list[Match]:
        """Return every cue occurrence in a token list (overlapping ones included; a cue
        reached by two paths may come twice)."""
        matches: list[Match] = []
        n = len(tokens)
        starting = self._starting
        firsts = [starting.get(token) for token in tokens]
        for i in [i for i, nodes in enumerate(firsts) if nodes is None]:
            firsts[i] = starting[tokens[i]] = self._first_nodes(tokens[i])
        for i in compress(range(n), firsts):  # the tokens some cue starts with
            states = [(node, i) for node in firsts[i]]  # type: ignore[union-attr]
            while states:
                node, j = states.pop()
                for name in node.ends:  # two paths to one match give it twice: harmless
                    matches.append(Match(name, i, j, starts[i], ends[j]))
                gap = node.gap
                if gap is not None:
                    for k in range(j + 1, min(n, j + 2 + MAX_GAP)):
                        following = tokens[k]
                        child = gap.exact.get(following)
                        if child is not None:
                            states.append((child, k))
                        for prefix, target in gap.prefixes:
                            if following.startswith(prefix):
                                states.append((target, k))
                if j + 1 < n and (node.exact or node.prefixes):
                    following = tokens[j + 1]
                    child = node.exact.get(following)
                    if child is not None:
                        states.append((child, j + 1))
                    for prefix, target in node.prefixes:
                        if following.startswith(prefix):
                            states.append((target, j + 1))
        return matches

    def find_in_text(self, text: str) -> list[Match]:
        """Return every cue occurrence in a piece of text (for the examples' tests)."""
        tokens = tokenize(fold(text))
        return self.find([t[0] for t in tokens], [t[1] for t in tokens], [t[2] for t in tokens])


def _distinct_children(node: _Node, word: _Word | None) -> list[_Node]:
    """Return the node(s) that follow `node` through `word`, creating what is missing.

    A word's alternatives must lead to one node; where some already lead elsewhere (another
    cue went that way), each existing branch is followed as well.
    """
    if word is None:
        return node.child(None)
    targets: list[_Node] = []
    missing_exact = [t for t in word.exact if t not in node.exact]
    missing_prefixes = [p for p in word.prefixes if all(p != q for q, _ in node.prefixes)]
    for token in word.exact:
        if token in node.exact and node.exact[token] not in targets:
            targets.append(node.exact[token])
    for prefix in word.prefixes:
        for q, existing in node.prefixes:
            if q == prefix and existing not in targets:
                targets.append(existing)
    if missing_exact or missing_prefixes:
        fresh = _Node()
        for token in missing_exact:
            node.exact[token] = fresh
        for prefix in missing_prefixes:
            node.prefixes.append((prefix, fresh))
        targets.append(fresh)
    return targets


# --- loading -----------------------------------------------------------------------------


def _read_file(path: Path, language: str) -> list[Family]:
    try:
        data = tomllib.loads(path.read_text("utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise LexiconError(f"{path}: {exc}") from None
    families = []
    for name, table in data.items():
        where = f"{path.name} [{name}]"
        if not isinstance(table, dict) or not isinstance(table.get("cues"), list):
            raise LexiconError(f"{where}: a family needs a list of cues")
        marker = table.get("marker", "context")
        families.append(
            Family(
                name=name,
                language=language,
                marker=str(marker),
                cues=tuple(str(c) for c in table["cues"]),
                examples=tuple(str(c) for c in table.get("examples", ())),
                counter_examples=tuple(str(c) for c in table.get("counter_examples", ())),
                source=f"{path.parent.name}/{path.name}",
            )
        )
    return families


def lexicon_files(root: Path = LEXICON_DIR) -> list[Path]:
    return sorted(root.glob("*/*.toml"))


@cache
def load(language: str, root: Path = LEXICON_DIR) -> Matcher:
    """Return the matcher of one language's lexicon; LexiconError names a bad file."""
    folder = root / language
    files = sorted(folder.glob("*.toml"))
    if not files:
        raise LexiconError(f"{folder}: no lexicon file (ruptures/lexicon/{language}/*.toml)")
    families: list[Family] = []
    names: dict[str, str] = {}
    for path in files:
        for family in _read_file(path, language):
            if family.name in names:
                raise LexiconError(
                    f"{family.source}: family '{family.name}' is defined in {names[family.name]}"
                    " too"
                )
            names[family.name] = family.source
            families.append(family)
    return Matcher(families)


def fingerprint(root: Path = LEXICON_DIR) -> str:
    """Return a short hash of every lexicon file, for the detector's version."""
    digest = hashlib.sha256()
    for path in lexicon_files(root):
        digest.update(str(path.relative_to(root)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]
