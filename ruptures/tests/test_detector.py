"""The rupture reader: plain functions, no Django, no database."""

from __future__ import annotations

import gzip
from pathlib import Path

import numpy as np
import pytest

from ruptures import corpus, detector, features, lexicon, training
from ruptures.detector import detect, has_rupture
from ruptures.markers import (
    CONFRONTATION_MARKERS,
    MARKERS,
    WITHDRAWAL_MARKERS,
    category,
)
from ruptures.model import MODEL_PATH, ModelError, from_bytes
from ruptures.text import detect_language, fold


def markers(text: str, language: str | None = None) -> set[str]:
    return {h.marker for h in detect(text, language)}


def test_codes_and_categories_are_the_documented_ones() -> None:
    assert MARKERS == (
        "direct_negative",
        "indirect_negative",
        "disagreement",
        "compliance",
        "avoidance",
        "self_esteem",
        "non_response",
    )
    assert {"direct_negative", "indirect_negative", "disagreement", "self_esteem"} == (
        CONFRONTATION_MARKERS
    )
    assert {"compliance", "avoidance", "non_response"} == WITHDRAWAL_MARKERS
    assert category("avoidance") == "withdrawal"


def test_the_demo_sentence_reads_as_criticism_and_disagreement() -> None:
    text = "Mme dit que les exercices ne servent à rien et que je ne la comprends pas."
    assert {"direct_negative", "disagreement"} <= markers(text, "fr")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Il me reproche de ne pas l'écouter : « vous ne comprenez rien à ma vie ».",
            "direct_negative",
        ),
        ("She told me flatly that therapy with me is a waste of her time.", "direct_negative"),
        ("Lève les yeux au ciel et soupire chaque fois que je reformule.", "indirect_negative"),
        ('Rolled his eyes: "oh great, another worksheet, thanks doc."', "indirect_negative"),
        ("Refuse la tâche d'exposition, elle la trouve ridicule et inutile.", "disagreement"),
        ("He refused the breathing homework, said it is pointless for him.", "disagreement"),
        ("Dit oui à tout : « c'est vous l'experte, comme vous voulez ».", "compliance"),
        ('Agreed to every suggestion at once: "whatever you think is best."', "compliance"),
        (
            "Arrivée 25 minutes en retard, elle change de sujet dès qu'on parle de sa mère.",
            "avoidance",
        ),
        ("Cancelled again by text, said work was too busy.", "avoidance"),
        (
            "Se justifie longuement et rappelle qu'il a un doctorat, qu'il en sait plus que moi.",
            "self_esteem",
        ),
        (
            "Reminded me he manages forty engineers and knows more about CBT than I do.",
            "self_esteem",
        ),
        ("Réponses d'un mot, long silence après mon reflet, regard au sol.", "non_response"),
        ("One-word answers all session; no reaction when I named the sadness.", "non_response"),
    ],
)
def test_each_marker_is_read_in_both_languages(text: str, expected: str) -> None:
    assert expected in markers(text)


@pytest.mark.parametrize(
    "text",
    [
        "Séance centrée sur le sommeil ; elle dort mieux depuis deux semaines.",
        "Reviewed the sleep diary together; good week, plan unchanged.",
        "Elle est furieuse contre son propriétaire qui refuse de réparer le chauffage.",
        "Very angry at his manager all session; we worked on an assertive email.",
        "Bonne observance de la médication, aucun effet secondaire.",
        "Built the exposure hierarchy together; SUDS ratings for each step.",
    ],
)
def test_ordinary_notes_and_clear_look_alikes_are_not_markers(text: str) -> None:
    assert markers(text) == set()


def test_evidence_spans_point_into_the_original_text_and_name_a_cue() -> None:
    text = "Séance difficile. Elle est arrivée 20 minutes en retard, encore à cause du bus."
    (hit,) = [h for h in detect(text) if h.marker == "avoidance"]
    assert hit.spans and all(0 <= a < b <= len(text) for a, b in hit.spans)
    assert any("retard" in text[a:b] for a, b in hit.spans)
    assert 0 < hit.confidence <= 1
    assert hit.cue in {"late_arrival", "excuse"} and hit.explanation


def test_a_note_mixing_languages_is_read_in_full() -> None:
    text = (
        "Séance difficile : elle change de sujet dès qu'on parle de sa mère. She also said: "
        '"you never listen to me, this therapy is not helping me at all."'
    )
    assert {"direct_negative", "avoidance"} <= markers(text)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   \n\t ",
        "😀🙂💬 " * 50,
        "\x00\x01\x02 contrôle \x1b[31m",
        "x" * 20_000,
        ("Elle a changé de sujet. " * 900)[:20_000],
        "é" * 5 + "\u202e" + "abc",
        "S:\nO:\nA:\nP:",
        "« » \" ' ' ( ) [ ] ; : , . ! ? … — –",
    ],
)
def test_bad_input_gives_a_sensible_result(text: str) -> None:
    hits = detect(text)
    for hit in hits:
        assert all(0 <= a < b <= len(text) for a, b in hit.spans)
    assert has_rupture(text) == bool(hits)


