"""The rupture detector's rules: patterns over accent-free lower-case text (no Django).

Each rule is (marker, weight, pattern, flags). Patterns are written without accents because
notes are folded before matching (see ruptures.text.fold). Flags:
- "other_target": drop the hit when its clause names someone else (a boss, a former
  therapist...) and not the practitioner or the therapy;
- "attendance": drop the hit when its sentence gives a neutral reason (illness, a storm...);
- "pride": drop the hit when its sentence is about pride in a success, not a defence.
"""

from __future__ import annotations

# The practitioner or the therapy, as a target of anger, criticism or disagreement.
T_FR = (
    r"(?:moi|l'intervenante?|la therapeute|le therapeute|la psychologue|le psychologue|"
    r"la psychoeducatrice|le psychoeducateur|la travailleuse sociale|le travailleur social|"
    r"la psy|le psy|nos rencontres|nos seances|les rencontres|les seances|cette seance|"
    r"cette rencontre|la therapie|le suivi|la demarche|mon approche|mes interventions|"
    r"l'intervention|le traitement|mon travail|mes questions|mes exercices|mes reflets|"
    r"mes commentaires|mes suggestions|venir ici|venir aux rencontres|la consultation)"
)
T_EN = (
    r"(?:me|the therapist|therapy|our sessions|the sessions|our work|my approach|"
    r"the process|treatment|the treatment|counselling|counseling|this session|coming here|"
    r"coming to sessions|our meetings|my questions|my suggestions|my interventions|"
    r"my reflections|my comments|the work we are doing|what we are doing)"
)
OBJ_FR = (
    r"(?:l'objectif|les objectifs|cet objectif|l'objectif fixe|le but|la tache|les taches|"
    r"cette tache|l'exercice|les exercices|cet exercice|les devoirs|le devoir|le plan|"
    r"le plan de traitement|la proposition|ma proposition|mes propositions|l'orientation|"
    r"la direction|l'approche|la priorite|les priorites|l'exposition|la hierarchie|le contrat|"
    r"la frequence|la methode|la strategie|le journal|ce que je (?:lui )?propose|mon idee|"
    r"ma suggestion|mes suggestions|la demarche|le focus)"
)
_TASK_FR_EARLY = (
    r"(?:objectifs?|taches?|exercices?|devoirs?|plan|exposition|approche|"
    r"hierarchie|journal|fiches?|strategies?|priorites?)"
)
OBJ_EN = (
    r"(?:(?:the|this|that|our|my|these|those|her|his|their) )?(?:(?:treatment |exposure |"
    r"therapy |weekly |new )?(?:goal|goals|task|tasks|homework|assignment|assignments|"
    r"exercise|exercises|plan|focus|approach|direction|exposure|agenda|priorities|priority|"
    r"suggestion|suggestions|recommendation|intervention|worksheet|diary|thought record|"
    r"frequency|hierarchy|contract|strategy))"
)

