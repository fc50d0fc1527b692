"""Project-wide middleware: request ids, security headers, and session timeouts."""

from __future__ import annotations

import logging
import re
import time
import uuid
from collections.abc import Callable
from contextvars import ContextVar

from django.conf import settings
from django.contrib.auth import logout
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, resolve_url
from django.utils import translation
from django_htmx.http import HttpResponseClientRedirect

Middleware = Callable[[HttpRequest], HttpResponse]

_request_id: ContextVar[str] = ContextVar("request_id", default="-")
_VALID_REQUEST_ID = re.compile(r"^[A-Za-z0-9._-]{8,64}$")

# A request carrying this header is background polling: it does not keep a session alive.
BACKGROUND_HEADER = "X-Alliance-Background"


def current_request_id() -> str:
    """Return the id of the request (or task) being handled, or "-" outside one."""
    return _request_id.get()


def bind_request_id(value: str) -> None:
    """Set the id that audit entries and log lines carry (used by Celery tasks)."""
    _request_id.set(value)


class RequestIdLogFilter(logging.Filter):
    """Add the current request id to every log record."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = current_request_id()
        return True


def request_id_middleware(get_response: Middleware) -> Middleware:
    """Give every request an id (a trusted proxy's X-Request-ID or a new one) and echo it."""

    def middleware(request: HttpRequest) -> HttpResponse:
        incoming = request.headers.get("X-Request-ID", "")
        value = incoming if _VALID_REQUEST_ID.match(incoming) else uuid.uuid4().hex
        token = _request_id.set(value)
        request.request_id = value  # type: ignore[attr-defined]
        try:
            response = get_response(request)
        finally:
            _request_id.reset(token)
        response["X-Request-ID"] = value
        return response

    return middleware


def refuse_nul_bytes_middleware(get_response: Middleware) -> Middleware:
    """Answer 400 to a request whose query or form holds a NUL byte.

    PostgreSQL text cannot hold one, so any view passing such a value to a query (a search,
    the admin's autocomplete) would fail with a 500; no honest input contains one.
    """

    def middleware(request: HttpRequest) -> HttpResponse:
        if "\x00" in request.path or "%00" in request.META.get("QUERY_STRING", ""):
            return _bad_input()
        if request.method == "POST" and request.content_type in _FORM_TYPES:
            values = (v for vs in request.POST.lists() for v in (vs[0], *vs[1]))
            if any("\x00" in v for v in values):
                return _bad_input()
        return get_response(request)

    return middleware


_FORM_TYPES = {"application/x-www-form-urlencoded", "multipart/form-data"}


def _bad_input() -> HttpResponse:
    message = translation.gettext("This request holds a character that is never valid (NUL).")
    return HttpResponse(message, status=400, content_type="text/plain; charset=utf-8")


def security_headers_middleware(get_response: Middleware) -> Middleware:
    """Send the Content-Security-Policy and forbid caching of every dynamic response."""

    def middleware(request: HttpRequest) -> HttpResponse:
        response = get_response(request)
        response.setdefault("Content-Security-Policy", settings.CONTENT_SECURITY_POLICY)
        # Clinical data must never sit in a browser or proxy cache.
        response["Cache-Control"] = "no-store"
        response.setdefault("Permissions-Policy", "camera=(), microphone=(), geolocation=()")
        return response

    return middleware


def session_timeout_middleware(get_response: Middleware) -> Middleware:
    """Log out after SESSION_IDLE_TIMEOUT_SECONDS without activity or after the absolute limit.

    Background polling (requests with the X-Alliance-Background header) is not activity.
    """

    def middleware(request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            now = int(time.time())
            session = request.session
            started = session.setdefault("auth_started_at", now)
            last_seen = session.setdefault("last_activity_at", now)
            idle = now - last_seen > settings.SESSION_IDLE_TIMEOUT_SECONDS
            too_long = now - started > settings.SESSION_ABSOLUTE_TIMEOUT_SECONDS
            if idle or too_long:
                logout(request)
                login_url = f"{resolve_url(settings.LOGIN_URL)}?expired=1"
                # HtmxMiddleware runs later, so read the header itself.
                if request.headers.get("HX-Request") == "true":
                    return HttpResponseClientRedirect(login_url)
                return redirect(login_url)
            # Writing the session on every click would cost a query each time; a minute of
            # slack on a 30-minute idle limit is harmless.
            if not request.headers.get(BACKGROUND_HEADER) and now - last_seen >= 60:
                session["last_activity_at"] = now
        return get_response(request)

    return middleware


def user_language_middleware(get_response: Middleware) -> Middleware:
    """Speak the language a signed-in user chose, wherever they sign in from."""

    def middleware(request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        language = getattr(user, "language", "") if user is not None else ""
        if language and user.is_authenticated:  # type: ignore[union-attr]
            translation.activate(language)
            request.LANGUAGE_CODE = language  # type: ignore[attr-defined]
        return get_response(request)

    return middleware
