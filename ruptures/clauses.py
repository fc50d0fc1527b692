"""Cut a session note into sentences and clauses, and say where each clause stands.

Plain Python (no Django). The reader classifies clauses, not whole notes: each clause
carries its tokens (accent-free, lower case, with their offsets in the original text), the
section of a structured note it sits in (SOAP, DAP, BIRP, a "Plan:" line), whether it is
inside quoted speech, and who acts in it — the client or the practitioner (I, je, the
writer, the clinician, la soussignée; "vous" or "you" inside a client's quote). Third parties
are found by the lexicon's third_party family (ruptures/features.py), not here.

    >>> [c.text for c in split("Mme K. est arrivée en retard, elle dit « vous ne m'écoutez pas ».")]
    ['Mme K. est arrivée en retard', 'elle dit « vous ne m\\'écoutez pas ».']
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from itertools import compress

from ruptures.text import fold

# Words that end with a full stop without ending the sentence (folded, without the dot).
ABBREVIATIONS = frozenset(
    """
    m mm mme mmes mlle mlles mr mrs ms messrs dr dre drs pr pre st ste pt pts clt clts cl
    tx hx dx sx rx fx approx env cf vs v nb no nos p pp ex eg ie al fig dept tel ed jr sr
    inc co av apr min mins hr hrs sem wk wks yr yrs mo mos jan janv feb fev fevr mar avr
    jun jul juil aug sept oct nov dec lun mar mer jeu ven sam dim mon tue wed thu fri sat sun
    ste soc psy ts inf educ ass
    """.split()
)
ELISIONS = frozenset("j l d n m t s c qu jusqu lorsqu puisqu quoiqu".split())

# Section headings at the start of a line, folded; the value is the section's name.
SECTION_HEADINGS = {
    "s": "subjective",
    "subjective": "subjective",
    "subjectif": "subjective",
    "plainte": "subjective",
    "o": "objective",
    "objective": "objective",
    "objectif": "objective",
    "observation": "objective",
    "observations": "objective",
    "mse": "objective",
    "d": "data",
    "data": "data",
    "donnees": "data",
    "contenu": "data",
    "contenu de la rencontre": "data",
    "b": "behaviour",
    "behavior": "behaviour",
    "behaviour": "behaviour",
    "c": "behaviour",
    "comportement": "behaviour",
    "comportements": "behaviour",
    "a": "assessment",
    "assessment": "assessment",
    "analyse": "assessment",
    "evaluation": "assessment",
    "impression": "assessment",
    "impressions": "assessment",
    "i": "intervention",
    "intervention": "intervention",
    "interventions": "intervention",
    "r": "response",
    "response": "response",
    "reponse": "response",
    "reaction": "response",
    "p": "plan",
    "plan": "plan",
    "suite": "plan",
    "suite a donner": "plan",
    "suites": "plan",
    "next steps": "plan",
    "risk": "risk",
    "risque": "risk",
    "risk assessment": "risk",
    "evaluation du risque": "risk",
    "safety": "risk",
}
_HEADING = re.compile(
    r"[ \t]*(?:\*\*)?(?P<name>"
    + "|".join(sorted((re.escape(h) for h in SECTION_HEADINGS), key=len, reverse=True))
    + r")(?:\*\*)?[ \t]*(?:\([^)\n]{0,40}\))?[ \t]*[:\-–—/)][ \t]*"
)

# Punctuation that ends a clause inside a sentence.
# Words that open a new clause (folded); the word belongs to the clause it opens.
CLAUSE_OPENERS = frozenset(
    """
    mais but however cependant toutefois pourtant neanmoins whereas although though
    puis then ensuite afterwards later plus tard because parce car since puisque
    when quand lorsque lorsqu while pendant after apres before avant although
    alors sinon otherwise yet instead plutot
    """.split()
)
# Two-word openers: "and then", "et puis", "alors que", "even if", "bien que", "meme si".
CLAUSE_OPENER_PAIRS = frozenset(
    {
        ("and", "then"),
        ("et", "puis"),
        ("alors", "que"),
        ("even", "if"),
        ("even", "though"),
        ("bien", "que"),
        ("meme", "si"),
        ("et", "que"),
        ("and", "that"),
        ("tandis", "que"),
    }
)

# "and", "et", "but" … open a new clause when a subject follows: "… and I steered him".
COORDINATORS = frozenset("and et or ou so donc but mais then puis".split())

ACTOR_CLIENT = "client"
ACTOR_PRACTITIONER = "practitioner"
ACTOR_UNKNOWN = ""

# Who a clause's first person words refer to, outside quotes: the practitioner writing.
PRACTITIONER_WORDS = frozenset(
    """
    i je j' moi me m' myself writer clinician therapist counselor counsellor soussignee
    soussigne intervenante intervenant therapeute sw clinicienne clinicien psychologist
    psychologue psychoeducatrice psychoeducateur educatrice educateur ts
    """.split()
)
CLIENT_WORDS = frozenset(
    """
    client cliente clients clientes clt pt patient patiente usager usagere il elle he she
    they mme mr mrs ms m jeune eleve student youth veteran personne resident residente
    beneficiaire participant participante adolescent adolescente ado teen couple
    """.split()
)
SUBJECTS = (PRACTITIONER_WORDS | CLIENT_WORDS | frozenset("we nous on".split())) - frozenset(
    "me m' moi myself".split()
)
SECOND_PERSON = frozenset("vous tu t' te toi votre vos ton ta tes you your yours yourself".split())
FIRST_PERSON = frozenset("i je j' me m' moi my mine myself mon ma mes".split())


@dataclass(slots=True)
class Clause:
    """One clause of a note: its place in the text and in the note's structure."""

    start: int
    last: int  # where its last word ends
    tokens: list[str]
    first: int  # index of its first token among the note's tokens
    sentence: int
    section: str
    quoted: bool  # the clause is mostly inside quotation marks
    actor: str
    addresses_practitioner: bool  # "vous/you" in a quote, "me/moi" outside one
    limit: int  # where the next clause's first word begins (or the text's end)
    note: str  # the note's text (not a copy)

    @property
    def end(self) -> int:
        """Where the clause ends, its closing punctuation and quotes included."""
        tail = _CLOSING.match(self.note, self.last, self.limit)
        return self.last + (len(fold(tail.group()).rstrip()) if tail else 0)

    @property
    def text(self) -> str:
        return self.note[self.start : self.end]


