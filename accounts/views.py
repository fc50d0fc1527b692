"""Sign in and sign out."""

from __future__ import annotations

from django.contrib.auth import views as auth_views
from django.http import HttpRequest, HttpResponse
from django.views.decorators.http import require_POST


def login(request: HttpRequest) -> HttpResponse:
    """Show the sign-in form; django-axes locks a username + address after repeated failures."""
    return auth_views.LoginView.as_view(
        template_name="accounts/login.html", redirect_authenticated_user=True
    )(request)


@require_POST
def logout(request: HttpRequest) -> HttpResponse:
    """Sign out (POST only, so that a link or a prefetch cannot end a session)."""
    return auth_views.LogoutView.as_view()(request)
