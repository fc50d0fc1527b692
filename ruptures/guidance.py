"""Repair guidance for each marker and likely cause, in French and English (no Django).

Written for Alliance from the rupture-repair literature (Safran & Muran's model of
confrontation and withdrawal ruptures and their resolution; the strategies catalogued by the
Rupture Resolution Rating System, 3RS). No text is copied from those sources.
"""

from __future__ import annotations

from dataclasses import dataclass

CAUSES = ("goals", "tasks", "bond")


@dataclass(frozen=True)
class Guidance:
    meaning: str
    responsibility: tuple[str, ...]
    exploration: tuple[str, ...]
    adjustment: tuple[str, ...]


_MEANING = {
    "en": {
        "confrontation": "A confrontation rupture: the client moves against you or the work. "
        "The strain is visible, which is an opportunity: it can be named and "
        "worked on together.",
        "withdrawal": "A withdrawal rupture: the client moves away from you or the work, or "
        "goes along without agreeing. It is quiet and easy to miss; it needs an "
        "invitation to be put into words.",
    },
    "fr": {
        "confrontation": "Une rupture de confrontation : le client se dresse contre vous ou "
        "contre le travail. La tension est visible, et c'est une occasion : "
        "elle peut être nommée et travaillée ensemble.",
        "withdrawal": "Une rupture de retrait : le client s'éloigne de vous ou du travail, ou "
        "suit sans adhérer. Elle est discrète et facile à manquer ; elle demande "
        "une invitation à être mise en mots.",
    },
}

_MARKER_NOTE = {
    "en": {
        "direct_negative": "Receive the criticism without defending yourself first; look for "
        "the part of it that is true.",
        "indirect_negative": "Hostility that comes out sideways usually feels unsafe to say "
        "openly; make it safe to say directly.",
        "disagreement": "A disagreement on goals or tasks is information about what the "
        "client needs; it is negotiable.",
        "compliance": "Agreement that costs nothing may hide disagreement the client does not "
        "feel free to voice.",
        "avoidance": "Steering away may protect the client from something painful, or from "
        "a pace that feels too fast.",
        "self_esteem": "Justifying or setting oneself above help often protects against "
        "feeling judged or small in the relationship.",
        "non_response": "Silence after an intervention may mean it missed, hurt, or came too soon.",
    },
    "fr": {
        "direct_negative": "Accueillez la critique sans vous défendre d'abord ; cherchez la "
        "part qui en est juste.",
        "indirect_negative": "Une hostilité qui passe de biais est souvent difficile à dire "
        "ouvertement ; rendez-la possible à dire directement.",
        "disagreement": "Un désaccord sur les objectifs ou les tâches renseigne sur les "
        "besoins du client ; il se négocie.",
        "compliance": "Un accord qui ne coûte rien peut cacher un désaccord que le client ne "
        "se sent pas libre d'exprimer.",
        "avoidance": "S'éloigner protège peut-être le client de quelque chose de douloureux, "
        "ou d'un rythme trop rapide.",
        "self_esteem": "Se justifier ou se placer au-dessus de l'aide protège souvent contre "
        "le fait de se sentir jugé ou diminué dans la relation.",
        "non_response": "Un silence après une intervention peut vouloir dire qu'elle a raté "
        "sa cible, blessé, ou qu'elle est venue trop tôt.",
    },
}

_RESPONSIBILITY = {
    "en": (
        "What did I do, or not do, just before the strain? (Pace, a task I pushed, a "
        "reflection that missed, a lateness, a change of schedule.)",
        "How was I that day? Tired, rushed, preoccupied? What did my availability rating "
        "say about that session?",
        "Which part of the client's reaction makes sense given what I did?",
        "Can I say that part aloud, simply, without over-apologising?",
    ),
    "fr": (
        "Qu'ai-je fait, ou pas fait, juste avant la tension ? (Rythme, tâche poussée, reflet "
        "à côté, retard, changement d'horaire.)",
        "Comment étais-je ce jour-là ? Fatigué·e, pressé·e, préoccupé·e ? Que disait ma cote "
        "de disponibilité pour cette séance ?",
        "Quelle part de la réaction du client a du sens compte tenu de ce que j'ai fait ?",
        "Puis-je dire cette part à voix haute, simplement, sans m'excuser à l'excès ?",
    ),
}

