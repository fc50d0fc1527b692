"""Cutting notes into clauses: sentences, abbreviations, sections, quotes and actors."""

from __future__ import annotations

from ruptures.clauses import ACTOR_CLIENT, ACTOR_PRACTITIONER, segment, split


def _texts(note: str) -> list[str]:
    return [c.text for c in split(note)]


def test_abbreviations_do_not_end_sentences() -> None:
    clauses = split("Mme K. arrive tôt. M. D. et le Dr. Roy en parlent. Pt. calme.")
    assert [c.sentence for c in clauses] == [0, 1, 2]
    assert clauses[0].text == "Mme K. arrive tôt."


def test_clauses_break_at_punctuation_conjunctions_and_long_quotes() -> None:
    assert _texts("Elle parle de sa mère, mais je la ramène au travail.") == [
        "Elle parle de sa mère",
        "mais je la ramène au travail.",
    ]
    assert _texts("He began with his mother and I steered him to work.") == [
        "He began with his mother",
        "and I steered him to work.",
    ]
    clauses = split("Elle dit « vous ne m'écoutez jamais vraiment ».")
    assert [c.quoted for c in clauses] == [False, True]


def test_sections_of_structured_notes() -> None:
    note = "S: mood low.\nO: tearful.\nA: rupture on the homework.\nP: review next week."
    assert [c.section for c in split(note)] == ["subjective", "objective", "assessment", "plan"]
    note = "D : humeur basse.\nA : tension.\nP : revoir le cadre."
    assert [c.section for c in split(note)] == ["data", "assessment", "plan"]
    note = "B: late.\nI: explored.\nR: shrugged.\nP: continue."
    assert [c.section for c in split(note)] == ["behaviour", "intervention", "response", "plan"]


def test_actor_of_each_clause() -> None:
    clauses = split('I cancelled the session. Pt said "you never listen to me".')
    assert clauses[0].actor == ACTOR_PRACTITIONER
    assert clauses[1].actor == ACTOR_CLIENT
    quoted = clauses[2]
    assert quoted.quoted and quoted.addresses_practitioner
    clauses = split("La soussignée reformule. L'usagère change de sujet, puis rit.")
    assert [c.actor for c in clauses] == [ACTOR_PRACTITIONER, ACTOR_CLIENT, ACTOR_CLIENT]
    assert split("She was angry at the writer.")[0].addresses_practitioner


def test_offsets_point_into_the_original_text() -> None:
    note = "Élodie arrive en retard ;  « c’est pas grave »\n\nPlan : revoir."
    segmented = segment(note)
    for clause in segmented.clauses:
        assert note[clause.start : clause.end] == clause.text
        for i, token in enumerate(clause.tokens, clause.first):
            assert segmented.tokens[i] == token
            assert len(note[segmented.starts[i] : segmented.ends[i]]) == len(token)


def test_empty_and_odd_input() -> None:
    assert split("") == []
    assert split("   \n\t ") == []
    assert split("😀🙂💬 " * 20) == []
    assert [c.tokens for c in split("\x00\x01 contrôle \x1b[31m")] == [["controle"], ["31m"]]
