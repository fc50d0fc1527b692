"""Show flags in the user's language: explanations, evidence, highlighted notes."""

from __future__ import annotations

from collections.abc import Iterable

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from ruptures.detector import explanation_id
from ruptures.models import TEXT_SOURCES, RuptureFlag


def ui_language() -> str:
    return "fr" if (get_language() or "").startswith("fr") else "en"


def explanation(flag: RuptureFlag) -> str:
    """Say in words why the flag was raised, with the figures of a session-data rule."""
    if flag.source in TEXT_SOURCES:
        return _(explanation_id(flag.marker, flag.evidence.get("cue", "")))
    d = flag.evidence
    if flag.signal == "repeated_absences":
        return _(
            "%(absent)s of the last %(of)s planned sessions were missed, cancelled by the "
            "client or begun 15 minutes late or more (or the last two were no-shows)."
        ) % {"absent": d.get("absent", "?"), "of": d.get("of", "?")}
    if flag.signal == "tasks_not_done":
        return _("Tasks were reviewed as not done in this session and in the one before it.")
    if flag.signal == "rating_drop":
        if d.get("rule") == "fallback":
            return (
                _(
                    "My rating (%(rating)s) is 1 point or more below the mean of this "
                    "client's %(earlier)s earlier ratings (%(mean)s); with fewer than 4 "
                    "earlier ratings this simpler rule applies."
                )
                % d
            )
        return (
            _(
                "My rating (%(rating)s) is more than 2 standard deviations below the mean of "
                "this client's %(earlier)s earlier ratings (%(mean)s; threshold "
                "%(threshold)s)."
            )
            % d
        )
    if flag.signal == "rating_divergence":
        return (
            _(
                "My rating (%(practitioner)s) and the client's WAI-SR mean (%(client)s) "
                "differ by 1 point or more."
            )
            % d
        )
    if flag.signal == "ceiling_compliance":
        return _(
            "My three ratings were all 5 in the last 3 sessions, and this session's note "
            "reads as compliance: agreement may be hiding disagreement."
        )
    return ""


def evidence_text(flag: RuptureFlag, notes: str) -> list[str]:
    """Return the passages of the note that the flag rests on."""
    if flag.source not in TEXT_SOURCES or flag.evidence.get("stale"):
        return []
    spans = flag.evidence.get("spans", [])
    return [notes[a:b] for a, b in spans if 0 <= a < b <= len(notes)]


def highlight(notes: str, flags: Iterable[RuptureFlag]) -> SafeString:
    """Return the note as HTML, escaped, with each piece of evidence in a <mark>."""
    marks: list[tuple[int, int, str]] = []
    for flag in flags:
        if flag.evidence.get("stale"):
            continue
        for a, b in flag.evidence.get("spans", []):
            if 0 <= a < b <= len(notes):
                marks.append((a, b, flag.kind_label))
    marks.sort()
    out, position = [], 0
    for a, b, label in marks:
        if a < position:  # overlapping evidence: the first mark covers it
            continue
        out.append(escape(notes[position:a]))
        out.append(
            f'<mark class="rupture-evidence" title="{escape(label)}">{escape(notes[a:b])}</mark>'
        )
        position = b
    out.append(escape(notes[position:]))
    paragraphs = "".join(out).split("\n\n")
    html = "".join(f"<p>{p.replace(chr(10), '<br>')}</p>" for p in paragraphs if p.strip())
    return mark_safe(html)  # noqa: S308  (every piece of text above is escaped)
