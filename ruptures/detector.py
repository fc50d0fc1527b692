"""Find Safran's seven rupture markers in a session note (plain Python, no Django).

    >>> hits = detect("Elle a changé de sujet dès qu'on a parlé de sa mère.")
    >>> [h.marker for h in hits]
    ['avoidance']

Rules (ruptures.rules) match accent-free lower-case text; each match is then checked in its
context: negation just before it, a hypothetical or a plan, a rupture described as resolved,
anger aimed at someone other than the practitioner, a cancellation with a neutral reason,
agreement reached after real discussion, pride in a success. What survives is a Hit with the
character spans of its evidence in the original text, an explanation and a confidence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from ruptures import rules
from ruptures.literals import LiteralFinder, required_literals
from ruptures.text import fold, language_counts

MARKERS = (
    "direct_negative",
    "indirect_negative",
    "disagreement",
    "compliance",
    "avoidance",
    "self_esteem",
    "non_response",
)
CONFRONTATION = frozenset({"direct_negative", "indirect_negative", "disagreement", "self_esteem"})
WITHDRAWAL = frozenset({"compliance", "avoidance", "non_response"})
MIN_CONFIDENCE = 0.45
# Raise when the rules change, so that re-scans can tell which flags came from which rules.
DETECTOR_VERSION = "2026.11.1"
MAX_TEXT = 50_000

EXPLANATIONS = {
    "en": {
        "direct_negative": "The client expresses anger, frustration or dissatisfaction toward "
        "you or the therapy.",
        "indirect_negative": "Hostility comes out indirectly: sarcasm, irony, sighs or "
        "passive-aggressive remarks.",
        "disagreement": "The client disagrees with a goal or a task of the therapy.",
        "compliance": "The client goes along without real agreement: yes to everything, "
        "telling you what you want to hear.",
        "avoidance": "The client steers away from the topic, the feeling or the sessions "
        "themselves.",
        "self_esteem": "The client protects their self-esteem: justifying, boasting, or "
        "setting themselves above your help.",
        "non_response": "The client does not respond to an intervention: silence, minimal "
        "answers, no reaction.",
    },
    "fr": {
        "direct_negative": "Le client exprime de la colère, de la frustration ou de "
        "l'insatisfaction envers vous ou la thérapie.",
        "indirect_negative": "L'hostilité s'exprime indirectement : sarcasme, ironie, soupirs "
        "ou remarques passives-agressives.",
        "disagreement": "Le client est en désaccord avec un objectif ou une tâche de la thérapie.",
        "compliance": "Le client acquiesce sans réel accord : oui à tout, il vous dit ce que "
        "vous voulez entendre.",
        "avoidance": "Le client s'éloigne du sujet, de l'émotion ou des rencontres elles-mêmes.",
        "self_esteem": "Le client protège son estime de soi : il se justifie, se valorise ou "
        "se place au-dessus de votre aide.",
        "non_response": "Le client ne répond pas à une intervention : silence, réponses "
        "minimales, absence de réaction.",
    },
}


@dataclass
class Hit:
    """One marker found in a note, with where its evidence is and how sure the rule is."""

    marker: str
    spans: list[tuple[int, int]] = field(default_factory=list)
    explanation: str = ""
    confidence: float = 0.0

    @property
    def category(self) -> str:
        return category(self.marker)

    def as_dict(self) -> dict[str, object]:
        return {
            "marker": self.marker,
            "category": self.category,
            "spans": [list(s) for s in self.spans],
            "explanation": self.explanation,
            "confidence": round(self.confidence, 2),
        }


def category(marker: str) -> str:
    """Return "confrontation" or "withdrawal" for a marker code."""
    return "confrontation" if marker in CONFRONTATION else "withdrawal"


@dataclass(frozen=True)
class _Rule:
    order: int
    marker: str
    weight: float
    flags: tuple[str, ...]
    pattern: re.Pattern[str]
    # One of these strings appears in every match: a cheap test before the regex runs.
    required: frozenset[str] | None


@dataclass(frozen=True)
class _Compiled:
    rules: tuple[_Rule, ...]
    literals: LiteralFinder  # every rule's required strings, found in one pass per note
    negation: re.Pattern[str]
    hypothetical: re.Pattern[str]
    resolved: re.Pattern[str]
    other_target: re.Pattern[str]
    practitioner: re.Pattern[str]
    excuse: re.Pattern[str]
    agreement: re.Pattern[str]
    pride: re.Pattern[str]
    defence: re.Pattern[str]
    hedges: re.Pattern[str]


def _both(cues: dict[str, str]) -> re.Pattern[str]:
    # A note may mix languages: context cues of both apply wherever a rule matched.
    return re.compile(f"{cues['fr']}|{cues['en']}")


@lru_cache(maxsize=2)
def _compiled(language: str) -> _Compiled:
    # Where two rules match at one position the heavier (more specific) one wins.
    ordered = sorted(rules.RULES[language], key=lambda rule: -rule[1])
    compiled = []
    for i, (marker, weight, pattern, flags) in enumerate(ordered):
        if marker in WITHDRAWAL:
            flags = (*flags, "withdrawal")
        required = required_literals(pattern)
        compiled.append(
            _Rule(
                i,
                marker,
                weight,
                flags,
                re.compile(pattern),
                frozenset(required) if required else None,
            )
        )
    return _Compiled(
        rules=tuple(compiled),
        literals=LiteralFinder({lit for r in compiled for lit in (r.required or ())}),
        negation=_both(rules.NEGATION),
        hypothetical=_both(rules.HYPOTHETICAL),
        resolved=_both(rules.RESOLVED),
        other_target=re.compile(rules.OTHER_TARGET[language]),
        practitioner=re.compile(rules.PRACTITIONER[language]),
        excuse=_both(rules.EXCUSE),
        agreement=_both(rules.AGREEMENT_AFTER_DISCUSSION),
        pride=_both(rules.PRIDE),
        defence=_both(rules.DEFENCE),
        hedges=_both(rules.HEDGES),
    )


_SENTENCE_END = re.compile(r"[.!?;\n]")
_CLAUSE_BREAK = re.compile(
    r"[.!?;:,\n()]|\b(?:mais|but|however|cependant|toutefois|pourtant|"
    r"alors que|whereas|although|though|bien que|meme si|even if)\b"
)
_TOKEN = re.compile(r"[\w']+")


def _bounds(text: str, start: int, end: int, pattern: re.Pattern[str]) -> tuple[int, int]:
    """Return the start and end of the unit (sentence or clause) around [start, end)."""
    left = 0
    for m in pattern.finditer(text, max(0, start - 300), start):
        left = m.end()
    right_match = pattern.search(text, end, end + 300)
    right = right_match.start() if right_match else min(len(text), end + 300)
    return left, right


def _negated(folded: str, start: int, clause_start: int, c: _Compiled) -> bool:
    """Tell whether a negation word stands among the three words just before the match."""
    before = folded[clause_start:start]
    tokens = _TOKEN.findall(before)[-3:]
    return bool(tokens) and bool(c.negation.search(" ".join(tokens)))


_PRACTITIONER_SUBJECT = re.compile(r"^(?:i|je|j'|we|nous|on)$")


def _keep(folded: str, start: int, end: int, flags: tuple[str, ...], c: _Compiled) -> bool:
    """Apply the context checks to one match."""
    s_start, s_end = _bounds(folded, start, end, _SENTENCE_END)
    c_start, c_end = _bounds(folded, start, end, _CLAUSE_BREAK)
    sentence = folded[s_start:s_end]
    if _negated(folded, start, c_start, c):
        return False
    before = _TOKEN.findall(folded[c_start:start])
    if "withdrawal" in flags and before and _PRACTITIONER_SUBJECT.match(before[-1]):
        return False  # "I changed the subject": the practitioner did it, not the client
    if c.hypothetical.search(folded, s_start, end) or c.resolved.search(sentence):
        return False
    if "other_target" in flags:
        clause = folded[c_start:c_end]
        if c.other_target.search(clause) and not c.practitioner.search(clause):
            return False
    if "attendance" in flags and c.excuse.search(sentence):
        return False
    if "pride" in flags and c.pride.search(sentence) and not c.defence.search(sentence):
        return False
    return True


_BENIGN_SILENCE = re.compile(rules.BENIGN_SILENCE)


def _matches(folded: str, c: _Compiled) -> list[tuple[int, int, _Rule]]:
    """Return non-overlapping matches, leftmost first, the heavier rule first at one place."""
    found = []
    present = c.literals.present(folded)
    for rule in c.rules:
        if rule.required is not None and present.isdisjoint(rule.required):
            continue
        for m in rule.pattern.finditer(folded):
            found.append((m.start(), m.end(), rule))
    found.sort(key=lambda item: (item[0], item[2].order))
    chosen, last_end = [], -1
    for start, end, rule in found:
        if start >= last_end and end > start:
            chosen.append((start, end, rule))
            last_end = end
    return chosen


def _scan(folded: str, c: _Compiled, found: dict[str, Hit], ui: str) -> None:
    for start, end, rule in _matches(folded, c):
        marker, weight, flags = rule.marker, rule.weight, rule.flags
        if not _keep(folded, start, end, flags, c):
            continue
        s_start, s_end = _bounds(folded, start, end, _SENTENCE_END)
        sentence = folded[s_start:s_end]
        if marker == "non_response" and _BENIGN_SILENCE.search(sentence):
            continue
        if marker == "compliance" and c.agreement.search(sentence):
            continue
        confidence = weight * (0.85 if c.hedges.search(sentence) else 1.0)
        if confidence < MIN_CONFIDENCE:
            continue
        hit = found.get(marker)
        if hit is None:
            found[marker] = Hit(marker, [(start, end)], EXPLANATIONS[ui][marker], confidence)
        elif (start, end) not in hit.spans:
            hit.spans.append((start, end))
            hit.confidence = min(0.99, max(hit.confidence, confidence) + 0.05)


def detect(text: str, language: str | None = None, *, ui_language: str = "en") -> list[Hit]:
    """Return the rupture markers found in a note, in MARKERS order.

    `language` is the note's language ("fr" or "en"), guessed when None; rules of the
    other language run too, so that a note mixing both is read in full. Explanations come
    in `ui_language`.
    """
    if not text or not text.strip():
        return []
    text = text[:MAX_TEXT]
    folded = fold(text)
    fr_words, en_words = language_counts(folded)
    if language not in ("fr", "en"):
        language = "en" if en_words > fr_words else "fr"
    ui = ui_language if ui_language in EXPLANATIONS else "en"
    found: dict[str, Hit] = {}
    _scan(folded, _compiled(language), found, ui)
    # A note that mixes languages is read with the other language's rules as well.
    other_words = en_words if language == "fr" else fr_words
    if other_words >= 2:
        _scan(folded, _compiled("en" if language == "fr" else "fr"), found, ui)
    for hit in found.values():
        hit.spans.sort()
    return [found[m] for m in MARKERS if m in found]


def has_rupture(text: str, language: str | None = None) -> bool:
    """Tell whether any rupture marker is found in the note."""
    return bool(detect(text, language))