RULES: dict[str, list[tuple[str, float, str, tuple[str, ...]]]] = {
    "fr": [
        # Direct expression of negative feelings toward the practitioner or the therapy.
        (
            "direct_negative",
            0.9,
            r"(?:fache|fachee|en colere|frustre|frustree|irrite|irritee|agace|agacee|exaspere|"
            r"exasperee|mecontent|mecontente|decu|decue|insatisfait|insatisfaite|furieux|furieuse|"
            r"outre|outree|choque|choquee|blesse|blessee|vexe|vexee|tanne|tannee)"
            r"(?:\s+\w+){0,2}?\s+(?:contre|envers|par|de|des|du|avec|face a|a l'egard de|"
            r"vis-a-vis de|quant a)\s+" + T_FR,
            (),
        ),
        (
            "direct_negative",
            0.85,
            r"(?:colere|frustration|insatisfaction|mecontentement|deception|irritation|hostilite|"
            r"agacement|exasperation|ressentiment|reproches?)\s+(?:\w+\s+){0,2}?(?:envers|contre|"
            r"a l'egard de|face a|vis-a-vis de|quant a|par rapport a|a propos de|au sujet de|"
            r"concernant)\s+" + T_FR,
            (),
        ),
        (
            "direct_negative",
            0.8,
            r"\breproches? (?:directs?|a mon endroit|a mon egard|envers moi)|\bme fait (?:des|un) "
            r"reproches?|\bm'adresse (?:des|un) reproches?",
            (),
        ),
        (
            "direct_negative",
            0.85,
            r"\bm'(?:en veut|en voulait|accuse|accusait|a accusee?|reproche|reprochait|a reproche|"
            r"blame|a blamee?|critique|critiquait|a critiquee?|engueule|a engueulee?|a crie|"
            r"attaque|a attaquee?)",
            (),
        ),
        (
            "direct_negative",
            0.85,
            r"\bme (?:reproche|reprochait|critique|critiquait|blame|blamait|accuse|accusait|crie|"
            r"criait|lance que|dit (?:sechement|avec colere))",
            (),
        ),
        (
            "direct_negative",
            0.85,
            r"(?:dit|disait|affirme|lance|trouve|estime|repete|exprime|mentionne|souligne|pense|"
            r"sent|a dit|a lance|a affirme)\s+(?:que\s+)?(?:je ne|je n')\s*(?:l'|la |le |les |"
            r"lui )?(?:ecoute|comprends|aide|sers|suis|prends|respecte|entends)",
            (),
        ),
        (
            "direct_negative",
            0.9,
            r"\b(?:vous ne m'|vous ne me |tu ne m'|tu ne me )(?:ecoutez|comprenez|aidez|ecoutes|"
            r"comprends|aides|respectez|respectes|prenez|prends)",
            (),
        ),
        (
            "direct_negative",
            0.85,
            r"(?:critique|critiquait|remet en cause|remettait en cause|denigre|denigrait|deprecie|"
            r"attaque|attaquait|conteste|contestait|met en doute|mettait en doute)\s+"
            r"(?:mon approche|la therapie|les seances|nos rencontres|mes interventions|"
            r"mon travail|le suivi|mes competences|ma competence|mon professionnalisme)",
            (),
        ),
        (
            "direct_negative",
            0.85,
            r"se (?:plaint|plaignait|est plainte?)\s+(?:de moi|de la therapie|des seances|"
            r"des rencontres|de nos rencontres|du suivi|de mon approche|de mes interventions|"
            r"de mes questions|de la therapeute|de l'intervenante?)",
            (),
        ),
        (
            "direct_negative",
            0.8,
            r"(?:la therapie|le suivi|nos rencontres|les rencontres|les seances|venir ici|"
            r"la demarche|nos seances)\s+(?:ne (?:lui )?(?:sert|sont|servent|mene|menent|donne|"
            r"donnent|change|changent|apporte|apportent|aide|aident)|n'(?:aide|aident|apporte|"
            r"apportent|avance|avancent|a servi|ont servi)|est inutile|sont inutiles|ne vaut rien|"
            r"ne valent rien|est une perte de temps|sont une perte de temps)",
            (),
        ),
        (
            "direct_negative",
            0.8,
            r"(?:en a|en avait|en a eu) (?:marre|assez|ras le bol|plein (?:le|son) dos)\s+"
            r"(?:de |des |du )?(?:nos rencontres|rencontres|seances|la therapie|venir|moi|"
            r"mes questions|mes exercices|suivi|me voir)",
            (),
        ),
        (
            "direct_negative",
            0.8,
            r"(?:exprime|exprimait|a exprime|nomme|a nomme|verbalise|a verbalise|manifeste|"
            r"a manifeste)\s+(?:de la |sa |son |une |un |de l')?(?:colere|frustration|insatisfaction|"
            r"mecontentement|deception|irritation|agacement)\s+(?:\w+\s+){0,3}?(?:envers|contre|"
            r"face a|a l'egard de|quant a)\s+" + T_FR,
            (),
        ),
        (
            "direct_negative",
            0.8,
            r"(?:se sent|se sentait|s'est sentie?|dit se sentir|dit s'etre sentie?)\s+"
            r"(?:\w+\s+)?(?:jugee?|critiquee?|incomprise?|bousculee?|brusquee?|pressee?|"
            r"poussee?|attaquee?|pas ecoutee?|pas entendue?|infantilisee?|meprisee?)\s+"
            r"(?:par moi|en seance|en rencontre|dans nos rencontres|par mes|quand je|lorsque je)",
            (),
        ),
        # Indirect expression of negative feelings or hostility.
        (
            "indirect_negative",
            0.85,
            r"(?:ton|remarque|remarques|commentaire|commentaires|reponse|reponses|propos|humour|"
            r"rire|sourire|blague|blagues)\s+(?:\w+\s+)?(?:sarcastiques?|ironiques?|cyniques?|"
            r"mordante?s?|acerbes?|passi(?:f|ve|fs|ves)[- ]agressi(?:f|ve|fs|ves)|"
            r"meprisante?s?|cinglante?s?|narquois|narquoise|sardonique)",
            (),
        ),
        (
            "indirect_negative",
            0.8,
            r"\b(?:sarcastique|sarcastiques|sarcasme|sarcasmes|ironise|ironisait|a ironise|"
            r"persifle|narquois|narquoise|passi(?:f|ve|fs|ves)[- ]agressi(?:f|ve|fs|ves)|"
            r"sous-entendus? (?:critiques?|hostiles?|desobligeants?)|"
            r"pointes? d'ironie|piques? (?:a mon endroit|envers moi|a mon egard))\b",
            ("other_target",),
        ),
        (
            "indirect_negative",
            0.8,
            r"\b(?:se moque|se moquait|s'est moquee?) (?:de moi|de la therapie|des exercices|"
            r"de mes|de nos|des seances|de l'exercice|du suivi)",
            (),
        ),
        (
            "indirect_negative",
            0.8,
            r"(?:leve|levait|a leve|roule|roulait|a roule) les yeux(?: au ciel)?",
            ("other_target",),
        ),
        (
            "indirect_negative",
            0.75,
            r"(?:soupirs? (?:d'exasperation|d'agacement|exasperes?|agaces?|appuyes?|bruyants?)|"
            r"soupire (?:ostensiblement|bruyamment|lourdement|fort|avec exasperation)|"
            r"soupirait (?:ostensiblement|bruyamment|lourdement))",
            ("other_target",),
        ),
        (
            "indirect_negative",
            0.7,
            r"(?:regarde|regardait|consulte|consultait|a regarde) (?:sa montre|son telephone|"
            r"son cellulaire|l'heure) (?:a plusieurs reprises|sans arret|ostensiblement|"
            r"constamment|souvent|pendant que je)",
            (),
        ),
        (
            "indirect_negative",
            0.8,
            r"\bsur un ton (?:sec|ironique|sarcastique|cinglant|agace|exaspere|meprisant|froid|"
            r"hostile|condescendant|acerbe)",
            ("other_target",),
        ),
        (
            "indirect_negative",
            0.8,
            r"(?:blague|blaguait|plaisante|plaisantait|ironise|lance|a lance|laisse entendre|"
            r"sous-entend|insinue)\s+(?:sur |que )(?:mon travail|mon salaire|ma job|la therapie|"
            r"les seances|nos rencontres|ca doit etre|c'est facile|je suis paye|je me fais payer|"
            r"ca doit etre bien)",
            (),
        ),
        (
            "indirect_negative",
            0.75,
            r"\b(?:hostile|froid|froide|distant|distante|cassante?)\s+(?:envers moi|avec moi|"
            r"a mon egard|pendant la seance|pendant la rencontre|en seance|en rencontre)",
            (),
        ),
        # Disagreement on the goals or the tasks of therapy.
        (
            "disagreement",
            0.9,
            r"(?:n'est pas|n'etait pas|pas|n'a pas ete|ne sont pas|n'etaient pas) d'accord\s+"
            r"(?:\w+\s+){0,2}?(?:avec|sur|quant a|concernant)\s+" + OBJ_FR,
            (),
        ),
        ("disagreement", 0.85, r"\ben desaccord (?:avec|sur|quant a|concernant)\s+" + OBJ_FR, ()),
        (
            "disagreement",
            0.85,
            r"(?:conteste|contestait|a conteste|remet en (?:question|cause)|remettait en "
            r"(?:question|cause)|a remis en (?:question|cause)|refuse|refusait|a refuse|rejette|"
            r"rejetait|a rejete|s'oppose a|s'opposait a|questionne|questionnait|met en doute|"
            r"mettait en doute|discute|ne veut pas faire|ne voulait pas faire)\s+(?:la pertinence de |"
            r"l'utilite de |le sens de |l'interet de )?" + OBJ_FR,
            (),
        ),
        (
            "disagreement",
            0.8,
            r"ne (?:veut|voulait) rien savoir (?:de |d'|des |du )(?:\w+\s+)?" + _TASK_FR_EARLY,
            (),
        ),
        (
            "disagreement",
            0.8,
            r"(?:remet en (?:question|cause)|remettait en (?:question|cause)|a remis en "
            r"(?:question|cause)|conteste|contestait|questionne|questionnait|met en doute|"
            r"mettait en doute|doute de)\s+(?:la pertinence|l'utilite|le sens|l'interet)",
            (),
        ),
        (
            "disagreement",
            0.75,
            r"(?:pas convaincue?|peu convaincue?|n'adhere pas|n'adherait pas|n'y croit pas)\s+"
            r"(?:par |de |a |au |aux |quant a )?" + OBJ_FR,
            (),
        ),
        (
            "disagreement",
            0.8,
            r"ne (?:voit|voyait|comprend|comprenait|trouve|trouvait) pas (?:l'interet|l'utilite|"
            r"le sens|la pertinence|a quoi (?:ca sert|sert|servent|servirait))",
            (),
        ),
        (
            "disagreement",
            0.8,
            r"(?:ce n'est pas|ce n'etait pas|c'est pas|ca n'est pas)\s+(?:sa priorite|ce qu'(?:il|"
            r"elle) (?:veut|voulait|souhaite|souhaitait|est venue? chercher)|son objectif|"
            r"le bon objectif|pour ca qu'(?:il|elle) (?:est venue?|consulte)|ce sur quoi (?:il|elle)"
            r" veut travailler)",
            (),
        ),
        (
            "disagreement",
            0.8,
            r"\b(?:desaccords?|divergences?)\s+(?:\w+\s+){0,2}?(?:sur|quant a|concernant|au sujet "
            r"de|a propos de|quant aux)\s+" + OBJ_FR,
            (),
        ),
        (
            "disagreement",
            0.75,
            r"(?:prefere|preferait|voudrait plutot|veut plutot|voulait plutot|aimerait mieux) "
            r"(?:travailler sur|parler de|se concentrer sur) (?:autre chose|un autre objectif|"
            r"d'autres choses)",
            (),
        ),
        (
            "disagreement",
            0.75,
            r"(?:trouve|trouvait|juge|jugeait) (?:l'objectif|la tache|l'exercice|les exercices|"
            r"les devoirs|le plan|la tache proposee|l'exposition) (?:inutiles?|ridicules?|"
            r"pas pertinente?s?|inadaptee?s?|trop (?:difficiles?|faciles?|exigeante?s?))",
            (),
        ),
        # Compliance: going along without real agreement.
        ("compliance", 0.9, r"(?:dit|disait|repond|repondait|a dit|a repondu) oui a tout", ()),
        (
            "compliance",
            0.85,
            r"(?:acquiesce|acquiescait|a acquiesce|approuve|approuvait|accepte|acceptait|a accepte|"
            r"consent|consentait|obtempere|hoche la tete|hochait la tete)\s+(?:\w+\s+){0,4}?"
            r"(?:sans (?:conviction|discuter|nuance|reflechir|broncher|s'engager|engagement|"
            r"enthousiasme|rien dire|poser de questions?|reelle adhesion|vraiment adherer)|"
            r"trop (?:vite|rapidement|facilement)|passivement|docilement|mecaniquement|"
            r"a tout|tout ce que)",
            (),
        ),
        (
            "compliance",
            0.9,
            r"(?:me dit|me disait|dit|disait|me repond|semble me dire) ce que (?:je veux|je voulais|"
            r"j'ai envie d'|je souhaite|j'aimerais) (?:entendre|qu'(?:il|elle) dise)",
            (),
        ),
        (
            "compliance",
            0.75,
            r"\b(?:trop|tres|extremement|excessivement|particulierement) (?:docile|conciliante?|"
            r"complaisante?|accommodante?|agreable avec moi|deferente?|obeissante?)\b|"
            r"\b(?:soumise?|complaisance|deference|docilite)\b",
            (),
        ),
        (
            "compliance",
            0.85,
            r"(?:cherche|cherchait|semble chercher|veut|voulait|tente|tentait) (?:a me plaire|"
            r"a me faire plaisir|mon approbation|a bien paraitre|a etre (?:un bon client|"
            r"une bonne cliente|le bon patient|la bonne patiente|un bon usager|une bonne usagere))",
            (),
        ),
        (
            "compliance",
            0.8,
            r"(?:suit|suivait|accepte|acceptait|adopte|adoptait)\s+(?:toutes? |sans discuter )?"
            r"(?:mes|chacune de mes|chaque|toutes mes) (?:propositions|suggestions|idees|"
            r"proposition|suggestion)\s+(?:sans|passivement|docilement)",
            (),
        ),
        (
            "compliance",
            0.65,
            r"sans (?:reel |veritable |vrai |grand |aucun )?(?:engagement|conviction|adhesion|"
            r"investissement|enthousiasme)",
            (),
        ),
        (
            "compliance",
            0.7,
            r"(?:accord|oui|adhesion) (?:de facade|de surface|superficiel|superficielle|poli|polie|"
            r"mou|molle|sans conviction)",
            (),
        ),
        # Avoidance manoeuvres.
        (
            "avoidance",
            0.9,
            r"(?:change|changeait|a change|changer|changera)\s+(?:\w+\s+){0,2}?(?:de |le )sujet",
            (),
        ),
        (
            "avoidance",
            0.85,
            r"(?:detourne|detournait|a detourne|devie|deviait|a devie|ramene|ramenait|redirige|"
            r"redirigeait)\s+(?:\w+\s+){0,2}?(?:la conversation|la discussion|l'echange|le sujet|"
            r"l'attention)",
            (),
        ),
        (
            "avoidance",
            0.85,
            r"(?:evite|evitait|a evite|eviter|evitant|esquive|esquivait|a esquive|esquiver|"
            r"contourne|contournait|elude|"
            r"eludait|a elude|fuit|fuyait|se derobe|se derobait)\s+(?:\w+\s+){0,2}?(?:de parler|"
            r"d'aborder|le sujet|la question|les questions|mes questions|le theme|l'emotion|"
            r"les emotions|d'en parler|de repondre|la discussion|toute discussion|d'approfondir|"
            r"d'entrer dans|d'explorer|ce theme|cette question|le regard)",
            (),
        ),
        (
            "avoidance",
            0.8,
            r"(?:reste|restait|demeure|demeurait|est restee?|se maintient|se maintenait)\s+"
            r"(?:\w+\s+)?(?:en surface|superficiel|superficielle|dans l'anecdote|dans l'anecdotique|"
            r"dans le factuel|dans les details pratiques|dans le concret)",
            (),
        ),
        (
            "avoidance",
            0.75,
            r"(?:parle|parlait|a parle|parler)\s+(?:\w+\s+)?(?:de la meteo|de la pluie et du beau "
            r"temps|de tout et de rien|de sujets legers|de banalites|d'autre chose)\s+(?:\w+\s+)?"
            r"(?:des que|quand|lorsque|chaque fois|sitot|au lieu|pour eviter|toute la (?:seance|"
            r"rencontre)|tout le long)",
            (),
        ),
        (
            "avoidance",
            0.7,
            r"\b(?:banalise|banalisait|a banalise|tourne en derision|tournait en derision|"
            r"rit pour eviter|fait des blagues pour eviter|faisait des blagues pour|intellectualise|"
            r"intellectualisait|se refugie dans|se refugiait dans|noie le poisson|noyait le poisson|"
            r"coupe court|coupait court|a coupe court)",
            (),
        ),
        (
            "avoidance",
            0.8,
            r"(?:details pratiques|sujets pratiques|questions pratiques|logistique|small talk)\s+"
            r"(?:\w+\s+){0,2}?(?:des que|quand|lorsque|chaque fois|aussitot)",
            (),
        ),
        (
            "avoidance",
            0.8,
            r"(?:a |a encore |encore |de nouveau |une fois de plus )?(?:annule|manque|rate|oublie|"
            r"reporte)\s+(?:le |la |son |sa |notre |leur )?(?:rdv|rendez-vous|rencontre|seance)"
            r"\s+(?:encore|de nouveau|une fois de plus|a nouveau|pour la (?:deuxieme|troisieme|"
            r"quatrieme|cinquieme|\d+e) fois)",
            ("attendance",),
        ),
        (
            "avoidance",
            0.8,
            r"\b(?:\d+e|deuxieme|troisieme|quatrieme|cinquieme) (?:annulation|absence|"
            r"rendez-vous manque|rdv manque|rencontre manquee|seance manquee|retard)"
            r"(?: (?:consecutive|de suite|en \w+ semaines))?",
            ("attendance",),
        ),
        (
            "avoidance",
            0.75,
            r"(?:annulations?|absences?|retards?) (?:repetee?s|a repetition|frequente?s|en serie)",
            ("attendance",),
        ),
        (
            "avoidance",
            0.75,
            r"(?:ne s'est (?:pas|encore pas) presentee?|absente? sans (?:avis|prevenir))"
            r"(?:\s+\w+){0,2}?\s+(?:encore|de nouveau|une fois de plus|a nouveau)",
            ("attendance",),
        ),
        # Self-esteem-enhancing operations.
        (
            "self_esteem",
            0.8,
            r"\b(?:se justifie|se justifiait|s'est justifiee?|se justifiant)\b",
            (),
        ),
        (
            "self_esteem",
            0.8,
            r"(?:rappelle|rappelait|a rappele|mentionne|mentionnait|insiste sur|insistait sur|"
            r"fait valoir|faisait valoir|souligne|soulignait|enumere|enumerait|vante|vantait)\s+"
            r"(?:\w+\s+)?(?:ses|son|sa)\s+(?:diplomes|diplome|competences|expertise|experience|"
            r"statut|reussites|accomplissements|formation|titres?|poste|salaire|intelligence|"
            r"connaissances|lectures|succes)",
            ("pride",),
        ),
        (
            "self_esteem",
            0.85,
            r"(?:connait|connaissait|sait|savait|comprend|comprenait|en sait|en savait)\s+"
            r"(?:bien |beaucoup )?(?:mieux|plus)\s+(?:que moi|la psychologie que|que la therapeute|"
            r"que l'intervenante?|que la psy|que le psy|sur (?:la|le) \w+ que moi)",
            (),
        ),
        (
            "self_esteem",
            0.85,
            r"(?:n'a pas besoin|n'avait pas besoin|pas besoin|n'aurait pas besoin)\s+(?:de mes|"
            r"de ces|des|de mon|de ma|de mes petits|de tes)\s+(?:conseils|exercices|outils|aide|"
            r"techniques|trucs|suggestions|interventions|fiches|devoirs)",
            (),
        ),
        (
            "self_esteem",
            0.8,
            r"\b(?:se vante|se vantait|s'est vantee?|vantardise|attitude (?:hautaine|superieure|"
            r"condescendante|arrogante)|ton (?:superieur|professoral|condescendant|hautain)|"
            r"me fait la lecon|me faisait la lecon|m'a fait la lecon|me corrige|me corrigeait|"
            r"m'a corrigee?|m'explique (?:mon metier|comment faire mon travail)|"
            r"donneur de lecons|donneuse de lecons|condescendante?|arrogante?)",
            (),
        ),
        (
            "self_esteem",
            0.7,
            r"\b(?:se met sur la defensive|se mettait sur la defensive|sur la defensive|"
            r"se defend (?:vivement|longuement|aussitot)|se defendait (?:vivement|longuement))",
            (),
        ),
        (
            "self_esteem",
            0.75,
            r"(?:minimise|minimisait|nie|niait|rejette|rejetait) (?:toute|sa|ses) "
            r"(?:difficulte|difficultes|responsabilite|vulnerabilite|faiblesse)s?\b"
            r"(?:\s+\w+){0,4}?\s+(?:quand|lorsque|des que|aussitot que) je",
            (),
        ),
        # Non-response to an intervention.
        (
            "non_response",
            0.85,
            r"(?:ne repond pas|ne repondait pas|n'a pas repondu|sans repondre|aucune reponse|"
            r"ne reagit pas|ne reagissait pas|n'a pas reagi|aucune reaction)\s*"
            r"(?:a |au |aux |face a |devant )?(?:ma |mes |mon |la |les |l'|cette |ce )?"
            r"(?:question|questions|intervention|interventions|reflet|reflets|relance|relances|"
            r"proposition|interpretation|commentaire|invitation|validation|confrontation|"
            r"hypothese)",
            (),
        ),
        (
            "non_response",
            0.85,
            r"\b(?:reponses?|repond|repondait|a repondu)\s+(?:\w+\s+)?(?:monosyllabiques?|"
            r"par monosyllabes|par (?:des )?monosyllabes|laconiques?|evasives?|breves|"
            r"minimales?|par oui ou non|du bout des levres)",
            (),
        ),
        (
            "non_response",
            0.8,
            r"\b(?:long|longs|longue|longues|lourd|lourds|lourde|lourdes)\s+silences?\b|"
            r"\bsilences? (?:prolonges?|pesants?|lourds?|persistants?)",
            (),
        ),
        (
            "non_response",
            0.8,
            r"(?:reste|restait|est restee?|demeure|demeurait)\s+(?:\w+\s+)?(?:muette?|silencieu(?:x|se)|"
            r"figee?|sans reponse|sans reaction|impassible|de marbre|fermee?)",
            (),
        ),
        ("non_response", 0.7, r"(?:hausse|haussait|a hausse) les epaules", ()),
        (
            "non_response",
            0.7,
            r"\b(?:impassible|de marbre|ferme comme une huitre)\b|\b(?:ignore|ignorait|a ignore)"
            r" (?:ma|mes|mon) (?:question|questions|reflet|reflets|intervention|relance)",
            (),
        ),
        (
            "non_response",
            0.75,
            r"(?:ne dit rien|ne disait rien|n'a rien dit|ne repond rien|silence)\s+(?:\w+\s+)?"
            r"(?:apres|suite a|a la suite de|face a|devant)\s+(?:ma|mon|mes|cette|ce)\s+"
            r"(?:question|questions|reflet|intervention|relance|validation|confrontation|"
            r"interpretation|proposition)",
            (),
        ),
        (
            "non_response",
            0.7,
            r"(?:repond|repondait|a repondu|se contente de repondre) \"? ?(?:je (?:ne )?sais pas|"
            r"j'sais pas|chai pas|aucune idee)",
            (),
        ),
        (
            "non_response",
            0.7,
            r"(?:regard fuyant|fixe le sol|fixait le sol|regarde par la fenetre|"
            r"regardait par la fenetre|regard vide)\s+(?:\w+\s+){0,4}?(?:quand|lorsque|apres|"
            r"suite a) (?:je|mon|ma|mes)",
            (),
        ),
    ],
    "en": [
        (
            "direct_negative",
            0.9,
            r"\b(?:angry|mad|furious|frustrated|annoyed|irritated|upset|pissed off|pissed|fed up|"
            r"dissatisfied|unhappy|disappointed|displeased|exasperated|impatient|resentful|hostile|"
            r"irate|livid|cross)\s+(?:\w+\s+)?(?:at|with|toward|towards|about|by|in|over)\s+"
            + T_EN
            + r"\b",
            (),
        ),
        (
            "direct_negative",
            0.85,
            r"\b(?:anger|frustration|irritation|dissatisfaction|disappointment|annoyance|"
            r"resentment|hostility|exasperation|displeasure)\s+(?:\w+\s+){0,2}?(?:at|with|toward|"
            r"towards|about|regarding|over|in)\s+" + T_EN + r"\b",
            (),
        ),
        (
            "direct_negative",
            0.85,
            r"\b(?:blamed|accused|criticized|criticised|criticizes|criticises|yelled at|"
            r"shouted at|snapped at|lashed out at|attacked|berated|scolded|insulted|"
            r"complained about|got angry at|got mad at|raised (?:his|her|their) voice at)\s+"
            r"(?:me|the therapist|my approach|the therapy|therapy|my competence|my skills|"
            r"the sessions|our sessions|my work)\b",
            (),
        ),
        (
            "direct_negative",
            0.85,
            r"\b(?:said|says|told me|tells me|stated|complained|insisted|reported|felt|feels|"
            r"thinks|thought|believes|shouted|yelled)\s+(?:\w+\s+)?(?:that\s+)?(?:i|the therapist|"
            r"i'm|im)\s+(?:don't|do not|doesn't|does not|didn't|did not|never|wasn't|was not|am not|not|"
            r"isn't|is not|can't|cannot|won't|haven't|have not|hasn't)\s+(?:really\s+|even\s+)?"
            r"(?:listen|understand|help|care|get|hear|helping|listening|understanding|"
            r"caring|respect|take (?:her|him|them) seriously|been helping|been listening)",
            (),
        ),
        (
            "direct_negative",
            0.9,
            r"\byou (?:don't|do not|never|aren't|are not|didn't|did not|can't|cannot|won't)\s+"
            r"(?:really\s+|even\s+)?(?:listen|understand|help|care|get it|hear|get me|helping|"
            r"listening|respect|take me seriously)",
            (),
        ),
        (
            "direct_negative",
            0.8,
            r"\b(?:therapy|this therapy|our sessions|the sessions|coming here|treatment|"
            r"these sessions|counselling|counseling|our work)\s+(?:is|was|are|were|has been|"
            r"have been|isn't|wasn't|aren't|is not|was not)\s+(?:\w+\s+)?(?:not helping|"
            r"not working|useless|pointless|a waste of (?:(?:his|her|their|my) )?(?:time|money)|"
            r"going nowhere|"
            r"getting (?:her|him|them|us) nowhere|helping|working|worth it)",
            (),
        ),
        (
            "direct_negative",
            0.8,
            r"\b(?:said|says|told me|complained|felt|feels)\s+(?:that\s+)?(?:therapy|this|"
            r"the sessions|our sessions|treatment|coming here)\s+(?:isn't|is not|wasn't|was not|"
            r"aren't|are not|doesn't|does not|didn't|did not)\s+(?:\w+\s+)?(?:helping|working|"
            r"help|work|worth)",
            (),
        ),
        (
            "direct_negative",
            0.8,
            r"\b(?:expressed|voiced|shared|named|vented)\s+(?:\w+\s+)?(?:anger|frustration|"
            r"irritation|dissatisfaction|disappointment|annoyance|resentment|displeasure)\s+"
            r"(?:\w+\s+){0,3}?(?:at|with|toward|towards|about|regarding|over)\s+" + T_EN + r"\b",
            (),
        ),
        (
            "indirect_negative",
            0.85,
            r"\b(?:sarcastic|sarcasm|sarcastically|snide|passive[- ]aggressive(?:ly)?|"
            r"passive[- ]aggression|mocking(?:ly)?|mocked|sneer(?:ed|ing)?|smirk(?:ed|ing)?|"
            r"sardonic|snarky|snippy|backhanded|veiled (?:criticism|jab|dig|hostility)|"
            r"(?:jab|dig|jabs|digs) at (?:me|therapy|the sessions))\b",
            ("other_target",),
        ),
        (
            "indirect_negative",
            0.8,
            r"\broll(?:ed|s|ing)? (?:his|her|their) eyes",
            ("other_target",),
        ),
        (
            "indirect_negative",
            0.75,
            r"\b(?:sigh(?:ed|s|ing)? (?:loudly|heavily|audibly|dramatically|pointedly|"
            r"in exasperation|impatiently)|exasperated sighs?|heavy sighs? (?:whenever|when|each "
            r"time) i)",
            ("other_target",),
        ),
        (
            "indirect_negative",
            0.7,
            r"\b(?:checked|kept checking|looked at|glanced at|kept looking at) (?:his|her|their) "
            r"(?:watch|phone|the clock)\s+(?:\w+\s+)?(?:repeatedly|several times|throughout|"
            r"constantly|while i|pointedly|during)",
            (),
        ),
        (
            "indirect_negative",
            0.8,
            r"\b(?:joked|quipped|remarked|commented|muttered|implied|hinted)\s+(?:\w+\s+)?"
            r"(?:that\s+)?(?:it must be nice|therapy is|i get paid|i'm paid|my job is|"
            r"this is (?:a joke|pointless)|therapists (?:just|only))",
            (),
        ),
        (
            "indirect_negative",
            0.75,
            r"\b(?:cold|curt|icy|hostile|cutting|prickly|testy|guarded and hostile)\s+(?:\w+\s+)?"
            r"(?:toward me|towards me|with me|in session|during the session|all session)",
            (),
        ),
        (
            "indirect_negative",
            0.8,
            r"\b(?:made|making|a few|several)\s+(?:a |several |some )?(?:snarky|sarcastic|cutting|"
            r"pointed|snide|passive-aggressive|ironic|barbed|sharp) (?:comment|remark|joke|"
            r"comments|remarks|jokes|quip|quips)",
            (),
        ),
        (
            "disagreement",
            0.9,
            r"\b(?:disagree[sd]?|disagreeing|in disagreement|not on board|did not agree|"
            r"didn't agree|does not agree|doesn't agree|wasn't on board|was not on board)\s+"
            r"(?:with|about|on|over|regarding)\s+" + OBJ_EN,
            (),
        ),
        (
            "disagreement",
            0.85,
            r"\b(?:questioned|challenged|disputed|rejected|refused|objected to|pushed back on|"
            r"pushed back against|resisted|argued against|dismissed|contested|balked at|"
            r"protested|was against)\s+(?:the (?:point|relevance|value|usefulness) of\s+)?"
            + OBJ_EN,
            (),
        ),
        (
            "disagreement",
            0.8,
            r"\b(?:doesn't|does not|didn't|did not|can't|cannot|couldn't|could not)\s+see\s+"
            r"(?:the point|the value|the use|the relevance|why|how (?:this|that|it) (?:helps|"
            r"would help|is relevant))",
            (),
        ),
        (
            "disagreement",
            0.8,
            r"\b(?:not|isn't|wasn't|is not|was not|aren't|are not)\s+what\s+(?:he|she|they)\s+"
            r"(?:wants?|wanted|came for|came here for|signed up for|needs?|needed)",
            (),
        ),
        (
            "disagreement",
            0.8,
            r"\b(?:disagreement|conflict|tension|clash|argument)\s+(?:\w+\s+)?(?:about|over|on|"
            r"regarding|around)\s+" + OBJ_EN,
            (),
        ),
        (
            "disagreement",
            0.75,
            r"\b(?:wants?|wanted|prefers?|preferred|would rather)\s+(?:to\s+)?(?:work on|focus on|"
            r"talk about|address)\s+(?:something else|other things|a different goal|"
            r"a different issue)",
            (),
        ),
        (
            "disagreement",
            0.8,
            r"\b(?:refused|declined|won't|wouldn't|will not|would not|is unwilling|was unwilling)"
            r"\s+(?:to\s+)?(?:do|try|complete|attempt|start|consider|accept)\s+" + OBJ_EN,
            (),
        ),
        (
            "disagreement",
            0.75,
            r"\b(?:finds?|found|called|calls|thinks?|thought)\s+" + OBJ_EN + r"\s+(?:is |was |are |"
            r"were )?(?:pointless|useless|irrelevant|silly|ridiculous|childish|too hard|too easy|"
            r"not relevant|unhelpful|a waste of time)",
            (),
        ),
        (
            "compliance",
            0.85,
            r"\bagree(?:d|s)?\s+(?:\w+\s+)?(?:to|with) (?:everything|anything|all of it|"
            r"every suggestion|all my suggestions|whatever i (?:said|suggested|proposed))",
            (),
        ),
        (
            "compliance",
            0.9,
            r"\b(?:told|tells|telling|tell) me what (?:she|he|they)?\s*(?:thought |thinks |"
            r"assumed )?i (?:wanted|want|wants|would want) to hear",
            (),
        ),
        (
            "compliance",
            0.8,
            r"\b(?:overly|excessively|unusually|very|too|extremely) (?:agreeable|compliant|"
            r"deferential|accommodating|eager to please|polite and agreeable|acquiescent)",
            (),
        ),
        (
            "compliance",
            0.8,
            r"\b(?:people[- ]pleasing|eager to please|wanted to please me|trying to please me|"
            r"tried to please me|deferred to me|deferring to me|deferential|submissive|"
            r"acquiescent|compliant(?! with (?:medication|meds|treatment|the prescription|"
            r"(?:his|her|their) (?:medication|meds))))\b",
            (),
        ),
        ("compliance", 0.85, r"\bwent along with\s+(?:everything|every|all|whatever|my|each)", ()),
        (
            "compliance",
            0.85,
            r"\b(?:say\w*|answer\w*) (?:yes|ok|okay) to (?:everything|every|all|"
            r"whatever)",
            (),
        ),
        (
            "compliance",
            0.8,
            r"\bagreed\s+(?:\w+\s+){0,3}?(?:too |very )?(?:quickly|readily|immediately|passively|"
            r"without (?:question|hesitation|conviction|discussion|engaging|thinking))",
            (),
        ),
        ("compliance", 0.75, r"\b(?:nodded|nodding|nods) (?:along|through|to everything)", ()),
        (
            "compliance",
            0.65,
            r"\b(?:without|with no|little) (?:real |genuine |any )?(?:engagement|conviction|"
            r"buy-in|investment|enthusiasm)\b",
            (),
        ),
        (
            "compliance",
            0.7,
            r"\b(?:polite|superficial|surface|half-hearted|hollow|token|lukewarm) "
            r"(?:agreement|compliance|yes|acceptance)",
            (),
        ),
        (
            "avoidance",
            0.9,
            r"\b(?:chang(?:ed|es|ing|e)|switch(?:ed|es|ing)?|shift(?:ed|s|ing)?)\s+(?:\w+\s+)?"
            r"(?:the )?(?:subject|topic|topics)\b",
            (),
        ),
        (
            "avoidance",
            0.85,
            r"\b(?:deflect(?:ed|s|ing)?|sidestep(?:ped|s|ping)?|dodg(?:ed|es|ing|e)|"
            r"evad(?:ed|es|ing|e)|skirt(?:ed|s|ing)|glossed over|skipped over|steered (?:away|"
            r"the conversation)|shut down the topic|shut the topic down|changed tack|"
            r"laugh(?:ed|s|ing) it off|brush(?:ed|es|ing) (?:it|this|that|the question|"
            r"my question) off|brushed off|intellectualiz\w*)\b",
            (),
        ),
        (
            "avoidance",
            0.85,
            r"\bavoid(?:ed|s|ing)?\s+(?:\w+\s+)?(?:talking|discussing|the topic|the subject|"
            r"the question|my questions|the issue|going into|addressing|any mention|eye contact|"
            r"exploring|looking at|the feelings?|emotions?)",
            (),
        ),
        (
            "avoidance",
            0.8,
            r"\b(?:small talk|kept it superficial|kept things superficial|stayed on the surface|"
            r"stayed superficial|kept (?:the conversation|things|it) (?:light|superficial|"
            r"on the surface)|(?:kept|only|just) (?:talking|talked) about the weather|"
            r"talked about the weather (?:instead|whenever|when|each time|all session|the whole)|"
            r"stuck to (?:small talk|logistics|practical "
            r"matters|safe topics))",
            (),
        ),
        (
            "avoidance",
            0.8,
            r"\b(?:cancel(?:l)?ed|missed|no[- ]show(?:ed)?|skipped|rescheduled)\s+(?:\w+\s+)?"
            r"(?:again|another (?:session|appointment)|for the (?:second|third|fourth|fifth|"
            r"\d+(?:st|nd|rd|th)) time)",
            ("attendance",),
        ),
        (
            "avoidance",
            0.8,
            r"\b(?:second|third|fourth|fifth|\d+(?:nd|rd|th)) (?:cancellation|no[- ]show|"
            r"missed (?:session|appointment)|late arrival)",
            ("attendance",),
        ),
        (
            "avoidance",
            0.75,
            r"\b(?:repeated|frequent|recurring|multiple|a string of|a series of) (?:cancellations|"
            r"no[- ]shows|absences|late arrivals|missed sessions)",
            ("attendance",),
        ),
        ("avoidance", 0.7, r"\bminimi[sz](?:ed|es|ing|e)\b", ()),
        (
            "self_esteem",
            0.8,
            r"\bjustif(?:ied|ying|ies|y) (?:himself|herself|themselves|his|her|their)",
            (),
        ),
        (
            "self_esteem",
            0.75,
            r"\b(?:boast(?:ed|ing|s)?|bragg(?:ed|ing)|brags|showing off|showed off)\b",
            ("pride",),
        ),
        (
            "self_esteem",
            0.8,
            r"\b(?:listing|listed|mentioned|reminded me of|emphasized|emphasised|brought up|"
            r"pointed to|recited|cited)\s+(?:all\s+)?(?:his|her|their)\s+(?:achievements|"
            r"accomplishments|credentials|degrees?|diplomas?|expertise|qualifications|status|"
            r"salary|intelligence|phd|iq|successes|title)",
            ("pride",),
        ),
        (
            "self_esteem",
            0.85,
            r"\b(?:knows?|knew|understands?|understood)\s+(?:\w+\s+)?(?:more|better)\s+"
            r"(?:about\s+[\w-]+(?:\s+[\w-]+)?\s+)?than\s+(?:me|i do|i did|the therapist|you|"
            r"the psychologist|any therapist)",
            (),
        ),
        (
            "self_esteem",
            0.85,
            r"\b(?:read|studied|learned|learnt)\s+more\s+(?:about\s+\w+\s+)?than\s+(?:i have|me|"
            r"i did|the therapist)",
            (),
        ),
        (
            "self_esteem",
            0.85,
            r"\b(?:doesn't|does not|didn't|did not|don't|do not)\s+need\s+(?:my|these|the|any|"
            r"your)\s+(?:exercises|help|advice|tools|techniques|worksheets|suggestions|homework)",
            (),
        ),
        (
            "self_esteem",
            0.8,
            r"\b(?:condescending(?:ly)?|superior tone|lectured me|lecturing me|corrected me|"
            r"talked down to me|patroni[sz]ing|arrogant|haughty|grandiose)\b",
            (),
        ),
        (
            "self_esteem",
            0.7,
            r"\b(?:became|got|grew|was|turned) (?:very |quite |a bit )?defensive\b|"
            r"\bon the defensive\b|\bdefensively\b",
            (),
        ),
    ],
}

