"""Train the reader's model and measure it honestly (scikit-learn; no Django).

- Clause labels come from the writers' evidence quotes: a clause that overlaps a quote for a
  marker is a positive example of it; every clause of a note without the marker is a
  negative one; the other clauses of a note with the marker teach nothing about it (the
  writer did not point at them). A note without quotes (the first development set) lends
  all its clauses when it is one sentence long, and none otherwise.
- Per marker, a logistic regression over the clauses' hashed feature counts
  (ruptures.features), and one over the whole note's (its clauses' counts added up).
- A note-level decision per marker (a small logistic regression over the best clause's
  score, the second best, the note's length in clauses and the whole-note score) and its
  threshold are fitted on scores of notes the weights did not see (an inner
  cross-validation grouped by batch); the threshold maximises F-beta with beta = 0.7, which
  weighs precision more than recall.
- `crossval` trains on every batch but one and scores the one left out, for each batch:
  the figure to report. Nothing here ever reads the final batch.
"""

from __future__ import annotations

import multiprocessing
import random
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from typing import Any

import numpy as np
from scipy import sparse
from sklearn.linear_model import LogisticRegression
from threadpoolctl import threadpool_limits

from ruptures import features as feats
from ruptures.corpus import LabelledNote
from ruptures.markers import MARKERS
from ruptures.model import (
    STAGE2_INPUTS,
    note_probability,
    note_stats_of,
    to_bytes,
)

SEED = 20261122
C = 1.0
POSITIVE_WEIGHT = 2.0
BETA = 0.7  # thresholds favour precision: a false alarm costs a practitioner more than a miss
NOTE_LEVEL = True
INNER_FOLDS = 4
MIN_THRESHOLD = 0.2
PRUNE_BELOW = 5e-3  # weights smaller than this are left out of the model file


@dataclass
class Matrix:
    """Every clause of a list of notes as hashed features, with its labels."""

    X: sparse.csr_matrix  # (clauses, buckets): how often each feature occurs in the clause
    labels: np.ndarray  # (clauses, markers): 1 positive, 0 negative, -1 unknown
    note_of: np.ndarray  # (clauses,) index of the note each clause belongs to
    truth: np.ndarray  # (notes, markers) 0/1: the note's labels
    notes: list[LabelledNote]

    def subset(self, note_indexes: Sequence[int]) -> Matrix:
        """Return the matrix of some notes (their indexes in increasing order)."""
        keep = np.isin(self.note_of, np.asarray(note_indexes))
        remap = np.full(len(self.notes), -1)
        remap[np.asarray(note_indexes)] = np.arange(len(note_indexes))
        return Matrix(
            self.X[keep],
            self.labels[keep],
            remap[self.note_of[keep]],
            self.truth[np.asarray(note_indexes)],
            [self.notes[i] for i in note_indexes],
        )

    def note_rows(self) -> sparse.csr_matrix:
        """Return each note's feature counts (its clauses' added up), shape (notes, buckets)."""
        owner = sparse.csr_matrix(
            (np.ones(len(self.note_of)), (self.note_of, np.arange(len(self.note_of)))),
            shape=(len(self.notes), len(self.note_of)),
        )
        return (owner @ self.X).tocsr()


def _evidence_label(a: int, b: int, spans: Sequence[tuple[int, int]]) -> int:
    """Return 1 when the clause [a, b) is evidence (half of it, or half of a quote, lies in
    the other), -1 when it only touches a quote (unknown), 0 when it lies outside them all."""
    label = 0
    for s, e in spans:
        overlap = min(b, e) - max(a, s)
        if overlap <= 0:
            continue
        if 2 * overlap >= (b - a) or 2 * overlap >= (e - s):
            return 1
        label = -1
    return label


