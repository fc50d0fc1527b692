"""Writes for rupture flags and repair plans: scans, the workflow, audited."""

from __future__ import annotations

import hashlib
import hmac
import re
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from alliance.versioning import StaleEdit, apply_fields, update_if_current, validate
from audit.models import AuditAction
from audit.services import audit_record
from clients.models import TaskStatus
from ruptures.detector import detect, detector_version
from ruptures.markers import BY_CODE
from ruptures.models import ACTIVE, FlagStatus, RepairPlan, RuptureFlag, Source
from ruptures.signals import SessionPoint, session_signals
from sessions.models import Session
from sessions.scoring import ITEM_COUNT
from sessions.selectors import WAI_ITEMS

if TYPE_CHECKING:
    from accounts.models import User

# Which statuses each status may move to; repaired and dismissed are final.
TRANSITIONS = {
    FlagStatus.OPEN: {
        FlagStatus.ACKNOWLEDGED,
        FlagStatus.REPAIR_PLANNED,
        FlagStatus.REPAIRED,
        FlagStatus.DISMISSED,
    },
    FlagStatus.ACKNOWLEDGED: {FlagStatus.REPAIR_PLANNED, FlagStatus.REPAIRED, FlagStatus.DISMISSED},
    FlagStatus.REPAIR_PLANNED: {
        FlagStatus.REPAIR_PLANNED,
        FlagStatus.REPAIRED,
        FlagStatus.DISMISSED,
    },
    FlagStatus.REPAIRED: set(),
    FlagStatus.DISMISSED: set(),
}


def _history(session: Session) -> list[SessionPoint]:
    """Return the client's sessions up to this one, as the signals module reads them."""
    rows = (
        Session.objects.filter(client_id=session.client_id, starts_at__lte=session.starts_at)
        .annotate(
            not_done=Count("tasks_reviewed", filter=Q(tasks_reviewed__status=TaskStatus.NOT_DONE))
        )
        .order_by("starts_at", "id")
        .values_list(
            "id",
            "starts_at",
            "attendance",
            "late_minutes",
            "goals_rating",
            "tasks_rating",
            "bond_rating",
            "not_done",
            *WAI_ITEMS,
        )
    )
    points = []
    for sid, starts_at, attendance, late, goals, tasks, bond, not_done, *items in rows:
        wai = sum(items) / ITEM_COUNT if items[0] is not None else None
        points.append(
            SessionPoint(sid, starts_at, attendance, late, goals, tasks, bond, wai, not_done)
        )
    return points


@transaction.atomic
def rupture_scan_session(*, session_id: int) -> dict[str, int]:
    """Read one session's note and data; create, refresh or withdraw its flags.

    Idempotent: a flag is found again by (session, source, marker, signal) and updated in
    place; a flag someone acted on keeps its status (a dismissed flag is never reopened);
    an untouched open flag whose evidence is gone is withdrawn.
    """
    session = Session.objects.select_for_update().filter(pk=session_id).first()
    if session is None:
        return {"created": 0, "updated": 0, "withdrawn": 0}
    hits = detect(session.notes) if session.notes else []
    version = detector_version()
    signals = session_signals(
        _history(session), note_has_compliance=any(h.marker == "compliance" for h in hits)
    )
    flags = list(session.rupture_flags.all())
    added = {f.marker: f for f in flags if f.source == Source.PRACTITIONER}
    wanted: dict[tuple[str, str, str], tuple[dict[str, Any], float]] = {
        (Source.NOTE, h.marker, ""): (
            {"spans": [list(s) for s in h.spans], "cue": h.cue},
            h.confidence,
        )
        for h in hits
        if h.marker not in added  # the practitioner already said so, with their evidence
    }
    for signal in signals:
        wanted[(Source.SESSION_DATA, signal.marker, signal.signal)] = (dict(signal.detail), 1.0)
    for flag in added.values():
        _check_added_evidence(flag, session.notes)
    existing = {(f.source, f.marker, f.signal): f for f in flags if f.source != Source.PRACTITIONER}
    counts = {"created": 0, "updated": 0, "withdrawn": 0}
    for key, (evidence, confidence) in wanted.items():
        flag = existing.get(key)
        if flag is None:
            flag = RuptureFlag.objects.create(
                session=session,
                client_id=session.client_id,
                source=key[0],
                marker=key[1],
                signal=key[2],
                evidence=evidence,
                confidence=round(confidence, 2),
                detector_version=version,
            )
            audit_record(
                actor=None,
                action=AuditAction.CREATE,
                obj=flag,
                client_id=session.client_id,
                details={"kind": key[1] or key[2]},
            )
            counts["created"] += 1
        elif flag.evidence != evidence or flag.detector_version != version:
            RuptureFlag.objects.filter(pk=flag.pk).update(
                evidence=evidence,
                confidence=round(confidence, 2),
                detector_version=version,
                updated_at=timezone.now(),
            )
            counts["updated"] += 1
    for key, flag in existing.items():
        if key in wanted:
            continue
        if flag.status == FlagStatus.OPEN:
            flag.delete()
            audit_record(
                actor=None,
                action=AuditAction.DELETE,
                object_type="ruptures.ruptureflag",
                object_id=str(flag.pk),
                client_id=session.client_id,
                details={"reason": "evidence gone after a re-scan"},
            )
            counts["withdrawn"] += 1
        elif not flag.evidence.get("stale"):
            RuptureFlag.objects.filter(pk=flag.pk).update(evidence={**flag.evidence, "stale": True})
    Session.objects.filter(pk=session.pk).update(ruptures_scanned_at=timezone.now())
    return counts