@dataclass(slots=True)
class Segmented:
    """A note's tokens (accent-free, lower case, with their offsets) and its clauses."""

    tokens: list[str]
    starts: list[int]
    ends: list[int]
    clauses: list[Clause]


_DOUBLE_QUOTE_OR_LINE = re.compile(r'["\n]')
_SINGLE_QUOTED = re.compile(r"(?:(?<=[\s:(])|^)'([^'\n]{2,300}?)'(?=[\s.,;:!?)]|$)")
# Words (an elided "j'", "l'", "qu'" is cut off as a word of its own, see _words), and the
# marks that may bound sentences and clauses (see _marks). Python's regular expressions are
# fast on one character class and slow on alternations: the finer checks are made in Python.
_WORDS = re.compile(r"[a-z0-9][a-z0-9']*")
_MARKS = re.compile(r"[.!?…\n,;:()\[\]–—-]")
_SENTENCE_PUNCT = ".!?…"
_CLOSERS = ".!?…\"')]"
# Words after which a clause may begin, looked at with the word that follows.
_OPENER_FIRSTS = (
    CLAUSE_OPENERS | COORDINATORS | frozenset(first for first, _second in CLAUSE_OPENER_PAIRS)
)


def _quote_spans(folded: str) -> list[tuple[int, int]]:
    """Return the character ranges inside quotation marks (double quotes, or single quotes
    that open after a space and close before one)."""
    spans: list[tuple[int, int]] = []
    opened = -1
    for m in _DOUBLE_QUOTE_OR_LINE.finditer(folded):
        if m.group() == "\n":
            opened = -1  # an unclosed quote ends with its line
        elif opened < 0:
            opened = m.start()
        else:
            spans.append((opened, m.end()))
            opened = -1
    if " '" in folded or ":'" in folded or "('" in folded or folded.startswith("'"):
        spans.extend((m.start(), m.end()) for m in _SINGLE_QUOTED.finditer(folded))
        spans.sort()
    return spans


