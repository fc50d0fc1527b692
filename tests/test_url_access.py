"""Every URL of the project, requested by every role on alice's objects.

A new URL pattern without an entry in ROUTES fails test_every_url_pattern_is_covered.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest
from django.contrib.contenttypes.models import ContentType
from django.test import Client as HttpClient
from django.urls import URLPattern, URLResolver, get_resolver

from conftest import Practice

ROLES = ["anon", "alice", "bob", "sam", "sue", "ada", "dee"]
LOGIN = "login"  # a redirect to the sign-in page
ADMIN_LOGIN = "admin-login"  # a redirect to the admin's sign-in page
REDIRECT = "redirect"  # any other redirect


def expect(anon: Any, alice: Any, bob: Any, sam: Any, sue: Any, ada: Any, dee: Any) -> dict:
    return dict(zip(ROLES, [anon, alice, bob, sam, sue, ada, dee], strict=True))


def same(value: Any) -> dict:
    return dict.fromkeys(ROLES, value)


SIGNED_IN = expect(LOGIN, 200, 200, 200, 200, 200, LOGIN)
READ = expect(LOGIN, 200, 404, 200, 404, 200, LOGIN)  # alice's record: her, her supervisor, admin
WRITE = expect(LOGIN, 200, 404, 403, 404, 403, LOGIN)  # only alice writes; readers get 403
THERAPISTS = expect(LOGIN, 200, 200, 403, 403, 403, LOGIN)

Kwargs = Callable[[Practice], dict[str, Any]]
client_pk: Kwargs = lambda p: {"pk": p.client.pk}  # noqa: E731
goal_pk: Kwargs = lambda p: {"pk": p.goal.pk}  # noqa: E731
task_pk: Kwargs = lambda p: {"pk": p.task.pk}  # noqa: E731
session_pk: Kwargs = lambda p: {"pk": p.session.pk}  # noqa: E731
flag_pk: Kwargs = lambda p: {"pk": p.flag.pk}  # noqa: E731
comment_pk: Kwargs = lambda p: {"pk": p.comment.pk}  # noqa: E731
job_pk: Kwargs = lambda p: {"pk": p.job.pk}  # noqa: E731
EXPORTERS = expect(LOGIN, 403, 403, 200, 200, 200, LOGIN)  # supervisors and admins
ADMINS = expect(LOGIN, 403, 403, 403, 403, 200, LOGIN)
REQUESTER = expect(LOGIN, 404, 404, REDIRECT, 404, 404, LOGIN)  # sam asked for the export
OWNER_STEP = expect(LOGIN, REDIRECT, 404, 403, 404, 403, LOGIN)  # a POST-only workflow step
none: Kwargs = lambda p: {}  # noqa: E731

# route -> (kwargs, expected on GET, expected on POST with an empty body or None)
ROUTES: dict[str, tuple[Kwargs, dict, dict | None]] = {
    "": (none, expect(LOGIN, REDIRECT, REDIRECT, REDIRECT, REDIRECT, REDIRECT, LOGIN), same(405)),
    "healthz": (none, same(200), same(405)),
    "accounts/login/": (
        none,
        expect(200, REDIRECT, REDIRECT, REDIRECT, REDIRECT, REDIRECT, 200),
        expect(200, REDIRECT, REDIRECT, REDIRECT, REDIRECT, REDIRECT, 200),
    ),
    "accounts/logout/": (none, same(405), same(LOGIN)),
    "accounts/me/": (none, SIGNED_IN, same(405)),
    "i18n/setlang/": (none, same(405), same(REDIRECT)),
    "clients/": (none, SIGNED_IN, same(405)),
    "clients/new/": (none, THERAPISTS, THERAPISTS),
    "clients/<int:pk>/": (client_pk, READ, same(405)),
    "clients/<int:pk>/edit/": (client_pk, WRITE, WRITE),
    "clients/<int:pk>/goals/new/": (client_pk, WRITE, WRITE),
    "clients/goals/<int:pk>/edit/": (goal_pk, WRITE, WRITE),
    "clients/goals/<int:pk>/move/": (
        goal_pk,
        same(405),
        expect(LOGIN, REDIRECT, 404, 403, 404, 403, LOGIN),
    ),
    "clients/goals/<int:pk>/tasks/new/": (goal_pk, WRITE, WRITE),
    "clients/tasks/<int:pk>/status/": (task_pk, same(405), WRITE),
    "clients/tasks/<int:pk>/edit/": (task_pk, WRITE, WRITE),
    "sessions/new/for-client/<int:pk>/": (client_pk, WRITE, WRITE),
    "sessions/<int:pk>/edit/": (session_pk, WRITE, WRITE),
    "sessions/<int:pk>/delete/": (session_pk, WRITE, same(405)),
    "ruptures/flags/<int:pk>/acknowledge/": (flag_pk, same(405), OWNER_STEP),
    "ruptures/flags/<int:pk>/dismiss/": (flag_pk, same(405), OWNER_STEP),
    "ruptures/flags/<int:pk>/repaired/": (flag_pk, same(405), OWNER_STEP),
    "ruptures/flags/<int:pk>/repair-plan/": (flag_pk, WRITE, WRITE),
    "ruptures/sessions/<int:pk>/add-marker/": (session_pk, WRITE, WRITE),
    # The panel is an htmx fragment; without htmx it sends readers to the client page.
    "ruptures/clients/<int:pk>/flags/": (
        client_pk,
        expect(LOGIN, REDIRECT, 404, REDIRECT, 404, REDIRECT, LOGIN),
        same(405),
    ),
    "ruptures/precision/": (none, expect(LOGIN, 403, 403, 403, 403, 200, LOGIN), same(405)),
    "supervision/": (none, SIGNED_IN, same(405)),
    # Only supervisors start threads; the therapist and supervisors answer them.
    "supervision/clients/<int:pk>/comments/": (
        client_pk,
        same(405),
        expect(LOGIN, 403, 404, REDIRECT, 404, 403, LOGIN),
    ),
    "supervision/comments/<int:pk>/reply/": (
        comment_pk,
        same(405),
        expect(LOGIN, REDIRECT, 404, REDIRECT, 404, 403, LOGIN),
    ),
    "exports/": (none, EXPORTERS, EXPORTERS),
    "exports/jobs/": (
        none,
        expect(LOGIN, 403, 403, REDIRECT, REDIRECT, REDIRECT, LOGIN),
        same(405),
    ),
    "exports/<int:pk>/download/": (job_pk, REQUESTER, same(405)),
    "exports/<int:pk>/cancel/": (job_pk, same(405), REQUESTER),
    "exports/<int:pk>/retry/": (job_pk, same(405), REQUESTER),
    "exports/subject/<int:pk>/": (
        client_pk,
        same(405),
        expect(LOGIN, 403, 403, 403, 403, REDIRECT, LOGIN),
    ),
    "clients/<int:pk>/erase/": (client_pk, ADMINS, ADMINS),
    "audit/": (none, ADMINS, same(405)),
    "sessions/<int:pk>/delete/confirmed/": (
        session_pk,
        same(405),
        expect(LOGIN, REDIRECT, 404, 403, 404, 403, LOGIN),
    ),
}
ADMIN_PREFIX = "admin/"
# Admin pages with their own rule; every other admin page is for administrators only.
ADMIN_SPECIAL = {
    "admin/login/": expect(200, 200, 200, 200, 200, REDIRECT, 200),
    # Only a signed-in administrator reaches the (POST-only) admin sign-out.
    "admin/logout/": expect(REDIRECT, REDIRECT, REDIRECT, REDIRECT, REDIRECT, 405, REDIRECT),
}


def _all_routes() -> list[str]:
    routes: list[str] = []

    def walk(resolver: URLResolver, prefix: str) -> None:
        for pattern in resolver.url_patterns:
            if isinstance(pattern, URLResolver):
                walk(pattern, prefix + str(pattern.pattern))
            elif isinstance(pattern, URLPattern):
                routes.append(prefix + str(pattern.pattern))

    walk(get_resolver(), "")
    return routes


def _admin_path(route: str, p: Practice) -> str:
    """Turn an admin route into a concrete path on one of alice's objects."""
    model_match = re.match(r"admin/(\w+)/(\w+)/", route)
    object_id = "1"
    if model_match and model_match.group(1) in {"accounts", "audit", "clients"}:
        objects = {
            "user": p.alice.pk,
            "supervision": p.alice.supervised_by.get().pk,
            "client": p.client.pk,
            "auditentry": 1,
        }
        object_id = str(objects.get(model_match.group(2), 1))
    ct = ContentType.objects.get_for_model(type(p.client))
    path = (
        route.replace("<path:object_id>", object_id)
        .replace("<id>", object_id)
        .replace("<path:content_type_id>", str(ct.pk))
    )
    path = re.sub(r"\^\(\?P<app_label>[^)]*\)/\$", "accounts/", path)
    path = re.sub(r"\(\?P<url>\.\*\)\$", "no-such-page/", path)
    return "/" + path