def test_folding_keeps_offsets_and_detects_language() -> None:
    text = "Élodie, sœur aînée — « Ça va » ’"
    assert len(fold(text)) == len(text)
    assert fold("ÉÀÇÔ") == "eaco"
    assert detect_language(fold("Elle a dit que la séance était utile")) == "fr"
    assert detect_language(fold("She said the session was useful")) == "en"


def test_the_version_comes_from_the_model_and_the_lexicon() -> None:
    version = detector.detector_version()
    model = detector.current_model()
    assert version == f"{model.fingerprint[:8]}-{lexicon.fingerprint()[:8]}"
    assert len(version) <= 20  # RuptureFlag.detector_version


def test_the_shipped_model_was_trained_with_the_lexicon_as_it_is() -> None:
    """Changing a lexicon file changes the features: retrain (manage.py ruptures_train)."""
    model = from_bytes(MODEL_PATH.read_bytes())
    assert model.meta["lexicon"] == lexicon.fingerprint()
    assert model.meta["notes"] == sum(len(b) for b in corpus.load_batches().values())


def test_a_missing_or_corrupt_model_is_refused_with_its_name(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere.gz"
    with pytest.raises(ModelError, match="nowhere.gz"):
        detector.use_model(missing)
    for content in (b"not gzip", gzip.compress(b"\x05\x00\x00\x00{bad}"), b""):
        broken = tmp_path / "broken.gz"
        broken.write_bytes(content)
        with pytest.raises(ModelError, match="broken.gz"):
            detector.use_model(broken)
    # The reader still reads with the model it had.
    assert detector.current_model() is not None
    assert markers("One-word answers all session, long silences.") == {"non_response"}


def test_training_is_reproducible_and_crossval_scores_each_held_out_batch() -> None:
    batches = corpus.load_batches()
    notes = [
        n
        for name in ("s02-en-us-cmhc", "s03-fr-fr-liberal", "s04-en-uk-iapt")
        for n in batches[name]
    ]
    matrix = training.build_matrix(notes)
    first = training.to_model(*training.train(matrix), {"test": 1})
    second = training.to_model(*training.train(training.build_matrix(notes)), {"test": 1})
    assert first == second
    results = training.crossval(matrix)
    assert set(results) == {"s02-en-us-cmhc", "s03-fr-fr-liberal", "s04-en-uk-iapt"}
    assert set(results["s03-fr-fr-liberal"]["by_language"]) == {"fr"}
    assert 0 < results["s02-en-us-cmhc"]["macro_f1"] <= 1


def test_the_corpus_has_the_documented_shape() -> None:
    batches = corpus.load_batches()
    notes = [n for b in batches.values() for n in b]
    assert len(notes) >= 3000
    french = sum(n.language == "fr" for n in notes) / len(notes)
    assert 0.45 <= french <= 0.55
    long_notes = sum(len(n.text) >= 600 for n in notes) / len(notes)
    assert long_notes >= 0.40
    without_marker = sum(not n.markers for n in notes) / len(notes)
    assert without_marker >= 0.35
    for name in batches:
        if name != "dev_set":
            assert (corpus.BATCHES_DIR / name / "brief.md").exists(), name
    final = corpus.load_final()
    assert {n.language for b in final.values() for n in b} == {"fr", "en"}
    assert not {n.text for b in final.values() for n in b} & {n.text for n in notes}


def test_a_bad_corpus_line_is_reported_by_number() -> None:
    with pytest.raises(ValueError, match="line 2"):
        list(
            corpus.read_jsonl(
                ['{"text": "ok", "markers": []}', '{"text": "x", "markers": ["bad"]}']
            )
        )
    with pytest.raises(ValueError, match="line 1"):
        list(
            corpus.read_jsonl(
                [
                    '{"text": "ok", "markers": ["avoidance"], '
                    '"evidence": [{"marker": "avoidance", "quote": "zz"}]}'
                ]
            )
        )


def test_run_time_scores_are_the_trained_models_over_the_features_training_reads() -> None:
    """The fast path (cached rows, one gather) adds up exactly the features training hashes."""
    model = detector.current_model()
    notes = [n for b in corpus.load_batches().values() for n in b][::97]
    for note in notes:
        clauses = features.read(note.text, note.language)
        if not clauses:
            continue
        probs, _ = model.scores(clauses)
        for read, got in zip(clauses, probs, strict=True):
            rows = [model.rows.get(features.bucket(f), len(model.rows)) for f in read.features]
            logit = (
                model.weights[rows, : len(MARKERS)].sum(axis=0) + model.intercepts[: len(MARKERS)]
            )
            assert np.allclose(got, 1 / (1 + np.exp(-logit))), read.clause.text


def test_a_flag_is_explained_by_a_cue_of_its_own_marker() -> None:
    """An excused undone task is avoidance: its explanation is never a non-response cue."""
    text = "Task not done, a busy week with the kids sick. Agreed to every suggestion at once."
    hits = detect(text, "en")
    assert hits
    for hit in hits:
        families = detector._families_of(hit.marker)
        assert hit.cue in families | {"", "quoted_criticism"}, (hit.marker, hit.cue)