def _words(folded: str) -> tuple[list[str], list[int], list[int]]:
    """Return a folded text's words and their start and end offsets."""
    found = list(_WORDS.finditer(folded))
    tokens = [m.group() for m in found]
    starts = [m.start() for m in found]
    ends = [m.end() for m in found]
    if "'" not in folded:
        return tokens, starts, ends
    # Few words hold an apostrophe: mend those in place, from the last one back.
    for i in reversed([i for i, token in enumerate(tokens) if "'" in token]):
        token, start = tokens[i], starts[i]
        head, _, rest = token.partition("'")
        rest = rest.rstrip("'")
        if head in ELISIONS:
            cut = start + len(head) + 1
            if rest:
                tokens[i : i + 1] = [head + "'", rest]
                starts[i : i + 1] = [start, cut]
                ends[i : i + 1] = [cut, cut + len(rest)]
            else:
                tokens[i], ends[i] = head + "'", cut
        else:
            tokens[i] = token = token.rstrip("'")
            ends[i] = start + len(token)
    return tokens, starts, ends


def tokenize(folded: str) -> list[tuple[str, int, int]]:
    """Return the words of a folded text with their offsets (as the matcher reads them)."""
    return list(zip(*_words(folded), strict=True))


def _marks(folded: str) -> list[tuple[str, int]]:
    """Return what bounds sentences and clauses, with the offset just after it: "end" (a
    full stop, question or exclamation mark followed by a space), "nl", "comma", "punct"
    (; : ( ) [ ] and a dash between spaces)."""
    out: list[tuple[str, int]] = []
    size = len(folded)
    for m in _MARKS.finditer(folded):
        char, at = m.group(), m.start()
        if char in _SENTENCE_PUNCT:
            if at and folded[at - 1] in _SENTENCE_PUNCT:
                continue  # "..." or "?!" counts once, from its first mark
            after = at + 1
            while after < size and folded[after] in _CLOSERS:
                after += 1
            if after == size or folded[after].isspace():
                out.append(("end", after))
        elif char == "\n":
            out.append(("nl", at + 1))
        elif char == ",":
            out.append(("comma", at + 1))
        elif char in "-–—":
            if 0 < at < size - 1 and folded[at - 1] == " " and folded[at + 1] == " ":
                out.append(("punct", at + 1))
        else:
            out.append(("punct", at + 1))
    return out


def _heading(folded: str, position: int) -> tuple[str, int] | None:
    """Return the section named at the start of the line at `position` and where its text
    begins, or None. A one-letter heading needs text after it ("P:" alone is no heading)."""
    m = _HEADING.match(folded, position)
    if m is None:
        return None
    line_end = folded.find("\n", position)
    line_end = len(folded) if line_end < 0 else line_end
    if len(m.group("name")) == 1 and m.end() >= line_end:
        return None
    return SECTION_HEADINGS[m.group("name")], m.end()


