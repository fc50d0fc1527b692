"""The supervision dashboard ("My practice" for a therapist) and supervision comments."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST
from django.views.decorators.vary import vary_on_headers

from accounts.models import Role
from alliance.access import client_for_user
from clients import page
from ruptures.models import RuptureFlag
from supervision import presentation, selectors, services
from supervision.forms import CommentForm, DashboardFilters
from supervision.models import Comment


@require_GET
@login_required
def dashboard(request: HttpRequest) -> HttpResponse:
    """Show where the alliance is in trouble across the caseloads the user reviews."""
    therapists = list(selectors.therapists_in_scope(request.user))  # type: ignore[arg-type]
    filters = DashboardFilters(request.GET or None, therapists=therapists)
    period, therapist_id = selectors.DEFAULT_PERIOD, None
    if filters.is_bound and filters.is_valid():
        period = filters.cleaned_data["period"] or selectors.DEFAULT_PERIOD
        therapist_id = filters.cleaned_data["therapist"]
    elif filters.is_bound:
        messages.warning(request, _("Unknown filters were ignored; showing the default view."))
        filters = DashboardFilters(therapists=therapists)
    data = selectors.dashboard(
        user=request.user,  # type: ignore[arg-type]
        period=period,
        therapist_id=therapist_id,
        therapists=therapists,
    )
    names = {t.pk: str(t) for t in data.therapists}
    charts = []
    if None in data.trends:
        title = _("All caseloads")
        charts.append((title, presentation.trend_chart(title, data.trends[None])))
    for therapist in data.therapists:
        title = _("Caseload of %(name)s") % {"name": names[therapist.pk]}
        charts.append((title, presentation.trend_chart(title, data.trends.get(therapist.pk, []))))
    for item in data.queue:
        item.reason_texts = [presentation.reason_text(k, v) for k, v in item.reasons]
    return render(
        request,
        "supervision/dashboard.html",
        {
            "data": data,
            "filters": filters,
            "charts": charts,
            "is_own_practice": request.user.role == Role.THERAPIST,  # type: ignore[union-attr]
        },
    )


def _thread_answer(request: HttpRequest, client: object) -> HttpResponse:
    if not request.htmx:
        return redirect("clients:detail", pk=client.pk)  # type: ignore[attr-defined]
    context = page.comments_context(request, client)  # type: ignore[arg-type]
    return page.render_fragments(request, context, "comments-panel")


@require_POST
@login_required
@vary_on_headers("HX-Request")
def comment_create(request: HttpRequest, pk: int) -> HttpResponse:
    """A supervisor comments on a client, or on one of its rupture flags."""
    client = client_for_user(request, pk)
    if request.user.role != Role.SUPERVISOR:  # type: ignore[union-attr]
        raise PermissionDenied
    form = CommentForm(request.POST)
    if form.is_valid():
        flag = None
        if form.cleaned_data["flag"]:
            flag = get_object_or_404(
                RuptureFlag.objects.filter(client=client), pk=form.cleaned_data["flag"]
            )
        try:
            services.comment_create(
                client=client,
                author=request.user,  # type: ignore[arg-type]
                body=form.cleaned_data["body"],
                flag=flag,
            )
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
    else:
        messages.error(request, _("Write a comment first."))
    return _thread_answer(request, client)


@require_POST
@login_required
@vary_on_headers("HX-Request")
def comment_reply(request: HttpRequest, pk: int) -> HttpResponse:
    """Answer a supervision thread (the therapist, or a supervisor)."""
    comment = get_object_or_404(
        Comment.objects.visible_to(request.user).select_related(  # type: ignore[arg-type]
            "client", "reply_to"
        ),
        pk=pk,
    )
    is_owner = comment.client.therapist_id == request.user.pk
    if not (is_owner or request.user.role == Role.SUPERVISOR):  # type: ignore[union-attr]
        raise PermissionDenied
    form = CommentForm(request.POST)
    if form.is_valid():
        try:
            services.comment_reply(
                comment=comment,
                author=request.user,  # type: ignore[arg-type]
                body=form.cleaned_data["body"],
            )
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
    else:
        messages.error(request, _("Write a comment first."))
    return _thread_answer(request, comment.client)
