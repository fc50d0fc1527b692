"""The reader's trained model at run time: weight tables applied to a note's features.

Plain Python and numpy (no Django, no scikit-learn). The model file
(`ruptures/data/model.gz`, written by `manage.py ruptures_train`) holds, for each marker:
- the weights of the hashed feature buckets for the clause model (a clause's score is the
  logistic of its features' weights) and for the whole-note model (the same over the union
  of the note's features), with their intercepts;
- the note-level decision: a logistic regression over the best clause's score, the second
  best, the note's length in clauses and the whole-note score, and a threshold calibrated on
  notes the weights never saw.
A note shows a marker when its note-level probability reaches the marker's threshold.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import math
import struct
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from ruptures.features import BUCKETS, ReadClause, bucket
from ruptures.markers import MARKERS

MODEL_PATH = Path(__file__).resolve().parent / "data" / "model.gz"
FORMAT = 2
QUANTUM = 5000  # weights are stored in int16 steps of 1/QUANTUM (up to ±6.55)
STAGE2_INPUTS = 4
CACHE_LIMIT = 200_000  # features remembered with their weight row
_CLIP = 1e-6


def note_stats_of(
    probs: np.ndarray, note_of: np.ndarray, notes: int, whole: np.ndarray
) -> np.ndarray:
    """Return, per note and marker, the inputs of the note-level decision: the logit of
    the note's best clause, of its second best, log(1 + its number of clauses), and the
    logit of the whole-note model's probability (`whole`, shape (notes, markers))."""
    markers = probs.shape[1]
    best = np.full((notes, markers), _CLIP)
    second = np.full((notes, markers), _CLIP)
    counts = np.bincount(note_of, minlength=notes).astype(float)
    if len(note_of):
        for m in range(markers):
            p = probs[:, m]
            np.maximum.at(best[:, m], note_of, p)
            # Leave out one clause that holds the note's best score; the rest give the second.
            top = np.flatnonzero(p == best[note_of, m])
            _, first = np.unique(note_of[top], return_index=True)
            rest = np.ones(len(p), dtype=bool)
            rest[top[first]] = False
            np.maximum.at(second[:, m], note_of[rest], p[rest])
    return _stack(best, second, np.log1p(counts)[:, None], whole)


def _stack(best: np.ndarray, second: np.ndarray, size: np.ndarray, whole: np.ndarray) -> np.ndarray:
    stats = np.empty((*best.shape, STAGE2_INPUTS))
    stats[:, :, 0] = _logit(best)
    stats[:, :, 1] = _logit(second)
    stats[:, :, 2] = size
    stats[:, :, 3] = _logit(whole)
    return stats


def note_probability(stats: np.ndarray, note_model: np.ndarray | None) -> np.ndarray:
    """Apply the note-level model (per marker: one weight per input, then an intercept)."""
    if note_model is None:
        return 1.0 / (1.0 + np.exp(-stats[:, :, 0]))
    z = (stats * note_model[None, :, :STAGE2_INPUTS]).sum(axis=2) + note_model[:, STAGE2_INPUTS]
    return 1.0 / (1.0 + np.exp(-z))


_LOGIT_LIMIT = math.log((1 - _CLIP) / _CLIP)


def _logit1(p: float) -> float:
    p = min(max(p, _CLIP), 1 - _CLIP)
    return math.log(p / (1 - p))


def _logit(p: np.ndarray) -> np.ndarray:
    p = np.clip(p, _CLIP, 1 - _CLIP)
    return np.log(p / (1 - p))


class _Rows(dict[str, int]):
    """Feature -> weight row, computed on first use (the zero row when its bucket has none).

    `prefix` is prepended to the key to make the feature ("u:" for a word); a _Rows of
    word pairs is keyed by (first, second) and makes "b:first_second".
    """

    def __init__(self, rows: dict[int, int], prefix: str = "") -> None:
        super().__init__()
        self.bucket_rows = rows
        self.missing = len(rows)
        self.prefix = prefix

    def __missing__(self, key: str) -> int:
        row = self[key] = self.bucket_rows.get(bucket(self.prefix + key), self.missing)
        return row