RULES["en"].extend(
    [
        (
            "non_response",
            0.85,
            r"\b(?:did not|didn't|does not|doesn't|would not|wouldn't|could not|couldn't)\s+"
            r"(?:\w+\s+)?(?:respond|answer|react|engage|reply)\s+(?:at all\s+)?(?:to\s+)?"
            r"(?:my|the|this)?\s*(?:question|questions|reflection|reflections|intervention|"
            r"interventions|interpretation|comment|prompt|invitation|validation|observation)",
            (),
        ),
        (
            "non_response",
            0.85,
            r"\b(?:no|without any|little|minimal|barely any) (?:response|reaction|answer|reply)s?\s+"
            r"(?:\w+\s+)?(?:to|when|after)\b",
            (),
        ),
        (
            "non_response",
            0.85,
            r"\b(?:one[- ]word|monosyllabic|minimal|terse|clipped|yes[- ]or[- ]no|short) "
            r"(?:answers?|responses?|replies)\b",
            (),
        ),
        ("non_response", 0.8, r"\b(?:long|prolonged|extended|heavy|lengthy) silences?\b", ()),
        (
            "non_response",
            0.8,
            r"\b(?:went|fell|remained|stayed|was|became|sat) (?:\w+\s+)?(?:silent|quiet|mute|"
            r"unresponsive|shut down|blank)\b",
            (),
        ),
        ("non_response", 0.7, r"\bshrug(?:ged|s|ging)?\b", ()),
        (
            "non_response",
            0.65,
            r"\b(?:stared|looked|gazed) (?:blankly|away|at the floor|out the window|at (?:his|her|"
            r"their) hands)\s+(?:\w+\s+){0,4}?(?:when|after|as) (?:i|my)",
            (),
        ),
        (
            "non_response",
            0.7,
            r"\bjust (?:said|answered|responded|replied) [\"']?i (?:don't|do not|dunno) know",
            (),
        ),
    ]
)