_EXPLORATION = {
    "en": {
        "confrontation": (
            'Name what you noticed, without judging: "I noticed you seemed irritated when I '
            'brought up the homework."',
            "Invite the client to say more about what is not working for them, and stay "
            "with it rather than explaining your choices.",
            "Look for the wish under the complaint: what would they need from you or from "
            "the sessions?",
        ),
        "withdrawal": (
            'Notice the shift aloud and give permission: "It is fine to tell me if this is '
            'not the right direction."',
            'Ask about the here-and-now: "What is it like to talk about this with me right now?"',
            "Welcome any small disagreement as a step forward, and thank the client for it.",
        ),
    },
    "fr": {
        "confrontation": (
            "Nommez ce que vous avez remarqué, sans jugement : « J'ai remarqué que tu semblais "
            "irrité quand j'ai parlé des devoirs. »",
            "Invitez le client à dire davantage ce qui ne lui convient pas, et restez-y plutôt "
            "que d'expliquer vos choix.",
            "Cherchez le souhait sous la plainte : de quoi aurait-il besoin de vous ou des "
            "rencontres ?",
        ),
        "withdrawal": (
            "Nommez le changement et donnez la permission : « Tu peux me dire si ce n'est pas "
            "la bonne direction. »",
            "Interrogez l'ici et maintenant : « Comment c'est d'en parler avec moi, là, "
            "maintenant ? »",
            "Accueillez le moindre désaccord comme un pas en avant, et remerciez-en le client.",
        ),
    },
}

_ADJUSTMENT = {
    "en": {
        "goals": (
            "Revisit the goal with the client in their own words; check it is still theirs.",
            "If the goal feels out of reach, break it into a nearer step; if it feels "
            "trivial, aim higher together.",
            "Agree explicitly again, and note the date of the new agreement.",
        ),
        "tasks": (
            "Ask how the task felt: too hard, too easy, not meaningful?",
            "Too hard: make it smaller or more concrete. Too easy: raise the challenge. Not "
            "meaningful: link it to the goal or choose another one together.",
            "Give the rationale for the task, then let the client shape it.",
        ),
        "bond": (
            "Make room for how the client experiences you and the relationship.",
            "Acknowledge your share, then check the client feels heard before moving on.",
            "Consider linking what happens between you to the client's other relationships, "
            "when they are ready.",
        ),
    },
    "fr": {
        "goals": (
            "Revoyez l'objectif avec le client, dans ses mots ; vérifiez qu'il est encore le sien.",
            "Si l'objectif semble hors d'atteinte, découpez une étape plus proche ; s'il semble "
            "trop facile, visez plus haut ensemble.",
            "Reconvenez-en explicitement, et notez la date du nouvel accord.",
        ),
        "tasks": (
            "Demandez comment la tâche a été vécue : trop difficile, trop facile, sans sens ?",
            "Trop difficile : rendez-la plus petite ou plus concrète. Trop facile : augmentez "
            "le défi. Sans sens : reliez-la à l'objectif ou choisissez-en une autre ensemble.",
            "Donnez la raison de la tâche, puis laissez le client la façonner.",
        ),
        "bond": (
            "Faites de la place à la façon dont le client vous vit, vous et la relation.",
            "Reconnaissez votre part, puis vérifiez que le client se sent entendu avant de "
            "passer à autre chose.",
            "Envisagez de relier ce qui se passe entre vous aux autres relations du client, "
            "quand il sera prêt.",
        ),
    },
}

# The likely cause of each marker when the practitioner has not chosen one.
DEFAULT_CAUSE = {
    "direct_negative": "bond",
    "indirect_negative": "bond",
    "disagreement": "goals",
    "compliance": "tasks",
    "avoidance": "bond",
    "self_esteem": "bond",
    "non_response": "bond",
}

EMOTIONS = {
    "en": ["concerned", "sorry", "uneasy", "touched", "sad", "confused", "worried"],
    "fr": [
        "préoccupé·e",
        "désolé·e",
        "mal à l'aise",
        "touché·e",
        "triste",
        "confus·e",
        "inquiet·ète",
    ],
}
CONFIRMATIONS = {
    "en": ["Is that right?", "Am I understanding you?", "Is that how it felt?"],
    "fr": [
        "Est-ce que c'est bien ça ?",
        "Est-ce que je te comprends bien ?",
        "Est-ce comme ça que tu l'as vécu ?",
    ],
}


def guidance(marker: str, category: str, cause: str, language: str) -> Guidance:
    """Return the repair guidance for a marker, its category and likely cause."""
    lang = language if language in _MEANING else "en"
    cause = cause if cause in CAUSES else DEFAULT_CAUSE.get(marker, "bond")
    meaning = _MEANING[lang][category]
    if marker in _MARKER_NOTE[lang]:
        meaning = f"{meaning} {_MARKER_NOTE[lang][marker]}"
    return Guidance(
        meaning=meaning,
        responsibility=_RESPONSIBILITY[lang],
        exploration=_EXPLORATION[lang][category],
        adjustment=_ADJUSTMENT[lang][cause],
    )


def compose_empathy(*, emotion: str, reflection: str, confirmation: str, language: str) -> str:
    """Put the four parts together: I / emotion / reflection / confirmation."""
    emotion, reflection, confirmation = emotion.strip(), reflection.strip(), confirmation.strip()
    if not (emotion or reflection or confirmation):
        return ""
    i_feel = "Je me sens" if language == "fr" else "I feel"
    separator = " ; " if language == "fr" else "; "
    parts = [f"{i_feel} {emotion}" if emotion else "", reflection]
    sentence = separator.join(p for p in parts if p).rstrip(".")
    return f"{sentence}. {confirmation}" if sentence and confirmation else sentence or confirmation