class _PairRows(dict[tuple[str, str], int]):
    def __init__(self, rows: dict[int, int]) -> None:
        super().__init__()
        self.bucket_rows = rows
        self.missing = len(rows)

    def __missing__(self, key: tuple[str, str]) -> int:
        row = self[key] = self.bucket_rows.get(bucket(f"b:{key[0]}_{key[1]}"), self.missing)
        return row


class ModelError(RuntimeError):
    """The model file is missing or unreadable; the message names the file."""


@dataclass(frozen=True)
class Model:
    markers: tuple[str, ...]
    intercepts: np.ndarray  # (2 * markers,): the clause model's, then the whole note's
    thresholds: np.ndarray  # (markers,)
    note_model: np.ndarray  # (markers, STAGE2_INPUTS + 1)
    rows: dict[int, int]  # bucket -> row of `weights`
    # (rows + 1, 2 * markers): the clause model's weights, then the whole note's; the last
    # row is zeros (buckets without a weight)
    weights: np.ndarray
    fingerprint: str
    meta: dict[str, object]
    caches: tuple[_Rows, _Rows, _PairRows, _Rows] = field(init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        # Rows remembered per word ("u:"), per negated word ("n:"), per pair ("b:") and per
        # cue feature: a note's words mostly come back, so their features are hashed once.
        rows = self.rows
        object.__setattr__(
            self, "caches", (_Rows(rows, "u:"), _Rows(rows, "n:"), _PairRows(rows), _Rows(rows))
        )

    def scores(self, clauses: list[ReadClause]) -> tuple[np.ndarray, list[float]]:
        """Return each clause's probability for each marker, shape (clauses, markers), and
        the note's probability for each marker (the note-level model of note_stats_of and
        note_probability, for one note).

        A clause's features are those ReadClause.features lists, looked up through the
        caches (the note's words and word pairs once for all its clauses); one gather of
        their weight rows gives each clause's sums, and the whole note's are their total.
        """
        markers = len(self.markers)
        if not clauses:
            return np.zeros((0, markers)), [0.0] * markers
        words_rows, negated_rows, pair_rows, cue_rows = self.caches
        if sum(map(len, self.caches)) > CACHE_LIMIT:
            for cache in self.caches:
                cache.clear()
        words = clauses[0].note_words
        unigrams = list(map(words_rows.__getitem__, words))
        pairs = list(map(pair_rows.__getitem__, zip(words, words[1:], strict=False)))
        index: list[int] = []
        starts: list[int] = []
        for read in clauses:
            a = read.clause.first
            b = a + len(read.clause.tokens)
            starts.append(len(index))
            index += unigrams[a:b]
            index += pairs[a : b - 1]
            index.append(pair_rows["^", words[a]])
            index.append(pair_rows[words[b - 1], "$"])
            if read.negated_from < b - a - 1:
                index += map(negated_rows.__getitem__, words[a + read.negated_from + 1 : b])
            if read.cue_features:
                index += map(cue_rows.__getitem__, read.cue_features)
        # take() on an int32 array: several times faster than indexing with a list.
        rows = np.fromiter(index, dtype=np.int32, count=len(index))
        gathered = self.weights.take(rows, axis=0)
        sums = np.add.reduceat(gathered, starts, axis=0)
        probs = 1.0 / (1.0 + np.exp(-(sums[:, :markers] + self.intercepts[:markers])))
        whole = (sums[:, markers:].sum(axis=0) + self.intercepts[markers:]).tolist()
        ordered = np.sort(probs, axis=0)
        best = ordered[-1].tolist()
        second = ordered[-2].tolist() if len(ordered) > 1 else [_CLIP] * markers
        size = math.log1p(len(clauses))
        decided = []
        for m, (a, b, c, d, intercept) in enumerate(self.note_model.tolist()):
            z = a * _logit1(best[m]) + b * _logit1(second[m]) + c * size
            z += d * max(-_LOGIT_LIMIT, min(_LOGIT_LIMIT, whole[m])) + intercept
            decided.append(1.0 / (1.0 + math.exp(-z)))
        return probs, decided

    def contributions(self, features: list[str], marker: int) -> dict[str, float]:
        """Return the weight each of these features gives to a marker (for explaining)."""
        rows = self.caches[3]
        return {f: float(self.weights[rows[f], marker]) for f in features}


def to_bytes(
    *,
    intercepts: list[float],
    thresholds: list[float],
    note_model: list[list[float]],
    weights: dict[int, list[float]],
    meta: dict[str, object],
) -> bytes:
    """Serialise a model reproducibly: the same figures always give the same bytes.

    The file is gzip over: a 4-byte length, a JSON header (markers, intercepts, thresholds,
    the note-level model, what it was trained on), then the buckets that carry a weight
    (int32) and their weights, quantised to int16 steps of 1/QUANTUM.
    """
    buckets = sorted(weights)
    table = np.asarray([weights[b] for b in buckets], dtype=float).reshape(len(buckets), -1)
    header = {
        "format": FORMAT,
        "buckets": BUCKETS,
        "markers": list(MARKERS),
        "intercepts": [round(x, 5) for x in intercepts],
        "thresholds": [round(x, 4) for x in thresholds],
        "note_model": [[round(x, 5) for x in row] for row in note_model],
        "rows": len(buckets),
        "columns": int(table.shape[1]) if buckets else 2 * len(MARKERS),
        "quantum": QUANTUM,
        "meta": meta,
    }
    raw = json.dumps(header, separators=(",", ":"), sort_keys=True).encode()
    quantised = np.clip(np.rint(table * QUANTUM), -32767, 32767).astype("<i2")
    body = (
        struct.pack("<I", len(raw))
        + raw
        + np.asarray(buckets, dtype="<i4").tobytes()
        + quantised.tobytes()
    )
    return gzip.compress(body, compresslevel=9, mtime=0)


def from_bytes(data: bytes, name: str = "model") -> Model:
    """Read a model; ModelError names the file when it is corrupt or of another format."""
    try:
        body = gzip.decompress(data)
        (length,) = struct.unpack_from("<I", body)
        header = json.loads(body[4 : 4 + length])
        if header.get("format") != FORMAT or header.get("buckets") != BUCKETS:
            raise ValueError(f"format {header.get('format')}, {header.get('buckets')} buckets")
        markers = tuple(header["markers"])
        if markers != MARKERS:
            raise ValueError(f"markers {markers} are not {MARKERS}")
        count, columns = int(header["rows"]), int(header["columns"])
        if columns != 2 * len(markers):
            raise ValueError(f"{columns} weight columns for {len(markers)} markers")
        offset = 4 + length
        rows = np.frombuffer(body, dtype="<i4", count=count, offset=offset)
        offset += 4 * count
        table = np.frombuffer(body, dtype="<i2", count=count * columns, offset=offset)
        if offset + 2 * count * columns != len(body):
            raise ValueError("the weight table is not the size its header says")
        weights = np.zeros((count + 1, columns))
        weights[:-1] = table.reshape(count, columns) / float(header["quantum"])
        intercepts = np.asarray(header["intercepts"], dtype=float)
        thresholds = np.asarray(header["thresholds"], dtype=float)
        note_model = np.asarray(header["note_model"], dtype=float)
        if intercepts.shape != (columns,) or thresholds.shape != (len(markers),):
            raise ValueError("intercepts (two) and thresholds (one) per marker are missing")
        if note_model.shape != (len(markers), STAGE2_INPUTS + 1):
            raise ValueError("the note model needs one row per marker")
    except (OSError, EOFError, ValueError, KeyError, TypeError, struct.error) as exc:
        raise ModelError(
            f"The rupture reader's model {name} cannot be read ({exc}). Rebuild it with "
            "'python manage.py ruptures_train'."
        ) from None
    return Model(
        markers=markers,
        intercepts=intercepts,
        thresholds=thresholds,
        note_model=note_model,
        rows={int(b): i for i, b in enumerate(rows.tolist())},
        weights=weights,
        fingerprint=hashlib.sha256(data).hexdigest()[:12],
        meta=dict(header.get("meta", {})),
    )


def load(path: Path = MODEL_PATH) -> Model:
    """Read the model file; ModelError names it when it is missing or corrupt."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ModelError(
            f"The rupture reader's model {path} is missing ({exc.strerror}). Rebuild it with "
            "'python manage.py ruptures_train'."
        ) from None
    return from_bytes(data, str(path))
