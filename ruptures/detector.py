"""Read a session note for Safran's seven rupture markers (plain Python and numpy, no Django).

    >>> [h.marker for h in detect("Elle a changé de sujet dès qu'on a parlé de sa mère.")]
    ['avoidance']

How it reads (see the README, "How the reader works"):
1. `ruptures.clauses` cuts the note into sentences and clauses and tags each clause with its
   section, quoting and actor;
2. `ruptures.lexicon` finds the cue families of the data files in one pass;
3. `ruptures.features` turns each clause into features (words, word pairs, cues crossed with
   their context);
4. `ruptures.model` scores every clause for every marker with the trained weight table, and
   decides per note from its clauses' scores, against thresholds calibrated on held-out notes.

A hit carries the marker, the clause(s) that carried the decision as evidence spans, the cue
family that weighed most (the explanation names it) and a confidence.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from ruptures import features, lexicon
from ruptures import model as model_file
from ruptures.markers import BY_CODE, CUE_EXPLANATIONS, MARKERS, category

MAX_TEXT = features.MAX_TEXT
# Other clauses join the evidence when they score at least this share of the best one.
EVIDENCE_SHARE = 0.8


@dataclass
class Hit:
    """One marker found in a note, with where its evidence is and how sure the reader is."""

    marker: str
    spans: list[tuple[int, int]] = field(default_factory=list)
    confidence: float = 0.0
    cue: str = ""  # the cue family that weighed most in the decisive clause, or ""

    @property
    def category(self) -> str:
        return category(self.marker)

    @property
    def explanation(self) -> str:
        """The English message id of the explanation (translated where it is shown)."""
        return explanation_id(self.marker, self.cue)

    def as_dict(self) -> dict[str, object]:
        return {
            "marker": self.marker,
            "category": self.category,
            "spans": [list(s) for s in self.spans],
            "cue": self.cue,
            "confidence": round(self.confidence, 2),
        }


def explanation_id(marker: str, cue: str) -> str:
    """Return the message id that explains a hit: its cue's when known, else its marker's."""
    return CUE_EXPLANATIONS.get(cue) or BY_CODE[marker].explanation


class _State:
    path: Path = model_file.MODEL_PATH
    model: model_file.Model | None = None


def use_model(path: Path | str | None = None) -> model_file.Model:
    """Load the model at `path` (the shipped one by default) and the lexicon, and read with
    them from now on. Raises ModelError or LexiconError naming the file that is wrong."""
    loaded = model_file.load(Path(path) if path else model_file.MODEL_PATH)
    for language in lexicon.LANGUAGES:
        lexicon.load(language)
    _State.path, _State.model = Path(path) if path else model_file.MODEL_PATH, loaded
    return loaded


def current_model() -> model_file.Model:
    """Return the model in use, loading the configured one on first use."""
    model = _State.model
    return model if model is not None else use_model(_State.path)


def detector_version() -> str:
    """Return the version of what reads the notes: the model's and the lexicon's hashes."""
    return f"{current_model().fingerprint[:8]}-{lexicon.fingerprint()[:8]}"


def _cue_for(model: model_file.Model, read: features.ReadClause, m: int) -> str:
    """Return the marker's own cue family that gave it the most weight in a clause (so that
    an avoidance flag is never explained by a non-response cue), or "" for none."""
    own = _families_of(MARKERS[m])
    totals: dict[str, float] = {}
    for feature, weight in model.contributions(read.cue_features, m).items():
        family = feature[2:].split("|", 1)[0] if feature.startswith("f:") else ""
        if family in own:
            totals[family] = totals.get(family, 0.0) + weight
    if not totals:
        return ""
    family, weight = max(totals.items(), key=lambda item: item[1])
    if weight <= 0:
        return ""
    if family == "criticism" and read.clause.quoted:
        return "quoted_criticism"
    return family


@functools.cache
def _families_of(marker: str) -> frozenset[str]:
    """Return the names of the cue families that are evidence for `marker`, in any language."""
    return frozenset(
        name
        for language in lexicon.LANGUAGES
        for name, family in lexicon.load(language).families.items()
        if family.marker == marker
    )


def detect(text: str, language: str | None = None) -> list[Hit]:
    """Return the rupture markers found in a note, in MARKERS order.

    `language` is the note's language ("fr" or "en"), guessed when None; the other
    language's cues are read too when the note mixes both.
    """
    if not text or not text.strip():
        return []
    model = current_model()
    clauses = features.read(text, language)
    if not clauses:
        return []
    probs, decided = model.scores(clauses)
    hits = []
    for m, marker in enumerate(MARKERS):
        if decided[m] < model.thresholds[m]:
            continue
        column = probs[:, m]
        best = int(np.argmax(column))
        chosen = np.flatnonzero(column >= EVIDENCE_SHARE * column[best]).tolist()
        hits.append(
            Hit(
                marker,
                sorted((clauses[i].clause.start, clauses[i].clause.end) for i in chosen),
                float(decided[m]),
                _cue_for(model, clauses[best], m),
            )
        )
    return hits


def has_rupture(text: str, language: str | None = None) -> bool:
    """Tell whether any rupture marker is found in the note."""
    return bool(detect(text, language))