RULES["en"].extend(
    [
        (
            "direct_negative",
            0.8,
            r"\b(?:feels?|felt|feeling)\s+(?:\w+\s+)?(?:judged|criticized|criticised|dismissed|"
            r"misunderstood|unheard|invalidated|rushed|pushed|pressured|attacked|blamed|patronized|"
            r"talked down to|not heard|not listened to)\s+(?:by me|by the therapist|in therapy|"
            r"in session|in our sessions|when i)",
            (),
        ),
        (
            "indirect_negative",
            0.7,
            r"\b(?:said|replied|answered|muttered|shrugged)\s+[\"']?whatever\b",
            (),
        ),
        (
            "disagreement",
            0.75,
            r"\b(?:not|isn't|wasn't|is not|was not)\s+(?:really\s+)?convinced\s+(?:by|about|of|"
            r"that)\s+" + OBJ_EN,
            (),
        ),
        (
            "disagreement",
            0.75,
            r"\b(?:doesn't|does not|didn't|did not|don't)\s+(?:fit|suit|match)\s+(?:her|his|their)"
            r"\s+(?:life|needs|situation|reality|schedule)",
            (),
        ),
        (
            "compliance",
            0.8,
            r"\bnever (?:disagrees|disagreed|pushes back|pushed back|objects|objected|questions|"
            r"questioned|says no|said no)\b",
            (),
        ),
        ("compliance", 0.75, r"\b(?:always|just) (?:agrees|agreed|says yes|said yes)\b", ()),
        (
            "avoidance",
            0.8,
            r"\bto avoid (?:talking|the topic|the subject|the question|feelings|it|going there|"
            r"the issue|discussing)",
            (),
        ),
        (
            "non_response",
            0.75,
            r"\bignor(?:ed|es|ing) (?:my|the) (?:question|questions|reflection|comment|intervention|"
            r"prompt)",
            (),
        ),
        ("non_response", 0.65, r"\b(?:closed off|shut down|disengaged|checked out)\b", ()),
    ]
)
RULES["fr"].extend(
    [
        (
            "compliance",
            0.8,
            r"\bne (?:me )?(?:contredit|contredisait|conteste|contestait|questionne) jamais\b|"
            r"\btoujours d'accord avec (?:moi|tout|mes)",
            (),
        ),
    ]
)

