"""The seven rupture markers (Safran & Muran) and the cues the reader explains them by.

Plain Python: the labels are gettext message ids marked with `gettext_noop`, so that the
catalogues carry them and whoever shows them (a template, an export) translates them with
Django's gettext at display time. The marker codes are stored in the database and in the
labelled corpus: they never change.
"""

from __future__ import annotations

from dataclasses import dataclass


def gettext_noop(message: str) -> str:
    """Mark `message` for the catalogues without translating it (makemessages finds it)."""
    return message


CONFRONTATION = "confrontation"
WITHDRAWAL = "withdrawal"


@dataclass(frozen=True)
class Marker:
    code: str
    category: str  # CONFRONTATION or WITHDRAWAL
    default_cause: str  # goals, tasks or bond: the likely cause until the practitioner says
    label: str  # gettext message id
    explanation: str  # gettext message id


REGISTRY: tuple[Marker, ...] = (
    Marker(
        "direct_negative",
        CONFRONTATION,
        "bond",
        gettext_noop("Direct expression of negative feelings"),
        gettext_noop(
            "The client expresses anger, frustration or dissatisfaction toward you or the therapy."
        ),
    ),
    Marker(
        "indirect_negative",
        CONFRONTATION,
        "bond",
        gettext_noop("Indirect expression of negative feelings"),
        gettext_noop(
            "Hostility comes out indirectly: sarcasm, irony, sighs or passive-aggressive remarks."
        ),
    ),
    Marker(
        "disagreement",
        CONFRONTATION,
        "goals",
        gettext_noop("Disagreement on goals or tasks"),
        gettext_noop("The client disagrees with a goal or a task of the therapy."),
    ),
    Marker(
        "compliance",
        WITHDRAWAL,
        "tasks",
        gettext_noop("Compliance"),
        gettext_noop(
            "The client goes along without real agreement: yes to everything, telling you "
            "what you want to hear."
        ),
    ),
    Marker(
        "avoidance",
        WITHDRAWAL,
        "bond",
        gettext_noop("Avoidance manoeuvres"),
        gettext_noop(
            "The client steers away from the topic, the feeling or the sessions themselves."
        ),
    ),
    Marker(
        "self_esteem",
        CONFRONTATION,
        "bond",
        gettext_noop("Self-esteem-enhancing operations"),
        gettext_noop(
            "The client protects their self-esteem: justifying, boasting, or setting "
            "themselves above your help."
        ),
    ),
    Marker(
        "non_response",
        WITHDRAWAL,
        "bond",
        gettext_noop("Non-response to an intervention"),
        gettext_noop(
            "The client does not respond to an intervention: silence, minimal answers, no reaction."
        ),
    ),
)

BY_CODE: dict[str, Marker] = {m.code: m for m in REGISTRY}
MARKERS: tuple[str, ...] = tuple(m.code for m in REGISTRY)
CONFRONTATION_MARKERS = frozenset(m.code for m in REGISTRY if m.category == CONFRONTATION)
WITHDRAWAL_MARKERS = frozenset(m.code for m in REGISTRY if m.category == WITHDRAWAL)


def category(code: str) -> str:
    """Return "confrontation" or "withdrawal" for a marker code."""
    return BY_CODE[code].category


# What the reader names as the reason for a flag: the cue family (ruptures/lexicon) that
# weighed most in the clause it rests on. A family without an entry here is explained by
# its marker's explanation.
CUE_EXPLANATIONS: dict[str, str] = {
    "criticism": gettext_noop("criticism of you or of the therapy"),
    "quoted_criticism": gettext_noop("quoted criticism addressed to you"),
    "anger": gettext_noop("anger or irritation in the session"),
    "dissatisfaction": gettext_noop("dissatisfaction with the sessions or their usefulness"),
    "wants_to_stop": gettext_noop("talk of stopping or changing practitioner"),
    "sarcasm": gettext_noop("sarcasm or irony"),
    "nonverbal_hostility": gettext_noop("hostility shown by tone or gesture"),
    "barbed_remark": gettext_noop("a barbed or passive-aggressive remark"),
    "complaint_to_others": gettext_noop("complaints about you made to others"),
    "goal_disagreement": gettext_noop("disagreement with a goal of the therapy"),
    "task_disagreement": gettext_noop("disagreement with a task or an exercise"),
    "refusal": gettext_noop("refusal of what was proposed"),
    "pointless": gettext_noop("the work called pointless"),
    "deference": gettext_noop("deference: the decision left to you"),
    "agrees_to_everything": gettext_noop("agreement with everything, without an opinion"),
    "people_pleasing": gettext_noop("saying what you want to hear"),
    "late_arrival": gettext_noop("a late arrival"),
    "missed_session": gettext_noop("a missed or cancelled session"),
    "excuse": gettext_noop("an excuse for a task not done"),
    "topic_change": gettext_noop("a change of subject"),
    "deflection": gettext_noop("a question deflected or a topic steered away from"),
    "intellectualising": gettext_noop("intellectualising"),
    "joking_away": gettext_noop("a joke that turns the subject away"),
    "vague_storytelling": gettext_noop("vague or anecdotal talk that keeps away from the point"),
    "justification": gettext_noop("self-justification in reaction to you"),
    "boasting": gettext_noop("credentials or successes put forward in reaction to you"),
    "knows_better": gettext_noop("setting themselves above your help"),
    "silence": gettext_noop("silence after an intervention"),
    "minimal_answers": gettext_noop("one-word or minimal answers"),
    "no_reaction": gettext_noop("no reaction to an intervention"),
    "task_not_done": gettext_noop("agreed means not used"),
    "shrug": gettext_noop("a shrug or a blank look instead of an answer"),
}
