"""Write realistic demo session notes in French and English (plain Python, no Django).

The demo practice uses them to show ordinary sessions, rupture episodes (one of Safran's
seven markers) and their repair. Names and situations are invented.
"""

from __future__ import annotations

import random

ROUTINE = {
    "fr": [
        "Rencontre centrée sur le sommeil; l'usager rapporte trois nuits complètes cette semaine.",
        "Retour sur la semaine au travail, plus calme selon elle. Bonne collaboration.",
        "On a revu le journal des pensées automatiques; deux exemples bien identifiés.",
        "La cliente décrit une dispute avec sa sœur, elle a su poser ses limites.",
        "Séance consacrée à la préparation du retour progressif au travail.",
        "Il arrive détendu, parle spontanément de ses progrès avec son fils.",
        "Exercice de respiration pratiqué en séance, elle dit que ça l'aide le soir.",
        "Discussion sur les déclencheurs de l'anxiété sociale; plan pour la fête de vendredi.",
        "L'usagère a fait le lien entre sa fatigue et les conflits avec son conjoint.",
        "RDV en visio, connexion stable. Travail sur la hiérarchie d'exposition.",
        "Elle est fâchée contre son propriétaire qui refuse les réparations; on en a parlé calmement.",
        "Bonne énergie aujourd'hui, il a proposé lui-même le prochain objectif.",
    ],
    "en": [
        "Session focused on sleep; client reports three full nights this week.",
        "Reviewed the thought record together; she identified two clear examples.",
        "He talked about the week at work, calmer overall. Good collaboration.",
        "Client described a conflict with her sister and was able to set limits.",
        "Worked on the exposure hierarchy; next step agreed together.",
        "Practised breathing in session; she says it helps in the evening.",
        "Video session, stable connection. Planned the return to work.",
        "He is frustrated with his boss about the schedule; we problem-solved options.",
        "Client linked her fatigue to arguments with her partner.",
        "Good energy today, he suggested the next goal himself.",
        "We went over the relapse-prevention plan; she feels ready.",
        "Talked about his breakup last spring; he is grieving but coping.",
    ],
}

TASK_REVIEW = {
    "fr": [
        "Tâche de la semaine faite en partie : deux marches sur trois.",
        "Le journal a été rempli tous les jours, bravo.",
        "Tâche non faite, semaine chargée avec les enfants malades.",
    ],
    "en": [
        "Homework partly done: two walks out of three.",
        "The diary was filled in every day.",
        "Task not done, a busy week with the kids sick.",
    ],
}

# One or two sentences per marker and language, as a practitioner would write them.
RUPTURE = {
    "direct_negative": {
        "fr": [
            "L'usager me dit qu'il est frustré par nos rencontres et qu'il a l'impression "
            "que je ne le comprends pas.",
            "Elle exprime de la colère envers moi : « vous ne m'écoutez pas ».",
        ],
        "en": [
            "Client told me she is angry with me and feels I don't understand her.",
            "He said he is fed up with our sessions and that I am not helping.",
        ],
    },
    "indirect_negative": {
        "fr": [
            "Ton sarcastique : « ça doit être facile de juste écouter les gens toute la journée ».",
            "Il ironise sur les exercices « de maternelle » que je lui propose.",
        ],
        "en": [
            "Sarcastic remark that 'it must be nice to get paid to just listen'.",
            "She made a passive-aggressive comment about the homework being 'so helpful'.",
        ],
    },
    "disagreement": {
        "fr": [
            "N'est pas d'accord avec l'objectif du retour au travail, dit que ce n'est pas "
            "sa priorité.",
            "Elle conteste la tâche d'exposition : « ça ne sert à rien ».",
        ],
        "en": [
            "Disagreed with the exposure task, says it misses the point of why he came.",
            "She questioned the goal we set and said it is not what she wants to work on.",
        ],
    },
    "compliance": {
        "fr": [
            "Dit oui à tout très vite, sans conviction; j'ai l'impression qu'il me dit ce "
            "que je veux entendre.",
            "Acquiesce à chaque proposition mais sans s'engager réellement.",
        ],
        "en": [
            "Agreed to everything very quickly; seemed to tell me what I wanted to hear.",
            "He went along with every suggestion without any real engagement.",
        ],
    },
    "avoidance": {
        "fr": [
            "Change de sujet chaque fois qu'on aborde sa mère, parle de la météo.",
            "Elle détourne la conversation vers des détails pratiques dès que l'émotion monte.",
        ],
        "en": [
            "Kept changing the subject whenever we approached his father.",
            "She deflected to small talk each time the feeling came up.",
        ],
    },
    "self_esteem": {
        "fr": [
            "Insiste sur le fait qu'il connaît mieux la psychologie que moi et n'a pas "
            "besoin de mes exercices.",
            "Elle se justifie longuement et rappelle ses diplômes quand je reflète sa difficulté.",
        ],
        "en": [
            "Said he has read more about CBT than I have and does not need my exercises.",
            "She kept justifying herself and listing her achievements when I reflected "
            "her struggle.",
        ],
    },
    "non_response": {
        "fr": [
            "Réponses monosyllabiques, long silence après mon reflet, ne répond pas à ma question.",
            "Aucune réaction à mon intervention sur la honte; regard fuyant.",
        ],
        "en": [
            "Minimal responses, a long silence after my reflection; no answer to my question.",
            "No response to my intervention about shame; looked away.",
        ],
    },
}