# Words that make a hit about something else than a rupture with the practitioner.
NEGATION = {
    "fr": r"\b(?:ne|n'|pas|jamais|aucun|aucune|sans|ni|guere|nullement|absence|nie|niait)\b",
    "en": r"\b(?:not|no|never|without|neither|nor|hardly|denied|denies|deny|absence|lack|"
    r"\w+n't)\b",
}
HYPOTHETICAL = {
    "fr": r"(?:\bsi (?:il|elle|ils|elles|on|je|nous|jamais|le|la|les|l'|un|une|des|ce|cette|"
    r"cela|ca|besoin)\b|\bs'(?:il|ils)\b|\bau cas ou\b|\bpourrai(?:t|ent)\b|"
    r"\brisquer?\b|\beventuel\w*|\bsurveiller\b|\ba surveiller\b|\bverifier si\b|"
    r"\bexplorer si\b|\bse demander si\b|\bhypothese\b|\bprevoir\b|\bplan ?:|"
    r"\ben prevention\b|\bau besoin\b|\bvoir si\b|\bpeut-etre que\b)",
    "en": r"(?:\bif\b|\bwhether\b|\bin case\b|\bmight\b|\bwould\b|\bwatch for\b|"
    r"\bmonitor for\b|\blook out for\b|\bbe alert to\b|\bpossibility\b|\brisk of\b|"
    r"\bhypothes\w+|\bplan ?:|\bto explore\b|\bwill explore\b|\bcheck in about\b|"
    r"\bin the event\b|\bshould (?:he|she|they)\b|\bcould become\b|\bcould feel\b)",
}
RESOLVED = {
    "fr": r"(?:\bresolue?s?\b|\breglee?s?\b|\breparee?s?\b|\bapaisee?s?\b|\bdissipee?s?\b|"
    r"\bsurmontee?s?\b|\bn'est plus\b|\bne l'est plus\b|\bn'y a plus\b|\bplus de tension\b|"
    r"\bauparavant\b|\bil y a (?:des|quelques|plusieurs|deux|trois|\d+) (?:mois|semaines|"
    r"annees|ans)\b|\bau debut du suivi\b|\bau debut de la therapie\b|"
    r"\blors des premieres (?:seances|rencontres)\b|\bl'an dernier\b|\bl'annee derniere\b|"
    r"\bautrefois\b|\bpar le passe\b|\bavait ete\b|\bdepuis regle\b|\btravaille(?:e|s)? "
    r"ensemble\b|\ba ete repare|\ba ete nommee? et|phrase d'empathie|j'ai nomme|"
    r"j'ai pris ma part|je reconnais ma part|j'ai reconnu ma part|reparation|"
    r"\bau debut\b[^.;]{0,60}\bpuis\b|\bil y adhere\b|\belle y adhere\b|"
    r"\bfinalement d'accord\b)",
    "en": r"(?:\bresolved\b|\brepaired\b|\bworked through\b|\bdissipated\b|\bno longer\b|"
    r"\bused to\b|\b(?:months|weeks|years) ago\b|\blast year\b|\bearly in (?:therapy|"
    r"treatment)\b|\bat the start of (?:therapy|treatment)\b|\bin the first sessions\b|"
    r"\bin the past\b|\bhad been\b|\bearlier in (?:therapy|treatment)\b|\bhas since\b|"
    r"\bsince then\b|\bwas addressed\b|\bwere addressed\b|\bpreviously\b|"
    r"empathy sentence|i named what happened|took my share|acknowledged my part|"
    r"we repaired|repair|\bat first\b[^.;]{0,60}\bthen\b|\bon board now\b|"
    r"\bnow (?:he|she|they)(?:'s| is| are) on board\b|\bin the end (?:he|she|they) agreed)",
}
OTHER_TARGET = {
    "fr": r"\b(?:patron|patronne|boss|superieure?|gerante?|collegues?|conjointe?|mari|femme|"
    r"chum|blonde|copain|copine|ex|mere|pere|frere|s(?:oe|o)ur|belle-s(?:oe|o)ur|parents|fils|fille|enfants?|ados?|"
    r"proprietaire|proprio|voisine?s?|medecin|prof|professeure?|enseignante?|amie?s?|"
    r"employeur|belle-mere|beau-pere|ancienne? (?:psy|therapeute|intervenante?|"
    r"psychologue)|precedente? (?:psy|therapeute|intervenante?)|gouvernement|police|"
    r"assureur|cnesst|gestionnaire|cheffe?|equipe|client du)\b",
    "en": r"\b(?:boss|manager|coworkers?|co-workers?|colleagues?|partner|husband|wife|"
    r"boyfriend|girlfriend|ex|mother|mom|mum|father|dad|brother|sister|parents|son|"
    r"daughter|kids?|child|children|landlord|neighbou?rs?|doctor|teacher|friends?|"
    r"employer|in-laws?|(?:former|previous|old|last) (?:therapist|counsel+or|psychologist|"
    r"psychiatrist)|government|police|insurer|insurance|school|company|team)\b",
}
PRACTITIONER = {
    "fr": r"(?:envers moi|avec moi|contre moi|a mon egard|a mon endroit|de moi|sur moi|"
    r"therapie|seances?|rencontres?|suivi|mon approche|mes interventions|mes questions|"
    r"l'intervenante?|la therapeute|la psychologue|mes exercices)",
    "en": r"(?:toward me|towards me|at me|with me|about me|of me|therapy|therapist|sessions?|"
    r"treatment|counsel+ing|my approach|my questions|my suggestions|my interventions|"
    r"my exercises)",
}
EXCUSE = {
    "fr": r"\b(?:car|parce que|puisque|en raison|a cause|malade|maladie|hopital|funerailles|"
    r"deces|tempete|neige|greve|panne|accident|urgence|gastro|grippe|covid|fievre|"
    r"rendez-vous medical|motif valable|raison valable|justifiee?|quarantaine)\b",
    "en": r"\b(?:because|due to|owing to|sick|ill|illness|hospital|funeral|storm|snow|"
    r"emergency|accident|flu|covid|fever|broke down|valid reason|medical appointment|"
    r"bereavement|quarantine)\b",
}
AGREEMENT_AFTER_DISCUSSION = {
    "fr": r"(?:apres (?:discussion|en avoir discute|avoir discute|reflexion|exploration|"
    r"negociation|avoir explore|avoir nuance|un echange|un long echange|en avoir parle)|"
    r"\ba nuance\b|\bpropose ses propres\b|\bavec conviction\b|\bveritable accord\b|"
    r"\bvrai accord\b|\breel accord\b)",
    "en": r"(?:after (?:discussing|discussion|exploring|some discussion|negotiating|thinking "
    r"it over|debate|talking it through|we talked)|\bin (?:her|his|their) own words\b|"
    r"\bgenuinely\b|\bproposed (?:his|her|their) own\b|\bwith (?:real|genuine) "
    r"(?:engagement|interest|conviction)\b|\bgenuine agreement\b)",
}
PRIDE = {
    "fr": r"\b(?:fiere?|fierte|celebr\w*|feliciter|felicite\w*|content de|contente de)\b",
    "en": r"\b(?:proud|pride|proudly|celebrat\w*|congratulat\w*|pleased with)\b",
}
DEFENCE = {
    "fr": r"(?:quand je|lorsque je|des que je|en reponse a|au lieu de|plutot que|"
    r"pour (?:eviter|contredire)|moi|mes (?:conseils|questions|reflets))",
    "en": r"(?:when i|after i|as soon as i|in response to|instead of|rather than|"
    r"to (?:avoid|counter|dismiss)|than me|than i|my (?:question|reflection|suggestion))",
}
HEDGES = {
    "fr": r"\b(?:semble|semblait|peut-etre|un peu|legerement|possiblement|probablement)\b",
    "en": r"\b(?:seems?|seemed|maybe|perhaps|slightly|a bit|somewhat|possibly|probably|"
    r"a little)\b",
}

