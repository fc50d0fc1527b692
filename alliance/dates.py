"""The one range of plausible dates, for every date and time a user can enter.

A date outside it is a typing slip (year 0202, 9999-12-31): refused with a clear message by
the model field's validator (hence by every model form and service that runs full_clean),
by the plain forms' PlausibleDateField, and by a CheckConstraint in the database whatever
the path. The bounds keep every value far from what PostgreSQL and Python can store: a
datetime of 9999-12-31 local time is year 10000 in UTC, which no page could read back.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils import formats
from django.utils.translation import gettext_lazy as _

EARLIEST = dt.date(2000, 1, 1)
LATEST = dt.date(2100, 12, 31)
# Datetimes are compared in UTC, as the database stores them.
EARLIEST_MOMENT = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)
AFTER_LATEST_MOMENT = dt.datetime(2101, 1, 1, tzinfo=dt.UTC)


def is_plausible(value: dt.date | dt.datetime) -> bool:
    if isinstance(value, dt.datetime):
        moment = value if value.tzinfo else value.replace(tzinfo=dt.UTC)
        try:
            return EARLIEST_MOMENT <= moment.astimezone(dt.UTC) < AFTER_LATEST_MOMENT
        except OverflowError:  # 9999-12-31 23:59 west of Greenwich: past year 9999 in UTC
            return False
    return EARLIEST <= value <= LATEST


def validate_plausible_date(value: Any) -> None:
    """Refuse a date or datetime outside 2000-01-01 .. 2100-12-31."""
    if value is not None and not is_plausible(value):
        raise ValidationError(
            _("Enter a date between %(earliest)s and %(latest)s."),
            code="implausible_date",
            params={
                "earliest": formats.date_format(EARLIEST, "SHORT_DATE_FORMAT"),
                "latest": formats.date_format(LATEST, "SHORT_DATE_FORMAT"),
            },
        )


def plausible_date(field: str, *, moment: bool = False, nullable: bool = False) -> Q:
    """Return the CheckConstraint condition keeping `field` in the plausible range."""
    low, high = (EARLIEST_MOMENT, AFTER_LATEST_MOMENT) if moment else (EARLIEST, LATEST)
    upper = Q(**{f"{field}__lt": high}) if moment else Q(**{f"{field}__lte": high})
    condition = Q(**{f"{field}__gte": low}) & upper
    return condition | Q(**{f"{field}__isnull": True}) if nullable else condition


class PlausibleDateField(forms.DateField):
    """A form date field that refuses implausible dates (for forms without a model)."""

    default_validators = [validate_plausible_date]


def repair_out_of_range(
    apps: Any,
    app_label: str,
    model_name: str,
    field: str,
    *,
    client: str | None,
    moment: bool = False,
) -> None:
    """For a migration adding the plausible-date constraint: bring each stored value out of
    range back inside it (a nullable field is emptied, another moved to the nearest bound)
    without reading it (Python cannot), and leave an audit entry for each record moved.
    `client` is the lookup of the record's client id ("client_id", "pk", "goal__client_id")."""
    model = apps.get_model(app_label, model_name)
    audit = apps.get_model("audit", "AuditEntry")
    nullable = model._meta.get_field(field).null
    if moment:
        low, high = EARLIEST_MOMENT, AFTER_LATEST_MOMENT
        bounds = (low, dt.datetime(2100, 12, 31, 12, tzinfo=dt.UTC))
        too_late = {f"{field}__gte": high}
    else:
        bounds = (EARLIEST, LATEST)
        too_late = {f"{field}__gt": LATEST}
    for condition, bound in zip(({f"{field}__lt": bounds[0]}, too_late), bounds, strict=True):
        rows = model.objects.filter(**condition)
        for pk, client_id in rows.values_list("pk", client or "pk"):
            audit.objects.create(
                actor=None,
                actor_label="system",
                action="maintenance",
                object_type=f"{app_label}.{model_name.lower()}",
                object_id=str(pk),
                client_id=client_id if client else None,
                details={
                    "repair": f"{field} out of the plausible range",
                    "now": None if nullable else str(bound),
                },
            )
        rows.update(**{field: None if nullable else bound})
