"""The audit trail viewer for administrators: filter, read, never change."""

from __future__ import annotations

import datetime as dt

from django import forms
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET

from accounts.models import User
from alliance.access import require_admin
from alliance.dates import PlausibleDateField
from alliance.forms import DateInput
from audit.models import AuditAction, AuditEntry

PAGE_SIZE = 50


class AuditFilters(forms.Form):
    actor = forms.ModelChoiceField(
        label=_("Who"), queryset=User.objects.order_by("username"), required=False
    )
    client_id = forms.IntegerField(
        label=_("Client id"), required=False, min_value=1, max_value=2**31 - 1
    )
    action = forms.ChoiceField(
        label=_("Action"), required=False, choices=[("", _("All"))] + list(AuditAction.choices)
    )
    start = PlausibleDateField(label=_("From"), required=False, widget=DateInput())
    end = PlausibleDateField(label=_("To"), required=False, widget=DateInput())


@require_GET
@login_required
def entries(request: HttpRequest) -> HttpResponse:
    """List audit entries, newest first, filtered by person, client, action and period."""
    require_admin(request)
    filters = AuditFilters(request.GET or None)
    found = AuditEntry.objects.select_related("actor")
    if filters.is_bound and filters.is_valid():
        data = filters.cleaned_data
        if data["actor"]:
            found = found.filter(actor=data["actor"])
        if data["client_id"]:
            found = found.filter(client_id=data["client_id"])
        if data["action"]:
            found = found.filter(action=data["action"])
        tz = timezone.get_current_timezone()
        if data["start"]:
            found = found.filter(at__gte=dt.datetime.combine(data["start"], dt.time.min, tz))
        if data["end"]:
            found = found.filter(
                at__lt=dt.datetime.combine(data["end"] + dt.timedelta(days=1), dt.time.min, tz)
            )
    page = Paginator(found.order_by("-at", "-id"), PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "audit/entries.html",
        {"filters": filters, "page": page, "query": query.urlencode()},
    )