# Compositional rules: two cue classes within one clause (a bounded gap with no sentence
# break), so that phrasings nobody listed above are still read.
_GAP = r"[^.;!?\n]{0,50}?"
_TASK_FR = (
    r"(?:objectifs?|taches?|exercices?|devoirs?|plan|exposition|approche|hierarchie|"
    r"journal|fiches?|restructuration|strategies?|priorites?|programme)"
)
_TASK_EN = (
    r"(?:goals?|tasks?|homework|exercises?|plan|exposure|approach|hierarchy|diary|"
    r"worksheets?|assignments?|strateg(?:y|ies)|priorit(?:y|ies)|working on)"
)
_REJECT_FR = (
    r"(?:refuse|refusait|conteste|contestait|rejette|rejetait|n'adhere pas|"
    r"n'y croit pas|pas convaincue?|ne colle pas|ne correspond pas|ne lui convient pas|"
    r"inutiles?|ridicules?|irrealistes?|pas d'accord|en desaccord|ne veut pas (?:le |la |"
    r"les )?(?:faire|refaire))"
)
_REJECT_EN = (
    r"(?:refuses?d?|rejects?|rejected|won't|will not|doesn't agree|does not agree|"
    r"didn't agree|did not agree|not convinced|doesn't fit|does not fit|pointless|"
    r"useless|unrealistic|ridiculous|a waste of time|disagrees?d?|objects?|objected)"
)
_IRRITATION_FR = (
    r"(?:irritee?|fachee?|frustree?|en colere|agacee?|exasperee?|tannee?|"
    r"ecoeuree?|furieux|furieuse|mecontente?|decue?)"
)
_IRRITATION_EN = (
    r"(?:irritated|angry|mad|frustrated|annoyed|upset|exasperated|sick|tired|"
    r"fed up|furious|disappointed|unhappy)"
)
_INTERVENTION_FR = (
    r"(?:ma|mon|mes) (?:question|questions|reflet|reflets|intervention|relance|"
    r"relances|validation|interpretation|proposition|commentaire)"
)
_INTERVENTION_EN = (
    r"(?:my|the) (?:question|questions|reflection|reflections|intervention|prompt|"
    r"comment|interpretation|validation|observation)"
)