def build_matrix(notes: Sequence[LabelledNote]) -> Matrix:
    """Read every note once and return its clauses' features and labels."""
    rows: list[int] = []
    cols: list[int] = []
    labels: list[list[int]] = []
    note_of: list[int] = []
    truth = np.zeros((len(notes), len(MARKERS)), dtype=np.int8)
    for n, note in enumerate(notes):
        for m, marker in enumerate(MARKERS):
            truth[n, m] = marker in note.markers
        clauses = feats.read(note.text, note.language)
        if not clauses:  # an empty note still counts, as a note with no clause
            continue
        single_sentence = len({c.clause.sentence for c in clauses}) == 1
        for read in clauses:
            row = len(labels)
            # A feature counts as often as it occurs (csr_matrix adds up repeated entries).
            for feature in read.features:
                rows.append(row)
                cols.append(feats.bucket(feature))
            label = []
            for marker in MARKERS:
                if marker not in note.markers:
                    label.append(0)
                elif marker in note.evidence:
                    found = _evidence_label(
                        read.clause.start, read.clause.end, note.evidence[marker]
                    )
                    label.append(1 if found == 1 else -1)
                else:
                    label.append(1 if single_sentence else -1)
            labels.append(label)
            note_of.append(n)
    X = sparse.csr_matrix(
        (np.ones(len(rows), dtype=np.float64), (rows, cols)), shape=(len(labels), feats.BUCKETS)
    )
    return Matrix(
        X,
        np.asarray(labels, dtype=np.int8).reshape(-1, len(MARKERS)),
        np.asarray(note_of),
        truth,
        list(notes),
    )


@dataclass
class Weights:
    coef: np.ndarray  # (markers, buckets): clause model
    intercepts: np.ndarray  # (markers,)
    note_coef: np.ndarray  # (markers, buckets): whole-note model (zeros when not used)
    note_intercepts: np.ndarray  # (markers,)


def _logistic(X: sparse.csr_matrix, y: np.ndarray, c: float, positive_weight: float) -> Any:
    model = LogisticRegression(
        C=c,
        solver="liblinear",
        dual=True,
        tol=1e-3,
        class_weight={0: 1.0, 1: positive_weight},
        random_state=SEED,
        max_iter=1000,
    )
    return model.fit(X, y)


def fit(
    matrix: Matrix,
    *,
    c: float = C,
    positive_weight: float = POSITIVE_WEIGHT,
    note_level: bool = NOTE_LEVEL,
) -> Weights:
    """Fit one logistic regression per marker on the clauses whose label is known, and
    (with `note_level`) one on whole notes."""
    markers = len(MARKERS)
    weights = Weights(
        np.zeros((markers, feats.BUCKETS)),
        np.zeros(markers),
        np.zeros((markers, feats.BUCKETS)),
        np.full(markers, -10.0),
    )
    # Only the buckets some clause uses can get a weight: fit on those columns alone.
    used = np.unique(matrix.X.indices)
    X = matrix.X[:, used]
    notes = matrix.note_rows()[:, used] if note_level else None
    for m in range(markers):
        known = matrix.labels[:, m] >= 0
        y = matrix.labels[known, m]
        if y.min(initial=1) == y.max(initial=0):
            weights.intercepts[m] = 10.0 if len(y) and y[0] == 1 else -10.0
        else:
            model = _logistic(X[known], y, c, positive_weight)
            weights.coef[m, used] = model.coef_[0]
            weights.intercepts[m] = model.intercept_[0]
        truth = matrix.truth[:, m]
        if notes is not None and truth.min() != truth.max():
            model = _logistic(notes, truth, c, 1.0)
            weights.note_coef[m, used] = model.coef_[0]
            weights.note_intercepts[m] = model.intercept_[0]
    return weights


def clause_probs(weights: Weights, matrix: Matrix) -> np.ndarray:
    """Return each clause's probability for each marker."""
    logits = matrix.X @ weights.coef.T + weights.intercepts
    return 1.0 / (1.0 + np.exp(-np.asarray(logits)))


def whole_note_probs(weights: Weights, matrix: Matrix) -> np.ndarray:
    """Return each note's probability for each marker under the whole-note model."""
    logits = matrix.note_rows() @ weights.note_coef.T + weights.note_intercepts
    return 1.0 / (1.0 + np.exp(-np.asarray(logits)))


def note_stats(weights: Weights, matrix: Matrix) -> np.ndarray:
    """Return, per note and marker, the inputs of the note-level decision."""
    return note_stats_of(
        clause_probs(weights, matrix),
        matrix.note_of,
        len(matrix.notes),
        whole_note_probs(weights, matrix),
    )


def note_scores(weights: Weights, matrix: Matrix, stage2: np.ndarray | None = None) -> np.ndarray:
    """Return each note's score for each marker: the note-level model applied to its
    clauses' scores (or the best clause's score when there is no note-level model)."""
    return note_probability(note_stats(weights, matrix), stage2)


