"""Turn a note into clauses and each clause into the features the reader's model weighs.

Plain Python (no Django). A clause's features are:
- its words and word pairs (`u:` and `b:`), and the words under a negation (`n:`);
- each cue family of the lexicon found in it (`f:family`), alone and crossed with its
  context: negated just before the cue, a hypothetical or a plan, a rupture described as
  resolved, a third party as the target (in the clause or its sentence), a task or the
  therapy itself as the object, who acts (client, practitioner, third party), inside a
  quote, reported speech, spoken to the practitioner, the note's section;
- the cue families of the clauses around it in the same sentence (`nf:`) and of the clause
  just before (`pf:`).

Every feature is a string; the model hashes them (crc32) into a fixed number of buckets, so
that a word never seen in training costs nothing and the model file holds no vocabulary.
"""

from __future__ import annotations

import re
import zlib
from dataclasses import dataclass

from ruptures import lexicon
from ruptures.clauses import ACTOR_PRACTITIONER, Clause, segment
from ruptures.text import ENGLISH_WORDS, FRENCH_WORDS, fold

# Context families (ruptures/lexicon/*/context.toml) and the flag each one raises.
NEGATION = "negation"
HYPOTHETICAL = "hypothetical"
RESOLVED = "resolved"
THIRD_PARTY = "third_party"
SPEECH = "speech"
PRACTITIONER_REF = "practitioner_ref"
TASK = "therapy_task"  # homework, exercises, goals: what a disagreement is about
THERAPY = "therapy_ref"  # the therapy, the sessions: what a complaint is about
CONTEXT_FAMILIES = frozenset(
    {NEGATION, HYPOTHETICAL, RESOLVED, THIRD_PARTY, SPEECH, PRACTITIONER_REF, TASK, THERAPY}
)
BUCKETS = 1 << 20
MAX_TEXT = 50_000
_NONE: frozenset[str] = frozenset()
_DIGIT = re.compile(r"\b[0-9]+\b")
# A note with this many common words of the other language is read with both lexicons.
MIXED = 2


@dataclass(slots=True)
class ReadClause:
    """A clause with the cue families found in it and what its features are made of."""

    clause: Clause
    cues: dict[str, tuple[int, int]]  # family -> character span of its first occurrence
    note_words: list[str]  # the whole note's tokens, digits as "#" (shared, not a copy)
    negated_from: int  # its words after this index are under a negation (len: none)
    cue_features: list[str]  # the f:, nf: and pf: features

    @property
    def words(self) -> list[str]:
        first = self.clause.first
        return self.note_words[first : first + len(self.clause.tokens)]

    @property
    def features(self) -> list[str]:
        """Return every feature of the clause as a string (what training hashes)."""
        words = self.words
        return [
            *("u:" + w for w in words),
            *(f"b:{a}_{b}" for a, b in zip(["^", *words], [*words, "$"], strict=True)),
            *("n:" + w for w in words[self.negated_from + 1 :]),
            *self.cue_features,
        ]


def _matchers(tokens: list[str], language: str | None) -> list[lexicon.Matcher]:
    """Return the lexicons to read a note with: its language's (given, or guessed from
    common words), and the other one's when the note mixes both (a client quoted in English
    in a French note)."""
    fr = sum(map(FRENCH_WORDS.__contains__, tokens))
    en = sum(map(ENGLISH_WORDS.__contains__, tokens))
    if language not in lexicon.LANGUAGES:
        language = "en" if en > fr else "fr"
    matchers = [lexicon.load(language)]
    if (en if language == "fr" else fr) >= MIXED:
        matchers.append(lexicon.load("en" if language == "fr" else "fr"))
    return matchers


def read(text: str, language: str | None = None) -> list[ReadClause]:
    """Return the note's clauses, each with its cue families and its features."""
    text = text[:MAX_TEXT]
    folded = fold(text)
    note = segment(text, folded)
    clauses = note.clauses
    if not clauses:
        return []
    # One pass of the matcher over the whole note's tokens; matches are given to clauses.
    owner = [0] * len(note.tokens)
    for index, clause in enumerate(clauses):
        owner[clause.first : clause.first + len(clause.tokens)] = [index] * len(clause.tokens)
    per_clause: list[list[lexicon.Match]] = [[] for _ in clauses]
    for matcher in _matchers(note.tokens, language):
        for match in matcher.find(note.tokens, note.starts, note.ends):
            if owner[match.first] == owner[match.last]:  # a cue never spans two clauses
                per_clause[owner[match.first]].append(match)
    words = (
        ["#" if token.isdigit() else token for token in note.tokens]
        if _DIGIT.search(folded)
        else note.tokens
    )
    return _features(clauses, per_clause, words)