RULES["fr"].extend(
    [
        ("disagreement", 0.7, _REJECT_FR + _GAP + r"\b" + _TASK_FR + r"\b", ()),
        ("disagreement", 0.7, r"\b" + _TASK_FR + r"\b" + _GAP + _REJECT_FR, ()),
        (
            "direct_negative",
            0.75,
            _IRRITATION_FR
            + r"\b"
            + _GAP
            + r"(?:\bje (?:la |le |les |l')?\w+ (?:trop|pas assez|mal)|"
            r"contre moi|envers moi|de venir|nos rencontres|la therapie|les seances)",
            (),
        ),
        (
            "direct_negative",
            0.75,
            r"(?:trouve|dit|pense|estime|me dit|a dit|trouvait|disait|pensait) que je (?:la |le |les |"
            r"l'|lui )?\w+ (?:trop|pas assez|mal|sans (?:l'|la |le )?ecouter)",
            (),
        ),
        (
            "indirect_negative",
            0.75,
            r"\b(?:avec ironie|(?:ton|commentaires?|remarques?|reponses?|sourire) ironiques?|piques?|"
            r"raille|railleries?|ricane|ricanement|sourire en coin|moqueu\w*|persiflage)\b",
            ("other_target",),
        ),
        (
            "indirect_negative",
            0.75,
            r"\bsoupir\w* (?:d'agacement|d'exasperation|d'impatience)",
            ("other_target",),
        ),
        (
            "compliance",
            0.8,
            r"pour me (?:faire plaisir|plaire)\b|oui oui\b" + _GAP + r"(?:sans|mais rien)",
            (),
        ),
        (
            "avoidance",
            0.75,
            r"(?:des que|quand|chaque fois que|lorsque|aussitot que) (?:je|j'|on)\s*(?:parle|aborde|"
            r"approche|touche|reviens?|evoque|ramene|mentionne)"
            + _GAP
            + r"(?:se met a parler|parle de|change|detourne|blague|rit|revient a|passe a)",
            (),
        ),
        (
            "self_esteem",
            0.7,
            r"\b(?:mieux que moi|plus que moi|a toujours raison|"
            r"n'a jamais tort)\b",
            ("pride",),
        ),
        (
            "non_response",
            0.75,
            r"\bsilence\w*" + _GAP + r"(?:apres|suite a|a la suite de|face a) " + _INTERVENTION_FR,
            (),
        ),
        ("non_response", 0.7, r"\breponses? (?:par )?oui/non\b|\bpar oui ou par non\b", ()),
    ]
)
RULES["en"].extend(
    [
        ("disagreement", 0.7, r"\b" + _REJECT_EN + r"\b" + _GAP + r"\b" + _TASK_EN + r"\b", ()),
        ("disagreement", 0.7, r"\b" + _TASK_EN + r"\b" + _GAP + r"\b" + _REJECT_EN + r"\b", ()),
        (
            "direct_negative",
            0.8,
            r"\b(?:sick|tired|fed up) of (?:coming here|therapy|these sessions|our sessions|"
            r"this|me|talking to me|the sessions|coming in)\b",
            (),
        ),
        (
            "direct_negative",
            0.75,
            r"\b" + _IRRITATION_EN + r"\b" + _GAP + r"\b(?:with me|at me|toward me|towards me|"
            r"because i|that i|when i (?:end|ended|stop|stopped|push|pushed|ask|asked))",
            (),
        ),
        (
            "direct_negative",
            0.75,
            r"\b(?:said|says|thinks|told me|feels|felt)\s+(?:that\s+)?i(?:'m| am| was)?\s+"
            r"(?:\w+\s+)?(?:too|not \w+ enough)\b",
            (),
        ),
        (
            "indirect_negative",
            0.75,
            r"\b(?:pointed|cutting|barbed|sharp) remarks?\b|\bironic (?:comments?|remarks?|tone)\b|"
            r"\bscoff(?:ed|s|ing)?\b|"
            r"\bunder (?:his|her|their) breath\b|\bsnicker(?:ed|s|ing)?\b|"
            r"\bsmirk(?:ed|s|ing)?\b|\bmuttered\b",
            ("other_target",),
        ),
        (
            "compliance",
            0.8,
            r"\b(?:to (?:please|humou?r) me|humou?ring me|to keep me happy)\b|"
            r"\b(?:sure|ok|okay|fine),? (?:sounds good|whatever you think)\b",
            (),
        ),
        (
            "compliance",
            0.7,
            r"\bagree\w*\b" + _GAP + r"\bwithout (?:really )?engaging\b|"
            r"\bto everything\b" + _GAP + r"\bwithout (?:really )?engaging\b",
            (),
        ),
        (
            "avoidance",
            0.75,
            r"\b(?:every time|whenever|each time|as soon as|when) (?:i|we) (?:bring up|get (?:close|"
            r"near) to|approach|mention|touch on|raise|ask about|go near|come back to)"
            + _GAP
            + r"\b(?:starts? talking|talks? about|changes?|switch\w*|moves? on|jokes?|laughs?|goes? "
            r"back to)",
            (),
        ),
        (
            "avoidance",
            0.8,
            r"\b(?:joked|laughed|talked|charmed) (?:his|her|their) way (?:out of|around)\b",
            (),
        ),
        (
            "self_esteem",
            0.7,
            r"\b(?:better than me|more than i do|always right|never wrong|"
            r"always been the (?:responsible|strong|sensible) one)\b",
            ("pride",),
        ),
        ("self_esteem", 0.7, r"\balready knows? (?:all|everything|this|all this)\b", ()),
        (
            "non_response",
            0.75,
            r"\bsilen\w*" + _GAP + r"\b(?:after|following|in response to) " + _INTERVENTION_EN,
            (),
        ),
        (
            "non_response",
            0.75,
            r"\b(?:gave|gives|give|offered) no (?:answer|response|reply|reaction)\b|"
            r"\byes/no answers?\b",
            (),
        ),
    ]
)