def fit_stage2(stats: np.ndarray, truth: np.ndarray) -> np.ndarray:
    """Fit, per marker, the note-level logistic regression over note_stats."""
    coefs = np.zeros((len(MARKERS), STAGE2_INPUTS + 1))
    for m in range(len(MARKERS)):
        y = truth[:, m]
        if y.min() == y.max():
            coefs[m, 0] = 1.0
            continue
        model = LogisticRegression(C=1.0, solver="lbfgs", max_iter=1000)
        model.fit(stats[:, m, :], y)
        coefs[m, :STAGE2_INPUTS] = model.coef_[0]
        coefs[m, STAGE2_INPUTS] = model.intercept_[0]
    return coefs


def best_thresholds(scores: np.ndarray, truth: np.ndarray, beta: float = 1.0) -> np.ndarray:
    """Return, for each marker, the threshold that maximises its F-beta on these notes
    (beta < 1 weighs precision more than recall)."""
    thresholds = np.full(len(MARKERS), 0.5)
    for m in range(len(MARKERS)):
        order = np.argsort(-scores[:, m])
        s, t = scores[order, m], truth[order, m]
        tp = np.cumsum(t)
        fp = np.cumsum(1 - t)
        positives = t.sum()
        if positives == 0:
            continue
        b2 = beta * beta
        f1 = (1 + b2) * tp / ((1 + b2) * tp + b2 * (positives - tp) + fp)
        # Only where the next note scores lower can a threshold separate them.
        valid = np.append(s[1:] < s[:-1], True) & (s >= MIN_THRESHOLD)
        if not valid.any():
            continue
        best = int(np.argmax(np.where(valid, f1, -1)))
        below = s[best + 1] if best + 1 < len(s) else 0.0
        thresholds[m] = max(MIN_THRESHOLD, (s[best] + below) / 2)
    return thresholds


def _groups(matrix: Matrix, folds: int) -> list[list[int]]:
    """Split the notes into folds by batch (a batch never on both sides), deterministically."""
    batches = sorted({n.batch for n in matrix.notes})
    if len(batches) < folds:  # too few batches: split notes at random instead
        order = list(range(len(matrix.notes)))
        random.Random(SEED).shuffle(order)  # noqa: S311 - a reproducible split, not a secret
        return [order[i::folds] for i in range(folds)]
    random.Random(SEED).shuffle(batches)  # noqa: S311 - a reproducible split, not a secret
    assignment = {b: i % folds for i, b in enumerate(batches)}
    groups: list[list[int]] = [[] for _ in range(folds)]
    for i, note in enumerate(matrix.notes):
        groups[assignment[note.batch]].append(i)
    return groups


def train(
    matrix: Matrix,
    *,
    c: float = C,
    positive_weight: float = POSITIVE_WEIGHT,
    beta: float = BETA,
    note_level: bool = NOTE_LEVEL,
) -> tuple[Weights, np.ndarray, np.ndarray]:
    """Return weights fitted on every note, and the note-level model and thresholds fitted
    on scores of notes the weights did not see (inner folds by batch)."""
    stats = np.zeros((len(matrix.notes), len(MARKERS), STAGE2_INPUTS))
    options = {"c": c, "positive_weight": positive_weight, "note_level": note_level}
    for fold in map(sorted, _groups(matrix, INNER_FOLDS)):
        rest = sorted(set(range(len(matrix.notes))) - set(fold))
        weights = fit(matrix.subset(rest), **options)
        stats[fold] = note_stats(weights, matrix.subset(fold))
    stage2 = fit_stage2(stats, matrix.truth)
    thresholds = best_thresholds(note_probability(stats, stage2), matrix.truth, beta)
    return fit(matrix, **options), stage2, thresholds


def to_model(
    weights: Weights, stage2: np.ndarray, thresholds: np.ndarray, meta: dict[str, object]
) -> bytes:
    """Return the model file's bytes: only the buckets that carry a weight."""
    table_coef = np.vstack([weights.coef, weights.note_coef])  # (2 * markers, buckets)
    used = np.flatnonzero(np.abs(table_coef).max(axis=0) >= PRUNE_BELOW)
    table = {int(b): [float(w) for w in table_coef[:, b]] for b in used}
    return to_bytes(
        intercepts=[float(x) for x in (*weights.intercepts, *weights.note_intercepts)],
        thresholds=[float(x) for x in thresholds],
        note_model=[[float(x) for x in row] for row in stage2],
        weights=table,
        meta=meta,
    )