def segment(text: str, folded: str | None = None) -> Segmented:
    """Return a note's tokens and its clauses, with their section, quoting and actor."""
    folded = fold(text) if folded is None else folded
    tokens, starts, ends = _words(folded)
    # Sentence starts (token indexes), the section each one opens in, and clause cuts.
    sentences: list[int] = [0]
    sections: list[str] = [""]
    cuts: set[int] = set()
    headings: list[tuple[int, int]] = []  # character ranges of headings, left out
    heading = _heading(folded, 0)
    if heading:
        sections[0] = heading[0]
        headings.append((0, heading[1]))
    for kind, after in _marks(folded):
        at = bisect_left(starts, after)  # the first token after the mark
        if kind == "punct":
            cuts.add(at)
            continue
        if kind == "comma":
            # A comma cuts only before a subject or a word that opens a clause, not between
            # the items of a list ("mood low, sleep poor").
            if at < len(tokens) and (tokens[at] in SUBJECTS or tokens[at] in _OPENER_FIRSTS):
                cuts.add(at)
            continue
        if kind == "end" and at:
            word = tokens[at - 1]
            if (word in ABBREVIATIONS or (len(word) == 1 and word.isalpha())) and not folded[
                after : after + 3
            ].lstrip()[:1].isdigit():
                continue
        section = sections[-1]
        if kind == "nl":
            heading = _heading(folded, after)
            if heading:
                section = heading[0]
                headings.append((after, heading[1]))
                at = bisect_left(starts, heading[1])
        if at == sentences[-1]:
            sections[-1] = section  # no word since the last start: it only gets its section
        else:
            sentences.append(at)
            sections.append(section)
    n = len(tokens)
    dropped = {
        i for a, b in headings for i in range(bisect_left(starts, a), bisect_left(starts, b))
    }
    if not n or len(dropped) == n:
        return Segmented(tokens, starts, ends, [])
    for i in compress(range(n), map(_OPENER_FIRSTS.__contains__, tokens)):
        word = tokens[i]
        following = tokens[i + 1] if i + 1 < n else ""
        if i and (
            word in CLAUSE_OPENERS
            or (word, following) in CLAUSE_OPENER_PAIRS
            or (word in COORDINATORS and following in SUBJECTS)
        ):
            cuts.add(i)
    quotes = _quote_spans(folded)
    quote_starts = [q[0] for q in quotes]
    for q_start, q_end in quotes:
        a, b = bisect_left(starts, q_start), bisect_left(starts, q_end)
        if b - a >= 4:
            cuts.update((a, b))
    cuts.update(sentences)
    bounds = sorted(c for c in cuts if 0 < c < n)
    clauses: list[Clause] = []
    previous_actor, previous_sentence = ACTOR_UNKNOWN, -1
    size = len(folded)
    for a, b in zip([0, *bounds], [*bounds, n], strict=True):
        if dropped and a in dropped:
            a = next((i for i in range(a, b) if i not in dropped), b)
            if a == b:
                continue
        sentence = bisect_right(sentences, a) - 1
        words = tokens[a:b]
        start, last = starts[a], ends[b - 1]
        quoted = bool(quotes) and _inside(quotes, quote_starts, start, last)
        if sentence != previous_sentence:
            previous_actor, previous_sentence = ACTOR_UNKNOWN, sentence
        actor, subject = _actor(words, quoted)
        addressed = _addresses_practitioner(words, quoted, subject)
        actor = actor or previous_actor
        clauses.append(
            Clause(
                start,
                last,
                words,
                a,
                sentence,
                sections[sentence],
                quoted,
                actor,
                addressed,
                starts[b] if b < n else size,
                text,
            )
        )
        if not quoted:
            previous_actor = actor
    return Segmented(tokens, starts, ends, clauses)


def split(text: str, folded: str | None = None) -> list[Clause]:
    """Return the clauses of a note, in order, with their section, quoting and actor."""
    return segment(text, folded).clauses


def _inside(spans: list[tuple[int, int]], starts: list[int], a: int, b: int) -> bool:
    """Tell whether most of [a, b) lies inside the quotes `spans` (whose starts are
    `starts`): quotes do not overlap, so only those that begin before b can count."""
    covered = 0
    for s, e in spans[max(0, bisect_right(starts, a) - 1) : bisect_left(starts, b)]:
        covered += max(0, min(b, e) - max(a, s))
    return covered * 2 > (b - a)


# Who a word names: outside quotes, the practitioner writing or the client; inside a client's
# quote, "I" is the client and "you" the practitioner.
_ROLE = {
    **dict.fromkeys(CLIENT_WORDS, ACTOR_CLIENT),
    **dict.fromkeys(PRACTITIONER_WORDS, ACTOR_PRACTITIONER),
}
_QUOTED_ROLE = {
    **dict.fromkeys(SECOND_PERSON, ACTOR_PRACTITIONER),
    **dict.fromkeys(FIRST_PERSON, ACTOR_CLIENT),
}


def _actor(tokens: list[str], quoted: bool) -> tuple[str, int]:
    """Return who acts in a clause (the first person or noun that names someone) and the
    index of that word, or ("", -1)."""
    roles = _QUOTED_ROLE if quoted else _ROLE
    for i, word in enumerate(tokens[:6]):
        role = roles.get(word)
        if role:
            return role, i
    return ACTOR_UNKNOWN, -1


def _addresses_practitioner(tokens: list[str], quoted: bool, subject: int) -> bool:
    """Tell whether the practitioner is the one spoken to or about, not the subject: "vous"
    or "you" in a quote, "me", "moi" or "the writer" after the subject outside one."""
    if quoted:
        return not SECOND_PERSON.isdisjoint(tokens)
    return not PRACTITIONER_WORDS.isdisjoint(tokens[subject + 1 :])


_CLOSING = re.compile(r"[\"'.!?…)»” ]*")
