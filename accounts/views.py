"""Sign in and sign out."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views import i18n as i18n_views
from django.views.decorators.http import require_GET, require_POST

from accounts.selectors import therapists_supervised_by


def login(request: HttpRequest) -> HttpResponse:
    """Show the sign-in form; django-axes locks a username + address after repeated failures."""
    return auth_views.LoginView.as_view(
        template_name="accounts/login.html", redirect_authenticated_user=True
    )(request)


@require_POST
def logout(request: HttpRequest) -> HttpResponse:
    """Sign out (POST only, so that a link or a prefetch cannot end a session)."""
    return auth_views.LogoutView.as_view()(request)


@require_POST
def set_language(request: HttpRequest) -> HttpResponse:
    """Switch the interface language and remember the choice on the user's account."""
    response = i18n_views.set_language(request)
    language = request.POST.get("language", "")
    user = request.user
    if user.is_authenticated and language in dict(settings.LANGUAGES):
        user.language = language  # type: ignore[union-attr]
        user.save(update_fields=["language"])  # type: ignore[union-attr]
    return response


@require_GET
@login_required
def account(request: HttpRequest) -> HttpResponse:
    """Show who is signed in, their role, their supervision links and their language."""
    user = request.user
    return render(
        request,
        "accounts/account.html",
        {
            "supervisees": therapists_supervised_by(user) if user.is_supervisor else [],  # type: ignore[union-attr]
            "supervisors": user.supervisors.all() if user.is_therapist else [],  # type: ignore[union-attr]
        },
    )