def decide(scores: np.ndarray, thresholds: np.ndarray) -> np.ndarray:
    return (scores >= thresholds).astype(np.int8)


def figures(predicted: np.ndarray, truth: np.ndarray) -> dict[str, object]:
    """Return per-marker precision, recall and F1, the macro-F1 and the note-level figures,
    as ruptures.evaluation does for the detector."""
    per_marker = {}
    scored = []
    for m, marker in enumerate(MARKERS):
        tp = int(((predicted[:, m] == 1) & (truth[:, m] == 1)).sum())
        fp = int(((predicted[:, m] == 1) & (truth[:, m] == 0)).sum())
        fn = int(((predicted[:, m] == 0) & (truth[:, m] == 1)).sum())
        per_marker[marker] = _prf(tp, fp, fn)
        if tp + fp + fn:
            scored.append(per_marker[marker]["f1"])
    any_found, any_true = predicted.any(axis=1), truth.any(axis=1)
    note = _prf(
        int((any_found & any_true).sum()),
        int((any_found & ~any_true).sum()),
        int((~any_found & any_true).sum()),
    )
    return {
        "notes": int(len(truth)),
        "per_marker": per_marker,
        "macro_f1": round(sum(scored) / len(scored), 4) if scored else 0.0,
        "note_precision": note["precision"],
        "note_recall": note["recall"],
    }


def _prf(tp: int, fp: int, fn: int) -> dict[str, float]:
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "precision": round(precision, 4),
        "recall": round(recall, 4),
        "f1": round(f1, 4),
        "support": tp + fn,
    }


_SHARED: dict[str, object] = {}


def _held_out(batch: str) -> dict[str, object]:
    """Train on every batch but `batch`, score `batch` (run in a worker process)."""
    with threadpool_limits(1):  # one BLAS thread per process: the folds already share cores
        return _held_out_figures(batch)


def _held_out_figures(batch: str) -> dict[str, object]:
    matrix: Matrix = _SHARED["matrix"]  # type: ignore[assignment]
    options: dict[str, float] = _SHARED["options"]  # type: ignore[assignment]
    never: frozenset[str] = _SHARED["never_train_on"]  # type: ignore[assignment]
    held = [i for i, n in enumerate(matrix.notes) if n.batch == batch]
    rest = [i for i, n in enumerate(matrix.notes) if n.batch != batch and n.batch not in never]
    weights, stage2, thresholds = train(matrix.subset(rest), **options)
    test = matrix.subset(held)
    predicted = decide(note_scores(weights, test, stage2), thresholds)
    result = figures(predicted, test.truth)
    result["by_language"] = {}
    for language in sorted({n.language or "" for n in test.notes}):
        rows = [i for i, n in enumerate(test.notes) if (n.language or "") == language]
        result["by_language"][language] = figures(predicted[rows], test.truth[rows])
    return result


def crossval(
    matrix: Matrix,
    *,
    workers: int = 1,
    progress: Callable[[str], None] | None = None,
    never_train_on: Iterable[str] = (),
    **options: float,
) -> dict[str, dict[str, object]]:
    """Train on all batches but one and score the one left out, for each batch.

    Returns the figures of each held-out batch (and of each of its languages when it has
    several). `workers` > 1 runs the folds in that many processes. Batches named in
    `never_train_on` are scored but never trained on (the "before" of a comparison).
    """
    _SHARED["matrix"], _SHARED["options"] = matrix, options
    _SHARED["never_train_on"] = frozenset(never_train_on)
    batches = sorted({n.batch for n in matrix.notes})
    results: dict[str, dict[str, object]] = {}
    if workers > 1:
        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(workers, mp_context=context) as pool:
            for batch, result in zip(batches, pool.map(_held_out, batches), strict=True):
                results[batch] = result
                if progress:
                    progress(_line(batch, result))
    else:
        for batch in batches:
            results[batch] = _held_out(batch)
            if progress:
                progress(_line(batch, results[batch]))
    _SHARED.clear()
    return results


def _line(batch: str, result: dict[str, object]) -> str:
    return f"{batch}: macro-F1 {result['macro_f1']}, note precision {result['note_precision']}"