BENIGN_SILENCE = (
    r"\b(?:reflexi\w*|reflective|productive|comfortable|confortable|thoughtful|"
    r"pensi(?:f|ve)|apaisant\w*|soothing|peaceful|then (?:she|he|they) (?:opened|"
    r"elaborated|spoke)|puis (?:elle|il) (?:elabore|s'ouvre|parle))"
)
_ATTEND_FR = r"\b(?:annul\w*|manqu\w*|absen\w*|rate|ratee|oublie\w*)\b"
_ATTEND_EN = r"\b(?:cancel\w*|miss\w*|no[- ]show\w*|skipp\w*|forgot)\b"
RULES["fr"].extend(
    [
        (
            "avoidance",
            0.75,
            _ATTEND_FR + _GAP + r"\b(?:encore|de nouveau|a nouveau|une fois de plus|"
            r"(?:deuxieme|troisieme|quatrieme|cinquieme|\d+e) fois)\b",
            ("attendance",),
        ),
        (
            "disagreement",
            0.7,
            r"\b(?:veut|voudrait|voulait) (?:abandonner|laisser tomber|changer|"
            r"arreter|sauter|mettre de cote)" + _GAP + r"\b" + _TASK_FR + r"\b",
            (),
        ),
        (
            "compliance",
            0.75,
            r"\b(?:accepte|acceptait|a accepte|dit oui|acquiesce)\b"
            + _GAP
            + r"\btrop (?:vite|rapidement|facilement)\b",
            (),
        ),
        (
            "compliance",
            0.75,
            r"\b(?:dit oui|accepte|acquiesce|d'accord)\b"
            + _GAP
            + r"\b(?:mais|puis) (?:ne fait rien|rien n'est fait|ne fait jamais|ne le fait pas)",
            (),
        ),
    ]
)
RULES["en"].extend(
    [
        (
            "avoidance",
            0.75,
            _ATTEND_EN + _GAP + r"\b(?:again|(?:second|third|fourth|fifth|"
            r"\d+(?:nd|rd|th)) time)\b",
            ("attendance",),
        ),
        (
            "disagreement",
            0.7,
            r"\b(?:wants?|wanted|would like) to (?:drop|abandon|change|skip|stop|"
            r"scrap|ditch)\b" + _GAP + r"\b" + _TASK_EN + r"\b",
            (),
        ),
        (
            "compliance",
            0.75,
            r"\bagreed\b" + _GAP + r"\b(?:too (?:quickly|readily|fast|easily)|"
            r"without (?:question|hesitation|conviction|discussion))",
            (),
        ),
        (
            "compliance",
            0.75,
            r"\bwhatever i (?:suggest|say|propose)\b|\b(?:agree\w*|yes|great|"
            r"fine)\b" + _GAP + r"\b(?:then|but) (?:does|did|do) (?:none|nothing) of it\b",
            (),
        ),
    ]
)

RULES["en"].extend(
    [
        (
            "disagreement",
            0.8,
            r"\bwants? nothing to do with\b" + _GAP + r"\b" + _TASK_EN + r"\b",
            (),
        ),
        (
            "indirect_negative",
            0.75,
            r"\bwith (?:irony|sarcasm|scorn|contempt|disdain)\b",
            ("other_target",),
        ),
        (
            "avoidance",
            0.75,
            r"\b(?:went on|goes on|talked|talks|rambled|rambles|jumped|jumps|moved|moves|switched|"
            r"switches) (?:on )?(?:about|to)\b" + _GAP + r"\b(?:whenever|every time|each time|when|"
            r"as soon as) (?:i|we) (?:raised?|brought up|bring up|mention\w*|asked about|"
            r"approach\w*|touched on|got to)\b",
            (),
        ),
    ]
)
RULES["fr"].extend(
    [
        ("indirect_negative", 0.75, r"\b(?:avec (?:mepris|dedain|sarcasme))\b", ("other_target",)),
        (
            "avoidance",
            0.75,
            r"\b(?:parle|parlait|se met a parler|revient|revenait|passe|passait) (?:de|a|sur)\b"
            + _GAP
            + r"\b(?:des que|quand|chaque fois que|lorsque|aussitot que) (?:je|j'|on)\s*(?:aborde|"
            r"parle|evoque|mentionne|approche|touche|reviens)",
            (),
        ),
    ]
)

RULES["fr"].extend(
    [
        (
            "self_esteem",
            0.75,
            r"\b(?:longues?|interminables?) justifications?\b|\bse lance dans "
            r"(?:une |de )?(?:longues? )?justifications?\b|\bjustifie (?:chacun de |tous )?ses choix\b",
            (),
        ),
        (
            "non_response",
            0.75,
            r"\bne (?:reagit|repond|reagissait|repondait) (?:pas|plus)\s+"
            r"(?:quand|lorsque|apres que|des que) (?:je|j')",
            (),
        ),
        (
            "avoidance",
            0.75,
            r"\bimpossible d'(?:aborder|parler de|amener|revenir sur)\b|"
            r"\b(?:passe|a passe|passait) (?:la|toute la) (?:seance|rencontre) a parler de\b",
            (),
        ),
        (
            "disagreement",
            0.75,
            r"\b(?:ne nous entendons pas|ne s'entend pas|ne s'entendent pas|"
            r"on ne s'entend pas|pas d'entente)\s+(?:sur|quant a|concernant|au sujet de)\b",
            (),
        ),
        (
            "direct_negative",
            0.75,
            r"\bne voit pas (?:ou (?:on|nous) (?:s'en va|va|allons)|"
            r"ou ca (?:mene|va))\b|\b(?:nos rencontres|les seances|nos seances|la therapie|le suivi) "
            r"(?:le|la|les|l') ?(?:fatiguent|fatigue|epuisent|epuise|ennuient|ennuie|decouragent|"
            r"decourage)\b",
            (),
        ),
    ]
)
RULES["en"].extend(
    [
        (
            "self_esteem",
            0.75,
            r"\bjustif(?:ied|ies|ying) (?:every|each|all (?:of )?(?:his|her|their))"
            r"\b|\bjustif\w+\b[^.;]{0,40}\bat length\b",
            (),
        ),
        (
            "avoidance",
            0.7,
            r"\b(?:spent|spends|spending) (?:the|the whole|most of the|all) "
            r"(?:session|hour|meeting) talking about\b|\bevery attempt to (?:discuss|raise|bring up|"
            r"address|talk about)\b[^.;]{0,50}\b(?:went nowhere|failed|was deflected|was brushed "
            r"off)",
            (),
        ),
        (
            "disagreement",
            0.7,
            r"\bdisagree\w*\s+(?:\w+\s+)?(?:about|on|over)\s+(?:what|how|where|"
            r"which|whether)\b",
            (),
        ),
        (
            "direct_negative",
            0.8,
            r"\b(?:feels?|felt|thinks?|thought|says?|said|told me)\s+(?:that\s+)?"
            r"(?:i'm|i am|i was|the therapist is)\s+not on (?:her|his|their) side\b|\bthat i "
            r"(?:judge|judged|blame|blamed|criticize|criticized) (?:her|him|them)\b",
            (),
        ),
    ]
)
