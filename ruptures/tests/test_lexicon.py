"""The cue lexicon: every family's examples match it and its counter-examples do not."""

from __future__ import annotations

from pathlib import Path

import pytest

from ruptures import lexicon
from ruptures.markers import CUE_EXPLANATIONS, MARKERS

FAMILIES = [
    (language, family)
    for language in lexicon.LANGUAGES
    for family in lexicon.load(language).families.values()
]


def _found(language: str, text: str) -> set[str]:
    return {m.family for m in lexicon.load(language).find_in_text(text)}


@pytest.mark.parametrize(
    ("language", "family"), FAMILIES, ids=[f"{lang}-{f.name}" for lang, f in FAMILIES]
)
def test_family_matches_its_examples_and_not_its_counter_examples(
    language: str, family: lexicon.Family
) -> None:
    assert family.examples, f"{family.source} [{family.name}] has no example"
    for example in family.examples:
        assert family.name in _found(language, example), example
    for counter in family.counter_examples:
        assert family.name not in _found(language, counter), counter


def test_every_marker_family_is_explained_and_points_at_a_marker() -> None:
    for _language, family in FAMILIES:
        assert family.marker in {*MARKERS, "context", "lookalike"}, family.source
        if family.marker in MARKERS:
            assert family.name in CUE_EXPLANATIONS, f"{family.source} [{family.name}]"


def test_both_languages_have_the_same_families() -> None:
    names = {lang: set(lexicon.load(lang).families) for lang in lexicon.LANGUAGES}
    assert names["fr"] == names["en"]


def test_inflections_are_expanded_by_the_loader() -> None:
    assert {"cancelled", "cancels", "cancelling"} <= lexicon.inflections("cancel", "en")
    assert {"annule", "annulait", "annulent", "annulee"} <= lexicon.inflections("annuler", "fr")
    assert _found_tokens("en", "reschedule~", "She rescheduled twice.") == "rescheduled"


def _found_tokens(language: str, cue: str, text: str) -> str:
    """Return what a one-cue family finds in `text`."""
    matcher = lexicon.Matcher(
        [lexicon.Family("probe", language, "avoidance", (cue,), (), (), "test")]
    )
    return " ".join(text[m.start : m.end].lower() for m in matcher.find_in_text(text))


@pytest.mark.parametrize(
    ("language", "cue", "text", "expected"),
    [
        (
            "fr",
            "arriver~ .. en retard",
            "Elle est arrivée vingt minutes en retard.",
            "arrivée vingt minutes en retard",
        ),
        ("fr", "annul~", "Elle annulait souvent.", "annulait"),
        ("en", "passive-aggressive", "A passive aggressive remark.", "passive aggressive"),
        ("fr", "n'a pas fait", "Il n’a pas fait sa grille.", "n’a pas fait"),
        ("en", "roll~ .. eyes", "She rolled her eyes.", "rolled her eyes"),
        ("fr", "sarcas*", "Très sarcastique aujourd'hui.", "sarcastique"),
        ("fr", "rdv|rendez-vous", "Manque le rendez-vous.", "rendez-vous"),
    ],
)
def test_cue_syntax(language: str, cue: str, text: str, expected: str) -> None:
    assert _found_tokens(language, cue, text) == expected.lower()


def test_a_bad_lexicon_file_is_refused_with_its_name(tmp_path: Path) -> None:
    (tmp_path / "fr").mkdir()
    (tmp_path / "fr" / "broken.toml").write_text("[family]\ncues = 'not a list'\n")
    with pytest.raises(lexicon.LexiconError, match=r"broken\.toml \[family\]"):
        lexicon.load("fr", tmp_path)
    (tmp_path / "fr" / "broken.toml").write_text("[family]\ncues = ['ab*']\n")
    with pytest.raises(lexicon.LexiconError, match="too short"):
        lexicon.load.__wrapped__("fr", tmp_path)
    (tmp_path / "fr" / "broken.toml").write_text("[family\n")
    with pytest.raises(lexicon.LexiconError, match="broken.toml"):
        lexicon.load.__wrapped__("fr", tmp_path)