def _browser(role: str, p: Practice) -> HttpClient:
    browser = HttpClient()
    if role != "anon":
        browser.force_login(getattr(p, role), backend="django.contrib.auth.backends.ModelBackend")
    return browser


def _check(response: Any, expected: Any, where: str) -> None:
    location = response.headers.get("Location", "")
    if expected == LOGIN:
        ok = response.status_code == 302 and location.startswith("/accounts/login/")
    elif expected == ADMIN_LOGIN:
        ok = response.status_code == 302 and location.startswith("/admin/login/")
    elif expected == REDIRECT:
        ok = response.status_code == 302 and "/login/" not in location
    else:
        ok = response.status_code == expected
    assert ok, f"{where}: expected {expected}, got {response.status_code} {location}"


def test_every_url_pattern_is_covered() -> None:
    missing = [r for r in _all_routes() if r not in ROUTES and not r.startswith(ADMIN_PREFIX)]
    assert not missing, f"Add these routes to ROUTES with their expected statuses: {missing}"


@pytest.mark.parametrize("route", [r for r in _all_routes() if not r.startswith(ADMIN_PREFIX)])
def test_route_answers_each_role_as_expected(route: str, practice: Practice) -> None:
    kwargs, on_get, on_post = ROUTES[route]
    path = "/" + re.sub(r"<int:(\w+)>", lambda m: str(kwargs(practice)[m.group(1)]), route)
    # alice (the owner) goes last: her POST may delete the record.
    for role in sorted(ROLES, key=lambda r: r == "alice"):
        _check(_browser(role, practice).get(path), on_get[role], f"GET {path} as {role}")
        if on_post is not None:
            _check(_browser(role, practice).post(path, {}), on_post[role], f"POST {path} as {role}")


@pytest.mark.parametrize("route", [r for r in _all_routes() if r.startswith(ADMIN_PREFIX)])
def test_admin_route_is_for_administrators_only(route: str, practice: Practice) -> None:
    path = _admin_path(route, practice)
    rule = ADMIN_SPECIAL.get(route)
    for role in ROLES:
        response = _browser(role, practice).get(path)
        if rule is not None:
            _check(response, rule[role], f"GET {path} as {role}")
        elif role == "ada":
            assert response.status_code < 500, f"GET {path} as ada: {response.status_code}"
        else:
            _check(response, ADMIN_LOGIN, f"GET {path} as {role}")


def test_admin_sees_the_admin_pages_it_manages(practice: Practice) -> None:
    browser = _browser("ada", practice)
    for path in [
        "/admin/",
        "/admin/accounts/user/",
        "/admin/clients/client/",
        "/admin/audit/auditentry/",
        "/admin/axes/accessattempt/",
        f"/admin/clients/client/{practice.client.pk}/change/",
        f"/admin/accounts/user/{practice.alice.pk}/change/",
    ]:
        assert browser.get(path).status_code == 200, path