def _digest(text: str) -> str:
    """Fingerprint evidence words keyed with the secret key: no guessing the words back."""
    return hmac.new(settings.SECRET_KEY.encode(), text.encode(), hashlib.sha256).hexdigest()[:32]


def _check_added_evidence(flag: RuptureFlag, notes: str) -> None:
    """Mark a practitioner's flag stale when its words are no longer where they were."""
    spans = flag.evidence.get("spans") or []
    kept = bool(spans) and all(
        _digest(notes[a:b]) == digest
        for (a, b), digest in zip(spans, flag.evidence.get("digests", []), strict=False)
    )
    if kept == (not flag.evidence.get("stale")):
        return
    evidence = {k: v for k, v in flag.evidence.items() if k != "stale"}
    if not kept:
        evidence["stale"] = True
    RuptureFlag.objects.filter(pk=flag.pk).update(evidence=evidence)


# Characters typed one way and stored another: apostrophes, quotes and dashes.
_SAME_CHARACTER = {
    **dict.fromkeys("'’‘ʼ´`", "['’‘ʼ´`]"),
    **dict.fromkeys('"“”«»„', '["“”«»„]'),
    **dict.fromkeys("-‐‑–—", "[-‐‑–—]"),
}


def _loose(part: str) -> str:
    return "".join(_SAME_CHARACTER.get(c) or re.escape(c) for c in part)


def find_evidence(notes: str, words: str) -> tuple[int, int] | None:
    """Find `words` in the note, ignoring case, runs of spaces and the kind of apostrophe,
    quote or dash typed; return its span."""
    pattern = r"\s+".join(_loose(part) for part in words.split())
    if not pattern:
        return None
    found = re.search(pattern, notes, flags=re.IGNORECASE)
    return (found.start(), found.end()) if found else None


@transaction.atomic
def flag_add_missed(
    *, session: Session, actor: User, marker: str, evidence_words: str
) -> RuptureFlag:
    """Add a marker the reader missed, with the words of the note that show it.

    The flag is the practitioner's own: acknowledged from the start, kept by every re-scan,
    and used as a label when the clinic retrains the reader (ruptures_train --include-practice).
    """
    if marker not in BY_CODE:
        raise ValidationError(_("Choose one of the seven markers."))
    span = find_evidence(session.notes, evidence_words)
    if span is None:
        raise ValidationError(
            _("These words are not in the note: copy or select them in the note as they are.")
        )
    already = _("This marker is already flagged for this session (see Possible ruptures).")
    same = RuptureFlag.objects.select_for_update().filter(session=session, marker=marker)
    if same.filter(status__in=ACTIVE).exists():
        raise ValidationError(already)
    evidence = {"spans": [list(span)], "digests": [_digest(session.notes[span[0] : span[1]])]}
    dismissed = same.filter(source=Source.PRACTITIONER).first()
    if dismissed is not None:  # added, dismissed as a mistake, now added again
        RuptureFlag.objects.filter(pk=dismissed.pk).update(
            status=FlagStatus.ACKNOWLEDGED,
            dismissed_reason="",
            evidence=evidence,
            version=dismissed.version + 1,
            updated_at=timezone.now(),
        )
        dismissed.refresh_from_db()
        audit_record(
            actor=actor,
            action=AuditAction.UPDATE,
            obj=dismissed,
            client_id=session.client_id,
            details={"kind": marker, "source": Source.PRACTITIONER, "status": "acknowledged"},
        )
        return dismissed
    try:
        with transaction.atomic():  # two tabs adding it at once: the constraint decides
            flag = RuptureFlag.objects.create(
                session=session,
                client_id=session.client_id,
                source=Source.PRACTITIONER,
                marker=marker,
                status=FlagStatus.ACKNOWLEDGED,
                evidence=evidence,
                confidence=1.0,
            )
    except IntegrityError:
        raise ValidationError(already) from None
    audit_record(
        actor=actor,
        action=AuditAction.CREATE,
        obj=flag,
        client_id=session.client_id,
        details={"kind": marker, "source": Source.PRACTITIONER},
    )
    return flag