def _features(
    clauses: list[Clause], per_clause: list[list[lexicon.Match]], words: list[str]
) -> list[ReadClause]:
    # Per clause: the families found, and the cue families (not context) among them.
    names = [{m.family for m in matches} if matches else _NONE for matches in per_clause]
    cue_names = [n - CONTEXT_FAMILIES if n else n for n in names]
    # Sentence-wide context: a rupture described as resolved anywhere in the sentence,
    # reported speech, a third party; and the cue families of each sentence's clauses.
    sentence_flags: dict[int, set[str]] = {}
    sentence_cues: dict[int, list[tuple[int, set[str]]]] = {}
    for index, (clause, found) in enumerate(zip(clauses, names, strict=True)):
        if found:
            flags = sentence_flags.setdefault(clause.sentence, set())
            if RESOLVED in found:
                flags.add("res")
            if SPEECH in found:
                flags.add("rep")
            if THIRD_PARTY in found:
                flags.add("s_oth")
            if cue_names[index]:
                sentence_cues.setdefault(clause.sentence, []).append((index, cue_names[index]))

    read_clauses: list[ReadClause] = []
    hypothetical_sentence = -1
    previous_cues: set[str] = set()
    for index, clause in enumerate(clauses):
        found, matches = names[index], per_clause[index]
        first, count = clause.first, len(clause.tokens)
        if not found and not previous_cues and clause.sentence not in sentence_cues:
            # Most clauses hold no cue and have none around: their words are their features.
            read_clauses.append(ReadClause(clause, {}, words, count, []))
            continue
        if HYPOTHETICAL in found:
            hypothetical_sentence = clause.sentence
        features: list[str] = []
        cues: dict[str, tuple[int, int]] = {}
        negations = _negations(matches, first) if found else []
        if cue_names[index]:
            flags = _clause_flags(clause, found, sentence_flags.get(clause.sentence, set()))
            if hypothetical_sentence == clause.sentence:
                flags.add("hyp")
            by_practitioner = clause.actor == ACTOR_PRACTITIONER and not clause.quoted
            for match in matches:
                family = match.family
                if family in CONTEXT_FAMILIES or family in cues:
                    continue
                cues[family] = (match.start, match.end)
                local = set(flags)
                if any(n < match.first - first for n in negations):
                    local.add("neg")
                if by_practitioner:
                    local.add("by_practitioner")
                features.append("f:" + family)
                features.extend([f"f:{family}|{flag}" for flag in local])
        for other, families in sentence_cues.get(clause.sentence, ()):
            if other != index:
                features.extend(["nf:" + family for family in families])
        if previous_cues:
            features.extend(["pf:" + family for family in previous_cues])
        previous_cues = set(cues)
        negated_from = min(negations) if negations else count
        read_clauses.append(ReadClause(clause, cues, words, negated_from, features))
    return read_clauses


def _negations(matches: list[lexicon.Match], first: int) -> list[int]:
    """Return the clause positions of the negations that are not part of a cue.

    "ne servent à rien" or "n'a pas voulu" hold their negation: it is the cue's meaning,
    not a negation of it.
    """
    covered: set[int] = set()
    for match in matches:
        if match.family not in CONTEXT_FAMILIES:
            covered.update(range(match.first, match.last + 1))
    return [m.last - first for m in matches if m.family == NEGATION and m.last not in covered]


def _clause_flags(clause: Clause, found: set[str], sentence: set[str]) -> set[str]:
    """Return the context of a clause that holds a cue (crossed with each cue's feature)."""
    flags = set(sentence)
    practitioner = PRACTITIONER_REF in found or clause.addresses_practitioner
    if practitioner:
        flags.discard("s_oth")
    if THIRD_PARTY in found and not practitioner:
        flags.add("oth")
    if TASK in found:
        flags.add("task")
    if THERAPY in found:
        flags.add("therapy")
    if clause.quoted:
        flags.add("q")
    if clause.addresses_practitioner:
        flags.add("addr")
    if clause.actor:
        flags.add("act:" + clause.actor)
    if clause.section:
        flags.add("sec:" + clause.section)
    return flags


def bucket(feature: str) -> int:
    """Return the hashed bucket of a feature (stable across runs and machines)."""
    return zlib.crc32(feature.encode()) & (BUCKETS - 1)
