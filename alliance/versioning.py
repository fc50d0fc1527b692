"""Optimistic concurrency: a record is written only if nobody saved it since it was read."""

from __future__ import annotations

from typing import Any

from django.db import models
from django.http import QueryDict
from django.utils import timezone


class StaleEdit(Exception):
    """Raised when another save landed first; carries the stored record as it is now."""

    def __init__(self, current: models.Model) -> None:
        super().__init__(f"{current._meta.label} {current.pk} was changed by someone else")
        self.current = current


def save_if_current(instance: Any, *, expected_version: int, fields: list[str]) -> list[str]:
    """Write `fields` of `instance` only if its stored version is still `expected_version`.

    A single conditional UPDATE, so two tabs can never both win, on PostgreSQL or SQLite.
    Returns the names of the fields whose stored values changed (for the audit trail).
    """
    model = type(instance)
    manager = model._default_manager
    stored = manager.filter(pk=instance.pk).first()
    if stored is None or stored.version != expected_version:
        raise StaleEdit(stored or instance)
    changed = [f for f in fields if getattr(stored, f) != getattr(instance, f)]
    values = {
        model._meta.get_field(f).attname: getattr(instance, model._meta.get_field(f).attname)
        for f in fields
    }
    if any(f.name == "updated_at" for f in model._meta.fields):
        values["updated_at"] = timezone.now()
    updated = manager.filter(pk=instance.pk, version=expected_version).update(
        version=expected_version + 1, **values
    )
    if updated == 0:
        raise StaleEdit(manager.get(pk=instance.pk))
    instance.version = expected_version + 1
    return changed


def validate(instance: models.Model) -> None:
    """Run field validation (ranges, choices, lengths, uniqueness) before a save.

    Relations are not re-fetched to prove they exist: services receive them from scoped
    lookups, and the database enforces them. CheckConstraints are left to the database too
    (see alliance.constraints).
    """
    relations = [f.name for f in instance._meta.fields if f.is_relation]
    instance.full_clean(exclude=relations, validate_constraints=False)


def apply_fields(instance: Any, data: dict[str, Any], fields: list[str]) -> None:
    """Copy the given fields that `data` holds onto `instance`."""
    for name in fields:
        if name in data:
            setattr(instance, name, data[name])


def update_if_current(
    instance: Any, *, data: dict[str, Any], fields: list[str], expected_version: int
) -> list[str]:
    """Apply `data`, validate, and save if nobody saved since `expected_version`.

    Returns the names of the fields that changed; raises ValidationError or StaleEdit.
    """
    apply_fields(instance, data, fields)
    validate(instance)
    return save_if_current(instance, expected_version=expected_version, fields=fields)


def with_current_version(data: QueryDict, version: int) -> QueryDict:
    """Return posted data carrying the stored version, so that a deliberate re-save wins."""
    fresh = data.copy()
    fresh["version"] = str(version)
    return fresh


def save_or_conflict(
    request: Any, form: Any, update: Any, rebuild: Any
) -> tuple[Any, models.Model | None, bool]:
    """Validate a versioned form and save it with `update(version, data)`.

    Returns (form, conflict, saved). On a stale save the form is rebuilt by
    `rebuild(data, current)` on the stored record, carrying the user's input and the stored
    version, so that nothing typed is lost and a deliberate second save wins.
    """
    if request.method != "POST" or not form.is_valid():
        return form, None, False
    try:
        update(form.cleaned_data["version"], form.cleaned_data)
    except StaleEdit as stale:
        current = type(stale.current)._default_manager.get(pk=stale.current.pk)
        fresh = rebuild(with_current_version(request.POST, current.version), current)
        fresh.is_valid()
        return fresh, current, False
    return form, None, True