def _move(flag: RuptureFlag, to: FlagStatus, expected_version: int | None) -> None:
    """Refuse a stale click first (StaleEdit), then a step the workflow does not allow."""
    if expected_version is not None and expected_version != flag.version:
        raise StaleEdit(flag)
    if to not in TRANSITIONS[FlagStatus(flag.status)]:
        raise ValidationError(
            _("This flag can no longer change to “%(status)s”.") % {"status": to.label}
        )


def _step(
    flag: RuptureFlag, actor: User, expected_version: int, to: FlagStatus, data: dict[str, Any]
) -> RuptureFlag:
    """Move a flag to `to` with `data`, version-checked and audited."""
    _move(flag, to, expected_version)
    update_if_current(
        flag,
        data={"status": to, **data},
        fields=["status", *data],
        expected_version=expected_version,
    )
    details: dict[str, Any] = {"status": flag.status}
    if "repaired_in_session" in data:
        details["repaired_in_session"] = data["repaired_in_session"].pk
    audit_record(
        actor=actor, action=AuditAction.UPDATE, obj=flag, client_id=flag.client_id, details=details
    )
    return flag


@transaction.atomic
def flag_acknowledge(*, flag: RuptureFlag, actor: User, expected_version: int) -> RuptureFlag:
    """Record that the practitioner has seen the flag and takes it seriously."""
    return _step(flag, actor, expected_version, FlagStatus.ACKNOWLEDGED, {})


@transaction.atomic
def flag_dismiss(
    *, flag: RuptureFlag, actor: User, expected_version: int, reason: str
) -> RuptureFlag:
    """Mark a flag as not a rupture, with the practitioner's reason (the detector's miss)."""
    if not reason.strip():
        raise ValidationError({"dismissed_reason": _("Say why this is not a rupture.")})
    return _step(
        flag, actor, expected_version, FlagStatus.DISMISSED, {"dismissed_reason": reason.strip()}
    )


@transaction.atomic
def flag_mark_repaired(
    *, flag: RuptureFlag, actor: User, expected_version: int, session: Session
) -> RuptureFlag:
    """Record that the rupture was worked on and repaired in `session`."""
    if session.client_id != flag.client_id or session.starts_at < flag.session.starts_at:
        raise ValidationError(
            {
                "repaired_in_session": _(
                    "Choose a session of this client, on or after the one the flag is about."
                )
            }
        )
    return _step(
        flag, actor, expected_version, FlagStatus.REPAIRED, {"repaired_in_session": session}
    )


@transaction.atomic
def repair_plan_save(
    *, flag: RuptureFlag, actor: User, data: dict[str, Any], expected_version: int | None
) -> RepairPlan:
    """Create or change the flag's repair plan; the flag moves to "repair planned".

    The flag's row is locked first and its state read again: a dismissal or another plan
    saved meanwhile is seen (refused, or StaleEdit), never silently overwritten.
    """
    locked = RuptureFlag.objects.select_for_update().get(pk=flag.pk)
    flag.status, flag.version = locked.status, locked.version
    flag.dismissed_reason = locked.dismissed_reason
    _move(flag, FlagStatus.REPAIR_PLANNED, None)
    plan = RepairPlan.objects.filter(flag=flag).first()
    if plan is None:
        if expected_version:  # the form was read with a plan that is now gone
            raise StaleEdit(flag)
        plan = RepairPlan(flag=flag, created_by=actor)
        apply_fields(plan, data, RepairPlan.EDITABLE_FIELDS)
        validate(plan)
        plan.save()
        action = AuditAction.CREATE
    else:
        update_if_current(
            plan,
            data=data,
            fields=RepairPlan.EDITABLE_FIELDS,
            expected_version=expected_version or 0,
        )
        action = AuditAction.UPDATE
    if flag.status != FlagStatus.REPAIR_PLANNED:
        RuptureFlag.objects.filter(pk=flag.pk, version=flag.version).update(
            status=FlagStatus.REPAIR_PLANNED, version=flag.version + 1, updated_at=timezone.now()
        )
        flag.status, flag.version = FlagStatus.REPAIR_PLANNED, flag.version + 1
    audit_record(actor=actor, action=action, obj=plan, client_id=flag.client_id)
    return plan
