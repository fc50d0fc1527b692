"""Prepare note text for matching: accent-free lower case with offsets kept (no Django)."""

from __future__ import annotations

import re
import unicodedata

# Apostrophes and quotes typed many ways collapse to one form; œ/æ keep one character each
# so that every offset in the folded text is an offset in the original.
_SPECIAL = {
    "’": "'",
    "‘": "'",
    "ʼ": "'",
    "`": "'",
    "«": '"',
    "»": '"',
    "“": '"',
    "”": '"',
    "œ": "o",
    "Œ": "o",
    "æ": "a",
    "Æ": "a",
    "\u00a0": " ",
    "\u202f": " ",
}


def _fold_char(char: str) -> str:
    if char in _SPECIAL:
        return _SPECIAL[char]
    if char.isascii():
        return char.lower()
    base = unicodedata.normalize("NFD", char)[0]
    if not base.isprintable():
        return " "
    return base.lower() if len(base.lower()) == 1 else char


# Latin scripts up to Latin Extended-B, folded once; str.translate then runs in C.
_TABLE = {code: _fold_char(chr(code)) for code in range(0x250)}
_TABLE.update({ord(k): v for k, v in _SPECIAL.items()})


def fold(text: str) -> str:
    """Return `text` lower-cased without accents, with the same length and offsets."""
    return text.translate(_TABLE)


FRENCH_WORDS = frozenset(
    "le la les des est une pas que qui avec pour dans sur il elle nous je du au ce cette "
    "sa ses mais ou et en ne se lui leur tres seance rencontre usager usagere de un son "
    "plusieurs fois avoir etre aussi".split()
)
ENGLISH_WORDS = frozenset(
    "the and is was she he with to of that not for in on at it we my her his they this "
    "session client said did about but have has also were been what".split()
)
_WORD = re.compile(r"[a-z']+")


def language_counts(folded: str) -> tuple[int, int]:
    """Count common French and English words in (the start of) a folded text."""
    fr = en = 0
    for word in _WORD.findall(folded[:2000]):
        word = word.split("'")[-1] if "'" in word else word
        if word in FRENCH_WORDS:
            fr += 1
        elif word in ENGLISH_WORDS:
            en += 1
    return fr, en


def detect_language(folded: str) -> str:
    """Guess "fr" or "en" from common words; French when it cannot tell."""
    fr, en = language_counts(folded)
    return "en" if en > fr else "fr"