REPAIR = {
    "fr": [
        "J'ai nommé ce qui s'est passé la dernière fois et pris ma part : je suis allée trop "
        "vite avec l'exercice. Phrase d'empathie : « Je me sens préoccupée; j'ai l'impression "
        "que tu t'es senti bousculé quand je t'ai proposé la tâche, est-ce que c'est bien "
        "ça ? » Il a confirmé et on a ajusté la tâche ensemble.",
        "Retour sur la tension de la séance précédente. Je reconnais ma part (je n'avais pas "
        "vérifié son accord sur l'objectif). Elle dit se sentir entendue; objectif reformulé "
        "dans ses mots.",
    ],
    "en": [
        "I named what happened last time and took my share: I pushed the exercise too fast. "
        "Empathy sentence: 'I feel concerned; it sounds like you felt rushed when I suggested "
        "the task, is that right?' He confirmed, and we adjusted the task together.",
        "Revisited the tension from last session. I acknowledged my part (I had not checked "
        "her agreement on the goal). She said she felt heard; we reworded the goal in her "
        "words.",
    ],
}

GOALS = {
    "fr": [
        "Dormir mieux et avoir plus d'énergie le matin",
        "Retourner au travail à temps partiel d'ici l'été",
        "Moins m'isoler : voir des amis une fois par semaine",
        "Gérer ma colère avec mon ado sans crier",
        "Prendre le métro seule sans crise de panique",
    ],
    "en": [
        "Sleep better and have more energy in the morning",
        "Go back to work part-time by the summer",
        "Be less isolated: see a friend once a week",
        "Handle conflict with my teenager without shouting",
        "Take the subway alone without a panic attack",
    ],
}

TASKS = {
    "fr": [
        "Marcher 20 minutes trois fois cette semaine",
        "Remplir le journal des pensées",
        "Appeler une amie",
        "Pratiquer la respiration le soir",
        "Faire une station de métro accompagnée",
    ],
    "en": [
        "Walk 20 minutes three times this week",
        "Fill in the thought record",
        "Call a friend",
        "Practise breathing in the evening",
        "Ride one subway stop with a friend",
    ],
}

NOT_DONE_REASONS = {
    "fr": ["Les enfants étaient malades", "Trop fatiguée après le travail", "J'ai oublié"],
    "en": ["The kids were sick", "Too tired after work", "I forgot"],
}


def routine_note(rng: random.Random, language: str) -> str:
    """Return an ordinary session note of two or three sentences."""
    parts = rng.sample(ROUTINE[language], 2)
    if rng.random() < 0.5:
        parts.append(rng.choice(TASK_REVIEW[language]))
    return " ".join(parts)


def rupture_note(rng: random.Random, language: str, marker: str) -> str:
    """Return a note showing one rupture marker, set among ordinary content."""
    return " ".join([rng.choice(ROUTINE[language]), rng.choice(RUPTURE[marker][language])])


def repair_note(rng: random.Random, language: str) -> str:
    """Return a note describing the repair of an earlier rupture."""
    return " ".join([rng.choice(REPAIR[language]), rng.choice(ROUTINE[language])])
